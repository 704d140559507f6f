//! Live preview (`--watch`) in the tutor: a pack loaded again from disk takes the old
//! one's place, and the person stays where they were. Everything that points into the
//! pack by position (every lesson on the way back, home's selection, the body map's
//! site, search hits) is found again by id in the new pack.

use std::cell::OnceCell;

use super::app::{App, Overlay, Reader, Screen, ScreenKind, sections_of, top, top_mut};
use super::layout;
use super::quiz_flow::QuizKind;
use crate::content::ContentPack;
use crate::content::watch::Reloaded;
use crate::markdown::{self, Rendered};
use crate::words::t;

/// Where a reader on the stack was, by names that survive an edit: the lesson's id,
/// and the heading above the top line with how many lines below it.
struct Place {
    id: String,
    heading: Option<(String, usize)>,
    top: usize,
}

impl Place {
    fn of(pack: &ContentPack, reader: &Reader) -> Option<Place> {
        let heading = reader
            .doc
            .anchors
            .iter()
            .rev()
            .find(|a| a.line <= reader.top)
            .map(|a| (a.slug.clone(), reader.top - a.line));
        Some(Place { id: pack.lessons.get(reader.lesson)?.id.clone(), heading, top: reader.top })
    }

    /// The top line in a new rendering: as far below the same heading (but not into the
    /// next one, if the part got shorter), else the same line as before.
    fn top_in(&self, doc: &Rendered) -> usize {
        let Some((slug, below)) = &self.heading else { return self.top };
        let Some(at) = doc.anchors.iter().position(|a| &a.slug == slug) else { return self.top };
        let start = doc.anchors[at].line;
        let end = doc.anchors.get(at + 1).map_or(usize::MAX, |next| next.line.saturating_sub(1).max(start));
        (start + below).min(end)
    }
}

/// Why a pack takes another's place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// Its files were edited (`--watch`): the same lessons, so a visit goes on.
    Edited,
    /// The person chose another language: the same lessons in other words, read
    /// afresh (reading one language's never marks the other's).
    Language,
}

/// What a screen on the stack points at in the old pack, by id.
enum Held {
    Nothing,
    Lesson(Option<Place>),
    Site(Option<String>),
}

impl App {
    /// Take a pack loaded again by `content::watch`. A pack that did not load leaves
    /// the last good one on screen, and its first problem (with how many more) in the
    /// footer until the files load again.
    pub fn reload_pack(&mut self, reloaded: Reloaded) {
        match reloaded {
            Ok(pack) => self.take_pack(pack, Change::Edited),
            Err(errors) => {
                let first = errors.0.first().map(|e| e.to_string()).unwrap_or_default();
                // ContentError is clean already; a footer is a terminal all the same.
                let first = markdown::sanitize(&first).into_owned();
                self.pack_problem = Some(super::text::reload::broken(&first, errors.0.len().saturating_sub(1)));
                // The footer shows a passing message first: the problem is the latest news.
                self.message = None;
            }
        }
    }

    pub(super) fn take_pack(&mut self, pack: ContentPack, change: Change) {
        let was_broken = self.pack_problem.take().is_some();
        let site_id =
            |pack: &ContentPack, i: usize| pack.sites.as_ref().and_then(|s| s.sites.get(i)).map(|s| s.id.clone());
        // Every screen on the way back, by what it points at.
        let held: Vec<Held> = self
            .stack
            .iter()
            .map(|screen| match screen {
                Screen::Reader(reader) => Held::Lesson(Place::of(&self.pack, reader)),
                Screen::Explorer(e) => Held::Site(site_id(&self.pack, e.selected)),
                _ => Held::Nothing,
            })
            .collect();
        let home = self.pack.lessons.get(self.home_selected).map(|l| l.id.clone());
        let last_site = self.last_site.and_then(|i| site_id(&self.pack, i));
        let top_before = self.stack.len();

        self.pack = pack;
        // An edited pack.toml may name another pack: its own places, not these.
        self.progress.use_pack(self.pack.progress_id());
        self.glossary_phrases = super::reader_words::glossary_phrases(&self.pack);
        let mut note = None;
        let old = std::mem::take(&mut self.stack);
        for (screen, held) in old.into_iter().zip(held) {
            match self.refit(screen, held, change) {
                Ok(screen) => self.stack.push(screen),
                Err(gone) => note = note.or(Some(gone)),
            }
        }
        if self.stack.is_empty() {
            self.stack.push(Screen::Home);
        }
        if self.stack.len() != top_before && self.screen() != ScreenKind::Reader {
            // The contents or the terms of a lesson that is gone.
            if matches!(self.overlay, Some(Overlay::Contents { .. } | Overlay::Terms { .. })) {
                self.overlay = None;
            }
        }
        if let (Some(Overlay::Contents { cursor }), Some(reader)) = (self.overlay.as_mut(), top!(self, Reader)) {
            // The lesson's title, then its sections.
            *cursor = (*cursor).min(reader.sections.len());
        }
        let last = self.pack.lessons.len().saturating_sub(1);
        self.home_selected = home.and_then(|id| self.pack.lesson_index(&id)).unwrap_or(self.home_selected.min(last));
        self.last_site = last_site.and_then(|id| self.pack.sites.as_ref()?.sites.iter().position(|s| s.id == id));
        // The glossary's selection depends on its filter, so it is refitted on top only.
        let terms = self.glossary_matches().len();
        if let Some(glossary) = top_mut!(self, Glossary) {
            glossary.selected = glossary.selected.min(terms.saturating_sub(1));
        }
        if change == Change::Edited {
            self.message = Some(
                note.unwrap_or(if was_broken { t("tui.reload.fixed") } else { t("tui.reload.reloaded") }).to_string(),
            );
        }
    }

    /// One screen of the stack in the new pack, or why it is gone (a lesson, a quiz or a
    /// tool whose part of the pack was removed).
    fn refit(&self, screen: Screen, held: Held, change: Change) -> Result<Screen, &'static str> {
        Ok(match (screen, held) {
            (Screen::Reader(reader), Held::Lesson(place)) => {
                let place = place.ok_or(t("tui.reload.lesson_gone"))?;
                let index = self.pack.lesson_index(&place.id).ok_or(t("tui.reload.lesson_gone"))?;
                Screen::Reader(self.reopen(reader, index, &place, change))
            }
            // A lesson's quiz goes on while its lesson is there (its questions are the
            // session's own copies); review and mixed quizzes always go on.
            (Screen::Quiz(quiz), _) => {
                if matches!(&quiz.kind, QuizKind::Lesson(id) if self.pack.lesson(id).is_none()) {
                    return Err(t("tui.reload.quiz_gone"));
                }
                Screen::Quiz(quiz)
            }
            (Screen::Explorer(mut explorer), held) => {
                let sites = self.pack.sites.as_ref().ok_or(t("tui.reload.part_gone"))?;
                let last = sites.sites.len().saturating_sub(1);
                let site = match held {
                    Held::Site(site) => site,
                    _ => None,
                };
                explorer.selected = site
                    .and_then(|id| sites.sites.iter().position(|s| s.id == id))
                    .unwrap_or(explorer.selected.min(last));
                if let Some(search) = explorer.search.as_mut() {
                    search.hits = crate::explorer::search::search(sites, search.input.value());
                    search.cursor = search.cursor.min(search.hits.len().saturating_sub(1));
                }
                Screen::Explorer(explorer)
            }
            (Screen::Search(mut search), _) => {
                search.hits = crate::search::search(&self.pack, search.input.value());
                search.selected = search.selected.min(search.hits.len().saturating_sub(1));
                Screen::Search(search)
            }
            (Screen::Survival(mut survival), _) => {
                let rows = self.pack.survival.len();
                if rows == 0 {
                    return Err(t("tui.reload.part_gone"));
                }
                survival.selected = survival.selected.min(rows - 1);
                Screen::Survival(survival)
            }
            // The draft is kept in the progress file; it comes back with the form.
            (Screen::CheckIn(_) | Screen::CheckInHistory(_), _) if self.pack.checkin.is_none() => {
                return Err(t("tui.reload.part_gone"));
            }
            (screen, _) => screen,
        })
    }

    /// Lesson `index` of the new pack rendered again at the reader's width, at `place`;
    /// the reader's own settings (contents panel, search words, content note) stay.
    fn reopen(&self, reader: Reader, index: usize, place: &Place, change: Change) -> Reader {
        let (doc, detail_links) = self.render_lesson(index, reader.width);
        let height = layout::reader(self.area, reader.toc_wanted).text.height as usize;
        let top = place.top_in(&doc).min(doc.lines.len().saturating_sub(height));
        let sections = sections_of(&doc).into_iter().map(|(_, line)| line).collect();
        let on_screen = top..(top + height).min(doc.lines.len());
        let visit = match change {
            Change::Edited => {
                let mut visit = reader.visit.clone();
                visit.rewrap(&reader.doc, &doc, sections, on_screen);
                visit
            }
            Change::Language => {
                let percent = self.progress.lessons.get(&place.id).map_or(0, |p| p.percent);
                reader.visit.afresh(doc.lines.len(), sections, percent, on_screen)
            }
        };
        Reader {
            lesson: index,
            sections: sections_of(&doc),
            terms_in_line: vec![OnceCell::new(); doc.lines.len()],
            doc,
            detail_links,
            top,
            link: None,
            current_match: None,
            visit,
            ..reader
        }
    }
}

//! Live preview (`--watch`) in the tutor: a pack loaded again from disk takes the old
//! one's place, and the person stays where they were. Everything that points into the
//! pack by position (the open lesson, the lessons to go back to, home's selection,
//! the body map's site, search hits) is found again by id in the new pack.

use std::cell::OnceCell;

use super::app::{App, Screen};
use super::quiz_flow::QuizKind;
use super::text::reload as words;
use crate::content::ContentPack;
use crate::content::watch::Reloaded;
use crate::markdown::{self, Rendered};

/// Where the reader was, by names that survive an edit: the lesson's id, and the
/// heading above the top line with how many lines below it.
struct Place {
    id: String,
    heading: Option<(String, usize)>,
    top: usize,
    search_words: Vec<String>,
    toc_cursor: Option<usize>,
}

impl Place {
    fn of(app: &App) -> Option<Place> {
        let reader = app.reader.as_ref()?;
        let heading = reader
            .doc
            .anchors
            .iter()
            .rev()
            .find(|a| a.line <= reader.top)
            .map(|a| (a.slug.clone(), reader.top - a.line));
        Some(Place {
            id: app.pack.lessons.get(reader.lesson)?.id.clone(),
            heading,
            top: reader.top,
            search_words: reader.search_words.clone(),
            toc_cursor: reader.toc_cursor,
        })
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

impl App {
    /// Take a pack loaded again by `content::watch`. A pack that did not load leaves
    /// the last good one on screen, and its first problem (with how many more) in the
    /// footer until the files load again.
    pub fn reload_pack(&mut self, reloaded: Reloaded) {
        match reloaded {
            Ok(pack) => self.take_pack(pack),
            Err(errors) => {
                let first = errors.0.first().map(|e| e.to_string()).unwrap_or_default();
                // ContentError is clean already; a footer is a terminal all the same.
                let first = markdown::sanitize(&first).into_owned();
                self.pack_problem = Some(words::broken(&first, errors.0.len().saturating_sub(1)));
                // The footer shows a passing message first: the problem is the latest news.
                self.message = None;
            }
        }
    }

    fn take_pack(&mut self, pack: ContentPack) {
        let was_broken = self.pack_problem.take().is_some();
        let id_of = |app: &App, i: usize| app.pack.lessons.get(i).map(|l| l.id.clone());
        let place = Place::of(self);
        let back: Vec<(Option<String>, usize)> =
            self.back_stack.iter().map(|&(i, top)| (id_of(self, i), top)).collect();
        let home = id_of(self, self.home_selected);
        let quiz_return = self.quiz.as_ref().and_then(|q| q.return_to_lesson).and_then(|i| id_of(self, i));
        let site = self
            .explorer
            .as_ref()
            .and_then(|e| self.pack.sites.as_ref().and_then(|s| s.sites.get(e.selected)).map(|s| s.id.clone()));

        self.pack = pack;
        self.glossary_phrases = glossary_phrases(&self.pack);
        let mut note = None;

        // A lesson's quiz goes on while its lesson is there (its questions are the
        // session's own copies); review and mixed quizzes always go on.
        if let Some(quiz) = self.quiz.as_mut() {
            quiz.return_to_lesson = quiz_return.and_then(|id| self.pack.lesson_index(&id));
            if matches!(&quiz.kind, QuizKind::Lesson(id) if self.pack.lesson(id).is_none()) {
                self.quiz = None;
                if self.screen == Screen::Quiz {
                    self.screen = Screen::Home;
                }
                note = Some(words::QUIZ_GONE);
            }
        }

        if let Some(place) = place {
            match self.pack.lesson_index(&place.id) {
                Some(index) => self.reopen(index, &place),
                None => {
                    self.reader = None;
                    if self.screen == Screen::Reader {
                        self.screen = Screen::Home;
                    }
                    note = Some(words::LESSON_GONE);
                }
            }
        }
        self.back_stack = back.into_iter().filter_map(|(id, top)| Some((self.pack.lesson_index(&id?)?, top))).collect();
        let last = self.pack.lessons.len().saturating_sub(1);
        self.home_selected = home.and_then(|id| self.pack.lesson_index(&id)).unwrap_or(self.home_selected.min(last));

        if self.refit_tools(site) {
            note = note.or(Some(words::PART_GONE));
        }
        self.message = Some(note.unwrap_or(if was_broken { words::FIXED } else { words::RELOADED }).to_string());
    }

    /// Render lesson `index` of the new pack again and put the reader back at `place`,
    /// changing nothing else: the screen on top (a quiz, a tool) and the progress stay.
    fn reopen(&mut self, index: usize, place: &Place) {
        let (screen, unsaved, last) = (self.screen, self.unsaved, self.progress.last_lesson.clone());
        self.open_lesson(index, None);
        (self.screen, self.unsaved, self.progress.last_lesson) = (screen, unsaved, last);
        let Some(reader) = self.reader.as_mut() else { return };
        let top = place.top_in(&reader.doc);
        reader.search_words = place.search_words.clone();
        reader.toc_cursor = place.toc_cursor.map(|c| c.min(reader.sections.len().saturating_sub(1)));
        reader.terms_in_line = vec![OnceCell::new(); reader.doc.lines.len()];
        self.scroll_to(top);
    }

    /// The tools' selections are positions in the pack's lists: keep them in range, on
    /// the same body-map site when it is still there. A tool whose part of the pack is
    /// gone closes (true, to say so).
    fn refit_tools(&mut self, site: Option<String>) -> bool {
        let mut gone = false;
        let back =
            if self.reader.is_some() && self.tool_return == Screen::Reader { Screen::Reader } else { Screen::Home };
        match (self.explorer.as_mut(), self.pack.sites.as_ref()) {
            (Some(explorer), Some(sites)) => {
                let last = sites.sites.len().saturating_sub(1);
                explorer.selected = site
                    .and_then(|id| sites.sites.iter().position(|s| s.id == id))
                    .unwrap_or(explorer.selected.min(last));
                if let Some(search) = explorer.search.as_mut() {
                    search.hits = crate::explorer::search::search(sites, search.input.value());
                    search.cursor = search.cursor.min(search.hits.len().saturating_sub(1));
                }
            }
            (Some(_), None) => {
                self.explorer = None;
                if self.screen == Screen::Explorer {
                    self.screen =
                        if self.explorer_from_reader && self.reader.is_some() { Screen::Reader } else { Screen::Home };
                    gone = true;
                }
            }
            (None, _) => {}
        }
        if let Some(search) = self.search.as_mut() {
            search.hits = crate::search::search(&self.pack, search.input.value());
            search.selected = search.selected.min(search.hits.len().saturating_sub(1));
        }
        let terms = self.glossary_matches().len();
        if let Some(glossary) = self.glossary.as_mut() {
            glossary.selected = glossary.selected.min(terms.saturating_sub(1));
        }
        let rows = self.pack.survival.len();
        if rows == 0 && self.survival.take().is_some() && self.screen == Screen::Survival {
            self.screen = back;
            gone = true;
        }
        if let Some(survival) = self.survival.as_mut() {
            survival.selected = survival.selected.min(rows.saturating_sub(1));
        }
        if self.pack.checkin.is_none() && matches!(self.screen, Screen::CheckIn | Screen::CheckInHistory) {
            // The draft is kept in the progress file; it comes back with the form.
            self.checkin = None;
            self.checkin_history = None;
            self.screen = Screen::Home;
            gone = true;
        }
        gone
    }
}

/// Glossary names, lowercased, longest first: what the reader underlines (as
/// `App::new` makes them).
pub fn glossary_phrases(pack: &ContentPack) -> Vec<(String, usize)> {
    let mut phrases: Vec<(String, usize)> = pack
        .glossary
        .terms
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.names().map(move |n| (n.to_lowercase(), i)))
        .collect();
    phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    phrases
}

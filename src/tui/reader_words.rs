//! Words the reader marks in a lesson: glossary terms (underlined, explained in a
//! panel) and the words of the search that opened it (highlighted, `n`/`N`).

use super::app::{top, top_mut};
use std::ops::Range;

use super::action::{Action, Effect};
use super::app::{App, Overlay, Reader, TermMark};
use crate::markdown::line_to_string;
use crate::search;
use crate::words::t;

impl App {
    /// Open a lesson at a byte offset of its Markdown (a search hit).
    pub fn open_lesson_at_offset(&mut self, index: usize, offset: usize) {
        // A hit inside a folded "More detail" part opens the part, so the words show.
        if let Some(lesson) = self.pack.lessons.get(index)
            && let Some(part) = lesson.details.iter().position(|d| d.range.contains(&offset))
        {
            self.unfolded.entry(lesson.id.clone()).or_default().insert(part);
        }
        self.open_lesson(index, None);
        let line = self
            .reader()
            .map(|r| r.doc.source_offsets.partition_point(|&o| o < offset).min(r.doc.lines.len().saturating_sub(1)));
        if let Some(line) = line {
            self.scroll_to(line.saturating_sub(1));
            self.start_visit();
        }
    }

    /// The glossary terms in line `index` of the open lesson's rendering (whose text
    /// is `text`), worked out once per rendering. Never inside a link: a link has its
    /// own look, and its target is a title, not a word to explain.
    pub fn terms_in_line<'r>(&self, reader: &'r Reader, index: usize, text: &str) -> &'r [TermMark] {
        match reader.terms_in_line.get(index) {
            Some(cell) => cell.get_or_init(|| {
                let mut marks = self.glossary_marks(text);
                marks.retain(|(range, _)| !super::reader_links::in_link(&reader.doc, index, range));
                marks
            }),
            None => &[],
        }
    }

    /// Byte ranges of glossary terms in a line of text, and which term each is.
    /// Longer names win where names overlap ("lymph nodes" over "lymph").
    pub fn glossary_marks(&self, text: &str) -> Vec<TermMark> {
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            return Vec::new();
        }
        let mut marks: Vec<(Range<usize>, usize)> = Vec::new();
        for (phrase, term) in &self.glossary_phrases {
            if !lower.contains(phrase.as_str()) {
                continue;
            }
            for range in super::highlight::find_phrase(&lower, phrase) {
                if !marks.iter().any(|(r, _)| r.start < range.end && range.start < r.end) {
                    marks.push((range, *term));
                }
            }
        }
        marks.sort_by_key(|(r, _)| r.start);
        marks
    }

    /// The glossary terms on the reader's screen now, in order of appearance.
    pub fn terms_on_screen(&self) -> Vec<usize> {
        let Some(reader) = top!(self, Reader) else { return Vec::new() };
        let height = self.reader_layout().text.height as usize;
        let mut terms = Vec::new();
        for (index, line) in reader.doc.lines.iter().enumerate().skip(reader.top).take(height) {
            for &(_, term) in self.terms_in_line(reader, index, &line_to_string(line)) {
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }

    /// Ranges of the search words in a line of text.
    pub fn search_marks(&self, text: &str) -> Vec<Range<usize>> {
        match top!(self, Reader) {
            Some(r) if !r.search_words.is_empty() => search::match_ranges(text, &r.search_words),
            _ => Vec::new(),
        }
    }

    /// Move to the next (or previous) line with a search match.
    pub(super) fn jump_match(&mut self, forward: bool) {
        let Some(reader) = top!(self, Reader) else { return };
        if reader.search_words.is_empty() {
            self.message = Some(t("tui.no_search").to_string());
            return;
        }
        // From the match last moved to, or from the top of the screen.
        let has_match =
            |i: &usize| !search::match_ranges(&line_to_string(&reader.doc.lines[*i]), &reader.search_words).is_empty();
        let found = match (forward, reader.current_match) {
            (true, Some(current)) => (current + 1..reader.doc.lines.len()).find(has_match),
            (true, None) => (reader.top..reader.doc.lines.len()).find(has_match),
            (false, Some(current)) => (0..current).rev().find(has_match),
            (false, None) => (0..reader.top).rev().find(has_match),
        };
        match found {
            Some(line) => {
                if let Some(reader) = top_mut!(self, Reader) {
                    reader.current_match = Some(line);
                }
                // Shown one line below the top, so the line before gives context.
                self.scroll_to(line.saturating_sub(1));
            }
            None => self.message = Some(t("tui.no_more_matches").to_string()),
        }
    }

    pub(super) fn update_terms(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Terms { scroll }) = self.overlay.as_mut() else { return vec![] };
        match action {
            Action::Down | Action::Scroll(1..) => *scroll = scroll.saturating_add(1),
            Action::Up | Action::Scroll(i16::MIN..=-1) => *scroll = scroll.saturating_sub(1),
            Action::Back | Action::ShowTerms => self.overlay = None,
            Action::Help => self.open_help(),
            _ => {}
        }
        vec![]
    }
}

/// Glossary names, lowercased, longest first: what the reader underlines (made when
/// the tutor starts and again when `--watch` reloads the pack).
pub fn glossary_phrases(pack: &crate::content::ContentPack) -> Vec<(String, usize)> {
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

//! The inline content of one block (paragraph, heading, list item text, table cell),
//! gathered from pulldown-cmark events before it is wrapped.
//!
//! One `String` plus style runs, rather than a span per event: text events are often
//! split mid-word (escapes, entities), and a word must be measured and placed whole.

use std::ops::Range;

use ratatui::style::Style;

use super::sanitize::{Newlines, push_sanitized};

#[derive(Default, Debug, Clone)]
pub(super) struct Inline {
    /// Sanitized text. `'\n'` is a hard line break; no other control characters.
    pub text: String,
    /// `(end byte, style)`: consecutive runs covering all of `text`; neighbours differ.
    pub runs: Vec<(usize, Style)>,
    /// `(byte position, link index)`: where each link's text starts, in order.
    pub marks: Vec<(usize, usize)>,
    /// `(range, link index)`: each link's text with its target after it, in order.
    pub links: Vec<(Range<usize>, usize)>,
    /// Ranges kept on one line when they fit in one (a link's `[→ …]` target), in order.
    pub keep: Vec<Range<usize>>,
}

impl Inline {
    /// Append text from the document; line breaks in it become spaces.
    pub fn push(&mut self, s: &str, style: Style) {
        self.push_with(s, style, Newlines::Space);
    }

    pub fn push_with(&mut self, s: &str, style: Style, newlines: Newlines) {
        push_sanitized(&mut self.text, s, newlines);
        self.extend_run(style);
    }

    pub fn hard_break(&mut self, style: Style) {
        self.text.push('\n');
        self.extend_run(style);
    }

    /// Record that link number `link` starts here.
    pub fn mark(&mut self, link: usize) {
        self.marks.push((self.text.len(), link));
    }

    /// Append another block's content (table fallback: "Header: value").
    pub fn append(&mut self, other: &Inline) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        for &(end, style) in &other.runs {
            match self.runs.last_mut() {
                Some((e, s)) if *s == style => *e = base + end,
                _ => self.runs.push((base + end, style)),
            }
        }
        self.marks.extend(other.marks.iter().map(|&(pos, link)| (base + pos, link)));
        self.links.extend(other.links.iter().map(|(r, link)| (base + r.start..base + r.end, *link)));
        self.keep.extend(other.keep.iter().map(|r| base + r.start..base + r.end));
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.marks.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.runs.clear();
        self.marks.clear();
        self.links.clear();
        self.keep.clear();
    }

    fn extend_run(&mut self, style: Style) {
        let end = self.text.len();
        if end == self.runs.last().map_or(0, |r| r.0) {
            return; // nothing was added
        }
        match self.runs.last_mut() {
            Some((e, s)) if *s == style => *e = end,
            _ => self.runs.push((end, style)),
        }
    }
}

//! Markdown → width-aware styled lines for the terminal.
//!
//! `render` turns a Markdown document into `Line`s no wider than the width asked for
//! (one exception: a single character wider than the whole width), with every control
//! character stripped, heading anchors and links recorded by line, and a source
//! offset per line so a reading position survives a change of width.
//!
//! This module knows nothing of lessons or screens; callers cache `Rendered` per width.

mod inline;
mod out;
mod prefix;
mod render;
mod sanitize;
mod slug;
mod stream;
mod table;
mod theme;
mod wrap;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use ratatui::text::Line;
pub use sanitize::{sanitize, sanitize_multiline, sanitize_path};
pub use slug::{anchor_of, options, slugify};
pub use stream::{render_each, render_each_linear, write_linear, write_plain};
pub use theme::{MdTheme, Palette};
pub use wrap::{display_width, wrap_text};

/// The linear form of a document, for pipes, scripts and screen readers (which read
/// box drawing aloud): every table as "Header: value" lines, a rule as `---`, a
/// quote marked `> `, and each link's target in words after its text.
pub struct Linear<'a> {
    /// Words for a link target (`staging#t-n-and-m` → "How stage 4 is decided,
    /// section T, N and M"); `None` shows the target as written (a web address).
    pub link_words: &'a dyn Fn(&str) -> Option<String>,
}

/// A heading: every heading gets one, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// `slugify(title)`, with "-1", "-2"… added to repeats.
    pub slug: String,
    /// The heading's plain text.
    pub title: String,
    /// 1 to 6.
    pub level: u8,
    /// Index of the heading's first rendered line.
    pub line: usize,
}

/// A link, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as written (sanitized): a URL, `lesson-id` or `lesson-id#anchor`.
    pub target: String,
    /// The link's plain text.
    pub text: String,
    /// Rendered line where the link text starts.
    pub line: usize,
}

/// Where a link shows on one rendered line: its text and the target after it (one
/// per line the link is on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpan {
    /// Index into [`Rendered::links`].
    pub link: usize,
    pub line: usize,
    /// Bytes of the line's text, as [`line_to_string`] gives it.
    pub range: Range<usize>,
}

/// Words for a link target, shown after the link's text as `[→ words]`: a lesson's
/// title for `lesson-id`; `None` shows the target as written (a web address).
pub type LinkTitles<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The output of [`render`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    pub anchors: Vec<Anchor>,
    pub links: Vec<LinkRef>,
    /// Where each link shows, in line order (a link on two lines has two).
    pub link_spans: Vec<LinkSpan>,
    /// For each rendered line, the byte offset in the source of the block (paragraph,
    /// list item, heading, table row, code line...) it came from — monotonically
    /// non-decreasing. Used to keep a reading position across widths: save the offset
    /// of the top line, restore to the first line whose offset >= it.
    pub source_offsets: Vec<usize>,
}

/// Render Markdown (CommonMark + tables, strikethrough, task lists) to lines at most
/// `width` columns wide (0 counts as 1).
pub fn render(markdown: &str, width: u16, theme: &MdTheme) -> Rendered {
    render::render(markdown, width, theme, None, None)
}

/// [`render`], each link's target shown in the words `titles` gives for it
/// (`[→ Treatment: Goals of treatment]` rather than `[→ treatment#goals-of-treatment]`),
/// or `[→]` alone when those words are the link's own.
pub fn render_titled(markdown: &str, width: u16, theme: &MdTheme, titles: LinkTitles) -> Rendered {
    render::render(markdown, width, theme, None, Some(titles))
}

/// [`render`] in the linear form of [`Linear`], kept as lines with their anchors,
/// links and source offsets: the plain session pages through it and records the
/// reading place by the same offsets as the tutor.
pub fn render_linear(markdown: &str, width: u16, theme: &MdTheme, linear: &Linear) -> Rendered {
    render::render(markdown, width, theme, Some(linear), None)
}

/// A line as plain text (span contents joined), for plain output.
pub fn line_to_string(line: &Line) -> String {
    let mut s = String::with_capacity(line.spans.iter().map(|sp| sp.content.len()).sum());
    for span in &line.spans {
        s.push_str(&span.content);
    }
    s
}

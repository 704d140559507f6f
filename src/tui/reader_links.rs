//! The reader's links: the words their targets show as, the footer line that names
//! the selected one, and keeping the selection on screen.

use std::ops::Range;

use super::app::{App, top, top_mut};
use super::text;
use crate::content::{InternalLink, ToolLink};
use crate::markdown::{LinkRef, LinkSpan, Rendered, line_to_string};

impl App {
    /// Words for a link target in lesson `from`: the lesson's title and the section's
    /// (the section's alone within `from`), or a tool's name; `None` for anything
    /// else (a web address, a lesson the pack does not have), shown as written.
    pub fn link_title(&self, from: usize, target: &str) -> Option<String> {
        if let Some(Ok(tool)) = ToolLink::parse(target) {
            return Some(text::tool_name(tool).to_string());
        }
        let link = InternalLink::parse(target)?;
        let index = self.pack.lesson_index(link.lesson)?;
        let lesson = &self.pack.lessons[index];
        let section = link.anchor.and_then(|a| lesson.sections.iter().find(|s| s.slug == a));
        let title = (index != from || section.is_none()).then_some(lesson.title.as_str());
        Some(text::link_target(title, section.map(|s| s.title.as_str())))
    }

    /// What the footer says while a link is selected: where it goes, or what Enter
    /// does to a "More detail" part.
    pub fn link_hint(&self) -> Option<String> {
        let reader = top!(self, Reader)?;
        let index = reader.link?;
        let link = reader.doc.links.get(index)?;
        Some(match reader.detail_links.get(index).copied().flatten() {
            Some(detail) => {
                let id = &self.pack.lessons[reader.lesson].id;
                text::detail_hint(&link.text, self.unfolded.get(id).is_some_and(|s| s.contains(&detail)))
            }
            None => match self.link_title(reader.lesson, &link.target) {
                // The link's text is where it goes: said once.
                Some(words) if words.to_lowercase() == link.text.to_lowercase() => text::link_hint_to(&words),
                words => text::link_hint(&link.text, words.as_deref().unwrap_or(&link.target)),
            },
        })
    }

    /// A selected link that a scroll or a re-wrap took off screen is let go, so that
    /// what is selected is always in sight (and named in the footer).
    pub(super) fn keep_link_on_screen(&mut self) {
        let height = usize::from(self.reader_layout().text.height);
        if let Some(reader) = top_mut!(self, Reader)
            && let Some(index) = reader.link
            && !reader.doc.links.get(index).is_some_and(|l| (reader.top..reader.top + height).contains(&l.line))
        {
            reader.link = None;
        }
    }
}

/// Where the links on line `line` of `doc` show: byte ranges of its text.
pub fn links_on_line(doc: &Rendered, line: usize) -> impl Iterator<Item = &LinkSpan> {
    let from = doc.link_spans.partition_point(|s| s.line < line);
    doc.link_spans[from..].iter().take_while(move |s| s.line == line)
}

/// Whether bytes `range` of line `line` are part of a link (its text or its target).
pub fn in_link(doc: &Rendered, line: usize, range: &Range<usize>) -> bool {
    links_on_line(doc, line).any(|s| s.range.start < range.end && range.start < s.range.end)
}

/// Add a "More detail" line to `doc` as link number `at` (the lines of its paragraph
/// show it selected), moving the links after it on by one.
pub fn insert_detail_link(doc: &mut Rendered, at: usize, line: usize, label: String) {
    doc.links.insert(at, LinkRef { target: String::new(), text: label, line });
    for span in &mut doc.link_spans {
        if span.link >= at {
            span.link += 1;
        }
    }
    // Its paragraph: the lines from its first that come from the same place.
    let offset = doc.source_offsets.get(line).copied();
    let lines = (line..doc.lines.len()).take_while(|&l| doc.source_offsets.get(l).copied() == offset);
    let spans: Vec<LinkSpan> = lines
        .filter_map(|l| {
            let text = line_to_string(&doc.lines[l]);
            let start = text.len() - text.trim_start().len();
            let end = text.trim_end().len();
            (start < end).then_some(LinkSpan { link: at, line: l, range: start..end })
        })
        .collect();
    let from = doc.link_spans.partition_point(|s| s.line < line);
    doc.link_spans.splice(from..from, spans);
}

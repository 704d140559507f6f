//! A lesson's contents: its own title (the top of the lesson) and then its `##`
//! sections. Drawing and clicks lay the list out the same way, from here.

use ratatui::layout::Rect;

use super::app::{App, top};
use super::layout::{self, ContentsRow};
use crate::markdown::line_to_string;

/// The contents as laid out in a list: its rows, and the first one shown.
pub struct ContentsView {
    pub rows: Vec<ContentsRow>,
    pub offset: usize,
}

impl App {
    /// The open lesson's contents: (title, rendered line), its own title first (line 0).
    pub fn contents_entries(&self) -> Vec<(String, usize)> {
        let Some(reader) = top!(self, Reader) else { return Vec::new() };
        let title = self.pack.lessons[reader.lesson].title.clone();
        std::iter::once((title, 0)).chain(reader.sections.iter().cloned()).collect()
    }

    /// Where entry `entry` of the contents starts.
    pub fn contents_line(&self, entry: usize) -> Option<usize> {
        let reader = top!(self, Reader)?;
        match entry {
            0 => Some(0),
            i => reader.sections.get(i - 1).map(|&(_, line)| line),
        }
    }

    /// The entry the reader is in (see [`App::current_section`]): 0, the lesson's
    /// title, above its first section.
    pub fn current_entry(&self) -> usize {
        self.current_section().map_or(0, |i| i + 1)
    }

    /// The first line on screen with text on it: a blank line at the top belongs to
    /// what comes under it (the heading of the next section, often).
    pub fn first_text_line(&self) -> usize {
        let Some(reader) = top!(self, Reader) else { return 0 };
        let height = usize::from(self.reader_layout().text.height);
        let blank = |l: &usize| line_to_string(&reader.doc.lines[*l]).trim().is_empty();
        let end = (reader.top + height).min(reader.doc.lines.len());
        (reader.top..end).find(|l| !blank(l)).unwrap_or(reader.top)
    }

    /// The contents laid out in `list`, scrolled so that the highlighted entry (or,
    /// with the contents not focused, the current one) shows whole.
    pub fn contents_view(&self, list: Rect) -> ContentsView {
        let titles: Vec<String> = self.contents_entries().into_iter().map(|(title, _)| title).collect();
        let rows = layout::contents_rows(&titles, list.width);
        let focus = self.contents_cursor().unwrap_or_else(|| self.current_entry());
        let offset = layout::contents_offset(&rows, focus, list.height);
        ContentsView { rows, offset }
    }

    /// The entry under row `y` of the side panel `toc`, if any.
    pub fn contents_entry_at(&self, toc: Rect, y: u16) -> Option<usize> {
        let list = layout::toc_list(toc);
        if !(list.y..list.bottom()).contains(&y) {
            return None;
        }
        let view = self.contents_view(list);
        view.rows.get(view.offset + usize::from(y - list.y)).map(|row| row.entry)
    }
}

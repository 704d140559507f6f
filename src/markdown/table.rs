//! Table layout: columns sized to content, shrunk to fit with cells wrapped inside
//! their column; `None` when even the narrowest sensible columns do not fit (the
//! renderer then shows each row as "Header: value" lines).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::Span;

use super::inline::Inline;
use super::out::{add_link_piece, link_pieces};
use super::prefix::{spaces, trim_end};
use super::wrap::{LineSink, WrapBufs, display_width, wrap_words};

/// Narrowest a column shrinks to (or its content, if narrower)…
const MIN_COL: usize = 4;
/// …but wide enough for its longest word, up to this many columns, so that words
/// are not broken into shreds (past it, a list reads better than a table).
const MIN_COL_WORD: usize = 12;
const BORDER: &str = " │ ";
const BORDER_W: usize = 3;

#[derive(Default)]
pub(super) struct Table {
    pub aligns: Vec<Alignment>,
    pub rows: Vec<Row>,
}

pub(super) struct Row {
    pub cells: Vec<Inline>,
    /// Source offset of the row.
    pub offset: usize,
    pub header: bool,
}

/// One row laid out: its physical lines (spans, no container prefix) and, per link
/// mark in its cells, `(link index, line within the row)`.
pub(super) struct GridRow {
    pub lines: Vec<Vec<Span<'static>>>,
    pub marks: Vec<(usize, usize)>,
    /// `(line within the row, link, byte range in that line's text)`.
    pub link_spans: Vec<(usize, usize, Range<usize>)>,
}

impl Table {
    pub fn columns(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(self.aligns.len())
    }

    /// Column widths that fit `avail` columns with borders, or `None` if they cannot.
    pub fn column_widths(&self, avail: usize) -> Option<Vec<usize>> {
        let n = self.columns();
        if n == 0 {
            return None;
        }
        let borders = BORDER_W * (n - 1);
        let mut natural = vec![1usize; n];
        let mut longest = vec![0usize; n];
        for row in &self.rows {
            for (i, cell) in row.cells.iter().enumerate() {
                natural[i] = natural[i].max(display_width(&cell.text));
                let word = cell.text.split([' ', '\n']).map(display_width).max().unwrap_or(0);
                longest[i] = longest[i].max(word);
            }
        }
        if natural.iter().sum::<usize>() + borders <= avail {
            return Some(natural);
        }
        let min: Vec<usize> =
            natural.iter().zip(&longest).map(|(&nat, &word)| nat.min(word.clamp(MIN_COL, MIN_COL_WORD))).collect();
        let min_total = min.iter().sum::<usize>() + borders;
        if min_total > avail {
            return None;
        }
        // share what is left in proportion to how much each column wants
        let extra = (avail - min_total) as u128;
        let want: Vec<usize> = natural.iter().zip(&min).map(|(n, m)| n - m).collect();
        let want_total: u128 = want.iter().map(|&w| w as u128).sum::<u128>().max(1);
        let mut widths = min;
        let mut given = 0u128;
        for (w, &wanted) in widths.iter_mut().zip(&want) {
            let add = extra * wanted as u128 / want_total;
            *w += add as usize;
            given += add;
        }
        let mut left = extra - given;
        for (w, &nat) in widths.iter_mut().zip(&natural) {
            if left == 0 {
                break;
            }
            if *w < nat {
                *w += 1;
                left -= 1;
            }
        }
        Some(widths)
    }

    /// Lay out one row in columns of `widths`.
    pub fn grid_row(&self, row: &Row, widths: &[usize], border: Style) -> GridRow {
        let mut cells: Vec<CellSink> = Vec::with_capacity(widths.len());
        let mut marks = Vec::new();
        let mut bufs = WrapBufs::default();
        let empty = Inline::default();
        for (i, &w) in widths.iter().enumerate() {
            let cell = row.cells.get(i).unwrap_or(&empty);
            let mut sink = CellSink { lines: Vec::new(), links: &cell.links };
            wrap_words(cell, w, &mut sink, &mut bufs);
            marks.extend_from_slice(&bufs.marks);
            cells.push(sink);
        }
        let height = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0).max(1);
        let mut lines = Vec::with_capacity(height);
        let mut link_spans = Vec::new();
        for j in 0..height {
            let mut spans = Vec::new();
            for (i, (cell, &w)) in cells.iter_mut().zip(widths).enumerate() {
                let last = i + 1 == widths.len();
                if i > 0 {
                    spans.push(Span::styled(BORDER, border));
                }
                let (content, links) = cell.lines.get_mut(j).map(std::mem::take).unwrap_or_default();
                let used: usize = content.iter().map(Span::width).sum();
                let pad = w.saturating_sub(used);
                let (left, right) = match self.aligns.get(i) {
                    Some(Alignment::Right) => (pad, 0),
                    Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                    _ => (0, pad),
                };
                if left > 0 {
                    spans.push(Span::raw(spaces(left)));
                }
                let base: usize = spans.iter().map(|s| s.content.len()).sum();
                link_spans.extend(links.into_iter().map(|(link, r)| (j, link, base + r.start..base + r.end)));
                spans.extend(content);
                // no trailing spaces at the end of the line
                if right > 0 && !last {
                    spans.push(Span::raw(spaces(right)));
                }
            }
            lines.push(trim_end(spans));
        }
        GridRow { lines, marks, link_spans }
    }
}

/// The line under the header: "────┼────".
pub(super) fn separator(widths: &[usize], style: Style) -> Span<'static> {
    let total = widths.iter().sum::<usize>() + BORDER_W * widths.len().saturating_sub(1);
    let mut s = String::with_capacity(total * 3);
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            s.push_str("─┼─");
        }
        for _ in 0..w {
            s.push('─');
        }
    }
    Span::styled(s, style)
}

/// Collects a cell's wrapped lines, each with where the cell's links are in it.
struct CellSink<'a> {
    lines: Vec<CellLine>,
    links: &'a [(Range<usize>, usize)],
}

/// A line of a cell: its spans, and (link, byte range in the spans' text).
type CellLine = (Vec<Span<'static>>, Vec<(usize, Range<usize>)>);

impl LineSink for CellSink<'_> {
    fn new_line(&mut self) {
        self.lines.push(Default::default());
    }

    fn push(&mut self, at: usize, text: &str, style: Style) {
        if let Some((spans, links)) = self.lines.last_mut() {
            let base: usize = spans.iter().map(|s| s.content.len()).sum();
            for (link, r) in link_pieces(self.links, at, text.len()) {
                add_link_piece(links, link, base + r.start..base + r.end);
            }
            push_merged(spans, text, style);
        }
    }
}

/// Append text to a line, merging into the last span when the style is the same.
fn push_merged(spans: &mut Vec<Span<'static>>, text: &str, style: Style) {
    if let Some(last) = spans.last_mut()
        && last.style == style
        && let Cow::Owned(s) = &mut last.content
    {
        s.push_str(text);
        return;
    }
    spans.push(Span::styled(text.to_owned(), style));
}

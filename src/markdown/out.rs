//! Where rendered lines go: the output vectors, and the sink that turns wrapped text
//! into prefixed, styled lines.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::LinkSpan;
use super::wrap::LineSink;

/// Where finished lines go when they are streamed rather than kept.
pub(super) trait Emit {
    /// One line: the `prefix` spans, then `text` styled in segments (`segs` holds
    /// `(end in text, style)`). Returns false to stop: nothing more is wanted.
    fn line(&mut self, prefix: &[Span<'static>], text: &str, segs: &[(usize, Style)]) -> bool;
}

/// Lines with their source offsets, kept non-decreasing, plus the scratch buffers a
/// line is built in (reused: one allocation per finished span, none per word).
/// With an `emit`, lines are handed over as they are finished and not kept.
#[derive(Default)]
pub(super) struct Out<'e> {
    pub lines: Vec<Line<'static>>,
    pub offsets: Vec<usize>,
    /// Where links show in the kept lines, in line order.
    pub link_spans: Vec<LinkSpan>,
    /// The open line's links: (link, range in `text`).
    line_links: Vec<(usize, Range<usize>)>,
    text: String,
    segs: Vec<(usize, Style)>,
    /// Lines made so far (kept or streamed).
    count: usize,
    emit: Option<&'e mut dyn Emit>,
    /// The emitter asked to stop.
    pub stopped: bool,
}

impl<'e> Out<'e> {
    pub fn streaming(emit: &'e mut dyn Emit) -> Self {
        Out { emit: Some(emit), ..Out::default() }
    }

    /// The number of lines made so far.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn push(&mut self, spans: Vec<Span<'static>>, offset: usize) {
        self.count += 1;
        if let Some(emit) = self.emit.as_deref_mut() {
            self.stopped |= !self.stopped && !emit.line(&spans, "", &[]);
            return;
        }
        let offset = offset.max(self.offsets.last().copied().unwrap_or(0));
        self.lines.push(Line::from(spans));
        self.offsets.push(offset);
    }

    /// Record that link `link` shows at bytes `range` of the last line kept.
    pub fn link_span(&mut self, link: usize, range: Range<usize>) {
        if let Some(line) = self.lines.len().checked_sub(1) {
            self.link_spans.push(LinkSpan { link, line, range });
        }
    }
}

/// Add a piece of a link at `range` of a line to `spans`, joined to the piece
/// before it when that is the same link's and ends where this one starts.
pub(super) fn add_link_piece(spans: &mut Vec<(usize, Range<usize>)>, link: usize, range: Range<usize>) {
    match spans.last_mut() {
        Some((l, r)) if *l == link && r.end == range.start => r.end = range.end,
        _ => spans.push((link, range)),
    }
}

/// The parts of the piece of text at `at..at + len` that belong to links in `links`
/// (ranges in the same text, in order), as (link, range relative to `at`).
pub(super) fn link_pieces(
    links: &[(Range<usize>, usize)],
    at: usize,
    len: usize,
) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    let end = at + len;
    // links are in order: skip those that end before the piece
    let first = links.partition_point(|(r, _)| r.end <= at);
    links[first..].iter().take_while(move |(r, _)| r.start < end).filter_map(move |(r, link)| {
        let (a, b) = (r.start.max(at), r.end.min(end));
        (a < b).then(|| (*link, a - at..b - at))
    })
}

/// Sends wrapped lines to the output with the block's prefixes.
pub(super) struct OutSink<'a, 'e> {
    out: &'a mut Out<'e>,
    first: &'a [Span<'static>],
    rest: &'a [Span<'static>],
    /// The wrapped text's links, to record where they land.
    links: &'a [(Range<usize>, usize)],
    offset: usize,
    made: usize,
    open: bool,
    /// The open line holds a character wider than the content width: no prefix.
    bare: bool,
}

impl<'a, 'e> OutSink<'a, 'e> {
    pub fn new(out: &'a mut Out<'e>, first: &'a [Span<'static>], rest: &'a [Span<'static>], offset: usize) -> Self {
        out.text.clear();
        out.segs.clear();
        out.line_links.clear();
        OutSink { out, first, rest, links: &[], offset, made: 0, open: false, bare: false }
    }

    /// Record where the links of the wrapped text land (`Inline::links`).
    pub fn with_links(mut self, links: &'a [(Range<usize>, usize)]) -> Self {
        self.links = links;
        self
    }

    /// Turn the open line's text into spans.
    fn close(&mut self) {
        if !std::mem::take(&mut self.open) {
            return;
        }
        let prefix = match (self.bare, self.made) {
            (true, _) => &[][..],
            (false, 1) => self.first,
            (false, _) => self.rest,
        };
        let out = &mut *self.out;
        if let Some(emit) = out.emit.as_deref_mut() {
            // Streamed: no spans are built, the scratch text goes out as it is.
            out.count += 1;
            out.stopped |= !out.stopped && !emit.line(prefix, &out.text, &out.segs);
            out.text.clear();
            out.segs.clear();
            out.line_links.clear();
            return;
        }
        let shift: usize = prefix.iter().map(|s| s.content.len()).sum();
        let mut spans = Vec::with_capacity(prefix.len() + out.segs.len());
        spans.extend_from_slice(prefix);
        let mut start = 0;
        for &(end, style) in &out.segs {
            spans.push(Span::styled(String::from(&out.text[start..end]), style));
            start = end;
        }
        out.text.clear();
        out.segs.clear();
        out.push(spans, self.offset);
        let mut links = std::mem::take(&mut out.line_links);
        for (link, range) in links.drain(..) {
            out.link_span(link, range.start + shift..range.end + shift);
        }
        out.line_links = links;
    }

    /// Close the last line (call once wrapping is done).
    pub fn finish(mut self) {
        self.close();
    }
}

impl LineSink for OutSink<'_, '_> {
    fn new_line(&mut self) {
        self.close();
        self.open = true;
        self.bare = false;
        self.made += 1;
    }

    fn push(&mut self, at: usize, text: &str, style: Style) {
        let out = &mut *self.out;
        let base = out.text.len();
        for (link, r) in link_pieces(self.links, at, text.len()) {
            add_link_piece(&mut out.line_links, link, base + r.start..base + r.end);
        }
        out.text.push_str(text);
        let end = out.text.len();
        match out.segs.last_mut() {
            Some((e, s)) if *s == style => *e = end,
            _ => out.segs.push((end, style)),
        }
    }

    fn overflow(&mut self) {
        self.bare = true;
    }
}

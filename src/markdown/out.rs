//! Where rendered lines go: the output vectors, and the sink that turns wrapped text
//! into prefixed, styled lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

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
}

/// Sends wrapped lines to the output with the block's prefixes.
pub(super) struct OutSink<'a, 'e> {
    out: &'a mut Out<'e>,
    first: &'a [Span<'static>],
    rest: &'a [Span<'static>],
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
        OutSink { out, first, rest, offset, made: 0, open: false, bare: false }
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
            return;
        }
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

    fn push(&mut self, text: &str, style: Style) {
        let out = &mut *self.out;
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

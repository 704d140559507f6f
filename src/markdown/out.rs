//! Where rendered lines go: the output vectors, and the sink that turns wrapped text
//! into prefixed, styled lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::wrap::LineSink;

/// Lines with their source offsets, kept non-decreasing, plus the scratch buffers a
/// line is built in (reused: one allocation per finished span, none per word).
#[derive(Default)]
pub(super) struct Out {
    pub lines: Vec<Line<'static>>,
    pub offsets: Vec<usize>,
    text: String,
    segs: Vec<(usize, Style)>,
}

impl Out {
    pub fn push(&mut self, spans: Vec<Span<'static>>, offset: usize) {
        let offset = offset.max(self.offsets.last().copied().unwrap_or(0));
        self.lines.push(Line::from(spans));
        self.offsets.push(offset);
    }
}

/// Sends wrapped lines to the output with the block's prefixes.
pub(super) struct OutSink<'a> {
    out: &'a mut Out,
    first: &'a [Span<'static>],
    rest: &'a [Span<'static>],
    offset: usize,
    made: usize,
    open: bool,
    /// The open line holds a character wider than the content width: no prefix.
    bare: bool,
}

impl<'a> OutSink<'a> {
    pub fn new(out: &'a mut Out, first: &'a [Span<'static>], rest: &'a [Span<'static>], offset: usize) -> Self {
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

impl LineSink for OutSink<'_> {
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

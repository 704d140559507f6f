//! Width-aware line breaking: words at spaces, overlong words and code by grapheme
//! clusters, and (only when one cluster is wider than the line) by characters.
//!
//! Widths are measured once per word piece. `unicode-width` only ever makes a string
//! narrower than the sum of its grapheme clusters (ligatures, ZWJ sequences), never
//! wider, so summing piece widths can only over-estimate a line: it never overflows.

use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::inline::Inline;
use super::sanitize::Newlines;

/// Display width of a string in terminal columns (CJK and emoji count 2).
pub fn display_width(s: &str) -> usize {
    // Printable ASCII is one column a byte; skip the table look-ups.
    if all_printable(s.as_bytes()) { s.len() } else { UnicodeWidthStr::width(s) }
}

/// Word-wrap plain text to `width` columns (0 counts as 1). The text is sanitized;
/// each line break in it starts a new line, so blank lines are kept. No line is wider
/// than `width`, except one holding a single character that is wider on its own.
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let mut inline = Inline::default();
    inline.push_with(text, Style::default(), Newlines::Keep);
    let mut sink = StringSink(Vec::new());
    wrap_words(&inline, width.max(1), &mut sink, &mut WrapBufs::default());
    sink.0
}

pub(super) struct StringSink(pub Vec<String>);

impl LineSink for StringSink {
    fn new_line(&mut self) {
        self.0.push(String::new());
    }
    fn push(&mut self, _at: usize, text: &str, _style: Style) {
        if let Some(line) = self.0.last_mut() {
            line.push_str(text);
        }
    }
}

/// Where wrapped lines go. The wrapper decides where lines break; the sink adds
/// prefixes and builds spans.
pub(super) trait LineSink {
    /// Start a new line; following pushes go to it.
    fn new_line(&mut self);
    /// Append text to the current line: the text's bytes from `at` on (in the
    /// wrapped text; code lines count from their own start).
    fn push(&mut self, at: usize, text: &str, style: Style);
    /// The current line holds one character wider than the content width: drop the
    /// line's prefix so the line stays within the full width where possible.
    fn overflow(&mut self) {}
}

/// Wrap inline content at spaces into lines of at most `avail` columns (`avail >= 1`).
/// Runs of spaces inside a line are kept; at a line break they are dropped. A range
/// of `inline.keep` starts a new line rather than break where it fits in one (one
/// wider than a line starts a line of its own).
/// `bufs.marks` receives `(link index, line number within this call)` for each mark.
/// Returns the number of lines made.
pub(super) fn wrap_words<S: LineSink>(inline: &Inline, avail: usize, sink: &mut S, bufs: &mut WrapBufs) -> usize {
    wrap_words_with(inline, avail, sink, bufs, true)
}

/// Buffers `wrap_words` reuses from call to call.
#[derive(Default)]
pub(super) struct WrapBufs {
    /// Output: `(link index, line within the call)`.
    pub marks: Vec<(usize, usize)>,
    frags: Vec<(usize, usize, Style)>,
}

/// `plain_lines: false` measures every word (tests check both paths agree).
pub(super) fn wrap_words_with<S: LineSink>(
    inline: &Inline,
    avail: usize,
    sink: &mut S,
    bufs: &mut WrapBufs,
    plain_lines: bool,
) -> usize {
    let WrapBufs { marks: mark_lines, frags } = bufs;
    mark_lines.clear();
    let text = inline.text.as_str();
    let bytes = text.as_bytes();
    let mut w = Wrapper::new(sink, avail);
    let mut runs = Runs { runs: &inline.runs, idx: 0 };
    let mut marks = inline.marks.iter().copied().peekable();
    let mut keeps = inline.keep.iter().peekable();
    let mut sep: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                // hard break: a break on an empty line makes an empty line
                if !w.started {
                    w.new_line();
                }
                w.started = false;
                sep = None;
                i += 1;
            }
            b' ' => {
                let start = i;
                while i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                }
                sep = Some((start, i));
            }
            _ => {
                let ws = i;
                let mut ascii = true;
                while i < bytes.len() && bytes[i] != b' ' && bytes[i] != b'\n' {
                    ascii &= bytes[i] < 0x80;
                    i += 1;
                }
                let we = i;
                let sep_style = sep.map(|(a, _)| runs.style_at(a));
                runs.seek(ws);
                let (run_end, style) = runs.current();
                // most words lie in one style run: no fragment list then
                let single = run_end >= we;
                frags.clear();
                let word_w = if single {
                    if ascii { we - ws } else { display_width(&text[ws..we]) }
                } else {
                    runs.frags(ws, we, frags);
                    frags.iter().map(|f| display_width(&text[f.0..f.1])).sum()
                };
                let sep_w = sep.map_or(0, |(a, b)| b - a);
                let fits_whole = word_w <= avail;
                while keeps.next_if(|k| k.start < ws).is_some() {}
                // A kept range starting here goes on this line only if all of it fits;
                // one wider than a line starts a line of its own (and wraps at spaces).
                let kept_w = match keeps.peek() {
                    Some(k) if k.start == ws => Some(words_width(text, ws, k.end).min(avail)),
                    _ => None,
                };
                // where the text to push starts: the word, or its separator too
                let mut lead = ws;
                if w.started && w.content {
                    let room_for_sep = if fits_whole {
                        w.line_w + sep_w + kept_w.unwrap_or(word_w) <= avail
                    } else {
                        // an overlong word starts on this line if a fair part of it fits
                        let room = avail.saturating_sub(w.line_w + sep_w);
                        room * 2 >= avail && room >= first_cluster_width(&text[ws..we])
                    };
                    if room_for_sep {
                        if let (Some((a, b)), Some(sep_style)) = (sep, sep_style) {
                            if single && fits_whole && sep_style == style {
                                lead = a;
                            } else {
                                w.push(a, &text[a..b], sep_style, sep_w);
                            }
                        }
                    } else {
                        w.new_line();
                    }
                } else {
                    w.ensure_line();
                }
                sep = None;
                // Lines filled in one step stop short of the next kept range (and the
                // spaces before it), which is placed word by word.
                let mut stop = keeps.peek().map_or(bytes.len(), |k| k.start);
                while stop > ws && bytes[stop - 1] == b' ' {
                    stop -= 1;
                }
                if plain_lines
                    && !w.content
                    && stop > ws
                    && let Some(step) = plain_line(&bytes[..stop], ws, avail)
                {
                    i = fill_plain_lines(&mut w, &text[..stop], &mut runs, frags, &mut marks, mark_lines, ws, step);
                    continue;
                }
                while let Some(&(pos, link)) = marks.peek() {
                    if pos >= we {
                        break;
                    }
                    mark_lines.push((link, w.lines - 1));
                    marks.next();
                }
                if w.line_w + word_w <= avail {
                    if single {
                        w.push(lead, &text[lead..we], style, ws - lead + word_w);
                    } else {
                        for &(a, b, style) in frags.iter() {
                            w.push(a, &text[a..b], style, display_width(&text[a..b]));
                        }
                    }
                } else if single {
                    w.push_broken(ws, &text[ws..we], style);
                } else {
                    for &(a, b, style) in frags.iter() {
                        w.push_broken(a, &text[a..b], style);
                    }
                }
            }
        }
    }
    // marks after the last word (an empty link at the end) belong to the last line
    let last = w.lines.saturating_sub(1);
    mark_lines.extend(marks.map(|(_, link)| (link, last)));
    w.lines
}

/// Put plain lines starting at `from` (first step already found), as many as
/// follow each other inside one long word. Returns where wrapping goes on.
#[allow(clippy::too_many_arguments)]
fn fill_plain_lines<S: LineSink>(
    w: &mut Wrapper<'_, S>,
    text: &str,
    runs: &mut Runs<'_>,
    frags: &mut Vec<(usize, usize, Style)>,
    marks: &mut std::iter::Peekable<std::iter::Copied<std::slice::Iter<'_, (usize, usize)>>>,
    mark_lines: &mut Vec<(usize, usize)>,
    mut from: usize,
    mut step: (usize, usize, usize),
) -> usize {
    let bytes = text.as_bytes();
    loop {
        let (end, cols, next) = step;
        while let Some(&(pos, link)) = marks.peek() {
            if pos >= end {
                break;
            }
            mark_lines.push((link, w.lines - 1));
            marks.next();
        }
        runs.seek(from);
        frags.clear();
        runs.frags(from, end, frags);
        if let [(a, b, style)] = frags[..] {
            w.push(a, &text[a..b], style, cols);
        } else {
            for &(a, b, style) in frags.iter() {
                w.push(a, &text[a..b], style, simple_columns(&bytes[a..b]));
            }
        }
        // The line is full: the next word (or the rest of a word broken here) goes
        // on the next line. Keep going here while that is plain too (this also keeps
        // a long word linear).
        let mut p = next;
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        if p >= bytes.len() || bytes[p] == b'\n' {
            return p;
        }
        w.new_line();
        from = p;
        match plain_line(bytes, from, w.avail) {
            Some(s) => step = s,
            None => return from,
        }
    }
}

#[inline(always)]
fn printable(b: &u8) -> bool {
    (0x20..0x7F).contains(b)
}

/// Whether all bytes are printable ASCII, 8 at a time.
#[inline]
fn all_printable(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let y = x ^ (ONES * 0x7F);
        let bad = (x | x.wrapping_sub(ONES * 0x20) & !x | y.wrapping_sub(ONES) & !y) & HIGH;
        if bad != 0 {
            return false;
        }
    }
    chunks.remainder().iter().all(printable)
}

/// Byte length of the character at `i` if it is "simple": one column wide, its own
/// grapheme cluster, in no width-changing sequence. Printable ASCII, U+00A0–U+02FF
/// (but the soft hyphen) and the dashes, bullets and ellipsis of U+2010–U+2027 (but
/// the quotes, which variation selectors can widen).
#[inline(always)]
fn simple_char(bytes: &[u8], i: usize) -> Option<usize> {
    match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
        (0x20..=0x7E, ..) => Some(1),
        (0xC2, Some(0xA0..=0xAC | 0xAE..=0xBF), _) => Some(2),
        (0xC3..=0xCB, Some(0x80..=0xBF), _) => Some(2),
        (0xE2, Some(0x80), Some(0x90..=0x97 | 0x9A..=0x9B | 0x9E..=0xA7)) => Some(3),
        _ => None,
    }
}

/// Columns of a run of simple characters: one per character.
fn simple_columns(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Fill an empty line from `ws` (a word start) in one step when the text there is
/// made of simple characters (see [`simple_char`]): a column is then a character,
/// so the break is found by looking back from the line's end rather than by
/// measuring every word. Gives the same breaks as the word-by-word path. Returns
/// `(end of the line's content, its columns, where to go on)`, or `None` when the
/// text there is not simple.
fn plain_line(bytes: &[u8], ws: usize, avail: usize) -> Option<(usize, usize, usize)> {
    // walk `avail` columns, 8 plain ASCII bytes at a time where possible
    let mut limit = ws;
    let mut cols = 0;
    while cols < avail && limit < bytes.len() {
        if cols + 8 <= avail && limit + 8 <= bytes.len() && all_printable(&bytes[limit..limit + 8]) {
            limit += 8;
            cols += 8;
        } else {
            limit += simple_char(bytes, limit)?;
            cols += 1;
        }
    }
    let trim = |mut end: usize| {
        while end > ws && bytes[end - 1] == b' ' {
            end -= 1;
        }
        end
    };
    if limit >= bytes.len() {
        // all that is left fits
        let end = trim(bytes.len());
        return Some((end, cols - (bytes.len() - end), bytes.len()));
    }
    // the first character past the line decides; it must be simple too
    simple_char(bytes, limit)?;
    if bytes[limit] == b' ' {
        let end = trim(limit);
        return Some((end, cols - (limit - end), end));
    }
    let Some(space) = bytes[ws..limit].iter().rposition(|&b| b == b' ') else {
        // one word longer than the line: break it at the line's end
        return Some((limit, cols, limit));
    };
    // the word crossing the line's end: its columns before and after it
    let start = ws + space + 1;
    let before = simple_columns(&bytes[start..limit]);
    let mut after = 0;
    let mut p = limit;
    while p < bytes.len() && bytes[p] != b' ' && bytes[p] != b'\n' {
        p += simple_char(bytes, p)?;
        after += 1;
    }
    // overlong: as in wrap_words, it starts here if a fair part fits
    if before + after > avail && before * 2 >= avail {
        return Some((limit, cols, limit));
    }
    let end = trim(start);
    Some((end, cols - before - (start - end), end))
}

/// Hard-wrap one line of code by grapheme clusters, keeping every space. Always makes
/// at least one line. Returns the number of lines made.
pub(super) fn wrap_hard<S: LineSink>(line: &str, style: Style, avail: usize, sink: &mut S) -> usize {
    let mut w = Wrapper::new(sink, avail);
    w.ensure_line();
    w.push_broken(0, line, style);
    w.lines
}

/// Columns from `start` to the end of the word holding byte `end - 1`.
fn words_width(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = end.max(start);
    while end < bytes.len() && bytes[end] != b' ' && bytes[end] != b'\n' {
        end += 1;
    }
    display_width(&text[start..end])
}

fn first_cluster_width(s: &str) -> usize {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => 1,
        _ => s.graphemes(true).next().map_or(0, display_width),
    }
}

/// Cursor over style runs; positions asked for only move forward.
struct Runs<'a> {
    runs: &'a [(usize, Style)],
    idx: usize,
}

impl Runs<'_> {
    fn seek(&mut self, pos: usize) {
        while self.idx + 1 < self.runs.len() && self.runs[self.idx].0 <= pos {
            self.idx += 1;
        }
    }

    /// End and style of the run at the cursor.
    fn current(&self) -> (usize, Style) {
        self.runs.get(self.idx).copied().unwrap_or((usize::MAX, Style::default()))
    }

    fn style_at(&mut self, pos: usize) -> Style {
        self.seek(pos);
        self.runs.get(self.idx).map_or_else(Style::default, |r| r.1)
    }

    /// The pieces of `[a, b)` that have one style each (call `seek(a)` first).
    fn frags(&self, a: usize, b: usize, out: &mut Vec<(usize, usize, Style)>) {
        let mut start = a;
        for &(end, style) in &self.runs[self.idx.min(self.runs.len())..] {
            let end = end.min(b);
            if end > start {
                out.push((start, end, style));
                start = end;
            }
            if start >= b {
                break;
            }
        }
        if start < b {
            // runs always cover the text; keep the words even if they did not
            out.push((start, b, Style::default()));
        }
    }
}

/// Line-filling state shared by both wrapping modes.
struct Wrapper<'s, S: LineSink> {
    sink: &'s mut S,
    avail: usize,
    /// Content width of the current line.
    line_w: usize,
    /// Whether the current line exists (lines start lazily, so none is left empty).
    started: bool,
    /// Whether anything was put on the current line (zero-width text counts).
    content: bool,
    lines: usize,
}

impl<'s, S: LineSink> Wrapper<'s, S> {
    fn new(sink: &'s mut S, avail: usize) -> Self {
        Wrapper { sink, avail: avail.max(1), line_w: 0, started: false, content: false, lines: 0 }
    }

    fn new_line(&mut self) {
        self.sink.new_line();
        self.lines += 1;
        self.line_w = 0;
        self.started = true;
        self.content = false;
    }

    fn ensure_line(&mut self) {
        if !self.started {
            self.new_line();
        }
    }

    fn push(&mut self, at: usize, s: &str, style: Style, width: usize) {
        self.sink.push(at, s, style);
        self.line_w += width;
        self.content = true;
    }

    /// Place `s` (from byte `at` of the text) from the current position, breaking
    /// between grapheme clusters.
    fn push_broken(&mut self, at: usize, s: &str, style: Style) {
        self.ensure_line();
        if all_printable(s.as_bytes()) {
            // one column per byte: cut by arithmetic
            let mut rest = s;
            while !rest.is_empty() {
                let room = self.avail.saturating_sub(self.line_w);
                if room == 0 {
                    self.new_line();
                    continue;
                }
                let n = room.min(rest.len());
                self.push(at + s.len() - rest.len(), &rest[..n], style, n);
                rest = &rest[n..];
            }
            return;
        }
        let mut chunk_start = 0;
        let mut chunk_w = 0;
        for (i, g) in s.grapheme_indices(true) {
            let gw = display_width(g);
            if self.line_w + chunk_w + gw <= self.avail {
                chunk_w += gw;
                continue;
            }
            if i > chunk_start {
                self.push(at + chunk_start, &s[chunk_start..i], style, chunk_w);
            }
            if gw <= self.avail {
                self.new_line();
                chunk_start = i;
                chunk_w = gw;
            } else {
                self.push_chars(at + i, g, style);
                chunk_start = i + g.len();
                chunk_w = 0;
            }
        }
        if chunk_start < s.len() {
            self.push(at + chunk_start, &s[chunk_start..], style, chunk_w);
        }
    }

    /// Last resort for a cluster wider than a whole line: one character at a time.
    fn push_chars(&mut self, at: usize, g: &str, style: Style) {
        for (i, c) in g.char_indices() {
            let cs = &g[i..i + c.len_utf8()];
            let cw = display_width(cs);
            if cw > 0 && self.line_w > 0 && self.line_w + cw > self.avail {
                self.new_line();
            }
            self.push(at + i, cs, style, cw);
            if cw > self.avail {
                self.sink.overflow();
            }
        }
    }
}

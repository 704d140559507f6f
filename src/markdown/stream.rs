//! Rendering straight to an output, one line at a time, for `read`: a large file is
//! never held as lines, and plain text is written without building spans at all.

use std::io::{self, Write};

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Linear;
use super::out::Emit;
use super::render::stream;
use super::theme::MdTheme;

/// Bytes gathered before each write to the output.
const CHUNK: usize = 64 * 1024;

/// Render Markdown and write it as plain text, one line per rendered line with
/// trailing blanks trimmed: what `read` prints into a pipe. The same lines as
/// `render` with [`MdTheme::plain`], written as they are made.
pub fn write_plain(markdown: &str, width: u16, out: &mut impl Write) -> io::Result<()> {
    write_plain_with(markdown, width, None, out)
}

/// [`write_plain`] in the linear form of [`Linear`]: for pipes and screen readers.
pub fn write_linear(markdown: &str, width: u16, linear: &Linear, out: &mut impl Write) -> io::Result<()> {
    write_plain_with(markdown, width, Some(linear), out)
}

fn write_plain_with(markdown: &str, width: u16, linear: Option<&Linear>, out: &mut impl Write) -> io::Result<()> {
    let mut writer = PlainWriter { out, line: String::new(), buf: Vec::with_capacity(CHUNK + 1024), error: None };
    stream(markdown, width, &MdTheme::plain(), linear, &mut writer);
    if writer.error.is_none() && !writer.buf.is_empty() {
        let buf = std::mem::take(&mut writer.buf);
        writer.write(&buf);
    }
    writer.error.map_or(Ok(()), Err)
}

/// Render Markdown, handing each line to `each` as it is made (lines are not kept).
/// The first error `each` returns stops the rendering and is returned.
pub fn render_each(
    markdown: &str,
    width: u16,
    theme: &MdTheme,
    each: &mut dyn FnMut(&Line<'static>) -> io::Result<()>,
) -> io::Result<()> {
    render_each_with(markdown, width, theme, None, each)
}

/// [`render_each`] in the linear form of [`Linear`], styled: `read` on a terminal.
pub fn render_each_linear(
    markdown: &str,
    width: u16,
    theme: &MdTheme,
    linear: &Linear,
    each: &mut dyn FnMut(&Line<'static>) -> io::Result<()>,
) -> io::Result<()> {
    render_each_with(markdown, width, theme, Some(linear), each)
}

fn render_each_with(
    markdown: &str,
    width: u16,
    theme: &MdTheme,
    linear: Option<&Linear>,
    each: &mut dyn FnMut(&Line<'static>) -> io::Result<()>,
) -> io::Result<()> {
    let mut emit = EachLine { each, error: None };
    stream(markdown, width, theme, linear, &mut emit);
    emit.error.map_or(Ok(()), Err)
}

struct PlainWriter<'w, W: Write> {
    out: &'w mut W,
    /// The line being made, before its trailing blanks are trimmed.
    line: String,
    buf: Vec<u8>,
    error: Option<io::Error>,
}

impl<W: Write> PlainWriter<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> bool {
        match self.out.write_all(bytes) {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }
}

impl<W: Write> Emit for PlainWriter<'_, W> {
    fn line(&mut self, prefix: &[Span<'static>], text: &str, _segs: &[(usize, Style)]) -> bool {
        self.line.clear();
        for span in prefix {
            self.line.push_str(&span.content);
        }
        self.line.push_str(text);
        self.buf.extend_from_slice(self.line.trim_end().as_bytes());
        self.buf.push(b'\n');
        if self.buf.len() >= CHUNK {
            let buf = std::mem::take(&mut self.buf);
            let ok = self.write(&buf);
            self.buf = buf;
            self.buf.clear();
            return ok;
        }
        true
    }
}

struct EachLine<'f> {
    each: &'f mut dyn FnMut(&Line<'static>) -> io::Result<()>,
    error: Option<io::Error>,
}

impl Emit for EachLine<'_> {
    fn line(&mut self, prefix: &[Span<'static>], text: &str, segs: &[(usize, Style)]) -> bool {
        let mut spans = Vec::with_capacity(prefix.len() + segs.len());
        spans.extend_from_slice(prefix);
        let mut start = 0;
        for &(end, style) in segs {
            spans.push(Span::styled(String::from(&text[start..end]), style));
            start = end;
        }
        match (self.each)(&Line::from(spans)) {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }
}

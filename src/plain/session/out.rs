//! The session's output: whole lines, cleaned of control characters and wrapped
//! to the width, so whatever a menu writes reaches a screen reader as short lines
//! that each make sense alone.

use std::io::{self, Write};

use crate::markdown::{display_width, sanitize, wrap_text};

/// Narrower than this, a hanging indent costs too much room and is dropped.
const MIN_TEXT_COLUMNS: usize = 20;

/// A writer that holds each line until its newline, then writes it cleaned and
/// wrapped. Wrapped lines keep the line's indent, and the text after a leading
/// "3. " (a numbered item) lines up under that item's text.
pub struct Lines<W: Write> {
    inner: W,
    width: usize,
    pending: Vec<u8>,
}

impl<W: Write> Lines<W> {
    pub fn new(inner: W, width: usize) -> Self {
        Lines { inner, width: width.max(1), pending: Vec::new() }
    }

    fn write_line(&mut self) -> io::Result<()> {
        let raw = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending.clear();
        let line = sanitize(&raw);
        let line = line.trim_end();
        for piece in wrap_line(line, self.width) {
            self.inner.write_all(piece.as_bytes())?;
            self.inner.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// One line as lines no wider than `width`, with a hanging indent.
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    if display_width(line) <= width {
        return vec![line.to_string()];
    }
    let text = line.trim_start();
    let indent = line.len() - text.len();
    let marker = numbered_marker(text);
    let hang = indent + marker;
    let (first_prefix, rest_prefix, body) = if width >= hang + MIN_TEXT_COLUMNS {
        (&line[..hang], " ".repeat(hang), &line[hang..])
    } else {
        ("", String::new(), line.trim_start())
    };
    let room = width - first_prefix.len();
    wrap_text(body, room)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| if i == 0 { format!("{first_prefix}{piece}") } else { format!("{rest_prefix}{piece}") })
        .collect()
}

/// The length of a "12. " at the start of `text`, or 0.
fn numbered_marker(text: &str) -> usize {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") { digits + 2 } else { 0 }
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for part in buf.split_inclusive(|&b| b == b'\n') {
            match part.split_last() {
                Some((b'\n', line)) => {
                    self.pending.extend_from_slice(line);
                    self.write_line()?;
                }
                _ => self.pending.extend_from_slice(part),
            }
        }
        Ok(buf.len())
    }

    /// A line without its newline yet stays held: every line the session writes ends
    /// with one, and half a line would be wrapped wrongly.
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Lines<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            let _ = self.write_line();
        }
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str, width: usize) -> String {
        let mut bytes = Vec::new();
        {
            let mut lines = Lines::new(&mut bytes, width);
            lines.write_all(text.as_bytes()).unwrap();
        }
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn long_lines_wrap_with_their_indent_and_numbered_items_hang() {
        let out = written("12. Read the lesson about what stage four means for you\n", 30);
        assert_eq!(out, "12. Read the lesson about what\n    stage four means for you\n");
        let out = written("  Sudden weakness or numbness in the legs\n", 24);
        assert_eq!(out, "  Sudden weakness or\n  numbness in the legs\n");
        for line in written(&format!("{}\n", "word ".repeat(50)), 80).lines() {
            assert!(display_width(line) <= 80, "{line}");
        }
    }

    #[test]
    fn control_characters_never_get_through_and_a_last_line_is_kept() {
        let out = written("Clear\u{1b}[2J the \u{202e}screen\u{7}\r\nlast", 80);
        assert_eq!(out, "Clear[2J the screen\nlast\n");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn a_narrow_width_drops_the_hanging_indent() {
        let out = written("    1. Alpha beta gamma delta\n", 12);
        for line in out.lines() {
            assert!(display_width(line) <= 12, "{out}");
        }
        assert!(out.starts_with("1. Alpha"), "{out}");
    }
}

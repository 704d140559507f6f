//! Plain output as a person reads it: each line wrapped at spaces to the width
//! (a continuation keeps the line's indent and list marker), and, as a last step,
//! every character that is unsafe on a terminal dropped. Text from files is cleaned
//! where it is printed; this makes sure no line is too wide and no control byte
//! slips through whatever a print site forgot.

use std::io::{self, Write};

use crate::markdown::{display_width, sanitize, wrap_text};

/// Columns between tab stops, as terminals have them.
const TAB_STOP: usize = 8;

/// A writer that wraps complete lines; a partial line is written on `flush`.
pub struct Wrapped<W: Write> {
    out: W,
    width: usize,
    /// Tab-separated records (`lessons`): kept whole, tabs and all, unless too wide.
    records: bool,
    line: Vec<u8>,
}

impl<W: Write> Wrapped<W> {
    pub fn new(out: W, width: u16) -> Self {
        Wrapped { out, width: usize::from(width.max(1)), records: false, line: Vec::new() }
    }

    /// Lines whose tabs separate fields: a line that fits keeps its tabs.
    pub fn records(mut self) -> Self {
        self.records = true;
        self
    }

    fn write_line(&mut self, end: &[u8]) -> io::Result<()> {
        let raw = String::from_utf8_lossy(&self.line).into_owned();
        self.line.clear();
        let text = clean_line(raw.strip_suffix('\r').unwrap_or(&raw), self.records);
        if columns(&text) <= self.width {
            self.out.write_all(text.as_bytes())?;
        } else {
            for (i, piece) in wrap_line(&text, self.width).iter().enumerate() {
                if i > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(piece.as_bytes())?;
            }
        }
        self.out.write_all(end)
    }
}

impl<W: Write> Write for Wrapped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..at]);
            self.write_line(b"\n")?;
            rest = &rest[at + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            self.write_line(b"")?;
        }
        self.out.flush()
    }
}

impl<W: Write> Drop for Wrapped<W> {
    fn drop(&mut self) {
        // Errors were reported by the writes and flushes the caller made.
        let _ = self.flush();
    }
}

/// One line without anything unsafe (tabs kept in records, else 4 spaces), and
/// without soft hyphens and zero-width spaces, whose width terminals disagree on.
fn clean_line(line: &str, records: bool) -> String {
    let line = line.replace(['\u{ad}', '\u{200b}'], "");
    if !records {
        return sanitize(&line).into_owned();
    }
    line.split('\t').map(|field| sanitize(field).into_owned()).collect::<Vec<_>>().join("\t")
}

/// Columns a line takes on a terminal (tabs to the next stop).
fn columns(line: &str) -> usize {
    let mut col = 0;
    for (i, field) in line.split('\t').enumerate() {
        if i > 0 {
            col = (col / TAB_STOP + 1) * TAB_STOP;
        }
        col += display_width(field);
    }
    col
}

/// Wrap a line too wide for `width`: continuations line up under the text after
/// the indent and list marker ("- ", "• ", "12. "), when that leaves room.
fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let line = line.replace('\t', " ");
    let indent = line.len() - line.trim_start_matches(' ').len();
    let body = &line[indent..];
    let marker = list_marker(body);
    let hang = indent + marker.len();
    if hang * 2 > width {
        return wrap_text(line.trim_start(), width);
    }
    let mut lines = wrap_text(&body[marker.len()..], width - hang);
    for (i, piece) in lines.iter_mut().enumerate() {
        let lead = if i == 0 { format!("{}{marker}", " ".repeat(indent)) } else { " ".repeat(hang) };
        piece.insert_str(0, &lead);
    }
    lines
}

fn list_marker(text: &str) -> &str {
    for bullet in ["- ", "• ", "* "] {
        if text.starts_with(bullet) {
            return &text[..bullet.len()];
        }
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") { &text[..digits + 2] } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(width: u16, records: bool, text: &str) -> String {
        let mut out = Vec::new();
        {
            let mut w = Wrapped::new(&mut out, width);
            if records {
                w = w.records();
            }
            w.write_all(text.as_bytes()).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn long_lines_wrap_under_their_indent_and_marker() {
        let text = "  - one two three four five six\nshort\n";
        assert_eq!(through(16, false, text), "  - one two\n    three four\n    five six\nshort\n");
        assert_eq!(through(80, false, text), text);
        assert_eq!(through(10, false, " 12. alpha beta gamma\n"), " 12. alpha\n     beta\n     gamma\n");
    }

    #[test]
    fn controls_soft_hyphens_and_zero_width_spaces_are_dropped() {
        let text = "a\x1b]0;t\x07b\u{9b}c\u{202e}d\u{ad}e\u{200b}f\r\n";
        assert_eq!(through(80, false, text), "a]0;tbcdef\n");
    }

    #[test]
    fn records_keep_their_tabs_while_they_fit() {
        assert_eq!(through(40, true, "id\tTitle\tnew\n"), "id\tTitle\tnew\n");
        // 8 + 8 + 20 + ... : too wide for 30 columns, so wrapped as words
        let wrapped = through(30, true, "staging\tHow stage 4 is decided today\tnew\n");
        assert!(wrapped.lines().all(|l| columns(l) <= 30), "{wrapped:?}");
        assert_eq!(through(30, false, "x\ty\n"), "x    y\n");
    }

    #[test]
    fn a_partial_line_is_written_on_flush() {
        let mut out = Vec::new();
        let mut w = Wrapped::new(&mut out, 80);
        write!(w, "Type yes: ").unwrap();
        w.flush().unwrap();
        drop(w);
        assert_eq!(out, b"Type yes: ");
    }
}

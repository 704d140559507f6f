//! Strip terminal-unsafe characters from text that came from content files.
//!
//! A content pack is untrusted input: an ESC or a C1 CSI could move the cursor or
//! rewrite the screen, bidi overrides could make text read differently from what it
//! says. Everything the renderer shows passes through here.

use std::borrow::Cow;

/// Spaces a tab becomes (no tab stops: the terminal would not agree with our widths).
const TAB: &str = "    ";

/// What to do with line breaks (LF, CR, CRLF).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Newlines {
    /// Keep one `'\n'` per line break.
    Keep,
    /// Turn each line break into a space, so the words on either side stay apart.
    Space,
}

/// Replace every control character (C0 incl. ESC, BEL, BS, CR, DEL, C1 U+0080–U+009F),
/// bidi control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), soft hyphen
/// (U+00AD) and zero-width space (U+200B) with nothing (terminals disagree on how
/// wide the last two are, so no width could be counted right). A tab becomes 4 spaces; a line break (LF, CR or CRLF) and U+2028/U+2029
/// become one space, as this is for single-line text (see [`sanitize_multiline`]).
/// Borrows when the text is already clean.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_with(text, Newlines::Space)
}

/// Like [`sanitize`], but each line break (LF, CR, CRLF, U+2028, U+2029) becomes `'\n'`,
/// for callers that split the result into lines themselves.
pub fn sanitize_multiline(text: &str) -> Cow<'_, str> {
    sanitize_with(text, Newlines::Keep)
}

/// A path as a message may show it: [`sanitize`]d, so a file name holding an escape
/// sequence, a bidi control or a line break cannot reach the terminal as one.
pub fn sanitize_path(path: &std::path::Path) -> String {
    sanitize(&path.to_string_lossy()).into_owned()
}

fn sanitize_with(text: &str, newlines: Newlines) -> Cow<'_, str> {
    match first_unsafe(text, newlines) {
        None => Cow::Borrowed(text),
        Some(at) => {
            let mut out = String::with_capacity(text.len() + 8);
            out.push_str(&text[..at]);
            clean_into(&mut out, &text[at..], newlines);
            Cow::Owned(out)
        }
    }
}

/// Append `text`, sanitized, to `out` (no intermediate allocation).
pub(super) fn push_sanitized(out: &mut String, text: &str, newlines: Newlines) {
    match first_unsafe(text, newlines) {
        None => out.push_str(text),
        Some(at) => {
            out.push_str(&text[..at]);
            clean_into(out, &text[at..], newlines);
        }
    }
}

/// True for every character that must never reach the terminal as is.
pub(super) fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Invisible break hints whose width terminals disagree on (0 or 1 column).
fn is_break_hint(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Byte index of the first character that needs work, by a byte scan (the common,
/// clean case never decodes UTF-8). With `Keep`, a bare `'\n'` needs no work.
fn first_unsafe(text: &str, newlines: Newlines) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if plain_ascii8(b, i) {
            i += 8;
            continue;
        }
        let c = b[i];
        let bad = match c {
            b'\n' => newlines == Newlines::Space,
            0..=0x1F | 0x7F => true,
            // U+0080..U+009F (C1), U+00AD soft hyphen
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F | 0xAD)),
            // U+061C ARABIC LETTER MARK
            0xD8 => b.get(i + 1) == Some(&0x9C),
            // U+200B, U+200E/F, U+2028/9, U+202A..E; U+2066..9
            0xE2 => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8B | 0x8E | 0x8F | 0xA8..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ),
            _ => false,
        };
        if bad {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether the 8 bytes at `i` are all printable ASCII (0x20..0x7E), tested at once.
fn plain_ascii8(b: &[u8], i: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Some(chunk) = b.get(i..i + 8) else {
        return false;
    };
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    let x = u64::from_le_bytes(word);
    let non_ascii = x & HIGH;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let y = x ^ (ONES * 0x7F);
    let del = y.wrapping_sub(ONES) & !y & HIGH;
    non_ascii | below_space | del == 0
}

fn clean_into(out: &mut String, text: &str, newlines: Newlines) {
    let line_break = match newlines {
        Newlines::Keep => '\n',
        Newlines::Space => ' ',
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push_str(TAB),
            '\r' => {
                // CRLF is one line break
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(line_break);
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(line_break),
            c if is_unsafe_char(c) || is_break_hint(c) => {}
            c => out.push(c),
        }
    }
}

//! Small helpers for reading pack TOML files with line numbers in every message.

use super::ContentError;

/// 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    super::lesson::line_of(text, offset)
}

/// Line numbers for many offsets in one text: the line starts are found once, then
/// each look-up is a binary search (a scan from the top per item made loading a pack
/// quadratic in the file's size).
pub struct Lines {
    /// Byte offset of each `\n`.
    newlines: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        Lines { newlines: text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect() }
    }

    /// 1-based line of a byte offset (the same as [`line_at`]).
    pub fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }
}

/// A toml parse error as `file:line: message`.
pub fn parse_error(file: &str, text: &str, e: &toml::de::Error) -> ContentError {
    let line = e.span().map_or(1, |s| line_at(text, s.start));
    let message = e.message().lines().next().unwrap_or("").trim().to_string();
    ContentError::new(file, line, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_agree_with_a_scan() {
        let text = "a\n\nbc\r\nd\n";
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(lines.line(offset), line_at(text, offset), "offset {offset}");
        }
    }
}

//! Small helpers for reading pack TOML files with line numbers in every message.

use super::ContentError;

/// 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    super::lesson::line_of(text, offset)
}

/// A toml parse error as `file:line: message`.
pub fn parse_error(file: &str, text: &str, e: &toml::de::Error) -> ContentError {
    let line = e.span().map_or(1, |s| line_at(text, s.start));
    let message = e.message().lines().next().unwrap_or("").trim().to_string();
    ContentError::new(file, line, message)
}

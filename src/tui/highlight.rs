//! Restyling parts of an already rendered line: search matches, glossary terms.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `line` with each byte range of its text (as `line_to_string` gives it) patched
/// with a style. Ranges must not overlap; they may cross span boundaries.
pub fn patch(line: &Line<'static>, ranges: &[(Range<usize>, Style)]) -> Line<'static> {
    if ranges.is_empty() {
        return line.clone();
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let text = span.content.as_ref();
        let start = at;
        let end = at + text.len();
        // Cut points inside this span, from the range edges.
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for (r, _) in ranges {
            for edge in [r.start, r.end] {
                if edge > start && edge < end && text.is_char_boundary(edge - start) {
                    cuts.push(edge - start);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let piece = &text[a..b];
            let style = ranges
                .iter()
                .find(|(r, _)| r.start <= start + a && start + b <= r.end)
                .map_or(span.style, |(_, s)| span.style.patch(*s));
            spans.push(Span::styled(piece.to_string(), style));
        }
        at = end;
    }
    Line::from(spans).style(line.style).alignment(line.alignment.unwrap_or_default())
}

/// Byte ranges of whole-word, case-insensitive occurrences of `phrase` in `text`;
/// a trailing "s"/"es" on the last word is allowed (plurals).
pub fn find_phrase(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    let needle = phrase.to_lowercase();
    if needle.is_empty() || lower.len() != text.len() {
        // Lowercasing changed byte lengths (rare scripts): no safe mapping, no marks.
        return Vec::new();
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&needle) {
        let start = from + pos;
        let mut end = start + needle.len();
        for suffix in ["es", "s"] {
            if lower[end..].starts_with(suffix) && !is_word(lower[end + suffix.len()..].chars().next()) {
                end += suffix.len();
                break;
            }
        }
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        if !is_word(before) && !is_word(after) {
            out.push(start..end);
        }
        from = start + needle.len().max(1);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::line_to_string;
    use ratatui::style::Modifier;

    #[test]
    fn patch_splits_spans_and_keeps_the_text() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = Line::from(vec![Span::raw("lymph "), Span::styled("nodes are", bold)]);
        let under = Style::new().add_modifier(Modifier::UNDERLINED);
        let out = patch(&line, &[(0..11, under)]);
        assert_eq!(line_to_string(&out), "lymph nodes are");
        let styled: Vec<(&str, bool, bool)> = out
            .spans
            .iter()
            .map(|s| {
                (
                    s.content.as_ref(),
                    s.style.add_modifier.contains(Modifier::UNDERLINED),
                    s.style.add_modifier.contains(Modifier::BOLD),
                )
            })
            .collect();
        assert_eq!(styled, vec![("lymph ", true, false), ("nodes", true, true), (" are", false, true)]);
    }

    #[test]
    fn phrases_match_whole_words_and_plurals() {
        assert_eq!(find_phrase("Biopsies and a biopsy.", "biopsy"), vec![15..21]);
        assert_eq!(find_phrase("Lymph nodes, lymph node", "lymph node"), vec![0..11, 13..23]);
        assert_eq!(find_phrase("remissions", "remission"), vec![0..10]);
        assert!(find_phrase("staged", "stag").is_empty());
        assert!(find_phrase("", "x").is_empty());
        assert_eq!(find_phrase("日本 NED 日本", "ned"), vec![7..10]);
        assert!(find_phrase("İ NED", "ned").is_empty(), "lowercasing changes byte lengths: skipped");
    }
}

//! Full-text search over the lessons: words in any order, case-insensitive, whole
//! words and prefixes. Pure: no terminal code.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::ContentPack;
use crate::markdown::{anchor_of, sanitize};

/// Queries longer than this are cut: nobody types more, and it bounds the work.
const MAX_QUERY_CHARS: usize = 200;
const SNIPPET_CHARS: usize = 90;

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub lesson: usize,
    pub lesson_id: String,
    /// The `##` section the match is in, if any: (slug, title).
    pub section: Option<(String, String)>,
    /// A short piece of text around the match.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<Range<usize>>,
    /// Byte offset in the lesson's Markdown of the block that matched.
    pub offset: usize,
    pub score: u32,
}

impl Hit {
    /// `lesson-id#section`, or just `lesson-id` before the first section.
    pub fn target(&self) -> String {
        match &self.section {
            Some((slug, _)) => format!("{}#{slug}", self.lesson_id),
            None => self.lesson_id.clone(),
        }
    }
}

/// The words of a query: lowercase runs of letters and digits.
pub fn query_words(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut words: Vec<String> = words_of(&query).map(|(_, w)| w.to_lowercase()).collect();
    words.dedup();
    words
}

/// (byte range, word) of each word in a text.
fn words_of(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// Ranges in `text` of words that start with one of `query` (whole words and prefixes).
pub fn match_ranges(text: &str, query: &[String]) -> Vec<Range<usize>> {
    words_of(text)
        .filter(|(_, word)| {
            let word = word.to_lowercase();
            query.iter().any(|q| word.starts_with(q.as_str()))
        })
        .map(|(range, _)| range)
        .collect()
}

/// Search every lesson. Each block (paragraph, list item, heading, table cell run)
/// matches when every query word starts some word in it.
pub fn search(pack: &ContentPack, query: &str) -> Vec<Hit> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (index, lesson) in pack.lessons.iter().enumerate() {
        for block in blocks(&lesson.body) {
            let lower = block.text.to_lowercase();
            let block_words: Vec<&str> = words_of(&lower).map(|(_, w)| w).collect();
            let mut score = 0;
            let all = words.iter().all(|q| {
                let exact = block_words.iter().filter(|w| *w == q).count() as u32;
                let prefix = block_words.iter().filter(|w| w.starts_with(q.as_str())).count() as u32;
                score += exact * 3 + (prefix - exact);
                prefix > 0
            });
            if !all {
                continue;
            }
            if block.is_heading {
                score += 100;
            }
            let (snippet, highlights) = snippet(&block.text, &words);
            hits.push(Hit {
                lesson: index,
                lesson_id: lesson.id.clone(),
                section: block.section.clone(),
                snippet,
                highlights,
                offset: block.offset,
                score,
            });
        }
    }
    // Best first; ties keep lesson order.
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.lesson.cmp(&b.lesson)).then(a.offset.cmp(&b.offset)));
    hits
}

struct Block {
    text: String,
    offset: usize,
    section: Option<(String, String)>,
    is_heading: bool,
}

/// The text blocks of a lesson body, each with its section.
fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut section: Option<(String, String)> = None;
    let mut current: Option<Block> = None;
    let mut in_h2 = false;
    let mut heading_id: Option<String> = None;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                in_h2 = level == pulldown_cmark::HeadingLevel::H2;
                heading_id = id.map(|id| id.to_string());
                current = Some(Block { text: String::new(), offset: range.start, section: None, is_heading: true });
            }
            // A list item's paragraph belongs to the item's block.
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::CodeBlock(_)) if current.is_none() => {
                current = Some(Block { text: String::new(), offset: range.start, section: None, is_heading: false });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(block) = current.as_mut() {
                    block.text.push_str(&sanitize(&t));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = current.as_mut() {
                    block.text.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut block) = current.take() {
                    if in_h2 {
                        section = Some((anchor_of(heading_id.take().as_deref(), &block.text), block.text.clone()));
                    }
                    block.section = section.clone();
                    out.push(block);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock) => {
                if let Some(mut block) = current.take() {
                    block.section = section.clone();
                    if !block.text.trim().is_empty() {
                        out.push(block);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// About SNIPPET_CHARS of `text` around the first match, cut at spaces, with the
/// matched words' ranges inside the snippet.
fn snippet(text: &str, words: &[String]) -> (String, Vec<Range<usize>>) {
    let text = text.trim();
    let ranges = match_ranges(text, words);
    let first = ranges.first().map_or(0, |r| r.start);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first_char = chars.iter().position(|&(i, _)| i >= first).unwrap_or(0);
    let mut start = first_char.saturating_sub(SNIPPET_CHARS / 3);
    while start > 0 && !chars[start - 1].1.is_whitespace() {
        start -= 1;
    }
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    while end < chars.len() && !chars[end].1.is_whitespace() {
        end += 1;
    }
    let from = chars.get(start).map_or(text.len(), |&(i, _)| i);
    let to = chars.get(end).map_or(text.len(), |&(i, _)| i);
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < text.len() { "…" } else { "" };
    let snippet = format!("{prefix}{}{suffix}", &text[from..to]);
    let shift = prefix.len();
    let highlights = ranges
        .into_iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(|r| r.start - from + shift..r.end - from + shift)
        .collect();
    (snippet, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    fn pack() -> ContentPack {
        content::load_embedded().unwrap()
    }

    #[test]
    fn words_in_any_order_case_insensitive_with_prefixes() {
        let pack = pack();
        let a = search(&pack, "spinal cord");
        let b = search(&pack, "CORD spinal");
        assert!(!a.is_empty());
        assert_eq!(a.iter().map(Hit::target).collect::<Vec<_>>(), b.iter().map(Hit::target).collect::<Vec<_>>());
        // A prefix finds longer words: "palliat" finds "palliative".
        let hits = search(&pack, "palliat");
        assert!(hits.iter().any(|h| h.lesson_id == "palliative-care"));
    }

    #[test]
    fn headings_rank_first_and_hits_know_their_section() {
        let hits = search(&pack(), "what M1 means");
        assert_eq!(hits[0].target(), "staging#what-m1-means");
        assert_eq!(hits[0].section.as_ref().unwrap().1, "What M1 means");
    }

    #[test]
    fn a_heading_s_own_anchor_is_the_hit_s_section() {
        let found = blocks("# Título\n\n## Remisión {#remission}\n\nTexto de la remisión.\n");
        let text = found.iter().find(|b| !b.is_heading && b.text.contains("Texto")).unwrap();
        assert_eq!(text.section, Some(("remission".to_string(), "Remisión".to_string())));
    }

    #[test]
    fn every_word_must_match_one_block() {
        assert!(search(&pack(), "jaundice zebra").is_empty());
    }

    #[test]
    fn snippets_highlight_the_matched_words() {
        for hit in search(&pack(), "hospice") {
            assert!(!hit.highlights.is_empty(), "{hit:?}");
            for r in &hit.highlights {
                assert!(hit.snippet[r.clone()].to_lowercase().starts_with("hospice"), "{hit:?}");
            }
            assert!(hit.snippet.chars().count() <= SNIPPET_CHARS + 30, "{}", hit.snippet);
        }
    }

    #[test]
    fn odd_queries_never_panic_and_find_nothing() {
        let pack = pack();
        for q in ["", "   ", ".*", "(((", "[a-z]+", "\u{1b}[31m", &"x".repeat(10_000), "🙂", "日本"] {
            let hits = search(&pack, q);
            assert!(hits.is_empty(), "{q:?}: {hits:?}");
        }
    }

    #[test]
    fn snippet_is_cut_at_word_boundaries_around_the_match() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen \
                    seventeen eighteen nineteen twenty twentyone twentytwo target word here and more words after it to \
                    make the text long enough to be cut at the end as well";
        let (snippet, ranges) = snippet(text, &["target".to_string()]);
        assert!(snippet.starts_with('…') && snippet.ends_with('…'), "{snippet}");
        assert_eq!(&snippet[ranges[0].clone()], "target");
    }
}

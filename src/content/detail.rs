//! "More detail" parts of a lesson: a `### More detail: <what>` heading and everything
//! after it up to the next `##` or `###` heading (or the end of the lesson). The reader
//! shows each folded as one line until the person opens it; `check` grades them apart
//! from the main text.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

// How a detail heading starts (after `### `) is the pack language's `detail_prefix`
// (see `super::language`), e.g. "More detail:" or "Más detalles:"; matched ignoring case.

/// One detail part, by byte ranges of the lesson's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// What the detail is about: the heading's plain text after the prefix.
    pub what: String,
    /// The same as written in the Markdown (may hold emphasis, code…).
    pub what_markdown: String,
    /// From the heading's first byte to the end of the part.
    pub range: Range<usize>,
    /// 1-based line of the heading in the body.
    pub line: usize,
}

/// A broken use of the convention, at a body line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// The detail parts of a body whose detail headings start with `prefix`, and what is wrong
/// with the way they are written.
pub fn scan(body: &str, prefix: &str) -> (Vec<Detail>, Vec<Problem>) {
    let lines = super::toml_util::Lines::new(body);
    let mut details: Vec<Detail> = Vec::new();
    let mut problems = Vec::new();
    // The detail part being read: (index into details, where its text starts).
    let mut open: Option<(usize, usize)> = None;
    let mut heading: Option<(HeadingLevel, Range<usize>, String)> = None;
    let close = |open: &mut Option<(usize, usize)>, details: &mut Vec<Detail>, problems: &mut Vec<Problem>, end| {
        if let Some((i, text_start)) = open.take() {
            let detail: &mut Detail = &mut details[i];
            detail.range.end = end;
            if body[text_start..end].trim().is_empty() {
                problems.push(Problem {
                    line: detail.line,
                    message: "a More detail heading with no text after it: write the detail, or remove the heading"
                        .into(),
                });
            }
        }
    };
    // Headings inside a quote or a list do not start or end parts: folding there would
    // cut the quote or list in two.
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition) => {
                depth = depth.saturating_sub(1)
            }
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, range, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, range, text)) = heading.take() else { continue };
                let line = lines.line(range.start);
                let is_detail = strip_prefix(&text, prefix).is_some();
                if depth > 0 {
                    if is_detail {
                        problems.push(Problem {
                            line,
                            message: "a More detail heading inside a quote or a list: put it on a line of its own"
                                .into(),
                        });
                    }
                    continue;
                }
                if level <= HeadingLevel::H3 {
                    close(&mut open, &mut details, &mut problems, range.start);
                }
                if !is_detail {
                    continue;
                }
                let nested = open.is_some();
                if level != HeadingLevel::H3 || nested {
                    let message = if nested {
                        "a More detail heading inside another More detail part: they cannot be nested; \
                         end the first with a ## or ### heading"
                    } else {
                        "a More detail heading must be a ### heading: `### More detail: …`"
                    };
                    problems.push(Problem { line, message: message.into() });
                    continue;
                }
                let what = strip_prefix(&text, prefix).unwrap_or_default().trim().to_string();
                if what.is_empty() {
                    problems.push(Problem {
                        line,
                        message:
                            "a More detail heading must say what it is about: `### More detail: how scans are read`"
                                .into(),
                    });
                }
                let what_markdown = raw_what(&body[range.clone()], prefix).unwrap_or(&what).to_string();
                open = Some((details.len(), range.end));
                details.push(Detail { what, what_markdown, range: range.start..body.len(), line });
            }
            _ => {}
        }
    }
    close(&mut open, &mut details, &mut problems, body.len());
    (details, problems)
}

fn strip_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let text = text.trim_start();
    let head = text.get(..prefix.len())?;
    (head.to_lowercase() == prefix.to_lowercase()).then(|| &text[prefix.len()..])
}

/// The heading's own Markdown after the prefix: `### More detail: how *X* works ##` → `how *X* works`.
fn raw_what<'a>(heading: &'a str, prefix: &str) -> Option<&'a str> {
    let line = heading.lines().next()?.trim_start_matches('#');
    let what = strip_prefix(line, prefix)?.trim().trim_end_matches('#').trim();
    (!what.is_empty()).then_some(what)
}

/// A body with some detail parts replaced by a marker paragraph, and the way back from
/// its byte offsets to the body's own (reading places are kept as offsets of the whole
/// lesson, so they must not depend on what is folded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where the piece starts in `text`.
    at: usize,
    /// Where it came from in the original.
    original: usize,
    /// Copied byte for byte (true), or a marker standing for a part (false).
    copied: bool,
}

impl Folded {
    /// Fold the `details` of `text` for which `folded(i)` is true, each shown as
    /// `marker(i, detail)` (Markdown) in its own paragraph.
    pub fn new(
        text: &str,
        details: &[Detail],
        folded: impl Fn(usize) -> bool,
        marker: impl Fn(usize, &Detail) -> String,
    ) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut pieces = Vec::new();
        let mut copied_to = 0;
        for (i, detail) in details.iter().enumerate() {
            if !folded(i) || detail.range.start < copied_to || detail.range.end > text.len() {
                continue;
            }
            pieces.push(Piece { at: out.len(), original: copied_to, copied: true });
            out.push_str(&text[copied_to..detail.range.start]);
            pieces.push(Piece { at: out.len(), original: detail.range.start, copied: false });
            out.push_str(&marker(i, detail));
            out.push_str("\n\n");
            copied_to = detail.range.end;
        }
        pieces.push(Piece { at: out.len(), original: copied_to, copied: true });
        out.push_str(&text[copied_to..]);
        Folded { text: out, pieces }
    }

    /// The original offset of an offset in the folded text. A marker maps to the start
    /// of the part it stands for.
    pub fn original(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.at <= offset).saturating_sub(1);
        match self.pieces.get(i) {
            Some(p) if p.copied => p.original + (offset - p.at),
            Some(p) => p.original,
            None => offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = super::super::language::ENGLISH.detail_prefix;

    const BODY: &str = "# T\n\n## One\n\nMain text.\n\n### More detail: how *scans* work\n\nDetail text.\n\n\
                        #### A smaller heading\n\nStill detail.\n\n### Back to main\n\nMain again.\n\n## Two\n\n\
                        ### More detail: the end\n\nLast detail.\n";

    #[test]
    fn parts_run_to_the_next_h2_or_h3_or_the_end() {
        let (details, problems) = scan(BODY, EN);
        assert_eq!(problems, vec![]);
        assert_eq!(details.len(), 2);
        assert_eq!(details[0].what, "how scans work");
        assert_eq!(details[0].what_markdown, "how *scans* work");
        assert_eq!(details[0].line, 7);
        let first = &BODY[details[0].range.clone()];
        assert!(first.starts_with("### More detail") && first.contains("Still detail.") && !first.contains("Back"));
        assert!(BODY[details[1].range.clone()].ends_with("Last detail.\n"));
    }

    #[test]
    fn empty_nested_and_wrong_level_parts_are_problems_at_their_line() {
        let body = "# T\n\n### More detail: nothing here\n\n## Next\n\n### More detail: outer\n\nText.\n\n\
                    #### More detail: inner\n\nMore.\n\n## More detail: wrong level\n\nText.\n\n### more detail:\n\nX.\n";
        let (_, problems) = scan(body, EN);
        let got: Vec<(usize, &str)> =
            problems.iter().map(|p| (p.line, p.message.split(':').next().unwrap_or(""))).collect();
        assert_eq!(
            got,
            vec![
                (3, "a More detail heading with no text after it"),
                (11, "a More detail heading inside another More detail part"),
                (15, "a More detail heading must be a ### heading"),
                (19, "a More detail heading must say what it is about"),
            ]
        );
    }

    #[test]
    fn headings_in_quotes_and_lists_neither_start_nor_end_a_part() {
        let body = "# T\n\n### More detail: x\n\nText.\n\n> ### Quoted\n\n- ### In a list\n\nStill detail.\n\n\
                    > ### More detail: quoted\n";
        let (details, problems) = scan(body, EN);
        assert_eq!(details.len(), 1);
        assert!(body[details[0].range.clone()].contains("Still detail."));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 13);
        assert!(problems[0].message.contains("inside a quote or a list"), "{problems:?}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_scans_and_folds_without_panicking(text in "(### More detail: x\n|## y\n|#### More detail:\n|> |- |text\n|\n|é|\r){0,40}") {
            let (details, _) = scan(&text, EN);
            let folded = Folded::new(&text, &details, |i| i % 2 == 0, |_, d| format!("[{}]", d.what));
            // Offsets map back inside the text, in order.
            let mut last = 0;
            for offset in 0..=folded.text.len() {
                let original = folded.original(offset);
                proptest::prop_assert!(original <= text.len());
                proptest::prop_assert!(original >= last);
                last = original;
            }
        }
    }

    #[test]
    fn folding_replaces_parts_and_maps_offsets_back() {
        let (details, _) = scan(BODY, EN);
        let folded = Folded::new(BODY, &details, |i| i == 0, |_, d| format!("[{}]", d.what));
        assert!(folded.text.contains("[how scans work]\n\n### Back to main"), "{}", folded.text);
        assert!(!folded.text.contains("Detail text."));
        assert!(folded.text.contains("Last detail."), "the open part stays");
        // Text before the part keeps its offset; the marker maps to the part's start;
        // text after maps back by the length taken out.
        let main = folded.text.find("Main text.").unwrap();
        assert_eq!(folded.original(main), BODY.find("Main text.").unwrap());
        let marker = folded.text.find("[how").unwrap();
        assert_eq!(folded.original(marker), details[0].range.start);
        assert_eq!(folded.original(marker + 3), details[0].range.start);
        let after = folded.text.find("Back to main").unwrap();
        assert_eq!(folded.original(after), BODY.find("Back to main").unwrap());
        // Nothing folded: the same text, the same offsets.
        let none = Folded::new(BODY, &details, |_| false, |_, _| String::new());
        assert_eq!(none.text, BODY);
        assert_eq!(none.original(17), 17);
    }
}

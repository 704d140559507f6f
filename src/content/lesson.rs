//! One lesson: TOML front matter between `+++` lines, then a Markdown body.

use serde::Deserialize;

use super::ContentError;
use super::detail::{self, Detail, Folded};
use super::language::{self, Language};
use crate::markdown::{anchor_of, slugify};

/// A lesson as the app uses it. The body stays Markdown; it is rendered on demand.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub sources: Vec<String>,
    pub reviewed: String,
    /// Suggested questions for the care team (front matter `questions`).
    pub questions: Vec<String>,
    pub body: String,
    /// The file the lesson came from, relative to the pack (for messages).
    pub file: String,
    /// 1-based line in `file` where the body starts.
    pub body_line: usize,
    /// The `##` sections, in order.
    pub sections: Vec<Section>,
    /// "More detail" parts, folded in the reader until opened (see `content::detail`).
    pub details: Vec<Detail>,
    /// A note shown before the lesson opens, which the person may skip for now
    /// (front matter `content_note`), for lessons some people are not ready to read.
    pub content_note: Option<String>,
    /// The language of the pack the lesson came from: the words that mark its parts.
    pub language: &'static Language,
}

impl Lesson {
    /// The Markdown to show a reader: the body, then where its facts come from.
    pub fn document(&self) -> String {
        let mut doc = self.body.clone();
        self.push_sources_note(&mut doc);
        doc
    }

    fn push_sources_note(&self, doc: &mut String) {
        if !self.sources.is_empty() || !self.reviewed.is_empty() {
            doc.push_str("\n\n---\n\n");
            if !self.sources.is_empty() {
                doc.push_str("**Sources:** ");
                doc.push_str(&self.sources.join("; "));
                doc.push_str("\n\n");
            }
            if !self.reviewed.is_empty() {
                doc.push_str(&format!("**Reviewed:** {}\n", self.reviewed));
            }
        }
    }

    /// The Markdown of one `##` section, from its heading to the next `##` heading
    /// (or the end), with the same note of sources as [`Lesson::document`].
    pub fn section_document(&self, slug: &str) -> Option<String> {
        let range = self.section_range(slug)?;
        let mut doc = self.body[range].to_string();
        self.push_sources_note(&mut doc);
        Some(doc)
    }

    /// [`Lesson::section_document`] with the detail parts inside the section
    /// replaced by `marker(i, detail)` (`i` counts the lesson's parts).
    pub fn section_document_folded(&self, slug: &str, marker: impl Fn(usize, &Detail) -> String) -> Option<String> {
        let range = self.section_range(slug)?;
        let inside: Vec<(usize, Detail)> = (self.details.iter().enumerate())
            .filter(|(_, d)| d.range.start >= range.start && d.range.end <= range.end)
            .map(|(i, d)| (i, Detail { range: d.range.start - range.start..d.range.end - range.start, ..d.clone() }))
            .collect();
        let details: Vec<Detail> = inside.iter().map(|(_, d)| d.clone()).collect();
        let folded = Folded::new(&self.body[range], &details, |_| true, |k, d| marker(inside[k].0, d));
        let mut doc = folded.text;
        self.push_sources_note(&mut doc);
        Some(doc)
    }

    /// The bytes of the body from a `##` heading to the next (or the end).
    fn section_range(&self, slug: &str) -> Option<std::ops::Range<usize>> {
        let at = self.sections.iter().position(|s| s.slug == slug)?;
        let start_line = self.sections[at].line.saturating_sub(self.body_line);
        let end_line = self.sections.get(at + 1).map(|s| s.line.saturating_sub(self.body_line));
        let (mut start, mut end) = (self.body.len(), self.body.len());
        let mut offset = 0;
        for (i, line) in self.body.split_inclusive('\n').enumerate() {
            if i == start_line {
                start = offset;
            }
            if Some(i) == end_line {
                end = offset;
                break;
            }
            offset += line.len();
        }
        Some(start..end.max(start))
    }

    /// The document with the detail parts `folded(i)` replaced by `marker(i, detail)`.
    pub fn document_folded(&self, folded: impl Fn(usize) -> bool, marker: impl Fn(usize, &Detail) -> String) -> Folded {
        // The body comes first in the document, so body offsets are document offsets.
        Folded::new(&self.document(), &self.details, folded, marker)
    }

    /// The body without its detail parts: what every reader reads.
    pub fn main_text(&self) -> String {
        Folded::new(&self.body, &self.details, |_| true, |_, _| String::new()).text
    }

    /// The detail parts, one after another.
    pub fn detail_text(&self) -> String {
        self.details.iter().map(|d| &self.body[d.range.clone()]).collect::<Vec<_>>().join("\n\n")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub slug: String,
    pub title: String,
    /// 1-based line in the lesson file.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    summary: String,
    sources: Vec<String>,
    reviewed: toml::value::Datetime,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    content_note: Option<String>,
}

const FENCE: &str = "+++";

/// Parse a lesson file. `file` is the name used in error messages.
/// With `require_front_matter` false, a file without `+++` is accepted as a
/// bare Markdown page (for previewing with `read FILE.md`).
pub fn parse(file: &str, text: &str, require_front_matter: bool) -> Result<Lesson, ContentError> {
    parse_in(file, text, require_front_matter, &language::ENGLISH)
}

/// [`parse`] a lesson of a pack in `language` (its "More detail" headings are in that language).
pub fn parse_in(
    file: &str,
    text: &str,
    require_front_matter: bool,
    language: &'static Language,
) -> Result<Lesson, ContentError> {
    let err = |line: usize, message: String| ContentError::new(file, line, message);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != FENCE {
        if require_front_matter {
            return Err(err(
                1,
                "a lesson must start with a `+++` line, then its front matter (id, title, summary, sources, reviewed), then `+++`".into(),
            ));
        }
        return Ok(bare_page(file, text, language));
    }

    let Some((fm_text, body_start, close_line)) = split_front_matter(text) else {
        return Err(err(1, "front matter opened with `+++` is never closed: add a line `+++` after it".into()));
    };
    let fm: FrontMatter = toml::from_str(fm_text).map_err(|e| {
        // Line 1 is the opening fence, so front-matter line k is file line k + 1.
        let line = e.span().map(|s| line_of(fm_text, s.start) + 1).unwrap_or(1);
        err(line, format!("front matter: {}", first_sentence(e.message())))
    })?;

    let mut problems = Vec::new();
    for (name, value) in [("id", &fm.id), ("title", &fm.title), ("summary", &fm.summary)] {
        if value.trim().is_empty() {
            problems.push(format!("front matter: `{name}` is empty"));
        }
    }
    if !fm.id.is_empty() && fm.id != slugify(&fm.id) {
        problems.push(format!(
            "front matter: id `{}` must be lowercase letters, digits and hyphens (try `{}`)",
            fm.id,
            slugify(&fm.id)
        ));
    }
    if fm.sources.iter().all(|s| s.trim().is_empty()) {
        problems.push("front matter: `sources` must name at least one source".into());
    }
    if fm.content_note.as_ref().is_some_and(|note| note.trim().is_empty()) {
        problems.push("front matter: `content_note` is empty: say in a sentence what the lesson is about".into());
    }
    if fm.reviewed.date.is_none() || fm.reviewed.time.is_some() {
        problems.push("front matter: `reviewed` must be a date like 2026-11-25".into());
    }
    if let Some(problem) = problems.into_iter().next() {
        return Err(err(1, problem));
    }

    let body = text[body_start..].to_string();
    let body_line = close_line + 1;
    let sections = sections_of(&body, body_line);
    let (details, _) = detail::scan(&body, language.detail_prefix);
    Ok(Lesson {
        id: fm.id,
        title: fm.title,
        summary: fm.summary,
        sources: fm.sources,
        reviewed: fm.reviewed.to_string(),
        questions: fm.questions,
        body,
        file: file.to_string(),
        body_line,
        sections,
        details,
        content_note: fm.content_note.map(|note| note.trim().to_string()),
        language,
    })
}

/// The front matter of a text that opens with a `+++` line, the byte offset where
/// the body starts and the line of the closing fence; `None` if it is never closed.
fn split_front_matter(text: &str) -> Option<(&str, usize, usize)> {
    let first_line = text.lines().next().unwrap_or("");
    // The closing fence: the next line that is exactly `+++`.
    let after_open = first_line.len() + newline_len(text, first_line.len());
    let mut offset = after_open;
    for (i, line) in text[after_open..].split_inclusive('\n').enumerate() {
        if line.trim_end() == FENCE {
            return Some((&text[after_open..offset], offset + line.len(), i + 2));
        }
        offset += line.len();
    }
    None
}

/// The front-matter fields a lesson must have.
const REQUIRED: [&str; 5] = ["id", "title", "summary", "sources", "reviewed"];

/// A page being written, for `read FILE.md`: the lesson as far as its front matter
/// goes, and what keeps it from being one (each missing field, else the first
/// problem) as warnings. The body is shown either way.
pub fn parse_draft(file: &str, text: &str) -> (Lesson, Vec<ContentError>) {
    parse_draft_in(file, text, &language::ENGLISH)
}

/// [`parse_draft`] of a page written in `language` (its "More detail" headings in that language).
pub fn parse_draft_in(file: &str, text: &str, language: &'static Language) -> (Lesson, Vec<ContentError>) {
    let problem = match parse_in(file, text, false, language) {
        Ok(lesson) => return (lesson, Vec::new()),
        Err(e) => e,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((fm_text, body_start, close_line)) = split_front_matter(text) else {
        return (bare_page(file, text, language), vec![problem]);
    };
    let mut lesson = bare_page(file, &text[body_start..], language);
    lesson.body_line = close_line + 1;
    lesson.sections = sections_of(&lesson.body, lesson.body_line);
    let mut warnings = Vec::new();
    if let Ok(table) = toml::from_str::<toml::Table>(fm_text) {
        for key in REQUIRED.iter().filter(|key| !table.contains_key(**key)) {
            warnings.push(ContentError::new(file, 1, format!("front matter: `{key}` is missing")));
        }
        if let Some(title) = table.get("title").and_then(toml::Value::as_str) {
            lesson.title = title.to_string();
        }
    }
    if warnings.is_empty() {
        warnings.push(problem);
    }
    (lesson, warnings)
}

/// A Markdown file with no front matter: title from its first heading or file name.
fn bare_page(file: &str, text: &str, language: &'static Language) -> Lesson {
    let body = text.to_string();
    let sections = sections_of(&body, 1);
    let (details, _) = detail::scan(&body, language.detail_prefix);
    let title = heading_texts(&body)
        .into_iter()
        .find(|heading| heading.level == 1)
        .map(|heading| heading.title)
        .unwrap_or_else(|| file.rsplit('/').next().unwrap_or(file).to_string());
    Lesson {
        id: slugify(file.rsplit('/').next().unwrap_or(file).trim_end_matches(".md")),
        title,
        summary: String::new(),
        sources: Vec::new(),
        reviewed: String::new(),
        questions: Vec::new(),
        body,
        file: file.to_string(),
        body_line: 1,
        sections,
        details,
        content_note: None,
        language,
    }
}

/// The `##` headings of a body, with slugs and file lines.
fn sections_of(body: &str, body_line: usize) -> Vec<Section> {
    // Headings come in document order: count lines from one to the next, not from the top.
    let (mut line, mut counted) = (1, 0);
    heading_texts(body)
        .into_iter()
        .filter(|heading| heading.level == 2)
        .map(|Heading { title, id, offset, .. }| {
            let offset = offset.clamp(counted, body.len());
            line += body.as_bytes()[counted..offset].iter().filter(|&&b| b == b'\n').count();
            counted = offset;
            Section { slug: anchor_of(id.as_deref(), &title), title, line: body_line + line - 1 }
        })
        .collect()
}

/// A heading of a lesson body: its level, plain text, own `{#id}` and byte offset.
struct Heading {
    level: u8,
    title: String,
    id: Option<String>,
    offset: usize,
}

fn heading_texts(body: &str) -> Vec<Heading> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<Heading> = None;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some(Heading {
                    level: level as u8,
                    title: String::new(),
                    id: id.map(|id| id.to_string()),
                    offset: range.start,
                })
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = current.as_mut() {
                    heading.title.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

fn newline_len(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b'\r') if text.as_bytes().get(at + 1) == Some(&b'\n') => 2,
        Some(b'\n') => 1,
        _ => 0,
    }
}

/// toml's messages can run over several lines; the first says what is wrong.
fn first_sentence(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"staging\"\ntitle = \"Staging\"\nsummary = \"How stage 4 is decided.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n# Staging\n\n## T, N and M\n\nText.\n\n## What M1 means\n";

    #[test]
    fn parses_front_matter_and_sections() {
        let lesson = parse("04-staging.md", GOOD, true).unwrap();
        assert_eq!(lesson.id, "staging");
        assert_eq!(lesson.reviewed, "2026-11-25");
        assert_eq!(lesson.body_line, 8);
        assert!(lesson.body.starts_with("# Staging"));
        let slugs: Vec<_> = lesson.sections.iter().map(|s| (s.slug.as_str(), s.line)).collect();
        assert_eq!(slugs, vec![("t-n-and-m", 10), ("what-m1-means", 14)]);
    }

    #[test]
    fn a_section_can_keep_another_language_s_anchor() {
        let text = GOOD
            .replace("## T, N and M", "## T, N y M {#t-n-and-m}")
            .replace("## What M1 means", "## Qué significa M1");
        let lesson = parse("04-staging.md", &text, true).unwrap();
        let sections: Vec<_> = lesson.sections.iter().map(|s| (s.slug.as_str(), s.title.as_str())).collect();
        assert_eq!(sections, vec![("t-n-and-m", "T, N y M"), ("qué-significa-m1", "Qué significa M1")]);
    }

    #[test]
    fn missing_field_names_the_field() {
        let text = GOOD.replace("summary = \"How stage 4 is decided.\"\n", "");
        let e = parse("04-staging.md", &text, true).unwrap_err();
        assert_eq!(e.file, "04-staging.md");
        assert!(e.message.contains("summary"), "{e}");
    }

    #[test]
    fn bad_value_names_its_line() {
        let text = GOOD.replace("reviewed = 2026-11-25", "reviewed = \"soon\"");
        let e = parse("x.md", &text, true).unwrap_err();
        assert_eq!(e.line, 6, "{e}");
    }

    #[test]
    fn toml_syntax_error_names_its_line() {
        let text = GOOD.replace("title = \"Staging\"", "title = \"Staging");
        let e = parse("x.md", &text, true).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().starts_with("x.md:3: front matter:"), "{e}");
    }

    #[test]
    fn a_draft_lists_every_missing_field_and_keeps_its_body() {
        let text = "+++\ntitle = \"Draft\"\n+++\n# Draft\n\n## Part one\n\nText.\n";
        let (lesson, warnings) = parse_draft("d.md", text);
        let messages: Vec<_> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "front matter: `id` is missing",
                "front matter: `summary` is missing",
                "front matter: `sources` is missing",
                "front matter: `reviewed` is missing"
            ]
        );
        assert_eq!(lesson.title, "Draft");
        assert!(lesson.body.starts_with("# Draft"), "{}", lesson.body);
        assert_eq!(lesson.sections[0].line, 6);
        // a wrong value (not a missing one) is the one warning
        let (_, warnings) = parse_draft("d.md", &GOOD.replace("reviewed = 2026-11-25", "reviewed = \"soon\""));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 6, "{}", warnings[0]);
        assert!(parse_draft("d.md", GOOD).1.is_empty());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = parse("x.md", "+++\nid = \"a\"\n# Body\n", true).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn unknown_field_is_an_error() {
        let text = GOOD.replace("+++\n#", "colour = \"red\"\n+++\n#");
        let e = parse("x.md", &text, true).unwrap_err();
        assert_eq!(e.line, 7, "{e}");
        assert!(e.message.contains("colour"), "{e}");
    }

    #[test]
    fn bad_id_is_an_error() {
        let text = GOOD.replace("id = \"staging\"", "id = \"Stage Four\"");
        let e = parse("x.md", &text, true).unwrap_err();
        assert!(e.message.contains("stage-four"), "{e}");
    }

    #[test]
    fn bare_markdown_page_is_allowed_for_preview() {
        let lesson = parse("notes/draft.md", "# My draft\n\n## Part one\n", false).unwrap();
        assert_eq!(lesson.title, "My draft");
        assert_eq!(lesson.sections[0].slug, "part-one");
        assert!(parse("notes/draft.md", "# My draft\n", true).is_err());
    }

    #[test]
    fn crlf_files_parse() {
        let text = GOOD.replace('\n', "\r\n");
        let lesson = parse("x.md", &text, true).unwrap();
        assert_eq!(lesson.title, "Staging");
        assert_eq!(lesson.sections.len(), 2);
    }
}

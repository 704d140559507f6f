//! The content pack: lessons (and later quizzes, sites, glossary, survival data),
//! loaded from a folder or from the default pack embedded in the binary.

pub mod check;
pub mod detail;
pub mod files;
pub mod glossary;
pub mod language;
pub mod lesson;
pub mod literacy;
pub mod manifest;
pub mod plain_language;
pub mod quiz;
pub mod readability;
pub mod sites;
pub mod survival;
mod toml_util;

use std::fmt;
use std::path::Path;

use crate::markdown;

pub use files::PackFiles;
pub use glossary::Glossary;
pub use lesson::{Lesson, Section};
pub use manifest::Manifest;
pub use quiz::Question;
pub use sites::Sites;
pub use survival::Survival;

/// A problem in a content file, shown as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl ContentError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        // File names and quoted content can hold anything: keep them harmless on a terminal.
        let clean = |s: String| markdown::sanitize(&s).into_owned();
        ContentError { file: clean(file.into()), line, message: clean(message.into()) }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line 0 means the whole file (it could not be opened, say).
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            line => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ContentError {}

/// Every problem found while loading a pack, so an educator can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackErrors(pub Vec<ContentError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackErrors {}

#[derive(Debug, Clone)]
pub struct ContentPack {
    /// Where the pack came from, for messages: "built-in pack" or a folder path.
    pub origin: String,
    pub lessons: Vec<Lesson>,
    /// Every quiz question, in lesson order.
    pub questions: Vec<Question>,
    pub glossary: Glossary,
    /// The body map and its spread sites, if the pack has them.
    pub sites: Option<Sites>,
    /// Survival figures for the chart, in file order.
    pub survival: Vec<Survival>,
    /// `pack.toml`: the pack's name, publisher and home groups (None in an old pack).
    pub manifest: Option<Manifest>,
}

impl ContentPack {
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.id == id)
    }

    /// "Lesson title › Section title" for a `lesson-id#anchor` target, for people
    /// rather than machines to read. None if the target is not in the pack.
    pub fn target_label(&self, target: &str) -> Option<String> {
        let link = InternalLink::parse(target)?;
        let lesson = self.lesson(link.lesson)?;
        let title = markdown::sanitize(&lesson.title);
        Some(match link.anchor.and_then(|a| lesson.sections.iter().find(|s| s.slug == a)) {
            Some(section) => format!("{title} › {}", markdown::sanitize(&section.title)),
            None => title.into_owned(),
        })
    }

    /// The questions of one lesson's quiz.
    pub fn quiz(&self, lesson_id: &str) -> Vec<&Question> {
        self.questions.iter().filter(|q| q.lesson == lesson_id).collect()
    }

    pub fn lesson_ids(&self) -> Vec<&str> {
        self.lessons.iter().map(|l| l.id.as_str()).collect()
    }

    /// Home's list: each group's title (None for a pack without groups) and its
    /// lessons as indices, in the order shown. Lessons no group names come last,
    /// under no title, so every lesson can be reached.
    pub fn home_groups(&self) -> Vec<(Option<&str>, Vec<usize>)> {
        let groups = self.manifest.as_ref().map_or(&[][..], |m| &m.groups[..]);
        // One look-up per id (home draws this every frame; a pack may be large).
        let index: std::collections::HashMap<&str, usize> = if groups.is_empty() {
            Default::default()
        } else {
            self.lessons.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect()
        };
        let mut placed = vec![false; self.lessons.len()];
        let mut shown = Vec::new();
        for group in groups {
            let mut members = Vec::new();
            for id in &group.lessons {
                if let Some(&i) = index.get(id.id.as_str()).filter(|&&i| !placed[i]) {
                    placed[i] = true;
                    members.push(i);
                }
            }
            if !members.is_empty() {
                shown.push((Some(group.title.as_str()), members));
            }
        }
        let rest: Vec<usize> = (0..self.lessons.len()).filter(|&i| !placed[i]).collect();
        if !rest.is_empty() {
            shown.push((None, rest));
        }
        shown
    }
}

/// Load the default pack embedded in the binary.
pub fn load_embedded() -> Result<ContentPack, PackErrors> {
    load(&PackFiles::Embedded)
}

/// Load a pack from a folder on disk (either layout, see [`PackFiles::dir`]).
pub fn load_dir(dir: &Path) -> Result<ContentPack, PackErrors> {
    load(&PackFiles::dir(dir).map_err(|e| PackErrors(vec![e]))?)
}

pub fn load(files: &PackFiles) -> Result<ContentPack, PackErrors> {
    let (pack, errors) = load_with_errors(files);
    if errors.is_empty() { Ok(pack) } else { Err(PackErrors(errors)) }
}

/// Load what can be loaded, and every problem found: `check` reports on both.
pub fn load_with_errors(files: &PackFiles) -> (ContentPack, Vec<ContentError>) {
    let mut errors = Vec::new();
    let mut lessons: Vec<Lesson> = Vec::new();
    // Lessons that failed to load: links to them are not reported again.
    let mut unreadable: Vec<String> = Vec::new();

    let lesson_files = files.list("lessons", "md");
    if lesson_files.is_empty() {
        errors.push(ContentError::new(
            files.display("lessons"),
            0,
            "no lessons found: add Markdown files like lessons/01-intro.md",
        ));
    }
    for path in &lesson_files {
        match files.read(path).and_then(|text| lesson::parse(path, &text, true)) {
            Ok(lesson) => {
                if let Some(first) = lessons.iter().find(|l| l.id == lesson.id) {
                    unreadable.push(id_from_file_name(path));
                    errors.push(ContentError::new(
                        path,
                        2,
                        format!("lesson id `{}` is already used by {}", lesson.id, first.file),
                    ));
                } else {
                    lessons.push(lesson);
                }
            }
            Err(e) => {
                unreadable.push(id_from_file_name(path));
                errors.push(e);
            }
        }
    }
    for lesson in &lessons {
        for problem in detail::scan(&lesson.body).1 {
            errors.push(ContentError::new(&lesson.file, lesson.body_line + problem.line - 1, problem.message));
        }
    }
    errors.extend(check_links(&lessons, &unreadable));

    let questions = load_quizzes(files, &lessons, &unreadable, &mut errors);
    let glossary = load_optional(files, "glossary.toml", glossary::parse, &mut errors).unwrap_or_default();
    for term in &glossary.terms {
        if let Some(problem) = term.see.as_deref().and_then(|see| check_target(&lessons, &unreadable, see)) {
            errors.push(ContentError::new(
                "glossary.toml",
                term.see_line,
                format!("`see` of `{}`: {problem}", term.term),
            ));
        }
    }
    let survival = load_optional(files, "survival.toml", survival::parse, &mut errors).unwrap_or_default();
    let sites = load_sites(files, &lessons, &unreadable, &mut errors);
    let manifest = load_optional(files, manifest::FILE, manifest::parse, &mut errors);
    if let Some(manifest) = &manifest {
        let known = |id: &str| lessons.iter().any(|l| l.id == id) || unreadable.iter().any(|u| u == id);
        errors.extend(manifest::check_groups(manifest, known));
    }

    (ContentPack { origin: files.origin(), lessons, questions, glossary, sites, survival, manifest }, errors)
}

/// Internal links (`lesson-id` or `lesson-id#section`) must point at a real lesson and section.
fn check_links(lessons: &[Lesson], unreadable: &[String]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for lesson in lessons {
        for (target, offset) in markdown_link_targets(&lesson.body) {
            if let Some(Err(problem)) = ToolLink::parse(&target) {
                let line = lesson.body_line + lesson::line_of(&lesson.body, offset) - 1;
                errors.push(ContentError::new(&lesson.file, line, problem));
                continue;
            }
            if InternalLink::parse(&target).is_none() {
                continue;
            }
            if let Some(problem) = check_target(lessons, unreadable, &target) {
                let line = lesson.body_line + lesson::line_of(&lesson.body, offset) - 1;
                errors.push(ContentError::new(&lesson.file, line, format!("link to {problem}")));
            }
        }
    }
    errors
}

/// `quizzes/<lesson-id>.toml`, each checked against the lessons it points at.
fn load_quizzes(
    files: &PackFiles,
    lessons: &[Lesson],
    unreadable: &[String],
    errors: &mut Vec<ContentError>,
) -> Vec<Question> {
    let mut by_lesson: Vec<(usize, Vec<Question>)> = Vec::new();
    for path in files.list("quizzes", "toml") {
        let lesson_id = path.trim_start_matches("quizzes/").trim_end_matches(".toml");
        let Some(order) = lessons.iter().position(|l| l.id == lesson_id) else {
            if unreadable.iter().any(|id| id == lesson_id) {
                continue;
            }
            errors.push(ContentError::new(
                &path,
                0,
                format!("there is no lesson `{lesson_id}`: name a quiz file after its lesson's id"),
            ));
            continue;
        };
        match files.read(&path).map_err(|e| vec![e]).and_then(|text| quiz::parse(&path, lesson_id, &text)) {
            Ok(questions) => by_lesson.push((order, questions)),
            Err(found) => errors.extend(found),
        }
    }
    by_lesson.sort_by_key(|(order, _)| *order);
    let questions: Vec<Question> = by_lesson.into_iter().flat_map(|(_, q)| q).collect();
    for (i, q) in questions.iter().enumerate() {
        if let Some(first) = questions[..i].iter().find(|other| other.id == q.id) {
            errors.push(ContentError::new(
                &q.file,
                q.line,
                format!("question id `{}` is already used at {}:{}", q.id, first.file, first.line),
            ));
        }
        if let Some(problem) = check_target(lessons, unreadable, &q.see) {
            errors.push(ContentError::new(&q.file, q.see_line, format!("`see`: {problem}")));
        }
    }
    questions
}

/// `sites.toml` and the body map art it names in `assets/`.
fn load_sites(
    files: &PackFiles,
    lessons: &[Lesson],
    unreadable: &[String],
    errors: &mut Vec<ContentError>,
) -> Option<Sites> {
    const FILE: &str = "sites.toml";
    if !files.exists(FILE) {
        return None;
    }
    let loaded = files.read(FILE).map_err(|e| vec![e]).and_then(|text| {
        let name = sites::art_name(FILE, &text).map_err(|e| vec![e])?;
        let art_path = format!("assets/{name}");
        let art = files.read_asset(&name).map_err(|e| vec![e])?;
        sites::parse(FILE, &text, &art_path, &art)
    });
    match loaded {
        Ok(sites) => {
            for (target, line) in sites.lesson_links() {
                if let Some(problem) = check_target(lessons, unreadable, target) {
                    errors.push(ContentError::new(FILE, line, format!("lesson link: {problem}")));
                }
            }
            Some(sites)
        }
        Err(found) => {
            errors.extend(found);
            None
        }
    }
}

/// Parse a pack file that a pack may leave out; its problems join `errors`.
fn load_optional<T>(
    files: &PackFiles,
    path: &str,
    parse: impl Fn(&str, &str) -> Result<T, Vec<ContentError>>,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    if !files.exists(path) {
        return None;
    }
    match files.read(path).map_err(|e| vec![e]).and_then(|text| parse(path, &text)) {
        Ok(value) => Some(value),
        Err(found) => {
            errors.extend(found);
            None
        }
    }
}

/// Why a `lesson-id#anchor` target does not exist, or None if it does.
/// Links to a lesson in `unreadable` (one that failed to load) are not judged:
/// its own error says what to fix.
pub fn check_target(lessons: &[Lesson], unreadable: &[String], target: &str) -> Option<String> {
    let Some(link) = InternalLink::parse(target) else {
        return Some(format!("`{target}` is not a lesson link like `staging#what-m1-means`"));
    };
    if unreadable.iter().any(|id| id == link.lesson) {
        return None;
    }
    let Some(to) = lessons.iter().find(|l| l.id == link.lesson) else {
        return Some(format!("unknown lesson `{}` (lessons: {})", link.lesson, ids(lessons)));
    };
    match link.anchor {
        Some(anchor) if !to.sections.iter().any(|s| s.slug == anchor) => {
            let known: Vec<_> = to.sections.iter().map(|s| s.slug.as_str()).collect();
            Some(format!("unknown section `{}#{anchor}` (sections: {})", link.lesson, known.join(", ")))
        }
        _ => None,
    }
}

/// The lesson id a file name suggests: `lessons/02-symptoms.md` → `symptoms`.
fn id_from_file_name(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md");
    let without_number = name.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['-', '_']);
    markdown::slugify(if without_number.is_empty() { name } else { without_number })
}

fn ids(lessons: &[Lesson]) -> String {
    lessons.iter().map(|l| l.id.as_str()).collect::<Vec<_>>().join(", ")
}

/// (target, byte offset) of every Markdown link in a body.
fn markdown_link_targets(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(body)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some((dest_url.to_string(), range.start)),
            _ => None,
        })
        .collect()
}

/// A link from a lesson to one of the app's tools: `app:body-map` and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolLink {
    BodyMap,
    SurvivalChart,
    StagingExplorer,
    Glossary,
    MyQuestions,
}

impl ToolLink {
    pub const ALL: [(&'static str, ToolLink); 5] = [
        ("app:body-map", ToolLink::BodyMap),
        ("app:survival-chart", ToolLink::SurvivalChart),
        ("app:staging-explorer", ToolLink::StagingExplorer),
        ("app:glossary", ToolLink::Glossary),
        ("app:my-questions", ToolLink::MyQuestions),
    ];

    /// The tool a link target names, if it is an `app:` link.
    pub fn parse(target: &str) -> Option<Result<ToolLink, String>> {
        target.starts_with("app:").then(|| {
            Self::ALL.iter().find(|(name, _)| *name == target).map(|(_, tool)| *tool).ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown app link `{target}` (known: {})", names.join(", "))
            })
        })
    }
}

/// A link to another lesson: `lesson-id` or `lesson-id#anchor`. Anything with a
/// scheme, a path separator or a dot (URLs, files) is not internal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink<'a> {
    pub lesson: &'a str,
    pub anchor: Option<&'a str>,
}

impl<'a> InternalLink<'a> {
    pub fn parse(target: &'a str) -> Option<Self> {
        let (lesson, anchor) = match target.split_once('#') {
            Some((l, a)) => (l, Some(a)),
            None => (target, None),
        };
        let is_id =
            !lesson.is_empty() && lesson.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        is_id.then_some(InternalLink { lesson, anchor: anchor.filter(|a| !a.is_empty()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pack_loads_every_lesson_in_order() {
        let pack = load_embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            pack.lesson_ids(),
            vec![
                "what-is-metastasis",
                "when-to-get-help",
                "symptoms",
                "diagnosis",
                "staging",
                "treatment",
                "palliative-care",
                "prognosis",
                "remission-and-ned",
                "questions-for-your-care-team",
                "pain",
                "side-effects",
                "treatment-progress",
                "clinical-trials",
                "planning-ahead",
                "feelings-and-support",
                "for-carers",
                "daily-life",
                "near-the-end",
            ]
        );
    }

    #[test]
    fn internal_links_are_told_from_urls() {
        assert_eq!(
            InternalLink::parse("staging#what-m1-means"),
            Some(InternalLink { lesson: "staging", anchor: Some("what-m1-means") })
        );
        assert_eq!(InternalLink::parse("staging"), Some(InternalLink { lesson: "staging", anchor: None }));
        assert_eq!(InternalLink::parse("https://cancer.gov"), None);
        assert_eq!(InternalLink::parse("notes.md"), None);
        assert_eq!(InternalLink::parse("#top"), None);
    }

    #[test]
    fn broken_links_are_reported_with_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let lesson = |id: &str, body: &str| {
            format!(
                "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n{body}"
            )
        };
        std::fs::write(
            dir.path().join("lessons/01-a.md"),
            lesson("a", "# A\n\n## One\n\nSee [b](b#nope).\n\nAnd [c](c).\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("lessons/02-b.md"), lesson("b", "# B\n\n## Two\n\nBack to [a](a#one).\n"))
            .unwrap();
        let errors = load_dir(dir.path()).unwrap_err().0;
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("lessons/01-a.md:12: link to unknown section `b#nope` (sections: two)"),
            "{shown:?}"
        );
        assert!(shown[1].starts_with("lessons/01-a.md:14: link to unknown lesson `c`"), "{shown:?}");
    }

    #[test]
    fn duplicate_ids_and_all_errors_are_reported_together() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let good =
            "+++\nid = \"a\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n# A\n";
        std::fs::write(dir.path().join("lessons/01-a.md"), good).unwrap();
        std::fs::write(dir.path().join("lessons/02-a.md"), good).unwrap();
        std::fs::write(dir.path().join("lessons/03-bad.md"), "no front matter\n").unwrap();
        let errors = load_dir(dir.path()).unwrap_err().0;
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("already used by lessons/01-a.md"));
        assert_eq!(errors[1].file, "lessons/03-bad.md");
    }
}

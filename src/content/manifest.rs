//! `pack.toml`: what a pack is (id, name, language, version, publisher, review period)
//! and how home groups its lessons.

use serde::Deserialize;
use toml::Spanned;

use super::ContentError;
use super::toml_util::{Lines, parse_error};

pub const FILE: &str = "pack.toml";

/// Years after a lesson's `reviewed` date before `check` asks for a new review.
pub const DEFAULT_REVIEW_EVERY: u32 = 2;

/// Language codes a pack may name (ISO 639-1). A short list on purpose: a code
/// outside it is far more likely a typo than a pack in that language.
pub const LANGUAGES: &[&str] = &[
    "ar", "bn", "cs", "cy", "da", "de", "el", "en", "es", "fa", "fi", "fr", "ga", "he", "hi", "hu", "id", "it", "ja",
    "ko", "nl", "no", "pa", "pl", "pt", "ro", "ru", "so", "sv", "sw", "ta", "th", "tl", "tr", "uk", "ur", "vi", "zh",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub id: String,
    pub name: String,
    pub language: String,
    pub version: String,
    pub publisher: String,
    pub reviewed_by: Option<String>,
    pub review_every: u32,
    pub groups: Vec<Group>,
    /// The pack this one builds on (`extends = "default"`) and the line that says so.
    pub extends: Option<(String, usize)>,
}

/// A heading on home and the lessons under it, in the order shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub lessons: Vec<GroupLesson>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupLesson {
    pub id: String,
    /// Where the id is written in `pack.toml`, for messages.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    name: String,
    language: Spanned<String>,
    version: String,
    publisher: String,
    #[serde(default)]
    reviewed_by: Option<String>,
    #[serde(default)]
    review_every: Option<Spanned<u32>>,
    #[serde(default)]
    group: Vec<Spanned<RawGroup>>,
    #[serde(default)]
    extends: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    title: String,
    lessons: Vec<Spanned<String>>,
}

/// Parse `pack.toml`. Lesson ids in groups are checked against the lessons by
/// [`check_groups`], once they are loaded.
pub fn parse(file: &str, text: &str) -> Result<Manifest, Vec<ContentError>> {
    let raw: Raw = toml::from_str(text).map_err(|e| vec![parse_error(file, text, &e)])?;
    let lines = Lines::new(text);
    let mut errors = Vec::new();
    let language_line = lines.line(raw.language.span().start);
    let language = raw.language.into_inner();
    if !LANGUAGES.contains(&language.as_str()) {
        errors.push(ContentError::new(
            file,
            language_line,
            format!(
                "unknown language code `{language}`: use a two-letter ISO 639-1 code such as en, es, fr, de, pt or it"
            ),
        ));
    }
    for (name, value) in
        [("id", &raw.id), ("name", &raw.name), ("version", &raw.version), ("publisher", &raw.publisher)]
    {
        if value.trim().is_empty() {
            errors.push(ContentError::new(file, 1, format!("`{name}` is empty: say it in a few words")));
        }
    }
    let review_every = match raw.review_every {
        Some(years) if *years.get_ref() == 0 => {
            errors.push(ContentError::new(
                file,
                lines.line(years.span().start),
                "`review_every` is 0: give the years between reviews, such as 2",
            ));
            DEFAULT_REVIEW_EVERY
        }
        Some(years) => years.into_inner(),
        None => DEFAULT_REVIEW_EVERY,
    };
    let groups = raw
        .group
        .into_iter()
        .map(|group| {
            let line = lines.line(group.span().start);
            let group = group.into_inner();
            let lessons = group
                .lessons
                .into_iter()
                .map(|id| GroupLesson { line: lines.line(id.span().start), id: id.into_inner() })
                .collect();
            Group { title: group.title, lessons, line }
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Manifest {
        id: raw.id,
        name: raw.name,
        language,
        version: raw.version,
        publisher: raw.publisher,
        reviewed_by: raw.reviewed_by,
        review_every,
        groups,
        extends: raw.extends.map(|base| (lines.line(base.span().start), base.into_inner())).map(|(l, b)| (b, l)),
    })
}

/// Errors for groups that name a lesson the pack lacks, or a lesson twice.
/// `known(id)` says whether a lesson exists (or failed to load: its own error says why).
pub fn check_groups(manifest: &Manifest, known: impl Fn(&str) -> bool) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for group in &manifest.groups {
        for lesson in &group.lessons {
            if !known(&lesson.id) {
                errors.push(ContentError::new(
                    FILE,
                    lesson.line,
                    format!("group \"{}\" names lesson `{}`, which the pack does not have", group.title, lesson.id),
                ));
            } else if let Some(first) = seen.insert(&lesson.id, lesson.line) {
                errors.push(ContentError::new(
                    FILE,
                    lesson.line,
                    format!(
                        "lesson `{}` is already in a group at line {first}: put each lesson in one group",
                        lesson.id
                    ),
                ));
                seen.insert(&lesson.id, first);
            }
        }
    }
    errors
}

/// What to add to an old pack that has no `pack.toml`.
pub fn missing_hint() -> String {
    format!(
        "no {FILE}: add one naming the pack, for example: id = \"my-pack\" / name = \"Our clinic's lessons\" / \
         language = \"en\" / version = \"1.0\" / publisher = \"Our clinic\" (and [[group]] tables with title and \
         lessons for home)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id = \"p\"\nname = \"P\"\nlanguage = \"en\"\nversion = \"1\"\npublisher = \"Us\"\n\n\
                        [[group]]\ntitle = \"One\"\nlessons = [\"a\", \"b\"]\n\n[[group]]\ntitle = \"Two\"\n\
                        lessons = [\n  \"c\",\n  \"a\",\n  \"zz\",\n]\n";

    #[test]
    fn a_manifest_with_groups_parses_with_lines() {
        let m = parse(FILE, GOOD).unwrap();
        assert_eq!(m.review_every, 2);
        assert_eq!(m.groups.len(), 2);
        assert_eq!(m.groups[1].title, "Two");
        assert_eq!(m.groups[1].lessons[2], GroupLesson { id: "zz".into(), line: 16 });
    }

    #[test]
    fn groups_naming_a_missing_or_repeated_lesson_are_errors_at_their_line() {
        let m = parse(FILE, GOOD).unwrap();
        let errors = check_groups(&m, |id| ["a", "b", "c"].contains(&id));
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "pack.toml:15: lesson `a` is already in a group at line 9: put each lesson in one group",
                "pack.toml:16: group \"Two\" names lesson `zz`, which the pack does not have",
            ]
        );
    }

    #[test]
    fn an_unknown_language_is_an_error_at_its_line() {
        let text = GOOD.replace("\"en\"", "\"english\"");
        let errors = parse(FILE, &text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].message.starts_with("unknown language code `english`"), "{errors:?}");
    }

    #[test]
    fn a_missing_field_is_a_parse_error() {
        let errors = parse(FILE, "id = \"p\"\nname = \"P\"\n").unwrap_err();
        assert!(errors[0].message.contains("language"), "{errors:?}");
    }
}

//! `check`: everything wrong with a pack (errors), what could read better
//! (warnings), and how readable each lesson is.

use serde::Serialize;

use super::{ContentError, PackFiles, literacy, readability};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The file as the person should open it (joined with the pack folder).
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonReadability {
    pub lesson: String,
    pub file: String,
    pub words: usize,
    pub sentences: usize,
    pub grade: f64,
    pub ease: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub readability: Vec<LessonReadability>,
    /// Mean Flesch–Kincaid grade of the lessons.
    pub average_grade: f64,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
}

pub struct Options {
    /// Lessons above this Flesch–Kincaid grade are errors.
    pub max_grade: Option<f64>,
    /// Today, `YYYY-MM-DD`, for the review-date warning.
    pub today: String,
}

/// Check a whole pack: load errors, readability and health-literacy warnings.
pub fn check(files: &PackFiles, options: &Options) -> Report {
    let (pack, errors) = super::load_with_errors(files);
    let shown = |file: &str| display_path(files, file);
    let mut findings: Vec<Finding> = errors.iter().map(|e| finding(Severity::Error, &shown(&e.file), e)).collect();

    let glossary_words: Vec<String> =
        pack.glossary.terms.iter().flat_map(|t| t.names().map(str::to_lowercase)).collect();
    let mut report = Vec::new();
    for lesson in &pack.lessons {
        let file = shown(&lesson.file);
        // Literacy lines are body lines; the body starts at `body_line` in the file.
        let at = |line: usize| lesson.body_line + line.max(1) - 1;
        let mut warn = |line: usize, message: String| {
            findings.push(Finding { severity: Severity::Warning, file: file.clone(), line, message });
        };
        if let Some(w) = literacy::key_points_first(&lesson.body) {
            warn(at(w.line), w.message);
        }
        for w in literacy::long_sentences(&lesson.body, literacy::MAX_SENTENCE_WORDS) {
            warn(at(w.line), w.message);
        }
        for w in literacy::bare_percentages(&lesson.body) {
            warn(at(w.line), w.message);
        }
        if !glossary_words.is_empty() {
            for w in literacy::unexplained_terms(&lesson.body, &glossary_words) {
                warn(at(w.line), w.message);
            }
        }
        if let Some(message) = literacy::stale_review(&lesson.reviewed, &options.today) {
            warn(reviewed_line(files, lesson), message);
        }

        let r = readability::measure(&lesson.body);
        if let Some(max) = options.max_grade.filter(|max| r.grade > *max) {
            findings.push(Finding {
                severity: Severity::Error,
                file: file.clone(),
                line: 1,
                message: format!(
                    "reading grade {:.1} is above the limit of {max:.1}: use shorter sentences and everyday words",
                    r.grade
                ),
            });
        }
        report.push(LessonReadability {
            lesson: lesson.id.clone(),
            file,
            words: r.words,
            sentences: r.sentences,
            grade: round1(r.grade),
            ease: round1(r.ease),
        });
    }
    let average_grade =
        if report.is_empty() { 0.0 } else { round1(report.iter().map(|r| r.grade).sum::<f64>() / report.len() as f64) };
    findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Report { findings, readability: report, average_grade }
}

fn finding(severity: Severity, file: &str, e: &ContentError) -> Finding {
    Finding { severity, file: file.to_string(), line: e.line, message: e.message.clone() }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The line of `reviewed = …` in a lesson's front matter.
fn reviewed_line(files: &PackFiles, lesson: &super::Lesson) -> usize {
    files
        .read(&lesson.file)
        .ok()
        .and_then(|text| text.lines().position(|l| l.trim_start().starts_with("reviewed")))
        .map_or(1, |i| i + 1)
}

/// How to name a pack file so an editor can open it: the built-in pack's files
/// live in the repository's `content/` and `assets/` folders.
pub fn display_path(files: &PackFiles, file: &str) -> String {
    match files {
        PackFiles::Embedded if file.starts_with("assets/") => file.to_string(),
        PackFiles::Embedded => format!("content/{file}"),
        PackFiles::Dir(_) if file.starts_with('/') => file.to_string(),
        PackFiles::Dir(_) if file.starts_with("assets/") => files.asset_display(&file["assets/".len()..]),
        PackFiles::Dir(dir) => dir.join(file).display().to_string(),
    }
}

/// `YYYY-MM-DD` of a Unix time (UTC), for "is the review date old".
pub fn date_of(unix_seconds: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = (unix_seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options { max_grade: Some(8.0), today: "2026-11-25".into() }
    }

    #[test]
    fn the_default_pack_is_clean_and_readable() {
        let report = check(&PackFiles::Embedded, &options());
        let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(report.readability.len(), 19);
        assert!(report.average_grade <= 7.0, "average grade {}", report.average_grade);
        for lesson in &report.readability {
            assert!(lesson.grade <= 8.0, "{lesson:?}");
            assert!(lesson.file.starts_with("content/lessons/"), "{}", lesson.file);
        }
    }

    #[test]
    fn a_low_max_grade_turns_lessons_into_errors() {
        let report = check(&PackFiles::Embedded, &Options { max_grade: Some(1.0), today: "2026-11-25".into() });
        assert_eq!(report.errors(), 19);
        assert!(report.findings[0].message.contains("above the limit of 1.0"), "{:?}", report.findings[0]);
    }

    #[test]
    fn old_review_dates_warn_at_their_line() {
        let report = check(&PackFiles::Embedded, &Options { max_grade: None, today: "2029-01-01".into() });
        let stale: Vec<_> = report.findings.iter().filter(|f| f.message.contains("more than two years")).collect();
        assert_eq!(stale.len(), 19, "{stale:#?}");
        assert_eq!(stale[0].line, 6, "{:?}", stale[0]);
    }

    #[test]
    fn dates_from_unix_time() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(1_764_028_800), "2025-11-25");
        assert_eq!(date_of(951_782_400), "2000-02-29");
    }
}

//! `check`: everything wrong with a pack (errors), what could read better
//! (warnings), and how readable each lesson is.

use serde::Serialize;

use super::plain_language::{self, Rule};
use super::readability_es::{self, Band};
use super::{ContentError, PackFiles, language, literacy, manifest, readability};

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
    /// The score-card item a lesson warning counts against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonReadability {
    pub lesson: String,
    pub file: String,
    pub words: usize,
    pub sentences: usize,
    /// Flesch–Kincaid grade of the main text (without the "More detail" parts); with `ease` and
    /// `smog`, not a number (null) for a Spanish lesson, which has `spanish` instead.
    pub grade: f64,
    pub ease: f64,
    /// SMOG grade of the main text.
    pub smog: f64,
    /// The "More detail" parts, graded on their own (None if the lesson has none).
    pub detail: Option<DetailReadability>,
    /// A Spanish lesson's scores (see [`readability_es`]).
    #[serde(flatten)]
    pub spanish: Option<SpanishReadability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DetailReadability {
    pub words: usize,
    pub sentences: usize,
    pub grade: f64,
    pub smog: f64,
    #[serde(flatten)]
    pub spanish: Option<SpanishReadability>,
}

/// Fernández-Huerta and INFLESZ of a Spanish passage, rounded to the one decimal shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpanishReadability {
    pub fernandez_huerta: f64,
    pub fernandez_huerta_band: Band,
    pub inflesz: f64,
    pub inflesz_band: Band,
}

impl SpanishReadability {
    fn of(r: &readability_es::Readability) -> SpanishReadability {
        let (fernandez_huerta, inflesz) = (round1(r.fernandez_huerta), round1(r.inflesz));
        SpanishReadability {
            fernandez_huerta,
            fernandez_huerta_band: readability_es::fernandez_huerta_band(fernandez_huerta),
            inflesz,
            inflesz_band: readability_es::inflesz_band(inflesz),
        }
    }
}

/// A lesson's plain-language score card: each machine-checkable item, passed or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreCard {
    pub lesson: String,
    pub file: String,
    pub items: Vec<ScoreItem>,
    /// PEMAT-style understandability: the share of the understandability items passed, in percent.
    pub understandability: u32,
    /// PEMAT's actionability item the machine can check: the lesson gives the reader something to do.
    pub actionable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreItem {
    pub item: Rule,
    pub pass: bool,
    pub understandability: bool,
    pub source: &'static str,
}

impl ScoreCard {
    fn new(lesson: &str, file: &str, failed: &std::collections::HashSet<Rule>) -> ScoreCard {
        let items: Vec<ScoreItem> = Rule::ALL
            .iter()
            .map(|&item| ScoreItem {
                item,
                pass: !failed.contains(&item),
                understandability: item.understandability(),
                source: item.source(),
            })
            .collect();
        let (passed, counted) =
            items.iter().filter(|i| i.understandability).fold((0u32, 0u32), |(p, c), i| (p + u32::from(i.pass), c + 1));
        ScoreCard {
            lesson: lesson.to_string(),
            file: file.to_string(),
            understandability: (f64::from(passed) * 100.0 / f64::from(counted.max(1))).round() as u32,
            actionable: !failed.contains(&Rule::Action),
            items,
        }
    }

    /// The items the lesson does not pass.
    pub fn failed(&self) -> impl Iterator<Item = Rule> + '_ {
        self.items.iter().filter(|i| !i.pass).map(|i| i.item)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub readability: Vec<LessonReadability>,
    /// One plain-language score card per lesson, in lesson order.
    pub score_cards: Vec<ScoreCard>,
    /// Mean Flesch–Kincaid grade of the lessons' main text.
    pub average_grade: f64,
    /// Mean SMOG grade of the lessons' main text.
    pub average_smog: f64,
    /// Means of the Spanish lessons' main text (None without Spanish lessons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_fernandez_huerta: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_inflesz: Option<f64>,
    /// For a pack that `extends` the default one: where each lesson, quiz, glossary term and
    /// site of the merged pack came from (`default:…` for the built-in pack's files).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<super::Origin>,
    /// The interface words a pack in another language lacks (they show in English).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_words: Vec<String>,
}

/// Main text: each lesson at most this Flesch–Kincaid grade, the pack on average at most
/// [`MAIN_AVERAGE_GRADE`]; "More detail" parts may go up to [`DETAIL_GRADE`].
pub const MAIN_GRADE: f64 = 7.0;
pub const MAIN_AVERAGE_GRADE: f64 = 6.0;
pub const DETAIL_GRADE: f64 = 10.0;
/// SMOG reads about two grades above Flesch–Kincaid; this is the grade-7 text's SMOG.
pub const MAIN_SMOG: f64 = 9.0;

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
    let (pack, errors, origins) = super::load_with_origins(files);
    let shown = |file: &str| display_path(files, file);
    let origins = origins.into_iter().map(|o| super::Origin { file: shown(&o.file), ..o }).collect();
    let mut findings: Vec<Finding> = errors.iter().map(|e| finding(Severity::Error, &shown(&e.file), e)).collect();

    let glossary_words: Vec<String> =
        pack.glossary.terms.iter().flat_map(|t| t.names().map(str::to_lowercase)).collect();
    let review_every = pack.manifest.as_ref().map_or(manifest::DEFAULT_REVIEW_EVERY, |m| m.review_every);
    // The plain-language rules need the pack's language; a pack without a manifest is English.
    let rules = language::for_code(pack.manifest.as_ref().map_or("en", |m| m.language.as_str()));
    let mut report = Vec::new();
    let mut score_cards = Vec::new();
    for lesson in &pack.lessons {
        let file = shown(&lesson.file);
        let mut failed = std::collections::HashSet::new();
        // Literacy lines are body lines; the body starts at `body_line` in the file.
        let at = |line: usize| lesson.body_line + line.max(1) - 1;
        let mut warn = |rule: Rule, line: usize, message: String| {
            failed.insert(rule);
            findings.push(Finding { severity: Severity::Warning, file: file.clone(), line, message, rule: Some(rule) });
        };
        let body = &lesson.body;
        let mut found: Vec<(Rule, literacy::Warning)> = Vec::new();
        found.extend(literacy::key_points_first(body, lesson.language.key_points).map(|w| (Rule::KeyPoints, w)));
        let long = literacy::long_sentences(body, literacy::MAX_SENTENCE_WORDS);
        found.extend(long.into_iter().map(|w| (Rule::ShortSentences, w)));
        found.extend(
            literacy::bare_percentages_in(body, lesson.language.frequencies)
                .into_iter()
                .map(|w| (Rule::ClearNumbers, w)),
        );
        if !glossary_words.is_empty() {
            let unexplained = literacy::unexplained_terms_in(body, &glossary_words, lesson.language);
            found.extend(unexplained.into_iter().map(|w| (Rule::MedicalWords, w)));
        }
        let paragraphs = plain_language::long_paragraphs(body, plain_language::MAX_PARAGRAPH_SENTENCES);
        found.extend(paragraphs.into_iter().map(|w| (Rule::ShortParagraphs, w)));
        if let Some(rules) = rules {
            let abbreviations = plain_language::unexplained_abbreviations(body, &glossary_words, rules);
            found.extend(abbreviations.into_iter().map(|w| (Rule::Abbreviations, w)));
            let places = plain_language::colour_or_position(body, rules);
            found.extend(places.into_iter().map(|w| (Rule::NoColourOrPosition, w)));
            found.extend(plain_language::calculations(body, rules).into_iter().map(|w| (Rule::NoCalculations, w)));
            found.extend(
                plain_language::empty_headings(body, rules).into_iter().map(|w| (Rule::InformativeHeadings, w)),
            );
            if !plain_language::has_action(body, rules) {
                found.push((Rule::Action, literacy::Warning::new(1, plain_language::NO_ACTION)));
            }
            if lesson.id != super::GET_HELP_LESSON && pack.lesson_index(super::GET_HELP_LESSON).is_some() {
                let missing = plain_language::symptoms_without_get_help(body, rules, super::GET_HELP_LESSON);
                found.extend(missing.map(|w| (Rule::SymptomsLeadToGetHelp, w)));
            }
        }
        for (rule, w) in found {
            warn(rule, at(w.line), w.message);
        }
        if let Some(message) = literacy::stale_review_after(&lesson.reviewed, &options.today, review_every) {
            warn(Rule::ReviewDate, reviewed_line(files, lesson), message);
        }

        if lesson.language.readability == language::Scale::SpanishEase {
            let row = spanish_readability(lesson, &file, &mut failed, &mut findings);
            score_cards.push(ScoreCard::new(&lesson.id, &file, &failed));
            report.push(row);
            continue;
        }
        let r = readability::measure(&lesson.main_text());
        // The grade as shown (one decimal) is the one compared, so that what is
        // printed and what is judged agree: 8.04 is shown as 8.0 and passes 8.
        let grade = round1(r.grade);
        let mut note = |severity: Severity, message: String| {
            failed.insert(Rule::EverydayWords);
            findings.push(Finding { severity, file: file.clone(), line: 1, message, rule: Some(Rule::EverydayWords) });
        };
        if let Some(max) = options.max_grade.filter(|max| grade > *max) {
            note(
                Severity::Error,
                format!(
                    "reading grade {grade:.1} is above the limit of {max}: use shorter sentences and everyday words"
                ),
            );
        } else if grade > MAIN_GRADE {
            note(
                Severity::Warning,
                format!(
                    "main text reads at grade {:.1}, above {MAIN_GRADE:.0}: use shorter sentences and everyday words, \
                     or move the hard part into a `### More detail:` part",
                    r.grade
                ),
            );
        }
        if r.smog > MAIN_SMOG {
            note(
                Severity::Warning,
                format!(
                    "main text has a SMOG grade of {:.1}, above {MAIN_SMOG:.0}: fewer words of three or more syllables",
                    r.smog
                ),
            );
        }
        let detail = (!lesson.details.is_empty()).then(|| readability::measure(&lesson.detail_text()));
        if let Some(d) = detail.filter(|d| d.grade > DETAIL_GRADE) {
            let line = lesson.body_line + lesson.details[0].line - 1;
            findings.push(Finding {
                severity: Severity::Warning,
                file: file.clone(),
                line,
                message: format!(
                    "the More detail parts read at grade {:.1}, above {DETAIL_GRADE:.0}: even detail should be plain",
                    d.grade
                ),
                rule: None,
            });
        }
        score_cards.push(ScoreCard::new(&lesson.id, &file, &failed));
        report.push(LessonReadability {
            lesson: lesson.id.clone(),
            file,
            words: r.words,
            sentences: r.sentences,
            grade,
            ease: round1(r.ease),
            smog: round1(r.smog),
            detail: detail.map(|d| DetailReadability {
                words: d.words,
                sentences: d.sentences,
                grade: round1(d.grade),
                smog: round1(d.smog),
                spanish: None,
            }),
            spanish: None,
        });
    }
    // English grades average over English lessons, Spanish scores over Spanish ones.
    let (spanish, english): (Vec<&LessonReadability>, Vec<&LessonReadability>) =
        report.iter().partition(|r| r.spanish.is_some());
    let mean = |rows: &[&LessonReadability], value: fn(&LessonReadability) -> f64| {
        (!rows.is_empty()).then(|| round1(rows.iter().map(|r| value(r)).sum::<f64>() / rows.len() as f64))
    };
    // No English lesson: no grade (null), unless there are no lessons at all (0, as before).
    let none = if spanish.is_empty() { 0.0 } else { f64::NAN };
    let average_grade = mean(&english, |r| r.grade).unwrap_or(none);
    let average_smog = mean(&english, |r| r.smog).unwrap_or(none);
    let average_fernandez_huerta = mean(&spanish, |r| r.spanish.map_or(0.0, |s| s.fernandez_huerta));
    let average_inflesz = mean(&spanish, |r| r.spanish.map_or(0.0, |s| s.inflesz));
    if average_grade > MAIN_AVERAGE_GRADE {
        findings.push(Finding {
            severity: Severity::Warning,
            file: shown("lessons"),
            line: 0,
            message: format!(
                "the main text of the lessons reads at grade {average_grade:.1} on average, above \
                 {MAIN_AVERAGE_GRADE:.0}: make the hardest lessons plainer"
            ),
            rule: None,
        });
    }
    findings.extend(manifest_findings(files, &pack));
    findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    // Words shown in English, and items other packs of the family have (see `family`).
    let (family_findings, missing_words) = super::family::check_pack(files, &pack);
    findings.extend(family_findings);
    Report {
        findings,
        readability: report,
        score_cards,
        average_grade,
        average_smog,
        average_fernandez_huerta,
        average_inflesz,
        origins,
        missing_words,
    }
}

/// A Spanish lesson's readability by Fernández-Huerta and INFLESZ (no English grades): a warning,
/// counted against everyday words, for main text under "fairly easy" on either scale.
fn spanish_readability(
    lesson: &super::Lesson,
    file: &str,
    failed: &mut std::collections::HashSet<Rule>,
    findings: &mut Vec<Finding>,
) -> LessonReadability {
    let r = readability_es::measure(&lesson.main_text());
    let scores = SpanishReadability::of(&r);
    let scales = [
        ("Fernández-Huerta", scores.fernandez_huerta, readability_es::MIN_FERNANDEZ_HUERTA),
        ("INFLESZ", scores.inflesz, readability_es::MIN_INFLESZ),
    ];
    for (scale, score, min) in scales.into_iter().filter(|(_, score, min)| score < min) {
        failed.insert(Rule::EverydayWords);
        findings.push(Finding {
            severity: Severity::Warning,
            file: file.to_string(),
            line: 1,
            message: format!(
                "main text scores {score:.1} on {scale}, under {min:.0} (fairly easy): use shorter sentences and \
                 everyday words, or move the hard part into a `### {}` part",
                lesson.language.detail_prefix
            ),
            rule: Some(Rule::EverydayWords),
        });
    }
    let detail = (!lesson.details.is_empty()).then(|| readability_es::measure(&lesson.detail_text()));
    // The folded parts are held to the same scales as the main text: a reader who opens them
    // is the same reader. Like the English detail grade, not counted on the score card.
    if let Some(d) = &detail {
        let d = SpanishReadability::of(d);
        let scales = [
            ("Fernández-Huerta", d.fernandez_huerta, readability_es::MIN_FERNANDEZ_HUERTA),
            ("INFLESZ", d.inflesz, readability_es::MIN_INFLESZ),
        ];
        for (scale, score, min) in scales.into_iter().filter(|(_, score, min)| score < min) {
            findings.push(Finding {
                severity: Severity::Warning,
                file: file.to_string(),
                line: lesson.body_line + lesson.details[0].line - 1,
                message: format!(
                    "the `{}` parts score {score:.1} on {scale}, under {min:.0} (fairly easy): even detail should \
                     be plain; use shorter sentences and everyday words",
                    lesson.language.detail_prefix
                ),
                rule: None,
            });
        }
    }
    LessonReadability {
        lesson: lesson.id.clone(),
        file: file.to_string(),
        words: r.words,
        sentences: r.sentences,
        grade: f64::NAN,
        ease: f64::NAN,
        smog: f64::NAN,
        detail: detail.map(|d| DetailReadability {
            words: d.words,
            sentences: d.sentences,
            grade: f64::NAN,
            smog: f64::NAN,
            spanish: Some(SpanishReadability::of(&d)),
        }),
        spanish: Some(scores),
    }
}

/// A pack without `pack.toml` works but should say what it is; a lesson in no group
/// shows on home after the groups, under no heading.
fn manifest_findings(files: &PackFiles, pack: &super::ContentPack) -> Vec<Finding> {
    let file = display_path(files, manifest::FILE);
    let warn = |line: usize, message: String| Finding {
        severity: Severity::Warning,
        file: file.clone(),
        line,
        message,
        rule: None,
    };
    let Some(manifest) = &pack.manifest else {
        // A manifest that failed to parse has its own error.
        return if files.exists(manifest::FILE) { vec![] } else { vec![warn(0, manifest::missing_hint())] };
    };
    let Some(last) = manifest.groups.last() else { return vec![] };
    let grouped: std::collections::HashSet<&str> =
        manifest.groups.iter().flat_map(|g| g.lessons.iter().map(|l| l.id.as_str())).collect();
    pack.lessons
        .iter()
        .filter(|l| !grouped.contains(l.id.as_str()))
        .map(|l| {
            warn(
                last.line,
                format!(
                    "lesson `{}` is in no group: home lists it after the groups; add it to a group's lessons",
                    l.id
                ),
            )
        })
        .collect()
}

fn finding(severity: Severity, file: &str, e: &ContentError) -> Finding {
    Finding { severity, file: file.to_string(), line: e.line, message: e.message.clone(), rule: None }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The line of `reviewed = …` in a lesson's front matter.
fn reviewed_line(files: &PackFiles, lesson: &super::Lesson) -> usize {
    super::read_named(files, &lesson.file)
        .ok()
        .and_then(|text| text.lines().position(|l| l.trim_start().starts_with("reviewed")))
        .map_or(1, |i| i + 1)
}

/// How to name a pack file so an editor can open it: the built-in pack's files
/// live in the repository's `content/` and `assets/` folders.
pub fn display_path(files: &PackFiles, file: &str) -> String {
    match files {
        PackFiles::Embedded | PackFiles::EmbeddedSpanish if file.starts_with("assets/") => file.to_string(),
        PackFiles::Embedded => format!("content/{file}"),
        // The repository path only of its own files; the English ones it borrows are `content/`.
        PackFiles::EmbeddedSpanish if super::files::EMBEDDED_SPANISH.get_file(file).is_some() => {
            format!("packs/es/{file}")
        }
        PackFiles::EmbeddedSpanish => format!("content/{file}"),
        PackFiles::Dir(_) if file.starts_with('/') || file.starts_with(super::BASE_PREFIX) => file.to_string(),
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
    fn the_default_pack_passes_the_plain_language_rules() {
        let report = check(&PackFiles::Embedded, &options());
        let new_rules = [
            Rule::Abbreviations,
            Rule::NoColourOrPosition,
            Rule::Action,
            Rule::NoCalculations,
            Rule::ShortParagraphs,
            Rule::InformativeHeadings,
            Rule::ReviewDate,
        ];
        let found: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.rule.is_some_and(|rule| new_rules.contains(&rule)))
            .map(|f| format!("{}:{}: {}", f.file, f.line, f.message))
            .collect();
        assert!(found.is_empty(), "{found:#?}");
        assert_eq!(report.score_cards.len(), 19);
    }

    #[test]
    fn a_low_max_grade_turns_lessons_into_errors() {
        let report = check(&PackFiles::Embedded, &Options { max_grade: Some(1.0), today: "2026-11-25".into() });
        assert_eq!(report.errors(), crate::content::load_embedded().unwrap().lessons.len());
        assert!(report.findings[0].message.contains("above the limit of 1:"), "{:?}", report.findings[0]);
    }

    /// What is printed (one decimal) is what is compared: a lesson shown at grade G
    /// passes `--max-grade G`, even when its unrounded grade is a little higher, and
    /// fails `--max-grade` just under G.
    #[test]
    fn the_grade_compared_is_the_grade_shown() {
        let pack = crate::content::load_embedded().unwrap();
        let over = pack
            .lessons
            .iter()
            .map(|l| readability::measure(&l.main_text()).grade)
            .find(|&g| g > round1(g))
            .expect("a lesson whose grade rounds down");
        let shown = round1(over);
        let options = |max| Options { max_grade: Some(max), today: "2026-11-25".into() };
        let report = check(&PackFiles::Embedded, &options(shown));
        let failing: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(failing.iter().all(|f| !f.message.contains(&format!("grade {shown:.1} "))), "{failing:?}");
        let report = check(&PackFiles::Embedded, &options(shown - 0.05));
        assert!(
            report.findings.iter().any(|f| f.message.contains(&format!("reading grade {shown:.1} is above"))),
            "{:?}",
            report.findings
        );
    }

    #[test]
    fn old_review_dates_warn_at_their_line() {
        let report = check(&PackFiles::Embedded, &Options { max_grade: None, today: "2029-01-01".into() });
        let stale: Vec<_> = report.findings.iter().filter(|f| f.message.contains("more than two years")).collect();
        assert_eq!(stale.len(), 19, "{stale:#?}");
        assert_eq!(stale[0].line, 6, "{:?}", stale[0]);
    }

    /// A pack of one lesson in `language`, written with `key_points` and `detail` as its markers.
    fn one_lesson_pack(language: &str, key_points: &str, detail: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let manifest =
            format!("id = \"p\"\nname = \"P\"\nlanguage = \"{language}\"\nversion = \"1\"\npublisher = \"Us\"\n");
        std::fs::write(dir.path().join("pack.toml"), manifest).unwrap();
        let lesson = format!(
            "+++\nid = \"x\"\ntitle = \"X\"\nsummary = \"S.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n\
             # X\n\n{key_points}\n\n- Uno.\n\n## Dos\n\nTexto.\n\n### {detail} qué es\n\nDetalle.\n"
        );
        std::fs::write(dir.path().join("lessons/01-x.md"), lesson).unwrap();
        dir
    }

    fn key_points_warnings(report: &Report) -> usize {
        report.findings.iter().filter(|f| f.rule == Some(Rule::KeyPoints)).count()
    }

    #[test]
    fn a_spanish_pack_marks_its_parts_in_spanish_and_an_english_one_in_english() {
        let es = one_lesson_pack("es", "**Puntos clave**", "Más detalles:");
        let files = PackFiles::dir(es.path()).unwrap();
        let (pack, _) = crate::content::load_with_errors(&files);
        assert_eq!(pack.lessons[0].details.len(), 1, "the Spanish detail part folds");
        assert_eq!(pack.lessons[0].details[0].what, "qué es");
        assert!(!pack.lessons[0].main_text().contains("Detalle."));
        assert_eq!(key_points_warnings(&check(&files, &options())), 0);
        // English markers are not Spanish ones, nor the other way round.
        let en_words = one_lesson_pack("es", "**Key points**", "More detail:");
        let files = PackFiles::dir(en_words.path()).unwrap();
        assert!(crate::content::load_with_errors(&files).0.lessons[0].details.is_empty());
        assert_eq!(key_points_warnings(&check(&files, &options())), 1);
        let en = one_lesson_pack("en", "**Key points**", "More detail:");
        let files = PackFiles::dir(en.path()).unwrap();
        assert_eq!(crate::content::load_with_errors(&files).0.lessons[0].details.len(), 1);
        assert_eq!(key_points_warnings(&check(&files, &options())), 0);
        let es_words = one_lesson_pack("en", "**Puntos clave**", "Más detalles:");
        let files = PackFiles::dir(es_words.path()).unwrap();
        assert!(crate::content::load_with_errors(&files).0.lessons[0].details.is_empty());
        assert_eq!(key_points_warnings(&check(&files, &options())), 1);
    }

    #[test]
    fn dates_from_unix_time() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(1_764_028_800), "2025-11-25");
        assert_eq!(date_of(951_782_400), "2000-02-29");
    }
}

#[cfg(test)]
mod language_rules {
    use super::*;

    /// A pack in `language` with one lesson of `body` (after the key points) and `glossary`.
    fn pack(language: &str, key_points: &str, body: &str, glossary: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let manifest =
            format!("id = \"p\"\nname = \"P\"\nlanguage = \"{language}\"\nversion = \"1\"\npublisher = \"Us\"\n");
        std::fs::write(dir.path().join("pack.toml"), manifest).unwrap();
        std::fs::write(dir.path().join("glossary.toml"), glossary).unwrap();
        let lesson = format!(
            "+++\nid = \"x\"\ntitle = \"X\"\nsummary = \"S.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n\
             # X\n\n**{key_points}**\n\n- Uno.\n\n## Dos\n\n{body}\n"
        );
        std::fs::write(dir.path().join("lessons/01-x.md"), lesson).unwrap();
        dir
    }

    fn messages(dir: &tempfile::TempDir, rule: Option<Rule>) -> Vec<String> {
        let options = Options { max_grade: Some(8.0), today: "2026-11-25".into() };
        let report = check(&PackFiles::dir(dir.path()).unwrap(), &options);
        report.findings.into_iter().filter(|f| f.rule == rule).map(|f| f.message).collect()
    }

    const NO_GLOSSARY: &str = "";

    #[test]
    fn spanish_natural_frequencies_are_found() {
        for wording in [
            "alrededor de 3 de cada 10",
            "1 de cada 4 personas",
            "alrededor de la mitad",
            "alrededor de un tercio",
            "casi dos tercios",
            "alrededor de dos quintas partes",
            "una décima parte",
            "casi todas",
            "muy pocas personas",
            "la mayoría",
        ] {
            let dir = pack("es", "Puntos clave", &format!("La cifra es 33.8% ({wording})."), NO_GLOSSARY);
            assert_eq!(messages(&dir, Some(Rule::ClearNumbers)), Vec::<String>::new(), "{wording}");
        }
    }

    #[test]
    fn a_bare_spanish_percentage_is_missed_with_a_spanish_suggestion() {
        let dir = pack("es", "Puntos clave", "La cifra es 33.8%. Es una cifra de un grupo.", NO_GLOSSARY);
        assert_eq!(
            messages(&dir, Some(Rule::ClearNumbers)),
            ["33.8% has no natural-frequency form nearby (e.g. \"alrededor de 1 de cada 3\")"]
        );
        // English wording is not Spanish wording.
        let dir = pack("es", "Puntos clave", "La cifra es 33.8% (about 1 in 3).", NO_GLOSSARY);
        assert_eq!(messages(&dir, Some(Rule::ClearNumbers)).len(), 1);
    }

    #[test]
    fn spanish_medical_words_are_warned_unless_the_glossary_has_them() {
        let body = "La quimioterapia y la radioterapia ayudan. Puede haber ganglios linfáticos con cáncer.";
        let other = "[[term]]\nterm = \"anticuerpo\"\ndefinition = \"Una proteína.\"\n";
        let found = messages(&pack("es", "Puntos clave", body, other), Some(Rule::MedicalWords));
        assert_eq!(
            found,
            [
                "medical word \"quimioterapia\" is not in the glossary",
                "medical word \"radioterapia\" is not in the glossary",
                "medical word \"ganglio linfático\" is not in the glossary",
            ]
        );
        // Matched without accents, and covered by a glossary term or alias in any form.
        let glossary = "[[term]]\nterm = \"quimioterapia\"\ndefinition = \"Medicamentos.\"\n\n[[term]]\n\
                        term = \"radioterapia\"\ndefinition = \"Rayos.\"\n\n[[term]]\nterm = \"ganglios linfaticos\"\n\
                        definition = \"Ganglios.\"\n";
        let body = "La QUIMIOTERAPIA ayuda. La radioterapía también. Un ganglio linfatico.";
        assert_eq!(
            messages(&pack("es", "Puntos clave", body, glossary), Some(Rule::MedicalWords)),
            Vec::<String>::new()
        );
        let found = messages(&pack("es", "Puntos clave", "Una metastasis ósea.", glossary), Some(Rule::MedicalWords));
        assert_eq!(found, ["medical word \"metástasis\" is not in the glossary"]);
    }

    const HARD_ES: &str = "La administración concomitante de medicamentos antieméticos profilácticos \
        frecuentemente disminuye considerablemente la intensidad de las náuseas postquimioterapéuticas \
        experimentadas habitualmente por numerosos pacientes oncológicos hospitalizados.";

    #[test]
    fn a_hard_spanish_detail_part_is_warned() {
        let body = format!("Texto corto.\n\n### Más detalles: qué es\n\n{HARD_ES}");
        let found = messages(&pack("es", "Puntos clave", &body, NO_GLOSSARY), None);
        assert!(found.iter().any(|m| m.contains("Más detalles") && m.contains("Fernández-Huerta")), "{found:?}");
        let easy = "Texto corto.\n\n### Más detalles: qué es\n\nEs fácil. Lo lee bien.";
        let found = messages(&pack("es", "Puntos clave", easy, NO_GLOSSARY), None);
        assert!(!found.iter().any(|m| m.contains("Fernández-Huerta")), "{found:?}");
    }
}

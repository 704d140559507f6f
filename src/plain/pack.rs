//! `check` and `export-content`: tools for the educators who write content packs.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::Format;
use crate::content::PackFiles;
use crate::content::check::{self, LessonReadability, Options, Report, Severity};
use crate::content::family::{self, Member};
use crate::content::files::{EMBEDDED_ASSETS, EMBEDDED_CONTENT};
use crate::content::readability_es::Band;
use crate::markdown::sanitize_path as shown;
use crate::words::t;
use crate::{tf, tn};

/// `check [DIR [FAMILY…]]`: exit 1 if there is any error.
pub fn check(dir: Option<&Path>, family: &[PathBuf], max_grade: Option<f64>, format: Format) -> Result<ExitCode> {
    let files = match dir {
        Some(dir) => PackFiles::dir(dir)?,
        None => PackFiles::Embedded,
    };
    let today = check::date_of(crate::session::now());
    let mut report = check::check(&files, &Options { max_grade, today });
    if !family.is_empty() {
        // The folders named after the first are its family: compare it with each.
        let (pack, _) = crate::content::load_with_errors(&files);
        for other in family {
            let other_files = PackFiles::dir(other)?;
            let (other_pack, _) = crate::content::load_with_errors(&other_files);
            let (own, other) =
                (Member { pack: &pack, files: &files }, Member { pack: &other_pack, files: &other_files });
            report.findings.extend(family::compare(&own, &other));
        }
    }
    match format {
        // JSON is for programs: cleaned, never wrapped (serde_json escapes controls anyway).
        Format::Json => {
            let mut out = super::Wrapped::new(io::stdout().lock(), u16::MAX);
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
        Format::Text => write_text(&mut super::stdout(), &report, max_grade)?,
    }
    Ok(if report.errors() > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn write_text(out: &mut impl Write, report: &Report, max_grade: Option<f64>) -> io::Result<()> {
    for f in &report.findings {
        let kind = match f.severity {
            Severity::Error => t("plain.check.error"),
            Severity::Warning => t("plain.check.warning"),
        };
        let (file, message) = (crate::markdown::sanitize(&f.file), crate::markdown::sanitize(&f.message));
        match f.line {
            0 => writeln!(out, "{file}: {kind}: {message}")?,
            line => writeln!(out, "{file}:{line}: {kind}: {message}")?,
        }
    }
    let (spanish, english): (Vec<&LessonReadability>, Vec<&LessonReadability>) =
        report.readability.iter().partition(|r| r.spanish.is_some());
    let id_w = report.readability.iter().map(|r| r.lesson.len()).max().unwrap_or(0);
    if !english.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t("plain.check.readability"))?;
        for r in english {
            // `r.grade` is rounded to the one decimal shown; the check compares the same value.
            let over = max_grade.is_some_and(|m| r.grade > m);
            // Numbers are padded here so that the columns line up in every language.
            let detail = r.detail.as_ref().map_or(String::new(), |d| {
                let (words, grade, smog) =
                    (format!("{:>4}", d.words), format!("{:>4.1}", d.grade), format!("{:>4.1}", d.smog));
                format!("  {}", tf!("plain.check.detail", words = words, grade = grade, smog = smog))
            });
            let over = if over { format!("  {}", t("plain.check.over_limit")) } else { String::new() };
            let row = tf!(
                "plain.check.row",
                words = format!("{:>5}", r.words),
                sentences = format!("{:>4}", r.sentences),
                grade = format!("{:>4.1}", r.grade),
                smog = format!("{:>4.1}", r.smog),
                ease = format!("{:>5.1}", r.ease)
            );
            writeln!(out, "  {:<id_w$}  {row}{over}{detail}", r.lesson)?;
        }
        let (grade, smog) = (format!("{:.1}", report.average_grade), format!("{:.1}", report.average_smog));
        writeln!(out, "  {}", tf!("plain.check.average", grade = grade, smog = smog))?;
    }
    if !spanish.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t("plain.check.readability_es"))?;
        for r in spanish {
            let Some(s) = r.spanish else { continue };
            let detail =
                r.detail.as_ref().and_then(|d| d.spanish.map(|s| (d.words, s))).map_or(String::new(), |(words, s)| {
                    let (words, fh, inflesz) =
                        (format!("{words:>4}"), format!("{:>5.1}", s.fernandez_huerta), format!("{:>5.1}", s.inflesz));
                    format!("  {}", tf!("plain.check.detail_es", words = words, fh = fh, inflesz = inflesz))
                });
            let row = tf!(
                "plain.check.row_es",
                words = format!("{:>5}", r.words),
                sentences = format!("{:>4}", r.sentences),
                fh = format!("{:>5.1}", s.fernandez_huerta),
                fh_band = band(s.fernandez_huerta_band),
                inflesz = format!("{:>5.1}", s.inflesz),
                inflesz_band = band(s.inflesz_band)
            );
            let line = format!("  {:<id_w$}  {row}{detail}", r.lesson);
            writeln!(out, "{}", line.trim_end())?;
        }
        let fh = format!("{:.1}", report.average_fernandez_huerta.unwrap_or_default());
        let inflesz = format!("{:.1}", report.average_inflesz.unwrap_or_default());
        writeln!(out, "  {}", tf!("plain.check.average_es", fh = fh, inflesz = inflesz))?;
        if max_grade.is_some() {
            writeln!(out, "  {}", t("plain.check.max_grade_not_spanish"))?;
        }
    }
    if !report.origins.is_empty() {
        let base = report.origins.iter().filter(|o| o.file.starts_with(crate::content::BASE_PREFIX)).count();
        writeln!(out)?;
        let line = tf!(
            "plain.check.built_on",
            base = base,
            prefix = crate::content::BASE_PREFIX,
            own = report.origins.len() - base
        );
        writeln!(out, "{line}")?;
        for origin in report.origins.iter().filter(|o| !o.file.starts_with(crate::content::BASE_PREFIX)) {
            let (id, file) = (crate::markdown::sanitize(&origin.id), crate::markdown::sanitize(&origin.file));
            writeln!(out, "  {} {id}: {file}", origin.kind)?;
        }
    }
    if !report.score_cards.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t("plain.check.score_card"))?;
        let id_w = report.score_cards.iter().map(|c| c.lesson.len()).max().unwrap_or(0);
        for card in &report.score_cards {
            let failed: Vec<String> = card.failed().map(|rule| rule.name().to_string()).collect();
            let failed = if failed.is_empty() { t("plain.check.all_passed").to_string() } else { failed.join(", ") };
            writeln!(out, "  {:<id_w$}  {:>3}%  {failed}", card.lesson, card.understandability)?;
        }
    }
    let (errors, warnings) = (report.errors(), report.warnings());
    let (errors, warnings) = (tn!("plain.check.errors", errors), tn!("plain.check.warnings", warnings));
    writeln!(out, "{}", tf!("plain.check.total", errors = errors, warnings = warnings))
}

/// `export-content DIR`: the built-in pack's files, ready to edit.
pub fn export(dir: &Path, force: bool) -> Result<ExitCode> {
    let non_empty = dir.is_dir()
        && std::fs::read_dir(dir).with_context(|| tf!("plain.export.cannot_read", path = shown(dir)))?.next().is_some();
    if dir.exists() && !dir.is_dir() {
        bail!("{}", tf!("plain.export.not_a_folder", path = shown(dir)));
    }
    if non_empty && !force {
        bail!("{}", tf!("plain.export.not_empty", path = shown(dir)));
    }
    let mut written = 0;
    for (root, prefix) in [(&EMBEDDED_CONTENT, ""), (&EMBEDDED_ASSETS, "assets")] {
        for file in all_files(root) {
            let target = dir.join(prefix).join(file.path());
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| tf!("plain.export.cannot_create", path = shown(parent)))?;
            }
            // With --force, a FIFO by that name would block the write, a link would lead elsewhere.
            if target.symlink_metadata().is_ok_and(|m| !m.is_file()) {
                bail!("{}", tf!("plain.export.in_the_way", path = shown(&target)));
            }
            std::fs::write(&target, file.contents())
                .with_context(|| tf!("plain.cannot_write", path = shown(&target)))?;
            written += 1;
        }
    }
    println!("{}", tn!("plain.export.wrote", written, path = shown(dir)));
    println!("{}", tf!("plain.export.then_check", path = shown(dir)));
    println!("{}", tf!("plain.export.then_try", path = shown(dir)));
    Ok(ExitCode::SUCCESS)
}

fn all_files<'a>(dir: &'a include_dir::Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files
}

/// The name of a Spanish readability band.
fn band_name(band: Band) -> &'static str {
    match band {
        Band::VeryEasy => t("plain.check.band.very_easy"),
        Band::Easy => t("plain.check.band.easy"),
        Band::FairlyEasy => t("plain.check.band.fairly_easy"),
        Band::Normal => t("plain.check.band.normal"),
        Band::FairlyDifficult => t("plain.check.band.fairly_difficult"),
        Band::SomewhatDifficult => t("plain.check.band.somewhat_difficult"),
        Band::Difficult => t("plain.check.band.difficult"),
        Band::VeryDifficult => t("plain.check.band.very_difficult"),
    }
}

/// A band's name in brackets, padded to the longest so that the columns line up.
fn band(band: Band) -> String {
    let width = Band::ALL.iter().map(|&b| band_name(b).chars().count()).max().unwrap_or(0);
    format!("{:<w$}", format!("({})", band_name(band)), w = width + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--max-grade` is a Flesch–Kincaid grade; a Spanish pack is not judged by it, and the
    /// output says so rather than passing in silence.
    #[test]
    fn max_grade_on_spanish_lessons_says_it_does_not_apply() {
        let files = crate::content::PackFiles::EmbeddedSpanish;
        let report = check::check(&files, &Options { max_grade: Some(1.0), today: "2026-11-25".into() });
        assert_eq!(report.errors(), 0, "a grade limit makes no Spanish lesson an error");
        let mut out = Vec::new();
        write_text(&mut out, &report, Some(1.0)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(t("plain.check.max_grade_not_spanish")), "{text}");
        let mut out = Vec::new();
        write_text(&mut out, &report, None).unwrap();
        assert!(!String::from_utf8(out).unwrap().contains(t("plain.check.max_grade_not_spanish")));
    }
}

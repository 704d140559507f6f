//! `check` and `export-content`: tools for the educators who write content packs.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::cli::Format;
use crate::content::PackFiles;
use crate::content::check::{self, Options, Report, Severity};
use crate::content::files::{EMBEDDED_ASSETS, EMBEDDED_CONTENT};
use crate::markdown::sanitize_path as shown;

/// `check [DIR]`: exit 1 if there is any error.
pub fn check(dir: Option<&Path>, max_grade: Option<f64>, format: Format) -> Result<ExitCode> {
    let files = match dir {
        Some(dir) => PackFiles::dir(dir)?,
        None => PackFiles::Embedded,
    };
    let today = check::date_of(crate::session::now());
    let report = check::check(&files, &Options { max_grade, today });
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
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (file, message) = (crate::markdown::sanitize(&f.file), crate::markdown::sanitize(&f.message));
        match f.line {
            0 => writeln!(out, "{file}: {kind}: {message}")?,
            line => writeln!(out, "{file}:{line}: {kind}: {message}")?,
        }
    }
    if !report.readability.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Readability of the main text (Flesch–Kincaid grade; SMOG grade; Flesch reading ease, higher is easier), \
             and of the More detail parts:"
        )?;
        let id_w = report.readability.iter().map(|r| r.lesson.len()).max().unwrap_or(0);
        for r in &report.readability {
            // `r.grade` is rounded to the one decimal shown; the check compares the same value.
            let over = max_grade.is_some_and(|m| r.grade > m);
            let detail = r.detail.as_ref().map_or(String::new(), |d| {
                format!("  detail: {:>4} words, grade {:>4.1}, SMOG {:>4.1}", d.words, d.grade, d.smog)
            });
            writeln!(
                out,
                "  {:<id_w$}  {:>5} words  {:>4} sentences  grade {:>4.1}  SMOG {:>4.1}  ease {:>5.1}{}{detail}",
                r.lesson,
                r.words,
                r.sentences,
                r.grade,
                r.smog,
                r.ease,
                if over { "  (over the limit)" } else { "" }
            )?;
        }
        writeln!(out, "  pack average: grade {:.1}, SMOG {:.1}", report.average_grade, report.average_smog)?;
    }
    if !report.origins.is_empty() {
        let base = report.origins.iter().filter(|o| o.file.starts_with(crate::content::BASE_PREFIX)).count();
        writeln!(out)?;
        writeln!(
            out,
            "Built on the default pack: {base} items from it (files named {}…), {} from this pack:",
            crate::content::BASE_PREFIX,
            report.origins.len() - base
        )?;
        for origin in report.origins.iter().filter(|o| !o.file.starts_with(crate::content::BASE_PREFIX)) {
            let (id, file) = (crate::markdown::sanitize(&origin.id), crate::markdown::sanitize(&origin.file));
            writeln!(out, "  {} {id}: {file}", origin.kind)?;
        }
    }
    if !report.score_cards.is_empty() {
        writeln!(out)?;
        writeln!(out, "Score card (PEMAT-style understandability of the machine-checkable items; items not passed):")?;
        let id_w = report.score_cards.iter().map(|c| c.lesson.len()).max().unwrap_or(0);
        for card in &report.score_cards {
            let failed: Vec<String> = card.failed().map(|rule| rule.name().to_string()).collect();
            let failed = if failed.is_empty() { "all passed".to_string() } else { failed.join(", ") };
            writeln!(out, "  {:<id_w$}  {:>3}%  {failed}", card.lesson, card.understandability)?;
        }
    }
    let (errors, warnings) = (report.errors(), report.warnings());
    writeln!(out, "{}, {}", super::count(errors, "error", "errors"), super::count(warnings, "warning", "warnings"))
}

/// `export-content DIR`: the built-in pack's files, ready to edit.
pub fn export(dir: &Path, force: bool) -> Result<ExitCode> {
    let non_empty = dir.is_dir()
        && std::fs::read_dir(dir).with_context(|| format!("cannot read the folder {}", shown(dir)))?.next().is_some();
    if dir.exists() && !dir.is_dir() {
        bail!("{} exists and is not a folder", shown(dir));
    }
    if non_empty && !force {
        bail!("{} is not empty; choose an empty folder, or add --force to write into it", shown(dir));
    }
    let mut written = 0;
    for (root, prefix) in [(&EMBEDDED_CONTENT, ""), (&EMBEDDED_ASSETS, "assets")] {
        for file in all_files(root) {
            let target = dir.join(prefix).join(file.path());
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", shown(parent)))?;
            }
            // With --force, a FIFO by that name would block the write, a link would lead elsewhere.
            if target.symlink_metadata().is_ok_and(|m| !m.is_file()) {
                bail!("{} is in the way and is not a regular file; remove it or choose another folder", shown(&target));
            }
            std::fs::write(&target, file.contents()).with_context(|| format!("cannot write {}", shown(&target)))?;
            written += 1;
        }
    }
    println!("Wrote {written} files to {}.", shown(dir));
    println!("Edit them, then run: patient-tutor check {}", shown(dir));
    println!("Try them in the tutor: patient-tutor --content {}", shown(dir));
    Ok(ExitCode::SUCCESS)
}

fn all_files<'a>(dir: &'a include_dir::Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files
}

//! The one-page sheet to take to a visit, in Markdown.

use std::fmt::Write;

use super::form::Form;
use super::record::CheckIn;
use super::review::{band, rows};
use super::words;
use crate::markdown::sanitize;
use crate::words::t;
use crate::{tf, tn};

/// Check-ins in the sheet's table: enough to see a trend, few enough for one page.
pub const SHEET_CHECKINS: usize = 6;

/// What goes on the sheet, from the caller (who knows dates and the notebook).
pub struct Sheet<'a> {
    /// Today, `YYYY-MM-DD`.
    pub today: String,
    /// Every check-in, oldest first, with its date; the sheet shows the last few.
    pub checkins: Vec<(String, &'a CheckIn)>,
    /// The open questions from My questions.
    pub open_questions: Vec<String>,
}

/// Text safe in a Markdown table cell, and on a terminal.
fn cell(text: &str) -> String {
    sanitize(text).replace('|', "/")
}

pub fn export_markdown(form: &Form, sheet: &Sheet) -> String {
    let from = sheet.checkins.len().saturating_sub(SHEET_CHECKINS);
    let shown = &sheet.checkins[from..];
    let mut out = format!("# {}\n\n{}\n\n", t("checkin.title"), tf!("checkin.sheet.made", date = sheet.today));
    if shown.is_empty() {
        let _ = writeln!(out, "{}\n", t("checkin.no_checkins"));
    } else {
        let first = &shown[0].0;
        let last = &shown[shown.len() - 1].0;
        let _ = writeln!(out, "{}\n", tn!("checkin.sheet.on_sheet", shown.len(), first = first, last = last));
        let _ = writeln!(out, "{}\n", tf!("checkin.sheet.scores", bands = t("checkin.bands")));
        let dates: Vec<&str> = shown.iter().map(|(d, _)| d.as_str()).collect();
        let (symptom, band_now, change) =
            (t("checkin.sheet.symptom"), t("checkin.sheet.band_now"), t("checkin.sheet.change"));
        let _ = writeln!(out, "| {symptom} | {} | {band_now} | {change} |", dates.join(" | "));
        let _ = writeln!(out, "|---|{}---|---|", "---|".repeat(dates.len()));
        let all: Vec<&CheckIn> = sheet.checkins.iter().map(|(_, c)| *c).collect();
        let rows = rows(form, &all, shown.len());
        for row in &rows {
            let scores: Vec<String> = row.recent.iter().map(|s| s.map_or("–".to_string(), |s| s.to_string())).collect();
            let now = row.latest.map_or("–", |s| words::band(band(s)));
            let mark = if row.tell { format!(" {}", t("checkin.tell_mark")) } else { String::new() };
            let change = if row.latest.is_some() { words::change(row.change) } else { "–".to_string() };
            let _ = writeln!(out, "| {}{mark} | {} | {now} | {change} |", cell(&row.name), scores.join(" | "));
        }
        let tell: Vec<_> = rows.iter().filter(|r| r.tell).collect();
        if !tell.is_empty() {
            let legend = tf!("checkin.sheet.tell_legend", mark = t("checkin.tell_mark"), tell = t("checkin.tell"));
            let _ = writeln!(out, "\n{legend}\n\n## {}\n", t("checkin.sheet.to_tell"));
            for r in tell {
                let score = r.latest.unwrap_or_default();
                let line = tf!(
                    "checkin.sheet.tell_line",
                    name = cell(&r.name),
                    score = score,
                    band = words::band(band(score)),
                    change = words::change(r.change)
                );
                let _ = writeln!(out, "- {line}");
            }
        }
        let _ = write!(out, "\n## {}\n\n", t("checkin.sheet.signs_yes"));
        let mut any = false;
        for (date, c) in shown {
            for id in c.yes_flags() {
                any = true;
                let what = form.red_flag(id).map_or_else(|| cell(id), |f| cell(&f.signs.join("; ")));
                let _ = writeln!(out, "- {date}: {what}");
            }
        }
        if !any {
            let _ = writeln!(out, "{}", t("checkin.sheet.no_signs"));
        }
        let _ = write!(out, "\n## {}\n\n", t("checkin.sheet.anything_else"));
        let notes: Vec<_> = shown.iter().filter(|(_, c)| !c.note.is_empty()).collect();
        if notes.is_empty() {
            let _ = writeln!(out, "{}", t("checkin.sheet.nothing_noted"));
        }
        for (date, c) in notes {
            let _ = writeln!(out, "- {date}: {}", sanitize(&c.note));
        }
    }
    let _ = write!(out, "\n## {}\n\n", t("checkin.sheet.open_questions"));
    if sheet.open_questions.is_empty() {
        let _ = writeln!(out, "{}", t("checkin.sheet.no_open_questions"));
    }
    for q in &sheet.open_questions {
        let _ = writeln!(out, "- [ ] {}", sanitize(q));
    }
    let _ = writeln!(out, "\n---\n\n{}", t("checkin.privacy"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::form::sample;

    fn c(pain: u8, fever: bool, note: &str) -> CheckIn {
        let mut c = CheckIn { note: note.into(), ..CheckIn::default() };
        c.scores.insert("pain".into(), pain);
        c.flags.insert("fever".into(), fever);
        c
    }

    #[test]
    fn the_sheet_has_dates_scores_flags_notes_and_questions() {
        let form = sample();
        let list = [c(2, false, ""), c(3, true, "hot at night"), c(8, false, "a|b\u{1b}[2J")];
        let sheet = Sheet {
            today: "2026-01-19".into(),
            checkins: vec![
                ("2026-01-05".into(), &list[0]),
                ("2026-01-12".into(), &list[1]),
                ("2026-01-19".into(), &list[2]),
            ],
            open_questions: vec!["What is my 24-hour number?".into()],
        };
        let md = export_markdown(&form, &sheet);
        assert!(md.starts_with("# Symptom check-in\n\nMade: 2026-01-19\n"), "{md}");
        assert!(md.contains("| Symptom | 2026-01-05 | 2026-01-12 | 2026-01-19 | Band now | Change |"), "{md}");
        assert!(md.contains("| Pain ▲ | 2 | 3 | 8 | severe | up 5 |"), "{md}");
        assert!(md.contains("| Tiredness | – | – | – | – | – |"), "{md}");
        assert!(md.contains("- Pain: 8 (severe), up 5 since the last check-in"), "{md}");
        assert!(md.contains("- 2026-01-12: A sign of fever"), "{md}");
        assert!(md.contains("- 2026-01-12: hot at night"), "{md}");
        assert!(md.contains("- 2026-01-19: a|b"), "{md}");
        assert!(!md.contains('\u{1b}'));
        assert!(md.contains("- [ ] What is my 24-hour number?"));
        assert!(md.contains("The app sends nothing to anyone."));
    }

    #[test]
    fn the_sheet_keeps_to_the_last_few_check_ins() {
        let form = sample();
        let list: Vec<CheckIn> = (0..10).map(|i| c(i, false, "")).collect();
        let checkins = list.iter().enumerate().map(|(i, c)| (format!("2026-01-{:02}", i + 1), c)).collect();
        let md = export_markdown(&form, &Sheet { today: "t".into(), checkins, open_questions: vec![] });
        assert!(!md.contains("2026-01-04"), "{md}");
        assert!(md.contains("| 2026-01-05 |") && md.contains("| 2026-01-10 |"), "{md}");
        assert!(md.contains("Signs answered yes\n\nNone.") && md.contains("No open questions."));
        let empty = export_markdown(&form, &Sheet { today: "t".into(), checkins: vec![], open_questions: vec![] });
        assert!(empty.contains("No check-ins yet."));
    }
}

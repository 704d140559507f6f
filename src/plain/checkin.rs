//! `checkin`: the weekly symptom check-in from the shell. `checkin --plain` asks
//! one question a line (for screen readers, pipes and scripts); `checkin history`
//! lists every check-in, one line per symptom; `checkin export` writes the sheet to
//! take to a visit; `checkin number` and `checkin remind` keep the settings.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::checkin::{self, CheckIn, Draft, Form, RedFlag, Step, band, tell_care_team, words};
use crate::content::ContentPack;
use crate::content::check::date_of;
use crate::markdown::{sanitize, sanitize_path};
use crate::progress::{Opened, Progress};
use crate::session;
use crate::words::t;
use crate::{tf, tn};

use super::quiz::read_line;

/// The longest 24-hour number kept, in characters.
pub const MAX_NUMBER_CHARS: usize = 40;

fn form(pack: &ContentPack) -> Result<&Form> {
    pack.checkin.as_ref().context(t("checkin.no_form"))
}

/// The care team's number the person saved, cleaned.
pub fn care_team_number(progress: &Progress) -> Option<String> {
    progress.care_team_number.as_deref().map(|n| sanitize(n).into_owned()).filter(|n| !n.trim().is_empty())
}

/// The "Get help now" block for the red flags answered yes, the most urgent first:
/// each sign, who to call, where to read more; then the saved 24-hour number.
pub fn get_help_lines(pack: &ContentPack, form: &Form, flags: &[&RedFlag], number: Option<&str>) -> Vec<String> {
    let mut flags = flags.to_vec();
    flags.sort_by_key(|f| f.who);
    let mut lines = vec![
        format!("{mark} {} {mark}", t("checkin.get_help_now"), mark = t("checkin.get_help_mark")),
        t("checkin.you_answered_yes").to_string(),
    ];
    for flag in flags {
        for sign in &flag.signs {
            lines.push(format!("  {} {}", t("checkin.get_help_mark"), sanitize(sign)));
        }
        lines.push(format!("  {}", sanitize(form.call.words(flag.who))));
        if let Some(also) = &flag.also {
            lines.push(format!("  {}", sanitize(also)));
        }
        let label = pack.target_label(&flag.see).unwrap_or_else(|| sanitize(&flag.see).into_owned());
        lines.push(format!("  {}", tf!("plain.link.read_more", pointer = label)));
    }
    lines.push(match number {
        Some(n) => tf!("checkin.your_number", number = n),
        None => t("checkin.no_number").to_string(),
    });
    lines
}

/// Ask the questions of `form` from where `draft` is, one line of `input` per
/// answer; `on_answer` is called after each (to save the draft). A red flag
/// answered yes prints the "Get help now" block at once. True when the note was
/// answered (the check-in is finished); false at end of input (the draft is kept).
pub fn ask(
    pack: &ContentPack,
    form: &Form,
    draft: &mut Draft,
    number: Option<&str>,
    input: &mut impl BufRead,
    out: &mut impl Write,
    on_answer: &mut dyn FnMut(&Draft),
) -> io::Result<bool> {
    let total = form.steps();
    let title = tn!("plain.checkin.title", total, title = t("checkin.title"), scale = t("checkin.scale"));
    writeln!(out, "{title}")?;
    if !draft.is_empty() {
        writeln!(out, "{}", tf!("plain.checkin.carrying_on", date = date_of(draft.started)))?;
    }
    loop {
        let number_of = draft.step.min(total - 1) + 1;
        match draft.current(form) {
            Step::Item(i) => {
                let item = &form.items[i];
                let question = sanitize(&item.question);
                writeln!(
                    out,
                    "{}",
                    tf!("plain.checkin.question", number = number_of, total = total, question = question)
                )?;
                let (low, high) = (sanitize(&item.low), sanitize(&item.high));
                writeln!(out, "{}", tf!("plain.checkin.scale", low = low, high = high))?;
                writeln!(out, "{}", t("plain.checkin.rate_how"))?;
                loop {
                    out.flush()?;
                    let Some(line) = read_line(input)? else { return Ok(false) };
                    match line.trim() {
                        "-" | "skip" => draft.unrate(form),
                        text => match text.parse::<u8>() {
                            Ok(n) if n <= 10 => _ = draft.rate(form, n),
                            _ => {
                                writeln!(out, "{}", t("plain.checkin.rate_again"))?;
                                continue;
                            }
                        },
                    }
                    break;
                }
            }
            Step::RedFlag(i) => {
                let flag = &form.red_flags[i];
                let question = sanitize(&flag.question);
                writeln!(
                    out,
                    "{}",
                    tf!("plain.checkin.question", number = number_of, total = total, question = question)
                )?;
                writeln!(out, "{}", t("plain.checkin.yes_no_how"))?;
                let yes = loop {
                    out.flush()?;
                    let Some(line) = read_line(input)? else { return Ok(false) };
                    match line.trim().to_lowercase().as_str() {
                        "y" | "yes" => break true,
                        "n" | "no" => break false,
                        _ => writeln!(out, "{}", t("plain.checkin.yes_no_again"))?,
                    }
                };
                if let Some(flag) = draft.answer(form, yes) {
                    writeln!(out)?;
                    for line in get_help_lines(pack, form, &[flag], number) {
                        writeln!(out, "{line}")?;
                    }
                    writeln!(out)?;
                }
            }
            Step::Note => {
                let question = t("checkin.note_prompt");
                writeln!(
                    out,
                    "{}",
                    tf!("plain.checkin.question", number = number_of, total = total, question = question)
                )?;
                out.flush()?;
                let Some(line) = read_line(input)? else { return Ok(false) };
                if draft.set_note(&line) {
                    writeln!(out, "{}", tf!("plain.checkin.note_cut", max = checkin::MAX_NOTE_CHARS))?;
                }
                on_answer(draft);
                return Ok(true);
            }
        }
        draft.next(form);
        on_answer(draft);
    }
}

/// `checkin --plain`.
pub fn run_plain(pack: &ContentPack, opened: Opened) -> Result<ExitCode> {
    let form = form(pack)?;
    super::print_notice_lines(&opened.notices);
    let Opened { store, mut progress, .. } = opened;
    let mut draft = progress.checkin_draft.clone().unwrap_or_else(|| Draft::new(session::now()));
    let number = care_team_number(&progress);
    let mut failed: Option<anyhow::Error> = None;
    let save = |progress: &mut Progress, failed: &mut Option<anyhow::Error>| match store.save(progress) {
        Ok(()) => *failed = None,
        Err(e) => *failed = Some(e),
    };
    let finished = {
        let mut on_answer = |d: &Draft| {
            progress.checkin_draft = Some(d.clone());
            save(&mut progress, &mut failed);
        };
        let mut out = super::stdout();
        ask(pack, form, &mut draft, number.as_deref(), &mut io::stdin().lock(), &mut out, &mut on_answer)?
    };
    let mut out = super::stdout();
    if finished {
        let checkin = draft.finish();
        let yes: Vec<&RedFlag> = draft.yes_flags(form);
        progress.record_checkin(checkin.clone(), session::now());
        progress.checkin_draft = None;
        save(&mut progress, &mut failed);
        writeln!(out)?;
        if !yes.is_empty() {
            for line in get_help_lines(pack, form, &yes, number.as_deref()) {
                writeln!(out, "{line}")?;
            }
            writeln!(out)?;
        }
        if failed.is_none() {
            writeln!(out, "{}", t("checkin.saved"))?;
        }
        summary(&mut out, form, &progress)?;
    } else {
        if !draft.is_empty() {
            progress.checkin_draft = Some(draft);
            save(&mut progress, &mut failed);
        }
        writeln!(out)?;
        if failed.is_none() {
            writeln!(out, "{}", t("checkin.draft_saved"))?;
        }
    }
    super::print_notice_lines(&store.take_notices());
    if let Some(e) = failed {
        let why = sanitize(&format!("{e:#}")).into_owned();
        writeln!(super::stderr(), "patient-tutor: {}", tf!("plain.checkin.not_saved", why = why))?;
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// After a check-in: the symptoms to tell the care team about, and the privacy line.
fn summary(out: &mut impl Write, form: &Form, progress: &Progress) -> io::Result<()> {
    let all: Vec<&CheckIn> = progress.checkins().map(|(_, c)| c).collect();
    let rows = checkin::rows(form, &all, checkin::RECENT);
    for row in rows.iter().filter(|r| r.tell) {
        let score = row.latest.unwrap_or_default();
        let line = tf!(
            "plain.checkin.tell_line",
            mark = t("checkin.tell_mark"),
            name = sanitize(&row.name),
            score = score,
            band = words::band(band(score)),
            change = words::change(row.change),
            tell = t("checkin.tell")
        );
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", t("plain.checkin.see_history"))?;
    writeln!(out, "{}", t("checkin.privacy"))
}

/// `checkin history`: one line per check-in and symptom, oldest first.
pub fn history(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    let form = form(pack)?;
    super::print_notice_lines(&opened.notices);
    let mut out = super::stdout();
    let p = &opened.progress;
    if p.checkins().next().is_none() {
        writeln!(out, "{}", tf!("plain.checkin.history_empty", none = t("checkin.no_checkins")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut before: BTreeMap<&str, u8> = BTreeMap::new();
    for (n, (at, c)) in p.checkins().enumerate() {
        let date = date_of(at);
        writeln!(out, "{}", tf!("plain.checkin.history_heading", number = n + 1, date = date))?;
        let ids = form.items.iter().map(|i| i.id.as_str()).chain(c.scores.keys().map(String::as_str));
        let mut done = Vec::new();
        for id in ids {
            if done.contains(&id) {
                continue;
            }
            done.push(id);
            let name = sanitize(form.item_name(id)).into_owned();
            let Some(&score) = c.scores.get(id) else {
                if form.item(id).is_some() {
                    writeln!(out, "{}", tf!("plain.checkin.history_skipped", date = date, name = name))?;
                }
                continue;
            };
            let was = before.insert(id, score);
            let change = was.map(|b| i16::from(score) - i16::from(b));
            let (band, change) = (words::band(band(score)), words::change(change));
            let line = if tell_care_team(score, was) {
                let (mark, tell) = (t("checkin.tell_mark"), t("checkin.tell"));
                tf!(
                    "plain.checkin.history_score_tell",
                    date = date,
                    name = name,
                    score = score,
                    band = band,
                    change = change,
                    mark = mark,
                    tell = tell
                )
            } else {
                tf!(
                    "plain.checkin.history_score",
                    date = date,
                    name = name,
                    score = score,
                    band = band,
                    change = change
                )
            };
            writeln!(out, "{line}")?;
        }
        for id in c.yes_flags() {
            let sign = form
                .red_flag(id)
                .map_or_else(|| sanitize(id).into_owned(), |f| sanitize(&f.signs.join("; ")).into_owned());
            let mark = t("checkin.get_help_mark");
            writeln!(out, "{}", tf!("plain.checkin.history_yes", date = date, mark = mark, sign = sign))?;
        }
        if !c.note.is_empty() {
            writeln!(out, "{}", tf!("plain.checkin.history_note", date = date, note = sanitize(&c.note)))?;
        }
    }
    if let Some(d) = &p.checkin_draft {
        let draft = words::draft_progress(d.scores.len() + d.flags.len(), form.steps());
        writeln!(out, "{}", tf!("plain.checkin.history_draft", draft = draft, date = date_of(d.started)))?;
    }
    writeln!(out, "{}", t("checkin.bands"))?;
    writeln!(out, "{}", t("checkin.privacy"))?;
    Ok(ExitCode::SUCCESS)
}

/// The sheet's Markdown, for the plain command and the tutor.
pub fn sheet_markdown(pack: &ContentPack, form: &Form, progress: &Progress, now: u64) -> String {
    let sheet = checkin::Sheet {
        today: date_of(now),
        checkins: progress.checkins().map(|(at, c)| (date_of(at), c)).collect(),
        open_questions: progress.my_questions.iter().filter(|q| !q.asked).map(|q| q.text.clone()).collect(),
    };
    let _ = pack;
    checkin::export_markdown(form, &sheet)
}

/// `checkin export [FILE|-]`: the sheet to the screen, or to a new private file.
pub fn export(pack: &ContentPack, opened: &Opened, file: Option<&Path>, force: bool) -> Result<ExitCode> {
    let form = form(pack)?;
    let markdown = sheet_markdown(pack, form, &opened.progress, session::now());
    let Some(path) = file.filter(|f| *f != Path::new("-")) else {
        super::stdout().write_all(markdown.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let shown = sanitize_path(path);
    match crate::export::write_private(path, markdown.as_bytes(), force) {
        Ok(full) => {
            writeln!(super::stdout(), "{}", tf!("plain.checkin.wrote", path = sanitize_path(&full)))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => bail!("{}", tf!("plain.file_exists", path = shown)),
        Err(e) => Err(e).with_context(|| tf!("plain.cannot_write", path = shown)),
    }
}

/// `checkin number [NUMBER] [--clear]`: show, save or forget the 24-hour number.
pub fn number(opened: Opened, number: Option<&str>, clear: bool) -> Result<ExitCode> {
    let Opened { store, mut progress, .. } = opened;
    let mut out = super::stdout();
    if clear {
        progress.care_team_number = None;
    } else if let Some(number) = number {
        let cleaned = sanitize(number).split_whitespace().collect::<Vec<_>>().join(" ");
        if cleaned.is_empty() || cleaned.chars().count() > MAX_NUMBER_CHARS {
            writeln!(super::stderr(), "patient-tutor: {}", tf!("plain.checkin.bad_number", max = MAX_NUMBER_CHARS))?;
            return Ok(ExitCode::from(2));
        }
        progress.care_team_number = Some(cleaned);
    } else {
        match care_team_number(&progress) {
            Some(n) => writeln!(out, "{}", tf!("checkin.your_number", number = n))?,
            None => writeln!(out, "{}", t("checkin.no_number"))?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    store.save(&mut progress)?;
    match care_team_number(&progress) {
        Some(n) => writeln!(out, "{}", tf!("plain.checkin.number_saved", number = n))?,
        None => writeln!(out, "{}", t("plain.checkin.number_removed"))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `checkin remind on|off`.
pub fn remind(opened: Opened, on: bool) -> Result<ExitCode> {
    let Opened { store, mut progress, .. } = opened;
    progress.checkin_reminders_off = !on;
    store.save(&mut progress)?;
    writeln!(super::stdout(), "{}", if on { t("checkin.reminders_on") } else { t("checkin.reminders_off") })?;
    Ok(ExitCode::SUCCESS)
}

/// Used by `progress reset` to say what it will erase.
pub fn describe(progress: &Progress) -> Option<String> {
    let n = progress.checkins().count();
    let last = progress.checkins().next_back().map(|(at, _)| date_of(at));
    let draft = progress.checkin_draft.is_some();
    match (n, last) {
        (0, _) if !draft => None,
        (0, _) => Some(t("plain.checkin.reset_draft").to_string()),
        (n, Some(last)) if draft => Some(tn!("plain.checkin.reset_with_draft", n, last = last)),
        (n, Some(last)) => Some(tn!("plain.checkin.reset", n, last = last)),
        (_, None) => None,
    }
}

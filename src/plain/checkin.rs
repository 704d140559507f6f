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

use super::quiz::read_line;

/// The longest 24-hour number kept, in characters.
pub const MAX_NUMBER_CHARS: usize = 40;

fn form(pack: &ContentPack) -> Result<&Form> {
    pack.checkin.as_ref().context(words::NO_FORM)
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
        format!("{mark} {} {mark}", words::GET_HELP_NOW, mark = words::GET_HELP_MARK),
        words::YOU_ANSWERED_YES.to_string(),
    ];
    for flag in flags {
        for sign in &flag.signs {
            lines.push(format!("  {} {}", words::GET_HELP_MARK, sanitize(sign)));
        }
        lines.push(format!("  {}", sanitize(form.call.words(flag.who))));
        if let Some(also) = &flag.also {
            lines.push(format!("  {}", sanitize(also)));
        }
        let label = pack.target_label(&flag.see).unwrap_or_else(|| sanitize(&flag.see).into_owned());
        lines.push(format!("  Read more: {label}"));
    }
    lines.push(match number {
        Some(n) => format!("{} {n}", words::YOUR_NUMBER),
        None => words::NO_NUMBER.to_string(),
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
    writeln!(out, "{}: {total} short questions. {}", words::TITLE, words::SCALE)?;
    if !draft.is_empty() {
        writeln!(out, "Carrying on with the check-in you started on {}.", date_of(draft.started))?;
    }
    loop {
        let number_of = draft.step.min(total - 1) + 1;
        match draft.current(form) {
            Step::Item(i) => {
                let item = &form.items[i];
                writeln!(out, "Question {number_of} of {total}. {}", sanitize(&item.question))?;
                writeln!(out, "0 = {}, 10 = {}.", sanitize(&item.low), sanitize(&item.high))?;
                writeln!(out, "Type a number from 0 to 10, or - to skip.")?;
                loop {
                    out.flush()?;
                    let Some(line) = read_line(input)? else { return Ok(false) };
                    match line.trim() {
                        "-" | "skip" => draft.unrate(form),
                        text => match text.parse::<u8>() {
                            Ok(n) if n <= 10 => _ = draft.rate(form, n),
                            _ => {
                                writeln!(out, "Please type a number from 0 to 10, or - to skip.")?;
                                continue;
                            }
                        },
                    }
                    break;
                }
            }
            Step::RedFlag(i) => {
                let flag = &form.red_flags[i];
                writeln!(out, "Question {number_of} of {total}. {}", sanitize(&flag.question))?;
                writeln!(out, "Type y for yes or n for no.")?;
                let yes = loop {
                    out.flush()?;
                    let Some(line) = read_line(input)? else { return Ok(false) };
                    match line.trim().to_lowercase().as_str() {
                        "y" | "yes" => break true,
                        "n" | "no" => break false,
                        _ => writeln!(out, "Please type y for yes or n for no.")?,
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
                writeln!(out, "Question {number_of} of {total}. {}", words::NOTE_PROMPT)?;
                out.flush()?;
                let Some(line) = read_line(input)? else { return Ok(false) };
                if draft.set_note(&line) {
                    writeln!(out, "Your note was cut to {} characters.", checkin::MAX_NOTE_CHARS)?;
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
            writeln!(out, "{}", words::SAVED)?;
        }
        summary(&mut out, form, &progress)?;
    } else {
        if !draft.is_empty() {
            progress.checkin_draft = Some(draft);
            save(&mut progress, &mut failed);
        }
        writeln!(out)?;
        if failed.is_none() {
            writeln!(out, "{}", words::DRAFT_SAVED)?;
        }
    }
    super::print_notice_lines(&store.take_notices());
    if let Some(e) = failed {
        let why = sanitize(&format!("{e:#}")).into_owned();
        writeln!(super::stderr(), "patient-tutor: your check-in could not be saved ({why}). Try again.")?;
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
        writeln!(
            out,
            "{} {}: {score} ({}, {}): {}.",
            words::TELL_MARK,
            sanitize(&row.name),
            words::band(band(score)),
            words::change(row.change),
            words::TELL
        )?;
    }
    writeln!(out, "See them all with: patient-tutor checkin history")?;
    writeln!(out, "{}", words::PRIVACY)
}

/// `checkin history`: one line per check-in and symptom, oldest first.
pub fn history(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    let form = form(pack)?;
    super::print_notice_lines(&opened.notices);
    let mut out = super::stdout();
    let p = &opened.progress;
    if p.checkins().next().is_none() {
        writeln!(out, "{} Start one with: patient-tutor checkin --plain", words::NO_CHECKINS)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut before: BTreeMap<&str, u8> = BTreeMap::new();
    for (n, (at, c)) in p.checkins().enumerate() {
        let date = date_of(at);
        writeln!(out, "Check-in {} on {date}:", n + 1)?;
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
                    writeln!(out, "{date}, {name}: skipped")?;
                }
                continue;
            };
            let was = before.insert(id, score);
            let change = was.map(|b| i16::from(score) - i16::from(b));
            let tell = if tell_care_team(score, was) {
                format!(", {} {}", words::TELL_MARK, words::TELL)
            } else {
                String::new()
            };
            writeln!(out, "{date}, {name}: {score}, {}, {}{tell}", words::band(band(score)), words::change(change))?;
        }
        for id in c.yes_flags() {
            let sign = form
                .red_flag(id)
                .map_or_else(|| sanitize(id).into_owned(), |f| sanitize(&f.signs.join("; ")).into_owned());
            writeln!(out, "{date}, said yes: {} {sign}", words::GET_HELP_MARK)?;
        }
        if !c.note.is_empty() {
            writeln!(out, "{date}, anything else: {}", sanitize(&c.note))?;
        }
    }
    if let Some(d) = &p.checkin_draft {
        writeln!(
            out,
            "{} (started {}).",
            words::draft_progress(d.scores.len() + d.flags.len(), form.steps()),
            date_of(d.started)
        )?;
    }
    writeln!(out, "{}", words::BANDS)?;
    writeln!(out, "{}", words::PRIVACY)?;
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
            writeln!(super::stdout(), "Wrote your check-in sheet to {} (only you can read it).", sanitize_path(&full))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            bail!("{shown} already exists; choose another name, or add --force to replace it")
        }
        Err(e) => Err(e).with_context(|| format!("cannot write {shown}")),
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
            writeln!(
                super::stderr(),
                "patient-tutor: give the number as you would dial it, at most {MAX_NUMBER_CHARS} characters, like \"0123 456 789\""
            )?;
            return Ok(ExitCode::from(2));
        }
        progress.care_team_number = Some(cleaned);
    } else {
        match care_team_number(&progress) {
            Some(n) => writeln!(out, "{} {n}", words::YOUR_NUMBER)?,
            None => writeln!(out, "{}", words::NO_NUMBER)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    store.save(&mut progress)?;
    match care_team_number(&progress) {
        Some(n) => writeln!(out, "Saved. {} {n}. It is shown with every \"Get help now\".", words::YOUR_NUMBER)?,
        None => writeln!(out, "Your care team's 24-hour number was removed.")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `checkin remind on|off`.
pub fn remind(opened: Opened, on: bool) -> Result<ExitCode> {
    let Opened { store, mut progress, .. } = opened;
    progress.checkin_reminders_off = !on;
    store.save(&mut progress)?;
    writeln!(super::stdout(), "{}", if on { words::REMINDERS_ON } else { words::REMINDERS_OFF })?;
    Ok(ExitCode::SUCCESS)
}

/// Used by `progress reset` to say what it will erase.
pub fn describe(progress: &Progress) -> Option<String> {
    let n = progress.checkins().count();
    let last = progress.checkins().next_back().map(|(at, _)| date_of(at));
    let draft = progress.checkin_draft.is_some();
    match (n, last) {
        (0, _) if !draft => None,
        (0, _) => Some("a check-in you had not finished".to_string()),
        (n, Some(last)) => Some(format!(
            "{} (the last on {last}){}",
            super::count(n, "symptom check-in", "symptom check-ins"),
            if draft { " and one not finished" } else { "" }
        )),
        (_, None) => None,
    }
}

//! `progress reset [--keep-questions] [--yes]`: say what will be erased, with counts,
//! then ask, then erase (see `progress::reset_keeping`).

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::checkin;
use crate::markdown::sanitize_path as shown;
use crate::progress::Progress;
use crate::session as app_session;
use crate::words::t;
use crate::{tf, tn};

/// Erase the progress file and its answer history (or, with `keep_questions`, all
/// but My questions and their notes), after naming what goes and asking (unless
/// `yes`). A copy of the app still running keeps nothing erased (see `progress::reset`).
pub fn progress_reset(path: &Path, yes: bool, keep_questions: bool) -> Result<ExitCode> {
    let history = crate::progress::history_path(path);
    if !path.exists() && !history.exists() {
        println!("{}", tf!("plain.reset.nothing", path = shown(path)));
        return Ok(ExitCode::SUCCESS);
    }
    let held = crate::progress::peek(path).unwrap_or_default();
    let (erased, kept) = what_goes(&held, keep_questions);
    if erased.is_empty() {
        println!("{}", t("plain.reset.only_files"));
    } else {
        println!("{}", t("plain.reset.erases"));
        for line in &erased {
            println!("  - {line}");
        }
    }
    match (&kept, keep_questions) {
        (Some(kept), true) => println!("{}", tf!("plain.reset.keeps", kept = kept)),
        (Some(_), false) => println!("{}", t("plain.reset.how_to_keep")),
        (None, _) => {}
    }
    if !yes {
        let ask = if keep_questions {
            tf!("plain.reset.confirm_keeping", path = shown(path))
        } else {
            tf!("plain.reset.confirm", path = shown(path))
        };
        eprint!("{ask} ");
        io::stderr().flush()?;
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if !crate::words::typed_is(&answer, t("plain.reset.yes")) {
            eprintln!("{}", t("plain.reset.unchanged"));
            return Ok(ExitCode::FAILURE);
        }
    }
    let files = crate::progress::reset_keeping(path, app_session::now(), keep_questions)?;
    if keep_questions {
        println!("{}", tn!("plain.reset.done_keeping", held.my_questions.len(), path = shown(path)));
    } else {
        let names: Vec<String> = files.iter().map(|p| shown(p)).collect();
        println!("{}", tn!("plain.reset.done", names.len(), files = names.join(t("plain.reset.and"))));
    }
    Ok(ExitCode::SUCCESS)
}

/// The lines naming what a reset erases, and what it keeps (None: no questions to
/// keep or not). Check-ins come early: they are the person's own record.
fn what_goes(p: &Progress, keep_questions: bool) -> (Vec<String>, Option<String>) {
    let mut erased = Vec::new();
    // Every pack's, not only the one at the top of the file: a reset erases them all.
    let packs = p.packs.values();
    let places = p.lessons.len() + packs.clone().map(|pack| pack.lessons.len()).sum::<usize>();
    let scheduled = p.questions.len() + packs.map(|pack| pack.questions.len()).sum::<usize>();
    if places > 0 {
        erased.push(tn!("plain.reset.reading_places", places));
    }
    let answers = p.attempts.iter().filter(|a| !a.is_checkin()).count();
    if answers > 0 || scheduled > 0 {
        erased.push(tf!(
            "plain.reset.quiz_history",
            answers = tn!("plain.reset.answers", answers),
            questions = tn!("plain.reset.questions", scheduled)
        ));
    }
    if !p.explored_sites.is_empty() {
        erased.push(tf!("plain.reset.body_map", n = p.explored_sites.len()));
    }
    if let Some(checkins) = checkin::describe(p) {
        erased.push(checkins);
    }
    if p.care_team_number.is_some() {
        erased.push(t("plain.reset.care_team_number").to_string());
    }
    let questions = (!p.my_questions.is_empty()).then(|| {
        let notes = p.my_questions.iter().filter(|q| !q.note.is_empty()).count();
        tn!("plain.reset.my_questions", p.my_questions.len(), notes = notes)
    });
    if !keep_questions && let Some(q) = &questions {
        erased.push(q.clone());
    }
    (erased, questions)
}

//! `progress reset [--keep-questions] [--yes]`: say what will be erased, with counts,
//! then ask, then erase (see `progress::reset_keeping`).

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::{checkin, count};
use crate::markdown::sanitize_path as shown;
use crate::progress::Progress;
use crate::session as app_session;

/// Erase the progress file and its answer history (or, with `keep_questions`, all
/// but My questions and their notes), after naming what goes and asking (unless
/// `yes`). A copy of the app still running keeps nothing erased (see `progress::reset`).
pub fn progress_reset(path: &Path, yes: bool, keep_questions: bool) -> Result<ExitCode> {
    let history = crate::progress::history_path(path);
    if !path.exists() && !history.exists() {
        println!("There is no progress to reset ({} does not exist).", shown(path));
        return Ok(ExitCode::SUCCESS);
    }
    let held = crate::progress::peek(path).unwrap_or_default();
    let (erased, kept) = what_goes(&held, keep_questions);
    if erased.is_empty() {
        println!("Your progress holds nothing to erase but its files.");
    } else {
        println!("A reset erases:");
        for line in &erased {
            println!("  - {line}");
        }
    }
    match (&kept, keep_questions) {
        (Some(kept), true) => println!("It keeps {kept}."),
        (Some(_), false) => println!("To keep My questions and their notes, add --keep-questions."),
        (None, _) => {}
    }
    if !yes {
        let what = if keep_questions { "your progress, except My questions," } else { "all your progress" };
        eprint!("This erases {what} in {}. Type yes to go on: ", shown(path));
        io::stderr().flush()?;
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if !answer.trim().eq_ignore_ascii_case("yes") {
            eprintln!("Nothing was changed.");
            return Ok(ExitCode::FAILURE);
        }
    }
    let files = crate::progress::reset_keeping(path, app_session::now(), keep_questions)?;
    if keep_questions {
        let questions = count(held.my_questions.len(), "question", "questions");
        println!("Progress reset: {} now holds only My questions ({questions}); the rest was erased.", shown(path));
    } else {
        let names: Vec<String> = files.iter().map(|p| shown(p)).collect();
        let verb = if names.len() == 1 { "was" } else { "were" };
        println!("Progress reset: {} {verb} erased.", names.join(" and "));
    }
    Ok(ExitCode::SUCCESS)
}

/// The lines naming what a reset erases, and what it keeps (None: no questions to
/// keep or not). Check-ins come early: they are the person's own record.
fn what_goes(p: &Progress, keep_questions: bool) -> (Vec<String>, Option<String>) {
    let mut erased = Vec::new();
    let places = p.lessons.len();
    if places > 0 {
        erased.push(format!("reading places in {}", count(places, "lesson", "lessons")));
    }
    let answers = p.attempts.iter().filter(|a| !a.is_checkin()).count();
    if answers > 0 || !p.questions.is_empty() {
        erased.push(format!(
            "quiz history: {} and the review schedule of {}",
            count(answers, "answer", "answers"),
            count(p.questions.len(), "question", "questions")
        ));
    }
    if !p.explored_sites.is_empty() {
        erased.push(format!("body-map places looked at: {}", p.explored_sites.len()));
    }
    if let Some(checkins) = checkin::describe(p) {
        erased.push(checkins);
    }
    if p.care_team_number.is_some() {
        erased.push("your care team's 24-hour number".to_string());
    }
    let questions = (!p.my_questions.is_empty()).then(|| {
        let notes = p.my_questions.iter().filter(|q| !q.note.is_empty()).count();
        format!("My questions: {}, {} with a note", count(p.my_questions.len(), "question", "questions"), notes)
    });
    if !keep_questions && let Some(q) = &questions {
        erased.push(q.clone());
    }
    (erased, questions)
}

//! The check-in from the shell (issue 19): `checkin --plain`, `checkin history`,
//! `checkin export`, `checkin number`, `checkin remind`, and `progress reset`
//! naming the check-ins it erases. Dates come from PATIENT_TUTOR_NOW.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// 2026-01-05, a Monday, and a week in seconds.
const MONDAY: u64 = 1_767_571_200;
const WEEK: u64 = 7 * 86_400;
/// Items and red flags of the built-in check-in.
const ITEMS: usize = 9;
const FLAGS: usize = 8;

fn tutor(progress: &Path, now: u64) -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.arg("--progress").arg(progress).env_remove("PATIENT_TUTOR_CONTENT").env_remove("COLUMNS");
    cmd.env("PATIENT_TUTOR_NOW", now.to_string());
    cmd
}

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    (dir, progress)
}

/// Answers for a whole check-in: the scores, a y/n per red flag, the note.
fn answers(scores: [u8; ITEMS], yes: &[usize], note: &str) -> String {
    let mut s: String = scores.iter().map(|n| format!("{n}\n")).collect();
    for i in 0..FLAGS {
        s.push_str(if yes.contains(&i) { "y\n" } else { "n\n" });
    }
    s.push_str(note);
    s.push('\n');
    s
}

fn check_in(progress: &Path, now: u64, input: String) -> String {
    let out = tutor(progress, now).args(["checkin", "--plain"]).write_stdin(input).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn three_weekly_check_ins_show_bands_changes_and_what_to_tell_the_team() {
    let (_d, progress) = temp();
    let first = check_in(&progress, MONDAY, answers([2, 3, 0, 1, 2, 1, 1, 2, 2], &[], "slept badly"));
    assert!(first.contains("Check-in saved."), "{first}");
    assert!(first.contains("The app sends nothing to anyone."), "{first}");
    check_in(&progress, MONDAY + WEEK, answers([3, 4, 0, 1, 2, 1, 1, 2, 2], &[], ""));
    let third =
        check_in(&progress, MONDAY + 2 * WEEK, answers([7, 4, 0, 1, 2, 1, 4, 2, 2], &[], "pain worse at night"));
    assert!(third.contains("▲ Pain: 7 (severe, up 4): tell your care team"), "{third}");
    assert!(third.contains("▲ Low mood: 4 (moderate, up 3)"), "{third}");
    assert!(!third.contains("Tiredness: 4"), "not severe, not 3 worse: {third}");

    let history = stdout(tutor(&progress, MONDAY + 2 * WEEK).args(["checkin", "history"]));
    let want = [
        "Check-in 1 on 2026-01-05:",
        "2026-01-05, Pain: 2, mild, first",
        "2026-01-05, anything else: slept badly",
        "Check-in 2 on 2026-01-12:",
        "2026-01-12, Pain: 3, mild, up 1",
        "2026-01-12, Tiredness: 4, moderate, up 1",
        "2026-01-19, Pain: 7, severe, up 4, ▲ tell your care team — call today if it is new or getting worse fast",
        "2026-01-19, Tiredness: 4, moderate, same",
        "2026-01-19, Drowsiness: 0, none, same",
        "2026-01-19, anything else: pain worse at night",
    ];
    let lines: Vec<&str> = history.lines().collect();
    for line in want {
        assert!(lines.contains(&line), "missing {line:?} in:\n{history}");
    }
    assert_eq!(lines.iter().filter(|l| l.starts_with("Check-in ")).count(), 3);
    assert!(history.contains("Your care team will not see these answers unless you show them."));
}

#[test]
fn invalid_lines_are_asked_again_and_end_of_input_keeps_a_draft_to_finish() {
    let (_d, progress) = temp();
    let out = check_in(&progress, MONDAY, "ten\n11\n-1\n5\n-\n".to_string());
    assert_eq!(out.matches("Please type a number from 0 to 10, or - to skip.").count(), 3, "{out}");
    assert!(out.contains("Not finished: your answers so far are kept."), "{out}");
    assert!(fs::read_to_string(&progress).unwrap().contains("[checkin_draft]"));
    let history = stdout(tutor(&progress, MONDAY).args(["checkin", "history"]));
    assert!(history.contains("No check-ins yet."), "{history}");

    // The next run carries on at question 3 (pain 5 kept, tiredness skipped).
    let mut rest: String = (0..ITEMS - 2).map(|_| "1\n").collect();
    rest.push_str("maybe\n");
    rest.push_str(&"n\n".repeat(FLAGS));
    rest.push('\n');
    let out = check_in(&progress, MONDAY + 86_400, rest);
    assert!(out.contains("Carrying on with the check-in you started on 2026-01-05."), "{out}");
    assert!(out.contains("Question 3 of 18."), "{out}");
    assert!(!out.contains("Question 1 of 18."), "{out}");
    assert!(out.contains("Please type y for yes or n for no."), "{out}");
    assert!(out.contains("Check-in saved."), "{out}");
    assert!(!fs::read_to_string(&progress).unwrap().contains("checkin_draft"), "the draft is gone once finished");
    let history = stdout(tutor(&progress, MONDAY).args(["checkin", "history"]));
    assert!(history.contains("2026-01-06, Pain: 5, moderate, first"), "{history}");
    assert!(history.contains("2026-01-06, Tiredness: skipped"), "{history}");
}

#[test]
fn a_red_flag_answered_yes_says_get_help_now_at_once_with_the_saved_number() {
    let (_d, progress) = temp();
    // Without a number: the block says how to save one.
    let out = check_in(&progress, MONDAY, answers([1; ITEMS], &[0], ""));
    let block = out.find("!! Get help now !!").expect("a Get help now block");
    let next_question = out.find("Question 11 of 18.").unwrap();
    assert!(block < next_question, "shown at once, before the next question:\n{out}");
    let get_help = &out[block..next_question];
    assert!(get_help.contains("!! A temperature of 38 °C (100.4 °F) or higher"), "{get_help}");
    assert!(get_help.contains("Call your care team's 24-hour line now, day or night."), "{get_help}");
    assert!(get_help.contains("Read more: When to get help now › Fever or shivering during treatment"), "{get_help}");
    assert!(get_help.contains("You have not saved your care team's 24-hour number."), "{get_help}");
    // And again first in the summary, before "Check-in saved."
    let end = &out[out.rfind("Question 18 of 18.").unwrap()..];
    assert!(end.find("!! Get help now !!").unwrap() < end.find("Check-in saved.").unwrap(), "{end}");

    let saved = stdout(tutor(&progress, MONDAY).args(["checkin", "number", "0123 456\u{1b}[2J 789"]));
    assert!(saved.contains("Your care team's 24-hour number: 0123 456[2J 789"), "cleaned: {saved:?}");
    let out = check_in(&progress, MONDAY + WEEK, answers([1; ITEMS], &[4, 5], ""));
    assert!(out.contains("Your care team's 24-hour number: 0123 456[2J 789"), "{out}");
    assert!(out.contains("Call your local emergency number now"), "bleeding: {out}");
    let end = &out[out.rfind("Question 18 of 18.").unwrap()..];
    let breathing = end.find("Struggling to breathe").unwrap();
    assert!(end.find("Bleeding that will not stop").unwrap() < end.find("Check-in saved.").unwrap());
    assert!(breathing < end.find("Check-in saved.").unwrap());
    assert!(!out.contains('\u{1b}'));
    let history = stdout(tutor(&progress, MONDAY + WEEK).args(["checkin", "history"]));
    assert!(history.contains("2026-01-12, said yes: !! Bleeding that will not stop"), "{history}");
    assert!(history.contains("2026-01-05, said yes: !! A temperature of 38 °C"), "{history}");

    stdout(tutor(&progress, MONDAY).args(["checkin", "number", "--clear"]));
    let shown = stdout(tutor(&progress, MONDAY).args(["checkin", "number"]));
    assert!(shown.contains("You have not saved"), "{shown}");
    tutor(&progress, MONDAY).args(["checkin", "number", &"9".repeat(41)]).assert().code(2);
}

#[test]
fn the_note_is_one_clean_capped_line() {
    let (_d, progress) = temp();
    let long = format!("\u{1b}]0;owned\u{7}tired {}", "x".repeat(600));
    let out = check_in(&progress, MONDAY, answers([0; ITEMS], &[], &long));
    assert!(out.contains("Your note was cut to 500 characters."), "{out}");
    let history = stdout(tutor(&progress, MONDAY).args(["checkin", "history"]));
    let note = history.lines().find(|l| l.contains("anything else")).unwrap();
    assert!(!note.contains('\u{1b}') && !note.contains('\u{7}'), "{note:?}");
    assert_eq!(note.trim_start_matches("2026-01-05, anything else: ").chars().count(), 500, "{note}");
}

#[cfg(unix)]
#[test]
fn the_sheet_goes_to_a_private_new_file_or_the_screen() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, progress) = temp();
    check_in(&progress, MONDAY, answers([2, 3, 0, 1, 2, 1, 1, 2, 2], &[0], "hot at night"));
    check_in(&progress, MONDAY + WEEK, answers([6, 3, 0, 1, 2, 1, 1, 2, 2], &[], ""));
    stdout(tutor(&progress, MONDAY).args(["questions", "add", "Can I change my pain medicine?"]));
    let sheet = dir.path().join("sheet.md");
    let out = stdout(tutor(&progress, MONDAY + WEEK).args(["checkin", "export"]).arg(&sheet));
    let full = fs::canonicalize(dir.path()).unwrap().join("sheet.md");
    assert!(out.contains(&format!("Wrote your check-in sheet to {}", full.display())), "{out}");
    assert_eq!(fs::metadata(&sheet).unwrap().permissions().mode() & 0o777, 0o600);
    let md = fs::read_to_string(&sheet).unwrap();
    assert!(md.contains("Made: 2026-01-12"), "{md}");
    assert!(md.contains("| Symptom | 2026-01-05 | 2026-01-12 | Band now | Change |"), "{md}");
    assert!(md.contains("| Pain ▲ | 2 | 6 | moderate | up 4 |"), "{md}");
    assert!(md.contains("- 2026-01-05: A temperature of 38 °C"), "{md}");
    assert!(md.contains("- 2026-01-05: hot at night"), "{md}");
    assert!(md.contains("- [ ] Can I change my pain medicine?"), "{md}");

    // Never over a file without --force; `-` prints it.
    fs::write(&sheet, "mine").unwrap();
    tutor(&progress, MONDAY)
        .args(["checkin", "export"])
        .arg(&sheet)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists; choose another name, or add --force"));
    assert_eq!(fs::read_to_string(&sheet).unwrap(), "mine");
    tutor(&progress, MONDAY).args(["checkin", "export", "--force"]).arg(&sheet).assert().success();
    assert!(fs::read_to_string(&sheet).unwrap().starts_with("# Symptom check-in"));
    let printed = stdout(tutor(&progress, MONDAY + WEEK).args(["checkin", "export", "-"]));
    assert_eq!(printed, md);
}

#[test]
fn a_reset_names_the_check_ins_before_it_erases_them() {
    let (_d, progress) = temp();
    check_in(&progress, MONDAY, answers([1; ITEMS], &[], ""));
    check_in(&progress, MONDAY + WEEK, answers([1; ITEMS], &[], ""));
    check_in(&progress, MONDAY + 2 * WEEK, "3\n".to_string());
    tutor(&progress, MONDAY)
        .args(["progress", "reset"])
        .write_stdin("no\n")
        .assert()
        .failure()
        .stdout(predicate::str::contains("  - 2 symptom check-ins (the last on 2026-01-12) and one not finished\n"));
    let history = stdout(tutor(&progress, MONDAY).args(["checkin", "history"]));
    assert!(history.contains("Check-in 2 on 2026-01-12:"), "nothing was changed: {history}");
    tutor(&progress, MONDAY).args(["progress", "reset", "--yes"]).assert().success();
    let history = stdout(tutor(&progress, MONDAY).args(["checkin", "history"]));
    assert!(history.contains("No check-ins yet."), "{history}");
}

#[test]
fn reminders_can_be_turned_off_and_on() {
    let (_d, progress) = temp();
    let off = stdout(tutor(&progress, MONDAY).args(["checkin", "remind", "off"]));
    assert!(off.contains("reminders are off"), "{off}");
    assert!(fs::read_to_string(&progress).unwrap().contains("checkin_reminders_off = true"));
    stdout(tutor(&progress, MONDAY).args(["checkin", "remind", "on"]));
    assert!(!fs::read_to_string(&progress).unwrap().contains("checkin_reminders_off"));
}

//! "My questions": the text input on a TestBackend, the notebook screen, and the CLI.

mod common;

use std::fs;

use assert_cmd::Command;
use common::{app, screen_text, send};
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};
use predicates::prelude::*;
use tui_input::InputRequest;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

/// An app reading the staging lesson at its "What M1 means" section.
fn reading_staging() -> App {
    let mut app = app(100, 30);
    send(
        &mut app,
        &[
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Open,
            Action::NextSection,
            Action::NextSection,
        ],
    );
    app
}

#[test]
fn typing_a_question_while_reading_saves_it_with_its_lesson_and_section() {
    let mut app = reading_staging();
    app.update(Action::AddQuestion);
    let text = screen_text(&app);
    assert!(text.contains("Add a question for your care team"), "{text}");
    assert!(text.contains("Does my cancer have a sub-stage"), "the lesson's suggestions:\n{text}");
    type_text(&mut app, "What does M1 mean for me?");
    assert!(screen_text(&app).contains("What does M1 mean for me?"));
    assert_eq!(app.update(Action::Open), vec![Effect::Save]);
    assert!(app.question_input().is_none());
    let saved = &app.progress.my_questions[0];
    assert_eq!(saved.text, "What does M1 mean for me?");
    assert_eq!(saved.lesson.as_deref(), Some("staging"));
    assert_eq!(saved.section.as_deref(), Some("what-m1-means"));
    assert!(screen_text(&app).contains("Saved to My questions (1 to ask)."));
}

#[test]
fn editing_keys_move_the_cursor_and_delete() {
    let mut app = reading_staging();
    app.update(Action::AddQuestion);
    type_text(&mut app, "Is it sprd?");
    // Fix the typo: go back 2 characters (before "d"), delete the "r", type "rea".
    for request in [InputRequest::GoToPrevChar, InputRequest::GoToPrevChar] {
        app.update(Action::Edit(request));
    }
    app.update(Action::Edit(InputRequest::DeletePrevChar));
    type_text(&mut app, "rea");
    app.update(Action::Edit(InputRequest::GoToEnd));
    type_text(&mut app, "!");
    app.update(Action::Open);
    assert_eq!(app.progress.my_questions[0].text, "Is it spread?!");
}

#[test]
fn escape_cancels_and_empty_text_is_refused_with_a_hint() {
    let mut app = reading_staging();
    app.update(Action::AddQuestion);
    type_text(&mut app, "never mind");
    app.update(Action::Back);
    assert!(app.question_input().is_none());
    assert!(app.progress.my_questions.is_empty());

    app.update(Action::AddQuestion);
    type_text(&mut app, "   ");
    assert_eq!(app.update(Action::Open), vec![]);
    assert!(screen_text(&app).contains("Type a question first"), "{}", screen_text(&app));
    // The field stops at the longest question there can be, and says so.
    type_text(&mut app, &"x".repeat(600));
    assert!(screen_text(&app).contains("as long as this text can be (500"), "{}", screen_text(&app));
    assert_eq!(app.question_input().unwrap().input.value().chars().count(), 500);
    assert!(app.progress.my_questions.is_empty());
}

#[test]
fn a_suggested_question_can_be_picked() {
    let mut app = reading_staging();
    app.update(Action::AddQuestion);
    send(&mut app, &[Action::Down, Action::Down, Action::Open]);
    let lesson = app.pack.lesson("staging").unwrap();
    assert_eq!(app.progress.my_questions[0].text, lesson.questions[1]);
}

#[test]
fn notebook_screen_reorders_marks_notes_deletes_and_undoes() {
    let mut app = app(100, 30);
    for q in ["First?", "Second?", "Third?"] {
        app.update(Action::OpenNotebook);
        app.update(Action::AddQuestion);
        type_text(&mut app, q);
        app.update(Action::Open);
    }
    assert_eq!(app.screen(), ScreenKind::Notebook);
    let text = screen_text(&app);
    assert!(text.contains("My questions for the care team"), "{text}");
    assert!(text.contains("[ ] First?") && text.contains("[ ] Third?"), "{text}");
    let texts = |app: &App| app.progress.my_questions.iter().map(|q| q.text.clone()).collect::<Vec<_>>();

    // Third is selected (just added): move it to the top.
    send(&mut app, &[Action::MoveUp, Action::MoveUp]);
    assert_eq!(texts(&app), ["Third?", "First?", "Second?"]);
    // Mark it asked and note the answer.
    app.update(Action::Toggle);
    app.update(Action::AddNote);
    type_text(&mut app, "Yes.");
    app.update(Action::Open);
    assert!(app.progress.my_questions[0].asked);
    assert_eq!(app.progress.my_questions[0].note, "Yes.");
    assert!(screen_text(&app).contains("[x] Third?"));
    assert!(screen_text(&app).contains("answer: Yes."));
    assert!(screen_text(&app).contains("2 to ask"));
    // Edit the second.
    send(&mut app, &[Action::Down, Action::EditItem]);
    app.update(Action::Edit(InputRequest::DeleteLine));
    type_text(&mut app, "First, changed?");
    app.update(Action::Open);
    assert_eq!(texts(&app)[1], "First, changed?");
    // Delete and undo.
    assert_eq!(app.update(Action::Delete), vec![Effect::Save]);
    assert_eq!(texts(&app), ["Third?", "Second?"]);
    assert!(screen_text(&app).contains("Press u to undo"));
    app.update(Action::Undo);
    assert_eq!(texts(&app), ["Third?", "First, changed?", "Second?"]);
}

#[test]
fn export_from_the_tui_asks_the_loop_to_write_a_file() {
    let mut app = app(100, 30);
    app.update(Action::OpenNotebook);
    app.update(Action::AddQuestion);
    type_text(&mut app, "Who do I call at night?");
    app.update(Action::Open);
    // The first x asks the loop where the file would go; the loop says so.
    let effects = app.update(Action::Export);
    assert!(matches!(effects.as_slice(), [Effect::PlanExport { .. }]), "{effects:?}");
    app.update(Action::ExportPlanned("x again to save as /x/q.md (other keys: no)".into()));
    assert!(common::screen_text(&app).contains("x again to save as /x/q.md"));
    // The second writes it.
    let effects = app.update(Action::Export);
    let [Effect::ExportQuestions { markdown, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    // The effect carries what to write: the loop only writes it.
    assert_eq!(*markdown, app.questions_markdown());
    assert!(markdown.starts_with("# My questions for the care team"));
    // The loop reports where it went, and the footer says so.
    app.update(Action::Exported("Your questions were saved as a checklist: /x/q.md".into()));
    assert!(common::screen_text(&app).contains("/x/q.md"));
}

#[test]
fn home_counts_open_questions() {
    let mut app = app(100, 30);
    app.update(Action::OpenNotebook);
    app.update(Action::AddQuestion);
    type_text(&mut app, "Who do I call at night?");
    app.update(Action::Open);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains("1 question to ask your team (n)"), "{}", screen_text(&app));
}

#[test]
fn input_box_draws_at_small_sizes() {
    for (w, h) in [(20, 6), (40, 12), (80, 24)] {
        let mut app = app(w, h);
        send(&mut app, &[Action::Open, Action::AddQuestion]);
        type_text(&mut app, "A long question that will not fit in a small window at all");
        let rows = common::screen(&app);
        for row in rows {
            assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= w as usize);
        }
    }
}

fn tutor(progress: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").env("PATIENT_TUTOR_NOW", "1764028800").arg("--progress").arg(progress);
    cmd
}

#[test]
fn cli_add_list_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    tutor(&progress).args(["questions"]).assert().success().stdout(predicate::str::contains("No questions yet"));
    tutor(&progress).args(["questions", "add", "What does M1 mean?", "--lesson", "staging"]).assert().success();
    tutor(&progress).args(["questions", "add", "Who do I call\u{1b}]0;pwned\u{7} at night?"]).assert().success();
    tutor(&progress)
        .args(["questions"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" 1. [ ] What does M1 mean?  (from How stage 4 is decided)"))
        .stdout(predicate::str::contains(" 2. [ ] Who do I call]0;pwned at night?"))
        .stdout(predicate::str::contains("2 of 2 questions still to ask."));

    let out = tutor(&progress).args(["questions", "export"]).assert().success().get_output().stdout.clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("Date: 2025-11-25"), "{md}");
    assert!(md.contains("### How stage 4 is decided\n\n- [ ] What does M1 mean?"), "{md}");
    assert!(!md.contains('\u{1b}'));

    let file = dir.path().join("for-my-visit.md");
    tutor(&progress).args(["questions", "export"]).arg(&file).assert().success();
    assert_eq!(fs::read_to_string(&file).unwrap(), md);
    fs::write(&file, "my own notes").unwrap();
    tutor(&progress)
        .args(["questions", "export"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&file).unwrap(), "my own notes");
    tutor(&progress).args(["questions", "export", "--force"]).arg(&file).assert().success();
    assert_eq!(fs::read_to_string(&file).unwrap(), md);
}

#[test]
fn cli_refuses_empty_and_too_long_questions() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.toml");
    tutor(&progress)
        .args(["questions", "add", "   "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Type a question"));
    tutor(&progress)
        .args(["questions", "add", &"y".repeat(501)])
        .assert()
        .failure()
        .stderr(predicate::str::contains("at most 500"));
    assert!(!progress.exists(), "nothing saved");
    tutor(&progress).args(["questions", "add", "ok?", "--lesson", "nope"]).assert().failure();
}

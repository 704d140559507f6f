//! My questions have one home, the progress: the notebook screen shows it, every
//! change goes into it, and whatever a save does to it (another copy's questions
//! merged in, a `progress reset` with or without `--keep-questions`, a save that
//! fails after that) the screen, the progress and the file on disk hold the same list.

mod common;

use std::path::Path;
use std::sync::Mutex;

use common::{pack, screen, send};
use patient_tutor::progress::{self, Opened, Store};
use patient_tutor::quiz::schedule_answer;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::saving::Saver;
use patient_tutor::tui::theme::Theme;
use tui_input::InputRequest;

/// The store reads `PATIENT_TUTOR_FAULT` when it is opened (and a reset when it
/// locks): one at a time in this file, so the fault reaches only the store meant.
static ENV: Mutex<()> = Mutex::new(());

fn open(path: &Path, fault: Option<&str>) -> Opened {
    let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: every test of this file that reads the environment holds `ENV`.
    unsafe {
        match fault {
            Some(fault) => std::env::set_var("PATIENT_TUTOR_FAULT", fault),
            None => std::env::remove_var("PATIENT_TUTOR_FAULT"),
        }
    }
    let opened = Store::open(path, schedule_answer).expect("the store opens");
    unsafe { std::env::remove_var("PATIENT_TUTOR_FAULT") };
    opened
}

fn reset(path: &Path, keep_questions: bool) {
    let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
    progress::reset_keeping(path, patient_tutor::session::now(), keep_questions).expect("the reset works");
}

/// The tutor on the notebook screen, with the progress (and store) at `path`.
fn tutor(opened: Opened) -> (App, Store) {
    let Opened { store, mut progress, .. } = opened;
    progress.notice_seen = true;
    let mut app = App::new(pack(), progress, Theme::monochrome());
    send(&mut app, &[Action::Resize(100, 30), Action::OpenNotebook]);
    (app, store)
}

/// Save as the main loop does, and tell the app how it went.
fn save(app: &mut App, store: &Store) -> Action {
    let outcome = Saver::default().try_save(&mut app.progress, store);
    app.update(outcome.clone());
    outcome
}

fn add(app: &mut App, text: &str) {
    app.update(Action::AddQuestion);
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    app.update(Action::Open);
}

/// The questions the notebook screen shows, in order.
fn on_screen(app: &App) -> Vec<String> {
    assert_eq!(app.screen(), ScreenKind::Notebook);
    screen(app)
        .iter()
        .filter_map(|row| row.split_once("[ ] ").or_else(|| row.split_once("[x] ")).map(|(_, q)| q.to_string()))
        .collect()
}

fn in_progress(app: &App) -> Vec<String> {
    app.progress.my_questions.iter().map(|q| q.text.clone()).collect()
}

fn on_disk(path: &Path) -> Vec<String> {
    progress::peek(path).map(|p| p.my_questions.into_iter().map(|q| q.text).collect()).unwrap_or_default()
}

/// The screen and the progress agree, and are `expected`.
#[track_caller]
fn shows(app: &App, expected: &[&str]) {
    assert_eq!(on_screen(app), expected, "on screen");
    assert_eq!(in_progress(app), expected, "in the progress");
}

#[test]
fn add_edit_delete_reorder_and_undo_show_and_save_one_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut app, store) = tutor(open(&path, None));
    for q in ["First?", "Second?", "Third?"] {
        add(&mut app, q);
    }
    shows(&app, &["First?", "Second?", "Third?"]);
    // Third is selected (just added): to the top, then edit the one below it.
    send(&mut app, &[Action::MoveUp, Action::MoveUp, Action::Down, Action::EditItem]);
    app.update(Action::Edit(InputRequest::DeleteLine));
    for c in "First, changed?".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    app.update(Action::Open);
    shows(&app, &["Third?", "First, changed?", "Second?"]);
    send(&mut app, &[Action::Toggle, Action::Delete]);
    shows(&app, &["Third?", "Second?"]);
    assert!(matches!(save(&mut app, &store), Action::Saved { .. }));
    assert_eq!(on_disk(&path), ["Third?", "Second?"]);
    app.update(Action::Undo);
    shows(&app, &["Third?", "First, changed?", "Second?"]);
    assert!(app.progress.my_questions[1].asked, "undo brings it back as it was");
    save(&mut app, &store);
    assert_eq!(on_disk(&path), ["Third?", "First, changed?", "Second?"]);
    // Opened again: the same list.
    let (again, _) = tutor(open(&path, None));
    shows(&again, &["Third?", "First, changed?", "Second?"]);
}

#[test]
fn another_copys_questions_show_at_once_and_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut app, store) = tutor(open(&path, None));
    add(&mut app, "Mine?");
    save(&mut app, &store);
    let (mut other, other_store) = tutor(open(&path, None));
    add(&mut other, "Theirs?");
    save(&mut other, &other_store);
    add(&mut app, "Mine too?");
    save(&mut app, &store);
    // In the merge's order (this copy's first), the same everywhere.
    shows(&app, &["Mine?", "Mine too?", "Theirs?"]);
    assert_eq!(on_disk(&path), ["Mine?", "Mine too?", "Theirs?"]);
    // A delete here reaches the other copy's screen at its next save.
    send(&mut app, &[Action::Down, Action::Down, Action::Delete]);
    save(&mut app, &store);
    save(&mut other, &other_store);
    shows(&app, &["Mine?", "Mine too?"]);
    shows(&other, &["Mine?", "Mine too?"]);
}

#[test]
fn a_reset_while_open_erases_them_everywhere_and_undo_cannot_bring_one_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut app, store) = tutor(open(&path, None));
    add(&mut app, "Kept?");
    add(&mut app, "Deleted?");
    app.update(Action::Delete);
    save(&mut app, &store);
    reset(&path, false);
    assert!(matches!(save(&mut app, &store), Action::Saved { .. }));
    shows(&app, &[]);
    app.update(Action::Undo);
    shows(&app, &[]);
    add(&mut app, "After the reset?");
    save(&mut app, &store);
    shows(&app, &["After the reset?"]);
    assert_eq!(on_disk(&path), ["After the reset?"]);
}

#[test]
fn a_reset_that_keeps_questions_keeps_them_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut app, store) = tutor(open(&path, None));
    add(&mut app, "Before?");
    save(&mut app, &store);
    reset(&path, true);
    assert_eq!(on_disk(&path), ["Before?"]);
    add(&mut app, "Since?");
    assert!(matches!(save(&mut app, &store), Action::Saved { .. }));
    shows(&app, &["Before?", "Since?"]);
    assert_eq!(on_disk(&path), ["Before?", "Since?"]);
}

/// The store drops what this copy held from before a reset, then fails to write:
/// the screen must not go on showing (and the next change must not bring back)
/// the questions the reset erased.
#[test]
fn a_save_that_fails_after_a_reset_leaves_no_erased_question_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let (mut first, first_store) = tutor(open(&path, None));
    add(&mut first, "Erased?");
    save(&mut first, &first_store);
    let (mut app, store) = tutor(open(&path, Some("replace")));
    shows(&app, &["Erased?"]);
    reset(&path, false);
    assert!(matches!(save(&mut app, &store), Action::SaveFailed(_)));
    shows(&app, &[]);
    add(&mut app, "New?");
    shows(&app, &["New?"]);
}

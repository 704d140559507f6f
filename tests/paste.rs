//! A large paste into a text field (search, glossary, a question, the symptom search)
//! is handled in bounded time, whether it arrives as one bracketed paste or as a
//! stream of key presses, and the field keeps at most its cap: no search per
//! character, no insert that copies the whole text per character.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use patient_tutor::notebook::MAX_CHARS;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::keys::Context;

/// A megabyte of words, as someone might paste by mistake.
fn megabyte() -> String {
    "pain in the bone, short of breath\n".repeat(1 << 20 >> 5)
}

/// The field open in each text context, and how to open it from home.
const FIELDS: [(Context, &[Action]); 4] = [
    (Context::Search, &[Action::OpenSearch]),
    (Context::Glossary, &[Action::OpenGlossary]),
    (Context::QuestionInput, &[Action::OpenNotebook, Action::AddQuestion]),
    (Context::ExplorerSearch, &[Action::OpenExplorer, Action::Find]),
];

fn field_text(app: &App) -> String {
    let input = match app.context() {
        Context::Search => app.search().map(|s| &s.input),
        Context::Glossary => app.glossary().map(|s| &s.input),
        Context::QuestionInput => app.question_input().map(|s| &s.input),
        Context::ExplorerSearch => app.explorer().and_then(|e| e.search.as_ref()).map(|s| &s.input),
        other => panic!("not a text field: {other:?}"),
    };
    input.map(|i| i.value().to_string()).unwrap_or_default()
}

/// Run `feed` on an app with the field of `context` open, in a thread that must finish
/// within the limit (a search per character took minutes); the field's text after.
fn within_limit(context: Context, open: &'static [Action], feed: fn(&mut App)) -> String {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let mut app = common::app(100, 30);
        common::send(&mut app, open);
        assert_eq!(app.context(), context);
        feed(&mut app);
        assert_eq!(app.context(), context, "the paste must stay in the field");
        let _ = done.send(field_text(&app));
    });
    match result.recv_timeout(Duration::from_secs(30)) {
        Ok(text) => text,
        Err(e) => panic!("{context:?}: a 1 MB paste was not handled within 30 s ({e})"),
    }
}

#[test]
fn a_megabyte_bracketed_paste_is_cut_to_the_cap_quickly() {
    for (context, open) in FIELDS {
        let text = within_limit(context, open, |app| {
            for action in patient_tutor::tui::actions_for_event(app, Event::Paste(megabyte())) {
                app.update(action);
            }
        });
        assert_eq!(text.chars().count(), MAX_CHARS, "{context:?}");
        assert!(text.starts_with("pain in the bone, short of breath"), "{context:?}: {text:?}");
        assert!(!text.contains('\n'), "{context:?}: a line break in a one-line field");
    }
}

#[test]
fn a_megabyte_typed_as_keys_is_cut_to_the_cap_quickly() {
    for (context, open) in FIELDS {
        let text = within_limit(context, open, |app| {
            let keys = megabyte()
                .chars()
                .filter(|&c| c != '\n')
                .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
                .collect();
            patient_tutor::tui::update_for_events(app, keys);
        });
        assert_eq!(text.chars().count(), MAX_CHARS, "{context:?}");
        assert!(text.starts_with("pain in the bone, short of breath"), "{context:?}: {text:?}");
    }
}

#[test]
fn keys_typed_in_a_batch_still_edit_in_order() {
    let mut app = common::app(100, 30);
    app.update(Action::OpenSearch);
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let events = "bone".chars().map(|c| key(KeyCode::Char(c))).chain([key(KeyCode::Backspace)]).collect();
    patient_tutor::tui::update_for_events(&mut app, events);
    assert_eq!(field_text(&app), "bon");
    assert!(!app.search().unwrap().hits.is_empty(), "the search ran for the batch");
}

//! The reader's performance shape (issue 8): the wrapped lesson is made once per
//! text width. Scrolling never re-wraps it; a resize to a new width re-wraps once.
//! Glossary terms are looked for once per rendered line.

mod common;

use common::{app, screen_text, send};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;

fn lines_ptr(app: &App) -> *const ratatui::text::Line<'static> {
    app.reader().unwrap().doc.lines.as_ptr()
}

#[test]
fn scrolling_keeps_the_wrapped_lines_and_a_resize_rewraps_once() {
    let mut app = app(120, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Open]);
    let wrapped = lines_ptr(&app);
    for action in [Action::Down, Action::PageDown, Action::Scroll(3), Action::Bottom, Action::PageUp, Action::Top] {
        app.update(action.clone());
        screen_text(&app);
        assert_eq!(lines_ptr(&app), wrapped, "{action:?} re-wrapped the lesson");
    }
    // Another height, the same text width: nothing to re-wrap.
    app.update(Action::Resize(120, 40));
    assert_eq!(lines_ptr(&app), wrapped);
    // A narrower window: wrapped again, once.
    app.update(Action::Resize(70, 40));
    let rewrapped = lines_ptr(&app);
    assert_ne!(rewrapped, wrapped);
    app.update(Action::Resize(70, 40));
    app.update(Action::Down);
    assert_eq!(lines_ptr(&app), rewrapped);
}

#[test]
fn the_sections_follow_the_rendering_at_every_width() {
    let mut app = app(120, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Open]);
    for width in [120, 50, 33, 120] {
        app.update(Action::Resize(width, 30));
        let reader = app.reader().unwrap();
        let expected: Vec<(String, usize)> =
            reader.doc.anchors.iter().filter(|a| a.level == 2).map(|a| (a.title.clone(), a.line)).collect();
        assert_eq!(reader.sections, expected, "width {width}");
        assert_eq!(app.sections(), expected);
        // The current section is the last one starting at or above the top line.
        for (i, &(_, line)) in expected.iter().enumerate() {
            app.reader_mut().unwrap().top = line;
            assert_eq!(app.current_section(), Some(i));
        }
    }
}

/// Glossary terms are found once per rendered line, the first time it is on screen,
/// and are the same as a fresh search of the line; a new width starts afresh.
#[test]
fn glossary_terms_are_found_once_per_line_on_screen() {
    let mut app = app(120, 30);
    send(&mut app, &[Action::Open]);
    let found = |app: &App| app.reader().unwrap().terms_in_line.iter().filter(|c| c.get().is_some()).count();
    screen_text(&app);
    let height = app.reader_layout().text.height as usize;
    let after_one_frame = found(&app);
    assert!(after_one_frame > 0 && after_one_frame <= height, "{after_one_frame} lines looked at");
    screen_text(&app);
    assert_eq!(found(&app), after_one_frame, "the same screen again searches nothing");
    let reader = app.reader().unwrap();
    let mut any = false;
    for (i, cell) in reader.terms_in_line.iter().enumerate() {
        if let Some(kept) = cell.get() {
            let fresh = app.glossary_marks(&patient_tutor::markdown::line_to_string(&reader.doc.lines[i]));
            assert_eq!(kept, &fresh, "line {i}");
            any |= !fresh.is_empty();
        }
    }
    assert!(any, "the first lesson's first screen has glossary words");
    // A new width: a new rendering, nothing found yet.
    app.update(Action::Resize(70, 30));
    assert_eq!(found(&app), 0);
    assert_eq!(app.reader().unwrap().terms_in_line.len(), app.reader().unwrap().doc.lines.len());
}

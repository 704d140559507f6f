//! The reader's performance shape (issue 8): the wrapped lesson is made once per
//! text width. Scrolling never re-wraps it; a resize to a new width re-wraps once.

mod common;

use common::{app, screen_text, send};
use patient_tutor::tui::app::{Action, App};

fn lines_ptr(app: &App) -> *const ratatui::text::Line<'static> {
    app.reader.as_ref().unwrap().doc.lines.as_ptr()
}

#[test]
fn scrolling_keeps_the_wrapped_lines_and_a_resize_rewraps_once() {
    let mut app = app(120, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Open]);
    let wrapped = lines_ptr(&app);
    for action in [Action::Down, Action::PageDown, Action::Scroll(3), Action::Bottom, Action::PageUp, Action::Top] {
        app.update(action);
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
        let reader = app.reader.as_ref().unwrap();
        let expected: Vec<(String, usize)> =
            reader.doc.anchors.iter().filter(|a| a.level == 2).map(|a| (a.title.clone(), a.line)).collect();
        assert_eq!(reader.sections, expected, "width {width}");
        assert_eq!(app.sections(), expected);
        // The current section is the last one starting at or above the top line.
        for (i, &(_, line)) in expected.iter().enumerate() {
            app.reader.as_mut().unwrap().top = line;
            assert_eq!(app.current_section(), Some(i));
        }
    }
}

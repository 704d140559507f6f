//! What "in progress" and "read" mean (see `patient_tutor::reading`), and home's top
//! line saying what Enter opens. Time is moved by hand with `Action::Tick`.

mod common;

use std::time::Duration;

use common::{app, screen, screen_text, send};
use patient_tutor::progress::LessonStatus;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};

/// `secs` seconds after the app's clock now (the last tick).
fn later(app: &App, secs: u64) -> Action {
    Action::Tick(app.now + Duration::from_secs(secs))
}

fn status(app: &App, id: &str) -> LessonStatus {
    app.progress.lesson_status(id)
}

const FIRST: &str = "what-is-metastasis";

#[test]
fn opening_a_lesson_and_leaving_at_once_keeps_nothing() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(status(&app, FIRST), LessonStatus::New);
    let home = screen_text(&app);
    assert!(!home.contains('%'), "no percent for a lesson only opened:\n{home}");
}

#[test]
fn g_alone_does_not_mark_a_lesson_read() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::Bottom]);
    let stay = later(&app, 30);
    app.update(stay);
    app.update(Action::Back);
    match status(&app, FIRST) {
        LessonStatus::InProgress(p) => assert!(p < 75, "two screens are not most of the lesson: {p}%"),
        other => panic!("one jump to the end is not reading it: {other:?}"),
    }
}

#[test]
fn following_a_link_does_not_start_the_lesson_it_opens() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    // The first link of the lesson, followed at once, then back out of both.
    send(&mut app, &[Action::NextLink, Action::Open]);
    assert_eq!(app.screen(), ScreenKind::Reader);
    let target = app.pack.lessons[app.reader().unwrap().lesson].id.clone();
    assert_ne!(target, FIRST);
    send(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(status(&app, &target), LessonStatus::New, "passed through, not read");
}

#[test]
fn staying_a_few_seconds_starts_a_lesson_at_the_share_on_screen() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    let opened = app.now;
    app.update(Action::Tick(opened + Duration::from_secs(2)));
    assert_eq!(status(&app, FIRST), LessonStatus::New, "two seconds is not yet staying");
    app.update(Action::Tick(opened + Duration::from_secs(3)));
    let reader = app.reader().unwrap();
    let shown = app.reader_layout().text.height as usize * 100 / reader.doc.lines.len();
    assert_eq!(status(&app, FIRST), LessonStatus::InProgress(shown as u8));
    assert_eq!(app.progress.last_lesson.as_deref(), Some(FIRST));
}

#[test]
fn a_move_starts_a_lesson_at_once() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::Down, Action::Back]);
    assert!(matches!(status(&app, FIRST), LessonStatus::InProgress(p) if p > 0));
}

/// Page down to the end of the open lesson, a second between pages.
fn page_through(app: &mut App) {
    while app
        .reader()
        .is_some_and(|r| r.top < r.doc.lines.len().saturating_sub(app.reader_layout().text.height as usize))
    {
        let tick = later(app, 1);
        send(app, &[tick, Action::PageDown]);
    }
}

#[test]
fn scrolling_through_and_staying_at_the_end_reads_a_lesson() {
    for (w, h) in [(100, 30), (40, 12), (20, 6)] {
        let mut app = app(w, h);
        app.update(Action::Open);
        page_through(&mut app);
        let end = app.reader().unwrap().top;
        assert!(matches!(status(&app, FIRST), LessonStatus::InProgress(100)), "{w}x{h}: all seen, not yet read");
        // The clock of the last page starts when it came on screen.
        let at = app.now + Duration::from_secs(100);
        app.update(Action::Tick(at));
        assert_eq!(status(&app, FIRST), LessonStatus::Read, "{w}x{h}");
        assert_eq!(app.reader().unwrap().top, end);
    }
}

#[test]
fn the_last_line_must_stay_on_screen_three_seconds() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    page_through(&mut app);
    // Up a line and down again: the end has been back on screen only since then.
    send(&mut app, &[Action::Up, Action::Down]);
    let base = app.now;
    app.update(Action::Tick(base + Duration::from_secs(2)));
    assert_ne!(status(&app, FIRST), LessonStatus::Read, "the end has been back for two seconds only");
    app.update(Action::Tick(base + Duration::from_secs(3)));
    assert_eq!(status(&app, FIRST), LessonStatus::Read);
}

#[test]
fn every_section_on_screen_reads_a_lesson_too() {
    let mut app = app(40, 12);
    app.update(Action::Open);
    let sections = app.sections().len();
    for _ in 0..=sections {
        let tick = later(&app, 1);
        send(&mut app, &[tick, Action::NextSection]);
    }
    let stay = later(&app, 100);
    app.update(stay);
    assert_eq!(status(&app, FIRST), LessonStatus::Read);
}

#[test]
fn reading_on_in_a_second_visit_finishes_what_the_first_began() {
    let mut app = app(40, 12);
    app.update(Action::Open);
    let total = app.reader().unwrap().doc.lines.len();
    // Half way, then away.
    while app.reader().unwrap().top < total / 2 {
        app.update(Action::PageDown);
    }
    app.update(Action::Back);
    assert!(matches!(status(&app, FIRST), LessonStatus::InProgress(p) if (45..75).contains(&p)));
    // Back in: it opens there; the rest is read, and the first half still counts.
    app.update(Action::Open);
    page_through(&mut app);
    let stay = later(&app, 100);
    app.update(stay);
    assert_eq!(status(&app, FIRST), LessonStatus::Read);
}

#[test]
fn time_under_an_overlay_or_on_another_screen_is_not_staying() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::Help]);
    let opened = app.now;
    let at = |secs| Action::Tick(opened + Duration::from_secs(secs));
    app.update(at(60));
    send(&mut app, &[Action::Back]);
    assert_eq!(status(&app, FIRST), LessonStatus::New, "a minute in help is not a minute in the lesson");
    app.update(at(62));
    assert_eq!(status(&app, FIRST), LessonStatus::New);
    app.update(at(63));
    assert!(matches!(status(&app, FIRST), LessonStatus::InProgress(_)));
}

#[test]
fn a_resize_keeps_what_was_seen() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    page_through(&mut app);
    send(&mut app, &[Action::Resize(40, 12), Action::Bottom]);
    let stay = later(&app, 200);
    app.update(stay);
    assert_eq!(status(&app, FIRST), LessonStatus::Read, "pages seen before the resize still count");
}

#[test]
fn home_says_what_enter_opens() {
    let mut app = app(100, 30);
    let first = |app: &App| screen(app)[1].clone();
    assert!(first(&app).contains("Next: What stage 4 cancer is — press Enter to read"), "{}", first(&app));
    app.update(Action::Down);
    let line = first(&app);
    assert!(line.contains("When to get help now") && line.contains("Enter"), "the line follows the highlight: {line}");
    assert!(!line.contains("What stage 4 cancer is"), "{line}");
    app.update(Action::Up);
    assert!(first(&app).contains("Next: What stage 4 cancer is"), "{}", first(&app));
}

#[test]
fn after_reading_a_lesson_home_highlights_the_next_one() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    page_through(&mut app);
    let stay = later(&app, 100);
    app.update(stay);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert_eq!(app.home_selected, 1, "the next lesson");
    assert!(screen(&app)[1].contains("Next: When to get help now"), "{}", screen(&app)[1]);
    // A lesson only looked at leaves the highlight on it.
    send(&mut app, &[Action::Down, Action::Down]);
    let chosen = app.home_selected;
    send(&mut app, &[Action::Open, Action::Back]);
    assert_eq!(app.home_selected, chosen);
}

//! Whole screens drawn on ratatui's TestBackend, driven through App::update.

mod common;

use common::{app, app_with, screen, screen_text, send};
use patient_tutor::progress::{LessonStatus, Progress};
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::ScreenKind;
use patient_tutor::words::list;
use patient_tutor::words::t;

#[test]
fn first_run_shows_the_notice_until_dismissed() {
    let mut app = app_with(Progress::default(), 100, 30);
    let text = screen_text(&app);
    assert!(text.contains("education, not medical advice"), "{text}");
    assert!(text.contains("emergency number"), "{text}");
    assert!(text.contains("Enter go on"), "{text}");
    // Keys meant for home do nothing yet.
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert_eq!(app.update(Action::Dismiss), vec![Effect::Save]);
    assert!(app.progress.notice_seen);
    let text = screen_text(&app);
    assert!(text.contains("Next: What stage 4 cancer is"), "{text}");
}

#[test]
fn the_notice_gives_each_get_help_sign_its_own_short_line_under_who_to_call() {
    // Clinical review 13, item 20: the first screen has no long sentences.
    for paragraph in list("tui.notice") {
        for sentence in paragraph.split(['.', ':']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 20, "{words} words: {sentence:?}");
        }
    }
    let app = app_with(Progress::default(), 100, 40);
    let rows = screen(&app);
    let text = rows.join("\n");
    let row_of =
        |words: &str| rows.iter().position(|r| r.contains(words)).unwrap_or_else(|| panic!("{words:?}:\n{text}"));
    let emergency = row_of("Call your local emergency number (such as 911, 999 or 112) for:");
    let line = row_of("Call your care team's 24-hour line now for:");
    // Item 1: back or neck pain alone is a sign, and arms count as well as legs.
    for (sign, under) in [
        ("• a seizure, or sudden weakness on one side of the body", emergency),
        ("• struggling to breathe, or sudden chest pain", emergency),
        ("• a fever during treatment or in the weeks after it", line),
        ("• new or worse back or neck pain", line),
        ("• weak or numb legs or arms", line),
        ("• not being able to pass urine", line),
    ] {
        let at = row_of(sign);
        assert!(at > under && (under == line || at < line), "{sign:?} is not under its heading:\n{text}");
    }
    // Item 2: not a full list, and where the rest are.
    let only = row_of("These are only some of the signs.");
    assert!(row_of("Press h to read \"When to get help now\"") > only, "{text}");
    assert!(text.contains("If you are not sure, call now."), "{text}");
}

#[test]
fn about_is_reachable_from_help() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Help]);
    let text = screen_text(&app);
    assert!(text.contains("about this app and emergencies"), "{text}");
    send(&mut app, &[Action::About]);
    assert!(screen_text(&app).contains("emergency number"));
    // About is a screen: Back pops it, with nothing to save.
    assert_eq!(app.update(Action::Back), vec![]);
    assert_eq!(app.screen(), patient_tutor::tui::app::ScreenKind::Home);
    assert!(!screen_text(&app).contains(t("tui.about_title")));
}

#[test]
fn notice_scrolls_to_the_emergency_advice_on_a_small_window() {
    let mut app = app_with(Progress::default(), 40, 12);
    let first = screen_text(&app);
    assert!(first.contains("more below"), "{first}");
    let mut seen = first.clone();
    for _ in 0..40 {
        app.update(Action::Down);
        seen.push_str(&screen_text(&app));
    }
    assert!(seen.contains("Call your local emergency"), "{seen}");
    assert!(seen.contains("a fever during treatment"), "{seen}");
    assert!(seen.contains("Press h to read"), "{seen}");
    assert!(seen.contains("press ? and then i"), "{seen}");
}

#[test]
fn home_lists_lessons_with_status_and_next_step() {
    let mut progress = Progress { notice_seen: true, ..Default::default() };
    progress.record_position("what-is-metastasis", 0, 100, true);
    progress.record_position("when-to-get-help", 0, 100, true);
    progress.record_position("symptoms", 500, 40, false);
    let app = app_with(progress, 100, 30);
    let rows = screen(&app);
    let text = rows.join("\n");
    assert!(rows[0].starts_with("patient-tutor"), "{text}");
    assert!(text.contains("Next: Symptoms of stage 4 cancer — press Enter to read"), "{text}");
    let row =
        |title: &str| rows.iter().find(|r| r.contains(title)).unwrap_or_else(|| panic!("{title} missing:\n{text}"));
    assert!(row("1. What stage 4 cancer is").ends_with("✓ read"));
    assert!(row("2. When to get help now").ends_with("✓ read"));
    assert!(row("3. Symptoms of stage 4 cancer").ends_with("◐ 40%"));
    assert!(row("5. How stage 4 is decided").ends_with("• new"));
    // With this many lessons the summaries do not fit at this size; on a taller screen they
    // show under the titles.
    assert!(!text.contains("Symptoms depend mostly on where the cancer has spread"), "{text}");
    let tall = screen_text(&app_with(app.progress.clone(), 100, 52));
    assert!(tall.contains("Symptoms depend mostly on where the cancer has spread"), "{tall}");
    // The next lesson is the selected one.
    assert_eq!(app.home_selected, 2);
    assert!(rows.last().unwrap().contains("? help"), "{text}");
}

#[test]
fn home_to_lesson_scroll_and_back_records_progress() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    assert_eq!(app.screen(), ScreenKind::Reader);
    let rows = screen(&app);
    assert!(rows[0].starts_with("Lesson 5 of 19 · How stage 4 is decided"), "{}", rows.join("\n"));
    let before = screen_text(&app);
    assert!(before.contains("Key points"), "{before}");
    assert!(before.contains("Contents"), "side contents at 100 columns:\n{before}");

    send(&mut app, &[Action::PageDown]);
    let top = app.reader().unwrap().top;
    assert!(top > 0);
    let after = screen_text(&app);
    assert_ne!(before, after, "the page moved");

    let effects = app.update(Action::Back);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.screen(), ScreenKind::Home);
    match app.progress.lesson_status("staging") {
        LessonStatus::InProgress(p) => assert!(p > 0 && p < 100, "{p}"),
        other => panic!("expected in progress, got {other:?}"),
    }
    let home = screen_text(&app);
    assert!(home.contains("◐"), "{home}");

    // Opening it again restores the same place.
    app.update(Action::Open);
    assert_eq!(app.home_selected, 4);
    assert_eq!(app.reader().unwrap().top, top);
}

#[test]
fn reaching_the_end_marks_a_lesson_read_and_saves() {
    let mut app = app(100, 30);
    app.update(Action::Open);
    assert_eq!(app.update(Action::Bottom), vec![Effect::Save]);
    assert_eq!(app.progress.lesson_status("what-is-metastasis"), LessonStatus::Read);
    let rows = screen(&app);
    assert!(rows[0].ends_with("100%"), "{}", rows[0]);
    assert!(screen_text(&app).contains("Reviewed"), "sources and review date at the end");
}

#[test]
fn next_and_previous_lesson() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::NextLesson]);
    assert!(screen(&app)[0].starts_with("Lesson 2 of 19"));
    send(&mut app, &[Action::PrevLesson, Action::PrevLesson]);
    assert!(screen(&app)[0].starts_with("Lesson 1 of 19"));
    assert!(screen_text(&app).contains("This is the first lesson."));
}

#[test]
fn contents_jumps_to_a_section() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::Open, Action::Contents]);
    let text = screen_text(&app);
    assert!(text.contains("go"), "{text}");
    send(&mut app, &[Action::Down, Action::Open]);
    let reader = app.reader().unwrap();
    let top_line = patient_tutor::markdown::line_to_string(&reader.doc.lines[reader.top]);
    assert!(top_line.contains("What M1 means"), "top line: {top_line}");
    assert_eq!(app.current_section(), Some(1));
}

#[test]
fn narrow_window_hides_the_side_contents_but_t_still_works() {
    let mut app = app(60, 20);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    assert!(!screen_text(&app).contains("Contents"));
    app.update(Action::Contents);
    let text = screen_text(&app);
    assert!(text.contains("Contents"), "{text}");
    assert!(text.contains("Sub-stages"), "{text}");
    send(&mut app, &[Action::Down, Action::Down, Action::Open]);
    assert_eq!(app.current_section(), Some(2));
    assert!(!screen_text(&app).contains("Contents"));
}

#[test]
fn links_to_other_lessons_are_followed_and_back_returns() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    app.update(Action::NextLink);
    let text = screen_text(&app);
    assert!(text.contains("Link: "), "{text}");
    assert!(text.contains("▶"), "{text}");
    app.update(Action::Open);
    assert!(screen(&app)[0].starts_with("Lesson 4 of 19"), "{}", screen(&app)[0]);
    app.update(Action::Back);
    assert!(screen(&app)[0].starts_with("Lesson 5 of 19"));
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
}

#[test]
fn help_lists_every_key_of_the_screen_below() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open, Action::Help]);
    let mut text = screen_text(&app);
    for _ in 0..10 {
        app.update(Action::Down);
        text.push_str(&screen_text(&app));
    }
    for binding in patient_tutor::tui::keys::bindings(patient_tutor::tui::keys::Context::Reader) {
        assert!(text.contains(binding.help()), "help lacks {:?}:\n{text}", binding.help());
    }
    app.update(Action::Back);
    assert!(!screen_text(&app).contains("Keys"));
}

#[test]
fn resizing_keeps_the_reading_place() {
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
    let line = |app: &patient_tutor::tui::app::App| {
        let r = app.reader().unwrap();
        patient_tutor::markdown::line_to_string(&r.doc.lines[r.top])
    };
    assert!(line(&app).contains("What M1 means"), "{}", line(&app));
    app.update(Action::Resize(40, 12));
    assert!(line(&app).contains("What M1"), "{}", line(&app));
    app.update(Action::Resize(120, 40));
    assert!(line(&app).contains("What M1 means"), "{}", line(&app));
}

#[test]
fn mouse_wheel_scrolls_and_click_opens() {
    let mut app = app(100, 30);
    // Row of lesson 3's title: the list starts after the title row and two header rows.
    let rows = screen(&app);
    let y = rows.iter().position(|r| r.contains("3. Symptoms of stage 4 cancer")).unwrap() as u16;
    common::click(&mut app, 10, y);
    assert_eq!(app.screen(), ScreenKind::Reader);
    assert!(screen(&app)[0].starts_with("Lesson 3 of 19"));
    app.update(Action::Scroll(3));
    assert_eq!(app.reader().unwrap().top, 3);
}

#[test]
fn every_size_draws_without_panicking() {
    for (w, h) in [(1, 1), (2, 1), (10, 3), (19, 5), (20, 6), (40, 12), (80, 24), (100, 30), (250, 80)] {
        for first_run in [true, false] {
            let progress = Progress { notice_seen: !first_run, ..Default::default() };
            let mut app = app_with(progress, w, h);
            screen(&app);
            send(&mut app, &[Action::Open, Action::PageDown, Action::Contents]);
            screen(&app);
            send(&mut app, &[Action::Back, Action::Help]);
            screen(&app);
        }
    }
}

#[test]
fn tiny_window_asks_to_be_made_larger() {
    let app = app(10, 3);
    assert_eq!(screen(&app)[0], "Make the …");
    let app = common::app(30, 5);
    assert_eq!(screen(&app)[0], "Make the window larger");
}

#[test]
fn small_window_40x12_is_usable() {
    let mut app = app(40, 12);
    let rows = screen(&app);
    let text = rows.join("\n");
    assert!(text.contains("1. What stage 4 cancer is"), "{text}");
    assert!(rows.last().unwrap().contains("? help"), "{text}");
    app.update(Action::Open);
    let text = screen_text(&app);
    assert!(text.contains("Key points"), "{text}");
    for row in screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40);
    }
}

#[test]
fn help_scrolls_on_a_small_window_to_every_key() {
    let mut app = app(40, 12);
    send(&mut app, &[Action::Open, Action::Help]);
    let mut seen = screen_text(&app);
    assert!(seen.contains("more below"), "{seen}");
    for _ in 0..40 {
        app.update(Action::Down);
        seen.push_str(&screen_text(&app));
    }
    for binding in patient_tutor::tui::keys::bindings(patient_tutor::tui::keys::Context::Reader) {
        let first_word = binding.help().split(' ').next().unwrap();
        assert!(seen.contains(binding.label()), "{} missing", binding.label());
        assert!(seen.contains(first_word), "{first_word} missing");
    }
}

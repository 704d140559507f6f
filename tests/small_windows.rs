//! Issue 16, defects 8 and 9: every screen at 20×6, 40×12 and 80×24 keeps the emergency
//! line whole and its most important keys in the footer; the survival chart, the staging
//! explorer and the quiz can be read to the end on a small window.

mod common;

use common::{app, app_with, screen, screen_text, send};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};

const SIZES: [(u16, u16); 3] = [(20, 6), (40, 12), (80, 24)];

/// The emergency words, in their long and narrow forms: one of them must be on screen whole.
const EMERGENCY: [&str; 2] = ["Emergency? Call your local emergency number", "Emergency? Call your emergency number"];

/// The screen's rows joined into one run of words (a line wrapped in two reads as one).
fn words(app: &App) -> String {
    // The reader's scrollbar column is not part of the words.
    let rows: Vec<String> = screen(app).iter().map(|r| r.replace(['█', '║'], " ")).collect();
    rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn footer(app: &App) -> String {
    screen(app).last().cloned().unwrap_or_default()
}

/// Every screen the tutor has, reached from home the way a person would.
fn screens() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("home", vec![]),
        ("reader", vec![Action::Open]),
        ("quiz", vec![Action::Down, Action::Down, Action::Down, Action::Down, Action::StartQuiz]),
        ("body map", vec![Action::OpenExplorer]),
        ("my questions", vec![Action::OpenNotebook]),
        ("survival note", vec![Action::OpenSurvival]),
        ("survival chart", vec![Action::OpenSurvival, Action::Open]),
        ("staging", vec![Action::OpenStaging]),
        ("glossary", vec![Action::OpenGlossary]),
        ("search", vec![Action::OpenSearch]),
        ("check-in", vec![Action::OpenCheckIn]),
        ("check-in history", vec![Action::OpenCheckInHistory]),
        ("about", vec![Action::About]),
        ("help", vec![Action::Help]),
    ]
}

#[test]
fn the_emergency_line_is_whole_on_every_screen_at_every_size() {
    for (w, h) in SIZES {
        for (name, actions) in screens() {
            let mut app = app(w, h);
            send(&mut app, &actions);
            let text = words(&app);
            assert!(EMERGENCY.iter().any(|e| text.contains(e)), "{name} at {w}×{h}:\n{}", screen_text(&app));
        }
        // The first-run notice, too, with some of its words (not an empty box).
        let app = app_with(Progress::default(), w, h);
        assert!(EMERGENCY.iter().any(|e| words(&app).contains(e)), "notice at {w}×{h}:\n{}", screen_text(&app));
        assert!(words(&app).contains("This app helps"), "notice at {w}×{h}:\n{}", screen_text(&app));
    }
}

#[test]
fn the_emergency_line_stays_whole_through_a_resize() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Open]);
    for (w, h) in [(40, 12), (20, 6), (33, 9), (100, 30)] {
        app.update(Action::Resize(w, h));
        assert!(EMERGENCY.iter().any(|e| words(&app).contains(e)), "{w}×{h}:\n{}", screen_text(&app));
    }
}

#[test]
fn every_footer_keeps_help_and_back_at_40_and_20_columns() {
    for (w, h) in [(20, 6), (40, 12)] {
        for (name, actions) in screens() {
            let mut app = app(w, h);
            send(&mut app, &actions);
            let footer = footer(&app);
            assert!(
                footer.contains('?') || ["help", "search", "glossary", "about"].contains(&name),
                "{name} at {w}×{h}: {footer}"
            );
            // Each key whole (help may be its "?" alone); a "…" after them says some
            // were left out (they are all in help).
            if app.message.is_none() {
                let keys: Vec<String> = patient_tutor::tui::keys::bindings(app.context())
                    .iter()
                    .filter_map(|b| b.footer().map(|word| format!("{} {word}", b.label())))
                    .chain(["?".to_string()])
                    .collect();
                let shown = footer.trim_end_matches('…').trim_end();
                for key in shown.split(" · ") {
                    assert!(keys.iter().any(|k| k == key), "{name} at {w}×{h}: a key cut in two: {footer}");
                }
            }
        }
    }
}

#[test]
fn home_at_20x6_keeps_enter_in_the_footer() {
    let app = app(20, 6);
    let footer = footer(&app);
    assert!(footer.contains("Enter"), "{}", screen_text(&app));
    assert!(footer.contains('?'), "{footer}");
}

#[test]
fn the_survival_note_scrolls_and_shows_its_keys_at_40x12() {
    let mut app = app(40, 12);
    app.update(Action::OpenSurvival);
    let first = screen_text(&app);
    let footer = footer(&app);
    assert!(footer.contains("Enter") && footer.contains('s'), "the skip key is in the footer: {footer}");
    assert!(footer.contains("skip"), "{footer}");
    assert!(first.contains("more below"), "{first}");
    let mut seen = first.clone();
    for _ in 0..20 {
        app.update(Action::Down);
        seen.push_str(&words(&app));
    }
    assert!(seen.contains("care team what they mean"), "the end of the note can be reached:\n{seen}");
    assert!(!app.progress.show_survival_numbers, "scrolling does not show the numbers");
    // At 20 columns the mark is shortened, not cut.
    app.update(Action::Resize(20, 6));
    app.update(Action::Up);
    let text = screen_text(&app);
    assert!(text.contains("↓ more below") && !text.contains("pre…"), "{text}");
}

#[test]
fn the_staging_explorer_scrolls_to_its_disclaimer_at_40x12() {
    let mut app = app(40, 12);
    app.update(Action::OpenStaging);
    assert!(screen_text(&app).contains("more below"), "{}", screen_text(&app));
    let mut seen = String::new();
    for _ in 0..20 {
        app.update(Action::PageDown);
        seen.push_str(&words(&app));
    }
    assert!(seen.contains("This explorer is for learning."), "{seen}");
    // The picker still works after scrolling.
    let before = app.staging().unwrap().tnm;
    app.update(Action::Move(patient_tutor::explorer::nav::Direction::Down));
    assert_ne!(app.staging().unwrap().tnm, before);
}

fn quiz(w: u16, h: u16) -> App {
    let mut app = app(w, h);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::StartQuiz]);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    app
}

#[test]
fn quiz_choices_below_the_fold_are_marked() {
    let mut overflowed = 0;
    for h in 8..=14 {
        let app = quiz(40, h);
        let (q, order) = app.quiz().unwrap().session.current().unwrap();
        let last = &q.choices[*order.last().unwrap()];
        if !words(&app).contains(last.as_str()) {
            overflowed += 1;
            assert!(screen_text(&app).contains("more below"), "40×{h}:\n{}", screen_text(&app));
        }
    }
    assert!(overflowed > 0, "some size hides the last choice");
}

#[test]
fn a_question_at_20x6_asks_for_a_larger_window_instead_of_fragments() {
    let app = quiz(20, 6);
    let text = words(&app);
    assert!(text.contains("Make the window larger to answer"), "{}", screen_text(&app));
}

fn chart(w: u16, h: u16) -> App {
    let mut app = app(w, h);
    app.progress.show_survival_numbers = true;
    app.update(Action::OpenSurvival);
    app
}

#[test]
fn chart_rows_below_the_fold_are_marked() {
    let app = chart(40, 12);
    let text = screen_text(&app);
    assert!(text.contains("more below"), "{text}");
}

#[test]
fn h_on_the_chart_goes_back_to_the_note_not_home() {
    let mut app = chart(80, 24);
    app.update(Action::Skip);
    assert_eq!(app.screen(), ScreenKind::Survival);
    assert!(!app.progress.show_survival_numbers);
    assert!(screen_text(&app).contains("can be hard to read"), "{}", screen_text(&app));
}

#[test]
fn the_chart_starts_on_the_first_distant_stage_row() {
    let app = chart(80, 24);
    let order = app.survival_order();
    let selected = app.survival().unwrap().selected;
    let row = &app.pack.survival[order[selected]];
    assert!(row.is_distant_stage(), "{} is selected first", row.cancer);
    let first_distant = order.iter().position(|&i| app.pack.survival[i].is_distant_stage()).unwrap();
    assert_eq!(selected, first_distant);
    let selected_line = screen(&app).into_iter().find(|r| r.contains('▶')).unwrap();
    assert!(selected_line.contains(row.cancer.as_str()), "{selected_line}");
}

#[test]
fn no_chart_row_says_its_basis_in_brackets_inside_brackets() {
    let mut app = chart(80, 24);
    for _ in 0..app.pack.survival.len() {
        let text = screen_text(&app);
        assert!(!text.contains("(("), "{text}");
        assert!(!text.contains("))"), "{text}");
        app.update(Action::Down);
    }
}

#[test]
fn the_prognosis_table_waits_behind_a_note_in_the_reader() {
    // No side contents panel: the folded line's words read on, row to row.
    let mut app = app(70, 30);
    let index = app.pack.lessons.iter().position(|l| l.id == "prognosis").unwrap();
    app.open_lesson(index, None);
    let mut seen = String::new();
    for _ in 0..60 {
        seen.push_str(&words(&app));
        app.update(Action::PageDown);
    }
    assert!(!seen.contains("48.3%"), "the table is folded away");
    let at = seen.find("▸ More detail: the table of numbers").expect("the folded line");
    let line = &seen[at..seen[at..].find("Enter").map_or(seen.len(), |e| at + e + 5)];
    assert!(line.contains("groups diagnosed years ago"), "the note's words are on the folded line: {line}");
    // Tab to the folded line, Enter opens it.
    app.update(Action::Top);
    for _ in 0..50 {
        app.update(Action::NextLink);
        if app.link_hint().is_some_and(|m| m.contains("table of numbers")) {
            break;
        }
    }
    app.update(Action::Open);
    let mut opened = String::new();
    for _ in 0..60 {
        opened.push_str(&screen_text(&app));
        app.update(Action::PageDown);
    }
    assert!(opened.contains("48.3%"), "Enter opens the table");
}

#[test]
fn plain_read_of_prognosis_prints_the_note_and_says_how_to_see_the_table() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("patient-tutor")
            .unwrap()
            .args(args)
            .env_remove("PATIENT_TUTOR_CONTENT")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let folded = run(&["read", "prognosis", "--width", "200"]);
    assert!(!folded.contains("48.3%"), "{folded}");
    assert!(folded.contains("groups diagnosed years ago"), "{folded}");
    assert!(folded.contains("(read prognosis --detail)"), "{folded}");
    let full = run(&["read", "prognosis", "--detail", "--width", "200"]);
    assert!(full.contains("48.3%"), "{full}");
}

//! What is cut to fit says so with "…", and what is selected is on screen: the
//! suggested questions in My questions, the footer's keys, the glossary's footer.

mod common;

use common::{app, screen, screen_text, send};
use patient_tutor::tui::action::Action;

const SIZES: [(u16, u16); 3] = [(100, 30), (40, 12), (20, 6)];

/// The start of a suggestion as it can show in `width` columns (after "▶ ").
fn shown_start(text: &str, width: usize) -> String {
    text.chars().take(width.saturating_sub(6).clamp(1, 12)).collect()
}

#[test]
fn the_highlighted_suggestion_is_always_on_screen() {
    for (w, h) in SIZES {
        for from_lesson in [false, true] {
            let mut app = app(w, h);
            if from_lesson {
                send(&mut app, &[Action::Open, Action::AddQuestion]);
            } else {
                send(&mut app, &[Action::OpenNotebook, Action::AddQuestion]);
            }
            let count = app.question_input().expect("typing a question").suggestions.len();
            assert!(count > 3, "enough suggestions to scroll");
            for step in 0..count + 2 {
                app.update(Action::Down);
                let input = app.question_input().unwrap();
                let selected = input.cursor.expect("a suggestion is highlighted");
                assert_eq!(selected, (step).min(count - 1));
                let rows = screen(&app);
                let start = shown_start(&input.suggestions[selected], usize::from(w));
                assert!(
                    rows.iter().any(|r| r.contains('▶') && r.contains(&start)),
                    "{w}x{h}: suggestion {selected} ({start}) is not on screen:\n{}",
                    rows.join("\n")
                );
            }
            // Back up to the first: still in view (one more Up is the typed text again).
            for _ in 1..count {
                app.update(Action::Up);
            }
            let input = app.question_input().unwrap();
            let start = shown_start(&input.suggestions[0], usize::from(w));
            assert!(screen(&app).iter().any(|r| r.contains('▶') && r.contains(&start)), "{w}x{h}");
        }
    }
}

#[test]
fn a_footer_that_leaves_keys_out_ends_with_an_ellipsis() {
    // Home, a lesson, My questions, at both sizes; the box for a question at 20x6
    // (at 40 columns its three keys fit).
    let home: &[Action] = &[];
    let lesson: &[Action] = &[Action::Open];
    let notebook: &[Action] = &[Action::OpenNotebook];
    let question: &[Action] = &[Action::OpenNotebook, Action::AddQuestion];
    let cases = [(40, 12, home), (40, 12, lesson), (40, 12, notebook), (20, 6, home), (20, 6, lesson)];
    for (w, h, actions) in cases.into_iter().chain([(20, 6, notebook), (20, 6, question)]) {
        let mut app = app(w, h);
        send(&mut app, actions);
        let rows = screen(&app);
        let footer = rows.last().unwrap();
        assert!(footer.ends_with('…'), "{w}x{h} after {actions:?}: {footer:?}\n{}", rows.join("\n"));
    }
    // Where every key fits there is nothing to mark.
    for (w, h, actions) in [(100, 30, notebook), (40, 12, question)] {
        let mut app = app(w, h);
        send(&mut app, actions);
        let rows = screen(&app);
        assert!(!rows.last().unwrap().ends_with('…'), "{}", rows.join("\n"));
    }
}

#[test]
fn hints_in_the_question_box_are_not_cut_silently() {
    // "Or pick a suggested question (↓ then Enter):" is wider than the box at 40
    // columns: it wraps, so the keys to press still show.
    let mut app = app(40, 12);
    send(&mut app, &[Action::OpenNotebook, Action::AddQuestion]);
    let text = screen_text(&app);
    let inside: Vec<String> =
        screen(&app).iter().map(|r| r.trim_matches(|c| c == '│' || c == ' ').to_string()).collect();
    assert!(inside.join(" ").contains("(↓ then Enter):"), "the keys to press are cut away:\n{text}");
}

#[test]
fn the_glossary_offers_read_more_only_for_a_selected_word() {
    let mut app = app(100, 30);
    app.update(Action::OpenGlossary);
    let footer = |app: &patient_tutor::tui::app::App| screen(app).last().unwrap().clone();
    assert!(footer(&app).contains("read more"), "{}", footer(&app));
    app.update(Action::Paste("zzqqxx".into()));
    assert!(app.glossary_matches().is_empty());
    assert!(!footer(&app).contains("read more"), "nothing to read more of: {}", footer(&app));
    assert!(footer(&app).contains("back"), "{}", footer(&app));
}

#[test]
fn a_hint_cut_to_fit_a_small_window_ends_with_an_ellipsis() {
    // My questions, empty, at 20x6, and a glossary filter that matches nothing at 20x8
    // (at 20x6 the glossary has no row for it): their hints are longer than the rows.
    let mut notebook = app(20, 6);
    notebook.update(Action::OpenNotebook);
    let mut glossary = app(20, 8);
    send(&mut glossary, &[Action::OpenGlossary, Action::Paste("zzqqxx".into())]);
    for (app, first) in [(&notebook, "No questions"), (&glossary, "No word")] {
        let rows = screen(app);
        let start = rows
            .iter()
            .position(|r| r.trim_start().starts_with(first))
            .unwrap_or_else(|| panic!("the hint shows:\n{}", rows.join("\n")));
        // The hint's last row: the row before the emergency line (or a blank one).
        let last = rows[start..].iter().take_while(|r| !r.trim().is_empty() && !r.contains("Emergency")).last();
        assert!(last.unwrap().ends_with('…'), "{}", rows.join("\n"));
    }
}

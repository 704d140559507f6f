// The screens of the snapshot tests, shared by tests/snapshots.rs (English) and
// tests/snapshots_es.rs (Spanish): each includes this file after `mod common;` and a
// `const LANGUAGE` and `const PSEUDO` (tests/pseudo_locale.rs: pseudo words, no snapshots).

use common::send;
use patient_tutor::content;
use patient_tutor::tui::theme::Theme;
use patient_tutor::checkin::CheckIn;
use patient_tutor::explorer::nav::Direction;
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};
use ratatui::style::Modifier;
use tui_input::InputRequest;
use unicode_width::UnicodeWidthStr;

/// An app in `LANGUAGE` (its words and its built-in pack), at a window size.
fn app_with(progress: Progress, width: u16, height: u16) -> App {
    if PSEUDO {
        common::pseudo::use_pseudo();
    } else {
        patient_tutor::words::use_language(LANGUAGE);
    }
    let pack = content::load_builtin(LANGUAGE).expect("the built-in pack loads");
    let mut app = App::new(pack, progress, Theme::monochrome());
    app.update(Action::Resize(width, height));
    app
}

/// Past the first-run notice.
fn app(width: u16, height: u16) -> App {
    app_with(Progress { notice_seen: true, ..Default::default() }, width, height)
}

/// 2026-01-05 00:00 UTC: every date on screen comes from this.
const T0: u64 = 1_767_571_200;
const DAY: u64 = 86_400;
const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// Past the first-run notice, with the clock fixed.
fn fixed(progress: Progress, width: u16, height: u16) -> App {
    let mut app = app_with(progress, width, height);
    app.clock = Box::new(|| T0);
    app
}

fn seen() -> Progress {
    Progress { notice_seen: true, ..Default::default() }
}

fn at(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.clock = Box::new(|| T0);
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

/// The app's screen as text rows and a style mask, for a snapshot.
fn render(app: &App) -> String {
    let area = app.area;
    let buffer = &common::drawn(app);
    let mut text = Vec::new();
    let mut styles = Vec::new();
    for y in 0..area.height {
        let (mut row, mut mask) = (String::new(), String::new());
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(x, y)];
            let width = cell.symbol().width().max(1);
            row.push_str(cell.symbol());
            mask.push_str(&style_letter(cell.modifier).to_string().repeat(width));
            x += width as u16;
        }
        text.push(format!("\"{row}\""));
        styles.push(format!("\"{}\"", mask.trim_end()));
    }
    let out = format!("{}\n--- styles ---\n{}", text.join("\n"), styles.join("\n"));
    without_temp_paths(out)
}

fn style_letter(m: Modifier) -> char {
    [
        (Modifier::REVERSED, 'R'),
        (Modifier::UNDERLINED, 'U'),
        (Modifier::BOLD, 'B'),
        (Modifier::ITALIC, 'I'),
        (Modifier::DIM, 'D'),
    ]
    .into_iter()
    .find(|(flag, _)| m.contains(*flag))
    .map_or(' ', |(_, letter)| letter)
}

/// A path in the temporary folder differs on every run: it is shown as `[TMP]`.
fn without_temp_paths(text: String) -> String {
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_string_lossy();
    let tmp = tmp.trim_end_matches('/');
    if tmp.is_empty() { text } else { text.replace(tmp, "[TMP]") }
}

/// Snapshot the screen `make` builds at each size, named `name_WxH`.
/// With `PSEUDO`, no snapshot: the pseudo-locale checks of `common::pseudo`, at the usual
/// sizes and 100×30 (not 10×3, which only says "make the window larger").
fn snap(name: &str, sizes: &[(u16, u16)], make: impl Fn(u16, u16) -> App) {
    if PSEUDO {
        for &(w, h) in SIZES.iter().chain(&[(100, 30)]) {
            common::pseudo::expect(name, &make(w, h));
        }
        return;
    }
    for &(w, h) in sizes {
        let app = make(w, h);
        // This file is shared: keep the snapshots beside the test files that include it.
        insta::with_settings!({ snapshot_path => "../snapshots" }, {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&app));
        });
    }
}

/// Both usual sizes, and 10×3 where the window is too small.
fn with_tiny() -> Vec<(u16, u16)> {
    let mut sizes = SIZES.to_vec();
    sizes.push((10, 3));
    sizes
}

/// From home to the staging lesson (fifth on the list).
const TO_STAGING: [Action; 4] = [Action::Down, Action::Down, Action::Down, Action::Down];

fn staging_lesson(w: u16, h: u16) -> App {
    let mut app = at(w, h);
    send(&mut app, &TO_STAGING);
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Reader);
    app
}

fn staging_quiz(w: u16, h: u16) -> App {
    let mut app = at(w, h);
    send(&mut app, &TO_STAGING);
    app.update(Action::StartQuiz);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    app
}

/// Answer the current question right (every right choice) or wrong (one wrong choice).
fn answer(app: &mut App, right: bool) {
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    let picks: Vec<usize> = order
        .iter()
        .enumerate()
        .filter(|(_, o)| q.correct.contains(o) == right)
        .map(|(p, _)| p)
        .take(if right { usize::MAX } else { 1 })
        .collect();
    for p in picks {
        app.update(Action::Pick(char::from(b'1' + p as u8)));
    }
    app.update(Action::Open);
}

#[test]
fn first_run_notice() {
    snap("notice", &with_tiny(), |w, h| fixed(Progress::default(), w, h));
}

#[test]
fn home() {
    snap("home", &with_tiny(), at);
}

#[test]
fn reader_at_the_top_of_a_lesson() {
    snap("reader_top", &with_tiny(), |w, h| {
        let mut app = at(w, h);
        app.update(Action::Open);
        app
    });
}

#[test]
fn reader_at_a_section_with_a_link_selected() {
    snap("reader_link", &SIZES, |w, h| {
        let mut app = staging_lesson(w, h);
        send(&mut app, &[Action::NextSection, Action::NextLink]);
        assert!(app.reader().unwrap().link.is_some(), "a link is selected");
        app
    });
}

#[test]
fn reader_with_its_contents() {
    snap("reader_contents", &SIZES, |w, h| {
        let mut app = staging_lesson(w, h);
        app.update(Action::Contents);
        app
    });
}

#[test]
fn reader_terms_overlay() {
    snap("reader_terms", &SIZES, |w, h| {
        let mut app = staging_lesson(w, h);
        app.update(Action::ShowTerms);
        assert!(app.terms_open());
        app
    });
}

#[test]
fn help_on_home() {
    snap("help_home", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::Help);
        app
    });
}

#[test]
fn help_in_the_reader() {
    snap("help_reader", &SIZES, |w, h| {
        let mut app = staging_lesson(w, h);
        app.update(Action::Help);
        app
    });
}

#[test]
fn quiz_question() {
    snap("quiz_question", &with_tiny(), staging_quiz);
}

#[test]
fn quiz_feedback_after_a_wrong_answer() {
    snap("quiz_wrong", &SIZES, |w, h| {
        let mut app = staging_quiz(w, h);
        answer(&mut app, false);
        app
    });
}

#[test]
fn quiz_summary() {
    snap("quiz_summary", &SIZES, |w, h| {
        let mut app = staging_quiz(w, h);
        let total = app.quiz().unwrap().session.len();
        for i in 0..total {
            // The first two missed, the rest right.
            answer(&mut app, i >= 2);
            app.update(Action::Open);
        }
        assert!(app.quiz().unwrap().session.current().is_none(), "at the summary");
        app
    });
}

#[test]
fn body_map_whole_body() {
    snap("body_map_whole_body", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenExplorer);
        let sites = app.pack.sites.as_ref().unwrap();
        assert_eq!(sites.sites[app.explorer().unwrap().selected].id, "whole-body");
        app
    });
}

#[test]
fn body_map_spine() {
    snap("body_map_spine", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenExplorer);
        let spine = app.pack.sites.as_ref().unwrap().index_of("spine").unwrap();
        while app.explorer().unwrap().selected != spine {
            app.update(Action::NextLink);
        }
        app
    });
}

#[test]
fn staging_explorer() {
    snap("staging", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenStaging);
        app
    });
}

#[test]
fn staging_explorer_at_m0() {
    snap("staging_m0", &SIZES, |w, h| {
        let mut app = at(w, h);
        send(&mut app, &[Action::OpenStaging, Action::Move(Direction::Down)]);
        app
    });
}

#[test]
fn survival_content_note() {
    snap("survival_note", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenSurvival);
        app
    });
}

#[test]
fn survival_chart() {
    snap("survival_chart", &SIZES, |w, h| {
        let mut app = at(w, h);
        send(&mut app, &[Action::OpenSurvival, Action::Open]);
        assert!(app.progress.show_survival_numbers);
        app
    });
}

#[test]
fn glossary() {
    snap("glossary", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenGlossary);
        app
    });
}

#[test]
fn search_with_results() {
    snap("search", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenSearch);
        type_text(&mut app, "hospice");
        app
    });
}

#[test]
fn my_questions_empty() {
    snap("my_questions_empty", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenNotebook);
        app
    });
}

#[test]
fn my_questions_with_a_question() {
    snap("my_questions_one", &SIZES, |w, h| {
        let mut app = at(w, h);
        send(&mut app, &[Action::OpenNotebook, Action::AddQuestion]);
        type_text(&mut app, "What does M1 mean for me?");
        app.update(Action::Open);
        assert_eq!(app.progress.my_questions.len(), 1);
        app
    });
}

#[test]
fn text_input_overlay() {
    snap("text_input", &SIZES, |w, h| {
        let mut app = staging_lesson(w, h);
        app.update(Action::AddQuestion);
        type_text(&mut app, "Is my cancer M1");
        assert!(app.question_input().is_some());
        app
    });
}

#[test]
fn check_in_first_question() {
    snap("check_in", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::OpenCheckIn);
        app
    });
}

#[test]
fn check_in_history() {
    snap("check_in_history", &SIZES, |w, h| {
        let mut progress = seen();
        for (days_ago, pain) in [(14, 3), (7, 5), (1, 4)] {
            let mut c = CheckIn::default();
            c.scores.insert("pain".into(), pain);
            c.scores.insert("worry".into(), 2);
            progress.record_checkin(c, T0 - days_ago * DAY);
        }
        let mut app = fixed(progress, w, h);
        app.update(Action::OpenCheckInHistory);
        assert_eq!(app.screen(), ScreenKind::CheckInHistory);
        app
    });
}

#[test]
fn confirm_quit() {
    snap("confirm_quit", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::Back);
        assert!(app.confirming_quit());
        app
    });
}

#[test]
fn about() {
    snap("about", &SIZES, |w, h| {
        let mut app = at(w, h);
        app.update(Action::About);
        assert_eq!(app.screen(), ScreenKind::About);
        app
    });
}

/// The helper itself: a style shows as its letter, and a temp path is filtered.
#[test]
fn the_snapshot_text_marks_styles_and_hides_temp_paths() {
    assert_eq!(style_letter(Modifier::REVERSED | Modifier::BOLD), 'R');
    assert_eq!(style_letter(Modifier::empty()), ' ');
    let path = std::env::temp_dir().join("abc").to_string_lossy().into_owned();
    assert_eq!(without_temp_paths(format!("saved to {path}")), "saved to [TMP]/abc");
}

//! Issue 16, defect 1: an overlay's footer replaces the footer under it, whole. Each
//! overlay is opened over a screen, and the last row must be one footer: every " · "
//! separator with a space before it (a separator glued to a word, "close·", is where the
//! old footer shows through) and no key listed twice.

mod common;

use common::{app, app_with, screen};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;

fn assert_one_footer(app: &App, what: &str) {
    let rows = screen(app);
    let footer = rows.last().cloned().unwrap_or_default();
    let chars: Vec<char> = footer.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '·' {
            assert!(i > 0 && chars[i - 1] == ' ', "{what}: the old footer shows through: {footer:?}");
        }
    }
    let parts: Vec<&str> = footer.trim_end().split(" · ").collect();
    for (i, part) in parts.iter().enumerate() {
        assert!(!parts[..i].contains(part), "{what}: {part:?} twice: {footer:?}");
    }
}

#[test]
fn an_overlay_draws_its_own_footer_whole() {
    for (w, h) in [(100, 30), (80, 24), (40, 12)] {
        let mut notice = app_with(Progress::default(), w, h);
        notice.update(Action::Help);
        assert_one_footer(&notice, &format!("help over the first-run notice at {w}x{h}"));

        let mut home = app(w, h);
        home.update(Action::Help);
        assert_one_footer(&home, &format!("help over home at {w}x{h}"));

        let mut reader = app(w, h);
        reader.update(Action::Open);
        reader.update(Action::Help);
        assert_one_footer(&reader, &format!("help over a lesson at {w}x{h}"));
    }
}

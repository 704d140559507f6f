//! About (`i`), its own screen: everything it must say, at every size (scrolling,
//! with a "more below" mark, where it does not fit), its footer and its help.

mod common;

use common::{app, screen, screen_text, send};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::keys::action_for;
use patient_tutor::tui::{layout, text};
use patient_tutor::words::t;

fn press(app: &mut App, code: KeyCode) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(action);
    }
}

fn about(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.progress_path = Some("/home/someone/.local/share/patient-tutor/progress.toml".into());
    if let Some(pack) = app.pack.manifest.as_mut() {
        pack.reviewed_by = Some("Dr Ada Example, oncology nurse".into());
    }
    press(&mut app, KeyCode::Char('i'));
    assert_eq!(app.screen(), ScreenKind::About);
    app
}

fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The body's rows as they come, scrolling one row at a time with ↓ to the end:
/// the whole text, in order, as a reader of that window would see it.
fn whole_text(app: &mut App) -> String {
    let body = layout::frame(app.area).body;
    let body_rows = |app: &App| screen(app)[body.y as usize..body.bottom() as usize].to_vec();
    let mut seen = Vec::new();
    for _ in 0..200 {
        let rows = body_rows(app);
        let marked = rows.iter().any(|r| r.contains(t("tui.more_below")) || r.contains("more below"));
        if !marked {
            seen.extend(rows);
            break;
        }
        seen.push(rows[0].clone());
        press(app, KeyCode::Down);
    }
    normalized(&seen.join(" "))
}

#[test]
fn about_says_what_the_app_is_whose_lessons_and_where_progress_is_kept() {
    let mut app = about(100, 30);
    let first = screen(&app);
    assert!(first[0].contains(t("tui.about_title")), "{}", first.join("\n"));
    assert!(first[0].contains(&text::about_version(env!("CARGO_PKG_VERSION"))), "{}", first[0]);
    let all = whole_text(&mut app);
    for said in [
        t("tui.about_what"),
        "It is education, not medical advice.",
        t("tui.about_emergency"),
        t("tui.notice_get_help"),
        "Lessons: patient-tutor: stage 4 cancer (version 2026.12), from patient-tutor project.",
        "Its medical facts were checked by Dr Ada Example, oncology nurse.",
        t("tui.about_progress_in"),
        "/home/someone/.local/share/patient-tutor/progress.toml",
        t("tui.about_offline"),
    ] {
        assert!(all.contains(&normalized(said)), "{said:?} missing:\n{}", screen_text(&app));
    }
    let footer = screen(&app).last().cloned().unwrap_or_default();
    for key in ["Esc back", "h when to get help", "? help"] {
        assert!(footer.contains(key), "footer: {footer}");
    }
}

#[test]
fn a_pack_that_names_no_reviewer_says_so() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('i'));
    assert!(whole_text(&mut app).contains(&text::pack_reviewed_by(None)), "{}", screen_text(&app));
}

#[test]
fn on_small_windows_it_scrolls_with_a_mark_and_every_word_can_be_reached() {
    for (w, h) in [(40, 12), (20, 6)] {
        let mut app = about(w, h);
        let first = screen_text(&app);
        assert!(first.contains("more below"), "{w}×{h}:\n{first}");
        assert!(screen(&app).iter().all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) <= w as usize));
        let all = whole_text(&mut app);
        for said in [t("tui.about_emergency"), t("tui.notice_get_help"), t("tui.about_offline"), "progress.toml"] {
            assert!(all.contains(&normalized(said)), "{w}×{h}: {said:?} missing from {all}");
        }
        // At the end: no mark below, and ↑ goes back to the top.
        assert!(!screen_text(&app).contains("more below"), "{w}×{h}:\n{}", screen_text(&app));
        let end = screen_text(&app);
        press(&mut app, KeyCode::Down);
        assert_eq!(screen_text(&app), end, "{w}×{h}: ↓ at the end stays at the end");
        for _ in 0..200 {
            press(&mut app, KeyCode::Up);
        }
        assert_eq!(screen_text(&app), first, "{w}×{h}");
        // Space pages down.
        press(&mut app, KeyCode::Char(' '));
        assert_ne!(screen_text(&app), first, "{w}×{h}: Space moves on");
    }
}

#[test]
fn question_mark_lists_abouts_own_keys_and_esc_comes_back_to_it() {
    let mut app = about(100, 30);
    press(&mut app, KeyCode::Char('?'));
    let help = normalized(&screen_text(&app).replace('│', " "));
    assert!(help.contains("read When to get help now"), "{help}");
    assert!(help.contains("Esc back"), "{help}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenKind::About);
    assert!(!app.help_open());
    send(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), ScreenKind::Home);
}

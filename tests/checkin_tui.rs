//! The symptom check-in in the tutor (issue 19), on TestBackend at 80×24 and 40×12:
//! the keys, the full-screen "Get help now", the history with its sparklines, home's
//! gentle reminder, and the `app:check-in` link.

mod common;

use common::{app_with, screen, screen_text, send};
use patient_tutor::checkin::CheckIn;
use patient_tutor::content::ToolLink;
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::keys::{self, Context};

const DAY: u64 = 86_400;
const T0: u64 = 1_767_571_200;
const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn seen() -> Progress {
    Progress { notice_seen: true, ..Default::default() }
}

fn at(progress: Progress, w: u16, h: u16, now: u64) -> App {
    let mut app = app_with(progress, w, h);
    app.clock = Box::new(move || now);
    app
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Action::Pick(c))
}

/// Every item rated `score` (two digits for 10), every red flag answered no.
fn answer_all(app: &mut App, score: u8) {
    for _ in 0..9 {
        for c in score.to_string().chars() {
            key(app, c);
        }
        app.update(Action::Open);
    }
    for _ in 0..8 {
        key(app, 'n');
    }
}

fn with_checkins(scores: &[(u64, u8)]) -> Progress {
    let mut p = seen();
    for &(when, pain) in scores {
        let mut c = CheckIn::default();
        c.scores.insert("pain".into(), pain);
        c.scores.insert("worry".into(), 2);
        p.record_checkin(c, when);
    }
    p
}

#[test]
fn home_offers_the_check_in_in_its_footer_and_help() {
    let home = keys::bindings(Context::Home);
    let b = home.iter().find(|b| b.action == Action::OpenCheckIn).expect("a key on home");
    assert_eq!((b.label(), b.footer()), ("d", Some("check in")));
    let mut app = at(seen(), 80, 24, T0);
    assert!(screen_text(&app).contains("d check in"), "{}", screen_text(&app));
    send(&mut app, &[Action::Help]);
    assert!(screen_text(&app).contains("symptom check-in"), "{}", screen_text(&app));
}

#[test]
fn digits_rate_arrows_move_enter_goes_on_and_esc_keeps_a_draft() {
    for (w, h) in SIZES {
        let mut app = at(seen(), w, h, T0);
        app.update(Action::OpenCheckIn);
        assert_eq!(app.screen(), ScreenKind::CheckIn);
        let text = screen_text(&app);
        assert!(text.contains("How bad is your pain now?"), "{w}x{h}:\n{text}");
        assert!(text.contains("Question 1 of 18"), "{w}x{h}:\n{text}");
        key(&mut app, '7');
        let text = screen_text(&app);
        assert!(text.contains("[7]"), "the rating in brackets, not colour alone, {w}x{h}:\n{text}");
        assert!(text.contains("Your answer: 7 (severe)"), "{w}x{h}:\n{text}");
        // 1 then 0 is 10; → and ← move it.
        key(&mut app, '1');
        key(&mut app, '0');
        assert!(screen_text(&app).contains("[10]"), "{w}x{h}");
        app.update(Action::Move(patient_tutor::explorer::nav::Direction::Left));
        assert!(screen_text(&app).contains("[9]"));
        app.update(Action::Open);
        assert!(screen_text(&app).contains("How tired are you now?"), "{w}x{h}");
        app.update(Action::Up);
        assert!(screen_text(&app).contains("[9]"), "back to the first, its answer kept");
        app.update(Action::Down);
        key(&mut app, '3');
        // Esc: the draft is kept and saved; home says so; d carries on.
        let effects = app.update(Action::Back);
        assert!(effects.contains(&Effect::Save));
        assert_eq!(app.screen(), ScreenKind::Home);
        let draft = app.progress.checkin_draft.clone().expect("a draft");
        assert_eq!((draft.step, draft.scores.len()), (1, 2));
        app.message = None;
        assert!(screen_text(&app).contains("Check-in not finished · d to finish"), "{w}x{h}:\n{}", screen_text(&app));
        app.update(Action::OpenCheckIn);
        assert!(screen_text(&app).contains("How tired are you now?"), "{w}x{h}");
        assert!(screen_text(&app).contains("[3]"));
    }
}

#[test]
fn a_red_flag_answered_yes_shows_get_help_now_at_once_full_screen() {
    for (w, h) in SIZES {
        let mut p = seen();
        p.care_team_number = Some("0123 456 789".into());
        let mut app = at(p, w, h, T0);
        app.update(Action::OpenCheckIn);
        for _ in 0..9 {
            app.update(Action::Open);
        }
        assert!(screen_text(&app).contains("38 °C"), "the fever question, {w}x{h}:\n{}", screen_text(&app));
        let effects = key(&mut app, 'y');
        assert!(effects.contains(&Effect::Save), "recorded at once");
        let rows = screen(&app);
        let text = rows.join("\n");
        assert!(rows[0].starts_with("!! Get help now !!"), "{w}x{h}:\n{text}");
        assert!(text.contains("!! A temperature of 38"), "the sign, with a symbol: {w}x{h}:\n{text}");
        assert!(text.contains("Call your care team's 24-hour"), "{w}x{h}:\n{text}");
        if h >= 24 {
            assert!(text.contains("Your care team's 24-hour number: 0123 456 789"), "{text}");
        }
        assert!(!text.contains("How bad"), "nothing of the check-in under it:\n{text}");
        assert!(text.contains("Enter go on"), "{w}x{h}:\n{text}");
        assert_eq!(app.progress.checkin_draft.as_ref().unwrap().flags.get("fever"), Some(&true));
        // Go on: the next red flag.
        app.update(Action::Dismiss);
        assert!(screen_text(&app).contains("back or neck pain"), "{w}x{h}:\n{}", screen_text(&app));
    }
}

#[test]
fn the_last_question_is_a_note_and_enter_saves_the_check_in() {
    let mut app = at(seen(), 80, 24, T0);
    app.update(Action::OpenCheckIn);
    answer_all(&mut app, 4);
    assert_eq!(app.context(), Context::CheckInNote);
    assert!(screen_text(&app).contains("Anything else"), "{}", screen_text(&app));
    app.update(Action::Paste("sore\nmouth \u{1b}[31m".into()));
    let effects = app.update(Action::Open);
    assert!(effects.contains(&Effect::Save));
    let all: Vec<_> = app.progress.checkins().collect();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, T0);
    assert_eq!(all[0].1.scores.values().copied().collect::<Vec<_>>(), vec![4; 9]);
    assert_eq!(all[0].1.note, "soremouth [31m", "cleaned: control characters out");
    assert!(app.progress.checkin_draft.is_none());
    assert_eq!(app.screen(), ScreenKind::CheckInHistory);
}

#[test]
fn history_shows_a_row_per_symptom_with_sparkline_band_change_and_privacy() {
    let weeks: Vec<(u64, u8)> = vec![(T0, 1), (T0 + 7 * DAY, 2), (T0 + 14 * DAY, 3), (T0 + 21 * DAY, 7)];
    for (w, h) in SIZES {
        let mut app = at(with_checkins(&weeks), w, h, T0 + 21 * DAY);
        app.update(Action::OpenCheckInHistory);
        let rows = screen(&app);
        let text = rows.join("\n");
        let pain = rows.iter().find(|r| r.contains("Pain")).unwrap_or_else(|| panic!("{w}x{h}:\n{text}"));
        assert!(pain.contains(" 7 severe up 4 ▲"), "{w}x{h}: {pain:?}\n{text}");
        assert!(pain.contains("▂▅"), "the sparkline: 3 then 7 of 10 at the end: {pain:?}");
        if w >= 80 {
            // A score of 1 is not "none": it shows as the lowest bar, never as a gap.
            assert!(pain.contains("▁▁▂▅"), "1, 2, 3, 7: {pain:?}");
        }
        if h >= 24 {
            let worry = rows.iter().find(|r| r.contains("Worry")).unwrap();
            assert!(worry.contains(" 2 mild same"), "{worry:?}");
            assert!(!worry.contains('▲'));
            assert!(text.contains("▲ tell your care team — call today if it is new or getting worse fast"), "{text}");
            assert!(text.contains("The app sends nothing to anyone."), "{text}");
            assert!(text.contains("Your care team will not see these answers"), "{text}");
        }
        assert!(text.contains("q back"), "{w}x{h}:\n{text}");
        // The rows scroll: the last symptom can be reached on a small window.
        for _ in 0..9 {
            app.update(Action::Down);
        }
        assert!(screen_text(&app).contains("Overall w"), "{w}x{h}:\n{}", screen_text(&app));
        // The first x says where the sheet would go; the second writes it.
        let effects = app.update(Action::Export);
        assert!(matches!(effects.as_slice(), [Effect::PlanExport { .. }]), "{effects:?}");
        let effects = app.update(Action::Export);
        assert!(
            matches!(effects.as_slice(), [Effect::ExportCheckIn { markdown, .. }] if !markdown.is_empty()),
            "{effects:?}"
        );
    }
}

#[test]
fn home_reminds_gently_after_a_week_and_can_be_told_to_stop() {
    let p = with_checkins(&[(T0, 1)]);
    let text = screen_text(&at(p.clone(), 80, 24, T0 + 6 * DAY));
    assert!(!text.contains("Last check-in"), "not before a week: {text}");
    for (w, h) in SIZES {
        let text = screen_text(&at(p.clone(), w, h, T0 + 8 * DAY));
        assert!(text.contains("Last check-in 8 days ago · d check in"), "{w}x{h}:\n{text}");
    }
    let mut off = p.clone();
    off.checkin_reminders_off = true;
    assert!(!screen_text(&at(off, 80, 24, T0 + 30 * DAY)).contains("Last check-in"));
    assert!(!screen_text(&at(seen(), 80, 24, T0)).contains("Last check-in"), "no check-in yet: no reminder");
}

#[test]
fn the_check_in_link_from_a_lesson_and_the_body_map_open_it() {
    assert_eq!(ToolLink::parse("app:check-in"), Some(Ok(ToolLink::CheckIn)));
    let pack = common::pack();
    let symptoms = pack.lesson("symptoms").unwrap();
    assert!(symptoms.body.contains("(app:check-in)"), "the symptoms lesson links to it");
    let mut app = at(seen(), 80, 24, T0);
    app.open_tool_link(ToolLink::CheckIn);
    assert_eq!(app.screen(), ScreenKind::CheckIn);
    let explorer = keys::bindings(Context::Explorer);
    assert!(explorer.iter().any(|b| b.action == Action::OpenCheckIn), "a key on the body map");
    let mut app = at(seen(), 80, 24, T0);
    app.update(Action::OpenExplorer);
    app.update(Action::OpenCheckIn);
    assert_eq!(app.screen(), ScreenKind::CheckIn);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Explorer, "Esc goes back where it came from");
}

#[test]
fn a_yes_no_question_not_answered_says_so_and_get_help_says_when_no_number_is_saved() {
    let mut app = at(seen(), 80, 24, T0);
    app.update(Action::OpenCheckIn);
    for _ in 0..9 {
        app.update(Action::Open);
    }
    let text = screen_text(&app);
    assert!(text.contains("not answered yet"), "a yes/no question is answered, not rated:\n{text}");
    assert!(!text.contains("not rated yet"), "{text}");
    key(&mut app, 'y');
    let text = screen_text(&app);
    assert!(text.contains("You have not saved your care team's 24-hour number"), "{text}");
    assert_eq!(text.matches("24-hour number").count(), 1, "said once:\n{text}");
}

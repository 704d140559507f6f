//! The way to "When to get help now": from the first-run notice, home, the body map (its Whole
//! body place and every other place), a symptom search that finds nothing, the plain commands,
//! and the lesson's link that adds the care team's 24-hour number to My questions.

mod common;

use assert_cmd::Command;
use common::{app, app_with, screen, screen_text, send};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use patient_tutor::content::{self, GET_HELP_LESSON};
use patient_tutor::explorer::nav::Direction;
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::keys::{Context, action_for};
use patient_tutor::tui::theme::Theme;
use predicates::prelude::*;
use tui_input::InputRequest;

fn reading(app: &App) -> Option<(String, usize)> {
    let reader = app.reader()?;
    (app.screen() == ScreenKind::Reader).then(|| (app.pack.lessons[reader.lesson].id.clone(), reader.top))
}

fn key(context: Context, c: char) -> Action {
    action_for(context, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)).expect("bound")
}

#[test]
fn h_on_the_first_run_notice_opens_the_lesson_at_its_top_and_the_notice_is_done() {
    let mut app = app_with(Progress::default(), 80, 24);
    let text = screen_text(&app);
    assert!(text.contains("h when to get help"), "footer:\n{text}");
    let effects = app.update(key(Context::Notice, 'h'));
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert!(app.progress.notice_seen);
    assert_eq!(reading(&app), Some((GET_HELP_LESSON.to_string(), 0)));
    assert!(screen_text(&app).contains("When to get help now"), "{}", screen_text(&app));
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(!app.notice_showing());
}

#[test]
fn h_on_about_opens_the_lesson_and_back_comes_back_to_about() {
    let mut app = app(80, 24);
    send(&mut app, &[Action::Help, Action::About]);
    assert_eq!(app.screen(), ScreenKind::About);
    let text = screen_text(&app);
    assert!(text.contains("h when to get help"), "footer:\n{text}");
    app.update(key(Context::About, 'h'));
    assert_eq!(reading(&app), Some((GET_HELP_LESSON.to_string(), 0)));
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::About);
}

#[test]
fn home_shows_the_key_on_its_emergency_line_footer_and_help() {
    let mut app = app(80, 24);
    let rows = screen(&app);
    let text = rows.join("\n");
    assert!(text.contains("Emergency? Call your local emergency number. When to get help now: press h"), "{text}");
    assert!(rows.last().unwrap().contains("h get help now"), "footer:\n{text}");
    app.update(Action::Help);
    let help = screen_text(&app);
    assert!(help.contains("when to get help now: the signs and who to call"), "{help}");
    app.update(Action::Back);

    // Read halfway into the lesson, go home: h opens it at the top again.
    app.update(key(Context::Home, 'h'));
    send(&mut app, &[Action::PageDown, Action::PageDown, Action::Back]);
    assert_eq!(app.screen(), ScreenKind::Home);
    app.update(key(Context::Home, 'h'));
    assert_eq!(reading(&app), Some((GET_HELP_LESSON.to_string(), 0)));
}

#[test]
fn home_at_40x12_still_says_press_h() {
    let app = app(40, 12);
    let text = screen_text(&app);
    // Issue 16: the whole line, wrapped to two rows, rather than a shorter one cut.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Emergency? Call your local emergency number. When to get help now: press h"), "{text}");
    for row in screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40, "{row}");
    }
}

fn explorer(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.update(Action::OpenExplorer);
    app
}

fn selected(app: &App) -> String {
    let i = app.explorer().unwrap().selected;
    app.pack.sites.as_ref().unwrap().sites[i].id.clone()
}

#[test]
fn the_body_map_opens_on_the_whole_body_place_with_its_tiers_in_words_and_symbols() {
    let app = explorer(100, 30);
    assert_eq!(selected(&app), "whole-body");
    let text = screen_text(&app);
    assert!(text.contains("◉ Whole body"), "named on the map:\n{text}");
    assert!(text.contains("‼ EMERGENCY — get help now"), "{text}");
    assert!(text.contains("38 °C (100.4 °F)"), "the fever sign:\n{text}");
}

#[test]
fn the_whole_body_place_is_reached_by_arrow_keys_from_the_brain_and_back() {
    let mut app = explorer(100, 30);
    let brain = app.pack.sites.as_ref().unwrap().index_of("brain").unwrap();
    while app.explorer().unwrap().selected != brain {
        app.update(Action::NextLink);
    }
    app.update(Action::Move(Direction::Left));
    assert_eq!(selected(&app), "whole-body");
    app.update(Action::Move(Direction::Right));
    assert_eq!(selected(&app), "brain");
    // Unselected, its marker sits beside the words on the map.
    let text = screen_text(&app);
    assert!(text.contains("● Whole body"), "{text}");
}

#[test]
fn every_tier_of_the_whole_body_place_shows_with_words_and_symbols() {
    let mut app = explorer(100, 30);
    let mut seen = screen_text(&app);
    // Enough pages to reach the end of the longest detail panel.
    for _ in 0..24 {
        app.update(Action::PageDown);
        seen.push_str(&screen_text(&app));
    }
    for words in [
        "‼ EMERGENCY — get help now",
        "Call your care team's 24-hour line now",
        "☎ Call your care team today",
        "✎ Mention at your next visit",
        "Bleeding that will not stop",
        "warm or red",
        "high calcium",
        "pain medicine does not",
        "1 When to get help now ›",
        "but get help now for any",
    ] {
        assert!(seen.contains(words), "{words:?} not shown:\n{seen}");
    }
}

#[test]
fn at_40x12_the_list_starts_with_whole_body_and_its_tiers_are_readable() {
    let mut app = explorer(40, 12);
    let mut seen = screen_text(&app);
    assert!(seen.contains("◉ Whole body"), "{seen}");
    for _ in 0..60 {
        app.update(Action::PageDown);
        let text = screen_text(&app);
        for row in screen(&app) {
            assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40, "{row}");
        }
        seen.push_str(&text);
    }
    assert!(seen.contains("‼ EMERGENCY — get help now"), "{seen}");
    assert!(seen.contains("☎ Call your care team today"), "{seen}");
    assert!(seen.contains("or shivering and"), "{seen}");
    assert!(seen.contains("Call your local emergency number now"), "{seen}");
}

#[test]
fn every_place_links_first_to_when_to_get_help_and_1_opens_it_there() {
    let mut app = explorer(100, 30);
    let total = app.pack.sites.as_ref().unwrap().sites.len();
    for i in 0..total {
        while app.explorer().unwrap().selected != i {
            app.update(Action::NextLink);
        }
        let site = app.pack.sites.as_ref().unwrap().sites[i].clone();
        let first = site.lessons.first().cloned().unwrap_or_default();
        let anchor = first.strip_prefix("when-to-get-help#").unwrap_or_else(|| panic!("{}: {first}", site.id));
        let mut seen = screen_text(&app);
        for _ in 0..12 {
            app.update(Action::PageDown);
            seen.push_str(&screen_text(&app));
        }
        assert!(seen.contains("1 When to get help now ›"), "{}:\n{seen}", site.id);
        app.update(Action::Pick('1'));
        let reader = app.reader().unwrap();
        let at = reader.doc.anchors.iter().find(|a| a.slug == anchor).unwrap().line;
        assert_eq!(reading(&app).map(|(id, _)| id), Some(GET_HELP_LESSON.to_string()), "{}", site.id);
        let last_top = reader.doc.lines.len().saturating_sub(app.reader_layout().text.height as usize);
        assert_eq!(reader.top, at.min(last_top), "{} opens at #{anchor}", site.id);
        app.update(Action::Back);
        assert_eq!(app.screen(), ScreenKind::Explorer);
    }
}

#[test]
fn a_search_that_finds_nothing_says_how_to_get_help_and_enter_opens_the_lesson() {
    let mut app = explorer(100, 30);
    app.update(Action::Find);
    for c in "purple elbows".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    let text = screen_text(&app);
    assert!(text.contains("No place on the map lists \"purple elbows\""), "{text}");
    assert!(text.contains("call your local emergency number"), "{text}");
    assert!(text.contains("Press Enter to read \"When to get help now\""), "{text}");
    app.update(Action::Open);
    assert_eq!(reading(&app), Some((GET_HELP_LESSON.to_string(), 0)));
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Explorer);
    assert!(app.explorer().unwrap().search.is_none());
}

#[test]
fn search_results_explain_their_symbols_and_put_fever_first() {
    let mut app = explorer(100, 30);
    app.update(Action::Find);
    for c in "feaver".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    let text = screen_text(&app);
    assert!(text.contains("‼ help now · ☎ today · ✎ next visit"), "{text}");
    assert!(text.contains("▶ Whole body"), "{text}");
    assert!(text.contains("‼ A temperature of 38 °C"), "{text}");
    // An empty search (Enter with nothing typed) just closes the search.
    let mut app = explorer(100, 30);
    send(&mut app, &[Action::Find, Action::Open]);
    assert_eq!(app.screen(), ScreenKind::Explorer);
}

/// The valid fixture pack with a lesson that links to `app:add-24-hour-number`.
fn pack_with_number_link() -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    common::copy_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &dir);
    let lesson = dir.join("lessons/02-more.md");
    let text = std::fs::read_to_string(&lesson).unwrap()
        + "\n## Write down your numbers now\n\n[Add the 24-hour number to My questions](app:add-24-hour-number).\n"
        + &"\nWrite the number on paper too.\n".repeat(30);
    std::fs::write(&lesson, text).unwrap();
    let pack = content::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(pack, Progress { notice_seen: true, ..Default::default() }, Theme::monochrome());
    app.update(Action::Resize(100, 30));
    (tmp, app)
}

#[test]
fn the_add_24_hour_number_link_adds_the_question_once_and_saves() {
    let (_tmp, mut app) = pack_with_number_link();
    send(&mut app, &[Action::Down, Action::Open, Action::NextSection, Action::NextSection]);
    assert_eq!(reading(&app).map(|(id, _)| id), Some("more".to_string()));
    let links = app.reader().unwrap().doc.links.len();
    // Tab selects the first link on screen: the number link.
    app.update(Action::NextLink);
    assert_eq!(app.reader().unwrap().link, Some(links - 1));
    let effects = app.update(Action::Open);
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    let items = &app.progress.my_questions;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].text, "What is my care team's 24-hour number? Write it here.");
    assert_eq!(items[0].lesson.as_deref(), Some("more"));
    assert_eq!(items[0].section.as_deref(), Some("write-down-your-numbers-now"));
    assert_eq!(app.screen(), ScreenKind::Reader, "stays in the lesson");
    assert!(screen_text(&app).contains("Saved to My questions (1 to ask)."), "{}", screen_text(&app));

    app.reader_mut().unwrap().link = Some(links - 1);
    let effects = app.update(Action::Open);
    assert!(!effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(app.progress.my_questions.len(), 1, "not added twice");
    assert!(screen_text(&app).contains("already in My questions"), "{}", screen_text(&app));
}

#[test]
fn check_accepts_the_number_link_and_refuses_a_misspelt_one() {
    let (tmp, _app) = pack_with_number_link();
    let dir = tmp.path().join("pack");
    let tutor = || {
        let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
        cmd.env_remove("PATIENT_TUTOR_CONTENT").env("PATIENT_TUTOR_NOW", "1764028800");
        cmd
    };
    tutor().arg("check").arg(&dir).assert().success();
    let lesson = dir.join("lessons/02-more.md");
    let text = std::fs::read_to_string(&lesson).unwrap().replace("app:add-24-hour-number", "app:add-24h-number");
    std::fs::write(&lesson, text).unwrap();
    tutor()
        .arg("check")
        .arg(&dir)
        .assert()
        .failure()
        .stdout(predicate::str::contains("unknown app link `app:add-24h-number`"))
        .stdout(predicate::str::contains("app:add-24-hour-number"));
}

fn plain() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").arg("--progress").arg("/nonexistent/never-written.toml");
    cmd
}

#[test]
fn plain_sites_names_the_lesson_for_every_place_in_a_form_read_takes() {
    let out = plain().arg("sites").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let places = common::pack().sites.unwrap().sites.len();
    // Places are blank-line separated blocks; the closing lines after them are not a place.
    let blocks: Vec<Vec<&str>> = text.split("\n\n").map(|b| b.lines().collect()).take(places).collect();
    assert!(blocks.iter().all(|b| b.first().is_some_and(|l| l.ends_with(')') && !l.starts_with(' '))), "{text}");
    for block in &blocks {
        assert!(
            block
                .iter()
                .any(|l| l.starts_with("  Read more: when-to-get-help#")
                    && l.contains("(When to get help now, section ")),
            "{block:?}"
        );
    }
    assert!(text.starts_with("Whole body (whole-body)\n"), "{text}");
    assert!(text.contains("but get help now for any sign marked EMERGENCY"), "{text}");
    // What it names, `read` opens.
    plain()
        .args(["read", GET_HELP_LESSON, "--width", "60"])
        .assert()
        .success()
        .stdout(predicate::str::contains("When to get help now"));
}

#[test]
fn plain_symptom_that_finds_nothing_says_how_to_get_help() {
    plain()
        .args(["symptom", "purple", "elbows"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("No place on the body map lists \"purple elbows\""))
        .stderr(predicate::str::contains("call your local emergency number"))
        .stderr(predicate::str::contains("Read more: when-to-get-help"));
    plain()
        .args(["symptom", "fever"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Whole body (whole-body)\n"))
        .stdout(predicate::str::contains("Read more: when-to-get-help"))
        .stdout(predicate::str::contains("but get help now for any sign marked EMERGENCY"));
}

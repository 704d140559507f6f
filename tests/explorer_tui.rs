//! The body map screen and the `sites` / `symptom` commands.

mod common;

use assert_cmd::Command;
use common::{app, screen, screen_text, send};
use patient_tutor::explorer::nav::Direction;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};
use predicates::prelude::*;
use tui_input::InputRequest;

fn explorer(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.update(Action::OpenExplorer);
    assert_eq!(app.screen(), ScreenKind::Explorer);
    app
}

fn selected(app: &App) -> String {
    let i = app.explorer().unwrap().selected;
    app.pack.sites.as_ref().unwrap().sites[i].id.clone()
}

fn select(app: &mut App, id: &str) {
    let sites = app.pack.sites.as_ref().unwrap();
    let target = sites.index_of(id).unwrap();
    for _ in 0..sites.sites.len() {
        if app.explorer().unwrap().selected == target {
            return;
        }
        app.update(Action::NextLink);
    }
    panic!("could not reach {id} with Tab");
}

#[test]
fn map_shows_markers_the_selected_name_and_its_details_at_80x24() {
    let mut app = explorer(80, 24);
    select(&mut app, "spine");
    let text = screen_text(&app);
    assert!(text.contains("Body map"), "{text}");
    assert!(text.contains("◉"), "selected marker:\n{text}");
    assert_eq!(text.matches('●').count(), 10, "the other ten sites:\n{text}");
    assert!(text.contains("Spine"), "{text}");
    assert!(text.contains("‼ EMERGENCY — get help now"), "{text}");
    assert!(text.to_lowercase().contains("bladder"), "{text}");
    assert!(text.contains("Spine and spinal cord"), "named:\n{text}");
    for row in screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 80);
    }
}

#[test]
fn small_window_switches_to_a_list() {
    let mut app = explorer(40, 12);
    let text = screen_text(&app);
    assert!(!text.contains("/       \\"), "no art at 40x12:\n{text}");
    assert!(text.contains("◉ Brain") || text.contains("◉ "), "{text}");
    app.update(Action::NextLink);
    let text = screen_text(&app);
    assert!(text.contains(&format!("◉ {}", app.pack.sites.as_ref().unwrap().sites[1].name)), "{text}");
    for row in screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40);
    }
}

/// The arrow presses that lead from one site to another, found by breadth-first
/// search over the explorer's own neighbour rule.
fn arrow_path(app: &App, from: usize, to: usize) -> Option<Vec<Direction>> {
    use patient_tutor::explorer::nav::neighbour;
    let points = app.pack.sites.as_ref().unwrap().positions();
    let mut queue = std::collections::VecDeque::from([(from, Vec::new())]);
    let mut seen = vec![false; points.len()];
    seen[from] = true;
    while let Some((at, path)) = queue.pop_front() {
        if at == to {
            return Some(path);
        }
        for dir in [Direction::Up, Direction::Down, Direction::Left, Direction::Right] {
            if let Some(next) = neighbour(&points, at, dir).filter(|n| !seen[*n]) {
                seen[next] = true;
                let mut longer = path.clone();
                longer.push(dir);
                queue.push_back((next, longer));
            }
        }
    }
    None
}

#[test]
fn every_site_is_reached_by_arrows_alone() {
    let mut app = explorer(80, 24);
    let total = app.pack.sites.as_ref().unwrap().sites.len();
    for target in 0..total {
        let from = app.explorer().unwrap().selected;
        let path = arrow_path(&app, from, target).unwrap_or_else(|| panic!("no arrow path {from} → {target}"));
        for dir in path {
            app.update(Action::Move(dir));
        }
        assert_eq!(app.explorer().unwrap().selected, target);
    }
    // Brain is at the top: up from the brain stays put; down leaves it.
    select(&mut app, "brain");
    app.update(Action::Move(Direction::Up));
    assert_eq!(selected(&app), "brain");
    app.update(Action::Move(Direction::Down));
    assert_ne!(selected(&app), "brain");
}

#[test]
fn visiting_sites_is_remembered_and_counted_on_home() {
    let mut app = explorer(100, 30);
    send(&mut app, &[Action::NextLink, Action::NextLink]);
    assert_eq!(app.progress.explored_sites.len(), 3);
    assert!(app.unsaved);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains("Body map: 3 of 11 places looked at (m)"), "{}", screen_text(&app));
}

#[test]
fn symptom_search_finds_sites_from_everyday_words() {
    let mut app = explorer(100, 30);
    app.update(Action::Find);
    for c in "yellow skin".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    let text = screen_text(&app);
    assert!(text.contains("Find a symptom: yellow skin"), "{text}");
    assert!(text.contains("Liver"), "{text}");
    // The most urgent match comes first: yellow skin after immunotherapy (Whole body).
    assert!(text.find("Whole body").unwrap() < text.find("Liver").unwrap(), "{text}");
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(selected(&app), "liver");
    assert!(app.explorer().unwrap().search.is_none());
}

#[test]
fn search_with_no_match_says_so_and_escape_cancels() {
    let mut app = explorer(100, 30);
    app.update(Action::Find);
    for c in "zebra stripes".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    assert!(screen_text(&app).contains("No place on the map lists"));
    app.update(Action::Back);
    assert!(app.explorer().unwrap().search.is_none());
    assert_eq!(app.screen(), ScreenKind::Explorer);
}

#[test]
fn typed_letters_in_search_are_text_not_commands() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use patient_tutor::tui::keys::{Context, action_for};
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(action_for(Context::Explorer, q), Some(Action::Back));
    assert_eq!(action_for(Context::ExplorerSearch, q), Some(Action::Edit(InputRequest::InsertChar('q'))));
    let bs = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(action_for(Context::ExplorerSearch, bs), Some(Action::Edit(InputRequest::DeletePrevChar)));
}

#[test]
fn a_number_opens_the_lesson_section_and_back_returns_to_the_map() {
    let mut app = explorer(100, 30);
    select(&mut app, "liver");
    app.update(Action::Pick('2'));
    assert_eq!(app.screen(), ScreenKind::Reader);
    assert!(screen(&app)[0].contains("Symptoms"), "{}", screen(&app)[0]);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Explorer);
    assert_eq!(selected(&app), "liver");
}

#[test]
fn opened_from_the_symptoms_lesson_it_selects_the_section_site() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Open]);
    // Jump to the "Liver" section, then open the map.
    for _ in 0..3 {
        app.update(Action::NextSection);
    }
    let section = app.sections()[app.current_section().unwrap()].0.clone();
    app.update(Action::OpenExplorer);
    assert_eq!(app.screen(), ScreenKind::Explorer);
    let name = app.pack.sites.as_ref().unwrap().sites[app.explorer().unwrap().selected].name.clone();
    assert!(name.to_lowercase().contains(&section.to_lowercase()[..4]), "{section} → {name}");
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Reader);
}

#[test]
fn clicking_near_a_marker_selects_it() {
    let mut app = explorer(100, 30);
    let rows = screen(&app);
    // Find an unselected marker on screen and click it.
    let (y, row) = rows.iter().enumerate().find(|(_, r)| r.contains('●')).unwrap();
    let x = row.chars().position(|c| c == '●').unwrap();
    let before = selected(&app);
    common::click(&mut app, x as u16, y as u16);
    assert_ne!(selected(&app), before);
    assert!(screen(&app)[y].chars().nth(x) == Some('◉'), "{}", screen(&app)[y]);
}

#[test]
fn every_size_draws() {
    for (w, h) in [(1, 1), (20, 6), (30, 8), (40, 12), (60, 20), (80, 24), (200, 60)] {
        let mut app = explorer(w, h);
        screen(&app);
        send(&mut app, &[Action::Find, Action::Edit(InputRequest::InsertChar('a'))]);
        screen(&app);
    }
}

fn tutor() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").arg("--progress").arg("/nonexistent/never-written.toml");
    cmd
}

#[test]
fn cli_sites_lists_every_site_with_tiers() {
    tutor()
        .arg("sites")
        .assert()
        .success()
        .stdout(predicate::str::contains("Lungs (lungs)"))
        .stdout(predicate::str::contains("Spine and spinal cord (spine)").or(predicate::str::contains("(spine)")))
        .stdout(predicate::str::contains("EMERGENCY, get help now:"))
        .stdout(predicate::str::contains("Call your care team today:"));
}

#[test]
fn cli_symptom_uses_synonyms_and_fails_helpfully() {
    tutor().args(["symptom", "dyspnea"]).assert().success().stdout(predicate::str::contains("(lungs)"));
    tutor().args(["symptom", "jaundice"]).assert().success().stdout(predicate::str::contains("(liver)"));
    tutor()
        .args(["symptom", "leg", "numbness"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(spine)"))
        .stdout(predicate::str::contains("[EMERGENCY, get help now: call your care team's 24-hour line now]"));
    tutor()
        .args(["symptom", "purple", "elbows"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("No place on the body map lists \"purple elbows\""));
}

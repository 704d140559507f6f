//! Within the top tier ("get help now"), every sign says who to call: the emergency number or the
//! care team's 24-hour line (clinical review 13, item 3). Checked on the default pack in the
//! tutor's body map (place details and search results) and in the plain `sites` and `symptom`.

mod common;

use assert_cmd::Command;
use common::{app, screen};
use patient_tutor::content::sites::{Site, Sites, Who};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::screens::explorer::explorer_layout;
use patient_tutor::tui::text;
use patient_tutor::words::t;
use tui_input::InputRequest;

/// The signs the lesson "When to get help now" sends to the emergency number (notes/SIGNS.md,
/// "999"); every other top-tier sign goes to the 24-hour line.
const EMERGENCY_NUMBER_SIGNS: &[&str] = &[
    "A seizure (fit)",
    "Sudden weakness or numbness in your face, an arm or a leg, often on one side",
    "Sudden trouble speaking, or sudden loss of sight",
    "A sudden, very bad headache, with being sick (vomiting) or feeling very drowsy",
    "Struggling to breathe, or breathlessness that comes on suddenly",
    "Chest pain that is sudden or severe",
    "Coughing up more than a little blood",
    "Bleeding that will not stop, or vomiting blood",
    "You feel you might act on thoughts of suicide or of harming yourself, or you have harmed yourself",
];

fn expected(line: &str) -> Who {
    if EMERGENCY_NUMBER_SIGNS.contains(&line) { Who::EmergencyNumber } else { Who::CareTeamLine }
}

fn sites() -> Sites {
    common::pack().sites.expect("the default pack has a body map")
}

/// Every top-tier line of the pack, each once, in file order.
fn top_tier_lines(sites: &Sites) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in sites.sites.iter().flat_map(|s| &s.emergency) {
        if !lines.contains(line) {
            lines.push(line.clone());
        }
    }
    lines
}

#[test]
fn the_default_pack_sends_exactly_the_lessons_signs_to_the_emergency_number() {
    let sites = sites();
    let mut listed = sites.emergency_number.clone();
    listed.sort();
    let mut wanted: Vec<String> = EMERGENCY_NUMBER_SIGNS.iter().map(|s| s.to_string()).collect();
    wanted.sort();
    assert_eq!(listed, wanted);
    let lines = top_tier_lines(&sites);
    for line in &lines {
        assert_eq!(sites.who(line), expected(line), "{line}");
    }
    assert!(lines.iter().any(|l| expected(l) == Who::CareTeamLine));
}

/// The rows of the detail panel, with a wrapped line joined back into one.
fn detail_items(app: &App) -> Vec<String> {
    let sites = app.pack.sites.as_ref().unwrap();
    let detail = explorer_layout(app.area, sites).detail;
    let mut items: Vec<String> = Vec::new();
    for row in screen(app).iter().skip(detail.y as usize).take(detail.height as usize) {
        let part: String = row.chars().skip(detail.x as usize).collect();
        let text = part.trim();
        // A continuation of a wrapped bullet is indented further than the bullet's text.
        let continues = part.starts_with("      ") && !text.is_empty();
        match items.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(text);
            }
            _ => items.push(text.to_string()),
        }
    }
    items
}

fn tier_heading(item: &str) -> bool {
    [t("tui.tier_emergency"), t("tui.tier_today"), t("tui.tier_next_visit")].contains(&item)
}

fn select(app: &mut App, index: usize) {
    while app.explorer().unwrap().selected != index {
        app.update(Action::NextLink);
    }
}

#[test]
fn the_tui_body_map_shows_who_to_call_above_every_top_tier_sign() {
    let mut app = app(170, 140);
    app.update(Action::OpenExplorer);
    let sites = app.pack.sites.clone().unwrap();
    let mut checked = 0;
    for (i, site) in sites.sites.iter().enumerate() {
        select(&mut app, i);
        let items = detail_items(&app);
        let mut who = None;
        let mut after_line = false;
        for item in &items {
            if tier_heading(item) {
                who = None;
            } else if let Some(w) = Who::ALL.into_iter().find(|w| item == text::who_heading(*w)) {
                who = Some(w);
            } else if let Some(line) = item.strip_prefix("• ")
                && site.emergency.iter().any(|l| l == line)
            {
                assert_eq!(who, Some(expected(line)), "{}: {line:?} is under the wrong heading:\n{items:#?}", site.id);
                checked += 1;
                after_line |= who == Some(Who::CareTeamLine);
            }
        }
        if after_line {
            assert!(items.iter().any(|i| i == t("tui.who_if_no_answer")), "{}:\n{items:#?}", site.id);
        }
    }
    let total: usize = sites.sites.iter().map(|s: &Site| s.emergency.len()).sum();
    assert_eq!(checked, total, "every top-tier line of every place was found under a heading");
}

#[test]
fn tui_search_results_say_who_to_call_beside_every_top_tier_sign() {
    let sites = sites();
    for line in top_tier_lines(&sites) {
        let mut app = app(170, 140);
        app.update(Action::OpenExplorer);
        app.update(Action::Find);
        for c in line.chars() {
            app.update(Action::Edit(InputRequest::InsertChar(c)));
        }
        let items = detail_items(&app);
        let shown = format!("‼ {line} · {}", text::who_short(expected(&line)));
        assert!(items.contains(&shown), "{shown:?} not in:\n{items:#?}");
    }
}

fn plain() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").env_remove("COLUMNS").arg("--progress").arg("/nonexistent/never.toml");
    cmd
}

#[test]
fn plain_sites_puts_every_top_tier_sign_under_who_to_call() {
    let sites = sites();
    let out = plain().arg("sites").output().unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    let mut who = None;
    let mut checked = 0;
    for row in out.lines() {
        let item = row.trim();
        if let Some(w) = Who::ALL.into_iter().find(|w| item == text::who_heading(*w)) {
            who = Some(w);
        } else if !row.starts_with("    ") {
            // A place, a tier or anything else at a smaller indent ends the group.
            who = None;
        } else if let Some(line) = item.strip_prefix("- ")
            && sites.sites.iter().any(|s| s.emergency.iter().any(|l| l == line))
        {
            assert_eq!(who, Some(expected(line)), "{line:?} is under the wrong heading:\n{out}");
            checked += 1;
        }
    }
    let total: usize = sites.sites.iter().map(|s| s.emergency.len()).sum();
    assert_eq!(checked, total, "{out}");
    assert!(out.contains(&format!("    {}\n", t("tui.who_if_no_answer"))), "{out}");
}

#[test]
fn plain_symptom_says_who_to_call_for_each_top_tier_match_and_list() {
    let sites = sites();
    for line in top_tier_lines(&sites) {
        let out = plain().arg("symptom").arg(&line).output().unwrap();
        assert!(out.status.success(), "{line}");
        let out = String::from_utf8(out.stdout).unwrap();
        let who = text::who_short(expected(&line));
        let matched = format!("  matches: {line} [EMERGENCY, get help now: {who}]");
        assert!(out.lines().any(|l| l == matched), "{matched:?} not in:\n{out}");
        // The place's list of top-tier signs has it under its heading too.
        let heading = format!("    {}", text::who_heading(expected(&line)));
        let at = out.find(&heading).unwrap_or_else(|| panic!("{heading:?} not in:\n{out}"));
        assert!(out[at..].contains(&format!("    - {line}\n")), "{line:?} not under {heading:?}:\n{out}");
    }
}

/// The lesson's "Call the emergency number now" lists name the same signs as sites.toml's
/// `emergency_number`, and no sign of its "24-hour line" lists is one of them.
#[test]
fn the_lesson_and_the_body_map_agree_on_who_to_call() {
    use patient_tutor::explorer::search::normalize;
    let sites = sites();
    let pack = common::pack();
    let lesson = pack.lessons.iter().find(|l| l.id == patient_tutor::content::GET_HELP_LESSON).unwrap();
    let listed: Vec<Vec<String>> = sites.emergency_number.iter().map(|l| normalize(l)).collect();
    let mut found = vec![false; listed.len()];
    let mut who = None;
    for row in lesson.body.lines() {
        if row.starts_with("**Call the emergency number now**") {
            who = Some(Who::EmergencyNumber);
        } else if row.starts_with("**Call your care team's 24-hour line now**") {
            who = Some(Who::CareTeamLine);
        } else if row.starts_with("**") || row.starts_with("## ") {
            who = None;
        } else if let (Some(who), Some(item)) = (who, row.strip_prefix("- ")) {
            let words = normalize(item);
            let at = listed.iter().position(|l| *l == words);
            match who {
                Who::EmergencyNumber => match at {
                    Some(i) => found[i] = true,
                    None => panic!("the lesson sends {item:?} to the emergency number, sites.toml does not"),
                },
                Who::CareTeamLine => assert!(at.is_none(), "{item:?} is under the 24-hour line in the lesson"),
            }
        }
    }
    for (line, found) in sites.emergency_number.iter().zip(found) {
        assert!(found, "{line:?} is not under \"Call the emergency number now\" in the lesson");
    }
}

//! The symptom search in everyday words, on the real default pack: a table of phrasings and
//! the place and tier that must come first. The TUI's search and the `symptom` command both
//! call `explorer::search::search`; the last tests run a few rows through each of them.

mod common;

use assert_cmd::Command;
use common::{app, screen_text};
use patient_tutor::content::Sites;
use patient_tutor::explorer::search::{Hit, Tier, search};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::ScreenKind;
use tui_input::InputRequest;

use Tier::{CallToday, Emergency};

/// (what a person types, the place that must come first, its most urgent tier, words of a sign
/// line that the first place must have among its matches).
#[rustfmt::skip]
const TABLE: &[(&str, &str, Tier, &str)] = &[
    // Fever and infection during treatment.
    ("fever", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("feaver", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("fevers", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("feverish", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("temperature", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("temprature", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("a high temperature", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("high temp", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("running a temperature", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("hot and cold", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("I feel hot", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("chills", "whole-body", Emergency, "shaking chills"),
    ("the chills", "whole-body", Emergency, "shaking chills"),
    ("shivering", "whole-body", Emergency, "shaking chills"),
    ("shivery", "whole-body", Emergency, "shaking chills"),
    ("shivvering", "whole-body", Emergency, "shaking chills"),
    ("the shakes", "whole-body", Emergency, "shaking chills"),
    ("infection", "whole-body", Emergency, "38 °C (100.4 °F)"),
    ("sepsis", "whole-body", Emergency, "38 °C (100.4 °F)"),
    // Thoughts of suicide or of harming yourself: the emergency line comes first.
    ("suicidal", "whole-body", Emergency, "might act on"),
    ("suicide", "whole-body", Emergency, "might act on"),
    ("I want to die", "whole-body", Emergency, "might act on"),
    ("kill myself", "whole-body", Emergency, "might act on"),
    ("self harm", "whole-body", Emergency, "you have harmed yourself"),
    ("hurt myself", "whole-body", Emergency, "you have harmed yourself"),
    ("suiside", "whole-body", Emergency, "might act on"),
    ("I don't want to live", "whole-body", Emergency, "might act on"),
    ("I can't go on", "whole-body", Emergency, "might act on"),
    ("end my life", "whole-body", Emergency, "might act on"),
    // High calcium: thirst, weeing a lot.
    ("thirsty", "whole-body", Emergency, "signs of high calcium"),
    ("very thirsty", "whole-body", Emergency, "signs of high calcium"),
    ("peeing a lot", "whole-body", Emergency, "passing a lot of urine"),
    ("weeing a lot", "whole-body", Emergency, "passing a lot of urine"),
    ("wee a lot", "whole-body", Emergency, "passing a lot of urine"),
    ("frequent urination", "whole-body", Emergency, "passing a lot of urine"),
    ("high calcium", "whole-body", Emergency, "signs of high calcium"),
    ("hypercalcaemia", "whole-body", Emergency, "signs of high calcium"),
    ("hypercalcemia", "whole-body", Emergency, "signs of high calcium"),
    // Not being able to pass urine or stool; constipation.
    ("can't pee", "whole-body", Emergency, "pass urine or stool"),
    ("cant wee", "whole-body", Emergency, "pass urine or stool"),
    ("cannot pee", "whole-body", Emergency, "pass urine or stool"),
    ("can't poo", "whole-body", Emergency, "pass urine or stool"),
    ("constipation", "whole-body", Emergency, "with constipation"),
    ("constipated", "whole-body", Emergency, "not passing stool or wind"),
    ("bunged up", "whole-body", Emergency, "with constipation"),
    ("incontinence", "whole-body", Emergency, "controlling your bladder or bowel"),
    // Swelling of the face, neck or arms (the superior vena cava).
    ("swollen face", "whole-body", Emergency, "Swelling of your face, neck, arms"),
    ("puffy face", "whole-body", Emergency, "Swelling of your face, neck, arms"),
    ("swollen neck", "lymph-nodes", Emergency, "Swelling of your face, neck, arms"),
    ("swollen arm", "whole-body", Emergency, "Swelling of your face, neck, arms"),
    ("superior vena cava", "whole-body", Emergency, "Swelling of your face, neck, arms"),
    // Weak or numb arms, hands and legs (brain, spinal cord).
    ("weak arms", "brain", Emergency, "an arm or a leg"),
    ("numb hands", "brain", Emergency, "an arm or a leg"),
    ("weak legs", "brain", Emergency, "an arm or a leg"),
    ("my legs feel numb", "brain", Emergency, "an arm or a leg"),
    ("numb feet", "brain", Emergency, "an arm or a leg"),
    ("tingling hands", "brain", Emergency, "an arm or a leg"),
    ("spinal cord compression", "spine", Emergency, "pins and needles in your legs or arms"),
    ("back pain", "spine", Emergency, "tight band"),
    ("neck pain", "spine", Emergency, "tight band"),
    ("can't walk", "spine", Emergency, "unsteady on your feet"),
    ("legs giving way", "spine", Emergency, "legs giving way"),
    // Bleeding.
    ("bleeding", "whole-body", Emergency, "Bleeding that will not stop"),
    ("bleeding won't stop", "whole-body", Emergency, "Bleeding that will not stop"),
    ("blood in sick", "whole-body", Emergency, "vomiting blood"),
    ("vomiting blood", "whole-body", Emergency, "vomiting blood"),
    ("throwing up blood", "whole-body", Emergency, "vomiting blood"),
    ("blood in poo", "whole-body", Emergency, "blood in your stools"),
    ("bloody poo", "whole-body", Emergency, "blood in your stools"),
    ("blood in stool", "whole-body", Emergency, "blood in your stools"),
    ("rectal bleeding", "whole-body", Emergency, "blood in your stools"),
    ("black poo", "whole-body", Emergency, "Black, sticky stools"),
    ("black stools", "whole-body", Emergency, "Black, sticky stools"),
    ("dark poop", "whole-body", Emergency, "Black, sticky stools"),
    ("coughing up blood", "lungs", Emergency, "more than a little blood"),
    // Blood clots.
    ("swollen leg", "whole-body", Emergency, "a sign of a blood clot"),
    ("calf pain", "whole-body", Emergency, "a sign of a blood clot"),
    ("hot red leg", "whole-body", Emergency, "a sign of a blood clot"),
    ("blood clot", "whole-body", Emergency, "a sign of a blood clot"),
    ("DVT", "whole-body", Emergency, "a sign of a blood clot"),
    // Confusion, fits and other brain signs.
    ("muddled", "whole-body", Emergency, "New confusion"),
    ("confused", "whole-body", Emergency, "New confusion"),
    ("confussed", "whole-body", Emergency, "New confusion"),
    ("mixed up", "whole-body", Emergency, "New confusion"),
    ("drowsy", "whole-body", Emergency, "much more drowsy than usual"),
    ("fits", "brain", Emergency, "A seizure (fit)"),
    ("a fit", "brain", Emergency, "A seizure (fit)"),
    ("having a fit", "brain", Emergency, "A seizure (fit)"),
    ("seizure", "brain", Emergency, "A seizure (fit)"),
    ("siezure", "brain", Emergency, "A seizure (fit)"),
    ("convulsions", "brain", Emergency, "A seizure (fit)"),
    ("headache", "brain", Emergency, "very bad headache"),
    ("worst headache", "brain", Emergency, "very bad headache"),
    ("slurred speech", "brain", Emergency, "Sudden trouble speaking"),
    ("can't see", "brain", Emergency, "sudden loss of sight"),
    ("blurred vision", "brain", Emergency, "sudden loss of sight"),
    ("stroke", "brain", Emergency, "often on one side"),
    ("dizzy", "brain", CallToday, "New dizziness"),
    // Being sick, keeping things down, diarrhoea.
    ("being sick", "whole-body", Emergency, "being sick"),
    ("vomiting", "whole-body", Emergency, "vomiting blood"),
    ("throwing up", "whole-body", Emergency, "being sick"),
    ("nausea", "whole-body", Emergency, "Feeling sick (nausea)"),
    ("nausia", "whole-body", Emergency, "Feeling sick (nausea)"),
    ("can't keep anything down", "whole-body", Emergency, "keep fluids or medicines down"),
    ("can't keep water down", "whole-body", Emergency, "keep fluids or medicines down"),
    ("cannot keep my tablets down", "whole-body", Emergency, "keep fluids or medicines down"),
    ("dehydrated", "whole-body", Emergency, "keep fluids or medicines down"),
    ("diarrhoea", "whole-body", Emergency, "many times a day"),
    ("diarrhea", "whole-body", Emergency, "many times a day"),
    ("diarhea", "whole-body", Emergency, "many times a day"),
    ("the runs", "whole-body", Emergency, "many times a day"),
    ("loose stools", "whole-body", Emergency, "many times a day"),
    // Breathing and the chest.
    ("can't breathe", "lungs", Emergency, "Struggling to breathe"),
    ("short of breath", "lungs", Emergency, "breathlessness that comes on suddenly"),
    ("breathless", "lungs", Emergency, "breathlessness that comes on suddenly"),
    ("chest pain", "lungs", Emergency, "Chest pain that is sudden or severe"),
    // Bones, belly, pain, immunotherapy.
    ("broken bone", "bones", Emergency, "breaks after little or no injury"),
    ("fracture", "bones", Emergency, "breaks after little or no injury"),
    ("broke a bone", "bones", Emergency, "breaks after little or no injury"),
    ("bowel blockage", "peritoneum", Emergency, "not passing stool or wind"),
    ("tummy pain", "peritoneum", Emergency, "swollen, painful belly"),
    ("painkillers not working", "whole-body", CallToday, "pain medicine does not ease"),
    ("uncontrolled pain", "whole-body", CallToday, "pain medicine does not ease"),
    ("immunotherapy", "whole-body", Emergency, "Say you have had immunotherapy"),
    ("rash", "whole-body", Emergency, "Say you have had immunotherapy"),
    ("a new lump", "lymph-nodes", CallToday, "A new lump or swollen gland"),
];

fn sites() -> Sites {
    let pack = common::pack();
    pack.sites.expect("the default pack has a body map")
}

fn id(sites: &Sites, hit: &Hit) -> String {
    sites.sites[hit.site].id.clone()
}

#[test]
fn the_table_has_at_least_sixty_phrasings_and_no_repeats() {
    assert!(TABLE.len() >= 60, "only {} phrasings", TABLE.len());
    let mut seen = std::collections::HashSet::new();
    for (query, ..) in TABLE {
        assert!(seen.insert(query.to_lowercase()), "{query} is in the table twice");
    }
}

#[test]
fn every_phrasing_finds_its_place_and_tier_first() {
    let sites = sites();
    let mut wrong = Vec::new();
    for &(query, place, tier, words) in TABLE {
        let hits = search(&sites, query);
        let Some(first) = hits.first() else {
            wrong.push(format!("{query:?}: nothing found (wanted {place} {tier:?})"));
            continue;
        };
        let got = (id(&sites, first), first.best());
        if got != (place.to_string(), Some(tier)) {
            wrong.push(format!("{query:?}: first is {got:?}, wanted ({place}, {tier:?})"));
        }
        if first.matches.first().map(|(t, _)| *t) != Some(tier) {
            wrong.push(format!("{query:?}: the first line shown is not {tier:?}: {:?}", first.matches));
        }
        if !first.matches.iter().any(|(_, line)| line.contains(words)) {
            wrong.push(format!("{query:?}: no line with {words:?} at {place}: {:?}", first.matches));
        }
        // Most urgent first, all the way down.
        if !hits.windows(2).all(|w| w[0].best() <= w[1].best()) {
            wrong.push(format!("{query:?}: hits are not sorted by tier"));
        }
    }
    let queries: std::collections::HashSet<&str> = wrong.iter().filter_map(|w| w.split(':').next()).collect();
    assert!(wrong.is_empty(), "{} of {} phrasings are wrong:\n{}", queries.len(), TABLE.len(), wrong.join("\n"));
}

#[test]
fn the_same_sign_on_other_places_is_found_too() {
    let sites = sites();
    let has = |query: &str, place: &str, tier: Tier, words: &str| {
        let hits = search(&sites, query);
        let hit = hits.iter().find(|h| id(&sites, h) == place);
        assert!(
            hit.is_some_and(|h| h.matches.iter().any(|(t, l)| *t == tier && l.contains(words))),
            "{query:?} should find {words:?} ({tier:?}) at {place}: {hit:?}"
        );
    };
    has("weak arms", "spine", Emergency, "in your legs or arms");
    has("weak legs", "spine", Emergency, "in your legs or arms");
    has("can't pee", "spine", Emergency, "pass urine or stool");
    has("back pain", "bones", Emergency, "tight band");
    has("yellow skin", "liver", CallToday, "jaundice");
    has("breathless", "lungs", CallToday, "Breathlessness that is getting slowly worse over days");
    has("chest pain", "lungs", CallToday, "Mild chest pain");
    has("swollen neck", "lymph-nodes", CallToday, "A new lump or swollen gland");
    has("thirsty", "bones", Emergency, "signs of high calcium");
    has("tired", "brain", Tier::NextVisit, "fatigue");
}

/// Type a query into the body map's search.
fn tui_search(query: &str) -> (String, patient_tutor::tui::app::App) {
    let mut app = app(100, 30);
    app.update(Action::OpenExplorer);
    app.update(Action::Find);
    for c in query.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    (screen_text(&app), app)
}

#[test]
fn the_tui_search_puts_the_table_place_first() {
    let sites = sites();
    for &(query, place, ..) in TABLE.iter().step_by(7) {
        let (text, mut app) = tui_search(query);
        let name = &sites.get(place).unwrap().name;
        assert!(text.contains(&format!("▶ {name}")), "{query:?} should highlight {name} first:\n{text}");
        app.update(Action::Open);
        assert_eq!(app.screen(), ScreenKind::Explorer);
        let selected = app.explorer().unwrap().selected;
        assert_eq!(sites.sites[selected].id, place, "{query:?}");
    }
}

#[test]
fn the_symptom_command_puts_the_table_place_first() {
    let sites = sites();
    for &(query, place, tier, _) in TABLE.iter().step_by(9) {
        let out = Command::cargo_bin("patient-tutor")
            .unwrap()
            .env_remove("PATIENT_TUTOR_CONTENT")
            .arg("--progress")
            .arg("/nonexistent/never-written.toml")
            .arg("symptom")
            .args(query.split(' '))
            .output()
            .unwrap();
        assert!(out.status.success(), "{query:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let name = &sites.get(place).unwrap().name;
        assert!(text.starts_with(&format!("{name} ({place})\n")), "{query:?} should list {place} first:\n{text}");
        let second = text.lines().nth(1).unwrap_or("");
        let words = patient_tutor::plain::explorer::tier_words(tier);
        // The tier in words; in the top tier, who to call after it.
        assert!(
            second.contains(&format!("[{words}]")) || second.contains(&format!("[{words}: call ")),
            "{query:?}: {second}"
        );
    }
}

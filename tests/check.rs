//! `check` and `export-content` on real packs: one broken fixture per problem.

mod common;

use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn tutor() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").env("PATIENT_TUTOR_NOW", "1764028800");
    cmd
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs")
}

#[test]
fn the_valid_fixture_pack_passes() {
    let dir = fixtures().join("valid");
    tutor().arg("check").arg(&dir).assert().success().stdout(predicate::str::contains("0 errors, 0 warnings"));
    // And the tutor accepts it.
    tutor()
        .arg("--content")
        .arg(&dir)
        .arg("lessons")
        .assert()
        .success()
        .stdout("intro\tWhat this pack is\tnew\nmore\tA second lesson\tnew\n");
}

#[test]
fn each_broken_pack_reports_its_one_problem_as_file_line_message() {
    let mut seen = 0;
    for entry in fs::read_dir(fixtures().join("broken")).unwrap() {
        let dir = entry.unwrap().path();
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        let expected = expected.trim();
        let (location, message) = expected.split_once(": ").unwrap();
        let wanted = format!("{}/{location}: error: {message}", dir.display());
        let out = tutor().arg("check").arg(&dir).assert().failure().code(1).get_output().stdout.clone();
        let out = String::from_utf8(out).unwrap();
        let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors, vec![wanted.as_str()], "{}:\n{out}", dir.display());
        assert!(out.contains("1 error, "), "{out}");
        seen += 1;
    }
    assert!(seen >= 15, "only {seen} broken packs");
}

#[test]
fn the_default_pack_passes_max_grade_8_with_an_average_of_7_or_less() {
    let out = tutor().args(["check", "--max-grade", "8"]).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let average: f64 = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("pack average: grade "))
        .and_then(|g| g.split(',').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no average in:\n{out}"));
    assert!(average <= 7.0, "{out}");
    assert!(out.contains("0 errors"), "{out}");
}

#[test]
fn max_grade_turns_hard_lessons_into_errors() {
    tutor()
        .args(["check", "--max-grade", "2"])
        .assert()
        .failure()
        .stdout(predicate::str::contains("content/lessons/08-treatment.md:1: error: reading grade"));
}

#[test]
fn json_format_for_tools() {
    let dir = fixtures().join("broken/quiz-unknown-kind");
    let out = tutor().arg("check").arg(&dir).args(["--format", "json"]).assert().failure().get_output().stdout.clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let findings: Vec<_> = report["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["line"], 3);
    assert!(findings[0]["file"].as_str().unwrap().ends_with("quizzes/intro.toml"));
    assert_eq!(report["readability"].as_array().unwrap().len(), 2);
}

#[test]
fn warnings_for_style_do_not_fail_the_check() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&fixtures().join("valid"), &pack);
    let lesson = pack.join("lessons/01-intro.md");
    let text = fs::read_to_string(&lesson).unwrap().replace(
        "The care team can help.",
        "About 34% of people have dyspnea. This sentence goes on and on with many more words than anyone should \
         ever need to read in one go without a single break anywhere in it at all.",
    );
    fs::write(&lesson, text.replace("**Key points**\n\n- This is a small lesson.\n- It has two parts.\n", "")).unwrap();
    let out = tutor().arg("check").arg(&pack).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    for wanted in ["Key points", "34%", "dyspnea", "sentence of"] {
        assert!(
            out.lines().any(|l| l.contains(": warning: ") && l.contains(wanted)),
            "no warning about {wanted}:\n{out}"
        );
    }
}

#[test]
fn export_then_check_round_trip_and_overwrite_refusal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-pack");
    tutor().arg("export-content").arg(&dir).assert().success().stdout(predicate::str::contains("Wrote"));
    assert!(dir.join("lessons/05-staging.md").is_file());
    assert!(dir.join("quizzes/staging.toml").is_file());
    assert!(dir.join("assets/body-map.txt").is_file());
    tutor().arg("check").arg(&dir).args(["--max-grade", "8"]).assert().success();
    tutor().arg("--content").arg(&dir).arg("lessons").assert().success().stdout(predicate::str::contains("staging\t"));

    // Not empty now: refused without --force, and nothing is changed.
    let staging = dir.join("lessons/05-staging.md");
    fs::write(&staging, "my edit").unwrap();
    tutor().arg("export-content").arg(&dir).assert().failure().stderr(predicate::str::contains("--force"));
    assert_eq!(fs::read_to_string(&staging).unwrap(), "my edit");
    tutor().arg("export-content").arg(&dir).arg("--force").assert().success();
    assert_ne!(fs::read_to_string(&staging).unwrap(), "my edit");
}

#[test]
fn an_edited_lesson_gets_an_exact_message() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    tutor().arg("export-content").arg(&dir).assert().success();
    let staging = dir.join("lessons/05-staging.md");
    let text = fs::read_to_string(&staging).unwrap().replace("(prognosis#survival-numbers)", "(prognosis#survival)");
    fs::write(&staging, text).unwrap();
    tutor()
        .arg("check")
        .arg(&dir)
        .assert()
        .failure()
        .stdout(predicate::str::contains(format!("{}:", staging.display())))
        .stdout(predicate::str::contains("link to unknown section `prognosis#survival`"));
}

#[test]
fn one_sign_with_two_tiers_in_the_default_pack_names_both_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    tutor().arg("export-content").arg(&dir).assert().success();
    let sites = dir.join("sites.toml");
    let text = fs::read_to_string(&sites).unwrap();
    let sign = "\"Chest pain that is sudden or severe\"";
    // The first time the line is written on a place (Whole body), as an emergency (it is in the
    // `emergency_number` list above the places too).
    let places = text.lines().position(|l| l == "[[site]]").unwrap();
    let first = places + text.lines().skip(places).position(|l| l.trim().trim_end_matches(',') == sign).unwrap() + 1;
    // On the lungs, move it to "call today".
    let text = text.replacen(
        "  \"Coughing up a small amount of blood\",\n",
        &format!("  \"Coughing up a small amount of blood\",\n  {sign},\n"),
        1,
    );
    let second = text.lines().position(|l| l.contains("small amount of blood")).unwrap() + 2;
    fs::write(&sites, text).unwrap();
    let out = tutor().arg("check").arg(&dir).assert().failure().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert!(errors[0].starts_with(&format!("{}:{second}: error: the sign", sites.display())), "{out}");
    assert!(
        errors[0]
            .contains(&format!("`call_today` on `lungs` here but `emergency` on `whole-body` at sites.toml:{first}")),
        "{out}"
    );
}

#[test]
fn a_sign_group_holds_a_line_to_its_tier_in_the_default_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    tutor().arg("export-content").arg(&dir).assert().success();
    let sites = dir.join("sites.toml");
    // A new "call today" line on the brain that talks about a fit.
    let text = fs::read_to_string(&sites).unwrap().replacen(
        "  \"New dizziness\",\n",
        "  \"New dizziness\",\n  \"A short fit that stops by itself\",\n",
        1,
    );
    let line = text.lines().position(|l| l.contains("A short fit")).unwrap() + 1;
    let group = text.lines().position(|l| l.contains("\"seizure\", \"seizures\"")).unwrap() - 2; // its [[synonyms]] line
    fs::write(&sites, text).unwrap();
    tutor().arg("check").arg(&dir).assert().failure().stdout(predicate::str::contains(format!(
        "{}:{line}: error: the sign \"A short fit that stops by itself\" on `brain` is `call_today`, but it has \"fit\" \
         from the sign group at sites.toml:{group}",
        sites.display()
    )));
}

#[test]
fn each_plain_language_fixture_gives_exactly_its_warnings_at_file_line() {
    let mut seen = 0;
    for entry in fs::read_dir(fixtures().join("warnings")).unwrap() {
        let dir = entry.unwrap().path();
        let expected: Vec<String> = fs::read_to_string(dir.join("expected.txt"))
            .unwrap()
            .lines()
            .map(|line| format!("{}/{line}", dir.display()))
            .collect();
        assert!(!expected.is_empty(), "{}", dir.display());
        // Warnings do not fail the check.
        let out = tutor().arg("check").arg(&dir).assert().success().get_output().stdout.clone();
        let out = String::from_utf8(out).unwrap();
        let warnings: Vec<&str> = out.lines().filter(|l| l.contains(": warning: ")).collect();
        assert_eq!(warnings, expected, "{}:\n{out}", dir.display());
        seen += 1;
    }
    assert!(seen >= 7, "only {seen} warning packs");
}

/// The score card of one lesson from `check --format json`.
fn score_card(dir: &Path, lesson: &str) -> serde_json::Value {
    let out = tutor().arg("check").arg(dir).args(["--format", "json"]).assert().success().get_output().stdout.clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    report["score_cards"].as_array().unwrap().iter().find(|c| c["lesson"] == lesson).cloned().unwrap()
}

fn item_passes(card: &serde_json::Value, item: &str) -> bool {
    let found = card["items"].as_array().unwrap().iter().find(|i| i["item"] == item);
    found.unwrap_or_else(|| panic!("no {item} in {card}"))["pass"].as_bool().unwrap()
}

#[test]
fn json_gives_a_score_card_per_lesson_with_a_pemat_style_percentage() {
    let valid = score_card(&fixtures().join("valid"), "more");
    assert_eq!(valid["understandability"], 100, "{valid}");
    assert_eq!(valid["actionable"], true);
    assert_eq!(valid["items"].as_array().unwrap().len(), 13);
    assert!(valid["items"].as_array().unwrap().iter().all(|i| i["pass"] == true && i["source"] != ""));

    // 9 understandability items: one failed is 8 of 9, 89%.
    let calculation = score_card(&fixtures().join("warnings/calculation"), "more");
    assert!(!item_passes(&calculation, "no-calculations"), "{calculation}");
    assert_eq!(calculation["understandability"], 89, "{calculation}");
    // The other lesson is not touched.
    assert_eq!(score_card(&fixtures().join("warnings/calculation"), "intro")["understandability"], 100);

    // Actionability and review dates are not understandability items.
    let no_action = score_card(&fixtures().join("warnings/no-action"), "more");
    assert_eq!(no_action["actionable"], false);
    assert!(!item_passes(&no_action, "action"));
    assert_eq!(no_action["understandability"], 100);
    let overdue = score_card(&fixtures().join("warnings/review-overdue"), "more");
    assert!(!item_passes(&overdue, "review-date"));
    assert_eq!(overdue["understandability"], 100);
    // Nor is the safety rule that symptoms lead to "When to get help now".
    let unlinked = score_card(&fixtures().join("warnings/symptoms-without-get-help"), "more");
    assert!(!item_passes(&unlinked, "symptoms-lead-to-get-help"), "{unlinked}");
    assert_eq!(unlinked["understandability"], 100);
    let linked = score_card(&fixtures().join("warnings/symptoms-without-get-help"), "linked");
    assert!(item_passes(&linked, "symptoms-lead-to-get-help"), "{linked}");
    for (fixture, item) in [
        ("abbreviation-unexplained", "abbreviations"),
        ("colour-or-position", "no-colour-or-position"),
        ("long-paragraph", "short-paragraphs"),
        ("empty-heading", "informative-headings"),
    ] {
        let card = score_card(&fixtures().join("warnings").join(fixture), "more");
        assert!(!item_passes(&card, item), "{fixture}: {card}");
    }
    // Findings name the item they count against.
    let out = tutor().arg("check").arg(fixtures().join("warnings/empty-heading")).args(["--format", "json"]).output();
    let report: serde_json::Value = serde_json::from_slice(&out.unwrap().stdout).unwrap();
    assert_eq!(report["findings"][0]["rule"], "informative-headings");
}

#[test]
fn a_pack_in_a_language_without_rules_is_not_judged_by_english_word_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&fixtures().join("warnings/empty-heading"), &pack);
    // French: no table at all, so English part markers ("Key points") and no rules. (Spanish
    // has its own markers and readability, so English text labelled Spanish is judged.)
    let manifest =
        fs::read_to_string(pack.join("pack.toml")).unwrap().replace("language = \"en\"", "language = \"fr\"");
    fs::write(pack.join("pack.toml"), manifest).unwrap();
    // Its one warning is the interface words it lacks (it has no words.toml), not the lessons.
    let out = tutor().arg("check").arg(&pack).assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("0 errors, 1 warning"), "{out}");
    assert!(out.contains("pack.toml:1: warning: ") && out.contains("interface words have no `fr` text"), "{out}");
}

/// The check-in's red flags are checked against the lesson and the body map: a section of
/// when-to-get-help that does not exist, or a sign that is not a "get help now" line of
/// sites.toml, is an error naming checkin.toml and the line.
#[test]
fn a_red_flag_must_point_at_a_real_section_and_a_get_help_now_sign() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    tutor().arg("export-content").arg(&pack).assert().success();
    tutor().arg("check").arg(&pack).assert().success();
    let file = pack.join("checkin.toml");
    let text = fs::read_to_string(&file).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let see = line_of("see = \"when-to-get-help#bleeding\"");
    let sign = line_of("\"Not being able to keep fluids or medicines down for a day\"");
    let broken = text.replace("when-to-get-help#bleeding", "when-to-get-help#no-such-section").replace(
        "\"Not being able to keep fluids or medicines down for a day\"",
        "\"Feeling sick (nausea) that is new or getting worse\"",
    );
    fs::write(&file, broken).unwrap();
    let out = tutor().arg("check").arg(&pack).assert().failure().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let shown = file.display();
    assert!(
        out.contains(&format!(
            "{shown}:{see}: error: red flag `bleeding`: `see`: unknown section `when-to-get-help#no-such-section`"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{shown}:{sign}: error: red flag `fluids`: the sign \"Feeling sick (nausea) that is new or getting worse\" is in the `call_today` list of sites.toml")),
        "{out}"
    );
}

/// A pack in Spanish of two lessons: one plain, one long-winded.
fn spanish_pack(dir: &Path) {
    fs::create_dir_all(dir.join("lessons")).unwrap();
    let manifest = "id = \"p\"\nname = \"P\"\nlanguage = \"es\"\nversion = \"1\"\npublisher = \"Nosotros\"\n";
    fs::write(dir.join("pack.toml"), manifest).unwrap();
    let lesson = |id: &str, text: &str| {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"R.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n\
             # T\n\n**Puntos clave**\n\n- Hable con su equipo.\n\n## Parte\n\n{text}\n"
        )
    };
    let plain = "El cáncer puede crecer. Hable con su equipo de atención médica. Llame hoy si tiene fiebre.";
    let hard = "La quimioterapia administrada conjuntamente con radioterapia estereotáctica fraccionada \
                proporciona habitualmente supervivencias considerablemente prolongadas.";
    fs::write(dir.join("lessons/01-plain.md"), lesson("plain", plain)).unwrap();
    fs::write(dir.join("lessons/02-hard.md"), lesson("hard", hard)).unwrap();
}

#[test]
fn a_spanish_pack_is_scored_by_fernandez_huerta_and_inflesz_not_by_grade() {
    let tmp = tempfile::tempdir().unwrap();
    spanish_pack(tmp.path());
    let out = tutor().arg("check").arg(tmp.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |id: &str| text.lines().find(|l| l.trim_start().starts_with(id)).unwrap_or_default().to_string();
    for id in ["plain", "hard"] {
        assert!(row(id).contains("Fernández-Huerta") && row(id).contains("INFLESZ"), "{text}");
        assert!(!row(id).contains("grade") && !row(id).contains("SMOG"), "{text}");
    }
    assert!(row("plain").contains("(very easy)") || row("plain").contains("(fairly easy)"), "{text}");
    assert!(row("hard").contains("(very difficult)"), "{text}");
    // The hard lesson warns on both scales; the plain one does not; no English grade rules.
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains(": warning: ")).collect();
    assert!(warnings.iter().any(|w| w.contains("02-hard.md:1:") && w.contains("Fernández-Huerta")), "{text}");
    assert!(warnings.iter().any(|w| w.contains("02-hard.md:1:") && w.contains("INFLESZ")), "{text}");
    assert!(!warnings.iter().any(|w| w.contains("01-plain.md")), "{text}");
    assert!(!text.contains("grade") && !text.contains("SMOG"), "{text}");
    let out = tutor().arg("check").arg(tmp.path()).args(["--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plain = &report["readability"][0];
    assert_eq!(plain["lesson"], "plain");
    assert!(plain["fernandez_huerta"].as_f64().unwrap() >= 70.0, "{plain}");
    assert_eq!(plain["inflesz_band"], "very-easy");
}

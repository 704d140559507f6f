//! A pack's own interface words (`words.toml`), the words `check` says will show in English,
//! and the family check: items one pack of a family has and another lacks.

mod common;

use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn tutor() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").env("PATIENT_TUTOR_NOW", "1764028800").env("PATIENT_TUTOR_LANG", "en");
    cmd
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The small valid pack, copied, in `language`, with `words` as its words.toml (if any).
fn pack_in(tmp: &Path, name: &str, language: &str, words: Option<&str>) -> PathBuf {
    let pack = tmp.join(name);
    copy_dir(&repo().join("tests/fixtures/packs/valid"), &pack);
    let manifest = fs::read_to_string(pack.join("pack.toml")).unwrap();
    fs::write(pack.join("pack.toml"), manifest.replace("language = \"en\"", &format!("language = \"{language}\"")))
        .unwrap();
    if let Some(words) = words {
        fs::write(pack.join("words.toml"), words).unwrap();
    }
    pack
}

fn output(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

fn progress(pack: &Path, tmp: &Path) -> String {
    let (ok, out) =
        output(tutor().arg("--content").arg(pack).arg("--progress").arg(tmp.join("p.json")).arg("progress"));
    assert!(ok, "{out}");
    out
}

#[test]
fn a_packs_words_show_and_a_missing_word_falls_back_to_english() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_in(tmp.path(), "fr", "fr", Some("[plain]\nstatus_new = \"nouvelle\"\n"));
    let out = progress(&pack, tmp.path());
    assert!(out.contains("nouvelle"), "the pack's word: {out}");
    assert!(out.contains("Lessons: 0 of 2 read"), "no French for this one: English: {out}");
}

#[test]
fn a_missing_word_falls_back_to_the_built_in_words_of_the_packs_language() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_in(tmp.path(), "es", "es", Some("[plain]\nstatus_new = \"por leer\"\n"));
    let out = progress(&pack, tmp.path());
    assert!(out.contains("por leer"), "{out}");
    assert!(out.contains("Lecciones: 0 de 2 leídas"), "the built-in Spanish words: {out}");
}

#[test]
fn a_packs_words_are_made_safe_to_show() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_in(tmp.path(), "fr", "fr", Some("[plain]\nstatus_new = \"nou\\u001b]0;x\\u0007velle\"\n"));
    let out = progress(&pack, tmp.path());
    assert!(out.contains("nou") && out.contains("velle"), "the word is shown: {out:?}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "without its escape: {out:?}");
}

#[test]
fn unknown_keys_and_wrong_places_are_errors_at_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    let words = "# Our words\n[plain]\nstatus_new = \"nouvelle\"\nno_such_word = \"x\"\nstatus_in_progress = \"en cours {pourcent} %\"\n";
    let pack = pack_in(tmp.path(), "fr", "fr", Some(words));
    let file = pack.join("words.toml").display().to_string();
    let (ok, out) = output(tutor().arg("check").arg(&pack));
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("{file}:4: error: unknown word `plain.no_such_word`")), "{out}");
    assert!(
        out.contains(&format!("{file}:5: error: `plain.status_in_progress`: its places are [{{pourcent}}]")),
        "{out}"
    );
    // The tutor does not start with a broken pack either.
    let (ok, out) = output(tutor().arg("--content").arg(&pack).arg("lessons"));
    assert!(!ok && out.contains("words.toml:4"), "{out}");
}

#[test]
fn a_broken_words_file_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_in(tmp.path(), "fr", "fr", Some("[plain]\nstatus_new = \"nouvelle\"\nstatus_read = \n"));
    let file = pack.join("words.toml").display().to_string();
    let (ok, out) = output(tutor().arg("check").arg(&pack));
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("{file}:3: error:")), "{out}");
}

#[test]
fn check_reports_the_words_that_will_show_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = pack_in(tmp.path(), "fr", "fr", Some("[plain]\nstatus_new = \"nouvelle\"\n"));
    let file = pack.join("words.toml").display().to_string();
    let (_, out) = output(tutor().arg("check").arg(&pack));
    let line = out.lines().find(|l| l.contains("interface words")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with(&format!("{file}:1: warning: ")), "{line}");
    assert!(line.contains("and ") && line.contains("--format json"), "a count and the first keys: {line}");
    let (_, json) = output(tutor().arg("check").arg(&pack).args(["--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let missing: Vec<&str> = report["missing_words"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(missing.contains(&"plain.status_read"), "{missing:?}");
    assert!(!missing.contains(&"plain.status_new"), "{missing:?}");
    assert!(missing.len() > 100);
}

#[test]
fn the_family_check_lists_what_a_second_pack_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let en = pack_in(tmp.path(), "en", "en", None);
    let fr = pack_in(tmp.path(), "fr", "fr", None);
    // The French pack lacks a lesson, a question, a site and a section anchor.
    fs::remove_file(fr.join("lessons/02-more.md")).unwrap();
    let manifest = fs::read_to_string(fr.join("pack.toml")).unwrap();
    fs::write(fr.join("pack.toml"), manifest.replace("lessons = [\"more\"]", "lessons = []")).unwrap();
    let intro = fs::read_to_string(fr.join("lessons/01-intro.md")).unwrap();
    fs::write(fr.join("lessons/01-intro.md"), intro.replace("## Other part", "## Autre partie")).unwrap();
    let quiz = fs::read_to_string(fr.join("quizzes/intro.toml")).unwrap();
    let second = quiz.find("[[question]]\nid = \"intro-two\"").unwrap();
    let end = quiz[second + 1..].find("[[question]]").map_or(quiz.len(), |i| second + 1 + i);
    fs::write(fr.join("quizzes/intro.toml"), format!("{}{}", &quiz[..second], &quiz[end..])).unwrap();
    let sites = fs::read_to_string(fr.join("sites.toml")).unwrap();
    fs::write(fr.join("sites.toml"), sites.replacen("id = \"head\"", "id = \"tete\"", 1)).unwrap();

    let (_, out) = output(tutor().arg("check").arg(&en).arg(&fr));
    let at = |file: &str, text: &str| {
        let file = en.join(file).display().to_string();
        out.lines().any(|l| l.starts_with(&file) && l.contains(text) && l.contains("missing in valid-fixture"))
    };
    assert!(at("lessons/02-more.md:1:", "lesson `more`"), "{out}");
    assert!(at("lessons/01-intro.md:", "section `intro#other-part`"), "{out}");
    assert!(at("quizzes/intro.toml:", "quiz question `intro/intro-two`"), "{out}");
    assert!(at("sites.toml:", "site `head`"), "{out}");
    // What only the French pack has is named at its own file.
    let tete = fr.join("sites.toml").display().to_string();
    assert!(out.lines().any(|l| l.starts_with(&tete) && l.contains("site `tete`")), "{out}");
}

#[test]
fn the_built_in_family_check_finds_a_question_the_spanish_pack_lacks() {
    let tmp = tempfile::tempdir().unwrap();
    let es = tmp.path().join("es");
    copy_dir(&repo().join("packs/es"), &es);
    let quiz_file = fs::read_dir(es.join("quizzes")).unwrap().map(|e| e.unwrap().path()).min().unwrap();
    let quiz = fs::read_to_string(&quiz_file).unwrap();
    let second = quiz.match_indices("[[question]]").nth(1).unwrap().0;
    let id_line = quiz[second..].lines().find(|l| l.starts_with("id")).unwrap().to_string();
    let id = id_line.split('"').nth(1).unwrap().to_string();
    let next = quiz[second + 1..].find("[[question]]").map_or(quiz.len(), |i| second + 1 + i);
    fs::write(&quiz_file, format!("{}{}", &quiz[..second], &quiz[next..])).unwrap();
    let (_, out) = output(tutor().current_dir(repo()).arg("check").arg(&es));
    assert!(
        out.lines().any(|l| l.starts_with("content/quizzes/")
            && l.contains(&format!("/{id}` of default-en is missing in this pack (default-es)"))),
        "{out}"
    );
}

#[test]
fn the_spanish_pack_has_no_missing_items() {
    let (_, out) = output(tutor().current_dir(repo()).args(["check", "packs/es"]));
    assert!(out.contains("0 errors"), "{out}");
    let missing: Vec<&str> =
        out.lines().filter(|l| l.contains("is missing in") || l.contains("interface words")).collect();
    assert!(missing.is_empty(), "{missing:#?}");
    let (_, json) = output(tutor().current_dir(repo()).args(["check", "packs/es", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report.get("missing_words").is_none(), "{json}");
}

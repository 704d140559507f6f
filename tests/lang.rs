//! Choosing the language (`--lang`, `PATIENT_TUTOR_LANG`, the locale), run as a real process.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// The tutor with no language set anywhere: each test says the one it means.
fn tutor(progress: &Path) -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.arg("--progress").arg(progress).env_remove("PATIENT_TUTOR_CONTENT").env_remove("NO_COLOR");
    for name in ["PATIENT_TUTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    cmd
}

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    (dir, progress)
}

#[test]
fn lang_es_gives_spanish_words_in_a_plain_command() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .args(["--lang", "es", "lessons"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva"))
        .stdout(predicate::str::contains("\tnew").not());
}

#[test]
fn a_spanish_locale_gives_spanish_words() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .arg("lessons")
        .env("LANG", "es_ES.UTF-8")
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva"));
    tutor(&progress)
        .arg("lessons")
        .env("PATIENT_TUTOR_LANG", "es")
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva"));
}

#[test]
fn a_language_the_program_lacks_stays_english() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .args(["--lang", "fr", "lessons"])
        .env("LANG", "es_ES.UTF-8")
        .assert()
        .success()
        .stdout(predicate::str::contains("new"))
        .stdout(predicate::str::contains("nueva").not());
}

#[test]
fn lang_es_reads_the_spanish_lesson() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .args(["--lang", "es", "read", "when-to-get-help", "--width", "80"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cuándo pedir ayuda ahora mismo"))
        .stdout(predicate::str::contains("A quién llamar"))
        .stdout(predicate::str::contains("When to get help now").not());
    // The Spanish lessons are the ones listed, under their Spanish titles.
    tutor(&progress)
        .args(["--lang", "es", "lessons"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cuándo pedir ayuda ahora mismo"));
}

#[test]
fn the_spanish_pack_borrows_the_english_sites_for_now() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .args(["--lang", "es", "sites"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(whole-body)"))
        .stdout(predicate::str::contains("911"));
}

#[test]
fn a_content_folder_wins_over_the_language() {
    let (_dir, progress) = temp();
    let english = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    tutor(&progress)
        .args(["--lang", "es", "read", "when-to-get-help"])
        .arg("--content")
        .arg(&english)
        .assert()
        .success()
        .stdout(predicate::str::contains("When to get help now"))
        .stdout(predicate::str::contains("Cuándo pedir ayuda").not());
}

#[test]
fn answers_in_spanish_are_kept_for_the_spanish_pack_only() {
    let (_dir, progress) = temp();
    tutor(&progress)
        .args(["--lang", "es", "--plain", "quiz", "what-is-metastasis"])
        .write_stdin("1\n".repeat(20))
        .assert()
        .success();
    let first_quiz = |out: &str| {
        out.lines().find(|l| l.starts_with("  What stage 4") || l.starts_with("  Qué es")).map(str::to_string)
    };
    let english = tutor(&progress).args(["--lang", "en", "progress"]).assert().success();
    let english = String::from_utf8(english.get_output().stdout.clone()).unwrap();
    assert_eq!(first_quiz(&english).as_deref(), Some("  What stage 4 cancer is: not taken yet"), "{english}");
    let spanish = tutor(&progress).args(["--lang", "es", "progress"]).assert().success();
    let spanish = String::from_utf8(spanish.get_output().stdout.clone()).unwrap();
    let line = first_quiz(&spanish).unwrap_or_default();
    assert!(line.contains("respondidas: 8 de 8"), "{spanish}");
}

#[test]
fn the_language_chosen_in_the_tutor_wins_over_the_locale_not_over_the_flag() {
    let (_dir, progress) = temp();
    std::fs::write(&progress, "schema = 1\nlanguage = \"es\"\n").unwrap();
    tutor(&progress)
        .arg("lessons")
        .env("LANG", "en_US.UTF-8")
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva"));
    tutor(&progress)
        .args(["--lang", "en", "lessons"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva").not());
    tutor(&progress)
        .arg("lessons")
        .env("PATIENT_TUTOR_LANG", "en")
        .assert()
        .success()
        .stdout(predicate::str::contains("nueva").not());
    // A broken file names no language: the locale decides, and the file is left alone.
    std::fs::write(&progress, "schema = [\n").unwrap();
    tutor(&progress).args(["sites"]).env("LANG", "es_ES.UTF-8").assert().success();
    assert_eq!(std::fs::read_to_string(&progress).unwrap(), "schema = [\n");
}

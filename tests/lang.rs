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

//! Content packs on the command line: either folder layout, the pack.toml manifest,
//! SMOG and main/detail grades in `check`, and `read` with More detail and content notes.

mod common;

use common::copy_dir;

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn tutor() -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.env_remove("PATIENT_TUTOR_CONTENT").env("PATIENT_TUTOR_NOW", "1764028800");
    cmd
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn valid_fixture() -> PathBuf {
    repo().join("tests/fixtures/packs/valid")
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn the_checkouts_content_folder_is_a_pack_with_assets_beside_it() {
    // `content/` holds the lessons; the body map is in `assets/` next to it.
    let out = stdout(tutor().current_dir(repo()).args(["check", "content", "--max-grade", "8"]));
    assert!(out.contains("0 errors"), "{out}");
    assert!(!out.contains("content/assets"), "{out}");
    let lessons = stdout(tutor().current_dir(repo()).args(["--content", "content", "lessons"]));
    assert_eq!(lessons.lines().count(), 19, "{lessons}");
    let sites = stdout(tutor().current_dir(repo()).args(["--content", "content", "sites"]));
    assert!(!sites.is_empty());
}

#[test]
fn a_folder_holding_content_and_assets_side_by_side_is_a_pack() {
    let out = stdout(tutor().current_dir(repo()).args(["check", "."]));
    assert!(out.contains("0 errors"), "{out}");
    let lessons = stdout(tutor().arg("--content").arg(repo()).arg("lessons"));
    assert!(lessons.starts_with("what-is-metastasis\t"), "{lessons}");
}

#[test]
fn a_map_missing_from_both_places_is_named_where_it_was_looked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    fs::remove_dir_all(pack.join("assets")).unwrap();
    let out = tutor().arg("check").arg(&pack).assert().failure().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let wanted = format!("{}: error: cannot open", pack.join("assets/map.txt").display());
    assert!(out.contains(&wanted), "{out}");
}

#[test]
fn export_content_writes_the_readme_layout_with_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-pack");
    tutor().arg("export-content").arg(&dir).assert().success();
    for file in ["pack.toml", "lessons/01-what-is-metastasis.md", "quizzes/staging.toml", "assets/body-map.txt"] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    assert!(!dir.join("content").exists());
    let out = stdout(tutor().arg("check").arg(&dir).args(["--max-grade", "8"]));
    assert!(out.lines().any(|l| l == "0 errors, 0 warnings"), "{out}");
}

#[test]
fn a_pack_without_a_manifest_gets_a_warning_with_the_lines_to_add() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    fs::remove_file(pack.join("pack.toml")).unwrap();
    let out = stdout(tutor().arg("check").arg(&pack));
    let line = out.lines().find(|l| l.contains("warning: no pack.toml")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with(&format!("{}: warning:", pack.join("pack.toml").display())), "{line}");
    for field in ["id = ", "name = ", "language = \"en\"", "version = ", "publisher = ", "[[group]]"] {
        assert!(line.contains(field), "{field} not in {line}");
    }
    assert!(out.lines().any(|l| l == "0 errors, 1 warning"), "{out}");
    // The tutor still opens it, as a flat list.
    tutor().arg("--content").arg(&pack).arg("lessons").assert().success();
}

#[test]
fn a_lesson_in_no_group_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    let manifest = fs::read_to_string(pack.join("pack.toml")).unwrap().replace("lessons = [\"more\"]", "lessons = []");
    fs::write(pack.join("pack.toml"), manifest).unwrap();
    let out = stdout(tutor().arg("check").arg(&pack));
    assert!(
        out.contains(&format!("{}:13: warning: lesson `more` is in no group", pack.join("pack.toml").display())),
        "{out}"
    );
}

#[test]
fn check_shows_smog_next_to_flesch_kincaid_per_lesson_and_on_average() {
    let out = stdout(tutor().args(["check"]));
    let row = out.lines().find(|l| l.trim_start().starts_with("staging ")).unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains(" grade ") && row.contains(" SMOG "), "{row}");
    let average = out.lines().find(|l| l.contains("pack average:")).unwrap();
    assert!(average.contains("grade ") && average.contains("SMOG "), "{average}");
    let json: serde_json::Value =
        serde_json::from_slice(&tutor().args(["check", "--format", "json"]).assert().success().get_output().stdout)
            .unwrap();
    let smog = json["readability"][0]["smog"].as_f64().unwrap();
    assert!(smog > 3.0 && smog < 12.0, "{smog}");
    assert!(json["average_smog"].as_f64().is_some());
}

/// The valid fixture with one hard More detail part added to its first lesson.
fn pack_with_hard_detail() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    let lesson = pack.join("lessons/01-intro.md");
    let hard = "\n### More detail: the pharmacology\n\nPharmacokinetic considerations regarding intravenous \
                administration necessitate individualized multidisciplinary evaluation, particularly concerning \
                hepatic metabolism, renal elimination and cumulative cardiotoxicity associated with anthracycline \
                chemotherapeutic regimens.\n";
    let text = fs::read_to_string(&lesson).unwrap().replace("## Other part", &format!("{hard}\n## Other part"));
    fs::write(&lesson, text).unwrap();
    (tmp, pack)
}

#[test]
fn check_grades_main_text_and_detail_apart() {
    let before = stdout(tutor().arg("check").arg(valid_fixture()).args(["--format", "json"]));
    let (_tmp, pack) = pack_with_hard_detail();
    let after = stdout(tutor().arg("check").arg(&pack).args(["--format", "json"]));
    let grade = |json: &str, field: &str| -> Option<f64> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let intro = v["readability"].as_array().unwrap().iter().find(|r| r["lesson"] == "intro").cloned().unwrap();
        match field {
            "main" => intro["grade"].as_f64(),
            _ => intro["detail"]["grade"].as_f64(),
        }
    };
    // The hard part does not change the main text's grade; it is graded on its own.
    assert_eq!(grade(&before, "main"), grade(&after, "main"));
    assert_eq!(grade(&before, "detail"), None);
    assert!(grade(&after, "detail").unwrap() > 10.0);
    let text = stdout(tutor().arg("check").arg(&pack));
    let file = pack.join("lessons/01-intro.md");
    assert!(text.contains(&format!("{}:20: warning: the More detail parts read at grade", file.display())), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("intro") && l.contains("detail:")), "{text}");
}

#[test]
fn a_hard_main_text_is_a_warning_and_max_grade_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    let lesson = pack.join("lessons/02-more.md");
    let hard = "\nPharmacokinetic considerations regarding intravenous administration necessitate individualized \
                multidisciplinary evaluation.\n";
    fs::write(&lesson, fs::read_to_string(&lesson).unwrap() + hard).unwrap();
    let out = stdout(tutor().arg("check").arg(&pack));
    assert!(out.contains("warning: main text reads at grade"), "{out}");
    assert!(out.contains("warning: main text has a SMOG grade of"), "{out}");
    assert!(out.contains("warning: the main text of the lessons reads at grade"), "{out}");
    tutor().arg("check").arg(&pack).args(["--max-grade", "8"]).assert().failure();
}

#[test]
fn read_folds_more_detail_unless_asked_for_it() {
    let folded = stdout(tutor().args(["read", "side-effects", "--width", "200"]));
    assert!(folded.contains("More detail: how immune side effects differ (read side-effects --detail)"), "{folded}");
    assert!(!folded.contains("pneumonitis"), "{folded}");
    assert!(folded.contains("Radiation therapy"), "the text after the part is kept");
    let full = stdout(tutor().args(["read", "side-effects", "--detail", "--width", "200"]));
    assert!(full.contains("pneumonitis"));
    assert!(!full.contains("--detail)"));
}

#[test]
fn read_of_one_section_folds_its_more_detail_and_keeps_the_content_note() {
    let folded = stdout(tutor().args(["read", "side-effects#immunotherapy", "--width", "200"]));
    assert!(folded.starts_with("Immunotherapy\n"), "{folded}");
    assert!(folded.contains("More detail: how immune side effects differ (read side-effects --detail)"), "{folded}");
    assert!(!folded.contains("pneumonitis"), "{folded}");
    assert!(!folded.contains("Radiation therapy"), "the next section is not shown: {folded}");
    assert!(folded.contains("Sources: "), "{folded}");
    let full = stdout(tutor().args(["read", "side-effects#immunotherapy", "--detail", "--width", "200"]));
    assert!(full.contains("pneumonitis"), "{full}");
    assert!(!full.contains("--detail)"), "{full}");
    // A section of a lesson behind a content note shows the note first, too.
    let out = stdout(tutor().args(["read", "near-the-end#after-a-death", "--width", "200"]));
    assert!(out.starts_with("Content note: "), "{out}");
    assert!(out.contains("More detail: the next practical steps (read near-the-end --detail)"), "{out}");
}

#[test]
fn read_prints_a_lessons_content_note_first() {
    let out = stdout(tutor().args(["read", "near-the-end", "--width", "200"]));
    let first = out.lines().find(|l| !l.trim().is_empty()).unwrap();
    assert_eq!(
        first,
        "Content note: This lesson is about the last weeks and days of life. You can read it now, or skip it for now."
    );
    let plain = stdout(tutor().args(["read", "staging"]));
    assert!(!plain.contains("Content note"));
}

#[test]
fn an_empty_content_note_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&valid_fixture(), &pack);
    let lesson = pack.join("lessons/02-more.md");
    let text = fs::read_to_string(&lesson).unwrap().replace("reviewed =", "content_note = \" \"\nreviewed =");
    fs::write(&lesson, text).unwrap();
    tutor().arg("check").arg(&pack).assert().failure().stdout(predicate::str::contains("`content_note` is empty"));
}

#[test]
fn the_embedded_manifest_names_the_default_pack() {
    let pack = patient_tutor::content::load_embedded().unwrap();
    let manifest = pack.manifest.as_ref().expect("content/pack.toml is embedded");
    assert_eq!((manifest.id.as_str(), manifest.language.as_str()), ("default-en", "en"));
    assert_eq!(manifest.name, "patient-tutor: stage 4 cancer");
    // Every lesson is in exactly one group.
    let grouped: Vec<&str> = manifest.groups.iter().flat_map(|g| g.lessons.iter().map(|l| l.id.as_str())).collect();
    let mut sorted = grouped.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), grouped.len());
    assert_eq!(grouped.len(), pack.lessons.len());
}

fn extends_fixture() -> PathBuf {
    repo().join("tests/fixtures/packs/extends")
}

#[test]
fn a_pack_that_extends_the_default_holds_only_what_it_adds_or_replaces() {
    let dir = extends_fixture();
    // The merged lessons: all 19 of the default, the replaced one in place, the new one by its file name.
    let lessons = stdout(tutor().arg("--content").arg(&dir).arg("lessons"));
    let rows: Vec<&str> = lessons.lines().collect();
    assert_eq!(rows.len(), 20, "{lessons}");
    assert_eq!(rows[4], "staging\tHow stage 4 is decided\tnew");
    assert_eq!(rows[5], "our-clinic\tOur clinic\tnew");
    assert_eq!(rows[9], "remission-and-ned\tRemission and NED: our clinic\tnew");
    // Glossary terms: replaced by term, new ones added, the rest kept.
    let define = stdout(tutor().arg("--content").arg(&dir).args(["define", "ascites"]));
    assert!(define.contains("Our clinic can drain it"), "{define}");
    let define = stdout(tutor().arg("--content").arg(&dir).args(["define", "nurse", "line"]));
    assert!(define.contains("phone number"), "{define}");
    tutor().arg("--content").arg(&dir).args(["define", "metastasis"]).assert().success();
    // The base's quizzes still come with it.
    let quiz =
        stdout(tutor().arg("--content").arg(&dir).args(["quiz", "staging", "--plain", "--seed", "1"]).write_stdin(""));
    assert!(quiz.contains("1."), "{quiz}");

    // check: no errors, and where each item came from.
    let out = stdout(tutor().arg("check").arg(&dir));
    assert!(out.contains("0 errors"), "{out}");
    let own = |file: &str| dir.join(file).display().to_string();
    assert!(out.contains(&format!("  lesson our-clinic: {}", own("lessons/05a-our-clinic.md"))), "{out}");
    assert!(out.contains(&format!("  glossary term ascites: {}", own("glossary.toml"))), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(tutor().arg("check").arg(&dir).args(["--format", "json"]))).unwrap();
    let origin = |kind: &str, id: &str| -> String {
        let all = json["origins"].as_array().unwrap();
        let found = all.iter().find(|o| o["kind"] == kind && o["id"] == id);
        found.unwrap_or_else(|| panic!("no {kind} {id}"))["file"].as_str().unwrap().to_string()
    };
    assert_eq!(origin("lesson", "staging"), "default:lessons/05-staging.md");
    assert_eq!(origin("lesson", "remission-and-ned"), own("lessons/09-remission-and-ned.md"));
    assert_eq!(origin("quiz", "staging"), "default:quizzes/staging.toml");
    assert_eq!(origin("glossary term", "metastasis"), "default:glossary.toml");
    assert_eq!(origin("site", "liver"), "default:sites.toml");
    // Inherited groups: a new lesson in none is a warning at the `extends` line.
    assert!(out.contains(&format!("{}:7: warning: lesson `our-clinic` is in no group", own("pack.toml"))), "{out}");
}

#[test]
fn a_broken_lesson_in_an_extending_pack_is_named_by_its_own_file() {
    let tmp = tempfile::tempdir().unwrap();
    let pack = tmp.path().join("pack");
    copy_dir(&extends_fixture(), &pack);
    let lesson = pack.join("lessons/05a-our-clinic.md");
    let text = fs::read_to_string(&lesson).unwrap().replace("[staging](staging)", "[staging](staging#nowhere)");
    fs::write(&lesson, text).unwrap();
    let out =
        String::from_utf8(tutor().arg("check").arg(&pack).assert().failure().get_output().stdout.clone()).unwrap();
    let errors: Vec<&str> = out.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert!(errors[0].starts_with(&format!("{}:16: error: link to unknown section", lesson.display())), "{out}");
}

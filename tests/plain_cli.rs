//! The plain path as a user meets it (issue 15): linear `read`, one section, every
//! "Read more:" pointer readable, the full `progress` summary, the conventions of a
//! well-made command line, and no terminal asked for where there is none.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use clap::CommandFactory;
use patient_tutor::cli::Cli;
use predicates::prelude::*;

fn tutor(progress: &Path) -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.arg("--progress").arg(progress).env_remove("PATIENT_TUTOR_CONTENT").env_remove("NO_COLOR");
    cmd.env_remove("COLUMNS").env("PATIENT_TUTOR_NOW", "1800000000");
    cmd
}

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    (dir, progress)
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn lesson_ids(progress: &Path) -> Vec<String> {
    stdout_of(tutor(progress).arg("lessons")).lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
}

#[test]
fn every_read_more_pointer_is_a_form_read_accepts() {
    let (_d, progress) = temp();
    let mut pointers = BTreeSet::new();
    let mut outputs = vec![stdout_of(tutor(&progress).arg("sites"))];
    for words in ["short of breath", "yellow skin", "headache", "pain", "lump"] {
        outputs.push(stdout_of(tutor(&progress).arg("symptom").args(words.split(' '))));
    }
    for id in lesson_ids(&progress) {
        let answers = "1\n".repeat(40);
        let out = tutor(&progress).args(["quiz", &id, "--plain", "--seed", "3"]).write_stdin(answers).output().unwrap();
        outputs.push(String::from_utf8(out.stdout).unwrap());
    }
    for term in ["metastasis", "palliative care", "hospice", "biopsy"] {
        outputs.push(stdout_of(tutor(&progress).arg("define").args(term.split(' '))));
    }
    for text in &outputs {
        for line in text.lines() {
            if let Some((_, target)) = line.split_once("Read more: ") {
                let pointer = target.split(" (").next().unwrap_or(target);
                pointers.insert(pointer.trim().to_string());
            }
        }
    }
    for query in ["hospice care", "bones", "stage", "scan"] {
        for line in stdout_of(tutor(&progress).arg("search").args(query.split(' '))).lines() {
            pointers.insert(line.split_once(": ").expect("target: snippet").0.to_string());
        }
    }
    assert!(pointers.iter().filter(|p| p.contains('#')).count() > 20, "too few pointers found: {pointers:?}");
    for target in &pointers {
        let out = stdout_of(tutor(&progress).args(["read", target]));
        assert!(out.lines().count() > 2, "read {target}: {out}");
    }
}

#[test]
fn read_in_a_pipe_is_linear() {
    let (_d, progress) = temp();
    for id in lesson_ids(&progress) {
        for width in ["30", "80"] {
            let text = stdout_of(tutor(&progress).args(["read", &id, "--width", width]));
            let boxed = text.chars().find(|c| ('\u{2500}'..='\u{257f}').contains(c));
            assert_eq!(boxed, None, "box drawing in {id} at {width}:\n{text}");
            assert!(!text.contains("[→"), "a link target as an id in {id}:\n{text}");
        }
    }
    let staging = stdout_of(tutor(&progress).args(["read", "staging", "--width", "200"]));
    assert!(staging.contains("Letter: T (tumor)\n"), "{staging}");
    assert!(staging.contains("\n---\n"), "the rule before the sources: {staging}");
    assert!(staging.contains("(see: Outlook and survival numbers, section Survival"), "{staging}");
}

#[test]
fn read_prints_one_section_or_lists_the_sections() {
    let (_d, progress) = temp();
    let text = stdout_of(tutor(&progress).args(["read", "staging#what-m1-means"]));
    assert!(text.starts_with("What M1 means\n\nM0 means"), "{text}");
    assert!(!text.contains("Sub-stages"), "{text}");
    tutor(&progress)
        .args(["read", "staging#nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("has no section `nope`"))
        .stderr(predicate::str::contains("staging#what-m1-means"));
}

#[test]
fn a_draft_with_incomplete_front_matter_is_previewed_with_warnings() {
    let (dir, progress) = temp();
    let page = dir.path().join("draft.md");
    fs::write(&page, "+++\nid = \"draft\"\ntitle = \"Draft\"\n+++\n# Draft\n\nSome words.\n").unwrap();
    tutor(&progress)
        .arg("read")
        .arg(&page)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Draft\n\nSome words.\n"))
        .stderr(predicate::str::contains("`summary` is missing"))
        .stderr(predicate::str::contains("`sources` is missing"))
        .stderr(predicate::str::contains("`reviewed` is missing"))
        .stderr(predicate::str::contains("`title`").not());
}

#[test]
fn without_a_terminal_the_tutor_says_what_to_use_instead() {
    let (_d, progress) = temp();
    for args in [vec![], vec!["quiz", "staging"], vec!["review"]] {
        let out = tutor(&progress).args(&args).write_stdin("").output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert!(
            err.contains("patient-tutor needs a terminal for the full-screen tutor; use `patient-tutor --plain`"),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
    assert!(!progress.exists());
}

#[test]
fn progress_is_a_full_summary() {
    let (dir, progress) = temp();
    // staging read; symptoms at 30%; two staging questions answered (one right, box 2;
    // one wrong, box 1, due at once); one place looked at; two questions, one asked.
    fs::write(
        &progress,
        "schema = 1\nexplored_sites = [\"liver\"]\n\
         [lessons.staging]\nread = true\n[lessons.symptoms]\npercent = 30\n\
         [questions.staging-m1]\nbox = 2\nlast = 1799990000\n\
         [questions.staging-tnm-parts]\nbox = 1\nlast = 1799990000\n\
         [[my_questions]]\nid = 1\ntext = \"Which stage?\"\nasked = true\n\
         [[my_questions]]\nid = 2\ntext = \"What next?\"\n",
    )
    .unwrap();
    let text = stdout_of(tutor(&progress).arg("progress"));
    let lessons = format!("Lessons: 1 of {} read\n", patient_tutor::content::load_embedded().unwrap().lessons.len());
    for want in [
        lessons.as_str(),
        "How stage 4 is decided (read)\n",
        "Symptoms of stage 4 cancer (in progress 30%)\n",
        "Review: 1 question due now (patient-tutor review).\n",
        "Body map: 1 of 11 places looked at: Liver.\n",
        "My questions: 1 question to ask, 1 asked.\n",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    let quiz = text.lines().find(|l| l.starts_with("  How stage 4 is decided:")).expect("staging's quiz line");
    assert!(quiz.contains(": 2 of ") && quiz.contains(" answered, 1 right"), "{quiz}");
    assert!(text.contains("  What stage 4 cancer is: not taken yet\n"), "{text}");
    let shown = dir.path().display().to_string();
    assert!(text.contains(&format!("  Progress: {shown}/progress.toml\n")), "{text}");
    assert!(text.contains(&format!("  Quiz answers: {shown}/progress.history.jsonl\n")), "{text}");

    // Nothing due: when the next review is.
    fs::write(&progress, "schema = 1\n[questions.staging-m1]\nbox = 3\nlast = 1799990000\n").unwrap();
    let text = stdout_of(tutor(&progress).arg("progress"));
    assert!(text.contains("Review: Nothing to review now. The next review is in 3 days (2027-01-"), "{text}");
}

#[test]
fn progress_paths_are_shown_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("evil\x1b]0;x\x07.toml");
    let text = stdout_of(tutor(&progress).arg("progress"));
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
    assert!(text.contains("evil]0;x.toml"), "{text}");
}

/// Every subcommand path (`read`, `questions add`, …).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, &p, out);
        }
    }
    let mut out = vec![vec![]];
    walk(&Cli::command(), &[], &mut out);
    out
}

#[test]
fn version_and_help_work_on_every_subcommand() {
    let (_d, progress) = temp();
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        let version = stdout_of(tutor(&progress).args(&path).arg("--version"));
        assert!(version.contains(env!("CARGO_PKG_VERSION")), "{path:?} --version: {version}");
        let help = stdout_of(tutor(&progress).args(&path).arg("--help"));
        assert!(help.contains("Usage: patient-tutor"), "{path:?} --help: {help}");
    }
}

#[test]
fn completions_and_man_page() {
    let (_d, progress) = temp();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(tutor(&progress).args(["completions", shell]));
        assert!(script.contains("patient-tutor") && script.contains("symptom"), "{shell}: {script}");
    }
    tutor(&progress).args(["completions", "tcsh"]).assert().code(2);
    let man = stdout_of(tutor(&progress).arg("man"));
    assert!(man.starts_with(".ie") || man.contains(".TH patient-tutor"), "{man}");
    assert!(man.contains("symptom"), "{man}");
}

#[test]
fn questions_export_dash_writes_to_stdout_and_counts_are_singular_or_plural() {
    let (dir, progress) = temp();
    tutor(&progress)
        .args(["questions", "add", "Which stage is it?"])
        .assert()
        .success()
        .stdout("Added. You have 1 question to ask.\n");
    tutor(&progress)
        .args(["questions", "add", "What comes next?"])
        .assert()
        .success()
        .stdout("Added. You have 2 questions to ask.\n");
    let out = stdout_of(tutor(&progress).current_dir(dir.path()).args(["questions", "export", "-"]));
    assert!(out.contains("- [ ] Which stage is it?"), "{out}");
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    let list = stdout_of(tutor(&progress).arg("questions"));
    assert!(list.ends_with("2 of 2 questions still to ask.\n"), "{list}");
}

#[test]
fn empty_words_get_the_usage() {
    let (_d, progress) = temp();
    for args in [vec!["symptom", ""], vec!["symptom", "  "], vec!["define", ""], vec!["search", ""]] {
        tutor(&progress).args(&args).assert().code(2).stderr(predicate::str::contains("Usage: patient-tutor"));
    }
}

//! The command line, run as a real process.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn tutor(progress: &Path) -> Command {
    let mut cmd = Command::cargo_bin("patient-tutor").unwrap();
    cmd.arg("--progress").arg(progress).env_remove("PATIENT_TUTOR_CONTENT").env_remove("NO_COLOR");
    cmd
}

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    (dir, progress)
}

const IDS: [&str; 19] = [
    "what-is-metastasis",
    "when-to-get-help",
    "symptoms",
    "diagnosis",
    "staging",
    "prognosis",
    "remission-and-ned",
    "treatment",
    "palliative-care",
    "pain",
    "side-effects",
    "treatment-progress",
    "clinical-trials",
    "questions-for-your-care-team",
    "feelings-and-support",
    "for-carers",
    "daily-life",
    "planning-ahead",
    "near-the-end",
];

#[test]
fn lessons_lists_id_title_and_status() {
    let (_d, progress) = temp();
    let out = tutor(&progress).arg("lessons").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), IDS.len());
    for (line, id) in lines.iter().zip(IDS) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert_eq!(fields[0], id);
        assert_eq!(fields[2], "new");
    }
    assert!(!progress.exists(), "listing writes nothing");
}

#[test]
fn lessons_shows_saved_status() {
    let (_d, progress) = temp();
    fs::write(&progress, "schema = 1\n[lessons.staging]\nread = true\n[lessons.symptoms]\npercent = 30\n").unwrap();
    tutor(&progress)
        .arg("lessons")
        .assert()
        .success()
        .stdout(predicate::str::contains("staging\tHow stage 4 is decided\tread"))
        .stdout(predicate::str::contains("symptoms\tSymptoms of stage 4 cancer\tin progress 30%"));
}

#[test]
fn read_prints_a_lesson_as_plain_text_within_the_width() {
    let (_d, progress) = temp();
    let out =
        tutor(&progress).args(["read", "staging", "--width", "50"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("How stage 4 is decided"));
    assert!(text.contains("What M1 means"));
    assert!(text.contains("Sources:"), "sources are shown");
    assert!(!text.contains('\x1b'), "no escape bytes when piped");
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 50, "too wide: {line:?}");
    }
}

#[test]
fn read_respects_env_content_and_progress_vars() {
    let (dir, progress) = temp();
    let pack = dir.path().join("pack");
    fs::create_dir_all(pack.join("lessons")).unwrap();
    fs::write(
        pack.join("lessons/01-hello.md"),
        "+++\nid = \"hello\"\ntitle = \"Hello\"\nsummary = \"A test.\"\nsources = [\"Me\"]\nreviewed = 2026-01-01\n+++\n# Hello\n\nJust a test page.\n",
    )
    .unwrap();
    Command::cargo_bin("patient-tutor")
        .unwrap()
        .env("PATIENT_TUTOR_CONTENT", &pack)
        .env("PATIENT_TUTOR_PROGRESS", &progress)
        .arg("lessons")
        .assert()
        .success()
        .stdout("hello\tHello\tnew\n");
}

#[test]
fn read_previews_a_markdown_file_without_front_matter() {
    let (dir, progress) = temp();
    let page = dir.path().join("draft.md");
    fs::write(&page, "# My draft\n\nSome **bold** words.\n").unwrap();
    tutor(&progress)
        .args(["read", page.to_str().unwrap(), "--width", "40"])
        .assert()
        .success()
        .stdout(predicate::str::contains("My draft"))
        .stdout(predicate::str::contains("Some bold words."));
}

#[test]
fn read_previews_a_file_larger_than_a_pack_file_may_be() {
    // Pack files stop at 2 MiB; a page to preview may be larger (it is streamed out).
    let (dir, progress) = temp();
    let page = dir.path().join("big.md");
    let para = "A line of words that goes on for a while.\n\n";
    let count = 3 * 1024 * 1024 / para.len();
    fs::write(&page, format!("\u{feff}# Big\n\n{}The end.\n", para.repeat(count))).unwrap();
    let out = tutor(&progress).args(["read", page.to_str().unwrap(), "--width", "30"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("Big\n\nA line of words that goes on\nfor a while.\n\n"), "{}", &text[..80]);
    assert!(text.ends_with("for a while.\n\nThe end.\n"));
    assert_eq!(text.lines().count(), 2 + 3 * count + 1);
}

#[test]
fn read_unknown_lesson_lists_the_valid_ids() {
    let (_d, progress) = temp();
    let assert = tutor(&progress).args(["read", "stagin"]).assert().failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("there is no lesson `stagin`"), "{err}");
    for id in IDS {
        assert!(err.contains(id), "{err}");
    }
}

#[test]
fn read_missing_file_is_a_clear_error() {
    let (_d, progress) = temp();
    tutor(&progress)
        .args(["read", "no-such-file.md"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no-such-file.md: cannot open"));
}

#[test]
fn broken_lesson_names_file_and_line_and_writes_nothing() {
    let (dir, progress) = temp();
    let pack = dir.path().join("pack");
    fs::create_dir_all(pack.join("lessons")).unwrap();
    fs::write(
        pack.join("lessons/01-bad.md"),
        "+++\nid = \"bad\"\ntitle = \"Bad\"\nsummary = \"S\"\nsources = [\"X\"]\nreviewed = 2026-13-45\n+++\n# Bad\n",
    )
    .unwrap();
    for args in [vec![], vec!["lessons"]] {
        tutor(&progress)
            .arg("--content")
            .arg(&pack)
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("lessons/01-bad.md:6: front matter:"));
    }
    assert!(!progress.exists());
}

#[test]
fn corrupt_progress_is_moved_aside_and_reported() {
    let (dir, progress) = temp();
    fs::write(&progress, "this is not = = toml").unwrap();
    tutor(&progress)
        .arg("progress")
        .assert()
        .success()
        .stderr(predicate::str::contains("could not be read"))
        .stdout(predicate::str::contains(format!("Lessons: 0 of {} read", IDS.len())));
    let kept: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("progress.toml.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read_to_string(kept[0].path()).unwrap(), "this is not = = toml");
}

/// A progress file with some of everything a reset erases.
const FULL_PROGRESS: &str = r#"schema = 1
explored_sites = ["bone", "liver"]
care_team_number = "0800 123"

[lessons.what-is-metastasis]
read = true

[lessons.staging]
offset = 400
percent = 40

[[my_questions]]
id = 1
text = "Can I travel?"
note = "Yes, with a letter"
added = 1

[[my_questions]]
id = 2
text = "Which scan next?"
added = 2
"#;

#[test]
fn a_reset_names_what_it_erases_with_counts_before_asking() {
    let (_d, progress) = temp();
    fs::write(&progress, FULL_PROGRESS).unwrap();
    plain_quiz(&progress, "1\n");
    let before = fs::read(&progress).unwrap();
    tutor(&progress)
        .args(["progress", "reset"])
        .write_stdin("no\n")
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "A reset erases:\n  - reading places in 2 lessons\n  - quiz history: 1 answer and the review schedule of 1 question\n  \
             - body-map places looked at: 2\n  - your care team's 24-hour number\n  \
             - My questions: 2 questions, 1 with a note\n",
        ))
        .stdout(predicate::str::contains("add --keep-questions"))
        .stderr(predicate::str::contains("This erases all your progress in"))
        .stderr(predicate::str::contains("Nothing was changed."));
    assert_eq!(fs::read(&progress).unwrap(), before, "nothing was changed");
}

#[test]
fn a_reset_with_keep_questions_keeps_them_and_their_notes_and_erases_the_rest() {
    let (_d, progress) = temp();
    fs::write(&progress, FULL_PROGRESS).unwrap();
    plain_quiz(&progress, "1\n");
    let out = tutor(&progress).args(["progress", "reset", "--keep-questions"]).write_stdin("yes\n").assert().success();
    let out = out.get_output();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("  - My questions"), "not among what is erased: {stdout}");
    assert!(stdout.contains("It keeps My questions: 2 questions, 1 with a note."), "{stdout}");
    assert!(stdout.contains("now holds only My questions (2 questions); the rest was erased."), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("This erases your progress, except My questions, in"));

    let listed = String::from_utf8(tutor(&progress).args(["questions", "list"]).output().unwrap().stdout).unwrap();
    assert!(listed.contains("Can I travel?") && listed.contains("Yes, with a letter"), "{listed}");
    assert!(listed.contains("Which scan next?"), "{listed}");
    let summary = String::from_utf8(tutor(&progress).arg("progress").output().unwrap().stdout).unwrap();
    assert!(summary.contains(&format!("Lessons: 0 of {} read", IDS.len())), "{summary}");
    assert!(summary.contains("Body map: 0 of"), "{summary}");
    let text = fs::read_to_string(&progress).unwrap();
    assert!(!text.contains("0800") && !text.contains("liver") && !text.contains("staging"), "{text}");
    let history = fs::read_to_string(patient_tutor::progress::history_path(&progress)).unwrap();
    assert!(!history.contains("\"question\""), "no answers left: {history}");
    // A second reset, without the flag, takes the questions too.
    tutor(&progress).args(["progress", "reset", "--yes"]).assert().success();
    let listed = String::from_utf8(tutor(&progress).args(["questions", "list"]).output().unwrap().stdout).unwrap();
    assert!(!listed.contains("Can I travel?"), "{listed}");
}

#[test]
fn exporting_no_questions_exports_nothing_and_says_so() {
    let (d, progress) = temp();
    let file = d.path().join("mine.md");
    tutor(&progress)
        .args(["questions", "export"])
        .arg(&file)
        .assert()
        .success()
        .stdout("You have no questions yet: nothing was exported.\n");
    assert!(!file.exists());
    tutor(&progress)
        .args(["questions", "export", "-"])
        .assert()
        .success()
        .stdout("")
        .stderr("You have no questions yet: nothing was exported.\n");
}

#[cfg(unix)]
#[test]
fn an_exported_checklist_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (d, progress) = temp();
    tutor(&progress).args(["questions", "add", "Can I travel?"]).assert().success();
    let file = d.path().join("mine.md");
    tutor(&progress).args(["questions", "export"]).arg(&file).assert().success();
    assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(fs::read_to_string(&file).unwrap().contains("Can I travel?"));
    tutor(&progress).args(["questions", "export"]).arg(&file).assert().failure();
}

#[test]
fn progress_summary_and_reset() {
    let (_d, progress) = temp();
    fs::write(&progress, "schema = 1\n[lessons.what-is-metastasis]\nread = true\n").unwrap();
    tutor(&progress)
        .arg("progress")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("Lessons: 1 of {} read", IDS.len())))
        .stdout(predicate::str::contains("Next to read: When to get help now (when-to-get-help)"));

    // Without --yes it asks, and anything but "yes" changes nothing.
    tutor(&progress).args(["progress", "reset"]).write_stdin("no\n").assert().failure();
    assert!(progress.exists());
    tutor(&progress).args(["progress", "reset"]).write_stdin("").assert().failure();
    assert!(progress.exists());
    tutor(&progress).args(["progress", "reset"]).write_stdin("yes\n").assert().success();
    assert!(!progress.exists());

    fs::write(&progress, "schema = 1\n").unwrap();
    // (The history left by the reset above, with no answers, is erased again too.)
    let one = format!("Progress reset: {} and", progress.display());
    tutor(&progress).args(["progress", "reset", "--yes"]).assert().success().stdout(predicate::str::contains(one));
    assert!(!progress.exists());

    // The answer history goes with it: what is left is its header, with the reset's
    // generation (so a copy still running sees the reset), and no answers.
    plain_quiz(&progress, "1\n");
    let history = patient_tutor::progress::history_path(&progress);
    let answers =
        |h: &std::path::Path| fs::read_to_string(h).unwrap().lines().filter(|l| l.contains("\"question\"")).count();
    assert_eq!(answers(&history), 1);
    let both = format!("Progress reset: {} and {} were erased.", progress.display(), history.display());
    tutor(&progress).args(["progress", "reset", "--yes"]).assert().success().stdout(predicate::str::contains(both));
    assert!(!progress.exists());
    assert_eq!(answers(&history), 0);
    assert!(fs::read_to_string(&history).unwrap().contains("\"generation\":"));
}

#[test]
fn help_and_version_everywhere() {
    let (_d, progress) = temp();
    tutor(&progress).arg("--version").assert().success().stdout(predicate::str::starts_with("patient-tutor "));
    for sub in [vec!["--help"], vec!["lessons", "--help"], vec!["read", "--help"], vec!["progress", "reset", "--help"]]
    {
        tutor(&progress).args(&sub).assert().success().stdout(predicate::str::contains("Usage:"));
    }
    tutor(&progress).arg("--help").assert().stdout(predicate::str::contains("education, not medical advice"));
}

#[test]
fn theme_flag_and_environment_variable() {
    let (_dir, progress) = temp();
    // A theme is accepted anywhere (it only changes the full-screen tutor).
    tutor(&progress).args(["--theme", "high-contrast", "lessons"]).assert().success();
    tutor(&progress).args(["lessons", "--theme", "light"]).assert().success();
    // A wrong one is a usage error that lists the right ones, from the flag or the variable.
    tutor(&progress)
        .args(["--theme", "blue", "lessons"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[possible values: auto, dark, light, high-contrast]"));
    tutor(&progress)
        .env("PATIENT_TUTOR_THEME", "blue")
        .arg("lessons")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("high-contrast"));
    tutor(&progress).env("PATIENT_TUTOR_THEME", "light").arg("lessons").assert().success();
}

#[test]
fn width_zero_is_refused() {
    let (_d, progress) = temp();
    tutor(&progress).args(["read", "staging", "--width", "0"]).assert().failure();
}

#[test]
fn define_finds_terms_plurals_and_synonyms() {
    let (_d, progress) = temp();
    tutor(&progress)
        .args(["define", "Metastases"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("metastasis: "));
    tutor(&progress)
        .args(["define", "lymph", "node"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("lymph nodes: "));
    tutor(&progress)
        .args(["define", "NED"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Read more: remission-and-ned#"));
    tutor(&progress)
        .args(["define", "metastisis"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("Did you mean: metastasis"));
    tutor(&progress)
        .args(["define", "zzzzzz"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not in the glossary"));
}

#[test]
fn search_prints_target_and_snippet() {
    let (_d, progress) = temp();
    let out =
        tutor(&progress).args(["search", "hospice", "six", "months"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("palliative-care#"), "{text}");
    assert!(first.to_lowercase().contains("hospice"), "{text}");
    tutor(&progress)
        .args(["search", "qwertyuiop"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("No lesson mentions"));
    tutor(&progress).args(["search", "((("]).assert().failure();
}

/// The answers saved with a progress file, read as the app reads them.
fn saved_attempts(progress: &Path) -> Vec<patient_tutor::progress::Attempt> {
    let opened = patient_tutor::progress::Store::open(progress, patient_tutor::quiz::schedule_answer).unwrap();
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    opened.progress.attempts
}

/// The staging quiz in plain mode, with a fixed seed and clock.
fn plain_quiz(progress: &Path, input: &str) -> (String, bool) {
    let assert = tutor(progress)
        .env("PATIENT_TUTOR_NOW", "1764000000")
        .args(["quiz", "staging", "--plain", "--seed", "7"])
        .write_stdin(input)
        .assert();
    let ok = assert.get_output().status.success();
    (String::from_utf8(assert.get_output().stdout.clone()).unwrap(), ok)
}

#[test]
fn plain_quiz_reads_answers_and_saves_every_one() {
    let (_d, progress) = temp();
    // Garbage first: it asks again. Then nine answers of "1" (or t).
    let input = "zzz\n1\n1\nt\n1\n1\n1\n1\n1\n1\n";
    let (out, ok) = plain_quiz(&progress, input);
    assert!(ok, "{out}");
    assert!(out.contains("Question 1 of 9"), "{out}");
    assert!(out.contains("  1. "), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("Score: ") && last.ends_with("/9"), "{last}");
    let attempts = saved_attempts(&progress);
    assert_eq!(attempts.len(), 9);
    assert_eq!(attempts[0].at, 1764000000);
    // A header line, then one line per answer in the history file; the progress file
    // counts them all.
    let history = fs::read_to_string(patient_tutor::progress::history_path(&progress)).unwrap();
    assert_eq!(history.lines().count(), 10);
    assert!(history.starts_with("{\"patient_tutor_history\":1,"), "{history}");
    assert!(history.lines().nth(1).unwrap().starts_with("{\"at\":1764000000,\"question\":\"staging-"), "{history}");
    let saved: toml::Table = toml::from_str(&fs::read_to_string(&progress).unwrap()).unwrap();
    assert_eq!(saved["history_counted"].as_integer(), Some(9));
    assert_eq!(saved["questions"].as_table().unwrap().len(), 9);
    assert!(!out.contains('\x1b'));
}

#[test]
fn plain_quiz_same_seed_same_output_and_end_of_input_keeps_answers() {
    let (_d, a) = temp();
    let (_e, b) = temp();
    assert_eq!(plain_quiz(&a, "1\n2\n").0, plain_quiz(&b, "1\n2\n").0, "the seed makes runs repeatable");
    let (out, ok) = plain_quiz(&a, "1\n2\n");
    assert!(ok);
    assert!(out.contains("Stopped after 2 of 9 questions."), "{out}");
    assert!(out.trim_end().ends_with("/2"), "{out}");
    assert_eq!(saved_attempts(&a).len(), 4, "two runs of two answers");
}

#[test]
fn plain_review_waits_until_questions_are_due() {
    let (_d, progress) = temp();
    plain_quiz(&progress, "1\n1\nt\n1\n1\n1\n1\n1\n");
    let review = |now: &str, input: &str| {
        let out = tutor(&progress)
            .env("PATIENT_TUTOR_NOW", now)
            .args(["review", "--plain", "--seed", "1"])
            .write_stdin(input.to_string())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    // Right answers are not due the same day; wrong ones are (box 1).
    let wrong = saved_attempts(&progress).iter().filter(|a| !a.correct).count();
    let today = review("1764000100", "");
    if wrong == 0 {
        assert!(today.contains("Nothing to review now"), "{today}");
    } else {
        assert!(today.contains(&format!("Stopped after 0 of {wrong} questions.")), "{today}");
    }
    // The next day everything answered is due.
    let tomorrow = review("1764090000", "");
    assert!(tomorrow.contains("Stopped after 0 of 8 questions."), "{tomorrow}");
}

#[test]
fn plain_quiz_unknown_lesson_is_an_error() {
    let (_d, progress) = temp();
    tutor(&progress)
        .args(["quiz", "nope", "--plain"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no lesson `nope`"));
}

/// Issue 16, defects 4 and 13 in the plain quiz: after each answer, which choice you
/// picked and whether it was right, and the right ones you did not pick; at the end,
/// when the missed questions come back and how to start the review.
#[test]
fn plain_quiz_says_what_you_picked_and_when_missed_questions_return() {
    let (_d, progress) = temp();
    let (out, ok) = plain_quiz(&progress, "1\n1\nt\n1\n1\n1\n1\n1\n1\n");
    assert!(ok, "{out}");
    let score = out.lines().last().unwrap();
    let (right, answered): (usize, usize) = {
        let (r, a) = score.trim_start_matches("Score: ").split_once('/').unwrap();
        (r.parse().unwrap(), a.parse().unwrap())
    };
    let wrong = answered - right;
    assert!(wrong >= 2 && right >= 1, "{out}");
    // One pick per question here: each is named, marked right or not; every
    // question answered wrongly names a right choice that was not picked.
    let picks = out.matches("(your answer, right)").count() + out.matches("(your answer, not right)").count();
    assert_eq!(picks, answered, "{out}");
    assert!(out.matches("(your answer, right)").count() >= right, "{out}");
    assert!(out.matches("(right answer, you did not pick it)").count() >= wrong, "{out}");
    // After each wrong answer, the marked choices come first, each on its own line.
    for feedback in out.split("Not quite.\n").skip(1) {
        let marked: Vec<&str> = feedback.lines().take_while(|l| l.starts_with("  ")).collect();
        assert!(marked.iter().any(|l| l.contains(" ○ ")), "{feedback}");
        assert!(marked.iter().all(|l| [" ✓ ", " ✗ ", " ○ "].iter().any(|m| l.contains(m))), "{feedback}");
    }
    assert!(!out.contains("hoose all that apply: answer"), "the hint does not repeat the prompt: {out}");
    let before_score = out.lines().rev().nth(1).unwrap();
    assert_eq!(
        before_score,
        format!("The {wrong} questions you missed come back for review now. Start it with: patient-tutor review")
    );
}

/// Reading and answers in another language's pack are erased by a reset too: the
/// question before it counts them (issue 20, progress per pack).
#[test]
fn a_reset_counts_the_places_and_answers_of_every_pack() {
    let (_d, progress) = temp();
    fs::write(
        &progress,
        "schema = 1\nnotice_seen = true\n\n[lessons.staging]\noffset = 1\n\n[packs.default-es.lessons.pain]\noffset = 2\n\n\
         [packs.default-es.lessons.symptoms]\noffset = 3\n\n[packs.default-es.questions.pain-1]\nbox = 2\nlast = 5\n",
    )
    .unwrap();
    tutor(&progress)
        .args(["progress", "reset"])
        .write_stdin("no\n")
        .assert()
        .failure()
        .stdout(predicate::str::contains("  - reading places in 3 lessons\n"))
        .stdout(predicate::str::contains("the review schedule of 1 question"));
}

//! `patient-tutor --plain`: the whole tutor as numbered menus on stdin and stdout,
//! driven with scripted input. Every run's output is checked to be speakable: no
//! escape bytes or other control characters, no box drawing, no line over 80 columns.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use patient_tutor::markdown::{self, display_width};
use patient_tutor::progress::{Progress, parse};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::ScreenKind;

/// A fixed clock, so review times are known.
const NOW: u64 = 1_800_000_000;
const DAY: u64 = 86_400;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    (dir, progress)
}

/// Run the session with `lines` as its input, one a line, and return what it printed.
fn session_at(progress: &Path, now: u64, lines: &[&str]) -> String {
    let mut input = lines.join("\n");
    input.push('\n');
    let dir = progress.parent().unwrap();
    let out = Command::cargo_bin("patient-tutor")
        .unwrap()
        .args(["--plain", "--progress"])
        .arg(progress)
        .current_dir(dir)
        // Exports go to the documents folder: this one has none, so beside the progress.
        .env("HOME", dir)
        .env_remove("XDG_DOCUMENTS_DIR")
        .env_remove("XDG_CONFIG_HOME")
        .env("PATIENT_TUTOR_NOW", now.to_string())
        .env_remove("PATIENT_TUTOR_PLAIN")
        .env_remove("PATIENT_TUTOR_CONTENT")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).expect("the session prints UTF-8");
    assert_speakable(&stdout);
    assert!(stdout.trim_end().ends_with("Your progress is saved. Goodbye."), "{stdout}");
    stdout
}

fn session(progress: &Path, lines: &[&str]) -> String {
    session_at(progress, NOW, lines)
}

/// What a screen reader can speak line by line: nothing drawn, nothing hidden.
fn assert_speakable(out: &str) {
    for (i, line) in out.lines().enumerate() {
        assert!(!line.chars().any(char::is_control), "line {i} has a control character: {line:?}");
        assert!(!line.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)), "line {i} has box drawing: {line:?}");
        assert!(display_width(line) <= 80, "line {i} is {} columns: {line:?}", display_width(line));
    }
    assert!(!out.contains('\u{1b}'));
}

fn progress_of(path: &Path) -> Progress {
    parse(&fs::read(path).unwrap()).unwrap()
}

/// The lessons in the order the lessons menu numbers them: the pack's groups.
fn menu_order() -> Vec<String> {
    let pack = common::pack();
    pack.home_groups().into_iter().flat_map(|(_, members)| members).map(|i| pack.lessons[i].id.clone()).collect()
}

/// The number the lessons menu (and the quizzes menu) gives lesson `id`.
fn lesson_no(id: &str) -> String {
    (menu_order().iter().position(|l| l == id).expect("the lesson is in the pack") + 1).to_string()
}

fn lesson_count() -> usize {
    common::pack().lessons.len()
}

/// The line that opens lesson `id`: "Lesson 5 of 10: How stage 4 is decided."
fn lesson_heading(id: &str) -> String {
    let pack = common::pack();
    let title = &pack.lesson(id).unwrap().title;
    format!("Lesson {} of {}: {title}.", lesson_no(id), lesson_count())
}

/// Questions in the quiz on lesson `id`.
fn quiz_len(id: &str) -> usize {
    common::pack().quiz(id).len()
}

/// The answers in the history file, as the store reads them (the file starts with
/// a header line, which is not an answer).
fn answers_saved(progress: &Path) -> Option<usize> {
    let bytes = fs::read(patient_tutor::progress::history_path(progress)).ok()?;
    patient_tutor::progress::parse_history(&bytes).ok().map(|answers| answers.len())
}

/// The notice is dismissed, so scripts start at the main menu.
fn past_notice(progress: &Path) {
    let out = session(progress, &[""]);
    assert!(out.contains("Main menu."), "{out}");
}

#[test]
fn the_first_run_notice_shows_until_read_and_q_there_leaves() {
    let (_dir, progress) = temp();
    let out = session(&progress, &["q"]);
    assert!(out.contains("Before you start."));
    assert!(out.contains("Call your local emergency number"), "{out}");
    assert!(out.contains("Call your care team's 24-hour line now"), "{out}");
    assert!(out.contains("Press Enter to go on, or type q to leave. Para español, escriba L:"));
    assert!(!out.contains("Main menu."), "q at the notice leaves");

    let out = session(&progress, &["maybe", ""]);
    assert!(out.contains("\"maybe\" is not a choice here. Press Enter to go on, or type q to leave."), "{out}");
    assert!(out.contains("Main menu."));
    assert!(progress_of(&progress).notice_seen);

    let out = session(&progress, &[]);
    assert!(!out.contains("Before you start."), "shown once: {out}");
}

#[test]
fn home_says_where_you_are_asks_again_on_bad_input_and_about_shows_the_notice() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["seven", "13", "", "11", "x", "", "h", "q", "q"]);
    assert!(out.contains(&format!("Lessons read: 0 of {}.", lesson_count())), "{out}");
    assert!(out.contains("Next lesson: What stage 4 cancer is, new."));
    assert!(out.contains("Emergency? Call your local emergency number. When to get help now: type h."));
    assert!(!out.contains("press h"), "the session has no keys to press: {out}");
    assert!(out.contains(&lesson_heading("when-to-get-help")), "h opens When to get help now: {out}");
    assert!(out.contains("1. Read the next lesson: What stage 4 cancer is"));
    assert!(out.contains("11. About this app, and what to do in an emergency"));
    // The last choice switches language, and says so in the other language's words.
    assert!(out.contains("12. Español: cambiar el idioma a español"));
    assert!(out.contains("Choose a number from 1 to 12, or q to leave:"));
    assert!(out.contains("\"seven\" is not one of the choices. Type a number from 1 to 12, or q to go back."));
    assert!(out.contains("There is no 13 here. Type a number from 1 to 12, or q to go back."));
    assert!(out.contains("Please type a number."));
    assert!(out.contains("About patient-tutor, version "));
    assert!(out.contains("It is education, not medical advice."));
    assert!(out.contains(&format!("in this file:\n{}\n", progress.display())), "{out}");
    assert!(out.contains("\"x\" is not a choice here. Press Enter or type q to go back."));
    assert_eq!(out.matches("Main menu.").count(), 3, "About and the lesson go back to the main menu: {out}");
}

/// The lines of lesson `id` as the session renders them (80 columns, linear).
fn rendered(id: &str) -> markdown::Rendered {
    let pack = common::pack();
    patient_tutor::plain::session::render_lesson(&pack, pack.lesson(id).unwrap(), 80)
}

/// The lines printed between "Page N of M." and "End of page N." (or the end).
fn page_lines(out: &str, page: usize) -> usize {
    let start = out.lines().position(|l| l.starts_with(&format!("Page {page} of "))).unwrap();
    out.lines().skip(start + 1).position(|l| l.starts_with("End of ")).unwrap()
}

#[test]
fn reading_records_progress_exactly_as_the_tutor_does() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    // All lessons, the staging lesson: page 1, then back out.
    let staging = lesson_no("staging");
    let out = session(&progress, &["2", &staging, "q", "q"]);
    assert!(out.contains(&format!("Lessons. {} lessons.", lesson_count())), "{out}");
    assert!(out.contains(&format!("{staging}. How stage 4 is decided, new")));
    assert!(out.contains(&lesson_heading("staging")));
    assert!(out.contains("Page 1 of "));
    assert!(out.contains("Choices for this lesson:"));
    // What the tutor records for the same lines on screen (the one shared rule).
    let doc = rendered("staging");
    let shown = page_lines(&out, 1);
    let mut expected = Progress::default();
    patient_tutor::reading::record(&mut expected, "staging", &doc, 0, shown);
    let saved = progress_of(&progress);
    assert_eq!(saved.lessons["staging"], expected.lessons["staging"]);
    assert!(!saved.lessons["staging"].read && saved.lessons["staging"].percent > 0);
    assert_eq!(saved.last_lesson.as_deref(), Some("staging"));

    // Next page with Enter: the place moves to its first line, and the tutor opens there.
    let out = session(&progress, &["1", "", "q", "q"]);
    assert!(!out.contains("You stopped on page"), "page 1 starts at the top: {out}");
    assert!(out.contains("Page 2 of "));
    let saved = progress_of(&progress);
    let place = &saved.lessons["staging"];
    assert!(place.offset > 0);
    let mut app = common::app_with(saved.clone(), 100, 30);
    // Home offers the unfinished lesson first.
    common::send(&mut app, &[Action::Open]);
    assert_eq!(app.screen(), ScreenKind::Reader);
    let reader = app.reader().unwrap();
    assert_eq!(reader.doc.source_offsets[reader.top], place.offset, "the tutor opens where the session stopped");

    // The rest of the lesson at once: read, 100%, and home says so.
    let out = session(&progress, &["1", "3", "q", "q"]);
    assert!(out.contains("You stopped on page 2. Reading on from there."), "{out}");
    assert!(out.contains("The rest of the lesson, from page 2."), "{out}");
    assert!(out.contains("End of the lesson. Choose 7 for a short quiz, or 9 for the next lesson."));
    let saved = progress_of(&progress);
    assert!(saved.lessons["staging"].read);
    assert_eq!(saved.lessons["staging"].percent, 100);
    let out = session(&progress, &["q"]);
    assert!(out.contains(&format!("Lessons read: 1 of {}.", lesson_count())), "{out}");
}

#[test]
fn the_reader_goes_by_section_and_link_and_q_backs_out_one_step() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let staging = lesson_no("staging");
    let out = session(
        &progress,
        &[
            "2", &staging, // the staging lesson
            "4", "99", "2", // sections: a bad number, then section 2
            "5", "1", // links: follow the first (another lesson)
            "q", // back from that lesson, to the links of staging
            "q", // back from the links, to staging
            "2", "1", "m", "q", // previous page; first page; the menu again; back
            "q", "q",
        ],
    );
    assert!(out.contains("Sections. "), "{out}");
    assert!(out.contains("There is no 99 here."));
    assert!(out.contains("Page 1 of ") && out.contains(". Section: "));
    assert!(out.contains("Links. "));
    assert!(out.contains(", goes to: the lesson "), "links say where they go in words: {out}");
    assert!(out.contains("Back in the lesson How stage 4 is decided, page "));
    // Once on the way in, once on the way back out: q went back one step at a time.
    assert_eq!(out.matches(&format!("Lessons. {} lessons.", lesson_count())).count(), 2, "{out}");
    assert_eq!(out.matches("Links. ").count(), 2, "back from the linked lesson to the links: {out}");
    assert!(out.contains("Choices for this lesson:"));
}

#[test]
fn end_of_input_in_the_middle_of_a_quiz_keeps_the_answers_given() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    // Quizzes, a lesson's quiz, staging: answer one question, then the input ends.
    let n = quiz_len("staging");
    let out = session(&progress, &["3", "1", &lesson_no("staging"), "1"]);
    assert!(out.contains(&format!("Quiz on the lesson How stage 4 is decided. {n} questions.")), "{out}");
    assert!(out.contains("Type q to stop; your answers so far are kept."));
    assert!(out.contains(&format!("Question 2 of {n}")));
    assert!(out.contains(&format!("Stopped after 1 of {n} questions.")));
    assert_eq!(answers_saved(&progress), Some(1));
    let saved = progress_of(&progress);
    let staging: Vec<&String> = saved.questions.keys().collect();
    assert_eq!(staging.len(), 1);
    assert!(common::pack().quiz("staging").iter().any(|q| &q.id == staging[0]));
    assert_eq!(saved.questions[staging[0]].last, NOW);
}

#[test]
fn every_quiz_kind_review_with_its_next_time_and_the_mixed_quiz() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["3", "2", "3", "q", "q"]);
    assert!(out.contains("Quizzes."), "{out}");
    assert!(out.contains("2. Review: nothing is due now"));
    assert!(out.contains("Nothing to review yet. Take a lesson's quiz first."));
    assert!(out.contains("Read a lesson to the end first"));

    // The whole staging quiz, answering 1 (or "1,2" where several apply), with a
    // bad line and a wrong choice asked again; every kind of question is in it.
    let pack = common::pack();
    let mut kinds: Vec<_> = pack.quiz("staging").iter().map(|q| format!("{:?}", q.kind)).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds.len(), 3, "the staging quiz has every kind of question: {kinds:?}");
    let n = quiz_len("staging");
    let staging = lesson_no("staging");
    let mut lines = vec!["3", "1", &staging, "maybe", "9"];
    lines.extend(std::iter::repeat_n("1", n));
    lines.extend(["q", "q", "q", "q"]);
    let out = session(&progress, &lines);
    assert!(out.contains("I did not understand \"maybe\""), "{out}");
    assert!(out.contains("There is no choice 9."));
    assert!(out.contains("Choose all that apply"));
    assert!(out.contains("Answer t for true or f for false."));
    assert!(out.contains("Score: "));
    assert!(!out.contains("Stopped after"));
    // Which choice was picked, and when the missed ones come back, said as in the tutor
    // (the session wraps long lines).
    assert!(out.contains("(your answer, "), "{out}");
    let said = "you missed come back for review now. To start it, choose \"Quizzes and review\" from the menu. Score: ";
    assert!(out.replace('\n', " ").contains(said), "{out}");
    // Each answer says where to read more: the pointer `read` takes, then in words
    // (a long line is wrapped at a space).
    let flat = out.replace('\n', " ");
    for q in pack.quiz("staging") {
        let words = patient_tutor::plain::linear::link_words(Some(&pack), &q.see).expect("the lesson has the section");
        assert!(flat.contains(&format!("Read more: {} ({words})", q.see)), "{}: {out}", q.see);
    }
    let saved = progress_of(&progress);
    assert_eq!(saved.questions.len(), n);

    // A month later every answered question is due; the review says when the next one is.
    let later = NOW + 30 * DAY;
    let mut lines = vec!["3", "2"];
    lines.extend(std::iter::repeat_n("1", n));
    lines.extend(["q", "q", "q"]);
    let out = session_at(&progress, later, &lines);
    assert!(out.contains(&format!("{n} quiz questions are due for review.")), "{out}");
    assert!(out.contains(&format!("Review of the questions due again. {n} questions.")));
    assert!(out.contains("The next review is ") || out.contains("A question is due for review now."));

    // Staging read to the end: the mixed quiz asks about it; q stops it.
    let out = session_at(&progress, later, &["2", &staging, "3", "q", "q", "3", "3", "1", "q", "q", "q"]);
    assert!(out.contains(&format!("Mixed quiz on the lessons you have read. {n} questions.")), "{out}");
    assert!(out.contains(&format!("Stopped after 1 of {n} questions.")));
}

#[test]
fn the_body_map_lists_places_with_signs_by_tier_in_words_and_finds_symptoms() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    // The second place on the map, then the first place a symptom search finds.
    let out =
        session(&progress, &["4", "2", "q", "q", "5", "", "zzzz", "yellow skin", "1", "1", "q", "q", "q", "q", "q"]);
    let places = common::pack().sites.unwrap().sites.len();
    assert!(out.contains(&format!("Body map. {places} places cancer can spread to. You have looked at 0.")), "{out}");
    assert!(out.contains("EMERGENCY, get help now. "));
    assert!(out.contains("Call your care team today. "));
    assert!(out.contains("Mention at your next visit. "));
    assert!(out.contains("Symptoms have many causes"));
    assert!(out.contains("Read more about this place:"));
    assert!(out.contains("Find a symptom on the body map."));
    assert!(out.contains("Please type something, or q to go back."));
    assert!(out.contains("No place on the map lists \"zzzz\""));
    assert!(out.contains("list \"yellow skin\":") || out.contains("lists \"yellow skin\":"));
    assert!(out.contains(&format!(" of {}: ", lesson_count())), "a read-more link opens the lesson: {out}");
    assert_eq!(out.matches("Read more about this place:").count(), 3, "back from the lesson to the place: {out}");
    let saved = progress_of(&progress);
    assert_eq!(saved.explored_sites.len(), 2, "{:?}", saved.explored_sites);
    let out = session(&progress, &["4", "q", "q"]);
    assert!(out.contains("You have looked at 2."));
    assert!(out.contains(", looked at"));
}

#[test]
fn the_glossary_looks_up_and_browses_and_search_opens_lessons() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(
        &progress,
        &[
            "6",
            "1",
            "metastases",
            "q",
            "metastasiss",
            "1",
            "q",
            "xqzv",
            "q", // look up
            "2",
            "1",
            "1",
            "q",
            "q",
            "q",
            "q", // browse: letter A, its first word
            "7",
            "hospice",
            "1",
            "q",
            "q",
            "qqqqzz",
            "q", // search
            "q",
        ],
    );
    assert!(out.contains("Glossary. "), "{out}");
    assert!(out.contains("metastasis: When cancer cells spread"));
    assert!(out.contains("Read more in the lesson What stage 4 cancer is"));
    assert!(out.contains("\"metastasiss\" is not in the glossary. Did you mean"));
    assert!(out.contains("\"xqzv\" is not in the glossary."));
    assert!(out.contains("Words by first letter. "));
    assert!(out.contains("Words starting with A. "));
    assert!(out.contains("Search the lessons."));
    assert!(out.contains("places in the lessons have \"hospice\":"));
    assert!(out.contains(&lesson_heading("palliative-care")), "{out}");
    assert!(out.contains("No lesson has all of \"qqqqzz\"."));
}

#[test]
fn the_survival_chart_waits_behind_its_note_and_remembers_the_choice() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["8", "2", "8", "q"]);
    assert!(out.contains("Survival chart. First, a note about these numbers."), "{out}");
    assert!(out.contains("You do not have to look at them."));
    assert!(out.contains("Skipped for now."));
    assert!(!out.contains("percent"), "skipped: no numbers shown: {out}");
    assert!(!progress_of(&progress).show_survival_numbers);

    let out = session(&progress, &["8", "1", "1", "99", "q", "q"]);
    assert!(out.contains("five years after diagnosis"), "{out}");
    assert!(out.contains(" percent, distant stage"));
    assert!(out.contains("Relative survival compares"));
    assert!(out.contains("There is no 99 here."));
    assert!(progress_of(&progress).show_survival_numbers);

    // Remembered: straight to the numbers; h hides them again.
    let out = session(&progress, &["8", "h", "q"]);
    assert!(!out.contains("First, a note"), "{out}");
    assert!(out.contains("The numbers are hidden again."));
    assert!(!progress_of(&progress).show_survival_numbers);
}

#[test]
fn the_staging_explorer_changes_letters_and_explains_them() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["9", "t9", "x", "t2 n1 m0", "q", "q"]);
    assert!(out.contains("Staging explorer: T, N and M."), "{out}");
    assert!(out.contains("Now: T1, N0, M1."));
    assert!(out.contains("This is stage 4 for almost all cancers"), "{out}");
    assert!(out.contains("There is no T9: T goes from 0 to 4."));
    assert!(out.contains("I did not understand \"x\"."));
    assert!(out.contains("Now: T2, N1, M0."));
    assert!(out.contains("Your care team will tell you which stage it is."));
}

#[test]
fn exporting_no_questions_in_the_session_writes_nothing_and_says_so() {
    let (dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["10", "7", "q", "q"]);
    assert!(out.contains("You have no questions yet: nothing was exported."), "{out}");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.iter().all(|n| !n.to_string_lossy().starts_with("my-questions-")), "{names:?}");
}

#[test]
fn my_questions_add_edit_mark_note_move_export_and_delete() {
    let (dir, progress) = temp();
    past_notice(&progress);
    let out = session(
        &progress,
        &[
            "10",
            "2", // edit with no questions yet
            "1",
            "",
            "What is my stage?", // add: empty asked again, then typed
            "1",
            "2", // add a suggested question
            "2",
            "1",
            "q", // edit: q keeps it
            "2",
            "1",
            "What stage is my cancer?", // edit
            "3",
            "2", // mark question 2 asked
            "4",
            "1",
            "Stage 4, spread to the bones", // a note
            "6",
            "2",
            "1", // move question 2 to place 1
            "7", // export
            "5",
            "2",
            "no", // delete: kept
            "5",
            "2",
            "yes", // delete
            "q",
            "q",
        ],
    );
    assert!(out.contains("My questions for the care team. No questions yet."), "{out}");
    assert!(out.contains("There are no questions yet. Choose 1 to add one."));
    assert!(out.contains("Some questions people often ask:"));
    assert!(out.contains("Please type something, or q to go back."));
    assert!(out.contains("Saved to My questions. You have 1 question to ask."));
    assert!(out.contains("Saved to My questions. You have 2 questions to ask."));
    assert!(out.contains("Nothing was changed."));
    assert!(out.contains("Question changed."));
    assert!(out.contains("Question 2 is marked as asked."));
    assert!(out.contains("Note saved."));
    assert!(out.contains("Moved. It is now question 1."));
    assert!(out.contains(&format!("Saving the checklist in {}", fs::canonicalize(dir.path()).unwrap().display())));
    assert!(out.contains("my-questions-") && out.contains("only you can read it."), "{out}");
    assert!(out.contains("The question was kept."));
    assert!(out.contains("Question deleted."));
    assert!(out.contains("Answer noted: Stage 4, spread to the bones"));
    let saved = progress_of(&progress);
    assert_eq!(saved.my_questions.len(), 1);
    assert_eq!(saved.my_questions[0].text, "What is the main goal of my treatment?");
    assert!(saved.my_questions[0].asked);
    let exported: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("my-questions-"))
        .collect();
    assert_eq!(exported.len(), 1, "{exported:?}");
    let checklist = fs::read_to_string(dir.path().join(&exported[0])).unwrap();
    assert!(checklist.contains("What stage is my cancer?"), "{checklist}");

    // A question added while reading remembers the lesson, and leads back to it.
    let staging = lesson_no("staging");
    let out =
        session(&progress, &["2", &staging, "8", "What does M1 mean for me?", "q", "q", "10", "8", "2", "q", "q", "q"]);
    assert!(out.contains("From the lesson How stage 4 is decided"), "{out}");
    assert_eq!(out.matches(&lesson_heading("staging")).count(), 2);
    assert_eq!(progress_of(&progress).my_questions[1].lesson.as_deref(), Some("staging"));
}

#[test]
fn the_env_var_starts_the_session_and_hostile_input_is_harmless() {
    let (_dir, progress) = temp();
    let mut input = b"\n\x1b[2J\xff\xfe\n".to_vec();
    input.extend(std::iter::repeat_n(b'9', 100_000));
    input.extend(b"\n\n");
    let out = Command::cargo_bin("patient-tutor")
        .unwrap()
        .arg("--progress")
        .arg(&progress)
        .env("PATIENT_TUTOR_PLAIN", "1")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_speakable(&out);
    assert!(out.contains("\"[2J\u{fffd}\u{fffd}\" is not one of the choices."), "{out}");
    assert!(out.contains("There is no 99999999999999999999… here."));
    assert!(out.contains("Your progress is saved. Goodbye."));
}

#[test]
fn each_answer_is_saved_at_once_not_only_when_the_session_ends() {
    use std::io::Write;
    use std::process::{Command as Process, Stdio};
    let (_dir, progress) = temp();
    past_notice(&progress);
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("patient-tutor"))
        .args(["--plain", "--progress"])
        .arg(&progress)
        .env("PATIENT_TUTOR_NOW", NOW.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // One answer, and the input stays open: the session is waiting for the next.
    let script = format!("3\n1\n{}\n1\n", lesson_no("staging"));
    child.stdin.as_mut().unwrap().write_all(script.as_bytes()).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while answers_saved(&progress) != Some(1) {
        assert!(std::time::Instant::now() < deadline, "the answer was not saved while the session ran");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Killed with no chance to save on the way out: the answer is already there,
    // as the store reads it (the summary file may not have been replaced yet).
    child.kill().unwrap();
    child.wait().unwrap();
    let opened = patient_tutor::progress::Store::open(&progress, patient_tutor::quiz::schedule_answer).unwrap();
    assert_eq!(opened.progress.questions.len(), 1);
}

#[test]
fn the_lessons_menu_speaks_the_packs_groups_with_numbers_going_on() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["2", "q", "q"]);
    let lines: Vec<&str> = out.lines().collect();
    let pack = common::pack();
    let groups = pack.home_groups();
    assert!(groups.len() > 1, "the default pack has groups");
    let mut number = 1;
    for (title, members) in &groups {
        let title = title.expect("every lesson of the default pack is in a group");
        let at = lines.iter().position(|l| *l == format!("{title}:")).unwrap_or_else(|| panic!("{title}: {out}"));
        for (k, &i) in members.iter().enumerate() {
            let item = format!("{}. {}, new", number + k, pack.lessons[i].title);
            assert_eq!(lines[at + 1 + k], item, "{out}");
        }
        number += members.len();
    }
    assert_eq!(number - 1, lesson_count());
    // A lesson in a later group opens by its number on the menu.
    let (_, last_group) = groups.last().unwrap();
    let last = &pack.lessons[*last_group.last().unwrap()];
    let out = session(&progress, &["2", &lesson_count().to_string(), "s", "q", "q"]);
    assert!(out.contains(&format!("Before you read {}.", last.title)) || out.contains(&lesson_heading(&last.id)));
}

/// The first lesson of the pack with "More detail" parts, and its first part.
fn lesson_with_detail() -> (String, String, String) {
    let pack = common::pack();
    let lesson = pack.lessons.iter().find(|l| !l.details.is_empty() && l.content_note.is_none()).unwrap();
    let part = &lesson.details[0];
    // The first words of the part's first paragraph, as the session prints them.
    let text = &lesson.body[part.range.clone()];
    let paragraph = text.lines().skip(1).find(|l| !l.trim().is_empty()).unwrap();
    let first_words: Vec<&str> = paragraph.split_whitespace().take(4).collect();
    (lesson.id.clone(), part.what.clone(), first_words.join(" "))
}

#[test]
fn more_detail_parts_are_folded_and_open_by_number() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let (id, what, first_words) = lesson_with_detail();
    // The rest of the lesson at once: the part is one line saying how to open it.
    let out = session(&progress, &["2", &lesson_no(&id), "3", "q", "q"]);
    // A long part name wraps at 80 columns: compare the words, not the line breaks.
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(&format!("More detail: {what}. To read it, choose 10.")), "{out}");
    assert!(!out.contains(&first_words), "the part is folded: {out}");
    assert!(out.contains("10. Read the More detail parts ("), "{out}");
    // 10 lists the parts; 1 reads the first in full; q goes back to the lesson.
    let out = session(&progress, &["2", &lesson_no(&id), "10", "1", "q", "q", "q"]);
    assert!(out.contains("More detail. "), "{out}");
    assert!(out.contains(&format!("1. {what}")), "{out}");
    assert!(out.contains(&first_words), "{out}");
    assert!(out.contains("End of the More detail part."));
    assert!(out.contains("Back in the lesson "), "{out}");
    // A lesson without parts says so.
    let pack = common::pack();
    let plain = pack.lessons.iter().find(|l| l.details.is_empty() && l.content_note.is_none()).expect("a lesson");
    let out = session(&progress, &["2", &lesson_no(&plain.id), "10", "q", "q"]);
    assert!(out.contains("10. More detail parts (none in this lesson)"), "{out}");
    assert!(out.contains("This lesson has no More detail parts."), "{out}");
}

#[test]
fn the_prognosis_table_is_folded_behind_its_note_in_the_session() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let out = session(&progress, &["2", &lesson_no("prognosis"), "3", "q", "q"]);
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("More detail: the table of numbers. They describe large groups diagnosed years ago"),
        "{out}"
    );
    assert!(!out.contains("48.3%"), "the table is folded: {out}");
}

#[test]
fn a_content_note_comes_first_and_skipping_it_is_remembered_until_the_lesson_is_read() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    let pack = common::pack();
    let lesson = pack.lessons.iter().find(|l| l.content_note.is_some()).expect("a lesson with a content note");
    let note = lesson.content_note.clone().unwrap();
    let number = lesson_no(&lesson.id);
    // Skipped: back at the lessons menu, nothing recorded, so it is asked again.
    let out = session(&progress, &["2", &number, "maybe", "s", "q", "q"]);
    assert!(out.contains(&format!("Before you read {}.", lesson.title)), "{out}");
    let note_words: Vec<&str> = note.split_whitespace().take(6).collect();
    assert!(out.contains(&format!("Content note: {}", note_words.join(" "))), "{out}");
    assert!(out.contains("\"maybe\" is not a choice here."), "{out}");
    assert!(out.contains("Skipped for now."), "{out}");
    assert!(!out.contains(&lesson_heading(&lesson.id)), "the lesson did not open: {out}");
    assert!(!progress_of(&progress).lessons.contains_key(&lesson.id));
    // Enter reads it; the reading place remembers the choice: no note next time.
    let out = session(&progress, &["2", &number, "", "q", "q", "q"]);
    assert!(out.contains("Before you read "), "{out}");
    assert!(out.contains(&lesson_heading(&lesson.id)), "{out}");
    assert!(progress_of(&progress).lessons.contains_key(&lesson.id));
    let out = session(&progress, &["2", &number, "q", "q", "q"]);
    assert!(!out.contains("Before you read "), "{out}");
    assert!(out.contains(&lesson_heading(&lesson.id)), "{out}");
}

/// Within "get help now", every sign says who to call, as the TUI body map and plain
/// `sites` do: the fever line sits under the 24-hour line, a seizure under the
/// emergency number.
#[test]
fn the_body_map_says_who_to_call_for_each_top_tier_sign() {
    let (_dir, progress) = temp();
    past_notice(&progress);
    // Place 1 (Whole body), then place 2 (Brain).
    let out = session(&progress, &["4", "1", "q", "2", "q", "q", "q"]);
    let pack = common::pack();
    let sites = pack.sites.as_ref().unwrap();
    for site in &sites.sites[..2] {
        // This place's details: from its summary to its reading list.
        let opening: String = site.summary.chars().take(30).collect();
        let start = out.find(&opening).unwrap_or_else(|| panic!("{}: {out}", site.name));
        let end = start + out[start..].find("Read more about this place:").expect("the reading list");
        let details = &out[start..end];
        let groups = sites.emergency_by_who(site);
        assert!(!groups.is_empty(), "{} has top-tier signs", site.name);
        for (who, lines) in groups {
            let heading = patient_tutor::tui::text::who_heading(who);
            let at = details.find(heading).unwrap_or_else(|| panic!("{heading} for {}: {details}", site.name));
            // The next heading (if any) ends this group; each of its lines is inside.
            let group_end = patient_tutor::content::sites::Who::ALL
                .iter()
                .filter_map(|&w| details[at + heading.len()..].find(patient_tutor::tui::text::who_heading(w)))
                .min()
                .map_or(details.len(), |n| at + heading.len() + n);
            for line in lines {
                let words: String = line.chars().take(30).collect();
                assert!(details[at..group_end].contains(&words), "{line:?} under {heading:?}: {details}");
            }
        }
    }
    let fever = sites.sites[0].emergency.iter().find(|l| l.contains("38")).expect("the fever sign");
    assert_eq!(sites.who(fever), patient_tutor::content::sites::Who::CareTeamLine);
    let seizure = sites.sites[1].emergency.iter().find(|l| l.contains("seizure")).expect("the seizure sign");
    assert_eq!(sites.who(seizure), patient_tutor::content::sites::Who::EmergencyNumber);
}

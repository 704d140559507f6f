//! Progress per pack (issue 20): reading places and review schedules belong to the pack
//! they were made in, so reading or answering in Spanish never marks the English lesson
//! or question of the same id; My questions, check-ins and settings belong to the person
//! and are shared. The file keeps the English pack's places where versions before packs
//! kept them, and every other pack's under `[packs.<id>]`.

use std::fs;
use std::path::{Path, PathBuf};

use patient_tutor::progress::{FILE_PACK, LessonStatus, Opened, Progress, Store};
use patient_tutor::quiz::{record_answer, schedule_answer};

const SPANISH: &str = "default-es";

fn temp_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    (dir, path)
}

/// What a copy of the app using `pack` sees when it opens the files.
fn open_in(path: &Path, pack: &str) -> Opened {
    let mut opened = Store::open(path, schedule_answer).unwrap();
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    opened.progress.use_pack(pack);
    opened
}

/// A progress file as a person or an older version left it (private, as the store keeps it).
fn write_private(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).unwrap();
    }
}

fn my_question(text: &str) -> patient_tutor::notebook::MyQuestion {
    patient_tutor::notebook::MyQuestion {
        id: 1,
        text: text.to_string(),
        note: String::new(),
        lesson: None,
        section: None,
        added: 5,
        asked: false,
        extra: Default::default(),
    }
}

#[test]
fn reading_in_spanish_never_marks_the_english_lesson() {
    let (_dir, path) = temp_store();
    let Opened { store, mut progress, .. } = open_in(&path, FILE_PACK);
    progress.record_position("staging", 300, 40, false);
    store.save(&mut progress).unwrap();

    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    assert_eq!(progress.lesson_status("staging"), LessonStatus::New, "Spanish starts fresh");
    progress.record_position("staging", 900, 100, true);
    progress.record_position("prognosis", 100, 10, false);
    store.save(&mut progress).unwrap();

    let english = open_in(&path, FILE_PACK).progress;
    assert_eq!(english.lesson_status("staging"), LessonStatus::InProgress(40));
    assert_eq!(english.lessons["staging"].offset, 300);
    assert_eq!(english.lesson_status("prognosis"), LessonStatus::New);
    assert_eq!(english.last_lesson.as_deref(), Some("staging"));

    let spanish = open_in(&path, SPANISH).progress;
    assert_eq!(spanish.lesson_status("staging"), LessonStatus::Read);
    assert_eq!(spanish.lessons["staging"].offset, 900);
    assert_eq!(spanish.last_lesson.as_deref(), Some("prognosis"));
}

#[test]
fn the_file_keeps_english_at_the_top_and_other_packs_under_their_id() {
    let (_dir, path) = temp_store();
    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    progress.record_position("pain", 50, 20, false);
    record_answer(&mut progress, "pain-1", &[0], true, 100);
    store.save(&mut progress).unwrap();
    let Opened { store, mut progress, .. } = open_in(&path, FILE_PACK);
    progress.record_position("staging", 70, 30, false);
    store.save(&mut progress).unwrap();

    let text = fs::read_to_string(&path).unwrap();
    let table: toml::Table = text.parse().unwrap();
    assert!(table["lessons"].as_table().unwrap().contains_key("staging"), "{text}");
    assert!(!table["lessons"].as_table().unwrap().contains_key("pain"), "{text}");
    let spanish = table["packs"][SPANISH].as_table().unwrap();
    assert!(spanish["lessons"].as_table().unwrap().contains_key("pain"), "{text}");
    assert!(spanish["questions"].as_table().unwrap().contains_key("pain-1"), "{text}");
    assert!(!table.contains_key("questions"), "English has answered nothing: {text}");
    assert!(!table["packs"].as_table().unwrap().contains_key(FILE_PACK), "{text}");

    // The history line says whose question it answered.
    let history = fs::read_to_string(store.history_path()).unwrap();
    let line = history.lines().find(|l| l.contains("pain-1")).unwrap();
    assert!(line.contains(r#""pack":"default-es""#), "{line}");
}

#[test]
fn an_answer_in_spanish_schedules_only_the_spanish_question() {
    let (_dir, path) = temp_store();
    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    record_answer(&mut progress, "staging-1", &[0], true, 1_000);
    store.save(&mut progress).unwrap();

    let english = open_in(&path, FILE_PACK).progress;
    assert!(!english.questions.contains_key("staging-1"), "{:?}", english.questions);
    let spanish = open_in(&path, SPANISH).progress;
    assert_eq!(spanish.questions["staging-1"].leitner_box, 2);
    // The history is the person's: every copy holds all of it.
    assert_eq!(english.attempts.len(), 1);
    assert_eq!(english.attempts[0].pack_id(), SPANISH);
}

#[test]
fn answers_saved_before_the_schedule_are_counted_in_their_own_pack() {
    let (_dir, path) = temp_store();
    // A copy stopped after appending answers, before the schedule was written: the
    // progress file of the older save says none of them are counted yet.
    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    store.save(&mut progress).unwrap();
    let before = fs::read(&path).unwrap();
    record_answer(&mut progress, "q-es", &[0], true, 10);
    progress.use_pack(FILE_PACK);
    record_answer(&mut progress, "q-en", &[0], false, 20);
    store.save(&mut progress).unwrap();
    fs::write(&path, before).unwrap();

    for (pack, has, lacks, leitner_box) in [(FILE_PACK, "q-en", "q-es", 1), (SPANISH, "q-es", "q-en", 2)] {
        let progress = open_in(&path, pack).progress;
        assert_eq!(progress.questions[has].leitner_box, leitner_box, "{pack}");
        assert!(!progress.questions.contains_key(lacks), "{pack}: {:?}", progress.questions);
    }
}

#[test]
fn two_copies_in_two_languages_lose_nothing() {
    let (_dir, path) = temp_store();
    let Opened { store: en, progress: mut pen, .. } = open_in(&path, FILE_PACK);
    let Opened { store: es, progress: mut pes, .. } = open_in(&path, SPANISH);
    pen.record_position("staging", 400, 50, false);
    record_answer(&mut pen, "staging-1", &[0], true, 10);
    pen.notice_seen = true;
    pes.record_position("pain", 900, 100, true);
    record_answer(&mut pes, "pain-1", &[1], false, 20);
    pes.my_questions.push(my_question("¿Puedo viajar?"));
    en.save(&mut pen).unwrap();
    es.save(&mut pes).unwrap();
    en.save(&mut pen).unwrap();

    for (pack, progress) in [(FILE_PACK, &pen), (SPANISH, &pes)] {
        let file = open_in(&path, pack).progress;
        assert_eq!(&file, progress, "the copy using {pack} holds what the file holds");
        assert_eq!(file.attempts.len(), 2, "{pack}");
        assert!(file.notice_seen, "{pack}: settings are shared");
        assert_eq!(file.my_questions.len(), 1, "{pack}: My questions are shared");
    }
    assert!(pen.lessons.contains_key("staging") && !pen.lessons.contains_key("pain"));
    assert!(pes.lessons.contains_key("pain") && !pes.lessons.contains_key("staging"));
    assert!(pen.questions.contains_key("staging-1") && !pen.questions.contains_key("pain-1"));
    assert!(pes.questions.contains_key("pain-1") && !pes.questions.contains_key("staging-1"));
}

#[test]
fn a_file_from_before_packs_is_the_english_packs() {
    let (_dir, path) = temp_store();
    write_private(
        &path,
        "schema = 1\nnotice_seen = true\nlast_lesson = \"staging\"\n\n[lessons.staging]\noffset = 12\npercent = 60\n\n\
         [questions.staging-1]\nbox = 3\nlast = 99\n",
    );
    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    assert!(progress.notice_seen);
    assert!(progress.lessons.is_empty() && progress.questions.is_empty() && progress.last_lesson.is_none());
    progress.record_position("staging", 5, 1, false);
    store.save(&mut progress).unwrap();
    let english = open_in(&path, FILE_PACK).progress;
    assert_eq!(english.lessons["staging"].offset, 12);
    assert_eq!(english.questions["staging-1"].leitner_box, 3);
    assert_eq!(english.last_lesson.as_deref(), Some("staging"));
}

#[test]
fn unknown_keys_of_a_pack_table_survive_using_it() {
    let (_dir, path) = temp_store();
    write_private(
        &path,
        "schema = 1\n\n[packs.default-es]\nfuture = \"kept\"\n\n[packs.default-es.lessons.pain]\noffset = 3\n",
    );
    let Opened { store, mut progress, .. } = open_in(&path, SPANISH);
    assert_eq!(progress.lessons["pain"].offset, 3);
    progress.record_position("pain", 8, 10, false);
    store.save(&mut progress).unwrap();
    let table: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
    assert_eq!(table["packs"][SPANISH]["future"].as_str(), Some("kept"));
    assert_eq!(table["packs"][SPANISH]["lessons"]["pain"]["offset"].as_integer(), Some(8));
}

#[test]
fn switching_packs_back_and_forth_changes_nothing() {
    let mut progress = Progress::default();
    progress.record_position("staging", 10, 20, false);
    record_answer(&mut progress, "staging-1", &[0], true, 5);
    let english = progress.clone();
    progress.use_pack(SPANISH);
    progress.use_pack(SPANISH);
    assert!(progress.lessons.is_empty());
    progress.use_pack("my-clinic");
    progress.use_pack(FILE_PACK);
    assert_eq!(progress, english);
    assert_eq!(*progress.as_saved(), english);
}

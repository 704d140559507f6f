//! The plain commands take every word from the catalogue in use: switched to a small
//! made-up one, the plain session and a plain quiz say its words, and English for the
//! words it lacks. A test binary of its own: the switch is global and kept for the run.

use std::io::Cursor;

use patient_tutor::plain;
use patient_tutor::quiz::QuizSession;
use patient_tutor::session::{load_pack, open_progress};
use patient_tutor::words::{self, Catalogue};

/// A few words of a made-up language: a fixed text, a text with places, counted
/// texts, and the words of a quiz.
const MADE_UP: &str = r#"
[plain.session]
bye = "Zorgo. Bye-xx."
choose_or_leave = "Xx 1–{n}, q xx."

[plain.session.home]
title = "Xx menu."
all_lessons = "Xx lessons ({n})"

[plain.quiz]
score = "Xx score {right} / {answered}"
stopped = { one = "Xx stop {answered} of one.", other = "Xx stop {answered} of {n}." }
"#;

fn session_output(input: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pack = load_pack(None).unwrap();
    let opened = open_progress(Some(&dir.path().join("progress.toml")), &pack).unwrap();
    let options = plain::session::Options { width: 80, seed: 1, clock: || 1_800_000_000 };
    let mut out = Vec::new();
    plain::session::run(&pack, opened, Cursor::new(input.as_bytes().to_vec()), &mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_plain_command_says_the_catalogues_words_and_english_for_the_rest() {
    // In English first: the words the made-up catalogue replaces.
    let english = session_output("\nq\n");
    for said in ["Main menu.", "All lessons (", "Your progress is saved. Goodbye.", "or q to leave:"] {
        assert!(english.contains(said), "{said:?} in\n{english}");
    }

    words::use_catalogue(Catalogue::parse("xx", MADE_UP).unwrap());
    let pack = load_pack(None).unwrap();
    let out = session_output("\nq\n");
    let lessons = pack.lessons.len();
    for said in ["Xx menu.", &format!("Xx lessons ({lessons})"), "Zorgo. Bye-xx.", "Xx 1–12, q xx."] {
        assert!(out.contains(said), "{said:?} in\n{out}");
    }
    for english in ["Main menu.", "All lessons (", "Goodbye.", "or q to leave:"] {
        assert!(!out.contains(english), "{english:?} is still in English:\n{out}");
    }
    // What the catalogue lacks is said in English (the welcome, the first-run notice).
    assert!(out.starts_with("patient-tutor, plain text session."), "{out}");
    assert!(out.contains("Before you start."), "{out}");

    // A plain quiz stopped after one answer of two: the counted text and the score
    // line come from the catalogue, the rest in English.
    let questions: Vec<_> = pack.quiz("staging").into_iter().cloned().collect();
    let mut session = QuizSession::new(questions[..2].to_vec(), 1);
    let mut out = Vec::new();
    let review = plain::quiz::Review { now: 0, how: "" };
    plain::quiz::run(Some(&pack), &mut session, &mut Cursor::new(b"1\n".to_vec()), &mut out, review, &mut |_, _, _| {
        None
    })
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    let right = usize::from(!out.contains("Not quite."));
    assert!(out.ends_with(&format!("\nXx stop 1 of 2.\nXx score {right} / 1\n")), "{out}");
    assert!(out.starts_with("Question 1 of 2\n"), "{out}");

    words::use_english();
    assert!(session_output("\nq\n").contains("Main menu."));
}

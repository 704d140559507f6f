//! The quiz screen, driven through App::update and drawn on a TestBackend.

mod common;

use common::{app, screen_text, send};
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};

const T0: u64 = 1_764_000_000;
const DAY: u64 = 86_400;

/// Display position of a right (or a wrong) choice of the current question.
fn position(app: &App, right: bool) -> usize {
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    order.iter().position(|o| q.correct.contains(o) == right).unwrap()
}

fn key_for(position: usize) -> char {
    char::from(b'1' + position as u8)
}

/// Answer the current question right (all right choices) or wrong.
fn answer(app: &mut App, right: bool) -> Vec<Effect> {
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    let picks: Vec<usize> = if right {
        order.iter().enumerate().filter(|(_, o)| q.correct.contains(o)).map(|(p, _)| p).collect()
    } else {
        vec![position(app, false)]
    };
    for p in picks {
        let key = key_for(p);
        app.update(Action::Pick(key));
    }
    app.update(Action::Open)
}

fn staging_quiz(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.clock = Box::new(|| T0);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::StartQuiz]);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    app
}

#[test]
fn a_question_shows_its_prompt_choices_and_keys() {
    let app = staging_quiz(100, 30);
    let text = screen_text(&app);
    assert!(text.contains("Quiz · How stage 4 is decided"), "{text}");
    assert!(text.contains("Question 1 of 9"), "{text}");
    let (q, _) = app.quiz().unwrap().session.current().unwrap();
    assert!(text.contains(&q.prompt[..30]), "{text}");
    for choice in &q.choices {
        assert!(text.contains(choice.as_str()), "{choice} missing:\n{text}");
    }
    assert!(text.contains("Enter check"), "{text}");
}

#[test]
fn a_right_answer_is_explained_and_saved_at_once() {
    let mut app = staging_quiz(100, 30);
    let effects = answer(&mut app, true);
    assert_eq!(effects, vec![Effect::Save]);
    let text = screen_text(&app);
    assert!(text.contains("✓ Right!"), "{text}");
    assert!(text.contains("Why: "), "{text}");
    assert!(text.contains("← right answer"), "{text}");
    assert!(text.contains("Read more: How stage 4 is decided ›"), "{text}");
    assert_eq!(app.progress.attempts.len(), 1);
    assert!(app.progress.attempts[0].correct);
    assert_eq!(app.progress.attempts[0].at, T0);
    let id = &app.progress.attempts[0].question;
    assert_eq!(app.progress.questions[id].leitner_box, 2);
}

#[test]
fn a_wrong_answer_shows_the_right_one_and_your_pick() {
    let mut app = staging_quiz(100, 30);
    answer(&mut app, false);
    let text = screen_text(&app);
    assert!(text.contains("✗ Not quite."), "{text}");
    assert!(text.contains("← your pick"), "{text}");
    assert!(text.contains("← right answer"), "{text}");
    assert!(!app.progress.attempts[0].correct);
}

#[test]
fn read_more_opens_the_section_and_back_returns_to_the_quiz() {
    let mut app = staging_quiz(100, 30);
    answer(&mut app, true);
    let see = app.quiz().unwrap().session.current().unwrap().0.see.clone();
    app.update(Action::ReadMore);
    assert_eq!(app.screen(), ScreenKind::Reader);
    let anchor = see.split('#').nth(1).unwrap();
    let reader = app.reader().unwrap();
    let heading = reader.doc.anchors.iter().find(|a| a.slug == anchor).unwrap();
    let height = app.reader_layout().text.height as usize;
    assert!((reader.top..reader.top + height).contains(&heading.line), "the section's heading is on screen");
    assert!(reader.top > 0, "not just the top of the lesson");
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    assert!(screen_text(&app).contains("✓ Right!"), "the same question, still answered");
}

#[test]
fn multiple_choice_needs_every_right_choice() {
    let mut app = staging_quiz(100, 30);
    // Move to the first "choose all that apply" question.
    while app.quiz().unwrap().session.current().unwrap().0.kind != patient_tutor::content::quiz::Kind::Multiple {
        answer(&mut app, true);
        app.update(Action::Open);
    }
    assert!(screen_text(&app).contains("Choose all that apply"));
    // Enter with nothing picked asks for a pick.
    assert_eq!(app.update(Action::Open), vec![]);
    assert!(screen_text(&app).contains("Pick one or more"));
    // One right choice only: partly right is not right.
    let p = position(&app, true);
    app.update(Action::Pick(key_for(p)));
    assert!(screen_text(&app).contains("[x]"));
    app.update(Action::Open);
    assert!(screen_text(&app).contains("✗ Not quite."));
}

#[test]
fn the_end_shows_score_missed_and_what_to_read_again() {
    let mut app = staging_quiz(100, 30);
    let total = app.quiz().unwrap().session.len();
    for i in 0..total {
        answer(&mut app, i != 0);
        app.update(Action::Open);
    }
    let text = screen_text(&app);
    assert!(text.contains(&format!("You got {} of {total} right.", total - 1)), "{text}");
    assert!(text.contains("Questions to look at again:"), "{text}");
    assert!(text.contains("How stage 4 is decided ›"), "{text}");
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert_eq!(app.progress.attempts.len(), total);
}

#[test]
fn quitting_halfway_keeps_answers_and_review_waits_for_tomorrow() {
    let mut app = staging_quiz(100, 30);
    answer(&mut app, true);
    app.update(Action::Open);
    answer(&mut app, false);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert_eq!(app.progress.attempts.len(), 2);

    // The wrong one is due at once (box 1); the right one tomorrow (box 2).
    assert_eq!(app.due_count(), 1);
    let progress = app.progress.clone();
    let mut tomorrow = common::app_with(progress, 100, 30);
    tomorrow.clock = Box::new(|| T0 + DAY);
    assert_eq!(tomorrow.due_count(), 2);
    assert!(screen_text(&tomorrow).contains("2 quiz questions due for review (r)"));
    tomorrow.update(Action::StartReview);
    assert_eq!(tomorrow.screen(), ScreenKind::Quiz);
    assert!(screen_text(&tomorrow).contains("Review · questions due again"));
}

#[test]
fn nothing_to_review_says_when_to_come_back() {
    let mut app = staging_quiz(100, 30);
    let total = app.quiz().unwrap().session.len();
    for _ in 0..total {
        answer(&mut app, true);
        app.update(Action::Open);
    }
    app.update(Action::Open);
    app.update(Action::StartReview);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains("The next review is tomorrow."), "{}", screen_text(&app));
}

#[test]
fn mixed_quiz_needs_a_read_lesson() {
    let mut app = app(100, 30);
    app.update(Action::StartMixed);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains("Read a lesson to the end first"));
    app.progress.record_position("staging", 0, 100, true);
    app.update(Action::StartMixed);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    assert!(!app.quiz().unwrap().session.is_empty());
}

#[test]
fn true_false_answers_with_t_and_f() {
    let mut app = staging_quiz(100, 30);
    while app.quiz().unwrap().session.current().unwrap().0.kind != patient_tutor::content::quiz::Kind::TrueFalse {
        answer(&mut app, true);
        app.update(Action::Open);
    }
    let (q, _) = app.quiz().unwrap().session.current().unwrap();
    let key = if q.correct == vec![0] { 't' } else { 'f' };
    send(&mut app, &[Action::Pick(key), Action::Open]);
    assert!(screen_text(&app).contains("✓ Right!"), "{}", screen_text(&app));
}

#[test]
fn clicking_a_single_choice_answers_it() {
    let mut app = staging_quiz(100, 30);
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    let right = order.iter().position(|o| q.correct.contains(o)).unwrap();
    let choice = q.choices[order[right]].clone();
    let rows = common::screen(&app);
    let y = rows.iter().position(|r| r.contains(&choice)).unwrap() as u16;
    common::click(&mut app, 10, y);
    assert!(screen_text(&app).contains("✓ Right!"), "{}", screen_text(&app));
}

#[test]
fn quiz_reads_at_40x12_and_mastery_shows_on_home() {
    let mut app = staging_quiz(40, 12);
    let text = screen_text(&app);
    assert!(text.contains("1."), "{text}");
    for row in common::screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40);
    }
    // Mastered: every question of the lesson in box 3 or more.
    for q in app.pack.quiz("staging").into_iter().cloned().collect::<Vec<_>>() {
        app.progress.questions.insert(
            q.id.clone(),
            patient_tutor::progress::QuestionState { leitner_box: 3, last: T0, extra: Default::default() },
        );
    }
    app.update(Action::Back);
    app.update(Action::Resize(100, 30));
    assert!(screen_text(&app).contains("★ mastered"), "{}", screen_text(&app));
}

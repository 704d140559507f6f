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
    assert!(text.contains("your answer, right"), "{text}");
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
    assert!(text.contains("your answer, not right"), "{text}");
    assert!(text.contains("right answer, you did not pick it"), "{text}");
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
    assert!(text.contains("Sections to read again"), "{text}");
    assert!(text.contains("How stage 4 is decided ›"), "{text}");
    app.update(Action::Back);
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
fn clicking_a_single_choice_then_enter_answers_it() {
    let mut app = staging_quiz(100, 30);
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    let right = order.iter().position(|o| q.correct.contains(o)).unwrap();
    let choice = q.choices[order[right]].clone();
    let rows = common::screen(&app);
    let y = rows.iter().position(|r| r.contains(&choice)).unwrap() as u16;
    common::click(&mut app, 10, y);
    app.update(Action::Open);
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

/// Move on to the first question of `kind`, answering the ones before it right.
fn skip_to(app: &mut App, kind: patient_tutor::content::quiz::Kind) {
    while app.quiz().unwrap().session.current().unwrap().0.kind != kind {
        answer(app, true);
        app.update(Action::Open);
    }
}

/// The screen rows that show `text` (the start of a choice, say).
fn rows_with(app: &App, text: &str) -> Vec<(usize, String)> {
    common::screen(app).into_iter().enumerate().filter(|(_, r)| r.contains(text)).collect()
}

/// Issue 16, defect 4: after checking, every choice says whether you picked it and
/// whether it is right, in words and a symbol before the text, at 80×24 and 40×12.
#[test]
fn feedback_says_for_every_choice_picked_or_not_right_or_not() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = staging_quiz(w, h);
        skip_to(&mut app, patient_tutor::content::quiz::Kind::Single);
        let (q, order) = app.quiz().unwrap().session.current().unwrap();
        let wrong = position(&app, false);
        let right = position(&app, true);
        let (wrong_text, right_text) = (q.choices[order[wrong]].clone(), q.choices[order[right]].clone());
        app.update(Action::Pick(key_for(wrong)));
        app.update(Action::Open);
        let text = screen_text(&app);
        let what = format!("at {w}×{h}:\n{text}");
        // The first words of each choice, after its mark.
        let start = |t: &str| t.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let wrong_row = rows_with(&app, &format!("✗ {}", start(&wrong_text)));
        assert_eq!(wrong_row.len(), 1, "the wrong pick marked ✗ before its text {what}");
        let right_row = rows_with(&app, &format!("○ {}", start(&right_text)));
        assert_eq!(right_row.len(), 1, "the right answer not picked marked ○ {what}");
        // The words, each on one row, never split.
        assert_eq!(rows_with(&app, "your answer, not right").len(), 1, "{what}");
        assert_eq!(rows_with(&app, "right answer, you did not pick it").len(), 1, "{what}");
        assert!(!text.contains("←"), "{what}");
        for row in common::screen(&app) {
            assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= w as usize, "{what}");
        }
        // Every row of a choice after its first hangs past its number (under the mark or the text).
        let (first, _) = wrong_row[0];
        let rows = common::screen(&app);
        let indent = rows[first].find('✗').unwrap();
        for row in rows.iter().skip(first + 1).take_while(|r| !r.trim().is_empty() && !r.contains(". ")) {
            assert!(row.chars().take(indent).all(|c| c == ' '), "hanging indent: {row:?} {what}");
        }
    }
}

/// Issue 16, defect 4: a right answer says "your answer, right"; in a "choose all
/// that apply" question each right choice you left out says so.
#[test]
fn feedback_on_choose_all_names_what_you_missed() {
    let mut app = staging_quiz(80, 24);
    skip_to(&mut app, patient_tutor::content::quiz::Kind::Multiple);
    let text = screen_text(&app);
    assert_eq!(text.matches("hoose all that apply").count(), 1, "said once, not twice:\n{text}");
    let (q, order) = app.quiz().unwrap().session.current().unwrap();
    let rights: Vec<usize> = (0..order.len()).filter(|&p| q.correct.contains(&order[p])).collect();
    assert!(rights.len() > 1);
    app.update(Action::Pick(key_for(rights[0])));
    app.update(Action::Open);
    let text = screen_text(&app);
    assert_eq!(text.matches("your answer, right").count(), 1, "{text}");
    assert_eq!(text.matches("right answer, you did not pick it").count(), rights.len() - 1, "{text}");
}

/// Issue 16, defect 4: a click on a single choice selects it; Enter checks it.
#[test]
fn clicking_a_single_choice_selects_it_and_enter_checks() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = staging_quiz(w, h);
        skip_to(&mut app, patient_tutor::content::quiz::Kind::Single);
        let (q, order) = app.quiz().unwrap().session.current().unwrap();
        let right = position(&app, true);
        let choice: String = q.choices[order[right]].chars().take(12).collect();
        let Some((y, _)) = rows_with(&app, &choice).into_iter().next() else { continue };
        common::click(&mut app, 10, y as u16);
        let state = app.quiz().unwrap();
        assert!(!state.answered(), "a click does not check the answer at {w}×{h}");
        assert_eq!((state.picked.as_slice(), state.cursor), (&[right][..], right));
        assert!(screen_text(&app).contains("(•)"), "{}", screen_text(&app));
        assert!(app.progress.attempts.is_empty());
        assert_eq!(app.update(Action::Open), vec![Effect::Save]);
        assert!(screen_text(&app).contains("✓ Right!"), "{}", screen_text(&app));
    }
}

/// Finish the staging quiz with the first `wrong` questions answered wrongly.
fn finish_with_wrong(app: &mut App, wrong: usize) {
    let total = app.quiz().unwrap().session.len();
    for i in 0..total {
        answer(app, i >= wrong);
        app.update(Action::Open);
    }
    assert!(app.quiz().unwrap().session.is_finished());
}

/// Issue 16, defect 13: the summary says when the missed questions come back, and
/// that `r` on home starts the review.
#[test]
fn the_summary_says_when_missed_questions_come_back() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = staging_quiz(w, h);
        finish_with_wrong(&mut app, 3);
        // Missed questions go back to the first box, which is due again at once.
        let flat = common::screen(&app).iter().map(|r| r.trim()).collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("The 3 questions you missed come back for review now."),
            "at {w}×{h}:\n{}",
            screen_text(&app)
        );
        assert!(flat.contains("Press r on home to start the review."), "at {w}×{h}:\n{}", screen_text(&app));
    }
}

/// Issue 16, defect 13: the sections to read again are a list: ↑/↓ chooses, Enter
/// opens that section, Back returns to the summary.
#[test]
fn the_summary_opens_each_section_to_read_again() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = staging_quiz(w, h);
        finish_with_wrong(&mut app, 9);
        let targets = app.quiz().unwrap().session.read_again();
        assert!(targets.len() >= 2, "{targets:?}");
        for (i, target) in targets.iter().enumerate() {
            let label = app.pack.target_label(target).unwrap();
            let selected = rows_with(&app, "▶");
            assert_eq!(selected.len(), 1, "one selected at {w}×{h}:\n{}", screen_text(&app));
            let short: String = label.chars().take(w as usize / 2).collect();
            assert!(
                selected[0].1.contains(short.trim_end()),
                "{label:?} selected and seen at {w}×{h}:\n{}",
                screen_text(&app)
            );
            app.update(Action::Open);
            assert_eq!(app.screen(), ScreenKind::Reader, "{target}");
            let anchor = target.split('#').nth(1).unwrap();
            let reader = app.reader().unwrap();
            let heading = reader.doc.anchors.iter().find(|a| a.slug == anchor).unwrap();
            let height = app.reader_layout().text.height as usize;
            assert!((reader.top..reader.top + height).contains(&heading.line), "{target} on screen");
            app.update(Action::Back);
            assert_eq!(app.screen(), ScreenKind::Quiz, "Back returns to the summary");
            assert!(screen_text(&app).contains("▶"), "{}", screen_text(&app));
            if i + 1 < targets.len() {
                app.update(Action::Down);
            }
        }
        // Down past the last one stays on it; q leaves.
        app.update(Action::Down);
        let last = app.pack.target_label(targets.last().unwrap()).unwrap();
        let short: String = last.chars().take(w as usize / 2).collect();
        assert!(rows_with(&app, "▶")[0].1.contains(short.trim_end()), "{}", screen_text(&app));
        app.update(Action::Back);
        assert_eq!(app.screen(), ScreenKind::Home);
    }
}

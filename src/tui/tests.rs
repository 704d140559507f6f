//! `update` without a terminal: key → action (through the key table) → state, in
//! tables, in the style of atuin's `fsm/tests.rs`. The TestBackend screen tests in
//! `tests/` check the drawing; these check the model.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Effect};
use super::app::{App, ScreenKind};
use super::keys::{self, Context};
use super::quiz_flow::QuizKind;
use super::theme::Theme;
use crate::progress::Progress;
use crate::words::t;

fn app_with(progress: Progress) -> App {
    let mut app = App::new(crate::content::load_embedded().expect("the built-in pack"), progress, Theme::monochrome());
    app.update(Action::Resize(100, 30));
    app
}

/// An app past the first-run notice.
fn app() -> App {
    app_with(Progress { notice_seen: true, ..Default::default() })
}

/// A key, through the key table of the context it is pressed in, into `update`.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match keys::action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(action) => app.update(action),
        None => vec![],
    }
}

fn lesson(app: &App, id: &str) -> usize {
    app.pack.lesson_index(id).unwrap_or_else(|| panic!("no lesson {id}"))
}

/// The lesson open on top, and where it is scrolled to.
fn place(app: &App) -> Option<(usize, usize)> {
    app.reader().map(|r| (r.lesson, r.top))
}

#[test]
fn keys_on_the_first_run_notice_do_what_they_say() {
    use KeyCode::*;
    // (first run?, keys, context after, quits?)
    let table: &[(bool, &[KeyCode], Context, bool)] = &[
        (true, &[Char('?')], Context::Help, false),
        (true, &[Char('?'), Esc], Context::Notice, false),
        (true, &[Esc], Context::Home, false),
        (true, &[Enter], Context::Home, false),
        (true, &[Char('q')], Context::Notice, true),
    ];
    for (first_run, presses, after, quits) in table {
        let mut app = app_with(Progress { notice_seen: !first_run, ..Default::default() });
        let mut effects = Vec::new();
        for &key in *presses {
            effects.extend(press(&mut app, key));
        }
        assert_eq!(app.context(), *after, "first run {first_run}, {presses:?}");
        assert_eq!(effects.contains(&Effect::Quit), *quits, "first run {first_run}, {presses:?}: {effects:?}");
    }
}

/// About is a screen on the stack: `i` (or `?` then `i`) pushes it over where the
/// person was, any way back pops exactly that step and never quits, `h` opens "When to
/// get help now" over it, and `?` lists About's own keys.
#[test]
fn about_is_a_screen_and_back_pops_one_step() {
    use KeyCode::*;
    // (opened over a lesson?, keys, context after, screens on the stack after)
    let table: &[(bool, &[KeyCode], Context, usize)] = &[
        (false, &[Char('i')], Context::About, 2),
        (false, &[Char('i'), Esc], Context::Home, 1),
        (false, &[Char('i'), Char('q')], Context::Home, 1),
        (false, &[Char('i'), Enter], Context::Home, 1),
        (false, &[Char('i'), Esc, Char('i'), Char('q')], Context::Home, 1),
        (false, &[Char('?'), Char('i')], Context::About, 2),
        (false, &[Char('?'), Char('i'), Esc], Context::Home, 1),
        (false, &[Char('i'), Char('?')], Context::Help, 2),
        (false, &[Char('i'), Char('?'), Esc], Context::About, 2),
        (false, &[Char('i'), Char('h')], Context::Reader, 3),
        (false, &[Char('i'), Char('h'), Esc], Context::About, 2),
        (false, &[Char('i'), Char('h'), Esc, Esc], Context::Home, 1),
        (true, &[Char('?'), Char('i')], Context::About, 3),
        (true, &[Char('?'), Char('i'), Esc], Context::Reader, 2),
        (true, &[Char('?'), Char('i'), Char('q')], Context::Reader, 2),
        (true, &[Char('?'), Char('i'), Char('h'), Char('q'), Char('q')], Context::Reader, 2),
    ];
    for (over_lesson, presses, after, depth) in table {
        let mut app = app();
        if *over_lesson {
            app.open_lesson(lesson(&app, "treatment"), None);
            for _ in 0..5 {
                press(&mut app, KeyCode::Down);
            }
        }
        let before = place(&app);
        let mut effects = Vec::new();
        for &key in *presses {
            effects.extend(press(&mut app, key));
        }
        assert_eq!(app.context(), *after, "over a lesson {over_lesson}, {presses:?}");
        assert_eq!(app.stack.len(), *depth, "over a lesson {over_lesson}, {presses:?}");
        assert!(!effects.contains(&Effect::Quit), "About never quits: {presses:?}");
        if *after == Context::About {
            assert_eq!(app.screen(), ScreenKind::About, "{presses:?}");
        }
        match after {
            // Back at the lesson it was opened over, at the same place.
            Context::Reader if *depth == 2 => assert_eq!(place(&app), before, "{presses:?}"),
            // `h`: the lesson on when to get help now, at its top.
            Context::Reader => {
                assert_eq!(place(&app), Some((lesson(&app, crate::content::GET_HELP_LESSON), 0)), "{presses:?}")
            }
            Context::Help => assert_eq!(app.base_context(), Context::About, "help lists About's keys"),
            _ => {}
        }
    }
    // Back (the action, as a click on the footer's word would give) pops it too.
    let mut app = app();
    press(&mut app, KeyCode::Char('i'));
    app.update(Action::Back);
    assert_eq!((app.context(), app.stack.len()), (Context::Home, 1));
}

#[test]
fn esc_on_home_asks_before_quitting_and_q_quits_at_once() {
    use KeyCode::*;
    let table: &[(&[KeyCode], Context, bool)] = &[
        (&[Esc], Context::ConfirmQuit, false),
        (&[Esc, Char('n')], Context::Home, false),
        (&[Esc, Esc], Context::Home, false),
        // After quitting, the context no longer matters: the loop ends.
        (&[Esc, Char('y')], Context::ConfirmQuit, true),
        (&[Char('q')], Context::Home, true),
    ];
    for (presses, after, quits) in table {
        let mut app = app();
        let mut effects = Vec::new();
        for &key in *presses {
            effects.extend(press(&mut app, key));
        }
        assert_eq!(app.context(), *after, "{presses:?}");
        assert_eq!(effects.contains(&Effect::Quit), *quits, "{presses:?}: {effects:?}");
        if *quits {
            assert!(effects.contains(&Effect::Save), "quitting saves first: {effects:?}");
        }
    }
}

#[test]
fn the_back_chain_never_skips_a_step() {
    let mut app = app();
    // Home → a lesson, scrolled → a link to another lesson → search → a hit.
    app.update(Action::Open);
    for _ in 0..7 {
        app.update(Action::Down);
    }
    let first = place(&app).expect("a lesson is open");
    assert!(first.1 > 0);
    app.open_target("diagnosis#biopsy");
    let second = place(&app).expect("the link opened a lesson");
    assert_eq!(second.0, lesson(&app, "diagnosis"));
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.screen(), ScreenKind::Search);
    app.update(Action::Paste("pain".into()));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), ScreenKind::Reader);
    // Esc (Back) undoes one step at a time, each to the exact place left.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenKind::Search, "search hit → Esc is the search, not home");
    assert_eq!(app.search().map(|s| s.input.value().to_string()).as_deref(), Some("pain"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(place(&app), Some(second));
    press(&mut app, KeyCode::Esc);
    assert_eq!(place(&app), Some(first), "back to the lesson and the line it was left at");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert_eq!(app.stack.len(), 1);
    // Home is never popped: Esc there asks.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ConfirmQuit);
}

#[test]
fn every_way_into_a_screen_comes_back_out_to_where_it_started() {
    // (how to open it from a lesson, the screen it opens)
    let table: &[(Action, ScreenKind)] = &[
        (Action::OpenExplorer, ScreenKind::Explorer),
        (Action::OpenNotebook, ScreenKind::Notebook),
        (Action::OpenSurvival, ScreenKind::Survival),
        (Action::OpenStaging, ScreenKind::Staging),
        (Action::OpenSearch, ScreenKind::Search),
        (Action::StartQuiz, ScreenKind::Quiz),
        (Action::OpenGetHelp, ScreenKind::Reader),
    ];
    for (open, screen) in table {
        let mut app = app();
        app.open_lesson(lesson(&app, "staging"), None);
        for _ in 0..4 {
            app.update(Action::Down);
        }
        let left = place(&app);
        app.update(open.clone());
        assert_eq!(app.screen(), *screen, "{open:?}");
        assert_eq!(app.stack.len(), 3, "{open:?} pushes one step");
        app.update(Action::Back);
        assert_eq!(place(&app), left, "{open:?} → Back returns to the lesson where it was left");
        assert_eq!(app.stack.len(), 2);
    }
}

#[test]
fn a_mixed_quiz_left_to_read_a_section_is_kept() {
    let mut app = app();
    let questions: Vec<_> = app.pack.questions.iter().take(3).cloned().collect();
    app.start_quiz(QuizKind::Mixed, questions);
    press(&mut app, KeyCode::Enter); // answer the first question
    let answered = app.quiz().map(|q| q.session.last_verdict().is_some());
    assert_eq!(answered, Some(true));
    press(&mut app, KeyCode::Char('r')); // read the section it is about
    assert_eq!(app.screen(), ScreenKind::Reader);
    press(&mut app, KeyCode::Esc);
    let quiz = app.quiz().expect("the mixed quiz is still there");
    assert_eq!(quiz.kind, QuizKind::Mixed);
    assert!(quiz.answered(), "at the same question, its feedback still showing");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), ScreenKind::Home);
}

#[test]
fn help_closes_back_onto_what_it_was_opened_over() {
    let mut app = app();
    app.open_lesson(0, None);
    app.update(Action::ShowTerms);
    assert_eq!(app.context(), Context::Terms);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.context(), Context::Help);
    assert_eq!(app.base_context(), Context::Terms, "help lists the keys of what is under it");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Terms);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Reader);
}

#[test]
fn h_in_the_reader_is_get_help_now_and_left_is_the_previous_lesson() {
    let mut app = app();
    app.open_lesson(2, None);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.reader().map(|r| r.lesson), app.pack.lesson_index(crate::content::GET_HELP_LESSON));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.reader().map(|r| r.lesson), Some(2));
    press(&mut app, KeyCode::Left);
    assert_eq!(app.reader().map(|r| r.lesson), Some(1));
    assert_eq!(app.stack.len(), 2, "the previous lesson takes this one's place");
}

#[test]
fn outcomes_from_the_loop_change_the_app_only_through_update() {
    let mut app = app();
    app.unsaved = true;
    app.update(Action::SaveFailed("disk full".into()));
    assert_eq!(app.save_problem.as_deref(), Some("disk full"));
    app.update(Action::SaveWaiting);
    assert_eq!(app.message, None, "a failure already shows; waiting does not hide it");
    app.update(Action::Saved { notices: vec![] });
    assert!(!app.unsaved);
    assert_eq!(app.save_problem, None);
    assert!(app.message.as_deref().is_some_and(|m| m.contains(t("tui.saving.saved_again"))));
    app.update(Action::ExportFailed("no room".into()));
    assert_eq!(app.message.as_deref(), Some("no room"));
}

#[test]
fn the_model_never_reaches_into_a_screen() {
    // No import cycle: the screens read the model; the model never asks a screen.
    let model = [
        ("app.rs", include_str!("app.rs")),
        ("action.rs", include_str!("action.rs")),
        ("keys.rs", include_str!("keys.rs")),
        ("hits.rs", include_str!("hits.rs")),
        ("quiz_flow.rs", include_str!("quiz_flow.rs")),
        ("tools_flow.rs", include_str!("tools_flow.rs")),
        ("explorer_flow.rs", include_str!("explorer_flow.rs")),
        ("notebook_flow.rs", include_str!("notebook_flow.rs")),
        ("checkin_flow.rs", include_str!("checkin_flow.rs")),
        ("reader_words.rs", include_str!("reader_words.rs")),
        ("reload.rs", include_str!("reload.rs")),
    ];
    for (name, source) in model {
        assert!(!source.contains(&["screens", "::"].concat()), "{name} uses a screen module");
        assert!(!source.contains(&["use super::", "view"].concat()), "{name} uses the drawing");
    }
}

#[test]
fn a_click_is_what_the_frame_drew_under_it() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = app();
    let draw = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut hits = super::hits::Hits::default();
        terminal.draw(|frame| hits = super::view::draw(app, frame)).unwrap();
        (hits, terminal.backend().buffer().clone())
    };
    let (hits, buffer) = draw(&app);
    let row = (0..30u16)
        .find(|&y| (0..100u16).map(|x| buffer[(x, y)].symbol()).collect::<String>().contains("3. Symptoms"))
        .expect("lesson 3 on home");
    assert_eq!(hits.action_at(10, row), Some(Action::Select(lesson(&app, "symptoms"))));
    assert_eq!(hits.click(10, 0), Action::Click(10, 0), "the title row chooses nothing");
    // An overlay takes every click: nothing under it can be chosen.
    press(&mut app, KeyCode::Char('?'));
    let (hits, _) = draw(&app);
    assert!(hits.is_empty());
}

#[test]
fn a_long_trail_of_links_keeps_home_and_the_latest_steps() {
    let mut app = app();
    for i in 0..(super::app::MAX_STEPS * 2) {
        app.open_lesson(i % app.pack.lessons.len(), None);
    }
    assert_eq!(app.stack.len(), super::app::MAX_STEPS);
    assert!(matches!(app.stack[0], super::app::Screen::Home));
    for _ in 0..super::app::MAX_STEPS {
        app.update(Action::Back);
    }
    assert_eq!(app.screen(), ScreenKind::Home);
}

#[test]
fn a_check_in_finished_from_its_history_comes_back_to_it_once() {
    let mut app = app();
    app.update(Action::OpenCheckInHistory);
    app.update(Action::OpenCheckIn);
    assert_eq!(app.screen(), ScreenKind::CheckIn);
    // Answer every question (no to red flags, 2 for ratings) until it is saved.
    for _ in 0..200 {
        match app.context() {
            Context::CheckIn => {
                app.update(Action::Pick('n'));
                app.update(Action::Pick('2'));
                app.update(Action::Open);
            }
            Context::CheckInGetHelp => {
                app.update(Action::Dismiss);
            }
            Context::CheckInNote => {
                app.update(Action::Open);
            }
            _ => break,
        }
    }
    assert_eq!(app.screen(), ScreenKind::CheckInHistory);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home, "one history, not two");
}

#[test]
fn the_contents_are_an_overlay_over_the_lesson() {
    use KeyCode::*;
    let mut app = app();
    app.open_lesson(lesson(&app, "treatment"), None);
    let sections = app.reader().map(|r| r.sections.clone()).unwrap_or_default();
    assert!(sections.len() > 2);
    // (keys, context after, the lesson's top line after)
    let table: &[(&[KeyCode], Context, Option<usize>)] = &[
        (&[Char('t')], Context::Contents, Some(0)),
        (&[Char('t'), Esc], Context::Reader, Some(0)),
        (&[Char('t'), Down, Down, Enter], Context::Reader, Some(sections[2].1)),
        (&[Char('t'), Char('?')], Context::Help, Some(0)),
        (&[Char('t'), Char('?'), Esc], Context::Contents, Some(0)),
    ];
    for (presses, after, top) in table {
        let mut app = app_with(Progress { notice_seen: true, ..Default::default() });
        app.open_lesson(lesson(&app, "treatment"), None);
        for &key in *presses {
            press(&mut app, key);
        }
        assert_eq!(app.context(), *after, "{presses:?}");
        assert_eq!(app.reader().map(|r| r.top), *top, "{presses:?}");
    }
}

#[test]
fn export_says_where_first_and_writes_on_the_second_x_only() {
    use super::action::ExportKind;
    let mut app = app();
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.screen(), ScreenKind::Notebook);
    // An empty list: nothing to plan or write, and it says so.
    assert_eq!(press(&mut app, KeyCode::Char('x')), vec![]);
    assert_eq!(app.message.as_deref(), Some(t("tui.no_questions_to_export")));
    press(&mut app, KeyCode::Char('a'));
    app.update(Action::Paste("Can I travel?".into()));
    press(&mut app, KeyCode::Enter);
    let plan = press(&mut app, KeyCode::Char('x'));
    assert!(matches!(plan.as_slice(), [Effect::PlanExport { kind: ExportKind::Questions, .. }]), "{plan:?}");
    app.update(Action::ExportPlanned("x again to save as /d/q.md".into()));
    assert_eq!(app.export_armed, Some(ExportKind::Questions), "the loop's answer keeps it armed");
    // Another key in between: the next x only asks again.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.export_armed, None);
    let again = press(&mut app, KeyCode::Char('x'));
    assert!(matches!(again.as_slice(), [Effect::PlanExport { .. }]), "{again:?}");
    let write = press(&mut app, KeyCode::Char('x'));
    assert!(matches!(write.as_slice(), [Effect::ExportQuestions { .. }]), "{write:?}");
    // A failure to plan disarms: the next x asks again rather than writing.
    press(&mut app, KeyCode::Char('x'));
    app.update(Action::ExportFailed("no folder".into()));
    assert_eq!(app.export_armed, None);
}

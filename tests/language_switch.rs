//! Switching language (issue 20): in the tutor `L` on the first-run notice, on home and
//! in help; in the plain session a main-menu choice, or `L` at the first notice. With the
//! built-in pack, the words and the lessons change language, each language with its own
//! reading places; the choice is remembered in the progress file.
//!
//! The words in use are the whole program's, so the tests take turns (`ONE_AT_A_TIME`),
//! in a test binary of their own.

mod common;

use common::{screen_text, send};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use patient_tutor::progress::{FILE_PACK, Progress};
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::keys::action_for;
use patient_tutor::tui::theme::Theme;
use patient_tutor::words;

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn press(app: &mut App, c: char) -> Vec<Effect> {
    match action_for(app.context(), KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)) {
        Some(action) => app.update(action),
        None => panic!("{c} does nothing in {:?}", app.context()),
    }
}

fn english_app(progress: Progress) -> App {
    words::use_english();
    let mut app = App::new(common::pack(), progress, Theme::monochrome());
    app.update(Action::Resize(80, 24));
    app
}

fn lesson_index(app: &App, id: &str) -> usize {
    app.pack.lesson_index(id).unwrap()
}

#[test]
fn l_switches_words_lessons_and_reading_places_and_is_remembered() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // On home: everything in Spanish, the choice kept, Spanish places in use.
    let mut app = english_app(Progress { notice_seen: true, ..Default::default() });
    let effects = press(&mut app, 'L');
    assert!(effects.contains(&Effect::Save), "the choice is saved");
    assert_eq!(words::language(), "es");
    assert_eq!(app.progress.language.as_deref(), Some("es"));
    assert_eq!(app.progress.pack_in_use(), "default-es");
    assert_eq!(app.pack.lessons[0].title, "Qué es el cáncer en estadio 4");
    let home = screen_text(&app);
    assert!(home.contains("Qué es el cáncer en estadio 4"), "{home}");
    assert!(home.contains("Ahora en español"), "the footer says so: {home}");
    assert!(!home.contains("What stage 4 cancer is"), "{home}");

    // And back: English words, lessons and places.
    press(&mut app, 'L');
    assert_eq!(words::language(), "en");
    assert_eq!(app.progress.language.as_deref(), Some("en"));
    assert_eq!(app.progress.pack_in_use(), FILE_PACK);
    assert!(screen_text(&app).contains("What stage 4 cancer is"));

    // In a lesson, from help: the same lesson, the same section, in Spanish; the English
    // place stays as it was read, the Spanish lesson is not marked by the English reading.
    let mut app = english_app(Progress { notice_seen: true, ..Default::default() });
    let staging = lesson_index(&app, "staging");
    app.open_lesson(staging, None);
    send(&mut app, &[Action::Tick(std::time::Instant::now())]);
    for _ in 0..3 {
        send(&mut app, &[Action::NextSection]);
    }
    let section = app.reader().unwrap().sections.iter().rposition(|(_, line)| *line <= app.reader().unwrap().top);
    press(&mut app, '?');
    assert!(app.help_open());
    press(&mut app, 'L');
    assert_eq!(words::language(), "es");
    assert_eq!(app.screen(), ScreenKind::Reader, "still reading");
    let reader = app.reader().unwrap();
    assert_eq!(app.pack.lessons[reader.lesson].id, "staging");
    let spanish_section = reader.sections.iter().rposition(|(_, line)| *line <= reader.top);
    assert_eq!(spanish_section, section, "the same section, in Spanish");
    assert!(app.progress.packs[FILE_PACK].lessons.contains_key("staging"), "the English place is kept");
    assert!(
        app.progress.lessons.get("staging").is_none_or(|p| !p.read && p.percent < 100),
        "the Spanish lesson is not marked by reading the English one: {:?}",
        app.progress.lessons.get("staging")
    );
    press(&mut app, 'L');
    assert_eq!(words::language(), "en");

    // Not while a quiz is open: its questions are in the language it began in.
    let mut app = english_app(Progress { notice_seen: true, ..Default::default() });
    app.start_lesson_quiz(0);
    assert_eq!(app.screen(), ScreenKind::Quiz);
    press(&mut app, '?');
    let effects = press(&mut app, 'L');
    assert!(effects.is_empty());
    assert_eq!(words::language(), "en", "no switch mid-quiz");
    assert_eq!(app.progress.language, None);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("quiz")), "{:?}", app.message);

    // On the first-run notice, where a person who reads only Spanish starts: the footer
    // names the other language in its own words.
    let mut app = english_app(Progress::default());
    assert!(app.notice_showing());
    let notice = screen_text(&app);
    assert!(notice.contains("L español"), "{notice}");
    press(&mut app, 'L');
    assert!(app.notice_showing(), "the notice is still to be read, now in Spanish");
    let notice = screen_text(&app);
    assert!(notice.contains("Antes de empezar"), "{notice}");
    assert!(notice.contains("Pulse L para cambiar el idioma"), "the footer says how to go back: {notice}");
    assert_eq!(app.pack.lessons[0].title, "Qué es el cáncer en estadio 4");

    // A clinic's own pack (`--content`) stays as it is: only the words change.
    words::use_english();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid");
    let pack = patient_tutor::content::load_dir(&dir).unwrap();
    let title = pack.lessons[0].title.clone();
    let mut app = App::new(pack, Progress { notice_seen: true, ..Default::default() }, Theme::monochrome());
    app.update(Action::Resize(80, 24));
    press(&mut app, 'L');
    assert_eq!(words::language(), "es");
    assert_eq!(app.pack.lessons[0].title, title);
    assert_eq!(app.progress.pack_in_use(), "valid-fixture");
    assert_eq!(app.progress.language.as_deref(), Some("es"));
    words::use_english();
}

fn plain_session(input: &str, progress: &std::path::Path) -> String {
    words::use_english();
    let pack = patient_tutor::session::load_pack(None).unwrap();
    let opened = patient_tutor::session::open_progress(Some(progress), &pack).unwrap();
    let options = patient_tutor::plain::session::Options { width: 80, seed: 1, clock: || 1_800_000_000 };
    let mut out = Vec::new();
    let input = std::io::Cursor::new(input.as_bytes().to_vec());
    patient_tutor::plain::session::run(&pack, opened, input, &mut out, options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_plain_session_switches_at_the_notice_and_from_the_main_menu() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    // L at the notice: the notice again in Spanish, then the Spanish menu; the last
    // menu choice names English in English; choosing it gives English lessons.
    let out = plain_session("L\n\n12\n1\n", &progress);
    let lines: Vec<&str> = out.lines().collect();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}: {out}"));
    assert!(at("Para español, escriba L") < at("Antes de empezar."));
    assert!(at("Antes de empezar.") < at("Menú principal."));
    assert!(out.contains("1. Leer la lección siguiente: Qué es el cáncer en estadio 4"), "{out}");
    assert!(out.contains("12. English: switch the language to English"), "{out}");
    assert!(at("12. English") < at("Now in English"));
    assert!(at("Now in English") < at("Main menu."));
    // Lesson 1 opened in English after the switch.
    let lesson = &out[out.find("Now in English").unwrap()..];
    assert!(lesson.contains("What stage 4 cancer is"), "{lesson}");
    assert_eq!(patient_tutor::progress::saved_language(&progress).as_deref(), Some("en"));

    // Reading in English marked English only; Spanish from the menu is remembered.
    let out = plain_session("12\n", &progress);
    assert!(out.contains("Ahora en español"), "{out}");
    assert_eq!(patient_tutor::progress::saved_language(&progress).as_deref(), Some("es"));
    let opened = patient_tutor::progress::Store::open(&progress, patient_tutor::quiz::schedule_answer).unwrap();
    assert!(opened.progress.lessons.contains_key("what-is-metastasis"), "English reading kept at the top");
    assert!(
        !opened.progress.packs.get("default-es").is_some_and(|p| p.lessons.contains_key("what-is-metastasis")),
        "{:?}",
        opened.progress.packs
    );
    words::use_english();
}

//! Properties of untrusted input, shared by the proptests (`tests/hostile_input.rs`,
//! run in CI) and the fuzz targets (`fuzz/`, run by hand): any bytes in → an error or
//! a rendering out; never a panic, never a control character out, every rendered line
//! within the width asked for. Each function panics if a property is broken.
#![allow(dead_code)]

use std::sync::OnceLock;

use patient_tutor::content::{self, ContentPack, Glossary, Lesson, Question, lesson, quiz, sites};
use patient_tutor::markdown::{self, Line, MdTheme, display_width};
use patient_tutor::progress::{self, Progress};
use patient_tutor::quiz::QuizSession;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A character that must never reach the terminal: C0 and C1 controls (ESC, BEL,
/// backspace, carriage return, DEL…), bidi controls, and the Unicode line separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text printed line by line (plain output, error messages): nothing unsafe but '\n'.
pub fn assert_clean_text(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_unsafe(c)) {
        panic!("{what}: unsafe character {c:?} in {text:?}");
    }
}

/// A size from two bytes: 1–120 columns, 1–40 rows.
fn size(data: &[u8]) -> (u16, u16) {
    let w = data.first().map_or(80, |&b| u16::from(b) % 120 + 1);
    let h = data.get(1).map_or(24, |&b| u16::from(b) % 40 + 1);
    (w, h)
}

/// The first `n` bytes steer the test (size, flags); the rest is the input.
fn split(data: &[u8], n: usize) -> (&[u8], &[u8]) {
    data.split_at(n.min(data.len()))
}

pub fn assert_lines_fit(what: &str, lines: &[Line], width: u16) {
    let w = usize::from(width.max(1));
    for line in lines {
        let text = markdown::line_to_string(line);
        if let Some(c) = text.chars().find(|&c| is_unsafe(c)) {
            panic!("{what}: unsafe character {c:?} in rendered line {text:?}");
        }
        let lw = display_width(&text);
        if lw > w {
            // The one exception: a single character wider than the whole width.
            let visible = text.chars().filter(|c| display_width(c.encode_utf8(&mut [0; 4])) > 0).count();
            assert!(visible == 1, "{what}: line {text:?} is {lw} columns wide at width {w}");
        }
    }
}

/// Draw the app as it is now and check every cell.
pub fn assert_screen_clean(what: &str, app: &App) {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| {
            view::draw(app, frame);
        })
        .unwrap();
    for cell in terminal.backend().buffer().content() {
        if let Some(c) = cell.symbol().chars().find(|&c| is_unsafe(c)) {
            panic!("{what}: unsafe character {c:?} drawn on screen");
        }
    }
}

/// The screen as text, one row per line (wide characters take their one cell).
pub fn screen_text(app: &App) -> String {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| {
            view::draw(app, frame);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// Apply `actions` one by one, checking the screen after each.
pub fn drive(what: &str, app: &mut App, actions: &[Action]) {
    assert_screen_clean(what, app);
    for action in actions {
        app.update(action.clone());
        assert_screen_clean(&format!("{what} after {action:?}"), app);
    }
}

fn errors_clean(what: &str, errors: &[content::ContentError]) {
    for e in errors {
        assert_clean_text(what, &e.to_string());
    }
}

/// A small valid lesson, to hang quizzes and sites on.
fn plain_lesson(id: &str) -> Lesson {
    let text = format!(
        "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"x\"]\nreviewed = 2026-01-01\n+++\n# T\n\n## Part\n\nText.\n"
    );
    lesson::parse(&format!("lessons/01-{id}.md"), &text, true).expect("the helper lesson parses")
}

pub fn pack_of(lessons: Vec<Lesson>, questions: Vec<Question>, sites: Option<content::Sites>) -> ContentPack {
    ContentPack {
        origin: "fuzz".into(),
        lessons,
        questions,
        glossary: Glossary::default(),
        sites,
        survival: Vec::new(),
        checkin: None,
        manifest: None,
        builtin: false,
    }
}

fn app_at(pack: ContentPack, progress: Progress, (w, h): (u16, u16)) -> App {
    let mut app = App::new(pack, progress, Theme::monochrome());
    app.update(Action::Resize(w, h));
    app
}

fn seen() -> Progress {
    Progress { notice_seen: true, ..Default::default() }
}

/// Markdown as a lesson body: rendered at any width, in colour and without.
pub fn markdown_bytes(data: &[u8]) {
    let (head, rest) = split(data, 1);
    let width = head.first().map_or(80, |&b| u16::from(b) % 200 + 1);
    // The loaders refuse text that is not UTF-8 before it gets here.
    let Ok(text) = std::str::from_utf8(rest) else { return };
    for theme in [MdTheme::color(), MdTheme::monochrome()] {
        let rendered = markdown::render(text, width, &theme);
        assert_lines_fit("markdown", &rendered.lines, width);
        for link in &rendered.links {
            assert_clean_text("link target", &link.target);
        }
    }
}

/// A lesson file (front matter and Markdown): parsed, then shown on the home screen,
/// in the reader and in plain text.
pub fn lesson_bytes(data: &[u8]) {
    let (head, rest) = split(data, 3);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let strict = head.get(2).is_none_or(|b| b & 1 == 1);
    match lesson::parse("lessons/01-x.md", text, strict) {
        Err(e) => assert_clean_text("lesson error", &e.to_string()),
        Ok(lesson) => {
            let (w, h) = size(head);
            let rendered = markdown::render(&lesson.document(), w, &MdTheme::monochrome());
            assert_lines_fit("lesson", &rendered.lines, w);
            let mut app = app_at(pack_of(vec![lesson], Vec::new(), None), seen(), (w, h));
            let steps = [Action::Open, Action::PageDown, Action::NextLink, Action::Contents, Action::Back];
            drive("lesson", &mut app, &steps);
        }
    }
}

/// A quiz file: parsed, then asked in plain text and in the tutor.
pub fn quiz_bytes(data: &[u8]) {
    let (head, rest) = split(data, 2);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match quiz::parse("quizzes/x.toml", "x", text) {
        Err(errors) => errors_clean("quiz error", &errors),
        Ok(questions) => {
            let mut session = QuizSession::new(questions.clone(), 7);
            let mut out = Vec::new();
            let mut input: &[u8] = b"1\n2\nt\n1,2\nzz\n3\n";
            {
                let review = patient_tutor::plain::quiz::Review { now: 0, how: "" };
                patient_tutor::plain::quiz::run(None, &mut session, &mut input, &mut out, review, &mut |_, _, _| None)
                    .unwrap()
            };
            assert_clean_text("plain quiz", &String::from_utf8_lossy(&out));

            let mut app = app_at(pack_of(vec![plain_lesson("x")], questions, None), seen(), size(head));
            app.start_lesson_quiz(0);
            let steps = [Action::Pick('1'), Action::Open, Action::Down, Action::Open, Action::Pick('2'), Action::Open];
            drive("quiz", &mut app, &steps);
        }
    }
}

/// sites.toml and its body-map art (split at the first NUL byte): parsed, then shown
/// on the body map.
pub fn sites_bytes(data: &[u8]) {
    let (head, rest) = split(data, 2);
    let (toml_part, art_part) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &b" o \n/|\\\n"[..]),
    };
    let (Ok(text), Ok(art)) = (std::str::from_utf8(toml_part), std::str::from_utf8(art_part)) else { return };
    if let Err(e) = sites::art_name("sites.toml", text) {
        assert_clean_text("sites error", &e.to_string());
    }
    match sites::parse("sites.toml", text, "assets/map.txt", art) {
        Err(errors) => errors_clean("sites error", &errors),
        Ok(sites) => {
            let mut app = app_at(pack_of(vec![plain_lesson("x")], Vec::new(), Some(sites)), seen(), size(head));
            app.open_explorer();
            let steps = [
                Action::Move(patient_tutor::explorer::nav::Direction::Down),
                Action::NextLink,
                Action::PageDown,
                Action::Find,
                Action::Edit(tui_input::InputRequest::InsertChar('a')),
                Action::Down,
                Action::Open,
            ];
            drive("sites", &mut app, &steps);
        }
    }
}

fn default_pack() -> ContentPack {
    static PACK: OnceLock<ContentPack> = OnceLock::new();
    PACK.get_or_init(|| content::load_embedded().expect("the built-in pack loads")).clone()
}

/// An answer history file: read as the app opens it (a broken one kept aside with a
/// clean notice), then an answer added and saved, and read back with every answer.
pub fn history_bytes(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("progress.toml");
    let history = progress::history_path(&path);
    std::fs::write(&history, data).unwrap();
    let parsed = progress::parse_history(data);
    let opened = progress::Store::open(&path, patient_tutor::quiz::schedule_answer).expect("opens");
    for notice in &opened.notices {
        assert_clean_text("history notice", notice);
    }
    let mut p = opened.progress;
    match parsed {
        Err(why) => {
            assert_clean_text("history error", &why);
            assert!(p.attempts.is_empty() && !history.exists(), "a broken history is kept aside");
        }
        Ok(attempts) => assert_eq!(p.attempts, attempts, "read as parsed"),
    }
    patient_tutor::quiz::record_answer(&mut p, "new", &[1], true, 7);
    opened.store.save(&mut p).expect("saves");
    let again = progress::Store::open(&path, patient_tutor::quiz::schedule_answer).expect("opens again");
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    assert_eq!(again.progress.attempts, p.attempts, "nothing lost, nothing torn");
}

/// A progress file: parsed, saved and parsed again to the same thing, and shown.
pub fn progress_bytes(data: &[u8]) {
    let (head, rest) = split(data, 2);
    match progress::parse(rest) {
        Err(why) => assert_clean_text("progress error", &why),
        Ok(p) => {
            // What the app would write back must read back the same: a save never
            // turns a good file into one that the next start moves aside.
            let text = toml::to_string(&p).expect("progress serializes");
            let again = progress::parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e}: {text}"));
            // (Compared as text: a `nan` kept from a newer version is not equal to itself.)
            assert_eq!(toml::to_string(&again).unwrap(), text, "round trip");
            let mut app = app_at(default_pack(), p, size(head));
            drive("progress", &mut app, &[Action::Dismiss, Action::Open, Action::Back, Action::StartReview]);
        }
    }
}

//! No terminal escape injection: a content pack whose lesson, quiz, glossary and
//! site text holds ESC, CSI, OSC (window title, hyperlink, clipboard OSC 52), BEL,
//! backspace, carriage return and bidi overrides is shown harmlessly, in the tutor
//! and in plain output. The tests look at the exact bytes written.

#[path = "support/hostile.rs"]
mod hostile;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use patient_tutor::content;
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::term::SafeBackend;
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Every kind of escape at once: clear screen (CSI), window title, hyperlink and
/// clipboard (OSC), a device control string, the 8-bit CSI, BEL, backspace, carriage
/// return, a bidi override, a line separator.
const EVIL: &str = "A\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\L\x1b]8;;\x1b\\\x1b]52;c;ZXZpbA==\x07\x1bP+q\x1b\\\u{9b}31mB\x08\x08\rC\u{202e}D\u{2066}\u{2028}E";
/// A shorter one whose harmless form is easy to write out exactly.
const SIMPLE: &str = "A\x1b[2JB\x07C\x08D\rE\u{202e}F\u{9b}G";
/// What `SIMPLE` must look like on screen: escapes gone, the carriage return a space.
const SIMPLE_SHOWN: &str = "A[2JBCD EFG";
/// Sites may not hold control characters at all (the loader refuses them), but bidi
/// controls and line separators get through to be cleaned.
const EVIL_LINE: &str = "Lung\u{202e}s\u{2066}x\u{200f}\u{2028}y";

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn write(path: PathBuf, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The small valid pack with hostile text in every field a person sees.
fn hostile_pack(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid");
    for file in ["lessons/02-more.md", "assets/map.txt", "survival.toml"] {
        write(pack.join(file), &std::fs::read_to_string(fixture.join(file)).unwrap());
    }
    write(
        pack.join("lessons/01-intro.md"),
        &format!(
            "+++\nid = \"intro\"\ntitle = {}\nsummary = {}\nsources = [{}]\nreviewed = 2026-11-25\n+++\n# Intro {EVIL}\n\n**Key points**\n\n- {EVIL}\n- {SIMPLE}\n\n## First part\n\nText {EVIL} and [link {EVIL}](more#second-part) and `code {EVIL}`.\n\n> quote {EVIL}\n\n| a {EVIL} | b |\n|---|---|\n| {SIMPLE} | c |\n\n```\ncode block {EVIL}\n```\n\n## Other part\n\nThe care team can help.\n",
            toml_str(&format!("Intro {EVIL}")),
            toml_str(&format!("Summary {EVIL}")),
            toml_str(EVIL),
        ),
    );
    write(
        pack.join("quizzes/intro.toml"),
        &format!(
            "[[question]]\nid = \"intro-one\"\nkind = \"single\"\nprompt = {}\nchoices = [{}, {}]\nanswer = 1\nexplanation = {}\nsee = \"intro#first-part\"\n",
            toml_str(&format!("Prompt {SIMPLE}")),
            toml_str(&format!("Yes {EVIL}")),
            toml_str(&format!("No {SIMPLE}")),
            toml_str(&format!("Why {EVIL}")),
        ),
    );
    write(
        pack.join("glossary.toml"),
        &format!(
            "[[term]]\nterm = \"evil\"\ndefinition = {}\n\n[[term]]\nterm = {}\ndefinition = {}\nsee = \"intro#first-part\"\n",
            toml_str(SIMPLE),
            toml_str(&format!("care {EVIL}")),
            toml_str(&format!("People {EVIL}")),
        ),
    );
    let site = |id: &str, y: u16, lesson: &str| {
        format!(
            "[[site]]\nid = \"{id}\"\nname = {}\nx = 3\ny = {y}\nsummary = {}\nemergency = [{}]\ncall_today = [{}]\nnext_visit = []\nprimaries = [{}]\nlessons = [\"{lesson}\"]\n\n",
            toml_str(&format!("{EVIL_LINE} {id}")),
            toml_str(EVIL_LINE),
            toml_str(&format!("Short of breath {EVIL_LINE}")),
            toml_str(&format!("Cough {EVIL_LINE}")),
            toml_str(EVIL_LINE),
        )
    };
    write(
        pack.join("sites.toml"),
        &format!(
            "art = \"map.txt\"\nsources = [{}]\n\n{}{}",
            toml_str(EVIL_LINE),
            site("head", 1, "intro#first-part"),
            site("belly", 4, "more#second-part")
        ),
    );
    pack
}

/// Plain output: nothing but printable text and line feeds (and, for the
/// tab-separated `lessons`, exactly two tabs per line).
fn assert_plain_bytes(what: &str, bytes: &[u8], tab_separated: bool) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if tab_separated {
        assert!(text.lines().all(|l| l.matches('\t').count() == 2), "{what}: {text:?}");
    }
    hostile::assert_clean_text(what, &text.replace('\t', " "));
    if !tab_separated {
        assert!(!text.contains('\t'), "{what}: a tab");
    }
}

/// Output to a terminal from the tutor: text, and escape sequences only of the kind
/// the tutor itself writes (CSI: cursor moves and colours). No OSC, no DCS, no BEL, no
/// other control character, no 8-bit CSI, no bidi control.
fn assert_tui_bytes(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\x1b' {
            let context: String = text[at..].chars().take(20).collect();
            assert_eq!(chars.next().map(|(_, c)| c), Some('['), "an escape that is not CSI at byte {at}: {context:?}");
            // Parameters, intermediates, then one final byte.
            loop {
                let (_, p) = chars.next().unwrap_or_else(|| panic!("unfinished CSI at byte {at}"));
                match p {
                    '0'..='9' | ';' | '?' | ':' => continue,
                    '\x40'..='\x7e' => break,
                    _ => panic!("bad CSI at byte {at}: {context:?}"),
                }
            }
        } else {
            assert!(
                !hostile::is_unsafe(c),
                "unsafe character {c:?} at byte {at}: {:?}",
                text[..at].chars().rev().take(20).collect::<String>()
            );
        }
    }
}

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_tutor_shows_hostile_text_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    let pack = content::load_dir(&hostile_pack(dir.path())).unwrap_or_else(|e| panic!("{e}"));
    let steps: &[Action] = &[
        Action::Dismiss,
        Action::Down,
        Action::Up,
        Action::Open,
        Action::PageDown,
        Action::NextLink,
        Action::NextLink,
        Action::Contents,
        Action::Back,
        Action::Bottom,
        Action::StartQuiz,
        Action::Pick('1'),
        Action::Open,
        Action::Down,
        Action::Open,
        Action::Back,
        Action::Back,
        Action::OpenExplorer,
        Action::NextLink,
        Action::PageDown,
        Action::Find,
        Action::Edit(tui_input::InputRequest::InsertChar('b')),
        Action::Down,
        Action::Open,
        Action::Help,
    ];
    for (w, h) in [(100, 30), (80, 24), (40, 12), (20, 8)] {
        let mut app = App::new(pack.clone(), Progress::default(), Theme::color());
        app.update(Action::Resize(w, h));
        let out = Shared::default();
        let backend = SafeBackend::new(CrosstermBackend::new(out.clone()));
        let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        let mut seen = String::new();
        for action in std::iter::once(&Action::Resize(w, h)).chain(steps) {
            app.update(action.clone());
            // What the screens put in the cells is clean…
            hostile::assert_screen_clean(&format!("{w}x{h} after {action:?}"), &app);
            // …and so are the bytes that reach the terminal.
            terminal
                .draw(|frame| {
                    view::draw(&app, frame);
                })
                .unwrap();
            seen.push_str(&hostile::screen_text(&app));
        }
        let bytes = out.0.lock().unwrap().clone();
        assert_tui_bytes(&bytes);
        if w >= 80 {
            // The hostile text was really shown, defanged.
            for part in ["Intro A[2J]0;pwned", "Prompt A[2JBCD EFG", "Lungsx y head"] {
                assert!(seen.contains(part), "{part:?} never shown at {w}x{h}:\n{seen}");
            }
        }
    }
}

fn run(pack: &Path, args: &[&str], stdin: &str) -> (Vec<u8>, Vec<u8>) {
    let out = Command::cargo_bin("patient-tutor")
        .unwrap()
        .arg("--content")
        .arg(pack)
        .arg("--progress")
        .arg(pack.join("../progress.toml"))
        .args(args)
        .env("NO_COLOR", "1")
        .write_stdin(stdin)
        .output()
        .unwrap();
    (out.stdout, out.stderr)
}

#[test]
fn plain_output_shows_hostile_text_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    let pack = hostile_pack(dir.path());
    let commands: &[(&[&str], &str)] = &[
        (&["lessons"], ""),
        (&["read", "intro"], ""),
        (&["read", "intro", "--width", "20"], ""),
        (&["define", "evil"], ""),
        (&["define", "care"], ""),
        (&["define", "\x1b]0;typed\x07"], ""),
        (&["search", "text"], ""),
        (&["search", "\x1b[2J"], ""),
        (&["sites"], ""),
        (&["symptom", "breath"], ""),
        (&["symptom", "\x1b]52;c;eA==\x07"], ""),
        (&["quiz", "intro", "--plain", "--seed", "1"], "1\n"),
        (&["progress"], ""),
        (&["check"], ""),
        (&["check", "--format", "json"], ""),
        (&["read", "nope\x1b]0;x\x07"], ""),
    ];
    for (args, stdin) in commands {
        let (out, err) = run(&pack, args, stdin);
        assert_plain_bytes(&format!("stdout of {args:?}"), &out, args == &["lessons"]);
        assert_plain_bytes(&format!("stderr of {args:?}"), &err, false);
    }

    // Exactly what is written, for one of each.
    let (out, _) = run(&pack, &["define", "evil"], "");
    assert_eq!(String::from_utf8(out).unwrap(), format!("evil: {SIMPLE_SHOWN}\n"));
    let (out, _) = run(&pack, &["quiz", "intro", "--plain", "--seed", "1"], "");
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(&format!("Question 1 of 1\nPrompt {SIMPLE_SHOWN}\n")), "{text}");
    assert!(text.contains(&format!("No {SIMPLE_SHOWN}\n")), "{text}");
    let (out, _) = run(&pack, &["read", "intro", "--width", "200"], "");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains(&format!("| {SIMPLE_SHOWN}")) || text.contains(SIMPLE_SHOWN), "{text}");
}

//! Every plain command run on a terminal prints the same lines as in a pipe (styled
//! at most: only SGR colour escapes added), with its newlines, and no line wider
//! than the terminal. The binary runs under a pseudo-terminal (`tests/pty/drive.py`).
#![cfg(unix)]

#[path = "support/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;

use patient_tutor::markdown::display_width;

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

/// A fresh progress file in a temporary folder, and what commands need besides.
struct Setup {
    dir: tempfile::TempDir,
    content: Option<PathBuf>,
}

impl Setup {
    fn new() -> Self {
        Setup { dir: tempfile::tempdir().unwrap(), content: None }
    }

    fn progress(&self) -> PathBuf {
        self.dir.path().join("progress.toml")
    }

    fn base(&self, cmd: &mut Command) {
        cmd.arg("--progress").arg(self.progress());
        if let Some(content) = &self.content {
            cmd.arg("--content").arg(content);
        }
        cmd.env("PATIENT_TUTOR_NOW", "1800000000").env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR").env_remove("COLUMNS").env_remove("PATIENT_TUTOR_CONTENT");
    }

    /// Run under a terminal of `cols`×24; each answer is typed once its prompt (the
    /// text before it) shows. Returns the output with the terminal's CRLF made LF, and
    /// how it ended.
    fn on_terminal(&self, cols: u16, args: &[&str], typed: &[(String, &str)]) -> (String, String) {
        let out = self.dir.path().join("pty-out");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py");
        let mut steps = Vec::new();
        for (prompt, answer) in typed {
            steps.push(format!("wait:{prompt}"));
            steps.push("mark".to_string());
            steps.push(format!("send:{answer}\\r"));
        }
        let mut cmd = Command::new("python3");
        cmd.arg(script).arg(&out).arg(format!("{cols}x24")).args(&steps).arg("--").arg(BIN);
        self.base(&mut cmd);
        cmd.args(args);
        let result = cmd.output().expect("python3 runs");
        let report = String::from_utf8_lossy(&result.stdout).into_owned();
        assert!(result.status.success(), "the pty driver failed for {args:?}: {report}");
        let bytes = std::fs::read(&out).unwrap();
        let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{args:?}: not UTF-8: {e}"));
        let end = report.lines().find(|l| l.starts_with("exit") || l.starts_with("killed")).unwrap_or("").to_string();
        (text.replace("\r\n", "\n"), end)
    }

    /// Run with stdout and stderr to pipes, `stdin` as input, `COLUMNS` set if given.
    fn in_pipe(&self, columns: Option<u16>, args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
        let mut cmd = Command::new(BIN);
        self.base(&mut cmd);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c.to_string());
        }
        let out = assert_cmd::Command::from_std(cmd).args(args).write_stdin(stdin).output().unwrap();
        (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
    }
}

/// The text without the SGR escapes (`ESC [ params m`) a terminal may get; any other
/// escape or control character fails the test.
fn without_sgr(what: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            assert_eq!(chars.next(), Some('['), "{what}: an escape that is not CSI in {text:?}");
            loop {
                match chars.next() {
                    Some('0'..='9' | ';') => continue,
                    Some('m') => break,
                    other => panic!("{what}: a CSI that is not SGR ({other:?}) in {text:?}"),
                }
            }
        } else {
            // tabs only in the tab-separated `lessons`
            let allowed = c == '\n' || (c == '\t' && what.contains("\"lessons\""));
            assert!(allowed || !hostile::is_unsafe(c), "{what}: unsafe character {c:?} in {text:?}");
            out.push(c);
        }
    }
    out
}

/// No line wider than `width` columns (U+00AD and U+200B counted as one column, as
/// many terminals show them).
fn assert_fits(what: &str, text: &str, width: u16) {
    for line in text.lines() {
        let soft = line.chars().filter(|&c| c == '\u{ad}' || c == '\u{200b}').count();
        let w = terminal_columns(line) + soft;
        assert!(w <= usize::from(width), "{what}: a line of {w} columns at width {width}: {line:?}");
    }
}

/// Columns on a terminal: tabs to the next multiple of 8.
fn terminal_columns(line: &str) -> usize {
    let mut col = 0;
    for (i, field) in line.split('\t').enumerate() {
        if i > 0 {
            col = (col / 8 + 1) * 8;
        }
        col += display_width(field);
    }
    col
}

/// The plain commands, with what to type for those that ask.
fn commands() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    vec![
        (vec!["lessons"], vec![]),
        (vec!["read", "staging"], vec![]),
        (vec!["read", "staging#t-n-and-m"], vec![]),
        (vec!["quiz", "staging", "--plain", "--seed", "7"], vec!["1", "1,2", "t", "2", "1", "1", "1", "1", "t"]),
        (vec!["review", "--plain"], vec![]),
        (vec!["sites"], vec![]),
        (vec!["symptom", "yellow", "skin"], vec![]),
        (vec!["define", "metastases"], vec![]),
        (vec!["search", "hospice", "care"], vec![]),
        (vec!["questions"], vec![]),
        (vec!["progress"], vec![]),
        (vec!["check"], vec![]),
    ]
}

/// What to wait for before typing each answer: the start of each prompt ("Answer
/// with one", "Choose all that") as the pipe run printed them, short enough to fit
/// on one line of the terminal.
fn prompts<'a>(piped: &str, answers: &[&'a str]) -> Vec<(String, &'a str)> {
    let hints = piped.lines().filter(|l| l.starts_with("Answer ") || l.starts_with("Choose all"));
    hints.map(|h| h.chars().take(15).collect()).zip(answers.iter().copied()).collect()
}

/// What a terminal shows of typed answers: each answer echoed on its own line
/// after the prompt's line. Removed to compare with the pipe, where nothing echoes.
fn without_echo(text: &str, answers: &[&str]) -> String {
    let mut left: Vec<&str> = answers.to_vec();
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if left.first() == Some(&line.trim_end()) {
            left.remove(0);
            continue;
        }
        out.push_str(line);
    }
    out
}

fn same_on_a_terminal_as_in_a_pipe(setup: &Setup, cols: u16) {
    for (args, answers) in commands() {
        let what = format!("{args:?} at {cols} columns");
        let stdin: String = answers.iter().map(|a| format!("{a}\n")).collect();
        let (piped, err, code) = setup.in_pipe(Some(cols), &args, &stdin);
        assert_eq!(code, Some(0), "{what}: {err}");
        reset(setup);
        let typed = prompts(&piped, &answers);
        assert_eq!(typed.len(), answers.len(), "{what}: a prompt for each answer in {piped}");
        let (shown, end) = setup.on_terminal(cols, &args, &typed);
        assert_eq!(end, "exit 0", "{what}: {shown}");
        let text = without_echo(&without_sgr(&what, &shown), &answers);
        assert!(err.is_empty(), "{what}: stderr {err}");
        assert!(piped.matches('\n').count() > 0, "{what}: no newline in the pipe");
        assert_eq!(text, piped, "{what}: the terminal shows other text than the pipe gets");
        assert_fits(&what, &text, cols);
        reset(setup);
    }
}

/// Start each run alike (a quiz saves its answers).
fn reset(setup: &Setup) {
    let _ = std::fs::remove_file(setup.progress());
    let _ = std::fs::remove_file(setup.dir.path().join("progress.history.jsonl"));
}

#[test]
fn read_on_a_terminal_prints_lines_not_one_long_line() {
    let setup = Setup::new();
    let (shown, end) = setup.on_terminal(80, &["read", "staging"], &[]);
    assert_eq!(end, "exit 0");
    let text = without_sgr("read staging", &shown);
    assert!(text.lines().count() > 30, "{} lines: {text:?}", text.lines().count());
    assert!(!text.contains("Alymphoma"), "words glued at a wrap point: {text:?}");
    // Styled: a terminal without NO_COLOR gets bold headings.
    assert!(shown.contains("\x1b["), "no styling on a terminal");
}

#[test]
fn every_plain_command_shows_the_same_lines_on_a_terminal_80_wide() {
    same_on_a_terminal_as_in_a_pipe(&Setup::new(), 80);
}

#[test]
fn every_plain_command_fits_a_terminal_40_wide() {
    same_on_a_terminal_as_in_a_pipe(&Setup::new(), 40);
}

#[path = "support/hostile_pack.rs"]
mod hostile_pack;

/// Every plain command on the hostile pack (escapes of every kind, bidi controls,
/// soft hyphens, zero-width spaces, a very long word), on a terminal and in a pipe
/// asked for the same width: no control character but SGR styling on the terminal,
/// no line wider than the width. (`check --format json` is for programs and is
/// never wrapped: only its bytes are checked.)
#[test]
fn hostile_content_is_harmless_and_fits_on_a_terminal_and_in_a_pipe() {
    let mut setup = Setup::new();
    setup.content = Some(hostile_pack::hostile_pack(setup.dir.path()));
    let commands: &[(&[&str], &[&str])] = &[
        (&["lessons"], &[]),
        (&["read", "intro"], &[]),
        (&["read", "intro#first-part"], &[]),
        (&["read", "intro#other-part", "--width", "20"], &[]),
        (&["define", "evil"], &[]),
        (&["define", "care"], &[]),
        (&["search", "text"], &[]),
        (&["search", "care"], &[]),
        (&["sites"], &[]),
        (&["symptom", "breath"], &[]),
        (&["quiz", "intro", "--plain", "--seed", "1"], &["1"]),
        (&["review", "--plain"], &[]),
        (&["questions"], &[]),
        (&["progress"], &[]),
        (&["check"], &[]),
        (&["check", "--format", "json"], &[]),
    ];
    for cols in [40u16, 24] {
        for (args, answers) in commands {
            let what = format!("{args:?} at {cols} columns");
            let width = if args.contains(&"--width") { 20 } else { cols };
            let stdin: String = answers.iter().map(|a| format!("{a}\n")).collect();
            let (out, err, _) = setup.in_pipe(Some(cols), args, &stdin);
            reset(&setup);
            for (stream, text) in [("stdout", &out), ("stderr", &err)] {
                let what = format!("{what}, {stream} in a pipe");
                assert!(!text.contains('\x1b'), "{what}: an escape in {text:?}");
                without_sgr(&what, text);
                if !args.contains(&"json") {
                    assert_fits(&what, text, width);
                }
            }
            let typed = prompts(&out, answers);
            let (shown, _) = setup.on_terminal(cols, args, &typed);
            reset(&setup);
            let text = without_sgr(&format!("{what} on a terminal"), &shown);
            if !args.contains(&"json") {
                assert_fits(&format!("{what} on a terminal"), &text, width);
            }
        }
    }
    // The hostile text was really shown, defanged, and the long word cut to fit.
    let (out, _, _) = setup.in_pipe(Some(40), &["read", "intro#other-part"], "");
    assert!(out.contains("extraordinary\nwords"), "{out:?}");
    assert!(out.contains("Supercalifragilisticexpialidociou\ns-and-then"), "{out:?}");
}

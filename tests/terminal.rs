//! The terminal is always put back: after a panic, on SIGTERM and SIGHUP, around
//! Ctrl-Z / fg, and after resizing to 1×1 and back. The real binary runs under a
//! pseudo-terminal (driven by `tests/pty/drive.py`, Python's standard library only);
//! the tests read the exact bytes it wrote and the terminal's modes afterwards.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

// What the tutor turns on, and what must be turned off again.
const ALT_SCREEN_ON: &[u8] = b"\x1b[?1049h";
const ALT_SCREEN_OFF: &[u8] = b"\x1b[?1049l";
const CURSOR_SHOWN: &[u8] = b"\x1b[?25h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const PASTE_OFF: &[u8] = b"\x1b[?2004l";
const CLEAR_ALL: &[u8] = b"\x1b[2J";

struct Run {
    out: Vec<u8>,
    marks: Vec<usize>,
    /// "exit 0", "killed 9", …
    end: String,
    /// "modes icanon=1 echo=1 isig=1" for a terminal in its normal modes.
    modes: String,
    progress: PathBuf,
    _dir: tempfile::TempDir,
}

impl Run {
    fn after(&self, mark: usize) -> &[u8] {
        &self.out[self.marks[mark]..]
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }

    fn progress(&self) -> toml::Table {
        toml::from_str(&std::fs::read_to_string(&self.progress).expect("the progress file exists")).unwrap()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Run the tutor under a pseudo-terminal of `size`, with these steps, and `progress`
/// (TOML) as the progress file to start from.
fn drive(size: &str, progress: Option<&str>, env: &[(&str, &str)], steps: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let progress_path = dir.path().join("progress.toml");
    if let Some(text) = progress {
        std::fs::write(&progress_path, text).unwrap();
        set_private(&progress_path);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(&out).arg(size).args(steps).arg("--").arg(BIN).arg("--progress").arg(&progress_path);
    cmd.env("NO_COLOR", "1").env("PATIENT_TUTOR_NOW", "1800000000").env("TERM", "xterm-256color");
    // No debounced save during a test: a place in a lesson reaches the file only by
    // the save on quit (or on a signal), which is what these tests look for.
    cmd.env("PATIENT_TUTOR_SAVE_AFTER_MS", "600000");
    cmd.env_remove("RUST_BACKTRACE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let result = cmd.output().expect("python3 runs");
    let report = String::from_utf8_lossy(&result.stdout).into_owned();
    let bytes = std::fs::read(&out).unwrap_or_default();
    assert!(
        result.status.success(),
        "the pty driver failed: {report}{}\noutput:\n{}",
        String::from_utf8_lossy(&result.stderr),
        String::from_utf8_lossy(&bytes)
    );
    let marks = report.lines().filter_map(|l| l.strip_prefix("mark ")).map(|n| n.parse().unwrap()).collect();
    let line = |prefix: &str| report.lines().find(|l| l.starts_with(prefix)).unwrap_or_default().to_string();
    Run {
        out: bytes,
        marks,
        end: line("exit").max(line("killed")),
        modes: line("modes"),
        progress: progress_path,
        _dir: dir,
    }
}

fn set_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Everything the tutor turned on was turned off after `from` (a byte offset), and the
/// terminal is back in its normal (cooked) modes.
fn assert_restored(run: &Run, from: usize) {
    let tail = &run.out[from..];
    for (what, seq) in [
        ("leave the alternate screen", ALT_SCREEN_OFF),
        ("show the cursor", CURSOR_SHOWN),
        ("stop mouse capture", MOUSE_OFF),
        ("stop bracketed paste", PASTE_OFF),
    ] {
        assert!(find(tail, seq).is_some(), "did not {what} ({seq:?}) after byte {from}:\n{}", run.text());
    }
    assert_eq!(run.modes, "modes icanon=1 echo=1 isig=1", "raw mode left on");
}

const SEEN: &str = "schema = 1\nnotice_seen = true\n";

#[test]
fn a_panic_puts_the_terminal_back_before_the_message() {
    let run = drive("80x24", Some(SEEN), &[("PATIENT_TUTOR_DEBUG_PANIC", "1")], &[]);
    assert_eq!(run.end, "exit 101", "{}", run.text());
    let entered = find(&run.out, ALT_SCREEN_ON).expect("the tutor started");
    let message = find(&run.out, b"deliberate panic").expect("the panic message is shown");
    let left = rfind(&run.out[..message], ALT_SCREEN_OFF).expect("the alternate screen was left before the message");
    assert!(entered < left);
    assert_restored(&run, entered + ALT_SCREEN_ON.len());
    // The message is on the normal screen, not lost with the alternate one.
    assert!(find(&run.out[message..], ALT_SCREEN_ON).is_none());
}

/// Open the first lesson, scroll (a place that waits for the debounced save), then
/// send `signal`: the place is saved and the terminal put back.
fn signal_saves_and_puts_the_terminal_back(signal: &str) {
    let send = format!("signal:{signal}");
    let run = drive(
        "80x24",
        Some(SEEN),
        &[],
        &["wait:Next: ", "send:\\r", "wait:Contents", "send:jjjjjj", "sleep:1", "mark", &send],
    );
    assert_eq!(run.end, "exit 0", "{}", run.text());
    assert_restored(&run, run.marks[0]);
    let p = run.progress();
    assert_eq!(p["last_lesson"].as_str(), Some("what-is-metastasis"));
    assert!(p["lessons"]["what-is-metastasis"]["offset"].as_integer().unwrap() > 0, "{p:#?}");
}

#[test]
fn sigterm_saves_and_puts_the_terminal_back() {
    signal_saves_and_puts_the_terminal_back("TERM");
}

#[test]
fn sighup_saves_and_puts_the_terminal_back() {
    signal_saves_and_puts_the_terminal_back("HUP");
}

#[test]
fn closing_the_window_saves() {
    // SIGHUP from the kernel when the terminal goes away: nothing to restore, but the
    // progress is saved and the app ends by itself.
    let run = drive(
        "80x24",
        Some(SEEN),
        &[],
        &["wait:Next: ", "send:\\r", "wait:Contents", "send:jjjjjj", "sleep:1", "hangup"],
    );
    assert_eq!(run.end, "exit 0", "{}", run.text());
    let p = run.progress();
    assert!(p["lessons"]["what-is-metastasis"]["offset"].as_integer().unwrap() > 0, "{p:#?}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    let run = drive(
        "80x24",
        Some(SEEN),
        &[],
        &["wait:Next: ", "mark", "send:\\x1a", "stopped", "mark", "signal:CONT", "wait:Next: ", "mark", "send:\\x03"],
    );
    assert_eq!(run.end, "exit 0", "{}", run.text());
    // Stopped: the terminal was handed back to the shell in its normal state.
    let stopped = &run.out[run.marks[0]..run.marks[1]];
    assert!(find(stopped, ALT_SCREEN_OFF).is_some() && find(stopped, CURSOR_SHOWN).is_some(), "{stopped:?}");
    assert!(find(stopped, MOUSE_OFF).is_some() && find(stopped, PASTE_OFF).is_some(), "{stopped:?}");
    // Continued: the tutor took the terminal again and drew the whole screen anew.
    let resumed = &run.out[run.marks[1]..run.marks[2]];
    let back = find(resumed, ALT_SCREEN_ON).expect("alternate screen again");
    let clear = find(resumed, CLEAR_ALL).expect("a full redraw");
    assert!(back < clear, "{resumed:?}");
    assert!(find(&resumed[clear..], b"Next: ").is_some());
    // And Ctrl-C still quits, restoring the terminal.
    assert_restored(&run, run.marks[2]);
}

#[test]
fn sigtstp_from_outside_also_suspends_cleanly() {
    let run = drive(
        "80x24",
        Some(SEEN),
        &[],
        &["wait:Next: ", "mark", "signal:TSTP", "stopped", "mark", "signal:CONT", "wait:Next: ", "mark", "send:q"],
    );
    assert_eq!(run.end, "exit 0", "{}", run.text());
    assert!(find(&run.out[run.marks[0]..run.marks[1]], ALT_SCREEN_OFF).is_some());
    assert!(find(run.after(1), CLEAR_ALL).is_some());
    assert_restored(&run, run.marks[2]);
}

#[test]
fn resizing_to_one_cell_and_back_redraws() {
    let run = drive(
        "80x24",
        Some(SEEN),
        &[],
        &[
            "wait:Next: ",
            "mark",
            "resize:1x1",
            "sleep:0.5",
            "mark",
            "resize:80x24",
            "wait:Next: ",
            "mark",
            "send:\\x03",
        ],
    );
    assert_eq!(run.end, "exit 0", "{}", run.text());
    assert!(!run.text().contains("panicked"), "{}", run.text());
    // At 1×1, a cleared screen with one mark ("Make the window larger", cut to "…"); then
    // the home screen again.
    let tiny = &run.out[run.marks[0]..run.marks[1]];
    assert!(find(tiny, CLEAR_ALL).is_some() && find(tiny, "…".as_bytes()).is_some(), "{tiny:?}");
    assert!(find(&run.out[run.marks[1]..run.marks[2]], b"Next: ").is_some());
    assert_restored(&run, run.marks[2]);
}

/// A broken progress file: the footer says so at once, and after quitting the whole
/// notice, with the full name of the copy kept aside, is on the normal screen (the
/// footer has one line, too short for a long path).
#[test]
fn a_kept_aside_file_is_named_in_full_after_quitting() {
    let run = drive("60x20", Some("schema = 1\n[lessons\n"), &[], &["wait:could not be read", "mark", "send:q"]);
    assert_eq!(run.end, "exit 0", "{}", run.text());
    let left = rfind(&run.out, ALT_SCREEN_OFF).expect("the alternate screen was left");
    let after = String::from_utf8_lossy(&run.out[left..]).into_owned();
    let aside: Vec<_> = std::fs::read_dir(run.progress.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(after.contains("Your progress file could not be read (line 2: "), "{after}");
    assert!(after.contains(&format!("It was kept as {} and a fresh one was started.", aside[0])), "{after}");
}

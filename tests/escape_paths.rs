//! File names and the progress file are untrusted too: a path holding an OSC sequence
//! (which sets the window title), ESC, BEL, a bidi override or a line break, and
//! "My questions" holding ESC c, DCS, BEL, C1 and bidi controls, never reach stdout,
//! stderr or an exported file as control bytes. The tests look at the exact bytes.
#![cfg(unix)]

#[path = "support/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A folder name with every kind of trouble: window title (OSC), clear screen (CSI),
/// BEL, a bidi override, a line break and an 8-bit CSI.
const EVIL_NAME: &str = "dir\x1b]0;pwned\x07\x1b[2J\u{202e}x\ny\u{9b}z";
/// What it looks like once cleaned.
const EVIL_SHOWN: &str = "dir]0;pwned[2Jx yz";

/// Text for "My questions" as a progress file may hold it: reset (ESC c), a device
/// control string, BEL, a C1 control, a bidi override, a line separator.
const EVIL_TEXT: &str = "Ask\x1bc\x1bP+q\x1b\\ \x07about\u{85}\u{9b}31m pain\u{202e}\u{2066}\u{2028}now";

fn evil_dir(root: &Path) -> PathBuf {
    let dir = root.join(EVIL_NAME);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// stdout and stderr of the binary run with these arguments (and `stdin`).
fn run(args: &[&std::ffi::OsStr], stdin: &str) -> (Vec<u8>, Vec<u8>) {
    let out = Command::cargo_bin("patient-tutor")
        .unwrap()
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PATIENT_TUTOR_PROGRESS")
        .env_remove("PATIENT_TUTOR_CONTENT")
        .write_stdin(stdin)
        .output()
        .unwrap();
    (out.stdout, out.stderr)
}

/// Only text and line breaks; and every line break ends a line the program meant.
fn assert_clean(what: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    hostile::assert_clean_text(what, &text);
    assert!(!text.contains('\t'), "{what}: a tab in {text:?}");
    // The line break inside the name must not have started a line of its own.
    assert!(!text.lines().any(|l| l.starts_with("y")), "{what}: the name's line break got through: {text:?}");
    text
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn paths_with_escapes_are_printed_cleaned_by_every_command() {
    let root = tempfile::tempdir().unwrap();
    let dir = evil_dir(root.path());
    let progress = dir.join("progress.toml");
    let p = progress.as_os_str();
    let shown_progress = format!("{EVIL_SHOWN}/progress.toml");

    // A question added, so that there is something to export and reset.
    let (out, err) = run(&[os("--progress"), p, os("questions"), os("add"), os("Is it spread?")], "");
    assert_clean("questions add stdout", &out);
    assert_clean("questions add stderr", &err);

    let (out, err) = run(&[os("--progress"), p, os("progress")], "");
    let text = assert_clean("progress stdout", &out);
    assert!(text.contains(&format!("  Progress: {}/{shown_progress}", root.path().display())), "{text}");
    assert_clean("progress stderr", &err);

    let export = dir.join("questions.md");
    for round in ["first", "again (refused: it exists)"] {
        let (out, err) = run(&[os("--progress"), p, os("questions"), os("export"), export.as_os_str()], "");
        let out = assert_clean(&format!("questions export FILE {round}, stdout"), &out);
        let err = assert_clean(&format!("questions export FILE {round}, stderr"), &err);
        assert!(out.contains(EVIL_SHOWN) || err.contains(EVIL_SHOWN), "{round}: {out}{err}");
    }

    let pack = dir.join("pack");
    for round in ["first", "again (refused: not empty)"] {
        let (out, err) = run(&[os("export-content"), pack.as_os_str()], "");
        let out = assert_clean(&format!("export-content {round}, stdout"), &out);
        let err = assert_clean(&format!("export-content {round}, stderr"), &err);
        assert!(out.contains(EVIL_SHOWN) || err.contains(EVIL_SHOWN), "{round}: {out}{err}");
    }

    // Errors from main: a progress "file" that is a folder, a pack that is not there.
    let folder = dir.join("folder.toml");
    std::fs::create_dir_all(&folder).unwrap();
    let (out, err) = run(&[os("--progress"), folder.as_os_str(), os("progress")], "");
    assert_clean("progress on a folder, stdout", &out);
    let err = assert_clean("progress on a folder, stderr", &err);
    assert!(err.contains(EVIL_SHOWN), "{err}");
    let missing = dir.join("nowhere");
    let draft = dir.join("draft.md");
    for args in [
        vec![os("--content"), missing.as_os_str(), os("lessons")],
        vec![os("check"), missing.as_os_str()],
        vec![os("read"), draft.as_os_str()],
    ] {
        let (out, err) = run(&args, "");
        assert_clean(&format!("{args:?} stdout"), &out);
        let err = assert_clean(&format!("{args:?} stderr"), &err);
        assert!(err.contains(EVIL_SHOWN), "{args:?}: {err}");
    }

    // Reset: the question first, then the answer, then what was removed.
    let (out, err) = run(&[os("--progress"), p, os("progress"), os("reset")], "no\n");
    assert_clean("progress reset (declined) stdout", &out);
    assert!(assert_clean("progress reset (declined) stderr", &err).contains(EVIL_SHOWN));
    let (out, err) = run(&[os("--progress"), p, os("progress"), os("reset"), os("--yes")], "");
    assert!(assert_clean("progress reset stdout", &out).contains(&shown_progress));
    assert_clean("progress reset stderr", &err);
    let (out, err) = run(&[os("--progress"), p, os("progress"), os("reset"), os("--yes")], "");
    assert!(assert_clean("progress reset (again) stdout", &out).contains(EVIL_SHOWN));
    assert_clean("progress reset (nothing there) stderr", &err);

    // A broken progress file is kept aside, and the notice names where.
    std::fs::write(&progress, "this is [not toml").unwrap();
    let (out, err) = run(&[os("--progress"), p, os("progress")], "");
    assert_clean("notice stdout", &out);
    let err = assert_clean("notice stderr", &err);
    assert!(err.contains(EVIL_SHOWN), "{err}");
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[test]
fn exported_questions_hold_no_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(
        &progress,
        format!(
            "schema = 1\n\n[[my_questions]]\nid = 1\ntext = {}\nnote = {}\nasked = false\n\n[[my_questions]]\nid = 2\ntext = {}\nasked = true\n",
            toml_str(EVIL_TEXT),
            toml_str(EVIL_TEXT),
            toml_str(EVIL_TEXT),
        ),
    )
    .unwrap();
    let p = progress.as_os_str();
    let (out, err) = run(&[os("--progress"), p, os("questions"), os("export")], "");
    let text = assert_clean("questions export stdout", &out);
    assert_clean("questions export stderr", &err);
    assert!(text.contains("- [ ] AskcP+q\\\\ about31m pain now\n"), "{text}");
    assert!(text.contains("- [x] AskcP+q\\\\ about31m pain now\n"), "{text}");

    let file = dir.path().join("visit.md");
    let (out, err) = run(&[os("--progress"), p, os("questions"), os("export"), file.as_os_str()], "");
    assert_clean("questions export FILE stdout", &out);
    assert_clean("questions export FILE stderr", &err);
    let written = std::fs::read(&file).unwrap();
    assert_eq!(assert_clean("the exported file", &written), text);
}

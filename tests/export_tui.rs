//! Exports from the full-screen tutor (`x` on My questions): the first `x` says where
//! the file will go, the second writes it there, in the documents folder (else the
//! progress folder), never in the folder the tutor was started in; mode 600; an empty
//! list exports nothing and says so. The real binary runs under a pseudo-terminal
//! (`tests/pty/drive.py`).
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

const ONE_QUESTION: &str = "schema = 1\nnotice_seen = true\n\n[[my_questions]]\nid = 1\ntext = \"Can I travel?\"\nnote = \"Yes, with a letter\"\nadded = 1\n";
const NO_QUESTIONS: &str = "schema = 1\nnotice_seen = true\n";

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new(with_documents: bool) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "cwd", "data"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        if with_documents {
            std::fs::create_dir(dir.path().join("home/Documents")).unwrap();
        }
        Setup { dir }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Run the tutor at 100×30 with `progress` and these steps; returns the screen text.
    fn drive(&self, progress: &str, steps: &[&str]) -> String {
        let progress_path = self.path("data/progress.toml");
        std::fs::write(&progress_path, progress).unwrap();
        std::fs::set_permissions(&progress_path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let out = self.path("out");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py");
        let result = Command::new("python3")
            .arg(script)
            .arg(&out)
            .arg("100x30")
            .args(steps)
            .arg("--")
            .arg(BIN)
            .arg("--progress")
            .arg(&progress_path)
            .current_dir(self.path("cwd"))
            .env("HOME", self.path("home"))
            .env_remove("XDG_DOCUMENTS_DIR")
            .env_remove("XDG_CONFIG_HOME")
            .env("NO_COLOR", "1")
            .env("PATIENT_TUTOR_NOW", "1800000000")
            .env("TERM", "xterm-256color")
            .output()
            .expect("python3 runs");
        let text = String::from_utf8_lossy(&std::fs::read(&out).unwrap_or_default()).into_owned();
        assert!(result.status.success(), "the pty driver failed: {}\n{text}", String::from_utf8_lossy(&result.stdout));
        text
    }

    fn files_in(&self, sub: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(sub))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

const DATE: &str = "2027-01-15";

/// Every text a row of the 100-column screen showed while the tutor ran. The terminal is
/// redrawn by differences (a cell that already holds the right character is skipped with a
/// cursor move), so the raw bytes cannot be searched for a line: this plays the cursor
/// moves and characters onto a grid, and keeps a row's text each time the cursor leaves it.
fn rows_seen(bytes: &str) -> Vec<String> {
    let (width, height) = (100usize, 30usize);
    let mut grid = vec![vec![' '; width]; height];
    let (mut row, mut col) = (0usize, 0usize);
    let mut seen: Vec<String> = Vec::new();
    let keep = |grid: &[Vec<char>], row: usize, seen: &mut Vec<String>| {
        let text: String = grid[row].iter().collect();
        if seen.last() != Some(&text) {
            seen.push(text);
        }
    };
    let chars: Vec<char> = bytes.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\u{1b}' if chars.get(i + 1) == Some(&'[') => {
                let start = i + 2;
                let mut end = start;
                while end < chars.len() && !chars[end].is_ascii_alphabetic() && chars[end] != '~' {
                    end += 1;
                }
                let params: String = chars[start..end.min(chars.len())].iter().collect();
                if chars.get(end) == Some(&'H') {
                    keep(&grid, row, &mut seen);
                    let mut parts = params.split(';').map(|p| p.parse::<usize>().unwrap_or(1));
                    row = parts.next().unwrap_or(1).clamp(1, height) - 1;
                    col = parts.next().unwrap_or(1).clamp(1, width) - 1;
                }
                i = end + 1;
            }
            '\u{1b}' => i += 2,
            '\r' | '\n' => i += 1,
            c => {
                if col < width {
                    grid[row][col] = c;
                    col += 1;
                }
                i += 1;
            }
        }
    }
    for r in 0..height {
        keep(&grid, r, &mut seen);
    }
    seen
}

fn showed(screen: &str, needle: &str) -> bool {
    rows_seen(screen).iter().any(|row| row.contains(needle))
}

fn export_twice(setup: &Setup) -> String {
    setup.drive(
        ONE_QUESTION,
        &[
            "wait:Next: ",
            "send:y", // My questions
            "wait:Can I travel?",
            "send:x",
            "wait:again",
            "send:x",
            "wait:checklist",
            "send:q",
            "sleep:0.3",
            "send:q",
        ],
    )
}

#[test]
fn x_twice_exports_to_the_documents_folder_privately_and_says_where_before_and_after() {
    let setup = Setup::new(true);
    let screen = export_twice(&setup);
    let file = setup.path("home/Documents").join(format!("my-questions-{DATE}.md"));
    // Before: where it will go, whole; after: that it went, and where.
    let docs = setup.path("home/Documents").display().to_string();
    let rows = rows_seen(&screen).join("\n");
    assert!(showed(&screen, &format!("x again to save as {docs}/my-questions-{DATE}.md (other keys: no)")), "{rows}");
    assert!(showed(&screen, &format!("Saved as {docs}/my-questions-{DATE}.md")), "{rows}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Can I travel?") && text.contains("Yes, with a letter"), "{text}");
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert!(setup.files_in("cwd").is_empty(), "nothing in the folder it was started in");
    // A second export the same day: a new file, the first kept.
    export_twice(&setup);
    assert_eq!(
        setup.files_in("home/Documents"),
        [format!("my-questions-{DATE}-2.md"), format!("my-questions-{DATE}.md")]
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn without_a_documents_folder_the_export_goes_beside_the_progress() {
    let setup = Setup::new(false);
    export_twice(&setup);
    assert!(setup.files_in("data").contains(&format!("my-questions-{DATE}.md")), "{:?}", setup.files_in("data"));
    assert!(setup.files_in("cwd").is_empty());
}

#[test]
fn x_then_another_key_exports_nothing() {
    let setup = Setup::new(true);
    setup.drive(
        ONE_QUESTION,
        &[
            "wait:Next: ",
            "send:y", // My questions
            "wait:Can I travel?",
            "send:x",
            "wait:again",
            "send:j",
            "send:x",
            "sleep:0.5",
            "send:q",
            "sleep:0.3",
            "send:q",
        ],
    );
    assert!(setup.files_in("home/Documents").is_empty(), "x, another key, x: only asked again");
}

#[test]
fn an_empty_list_exports_nothing_and_says_so() {
    let setup = Setup::new(true);
    let screen = setup.drive(
        NO_QUESTIONS,
        &[
            "wait:Next: ",
            "send:y", // My questions
            "sleep:0.5",
            "send:x",
            "wait:exported.",
            "send:x",
            "sleep:0.5",
            "send:q",
            "sleep:0.3",
            "send:q",
        ],
    );
    assert!(showed(&screen, "You have no questions yet: nothing was exported."), "{screen}");
    assert!(setup.files_in("home/Documents").is_empty());
    assert!(setup.files_in("cwd").is_empty());
}

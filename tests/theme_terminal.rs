//! Themes on a real terminal: `auto` asks the terminal for its background colour
//! (OSC 11), a terminal that does not answer costs at most the timeout, an answer
//! picks the colours and is not read as keys, a fixed theme paints its background,
//! and NO_COLOR wins (and asks nothing). The real binary runs under a
//! pseudo-terminal driven by `tests/pty/drive.py`; a pseudo-terminal answers no
//! queries, so the test plays the terminal's part with `send`.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");
const QUERY: &[u8] = b"\x1b]11;?\x07\x1b[c";
const SEEN: &str = "schema = 1\nnotice_seen = true\n";

struct Run {
    out: Vec<u8>,
    clocks: Vec<f64>,
    end: String,
}

impl Run {
    fn has(&self, needle: &[u8]) -> bool {
        self.out.windows(needle.len()).any(|w| w == needle)
    }

    /// A colour parameter in any SGR sequence (crossterm joins them: `38;5;24;49m`).
    fn has_colour(&self, param: &str) -> bool {
        [";", "m"].iter().any(|end| {
            let needle = format!("{param}{end}");
            self.has(format!("[{needle}").as_bytes()) || self.has(format!(";{needle}").as_bytes())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }
}

/// Run the tutor at 80×24 with these arguments, environment and steps.
fn drive(args: &[&str], env: &[(&str, &str)], steps: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, SEEN).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&progress, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(&out).arg("80x24").args(steps).arg("--").arg(BIN).arg("--progress").arg(&progress);
    cmd.args(args);
    cmd.env_remove("NO_COLOR").env_remove("PATIENT_TUTOR_THEME").env_remove("PATIENT_TUTOR_CONTENT");
    cmd.env("PATIENT_TUTOR_NOW", "1800000000").env("TERM", "xterm-256color");
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
    let clocks = report.lines().filter_map(|l| l.strip_prefix("clock ")).map(|n| n.parse().unwrap()).collect();
    let end = report.lines().find(|l| l.starts_with("exit") || l.starts_with("killed")).unwrap_or_default();
    Run { out: bytes, clocks, end: end.to_string() }
}

/// A foreground or background colour from the 256-colour palette.
fn fg(index: u8) -> String {
    format!("38;5;{index}")
}

fn bg(index: u8) -> String {
    format!("48;5;{index}")
}

#[test]
fn a_terminal_that_does_not_answer_costs_at_most_the_timeout() {
    let run = drive(&[], &[], &["wait:\\x1b]11;?", "clock", "wait:Next: ", "clock", "send:\\x03"]);
    assert_eq!(run.end, "exit 0", "{}", run.text());
    let waited = run.clocks[1] - run.clocks[0];
    eprintln!("from the query to the first frame: {:.0} ms", waited * 1000.0);
    // 100 ms of timeout, plus the time to draw the first frame on a busy machine.
    assert!(waited < 0.6, "the tutor waited {waited:.3} s for an answer");
    // No answer: the dark theme, on its own background.
    assert!(run.has_colour(&bg(234)), "the dark background is painted");
    assert!(run.has_colour(&fg(80)), "dark headings");
}

#[test]
fn a_light_answer_picks_the_light_colours_and_is_not_read_as_keys() {
    // The terminal answers with a white background (ST-terminated) and its attributes.
    let reply = "send:\\x1b]11;rgb:ffff/ffff/ffff\\x1b\\\\\\x1b[?62;22c";
    let run = drive(&[], &[], &["wait:\\x1b]11;?", reply, "wait:Next: ", "sleep:0.3", "send:\\x03"]);
    assert_eq!(run.end, "exit 0", "{}", run.text());
    assert!(run.has_colour(&fg(24)), "light headings (#005f87): {}", run.text());
    assert!(!run.has_colour(&fg(80)), "no dark headings");
    // White is the terminal's own background and every colour reads on it: not painted.
    assert!(!run.has(b"48;5;"), "no background painted");
    // The reply was taken in whole: nothing of it reached the tutor as keys (which
    // would have moved off home, or typed "rgb" into something).
    let home = run.text().rfind("Next: ").unwrap();
    assert!(!run.text()[home..].contains("rgb"), "{}", run.text());
}

#[test]
fn a_terminal_that_only_answers_the_attributes_does_not_make_the_tutor_wait() {
    let run = drive(&[], &[], &["wait:\\x1b]11;?", "clock", "send:\\x1b[?1;2c", "wait:Next: ", "clock", "send:\\x03"]);
    assert_eq!(run.end, "exit 0", "{}", run.text());
    assert!(run.has_colour(&bg(234)), "the dark fallback");
    // Without waiting for the timeout (about 5 ms here; the exact rule is a unit test
    // in `background`, this bound is loose for busy machines).
    let waited = run.clocks[1] - run.clocks[0];
    eprintln!("from the query to the first frame: {:.0} ms", waited * 1000.0);
    assert!(waited < 0.6, "{waited}");
}

#[test]
fn a_fixed_theme_asks_nothing_and_paints_its_background() {
    for (theme, background, heading) in [("light", 231, 24), ("dark", 234, 80), ("high-contrast", 16, 51)] {
        let run = drive(&["--theme", theme], &[], &["wait:Next: ", "send:\\x03"]);
        assert_eq!(run.end, "exit 0", "{theme}: {}", run.text());
        assert!(!run.has(QUERY), "{theme}: the terminal is not asked");
        assert!(run.has_colour(&bg(background)), "{theme}: its background is painted");
        assert!(run.has_colour(&fg(heading)), "{theme}: its headings");
    }
    // The environment variable does the same.
    let run = drive(&[], &[("PATIENT_TUTOR_THEME", "light")], &["wait:Next: ", "send:\\x03"]);
    assert!(!run.has(QUERY) && run.has_colour(&bg(231)), "{}", run.text());
    // And the flag wins over it.
    let run = drive(&["--theme", "dark"], &[("PATIENT_TUTOR_THEME", "light")], &["wait:Next: ", "send:\\x03"]);
    assert!(run.has_colour(&bg(234)) && !run.has_colour(&bg(231)), "{}", run.text());
}

#[test]
fn no_color_wins_over_every_theme() {
    for theme in ["auto", "dark", "light", "high-contrast"] {
        let run = drive(&["--theme", theme], &[("NO_COLOR", "1")], &["wait:Next: ", "send:\\x03"]);
        assert_eq!(run.end, "exit 0", "{theme}: {}", run.text());
        assert!(!run.has(QUERY), "{theme}: nothing is asked with NO_COLOR");
        assert!(!run.has(b"38;5;") && !run.has(b"48;5;"), "{theme}: no colour at all");
    }
    // An empty NO_COLOR is not set.
    let run = drive(&[], &[("NO_COLOR", "")], &["wait:\\x1b]11;?", "wait:Next: ", "send:\\x03"]);
    assert!(run.has_colour(&fg(80)), "{}", run.text());
}

//! Live preview end to end: the real binary with `--watch`, files edited under it.
//! The tutor runs in tmux (a real terminal; the test is skipped, saying so, where tmux
//! is missing: CI installs it); `read FILE.md --watch` runs in a pipe.
#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");
/// An edit must be on screen within this long: the watcher settles for 250 ms and it
/// takes about half a second here; the rest is room for a busy CI machine.
const SOON: Duration = Duration::from_secs(10);

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
    (dir, pack)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} holds {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Save as vim does by default: the new text is written to another file, and that file
/// is renamed over the old one (the old one's inode is gone).
fn save_by_rename(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let other = path.with_extension("md.new~");
    std::fs::write(&other, text.replacen(from, to, 1)).unwrap();
    std::fs::rename(&other, path).unwrap();
}

/// A tmux server of the test's own (its socket in the test's folder).
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-S").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "watch"])
    }

    /// Wait until the screen shows `text`; the screen, for more checks.
    fn wait_for(&self, text: &str, within: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < within, "waited {within:?} for {text:?}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

fn has_tmux() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_tutor_shows_an_edit_and_keeps_the_last_good_pack_while_it_is_broken() {
    if !has_tmux() {
        eprintln!("SKIPPED: tmux is not installed, so --watch is not tried in a real terminal (CI installs it)");
        return;
    }
    let (dir, pack) = fixture();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, "schema = 1\nnotice_seen = true\n").unwrap();
    let tmux = Tmux { socket: dir.path().join("tmux.sock") };
    let command = format!(
        "env NO_COLOR=1 TERM=xterm-256color '{BIN}' --content '{}' --progress '{}' --watch; \
         echo \"ended with exit=$?\"; sleep 60",
        pack.display(),
        progress.display()
    );
    tmux.run(&["-f", "/dev/null", "new-session", "-d", "-s", "watch", "-x", "100", "-y", "30", &command]);
    tmux.wait_for("Start here", SOON);
    tmux.run(&["send-keys", "-t", "watch", "Enter"]);
    tmux.wait_for("This is a small lesson.", SOON);

    let lesson = pack.join("lessons/01-intro.md");
    let started = Instant::now();
    edit(&lesson, "This is a small lesson.", "An edit made while watching.");
    let screen = tmux.wait_for("An edit made while watching.", SOON);
    let took = started.elapsed();
    assert!(screen.contains("Pack reloaded."), "{screen}");
    assert!(!screen.contains("This is a small lesson."), "{screen}");
    eprintln!("an edit was on screen after {took:?}");
    // A key clears the message; with no edit, no reload comes to set it again (the
    // reload's own reading of the files is not a change).
    tmux.run(&["send-keys", "-t", "watch", "Down"]);
    std::thread::sleep(Duration::from_millis(1500));
    let screen = tmux.screen();
    assert!(!screen.contains("Pack reloaded."), "reloaded with no edit:\n{screen}");

    // A broken front matter: the problem with its file and line in the footer, the
    // last good text still on screen.
    edit(&lesson, "title = \"What this pack is\"", "title = What this pack is");
    let screen = tmux.wait_for("lessons/01-intro.md:3", SOON);
    assert!(screen.contains("Not reloaded"), "{screen}");
    assert!(screen.contains("An edit made while watching."), "{screen}");
    let footer = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.contains("lessons/01-intro.md:3"), "the footer: {footer}");

    // Fixed, saved the way vim saves (by renaming a new file over the old one).
    save_by_rename(&lesson, "title = What this pack is", "title = \"A fixed title\"");
    let screen = tmux.wait_for("Pack fixed and reloaded.", SOON);
    assert!(screen.contains("A fixed title"), "{screen}");
    assert!(screen.contains("An edit made while watching."), "{screen}");

    // pack.toml is watched too: a group renamed shows on home.
    tmux.run(&["send-keys", "-t", "watch", "Escape"]);
    tmux.wait_for("Start here", SOON);
    edit(&pack.join("pack.toml"), "title = \"Start here\"", "title = \"Begin with this\"");
    tmux.wait_for("Begin with this", SOON);

    tmux.run(&["send-keys", "-t", "watch", "C-c"]);
    tmux.wait_for("ended with exit=0", SOON);
}

/// The child's output as it comes, read on a thread (a pipe, not a terminal).
fn collect(mut from: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let seen = Arc::new(Mutex::new(String::new()));
    let into = Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    seen
}

fn wait_until(seen: &Mutex<String>, what: &str, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = seen.lock().unwrap().clone();
        if done(&text) {
            return text;
        }
        assert!(start.elapsed() < SOON, "waited for {what}; the output:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn read_watch_in_a_pipe_prints_again_after_an_edit_and_stops_on_ctrl_c() {
    let (_dir, pack) = fixture();
    let lesson = pack.join("lessons/01-intro.md");
    let mut child = Command::new(BIN)
        .arg("read")
        .arg(&lesson)
        .arg("--watch")
        .env("NO_COLOR", "1")
        .env_remove("PATIENT_TUTOR_CONTENT")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = collect(child.stdout.take().unwrap());
    let err = collect(child.stderr.take().unwrap());
    wait_until(&out, "the first printing", |t| t.contains("This is a small lesson."));

    edit(&lesson, "This is a small lesson.", "Written again.");
    let text = wait_until(&out, "the second printing", |t| t.contains("Written again."));
    let (first, second) = text.split_once("printed again").expect("a line between the printings");
    assert!(first.contains("This is a small lesson.") && second.contains("Written again."), "{text}");
    assert!(!text.contains('\x1b'), "no screen clearing in a pipe: {text:?}");

    // Saved by rename, as vim does: seen too. A change to another file in the folder is not.
    std::fs::write(pack.join("lessons/notes.txt"), "not the lesson").unwrap();
    save_by_rename(&lesson, "Written again.", "Renamed into place.");
    let text = wait_until(&out, "the third printing", |t| t.contains("Renamed into place."));
    assert_eq!(text.matches("printed again").count(), 2, "{text}");

    // A broken edit: said on stderr, and the watching goes on.
    edit(&lesson, "+++\nid", "+++\nid = \nid");
    wait_until(&err, "the problem on stderr", |t| t.contains("01-intro.md"));
    edit(&lesson, "+++\nid = \nid", "+++\nid");
    wait_until(&out, "the fixed printing", |t| t.matches("printed again").count() == 4);

    // Ctrl-C: a clean end.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < SOON, "read --watch did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}; stderr: {}", err.lock().unwrap());
}

#[test]
fn watch_without_a_pack_folder_is_a_clear_usage_error() {
    for args in [&["--watch"][..], &["read", "what-is-stage-4", "--watch"], &["--watch", "quiz", "x"]] {
        let out = Command::new(BIN).args(args).env_remove("PATIENT_TUTOR_CONTENT").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("--watch needs --content DIR"), "{args:?}: {stderr}");
    }
    for args in [&["--content", ".", "--watch", "lessons"][..], &["--content", ".", "--plain", "--watch"]] {
        let out = Command::new(BIN).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("--watch works with the full-screen tutor"), "{args:?}: {stderr}");
    }
}

#[test]
fn read_an_id_watch_prints_again_when_the_pack_changes() {
    let (_dir, pack) = fixture();
    let mut child = Command::new(BIN)
        .args(["read", "intro#other-part", "--watch", "--content"])
        .arg(&pack)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = collect(child.stdout.take().unwrap());
    wait_until(&out, "the first printing", |t| t.contains("The care team can help."));
    edit(&pack.join("lessons/01-intro.md"), "The care team can help.", "Your nurse can help too.");
    wait_until(&out, "the second printing", |t| t.contains("printed again") && t.contains("Your nurse can help too."));
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    assert!(child.wait().unwrap().success());
}

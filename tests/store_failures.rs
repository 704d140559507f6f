//! Every failure path of the progress store is as safe as the happy path (issue 14):
//! a failed save, a reset while another copy runs, a history rewritten under a copy,
//! no flock, a full history, a busy lock, a FIFO, a device or a symlink in place of
//! the files. Real processes of the binary where the failure is in how they behave;
//! faults are injected with the test-only `PATIENT_TUTOR_FAULT` where a real one
//! needs a non-root user or an unusual file system.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use patient_tutor::progress::{Progress, Store, history_path};
use patient_tutor::quiz::schedule_answer;

/// The id in tests/fixtures/packs/valid/pack.toml: its progress is kept under it.
const FIXTURE_PACK: &str = "valid-fixture";

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

/// The small valid pack with a true/false quiz of `questions` questions on `intro`.
fn pack(dir: &Path, questions: usize) -> PathBuf {
    let pack = dir.join("pack");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
    let mut quiz = String::new();
    for i in 0..questions {
        quiz.push_str(&format!(
            "[[question]]\nid = \"q{i}\"\nkind = \"true_false\"\nprompt = \"Statement {i}.\"\nanswer = {}\nexplanation = \"Because.\"\nsee = \"intro#first-part\"\n\n",
            i % 2 == 0
        ));
    }
    std::fs::write(pack.join("quizzes/intro.toml"), quiz).unwrap();
    pack
}

fn quiz_command(pack: &Path, progress: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(["quiz", "intro", "--plain", "--seed", "1", "--content"]).arg(pack).arg("--progress").arg(progress);
    cmd.env_remove("PATIENT_TUTOR_FAULT");
    cmd
}

/// Run a whole plain quiz, answering "t" to every question.
fn run_quiz(cmd: &mut Command, questions: usize) -> Output {
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // A child that refuses its files at once may be gone before it reads a line.
    let _ = child.stdin.take().unwrap().write_all("t\n".repeat(questions).as_bytes());
    wait_at_most(child, Duration::from_secs(60))
}

/// Wait for a child; kill it (and fail) if it takes longer than `limit`.
fn wait_at_most(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!("still running after {limit:?} (killed); stderr: {}", String::from_utf8_lossy(&out.stderr));
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The answers in the history file (its header line, if any, is not one).
fn history_answers(progress: &Path) -> usize {
    let history = std::fs::read_to_string(history_path(progress)).unwrap_or_default();
    history.lines().filter(|l| l.contains("\"question\"")).count()
}

/// Open the files as the app would: nothing moved aside, nothing to tell.
fn open_clean(path: &Path) -> Progress {
    let mut opened = Store::open(path, schedule_answer).unwrap();
    // The places and schedule of the pack the quizzes were taken in.
    opened.progress.use_pack(FIXTURE_PACK);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    opened.progress
}

fn kept_aside(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect()
}

// ------------------------------------------------ 1. a failed save

/// Replacing the progress file fails (as on a full disk) after the answers were
/// appended: no answer is written twice, the person is told once, the exit is not 0.
#[test]
fn a_failed_save_never_writes_an_answer_twice() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 8);
    let progress = dir.path().join("data/progress.toml");
    assert!(run_quiz(&mut quiz_command(&pack, &progress), 8).status.success());
    assert_eq!(history_answers(&progress), 8);

    let out = run_quiz(quiz_command(&pack, &progress).env("PATIENT_TUTOR_FAULT", "replace"), 8);
    let stderr = text(&out.stderr);
    assert_eq!(history_answers(&progress), 16, "each answer appended once; stderr: {stderr}");
    assert!(!out.status.success(), "a save that failed is not a success");
    assert_eq!(stderr.matches("could not be saved").count(), 1, "told once: {stderr}");
    assert!(stderr.contains("not saved"), "says what was not saved: {stderr}");
    // The answers are all there for the next run, counted once by the schedule.
    let saved = open_clean(&progress);
    assert_eq!(saved.attempts.len(), 16);
}

/// The same with a real read-only folder, as a non-root user (skipped if there is none).
#[test]
fn a_read_only_folder_never_writes_an_answer_twice() {
    let Some(user) = NonRoot::find() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let pack = pack(dir.path(), 8);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    user.chown(&data);
    let progress = data.join("progress.toml");
    assert!(run_quiz(&mut user.command(quiz_command(&pack, &progress)), 8).status.success());
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o500)).unwrap();
    let out = run_quiz(&mut user.command(quiz_command(&pack, &progress)), 8);
    assert_eq!(history_answers(&progress), 16, "stderr: {}", text(&out.stderr));
    assert!(!out.status.success());
}

// ------------------------------------------------ 2. a reset while a copy runs

/// A running copy answers, the progress is reset, the copy answers again: only the
/// answers given after the reset are kept.
#[test]
fn a_reset_stays_a_reset_while_another_copy_runs() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 20);
    let progress = dir.path().join("progress.toml");
    let mut copy = Copy::start(quiz_command(&pack, &progress));
    for _ in 0..3 {
        copy.answer();
    }
    let reset = Command::new(BIN).args(["progress", "reset", "--yes", "--progress"]).arg(&progress).output().unwrap();
    assert!(reset.status.success(), "{}", text(&reset.stderr));
    copy.answer();
    copy.answer();
    copy.finish();
    let saved = open_clean(&progress);
    assert_eq!(saved.attempts.len(), 2, "only the answers after the reset: {:#?}", saved.attempts);
    assert_eq!(saved.questions.len(), 2, "the schedule holds only those");
    assert!(kept_aside(dir.path()).is_empty());
}

// ------------------------------------------------ 3. the history's identity

/// The history is rewritten in place (same device, same inode, longer), as a reset
/// and a new file with a recycled inode look: a copy that held the old one reads the
/// new one whole, never calls it corrupt, never moves it aside.
#[test]
fn a_history_rewritten_in_place_is_read_whole_not_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let opened = Store::open(&path, schedule_answer).unwrap();
    let (store, mut p) = (opened.store, opened.progress);
    for at in 1..=3 {
        patient_tutor::quiz::record_answer(&mut p, "a", &[0], true, at);
    }
    store.save(&mut p).unwrap();
    let history = history_path(&path);
    let inode = std::fs::metadata(&history).unwrap().ino();
    // Another writer's answers, with longer ids, so the old offset falls mid-line.
    let mut theirs = String::new();
    for at in 10..16 {
        theirs.push_str(&format!(
            "{{\"at\":{at},\"question\":\"another-question-{at}\",\"chosen\":[1],\"correct\":false}}\n"
        ));
    }
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&history)
        .unwrap()
        .write_all(theirs.as_bytes())
        .unwrap();
    assert_eq!(std::fs::metadata(&history).unwrap().ino(), inode);

    patient_tutor::quiz::record_answer(&mut p, "b", &[0], true, 20);
    store.save(&mut p).unwrap();
    assert!(store.take_notices().is_empty(), "nothing was called unreadable");
    assert!(kept_aside(dir.path()).is_empty(), "a file that parses is never moved aside");
    let saved = open_clean(&path);
    for at in 10..16 {
        assert!(saved.attempts.iter().any(|a| a.at == at), "their answer {at} is kept: {:#?}", saved.attempts);
    }
    assert!(saved.attempts.iter().any(|a| a.question == "b"));
}

// ------------------------------------------------ 4. no flock

/// Four copies answer at once on a file system where flock does not work: every
/// confirmed answer is kept.
#[test]
fn without_flock_four_copies_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 60);
    let progress = dir.path().join("progress.toml");
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let mut cmd = quiz_command(&pack, &progress);
            cmd.env("PATIENT_TUTOR_FAULT", "flock");
            let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
            child.stdin.take().unwrap().write_all("t\n".repeat(60).as_bytes()).unwrap();
            child
        })
        .collect();
    let mut confirmed = 0;
    for child in workers {
        let out = wait_at_most(child, Duration::from_secs(60));
        assert!(out.status.success(), "{}", text(&out.stderr));
        confirmed += text(&out.stdout).lines().filter(|l| *l == "Right." || *l == "Not quite.").count();
    }
    assert_eq!(confirmed, 240);
    assert_eq!(open_clean(&progress).attempts.len(), confirmed, "every confirmed answer is kept");
    assert!(!dir.path().join(".patient-tutor.lock").exists(), "the fallback lock is released");
}

// ------------------------------------------------ 5. the history's size limit

/// A history near its 64 MiB limit: the store warns, compacts instead of appending
/// past the limit, and never writes a file it would refuse to read.
#[test]
fn the_history_never_grows_past_the_size_the_store_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    // Answers with long ids (1 KiB lines), to just under the 64 MiB limit.
    let long = "x".repeat(960);
    let mut lines = Vec::new();
    let mut at = 0u64;
    while lines.len() < (64 << 20) - 2048 {
        at += 1;
        lines.extend_from_slice(
            format!("{{\"at\":{at},\"question\":\"{long}{}\",\"chosen\":[0],\"correct\":true}}\n", at % 50).as_bytes(),
        );
    }
    std::fs::write(history_path(&path), &lines).unwrap();
    std::fs::set_permissions(history_path(&path), std::fs::Permissions::from_mode(0o600)).unwrap();
    let opened = Store::open(&path, schedule_answer).unwrap();
    let (store, mut p) = (opened.store, opened.progress);
    let before = p.attempts.len();
    for i in 0..20 {
        patient_tutor::quiz::record_answer(&mut p, &format!("{long}new{i}"), &[0], true, at + 1 + i);
    }
    store.save(&mut p).unwrap();
    let notices = store.take_notices().join(" ");
    assert!(notices.contains("oldest answers"), "the person is told: {notices}");
    let size = std::fs::metadata(history_path(&path)).unwrap().len();
    assert!(size <= patient_tutor::progress::MAX_HISTORY_BYTES, "{size} bytes");
    // Answered with no pack named: the English pack's schedule.
    let again = Store::open(&path, schedule_answer).unwrap();
    assert!(again.notices.is_empty(), "{:?}", again.notices);
    let again = again.progress;
    assert!(again.attempts.len() < before, "the oldest answers were dropped");
    assert_eq!(again.attempts.last(), p.attempts.last(), "the newest are kept");
    assert!(again.questions.len() >= 50, "the schedule keeps every question: {}", again.questions.len());
}

/// A progress file the store would refuse to read is never written.
#[test]
fn a_progress_file_too_large_to_read_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let opened = Store::open(&path, schedule_answer).unwrap();
    let mut p = opened.progress;
    p.extra.insert("huge".into(), "y".repeat(17 << 20).into());
    assert!(opened.store.save(&mut p).is_err());
    assert!(!path.exists());
}

// ------------------------------------------------ 6. a lock held by another copy

/// Another copy holds the folder lock and does not let go: a save waits a few
/// seconds, says so, and fails cleanly instead of hanging.
#[test]
fn waiting_for_the_lock_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 2);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let holder = std::fs::File::open(&data).unwrap();
    holder.lock().unwrap();
    let started = Instant::now();
    let out = run_quiz(&mut quiz_command(&pack, &data.join("progress.toml")), 2);
    let stderr = text(&out.stderr);
    assert!(started.elapsed() < Duration::from_secs(40), "{:?}", started.elapsed());
    assert!(stderr.contains("another copy of patient-tutor is saving"), "{stderr}");
    assert!(!out.status.success());
    drop(holder);
}

/// The tutor, its autosave blocked by another copy's lock, still answers keys and quits.
#[test]
fn the_tutor_stays_responsive_while_another_copy_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let holder = std::fs::File::open(dir.path()).unwrap();
    holder.lock().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(dir.path().join("out"))
        .arg("100x30")
        .args(["wait:Before", "send:\\r", "wait:saving", "send:q"])
        .args(["sleep:0.5", "--"])
        .arg(BIN)
        .arg("--progress")
        .arg(&progress)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color")
        .env("PATIENT_TUTOR_SAVE_AFTER_MS", "0")
        .env_remove("PATIENT_TUTOR_FAULT")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_at_most(out, Duration::from_secs(60));
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "a step timed out: {report}");
    assert!(report.contains("exit 1"), "it quit (saying that the last save failed): {report}");
    drop(holder);
}

// ------------------------------------------------ 7. FIFOs and devices

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// A FIFO as the progress file or the history: a clear error naming it, at once.
#[test]
fn a_fifo_in_place_of_either_file_is_refused_at_once() {
    for which in ["progress", "history"] {
        let dir = tempfile::tempdir().unwrap();
        let progress = dir.path().join("progress.toml");
        let fifo = if which == "progress" { progress.clone() } else { history_path(&progress) };
        mkfifo(&fifo);
        let child = Command::new(BIN)
            .arg("progress")
            .arg("--progress")
            .arg(&progress)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_at_most(child, Duration::from_secs(20));
        let stderr = text(&out.stderr);
        assert!(!out.status.success());
        assert!(stderr.contains(&fifo.display().to_string()), "{which}: names the path: {stderr}");
        assert!(stderr.contains("not a regular file"), "{which}: {stderr}");
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "left alone");
    }
}

/// A device node given as --progress is never chmodded, renamed or replaced (needs
/// root to make one; skipped otherwise).
#[test]
fn a_device_as_the_progress_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let device = dir.path().join("null");
    let made = Command::new("mknod").arg(&device).args(["c", "1", "3"]).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: cannot make a device node here (not root?)");
        return;
    }
    std::fs::set_permissions(&device, std::fs::Permissions::from_mode(0o666)).unwrap();
    let pack = pack(dir.path(), 2);
    let out = run_quiz(&mut quiz_command(&pack, &device), 2);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not a regular file"), "{}", text(&out.stderr));
    let meta = std::fs::symlink_metadata(&device).unwrap();
    assert!(meta.file_type().is_char_device(), "not replaced");
    assert_eq!(meta.permissions().mode() & 0o777, 0o666, "not chmodded");
    assert!(!history_path(&device).exists());
}

// ------------------------------------------------ 12. symlinks

/// A dangling history symlink is not followed: no file is made outside the folder.
#[test]
fn a_dangling_history_symlink_is_refused_and_nothing_is_made_outside() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 2);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let progress = data.join("progress.toml");
    let outside = dir.path().join("outside.jsonl");
    std::os::unix::fs::symlink(&outside, history_path(&progress)).unwrap();
    let out = run_quiz(&mut quiz_command(&pack, &progress), 2);
    let stderr = text(&out.stderr);
    assert!(!outside.exists(), "a file was made outside the progress folder");
    assert!(!out.status.success());
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(stderr.contains(&history_path(&progress).display().to_string()), "{stderr}");
}

/// A progress symlink is never chmodded through, nor replaced by a file.
#[test]
fn a_progress_symlink_is_refused_never_chmodded_through() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack(dir.path(), 2);
    let target = dir.path().join("elsewhere.toml");
    std::fs::write(&target, "schema = 1\nnotice_seen = true\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let progress = data.join("progress.toml");
    std::os::unix::fs::symlink(&target, &progress).unwrap();
    let out = run_quiz(&mut quiz_command(&pack, &progress), 2);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("symbolic link"), "{}", text(&out.stderr));
    assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644, "chmodded through");
    assert!(std::fs::symlink_metadata(&progress).unwrap().file_type().is_symlink(), "replaced");
}

// ------------------------------------------------ 13. smaller things

/// A reading place out of range is shown as at most 100%.
#[test]
fn a_percent_out_of_range_is_shown_in_range() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, "schema = 1\nnotice_seen = true\n\n[lessons.staging]\noffset = 5\npercent = 255\n")
        .unwrap();
    std::fs::set_permissions(&progress, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = Command::new(BIN).arg("progress").arg("--progress").arg(&progress).output().unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!stdout.contains("255%"), "{stdout}");
    assert!(stdout.contains("in progress 100%"), "{stdout}");
}

/// Body-map places the pack does not have, or listed twice, are not counted.
#[test]
fn only_known_distinct_body_map_places_are_counted() {
    let pack = common::pack();
    let sites = pack.sites.as_ref().expect("the built-in pack has a body map");
    let known = sites.sites[0].id.clone();
    let progress = Progress {
        notice_seen: true,
        explored_sites: vec![known.clone(), known, "nowhere".into(), "zzz-unknown".into()],
        ..Default::default()
    };
    let app = common::app_with(progress, 100, 40);
    let screen = common::screen(&app).join("\n");
    let expected = format!("Body map: 1 of {} places looked at", sites.sites.len());
    assert!(screen.contains(&expected), "{screen}");
}

/// An error from the file system names the file it is about (here: the progress file
/// belongs to someone else, so it cannot be made private). Needs a non-root user.
#[test]
fn an_error_about_a_file_names_the_file() {
    let Some(user) = NonRoot::find() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, "schema = 1\n").unwrap();
    std::fs::set_permissions(&progress, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut cmd = Command::new(BIN);
    cmd.arg("progress").arg("--progress").arg(&progress);
    let out = user.command(cmd).output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains(&progress.display().to_string()), "names the file: {stderr}");
}

// ------------------------------------------------ helpers

/// A user other than root to run the app as (`setpriv`), for real permission errors.
struct NonRoot {
    uid: u32,
}

impl NonRoot {
    fn find() -> Option<NonRoot> {
        let uid = 1000;
        let works = Command::new("setpriv")
            .args(["--reuid=1000", "--regid=1000", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        if !works || !root {
            eprintln!("skipped: no way to run as a non-root user here");
            return None;
        }
        Some(NonRoot { uid })
    }

    fn chown(&self, path: &Path) {
        std::os::unix::fs::chown(path, Some(self.uid), Some(self.uid)).unwrap();
    }

    fn command(&self, cmd: Command) -> Command {
        let mut wrapped = Command::new("setpriv");
        wrapped.args([format!("--reuid={}", self.uid), format!("--regid={}", self.uid), "--clear-groups".into()]);
        wrapped.arg(cmd.get_program()).args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            match v {
                Some(v) => wrapped.env(k, v),
                None => wrapped.env_remove(k),
            };
        }
        wrapped
    }
}

/// A running plain quiz answered one question at a time.
struct Copy {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Copy {
    fn start(mut cmd: Command) -> Copy {
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn().unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Copy { child, stdin, lines }
    }

    fn answer(&mut self) {
        self.stdin.write_all(b"t\n").unwrap();
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(20)).expect("a verdict");
            if line == "Right." || line == "Not quite." {
                return;
            }
        }
    }

    fn finish(mut self) {
        drop(self.stdin);
        assert!(self.child.wait().unwrap().success());
    }
}

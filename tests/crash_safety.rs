//! Progress is never lost or corrupted, and two copies at once lose nothing: real
//! processes of the binary, killed without warning or running side by side.

#![cfg(unix)]

mod common;

use common::copy_dir;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use patient_tutor::progress::{Progress, Store, history_path};
use patient_tutor::quiz::schedule_answer;

/// The id in tests/fixtures/packs/valid/pack.toml: its progress is kept under it.
const FIXTURE_PACK: &str = "valid-fixture";

const BIN: &str = env!("CARGO_BIN_EXE_patient-tutor");

/// A copy of the small valid pack whose lesson `intro` has a long true/false quiz,
/// so a quiz never ends before the process is killed.
fn pack_with_long_quiz(dir: &Path, questions: usize) -> PathBuf {
    let pack = dir.join("pack");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
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

fn plain_quiz(pack: &Path, progress: &Path) -> Child {
    Command::new(BIN)
        .args(["quiz", "intro", "--plain", "--seed", "1", "--content"])
        .arg(pack)
        .arg("--progress")
        .arg(progress)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn is_verdict(line: &str) -> bool {
    line == "Right." || line == "Not quite."
}

/// Open the files as the app would: they must parse (nothing moved aside), and the
/// review schedule must count every answer in the history exactly once.
fn open_clean(path: &Path) -> Progress {
    let mut opened = Store::open(path, schedule_answer).unwrap();
    // The places and schedule of the pack the quizzes were taken in.
    opened.progress.use_pack(FIXTURE_PACK);
    assert!(opened.notices.is_empty(), "the progress file was not readable: {:?}", opened.notices);
    let mut replayed = Progress::default();
    replayed.use_pack(FIXTURE_PACK);
    for attempt in &opened.progress.attempts {
        schedule_answer(&mut replayed, attempt);
    }
    assert_eq!(opened.progress.questions, replayed.questions, "the schedule does not match the answers");
    opened.progress
}

/// A child answering questions as fast as it can is killed with SIGKILL at a random
/// moment, 200 times. After each kill the files parse and hold every answer whose
/// verdict the child printed (it prints it after the save), plus at most the one
/// answer it was saving when it died, and the review schedule counts each of them
/// (even the one appended to the history just before the kill).
#[test]
fn sigkill_at_random_moments_never_loses_an_acknowledged_answer() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_with_long_quiz(dir.path(), 400);
    let progress = dir.path().join("data/progress.toml");
    let seed = fastrand::u64(..);
    let mut rng = fastrand::Rng::with_seed(seed);
    // Answers in the file before the run: some saved answers were never acknowledged.
    let mut on_disk = 0usize;
    let mut runs_with_answers = 0;
    let started = Instant::now();
    for run in 0..200 {
        let mut child = plain_quiz(&pack, &progress);
        let mut stdin = child.stdin.take().unwrap();
        // Answers keep coming until the child dies (then the pipe breaks).
        let feeder = thread::spawn(move || {
            let answers = "t\nf\n".repeat(64);
            while stdin.write_all(answers.as_bytes()).is_ok() {}
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = thread::spawn(move || {
            let mut acked = 0;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if is_verdict(&line) {
                    acked += 1;
                    let _ = tx.send(acked);
                }
            }
            acked
        });
        // Kill at a random moment: often mid-answering, sometimes while starting up.
        if rng.bool() {
            let _ = rx.recv_timeout(Duration::from_secs(10));
        }
        thread::sleep(Duration::from_micros(rng.u64(0..60_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let acked = reader.join().unwrap();
        feeder.join().unwrap();

        runs_with_answers += usize::from(acked > 0);
        let any = progress.exists() || history_path(&progress).exists();
        let saved = if any { open_clean(&progress).attempts.len() } else { 0 };
        assert!(
            saved >= on_disk + acked,
            "run {run} (seed {seed}): {acked} answers acknowledged on top of {on_disk}, but only {saved} saved"
        );
        assert!(saved <= on_disk + acked + 1, "run {run}: {saved} saved, more than {on_disk} + {acked} given + 1");
        on_disk = saved;
    }
    assert!(runs_with_answers > 50, "too few runs got to answer ({runs_with_answers}): the test is not testing");
    eprintln!("200 kills in {:?}, {on_disk} answers saved", started.elapsed());
}

/// Two copies on the same file, answering in turn: both orders of saving. Everything
/// both answered is in the file at the end.
#[test]
fn two_processes_on_one_file_lose_nothing() {
    for first_answers_first in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let pack = pack_with_long_quiz(dir.path(), 20);
        let progress = dir.path().join("progress.toml");
        let mut a = Copy::start(&pack, &progress);
        let mut b = Copy::start(&pack, &progress);
        let (x, y) = if first_answers_first { (&mut a, &mut b) } else { (&mut b, &mut a) };
        x.answer();
        y.answer();
        x.answer();
        y.answer();
        y.answer();
        x.answer();
        a.finish();
        b.finish();
        let saved = open_clean(&progress);
        assert_eq!(saved.attempts.len(), 6, "{:#?}", saved.attempts);
        let history = std::fs::read_to_string(history_path(&progress)).unwrap();
        assert_eq!(
            history.lines().filter(|l| l.contains("\"question\"")).count(),
            6,
            "each answer appended once: {history}"
        );
    }
}

/// A running plain quiz we answer one question at a time.
struct Copy {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Copy {
    fn start(pack: &Path, progress: &Path) -> Copy {
        let mut child = plain_quiz(pack, progress);
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

    /// Answer the current question and wait for the verdict (so it is saved).
    fn answer(&mut self) {
        self.stdin.write_all(b"t\n").unwrap();
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(10)).expect("a verdict");
            if is_verdict(&line) {
                return;
            }
        }
    }

    fn finish(mut self) {
        drop(self.stdin);
        assert!(self.child.wait().unwrap().success());
    }
}

/// The soak: four plain quizzes answering side by side on one file, and a second kind
/// of writer (`questions add`, a short-lived process that opens, merges and saves the
/// "my questions" list) each round, 200 rounds, with `progress reset --yes` after
/// round 100. At the end: every answer and question confirmed after the reset is in
/// the files exactly once, none from before it, the files parse, nothing was moved
/// aside. (A tutor under a pseudo-terminal as the fifth writer would make 200 rounds
/// take minutes; the tutor's own save path is the store's `save` these use too.)
#[test]
fn soak_four_quizzes_and_a_second_writer_with_a_reset_in_the_middle() {
    const ROUNDS: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_with_long_quiz(dir.path(), ROUNDS + 10);
    let progress = dir.path().join("data/progress.toml");
    let started = Instant::now();
    let mut workers: Vec<Worker> = (0..4).map(|seed| Worker::start(&pack, &progress, seed)).collect();
    let mut expected_answers: Vec<String> = Vec::new();
    let mut expected_questions: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        if round == ROUNDS / 2 {
            let reset =
                Command::new(BIN).args(["progress", "reset", "--yes", "--progress"]).arg(&progress).output().unwrap();
            assert!(reset.status.success(), "{}", String::from_utf8_lossy(&reset.stderr));
        }
        let text = format!("Round {round}: what does this mean for me?");
        let adder = Command::new(BIN)
            .args(["questions", "add", &text, "--progress"])
            .arg(&progress)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        for w in &mut workers {
            w.stdin.write_all(b"t\n").unwrap();
        }
        let mut answered: Vec<String> = workers.iter_mut().map(Worker::verdict).collect();
        let added = adder.wait_with_output().unwrap();
        assert!(added.status.success(), "round {round}: {}", String::from_utf8_lossy(&added.stderr));
        if round >= ROUNDS / 2 {
            expected_answers.append(&mut answered);
            expected_questions.push(text);
        }
    }
    for w in workers {
        drop(w.stdin);
        assert!(w.child.wait_with_output().unwrap().status.success());
    }
    // The files parse and nothing is to be told. (Not `open_clean`: four copies
    // answering the same question in the same second or two may leave its review
    // time one second apart from a replay in file order; the set is checked instead.)
    let mut opened = Store::open(&progress, schedule_answer).unwrap();
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    opened.progress.use_pack(FIXTURE_PACK);
    let saved = opened.progress;
    let scheduled: std::collections::BTreeSet<&String> = saved.questions.keys().collect();
    let answered: std::collections::BTreeSet<&String> = expected_answers.iter().collect();
    assert_eq!(scheduled, answered, "the schedule holds exactly the questions answered after the reset");
    let mut got: Vec<String> = saved.attempts.iter().map(|a| a.question.clone()).collect();
    got.sort();
    expected_answers.sort();
    assert_eq!(got, expected_answers, "the answers after the reset, each once, none from before");
    let mut questions: Vec<String> = saved.my_questions.iter().map(|q| q.text.clone()).collect();
    questions.sort();
    expected_questions.sort();
    assert_eq!(questions, expected_questions, "the questions added after the reset, each once");
    let aside: Vec<_> = std::fs::read_dir(progress.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert!(aside.is_empty(), "valid files were moved aside: {aside:?}");
    eprintln!("soak: {ROUNDS} rounds in {:?}", started.elapsed());
}

/// A plain quiz in the soak: answers one question when asked, and says which.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    lines: mpsc::Receiver<String>,
}

impl Worker {
    fn start(pack: &Path, progress: &Path, seed: u64) -> Worker {
        let mut child = Command::new(BIN)
            .args(["quiz", "intro", "--plain", "--seed", &seed.to_string(), "--content"])
            .arg(pack)
            .arg("--progress")
            .arg(progress)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Worker { child, stdin, lines }
    }

    /// Wait for the verdict of the answer just sent; the id of the question it answered.
    fn verdict(&mut self) -> String {
        let mut question = None;
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(20)).expect("a verdict");
            if let Some(n) = line.strip_prefix("Statement ").and_then(|s| s.strip_suffix('.')) {
                question = Some(format!("q{n}"));
            }
            if is_verdict(&line) {
                return question.expect("the question came before its verdict");
            }
        }
    }
}

fn plain_checkin(progress: &Path) -> Child {
    Command::new(BIN)
        .args(["checkin", "--plain", "--progress"])
        .arg(progress)
        .env_remove("PATIENT_TUTOR_CONTENT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The lines of one whole check-in of the built-in pack (9 items, 8 red flags, a note):
/// `score` for every item, no to every red flag.
fn checkin_lines(score: u8, note: &str) -> Vec<String> {
    let mut lines: Vec<String> = (0..9).map(|_| score.to_string()).collect();
    lines.extend((0..8).map(|_| "n".to_string()));
    lines.push(note.to_string());
    lines
}

/// A check-in killed with SIGKILL at a random moment, 100 times on one file: after
/// each kill the files parse, every check-in the child said it saved is there once,
/// and at most the one it was finishing is there besides. (A run killed half-way
/// leaves a draft; the next run carries on with it, so some runs finish quickly.)
#[test]
fn sigkill_during_check_ins_never_loses_a_confirmed_one() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("data/progress.toml");
    let seed = fastrand::u64(..);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut on_disk = 0usize;
    let mut confirmed_runs = 0;
    const RUNS: usize = 60;
    // Kill within twice the time one whole check-in takes on this machine now (it is
    // slower under load): some runs finish, most are cut at some step.
    let window = {
        let calibrate = dir.path().join("calibrate/progress.toml");
        let started = std::time::Instant::now();
        let mut child = plain_checkin(&calibrate);
        let text = checkin_lines(3, "n").join("\n") + "\n";
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        child.wait().unwrap();
        (started.elapsed() * 2).max(Duration::from_millis(300))
    };
    for run in 0..RUNS {
        let mut child = plain_checkin(&progress);
        let mut stdin = child.stdin.take().unwrap();
        let feeder = thread::spawn(move || {
            // Enough answers for a whole check-in from any step (extra lines are unread).
            let text = checkin_lines(3, "n").join("\n") + "\n";
            let _ = stdin.write_all(text.repeat(2).as_bytes());
            // Keep the pipe open so the child is killed, not ended by end of input.
            thread::sleep(Duration::from_millis(400));
        });
        let stdout = child.stdout.take().unwrap();
        let reader =
            thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).any(|l| l == "Check-in saved."));
        // A whole check-in takes 18 saves: tens of milliseconds on a quiet machine, more under load.
        thread::sleep(Duration::from_micros(rng.u64(0..window.as_micros() as u64)));
        child.kill().unwrap();
        child.wait().unwrap();
        let confirmed = reader.join().unwrap();
        feeder.join().unwrap();
        confirmed_runs += usize::from(confirmed);
        let any = progress.exists() || history_path(&progress).exists();
        let saved = if any { open_clean(&progress).checkins().count() } else { 0 };
        let want = on_disk + usize::from(confirmed);
        assert!(saved >= want, "run {run} (seed {seed}): {want} check-ins confirmed, {saved} saved");
        assert!(saved <= on_disk + 1, "run {run} (seed {seed}): {saved} saved after {on_disk}: one written twice");
        if any {
            let p = open_clean(&progress);
            assert!(p.checkins().all(|(_, c)| c.scores.values().all(|s| *s == 3) && c.problem().is_none()));
        }
        on_disk = saved;
    }
    eprintln!("{RUNS} kills, {confirmed_runs} check-ins confirmed, {on_disk} saved");
    assert!(confirmed_runs > 3, "too few runs finished ({confirmed_runs}): the test is not testing");
    assert!(confirmed_runs < RUNS, "no run was killed before it finished: the test is not testing");
}

/// Two check-ins answered side by side in two processes, line by line in turn, and a
/// quiz answering in a third, all on one file: both check-ins are kept whole, each
/// once, with its own answers, and every quiz answer too.
#[test]
fn two_check_ins_and_a_quiz_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pack = pack_with_long_quiz(dir.path(), 20);
    let progress = dir.path().join("progress.toml");
    let mut quiz = Copy::start(&pack, &progress);
    let start = |score: u8| {
        let mut child = plain_checkin(&progress);
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        (child, stdin, lines, checkin_lines(score, &format!("copy {score}")))
    };
    let mut copies = [start(2), start(7)];
    // Both have opened the files (before either answers): a copy opened after the
    // other saved a draft would carry on with that draft, the person's one check-in.
    for (_, _, lines, _) in &copies {
        while !lines.recv_timeout(Duration::from_secs(10)).expect("the first question").starts_with("Question 1 of 18.")
        {
        }
    }
    for step in 0..18 {
        for (_, stdin, lines, answers) in &mut copies {
            stdin.write_all(format!("{}\n", answers[step]).as_bytes()).unwrap();
            // Wait until it asks the next question (its answer is saved by then).
            let want = if step == 17 { "Check-in saved.".to_string() } else { format!("Question {} of 18.", step + 2) };
            loop {
                let line = lines.recv_timeout(Duration::from_secs(10)).expect("the next question");
                if line.starts_with(&want) {
                    break;
                }
            }
        }
        if step % 6 == 0 {
            quiz.answer();
        }
    }
    for (mut child, stdin, _, _) in copies {
        drop(stdin);
        assert!(child.wait().unwrap().success());
    }
    quiz.finish();
    let saved = open_clean(&progress);
    let mut got: Vec<(String, Vec<u8>)> =
        saved.checkins().map(|(_, c)| (c.note.clone(), c.scores.values().copied().collect())).collect();
    got.sort();
    assert_eq!(got, [("copy 2".to_string(), vec![2; 9]), ("copy 7".to_string(), vec![7; 9])]);
    assert_eq!(saved.attempts.iter().filter(|a| !a.is_checkin()).count(), 3, "the quiz answers");
    assert!(saved.checkin_draft.is_none(), "both finished: no draft left");
}

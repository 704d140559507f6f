//! Target 5: saving progress with 10 000 recorded answers (years of use) stays under
//! 2 ms. Every save that writes is durable, so its cost has a floor that is the
//! disk's, not ours: `fsync_floor` does the same disk work as the smallest save
//! (a summary-sized file written, fsynced, renamed, the folder fsynced) with no code
//! of ours. The interleaved run (`paired_progress_saves`) times the floor and the
//! saves in turn, round after round, so that the disk's mood falls on all alike.
//!
//! Cases, each with 0 and 10 000 answers already saved:
//! * `nothing_new`: a save with no change (the reader's periodic save while idle);
//! * `new_place`: the reading place moved (the progress file is rewritten);
//! * `one_new_answer`: a quiz answer (appended to the history, then the progress
//!   file rewritten: two fsyncs).
//! * with 10 000 answers and 260 check-ins (five years of weekly check-ins):
//!   `one_new_checkin`, a check-in finished (appended like an answer; the draft
//!   removed from the progress file), and `one_new_answer`.
//!
//! `cargo bench --bench progress`

#[path = "common/paired.rs"]
mod paired;

use std::cell::RefCell;
use std::hint::black_box;
use std::io::Write;
use std::path::Path;

use criterion::{Criterion, criterion_group};
use patient_tutor::checkin::{CheckIn, Draft};
use patient_tutor::progress::{Attempt, LessonProgress, Progress, QuestionState, Store};
use patient_tutor::quiz::{record_answer, schedule_answer};

const LESSONS: [&str; 6] = ["what-is-metastasis", "symptoms", "diagnosis", "staging", "treatment", "palliative-care"];

/// Progress after years of use: every lesson read, 50 questions, `attempts` answers.
fn heavy_progress(attempts: usize) -> Progress {
    let mut p = Progress { notice_seen: true, last_lesson: Some("staging".into()), ..Default::default() };
    for (i, id) in LESSONS.iter().enumerate() {
        let lesson = LessonProgress { offset: 100 * i, percent: 100, read: true, ..Default::default() };
        p.lessons.insert(id.to_string(), lesson);
    }
    let ids = question_ids();
    for (i, id) in ids.iter().enumerate() {
        p.questions.insert(
            id.clone(),
            QuestionState { leitner_box: (i % 5 + 1) as u8, last: 1_760_000_000 + i as u64, extra: Default::default() },
        );
    }
    p.attempts = (0..attempts)
        .map(|i| {
            let chosen = if i % 3 == 0 { vec![0, 2] } else { vec![i % 4] };
            Attempt::answer(1_700_000_000 + 3600 * i as u64, &ids[i % ids.len()], &chosen, i % 4 != 1)
        })
        .collect();
    p.explored_sites = vec!["bones".into(), "liver".into(), "lungs".into()];
    p
}

fn question_ids() -> Vec<String> {
    (0..50).map(|i| format!("{}-q{}", LESSONS[i % LESSONS.len()], i / LESSONS.len())).collect()
}

/// Weekly check-ins, one every 7 days, interleaved with the answers by time.
const CHECKINS: usize = 260;

fn weekly_checkin(week: usize) -> CheckIn {
    let mut c = CheckIn {
        note: if week.is_multiple_of(3) { "Slept badly most nights this week.".into() } else { String::new() },
        ..Default::default()
    };
    for (i, id) in
        ["pain", "tiredness", "drowsiness", "nausea", "appetite", "breathlessness", "low-mood", "worry", "wellbeing"]
            .iter()
            .enumerate()
    {
        c.scores.insert(id.to_string(), ((week + i) % 11) as u8);
    }
    for id in [
        "fever",
        "spinal-cord",
        "urine-or-stool",
        "confusion",
        "bleeding",
        "breathing-or-chest-pain",
        "swelling",
        "fluids",
    ] {
        c.flags.insert(id.to_string(), false);
    }
    c
}

/// `heavy_progress(attempts)` with `checkins` weekly check-ins among the answers.
fn with_checkins(attempts: usize, checkins: usize) -> Progress {
    let mut p = heavy_progress(attempts);
    for week in 0..checkins {
        p.record_checkin(weekly_checkin(week), 1_700_000_000 + (7 * 86_400 * week) as u64);
    }
    p.attempts.sort_by_key(|a| a.at);
    p
}

/// A store in `dir` holding `attempts` answers, saved, and the progress it holds.
fn saved_store(dir: &Path, attempts: usize) -> (Store, Progress) {
    saved_store_with(dir, attempts, 0)
}

fn saved_store_with(dir: &Path, attempts: usize, checkins: usize) -> (Store, Progress) {
    let path = dir.join("progress.toml");
    let store = Store::open(&path, schedule_answer).unwrap().store;
    let mut p = with_checkins(attempts, checkins);
    store.save(&mut p).unwrap();
    let summary = std::fs::metadata(&path).unwrap().len();
    let history = std::fs::metadata(store.history_path()).map_or(0, |m| m.len());
    eprintln!("{attempts} answers, {checkins} check-ins: progress file {summary} bytes, history {history} bytes");
    (store, p)
}

/// The three kinds of save, as closures over their own store (one folder each).
struct Saves {
    store: Store,
    progress: Progress,
    step: u64,
}

impl Saves {
    fn nothing_new(&mut self) {
        self.store.save(&mut self.progress).unwrap();
    }

    fn new_place(&mut self) {
        self.step += 1;
        self.progress.record_position("staging", 1000 + self.step as usize % 5000, 50, false);
        self.store.save(&mut self.progress).unwrap();
    }

    fn one_new_answer(&mut self) {
        self.step += 1;
        let id = format!("staging-q{}", self.step % 9);
        record_answer(
            &mut self.progress,
            &id,
            &[(self.step % 3) as usize],
            self.step % 4 != 1,
            1_800_000_000 + self.step,
        );
        self.store.save(&mut self.progress).unwrap();
    }

    /// A check-in finished: its draft (saved after each question) goes, the check-in
    /// is appended.
    fn one_new_checkin(&mut self) {
        self.step += 1;
        self.progress.checkin_draft = None;
        self.progress.record_checkin(weekly_checkin(self.step as usize), 1_800_000_000 + self.step);
        self.store.save(&mut self.progress).unwrap();
        self.progress.checkin_draft = Some(Draft::new(1_800_000_000 + self.step));
    }
}

/// The disk's part alone: a summary-sized file written, fsynced, renamed over, and
/// the folder fsynced, as the smallest durable save does.
fn fsync_floor(dir: &Path, bytes: &[u8], fsync_folder: bool) {
    let mut tmp = tempfile::Builder::new().prefix(".progress-").tempfile_in(dir).unwrap();
    tmp.write_all(bytes).unwrap();
    tmp.as_file().sync_all().unwrap();
    tmp.persist(dir.join("floor.toml")).unwrap();
    if fsync_folder {
        std::fs::File::open(dir).unwrap().sync_all().unwrap();
    }
}

fn progress(c: &mut Criterion) {
    let mut g = c.benchmark_group("progress");
    for attempts in [0, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        let (store, p) = saved_store(dir.path(), attempts);
        let path = store.path().to_path_buf();
        // Reading and writing the whole first, while the store holds `attempts` answers.
        g.bench_function(format!("serialize_summary_{attempts}_attempts"), |b| {
            let summary = Progress { attempts: Vec::new(), ..p.clone() };
            b.iter(|| black_box(toml::to_string(black_box(&summary)).unwrap()))
        });
        g.bench_function(format!("serialize_whole_toml_{attempts}_attempts"), |b| {
            b.iter(|| black_box(toml::to_string(black_box(&p)).unwrap()))
        });
        g.bench_function(format!("open_{attempts}_attempts"), |b| {
            b.iter(|| black_box(Store::open(&path, schedule_answer).unwrap()))
        });
        // Then the saves; each `one_new_answer` adds an answer, so that case ends with
        // a few thousand more than it started with.
        let mut saves = Saves { store, progress: p, step: 0 };
        g.bench_function(format!("save_{attempts}_attempts_nothing_new"), |b| b.iter(|| saves.nothing_new()));
        g.bench_function(format!("save_{attempts}_attempts_new_place"), |b| b.iter(|| saves.new_place()));
        g.bench_function(format!("save_{attempts}_attempts_one_new_answer"), |b| b.iter(|| saves.one_new_answer()));
        eprintln!("after the saves: {} answers", saves.progress.attempts.len());
    }
    let dir = tempfile::tempdir().unwrap();
    let summary = toml::to_string(&Progress { attempts: Vec::new(), ..heavy_progress(0) }).unwrap();
    g.bench_function("fsync_floor_summary_sized_file", |b| {
        b.iter(|| fsync_floor(dir.path(), summary.as_bytes(), true))
    });
    g.finish();
}

/// The target, interleaved: the disk's floor and each kind of save with 0 and
/// 10 000 answers, one after the other, round after round.
fn paired_saves() {
    let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let summary = toml::to_string(&Progress { attempts: Vec::new(), ..heavy_progress(0) }).unwrap();
    let saves = |dir: &Path, attempts| {
        let (store, progress) = saved_store(dir, attempts);
        Saves { store, progress, step: 0 }
    };
    // Three cases share each store, one at a time.
    let (none, many) = (RefCell::new(saves(dirs[0].path(), 0)), RefCell::new(saves(dirs[1].path(), 10_000)));
    let floor_dir = dirs[2].path();
    let years = RefCell::new({
        let (store, progress) = saved_store_with(dirs[3].path(), 10_000, CHECKINS);
        Saves { store, progress, step: 0 }
    });
    paired::run(
        "progress_saves",
        300,
        &mut [
            ("fsync_floor", &mut || fsync_floor(floor_dir, summary.as_bytes(), true)),
            ("fsync_floor_without_folder_fsync", &mut || fsync_floor(floor_dir, summary.as_bytes(), false)),
            ("save_0_attempts_nothing_new", &mut || none.borrow_mut().nothing_new()),
            ("save_0_attempts_new_place", &mut || none.borrow_mut().new_place()),
            ("save_0_attempts_one_new_answer", &mut || none.borrow_mut().one_new_answer()),
            ("save_10000_attempts_nothing_new", &mut || many.borrow_mut().nothing_new()),
            ("save_10000_attempts_new_place", &mut || many.borrow_mut().new_place()),
            ("save_10000_attempts_one_new_answer", &mut || many.borrow_mut().one_new_answer()),
            ("save_10000_attempts_260_checkins_one_new_checkin", &mut || years.borrow_mut().one_new_checkin()),
            ("save_10000_attempts_260_checkins_one_new_answer", &mut || years.borrow_mut().one_new_answer()),
        ],
    );
}

criterion_group!(benches, progress);

fn main() {
    benches();
    if !paired::listing() {
        paired_saves();
    }
    Criterion::default().configure_from_args().final_summary();
}

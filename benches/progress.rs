//! Target 5: saving progress with 10 000 recorded attempts (years of use).
//! `save` is the whole atomic save; `serialize` and `write_fsync_rename` split it
//! into the CPU part and the disk part.
//!
//! `cargo bench --bench progress`

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_tutor::progress::{Attempt, LessonProgress, Progress, QuestionState, Store};

/// Progress after years of use: every lesson read, 50 questions, `attempts` answers.
fn heavy_progress(attempts: usize) -> Progress {
    let mut p = Progress { notice_seen: true, last_lesson: Some("staging".into()), ..Default::default() };
    let lessons = ["what-is-metastasis", "symptoms", "diagnosis", "staging", "treatment", "palliative-care"];
    for (i, id) in lessons.iter().enumerate() {
        let lesson = LessonProgress { offset: 100 * i, percent: 100, read: true, ..Default::default() };
        p.lessons.insert(id.to_string(), lesson);
    }
    let ids: Vec<String> = (0..50).map(|i| format!("{}-q{}", lessons[i % lessons.len()], i / lessons.len())).collect();
    for (i, id) in ids.iter().enumerate() {
        p.questions.insert(
            id.clone(),
            QuestionState { leitner_box: (i % 5 + 1) as u8, last: 1_760_000_000 + i as u64, extra: Default::default() },
        );
    }
    p.attempts = (0..attempts)
        .map(|i| Attempt {
            at: 1_700_000_000 + 3600 * i as u64,
            question: ids[i % ids.len()].clone(),
            chosen: if i % 3 == 0 { vec![0, 2] } else { vec![i % 4] },
            correct: i % 4 != 1,
        })
        .collect();
    p.explored_sites = vec!["bones".into(), "liver".into(), "lungs".into()];
    p
}

fn progress(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    let store = Store::open(&path, patient_tutor::quiz::schedule_answer).unwrap().store;
    let mut g = c.benchmark_group("progress");
    for attempts in [0, 10_000] {
        let mut p = heavy_progress(attempts);
        store.save(&mut p).unwrap();
        let bytes = std::fs::metadata(&path).unwrap().len();
        eprintln!("progress file with {attempts} attempts: {bytes} bytes");
        g.bench_function(format!("save_{attempts}_attempts"), |b| b.iter(|| store.save(black_box(&mut p)).unwrap()));
        g.bench_function(format!("serialize_{attempts}_attempts"), |b| {
            b.iter(|| black_box(toml::to_string(black_box(&p)).unwrap()))
        });
        g.bench_function(format!("open_{attempts}_attempts"), |b| {
            b.iter(|| black_box(Store::open(&path, patient_tutor::quiz::schedule_answer).unwrap()))
        });
        // The disk part alone: the same steps as `Store::save` on bytes made beforehand.
        let text = toml::to_string(&p).unwrap();
        g.bench_function(format!("write_fsync_rename_{attempts}_attempts"), |b| {
            b.iter(|| {
                let mut tmp = tempfile::Builder::new().prefix(".progress-").tempfile_in(dir.path()).unwrap();
                tmp.write_all(text.as_bytes()).unwrap();
                tmp.as_file().sync_all().unwrap();
                tmp.persist(&path).unwrap();
                std::fs::File::open(dir.path()).unwrap().sync_all().unwrap();
            })
        });
    }
    g.finish();
}

criterion_group!(benches, progress);
criterion_main!(benches);

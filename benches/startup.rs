//! Target 1 (startup), in process: what happens between `main` and the first frame.
//! The whole-process figures (exec, terminal set-up) come from `bench/run`.
//!
//! `cargo bench --bench startup`

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_tutor::content;
use patient_tutor::progress::{Progress, Store};
use patient_tutor::tui::app::{Action, App};
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.toml");
    // The home screen, not the first-run notice.
    Store::open(&path, patient_tutor::quiz::schedule_answer)
        .unwrap()
        .store
        .save(&mut Progress { notice_seen: true, ..Default::default() })
        .unwrap();

    let mut g = c.benchmark_group("startup");
    g.bench_function("load_embedded_pack", |b| b.iter(|| black_box(content::load_embedded().unwrap())));
    g.bench_function("open_progress", |b| {
        b.iter(|| black_box(Store::open(&path, patient_tutor::quiz::schedule_answer).unwrap()))
    });
    for (w, h) in [(80, 24), (200, 60)] {
        g.bench_function(format!("load_to_first_home_frame_{w}x{h}"), |b| {
            b.iter(|| {
                let pack = content::load_embedded().unwrap();
                let opened = Store::open(&path, patient_tutor::quiz::schedule_answer).unwrap();
                let mut app = App::new(pack, opened.progress, Theme::color());
                app.update(Action::Resize(w, h));
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal.draw(|frame| view::draw(&app, frame)).unwrap();
                black_box(terminal);
            })
        });
    }
    // What `patient-tutor lessons` does after parsing its arguments.
    g.bench_function("lessons_command_body", |b| {
        let mut out = Vec::with_capacity(4096);
        b.iter(|| {
            out.clear();
            let pack = content::load_embedded().unwrap();
            let opened = Store::open(&path, patient_tutor::quiz::schedule_answer).unwrap();
            for lesson in &pack.lessons {
                let status = patient_tutor::plain::status_text(opened.progress.lesson_status(&lesson.id));
                writeln!(out, "{}\t{}\t{}", lesson.id, lesson.title, status).unwrap();
            }
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);

//! Target 1 (startup), in process: what happens between `main` and the first frame.
//! The whole-process figures (exec, terminal set-up) come from `bench/run`.
//!
//! `cargo bench --bench startup`

use std::hint::black_box;
use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_tutor::content;
use patient_tutor::progress::{Progress, Store};
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
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
                terminal
                    .draw(|frame| {
                        view::draw(&app, frame);
                    })
                    .unwrap();
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
    // Five years of weekly check-ins and 10 000 answers: home's first frame (with its
    // "last check-in" line) must not grow with them.
    let years = tempfile::tempdir().unwrap();
    let heavy = years.path().join("progress.toml");
    let mut p = Progress { notice_seen: true, ..Default::default() };
    for i in 0..10_000u64 {
        patient_tutor::quiz::record_answer(
            &mut p,
            &format!("staging-q{}", i % 50),
            &[0],
            i % 3 != 0,
            1_700_000_000 + 600 * i,
        );
    }
    for week in 0..260u64 {
        let mut c = patient_tutor::checkin::CheckIn::default();
        c.scores.insert("pain".into(), (week % 11) as u8);
        p.record_checkin(c, 1_700_000_000 + 7 * 86_400 * week);
    }
    p.attempts.sort_by_key(|a| a.at);
    Store::open(&heavy, patient_tutor::quiz::schedule_answer).unwrap().store.save(&mut p).unwrap();
    g.bench_function("load_to_first_home_frame_80x24_10000_answers_260_checkins", |b| {
        b.iter(|| {
            let pack = content::load_embedded().unwrap();
            let opened = Store::open(&heavy, patient_tutor::quiz::schedule_answer).unwrap();
            let mut app = App::new(pack, opened.progress, Theme::color());
            app.update(Action::Resize(80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| {
                    view::draw(&app, frame);
                })
                .unwrap();
            black_box(terminal);
        })
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);

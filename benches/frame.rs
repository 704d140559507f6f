//! Target 2: a reader frame at 200×60 costs the same for a 100-line and a
//! 100 000-line lesson; scrolling never re-wraps; a resize re-wraps once.
//!
//! `cargo bench --bench frame`

use std::hint::black_box;

use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group};
use patient_tutor::content::{self, lesson};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/corpus.rs"]
mod corpus;

const W: u16 = 200;
const H: u16 = 60;
/// A width at which the text column is narrower than at `W`.
const NARROW: u16 = 90;

/// The built-in pack plus one generated lesson of `lines` lines, open in the reader
/// and scrolled to its middle.
fn app_reading(lines: usize) -> App {
    let mut pack = content::load_embedded().unwrap();
    let text = corpus::lesson("big", lines);
    pack.lessons.push(lesson::parse("lessons/99-big.md", &text, true).unwrap());
    let progress = Progress { notice_seen: true, ..Default::default() };
    let mut app = App::new(pack, progress, Theme::color());
    app.update(Action::Resize(W, H));
    app.update(Action::Bottom);
    app.update(Action::Open);
    let reader = app.reader().unwrap();
    assert_eq!(reader.lesson, app.pack.lessons.len() - 1);
    let middle = reader.doc.lines.len() / 2;
    eprintln!("{lines}-line lesson: {} rendered lines at width {}", reader.doc.lines.len(), reader.width);
    for _ in 0..middle / 50 {
        app.update(Action::PageDown);
    }
    app
}

fn frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("reader_frame_200x60");
    for lines in [100, 100_000] {
        let mut app = app_reading(lines);
        let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
        // Draw only: the same state each time.
        g.bench_with_input(BenchmarkId::new("draw", lines), &lines, |b, _| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        view::draw(&app, frame);
                    })
                    .unwrap();
            })
        });
        // The state change alone: one line down or up.
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("scroll_line_update_only", lines), &lines, |b, _| {
            b.iter(|| {
                black_box(app.update(if down { Action::Down } else { Action::Up }));
                down = !down;
            })
        });
        // A key and the frame it causes: one line down or up, then draw.
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("scroll_line_and_draw", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(if down { Action::Down } else { Action::Up });
                down = !down;
                terminal
                    .draw(|frame| {
                        view::draw(&app, frame);
                    })
                    .unwrap();
            })
        });
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("scroll_page_and_draw", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(if down { Action::PageDown } else { Action::PageUp });
                down = !down;
                terminal
                    .draw(|frame| {
                        view::draw(&app, frame);
                    })
                    .unwrap();
            })
        });
        // Scrolling must keep the same wrapped lines: no re-wrap.
        let before = app.reader().unwrap().doc.lines.as_ptr();
        for action in [Action::Down, Action::PageDown, Action::Up, Action::PageUp] {
            app.update(action);
        }
        assert_eq!(before, app.reader().unwrap().doc.lines.as_ptr(), "scrolling re-wrapped the lesson");
    }
    g.finish();

    // A resize to another text width re-wraps once (every line of the lesson).
    let mut g = c.benchmark_group("reader_resize_rewrap");
    g.sample_size(10);
    for lines in [100, 100_000] {
        let mut app = app_reading(lines);
        let lines_ptr = |app: &App| app.reader().unwrap().doc.lines.as_ptr();
        let before = lines_ptr(&app);
        app.update(Action::Resize(NARROW, H));
        assert_ne!(before, lines_ptr(&app), "a new width re-wraps");
        let after = lines_ptr(&app);
        app.update(Action::Resize(NARROW, H));
        assert_eq!(after, lines_ptr(&app), "the same width again does not");
        let mut wide = true;
        g.bench_with_input(BenchmarkId::new("200_to_90_columns", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(Action::Resize(if wide { W } else { NARROW }, H));
                wide = !wide;
                black_box(app.reader().unwrap().doc.lines.len());
            })
        });
    }
    g.finish();
}

/// The ratio the target is judged by, measured so that machine load cancels out:
/// frames for the two lessons are timed in alternation, round after round, and the
/// medians compared. Printed, and written to `target/criterion/paired_frames.json`
/// for `bench/criterion_table.py`.
fn paired() {
    const ROUNDS: usize = 1500;
    let mut small = (app_reading(100), Terminal::new(TestBackend::new(W, H)).unwrap());
    let mut big = (app_reading(100_000), Terminal::new(TestBackend::new(W, H)).unwrap());
    let mut report = Vec::new();
    for kind in ["draw", "scroll_line_and_draw", "scroll_page_and_draw"] {
        let step = |(app, terminal): &mut (App, Terminal<TestBackend>), round: usize| {
            let start = Instant::now();
            let down = round.is_multiple_of(2);
            match kind {
                "scroll_line_and_draw" => drop(app.update(if down { Action::Down } else { Action::Up })),
                "scroll_page_and_draw" => drop(app.update(if down { Action::PageDown } else { Action::PageUp })),
                _ => {}
            }
            terminal
                .draw(|frame| {
                    view::draw(app, frame);
                })
                .unwrap();
            start.elapsed().as_secs_f64()
        };
        let (mut a, mut b) = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
        for round in 0..ROUNDS {
            a.push(step(&mut small, round));
            b.push(step(&mut big, round));
        }
        let (ma, mb) = (median(&mut a), median(&mut b));
        eprintln!(
            "paired {kind}: 100 lines {:.1} µs, 100 000 lines {:.1} µs, ratio {:.2} (medians of {ROUNDS} alternating rounds)",
            ma * 1e6,
            mb * 1e6,
            mb / ma
        );
        report.push(format!("\"{kind}\": {{\"small\": {ma:e}, \"big\": {mb:e}, \"rounds\": {ROUNDS}}}"));
    }
    let dir =
        std::path::Path::new(&std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into())).join("criterion");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("paired_frames.json"), format!("{{{}}}\n", report.join(", ")));
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

criterion_group!(benches, frame);

fn main() {
    benches();
    if !std::env::args().any(|a| a == "--list") {
        paired();
    }
    Criterion::default().configure_from_args().final_summary();
}

//! Target 2: a reader frame at 200×60 costs the same for a 100-line and a
//! 100 000-line lesson; scrolling never re-wraps; a resize re-wraps once.
//!
//! `cargo bench --bench frame`

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use patient_tutor::content::{self, lesson};
use patient_tutor::progress::Progress;
use patient_tutor::tui::app::{Action, App};
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/corpus.rs"]
mod corpus;

const W: u16 = 200;
const H: u16 = 60;

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
    let reader = app.reader.as_ref().unwrap();
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
                terminal.draw(|frame| view::draw(&app, frame)).unwrap();
            })
        });
        // A key and the frame it causes: one line down or up, then draw.
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("scroll_line_and_draw", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(if down { Action::Down } else { Action::Up });
                down = !down;
                terminal.draw(|frame| view::draw(&app, frame)).unwrap();
            })
        });
        let mut down = true;
        g.bench_with_input(BenchmarkId::new("scroll_page_and_draw", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(if down { Action::PageDown } else { Action::PageUp });
                down = !down;
                terminal.draw(|frame| view::draw(&app, frame)).unwrap();
            })
        });
        // Scrolling must keep the same wrapped lines: no re-wrap.
        let before = app.reader.as_ref().unwrap().doc.lines.as_ptr();
        for action in [Action::Down, Action::PageDown, Action::Up, Action::PageUp] {
            app.update(action);
        }
        assert_eq!(before, app.reader.as_ref().unwrap().doc.lines.as_ptr(), "scrolling re-wrapped the lesson");
        // A resize to another width re-wraps once; the same width again does nothing.
        let mut wide = true;
        g.bench_with_input(BenchmarkId::new("resize_rewrap", lines), &lines, |b, _| {
            b.iter(|| {
                app.update(Action::Resize(if wide { W - 1 } else { W }, H));
                wide = !wide;
                black_box(app.reader.as_ref().unwrap().doc.lines.len());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);

//! Target 3: rendering a large Markdown file (≥ 5 MB) to wrapped plain text, as
//! `patient-tutor read FILE --width 100` does, against pulldown-cmark's own HTML
//! writer on the same text with the same extensions, in the same run.
//!
//! `cargo bench --bench render`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use patient_tutor::markdown::{self, MdTheme};
use pulldown_cmark::{Options, Parser, html};

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/paired.rs"]
mod paired;

const SIZE: usize = 5 * 1024 * 1024;

fn options() -> Options {
    // The renderer's extensions.
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

fn render(c: &mut Criterion) {
    let text = corpus::markdown(SIZE);
    let mut g = c.benchmark_group("render_5mb");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    let mut out: Vec<u8> = Vec::with_capacity(2 * text.len());
    g.bench_function("pulldown_cmark_html", |b| {
        b.iter(|| {
            let mut html = String::new();
            html::push_html(&mut html, Parser::new_ext(black_box(&text), options()));
            black_box(html);
        })
    });
    for width in [100u16, 80] {
        g.bench_function(format!("read_plain_width_{width}"), |b| {
            b.iter(|| {
                out.clear();
                markdown::write_plain(black_box(&text), width, &mut out).unwrap();
                black_box(&out);
            })
        });
    }
    // The way `read` worked before streaming: every line built and kept, then joined.
    g.bench_function("render_lines_then_write_width_100", |b| {
        b.iter(|| {
            out.clear();
            let rendered = markdown::render(black_box(&text), 100, &MdTheme::plain());
            for line in &rendered.lines {
                out.extend_from_slice(markdown::line_to_string(line).trim_end().as_bytes());
                out.push(b'\n');
            }
            black_box(&out);
        })
    });
    g.bench_function("render_lines_width_100", |b| {
        b.iter(|| black_box(markdown::render(black_box(&text), 100, &MdTheme::plain())))
    });
    g.finish();
}

/// The target's ratio, measured interleaved: HTML, then `read`'s rendering, round after round.
fn paired_render() {
    let text = corpus::markdown(SIZE);
    let mut out: Vec<u8> = Vec::with_capacity(2 * text.len());
    let mut html_case = || {
        let mut html = String::new();
        html::push_html(&mut html, Parser::new_ext(&text, options()));
        black_box(html);
    };
    let mut read_case = || {
        out.clear();
        markdown::write_plain(&text, 100, &mut out).unwrap();
        black_box(&out);
    };
    paired::run(
        "render_5mb",
        15,
        &mut [("pulldown_cmark_html", &mut html_case), ("read_plain_width_100", &mut read_case)],
    );
}

criterion_group!(benches, render);

fn main() {
    benches();
    if !paired::listing() {
        paired_render();
    }
    Criterion::default().configure_from_args().final_summary();
}

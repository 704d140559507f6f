//! Checking a pack with hostile input at size n and 2n: the two times should differ by
//! about 2×, never 4× (tests/linear_time.rs asserts it; this shows the figures).
//!
//! `cargo bench --bench hostile_pack`

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use patient_tutor::content::PackFiles;
use patient_tutor::content::check::{self, Options};

const LESSON: &str = "+++\nid = \"intro\"\ntitle = \"T\"\nsummary = \"S.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n# T\n\n**Key points**\n\n- One.\n\n## First part\n\n";

fn question(choices: &str, answer: &str) -> String {
    format!(
        "[[question]]\nid = \"q\"\nkind = \"multiple\"\nprompt = \"P?\"\nchoices = {choices}\nanswer = {answer}\nexplanation = \"E.\"\nsee = \"intro#first-part\"\n"
    )
}

/// A one-lesson pack in `dir` with this lesson body and quiz.
fn write_pack(dir: &Path, body: &str, quiz: &str) {
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    std::fs::create_dir_all(dir.join("quizzes")).unwrap();
    std::fs::write(dir.join("lessons/01-intro.md"), format!("{LESSON}{body}\n")).unwrap();
    std::fs::write(dir.join("quizzes/intro.toml"), quiz).unwrap();
}

fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

/// Lesson body and quiz file of size n.
type MakePack = fn(usize) -> (String, String);

fn hostile(c: &mut Criterion) {
    let mut g = c.benchmark_group("check_hostile_pack");
    g.sample_size(10);
    let inputs: [(&str, MakePack); 4] = [
        ("links_to_a_missing_lesson", |n| ("[x](nowhere) ".repeat(n), question("[\"a\", \"b\"]", "[1]"))),
        ("links_to_missing_sections", |n| {
            let sections: String = (0..n).map(|i| format!("## S{i}\n\n")).collect();
            let links: String = (0..n).map(|i| format!("[x](intro#no{i}) ")).collect();
            (format!("{links}\n\n{sections}"), question("[\"a\", \"b\"]", "[1]"))
        }),
        ("choices", |n| (String::new(), question(&list((0..n).map(|i| format!("\"{i}\""))), "[1]"))),
        ("answer_list", |n| (String::new(), question("[\"a\"]", &list((1..=n).map(|i| i.to_string()))))),
    ];
    for (name, make) in inputs {
        for n in [10_000, 20_000] {
            let dir = tempfile::tempdir().unwrap();
            let (body, quiz) = make(n);
            write_pack(dir.path(), &body, &quiz);
            let files = PackFiles::Dir(dir.path().to_path_buf());
            let options = Options { max_grade: None, today: "2026-11-25".into() };
            g.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| black_box(check::check(&files, &options)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);

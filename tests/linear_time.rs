//! Loading and checking a pack, and rendering Markdown, take time linear in the size of
//! the input, however hostile: doubling a hostile input at most about doubles the time.
//!
//! Each case grows its input until one run takes at least [`SMALL_MS`] (so timer noise
//! is small next to it), then times size n and 2n a few times each and keeps the
//! fastest run of each. Time is the thread's processor time, which does not grow while
//! other programs have the processor. A linear step gives a ratio near 2, a quadratic
//! one near 4; the limit is 2.5, and a ratio over it is measured again before it
//! counts, so a busy machine cannot fail the test.
//! Run with `--nocapture` to see the figures.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use patient_tutor::content::check::{self, Options};
use patient_tutor::content::files::MAX_FILE_BYTES;
use patient_tutor::content::{PackFiles, quiz};
use patient_tutor::markdown::{self, MdTheme};

/// The smaller size must take at least this long.
const SMALL_MS: u128 = 60;
/// Time at 2n over time at n must stay under this.
const MAX_RATIO: f64 = 2.5;
/// Runs per size; the fastest counts.
const RUNS: usize = 5;
/// Attempts before a ratio over the limit fails the test.
const ATTEMPTS: usize = 3;

/// One case at a time: two cases timed together would disturb each other.
static SERIAL: Mutex<()> = Mutex::new(());

/// The processor time this thread has used: unlike the wall clock, it does not count
/// the time the thread waited while other programs had the processor.
fn thread_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for clock_gettime to fill in.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The fastest of `runs` runs of `run`, in processor time.
fn fastest(runs: usize, run: &mut dyn FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = thread_time();
            run();
            thread_time().saturating_sub(start)
        })
        .min()
        .unwrap_or_default()
}

/// Check that `make(n)` (which prepares an input of size n and returns how to process it)
/// scales linearly, starting from `n` and growing it (2n at most `max_n`) until a run is slow
/// enough to time well.
fn assert_linear(name: &str, mut n: usize, max_n: usize, make: &dyn Fn(usize) -> Box<dyn FnMut()>) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if fastest(2, &mut make(n)).as_millis() >= SMALL_MS || n * 4 > max_n {
            break;
        }
        n *= 2;
    }
    let mut figures = Vec::new();
    for _ in 0..ATTEMPTS {
        let small = fastest(RUNS, &mut make(n));
        let large = fastest(RUNS, &mut make(2 * n));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        eprintln!("{name}: n = {n}: {small:.1?}; 2n = {}: {large:.1?}; ratio {ratio:.2}", 2 * n);
        figures.push(format!("{small:.1?} → {large:.1?} (×{ratio:.2})"));
        if ratio <= MAX_RATIO {
            return;
        }
    }
    panic!("{name}: doubling the input from n = {n} more than doubles the time each time: {}", figures.join("; "));
}

/// A copy of the small valid pack with `files` (pack-relative path, text) written over it.
fn pack_with(files: &[(&str, String)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
    for (path, text) in files {
        assert!(text.len() as u64 <= MAX_FILE_BYTES, "{path} is {} bytes: over the file limit", text.len());
        let path = pack.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, pack)
}

/// `check` on a pack with these files (it loads the whole pack, then checks it).
fn checking(files: Vec<(&'static str, String)>) -> Box<dyn FnMut()> {
    let (dir, pack) = pack_with(&files);
    Box::new(move || {
        let _keep = &dir;
        let options = Options { max_grade: Some(8.0), today: "2026-11-25".into() };
        let report = check::check(&PackFiles::Dir(pack.clone()), &options);
        std::hint::black_box(report);
    })
}

/// A lesson file with this body.
fn lesson(id: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n# T\n\n**Key points**\n\n- One.\n\n## First part\n\n{body}\n"
    )
}

/// The intro lesson (its sections are what the fixture's quiz and sites point at) with more body.
fn intro_with(body: &str) -> (&'static str, String) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid/lessons/01-intro.md"),
    )
    .unwrap();
    ("lessons/01-intro.md", format!("{text}\n{body}\n"))
}

fn question(id: &str, kind: &str, choices: &str, answer: &str) -> String {
    format!(
        "[[question]]\nid = \"{id}\"\nkind = \"{kind}\"\nprompt = \"P?\"\nchoices = {choices}\nanswer = {answer}\nexplanation = \"E.\"\nsee = \"intro#first-part\"\n\n"
    )
}

fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

// ---------------------------------------------------------------------------------------------------
// Quizzes

#[test]
fn a_question_with_many_equal_choices() {
    assert_linear("equal choices", 1000, 200_000, &|n| {
        let choices = list((0..n).map(|_| "\"a\"".to_string()));
        checking(vec![("quizzes/intro.toml", question("q", "single", &choices, "1"))])
    });
}

#[test]
fn a_question_with_many_different_choices() {
    assert_linear("different choices", 1000, 150_000, &|n| {
        let choices = list((0..n).map(|i| format!("\"{i}\"")));
        checking(vec![("quizzes/intro.toml", question("q", "single", &choices, "1"))])
    });
}

#[test]
fn an_answer_listing_many_choices() {
    // The choices are unusable (one only), so the answer's numbers cannot be checked against them.
    assert_linear("long answer list", 1000, 200_000, &|n| {
        let answer = list((1..=n).map(|i| i.to_string()));
        checking(vec![("quizzes/intro.toml", question("q", "multiple", "[\"a\"]", &answer))])
    });
}

#[test]
fn many_questions() {
    assert_linear("many questions", 250, quiz::MAX_QUESTIONS / 2, &|n| {
        let text: String = (0..n).map(|i| question(&format!("q{i}"), "single", "[\"a\", \"b\"]", "1")).collect();
        checking(vec![("quizzes/intro.toml", text)])
    });
}

// ---------------------------------------------------------------------------------------------------
// Lessons and links

#[test]
fn many_links_to_a_missing_lesson() {
    assert_linear("links to a missing lesson", 1000, 120_000, &|n| {
        checking(vec![intro_with(&"[x](nowhere) ".repeat(n))])
    });
}

#[test]
fn many_links_to_existing_sections() {
    assert_linear("links to existing sections", 500, 40_000, &|n| {
        let sections: String = (0..n).map(|i| format!("## S{i}\n\n")).collect();
        let links: String = (0..n).map(|i| format!("[x](intro#s{i}) ")).collect();
        checking(vec![intro_with(&format!("{links}\n\n{sections}"))])
    });
}

#[test]
fn many_links_to_missing_sections_of_a_long_lesson() {
    assert_linear("links to missing sections", 500, 40_000, &|n| {
        let sections: String = (0..n).map(|i| format!("## S{i}\n\n")).collect();
        let links: String = (0..n).map(|i| format!("[x](intro#no{i}) ")).collect();
        checking(vec![intro_with(&format!("{links}\n\n{sections}"))])
    });
}

#[test]
fn many_lessons_and_many_links_to_a_missing_one() {
    assert_linear("lessons and links to a missing one", 50, 4000, &|n| {
        let mut files: Vec<(&'static str, String)> = (0..n)
            .map(|i| {
                let path: &'static str = Box::leak(format!("lessons/{:05}-l.md", i + 10).into_boxed_str());
                (path, lesson(&format!("l{i}"), "Text."))
            })
            .collect();
        files.push(intro_with(&"[x](nowhere) ".repeat(n)));
        checking(files)
    });
}

#[test]
fn many_identical_headings() {
    assert_linear("identical headings", 1000, 200_000, &|n| checking(vec![intro_with(&"## A\n\n".repeat(n))]));
}

// ---------------------------------------------------------------------------------------------------
// Glossary and sites

#[test]
fn many_glossary_terms_pointing_nowhere() {
    assert_linear("glossary terms", 500, 20_000, &|n| {
        let text: String = (0..n)
            .map(|i| format!("[[term]]\nterm = \"t{i}\"\ndefinition = \"D.\"\nsee = \"intro#no{i}\"\n\n"))
            .collect();
        checking(vec![("glossary.toml", text)])
    });
}

#[test]
fn many_body_map_sites() {
    let art: String = format!("{}\n", "x".repeat(500)).repeat(500);
    assert_linear("body map sites", 250, 8000, &|n| {
        let mut text = "art = \"map.txt\"\nsources = [\"NCI\"]\n\n".to_string();
        for i in 0..n {
            text.push_str(&format!(
                "[[site]]\nid = \"s{i}\"\nname = \"S\"\nx = {}\ny = {}\nsummary = \"S.\"\nemergency = [\"E\"]\n\
                 call_today = []\nnext_visit = []\nprimaries = []\nlessons = [\"intro#first-part\"]\n\n",
                i % 500,
                i / 500
            ));
        }
        checking(vec![("sites.toml", text), ("assets/map.txt", art.clone())])
    });
}

#[test]
fn many_synonym_groups() {
    assert_linear("synonym groups", 500, 40_000, &|n| {
        let sites = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid/sites.toml"),
        )
        .unwrap();
        let groups: String = (0..n).map(|i| format!("[[synonyms]]\nwords = [\"a{i}\", \"b{i}\"]\n\n")).collect();
        checking(vec![("sites.toml", format!("{sites}\n{groups}"))])
    });
}

// ---------------------------------------------------------------------------------------------------
// Health-literacy and readability checks

#[test]
fn many_short_sentences() {
    assert_linear("short sentences", 1000, 100_000, &|n| checking(vec![intro_with(&"Cancer can spread. ".repeat(n))]));
}

#[test]
fn one_endless_sentence() {
    assert_linear("one long sentence", 1000, 200_000, &|n| checking(vec![intro_with(&"word ".repeat(n))]));
}

#[test]
fn many_bare_percentages() {
    assert_linear("percentages", 1000, 150_000, &|n| checking(vec![intro_with(&"Some 34% and ".repeat(n))]));
}

/// The plain-language rules of `check` (abbreviations, colour or place, sums, paragraphs,
/// headings) on inputs that hit each of them many times.
#[test]
fn many_unexplained_abbreviations() {
    assert_linear("abbreviations", 1000, 100_000, &|n| {
        let body: String = (0..n).map(|i| format!("The ZQ{} test. ", i % 500)).collect();
        checking(vec![intro_with(&body)])
    });
}

#[test]
fn many_places_on_the_screen_and_sums() {
    assert_linear("screen places and sums", 1000, 100_000, &|n| {
        checking(vec![intro_with(&"See the red button above. It is twice as likely, and 20% of them. ".repeat(n))])
    });
}

#[test]
fn many_long_paragraphs_and_empty_headings() {
    assert_linear("paragraphs and headings", 500, 50_000, &|n| {
        checking(vec![intro_with(&"## Overview\n\nOne. Two. Three. Four. Five. Six. Seven.\n\n".repeat(n))])
    });
}

#[test]
fn many_medical_words() {
    assert_linear("medical words", 1000, 150_000, &|n| {
        checking(vec![intro_with(&"dyspnea jaundice nausea. ".repeat(n))])
    });
}

// ---------------------------------------------------------------------------------------------------
// Markdown rendering (`read FILE.md` previews files far larger than a lesson)

fn rendering(doc: String) -> Box<dyn FnMut()> {
    Box::new(move || {
        std::hint::black_box(markdown::render(&doc, 80, &MdTheme::color()));
        let mut out = Vec::new();
        markdown::write_plain(&doc, 80, &mut out).unwrap();
        std::hint::black_box(out);
    })
}

#[test]
fn render_many_paragraphs() {
    assert_linear("render paragraphs", 1000, 1_000_000, &|n| rendering("Some words here.\n\n".repeat(n)));
}

#[test]
fn render_one_long_paragraph() {
    assert_linear("render one paragraph", 1000, 2_000_000, &|n| rendering("word ".repeat(n)));
}

#[test]
fn render_one_long_word() {
    assert_linear("render one long word", 10_000, 20_000_000, &|n| rendering("w".repeat(n)));
}

#[test]
fn render_identical_headings() {
    assert_linear("render identical headings", 1000, 1_000_000, &|n| rendering("## A\n\n".repeat(n)));
}

#[test]
fn render_a_long_list() {
    assert_linear("render a list", 1000, 1_000_000, &|n| rendering("- an item here\n".repeat(n)));
}

#[test]
fn render_a_long_table() {
    assert_linear("render a table", 500, 500_000, &|n| {
        rendering(format!("| a | b |\n|---|---|\n{}", "| one | two |\n".repeat(n)))
    });
}

#[test]
fn render_a_wide_table() {
    assert_linear("render a wide table", 100, 100_000, &|n| {
        rendering(format!("|{}\n|{}\n|{}\n", " a |".repeat(n), "---|".repeat(n), " b |".repeat(n)))
    });
}

#[test]
fn render_many_links() {
    assert_linear("render links", 1000, 500_000, &|n| rendering("[a](b) ".repeat(n)));
}

#[test]
fn render_many_inline_styles() {
    assert_linear("render emphasis", 1000, 500_000, &|n| rendering("*a* **b** `c` ".repeat(n)));
}

#[test]
fn render_deep_quotes_of_one_line() {
    // Each line of a quote n deep carries n bars, so only the depth is grown, with one line.
    assert_linear("render nested quotes", 100, 100_000, &|n| rendering(format!("{} a\n", ">".repeat(n))));
}

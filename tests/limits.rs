//! Resource limits: a lesson file over 2 MiB, a quiz with over 10 000 questions, a
//! body map over 500×500 cells are refused with a clear error, and a progress file
//! over 16 MiB or an answer history over 64 MiB is kept aside, all without being
//! read into memory whole first.

mod common;

use common::copy_dir;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use patient_tutor::content::files::{MAX_FILE_BYTES, read_limited};
use patient_tutor::content::quiz::MAX_QUESTIONS;
use patient_tutor::content::sites::MAX_MAP_CELLS;
use patient_tutor::content::{self, PackErrors};

fn valid_pack(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
    pack
}

/// A file that claims `len` bytes but takes no disk (sparse): reading it whole would
/// take minutes and all the memory there is.
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// Load the pack, expecting it refused quickly with a message containing `want`.
fn refused(pack: &Path, want: &str) -> String {
    let start = Instant::now();
    let errors: PackErrors = content::load_dir(pack).expect_err("the pack must be refused");
    let text = errors.to_string();
    assert!(text.contains(want), "{text}");
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    text
}

#[test]
fn a_huge_lesson_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    // 64 GiB: if the loader read it whole, this test would run out of memory.
    sparse(&pack.join("lessons/03-huge.md"), 64 << 30);
    let text = refused(&pack, "lessons/03-huge.md: file is larger than 2 MiB; split it into smaller files");
    assert_eq!(text.lines().count(), 1, "{text}");
}

#[test]
fn the_size_limit_is_exactly_two_mebibytes() {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("at.md");
    std::fs::write(&at, "a".repeat(MAX_FILE_BYTES as usize)).unwrap();
    assert_eq!(read_limited(&at, "at.md").unwrap().len() as u64, MAX_FILE_BYTES);
    let over = dir.path().join("over.md");
    std::fs::write(&over, "a".repeat(MAX_FILE_BYTES as usize + 1)).unwrap();
    assert!(read_limited(&over, "over.md").unwrap_err().to_string().contains("larger than 2 MiB"));
}

#[test]
fn previewing_a_huge_markdown_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.md");
    sparse(&big, 64 << 30);
    let out = assert_cmd::Command::cargo_bin("patient-tutor")
        .unwrap()
        .arg("read")
        .arg(&big)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(!out.status.success());
    // A page to preview may be larger than a lesson (to render big documents), but not unbounded.
    assert!(String::from_utf8_lossy(&out.stderr).contains("file is larger than 64 MiB"), "{out:?}");
}

#[test]
fn too_many_questions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    std::fs::write(pack.join("quizzes/intro.toml"), "[[question]]\n".repeat(MAX_QUESTIONS + 1)).unwrap();
    refused(&pack, "quizzes/intro.toml: too many questions: 10001 (at most 10000 in one file)");
    // A huge quiz file is refused by its size first, unread.
    sparse(&pack.join("quizzes/intro.toml"), 64 << 30);
    refused(&pack, "quizzes/intro.toml: file is larger than 2 MiB");
}

/// A body map `w` columns by `h` rows with the fixture's two sites, (3,1) and (3,4), on
/// blank cells.
fn map(w: usize, h: usize) -> String {
    let row = format!("x{}x\n", " ".repeat(w - 2));
    row.repeat(h)
}

#[test]
fn body_maps_over_500_by_500_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    let max = usize::from(MAX_MAP_CELLS);
    std::fs::write(pack.join("assets/map.txt"), map(max, max)).unwrap();
    let loaded = content::load_dir(&pack).unwrap_or_else(|e| panic!("500×500 is allowed: {e}"));
    assert_eq!(loaded.sites.unwrap().map.width, MAX_MAP_CELLS);

    std::fs::write(pack.join("assets/map.txt"), map(max + 1, 10)).unwrap();
    refused(&pack, "assets/map.txt:1: this row is 501 columns wide; the body map can be at most 500 columns wide");
    std::fs::write(pack.join("assets/map.txt"), map(10, max + 1)).unwrap();
    refused(&pack, "assets/map.txt: the body map has 501 rows; it can have at most 500");
    sparse(&pack.join("assets/map.txt"), 64 << 30);
    refused(&pack, "assets/map.txt: file is larger than 2 MiB");
}

#[test]
fn huge_progress_and_history_files_are_kept_aside_unread() {
    use patient_tutor::progress::{MAX_HISTORY_BYTES, MAX_PROGRESS_BYTES, history_path};
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let history = history_path(&progress);
    // 64 GiB each: reading either whole would run out of memory.
    sparse(&progress, 64 << 30);
    sparse(&history, 64 << 30);
    let start = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_patient-tutor"))
        .arg("--progress")
        .arg(&progress)
        .arg("progress")
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let mib = |bytes: u64| format!("larger than {} MiB", bytes >> 20);
    assert!(err.contains(&format!("progress file could not be read (it is {})", mib(MAX_PROGRESS_BYTES))), "{err}");
    assert!(err.contains(&format!("answer history could not be read (it is {})", mib(MAX_HISTORY_BYTES))), "{err}");
    // Both kept, neither overwritten.
    let kept: Vec<u64> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .map(|e| e.metadata().unwrap().len())
        .collect();
    assert_eq!(kept, [64 << 30, 64 << 30]);
}

/// The fixture's sites.toml with `signs` more "call today" lines on the belly (all different,
/// each with the word "shivering"), `phrases` + 1 words in an emergency sign group, and
/// `untiered` + 1 in a group without a tier.
fn many_signs(pack: &Path, signs: usize, phrases: usize, untiered: usize) {
    use std::fmt::Write;
    let file = pack.join("sites.toml");
    let lines: String = (0..signs).map(|i| format!("\"Shivering now and then {i}\", ")).collect();
    let mut text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("call_today = [\"A swollen belly\"]", &format!("call_today = [\"A swollen belly\", {lines}]"));
    let words: Vec<String> = (0..phrases).map(|i| format!("\"fever word {i}\"")).collect();
    // "shivering" last: each line is checked against every phrase before it matches.
    writeln!(text, "\n[[synonyms]]\ntier = \"emergency\"\nwords = [{}, \"shivering\"]", words.join(", ")).unwrap();
    let words: Vec<String> = (0..untiered).map(|i| format!("\"other word {i}\"")).collect();
    writeln!(text, "\n[[synonyms]]\nwords = [\"other\", {}]", words.join(", ")).unwrap();
    std::fs::write(file, text).unwrap();
}

#[test]
fn too_many_sign_lines_or_synonyms_are_refused_and_the_limits_load_quickly() {
    use patient_tutor::content::signs::{MAX_SIGN_GROUP_WORDS, MAX_SIGNS, MAX_SYNONYM_WORDS};
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    // At the limits (less the fixture's own lines): every line breaks the sign group's tier,
    // and the check still takes a moment.
    many_signs(&pack, MAX_SIGNS - 3, MAX_SIGN_GROUP_WORDS - 1, MAX_SYNONYM_WORDS - MAX_SIGN_GROUP_WORDS - 1);
    let start = Instant::now();
    let errors = content::load_dir(&pack).expect_err("lines against the sign group").0;
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    assert_eq!(errors.len(), MAX_SIGNS - 3, "{}", errors[0]);
    assert!(errors[0].message.contains("from the sign group at sites.toml:"), "{}", errors[0]);

    let pack = valid_pack(&dir.path().join("over"));
    many_signs(&pack, MAX_SIGNS, 10, 10);
    let text = refused(&pack, "sites.toml: too many sign lines: 5003 (at most 5000");
    assert!(!text.contains("sign group"), "the tier check is skipped: {}", &text[..200.min(text.len())]);
    let pack = valid_pack(&dir.path().join("over-synonyms"));
    many_signs(&pack, 10, 10, MAX_SYNONYM_WORDS - 11);
    refused(&pack, "sites.toml: too many synonyms: 10001 words and phrases (at most 10000");
    let pack = valid_pack(&dir.path().join("over-sign-groups"));
    many_signs(&pack, 10, MAX_SIGN_GROUP_WORDS, 10);
    refused(&pack, "sites.toml: too many words in sign groups: 1001 (at most 1000");
}

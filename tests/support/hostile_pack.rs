//! A content pack with hostile text in every field a person sees (the same as
//! `tests/escape_injection.rs` builds), plus soft hyphens and zero-width spaces,
//! whose width terminals disagree on, and a very long word.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Every kind of escape at once: clear screen (CSI), window title, hyperlink and
/// clipboard (OSC), a device control string, the 8-bit CSI, BEL, backspace, carriage
/// return, a bidi override, a line separator.
pub const EVIL: &str = "A\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example\x1b\\L\x1b]8;;\x1b\\\x1b]52;c;ZXZpbA==\x07\x1bP+q\x1b\\\u{9b}31mB\x08\x08\rC\u{202e}D\u{2066}\u{2028}E";
/// A shorter one whose harmless form is easy to write out exactly.
/// Soft hyphens, zero-width spaces and a word longer than any width asked for.
pub const SOFT: &str = "ex\u{ad}tra\u{ad}or\u{ad}di\u{ad}na\u{ad}ry wo\u{200b}rds \u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad}\u{ad} Supercalifragilisticexpialidocious-and-then-some-more-letters";
pub const SIMPLE: &str = "A\x1b[2JB\x07C\x08D\rE\u{202e}F\u{9b}G";
/// What `SIMPLE` must look like on screen: escapes gone, the carriage return a space.
pub const SIMPLE_SHOWN: &str = "A[2JBCD EFG";
/// Sites may not hold control characters at all (the loader refuses them), but bidi
/// controls and line separators get through to be cleaned.
pub const EVIL_LINE: &str = "Lung\u{202e}s\u{2066}x\u{200f}\u{2028}y";

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn write(path: PathBuf, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The small valid pack with hostile text in every field a person sees.
pub fn hostile_pack(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid");
    for file in ["lessons/02-more.md", "assets/map.txt", "survival.toml"] {
        write(pack.join(file), &std::fs::read_to_string(fixture.join(file)).unwrap());
    }
    write(
        pack.join("lessons/01-intro.md"),
        &format!(
            "+++\nid = \"intro\"\ntitle = {}\nsummary = {}\nsources = [{}]\nreviewed = 2026-11-25\n+++\n# Intro {EVIL}\n\n**Key points**\n\n- {EVIL}\n- {SIMPLE}\n\n## First part\n\nText {EVIL} and [link {EVIL}](more#second-part) and `code {EVIL}`.\n\n> quote {EVIL}\n\n| a {EVIL} | b |\n|---|---|\n| {SIMPLE} | c |\n\n```\ncode block {EVIL}\n```\n\n## Other part\n\nThe care team can help. {SOFT}\n",
            toml_str(&format!("Intro {EVIL}")),
            toml_str(&format!("Summary {EVIL}")),
            toml_str(EVIL),
        ),
    );
    write(
        pack.join("quizzes/intro.toml"),
        &format!(
            "[[question]]\nid = \"intro-one\"\nkind = \"single\"\nprompt = {}\nchoices = [{}, {}]\nanswer = 1\nexplanation = {}\nsee = \"intro#first-part\"\n",
            toml_str(&format!("Prompt {SIMPLE}")),
            toml_str(&format!("Yes {EVIL}")),
            toml_str(&format!("No {SIMPLE}")),
            toml_str(&format!("Why {EVIL}")),
        ),
    );
    write(
        pack.join("glossary.toml"),
        &format!(
            "[[term]]\nterm = \"evil\"\ndefinition = {}\n\n[[term]]\nterm = {}\ndefinition = {}\nsee = \"intro#first-part\"\n",
            toml_str(SIMPLE),
            toml_str(&format!("care {EVIL}")),
            toml_str(&format!("People {EVIL} {SOFT}")),
        ),
    );
    let site = |id: &str, y: u16, lesson: &str| {
        format!(
            "[[site]]\nid = \"{id}\"\nname = {}\nx = 3\ny = {y}\nsummary = {}\nemergency = [{}]\ncall_today = [{}]\nnext_visit = []\nprimaries = [{}]\nlessons = [\"{lesson}\"]\n\n",
            toml_str(&format!("{EVIL_LINE} {id}")),
            toml_str(EVIL_LINE),
            toml_str(&format!("Short of breath {EVIL_LINE}")),
            toml_str(&format!("Cough {EVIL_LINE}")),
            toml_str(EVIL_LINE),
        )
    };
    write(
        pack.join("sites.toml"),
        &format!(
            "art = \"map.txt\"\nsources = [{}]\n\n{}{}",
            toml_str(EVIL_LINE),
            site("head", 1, "intro#first-part"),
            site("belly", 4, "more#second-part")
        ),
    );
    pack
}

//! The words catalogue and the code agree: every key the sources ask for is in the
//! English catalogue (a typo would show the key on screen), and every English word is
//! used somewhere (a dead word would be translated for nothing).

use std::collections::BTreeSet;
use std::path::Path;

use patient_tutor::words::Catalogue;

/// The calls that take a catalogue key as their first argument.
const CALLS: &[&str] = &["t(", "list(", "plural(", "tf!(", "tn!("];

fn keys_used_in(text: &str, out: &mut BTreeSet<String>) {
    for call in CALLS {
        let mut rest = text;
        while let Some(i) = rest.find(call) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + call.len()..];
            // `t(` must be the whole name, not the end of `set(` or `split(`.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // rustfmt may put the key on the next line.
            let Some(quoted) = rest.trim_start().strip_prefix('"') else { continue };
            let key = &quoted[..quoted.find('"').unwrap_or(0)];
            if key.contains('.')
                && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c))
            {
                out.insert(key.to_string());
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn keys_in_sources() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for file in files {
        // The catalogue's own docs and tests use made-up keys on purpose.
        if file.ends_with("words/tests.rs") || file.ends_with("words/mod.rs") {
            continue;
        }
        keys_used_in(&std::fs::read_to_string(&file).unwrap(), &mut keys);
    }
    keys
}

#[test]
fn the_scanner_finds_keys_in_every_kind_of_call() {
    let mut keys = BTreeSet::new();
    keys_used_in(
        r#"t("a.one") list("a.two") plural("a.three", n) tf!("a.four", x = 1) tn!("a.five", n) set("no.key") t("nodot") tf!(
            "a.six", x = 1) t(x)"#,
        &mut keys,
    );
    assert_eq!(keys.into_iter().collect::<Vec<_>>(), ["a.five", "a.four", "a.one", "a.six", "a.three", "a.two"]);
}

#[test]
fn every_key_the_code_asks_for_is_in_english() {
    let english = Catalogue::english();
    let missing: Vec<_> = keys_in_sources().into_iter().filter(|k| english.get(k).is_none()).collect();
    assert!(missing.is_empty(), "keys used in src/ but not in src/words/en.toml: {missing:#?}");
}

#[test]
fn every_english_word_is_used() {
    let used = keys_in_sources();
    // A key's words (`keys.*`) are looked up by the key's id; src/tui/keys.rs tests them.
    let unused: Vec<_> =
        Catalogue::english().keys().into_iter().filter(|k| !k.starts_with("keys.") && !used.contains(*k)).collect();
    assert!(unused.is_empty(), "words in src/words/en.toml that no code uses: {unused:#?}");
}

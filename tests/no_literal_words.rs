//! No screen or command holds a literal sentence: the interface's words live in the
//! catalogue (src/words/en.toml), so another language can replace every one of them.
//! This scans the string literals of the code that shows words (outside comments and
//! test modules) for two words of letters in a row.

use std::path::{Path, PathBuf};

/// Where the interface's words are shown (folders and files). Error texts for pack
/// authors (`check`, in src/content) and clap's own `--help` are not here yet.
const FOLDERS: &[&str] = &[
    "src/tui",
    "src/plain",
    "src/checkin",
    "src/progress",
    "src/notebook.rs",
    "src/export.rs",
    "src/cli.rs",
    "src/session.rs",
    "src/main.rs",
];

/// The string literals of Rust source, with their line numbers; comments and
/// `#[cfg(test)]` modules left out.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    let mut chars = code.char_indices().peekable();
    let line_at = |i: usize| code[..i].matches('\n').count() + 1;
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if chars.peek().map(|p| p.1) == Some('/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            // A char literal such as '"' or '\'' is not the start of a string.
            '\'' => {
                let rest = &code[i + 1..];
                let end = if rest.starts_with('\\') { rest[2..].find('\'').map(|e| e + 2) } else { rest.find('\'') };
                if let Some(end) = end.filter(|&e| e <= 10) {
                    for _ in 0..=end {
                        chars.next();
                    }
                }
            }
            '"' => {
                let mut text = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => text.push(c),
                    }
                }
                out.push((line_at(i), text));
            }
            _ => {}
        }
    }
    out
}

/// Two words of two or more letters next to each other: a sentence, not a key or a mark.
fn has_words(text: &str) -> bool {
    let is_word = |word: &&str| {
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| c.is_alphabetic() || ",.:;'".contains(c))
    };
    text.split_whitespace().collect::<Vec<_>>().windows(2).any(|pair| pair.iter().all(is_word))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_scan_sees_sentences_and_not_keys() {
    let found = literals(
        "let a = \"Press Enter to go on\"; // \"a comment\"\nlet b = t(\"home.title\"); let c = '\"'; let d = \"{} of {}\";\n#[cfg(test)]\nmod tests { \"Test words here\" }",
    );
    let sentences: Vec<_> = found.iter().filter(|(_, s)| has_words(s)).collect();
    assert_eq!(sentences, [&(1, "Press Enter to go on".to_string())]);
}

#[test]
fn no_screen_holds_a_literal_sentence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in FOLDERS {
        rust_files(&root.join(folder), &mut files);
    }
    let mut found = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, text) in literals(&source) {
            if has_words(&text) {
                found.push(format!("{}:{line}: {text:?}", file.strip_prefix(root).unwrap().display()));
            }
        }
    }
    assert!(found.is_empty(), "put these words in src/words/en.toml:\n{}", found.join("\n"));
}

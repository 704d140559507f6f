//! A pack's own interface words: an optional `words.toml` in the pack folder, in the format
//! of `src/words/en.toml` (any subset of its keys). With the pack, its words go over the
//! built-in words of the pack's language; a word neither has shows in English.

use std::collections::{BTreeSet, HashMap};

use super::{ContentError, PackFiles, manifest};
use crate::words::{Catalogue, Entry, WordsError, places};

pub const FILE: &str = "words.toml";

/// How many missing keys a `check` message names before "and N more".
pub const LISTED: usize = 10;

/// The pack's `words.toml`, checked against English: None if the pack has none.
pub fn load(files: &PackFiles, language: &str) -> Option<Result<Catalogue, Vec<ContentError>>> {
    // Only a pack on disk brings words; the built-in packs' words are built in.
    let PackFiles::Dir(_) = files else { return None };
    let text = files.read(FILE).ok()?;
    Some(parse(FILE, &text, language))
}

/// Parse `text` (the file `file`): unknown keys, wrong shapes and `{places}` that differ from
/// English are errors at their line. Every text is made safe to show.
pub fn parse(file: &str, text: &str, language: &str) -> Result<Catalogue, Vec<ContentError>> {
    let lines = key_lines(text);
    let line = |key: &str| lines.get(key).copied().unwrap_or(1);
    let parsed = Catalogue::parse(language, text).map_err(|e| match e {
        WordsError::Syntax { line, message } => vec![ContentError::new(file, line, message)],
        WordsError::Shape { key } => vec![ContentError::new(
            file,
            line(&key),
            format!("`{key}`: a word must be a text, a list of texts, or a table of `one` and `other`"),
        )],
    })?;
    let english = Catalogue::english();
    let mut errors = Vec::new();
    let mut words = Catalogue::empty(language);
    for key in parsed.keys() {
        let entry = parsed.get(key).expect("a listed key");
        let Some(en) = english.get(key) else {
            errors.push(ContentError::new(file, line(key), format!("unknown word `{key}`: it is not in en.toml")));
            continue;
        };
        if let Some(problem) = differs(en, entry) {
            errors.push(ContentError::new(file, line(key), format!("`{key}`: {problem}")));
            continue;
        }
        words.insert(key.to_string(), sanitized(entry));
    }
    errors.sort_by_key(|e| e.line);
    if errors.is_empty() { Ok(words) } else { Err(errors) }
}

/// The words to use with a pack: the built-in words of `language` (none for a language
/// without them), with the pack's own on top.
pub fn catalogue(language: &str, own: &Catalogue) -> Catalogue {
    let mut words = Catalogue::builtin(language).unwrap_or_else(|| Catalogue::empty(language));
    for key in own.keys() {
        words.insert(key.to_string(), own.get(key).expect("a listed key").clone());
    }
    words
}

/// Makes a pack's own words (if it has a `words.toml` that parses) the words in use.
pub fn apply(files: &PackFiles, language: &str) {
    if let Some(Ok(own)) = load(files, language) {
        crate::words::use_catalogue(catalogue(language, &own));
    }
}

/// The words a pack in `language` shows with (its `words.toml` if it parses).
pub fn effective(files: &PackFiles, language: &str) -> Catalogue {
    let own = load(files, language).and_then(Result::ok).unwrap_or_else(|| Catalogue::empty(language));
    catalogue(language, &own)
}

/// The keys of English a pack's words lack (they show in English), with where to say so:
/// `words.toml` if the pack has one, else `pack.toml`. Nothing for an English pack.
pub fn missing(files: &PackFiles, language: &str) -> Option<(&'static str, Vec<&'static str>)> {
    if language == "en" {
        return None;
    }
    let missing = effective(files, language).missing();
    let file = if files.read(FILE).is_ok() { FILE } else { manifest::FILE };
    (!missing.is_empty()).then_some((file, missing))
}

/// A `check` message for `missing` keys: the count and the first few.
pub fn missing_message(language: &str, missing: &[&str]) -> String {
    let mut shown = missing.iter().take(LISTED).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    if missing.len() > LISTED {
        shown.push_str(&format!(" and {} more (all of them: --format json)", missing.len() - LISTED));
    }
    format!(
        "{} interface words have no `{language}` text and will show in English: {shown}; add them to {FILE}",
        missing.len()
    )
}

/// Why a pack's word cannot stand in for English's, if it cannot.
fn differs(en: &Entry, own: &Entry) -> Option<String> {
    let (en_forms, own_forms) = (forms(en), forms(own));
    if std::mem::discriminant(en) != std::mem::discriminant(own) {
        let shape = match en {
            Entry::Text(_) => "a text",
            Entry::Plural { .. } => "a table of `one` and `other`",
            Entry::List(_) => "a list of texts",
        };
        return Some(format!("must be {shape}, as in en.toml"));
    }
    // A list may have its own number of lines; each line keeps the places English has.
    let en_places: BTreeSet<&str> = en_forms.iter().flat_map(|s| places(s)).collect();
    for (i, text) in own_forms.iter().enumerate() {
        let got: BTreeSet<&str> = places(text).into_iter().collect();
        let want: BTreeSet<&str> = match en {
            Entry::List(_) => en_places.clone(),
            _ => places(en_forms[i]).into_iter().collect(),
        };
        let wrong = match en {
            Entry::List(_) => !got.is_subset(&want),
            _ => got != want,
        };
        if wrong {
            let list = |set: &BTreeSet<&str>| set.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(" ");
            return Some(format!(
                "its places are [{}] but English has [{}]: keep every place, and add none",
                list(&got),
                list(&want)
            ));
        }
    }
    None
}

fn forms(entry: &Entry) -> Vec<&str> {
    match entry {
        Entry::Text(s) => vec![s],
        Entry::Plural { one, other } => vec![one, other],
        Entry::List(items) => items.iter().map(String::as_str).collect(),
    }
}

/// Text from a file, made harmless for the terminal (control characters, escapes).
fn sanitized(entry: &Entry) -> Entry {
    let clean = |s: &String| crate::markdown::sanitize(s).into_owned();
    match entry {
        Entry::Text(s) => Entry::Text(clean(s)),
        Entry::Plural { one, other } => Entry::Plural { one: clean(one), other: clean(other) },
        Entry::List(items) => Entry::List(items.iter().map(clean).collect()),
    }
}

/// The line of each `section.name` key, for messages: `[section]` headers and `name =`
/// lines, as the catalogue format writes them (a key not found is reported at line 1).
fn key_lines(text: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    let mut section = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = header.trim().to_string();
            lines.entry(section.clone()).or_insert(i + 1);
        } else if let Some((name, _)) = line.split_once('=')
            && !line.starts_with('#')
        {
            let name = name.trim().trim_matches('"');
            let key = if section.is_empty() { name.to_string() } else { format!("{section}.{name}") };
            lines.entry(key).or_insert(i + 1);
        }
    }
    lines
}

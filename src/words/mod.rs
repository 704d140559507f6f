//! The interface's own words: titles, messages, key labels and help, and the plain
//! commands' words. They live in one catalogue per language, a TOML file looked up by key
//! (`[reader] first_lesson = "…"` is the key `reader.first_lesson`), so that a pack in
//! another language can bring its own. English is built in (`en.toml`, next to this file)
//! and is the fallback for any word a catalogue lacks.
//!
//! Call sites: `t("reader.first_lesson")` for a fixed text, `tf!("reader.link", text = x)`
//! for a text with `{text}` in it, `tn!("home.due", n)` for a count (`one`/`other` forms),
//! `list("notice.paragraphs")` for a list of paragraphs. A test scans the sources and
//! checks that every key used exists in English, and that every English key is used.

pub mod choose;

use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::sync::{OnceLock, RwLock};

/// The English catalogue, built into the program.
pub const ENGLISH_TOML: &str = include_str!("en.toml");
/// The Spanish catalogue, built into the program (`es.toml`); English fills its gaps.
pub const SPANISH_TOML: &str = include_str!("es.toml");

/// One word or text of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// A text that depends on a count: `{ one = "1 question", other = "{n} questions" }`.
    Plural {
        one: String,
        other: String,
    },
    /// Paragraphs or lines, in order.
    List(Vec<String>),
}

/// A language's words, flattened to `section.name` keys.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The two-letter code of the language (ISO 639-1).
    pub language: String,
    entries: HashMap<String, Entry>,
}

/// Why a catalogue file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WordsError {
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("`{key}`: a word must be a text, a list of texts, or a table of `one` and `other`")]
    Shape { key: String },
}

impl Catalogue {
    /// Reads a catalogue from TOML text.
    pub fn parse(language: &str, text: &str) -> Result<Catalogue, WordsError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| WordsError::Syntax {
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
            message: e.message().to_string(),
        })?;
        let mut entries = HashMap::new();
        flatten("", &table, &mut entries)?;
        Ok(Catalogue { language: language.to_string(), entries })
    }

    /// The built-in English words.
    pub fn english() -> &'static Catalogue {
        static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            Catalogue::parse("en", ENGLISH_TOML).expect("the built-in en.toml parses (a test checks it)")
        })
    }

    /// The built-in words of `code` (see [`choose`]), if the program has them.
    pub fn builtin(code: &str) -> Option<Catalogue> {
        match code {
            "en" => Some(Catalogue::english().clone()),
            "es" => Some(Catalogue::parse("es", SPANISH_TOML).expect("the built-in es.toml parses (a test checks it)")),
            _ => None,
        }
    }

    /// A catalogue of no words, to fill.
    pub fn empty(language: &str) -> Catalogue {
        Catalogue { language: language.to_string(), entries: HashMap::new() }
    }

    /// Puts a word in (a pack's own words go over the built-in ones).
    pub fn insert(&mut self, key: String, entry: Entry) {
        self.entries.insert(key, entry);
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Every key, sorted: for `check` and the tests.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self.entries.keys().map(String::as_str).collect();
        keys.sort_unstable();
        keys
    }

    /// Keys of English that this catalogue lacks (they show in English).
    pub fn missing(&self) -> Vec<&'static str> {
        Catalogue::english().keys().into_iter().filter(|k| !self.entries.contains_key(*k)).collect()
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut HashMap<String, Entry>) -> Result<(), WordsError> {
    for (name, value) in table {
        let key = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        let shape = || WordsError::Shape { key: key.clone() };
        let entry = match value {
            toml::Value::String(s) => Entry::Text(s.clone()),
            toml::Value::Array(items) => Entry::List(
                items.iter().map(|v| v.as_str().map(str::to_string).ok_or_else(shape)).collect::<Result<_, _>>()?,
            ),
            toml::Value::Table(t) if is_plural(t) => Entry::Plural {
                one: t["one"].as_str().ok_or_else(shape)?.to_string(),
                other: t["other"].as_str().ok_or_else(shape)?.to_string(),
            },
            toml::Value::Table(t) => {
                flatten(&key, t, out)?;
                continue;
            }
            _ => return Err(shape()),
        };
        out.insert(key, entry);
    }
    Ok(())
}

fn is_plural(table: &toml::Table) -> bool {
    table.len() == 2 && table.contains_key("one") && table.contains_key("other")
}

/// The catalogue in use; `None`: English.
static CURRENT: RwLock<Option<&'static Catalogue>> = RwLock::new(None);

/// Makes `catalogue` the one every word comes from (English fills its gaps). It is kept
/// for the rest of the run: a run switches language a few times at most.
pub fn use_catalogue(catalogue: Catalogue) {
    let leaked: &'static Catalogue = Box::leak(Box::new(catalogue));
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = Some(leaked);
}

/// Makes the built-in words of `code` (see [`choose`]) the ones in use; English for a
/// language the program has no words for.
pub fn use_language(code: &str) {
    match code {
        "en" => use_english(),
        _ => match Catalogue::builtin(code) {
            Some(catalogue) => use_catalogue(catalogue),
            None => use_english(),
        },
    }
}

/// Back to the built-in English words.
pub fn use_english() {
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = None;
}

/// The language of the words in use.
pub fn language() -> &'static str {
    current().language.as_str()
}

fn current() -> &'static Catalogue {
    CURRENT.read().unwrap_or_else(|e| e.into_inner()).unwrap_or_else(Catalogue::english)
}

fn lookup(key: &str) -> Option<&'static Entry> {
    current().get(key).or_else(|| Catalogue::english().get(key))
}

/// The text of a key made at run time (a key's words: `keys.home.open.label`); `None` if
/// no catalogue has it. Prefer [`t`] with a literal key, which the key test can see.
pub fn find(key: &str) -> Option<&'static str> {
    match lookup(key)? {
        Entry::Text(s) => Some(s),
        _ => None,
    }
}

/// A fixed text. An unknown key shows as itself (a test keeps that from shipping).
pub fn t(key: &'static str) -> &'static str {
    match lookup(key) {
        Some(Entry::Text(s)) => s,
        Some(Entry::Plural { other, .. }) => other,
        Some(Entry::List(items)) => items.first().map(String::as_str).unwrap_or(""),
        None => key,
    }
}

/// A list of texts (paragraphs, lines of a list).
pub fn list(key: &'static str) -> &'static [String] {
    match lookup(key) {
        Some(Entry::List(items)) => items,
        Some(Entry::Text(s) | Entry::Plural { other: s, .. }) => std::slice::from_ref(s),
        None => &[],
    }
}

/// The form of a counted text for `n`. English and Spanish both say "one" for 1 only.
pub fn plural(key: &'static str, n: u64) -> &'static str {
    match lookup(key) {
        Some(Entry::Plural { one, other }) => {
            if n == 1 {
                one
            } else {
                other
            }
        }
        _ => t(key),
    }
}

/// Whether a typed answer is the catalogue's `word` ("yes", "sí"): case and the accents of
/// vowels do not matter, since many keyboards make them hard to type ("si" is "sí").
pub fn typed_is(typed: &str, word: &str) -> bool {
    let fold = |s: &str| -> String {
        s.trim()
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'á' | 'à' | 'â' | 'ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                c => c,
            })
            .collect()
    };
    fold(typed) == fold(word)
}

/// Puts arguments into `{name}` places; `{{` and `}}` are literal braces. A place with
/// no argument stays as written, so a mistake shows instead of vanishing.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if rest[i..].starts_with("{{") || rest[i..].starts_with("}}") {
            out.push_str(&rest[i..i + 1]);
            rest = &after[1..];
            continue;
        }
        if rest.as_bytes()[i] == b'{'
            && let Some(end) = after.find('}')
            && let Some((_, value)) = args.iter().find(|(name, _)| *name == &after[..end])
        {
            let _ = write!(out, "{value}");
            rest = &after[end + 1..];
            continue;
        }
        out.push_str(&rest[i..i + 1]);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The `{name}` places of a template, in order: `check` compares them across languages.
pub fn places(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        match after.find('}') {
            Some(end) => {
                names.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    names
}

/// `tf!("key", name = value, …)`: the text of `key` with its `{name}` places filled.
#[macro_export]
macro_rules! tf {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::words::fill($crate::words::t($key), &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

/// `tn!("key", n, name = value, …)`: the `one` or `other` form for the count `n`, with
/// `{n}` and any other places filled.
#[macro_export]
macro_rules! tn {
    ($key:literal, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let n = $n;
        $crate::words::fill(
            $crate::words::plural($key, n as u64),
            &[("n", &n as &dyn ::std::fmt::Display) $(, (stringify!($name), &$value as &dyn ::std::fmt::Display))*],
        )
    }};
}

#[cfg(test)]
mod tests;

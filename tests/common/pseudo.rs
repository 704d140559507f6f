//! A pseudo-locale made from `en.toml`, and the checks of a screen drawn in it (used by
//! tests/pseudo_locale.rs through tests/common/screens.rs).
//!
//! A pseudo text is `⟦` + the English text with its letters accented + `·` filler + `⟧`,
//! at least 40% wider than the English (markers and filler count). Kept as written:
//! - `{places}` (the program fills them), the keys and the `{ one, other }` and list shapes;
//! - the `label` of every key (`keys.*.*.label`: "Enter", "↑/k", "y"): it names a key on
//!   the keyboard, in every language, and a clinic's catalogue keeps it too;
//! - inside a text, single letters and key names (`Enter`, `Esc`, `Tab`, …): "press h",
//!   "y yes · n no" name the keys to press, and an accented "ý" could not be typed.
//!
//! The content (lessons, quizzes, glossary, sites) is the English pack: it is not in the
//! catalogue, so English words on screen are expected where content is shown.

use patient_tutor::tui::app::App;
use patient_tutor::words::{self, Catalogue, ENGLISH_TOML};
use std::sync::OnceLock;
use unicode_width::UnicodeWidthStr;

pub const OPEN: char = '⟦';
pub const CLOSE: char = '⟧';
/// The app's mark of a deliberate cut (`view::cut`, footers, titles).
pub const ELLIPSIS: char = '…';

/// Words kept unaccented inside a text: they name keys.
const KEY_NAMES: [&str; 14] = [
    "Enter",
    "Esc",
    "Tab",
    "Space",
    "Ctrl-C",
    "Ctrl-S",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Shift-Tab",
    "Backspace",
    "Ctrl",
    "Shift",
];

fn accent(c: char) -> char {
    match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ö',
        'u' => 'ü',
        'c' => 'ç',
        'n' => 'ñ',
        'A' => 'Á',
        'E' => 'É',
        'I' => 'Í',
        'O' => 'Ö',
        'U' => 'Ü',
        c => c,
    }
}

fn is_key_name(token: &str) -> bool {
    let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    bare.chars().filter(|c| c.is_alphabetic()).count() < 2 || KEY_NAMES.contains(&bare)
}

/// Accents one stretch of text between places, word by word.
fn accent_words(text: &str) -> String {
    let mut out = String::new();
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if is_key_name(token) {
            out.push_str(token);
        } else {
            out.extend(token.chars().map(accent));
        }
    }
    out
}

/// The pseudo form of one English text.
pub fn pseudo(english: &str) -> String {
    if english.trim().is_empty() {
        return english.to_string();
    }
    let mut body = String::new();
    let mut rest = english;
    // `{name}` places and `{{`/`}}` stay as written.
    while let Some(i) = rest.find('{') {
        body.push_str(&accent_words(&rest[..i]));
        let end =
            if rest[i..].starts_with("{{") { i + 2 } else { rest[i..].find('}').map_or(rest.len(), |e| i + e + 1) };
        body.push_str(&rest[i..end]);
        rest = &rest[end..];
    }
    body.push_str(&accent_words(rest));
    let width = english.width();
    let target = (width * 14).div_ceil(10);
    let filler = target.saturating_sub(width + 2);
    format!("{OPEN}{body}{}{CLOSE}", "·".repeat(filler))
}

fn transform(key: &str, value: &toml::Value) -> toml::Value {
    match value {
        toml::Value::String(s) if key.starts_with("keys.") && key.ends_with(".label") => toml::Value::String(s.clone()),
        toml::Value::String(s) => toml::Value::String(pseudo(s)),
        toml::Value::Array(items) => toml::Value::Array(items.iter().map(|v| transform(key, v)).collect()),
        toml::Value::Table(t) => toml::Value::Table(
            t.iter().map(|(name, v)| (name.clone(), transform(&format!("{key}.{name}"), v))).collect(),
        ),
        other => other.clone(),
    }
}

/// The pseudo catalogue's TOML text.
pub fn pseudo_toml() -> String {
    let english: toml::Table = toml::from_str(ENGLISH_TOML).unwrap();
    let table: toml::Table = english.iter().map(|(name, v)| (name.clone(), transform(name, v))).collect();
    toml::to_string(&table).unwrap()
}

/// Makes the pseudo catalogue the one in use (every test of the binary uses it).
pub fn use_pseudo() {
    static TEXT: OnceLock<String> = OnceLock::new();
    let text = TEXT.get_or_init(pseudo_toml);
    if words::language() != "qps" {
        words::use_catalogue(Catalogue::parse("qps", text).expect("the pseudo catalogue parses"));
    }
}

/// Every English text of 4+ words between places (key labels left out): one of these on a
/// pseudo screen is a word the program did not take from the catalogue. Four words, not
/// two: shorter phrases ("get help now") are also in the English pack's lessons.
pub fn english_phrases() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let english = Catalogue::english();
        let mut texts = Vec::new();
        for key in english.keys() {
            if key.starts_with("keys.") && key.ends_with(".label") {
                continue;
            }
            match english.get(key).unwrap() {
                words::Entry::Text(s) => texts.push(s.clone()),
                words::Entry::Plural { one, other } => texts.extend([one.clone(), other.clone()]),
                words::Entry::List(items) => texts.extend(items.iter().cloned()),
            }
        }
        let mut phrases: Vec<String> = texts
            .iter()
            .flat_map(|t| t.split(['{', '}']).step_by(2).map(str::to_string).collect::<Vec<_>>())
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| p.split(' ').filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count() >= 4)
            .collect();
        phrases.sort();
        phrases.dedup();
        phrases
    })
}

/// The two checks on one drawn screen; a failure shows the screen.
///
/// 1. No untranslated word: no English phrase of [`english_phrases`] is on screen (rows
///    read in order, joined by a space, so a phrase wrapped over two rows is found).
/// 2. No truncation: read in order (rows top to bottom, each left to right), every `⟦`
///    is closed by a later `⟧` (texts nest: a filled place may hold one) or ended by `…`
///    (the app cut it on purpose). A `⟧` with no `⟦` before it is the end of a text scrolled up: allowed. A
///    open `⟦` before the view's own "↓ more below" text is a paragraph that runs on below
///    a scrolled view: allowed, the view says so. The one last text left open at the end
///    runs off the bottom of a scrolled view: allowed.
pub fn check(name: &str, app: &App) -> Result<(), String> {
    let rows = super::screen(app);
    let size = format!("{name} at {}×{}", app.area.width, app.area.height);
    let shown = || rows.join("\n");
    let joined = rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in english_phrases() {
        if joined.contains(phrase.as_str()) {
            return Err(format!("{size}: English {phrase:?} on a pseudo screen:\n{}", shown()));
        }
    }
    let text: String = rows.join("\n");
    let scrolled: Vec<String> =
        ["tui.more_below", "tui.more_below_space"].iter().map(|k| words::find(k).unwrap().to_string()).collect();
    let marks = text.char_indices().filter(|(_, c)| [OPEN, CLOSE, ELLIPSIS].contains(c));
    // Opened texts not yet closed; a text may hold another (a filled place), so a stack.
    let mut open: Vec<usize> = Vec::new();
    for (at, mark) in marks {
        match mark {
            OPEN if scrolled.iter().any(|s| text[at..].starts_with(s.as_str())) => {
                // A paragraph runs on below a scrolled view, and the view says so.
                open.clear();
                open.push(at);
            }
            OPEN => open.push(at),
            // With nothing open: the end of a text scrolled up off the top.
            // `⟧` and `…` each end the innermost open text; with nothing open, a `⟧` is
            // the end of a text scrolled up off the top.
            _ => drop(open.pop()),
        }
    }
    // The last text may run off the bottom of a scrolled view; any other is cut.
    let last = text.rfind(OPEN);
    if open.iter().any(|&at| Some(at) != last) {
        return Err(format!("{size}: a text cut with no \"…\":\n{}", shown()));
    }
    Ok(())
}

/// Screens that fail today, each a bug found by this test and not yet fixed (name_WxH and
/// why). The test fails when one of them passes, so the list only shrinks.
pub const KNOWN: &[(&str, &str)] = &[];

/// [`check`], held to [`KNOWN`].
pub fn expect(name: &str, app: &App) {
    let id = format!("{name}_{}x{}", app.area.width, app.area.height);
    match (check(name, app), KNOWN.iter().any(|(k, _)| *k == id)) {
        (Ok(()), true) => panic!("{id} passes now: take it off KNOWN"),
        (Err(e), false) => panic!("{e}"),
        _ => {}
    }
}

//! The words and patterns the plain-language rules ([`super::plain_language`]) look for, one table
//! per language. A pack's `language` (in `pack.toml`) picks its table; a language without one is
//! not checked by those rules (English rules on Spanish text would only mislead).
//!
//! A table also holds the words a lesson is written with to mark its parts (the key-points
//! list, "More detail" parts); those every language with a table has.
//!
//! All words are lower case; matching is by whole word, ignoring case.

/// A readability scale, fitted to one language's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Flesch–Kincaid grade, SMOG grade and Flesch reading ease ([`super::readability`]).
    EnglishGrade,
    /// Fernández-Huerta and INFLESZ ([`super::readability_es`]).
    SpanishEase,
}

#[derive(Debug)]
pub struct Language {
    pub code: &'static str,
    /// The line that starts a lesson's key-points list, without `**` and a trailing `:`
    /// (matched ignoring case).
    pub key_points: &'static str,
    /// How a `###` heading of a "More detail" part starts (matched ignoring case).
    pub detail_prefix: &'static str,
    /// Whether the plain-language rules below are written for this language; a table with
    /// only its markers leaves those rules off (its word lists are empty).
    pub plain_rules: bool,
    /// How `check` scores the lessons' readability.
    pub readability: Scale,
    /// Words in capitals that need no spelling out (common words of the language, not jargon).
    pub known_abbreviations: &'static [&'static str],
    /// Words right after an abbreviation that say what it means ("CPR means …").
    pub explaining_words: &'static [&'static str],
    /// Words right before an abbreviation that introduce it as a name ("a protein called HER2").
    pub naming_words: &'static [&'static str],
    pub colours: &'static [&'static str],
    /// Things on a screen or a page that a colour may point at ("the red button").
    pub screen_things: &'static [&'static str],
    /// Words before a colour that make it the way to find something ("shown in red").
    pub marking_words: &'static [&'static str],
    /// Words before `above`/`below` that make it a place on the page ("see above", "the list below").
    pub pointing_words: &'static [&'static str],
    /// Phrases that name a place on the screen or page: "on the left", "at the top".
    pub places: &'static [&'static str],
    /// Words after a place that make it a place on the body, not the screen ("on the left side").
    pub body_words: &'static [&'static str],
    /// Words and phrases that ask the reader to do something (call, ask, write down …).
    pub action_words: &'static [&'static str],
    /// Words that make a relative risk ("twice as likely", "3 times more common", "doubles the risk").
    pub relative_words: &'static [&'static str],
    /// Words after a relative word that make it about risk or how often.
    pub risk_words: &'static [&'static str],
    /// Words for a part of a group, before "of them" ("half of them").
    pub part_words: &'static [&'static str],
    /// The words after "of" that point back at a group already named ("of them", "of these").
    pub back_words: &'static [&'static str],
    /// Headings that say nothing about what their part tells.
    pub empty_headings: &'static [&'static str],
    /// Words that mean a lesson talks about symptoms, so it must lead to "When to get help now".
    pub symptom_words: &'static [&'static str],
}

pub static ENGLISH: Language = Language {
    code: "en",
    key_points: "key points",
    detail_prefix: "More detail:",
    plain_rules: true,
    readability: Scale::EnglishGrade,
    known_abbreviations: &["ok", "uk", "us", "usa", "tv", "am", "pm", "id", "pin"],
    explaining_words: &["means", "stands", "is short for"],
    naming_words: &["called", "named"],
    colours: &["red", "green", "blue", "yellow", "orange", "purple", "pink", "grey", "gray", "black", "white", "brown"],
    screen_things: &[
        "button", "buttons", "box", "boxes", "link", "links", "text", "word", "words", "line", "lines", "bar", "bars",
        "area", "icon", "icons", "key", "keys", "arrow", "arrows", "dot", "dots", "mark", "marks", "label", "labels",
        "part", "parts", "letters", "heading", "headings", "row", "rows", "column", "columns", "tab", "option",
    ],
    marking_words: &["shown", "marked", "highlighted", "coloured", "colored", "printed", "written", "in"],
    pointing_words: &[
        "see",
        "as",
        "shown",
        "listed",
        "described",
        "mentioned",
        "given",
        "explained",
        "named",
        "set",
        "written",
        "read",
        "list",
        "table",
        "box",
        "signs",
        "steps",
        "section",
        "part",
        "picture",
        "chart",
        "map",
        "link",
        "links",
        "lines",
        "ones",
        "questions",
        "words",
        "points",
    ],
    places: &[
        "on the left",
        "on the right",
        "to the left",
        "to the right",
        "at the left",
        "at the right",
        "at the top",
        "at the bottom",
        "in the corner",
        "top left",
        "top right",
        "bottom left",
        "bottom right",
    ],
    body_words: &[
        "side",
        "sides",
        "hand",
        "arm",
        "leg",
        "foot",
        "eye",
        "ear",
        "lung",
        "kidney",
        "breast",
        "chest",
        "belly",
        "tummy",
        "of your",
        "of the body",
        "of the belly",
        "of the chest",
        "of the tummy",
    ],
    action_words: &[
        "call",
        "phone",
        "ring",
        "dial",
        "ask",
        "tell",
        "talk to",
        "speak to",
        "contact",
        "write down",
        "make a note",
        "note down",
        "keep a note",
        "bring",
        "take this",
        "go to",
    ],
    relative_words: &["twice", "double", "doubles", "doubled", "triple", "triples", "tripled", "times", "halves"],
    risk_words: &[
        "likely", "unlikely", "common", "often", "risk", "chance", "chances", "more", "less", "higher", "lower", "as",
    ],
    part_words: &["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"],
    back_words: &["them", "these", "those", "whom", "this group", "that group", "this number"],
    empty_headings: &[
        "introduction",
        "intro",
        "overview",
        "more",
        "more information",
        "more info",
        "other",
        "others",
        "other information",
        "other things",
        "background",
        "general",
        "general information",
        "information",
        "info",
        "miscellaneous",
        "misc",
        "notes",
        "details",
        "extra",
        "extras",
    ],
    symptom_words: &[
        "symptom",
        "symptoms",
        "fever",
        "temperature",
        "shivering",
        "breathless",
        "breathlessness",
        "bleeding",
        "seizure",
        "suicide",
    ],
};

/// Spanish: the markers only, so far; the plain-language rules are not written for it yet.
pub static SPANISH: Language = Language {
    code: "es",
    key_points: "puntos clave",
    detail_prefix: "Más detalles:",
    plain_rules: false,
    readability: Scale::SpanishEase,
    known_abbreviations: &[],
    explaining_words: &[],
    naming_words: &[],
    colours: &[],
    screen_things: &[],
    marking_words: &[],
    pointing_words: &[],
    places: &[],
    body_words: &[],
    action_words: &[],
    relative_words: &[],
    risk_words: &[],
    part_words: &[],
    back_words: &[],
    empty_headings: &[],
    symptom_words: &[],
};

const TABLES: [&Language; 2] = [&ENGLISH, &SPANISH];

/// The plain-language rule table for a pack's language code, if there is one.
pub fn for_code(code: &str) -> Option<&'static Language> {
    tables(code).filter(|language| language.plain_rules)
}

/// The table of a pack's language, for its part markers: English for a language without one
/// (a pack in such a language writes the English markers).
pub fn markers(code: &str) -> &'static Language {
    tables(code).unwrap_or(&ENGLISH)
}

fn tables(code: &str) -> Option<&'static Language> {
    TABLES.into_iter().find(|language| language.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lists_are_lower_case_and_found_by_code() {
        assert_eq!(for_code("en").map(|l| l.code), Some("en"));
        assert_eq!(for_code("EN").map(|l| l.code), Some("en"));
        assert!(for_code("es").is_none());
        assert_eq!(markers("ES").detail_prefix, "Más detalles:");
        assert_eq!(markers("fr").key_points, "key points");
        let l = &ENGLISH;
        for list in [
            l.known_abbreviations,
            l.explaining_words,
            l.naming_words,
            l.colours,
            l.screen_things,
            l.marking_words,
            l.pointing_words,
            l.places,
            l.body_words,
            l.action_words,
            l.relative_words,
            l.risk_words,
            l.part_words,
            l.back_words,
            l.empty_headings,
        ] {
            for word in list {
                assert_eq!(word.to_lowercase(), *word);
                assert_eq!(word.trim(), *word);
            }
        }
    }
}

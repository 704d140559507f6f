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
    /// How the language says a share of people, for the rule that wants one beside a percentage.
    pub frequencies: &'static Frequencies,
    /// Medical words a lesson should explain through the glossary (singular; several words make
    /// a phrase). Matched by whole word, ignoring case and accents, with plural endings undone.
    pub medical_words: &'static [&'static str],
    /// How plurals (and, in Spanish, feminine forms) are undone before matching a medical word.
    pub inflection: Inflection,
}

/// Word endings undone to find a word's dictionary form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflection {
    /// "-s", "-es", "-ies" → "-y", "-es" → "-is" (metastases), "-ae" → "-a", "'s".
    English,
    /// "-s", "-es", and "-a" → "-o" (oncólogas → oncólogo).
    Spanish,
}

/// The words of natural frequencies ("1 in 3", "about half", "nearly all") in one language.
/// Matched as whole words, ignoring case and accents (write them without accents).
#[derive(Debug)]
pub struct Frequencies {
    /// Numbers written as words.
    pub number_words: &'static [&'static str],
    /// Words between two numbers that make a natural frequency: "1 in 3", "3 out of 10".
    pub links: &'static [&'static str],
    /// Words that may come between the link and the second number: "1 in a hundred".
    pub link_fillers: &'static [&'static str],
    /// Parts of a whole after an article or a number: "a third", "dos quintas partes".
    pub fractions: &'static [&'static str],
    /// The articles before a fraction: "a third", "un tercio".
    pub articles: &'static [&'static str],
    /// Words that are a share on their own: "half", "la mitad".
    pub shares: &'static [&'static str],
    /// Two-word phrases that say a share in plain words: "nearly all", "casi todas".
    pub phrases: &'static [&'static str],
    /// A word for "most", and the words before it that make it something else ("the most common").
    pub most: Option<(&'static str, &'static [&'static str])>,
    /// Suggestions: `{n}` and `{d}` are replaced by numbers ("about {n} in {d}").
    pub about: &'static str,
    pub fewer_than_one_in_100: &'static str,
    pub times_as_many: &'static str,
    pub nearly_all: &'static str,
    /// Words after a number that make it a percentage ("percent"), besides "%".
    pub percent_words: &'static [&'static str],
}

pub static ENGLISH_FREQUENCIES: Frequencies = Frequencies {
    number_words: &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "fifty", "hundred", "thousand",
    ],
    links: &["in", "out of", "of every"],
    link_fillers: &["a", "every"],
    fractions: &["third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths", "tenth", "tenths"],
    articles: &["a"],
    shares: &["half", "halves", "majority", "minority"],
    phrases: &["nearly all", "almost all", "very few", "only few", "hardly any", "less likely", "more likely"],
    most: Some(("most", &["the", "at"])),
    about: "about {n} in {d}",
    fewer_than_one_in_100: "fewer than 1 in 100",
    times_as_many: "about {n} times as many",
    nearly_all: "nearly all",
    percent_words: &["percent", "per cent"],
};

/// Spanish as NCI en español and MedlinePlus en español write shares: "alrededor de 3 de cada 10",
/// "la mitad", "un tercio", "una quinta parte", "casi todas".
pub static SPANISH_FREQUENCIES: Frequencies = Frequencies {
    number_words: &[
        "un",
        "uno",
        "una",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "veinte",
        "cincuenta",
        "cien",
        "ciento",
        "mil",
    ],
    links: &["de cada"],
    link_fillers: &[],
    fractions: &[
        "tercio", "tercios", "tercera", "terceras", "cuarto", "cuartos", "cuarta", "cuartas", "quinta", "quintas",
        "quinto", "quintos", "sexta", "sextas", "sexto", "sextos", "decima", "decimas", "decimo", "decimos",
    ],
    articles: &["un", "una"],
    shares: &["mitad", "mayoria", "minoria"],
    phrases: &[
        "casi todos",
        "casi todas",
        "casi todo",
        "casi nadie",
        "casi ninguno",
        "casi ninguna",
        "muy pocos",
        "muy pocas",
        "mas probable",
        "menos probable",
        "mas probables",
        "menos probables",
        "mucho menor",
        "mucho mayor",
    ],
    most: None,
    about: "alrededor de {n} de cada {d}",
    fewer_than_one_in_100: "menos de 1 de cada 100",
    times_as_many: "alrededor de {n} veces más",
    nearly_all: "casi todas",
    percent_words: &["por ciento"],
};

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
    frequencies: &ENGLISH_FREQUENCIES,
    medical_words: super::literacy::MEDICAL_WORDS,
    inflection: Inflection::English,
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
    frequencies: &SPANISH_FREQUENCIES,
    medical_words: SPANISH_MEDICAL_WORDS,
    inflection: Inflection::Spanish,
};

/// Common Spanish medical and oncology words, as NCI's Diccionario de cáncer and MedlinePlus en
/// español write them (singular, masculine), in the order of their letters without accents.
pub const SPANISH_MEDICAL_WORDS: &[&str] = &[
    "ablación",
    "adenocarcinoma",
    "adyuvante",
    "alopecia",
    "analgésico",
    "anemia",
    "anestesia",
    "anticoagulante",
    "antiemético",
    "ascitis",
    "asintomático",
    "biomarcador",
    "biopsia",
    "broncoscopia",
    "caquexia",
    "carcinoma",
    "catéter",
    "cirrosis",
    "colonoscopia",
    "compresión de la médula espinal",
    "convulsión",
    "corticoesteroide",
    "delirio",
    "derrame pleural",
    "diagnóstico",
    "diarrea",
    "disfagia",
    "disnea",
    "ecografía",
    "edema",
    "embolia",
    "endoscopia",
    "estoma",
    "estomatitis",
    "estreñimiento",
    "fatiga",
    "fístula",
    "fractura",
    "ganglio linfático",
    "hematólogo",
    "hematuria",
    "hemoglobina",
    "hemoptisis",
    "hemorragia",
    "hipercalcemia",
    "hipertensión",
    "hipoxia",
    "histología",
    "hospicio",
    "incontinencia",
    "infusión",
    "inmunoterapia",
    "intratecal",
    "intravenoso",
    "laparoscopia",
    "leucemia",
    "linfedema",
    "linfoma",
    "maligno",
    "mamografía",
    "mastectomía",
    "mediastino",
    "melanoma",
    "metastásico",
    "metástasis",
    "micrometástasis",
    "mieloma",
    "mucositis",
    "náusea",
    "necrosis",
    "neoadyuvante",
    "neoplasia",
    "neumotórax",
    "neuropatía",
    "neutropenia",
    "oligometastásico",
    "oncogén",
    "oncología",
    "oncólogo",
    "opioide",
    "paliativo",
    "paracentesis",
    "patología",
    "patólogo",
    "peritoneo",
    "plaqueta",
    "pleura",
    "pronóstico",
    "prostatectomía",
    "quimioterapia",
    "radiología",
    "radiólogo",
    "radioterapia",
    "recidiva",
    "refractario",
    "remisión",
    "resección",
    "sarcoma",
    "sedación",
    "sepsis",
    "sistémico",
    "subcutáneo",
    "taquicardia",
    "toracocentesis",
    "toxicidad",
    "traqueostomía",
    "trombocitopenia",
    "trombosis",
    "tumor",
    "vértebra",
    "xerostomía",
];

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

    #[test]
    fn spanish_medical_words_are_lower_case_sorted_without_accents_and_unique() {
        let folded: Vec<String> = SPANISH_MEDICAL_WORDS.iter().map(|w| super::super::literacy::fold(w)).collect();
        assert!(folded.windows(2).all(|pair| pair[0] < pair[1]), "{folded:?}");
        for word in SPANISH_MEDICAL_WORDS {
            assert_eq!(word.to_lowercase(), *word);
        }
        for frequencies in [&ENGLISH_FREQUENCIES, &SPANISH_FREQUENCIES] {
            let lists = [frequencies.number_words, frequencies.links, frequencies.fractions, frequencies.shares];
            for word in lists.into_iter().flatten().chain(frequencies.phrases) {
                assert_eq!(super::super::literacy::fold(word), *word, "written without accents");
            }
        }
    }
}

//! Health-literacy checks for lesson bodies: key points first, long sentences, bare percentages,
//! medical words the glossary does not explain, and stale review dates.
//!
//! Every [`Warning`] carries a 1-based line number in the Markdown body it was given; the caller adds the
//! body's first line in the file.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::language::{ENGLISH_FREQUENCIES, Frequencies, Inflection, Language};
use super::readability::{Include, Unit, markdown_options, sentence_ranges, units, word_ranges, words};

/// A health-literacy problem at a line of the Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl Warning {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Warning {
        Warning { line, message: message.into() }
    }
}

/// Byte offsets to 1-based line numbers.
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Lines { starts }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

// ---------------------------------------------------------------------------------------------------
// Key points

#[derive(Debug, PartialEq)]
enum Block {
    Heading(HeadingLevel),
    Paragraph,
    BulletList,
    Other,
}

fn is_key_points(text: &str, marker: &str) -> bool {
    text.trim().trim_end_matches(':').trim().to_lowercase() == marker.to_lowercase()
}

/// A lesson must start (after the `# Title` heading) with a "Key points" list: a paragraph
/// "**Key points**" (or a heading "Key points") followed by a bullet list, before the first `##`.
///
/// Warns at line 1 when there is none; at the "Key points" line when no bullet list follows it, or when
/// something else comes between the title and it.
///
/// `marker` is the language's words for "Key points" ([`super::language::Language::key_points`]).
pub fn key_points_first(markdown: &str, marker: &str) -> Option<Warning> {
    let lines = Lines::new(markdown);
    // Top-level blocks before the first `##` that is not itself the "Key points" heading.
    let mut blocks: Vec<(Block, usize, String)> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let block = match tag {
                        Tag::Heading { level, .. } => Block::Heading(level),
                        Tag::Paragraph => Block::Paragraph,
                        Tag::List(None) => Block::BulletList,
                        Tag::MetadataBlock(_) => {
                            depth += 1;
                            continue;
                        }
                        _ => Block::Other,
                    };
                    blocks.push((block, range.start, String::new()));
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let TagEnd::Heading(HeadingLevel::H2) = end
                    && let Some((_, _, text)) = blocks.last()
                    && !is_key_points(text, marker)
                {
                    blocks.pop();
                    break;
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((Block::Paragraph | Block::Heading(_), _, collected)) = blocks.last_mut()
                    && depth > 0
                {
                    collected.push_str(&text);
                }
            }
            Event::Rule if depth == 0 => blocks.push((Block::Other, range.start, String::new())),
            _ => {}
        }
    }
    let body = match blocks.first() {
        Some((Block::Heading(HeadingLevel::H1), _, _)) => &blocks[1..],
        _ => &blocks[..],
    };
    let marker = body.iter().position(|(block, _, text)| {
        matches!(block, Block::Paragraph | Block::Heading(_)) && is_key_points(text, marker)
    });
    let Some(index) = marker else {
        return Some(Warning::new(
            1,
            "lesson does not start with \"Key points\" (a \"**Key points**\" line and a bullet list before the first ## section)",
        ));
    };
    let line = lines.line(body[index].1);
    if !matches!(body.get(index + 1), Some((Block::BulletList, _, _))) {
        return Some(Warning::new(line, "\"Key points\" is not followed by a bullet list"));
    }
    if index != 0 {
        return Some(Warning::new(line, "\"Key points\" should come first, right after the title"));
    }
    None
}

// ---------------------------------------------------------------------------------------------------
// Long sentences

/// The usual limit for [`long_sentences`].
pub const MAX_SENTENCE_WORDS: usize = 25;

/// How many words of a sentence a warning quotes.
const QUOTED_WORDS: usize = 5;

/// Sentences of the prose longer than `max_words` words ([`MAX_SENTENCE_WORDS`] is the usual limit): one
/// warning per sentence at the line it starts on, quoting its first few words, e.g.
/// `sentence of 31 words (over 25): "When cancer cells break away…"`.
pub fn long_sentences(markdown: &str, max_words: usize) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    let mut out = Vec::new();
    for unit in units(markdown, Include::default()) {
        for range in sentence_ranges(&unit.text) {
            let sentence = &unit.text[range.clone()];
            let found = word_ranges(sentence);
            if found.len() <= max_words {
                continue;
            }
            let quoted_end = found.get(QUOTED_WORDS.min(found.len()) - 1).map_or(sentence.len(), |word| word.end);
            let quoted = collapse_spaces(&sentence[..quoted_end]);
            out.push(Warning::new(
                lines.line(unit.source_offset(range.start)),
                format!("sentence of {} words (over {max_words}): \"{quoted}\u{2026}\"", found.len()),
            ));
        }
    }
    out
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------------
// Percentages

/// A percentage found in a sentence: where it is, how it is written, and its value.
pub(crate) struct Percentage {
    pub(crate) start: usize,
    pub(crate) written: String,
    value: f64,
}

/// Percentages in a sentence: a number followed by "%", " %", "percent" or "per cent".
pub(crate) fn percentages(sentence: &str) -> Vec<Percentage> {
    percentages_in(sentence, &ENGLISH_FREQUENCIES)
}

/// [`percentages`] with a language's words for "percent" ("por ciento").
fn percentages_in(sentence: &str, language: &Frequencies) -> Vec<Percentage> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.' || bytes[i - 1] == b','));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (matches!(bytes[end], b'.' | b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        let number = &sentence[start..end];
        let rest = &sentence[end..];
        let after_space = rest.trim_start_matches([' ', '\u{a0}']);
        let gap = rest.len() - after_space.len();
        let unit_len = if after_space.starts_with('%') {
            Some(1)
        } else {
            language.percent_words.iter().find_map(|word| {
                let candidate = after_space.get(..word.len())?;
                let boundary = after_space[word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                (gap > 0 && candidate.eq_ignore_ascii_case(word) && boundary).then_some(word.len())
            })
        };
        if let Some(unit_len) = unit_len
            && let Ok(value) = number.replace(',', "").parse::<f64>()
        {
            let written_end = end + gap + unit_len;
            out.push(Percentage { start, written: sentence[start..written_end].to_string(), value });
            i = written_end;
        } else {
            i = end;
        }
    }
    out
}

pub(crate) fn is_number(token: &str) -> bool {
    is_number_in(token, &ENGLISH_FREQUENCIES)
}

fn is_number_in(token: &str, language: &Frequencies) -> bool {
    (!token.is_empty() && token.chars().all(|c| c.is_ascii_digit() || c == ','))
        || language.number_words.contains(&token)
}

/// A word in lower case without accents, for matching word lists written without them
/// ("décima" is "decima", "linfáticos" is "linfaticos").
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Does the sentence say a proportion in a natural-frequency or plain-word form: "1 in 3", "one in
/// three", "3 out of 10", "4 of every 10", "about half", "a third", "two thirds", "most people",
/// "nearly all", "almost all", "very few", "the majority"?
pub(crate) fn has_natural_frequency(sentence: &str) -> bool {
    has_natural_frequency_in(sentence, &ENGLISH_FREQUENCIES)
}

/// [`has_natural_frequency`] in a language's words ([`Frequencies`]): "1 de cada 4", "la mitad",
/// "un tercio", "dos quintas partes", "casi todas".
pub(crate) fn has_natural_frequency_in(sentence: &str, language: &Frequencies) -> bool {
    let tokens: Vec<String> = words(sentence).iter().map(|word| fold(word)).collect();
    let token = |i: usize| tokens.get(i).map_or("", String::as_str);
    let number = |i: usize| is_number_in(token(i), language);
    // The words from `i` on are `phrase`; Some(the index after it).
    let phrase_at = |i: usize, phrase: &str| {
        let mut at = i;
        for word in phrase.split(' ') {
            if token(at) != word {
                return None;
            }
            at += 1;
        }
        Some(at)
    };
    let count_after = |i: usize| number(i) || (language.link_fillers.contains(&token(i)) && number(i + 1));
    (0..tokens.len()).any(|i| {
        let here = token(i);
        let before = if i == 0 { "" } else { token(i - 1) };
        (number(i) && language.links.iter().any(|link| phrase_at(i + 1, link).is_some_and(count_after)))
            || language.shares.contains(&here)
            || (language.fractions.contains(&here) && (language.articles.contains(&before) || (i > 0 && number(i - 1))))
            || language.most.is_some_and(|(most, not_after)| here == most && !not_after.contains(&before))
            // "nearly all", and relative numbers in words where "N in 100" would wrongly read as a
            // share of people (relative survival): "far less likely", "mucho menor".
            || language.phrases.iter().any(|phrase| phrase_at(i, phrase).is_some())
    })
}

/// A plain natural-frequency form for a percentage: "about 1 in 3", "about 3 in 10", "about 3 in 100".
#[cfg(test)]
fn natural_frequency(percent: f64) -> String {
    natural_frequency_in(percent, &ENGLISH_FREQUENCIES)
}

/// [`natural_frequency`] in a language's words.
fn natural_frequency_in(percent: f64, language: &Frequencies) -> String {
    let about = |n: f64, d: u32| language.about.replace("{n}", &n.to_string()).replace("{d}", &d.to_string());
    let p = percent / 100.0;
    if !p.is_finite() || p < 0.005 {
        return language.fewer_than_one_in_100.to_string();
    }
    if p > 1.0 {
        let times = p.round().max(2.0);
        return language.times_as_many.replace("{n}", &times.to_string());
    }
    if p >= 0.995 {
        return language.nearly_all.to_string();
    }
    if !(0.095..=0.95).contains(&p) {
        return about((p * 100.0).round(), 100);
    }
    let mut best = (f64::INFINITY, String::new());
    for k in 2..=10u32 {
        let error = (p - 1.0 / f64::from(k)).abs();
        if error < best.0 {
            best = (error, about(1.0, k));
        }
    }
    for n in 1..=9u32 {
        let error = (p - f64::from(n) / 10.0).abs();
        if error < best.0 - 1e-9 {
            best = (error, about(f64::from(n), 10));
        }
    }
    best.1
}

/// Percentages ("34%", "33.8 %", "34 percent") in the prose and tables with no natural-frequency form
/// ("1 in 3", "one in three", "3 in 10", "about half", "a third", "most", "nearly all", …) in the same
/// sentence (or table cell) or the one after. The message suggests a form computed from the number, e.g.
/// `34% has no natural-frequency form nearby (e.g. "about 1 in 3")`.
pub fn bare_percentages(markdown: &str) -> Vec<Warning> {
    bare_percentages_in(markdown, &ENGLISH_FREQUENCIES)
}

/// [`bare_percentages`] in a language's words: Spanish text wants "alrededor de 1 de cada 3".
pub fn bare_percentages_in(markdown: &str, language: &Frequencies) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    let all_units = units(markdown, Include { tables: true, headings: false });
    let all: Vec<(&Unit, &str, usize)> = all_units
        .iter()
        .flat_map(|unit| {
            sentence_ranges(&unit.text).into_iter().map(move |range| (unit, &unit.text[range.clone()], range.start))
        })
        .collect();
    let mut out = Vec::new();
    for (index, (unit, sentence, offset)) in all.iter().enumerate() {
        let found = percentages_in(sentence, language);
        if found.is_empty() {
            continue;
        }
        let nearby = has_natural_frequency_in(sentence, language)
            || all.get(index + 1).is_some_and(|next| has_natural_frequency_in(next.1, language));
        if nearby {
            continue;
        }
        for percentage in found {
            out.push(Warning::new(
                lines.line(unit.source_offset(offset + percentage.start)),
                format!(
                    "{} has no natural-frequency form nearby (e.g. \"{}\")",
                    percentage.written,
                    natural_frequency_in(percentage.value, language)
                ),
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Medical words

/// Common medical and oncology words (lower case, singular) that a lesson should explain through the
/// glossary when it uses them.
pub const MEDICAL_WORDS: &[&str] = &[
    "abdomen",
    "abdominal",
    "ablation",
    "adenocarcinoma",
    "adjuvant",
    "adrenal",
    "alopecia",
    "analgesic",
    "anemia",
    "anesthesia",
    "aneurysm",
    "angiogenesis",
    "anorexia",
    "antibody",
    "anticoagulant",
    "antiemetic",
    "apoptosis",
    "arrhythmia",
    "ascites",
    "asymptomatic",
    "benign",
    "biomarker",
    "biopsy",
    "bisphosphonate",
    "bronchoscopy",
    "cachexia",
    "carcinogen",
    "carcinoma",
    "cardiac",
    "catheter",
    "chemotherapy",
    "cirrhosis",
    "colonoscopy",
    "colorectal",
    "comorbidity",
    "constipation",
    "corticosteroid",
    "cytology",
    "cytotoxic",
    "delirium",
    "dermatitis",
    "diagnosis",
    "dialysis",
    "diarrhea",
    "dysphagia",
    "dyspnea",
    "edema",
    "effusion",
    "electrolyte",
    "embolism",
    "embolization",
    "endocrine",
    "endoscopy",
    "epidural",
    "erythema",
    "fatigue",
    "fibrosis",
    "fistula",
    "fracture",
    "gastrointestinal",
    "genomic",
    "hematologist",
    "hematuria",
    "hemoglobin",
    "hemoptysis",
    "hemorrhage",
    "hepatic",
    "histology",
    "hospice",
    "hypercalcemia",
    "hypertension",
    "hypoxia",
    "immunotherapy",
    "incontinence",
    "infusion",
    "intrathecal",
    "intravenous",
    "jaundice",
    "laparoscopy",
    "lesion",
    "leukemia",
    "lumpectomy",
    "lymph",
    "lymphedema",
    "lymphoma",
    "malignancy",
    "malignant",
    "mammogram",
    "mastectomy",
    "mediastinum",
    "melanoma",
    "metastasis",
    "metastasize",
    "metastatic",
    "micrometastasis",
    "morbidity",
    "mortality",
    "mucositis",
    "myeloma",
    "nausea",
    "necrosis",
    "neoadjuvant",
    "neoplasm",
    "nephrectomy",
    "neuropathy",
    "neutropenia",
    "nodule",
    "oligometastatic",
    "oncogene",
    "oncologist",
    "oncology",
    "opioid",
    "osteoporosis",
    "palliative",
    "paracentesis",
    "pathologist",
    "pathology",
    "percutaneous",
    "pericardial",
    "peritoneal",
    "peritoneum",
    "platelet",
    "pleura",
    "pleural",
    "pneumonia",
    "pneumothorax",
    "polyp",
    "prognosis",
    "prognostic",
    "prostatectomy",
    "prosthesis",
    "pulmonary",
    "radiologist",
    "radiology",
    "radiotherapy",
    "recurrence",
    "refractory",
    "regimen",
    "relapse",
    "remission",
    "renal",
    "resection",
    "sarcoma",
    "sedation",
    "seizure",
    "sepsis",
    "stent",
    "steroid",
    "stoma",
    "stomatitis",
    "subcutaneous",
    "syncope",
    "systemic",
    "tachycardia",
    "thoracentesis",
    "thrombocytopenia",
    "thrombosis",
    "toxicity",
    "tracheostomy",
    "tumor",
    "ultrasound",
    "vertebra",
    "xerostomia",
];

/// A lower-case word and the base forms it may be: itself, without a possessive, and with plural endings
/// undone ("-s", "-es", "-ies" → "-y", "-es" → "-is" as in metastases → metastasis, "-ae" → "-a").
#[cfg(test)]
fn base_forms(word: &str) -> Vec<String> {
    base_forms_in(word, Inflection::English)
}

/// [`base_forms`] by a language's endings; Spanish: "-s", "-es", and "-a" → "-o" of each
/// (ganglios → ganglio, tumores → tumor, oncólogas → oncólogo).
fn base_forms_in(word: &str, inflection: Inflection) -> Vec<String> {
    if inflection == Inflection::Spanish {
        let mut out = vec![word.to_string()];
        for ending in ["s", "es"] {
            if let Some(stem) = word.strip_suffix(ending).filter(|stem| stem.chars().count() >= 3) {
                out.push(stem.to_string());
            }
        }
        let feminine: Vec<String> =
            out.iter().filter_map(|form| form.strip_suffix('a')).map(|stem| format!("{stem}o")).collect();
        out.extend(feminine);
        return out;
    }
    let word = word.replace('\u{2019}', "'");
    let word = word.strip_suffix("'s").unwrap_or(&word).trim_end_matches('\'').to_string();
    let mut out = vec![word.clone()];
    let mut add = |stem: Option<&str>, ending: &str| {
        if let Some(stem) = stem
            && stem.len() >= 3
        {
            out.push(format!("{stem}{ending}"));
        }
    };
    add(word.strip_suffix('s').filter(|_| !word.ends_with("ss")), "");
    add(word.strip_suffix("es"), "");
    add(word.strip_suffix("ies"), "y");
    add(word.strip_suffix("es"), "is");
    add(word.strip_suffix("ae"), "a");
    out
}

/// Medical words ([`MEDICAL_WORDS`]) used in the lesson's prose, tables or headings that the glossary
/// does not cover: once per word per lesson, at its first use. `glossary_words` are the glossary's terms
/// and aliases; a medical word is covered when it (or its base form) is a term or alias, or a word of one
/// ("palliative care" covers "palliative"). Matching is by whole word, ignoring case, with plural endings
/// undone. Message: `medical word "dyspnea" is not in the glossary`.
pub fn unexplained_terms(markdown: &str, glossary_words: &[String]) -> Vec<Warning> {
    unexplained_terms_in(markdown, glossary_words, &super::language::ENGLISH)
}

/// [`unexplained_terms`] with a language's medical words ([`Language::medical_words`]), matched
/// ignoring accents; a phrase ("ganglio linfático") is covered when each of its words is.
pub fn unexplained_terms_in(markdown: &str, glossary_words: &[String], language: &Language) -> Vec<Warning> {
    let inflection = language.inflection;
    // Each medical word or phrase as its folded words, with the word as written for the message.
    let medical: Vec<(Vec<String>, &str)> =
        language.medical_words.iter().map(|term| (term.split(' ').map(fold).collect(), *term)).collect();
    let mut covered: HashSet<String> = HashSet::new();
    for entry in glossary_words {
        let entry = fold(entry);
        for word in words(&entry) {
            covered.extend(base_forms_in(word, inflection));
        }
        covered.insert(entry);
    }
    let lines = Lines::new(markdown);
    let mut reported: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for unit in units(markdown, Include { tables: true, headings: true }) {
        let ranges = word_ranges(&unit.text);
        let forms: Vec<Vec<String>> =
            ranges.iter().map(|range| base_forms_in(&fold(&unit.text[range.clone()]), inflection)).collect();
        for (i, range) in ranges.iter().enumerate() {
            let found = medical.iter().find(|(parts, _)| {
                parts.iter().enumerate().all(|(k, part)| forms.get(i + k).is_some_and(|f| f.contains(part)))
            });
            let Some((parts, term)) = found else { continue };
            let known = |part: &String, k: usize| {
                covered.contains(part) || forms[i + k].iter().any(|form| covered.contains(form))
            };
            if parts.iter().enumerate().all(|(k, part)| known(part, k)) {
                continue;
            }
            if reported.insert(term) {
                out.push(Warning::new(
                    lines.line(unit.source_offset(range.start)),
                    format!("medical word \"{term}\" is not in the glossary"),
                ));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Review date

/// A `YYYY-MM-DD` date as (year, month, day), if it is a real calendar date.
fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.trim().split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let (year, month, day) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some((year, month, day))
}

/// A lesson whose `reviewed` date is more than two years before `today` (both `YYYY-MM-DD`):
/// `reviewed 2023-05-01 is more than two years ago; check the facts and update the date`.
/// A `reviewed` that is not such a date is reported too; an unreadable `today` gives `None`.
pub fn stale_review(reviewed: &str, today: &str) -> Option<String> {
    stale_review_after(reviewed, today, 2)
}

/// Like [`stale_review`], for a pack whose manifest sets another review period (`review_every`).
pub fn stale_review_after(reviewed: &str, today: &str, years: u32) -> Option<String> {
    let today = parse_date(today)?;
    let Some((year, month, day)) = parse_date(reviewed) else {
        return Some(format!("reviewed date \"{}\" is not a date like 2025-01-31", reviewed.trim()));
    };
    let period = match years {
        1 => "one year".to_string(),
        2 => "two years".to_string(),
        n => format!("{n} years"),
    };
    ((year + years, month, day) < today)
        .then(|| format!("reviewed {} is more than {period} ago; check the facts and update the date", reviewed.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KP: &str = super::super::language::ENGLISH.key_points;
    use crate::content::readability::measure;
    use std::path::PathBuf;

    fn w(line: usize, message: &str) -> Warning {
        Warning::new(line, message)
    }

    // ----- key points

    const GOOD_START: &str = "# What stage 4 cancer is\n\n**Key points**\n\n- Stage 4 cancer has spread.\n- It keeps its name.\n\n## The words doctors use\n\nText.\n";

    #[test]
    fn key_points_after_the_title_pass() {
        assert_eq!(key_points_first(GOOD_START, KP), None);
        // Without a title, as a heading, with a colon, tight (no blank line before the list).
        assert_eq!(key_points_first("**Key points**\n\n- One\n\n## Next\n", KP), None);
        assert_eq!(key_points_first("# T\n\n## Key points\n\n- One\n- Two\n\n## Next\n", KP), None);
        assert_eq!(key_points_first("# T\n\n**Key points:**\n- One\n", KP), None);
        assert_eq!(key_points_first("# T\n\nKEY POINTS\n\n* One\n", KP), None);
    }

    #[test]
    fn missing_key_points_warn_at_line_one() {
        let missing = Some(w(
            1,
            "lesson does not start with \"Key points\" (a \"**Key points**\" line and a bullet list before the first ## section)",
        ));
        assert_eq!(key_points_first("", KP), missing);
        assert_eq!(key_points_first("# Title\n\nSome text.\n\n- a list\n", KP), missing);
        // After the first `##` is too late.
        assert_eq!(key_points_first("# Title\n\n## Section\n\n**Key points**\n\n- One\n", KP), missing);
    }

    #[test]
    fn key_points_without_a_bullet_list_or_not_first_warn_at_their_line() {
        assert_eq!(
            key_points_first("# Title\n\n**Key points**\n\nJust a paragraph.\n", KP),
            Some(w(3, "\"Key points\" is not followed by a bullet list"))
        );
        assert_eq!(
            key_points_first("# Title\n\n**Key points**\n\n1. numbered\n2. list\n", KP),
            Some(w(3, "\"Key points\" is not followed by a bullet list"))
        );
        assert_eq!(
            key_points_first("# Title\n\nAn opening paragraph.\n\n**Key points**\n\n- One\n\n## Next\n", KP),
            Some(w(5, "\"Key points\" should come first, right after the title"))
        );
    }

    // ----- long sentences

    #[test]
    fn long_sentences_are_reported_at_their_first_line() {
        let markdown = "# Title\n\nShort one.\nWhen cancer cells break away from the first tumor they can travel through the blood\nor the lymph system to far parts of the body and start to grow there again. Short.\n\n- A list item that runs on and on with one word after another until it has twenty six words in it now for sure and yes\n- Short item\n\n## Heading that is not prose and has very many words in it so it would be long if it counted at all here\n\n```\ncode code code code code code code code code code code code code code code code code code code code code code code code code code\n```\n";
        assert_eq!(
            long_sentences(markdown, MAX_SENTENCE_WORDS),
            [
                w(4, "sentence of 31 words (over 25): \"When cancer cells break away\u{2026}\""),
                w(7, "sentence of 26 words (over 25): \"A list item that runs\u{2026}\""),
            ]
        );
        assert!(long_sentences(markdown, 31).is_empty());
        assert_eq!(long_sentences(markdown, 30).len(), 1);
        assert!(long_sentences("", 25).is_empty());
    }

    #[test]
    fn short_sentences_and_short_limits() {
        assert!(long_sentences(GOOD_START, MAX_SENTENCE_WORDS).is_empty());
        assert_eq!(
            long_sentences("One two three. Four\nfive.", 2),
            [w(1, "sentence of 3 words (over 2): \"One two three\u{2026}\"")]
        );
        assert_eq!(
            long_sentences("x\n\n> **Bold** quote, *with* more words.\n", 3),
            [w(3, "sentence of 5 words (over 3): \"Bold quote, with more words\u{2026}\"")]
        );
    }

    // ----- percentages

    #[test]
    fn bare_percentages_are_reported_with_a_suggestion() {
        let markdown = "# Outlook\n\nAbout 34% of people live five years. That is a lot.\n\nThe number is 33.8 % (about 1 in 3).\n\nIt was 20 percent. That is one in five.\n\nIt was 48.3 per cent. The most common place is the liver.\n\n| Cancer | Alive | Plain |\n|---|---|---|\n| Thyroid | 48.3% (about 1 in 2) | |\n| Lymphoma | 63.6% | nearly 2 in 3 |\n| Ovary | 31.5% | |\n| Kidney | 20.3% | |\n\nBoth 10.5% and 3.4% are low, and 97% is high.\n";
        assert_eq!(
            bare_percentages(markdown),
            [
                w(3, "34% has no natural-frequency form nearby (e.g. \"about 1 in 3\")"),
                w(9, "48.3 per cent has no natural-frequency form nearby (e.g. \"about 1 in 2\")"),
                w(15, "31.5% has no natural-frequency form nearby (e.g. \"about 3 in 10\")"),
                w(16, "20.3% has no natural-frequency form nearby (e.g. \"about 1 in 5\")"),
                w(18, "10.5% has no natural-frequency form nearby (e.g. \"about 1 in 10\")"),
                w(18, "3.4% has no natural-frequency form nearby (e.g. \"about 3 in 100\")"),
                w(18, "97% has no natural-frequency form nearby (e.g. \"about 97 in 100\")"),
            ]
        );
    }

    #[test]
    fn natural_frequency_forms_are_recognised() {
        for sentence in [
            "1 in 3 people",
            "one in three people",
            "3 out of 10",
            "4 of every 10 people",
            "about half of them",
            "a third of them",
            "two thirds of them",
            "most people",
            "nearly all of them",
            "only few people",
            "1 in a hundred",
            "about a sixth as likely",
            "far less likely",
        ] {
            assert!(has_natural_frequency(sentence), "{sentence}");
        }
        for sentence in ["the most common place", "in 2010 it was 34%", "stage 4", "a few", "likely to help"] {
            assert!(!has_natural_frequency(sentence), "{sentence}");
        }
    }

    #[test]
    fn suggestions_round_to_simple_fractions() {
        let cases = [
            (50.0, "about 1 in 2"),
            (34.0, "about 1 in 3"),
            (33.8, "about 1 in 3"),
            (31.5, "about 3 in 10"),
            (25.0, "about 1 in 4"),
            (20.0, "about 1 in 5"),
            (16.9, "about 1 in 6"),
            (10.5, "about 1 in 10"),
            (63.6, "about 6 in 10"),
            (40.1, "about 4 in 10"),
            (90.0, "about 9 in 10"),
            (3.4, "about 3 in 100"),
            (0.1, "fewer than 1 in 100"),
            (97.0, "about 97 in 100"),
            (100.0, "nearly all"),
            (150.0, "about 2 times as many"),
        ];
        for (percent, expected) in cases {
            assert_eq!(natural_frequency(percent), expected, "{percent}");
        }
    }

    #[test]
    fn percentage_forms() {
        let found: Vec<String> = percentages("34% 33.8 % 34 percent 5 Per Cent 1,000% x5% 7 percentage")
            .into_iter()
            .map(|p| p.written)
            .collect();
        assert_eq!(found, ["34%", "33.8 %", "34 percent", "5 Per Cent", "1,000%"]);
    }

    // ----- medical words

    #[test]
    fn medical_words_list_is_clean() {
        assert!(MEDICAL_WORDS.len() >= 150, "{}", MEDICAL_WORDS.len());
        assert!(MEDICAL_WORDS.windows(2).all(|pair| pair[0] < pair[1]), "sorted and unique");
        for word in MEDICAL_WORDS {
            assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{word}");
            assert_eq!(base_forms(word)[0], *word);
        }
        for word in [
            "dyspnea",
            "metastasis",
            "oncologist",
            "palliative",
            "biopsy",
            "lymphedema",
            "neutropenia",
            "carcinoma",
            "adjuvant",
            "prognosis",
        ] {
            assert!(MEDICAL_WORDS.contains(&word), "{word}");
        }
    }

    #[test]
    fn unexplained_medical_words_are_reported_once_at_first_use() {
        let markdown = "# Breathing\n\nDyspnea means shortness of breath. A biopsy may help.\n\n## Metastases\n\nDoctors saw metastases and more DYSPNEA. The `neutropenia` code is not prose.\nPalliative care helps. Lymphatic vessels. The oncologist's view.\n\n| Test | Why |\n|---|---|\n| Thoracentesis | fluid |\n";
        let glossary = vec!["biopsy".to_string(), "palliative care".to_string(), "Oncologist".to_string()];
        assert_eq!(
            unexplained_terms(markdown, &glossary),
            [
                w(3, "medical word \"dyspnea\" is not in the glossary"),
                w(5, "medical word \"metastasis\" is not in the glossary"),
                w(12, "medical word \"thoracentesis\" is not in the glossary"),
            ]
        );
        let glossary = vec!["dyspnea".to_string(), "metastases".to_string(), "thoracentesis".to_string()];
        assert_eq!(
            unexplained_terms(markdown, &glossary),
            [
                w(3, "medical word \"biopsy\" is not in the glossary"),
                w(8, "medical word \"palliative\" is not in the glossary"),
                w(8, "medical word \"oncologist\" is not in the glossary"),
            ]
        );
    }

    #[test]
    fn plural_forms_are_undone() {
        assert!(base_forms("metastases").contains(&"metastasis".to_string()));
        assert!(base_forms("biopsies").contains(&"biopsy".to_string()));
        assert!(base_forms("lymphomas").contains(&"lymphoma".to_string()));
        assert!(base_forms("vertebrae").contains(&"vertebra".to_string()));
        assert!(base_forms("oncologist's").contains(&"oncologist".to_string()));
        assert!(!base_forms("stress").contains(&"stres".to_string()));
    }

    // ----- review dates

    #[test]
    fn stale_reviews() {
        assert_eq!(
            stale_review("2023-05-01", "2025-05-02"),
            Some("reviewed 2023-05-01 is more than two years ago; check the facts and update the date".to_string())
        );
        assert_eq!(stale_review("2023-05-01", "2025-05-01"), None, "exactly two years is not stale");
        assert_eq!(stale_review("2024-11-25", "2025-06-01"), None);
        assert_eq!(stale_review("2026-11-25", "2025-06-01"), None, "future dates are not stale");
        assert!(stale_review("2024-02-29", "2026-03-01").is_some());
        assert_eq!(stale_review("2024-02-29", "2026-02-28"), None);
        assert_eq!(
            stale_review("2023-13-01", "2025-05-02"),
            Some("reviewed date \"2023-13-01\" is not a date like 2025-01-31".to_string())
        );
        assert!(stale_review("2023-02-30", "2025-05-02").is_some());
        assert!(stale_review("May 2023", "2025-05-02").is_some());
        assert_eq!(stale_review("2023-05-01", "not a date"), None);
        // A pack's own review period (`review_every` in pack.toml).
        assert_eq!(
            stale_review_after("2025-05-01", "2026-05-02", 1).as_deref().map(|m| m.contains("one year")),
            Some(true)
        );
        assert_eq!(stale_review_after("2023-05-01", "2025-05-02", 3), None);
    }

    // ----- the real lessons

    fn lessons_dir() -> PathBuf {
        if let Ok(dir) = std::env::var("LESSONS_DIR") {
            return PathBuf::from(dir);
        }
        let own = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/lessons");
        if own.is_dir() { own } else { PathBuf::from("/work/main/content/lessons") }
    }

    /// (file name, body without the `+++` front matter, front matter).
    fn real_lessons() -> Vec<(String, String, String)> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(lessons_dir())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 9, "expected the nine lessons in {}", lessons_dir().display());
        paths
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path).unwrap();
                let rest = text.strip_prefix("+++\n").unwrap();
                let (front, body) = rest.split_once("\n+++\n").unwrap();
                (path.file_name().unwrap().to_string_lossy().into_owned(), body.to_string(), front.to_string())
            })
            .collect()
    }

    #[test]
    fn real_lessons_have_key_points_first() {
        for (name, body, _) in real_lessons() {
            assert_eq!(key_points_first(&body, KP), None, "{name}");
        }
    }

    #[test]
    fn real_lessons_report() {
        let glossary_text = std::fs::read_to_string(lessons_dir().join("../glossary.toml")).unwrap_or_default();
        let glossary: Vec<String> = glossary_text
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with("term") || line.starts_with("aliases"))
            .flat_map(|line| line.split('"').skip(1).step_by(2).map(str::to_lowercase).collect::<Vec<_>>())
            .collect();
        println!("{:<36} {:>6} {:>9} {:>6} {:>6}", "lesson", "words", "sentences", "grade", "ease");
        let mut grades = Vec::new();
        for (name, body, front) in real_lessons() {
            let r = measure(&body);
            println!("{name:<36} {:>6} {:>9} {:>6.1} {:>6.1}", r.words, r.sentences, r.grade, r.ease);
            let mut warnings: Vec<Warning> = key_points_first(&body, KP).into_iter().collect();
            warnings.extend(long_sentences(&body, MAX_SENTENCE_WORDS));
            warnings.extend(bare_percentages(&body));
            warnings.extend(unexplained_terms(&body, &glossary));
            for warning in warnings {
                println!("    body line {}: {}", warning.line, warning.message);
            }
            let reviewed = front.lines().find_map(|line| line.strip_prefix("reviewed = ")).unwrap_or("");
            if let Some(message) = stale_review(reviewed, "2026-01-01") {
                println!("    {message}");
            }
            assert!(r.grade <= 8.0, "{name}: grade {:.1}", r.grade);
            grades.push(r.grade);
        }
        let mean = grades.iter().sum::<f64>() / grades.len() as f64;
        println!("mean grade {mean:.2}");
        assert!(mean <= 7.0, "mean grade {mean:.2}");
    }
}

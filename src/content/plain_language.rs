//! Plain-language checks a machine can make, from PEMAT (AHRQ), the CDC Clear Communication
//! Index and WCAG: abbreviations used before they are explained, instructions that need colour or
//! a place on the screen, a lesson with nothing for the reader to do, numbers that need a sum,
//! long paragraphs and headings that say nothing. The words each rule looks for belong to the
//! pack's language ([`Language`]).
//!
//! Like [`super::literacy`], every [`Warning`] has a 1-based line of the Markdown body.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::language::Language;
use super::literacy::{Lines, Warning, has_natural_frequency, is_number, percentages};
use super::readability::{Include, markdown_options, sentence_ranges, units, word_ranges};

/// Paragraphs longer than this many sentences are hard to take in (PEMAT: short sections).
pub const MAX_PARAGRAPH_SENTENCES: usize = 5;

/// Each item of a lesson's score card, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    KeyPoints,
    EverydayWords,
    ShortSentences,
    MedicalWords,
    Abbreviations,
    ClearNumbers,
    NoCalculations,
    ShortParagraphs,
    InformativeHeadings,
    Action,
    NoColourOrPosition,
    ReviewDate,
    SymptomsLeadToGetHelp,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::KeyPoints,
        Rule::EverydayWords,
        Rule::ShortSentences,
        Rule::MedicalWords,
        Rule::Abbreviations,
        Rule::ClearNumbers,
        Rule::NoCalculations,
        Rule::ShortParagraphs,
        Rule::InformativeHeadings,
        Rule::Action,
        Rule::NoColourOrPosition,
        Rule::ReviewDate,
        Rule::SymptomsLeadToGetHelp,
    ];

    /// Does the item count towards the PEMAT-style understandability score? (The action is
    /// PEMAT's actionability; colour and place, and review dates, are not PEMAT items.)
    pub fn understandability(self) -> bool {
        !matches!(self, Rule::Action | Rule::NoColourOrPosition | Rule::ReviewDate | Rule::SymptomsLeadToGetHelp)
    }

    /// The item's name, as `check --format json` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::KeyPoints => "key-points",
            Rule::EverydayWords => "everyday-words",
            Rule::ShortSentences => "short-sentences",
            Rule::MedicalWords => "medical-words",
            Rule::Abbreviations => "abbreviations",
            Rule::ClearNumbers => "clear-numbers",
            Rule::NoCalculations => "no-calculations",
            Rule::ShortParagraphs => "short-paragraphs",
            Rule::InformativeHeadings => "informative-headings",
            Rule::Action => "action",
            Rule::NoColourOrPosition => "no-colour-or-position",
            Rule::ReviewDate => "review-date",
            Rule::SymptomsLeadToGetHelp => "symptoms-lead-to-get-help",
        }
    }

    /// Where the rule comes from, as the README names it.
    pub fn source(self) -> &'static str {
        match self {
            Rule::KeyPoints => "PEMAT: the material provides a summary; CDC CCI: main message at the top",
            Rule::EverydayWords => "PEMAT: the material uses common, everyday language",
            Rule::ShortSentences => "CDC CCI: the main message uses plain language",
            Rule::MedicalWords => "PEMAT: medical terms are defined",
            Rule::Abbreviations => "PEMAT: medical terms are defined; CDC CCI: words the audience uses",
            Rule::ClearNumbers => "PEMAT: numbers are clear and easy to understand",
            Rule::NoCalculations => "PEMAT: does not expect the user to perform calculations; CDC CCI: risk",
            Rule::ShortParagraphs => "PEMAT: breaks or chunks information into short sections",
            Rule::InformativeHeadings => "PEMAT: the sections have informative headers",
            Rule::Action => "PEMAT: clearly identifies at least one action; CDC CCI: a call to action",
            Rule::NoColourOrPosition => "WCAG 2.2 1.3.3 sensory characteristics, 1.4.1 use of color",
            Rule::ReviewDate => "house rule: facts in health information go out of date",
            Rule::SymptomsLeadToGetHelp => "house rule: every place that mentions symptoms leads to when-to-get-help",
        }
    }
}

/// A lower-case word of a unit of text and where it is.
struct Token {
    word: String,
    range: Range<usize>,
}

fn tokens(text: &str) -> Vec<Token> {
    word_ranges(text).into_iter().map(|range| Token { word: text[range.clone()].to_lowercase(), range }).collect()
}

/// Do the tokens from `at` on spell `phrase` (words split by spaces)?
fn phrase_at(tokens: &[Token], at: usize, phrase: &str) -> bool {
    phrase.split(' ').enumerate().all(|(i, word)| tokens.get(at + i).is_some_and(|t| t.word == word))
}

fn phrase_len(phrase: &str) -> usize {
    phrase.split(' ').count()
}

/// Any phrase of `list` starting at `at`: its length in words.
fn any_phrase_at(tokens: &[Token], at: usize, list: &[&str]) -> Option<usize> {
    list.iter().find(|phrase| phrase_at(tokens, at, phrase)).map(|phrase| phrase_len(phrase))
}

fn quoted(text: &str, tokens: &[Token], from: usize, to: usize) -> String {
    let range = tokens[from].range.start..tokens[to].range.end;
    text[range].split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------------
// Abbreviations

/// A word in capitals that may be an abbreviation: two or more capital letters (digits may follow
/// the first), with an optional plural "s" ("CTs").
fn abbreviation(word: &str) -> Option<&str> {
    let word = word.strip_suffix('s').filter(|w| w.len() >= 2).unwrap_or(word);
    let mut chars = word.chars();
    let first_capital = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    let only = word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (first_capital && capitals >= 2 && only).then_some(word)
}

/// Abbreviations in capitals ("LPA", "CPR") whose first use in a lesson is not explained: explained
/// means the glossary has it (as a term, an alias or a word of one: `explained` are those, lower case),
/// or the first use is spelled out next to it in brackets ("CPR (cardiopulmonary resuscitation)",
/// "do not attempt CPR (DNACPR)") or followed by an explaining word ("CPR means …").
pub fn unexplained_abbreviations(markdown: &str, explained: &[String], language: &Language) -> Vec<Warning> {
    let known: HashSet<String> = explained
        .iter()
        .flat_map(|entry| {
            let entry = entry.to_lowercase();
            let mut forms: Vec<String> = tokens(&entry).into_iter().map(|t| t.word).collect();
            forms.push(entry);
            forms
        })
        .collect();
    let lines = Lines::new(markdown);
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for unit in units(markdown, Include { tables: true, headings: true }) {
        let text = &unit.text;
        let found = tokens(text);
        for (i, token) in found.iter().enumerate() {
            let Some(abbr) = abbreviation(&text[token.range.clone()]) else { continue };
            // "ka-KEK-see-a": a stressed syllable in a way to say a word, not an abbreviation.
            let before = text[..token.range.start].chars().rev().take(2).collect::<Vec<_>>();
            if matches!(before.as_slice(), ['-', c] if c.is_lowercase()) {
                continue;
            }
            let lower = abbr.to_lowercase();
            if language.known_abbreviations.contains(&lower.as_str()) || !seen.insert(lower.clone()) {
                continue;
            }
            let before = text[..token.range.start].trim_end();
            let after = text[token.range.end..].trim_start();
            let bracketed = before.ends_with('(') || after.starts_with('(');
            let said = any_phrase_at(&found, i + 1, language.explaining_words).is_some()
                || i.checked_sub(1).is_some_and(|j| language.naming_words.contains(&found[j].word.as_str()));
            if known.contains(&lower) || bracketed || said {
                continue;
            }
            out.push(Warning::new(
                lines.line(unit.source_offset(token.range.start)),
                format!(
                    "\"{abbr}\" is used before it is explained: spell it out the first time, like \"words in full \
                     ({abbr})\", or add it to the glossary"
                ),
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Colour and place

/// Instructions that find something by its colour ("the red button", "shown in red") or its place
/// on the screen or page ("on the left", "at the top", "see above", "the list below"). Places on the
/// body ("on the left side", "the top of your belly") are fine.
pub fn colour_or_position(markdown: &str, language: &Language) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    let mut out = Vec::new();
    for unit in units(markdown, Include { tables: true, headings: false }) {
        let text = &unit.text;
        for sentence in sentence_ranges(text) {
            let found = tokens(&text[sentence.clone()]);
            let word = |i: usize| found.get(i).map_or("", |t| t.word.as_str());
            let mut warn = |from: usize, to: usize, message: &str| {
                let shown = quoted(&text[sentence.clone()], &found, from, to);
                out.push(Warning::new(
                    lines.line(unit.source_offset(sentence.start + found[from].range.start)),
                    format!("\"{shown}\" {message}"),
                ));
            };
            for i in 0..found.len() {
                let here = word(i);
                if language.colours.contains(&here) {
                    let before = i.checked_sub(1).map_or("", word);
                    let ends = i + 1 == found.len();
                    if language.screen_things.contains(&word(i + 1)) {
                        warn(i.saturating_sub(1), i + 1, COLOUR_FIX);
                    } else if language.marking_words.contains(&before) && (before != "in" || ends) {
                        warn(i - 1, i, COLOUR_FIX);
                    }
                    continue;
                }
                if matches!(here, "above" | "below") {
                    let before = i.checked_sub(1).map_or("", word);
                    if language.pointing_words.contains(&before) || matches!(word(i + 1), "this" | "here") {
                        warn(i.saturating_sub(1), i, PLACE_FIX);
                    }
                    continue;
                }
                if let Some(len) = any_phrase_at(&found, i, language.places)
                    && any_phrase_at(&found, i + len, language.body_words).is_none()
                {
                    warn(i, i + len - 1, PLACE_FIX);
                }
            }
        }
    }
    out
}

const COLOUR_FIX: &str = "finds something by its colour: name it by its words instead (not everyone sees colour)";
const PLACE_FIX: &str =
    "finds something by its place on the screen: name it or link to it instead (places move on other screens)";

// ---------------------------------------------------------------------------------------------------
// Something to do

/// Does the lesson give the reader something to do: a link to a tool (`app:`), a website or a phone
/// number, a question (a sentence ending in "?"), or an action word (call, ask, write down …)?
pub fn has_action(markdown: &str, language: &Language) -> bool {
    let linked = Parser::new_ext(markdown, markdown_options()).any(|event| {
        matches!(event, Event::Start(Tag::Link { dest_url, .. })
            if ["app:", "http:", "https:", "tel:"].iter().any(|scheme| dest_url.starts_with(scheme)))
    });
    linked
        || units(markdown, Include::default()).iter().any(|unit| {
            let found = tokens(&unit.text);
            sentence_ranges(&unit.text).iter().any(|s| unit.text[s.clone()].ends_with('?'))
                || (0..found.len()).any(|i| any_phrase_at(&found, i, language.action_words).is_some())
        })
}

/// A lesson that talks about symptoms but has no link to the "When to get help now" lesson
/// (`get_help` is its id): a warning at the first symptom word. That lesson itself is exempt.
pub fn symptoms_without_get_help(markdown: &str, language: &Language, get_help: &str) -> Option<Warning> {
    let links_there = Parser::new_ext(markdown, markdown_options()).any(|event| {
        matches!(event, Event::Start(Tag::Link { dest_url, .. })
            if dest_url.split('#').next() == Some(get_help))
    });
    if links_there {
        return None;
    }
    let lines = Lines::new(markdown);
    units(markdown, Include::default()).iter().find_map(|unit| {
        let found = tokens(&unit.text);
        let at = (0..found.len()).find(|&i| any_phrase_at(&found, i, language.symptom_words).is_some())?;
        let word = &found[at];
        let line = lines.line(unit.source_offset(word.range.start));
        Some(Warning::new(
            line,
            format!(
                "the lesson talks about symptoms (\"{}\") but never links to \"When to get help now\": \
                 add a link such as [when to get help now]({get_help})",
                &unit.text[word.range.clone()]
            ),
        ))
    })
}

/// The message for a lesson without anything to do, at its first line.
pub const NO_ACTION: &str = "the lesson gives the reader nothing to do: add one action, such as who to call, a \
                             question to ask (\"[add it to My questions](app:my-questions)\") or a link to a tool";

// ---------------------------------------------------------------------------------------------------
// Numbers that need a sum

/// Numbers the reader has to work out: a part of a part ("20% of them", "half of those") and a
/// relative risk with no base ("twice as likely", "3 times more common", "doubles the risk") when no
/// natural frequency ("1 in 100") is in the sentence or the one before or after it.
pub fn calculations(markdown: &str, language: &Language) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    let mut out = Vec::new();
    for unit in units(markdown, Include { tables: true, headings: false }) {
        let text = &unit.text;
        let sentences = sentence_ranges(text);
        for (index, sentence) in sentences.iter().enumerate() {
            let here = &text[sentence.clone()];
            let found = tokens(here);
            let word = |i: usize| found.get(i).map_or("", |t| t.word.as_str());
            let at = |i: usize| lines.line(unit.source_offset(sentence.start + found[i].range.start));
            // The first word after each percentage, found in one pass (a sentence may hold thousands).
            let mut after_percent = vec![false; found.len()];
            let mut ends: Vec<usize> = percentages(here).iter().map(|p| p.start + p.written.len()).collect();
            ends.sort_unstable();
            let mut next = 0;
            for end in ends {
                while next < found.len() && found[next].range.start < end {
                    next += 1;
                }
                if let Some(flag) = after_percent.get_mut(next) {
                    *flag = true;
                }
            }
            for i in 0..found.len() {
                // "20% of them": i is the word after the percentage.
                let part = after_percent.get(i).copied().unwrap_or(false)
                    || language.part_words.contains(&word(i.wrapping_sub(1)));
                if part
                    && i > 0
                    && word(i) == "of"
                    && let Some(len) = any_phrase_at(&found, i + 1, language.back_words)
                {
                    let shown = quoted(here, &found, i - 1, i + len);
                    out.push(Warning::new(
                        at(i - 1),
                        format!(
                            "\"{shown}\" asks the reader to work out a part of a part: say it out of everyone, \
                             such as \"1 in 10 people\""
                        ),
                    ));
                }
            }
            let nearby = |i: usize| sentences.get(i).is_some_and(|s| has_natural_frequency(&text[s.clone()]));
            if nearby(index) || index.checked_sub(1).is_some_and(nearby) || nearby(index + 1) {
                continue;
            }
            for i in 0..found.len() {
                let relative = language.relative_words.contains(&word(i))
                    && (word(i) != "times" || (i > 0 && is_number(word(i - 1))))
                    && (language.risk_words.contains(&word(i + 1))
                        || (word(i + 1) == "the" && language.risk_words.contains(&word(i + 2))));
                if relative {
                    let from = if word(i) == "times" { i - 1 } else { i };
                    let shown = quoted(here, &found, from, (i + 2).min(found.len() - 1));
                    out.push(Warning::new(
                        at(from),
                        format!(
                            "\"{shown}\" gives no base: say out of how many, such as \"2 in 100 people, not 1 in \
                             100\""
                        ),
                    ));
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs and headings

/// Paragraphs (and list items, and quotes) of more than `max` sentences, at their first line.
pub fn long_paragraphs(markdown: &str, max: usize) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    units(markdown, Include::default())
        .into_iter()
        .filter_map(|unit| {
            let count = sentence_ranges(&unit.text).len();
            (count > max).then(|| {
                Warning::new(
                    lines.line(unit.source_offset(0)),
                    format!("paragraph of {count} sentences (over {max}): split it, or make the steps a list"),
                )
            })
        })
        .collect()
}

/// Headings that say nothing about their part ("Introduction", "Overview", "More", "Other").
pub fn empty_headings(markdown: &str, language: &Language) -> Vec<Warning> {
    let lines = Lines::new(markdown);
    let mut out = Vec::new();
    let mut heading: Option<(usize, String)> = None;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some((range.start, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, collected)) = heading.as_mut() {
                    collected.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((start, text)) = heading.take() else { continue };
                let said: Vec<String> = tokens(&text).into_iter().map(|t| t.word).collect();
                if language.empty_headings.contains(&said.join(" ").as_str()) {
                    out.push(Warning::new(
                        lines.line(start),
                        format!(
                            "heading \"{}\" says nothing about its part: say what the part tells, such as \"What \
                             stage 4 means\"",
                            text.trim()
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::language::ENGLISH;

    fn shown(found: Vec<Warning>) -> Vec<String> {
        found.into_iter().map(|w| format!("{}: {}", w.line, w.message)).collect()
    }

    #[test]
    fn symptoms_must_lead_to_when_to_get_help() {
        let get_help = "when-to-get-help";
        let warned = |md: &str| symptoms_without_get_help(md, &ENGLISH, get_help).map(|w| (w.line, w.message));
        let (line, message) = warned("# Pain\n\nText.\n\nA fever can come.\n").expect("a fever with no link");
        assert_eq!(line, 5);
        assert!(message.contains("(\"fever\")") && message.contains("](when-to-get-help)"), "{message}");
        // The first word counts, in capitals too, and plurals are words of their own.
        assert_eq!(warned("Some Symptoms.\n").map(|(l, _)| l), Some(1));
        // A link to the lesson, with or without a section, is enough.
        assert_eq!(warned("A fever: see [help](when-to-get-help).\n"), None);
        assert_eq!(warned("A fever: see [help](when-to-get-help#fever).\n"), None);
        // A link to another lesson is not; nor is the word inside another word.
        assert!(warned("A fever: see [pain](pain#fever).\n").is_some());
        assert_eq!(warned("Feverfew tea and asymptomatic people.\n"), None);
        // No symptom words, no warning.
        assert_eq!(warned("# Planning\n\nWrite a will.\n"), None);
    }

    #[test]
    fn abbreviations_need_explaining_at_first_use() {
        let markdown = "# Plans\n\nAn LPA lets someone decide. Ask about CPR (cardiopulmonary resuscitation).\n\n\
                        Do not attempt CPR (DNACPR) is a form. The NHS and the UK. LPA again. A CT scan. CTs.\n\n\
                        Cachexia (say \"ka-KEK-see-a\") and HER2-positive.\n\n\
                        ## ECOG\n\nECOG means how well you manage.\n";
        let glossary = vec!["ct scan".to_string()];
        assert_eq!(
            shown(unexplained_abbreviations(markdown, &glossary, &ENGLISH)),
            [
                "3: \"LPA\" is used before it is explained: spell it out the first time, like \"words in full (LPA)\", \
                 or add it to the glossary",
                "5: \"NHS\" is used before it is explained: spell it out the first time, like \"words in full (NHS)\", \
                 or add it to the glossary",
                "7: \"HER2\" is used before it is explained: spell it out the first time, like \"words in full \
                 (HER2)\", or add it to the glossary",
                "9: \"ECOG\" is used before it is explained: spell it out the first time, like \"words in full \
                 (ECOG)\", or add it to the glossary",
            ]
        );
        // The glossary explains them.
        let glossary = vec![
            "lasting power of attorney".into(),
            "lpa".into(),
            "nhs".into(),
            "ecog".into(),
            "ct scan".into(),
            "her2".into(),
        ];
        assert!(unexplained_abbreviations(markdown, &glossary, &ENGLISH).is_empty());
        // Introduced as a name: "a gene called EGFR" says what it is.
        let named = "# T\n\nSome lung cancers have a change in a gene called EGFR. A protein named HER2 too.\n";
        assert!(unexplained_abbreviations(named, &[], &ENGLISH).is_empty());
        assert_eq!(unexplained_abbreviations("# T\n\nThe EGFR test.\n", &[], &ENGLISH).len(), 1);
        assert_eq!(abbreviation("A"), None);
        assert_eq!(abbreviation("Stage"), None);
        assert_eq!(abbreviation("CTs"), Some("CT"));
        assert_eq!(abbreviation("T4"), None);
        assert_eq!(abbreviation("BRCA2"), Some("BRCA2"));
    }

    #[test]
    fn colour_and_screen_places_are_found_but_not_body_places() {
        let markdown = "# T\n\nPress the red button. Words shown in green. Then look on the left.\n\nThe list \
                        below helps. See above.\n\nPain on the left side of the chest. Red skin. A temperature \
                        below 36. Pain at the top of your belly. Yellow eyes. In the UK, dial 999. The upper right part of your \
                        belly. Find the right foods.\n";
        assert_eq!(
            shown(colour_or_position(markdown, &ENGLISH)),
            [
                format!("3: \"the red button\" {COLOUR_FIX}"),
                format!("3: \"in green\" {COLOUR_FIX}"),
                format!("3: \"on the left\" {PLACE_FIX}"),
                format!("5: \"list below\" {PLACE_FIX}"),
                format!("5: \"See above\" {PLACE_FIX}"),
            ]
        );
    }

    #[test]
    fn an_action_is_a_tool_link_a_question_or_an_action_word() {
        assert!(!has_action("# T\n\nCancer can spread. The team can help.\n", &ENGLISH));
        assert!(has_action("# T\n\nUse the [body map](app:body-map).\n", &ENGLISH));
        assert!(has_action("# T\n\n- What does my scan show?\n", &ENGLISH));
        assert!(has_action("# T\n\nCall your team today.\n", &ENGLISH));
        assert!(has_action("# T\n\nYou can write down what hurts.\n", &ENGLISH));
        // A link to another lesson is reading, not doing; code is not prose.
        assert!(!has_action("# T\n\nRead [this](staging). `call`\n", &ENGLISH));
    }

    #[test]
    fn numbers_that_need_a_sum() {
        let markdown = "# T\n\nHalf of people get it, and 20% of them get it badly.\n\nSmokers are twice as \
                        likely to get it.\n\nIt is 3 times more common in men. That is 3 in 100 men, not 1 in \
                        100.\n\nThis doubles the risk.\n\nA third of these people.\n\nTake two tablets.\n";
        assert_eq!(
            shown(calculations(markdown, &ENGLISH)),
            [
                "3: \"20% of them\" asks the reader to work out a part of a part: say it out of everyone, such as \
                 \"1 in 10 people\"",
                "5: \"twice as likely\" gives no base: say out of how many, such as \"2 in 100 people, not 1 in \
                 100\"",
                "9: \"doubles the risk\" gives no base: say out of how many, such as \"2 in 100 people, not 1 in \
                 100\"",
                "11: \"third of these\" asks the reader to work out a part of a part: say it out of everyone, \
                 such as \"1 in 10 people\"",
            ]
        );
    }

    #[test]
    fn long_paragraphs_warn_at_their_first_line() {
        let markdown =
            "# T\n\nOne. Two. Three. Four. Five.\n\nOne. Two.\nThree. Four. Five. Six.\n\n- A. B. C. D. E. F. G.\n";
        assert_eq!(
            shown(long_paragraphs(markdown, MAX_PARAGRAPH_SENTENCES)),
            [
                "5: paragraph of 6 sentences (over 5): split it, or make the steps a list",
                "8: paragraph of 7 sentences (over 5): split it, or make the steps a list",
            ]
        );
    }

    #[test]
    fn headings_that_say_nothing() {
        let markdown = "# Introduction\n\n## What stage 4 means\n\n## More\n\n### Other:\n\n## Other part\n\n\
                        ## More detail: the drugs\n";
        let found = shown(empty_headings(markdown, &ENGLISH));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("1: heading \"Introduction\" says nothing"), "{found:?}");
        assert!(found[1].starts_with("5: heading \"More\""), "{found:?}");
        assert!(found[2].starts_with("7: heading \"Other:\""), "{found:?}");
    }

    #[test]
    fn every_rule_has_a_source_and_a_place_on_the_card() {
        assert_eq!(Rule::ALL.len(), 13);
        let understand = Rule::ALL.iter().filter(|r| r.understandability()).count();
        assert_eq!(understand, 9);
        for rule in Rule::ALL {
            assert!(!rule.source().is_empty());
            // The JSON name is the name the text report shows.
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.name());
        }
    }
}

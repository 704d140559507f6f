//! Sign lines of the body map: how words match them (shared by the symptom search and
//! `check`), and the rule that one sign has one tier everywhere.
//!
//! Word rules: capital letters and punctuation are ignored and apostrophes join (`can't` is
//! `cant`); a word matches a word in a line that starts with it ("breath" finds
//! "breathless"), and a word ending in a single `s` also matches without it.
//!
//! One tier per sign, checked when sites.toml is read:
//! - The same line (after ignoring case, spaces and punctuation) must have the same tier on
//!   every place it is on.
//! - A `[[synonyms]]` group with a `tier` is a sign group: every sign line that has one of its
//!   words or phrases (matched as the search matches them) must have that tier.
//! - Two sign groups with different tiers cannot share a word or phrase.
//!
//! Lines that only share a word ("Breathlessness that is new or getting worse" and "Struggling
//! to breathe, or breathlessness that comes on suddenly") are different signs: only a sign
//! group ties them together.

use std::collections::HashMap;

use super::ContentError;
use super::sites::Tier;

/// More sign lines than this in one sites.toml are refused (the checks and the search stay
/// quick; a real body map has a few hundred at most).
pub const MAX_SIGNS: usize = 5_000;
/// More words and phrases than this in all `[[synonyms]]` groups together are refused.
pub const MAX_SYNONYM_WORDS: usize = 10_000;
/// More words and phrases than this in the sign groups (those with a `tier`) are refused: each
/// sign line is checked against each of them.
pub const MAX_SIGN_GROUP_WORDS: usize = 1_000;

/// Lowercase words of letters and digits; everything else separates words, except apostrophes,
/// which are dropped.
pub fn normalize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            continue;
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Query words equal to a phrase, allowing a plural `s` on either side.
pub fn same_words(query: &[String], phrase: &[String]) -> bool {
    query.len() == phrase.len() && query.iter().zip(phrase).all(|(q, p)| q == p || singular(q) == p || q == singular(p))
}

/// `line` has `phrase` as consecutive words, each matched by [`word_matches`].
pub fn contains_phrase(line: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && line.len() >= phrase.len()
        && line.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(t, p)| word_matches(p, t)))
}

/// A query word matches a line word that starts with it, or with its singular.
pub fn word_matches(query: &str, word: &str) -> bool {
    word.starts_with(query) || word.starts_with(singular(query))
}

/// Drop one plural `s` from words of four letters or more that do not end in `ss`.
pub fn singular(word: &str) -> &str {
    if word.chars().count() >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// One sign line as written in sites.toml.
#[derive(Debug, Clone)]
pub struct SignAt {
    pub site: String,
    pub tier: Tier,
    pub text: String,
    pub line: usize,
}

/// A synonym group as `check` needs it: its phrases, its tier if it is a sign group, its line.
#[derive(Debug, Clone)]
pub struct GroupAt {
    pub words: Vec<String>,
    pub tier: Option<Tier>,
    pub line: usize,
}

/// Every place where one sign has two tiers, each error on the later line and naming the
/// other `file:line`.
pub fn tier_conflicts(file: &str, signs: &[SignAt], groups: &[GroupAt]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let normalized: Vec<Vec<String>> = signs.iter().map(|s| normalize(&s.text)).collect();

    // The same line with two tiers: each is held to the line's first appearance.
    let mut first_of: HashMap<&[String], &SignAt> = HashMap::new();
    for (sign, words) in signs.iter().zip(&normalized) {
        let first = *first_of.entry(words.as_slice()).or_insert(sign);
        if first.tier != sign.tier {
            errors.push(ContentError::new(
                file,
                sign.line,
                format!(
                    "the sign \"{}\" is `{}` on `{}` here but `{}` on `{}` at {file}:{}: one sign has one tier \
                     everywhere, so give both the same tier",
                    sign.text,
                    sign.tier.key(),
                    sign.site,
                    first.tier.key(),
                    first.site,
                    first.line
                ),
            ));
        }
    }

    // Sign groups: each line with one of the group's phrases has the group's tier.
    let phrases: Vec<Vec<Vec<String>>> =
        groups.iter().map(|g| g.words.iter().map(|w| normalize(w)).filter(|p| !p.is_empty()).collect()).collect();
    for (group, group_phrases) in groups.iter().zip(&phrases) {
        let Some(tier) = group.tier else { continue };
        for (sign, words) in signs.iter().zip(&normalized) {
            if sign.tier == tier {
                continue;
            }
            let Some(phrase) = group_phrases.iter().find(|p| contains_phrase(words, p)) else { continue };
            errors.push(ContentError::new(
                file,
                sign.line,
                format!(
                    "the sign \"{}\" on `{}` is `{}`, but it has \"{}\" from the sign group at {file}:{}, whose \
                     signs are all `{}`: move the line to `{}`, or reword it",
                    sign.text,
                    sign.site,
                    sign.tier.key(),
                    phrase.join(" "),
                    group.line,
                    tier.key(),
                    tier.key()
                ),
            ));
        }
    }

    // Two sign groups of different tiers sharing a phrase.
    for (i, group) in groups.iter().enumerate() {
        let Some(tier) = group.tier else { continue };
        for (j, other) in groups[..i].iter().enumerate() {
            let Some(other_tier) = other.tier.filter(|t| *t != tier) else { continue };
            if let Some(shared) = phrases[i].iter().find(|p| phrases[j].iter().any(|q| same_words(p, q))) {
                errors.push(ContentError::new(
                    file,
                    group.line,
                    format!(
                        "this sign group is `{}` but shares \"{}\" with the `{}` sign group at {file}:{}: a word can \
                         belong to one tier only",
                        tier.key(),
                        shared.join(" "),
                        other_tier.key(),
                        other.line
                    ),
                ));
            }
        }
    }
    errors
}

/// Every entry of the top-level `emergency_number` list (`listed`: line as written, its line in
/// the file) that is not a top-tier (`emergency`) sign line of any place, or that is listed twice.
/// Lines are compared as everywhere else: capital letters, spaces and punctuation aside.
pub fn who_conflicts(file: &str, signs: &[SignAt], listed: &[(String, usize)]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    // The first sign line with these words, one of the top tier if there is one.
    let mut by_words: HashMap<Vec<String>, &SignAt> = HashMap::new();
    for sign in signs {
        let entry = by_words.entry(normalize(&sign.text)).or_insert(sign);
        if entry.tier != Tier::Emergency && sign.tier == Tier::Emergency {
            *entry = sign;
        }
    }
    let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
    for (text, line) in listed {
        let words = normalize(text);
        if let Some(first) = seen.get(&words) {
            errors.push(ContentError::new(
                file,
                *line,
                format!("`emergency_number` lists \"{text}\" twice (first at {file}:{first}): remove one"),
            ));
            continue;
        }
        seen.insert(words.clone(), *line);
        let message = match by_words.get(&words) {
            Some(sign) if sign.tier == Tier::Emergency => continue,
            Some(sign) => format!(
                "`emergency_number` lists \"{text}\", but that sign is `{}` on `{}` at {file}:{}: only a line in a \
                 place's `emergency` list can say to call the emergency number",
                sign.tier.key(),
                sign.site,
                sign.line
            ),
            None => format!(
                "`emergency_number` lists \"{text}\", which is not in the `emergency` list of any place: write it \
                 exactly as it is there (capital letters and punctuation aside), or remove it"
            ),
        };
        errors.push(ContentError::new(file, *line, message));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(site: &str, tier: Tier, text: &str, line: usize) -> SignAt {
        SignAt { site: site.into(), tier, text: text.into(), line }
    }

    fn group(words: &[&str], tier: Option<Tier>, line: usize) -> GroupAt {
        GroupAt { words: words.iter().map(|w| w.to_string()).collect(), tier, line }
    }

    #[test]
    fn normalize_words() {
        assert_eq!(normalize("Short-of-BREATH!!"), vec!["short", "of", "breath"]);
        assert_eq!(normalize("can't  sleep"), vec!["cant", "sleep"]);
        assert_eq!(normalize(".*()[]"), Vec::<String>::new());
        assert_eq!(normalize("Ödem 2x"), vec!["ödem", "2x"]);
    }

    #[test]
    fn the_same_line_with_two_tiers_names_both_lines() {
        let signs = [
            sign("brain", Tier::Emergency, "A seizure (fit)", 10),
            sign("lungs", Tier::CallToday, "a SEIZURE, fit.", 40),
            sign("skin", Tier::Emergency, "A seizure (fit)", 60),
        ];
        let e = tier_conflicts("sites.toml", &signs, &[]);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].line, 40);
        assert!(e[0].message.contains("`call_today` on `lungs` here but `emergency` on `brain` at sites.toml:10"));
    }

    #[test]
    fn lines_that_share_a_word_are_different_signs() {
        let signs = [
            sign("lungs", Tier::CallToday, "Breathlessness that is new or getting worse", 10),
            sign("lungs", Tier::Emergency, "Struggling to breathe, or breathlessness that comes on suddenly", 11),
            sign("pleura", Tier::NextVisit, "Breathlessness that is not getting worse", 20),
        ];
        let groups = [group(&["breathless", "breathlessness"], None, 90)];
        assert!(tier_conflicts("sites.toml", &signs, &groups).is_empty());
    }

    #[test]
    fn a_sign_group_binds_every_line_with_its_words() {
        let signs = [
            sign("whole-body", Tier::Emergency, "A temperature of 38 °C or higher", 5),
            sign("lungs", Tier::CallToday, "Shivering at night", 30),
            sign("lungs", Tier::CallToday, "A cough", 31),
        ];
        let groups = [group(&["fever", "temperature", "shivering"], Some(Tier::Emergency), 80)];
        let e = tier_conflicts("sites.toml", &signs, &groups);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].line, 30);
        assert!(e[0].message.contains("\"shivering\" from the sign group at sites.toml:80"), "{e:#?}");
        assert!(e[0].message.contains("all `emergency`"), "{e:#?}");
    }

    #[test]
    fn emergency_number_lines_must_be_top_tier_lines_once() {
        let signs = [
            sign("brain", Tier::Emergency, "A seizure (fit)", 10),
            sign("brain", Tier::CallToday, "New dizziness", 11),
            sign("lungs", Tier::CallToday, "Mild chest pain", 20),
            sign("whole-body", Tier::Emergency, "Mild chest pain", 30),
        ];
        let listed = |lines: &[(&str, usize)]| -> Vec<(String, usize)> {
            lines.iter().map(|(t, l)| (t.to_string(), *l)).collect()
        };
        // Capital letters and punctuation aside; a line that is top tier somewhere is fine.
        let ok = listed(&[("a SEIZURE, fit", 2), ("Mild chest pain", 3)]);
        assert!(who_conflicts("sites.toml", &signs, &ok).is_empty());
        let bad = listed(&[("A seizure (fit)", 2), ("New dizziness", 3), ("A sezure", 4), ("a seizure fit", 5)]);
        let e = who_conflicts("sites.toml", &signs, &bad);
        assert_eq!(e.len(), 3, "{e:#?}");
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("is `call_today` on `brain` at sites.toml:11"), "{e:#?}");
        assert_eq!(e[1].line, 4);
        assert!(e[1].message.contains("\"A sezure\", which is not in the `emergency` list of any place"), "{e:#?}");
        assert_eq!(e[2].line, 5);
        assert!(e[2].message.contains("twice (first at sites.toml:2)"), "{e:#?}");
    }

    #[test]
    fn sign_groups_of_two_tiers_cannot_share_a_word() {
        let groups = [
            group(&["seizure", "fit"], Some(Tier::Emergency), 80),
            group(&["fits", "tired"], Some(Tier::NextVisit), 90),
            group(&["fit", "healthy"], None, 95),
        ];
        let e = tier_conflicts("sites.toml", &[], &groups);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].line, 90);
        assert!(e[0].message.contains("\"fits\" with the `emergency` sign group at sites.toml:80"), "{e:#?}");
    }
}

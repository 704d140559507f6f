//! Symptom search over the body-map sites: everyday words in, sites and matching sign lines out.
//!
//! Rules:
//! - Capital letters and punctuation are ignored; apostrophes join (`can't` is `cant`).
//!   Regex characters are just punctuation.
//! - A query word matches a word in a line that starts with it ("breath" finds "breathless");
//!   a query word ending in a single `s` also matches without it ("legs" finds "leg").
//! - Words may come in any order, but all of them must match within one sign line.
//! - Synonyms: where the query contains a word or phrase from a synonym group, a line matches
//!   that part of the query if it has any word or phrase of the group. The longest phrase
//!   wins ("head pain" is one phrase, not "head" + "pain").
//! - Small words ("the", "my", "in", …) outside synonym phrases are ignored, unless the query
//!   has nothing else.
//! - Empty, punctuation-only or very long queries (over [`MAX_QUERY_CHARS`]) find nothing.

use std::cmp::Reverse;

pub use crate::content::signs::normalize;
use crate::content::signs::{contains_phrase, same_words, word_matches};
use crate::content::sites::Sites;
pub use crate::content::sites::Tier;

/// Longer queries find nothing (a pasted paragraph is not a symptom).
pub const MAX_QUERY_CHARS: usize = 200;

/// A site with at least one matching line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Sites::sites`.
    pub site: usize,
    /// The matching lines, most urgent first, in file order within a tier.
    pub matches: Vec<(Tier, String)>,
}

impl Hit {
    /// The most urgent tier among the matches.
    pub fn best(&self) -> Option<Tier> {
        self.matches.iter().map(|(t, _)| *t).min()
    }
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "my", "your", "i", "im", "me", "is",
    "am", "are", "have", "has", "it", "its", "feel", "feels", "feeling", "felt", "very", "really", "so", "bit",
    "quite", "been", "got", "having",
];

/// Sites whose sign lines match `query`: most urgent best match first, then the most matching
/// lines, then file order.
pub fn search(sites: &Sites, query: &str) -> Vec<Hit> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Vec::new();
    }
    let words = normalize(query);
    if words.is_empty() {
        return Vec::new();
    }
    let groups: Vec<Vec<Vec<String>>> = sites
        .synonyms
        .iter()
        .map(|g| g.words.iter().map(|p| normalize(p)).filter(|p| !p.is_empty()).collect())
        .collect();
    let parts = split_query(&words, &groups);
    if parts.is_empty() {
        return Vec::new();
    }

    let mut hits: Vec<Hit> = Vec::new();
    for (index, site) in sites.sites.iter().enumerate() {
        let mut matches = Vec::new();
        for tier in Tier::ALL {
            for line in tier.lines(site) {
                let line_words = normalize(line);
                if parts.iter().all(|part| part.matches(&line_words, &groups)) {
                    matches.push((tier, line.clone()));
                }
            }
        }
        if !matches.is_empty() {
            hits.push(Hit { site: index, matches });
        }
    }
    hits.sort_by_key(|h| (h.best(), Reverse(h.matches.len()), h.site));
    hits
}

/// One part of a query: a plain word, or a phrase found in synonym groups (by group index).
#[derive(Debug, PartialEq, Eq)]
enum Part<'q> {
    Word(&'q str),
    Synonyms(Vec<usize>),
}

impl Part<'_> {
    fn matches(&self, line: &[String], groups: &[Vec<Vec<String>>]) -> bool {
        match self {
            Part::Word(w) => line.iter().any(|t| word_matches(w, t)),
            Part::Synonyms(ids) => ids
                .iter()
                .filter_map(|&g| groups.get(g))
                .any(|group| group.iter().any(|phrase| contains_phrase(line, phrase))),
        }
    }
}

/// Split the query into parts, taking the longest synonym phrase at each position.
fn split_query<'q>(words: &'q [String], groups: &[Vec<Vec<String>>]) -> Vec<Part<'q>> {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let longest = groups
            .iter()
            .flatten()
            .filter(|p| p.len() <= rest.len() && same_words(&rest[..p.len()], p))
            .map(Vec::len)
            .max();
        match longest {
            Some(len) => {
                let here = &rest[..len];
                let ids = groups
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.iter().any(|p| p.len() == len && same_words(here, p)))
                    .map(|(id, _)| id)
                    .collect();
                parts.push(Part::Synonyms(ids));
                i += len;
            }
            None => {
                parts.push(Part::Word(words[i].as_str()));
                i += 1;
            }
        }
    }
    let meaningful = |p: &Part<'_>| !matches!(p, Part::Word(w) if STOP_WORDS.contains(w));
    if parts.iter().any(meaningful) {
        parts.retain(meaningful);
        parts
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::sites::parse;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// The real default pack (the files are embedded at build time), parsed once.
    fn real() -> &'static Sites {
        static REAL: LazyLock<Sites> = LazyLock::new(|| {
            let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/sites.toml"));
            let art = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/body-map.txt"));
            match parse("sites.toml", text, "body-map.txt", art) {
                Ok(sites) => sites,
                Err(e) => panic!("the default sites.toml does not load: {e:#?}"),
            }
        });
        &REAL
    }

    /// A small pack of its own, so the mechanics do not depend on the default content.
    fn fixture() -> &'static Sites {
        static FIXTURE: LazyLock<Sites> = LazyLock::new(fixture_pack);
        &FIXTURE
    }

    fn fixture_pack() -> Sites {
        let text = r#"
art = "a.txt"
sources = ["test"]

[[site]]
id = "one"
name = "One"
x = 0
y = 0
summary = "S."
emergency = ["Numbness in your legs"]
call_today = ["A swollen belly", "New headaches"]
next_visit = ["Feeling tired"]
primaries = []
lessons = []

[[site]]
id = "two"
name = "Two"
x = 2
y = 0
summary = "S."
emergency = []
call_today = ["Belly pain", "A belly that is swollen"]
next_visit = ["A swollen belly (ascites)", "Feeling tired"]
primaries = []
lessons = []

[[site]]
id = "three"
name = "Three"
x = 4
y = 0
summary = "S."
emergency = []
call_today = ["Cost is 5$ (.*) [x] c++"]
next_visit = ["Leg cramps", "Feeling tired", "Can't sleep"]
primaries = []
lessons = []

[[synonyms]]
words = ["ascites", "swollen belly", "bloating"]

[[synonyms]]
words = ["tired", "fatigue", "no energy"]

[[synonyms]]
words = ["headache", "head pain"]

[[synonyms]]
words = ["pain", "ache", "sore"]
"#;
        match parse("t.toml", text, "a.txt", "x x x x x\n") {
            Ok(s) => s,
            Err(e) => panic!("{e:#?}"),
        }
    }

    fn ids(sites: &Sites, hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| sites.sites[h.site].id.clone()).collect()
    }

    fn hit<'a>(sites: &Sites, hits: &'a [Hit], id: &str) -> Option<&'a Hit> {
        hits.iter().find(|h| sites.sites[h.site].id == id)
    }

    #[test]
    fn normalize_words() {
        assert_eq!(normalize("Short-of-BREATH!!"), vec!["short", "of", "breath"]);
        assert_eq!(normalize("can't  sleep"), vec!["cant", "sleep"]);
        assert_eq!(normalize(".*()[]"), Vec::<String>::new());
        assert_eq!(normalize("Ödem 2x"), vec!["ödem", "2x"]);
    }

    #[test]
    fn plain_words_prefixes_and_any_order() {
        let s = fixture();
        assert_eq!(ids(s, &search(s, "leg")), vec!["one", "three"]);
        assert_eq!(ids(s, &search(s, "legs numb")), vec!["one"], "plural s and word order");
        assert_eq!(ids(s, &search(s, "NUMBNESS, LEGS")), vec!["one"]);
        assert_eq!(ids(s, &search(s, "head")), vec!["one"], "prefix of headaches");
        assert!(search(s, "numbness cramps").is_empty(), "all words must match in one line");
    }

    #[test]
    fn synonyms_expand_phrases() {
        let s = fixture();
        let hits = search(s, "bloating");
        assert_eq!(ids(s, &hits), vec!["one", "two"]);
        // two has one "swollen belly" line; "A belly that is swollen" is not the phrase
        assert_eq!(hit(s, &hits, "two").unwrap().matches, vec![(Tier::NextVisit, "A swollen belly (ascites)".into())]);
        assert_eq!(ids(s, &search(s, "head pain")), vec!["one"], "one phrase, not head + pain");
        assert_eq!(ids(s, &search(s, "headaches")), vec!["one"], "plural of a synonym");
        assert_eq!(ids(s, &search(s, "sore belly")), vec!["two"], "pain group + plain word");
        assert_eq!(ids(s, &search(s, "no energy")).len(), 3);
        assert_eq!(ids(s, &search(s, "I have no energy")).len(), 3, "small words are ignored");
    }

    #[test]
    fn ordering_by_tier_then_count() {
        let s = fixture();
        // "belly": one has a call_today line; two has two call_today lines and one next_visit line
        let hits = search(s, "belly");
        assert_eq!(ids(s, &hits), vec!["two", "one"]);
        assert_eq!(hits[0].matches.len(), 3);
        assert_eq!(hits[0].matches[0].0, Tier::CallToday);
        assert_eq!(hits[0].matches[2].0, Tier::NextVisit);
        // "legs": one matches in Emergency, three only in NextVisit
        let hits = search(s, "leg");
        assert_eq!(hits[0].best(), Some(Tier::Emergency));
        assert_eq!(hits[1].best(), Some(Tier::NextVisit));
        // equal tiers and counts: file order
        assert_eq!(ids(s, &search(s, "tired")), vec!["one", "two", "three"]);
    }

    #[test]
    fn odd_queries_find_nothing_and_do_not_panic() {
        let s = fixture();
        for q in ["", "   ", ".*", "(((", "\\", "?", "the", "of my", "\u{0}\u{7}", "zzzz"] {
            assert!(search(s, q).is_empty(), "{q:?}");
        }
        assert!(search(s, &"a".repeat(10_000)).is_empty());
        assert!(search(s, &"pain ".repeat(41)).is_empty(), "over 200 characters");
        // regex characters are just characters (here: punctuation, ignored)
        assert_eq!(ids(s, &search(s, "c++")), vec!["three"]);
        assert_eq!(ids(s, &search(s, "[x]")), vec!["three"]);
        assert_eq!(ids(s, &search(s, "can't")), vec!["three"]);
    }

    #[test]
    fn real_short_of_breath_and_dyspnea() {
        let s = real();
        for q in ["short of breath", "dyspnea", "Shortness of breath", "breathless"] {
            let found = ids(s, &search(s, q));
            assert!(found.contains(&"lungs".into()) && found.contains(&"pleura".into()), "{q}: {found:?}");
        }
        assert_eq!(ids(s, &search(s, "short of breath")), ids(s, &search(s, "dyspnea")));
    }

    #[test]
    fn real_jaundice_headache_swollen_belly() {
        let s = real();
        for q in ["yellow skin", "jaundice", "yellow eyes"] {
            assert!(ids(s, &search(s, q)).contains(&"liver".into()), "{q}");
        }
        assert!(ids(s, &search(s, "headache")).contains(&"brain".into()));
        let found = ids(s, &search(s, "swollen belly"));
        assert!(found.contains(&"peritoneum".into()) && found.contains(&"liver".into()), "{found:?}");
    }

    #[test]
    fn real_leg_numbness_is_an_emergency_at_the_spine() {
        let s = real();
        let hits = search(s, "leg numbness");
        let spine = hit(s, &hits, "spine").expect("spine found");
        assert_eq!(spine.best(), Some(Tier::Emergency));
        assert_eq!(hits[0].best(), Some(Tier::Emergency));
        for q in ["incontinence", "tingling legs", "weak legs", "bladder control"] {
            let hits = search(s, q);
            assert_eq!(hit(s, &hits, "spine").and_then(Hit::best), Some(Tier::Emergency), "{q}");
        }
    }

    #[test]
    fn real_nonsense_finds_nothing() {
        let s = real();
        assert!(search(s, "xylophone quantum").is_empty());
        assert!(search(s, "zzzz").is_empty());
    }

    proptest! {
        #[test]
        fn any_query_is_safe(q in any::<String>()) {
            let s = fixture();
            let hits = search(s, &q);
            for h in &hits {
                prop_assert!(h.site < s.sites.len());
                prop_assert!(!h.matches.is_empty());
            }
        }

        #[test]
        fn any_unicode_query_is_safe(q in "\\PC{0,250}") {
            let hits = search(real(), &q);
            prop_assert!(hits.iter().all(|h| h.site < real().sites.len()));
        }

        #[test]
        fn any_wordy_query_is_safe(q in "[a-z .*()\\[\\]'?+\\\\-]{0,300}") {
            let s = real();
            let hits = search(s, &q);
            prop_assert!(hits.windows(2).all(|w| w[0].best() <= w[1].best()));
        }
    }
}

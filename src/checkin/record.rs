//! One check-in as it is kept: the scores, the red-flag answers and the note. Its
//! time is the time of the history line that holds it (see `progress::Attempt`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::tf;
use crate::words::t;

/// The "anything else" note is cut to this many characters: one line.
pub const MAX_NOTE_CHARS: usize = 500;
/// A stored check-in with more items or red flags than this is not one.
const MAX_ENTRIES: usize = 200;
/// Nor one with an id longer than this.
const MAX_ID_CHARS: usize = 64;

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Item id → 0 (none) to 10 (the worst). Items skipped are left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u8>,
    /// Red flag id → answered yes. Questions not reached are left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
    /// "Anything else", cleaned, one line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl CheckIn {
    /// The red flags answered yes, by id, in id order.
    pub fn yes_flags(&self) -> impl Iterator<Item = &str> {
        self.flags.iter().filter(|(_, yes)| **yes).map(|(id, _)| id.as_str())
    }

    /// Why a check-in read from a file cannot be one (any bytes can be in a file):
    /// scores over 10, ids that are not ids, a note that is not one clean line.
    pub fn problem(&self) -> Option<String> {
        if self.scores.len() > MAX_ENTRIES || self.flags.len() > MAX_ENTRIES {
            return Some(tf!("checkin.problem_too_many", max = MAX_ENTRIES));
        }
        let ids = self.scores.keys().chain(self.flags.keys());
        if let Some(id) = ids.into_iter().find(|id| !is_id(id)) {
            let shown: String = crate::markdown::sanitize(id).chars().take(MAX_ID_CHARS).collect();
            return Some(tf!("checkin.problem_not_an_id", id = shown));
        }
        if let Some((id, score)) = self.scores.iter().find(|(_, s)| **s > 10) {
            return Some(tf!("checkin.problem_score", id = id, score = score));
        }
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Some(tf!("checkin.problem_note_long", max = MAX_NOTE_CHARS));
        }
        if clean_note(&self.note).0 != self.note {
            return Some(t("checkin.problem_note_controls").to_string());
        }
        None
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Typed or pasted text as a note: control characters and escape sequences out,
/// all white space as single spaces, trimmed, and cut to [`MAX_NOTE_CHARS`]
/// characters. True if it had to be cut.
pub fn clean_note(text: &str) -> (String, bool) {
    let cleaned = crate::markdown::sanitize(text);
    let one_line = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(MAX_NOTE_CHARS) {
        Some((cut, _)) => (one_line[..cut].trim_end().to_string(), true),
        None => (one_line, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(scores: &[(&str, u8)], note: &str) -> CheckIn {
        CheckIn {
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            flags: BTreeMap::new(),
            note: note.into(),
        }
    }

    #[test]
    fn notes_are_cleaned_to_one_capped_line() {
        let cases: &[(&str, &str, bool)] = &[
            ("  slept badly  ", "slept badly", false),
            ("two\nlines\r\nhere", "two lines here", false),
            ("bell\u{7} and \u{1b}[31mred\u{1b}[0m", "bell and [31mred[0m", false),
            ("tab\tsep", "tab sep", false),
            ("", "", false),
        ];
        for (input, want, cut) in cases {
            assert_eq!(clean_note(input), (want.to_string(), *cut), "{input:?}");
        }
        let long = "é".repeat(MAX_NOTE_CHARS + 7);
        let (note, cut) = clean_note(&long);
        assert!(cut);
        assert_eq!(note.chars().count(), MAX_NOTE_CHARS);
    }

    #[test]
    fn a_stored_check_in_is_checked() {
        let cases: &[(CheckIn, Option<&str>)] = &[
            (with(&[("pain", 3), ("low-mood", 10)], "ok"), None),
            (with(&[("pain", 11)], ""), Some("more than 10")),
            (with(&[("Pain", 1)], ""), Some("not an item id")),
            (with(&[("", 1)], ""), Some("not an item id")),
            (with(&[("pain", 1)], "a\u{1b}]0;title\u{7}"), Some("control characters")),
            (with(&[("pain", 1)], &"x".repeat(MAX_NOTE_CHARS + 1)), Some("longer than")),
        ];
        for (checkin, want) in cases {
            match (checkin.problem(), want) {
                (None, None) => {}
                (Some(p), Some(w)) => assert!(p.contains(w), "{p} / {w}"),
                (got, want) => panic!("{checkin:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}

//! A check-in being answered, one question at a time; kept in the progress file
//! when left half-way, so it can be finished later.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::form::{Form, RedFlag};
use super::record::{CheckIn, clean_note};

/// Where a check-in is: the questions in order, items first, then red flags, then the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Item(usize),
    RedFlag(usize),
    Note,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// When it was started (seconds since 1970).
    pub started: u64,
    /// The question on screen (0-based over all steps).
    #[serde(default)]
    pub step: usize,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u8>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub flags: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Draft {
    pub fn new(started: u64) -> Draft {
        Draft { started, ..Draft::default() }
    }

    /// The step at `index` (past the end: the note).
    pub fn step_at(form: &Form, index: usize) -> Step {
        let items = form.items.len();
        let flags = form.red_flags.len();
        match index {
            i if i < items => Step::Item(i),
            i if i < items + flags => Step::RedFlag(i - items),
            _ => Step::Note,
        }
    }

    /// The step on screen (a file edited by hand may say anything: kept in range).
    pub fn current(&self, form: &Form) -> Step {
        Self::step_at(form, self.step)
    }

    pub fn go_to(&mut self, form: &Form, index: usize) {
        self.step = index.min(form.steps() - 1);
    }

    pub fn next(&mut self, form: &Form) {
        self.go_to(form, self.step.saturating_add(1));
    }

    pub fn back(&mut self, form: &Form) {
        self.go_to(form, self.step.min(form.steps() - 1).saturating_sub(1));
    }

    /// Whether the step is the last one (the note).
    pub fn at_end(&self, form: &Form) -> bool {
        self.current(form) == Step::Note
    }

    /// The score of the item on screen (None if it is not an item, or not rated yet).
    pub fn score(&self, form: &Form) -> Option<u8> {
        match self.current(form) {
            Step::Item(i) => self.scores.get(&form.items[i].id).copied(),
            _ => None,
        }
    }

    /// Rate the item on screen (scores over 10 are 10). False if it is not an item.
    pub fn rate(&mut self, form: &Form, score: u8) -> bool {
        let Step::Item(i) = self.current(form) else { return false };
        self.scores.insert(form.items[i].id.clone(), score.min(10));
        true
    }

    /// Forget the rating of the item on screen (the person skips it).
    pub fn unrate(&mut self, form: &Form) {
        if let Step::Item(i) = self.current(form) {
            self.scores.remove(&form.items[i].id);
        }
    }

    /// Answer the red flag on screen. Returns it if the answer is yes: the caller
    /// shows "Get help now" at once.
    pub fn answer<'f>(&mut self, form: &'f Form, yes: bool) -> Option<&'f RedFlag> {
        let Step::RedFlag(i) = self.current(form) else { return None };
        let flag = &form.red_flags[i];
        self.flags.insert(flag.id.clone(), yes);
        yes.then_some(flag)
    }

    /// The answer to the red flag on screen, if given.
    pub fn flag_answer(&self, form: &Form) -> Option<bool> {
        match self.current(form) {
            Step::RedFlag(i) => self.flags.get(&form.red_flags[i].id).copied(),
            _ => None,
        }
    }

    /// Set the note (cleaned). True if it had to be cut.
    pub fn set_note(&mut self, text: &str) -> bool {
        let (note, cut) = clean_note(text);
        self.note = note;
        cut
    }

    /// The red flags answered yes, in the form's order.
    pub fn yes_flags<'f>(&self, form: &'f Form) -> Vec<&'f RedFlag> {
        form.red_flags.iter().filter(|f| self.flags.get(&f.id) == Some(&true)).collect()
    }

    /// Nothing answered yet.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty() && self.flags.is_empty() && self.note.is_empty()
    }

    /// The check-in to keep: what was answered, with the note cleaned again (a
    /// progress file edited by hand may hold anything).
    pub fn finish(&self) -> CheckIn {
        CheckIn {
            scores: self.scores.iter().map(|(k, v)| (k.clone(), (*v).min(10))).collect(),
            flags: self.flags.clone(),
            note: clean_note(&self.note).0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::form::sample;

    #[test]
    fn steps_go_items_then_red_flags_then_the_note() {
        let form = sample();
        let want = [Step::Item(0), Step::Item(1), Step::RedFlag(0), Step::RedFlag(1), Step::Note, Step::Note];
        for (i, step) in want.iter().enumerate() {
            assert_eq!(Draft::step_at(&form, i), *step, "{i}");
        }
        let mut d = Draft::new(5);
        for _ in 0..10 {
            d.next(&form);
        }
        assert_eq!((d.step, d.at_end(&form)), (4, true), "stops at the note");
        d.back(&form);
        assert_eq!(d.current(&form), Step::RedFlag(1));
        d.step = 99;
        d.back(&form);
        assert_eq!(d.current(&form), Step::RedFlag(1), "a step out of range is brought back first");
        d.go_to(&form, 0);
        d.back(&form);
        assert_eq!(d.step, 0);
    }

    #[test]
    fn answers_go_to_the_question_on_screen_only() {
        let form = sample();
        let mut d = Draft::new(5);
        assert!(d.is_empty());
        assert!(d.rate(&form, 12));
        assert_eq!(d.score(&form), Some(10), "capped at 10");
        assert!(d.answer(&form, true).is_none(), "not a red flag");
        d.next(&form);
        d.rate(&form, 3);
        d.unrate(&form);
        d.next(&form);
        assert!(!d.rate(&form, 4), "not an item");
        assert_eq!(d.answer(&form, false), None);
        d.next(&form);
        assert_eq!(d.answer(&form, true).map(|f| f.id.as_str()), Some("bleeding"));
        assert_eq!(d.flag_answer(&form), Some(true));
        d.next(&form);
        assert!(!d.set_note("  tired\nafter chemo "));
        let c = d.finish();
        assert_eq!(c.scores.into_iter().collect::<Vec<_>>(), [("pain".to_string(), 10)]);
        assert_eq!(c.flags.len(), 2);
        assert_eq!(c.note, "tired after chemo");
        assert_eq!(d.yes_flags(&form).len(), 1);
    }
}

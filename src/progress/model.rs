//! What the progress file holds. Unknown keys (from a newer version) are kept.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::checkin::{CheckIn, Draft};
use crate::notebook::MyQuestion;

pub const SCHEMA: u32 = 1;

/// The pack whose reading places and review schedule the file keeps at its top level
/// (`lessons`, `questions`, `last_lesson`), where versions before packs had their own
/// places kept them. Every other pack's are under `[packs.<id>]`.
pub const FILE_PACK: &str = "default-en";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub schema: u32,
    /// The "education, not medical advice" notice was read and dismissed.
    #[serde(default)]
    pub notice_seen: bool,
    /// The person chose to see the survival numbers (the content note is skipped).
    #[serde(default)]
    pub show_survival_numbers: bool,
    /// The lesson last opened, so the home screen can offer to carry on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_lesson: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Review state of each quiz question, by question id. Questions no longer in
    /// the pack keep their entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, QuestionState>,
    /// Body-map sites the person has looked at, by id, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explored_sites: Vec<String>,
    /// "My questions" for the next appointment, in the person's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub my_questions: Vec<MyQuestion>,
    /// Every answer ever given, in the order saved: the history survives any change
    /// of pack. The store keeps it in a file of its own (see `progress::history_path`);
    /// only a progress file of the older layout has it inline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<Attempt>,
    /// A check-in left half-way, to finish later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin_draft: Option<Draft>,
    /// The care team's 24-hour number, as the person wrote it (shown with "Get help now").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_team_number: Option<String>,
    /// The person asked home not to remind them to check in.
    #[serde(default, skip_serializing_if = "is_false")]
    pub checkin_reminders_off: bool,
    /// The reading places and review schedules of the packs not in use, by pack id
    /// (the pack in use has its own in `lessons`, `questions` and `last_lesson`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub packs: BTreeMap<String, PackProgress>,
    /// The language the person chose in the tutor (a code such as "es"); it wins over
    /// the locale, not over `--lang` or `PATIENT_TUTOR_LANG`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The store's bookkeeping: how many answers of the history file the review
    /// schedule (`questions`) already counts. Answers after those were saved by a copy
    /// of the app stopped before it could update the schedule; they are counted when
    /// the history is read.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub history_counted: usize,
    /// The store's bookkeeping: how many times the progress was reset (`progress
    /// reset`). A file of an older generation than the history is from before a reset.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub generation: u64,
    #[serde(flatten)]
    pub extra: toml::Table,
    /// Whose places `lessons`, `questions` and `last_lesson` hold in memory: None for
    /// [`FILE_PACK`], as in the file (see [`Progress::use_pack`]).
    #[serde(skip)]
    pub in_use: Option<String>,
    /// The unknown keys of the pack in use's `[packs.<id>]` table, kept for its return.
    #[serde(skip)]
    pub in_use_extra: toml::Table,
}

/// One pack's reading places and review schedule, when another pack is in use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PackProgress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_lesson: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lessons: BTreeMap<String, LessonProgress>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, QuestionState>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl PackProgress {
    pub fn is_empty(&self) -> bool {
        self.last_lesson.is_none() && self.lessons.is_empty() && self.questions.is_empty() && self.extra.is_empty()
    }
}

/// A question's place in the Leitner review schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionState {
    /// Leitner box, 1–5: up one for a right answer, back to 1 for a wrong one.
    #[serde(rename = "box")]
    pub leitner_box: u8,
    /// When it was last answered, in seconds since 1970 (UTC).
    pub last: u64,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `question` of a history line that holds a check-in. Not a quiz question id
/// (those are lowercase letters, digits and hyphens), so it is never due for review.
pub const CHECKIN_QUESTION: &str = "patient-tutor:checkin";

/// See [`Attempt::identity`].
pub type AttemptIdentity = (u64, String, Vec<usize>, bool, Option<CheckIn>, Option<String>);

/// One line of the answer history: an answer to one question, or (with `checkin`)
/// a symptom check-in. A check-in line is also a well-formed answer, to a question no
/// pack has, so that an older version of the app, which reads every line as an answer
/// and would set aside a history with a line it cannot read, keeps it as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attempt {
    /// Seconds since 1970 (UTC).
    pub at: u64,
    pub question: String,
    /// The chosen choices, as 0-based indices in the quiz file's order.
    pub chosen: Vec<usize>,
    pub correct: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<CheckIn>,
    /// The pack whose question it answers; None for [`FILE_PACK`] (and for check-ins,
    /// which belong to the person, not to a pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
}

impl Attempt {
    pub fn answer(at: u64, question: &str, chosen: &[usize], correct: bool) -> Attempt {
        Attempt { at, question: question.to_string(), chosen: chosen.to_vec(), correct, checkin: None, pack: None }
    }

    /// The same answer, to a question of `pack` (see [`Progress::in_use`]).
    pub fn in_pack(self, pack: Option<&str>) -> Attempt {
        Attempt { pack: pack.map(str::to_string), ..self }
    }

    /// What makes two lines the same answer, when two copies' histories are merged.
    pub fn identity(&self) -> AttemptIdentity {
        (self.at, self.question.clone(), self.chosen.clone(), self.correct, self.checkin.clone(), self.pack.clone())
    }

    /// The pack whose question this answers.
    pub fn pack_id(&self) -> &str {
        self.pack.as_deref().unwrap_or(FILE_PACK)
    }

    pub fn of_checkin(at: u64, checkin: CheckIn) -> Attempt {
        Attempt {
            at,
            question: CHECKIN_QUESTION.to_string(),
            chosen: Vec::new(),
            correct: true,
            checkin: Some(checkin),
            pack: None,
        }
    }

    /// A check-in line (also one whose check-in an older version dropped when it
    /// rewrote the file): never an answer to a quiz question.
    pub fn is_checkin(&self) -> bool {
        self.checkin.is_some() || self.question == CHECKIN_QUESTION
    }

    /// Why a line read from a file cannot be kept, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let checkin = self.checkin.as_ref()?;
        if self.question != CHECKIN_QUESTION {
            return Some(crate::tf!("progress.checkin_question", question = CHECKIN_QUESTION));
        }
        checkin.problem()
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            schema: SCHEMA,
            notice_seen: false,
            show_survival_numbers: false,
            last_lesson: None,
            lessons: BTreeMap::new(),
            questions: BTreeMap::new(),
            explored_sites: Vec::new(),
            my_questions: Vec::new(),
            attempts: Vec::new(),
            checkin_draft: None,
            care_team_number: None,
            checkin_reminders_off: false,
            history_counted: 0,
            packs: BTreeMap::new(),
            language: None,
            generation: 0,
            extra: toml::Table::new(),
            in_use: None,
            in_use_extra: toml::Table::new(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Byte offset in the lesson's Markdown of the top line on screen: a place
    /// that survives a change of window width.
    #[serde(default)]
    pub offset: usize,
    /// Wrapped lines between the start of that block and the top line, so the
    /// same window size comes back to exactly the same line.
    #[serde(default)]
    pub lines_into_block: usize,
    /// How far down the lesson the reader has been, 0–100.
    #[serde(default)]
    pub percent: u8,
    /// Reached the end at least once.
    #[serde(default)]
    pub read: bool,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// How a lesson looks on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    New,
    InProgress(u8),
    Read,
}

impl Progress {
    /// The id of the pack whose places are in `lessons`, `questions` and `last_lesson`.
    pub fn pack_in_use(&self) -> &str {
        self.in_use.as_deref().unwrap_or(FILE_PACK)
    }

    /// Put `pack`'s reading places and review schedule where the app reads them
    /// (`lessons`, `questions`, `last_lesson`), keeping the pack in use until now under
    /// `packs`. Reading in one pack then never marks another's lessons, though lesson
    /// ids are the same in every language. Doing it twice changes nothing.
    pub fn use_pack(&mut self, pack: &str) {
        if pack == self.pack_in_use() {
            return;
        }
        let leaving = PackProgress {
            last_lesson: self.last_lesson.take(),
            lessons: std::mem::take(&mut self.lessons),
            questions: std::mem::take(&mut self.questions),
            extra: std::mem::take(&mut self.in_use_extra),
        };
        let left = self.pack_in_use().to_string();
        if !leaving.is_empty() {
            // Never over another entry for it (only a file edited by hand has one).
            let kept = self.packs.entry(left).or_default();
            kept.lessons.extend(leaving.lessons);
            kept.questions.extend(leaving.questions);
            kept.extra.extend(leaving.extra);
            kept.last_lesson = leaving.last_lesson.or(kept.last_lesson.take());
        }
        let coming = self.packs.remove(pack).unwrap_or_default();
        self.last_lesson = coming.last_lesson;
        self.lessons = coming.lessons;
        self.questions = coming.questions;
        self.in_use_extra = coming.extra;
        self.in_use = (pack != FILE_PACK).then(|| pack.to_string());
    }

    /// This progress as the file keeps it: [`FILE_PACK`]'s places at the top level.
    pub fn as_saved(&self) -> std::borrow::Cow<'_, Progress> {
        self.viewed_from(FILE_PACK)
    }

    /// This progress with `pack`'s places at the top level, as a copy using it holds it.
    pub fn viewed_from(&self, pack: &str) -> std::borrow::Cow<'_, Progress> {
        if self.pack_in_use() == pack {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut viewed = self.clone();
        viewed.use_pack(pack);
        std::borrow::Cow::Owned(viewed)
    }

    /// The review schedule of `pack`, in use or not.
    pub fn questions_of(&mut self, pack: &str) -> &mut BTreeMap<String, QuestionState> {
        if pack == self.pack_in_use() {
            &mut self.questions
        } else {
            &mut self.packs.entry(pack.to_string()).or_default().questions
        }
    }

    pub fn lesson_status(&self, id: &str) -> LessonStatus {
        match self.lessons.get(id) {
            None => LessonStatus::New,
            Some(p) if p.read => LessonStatus::Read,
            // A file edited by hand may say more than 100.
            Some(p) => LessonStatus::InProgress(p.percent.min(100)),
        }
    }

    /// Record a reading position; reaching the end marks the lesson read for good.
    pub fn record_position(&mut self, id: &str, offset: usize, percent: u8, at_end: bool) {
        self.record_place(id, offset, 0, percent, at_end);
    }

    /// Like `record_position`, with the number of wrapped lines into the block at `offset`.
    pub fn record_place(&mut self, id: &str, offset: usize, lines_into_block: usize, percent: u8, at_end: bool) {
        let entry = self.lessons.entry(id.to_string()).or_default();
        entry.offset = offset;
        entry.lines_into_block = lines_into_block;
        entry.percent = entry.percent.max(percent.min(100));
        entry.read |= at_end;
        self.last_lesson = Some(id.to_string());
    }

    /// Remember that a body-map site was looked at. True if it is new.
    pub fn mark_explored(&mut self, site_id: &str) -> bool {
        match self.explored_sites.binary_search_by(|s| s.as_str().cmp(site_id)) {
            Ok(_) => false,
            Err(at) => {
                self.explored_sites.insert(at, site_id.to_string());
                true
            }
        }
    }

    /// How many different body-map places of `known` were looked at: ids the pack
    /// does not have, or listed twice (a file edited by hand), are not counted.
    pub fn explored_count<'a>(&self, known: impl IntoIterator<Item = &'a str>) -> usize {
        let seen: std::collections::BTreeSet<&str> = self.explored_sites.iter().map(String::as_str).collect();
        let known: std::collections::BTreeSet<&str> = known.into_iter().collect();
        seen.intersection(&known).count()
    }

    /// Every check-in, in the order saved (time order), with its time.
    pub fn checkins(&self) -> impl DoubleEndedIterator<Item = (u64, &CheckIn)> {
        self.attempts.iter().filter_map(|a| a.checkin.as_ref().map(|c| (a.at, c)))
    }

    /// Keep a finished check-in (in the answer history, saved like an answer).
    pub fn record_checkin(&mut self, checkin: CheckIn, at: u64) {
        self.attempts.push(Attempt::of_checkin(at, checkin));
    }

    /// The lesson to suggest next: the one last opened if unfinished, else the first not yet read.
    pub fn next_lesson<'a>(&self, ids: &[&'a str]) -> Option<&'a str> {
        let unfinished = |id: &str| self.lesson_status(id) != LessonStatus::Read;
        if let Some(last) = self.last_lesson.as_deref()
            && let Some(id) = ids.iter().copied().find(|id| *id == last && unfinished(id))
        {
            return Some(id);
        }
        ids.iter().copied().find(|id| unfinished(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_reading() {
        let mut p = Progress::default();
        assert_eq!(p.lesson_status("a"), LessonStatus::New);
        p.record_position("a", 120, 40, false);
        assert_eq!(p.lesson_status("a"), LessonStatus::InProgress(40));
        // Scrolling back up does not lower how far the person got.
        p.record_position("a", 10, 5, false);
        assert_eq!(p.lesson_status("a"), LessonStatus::InProgress(40));
        assert_eq!(p.lessons["a"].offset, 10);
        p.record_position("a", 900, 100, true);
        assert_eq!(p.lesson_status("a"), LessonStatus::Read);
        p.record_position("a", 0, 0, false);
        assert_eq!(p.lesson_status("a"), LessonStatus::Read, "read stays read");
    }

    #[test]
    fn next_lesson_prefers_the_unfinished_last_one() {
        let ids = ["a", "b", "c"];
        let mut p = Progress::default();
        assert_eq!(p.next_lesson(&ids), Some("a"));
        p.record_position("c", 10, 20, false);
        assert_eq!(p.next_lesson(&ids), Some("c"));
        p.record_position("c", 10, 100, true);
        assert_eq!(p.next_lesson(&ids), Some("a"));
        for id in ids {
            p.record_position(id, 0, 100, true);
        }
        assert_eq!(p.next_lesson(&ids), None);
    }
}

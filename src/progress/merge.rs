//! Merging two copies of the progress, for two copies of the app on one file
//! (two terminal tabs). Nothing either copy recorded is lost.
//!
//! A three-way merge: `base` is what this copy last read from or wrote to the file,
//! `ours` is this copy's progress now, `theirs` is what the file holds now (another
//! copy saved since). Where only one side changed a value since `base`, that change
//! wins; where both did, the rule of each field below decides.
//!
//! Adding a field to [`Progress`]: the destructuring in [`merge`] stops compiling until
//! the field gets a line there, choosing one of the helpers (`changed_side` for a value
//! that is simply replaced, `merge_map` for a map by key, `union_sorted` for a set,
//! `union_multiset` for a history where repeats are real).
//! `my_questions` (a list of notes with an id), say:
//! `my_questions: union_multiset(&base.my_questions, my_questions, &theirs.my_questions, |q| q.clone(), |q| q.at)`
//! if notes are only ever added, or a `merge_map` by id if they can be edited or removed.

use std::collections::BTreeMap;

use super::model::{Attempt, LessonProgress, PackProgress, Progress, QuestionState};
use crate::notebook::MyQuestion;

/// Merge `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Progress, ours: &Progress, theirs: &Progress) -> Progress {
    // All three with the places of the pack ours uses at the top level.
    let base = &*base.viewed_from(ours.pack_in_use());
    let theirs = &*theirs.viewed_from(ours.pack_in_use());
    // Exhaustive on purpose: a new field must decide how it merges.
    let Progress {
        schema,
        notice_seen,
        show_survival_numbers,
        last_lesson,
        lessons,
        questions,
        explored_sites,
        my_questions,
        attempts,
        checkin_draft,
        care_team_number,
        checkin_reminders_off,
        history_counted,
        packs,
        language,
        generation,
        extra,
        in_use,
        in_use_extra,
    } = ours;
    Progress {
        schema: (*schema).max(theirs.schema),
        // Once read, the notice stays read.
        notice_seen: *notice_seen || theirs.notice_seen,
        show_survival_numbers: *changed_side(
            &base.show_survival_numbers,
            show_survival_numbers,
            &theirs.show_survival_numbers,
        ),
        my_questions: merge_my_questions(&base.my_questions, my_questions, &theirs.my_questions),
        last_lesson: changed_side(&base.last_lesson, last_lesson, &theirs.last_lesson).clone(),
        lessons: merge_map(&base.lessons, lessons, &theirs.lessons, merge_lesson),
        questions: merge_map(&base.questions, questions, &theirs.questions, merge_question),
        explored_sites: union_sorted(explored_sites, &theirs.explored_sites),
        attempts: union_multiset(&base.attempts, attempts, &theirs.attempts, Attempt::identity, |a| a.at),
        // A draft, a number or a setting is simply replaced: the side that changed it.
        checkin_draft: changed_side(&base.checkin_draft, checkin_draft, &theirs.checkin_draft).clone(),
        care_team_number: changed_side(&base.care_team_number, care_team_number, &theirs.care_team_number).clone(),
        checkin_reminders_off: *changed_side(
            &base.checkin_reminders_off,
            checkin_reminders_off,
            &theirs.checkin_reminders_off,
        ),
        packs: merge_packs(&base.packs, packs, &theirs.packs),
        language: changed_side(&base.language, language, &theirs.language).clone(),
        // The store sets it when it saves.
        history_counted: (*history_counted).max(theirs.history_counted),
        generation: (*generation).max(theirs.generation),
        extra: merge_table(&base.extra, extra, &theirs.extra),
        in_use: in_use.clone(),
        in_use_extra: merge_table(&base.in_use_extra, in_use_extra, &theirs.in_use_extra),
    }
}

/// "My questions" by id: edits and deletes from either side are kept (ours wins
/// where both edited one question); questions both copies added are all kept,
/// with theirs renumbered when the two copies chose the same new id. Our order
/// first, then questions only they have.
pub fn merge_my_questions(base: &[MyQuestion], ours: &[MyQuestion], theirs: &[MyQuestion]) -> Vec<MyQuestion> {
    let find = |list: &[MyQuestion], id: u64| list.iter().find(|q| q.id == id).cloned();
    let mut out: Vec<MyQuestion> = Vec::new();
    for q in ours {
        let was = find(base, q.id);
        let theirs_now = find(theirs, q.id);
        match (was, theirs_now) {
            // They deleted it and we did not touch it: stays deleted.
            (Some(was), None) if was == *q => {}
            // They edited it and we did not: theirs.
            (Some(was), Some(t)) if was == *q => out.push(t),
            _ => out.push(q.clone()),
        }
    }
    let mut next_id = ours.iter().chain(theirs).chain(base).map(|q| q.id).max().unwrap_or(0) + 1;
    for q in theirs {
        let in_base = base.iter().any(|b| b.id == q.id);
        let in_ours = ours.iter().any(|o| o.id == q.id);
        match (in_base, in_ours) {
            // Ours already decided about it above, or we deleted it.
            (true, _) => {}
            (false, false) => out.push(q.clone()),
            // Both added a question with this id: keep theirs too, under a new id.
            (false, true) => {
                if out.iter().all(|o| o.text != q.text || o.added != q.added) {
                    let mut q = q.clone();
                    q.id = next_id;
                    next_id += 1;
                    out.push(q);
                }
            }
        }
    }
    out
}

/// The side that changed the value since `base`; ours if both did (it is saving now,
/// so its change is the most recent).
pub fn changed_side<'a, T: PartialEq>(base: &T, ours: &'a T, theirs: &'a T) -> &'a T {
    if ours == base { theirs } else { ours }
}

/// Merge two maps by key. A key only one side changed (added, or edited) takes that
/// side's value; a key both sides changed goes to `both`. A key removed on one side
/// and untouched on the other stays removed.
pub fn merge_map<K: Ord + Clone, V: Clone + PartialEq>(
    base: &BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    both: impl Fn(&V, &V) -> V,
) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    for key in ours.keys().chain(theirs.keys()) {
        if out.contains_key(key) {
            continue;
        }
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = match (o, t) {
            (Some(o), Some(t)) if o == t => Some(o.clone()),
            (Some(o), Some(t)) if Some(o) == b => Some(t.clone()),
            (Some(o), Some(t)) if Some(t) == b => Some(o.clone()),
            (Some(o), Some(t)) => Some(both(o, t)),
            // Present on one side only: new there, or removed on the other.
            (Some(v), None) | (None, Some(v)) if b == Some(v) => None,
            (Some(v), None) | (None, Some(v)) => Some(v.clone()),
            (None, None) => None,
        };
        if let Some(value) = value {
            out.insert(key.clone(), value);
        }
    }
    out
}

/// The places of the packs not in use, pack by pack, field by field as the top level's.
fn merge_packs(
    base: &BTreeMap<String, PackProgress>,
    ours: &BTreeMap<String, PackProgress>,
    theirs: &BTreeMap<String, PackProgress>,
) -> BTreeMap<String, PackProgress> {
    let none = PackProgress::default();
    let mut out = BTreeMap::new();
    for id in ours.keys().chain(theirs.keys()) {
        let [b, o, t] = [base, ours, theirs].map(|side| side.get(id).unwrap_or(&none));
        let merged = PackProgress {
            last_lesson: changed_side(&b.last_lesson, &o.last_lesson, &t.last_lesson).clone(),
            lessons: merge_map(&b.lessons, &o.lessons, &t.lessons, merge_lesson),
            questions: merge_map(&b.questions, &o.questions, &t.questions, merge_question),
            extra: merge_table(&b.extra, &o.extra, &t.extra),
        };
        if !merged.is_empty() {
            out.insert(id.clone(), merged);
        }
    }
    out
}

/// Both copies read the same lesson: the place is ours (the later save), how far and
/// whether it was finished is the best of both.
fn merge_lesson(ours: &LessonProgress, theirs: &LessonProgress) -> LessonProgress {
    let mut extra = theirs.extra.clone();
    extra.extend(ours.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    LessonProgress {
        offset: ours.offset,
        lines_into_block: ours.lines_into_block,
        percent: ours.percent.max(theirs.percent),
        read: ours.read || theirs.read,
        extra,
    }
}

/// Both copies answered the same question: the later answer's review state wins.
fn merge_question(ours: &QuestionState, theirs: &QuestionState) -> QuestionState {
    if theirs.last > ours.last { theirs.clone() } else { ours.clone() }
}

/// The union of two sorted sets, sorted.
pub fn union_sorted<T: Ord + Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = ours.iter().chain(theirs).cloned().collect();
    out.sort();
    out.dedup();
    out
}

/// The union of two histories that only grow: every entry of ours, plus the entries
/// of theirs that are not in `base` (equal by `identity`, counting repeats, so two
/// equal answers given in the same second, one in each copy, are both kept), ordered
/// by `time`, ours first among equals.
pub fn union_multiset<T: Clone, K: Ord, O: Ord>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    identity: impl Fn(&T) -> K,
    time: impl Fn(&T) -> O,
) -> Vec<T> {
    let mut in_base: BTreeMap<K, usize> = BTreeMap::new();
    for item in base {
        *in_base.entry(identity(item)).or_default() += 1;
    }
    let mut out = ours.to_vec();
    for item in theirs {
        match in_base.get_mut(&identity(item)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(item.clone()),
        }
    }
    // Stable: ours keep their order, theirs slot in by time.
    out.sort_by_key(|item| time(item));
    out
}

/// Keys from newer versions: merged by key like a map, ours winning a conflict.
fn merge_table(base: &toml::Table, ours: &toml::Table, theirs: &toml::Table) -> toml::Table {
    let to_map = |t: &toml::Table| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<BTreeMap<_, _>>();
    merge_map(&to_map(base), &to_map(ours), &to_map(theirs), |o, _| o.clone()).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::record_answer;

    fn answered(mut p: Progress, question: &str, correct: bool, at: u64) -> Progress {
        record_answer(&mut p, question, &[0], correct, at);
        p
    }

    #[test]
    fn answers_from_both_copies_are_kept_in_time_order() {
        let base = answered(Progress::default(), "a", true, 10);
        let ours = answered(answered(base.clone(), "b", true, 30), "c", false, 50);
        let theirs = answered(base.clone(), "d", true, 40);
        let merged = merge(&base, &ours, &theirs);
        let order: Vec<(&str, u64)> = merged.attempts.iter().map(|a| (a.question.as_str(), a.at)).collect();
        assert_eq!(order, [("a", 10), ("b", 30), ("d", 40), ("c", 50)]);
        assert_eq!(merged.questions.keys().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        // Saving again changes nothing; a copy with nothing new takes the merged file.
        assert_eq!(merge(&merged, &merged, &merged), merged);
        assert_eq!(merge(&theirs, &theirs, &merged), merged);
    }

    #[test]
    fn repeated_equal_answers_are_all_kept() {
        // The same answer in the same second: twice in one copy, once in the other.
        let base = answered(Progress::default(), "a", false, 1);
        let ours = answered(answered(base.clone(), "a", false, 5), "a", false, 5);
        let theirs = answered(base.clone(), "a", false, 5);
        assert_eq!(merge(&base, &ours, &theirs).attempts.len(), 4);
        assert_eq!(merge(&base, &theirs, &ours).attempts.len(), 4);
    }

    #[test]
    fn the_later_answer_decides_the_review_box() {
        let base = Progress::default();
        let ours = answered(base.clone(), "q", true, 100);
        let theirs = answered(base.clone(), "q", false, 200);
        assert_eq!(merge(&base, &ours, &theirs).questions["q"], theirs.questions["q"]);
        assert_eq!(merge(&base, &theirs, &ours).questions["q"], theirs.questions["q"]);
    }

    #[test]
    fn lesson_places_merge_by_who_moved() {
        let mut base = Progress::default();
        base.record_position("a", 10, 10, false);
        base.record_position("b", 10, 10, false);
        let mut ours = base.clone();
        ours.record_position("a", 500, 60, false);
        let mut theirs = base.clone();
        theirs.record_position("b", 700, 100, true);
        theirs.record_position("c", 5, 3, false);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.lessons["a"], ours.lessons["a"], "only we moved in a");
        assert_eq!(merged.lessons["b"], theirs.lessons["b"], "only they moved in b");
        assert_eq!(merged.lessons["c"], theirs.lessons["c"]);
        assert_eq!(merged.last_lesson.as_deref(), Some("a"), "we opened a lesson since: ours");

        // Both read lesson a: our place (we save later), the best percent, read if either finished.
        theirs.record_position("a", 900, 100, true);
        let merged = merge(&base, &ours, &theirs);
        let a = &merged.lessons["a"];
        assert_eq!((a.offset, a.percent, a.read), (500, 100, true));
    }

    #[test]
    fn flags_and_sets_and_unknown_keys_combine() {
        let base = Progress::default();
        let mut ours = base.clone();
        ours.mark_explored("liver");
        ours.extra.insert("theme".into(), "dark".into());
        let mut theirs = base.clone();
        theirs.notice_seen = true;
        theirs.mark_explored("bone");
        theirs.mark_explored("liver");
        theirs.extra.insert("future".into(), 1.into());
        let merged = merge(&base, &ours, &theirs);
        assert!(merged.notice_seen);
        assert_eq!(merged.explored_sites, ["bone", "liver"]);
        assert_eq!(merged.extra.len(), 2);
        assert_eq!(merged.last_lesson, None);
    }

    #[test]
    fn one_side_unchanged_gives_the_other() {
        let mut base = Progress::default();
        base.record_position("a", 10, 10, false);
        let mut theirs = answered(base.clone(), "q", true, 7);
        theirs.record_position("a", 20, 30, false);
        assert_eq!(merge(&base, &base, &theirs), theirs);
        assert_eq!(merge(&base, &theirs, &base), theirs);
    }

    fn question(id: u64, text: &str) -> MyQuestion {
        MyQuestion {
            id,
            text: text.into(),
            lesson: None,
            section: None,
            asked: false,
            note: String::new(),
            added: id,
            extra: toml::Table::new(),
        }
    }

    #[test]
    fn my_questions_from_both_copies_are_kept_even_with_the_same_new_id() {
        let base = vec![question(1, "a"), question(2, "b")];
        let mut ours = base.clone();
        ours.push(question(3, "ours"));
        ours[0].asked = true;
        let mut theirs = base.clone();
        theirs.push(question(3, "theirs"));
        theirs.remove(1);
        let merged = merge_my_questions(&base, &ours, &theirs);
        let texts: Vec<(&str, bool)> = merged.iter().map(|q| (q.text.as_str(), q.asked)).collect();
        assert_eq!(texts, vec![("a", true), ("ours", false), ("theirs", false)], "b deleted by them, a asked by us");
        let mut ids: Vec<u64> = merged.iter().map(|q| q.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 3, "ids stay unique");
        // The other order of saves keeps the same questions.
        let other = merge_my_questions(&base, &theirs, &ours);
        let mut a: Vec<_> = merged.iter().map(|q| q.text.clone()).collect();
        let mut b: Vec<_> = other.iter().map(|q| q.text.clone()).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }
}

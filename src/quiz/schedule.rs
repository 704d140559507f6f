//! Review scheduling with Leitner boxes 1–5: a right answer moves a question up
//! one box, a wrong one sends it back to box 1, and each box waits longer before
//! the question comes back for review.

use std::collections::HashSet;

use crate::content::quiz::Question;
use crate::progress::{Attempt, Progress, QuestionState};

/// Seconds in a day.
pub const DAY: u64 = 86_400;

/// The highest box.
pub const MAX_BOX: u8 = 5;

/// Days to wait before a question in box `b` is due again: `INTERVAL_DAYS[b - 1]`.
pub const INTERVAL_DAYS: [u64; 5] = [0, 1, 3, 7, 14];

/// A box number from the progress file, made safe to use (a hand-edited file may say 0 or 9).
fn clamp_box(b: u8) -> u8 {
    b.clamp(1, MAX_BOX)
}

/// The box after an answer: up one (at most 5) if right, back to 1 if wrong.
pub fn next_box(current: u8, correct: bool) -> u8 {
    if correct { (clamp_box(current) + 1).min(MAX_BOX) } else { 1 }
}

/// When a question in this state is due again, in seconds since 1970.
pub fn due_at(state: &QuestionState) -> u64 {
    let days = INTERVAL_DAYS[usize::from(clamp_box(state.leitner_box)) - 1];
    state.last.saturating_add(days * DAY)
}

/// Whether a question is due: never answered, or its box's wait is over (box 1 is due at once).
pub fn is_due(state: Option<&QuestionState>, now: u64) -> bool {
    state.is_none_or(|s| now >= due_at(s))
}

/// Record an answer: move the question's box (a new question starts in box 1, so a
/// right first answer puts it in box 2), remember when, and add it to the history.
pub fn record_answer(progress: &mut Progress, question_id: &str, chosen: &[usize], correct: bool, now: u64) {
    let attempt = Attempt::answer(now, question_id, chosen, correct).in_pack(progress.in_use.as_deref());
    move_box(progress, &attempt);
    progress.attempts.push(attempt);
}

/// Count an answer in the review schedule only (it is in the history already): for
/// answers the progress store finds saved by a copy of the app that was stopped
/// before it could update the schedule. An answer older than the question's last
/// one changes nothing: the later answer decides.
pub fn schedule_answer(progress: &mut Progress, attempt: &Attempt) {
    if attempt.is_checkin() {
        return;
    }
    let newer =
        progress.questions_of(attempt.pack_id()).get(&attempt.question).is_none_or(|state| attempt.at >= state.last);
    if newer {
        move_box(progress, attempt);
    }
}

fn move_box(progress: &mut Progress, attempt: &Attempt) {
    let (now, correct) = (attempt.at, attempt.correct);
    // The schedule of the pack the question is in: the same id in another language's
    // pack is another question to review.
    let questions = progress.questions_of(attempt.pack_id());
    match questions.get_mut(&attempt.question) {
        // A right answer before the question is due again proves nothing new about
        // memory: it keeps its box and its clock, so mastery needs spaced recall.
        Some(state) if correct && !is_due(Some(state), now) => {}
        Some(state) => {
            state.leitner_box = next_box(state.leitner_box, correct);
            state.last = now;
        }
        None => {
            let state = QuestionState { leitner_box: next_box(1, correct), last: now, extra: toml::Table::new() };
            questions.insert(attempt.question.clone(), state);
        }
    }
}

#[cfg(test)]
mod spacing_tests {
    use super::*;

    #[test]
    fn right_answers_only_move_up_when_due() {
        let mut p = Progress::default();
        record_answer(&mut p, "q", &[0], true, 0);
        assert_eq!(p.questions["q"].leitner_box, 2);
        // Again the same minute: not due (box 2 waits a day), so no move.
        record_answer(&mut p, "q", &[0], true, 60);
        assert_eq!((p.questions["q"].leitner_box, p.questions["q"].last), (2, 0));
        // A day later it is due, and moves up.
        record_answer(&mut p, "q", &[0], true, DAY);
        assert_eq!(p.questions["q"].leitner_box, 3);
        // A wrong answer always goes back to box 1.
        record_answer(&mut p, "q", &[1], false, DAY + 1);
        assert_eq!(p.questions["q"].leitner_box, 1);
        assert_eq!(p.attempts.len(), 4, "every attempt is kept");
    }
}

/// Questions to review now: those answered at least once before and due again,
/// lowest box first, then the longest unseen; ties keep the pack's order.
/// Progress entries for ids not in `questions` are ignored.
pub fn due_questions<'a>(questions: &'a [Question], progress: &Progress, now: u64) -> Vec<&'a Question> {
    let mut due: Vec<(&'a Question, u8, u64)> = questions
        .iter()
        .filter_map(|q| {
            let state = progress.questions.get(&q.id)?;
            is_due(Some(state), now).then_some((q, clamp_box(state.leitner_box), state.last))
        })
        .collect();
    // A pack with a repeated id (which `check` rejects) must not list it twice.
    let mut seen = HashSet::new();
    due.retain(|(q, _, _)| seen.insert(q.id.as_str()));
    due.sort_by_key(|&(_, b, last)| (b, last));
    due.into_iter().map(|(q, _, _)| q).collect()
}

/// How many questions `due_questions` would give.
pub fn due_count(questions: &[Question], progress: &Progress, now: u64) -> usize {
    due_questions(questions, progress, now).len()
}

/// Whole days until the next of `questions` comes due, if any has been answered
/// (0: one is due now).
pub fn next_due_in_days(questions: &[Question], progress: &Progress, now: u64) -> Option<u64> {
    questions
        .iter()
        .filter_map(|q| progress.questions.get(&q.id))
        .map(due_at)
        .min()
        .map(|at| at.saturating_sub(now).div_ceil(DAY))
}

/// When the earliest of the questions `ids` comes back for review (seconds since
/// 1970), if any of them has been answered: what the end of a quiz tells about the
/// questions just missed.
pub fn comes_back_at(ids: &[&str], progress: &Progress) -> Option<u64> {
    ids.iter().filter_map(|id| progress.questions.get(*id)).map(due_at).min()
}

/// A review time as a person says it, from the day it is now. Days are UTC calendar
/// days, as every date the tutor shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDay {
    /// Due already.
    Now,
    LaterToday,
    Tomorrow,
    /// A later day: day of the month (1–31) and month (1–12).
    On {
        day: u8,
        month: u8,
    },
}

/// Say when a review falls due at `due`, seen at `now`.
pub fn review_day(due: u64, now: u64) -> ReviewDay {
    let (day, today) = (due / DAY, now / DAY);
    if due <= now {
        ReviewDay::Now
    } else if day == today {
        ReviewDay::LaterToday
    } else if day == today + 1 {
        ReviewDay::Tomorrow
    } else {
        // `date_of` is the tutor's one calendar: "YYYY-MM-DD".
        let date = crate::content::check::date_of(due);
        let part = |range: std::ops::Range<usize>| date.get(range).and_then(|p| p.parse().ok()).unwrap_or(1);
        ReviewDay::On { day: part(8..10), month: part(5..7) }
    }
}

/// A lesson's quiz is mastered when it has at least one question and every one is in box 3 or higher.
pub fn mastered(lesson_questions: &[&Question], progress: &Progress) -> bool {
    !lesson_questions.is_empty()
        && lesson_questions.iter().all(|q| progress.questions.get(&q.id).is_some_and(|s| s.leitner_box >= 3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::quiz::Kind;
    use crate::quiz::testing::question;

    const T0: u64 = 1_780_000_000;

    fn state(leitner_box: u8, last: u64) -> QuestionState {
        QuestionState { leitner_box, last, extra: toml::Table::new() }
    }

    #[test]
    fn boxes_move_up_one_and_fall_to_one() {
        // (current, correct, next)
        let cases = [
            (1, true, 2),
            (2, true, 3),
            (4, true, 5),
            (5, true, 5),
            (1, false, 1),
            (3, false, 1),
            (5, false, 1),
            (0, true, 2),
            (9, true, 5),
        ];
        for (current, correct, next) in cases {
            assert_eq!(next_box(current, correct), next, "box {current}, correct {correct}");
        }
    }

    #[test]
    fn due_dates_follow_the_box() {
        // (box, last, now, due)
        let cases = [
            (1, T0, T0, true),
            (1, T0, T0 + 1, true),
            (2, T0, T0, false),
            (2, T0, T0 + DAY - 1, false),
            (2, T0, T0 + DAY, true),
            (3, T0, T0 + 3 * DAY - 1, false),
            (3, T0, T0 + 3 * DAY, true),
            (4, T0, T0 + 7 * DAY, true),
            (5, T0, T0 + 14 * DAY - 1, false),
            (5, T0, T0 + 14 * DAY, true),
            (2, T0, T0 - 100, false),
            (0, T0, T0, true),
            (200, u64::MAX - 5, u64::MAX - 1, false),
        ];
        for (b, last, now, due) in cases {
            assert_eq!(is_due(Some(&state(b, last)), now), due, "box {b}, {} s after", now.wrapping_sub(last));
        }
        assert!(is_due(None, 0), "never answered is due");
        assert_eq!(due_at(&state(2, T0)), T0 + DAY);
        assert_eq!(due_at(&state(5, T0)), T0 + 14 * DAY);
        assert_eq!(due_at(&state(1, T0)), T0);
    }

    #[test]
    fn record_answer_moves_boxes_and_keeps_history() {
        let mut p = Progress::default();
        record_answer(&mut p, "a", &[2], true, T0);
        assert_eq!(p.questions["a"].leitner_box, 2, "a right first answer: box 2");
        record_answer(&mut p, "b", &[0], false, T0);
        assert_eq!(p.questions["b"].leitner_box, 1, "a wrong first answer: box 1");
        record_answer(&mut p, "a", &[2], true, T0 + DAY);
        assert_eq!((p.questions["a"].leitner_box, p.questions["a"].last), (3, T0 + DAY));
        record_answer(&mut p, "a", &[0, 1], false, T0 + 5 * DAY);
        assert_eq!((p.questions["a"].leitner_box, p.questions["a"].last), (1, T0 + 5 * DAY));
        // Right each time it comes due: up to the top box, never past it.
        let mut now = T0;
        for _ in 0..10 {
            record_answer(&mut p, "b", &[1], true, now);
            now += 14 * DAY;
        }
        assert_eq!(p.questions["b"].leitner_box, MAX_BOX);
        assert_eq!(p.attempts.len(), 14);
        assert_eq!(p.attempts[3], Attempt::answer(T0 + 5 * DAY, "a", &[0, 1], false));
    }

    #[test]
    fn record_answer_keeps_unknown_keys_of_the_state() {
        let mut p = Progress::default();
        let mut s = state(2, T0);
        s.extra.insert("ease".into(), toml::Value::Integer(3));
        p.questions.insert("a".into(), s);
        record_answer(&mut p, "a", &[0], true, T0 + DAY);
        assert_eq!(p.questions["a"].extra.get("ease"), Some(&toml::Value::Integer(3)));
    }

    #[test]
    fn due_questions_are_met_before_due_now_and_ordered() {
        let qs: Vec<Question> = ["new", "b2-due", "b1-late", "b1-early", "b3-not-due", "b5-due"]
            .iter()
            .map(|id| question(id, "l", Kind::Single, 3, &[0]))
            .collect();
        let mut p = Progress::default();
        let now = T0 + 10 * DAY;
        p.questions.insert("b2-due".into(), state(2, T0));
        p.questions.insert("b1-late".into(), state(1, T0 + 5 * DAY));
        p.questions.insert("b1-early".into(), state(1, T0 + DAY));
        p.questions.insert("b3-not-due".into(), state(3, now - DAY));
        p.questions.insert("b5-due".into(), state(5, now - 14 * DAY));
        p.questions.insert("gone-from-the-pack".into(), state(1, T0));
        let ids: Vec<&str> = due_questions(&qs, &p, now).iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["b1-early", "b1-late", "b2-due", "b5-due"]);
        assert_eq!(due_count(&qs, &p, now), 4);
        assert!(p.questions.contains_key("gone-from-the-pack"), "kept, never removed");
        assert_eq!(due_count(&qs, &Progress::default(), now), 0, "nothing met yet, nothing to review");
        assert_eq!(due_count(&[], &p, now), 0);
    }

    #[test]
    fn mastered_needs_every_question_in_box_three() {
        let qs: Vec<Question> = ["a", "b"].iter().map(|id| question(id, "l", Kind::Single, 3, &[0])).collect();
        let refs: Vec<&Question> = qs.iter().collect();
        let mut p = Progress::default();
        assert!(!mastered(&refs, &p));
        p.questions.insert("a".into(), state(3, T0));
        assert!(!mastered(&refs, &p), "b never answered");
        p.questions.insert("b".into(), state(2, T0));
        assert!(!mastered(&refs, &p), "b in box 2");
        p.questions.insert("b".into(), state(5, T0));
        assert!(mastered(&refs, &p));
        assert!(!mastered(&[], &p), "a lesson without questions is never mastered");
    }

    #[test]
    fn missed_questions_come_back_when_their_box_says() {
        let mut p = Progress::default();
        record_answer(&mut p, "wrong", &[1], false, T0);
        record_answer(&mut p, "right", &[0], true, T0);
        // A wrong answer goes to box 1, due again at once.
        assert_eq!(comes_back_at(&["wrong"], &p), Some(T0));
        assert_eq!(comes_back_at(&["right"], &p), Some(T0 + DAY));
        assert_eq!(comes_back_at(&["right", "wrong"], &p), Some(T0), "the earliest");
        assert_eq!(comes_back_at(&["never-answered"], &p), None);
        assert_eq!(comes_back_at(&[], &p), None);
    }

    #[test]
    fn review_days_are_said_from_today() {
        // 2025-12-02 12:00 UTC.
        let noon = 1_764_676_800;
        assert_eq!(crate::content::check::date_of(noon), "2025-12-02");
        let cases = [
            (noon - 1, ReviewDay::Now),
            (noon, ReviewDay::Now),
            (noon + 3600, ReviewDay::LaterToday),
            (noon + 12 * 3600 - 1, ReviewDay::LaterToday),
            (noon + 12 * 3600, ReviewDay::Tomorrow),
            (noon + DAY, ReviewDay::Tomorrow),
            (noon + 3 * DAY, ReviewDay::On { day: 5, month: 12 }),
            (noon + 30 * DAY, ReviewDay::On { day: 1, month: 1 }),
        ];
        for (due, said) in cases {
            assert_eq!(review_day(due, noon), said, "{due}");
        }
    }
}

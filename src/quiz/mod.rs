//! Quiz sessions, grading and review scheduling. Pure logic: no terminal, no
//! files, no clock (the time is always passed in as seconds since 1970, UTC).

pub mod grade;
pub mod schedule;
pub mod session;
pub mod shuffle;

pub use grade::{Verdict, grade};
pub use schedule::{
    DAY, INTERVAL_DAYS, MAX_BOX, ReviewDay, comes_back_at, due_at, due_count, due_questions, is_due, mastered,
    next_box, next_due_in_days, record_answer, review_day, schedule_answer,
};
pub use session::{MIXED_COUNT, QuizSession, mixed, mixed_for};
pub use shuffle::{choice_order, to_original};

/// Questions for tests, without a quiz file.
#[cfg(test)]
pub(crate) mod testing {
    use crate::content::quiz::{Kind, Question};

    /// A question `id` of `lesson` with `n` choices "A", "B", … (True/False for
    /// true_false), right choices `correct` (0-based), seeing `lesson#<id>`.
    pub fn question(id: &str, lesson: &str, kind: Kind, n: usize, correct: &[usize]) -> Question {
        let choices = match kind {
            Kind::TrueFalse => vec!["True".to_string(), "False".to_string()],
            _ => (0..n).map(|i| char::from(b'A' + i as u8).to_string()).collect(),
        };
        Question {
            id: id.to_string(),
            lesson: lesson.to_string(),
            kind,
            prompt: format!("Prompt of {id}?"),
            choices,
            correct: correct.to_vec(),
            explanation: format!("Explanation of {id}."),
            see: format!("{lesson}#{id}"),
            file: format!("{lesson}.toml"),
            line: 1,
            see_line: 8,
        }
    }
}

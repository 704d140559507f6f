//! A quiz being taken: which question is on screen, the order its choices are
//! shown in, and the answers given so far.

use crate::content::quiz::Question;
use crate::progress::Progress;

use super::grade::{Verdict, grade};
use super::shuffle::{choice_order, to_original};

#[derive(Debug, Clone)]
struct Item {
    question: Question,
    /// Display position `i` shows original choice `order[i]`.
    order: Vec<usize>,
    /// The picks, as original 0-based indices, once answered.
    chosen: Option<Vec<usize>>,
    verdict: Option<Verdict>,
}

/// A quiz in progress. Questions come in the order given; each question's
/// choices are shuffled once, when the session is made.
#[derive(Debug, Clone)]
pub struct QuizSession {
    items: Vec<Item>,
    index: usize,
}

impl QuizSession {
    /// A session over `questions`, their choices shuffled by `seed` (the same seed
    /// gives the same order). True/false questions keep True, False.
    pub fn new(questions: Vec<Question>, seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let items = questions
            .into_iter()
            .map(|question| {
                let order = choice_order(&question, &mut rng);
                Item { question, order, chosen: None, verdict: None }
            })
            .collect();
        QuizSession { items, index: 0 }
    }

    /// The question on screen and its display order, or `None` once finished.
    pub fn current(&self) -> Option<(&Question, &[usize])> {
        self.items.get(self.index).map(|item| (&item.question, item.order.as_slice()))
    }

    /// 0-based position of the current question (equal to `len()` once finished).
    pub fn index(&self) -> usize {
        self.index
    }

    /// Number of questions in the session.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Answer the current question with picks given as display positions (0-based).
    /// Only the first answer to a question counts: answering it again returns the
    /// first verdict unchanged. Once finished, returns an empty, wrong verdict and
    /// records nothing.
    pub fn answer(&mut self, display_picks: &[usize]) -> Verdict {
        let Some(item) = self.items.get_mut(self.index) else { return Verdict::default() };
        if let Some(verdict) = &item.verdict {
            return verdict.clone();
        }
        let chosen = to_original(&item.order, display_picks);
        let verdict = grade(&item.question, &chosen);
        item.chosen = Some(chosen);
        item.verdict = Some(verdict.clone());
        verdict
    }

    /// The verdict on the current question, once it has been answered (`None`
    /// before, and again after `next`).
    pub fn last_verdict(&self) -> Option<&Verdict> {
        self.items.get(self.index).and_then(|item| item.verdict.as_ref())
    }

    /// The current question's picks as original 0-based indices (sorted), once
    /// answered: what to pass to `schedule::record_answer`.
    pub fn last_chosen(&self) -> Option<&[usize]> {
        self.items.get(self.index).and_then(|item| item.chosen.as_deref())
    }

    /// Move to the next question (a question left unanswered is skipped).
    pub fn next(&mut self) {
        if self.index < self.items.len() {
            self.index += 1;
        }
    }

    /// Past the last question.
    pub fn is_finished(&self) -> bool {
        self.index >= self.items.len()
    }

    /// (right, answered).
    pub fn score(&self) -> (usize, usize) {
        let answered = self.items.iter().filter_map(|item| item.verdict.as_ref());
        answered.fold((0, 0), |(right, total), v| (right + usize::from(v.correct), total + 1))
    }

    /// Questions answered wrongly, in quiz order.
    pub fn missed(&self) -> Vec<&Question> {
        self.items
            .iter()
            .filter(|item| item.verdict.as_ref().is_some_and(|v| !v.correct))
            .map(|item| &item.question)
            .collect()
    }

    /// The `see` targets (`lesson#anchor`) of the missed questions, each once, in quiz order.
    pub fn read_again(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for q in self.missed() {
            if !out.contains(&q.see) {
                out.push(q.see.clone());
            }
        }
        out
    }
}

/// How many questions a mixed quiz asks.
pub const MIXED_COUNT: usize = 10;

/// The mixed quiz the tutor offers: up to `MIXED_COUNT` questions from the lessons
/// the person has finished reading (none if no lesson is finished).
pub fn mixed_for(questions: &[Question], lesson_ids: &[&str], progress: &Progress, seed: u64) -> Vec<Question> {
    let read: Vec<&str> =
        lesson_ids.iter().copied().filter(|id| progress.lessons.get(*id).is_some_and(|p| p.read)).collect();
    mixed(questions, &read, MIXED_COUNT, seed)
}

/// A mixed quiz: the questions of the given lessons, shuffled by `seed`, at most `count`.
pub fn mixed(questions: &[Question], lesson_ids: &[&str], count: usize, seed: u64) -> Vec<Question> {
    let mut picked: Vec<Question> =
        questions.iter().filter(|q| lesson_ids.contains(&q.lesson.as_str())).cloned().collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut picked);
    picked.truncate(count);
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::quiz::Kind;
    use crate::quiz::testing::question;

    fn three() -> Vec<Question> {
        let mut qs = vec![
            question("s", "staging", Kind::Single, 4, &[2]),
            question("m", "staging", Kind::Multiple, 4, &[0, 3]),
            question("t", "staging", Kind::TrueFalse, 2, &[0]),
        ];
        qs[1].see = "staging#s".into(); // the same section as "s"
        qs
    }

    /// Display positions of the original choices `originals` in `order`.
    fn positions(order: &[usize], originals: &[usize]) -> Vec<usize> {
        originals.iter().filter_map(|o| order.iter().position(|x| x == o)).collect()
    }

    #[test]
    fn a_session_runs_in_order_and_scores() {
        let mut s = QuizSession::new(three(), 42);
        assert_eq!((s.len(), s.index(), s.is_finished(), s.score()), (3, 0, false, (0, 0)));

        let (q, order) = s.current().unwrap();
        assert_eq!(q.id, "s");
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3]);
        let wrong = positions(order, &[1]);
        assert_eq!(s.last_verdict(), None);
        let v = s.answer(&wrong);
        assert!(!v.correct);
        assert_eq!((v.wrong_picks.as_slice(), v.missed.as_slice()), (&[1][..], &[2][..]));
        assert_eq!(s.last_verdict(), Some(&v));
        assert_eq!(s.last_chosen(), Some(&[1][..]));
        let again = s.answer(&positions(s.current().unwrap().1, &[2]));
        assert_eq!(again, v, "only the first answer counts");
        assert_eq!(s.score(), (0, 1));
        s.next();

        let (q, order) = s.current().unwrap();
        assert_eq!(q.id, "m");
        assert_eq!(s.last_verdict(), None, "a new question has no verdict yet");
        let partial = s.answer(&positions(order, &[3]));
        assert!(!partial.correct);
        assert_eq!(partial.missed, [0]);
        s.next();

        let (q, order) = s.current().unwrap();
        assert_eq!((q.id.as_str(), order), ("t", &[0, 1][..]));
        assert!(s.answer(&[0]).correct);
        assert_eq!(s.last_chosen(), Some(&[0][..]));
        s.next();

        assert!(s.is_finished());
        assert!(s.current().is_none());
        assert_eq!(s.index(), 3);
        assert_eq!(s.score(), (1, 3));
        let missed: Vec<&str> = s.missed().iter().map(|q| q.id.as_str()).collect();
        assert_eq!(missed, ["s", "m"]);
        assert_eq!(s.read_again(), ["staging#s"], "deduplicated");

        // Past the end: nothing happens, nothing panics.
        s.next();
        assert_eq!(s.index(), 3);
        assert_eq!(s.answer(&[0]), Verdict::default());
        assert_eq!(s.score(), (1, 3));
    }

    #[test]
    fn skipped_questions_are_not_scored() {
        let mut s = QuizSession::new(three(), 1);
        s.next();
        let order = s.current().unwrap().1.to_vec();
        assert!(s.answer(&positions(&order, &[0, 3])).correct);
        s.next();
        s.next();
        assert!(s.is_finished());
        assert_eq!(s.score(), (1, 1));
        assert!(s.read_again().is_empty());
    }

    #[test]
    fn the_same_seed_gives_the_same_order() {
        let orders = |seed| {
            let mut s = QuizSession::new(three(), seed);
            let mut all = Vec::new();
            while let Some((_, order)) = s.current() {
                all.push(order.to_vec());
                s.next();
            }
            all
        };
        assert_eq!(orders(5), orders(5));
        assert!((0..20).any(|seed| orders(seed) != orders(5)));
    }

    #[test]
    fn an_empty_session_is_finished() {
        let mut s = QuizSession::new(Vec::new(), 0);
        assert!(s.is_finished() && s.is_empty());
        assert_eq!(s.answer(&[0]), Verdict::default());
        assert_eq!(s.score(), (0, 0));
    }

    #[test]
    fn mixed_takes_the_given_lessons_shuffled_and_capped() {
        let mut qs = Vec::new();
        for lesson in ["a", "b", "c"] {
            for i in 0..5 {
                qs.push(question(&format!("{lesson}{i}"), lesson, Kind::Single, 3, &[0]));
            }
        }
        let m = mixed(&qs, &["a", "c"], 100, 9);
        assert_eq!(m.len(), 10);
        assert!(m.iter().all(|q| q.lesson == "a" || q.lesson == "c"));
        assert_eq!(mixed(&qs, &["a", "c"], 100, 9), m, "the same seed, the same quiz");
        assert!((0..20).any(|seed| mixed(&qs, &["a", "c"], 100, seed) != m), "shuffled by the seed");
        assert_eq!(mixed(&qs, &["b"], 3, 9).len(), 3);
        assert!(mixed(&qs, &["b"], 3, 9).iter().all(|q| q.lesson == "b"));
        assert!(mixed(&qs, &["zzz"], 3, 9).is_empty());
        assert!(mixed(&qs, &["a"], 0, 9).is_empty());
    }
}

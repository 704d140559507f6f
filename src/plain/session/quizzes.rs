//! Quizzes: a lesson's quiz, the review of questions due again (and when the next
//! one is), and the mixed quiz. Questions are asked by the plain quiz (`plain::quiz`);
//! every answer is saved at once.

use std::io::{self, BufRead, Read, Write};

use super::{Session, Step, prompt, words};
use crate::content::Question;
use crate::plain;
use crate::quiz::{self, QuizSession};
use crate::words::t;

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn quizzes(&mut self) -> Step {
        loop {
            self.blank()?;
            self.say(t("plain.session.quizzes.title"))?;
            let now = self.now();
            let due = quiz::due_count(&self.pack.questions, &self.progress, now);
            let labels = [
                t("plain.session.quizzes.lesson_quiz_item").to_string(),
                words::review_item(due),
                t("plain.session.quizzes.mixed_item").to_string(),
            ];
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(0) => self.choose_lesson_quiz()?,
                Some(1) => self.review()?,
                Some(_) => self.mixed()?,
                None => return Ok(()),
            }
        }
    }

    fn choose_lesson_quiz(&mut self) -> Step {
        loop {
            self.blank()?;
            self.say(t("plain.session.quizzes.which_quiz"))?;
            // In the lessons menu's order, so a lesson has the same number in both.
            let order = self.lesson_order();
            let labels: Vec<String> = (order.iter().map(|&i| &self.pack.lessons[i]))
                .map(|l| {
                    words::quiz_item(
                        &l.title,
                        self.pack.quiz(&l.id).len(),
                        quiz::mastered(&self.pack.quiz(&l.id), &self.progress),
                    )
                })
                .collect();
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(i) => self.lesson_quiz(order[i])?,
                None => return Ok(()),
            }
        }
    }

    pub(super) fn lesson_quiz(&mut self, index: usize) -> Step {
        let Some(lesson) = self.pack.lessons.get(index) else { return Ok(()) };
        let questions: Vec<Question> = self.pack.quiz(&lesson.id).into_iter().cloned().collect();
        if questions.is_empty() {
            return Ok(self.say(t("plain.session.quizzes.no_quiz"))?);
        }
        self.run_quiz(&words::lesson_quiz_title(&lesson.title, questions.len()), questions)
    }

    fn review(&mut self) -> Step {
        let now = self.now();
        let due: Vec<Question> =
            quiz::due_questions(&self.pack.questions, &self.progress, now).into_iter().cloned().collect();
        if due.is_empty() {
            let next = quiz::next_due_in_days(&self.pack.questions, &self.progress, now);
            return Ok(self.say(&words::nothing_due(next))?);
        }
        self.run_quiz(&words::review_title(due.len()), due)?;
        let next = quiz::next_due_in_days(&self.pack.questions, &self.progress, self.now());
        if let Some(days) = next {
            self.say(&words::next_review(days))?;
        }
        Ok(())
    }

    fn mixed(&mut self) -> Step {
        let ids = self.pack.lesson_ids();
        let seed = self.next_seed();
        let questions = quiz::mixed_for(&self.pack.questions, &ids, &self.progress, seed);
        if questions.is_empty() {
            return Ok(self.say(t("plain.session.quizzes.read_first"))?);
        }
        self.run_quiz(&words::mixed_title(questions.len()), questions)
    }

    /// Ask the questions; each answer is recorded and saved as soon as it is given.
    /// `q` stops, keeping the answers so far. Then the sections to read again.
    fn run_quiz(&mut self, title: &str, questions: Vec<Question>) -> Step {
        self.blank()?;
        self.say(title)?;
        self.say(t("plain.session.quizzes.quiz_how"))?;
        self.blank()?;
        let mut session = QuizSession::new(questions, self.next_seed());
        let mut failures = Vec::new();
        {
            let Session { input, out, progress, store, options, .. } = self;
            let clock = options.clock;
            let mut on_answer = |id: &str, chosen: &[usize], correct: bool| {
                quiz::record_answer(progress, id, chosen, correct, clock());
                if let Err(e) = store.save(progress) {
                    failures.push(format!("{e:#}"));
                }
                failures.extend(store.take_notices().into_iter().map(|n| words::notice(&n)));
                progress.questions.get(id).map(quiz::due_at)
            };
            let how = words::review_from_menu();
            let review = plain::quiz::Review { now: clock(), how: &how };
            plain::quiz::run(Some(self.pack), &mut session, &mut UntilBack::new(input), out, review, &mut on_answer)?;
        }
        for failure in failures {
            self.say(&words::save_failed(&failure))?;
        }
        if session.is_finished() {
            self.read_again(&session)?;
        }
        Ok(())
    }

    /// After a finished quiz: the sections of the missed questions, to read.
    fn read_again(&mut self, session: &QuizSession) -> Step {
        let targets = session.read_again();
        if targets.is_empty() {
            return Ok(self.say(t("plain.session.quizzes.all_right"))?);
        }
        loop {
            self.say(&words::read_again_title(targets.len()))?;
            let labels: Vec<String> = targets.iter().map(|t| self.link_place(t)).collect();
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(i) => self.follow(&targets[i])?,
                None => return Ok(()),
            }
        }
    }
}

/// The session's input as the quiz sees it: the line `q` ends it (the quiz stops,
/// keeping its answers), and the rest of the input is left for the menus.
struct UntilBack<'r, R: BufRead> {
    inner: &'r mut R,
    line: Vec<u8>,
    pos: usize,
    ended: bool,
}

impl<'r, R: BufRead> UntilBack<'r, R> {
    fn new(inner: &'r mut R) -> Self {
        UntilBack { inner, line: Vec::new(), pos: 0, ended: false }
    }
}

impl<R: BufRead> Read for UntilBack<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for UntilBack<'_, R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.line.len() && !self.ended {
            match plain::quiz::read_line(self.inner)? {
                Some(line) if !prompt::is_back(&line) => {
                    self.line = line.into_bytes();
                    self.line.push(b'\n');
                    self.pos = 0;
                }
                _ => self.ended = true,
            }
        }
        Ok(if self.ended && self.pos >= self.line.len() { &[] } else { &self.line[self.pos..] })
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.line.len());
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    #[test]
    fn the_quiz_input_ends_at_q_and_leaves_the_rest() {
        let mut input = Cursor::new(b"1\n2,3\n q \nnext\n".to_vec());
        let mut lines = Vec::new();
        {
            let mut quiz_input = UntilBack::new(&mut input);
            while let Some(line) = plain::quiz::read_line(&mut quiz_input).unwrap() {
                lines.push(line);
            }
        }
        assert_eq!(lines, ["1", "2,3"]);
        assert_eq!(plain::quiz::read_line(&mut input).unwrap().as_deref(), Some("next"));
        let mut empty = Cursor::new(Vec::new());
        assert!(plain::quiz::read_line(&mut UntilBack::new(&mut empty)).unwrap().is_none());
    }
}

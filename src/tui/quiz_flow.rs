//! The quiz screen's state and how actions change it. Grading, shuffling and
//! scheduling live in `crate::quiz`; this file only drives them.

use std::cell::Cell;

use super::action::{Action, Effect};
use super::app::{App, Screen, top, top_mut};
use super::text;
use crate::content::Question;
use crate::content::quiz::Kind;
use crate::quiz::{self, QuizSession};
use crate::words::t;

/// What kind of quiz is running, for its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizKind {
    Lesson(String),
    Review,
    Mixed,
}

pub struct QuizState {
    pub kind: QuizKind,
    pub session: QuizSession,
    /// The highlighted choice (a display position).
    pub cursor: usize,
    /// Picked display positions, for "choose all that apply".
    pub picked: Vec<usize>,
    /// Rows scrolled, for long feedback on small windows.
    pub scroll: u16,
    /// Just after an answer is checked: the drawing scrolls so the last choice is in view
    /// (every choice's mark, the right answer's too), until the person scrolls.
    pub show_every_mark: bool,
    /// The first row the last frame showed (so scrolling goes on from what was seen).
    pub drawn_scroll: Cell<u16>,
    /// On the summary: the highlighted section to read again (an index of `session.read_again()`).
    pub summary_cursor: usize,
    /// On the summary: when the missed questions come back for review.
    pub comeback: Option<quiz::ReviewDay>,
}

impl QuizState {
    pub fn answered(&self) -> bool {
        self.session.last_verdict().is_some()
    }

    fn choice_count(&self) -> usize {
        self.session.current().map_or(0, |(q, _)| q.choices.len())
    }
}

impl App {
    /// Start a quiz on `questions`; says why not when there are none.
    pub fn start_quiz(&mut self, kind: QuizKind, questions: Vec<Question>) {
        if questions.is_empty() {
            self.message = Some(match kind {
                QuizKind::Lesson(_) => t("tui.no_quiz").to_string(),
                QuizKind::Review => text::nothing_due(self.next_review_in_days()),
                QuizKind::Mixed => t("tui.read_first").to_string(),
            });
            return;
        }
        let session = QuizSession::new(questions, self.quiz_seed);
        self.quiz_seed = self.quiz_seed.wrapping_add(1);
        self.push(Screen::Quiz(QuizState {
            kind,
            session,
            cursor: 0,
            picked: Vec::new(),
            scroll: 0,
            show_every_mark: false,
            drawn_scroll: Cell::new(0),
            summary_cursor: 0,
            comeback: None,
        }));
    }

    pub fn start_lesson_quiz(&mut self, lesson: usize) {
        let Some(id) = self.pack.lessons.get(lesson).map(|l| l.id.clone()) else { return };
        let questions = self.pack.quiz(&id).into_iter().cloned().collect();
        self.start_quiz(QuizKind::Lesson(id), questions);
    }

    pub fn start_review(&mut self) {
        let now = (self.clock)();
        let due = quiz::due_questions(&self.pack.questions, &self.progress, now).into_iter().cloned().collect();
        self.start_quiz(QuizKind::Review, due);
    }

    pub fn start_mixed(&mut self) {
        let ids = self.pack.lesson_ids();
        let questions = quiz::mixed_for(&self.pack.questions, &ids, &self.progress, self.quiz_seed);
        self.start_quiz(QuizKind::Mixed, questions);
    }

    /// Questions due for review now.
    pub fn due_count(&self) -> usize {
        quiz::due_count(&self.pack.questions, &self.progress, (self.clock)())
    }

    /// Whole days until the next question comes due, if any has been answered.
    pub fn next_review_in_days(&self) -> Option<u64> {
        quiz::next_due_in_days(&self.pack.questions, &self.progress, (self.clock)())
    }

    /// All questions of a lesson are in box 3 or higher.
    pub fn lesson_mastered(&self, lesson_id: &str) -> bool {
        quiz::mastered(&self.pack.quiz(lesson_id), &self.progress)
    }

    pub(super) fn update_quiz(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = top_mut!(self, Quiz) else { return vec![] };
        if state.session.is_finished() {
            return self.update_quiz_summary(action);
        }
        if state.answered() {
            match action {
                Action::Open | Action::NextLesson => {
                    state.session.next();
                    state.cursor = 0;
                    state.picked.clear();
                    state.scroll = 0;
                    state.show_every_mark = false;
                    if state.session.is_finished() {
                        self.note_comeback();
                    }
                }
                Action::Up | Action::Down | Action::Scroll(_) => {
                    // Go on from what the person saw (the drawing may have scrolled to the marks).
                    let from = if state.show_every_mark { state.drawn_scroll.get() } else { state.scroll };
                    state.show_every_mark = false;
                    let down = matches!(action, Action::Down | Action::Scroll(1..));
                    state.scroll = if down { from.saturating_add(1) } else { from.saturating_sub(1) };
                }
                Action::ReadMore => self.read_about_question(),
                Action::Back => self.leave_quiz(),
                Action::Help => self.open_help(),
                _ => {}
            }
            return vec![];
        }
        let count = state.choice_count();
        match action {
            Action::Up => state.cursor = state.cursor.saturating_sub(1),
            Action::Down => state.cursor = (state.cursor + 1).min(count.saturating_sub(1)),
            Action::Pick(key) => {
                if let Some(position) = self.choice_for_key(key) {
                    return self.pick(position);
                }
            }
            Action::Toggle => {
                let cursor = state.cursor;
                return self.pick(cursor);
            }
            Action::Open => return self.submit(),
            // A click selects, as the keys do; Enter checks.
            Action::Select(position) if position < count => return self.pick(position),
            Action::Back => self.leave_quiz(),
            Action::Help => self.open_help(),
            _ => {}
        }
        vec![]
    }

    /// The display position a typed key names: 1–9, a–i, or t/f for true/false.
    fn choice_for_key(&self, key: char) -> Option<usize> {
        let (question, _) = top!(self, Quiz)?.session.current()?;
        let key = key.to_ascii_lowercase();
        let position = match key {
            't' if question.kind == Kind::TrueFalse => 0,
            'f' if question.kind == Kind::TrueFalse => 1,
            '1'..='9' => key as usize - '1' as usize,
            'a'..='i' => key as usize - 'a' as usize,
            _ => return None,
        };
        (position < question.choices.len()).then_some(position)
    }

    /// Pick a choice (by key, Space or a click): single choice and true/false select
    /// it, "choose all that apply" toggles it. Enter checks.
    fn pick(&mut self, position: usize) -> Vec<Effect> {
        let Some(state) = top_mut!(self, Quiz) else { return vec![] };
        let Some((question, _)) = state.session.current() else { return vec![] };
        state.cursor = position;
        if question.kind == Kind::Multiple {
            match state.picked.iter().position(|&p| p == position) {
                Some(i) => {
                    state.picked.remove(i);
                }
                None => state.picked.push(position),
            }
            return vec![];
        }
        state.picked = vec![position];
        vec![]
    }

    /// Check the answer, record it and save at once.
    fn submit(&mut self) -> Vec<Effect> {
        let now = (self.clock)();
        let Some(state) = top_mut!(self, Quiz) else { return vec![] };
        let Some((question, _)) = state.session.current() else { return vec![] };
        if state.picked.is_empty() {
            if question.kind == Kind::Multiple {
                self.message = Some(t("tui.pick_first").to_string());
                return vec![];
            }
            state.picked = vec![state.cursor];
        }
        let id = question.id.clone();
        let picks = state.picked.clone();
        let verdict = state.session.answer(&picks);
        let chosen = state.session.last_chosen().unwrap_or_default().to_vec();
        quiz::record_answer(&mut self.progress, &id, &chosen, verdict.correct, now);
        self.unsaved = true;
        if let Some(state) = top_mut!(self, Quiz) {
            state.scroll = 0;
            state.show_every_mark = true;
        }
        vec![Effect::Save]
    }

    /// The summary: ↑/↓ choose a section to read again, Enter opens it (Back comes
    /// back here); with none to read, Enter is done too.
    fn update_quiz_summary(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = top_mut!(self, Quiz) else { return vec![] };
        let sections = state.session.read_again();
        match action {
            Action::Open if !sections.is_empty() => {
                let see = sections[state.summary_cursor.min(sections.len() - 1)].clone();
                self.read_section(&see);
            }
            Action::Open | Action::Back => self.leave_quiz(),
            Action::Up if !sections.is_empty() => state.summary_cursor = state.summary_cursor.saturating_sub(1),
            Action::Down if !sections.is_empty() => {
                state.summary_cursor = (state.summary_cursor + 1).min(sections.len() - 1);
            }
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.scroll = state.scroll.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => state.scroll = state.scroll.saturating_add(1),
            Action::Help => self.open_help(),
            _ => {}
        }
        vec![]
    }

    /// At the end of a quiz, work out when its missed questions come back for review.
    fn note_comeback(&mut self) {
        let now = (self.clock)();
        let Some(state) = top_mut!(self, Quiz) else { return };
        let missed: Vec<&str> = state.session.missed().iter().map(|q| q.id.as_str()).collect();
        state.comeback = quiz::comes_back_at(&missed, &self.progress).map(|at| quiz::review_day(at, now));
    }

    /// Open the lesson section the current question points at; Back returns here.
    fn read_about_question(&mut self) {
        let Some((question, _)) = top!(self, Quiz).and_then(|s| s.session.current()) else { return };
        let see = question.see.clone();
        self.read_section(&see);
    }

    /// Open a quiz's `see` target (`lesson#anchor`) in the reader, on top of the quiz, so
    /// Back returns to it.
    fn read_section(&mut self, see: &str) {
        let Some(link) = crate::content::InternalLink::parse(see) else { return };
        let anchor = link.anchor.map(str::to_string);
        if let Some(index) = self.pack.lesson_index(link.lesson) {
            self.open_lesson(index, anchor.as_deref());
        }
    }

    /// Stop the quiz: back to where it was started (the lesson, at its place, or home).
    fn leave_quiz(&mut self) {
        self.pop();
    }
}

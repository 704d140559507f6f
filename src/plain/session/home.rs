//! Home: how far the person has got, what to do next, and the main menu.

use std::io::{BufRead, Write};

use super::prompt::{self, Choice};
use super::{Session, Step, words};
use crate::markdown::sanitize;
use crate::plain::status_text;
use crate::progress::LessonStatus;
use crate::quiz;
use crate::words::t;

/// The main menu, in the order it is shown.
#[derive(Clone, Copy)]
enum Item {
    NextLesson,
    Lessons,
    Quizzes,
    BodyMap,
    Symptom,
    Glossary,
    Search,
    Survival,
    Staging,
    Questions,
    About,
    Language,
}

const ITEMS: [Item; 12] = [
    Item::NextLesson,
    Item::Lessons,
    Item::Quizzes,
    Item::BodyMap,
    Item::Symptom,
    Item::Glossary,
    Item::Search,
    Item::Survival,
    Item::Staging,
    Item::Questions,
    Item::About,
    Item::Language,
];

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn home(&mut self) -> Step {
        loop {
            self.blank()?;
            self.say(t("plain.session.home.title"))?;
            self.status()?;
            let next = self.next_lesson();
            let labels: Vec<String> = ITEMS
                .iter()
                .map(|item| match item {
                    Item::NextLesson => match next {
                        Some(i) => words::read_next(&self.pack.lessons[i].title),
                        None => t("plain.session.home.read_again").to_string(),
                    },
                    Item::Lessons => words::all_lessons(self.pack.lessons.len()),
                    Item::Quizzes => t("plain.session.home.quizzes_item").to_string(),
                    Item::BodyMap => t("plain.session.home.body_map_item").to_string(),
                    Item::Symptom => t("plain.session.home.symptom_item").to_string(),
                    Item::Glossary => t("plain.session.home.glossary_item").to_string(),
                    Item::Search => t("plain.session.home.search_item").to_string(),
                    Item::Survival => t("plain.session.home.survival_item").to_string(),
                    Item::Staging => t("plain.session.home.staging_item").to_string(),
                    Item::Questions => t("plain.session.home.questions_item").to_string(),
                    Item::About => t("plain.session.home.about_item").to_string(),
                    Item::Language => t("plain.session.language.item").to_string(),
                })
                .collect();
            let Some(chosen) = self.home_choice(&labels)? else { return Ok(()) };
            let Some(chosen) = chosen else {
                self.get_help()?;
                continue;
            };
            match ITEMS[chosen] {
                Item::NextLesson => match next {
                    Some(i) => self.lesson(i, super::lessons::Start::Saved)?,
                    None => self.lessons()?,
                },
                Item::Lessons => self.lessons()?,
                Item::Quizzes => self.quizzes()?,
                Item::BodyMap => self.body_map()?,
                Item::Symptom => self.symptom_search()?,
                Item::Glossary => self.glossary()?,
                Item::Search => self.search()?,
                Item::Survival => self.survival()?,
                Item::Staging => self.staging()?,
                Item::Questions => self.questions()?,
                Item::About => self.about()?,
                Item::Language => self.switch_language()?,
            }
        }
    }

    /// The main menu's items and its question: Some(Some(index)) for an item,
    /// Some(None) for `h` (when to get help now), None for `q`.
    fn home_choice(&mut self, labels: &[String]) -> Step<Option<Option<usize>>> {
        self.items(labels)?;
        let question = words::choose_or_leave(labels.len());
        loop {
            self.say(&question)?;
            let line = self.line()?;
            if prompt::is_get_help(&line) {
                return Ok(Some(None));
            }
            match prompt::parse_choice(&line, labels.len()) {
                Ok(Choice::Number(n)) => return Ok(Some(Some(n - 1))),
                Ok(Choice::Back) => return Ok(None),
                Ok(Choice::Empty) => self.say(&words::type_a_number(labels.len()))?,
                Err(reason) => self.say(&reason)?,
            }
        }
    }

    /// "When to get help now", from its top (or say the pack has no such lesson).
    fn get_help(&mut self) -> Step {
        match self.pack.lesson_index(crate::content::GET_HELP_LESSON) {
            Some(index) => self.lesson(index, super::lessons::Start::Top),
            None => Ok(self.say(t("tui.no_get_help_lesson"))?),
        }
    }

    /// The lesson to suggest: the one last opened if unfinished, else the first unread.
    fn next_lesson(&self) -> Option<usize> {
        // In the lessons menu's order, as the person reads them.
        let ids: Vec<&str> = self.lesson_order().into_iter().map(|i| self.pack.lessons[i].id.as_str()).collect();
        self.progress.next_lesson(&ids).and_then(|id| self.pack.lesson_index(id))
    }

    /// Where the person is: lessons read, what is next, reviews, questions, body map.
    fn status(&mut self) -> Step {
        let pack = self.pack;
        let read = pack.lessons.iter().filter(|l| self.progress.lesson_status(&l.id) == LessonStatus::Read).count();
        self.say(&words::lessons_read(read, pack.lessons.len()))?;
        match self.next_lesson().map(|i| &pack.lessons[i]) {
            Some(lesson) => {
                let status = status_text(self.progress.lesson_status(&lesson.id));
                self.say(&words::next_lesson(&sanitize(&lesson.title), &status))?;
            }
            None => self.say(t("plain.session.home.all_read"))?,
        }
        let now = self.now();
        match quiz::due_count(&pack.questions, &self.progress, now) {
            0 => {
                if let Some(days) = quiz::next_due_in_days(&pack.questions, &self.progress, now) {
                    self.say(&words::next_review(days))?;
                }
            }
            due => self.say(&words::reviews_due(due))?,
        }
        let open = self.open_questions();
        if open > 0 {
            self.say(&words::questions_to_ask(open))?;
        }
        if let Some(sites) = pack.sites.as_ref() {
            self.say(&words::places_seen(self.progress.explored_sites.len(), sites.sites.len()))?;
        }
        if self.pack.lesson_index(crate::content::GET_HELP_LESSON).is_some() {
            self.say(t("plain.session.home.emergency_home"))?;
        } else {
            self.say(t("plain.session.home.emergency_only"))?;
        }
        Ok(())
    }
}

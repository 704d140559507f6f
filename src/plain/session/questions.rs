//! "My questions" for the care team: add (typed, or a suggested one), edit, mark
//! asked, note the answer, delete, reorder, export a checklist, and read where a
//! question came from. The list is the progress's (`crate::notebook` changes it);
//! every change is saved.

use std::io::{BufRead, Write};
use std::path::Path;

use super::lessons::Start;
use super::prompt::{self, Choice};
use super::{Session, Step, words};
use crate::notebook;
use crate::words::t;

/// The notebook's menu, in the order shown.
#[derive(Clone, Copy)]
enum Item {
    Add,
    Edit,
    Asked,
    Note,
    Delete,
    Move,
    Export,
    Source,
}

const ITEMS: [Item; 8] =
    [Item::Add, Item::Edit, Item::Asked, Item::Note, Item::Delete, Item::Move, Item::Export, Item::Source];

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// The link in "Write down your numbers now": add the 24-hour number question, once.
    pub(super) fn add_care_team_number(&mut self) -> Step {
        let question = t("tui.care_team_number_question");
        if self.progress.my_questions.iter().any(|q| q.text == question) {
            return Ok(self.say(t("tui.already_in_my_questions"))?);
        }
        let now = self.now();
        match self.notebook().add(question, Some(crate::content::GET_HELP_LESSON), None, now) {
            Ok(_) => {
                self.save()?;
                Ok(self.say(&words::question_saved(self.open_questions()))?)
            }
            Err(e) => Ok(self.say(&e.to_string())?),
        }
    }

    pub(super) fn questions(&mut self) -> Step {
        loop {
            self.blank()?;
            self.list_questions()?;
            let labels: Vec<&str> = ITEMS
                .iter()
                .map(|item| match item {
                    Item::Add => t("plain.session.questions.add_item"),
                    Item::Edit => t("plain.session.questions.edit_item"),
                    Item::Asked => t("plain.session.questions.asked_item"),
                    Item::Note => t("plain.session.questions.note_item"),
                    Item::Delete => t("plain.session.questions.delete_item"),
                    Item::Move => t("plain.session.questions.move_item"),
                    Item::Export => t("plain.session.questions.export_item"),
                    Item::Source => t("plain.session.questions.source_item"),
                })
                .collect();
            self.say(t("plain.session.questions.what_to_do"))?;
            let Some(chosen) = self.pick(&labels, &words::choose_or_back(labels.len()))? else { return Ok(()) };
            match ITEMS[chosen] {
                Item::Add => self.add_question(None, None)?,
                Item::Export => self.export()?,
                item => {
                    if let Some(index) = self.which_question()? {
                        match item {
                            Item::Edit => self.edit_question(index)?,
                            Item::Asked => self.toggle_asked(index)?,
                            Item::Note => self.note(index)?,
                            Item::Delete => self.delete(index)?,
                            Item::Move => self.move_question(index)?,
                            _ => self.read_source(index)?,
                        }
                    }
                }
            }
        }
    }

    fn list_questions(&mut self) -> Step {
        let items = self.progress.my_questions.clone();
        self.say(&words::questions_title(items.len(), self.open_questions()))?;
        for (i, q) in items.iter().enumerate() {
            self.say(&words::question_line(i + 1, q.asked, &q.text))?;
            if let Some(from) = self.question_source(q) {
                self.say(&words::question_from(&from))?;
            }
            if !q.note.is_empty() {
                self.say(&words::question_note(&q.note))?;
            }
        }
        Ok(())
    }

    /// Where a question came from, in words.
    fn question_source(&self, q: &notebook::MyQuestion) -> Option<String> {
        let lesson = self.pack.lesson(q.lesson.as_deref()?)?;
        let section = q.section.as_deref().and_then(|s| lesson.sections.iter().find(|x| x.slug == s));
        Some(words::lesson_place(&lesson.title, section.map(|s| s.title.as_str())))
    }

    /// Ask which question: its index, or None for `q` (or when there are none).
    fn which_question(&mut self) -> Step<Option<usize>> {
        let count = self.progress.my_questions.len();
        if count == 0 {
            self.say(t("plain.session.questions.no_questions_yet"))?;
            return Ok(None);
        }
        loop {
            match self.choice(&words::which_question(count), count)? {
                Choice::Number(n) => return Ok(Some(n - 1)),
                Choice::Back => return Ok(None),
                Choice::Empty => self.say(&words::type_a_number(count))?,
            }
        }
    }

    /// Add a question, typed or picked from the suggestions; from a lesson, it
    /// remembers the lesson and section.
    pub(super) fn add_question(&mut self, lesson: Option<String>, section: Option<String>) -> Step {
        self.blank()?;
        self.say(t("plain.session.questions.add_title"))?;
        let suggestions = self.pack.suggested_questions(lesson.as_deref());
        if !suggestions.is_empty() {
            self.say(t("plain.session.questions.suggestions_title"))?;
            self.items(&suggestions)?;
        }
        let ask = if suggestions.is_empty() {
            t("plain.session.questions.add_prompt")
        } else {
            t("plain.session.questions.add_or_pick_prompt")
        };
        loop {
            let Some(line) = self.text(ask)? else { return Ok(()) };
            let text = match prompt::parse_choice(&line, suggestions.len()) {
                Ok(Choice::Number(n)) => suggestions[n - 1].clone(),
                Err(reason) if line.trim().bytes().all(|b| b.is_ascii_digit()) => {
                    self.say(&reason)?;
                    continue;
                }
                _ => line,
            };
            let now = self.now();
            match self.notebook().add(&text, lesson.as_deref(), section.as_deref(), now) {
                Ok(_) => {
                    self.save()?;
                    return Ok(self.say(&words::question_saved(self.open_questions()))?);
                }
                Err(e) => self.say(&e.to_string())?,
            }
        }
    }

    fn edit_question(&mut self, index: usize) -> Step {
        self.say(&words::question_now(&self.progress.my_questions[index].text))?;
        loop {
            let Some(line) = self.text(t("plain.session.questions.edit_prompt"))? else {
                return Ok(self.say(t("plain.session.questions.unchanged"))?);
            };
            match self.notebook().edit(index, &line) {
                Ok(()) => {
                    self.save()?;
                    return Ok(self.say(t("tui.question_changed"))?);
                }
                Err(e) => self.say(&e.to_string())?,
            }
        }
    }

    fn toggle_asked(&mut self, index: usize) -> Step {
        self.notebook().toggle_asked(index);
        self.save()?;
        let q = &self.progress.my_questions[index];
        Ok(self.say(&words::marked(index + 1, q.asked))?)
    }

    fn note(&mut self, index: usize) -> Step {
        let note = self.progress.my_questions[index].note.clone();
        if !note.is_empty() {
            self.say(&words::question_note(&note))?;
        }
        self.say(&words::question_now(&self.progress.my_questions[index].text))?;
        loop {
            self.say(t("plain.session.questions.note_prompt"))?;
            let line = self.line()?;
            if prompt::is_back(&line) {
                return Ok(self.say(t("plain.session.questions.unchanged"))?);
            }
            match self.notebook().set_note(index, &line) {
                Ok(()) => {
                    self.save()?;
                    let cleared = self.progress.my_questions[index].note.is_empty();
                    return Ok(self.say(if cleared {
                        t("plain.session.questions.note_cleared")
                    } else {
                        t("tui.note_saved")
                    })?);
                }
                Err(e) => self.say(&e.to_string())?,
            }
        }
    }

    fn delete(&mut self, index: usize) -> Step {
        let text = self.progress.my_questions[index].text.clone();
        self.say(&words::confirm_delete(index + 1, &text))?;
        let line = self.line()?;
        if !crate::words::typed_is(&line, t("plain.session.questions.yes")) {
            return Ok(self.say(t("plain.session.questions.kept"))?);
        }
        self.notebook().delete(index);
        self.save()?;
        Ok(self.say(t("plain.session.questions.deleted"))?)
    }

    /// Move a question to another place in the list, one step at a time.
    fn move_question(&mut self, index: usize) -> Step {
        let count = self.progress.my_questions.len();
        if count < 2 {
            return Ok(self.say(t("plain.session.questions.nothing_to_move"))?);
        }
        let target = loop {
            match self.choice(&words::move_to(index + 1, count), count)? {
                Choice::Number(n) => break n - 1,
                Choice::Back => return Ok(()),
                Choice::Empty => self.say(&words::type_a_number(count))?,
            }
        };
        let mut at = index;
        while at != target {
            at = self.notebook().move_by(at, if target > at { 1 } else { -1 });
        }
        self.save()?;
        Ok(self.say(&words::moved(target + 1))?)
    }

    /// Write the checklist to a new private file in the export folder (the documents
    /// folder, else the progress folder), as the tutor does: where first, then the file.
    fn export(&mut self) -> Step {
        if self.progress.my_questions.is_empty() {
            return Ok(self.say(t("tui.no_questions_to_export"))?);
        }
        let date = crate::content::check::date_of(self.now());
        let pack = self.pack;
        let topic = |q: &notebook::MyQuestion| q.lesson.as_deref().and_then(|id| pack.target_label(id));
        let markdown = notebook::export_markdown(&self.progress.my_questions, &date, &topic);
        let data_dir = self.store.path().parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf);
        let dir = match crate::export::export_dir(&data_dir.unwrap_or_else(|| ".".into())) {
            Ok(dir) => dir,
            Err(e) => return Ok(self.say(&words::export_failed(&e.to_string()))?),
        };
        self.say(&words::saving_in(&crate::markdown::sanitize_path(&dir)))?;
        match notebook::save_checklist(&dir, &date, &markdown) {
            Ok(full) => Ok(self.say(&crate::tui::text::exported_to(&crate::markdown::sanitize_path(&full)))?),
            Err(e) => Ok(self.say(&words::export_failed(&e.to_string()))?),
        }
    }

    fn read_source(&mut self, index: usize) -> Step {
        let q = &self.progress.my_questions[index];
        let Some(lesson) = q.lesson.as_deref().and_then(|id| self.pack.lesson_index(id)) else {
            return Ok(self.say(t("tui.no_source"))?);
        };
        let start = q.section.clone().map_or(Start::Saved, Start::Anchor);
        self.lesson(lesson, start)
    }
}

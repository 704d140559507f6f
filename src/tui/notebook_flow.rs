//! "My questions": the notebook screen and the question input, and how actions
//! change them. The list has one home, `progress.my_questions`: the screen reads it
//! there and `crate::notebook::Notebook` changes it there, so nothing keeps them in step.

use tui_input::Input;

use super::action::{Action, Effect, ExportKind};
use super::app::{App, Overlay, Screen, text_input_mut, top};
use super::{field, text};
use crate::notebook::{self, MyQuestion, Notebook};
use crate::words::t;

/// What the text being typed is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPurpose {
    /// A new question, remembering the lesson and section it came from.
    Add { lesson: Option<String>, section: Option<String> },
    /// New words for question `index`.
    Edit(usize),
    /// A note of the answer to question `index`.
    Note(usize),
}

pub struct QuestionInput {
    pub purpose: InputPurpose,
    pub input: Input,
    /// Questions the lesson suggests, to pick instead of typing.
    pub suggestions: Vec<String>,
    /// The highlighted suggestion.
    pub cursor: Option<usize>,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl App {
    /// My questions, as the progress holds them (and saves them).
    pub fn questions(&self) -> &[MyQuestion] {
        &self.progress.my_questions
    }

    /// How many of My questions are still to ask.
    pub fn open_questions(&self) -> usize {
        notebook::open_count(self.questions())
    }

    /// My questions, to change them in the progress.
    fn notebook(&mut self) -> Notebook<'_> {
        Notebook::new(&mut self.progress, &mut self.question_undo)
    }

    /// The highlighted question, kept on the list when it gets shorter (a delete, or a
    /// save that merged in another copy's change or a reset).
    fn clamp_question(&mut self) {
        self.notebook_selected = self.notebook_selected.min(self.questions().len().saturating_sub(1));
    }

    pub fn open_notebook(&mut self) {
        self.clamp_question();
        self.push(Screen::Notebook);
    }

    /// Start typing a new question. From a lesson, its suggestions come first.
    pub fn ask_question(&mut self) {
        let (lesson, section) = self.reading_place();
        let suggestions = self.pack.suggested_questions(lesson.as_deref());
        self.overlay = Some(Overlay::TextInput(QuestionInput {
            purpose: InputPurpose::Add { lesson, section },
            input: Input::default(),
            suggestions,
            cursor: None,
            error: None,
        }));
    }

    fn start_edit(&mut self, purpose: InputPurpose, value: String) {
        self.overlay = Some(Overlay::TextInput(QuestionInput {
            purpose,
            input: Input::new(value),
            suggestions: Vec::new(),
            cursor: None,
            error: None,
        }));
    }

    /// Add "What is my care team's 24-hour number?" (from a lesson link), once: where it came
    /// from is the section being read.
    pub fn add_care_team_number(&mut self) -> Vec<Effect> {
        let question = t("tui.care_team_number_question");
        if self.questions().iter().any(|q| q.text == question) {
            self.message = Some(t("tui.already_in_my_questions").to_string());
            return vec![];
        }
        let (lesson, section) = self.reading_place();
        let now = (self.clock)();
        match self.notebook().add(question, lesson.as_deref(), section.as_deref(), now) {
            Ok(_) => {
                self.message = Some(text::question_saved(self.open_questions()));
                self.notebook_changed()
            }
            Err(e) => {
                self.message = Some(e.to_string());
                vec![]
            }
        }
    }

    /// The lesson and section being read, if a lesson is open.
    fn reading_place(&self) -> (Option<String>, Option<String>) {
        match top!(self, Reader) {
            Some(reader) => {
                let lesson = &self.pack.lessons[reader.lesson];
                let section = self
                    .current_section()
                    .and_then(|i| reader.doc.anchors.iter().filter(|a| a.level == 2).nth(i).map(|a| a.slug.clone()));
                (Some(lesson.id.clone()), section)
            }
            None => (None, None),
        }
    }

    /// My questions changed (in the progress): save them.
    fn notebook_changed(&mut self) -> Vec<Effect> {
        self.unsaved = true;
        vec![Effect::Save]
    }

    pub(super) fn update_question_input(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = text_input_mut!(self) else { return vec![] };
        match action {
            Action::Edit(request) => {
                state.error = (!field::edit(&mut state.input, request)).then(|| text::field_full(field::MAX_CHARS));
            }
            Action::Paste(pasted) => {
                state.error = (!field::paste(&mut state.input, &pasted)).then(|| text::field_full(field::MAX_CHARS));
            }
            Action::Up => state.cursor = state.cursor.and_then(|c| c.checked_sub(1)),
            Action::Down if !state.suggestions.is_empty() => {
                state.cursor = Some(state.cursor.map_or(0, |c| (c + 1).min(state.suggestions.len() - 1)));
            }
            // Tab copies the highlighted suggestion into the field, to change it.
            Action::NextLink => {
                if let Some(text) = state.cursor.and_then(|c| state.suggestions.get(c)).cloned() {
                    state.input = Input::new(text);
                    state.cursor = None;
                }
            }
            Action::Back => self.overlay = None,
            Action::Open => return self.submit_question(),
            _ => {}
        }
        vec![]
    }

    fn submit_question(&mut self) -> Vec<Effect> {
        let now = (self.clock)();
        let Some(state) = text_input_mut!(self) else { return vec![] };
        let typed = state.input.value().to_string();
        let picked = state.cursor.and_then(|c| state.suggestions.get(c)).cloned();
        let text = if typed.trim().is_empty() { picked.unwrap_or(typed) } else { typed };
        let purpose = state.purpose.clone();
        let result = match purpose {
            InputPurpose::Add { lesson, section } => {
                let added = self.notebook().add(&text, lesson.as_deref(), section.as_deref(), now);
                added.map(|i| {
                    self.notebook_selected = i;
                    text::question_saved(self.open_questions())
                })
            }
            InputPurpose::Edit(i) => self.notebook().edit(i, &text).map(|_| t("tui.question_changed").to_string()),
            InputPurpose::Note(i) => self.notebook().set_note(i, &text).map(|_| t("tui.note_saved").to_string()),
        };
        match result {
            Ok(message) => {
                self.overlay = None;
                self.message = Some(message);
                self.notebook_changed()
            }
            Err(e) => {
                if let Some(state) = text_input_mut!(self) {
                    state.error = Some(e.to_string());
                }
                vec![]
            }
        }
    }

    pub(super) fn update_notebook(&mut self, action: Action) -> Vec<Effect> {
        let count = self.questions().len();
        let selected = self.notebook_selected.min(count.saturating_sub(1));
        match action {
            Action::Up | Action::Scroll(i16::MIN..=-1) => self.notebook_selected = selected.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => self.notebook_selected = (selected + 1).min(count.saturating_sub(1)),
            Action::AddQuestion => self.ask_question(),
            Action::EditItem if count > 0 => {
                let text = self.questions()[selected].text.clone();
                self.start_edit(InputPurpose::Edit(selected), text);
            }
            Action::AddNote if count > 0 => {
                let note = self.questions()[selected].note.clone();
                self.start_edit(InputPurpose::Note(selected), note);
            }
            Action::Toggle if count > 0 => {
                self.notebook().toggle_asked(selected);
                return self.notebook_changed();
            }
            Action::Delete if count > 0 => {
                self.notebook().delete(selected);
                self.clamp_question();
                self.message = Some(t("tui.deleted_undo").to_string());
                return self.notebook_changed();
            }
            Action::Undo => match self.notebook().undo_delete() {
                Some(i) => {
                    self.notebook_selected = i;
                    self.message = Some(t("tui.undone").to_string());
                    return self.notebook_changed();
                }
                None => self.message = Some(t("tui.nothing_to_undo").to_string()),
            },
            Action::MoveUp | Action::MoveDown if count > 0 => {
                let step = if action == Action::MoveUp { -1 } else { 1 };
                self.notebook_selected = self.notebook().move_by(selected, step);
                return self.notebook_changed();
            }
            Action::Export => {
                if self.questions().is_empty() {
                    self.message = Some(t("tui.no_questions_to_export").to_string());
                    return vec![];
                }
                let date = crate::content::check::date_of((self.clock)());
                if self.export_armed.take() == Some(ExportKind::Questions) {
                    return vec![Effect::ExportQuestions { date, markdown: self.questions_markdown() }];
                }
                self.export_armed = Some(ExportKind::Questions);
                return vec![Effect::PlanExport { kind: ExportKind::Questions, date }];
            }
            Action::Open if count > 0 => self.open_question_source(selected),
            Action::Select(i) if i < count => self.notebook_selected = i,
            Action::Help => self.open_help(),
            Action::Back => {
                self.pop();
            }
            _ => {}
        }
        vec![]
    }

    /// Open the lesson section a question came from; Back returns to the notebook.
    fn open_question_source(&mut self, index: usize) {
        let Some(q) = self.questions().get(index) else { return };
        let Some(lesson) = q.lesson.as_deref().and_then(|id| self.pack.lesson_index(id)) else {
            self.message = Some(t("tui.no_source").to_string());
            return;
        };
        let section = q.section.clone();
        self.open_lesson(lesson, section.as_deref());
    }

    /// A save may have changed the progress (another copy's changes merged in, a
    /// reset dropped what came before), even one that then failed: keep the
    /// highlighted question on the list.
    pub fn progress_merged(&mut self) {
        self.clamp_question();
    }

    /// Where a question came from, for people: "Lesson › Section".
    pub fn question_source(&self, q: &MyQuestion) -> Option<String> {
        let lesson = q.lesson.as_deref()?;
        let target = match &q.section {
            Some(section) => format!("{lesson}#{section}"),
            None => lesson.to_string(),
        };
        self.pack.target_label(&target)
    }

    /// The checklist to take to an appointment, dated today.
    pub fn questions_markdown(&self) -> String {
        let date = crate::content::check::date_of((self.clock)());
        let topic = |q: &MyQuestion| q.lesson.as_deref().and_then(|id| self.pack.target_label(id));
        notebook::export_markdown(self.questions(), &date, &topic)
    }
}

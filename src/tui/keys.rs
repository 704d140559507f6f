//! Every key of every screen, in one table: the event mapping, the footer and the
//! help overlay all read from here, so a key can't work without being shown.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::explorer::nav::Direction;

/// Which set of keys is active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The first-run notice.
    Notice,
    /// About (`i`): what the app is, whose lessons, where progress is kept.
    About,
    Home,
    Reader,
    Contents,
    Help,
    /// A quiz question waiting for an answer.
    Quiz,
    /// A quiz question answered: the verdict and the explanation.
    QuizFeedback,
    /// The end of a quiz: the score and what to read again.
    QuizDone,
    /// The body map.
    Explorer,
    /// Typing a symptom to find on the body map.
    ExplorerSearch,
    /// "My questions".
    Notebook,
    /// Typing a question, or a note of its answer.
    QuestionInput,
    /// The content note before the survival numbers.
    SurvivalNote,
    /// A lesson's content note, before the lesson is shown.
    LessonNote,
    Survival,
    Staging,
    /// The glossary, with its filter being typed.
    Glossary,
    /// Searching the lessons.
    Search,
    /// The panel of glossary words on the reader's screen.
    Terms,
    /// The symptom check-in: rating a symptom, or a yes/no red flag.
    CheckIn,
    /// The check-in's last question: typing "anything else".
    CheckInNote,
    /// "Get help now", after a red flag answered yes.
    CheckInGetHelp,
    /// The check-ins over time.
    CheckInHistory,
    /// "Quit? y/n", after Esc on home.
    ConfirmQuit,
}

impl Context {
    /// Contexts where typed characters are text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::ExplorerSearch
                | Context::QuestionInput
                | Context::Glossary
                | Context::Search
                | Context::CheckInNote
        )
    }
}

/// A key (or keys) of one context and what it does. Its words are in the catalogue, under
/// `keys.<id>`: `label` (how the keys are written on screen), `help` (what the key does, in
/// a few plain words) and, for a key shown in the footer, `footer` (one or two words).
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// `context.name`: where its words are in the catalogue.
    pub id: &'static str,
    pub action: Action,
    /// Shown in the footer (when there is room), not only in the help overlay.
    pub in_footer: bool,
}

impl Binding {
    fn word(&self, which: &str) -> Option<&'static str> {
        crate::words::find(&format!("keys.{}.{which}", self.id))
    }

    pub fn label(&self) -> &'static str {
        self.word("label").unwrap_or(self.id)
    }

    pub fn help(&self) -> &'static str {
        self.word("help").unwrap_or(self.id)
    }

    /// The footer's word for the key; `None` for keys shown only in help.
    pub fn footer(&self) -> Option<&'static str> {
        if self.in_footer { self.word("footer").or(Some(self.id)) } else { None }
    }
}

const fn bind(keys: &'static [KeyCode], id: &'static str, action: Action, in_footer: bool) -> Binding {
    Binding { keys, id, action, in_footer }
}

use KeyCode::*;

#[rustfmt::skip]
const NOTICE: &[Binding] = &[
    bind(&[Enter, Esc], "notice.dismiss", Action::Dismiss, true),
    bind(&[Char('h')], "notice.open_get_help", Action::OpenGetHelp, true),
    bind(&[Down, Char('j'), PageDown, Char(' ')], "notice.down", Action::Down, false),
    bind(&[Up, Char('k'), PageUp], "notice.up", Action::Up, false),
    bind(&[Char('?')], "notice.help", Action::Help, true),
    bind(&[Char('L')], "notice.language", Action::SwitchLanguage, true),
    bind(&[Char('q')], "notice.quit", Action::Quit, true),
];

/// About (`i`), a screen: back is one step, never quit.
#[rustfmt::skip]
const ABOUT: &[Binding] = &[
    bind(&[Esc, Char('q'), Enter], "about.back", Action::Back, true),
    bind(&[Char('h')], "about.open_get_help", Action::OpenGetHelp, true),
    bind(&[Down, Char('j')], "about.down", Action::Down, false),
    bind(&[Up, Char('k')], "about.up", Action::Up, false),
    bind(&[PageDown, Char(' ')], "about.page_down", Action::PageDown, false),
    bind(&[PageUp, Char('b')], "about.page_up", Action::PageUp, false),
    bind(&[Char('?')], "about.help", Action::Help, true),
];

#[rustfmt::skip]
const CONFIRM_QUIT: &[Binding] = &[
    bind(&[Char('y'), Char('q'), Enter], "confirm_quit.quit", Action::Quit, true),
    bind(&[Char('n'), Esc], "confirm_quit.back", Action::Back, true),
];

#[rustfmt::skip]
const HOME: &[Binding] = &[
    bind(&[Up, Char('k')], "home.up", Action::Up, false),
    bind(&[Down, Char('j')], "home.down", Action::Down, false),
    bind(&[Enter, Right, Char('l')], "home.open", Action::Open, true),
    bind(&[Char('h')], "home.open_get_help", Action::OpenGetHelp, true),
    bind(&[Char('d')], "home.open_check_in", Action::OpenCheckIn, true),
    bind(&[Home, Char('g')], "home.top", Action::Top, false),
    bind(&[End, Char('G')], "home.bottom", Action::Bottom, false),
    bind(&[Char('s')], "home.start_quiz", Action::StartQuiz, true),
    bind(&[Char('r')], "home.start_review", Action::StartReview, true),
    bind(&[Char('x')], "home.start_mixed", Action::StartMixed, false),
    bind(&[Char('m')], "home.open_explorer", Action::OpenExplorer, true),
    bind(&[Char('y')], "home.open_notebook", Action::OpenNotebook, true),
    bind(&[Char('D')], "home.open_check_in_history", Action::OpenCheckInHistory, false),
    bind(&[Char('/')], "home.open_search", Action::OpenSearch, true),
    bind(&[Char('w')], "home.open_glossary", Action::OpenGlossary, false),
    bind(&[Char('c')], "home.open_survival", Action::OpenSurvival, false),
    bind(&[Char('e')], "home.open_staging", Action::OpenStaging, false),
    bind(&[Char('i')], "home.about", Action::About, false),
    bind(&[Char('L')], "home.language", Action::SwitchLanguage, false),
    bind(&[Char('?')], "home.help", Action::Help, true),
    bind(&[Char('q')], "home.quit", Action::Quit, true),
    bind(&[Esc], "home.back", Action::Back, false),
];

#[rustfmt::skip]
const READER: &[Binding] = &[
    bind(&[Down, Char('j')], "reader.down", Action::Down, false),
    bind(&[Up, Char('k')], "reader.up", Action::Up, false),
    bind(&[PageDown, Char(' ')], "reader.page_down", Action::PageDown, true),
    bind(&[PageUp, Char('b')], "reader.page_up", Action::PageUp, false),
    bind(&[Home, Char('g')], "reader.top", Action::Top, false),
    bind(&[End, Char('G')], "reader.bottom", Action::Bottom, false),
    bind(&[Char('t')], "reader.contents", Action::Contents, true),
    bind(&[Char(']')], "reader.next_section", Action::NextSection, false),
    bind(&[Char('[')], "reader.prev_section", Action::PrevSection, false),
    bind(&[Tab], "reader.next_link", Action::NextLink, true),
    bind(&[BackTab], "reader.prev_link", Action::PrevLink, false),
    bind(&[Enter], "reader.open", Action::Open, false),
    bind(&[Right, Char('l')], "reader.next_lesson", Action::NextLesson, true),
    bind(&[Left], "reader.prev_lesson", Action::PrevLesson, false),
    bind(&[Char('h')], "reader.open_get_help", Action::OpenGetHelp, false),
    bind(&[Char('s')], "reader.start_quiz", Action::StartQuiz, true),
    bind(&[Char('m')], "reader.open_explorer", Action::OpenExplorer, false),
    bind(&[Char('a')], "reader.add_question", Action::AddQuestion, true),
    bind(&[Char('y')], "reader.open_notebook", Action::OpenNotebook, false),
    bind(&[Char('w')], "reader.show_terms", Action::ShowTerms, true),
    bind(&[Char('/')], "reader.open_search", Action::OpenSearch, false),
    bind(&[Char('n')], "reader.next_match", Action::NextMatch, false),
    bind(&[Char('N')], "reader.prev_match", Action::PrevMatch, false),
    bind(&[Char('c')], "reader.open_survival", Action::OpenSurvival, false),
    bind(&[Char('e')], "reader.open_staging", Action::OpenStaging, false),
    bind(&[Char('?')], "reader.help", Action::Help, true),
    bind(&[Char('q'), Esc], "reader.back", Action::Back, true),
];

#[rustfmt::skip]
const CONTENTS: &[Binding] = &[
    bind(&[Up, Char('k')], "contents.up", Action::Up, false),
    bind(&[Down, Char('j')], "contents.down", Action::Down, false),
    bind(&[Enter], "contents.open", Action::Open, true),
    bind(&[Char('t'), Esc, Char('q')], "contents.back", Action::Back, true),
    bind(&[Char('?')], "contents.help", Action::Help, true),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    bind(&[Char('i')], "help.about", Action::About, true),
    bind(&[Char('L')], "help.language", Action::SwitchLanguage, true),
    bind(&[Down, Char('j')], "help.down", Action::Down, false),
    bind(&[Up, Char('k')], "help.up", Action::Up, false),
    bind(&[Esc, Char('q'), Char('?'), Enter], "help.back", Action::Back, true),
];

/// Typed choice keys: digits, letters, and t/f for true/false.
const PICK_KEYS: &[KeyCode] = &[
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
    Char('a'),
    Char('b'),
    Char('c'),
    Char('d'),
    Char('e'),
    Char('f'),
    Char('g'),
    Char('h'),
    Char('i'),
    Char('t'),
];

/// Digits alone, where letters are commands.
const DIGIT_KEYS: &[KeyCode] =
    &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5'), Char('6'), Char('7'), Char('8'), Char('9')];

#[rustfmt::skip]
const QUIZ: &[Binding] = &[
    bind(&[Up, Char('k')], "quiz.up", Action::Up, false),
    bind(&[Down, Char('j')], "quiz.down", Action::Down, false),
    bind(PICK_KEYS, "quiz.pick", Action::Pick(' '), true),
    bind(&[Char(' ')], "quiz.toggle", Action::Toggle, false),
    bind(&[Enter], "quiz.open", Action::Open, true),
    bind(&[Char('?')], "quiz.help", Action::Help, true),
    bind(&[Char('q'), Esc], "quiz.back", Action::Back, true),
];

#[rustfmt::skip]
const QUIZ_FEEDBACK: &[Binding] = &[
    bind(&[Enter, Right, Char('n')], "quiz_feedback.open", Action::Open, true),
    bind(&[Char('r')], "quiz_feedback.read_more", Action::ReadMore, true),
    bind(&[Down, Char('j')], "quiz_feedback.down", Action::Down, false),
    bind(&[Up, Char('k')], "quiz_feedback.up", Action::Up, false),
    bind(&[Char('?')], "quiz_feedback.help", Action::Help, true),
    bind(&[Char('q'), Esc], "quiz_feedback.back", Action::Back, true),
];

#[rustfmt::skip]
const QUIZ_DONE: &[Binding] = &[
    bind(&[Down, Char('j')], "quiz_done.down", Action::Down, false),
    bind(&[Up, Char('k')], "quiz_done.up", Action::Up, false),
    bind(&[Char('?')], "quiz_done.help", Action::Help, true),
    bind(&[Enter], "quiz_done.open", Action::Open, true),
    bind(&[Char('q'), Esc], "quiz_done.back", Action::Back, true),
];

#[rustfmt::skip]
const EXPLORER: &[Binding] = &[
    bind(&[Up, Char('k')], "explorer.move_up", Action::Move(Direction::Up), false),
    bind(&[Down, Char('j')], "explorer.move_down", Action::Move(Direction::Down), false),
    bind(&[Left, Char('h')], "explorer.move_left", Action::Move(Direction::Left), false),
    bind(&[Right, Char('l')], "explorer.move_right", Action::Move(Direction::Right), false),
    bind(&[Tab], "explorer.next_link", Action::NextLink, true),
    bind(&[BackTab], "explorer.prev_link", Action::PrevLink, false),
    bind(&[PageDown, Char(' ')], "explorer.page_down", Action::PageDown, true),
    bind(&[PageUp], "explorer.page_up", Action::PageUp, false),
    bind(DIGIT_KEYS, "explorer.pick", Action::Pick(' '), true),
    bind(&[Char('/')], "explorer.find", Action::Find, true),
    bind(&[Char('d')], "explorer.open_check_in", Action::OpenCheckIn, false),
    bind(&[Char('?')], "explorer.help", Action::Help, true),
    bind(&[Char('q'), Esc], "explorer.back", Action::Back, true),
];

#[rustfmt::skip]
const EXPLORER_SEARCH: &[Binding] = &[
    bind(&[Enter], "explorer_search.open", Action::Open, true),
    bind(&[Up], "explorer_search.up", Action::Up, false),
    bind(&[Down], "explorer_search.down", Action::Down, false),
    bind(&[Esc], "explorer_search.back", Action::Back, true),
];

#[rustfmt::skip]
const NOTEBOOK: &[Binding] = &[
    bind(&[Up, Char('k')], "notebook.up", Action::Up, false),
    bind(&[Down, Char('j')], "notebook.down", Action::Down, false),
    bind(&[Char('a')], "notebook.add_question", Action::AddQuestion, true),
    bind(&[Char('e')], "notebook.edit_item", Action::EditItem, false),
    bind(&[Char(' ')], "notebook.toggle", Action::Toggle, true),
    bind(&[Char('o')], "notebook.add_note", Action::AddNote, true),
    bind(&[Char('K')], "notebook.move_up", Action::MoveUp, false),
    bind(&[Char('J')], "notebook.move_down", Action::MoveDown, false),
    bind(&[Char('d'), Delete], "notebook.delete", Action::Delete, false),
    bind(&[Char('u')], "notebook.undo", Action::Undo, false),
    bind(&[Char('x')], "notebook.export", Action::Export, true),
    bind(&[Enter], "notebook.open", Action::Open, false),
    bind(&[Char('?')], "notebook.help", Action::Help, true),
    bind(&[Char('q'), Esc], "notebook.back", Action::Back, true),
];

#[rustfmt::skip]
const QUESTION_INPUT: &[Binding] = &[
    bind(&[Enter], "question_input.open", Action::Open, true),
    bind(&[Up], "question_input.up", Action::Up, false),
    bind(&[Down], "question_input.down", Action::Down, true),
    bind(&[Tab], "question_input.next_link", Action::NextLink, false),
    bind(&[Esc], "question_input.back", Action::Back, true),
];

#[rustfmt::skip]
const SURVIVAL_NOTE: &[Binding] = &[
    bind(&[Enter], "survival_note.open", Action::Open, true),
    bind(&[Char('s'), Char('q'), Esc], "survival_note.skip", Action::Skip, true),
    bind(&[Down, Char('j'), PageDown, Char(' ')], "survival_note.down", Action::Down, false),
    bind(&[Up, Char('k'), PageUp], "survival_note.up", Action::Up, false),
    bind(&[Char('?')], "survival_note.help", Action::Help, true),
];

#[rustfmt::skip]
const LESSON_NOTE: &[Binding] = &[
    bind(&[Enter], "lesson_note.open", Action::Open, true),
    bind(&[Char('s'), Char('q'), Esc], "lesson_note.skip", Action::Skip, true),
    bind(&[Char('?')], "lesson_note.help", Action::Help, true),
];

#[rustfmt::skip]
const SURVIVAL: &[Binding] = &[
    bind(&[Up, Char('k')], "survival.up", Action::Up, true),
    bind(&[Down, Char('j')], "survival.down", Action::Down, false),
    bind(&[Char('s')], "survival.skip", Action::Skip, true),
    bind(&[Char('?')], "survival.help", Action::Help, true),
    bind(&[Char('q'), Esc], "survival.back", Action::Back, true),
];

#[rustfmt::skip]
const STAGING: &[Binding] = &[
    bind(&[Left], "staging.move_left", Action::Move(Direction::Left), false),
    bind(&[Right, Tab], "staging.move_right", Action::Move(Direction::Right), true),
    bind(&[Up, Char('k')], "staging.move_up", Action::Move(Direction::Up), true),
    bind(&[Down, Char('j')], "staging.move_down", Action::Move(Direction::Down), false),
    bind(&[Char('t'), Char('n'), Char('m'), Char('0'), Char('1'), Char('2'), Char('3'), Char('4')], "staging.pick", Action::Pick(' '), false),
    bind(&[PageDown, Char(' ')], "staging.page_down", Action::PageDown, false),
    bind(&[PageUp, Char('b')], "staging.page_up", Action::PageUp, false),
    bind(&[Char('?')], "staging.help", Action::Help, true),
    bind(&[Char('q'), Esc], "staging.back", Action::Back, true),
];

#[rustfmt::skip]
const GLOSSARY: &[Binding] = &[
    bind(&[Up], "glossary.up", Action::Up, false),
    bind(&[Down], "glossary.down", Action::Down, false),
    bind(&[Enter], "glossary.open", Action::Open, true),
    bind(&[Esc], "glossary.back", Action::Back, true),
];

#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    bind(&[Up], "search.up", Action::Up, false),
    bind(&[Down], "search.down", Action::Down, true),
    bind(&[Enter], "search.open", Action::Open, true),
    bind(&[Esc], "search.back", Action::Back, true),
];

#[rustfmt::skip]
const TERMS: &[Binding] = &[
    bind(&[Down, Char('j')], "terms.down", Action::Down, false),
    bind(&[Up, Char('k')], "terms.up", Action::Up, false),
    bind(&[Char('?')], "terms.help", Action::Help, true),
    bind(&[Char('w'), Char('q'), Esc], "terms.back", Action::Back, true),
];

/// Ratings and yes/no: digits 0–9 and y/n.
const CHECKIN_KEYS: &[KeyCode] = &[
    Char('0'),
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
    Char('y'),
    Char('n'),
];

#[rustfmt::skip]
const CHECKIN: &[Binding] = &[
    bind(CHECKIN_KEYS, "checkin.pick", Action::Pick(' '), true),
    bind(&[Right, Char('l')], "checkin.move_right", Action::Move(Direction::Right), false),
    bind(&[Left, Char('h')], "checkin.move_left", Action::Move(Direction::Left), false),
    bind(&[Delete, Backspace, Char('-')], "checkin.delete", Action::Delete, false),
    bind(&[Enter], "checkin.open", Action::Open, true),
    bind(&[Down, Char('j')], "checkin.down", Action::Down, false),
    bind(&[Up, Char('k')], "checkin.up", Action::Up, true),
    bind(&[Char('D')], "checkin.open_check_in_history", Action::OpenCheckInHistory, false),
    bind(&[Char('?')], "checkin.help", Action::Help, true),
    bind(&[Esc, Char('q')], "checkin.back", Action::Back, true),
];

#[rustfmt::skip]
const CHECKIN_NOTE: &[Binding] = &[
    bind(&[Enter], "checkin_note.open", Action::Open, true),
    bind(&[Up], "checkin_note.up", Action::Up, false),
    bind(&[Esc], "checkin_note.back", Action::Back, true),
];

#[rustfmt::skip]
const CHECKIN_GET_HELP: &[Binding] = &[
    bind(&[Enter, Esc], "checkin_get_help.dismiss", Action::Dismiss, true),
    bind(&[Char('r')], "checkin_get_help.read_more", Action::ReadMore, true),
    bind(&[Char('?')], "checkin_get_help.help", Action::Help, true),
];

#[rustfmt::skip]
const CHECKIN_HISTORY: &[Binding] = &[
    bind(&[Up, Char('k')], "checkin_history.up", Action::Up, false),
    bind(&[Down, Char('j')], "checkin_history.down", Action::Down, false),
    bind(&[Char('d')], "checkin_history.open_check_in", Action::OpenCheckIn, true),
    bind(&[Char('q'), Esc], "checkin_history.back", Action::Back, true),
    bind(&[Char('x')], "checkin_history.export", Action::Export, true),
    bind(&[Char('?')], "checkin_history.help", Action::Help, true),
];

pub fn bindings(context: Context) -> &'static [Binding] {
    match context {
        Context::Notice => NOTICE,
        Context::About => ABOUT,
        Context::Home => HOME,
        Context::Reader => READER,
        Context::Contents => CONTENTS,
        Context::Help => HELP,
        Context::Quiz => QUIZ,
        Context::QuizFeedback => QUIZ_FEEDBACK,
        Context::QuizDone => QUIZ_DONE,
        Context::Explorer => EXPLORER,
        Context::ExplorerSearch => EXPLORER_SEARCH,
        Context::Notebook => NOTEBOOK,
        Context::QuestionInput => QUESTION_INPUT,
        Context::SurvivalNote => SURVIVAL_NOTE,
        Context::LessonNote => LESSON_NOTE,
        Context::Survival => SURVIVAL,
        Context::Staging => STAGING,
        Context::Glossary => GLOSSARY,
        Context::Search => SEARCH,
        Context::Terms => TERMS,
        Context::CheckIn => CHECKIN,
        Context::CheckInNote => CHECKIN_NOTE,
        Context::CheckInGetHelp => CHECKIN_GET_HELP,
        Context::CheckInHistory => CHECKIN_HISTORY,
        Context::ConfirmQuit => CONFIRM_QUIT,
    }
}

/// The action for a key press in a context. Ctrl-C always quits.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, Char('c') | Char('C')) {
        return Some(Action::Quit);
    }
    let bound = bindings(context).iter().find(|b| b.keys.contains(&key.code)).map(|b| b.action.clone());
    if context.takes_text() && bound.is_none() {
        // Everything else edits the text: letters, Backspace, ←/→, Ctrl-U, …
        return tui_input::backend::crossterm::to_input_request(&crossterm::event::Event::Key(key)).map(Action::Edit);
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    let action = bound?;
    // A pick carries the key that was typed.
    match (&action, key.code) {
        (Action::Pick(_), Char(c)) => Some(Action::Pick(c)),
        _ => Some(action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Context; 25] = [
        Context::About,
        Context::ConfirmQuit,
        Context::LessonNote,
        Context::CheckIn,
        Context::CheckInNote,
        Context::CheckInGetHelp,
        Context::CheckInHistory,
        Context::Notice,
        Context::Home,
        Context::Reader,
        Context::Contents,
        Context::Help,
        Context::Quiz,
        Context::QuizFeedback,
        Context::QuizDone,
        Context::Explorer,
        Context::ExplorerSearch,
        Context::Notebook,
        Context::QuestionInput,
        Context::SurvivalNote,
        Context::Survival,
        Context::Staging,
        Context::Glossary,
        Context::Search,
        Context::Terms,
    ];

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in ALL {
            let mut seen = Vec::new();
            for binding in bindings(context) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice in {context:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn every_context_shows_a_way_out_in_its_footer() {
        for context in ALL {
            let footer: Vec<_> = bindings(context).iter().filter(|b| b.in_footer).map(|b| b.action.clone()).collect();
            assert!(
                footer.iter().any(|a| matches!(a, Action::Quit | Action::Back | Action::Dismiss | Action::Skip)),
                "{context:?} footer has no way out"
            );
        }
    }

    /// Keys that mean one thing on every screen they work on: `?` help, `h` get help
    /// now, `y` My questions. The exceptions are screens where letters are answers
    /// (a quiz's choices, the check-in's y/n, "Quit? y/n"), arrows (h is ← on the body
    /// map and in the check-in), or typed text.
    #[test]
    fn one_key_means_one_thing_across_screens() {
        let answers_or_arrows =
            [Context::Quiz, Context::CheckIn, Context::ConfirmQuit, Context::Explorer, Context::Staging];
        for (key, action) in [('?', Action::Help), ('h', Action::OpenGetHelp), ('y', Action::OpenNotebook)] {
            for context in ALL {
                if context.takes_text() || answers_or_arrows.contains(&context) {
                    continue;
                }
                let got = bindings(context).iter().find(|b| b.keys.contains(&Char(key))).map(|b| &b.action);
                // `?` closes help again: the same key, toggled.
                let toggle = context == Context::Help && got == Some(&Action::Back);
                assert!(
                    toggle || got.is_none_or(|a| *a == action),
                    "`{key}` in {context:?} is {got:?}, elsewhere {action:?}"
                );
            }
        }
        // And the keys are there where people look for them.
        for context in [Context::Home, Context::Reader, Context::Notice, Context::About] {
            assert!(bindings(context).iter().any(|b| b.keys.contains(&Char('?'))), "no ? in {context:?}");
            assert!(bindings(context).iter().any(|b| b.keys.contains(&Char('h'))), "no h in {context:?}");
        }
        for context in [Context::Home, Context::Reader] {
            assert!(bindings(context).iter().any(|b| b.keys.contains(&Char('y'))), "no y in {context:?}");
        }
    }

    /// Every key has its words in English, a footer word where it is in the footer, and
    /// every `keys.*` word belongs to a key.
    #[test]
    fn every_key_has_its_words_and_every_key_word_a_key() {
        let english = crate::words::Catalogue::english();
        let mut expected = Vec::new();
        for context in ALL {
            for b in bindings(context) {
                expected.push(format!("keys.{}.label", b.id));
                expected.push(format!("keys.{}.help", b.id));
                if b.in_footer {
                    expected.push(format!("keys.{}.footer", b.id));
                }
            }
        }
        for key in &expected {
            assert!(english.get(key).is_some(), "{key} is not in src/words/en.toml");
        }
        for key in english.keys().into_iter().filter(|k| k.starts_with("keys.")) {
            assert!(expected.iter().any(|e| e == key), "{key} in src/words/en.toml belongs to no key");
        }
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for context in ALL {
            let key = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(context, key), Some(Action::Quit));
        }
    }
}

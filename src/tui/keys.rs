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

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the keys are written on screen.
    pub label: &'static str,
    /// What the key does, in a few plain words.
    pub help: &'static str,
    pub action: Action,
    /// The short word shown in the footer; `None`: only in the help overlay.
    pub footer: Option<&'static str>,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    help: &'static str,
    action: Action,
    footer: Option<&'static str>,
) -> Binding {
    Binding { keys, label, help, action, footer }
}

use KeyCode::*;

#[rustfmt::skip]
const NOTICE: &[Binding] = &[
    bind(&[Enter, Esc], "Enter", "I understand, go on", Action::Dismiss, Some("go on")),
    bind(&[Char('h')], "h", "read When to get help now", Action::OpenGetHelp, Some("when to get help")),
    bind(&[Down, Char('j'), PageDown, Char(' ')], "↓", "read more (small windows)", Action::Down, None),
    bind(&[Up, Char('k'), PageUp], "↑", "scroll back up", Action::Up, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q')], "q", "quit", Action::Quit, Some("quit")),
];

/// About (`i`), a screen: back is one step, never quit.
#[rustfmt::skip]
const ABOUT: &[Binding] = &[
    bind(&[Esc, Char('q'), Enter], "Esc", "back", Action::Back, Some("back")),
    bind(&[Char('h')], "h", "read When to get help now", Action::OpenGetHelp, Some("when to get help")),
    bind(&[Down, Char('j')], "↓/j", "scroll down (small windows)", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "scroll up", Action::Up, None),
    bind(&[PageDown, Char(' ')], "Space", "next page (also PgDn)", Action::PageDown, None),
    bind(&[PageUp, Char('b')], "PgUp/b", "previous page", Action::PageUp, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
];

#[rustfmt::skip]
const CONFIRM_QUIT: &[Binding] = &[
    bind(&[Char('y'), Char('q'), Enter], "y", "yes, quit (progress is saved)", Action::Quit, Some("quit")),
    bind(&[Char('n'), Esc], "n/Esc", "no, stay", Action::Back, Some("stay")),
];

#[rustfmt::skip]
const HOME: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "previous lesson", Action::Up, None),
    bind(&[Down, Char('j')], "↓/j", "next lesson", Action::Down, None),
    bind(&[Enter, Right, Char('l')], "Enter", "open the lesson", Action::Open, Some("open")),
    bind(&[Char('h')], "h", "when to get help now: the signs and who to call", Action::OpenGetHelp, Some("get help now")),
    bind(&[Char('d')], "d", "symptom check-in: rate how you feel this week", Action::OpenCheckIn, Some("check in")),
    bind(&[Home, Char('g')], "g/Home", "first lesson", Action::Top, None),
    bind(&[End, Char('G')], "G/End", "last lesson", Action::Bottom, None),
    bind(&[Char('s')], "s", "quiz: check yourself on the lesson", Action::StartQuiz, Some("quiz")),
    bind(&[Char('r')], "r", "review the questions that are due", Action::StartReview, Some("review")),
    bind(&[Char('x')], "x", "mixed quiz from the lessons you have read", Action::StartMixed, None),
    bind(&[Char('m')], "m", "body map: symptoms by where cancer has spread", Action::OpenExplorer, Some("body map")),
    bind(&[Char('y')], "y", "my questions for the care team", Action::OpenNotebook, Some("my questions")),
    bind(&[Char('D')], "D", "your check-ins over time, and the sheet for your visit", Action::OpenCheckInHistory, None),
    bind(&[Char('/')], "/", "search all lessons", Action::OpenSearch, Some("search")),
    bind(&[Char('w')], "w", "glossary: what words mean", Action::OpenGlossary, None),
    bind(&[Char('c')], "c", "survival chart", Action::OpenSurvival, None),
    bind(&[Char('e')], "e", "staging explorer: try T, N and M", Action::OpenStaging, None),
    bind(&[Char('i')], "i", "about this app and emergencies", Action::About, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q')], "q", "quit (progress is saved)", Action::Quit, Some("quit")),
    bind(&[Esc], "Esc", "quit, after asking", Action::Back, None),
];

#[rustfmt::skip]
const READER: &[Binding] = &[
    bind(&[Down, Char('j')], "↓/j", "scroll down one line", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "scroll up one line", Action::Up, None),
    bind(&[PageDown, Char(' ')], "Space", "next page (also PgDn)", Action::PageDown, Some("page")),
    bind(&[PageUp, Char('b')], "PgUp/b", "previous page", Action::PageUp, None),
    bind(&[Home, Char('g')], "g/Home", "go to the top", Action::Top, None),
    bind(&[End, Char('G')], "G/End", "go to the end", Action::Bottom, None),
    bind(&[Char('t')], "t", "contents: jump to a section", Action::Contents, Some("contents")),
    bind(&[Char(']')], "]", "next section", Action::NextSection, None),
    bind(&[Char('[')], "[", "previous section", Action::PrevSection, None),
    bind(&[Tab], "Tab", "select the next link", Action::NextLink, Some("links")),
    bind(&[BackTab], "Shift-Tab", "select the previous link", Action::PrevLink, None),
    bind(&[Enter], "Enter", "follow a link, or open or fold More detail", Action::Open, None),
    bind(&[Right, Char('l')], "→/l", "next lesson", Action::NextLesson, Some("next lesson")),
    bind(&[Left], "←", "previous lesson", Action::PrevLesson, None),
    bind(&[Char('h')], "h", "when to get help now: the signs and who to call", Action::OpenGetHelp, None),
    bind(&[Char('s')], "s", "quiz: check yourself on this lesson", Action::StartQuiz, Some("quiz")),
    bind(&[Char('m')], "m", "body map: symptoms by where cancer has spread", Action::OpenExplorer, None),
    bind(&[Char('a')], "a", "add a question for your care team", Action::AddQuestion, Some("ask")),
    bind(&[Char('y')], "y", "my questions", Action::OpenNotebook, None),
    bind(&[Char('w')], "w", "glossary words on this screen", Action::ShowTerms, Some("words")),
    bind(&[Char('/')], "/", "search all lessons", Action::OpenSearch, None),
    bind(&[Char('n')], "n", "next search match", Action::NextMatch, None),
    bind(&[Char('N')], "N", "previous search match", Action::PrevMatch, None),
    bind(&[Char('c')], "c", "survival chart", Action::OpenSurvival, None),
    bind(&[Char('e')], "e", "staging explorer: try T, N and M", Action::OpenStaging, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const CONTENTS: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "previous section", Action::Up, None),
    bind(&[Down, Char('j')], "↓/j", "next section", Action::Down, None),
    bind(&[Enter], "Enter", "go to the section", Action::Open, Some("go")),
    bind(&[Char('t'), Esc, Char('q')], "t/Esc", "close the contents", Action::Back, Some("close")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    bind(&[Char('i')], "i", "about this app and emergencies", Action::About, Some("about & emergencies")),
    bind(&[Down, Char('j')], "↓/j", "scroll down (small windows)", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "scroll up", Action::Up, None),
    bind(&[Esc, Char('q'), Char('?'), Enter], "Esc", "close help", Action::Back, Some("close")),
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
    bind(&[Up, Char('k')], "↑/k", "previous choice", Action::Up, None),
    bind(&[Down, Char('j')], "↓/j", "next choice", Action::Down, None),
    bind(PICK_KEYS, "1-9/a-i", "pick that choice (t/f for true or false)", Action::Pick(' '), Some("pick")),
    bind(&[Char(' ')], "Space", "pick or unpick the highlighted choice", Action::Toggle, None),
    bind(&[Enter], "Enter", "check my answer", Action::Open, Some("check")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "stop the quiz (answers so far are saved)", Action::Back, Some("stop")),
];

#[rustfmt::skip]
const QUIZ_FEEDBACK: &[Binding] = &[
    bind(&[Enter, Right, Char('n')], "Enter", "next question", Action::Open, Some("next")),
    bind(&[Char('r')], "r", "read the lesson section this question is about", Action::ReadMore, Some("read more")),
    bind(&[Down, Char('j')], "↓/j", "scroll down", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "scroll up", Action::Up, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "stop the quiz (answers so far are saved)", Action::Back, Some("stop")),
];

#[rustfmt::skip]
const QUIZ_DONE: &[Binding] = &[
    bind(&[Down, Char('j')], "↓/j", "next section to read again", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "previous section to read again", Action::Up, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Enter], "Enter", "read the highlighted section again (q there comes back)", Action::Open, Some("read")),
    bind(&[Char('q'), Esc], "q/Esc", "done", Action::Back, Some("done")),
];

#[rustfmt::skip]
const EXPLORER: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "nearest place above", Action::Move(Direction::Up), None),
    bind(&[Down, Char('j')], "↓/j", "nearest place below", Action::Move(Direction::Down), None),
    bind(&[Left, Char('h')], "←/h", "nearest place to the left", Action::Move(Direction::Left), None),
    bind(&[Right, Char('l')], "→/l", "nearest place to the right", Action::Move(Direction::Right), None),
    bind(&[Tab], "Tab", "next place in the list", Action::NextLink, Some("next place")),
    bind(&[BackTab], "Shift-Tab", "previous place in the list", Action::PrevLink, None),
    bind(&[PageDown, Char(' ')], "PgDn", "scroll the details down", Action::PageDown, Some("more")),
    bind(&[PageUp], "PgUp", "scroll the details up", Action::PageUp, None),
    bind(DIGIT_KEYS, "1-9", "read the lesson section with that number", Action::Pick(' '), Some("read")),
    bind(&[Char('/')], "/", "find a symptom", Action::Find, Some("find symptom")),
    bind(&[Char('d')], "d", "symptom check-in: rate how you feel this week", Action::OpenCheckIn, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const EXPLORER_SEARCH: &[Binding] = &[
    bind(&[Enter], "Enter", "go to the highlighted place (or, if nothing matches, read When to get help now)", Action::Open, Some("go")),
    bind(&[Up], "↑", "previous match", Action::Up, None),
    bind(&[Down], "↓", "next match", Action::Down, None),
    bind(&[Esc], "Esc", "stop searching", Action::Back, Some("cancel")),
];

#[rustfmt::skip]
const NOTEBOOK: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "previous question", Action::Up, None),
    bind(&[Down, Char('j')], "↓/j", "next question", Action::Down, None),
    bind(&[Char('a')], "a", "add a question", Action::AddQuestion, Some("add")),
    bind(&[Char('e')], "e", "edit the question", Action::EditItem, None),
    bind(&[Char(' ')], "Space", "mark as asked (or not)", Action::Toggle, Some("asked")),
    bind(&[Char('o')], "o", "write a note of the answer", Action::AddNote, Some("note")),
    bind(&[Char('K')], "K", "move the question up", Action::MoveUp, None),
    bind(&[Char('J')], "J", "move the question down", Action::MoveDown, None),
    bind(&[Char('d'), Delete], "d", "delete the question", Action::Delete, None),
    bind(&[Char('u')], "u", "undo the last delete", Action::Undo, None),
    bind(&[Char('x')], "x", "export a checklist to take to the appointment", Action::Export, Some("export")),
    bind(&[Enter], "Enter", "read the lesson section it came from", Action::Open, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const QUESTION_INPUT: &[Binding] = &[
    bind(&[Enter], "Enter", "save (the typed text, or the highlighted suggestion)", Action::Open, Some("save")),
    bind(&[Up], "↑", "previous suggestion", Action::Up, None),
    bind(&[Down], "↓", "next suggestion", Action::Down, Some("suggestions")),
    bind(&[Tab], "Tab", "copy the suggestion into the text to change it", Action::NextLink, None),
    bind(&[Esc], "Esc", "cancel", Action::Back, Some("cancel")),
];

#[rustfmt::skip]
const SURVIVAL_NOTE: &[Binding] = &[
    bind(&[Enter], "Enter", "show the numbers", Action::Open, Some("show")),
    bind(&[Char('s'), Char('q'), Esc], "s/Esc", "skip for now", Action::Skip, Some("skip")),
    bind(&[Down, Char('j'), PageDown, Char(' ')], "↓/Space", "read more of the note (small windows)", Action::Down, None),
    bind(&[Up, Char('k'), PageUp], "↑", "scroll the note back up", Action::Up, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
];

#[rustfmt::skip]
const LESSON_NOTE: &[Binding] = &[
    bind(&[Enter], "Enter", "read the lesson now", Action::Open, Some("read it now")),
    bind(&[Char('s'), Char('q'), Esc], "s/Esc", "skip it for now", Action::Skip, Some("skip for now")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
];

#[rustfmt::skip]
const SURVIVAL: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "previous cancer", Action::Up, Some("choose")),
    bind(&[Down, Char('j')], "↓/j", "next cancer", Action::Down, None),
    bind(&[Char('s')], "s", "hide the numbers again", Action::Skip, Some("hide")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const STAGING: &[Binding] = &[
    bind(&[Left], "←", "previous letter (T, N, M)", Action::Move(Direction::Left), None),
    bind(&[Right, Tab], "→/Tab", "next letter", Action::Move(Direction::Right), Some("letter")),
    bind(&[Up, Char('k')], "↑/k", "higher value", Action::Move(Direction::Up), Some("value")),
    bind(&[Down, Char('j')], "↓/j", "lower value", Action::Move(Direction::Down), None),
    bind(&[Char('t'), Char('n'), Char('m'), Char('0'), Char('1'), Char('2'), Char('3'), Char('4')],
         "t/n/m 0-4", "choose a letter, then type its value", Action::Pick(' '), None),
    bind(&[PageDown, Char(' ')], "Space", "read more below (small windows)", Action::PageDown, None),
    bind(&[PageUp, Char('b')], "PgUp/b", "scroll back up", Action::PageUp, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('q'), Esc], "q/Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const GLOSSARY: &[Binding] = &[
    bind(&[Up], "↑", "previous word", Action::Up, None),
    bind(&[Down], "↓", "next word", Action::Down, None),
    bind(&[Enter], "Enter", "read the lesson section about it", Action::Open, Some("read more")),
    bind(&[Esc], "Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const SEARCH: &[Binding] = &[
    bind(&[Up], "↑", "previous hit", Action::Up, None),
    bind(&[Down], "↓", "next hit", Action::Down, Some("choose")),
    bind(&[Enter], "Enter", "open the lesson at the hit", Action::Open, Some("open")),
    bind(&[Esc], "Esc", "back", Action::Back, Some("back")),
];

#[rustfmt::skip]
const TERMS: &[Binding] = &[
    bind(&[Down, Char('j')], "↓/j", "scroll down", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "scroll up", Action::Up, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Char('w'), Char('q'), Esc], "w/Esc", "close", Action::Back, Some("close")),
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
    bind(CHECKIN_KEYS, "0-10 y/n", "rate 0 to 10 (type 1 then 0 for 10), or answer yes or no", Action::Pick(' '), Some("answer")),
    bind(&[Right, Char('l')], "→", "one more", Action::Move(Direction::Right), None),
    bind(&[Left, Char('h')], "←", "one less", Action::Move(Direction::Left), None),
    bind(&[Delete, Backspace, Char('-')], "-", "clear the rating (skip this one)", Action::Delete, None),
    bind(&[Enter], "Enter", "go on", Action::Open, Some("go on")),
    bind(&[Down, Char('j')], "↓/j", "next question", Action::Down, None),
    bind(&[Up, Char('k')], "↑/k", "previous question", Action::Up, Some("back a question")),
    bind(&[Char('D')], "D", "your check-ins over time (this one is kept to finish)", Action::OpenCheckInHistory, None),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
    bind(&[Esc, Char('q')], "Esc", "leave: your answers are kept to finish later", Action::Back, Some("leave")),
];

#[rustfmt::skip]
const CHECKIN_NOTE: &[Binding] = &[
    bind(&[Enter], "Enter", "save the check-in", Action::Open, Some("save")),
    bind(&[Up], "↑", "previous question", Action::Up, None),
    bind(&[Esc], "Esc", "leave: your answers are kept to finish later", Action::Back, Some("leave")),
];

#[rustfmt::skip]
const CHECKIN_GET_HELP: &[Binding] = &[
    bind(&[Enter, Esc], "Enter", "I understand, go on with the check-in", Action::Dismiss, Some("go on")),
    bind(&[Char('r')], "r", "read about this sign in When to get help now", Action::ReadMore, Some("read more")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
];

#[rustfmt::skip]
const CHECKIN_HISTORY: &[Binding] = &[
    bind(&[Up, Char('k')], "↑/k", "previous symptom", Action::Up, None),
    bind(&[Down, Char('j')], "↓/j", "next symptom", Action::Down, None),
    bind(&[Char('d')], "d", "check in now", Action::OpenCheckIn, Some("check in")),
    bind(&[Char('q'), Esc], "q", "back", Action::Back, Some("back")),
    bind(&[Char('x')], "x", "export a sheet to take to your visit", Action::Export, Some("export")),
    bind(&[Char('?')], "?", "help: all keys", Action::Help, Some("help")),
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
            let footer: Vec<_> =
                bindings(context).iter().filter(|b| b.footer.is_some()).map(|b| b.action.clone()).collect();
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

    #[test]
    fn ctrl_c_quits_everywhere() {
        for context in ALL {
            let key = KeyEvent::new(Char('c'), KeyModifiers::CONTROL);
            assert_eq!(action_for(context, key), Some(Action::Quit));
        }
    }
}

//! What can happen (`Action`) and what the main loop must do (`Effect`). Effects carry
//! their data; the loop carries them out and reports how it went back as an action, so
//! only `App::update` ever changes the app.

use std::time::Instant;

use tui_input::InputRequest;

use crate::explorer::nav::Direction;

/// Something the person asked for: from a key, the mouse or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Help,
    About,
    Dismiss,
    Contents,
    NextSection,
    PrevSection,
    NextLink,
    PrevLink,
    NextLesson,
    PrevLesson,
    /// Mouse wheel: positive scrolls down.
    Scroll(i16),
    /// Left mouse click at a cell that no drawn item claims (see `hits`).
    Click(u16, u16),
    /// A click on item `n` of the screen's list (a lesson, a choice, a row, a site),
    /// found from the frame drawn.
    Select(usize),
    Resize(u16, u16),
    /// Time passed: the main loop's clock, sent before the events of each turn (so
    /// how long a lesson stayed on screen is measured without reading the clock).
    Tick(Instant),
    /// A typed choice key in a quiz: `1`–`9`, `a`–`i`, `t`/`f`.
    Pick(char),
    /// Pick or unpick the highlighted choice.
    Toggle,
    /// Read the lesson section a quiz question points at.
    ReadMore,
    StartQuiz,
    StartReview,
    StartMixed,
    /// Open the body map.
    OpenExplorer,
    /// Arrow keys on the body map: go to the nearest site that way.
    Move(Direction),
    /// Start typing a search.
    Find,
    /// An edit of the text being typed.
    Edit(InputRequest),
    /// Text pasted (or typed faster than it is drawn) into the text being typed, in one go.
    Paste(String),
    OpenNotebook,
    /// Add a question to "My questions".
    AddQuestion,
    EditItem,
    AddNote,
    Delete,
    Undo,
    MoveUp,
    MoveDown,
    Export,
    OpenSurvival,
    OpenStaging,
    OpenGlossary,
    OpenSearch,
    /// The glossary words on the reader's screen, with their meanings.
    ShowTerms,
    NextMatch,
    PrevMatch,
    /// Skip (or hide again) the survival numbers.
    Skip,
    /// Open the lesson on when to get help now (from the notice, home or a search that found
    /// nothing).
    OpenGetHelp,
    /// The symptom check-in.
    OpenCheckIn,
    /// The next language the tutor has (words and built-in pack), remembered.
    SwitchLanguage,
    /// The history of check-ins.
    OpenCheckInHistory,
    // Outcomes the main loop reports back, so only `update` changes the app.
    /// A save worked; `notices` are what the store had to say (merged copies, files kept aside).
    Saved {
        notices: Vec<String>,
    },
    /// A save failed: why, for the footer until a save works.
    SaveFailed(String),
    /// Another copy holds the lock; the save is tried again soon.
    SaveWaiting,
    /// Where an export will go, said before it is written ("x again to save as …",
    /// already sanitized).
    ExportPlanned(String),
    /// An export was written here (already sanitized for the screen).
    Exported(String),
    /// An export could not be written: why (already sanitized).
    ExportFailed(String),
}

/// Work for the main loop, with everything it needs to do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the progress file now.
    Save,
    Quit,
    /// Find where an export of `kind` made today would go, without writing it; report
    /// `ExportPlanned` (or `ExportFailed`).
    PlanExport {
        kind: ExportKind,
        date: String,
    },
    /// Write "My questions" (this Markdown checklist) to a new file; report `Exported`.
    ExportQuestions {
        date: String,
        markdown: String,
    },
    /// Write the check-in sheet for the next visit to a new file; report `Exported`.
    ExportCheckIn {
        date: String,
        markdown: String,
    },
}

/// What an export writes: the first `x` says where it will go, the second writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Questions,
    CheckIn,
}

//! The interactive tutor: terminal setup, the event loop, and carrying out effects.

pub mod app;
pub mod explorer_flow;
pub mod keys;
pub mod layout;
pub mod quiz_flow;
pub mod screens;
pub mod text;
pub mod theme;
pub mod view;

use std::io::stdout;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, MouseButton,
    MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use self::app::{Action, App, Effect};
use crate::content::ContentPack;
use crate::progress::{Opened, Store};

/// How long progress may wait after a change before it is written (debounce).
const SAVE_AFTER: Duration = Duration::from_secs(2);

/// Where the tutor opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// A lesson's quiz (`patient-tutor quiz ID`).
    Quiz {
        lesson: String,
        seed: Option<u64>,
    },
    /// The review of due questions (`patient-tutor review`).
    Review {
        seed: Option<u64>,
    },
}

pub fn run(pack: ContentPack, opened: Opened, start: Start) -> Result<()> {
    let Opened { store, progress, notices } = opened;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(pack, progress, theme::Theme::new(no_color));
    app.quiz_seed = crate::session::fresh_seed();
    match start {
        Start::Home => {}
        Start::Quiz { lesson, seed } => {
            let Some(index) = app.pack.lesson_index(&lesson) else {
                anyhow::bail!(
                    "there is no lesson `{}`. The lessons are:\n  {}",
                    crate::markdown::sanitize(&lesson),
                    app.pack.lesson_ids().join("\n  ")
                );
            };
            app.quiz_seed = seed.unwrap_or(app.quiz_seed);
            app.start_lesson_quiz(index);
        }
        Start::Review { seed } => {
            app.quiz_seed = seed.unwrap_or(app.quiz_seed);
            app.start_review();
        }
    }
    // Any message so far ("nothing to review") shows in the footer; notices first.
    app.message = notices.into_iter().next().or(app.message.take());

    // ratatui::init installs a panic hook that restores the terminal.
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &store);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result?;
    // One last save; an error here is printed after the terminal is back to normal.
    store.save(&mut app.progress)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, store: &Store) -> Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut changed_at: Option<Instant> = None;
    loop {
        terminal.draw(|frame| view::draw(app, frame))?;
        let actions =
            if event::poll(Duration::from_millis(250))? { actions_for_event(app, event::read()?) } else { vec![] };
        let effects: Vec<Effect> = actions.into_iter().flat_map(|a| app.update(a)).collect();
        if app.unsaved && changed_at.is_none() {
            changed_at = Some(Instant::now());
        }
        let due = changed_at.is_some_and(|t| t.elapsed() >= SAVE_AFTER);
        let wants_save = effects.contains(&Effect::Save) || due;
        if wants_save && (app.unsaved || effects.contains(&Effect::Save)) {
            save(app, store);
            changed_at = None;
        }
        if effects.contains(&Effect::Quit) {
            return Ok(());
        }
    }
}

fn save(app: &mut App, store: &Store) {
    match store.save(&mut app.progress) {
        Ok(()) => {
            app.unsaved = false;
            if let Some(notice) = store.take_notices().into_iter().next() {
                app.message = Some(notice);
            }
        }
        Err(e) => app.message = Some(text::save_failed(&format!("{e:#}"))),
    }
}

/// Terminal events become actions: keys through the key table, the mouse by
/// position, pasted text as typed characters where text is being typed.
pub fn actions_for_event(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) => keys::action_for(app.context(), key).into_iter().collect(),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => vec![Action::Scroll(3)],
            MouseEventKind::ScrollUp => vec![Action::Scroll(-3)],
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click(mouse.column, mouse.row)],
            _ => vec![],
        },
        Event::Paste(text) if app.context().takes_text() => text
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| Action::Edit(tui_input::InputRequest::InsertChar(c)))
            .collect(),
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        _ => vec![],
    }
}

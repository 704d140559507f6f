//! The interactive tutor: terminal setup, the event loop, and carrying out effects.

mod about_flow;
pub mod action;
pub mod app;
pub mod checkin_flow;
pub mod contents;
mod explorer_flow;
pub mod field;
pub mod highlight;
pub mod hits;
pub mod keys;
mod language_flow;
pub mod layout;
pub mod notebook_flow;
pub mod quiz_flow;
pub mod reader_links;
pub mod reader_words;
pub mod reload;
pub mod saving;
pub mod screens;
pub mod signals;
pub mod term;
#[cfg(test)]
mod tests;
pub mod text;
pub mod theme;
pub mod tools_flow;
pub mod view;
mod visit_flow;

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use std::path::Path;

use self::action::{Action, Effect, ExportKind};
use self::app::App;
use self::signals::{Request, Signals};
use self::term::Tty;
use crate::content::ContentPack;
use crate::content::watch::Reloaded;
use crate::progress::{Opened, Store};
use crate::words::t;

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
    /// The symptom check-in (`patient-tutor checkin`).
    CheckIn,
}

/// `changes`: with `--watch`, the pack each time its files change on disk.
pub fn run(
    pack: ContentPack,
    opened: Opened,
    start: Start,
    changes: Option<&std::sync::mpsc::Receiver<Reloaded>>,
) -> Result<()> {
    let Opened { store, progress, notices } = opened;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(pack, progress, theme::Theme::for_terminal(no_color));
    app.progress_path = Some(store.path().to_path_buf());
    app.quiz_seed = crate::session::fresh_seed();
    match start {
        Start::Home => {}
        Start::CheckIn => app.open_checkin(),
        Start::Quiz { lesson, seed } => {
            let Some(index) = app.pack.lesson_index(&lesson) else {
                anyhow::bail!(
                    "{}",
                    crate::tf!(
                        "tui.no_such_lesson",
                        lesson = crate::markdown::sanitize(&lesson),
                        lessons = app.pack.lesson_ids().join("\n  ")
                    )
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
    // The footer has one line, so they are printed in full again after the tutor
    // closes: a file kept aside must be findable by its whole name.
    app.message = notices.first().cloned().or(app.message.take());

    let signals = Signals::install()?;
    // Our own setup rather than ratatui::init: it also turns off mouse capture and
    // bracketed paste and shows the cursor again on a panic or a signal.
    // Never dropped: ratatui's Drop would try to show the cursor again and, if the
    // terminal is gone (window closed), panic while printing that it could not.
    // `term::leave` below does that work, quietly.
    let mut terminal = std::mem::ManuallyDrop::new(term::init()?);
    let result = event_loop(&mut terminal, &mut app, &store, &signals, changes);
    let restored = term::leave();
    // One last save, however the loop ended (quit, a signal, or an error such as a
    // closed terminal); an error here is printed after the terminal is back to normal.
    let mut waiting = || eprintln!("patient-tutor: {}", t("tui.saving.waiting"));
    let saved = store.save_with(&mut app.progress, crate::progress::LOCK_WAIT, &mut waiting);
    for notice in notices.iter().chain(&store.take_notices()) {
        // Notices name files, and a file name can hold anything.
        eprintln!("patient-tutor: {}", crate::markdown::sanitize(notice));
    }
    if let Err(e) = saved {
        // Said plainly: what was not saved, and why.
        let unsaved = text::saving::not_saved(store.unsaved_answers(&app.progress));
        anyhow::bail!("{} {unsaved}", text::saving::save_failed(&format!("{e:#}")));
    }
    if signals.quitting() {
        // SIGTERM or SIGHUP: the progress is safe; a terminal that is already gone
        // (the window was closed) is not an error worth reporting to nobody.
        return Ok(());
    }
    result?;
    Ok(restored?)
}

/// Set to make the tutor panic right after drawing its first frame: for the test
/// that the terminal is put back after a panic. Not documented for users.
const DEBUG_PANIC_VAR: &str = "PATIENT_TUTOR_DEBUG_PANIC";

/// Milliseconds instead of [`SAVE_AFTER`]: lets tests hold a change unsaved, to see
/// that a signal saves it. Not documented for users.
const SAVE_AFTER_VAR: &str = "PATIENT_TUTOR_SAVE_AFTER_MS";

fn event_loop(
    terminal: &mut Tty,
    app: &mut App,
    store: &Store,
    signals: &Signals,
    changes: Option<&std::sync::mpsc::Receiver<Reloaded>>,
) -> Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let debug_panic = std::env::var_os(DEBUG_PANIC_VAR).is_some_and(|v| !v.is_empty());
    let save_after =
        std::env::var(SAVE_AFTER_VAR).ok().and_then(|ms| ms.parse().ok()).map_or(SAVE_AFTER, Duration::from_millis);
    let mut changed_at: Option<Instant> = None;
    let mut saver = saving::Saver::default();
    loop {
        match signals.take() {
            Some(Request::Quit) => return Ok(()),
            Some(Request::Suspend) => suspend(terminal, app, store, signals, &mut saver)?,
            Some(Request::Resume) => resume(terminal, app)?,
            None => {}
        }
        // Live preview: the pack loaded again (at most a poll's wait after the edit settled).
        for reloaded in changes.into_iter().flat_map(|c| c.try_iter()) {
            app.reload_pack(reloaded);
        }
        let mut hits = hits::Hits::default();
        terminal.draw(|frame| hits = view::draw(app, frame))?;
        if debug_panic {
            panic!("{DEBUG_PANIC_VAR} is set: a deliberate panic after the first frame");
        }
        let events = if event::poll(Duration::from_millis(250))? { pending_events()? } else { Vec::new() };
        // The time, before the events: the app never reads the clock itself.
        let mut effects = app.update(Action::Tick(Instant::now()));
        // Ctrl-Z and Ctrl-S are the loop's own; the events around them go to the app in order.
        let mut batch = Vec::new();
        for event in events {
            if is_suspend_key(&event) {
                effects.extend(update_for_events_at(app, std::mem::take(&mut batch), &hits));
                suspend(terminal, app, store, signals, &mut saver)?;
            } else if is_save_key(&event) {
                effects.extend(update_for_events_at(app, std::mem::take(&mut batch), &hits));
                saver.ask();
                let outcome = saver.try_save(&mut app.progress, store);
                effects.extend(app.update(outcome));
                changed_at = None;
            } else {
                batch.push(event);
            }
        }
        effects.extend(update_for_events_at(app, batch, &hits));
        if app.unsaved && changed_at.is_none() {
            changed_at = Some(Instant::now());
        }
        let due = changed_at.is_some_and(|t| t.elapsed() >= save_after);
        let wants_save = effects.contains(&Effect::Save) || due || saver.retrying();
        if wants_save && (app.unsaved || effects.contains(&Effect::Save)) && saver.due(Instant::now()) {
            let outcome = saver.try_save(&mut app.progress, store);
            app.update(outcome);
            changed_at = None;
        }
        let data_dir = store.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        for effect in &effects {
            let outcome = match effect {
                Effect::PlanExport { kind, date } => plan_export(*kind, date, data_dir),
                Effect::ExportQuestions { date, markdown } => export(ExportKind::Questions, date, markdown, data_dir),
                Effect::ExportCheckIn { date, markdown } => export(ExportKind::CheckIn, date, markdown, data_dir),
                Effect::Save | Effect::Quit => continue,
            };
            app.update(outcome);
        }
        if effects.contains(&Effect::Quit) {
            return Ok(());
        }
    }
}

/// The file name an export starts with, and the words for its outcome.
fn export_words(kind: ExportKind) -> (&'static str, Words, Words) {
    match kind {
        ExportKind::Questions => (crate::notebook::EXPORT_STEM, text::exported_to, text::export_questions_failed),
        ExportKind::CheckIn => (CHECKIN_STEM, text::checkin::exported_to, text::checkin::export_failed),
    }
}

type Words = fn(&str) -> String;

const CHECKIN_STEM: &str = "symptom-check-ins";

/// The first `x` of an export: say where the file will go (see `crate::export`), or why
/// it cannot.
fn plan_export(kind: ExportKind, date: &str, data_dir: &Path) -> Action {
    let (stem, _, failed) = export_words(kind);
    match crate::export::export_dir(data_dir) {
        Ok(dir) => {
            let path = crate::export::next_free_name(&dir, stem, date);
            Action::ExportPlanned(text::export_confirm(&crate::markdown::sanitize_path(&path)))
        }
        Err(e) => Action::ExportFailed(failed(&crate::markdown::sanitize(&e.to_string()))),
    }
}

/// The second `x`: write the export to a new private file in the export folder (never
/// over another).
fn export(kind: ExportKind, date: &str, contents: &str, data_dir: &Path) -> Action {
    let (stem, done, failed) = export_words(kind);
    let written = crate::export::export_dir(data_dir)
        .and_then(|dir| crate::export::write_new_in(&dir, stem, date, contents.as_bytes()));
    match written {
        Ok(full) => Action::Exported(done(&crate::markdown::sanitize_path(&full))),
        Err(e) => Action::ExportFailed(failed(&crate::markdown::sanitize(&e.to_string()))),
    }
}

/// Ctrl-Z: in raw mode the terminal sends it as a key, not as SIGTSTP.
fn is_suspend_key(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent { code: KeyCode::Char('z'), modifiers, kind: KeyEventKind::Press, .. })
            if modifiers.contains(KeyModifiers::CONTROL)
    )
}

/// Ctrl-S: save now (after a failed save, try again).
fn is_save_key(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent { code: KeyCode::Char(c), modifiers, kind: KeyEventKind::Press, .. })
            if *c == text::saving::RETRY_KEY && modifiers.contains(KeyModifiers::CONTROL)
    )
}

/// Save, give the terminal back to the shell, stop; on `fg`, take it again and redraw.
fn suspend(
    terminal: &mut Tty,
    app: &mut App,
    store: &Store,
    signals: &Signals,
    saver: &mut saving::Saver,
) -> Result<()> {
    if app.unsaved && saver.due(std::time::Instant::now()) {
        let outcome = saver.try_save(&mut app.progress, store);
        app.update(outcome);
    }
    term::leave()?;
    signals::stop_self()?;
    // Continued.
    signals.forget_resume();
    resume(terminal, app)
}

/// Take the terminal again (the shell may have changed its modes while we were
/// stopped) and redraw every cell.
fn resume(terminal: &mut Tty, app: &mut App) -> Result<()> {
    term::reenter()?;
    terminal.clear()?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    Ok(())
}

/// Most events read before the next frame is drawn.
const EVENTS_PER_FRAME: usize = 4096;

/// The events waiting now (at least one is ready), up to [`EVENTS_PER_FRAME`]: a paste
/// that arrives as a stream of keys is handled in a few batches, not a frame per key.
fn pending_events() -> Result<Vec<Event>> {
    let mut events = vec![event::read()?];
    while events.len() < EVENTS_PER_FRAME && event::poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(events)
}

/// Update the app for a batch of events. Characters typed in a row go in as one
/// paste, so a search runs once per batch rather than once per character.
pub fn update_for_events(app: &mut App, events: Vec<Event>) -> Vec<Effect> {
    update_for_events_at(app, events, &hits::Hits::default())
}

/// As [`update_for_events`], clicks placed on the frame last drawn (`hits`).
pub fn update_for_events_at(app: &mut App, events: Vec<Event>, hits: &hits::Hits) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut typed = String::new();
    for event in events {
        for action in actions_for_event_at(app, event, hits) {
            match action {
                // Typing never changes where the keys go, so the rest can wait for the batch.
                Action::Edit(tui_input::InputRequest::InsertChar(c)) => typed.push(c),
                other => {
                    if !typed.is_empty() {
                        effects.extend(app.update(Action::Paste(std::mem::take(&mut typed))));
                    }
                    effects.extend(app.update(other));
                }
            }
        }
    }
    if !typed.is_empty() {
        effects.extend(app.update(Action::Paste(typed)));
    }
    effects
}

/// Terminal events become actions: keys through the key table, the mouse by
/// position, pasted text as typed characters where text is being typed.
pub fn actions_for_event(app: &App, event: Event) -> Vec<Action> {
    actions_for_event_at(app, event, &hits::Hits::default())
}

/// As [`actions_for_event`], a click becoming the action of what was drawn under it.
pub fn actions_for_event_at(app: &App, event: Event, hits: &hits::Hits) -> Vec<Action> {
    match event {
        Event::Key(key) => keys::action_for(app.context(), key).into_iter().collect(),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => vec![Action::Scroll(3)],
            MouseEventKind::ScrollUp => vec![Action::Scroll(-3)],
            MouseEventKind::Down(MouseButton::Left) => vec![hits.click(mouse.column, mouse.row)],
            _ => vec![],
        },
        // One action for the whole paste: the field cuts it to its length.
        Event::Paste(text) if app.context().takes_text() => vec![Action::Paste(text)],
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        _ => vec![],
    }
}

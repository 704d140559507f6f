//! The terminal: entering and leaving the tutor's modes, and putting the terminal
//! back however the app ends (quit, panic, signal, suspend).
//!
//! The tutor turns on raw mode, the alternate screen, mouse capture and bracketed
//! paste, and hides the cursor; [`leave`] turns every one of them off again, and a
//! panic hook calls it before the panic message is printed.

use std::borrow::Cow;
use std::io::{self, Stdout, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The tutor's terminal: crossterm on stdout, behind the [`SafeBackend`] filter.
pub type Tty = Terminal<SafeBackend<CrosstermBackend<Stdout>>>;

/// The tutor's modes are on (so a panic or a signal knows to undo them).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Turn the tutor's modes on and make the terminal.
pub fn init() -> io::Result<Tty> {
    install_panic_hook();
    enter()?;
    Terminal::new(SafeBackend::new(CrosstermBackend::new(stdout())))
}

/// Raw mode, the alternate screen, mouse capture, bracketed paste, no cursor.
pub fn enter() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste, Hide)
}

/// After a stop the shell may have changed the terminal's modes: set them all again.
pub fn reenter() -> io::Result<()> {
    let _ = disable_raw_mode();
    enter()
}

/// Undo everything [`enter`] did. Every step is tried even if one fails (a closed
/// terminal fails them all). Does nothing if the modes are not on.
pub fn leave() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    // Raw mode first: it has the most side effects (ratatui does the same).
    let raw = disable_raw_mode();
    let mut out = stdout();
    let modes = execute!(out, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
    raw.and(modes)
}

/// Before the panic message: put the terminal back, so the message is readable and
/// the shell works. Installed once; keeps the hook that was there before.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = leave();
            previous(info);
        }));
    });
}

/// A backend filter: a cell whose text holds a control or bidi character (which
/// could move the cursor, change the window title, write the clipboard or reorder
/// text) is drawn as a blank. Content is sanitized long before it reaches a cell;
/// this is the last line of defence, so nothing from a content file can ever reach
/// the terminal as an escape sequence.
///
/// It also never asks the terminal where the cursor is (ratatui does, to clear the
/// screen): the tutor is full screen and does not need to know, and a terminal that
/// does not answer in time (a slow link) would make the redraw after `fg` fail.
#[derive(Debug)]
pub struct SafeBackend<B> {
    inner: B,
    cursor: Position,
}

impl<B> SafeBackend<B> {
    pub fn new(inner: B) -> Self {
        SafeBackend { inner, cursor: Position::ORIGIN }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

/// Whether a cell's text can go to the terminal as it is.
fn safe_symbol(symbol: &str) -> bool {
    crate::markdown::sanitize(symbol) == symbol && !symbol.contains('\n')
}

impl<B: Backend> Backend for SafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, Cow<'a, Cell>)> = content
            .map(|(x, y, cell)| {
                if safe_symbol(cell.symbol()) {
                    (x, y, Cow::Borrowed(cell))
                } else {
                    let mut blank = cell.clone();
                    blank.set_symbol(" ");
                    (x, y, Cow::Owned(blank))
                }
            })
            .collect();
        self.inner.draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell.as_ref())))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn unsafe_cells_are_drawn_blank() {
        let mut backend = SafeBackend::new(TestBackend::new(6, 1));
        let cells: Vec<Cell> = ["a", "\x1b", "\u{202e}", "\u{7}", "é", "日"].into_iter().map(Cell::new).collect();
        backend.draw(cells.iter().enumerate().map(|(x, c)| (x as u16, 0, c))).unwrap();
        let row: Vec<&str> = backend.inner().buffer().content().iter().map(|c| c.symbol()).collect();
        assert_eq!(row, ["a", " ", " ", " ", "é", "日"]);
    }
}

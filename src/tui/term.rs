//! The terminal: entering and leaving the tutor's modes, and putting the terminal
//! back however the app ends (quit, panic, signal, suspend).
//!
//! The tutor turns on raw mode, the alternate screen, mouse capture and bracketed
//! paste, and hides the cursor; [`leave`] turns every one of them off again, and a
//! panic hook calls it before the panic message is printed.

use std::borrow::Cow;
use std::io::{self, Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Style};

/// The tutor's terminal: crossterm on stdout, behind the [`SafeBackend`] filter.
pub type Tty = Terminal<SafeBackend<CrosstermBackend<Stdout>>>;

/// The tutor's modes are on (so a panic or a signal knows to undo them).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The theme's frame colours (text and background), painted under every cell; set
/// by `Theme::for_terminal` before [`init`].
static FRAME: Mutex<Option<Style>> = Mutex::new(None);

/// Paint these colours under the whole frame from the next [`init`] (None: the
/// terminal's own).
pub fn set_frame(frame: Option<Style>) {
    *FRAME.lock().unwrap_or_else(|e| e.into_inner()) = frame;
}

/// Turn the tutor's modes on and make the terminal.
pub fn init() -> io::Result<Tty> {
    install_panic_hook();
    enter()?;
    let frame = *FRAME.lock().unwrap_or_else(|e| e.into_inner());
    let mut terminal = Terminal::new(SafeBackend::new(CrosstermBackend::new(stdout())).with_frame(frame))?;
    if frame.is_some() {
        // Paint the background before the first frame (ratatui only draws the
        // cells that differ from blank ones).
        terminal.clear()?;
    }
    Ok(terminal)
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
/// With a frame (a theme that sets its own background), a cell's unset (`Reset`)
/// text and background colours become the frame's, and clearing the screen paints
/// every cell with them: the whole screen is the theme's, whatever the terminal's
/// colours are.
///
/// It also never asks the terminal where the cursor is (ratatui does, to clear the
/// screen): the tutor is full screen and does not need to know, and a terminal that
/// does not answer in time (a slow link) would make the redraw after `fg` fail.
#[derive(Debug)]
pub struct SafeBackend<B> {
    inner: B,
    cursor: Position,
    /// Text and background colours for cells that set none.
    frame: Option<(Color, Color)>,
}

impl<B> SafeBackend<B> {
    pub fn new(inner: B) -> Self {
        SafeBackend { inner, cursor: Position::ORIGIN, frame: None }
    }

    /// Paint the frame's colours under every cell (None: leave the terminal's own).
    pub fn with_frame(mut self, frame: Option<Style>) -> Self {
        self.frame = frame.map(|f| (f.fg.unwrap_or(Color::Reset), f.bg.unwrap_or(Color::Reset)));
        self
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: Backend> SafeBackend<B> {
    /// After a clear: every cell blank in the frame's colours (if there is a frame).
    fn paint_frame(&mut self) -> Result<(), B::Error> {
        let Some((fg, bg)) = self.frame else { return Ok(()) };
        let size = self.inner.size()?;
        let mut blank = Cell::new(" ");
        blank.fg = fg;
        blank.bg = bg;
        let cells = (0..size.height).flat_map(|y| (0..size.width).map(move |x| (x, y)));
        self.inner.draw(cells.map(|(x, y)| (x, y, &blank)))?;
        self.inner.set_cursor_position(self.cursor)
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
        let frame = self.frame;
        let cells: Vec<(u16, u16, Cow<'a, Cell>)> = content
            .map(|(x, y, cell)| {
                let mut cell = Cow::Borrowed(cell);
                if !safe_symbol(cell.symbol()) {
                    cell.to_mut().set_symbol(" ");
                }
                if let Some((fg, bg)) = frame {
                    if cell.fg == Color::Reset && fg != Color::Reset {
                        cell.to_mut().fg = fg;
                    }
                    if cell.bg == Color::Reset && bg != Color::Reset {
                        cell.to_mut().bg = bg;
                    }
                }
                (x, y, cell)
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
        self.inner.clear()?;
        self.paint_frame()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        if clear_type == ClearType::All { self.paint_frame() } else { Ok(()) }
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

    #[test]
    fn a_frame_colours_unset_cells_and_clears_to_its_background() {
        let frame = Style::new().fg(Color::Indexed(235)).bg(Color::Indexed(231));
        let mut backend = SafeBackend::new(TestBackend::new(3, 2)).with_frame(Some(frame));
        backend.clear_region(ClearType::All).unwrap();
        for cell in backend.inner().buffer().content() {
            assert_eq!((cell.symbol(), cell.fg, cell.bg), (" ", Color::Indexed(235), Color::Indexed(231)));
        }
        // A cell's own colours stay; unset ones become the frame's.
        let mut styled = Cell::new("x");
        styled.fg = Color::Indexed(24);
        let plain = Cell::new("y");
        backend.draw([(0, 0, &styled), (1, 0, &plain)].into_iter()).unwrap();
        let row = backend.inner().buffer().content();
        assert_eq!((row[0].fg, row[0].bg), (Color::Indexed(24), Color::Indexed(231)));
        assert_eq!((row[1].fg, row[1].bg), (Color::Indexed(235), Color::Indexed(231)));
    }

    #[test]
    fn without_a_frame_cells_keep_the_terminal_colours() {
        let mut backend = SafeBackend::new(TestBackend::new(2, 1)).with_frame(None);
        backend.clear_region(ClearType::All).unwrap();
        backend.draw([(0, 0, &Cell::new("y"))].into_iter()).unwrap();
        let cell = &backend.inner().buffer().content()[0];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

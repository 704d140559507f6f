//! "Quit? y/n": asked after Esc on home, so a stray Esc never closes the tutor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::layout;
use crate::tui::view::{centered, draw_footer};
use crate::words::t;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let body = layout::frame(area).body;
    let popup = centered(body, 40, 4);
    let buf = frame.buffer_mut();
    Clear.render(popup, buf);
    let block = Block::default().borders(Borders::ALL).border_style(theme.border);
    Paragraph::new(Line::raw(t("tui.quit_ask"))).wrap(Wrap { trim: true }).block(block).render(popup, buf);
    // The footer row is cleared first, so no word of the old footer shows through.
    let footer = layout::frame(area).footer;
    Clear.render(footer, buf);
    draw_footer(app, buf, footer, Context::ConfirmQuit);
}

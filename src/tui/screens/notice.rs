//! The first-run notice: education, not medical advice, and what to do in an emergency.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_title};
use crate::tui::{layout, text};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let parts = layout::frame(area);
    draw_title(
        frame.buffer_mut(),
        parts.title,
        text::APP_TITLE,
        "",
        theme.title,
        theme.dim,
    );

    let mut lines: Vec<Line> = Vec::new();
    for (i, paragraph) in text::NOTICE.iter().enumerate() {
        // The emergency paragraph stands out in words and weight, not colour alone.
        let style = if i == 2 {
            theme.warn
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(*paragraph, style));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(text::NOTICE_AGAIN, theme.dim));
    let width = parts.body.width.min(80);
    let body = Rect {
        x: parts.body.x + (parts.body.width - width) / 2,
        width,
        ..parts.body
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(text::NOTICE_TITLE);
    let paragraph = Paragraph::new(Text::from(lines))
        .block(block)
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, body);
    draw_footer(app, frame.buffer_mut(), parts.footer, Context::Notice);
}

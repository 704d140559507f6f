//! The help overlay: every key of the screen underneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keys::{self, Context};
use crate::tui::view::{centered, draw_footer};
use crate::tui::{layout, text};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let bindings = keys::bindings(app.base_context());
    let label_w = bindings.iter().map(|b| crate::markdown::display_width(b.label)).max().unwrap_or(0);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<label_w$}", b.label), theme.key),
                Span::raw("  "),
                Span::raw(b.help),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw("Ctrl-C  quit from anywhere (progress is saved)"));
    lines.push(Line::raw(text::HELP_MOUSE));

    let body = layout::frame(area).body;
    let popup = centered(body, 64, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::default().borders(Borders::ALL).border_style(theme.border).title(text::HELP_TITLE);
    frame.render_widget(Paragraph::new(Text::from(lines)).block(block).wrap(Wrap { trim: false }), popup);
    draw_footer(app, frame.buffer_mut(), layout::frame(area).footer, Context::Help);
}

//! The help overlay: every key of the screen underneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::markdown::{display_width, wrap_text};
use crate::tui::app::App;
use crate::tui::keys::{self, Context};
use crate::tui::layout;
use crate::tui::view::{centered, draw_footer};
use crate::words::t;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let body = layout::frame(area).body;
    let width = body.width.min(64);
    let inner_w = width.saturating_sub(2).max(1) as usize;

    // One entry per key, wrapped with the help text hanging under itself.
    let bindings = keys::bindings(app.base_context());
    let label_w = bindings.iter().map(|b| display_width(b.label())).max().unwrap_or(0).min(inner_w / 2);
    let mut lines: Vec<Line> = Vec::new();
    for b in bindings {
        let room = inner_w.saturating_sub(label_w + 2).max(1);
        for (i, part) in wrap_text(b.help(), room).into_iter().enumerate() {
            let label = if i == 0 { format!("{:<label_w$}", b.label()) } else { " ".repeat(label_w) };
            lines.push(Line::from(vec![Span::styled(label, theme.key), Span::raw("  "), Span::raw(part)]));
        }
    }
    lines.push(Line::raw(""));
    for extra in [t("tui.help_ctrl_c"), t("tui.help_save"), t("tui.help_mouse")] {
        lines.extend(wrap_text(extra, inner_w).into_iter().map(Line::raw));
    }

    let popup = centered(body, width, lines.len() as u16 + 2);
    let buf = frame.buffer_mut();
    Clear.render(popup, buf);
    let block = Block::default().borders(Borders::ALL).border_style(theme.border).title(t("tui.help_title"));
    let inner = block.inner(popup);
    block.render(popup, buf);
    // Small windows scroll the list; the last row says when there is more.
    let rows = inner.height as usize;
    let scroll = (app.help_scroll() as usize).min(lines.len().saturating_sub(rows));
    let more = lines.len() > scroll + rows;
    for (i, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        let line = if more && i + 1 == rows { &Line::styled(t("tui.more_below"), theme.key) } else { line };
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
    draw_footer(app, buf, layout::frame(area).footer, Context::Help);
}

//! The first-run notice: education, not medical advice, and what to do in an emergency.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Padding, Widget};

use crate::markdown::wrap_text;
use crate::tui::app::App;
use crate::tui::view::{draw_footer, draw_title};
use crate::tui::{layout, text};
use crate::words::{list, t};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    draw_title(buf, parts.title, t("tui.app_title"), "", theme.title, theme.dim);

    let width = parts.body.width.min(76);
    let inner_width = width.saturating_sub(4).max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (i, paragraph) in list("tui.notice").iter().enumerate() {
        // The emergency paragraphs stand out by colour; their words say so too.
        let style = if text::NOTICE_EMERGENCY.contains(&i) { theme.warn } else { ratatui::style::Style::new() };
        // A list item's wrapped lines line up under its text, past the bullet.
        let hang = if paragraph.starts_with("• ") { "  " } else { "" };
        for (n, part) in wrap_text(paragraph, inner_width.saturating_sub(hang.len()).max(1)).into_iter().enumerate() {
            let lead = if n == 0 { "" } else { hang };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
        // A list item follows its heading or the item before it without a blank line.
        if !list("tui.notice").get(i + 1).is_some_and(|next| next.starts_with("• ")) {
            lines.push(Line::raw(""));
        }
        if i + 1 == text::NOTICE_EMERGENCY.end {
            let key = theme.key.add_modifier(ratatui::style::Modifier::BOLD);
            lines.extend(wrap_text(t("tui.notice_get_help"), inner_width).into_iter().map(|l| Line::styled(l, key)));
            lines.push(Line::raw(""));
        }
    }
    lines.extend(wrap_text(t("tui.notice_again"), inner_width).into_iter().map(|l| Line::styled(l, theme.dim)));
    // Whose material this is: the pack's manifest.
    if let Some(pack) = &app.pack.manifest {
        let about = text::pack_about(&pack.name, &pack.version, &pack.publisher);
        lines.push(Line::raw(""));
        lines.extend(wrap_text(&about, inner_width).into_iter().map(|l| Line::styled(l, theme.dim)));
    }

    let height = (lines.len() as u16 + 2).min(parts.body.height);
    let x = parts.body.x + (parts.body.width - width) / 2;
    let y = parts.body.y + (parts.body.height - height) / 2;
    let outer = Rect { x, y, width, height };
    // On a very low window the box would hold nothing: the words go without it.
    let block = if parts.body.height >= 5 {
        Block::default().borders(Borders::ALL).border_style(theme.border).title(t("tui.notice_title"))
    } else {
        Block::default()
    }
    .padding(Padding::horizontal(1));
    let inner = block.inner(outer);
    block.render(outer, buf);
    // Small windows scroll; the last row says when there is more below.
    let rows = inner.height as usize;
    let scroll = (app.notice_scroll() as usize).min(lines.len().saturating_sub(rows));
    let more = lines.len() > scroll + rows;
    for (row, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        let line = if more && row + 1 == rows { &Line::styled(t("tui.more_below"), theme.key) } else { line };
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
    draw_footer(app, buf, parts.footer, app.base_context());
}

//! "My questions": the list for the next appointment, and the box for typing one.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::markdown::{display_width, sanitize, wrap_text};
use crate::tui::app::{App, InputPurpose};
use crate::tui::keys::Context;
use crate::tui::layout;
use crate::tui::view::{centered, draw_footer, draw_title, truncate};
use crate::words::t;

/// Each question takes two rows: the question, then where it came from and its note.
const ROWS_PER_ITEM: u16 = 2;

fn list_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body }
}

fn visible_items(list: Rect) -> usize {
    (list.height / ROWS_PER_ITEM).max(1) as usize
}

/// The question at a screen row, for mouse clicks.
pub fn item_at(app: &App, y: u16) -> Option<usize> {
    let list = list_area(app.area);
    if y < list.y || y >= list.bottom() {
        return None;
    }
    let offset = layout::list_offset(app.notebook_selected, visible_items(list));
    let index = offset + ((y - list.y) / ROWS_PER_ITEM) as usize;
    (index < app.questions().len()).then_some(index)
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let open = app.open_questions();
    draw_title(
        buf,
        parts.title,
        t("tui.notebook_title"),
        &crate::tf!("notebook.to_ask", open = open),
        theme.title,
        theme.dim,
    );

    let list = list_area(area);
    let width = list.width as usize;
    if app.questions().is_empty() {
        for (row, line) in
            wrap_text(t("tui.notebook_empty"), width.max(1)).into_iter().enumerate().take(list.height as usize)
        {
            buf.set_line(list.x, list.y + row as u16, &Line::styled(line, theme.dim), list.width);
        }
    }
    let visible = visible_items(list);
    let offset = layout::list_offset(app.notebook_selected, visible);
    for (slot, (i, q)) in app.questions().iter().enumerate().skip(offset).take(visible).enumerate() {
        let y = list.y + slot as u16 * ROWS_PER_ITEM;
        let selected = i == app.notebook_selected;
        let mark = if q.asked { "[x]" } else { "[ ]" };
        let pointer = if selected { "▶" } else { " " };
        let lead = format!("{pointer} {mark} ");
        let question = truncate(&sanitize(&q.text), width.saturating_sub(display_width(&lead)));
        let style = if selected { theme.selected } else { Style::new() };
        buf.set_line(list.x, y, &Line::from(vec![Span::raw(lead), Span::raw(question)]).style(style), list.width);
        if y + 1 < list.bottom() {
            let mut details = Vec::new();
            if let Some(source) = app.question_source(q) {
                details.push(format!("from {source}"));
            }
            if q.asked {
                details.push(t("tui.asked").to_string());
            }
            if !q.note.is_empty() {
                details.push(crate::tf!("notebook.answer", note = sanitize(&q.note)));
            }
            let line = truncate(&details.join(" · "), width.saturating_sub(6));
            buf.set_line(list.x + 6, y + 1, &Line::styled(line, theme.dim), list.width.saturating_sub(6));
        }
    }
    draw_footer(app, buf, parts.footer, Context::Notebook);
}

/// The box for typing a question or a note, over whatever screen is below.
pub fn draw_input(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.question_input() else { return };
    let theme = &app.theme;
    let body = layout::frame(area).body;
    let title = match state.purpose {
        InputPurpose::Add { .. } => t("tui.add_question_title"),
        InputPurpose::Edit(_) => t("tui.edit_question_title"),
        InputPurpose::Note(_) => t("tui.note_title"),
    };
    let width = body.width.min(80);
    let inner_w = width.saturating_sub(2) as usize;
    let mut rows: Vec<Line> = Vec::new();
    if let Some(error) = &state.error {
        rows.extend(wrap_text(error, inner_w.max(1)).into_iter().map(|l| Line::styled(l, theme.warn)));
    }
    if !state.suggestions.is_empty() {
        rows.push(Line::raw(""));
        rows.push(Line::styled(t("tui.suggestions"), theme.dim));
        for (i, suggestion) in state.suggestions.iter().enumerate() {
            let selected = state.cursor == Some(i);
            let style = if selected { theme.selected } else { Style::new() };
            let lead = if selected { "▶ " } else { "  " };
            rows.push(Line::styled(truncate(&format!("{lead}{}", sanitize(suggestion)), inner_w), style));
        }
    }
    // Two borders, the text line, then the rest.
    let height = (rows.len() as u16 + 3).min(body.height);
    let popup = centered(body, width, height);
    let buf = frame.buffer_mut();
    Clear.render(popup, buf);
    let block = Block::default().borders(Borders::ALL).border_style(theme.border).title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // The text field: scrolled so the cursor stays in view.
    let field_w = inner.width as usize;
    let scroll = state.input.visual_scroll(field_w.saturating_sub(1));
    let shown: String = sanitize(state.input.value()).chars().skip(scroll).collect();
    buf.set_line(inner.x, inner.y, &Line::styled(truncate(&shown, field_w), theme.key), inner.width);
    let cursor_x = inner.x + (state.input.visual_cursor() - scroll).min(field_w.saturating_sub(1)) as u16;
    frame.set_cursor_position(Position { x: cursor_x, y: inner.y });
    let buf = frame.buffer_mut();
    for (row, line) in rows.iter().take(inner.height.saturating_sub(1) as usize).enumerate() {
        buf.set_line(inner.x, inner.y + 1 + row as u16, line, inner.width);
    }
    draw_footer(app, buf, layout::frame(area).footer, Context::QuestionInput);
}

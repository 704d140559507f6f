//! Reader: the lesson text, a contents panel, and where you are in it.
//! Only the visible rows are drawn, so a frame costs the same for any lesson length.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::markdown::sanitize;
use crate::tui::app::App;
use crate::tui::view::{centered, draw_footer, draw_title, truncate};
use crate::tui::{highlight, layout, text};
use crate::words::t;
use ratatui::style::{Modifier, Style};

pub fn draw(app: &App, frame: &mut Frame) {
    let Some(reader) = app.reader() else {
        return;
    };
    let theme = &app.theme;
    let lesson = &app.pack.lessons[reader.lesson];
    let parts = app.reader_layout();
    let buf = frame.buffer_mut();

    if reader.note_pending {
        let title =
            format!("{} · {}", text::lesson_of(reader.lesson + 1, app.pack.lessons.len()), sanitize(&lesson.title));
        draw_title(buf, parts.frame.title, &title, "", theme.title, theme.dim);
        draw_note(app, buf, parts.frame.body, lesson.content_note.as_deref().unwrap_or_default());
        draw_footer(app, buf, parts.frame.footer, app.base_context());
        return;
    }
    let total = reader.doc.lines.len();
    let height = parts.text.height as usize;
    let percent = if total <= height { 100 } else { ((reader.top + height).min(total) * 100 / total) as u16 };
    let left = format!("{} · {}", text::lesson_of(reader.lesson + 1, app.pack.lessons.len()), sanitize(&lesson.title));
    draw_title(buf, parts.frame.title, &left, &format!("{percent:>3}% "), theme.title, theme.dim);

    let selected_line = reader.link.and_then(|i| reader.doc.links.get(i)).map(|l| l.line);
    // Glossary words are underlined and search words highlighted, on visible rows only.
    let term_style = Style::new().add_modifier(Modifier::UNDERLINED);
    let match_style = theme.marker.add_modifier(Modifier::REVERSED);
    for (row, line) in reader.doc.lines.iter().skip(reader.top).take(height).enumerate() {
        let y = parts.text.y + row as u16;
        let plain = crate::markdown::line_to_string(line);
        let mut marks: Vec<_> = app.search_marks(&plain).into_iter().map(|r| (r, match_style)).collect();
        for (range, _) in app.terms_in_line(reader, reader.top + row, &plain) {
            if !marks.iter().any(|(r, _)| r.start < range.end && range.start < r.end) {
                marks.push((range.clone(), term_style));
            }
        }
        let line = highlight::patch(line, &marks);
        buf.set_line(parts.text.x, y, &line, parts.text.width);
        if Some(reader.top + row) == selected_line && parts.gutter.width > 0 {
            buf.set_line(parts.gutter.x, y, &Line::styled("▶", theme.marker), parts.gutter.width);
        }
    }

    if total > height && parts.scrollbar.width > 0 {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(reader.top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.dim)
            .render(parts.scrollbar, buf, &mut state);
    }

    let sections = &reader.sections;
    let current = app.current_section();
    match (parts.toc, app.contents_cursor()) {
        (Some(toc), _) => draw_contents(app, buf, toc, sections, current, false),
        (None, Some(_)) => {
            let h = sections.len().saturating_add(2).min(usize::from(parts.frame.body.height)) as u16;
            let popup = centered(parts.frame.body, 40, h);
            Clear.render(popup, buf);
            draw_contents(app, buf, popup, sections, current, true);
        }
        (None, None) => {}
    }

    if app.terms_open() {
        draw_terms(app, buf, parts.frame.body);
    }
    let context = app.base_context();
    draw_footer(app, buf, parts.frame.footer, context);
}

/// A lesson's content note, in a box, before the lesson is shown.
fn draw_note(app: &App, buf: &mut ratatui::buffer::Buffer, body: Rect, note: &str) {
    let theme = &app.theme;
    let width = body.width.min(70);
    let inner_w = width.saturating_sub(4).max(1) as usize;
    let mut rows: Vec<Line> = crate::markdown::wrap_text(&sanitize(note), inner_w).into_iter().map(Line::raw).collect();
    rows.push(Line::raw(""));
    rows.extend(
        crate::markdown::wrap_text(t("tui.lesson_note_keys"), inner_w).into_iter().map(|l| Line::styled(l, theme.key)),
    );
    let height = (rows.len() as u16 + 2).min(body.height);
    let popup = centered(body, width, height);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(t("tui.lesson_note_title"))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (i, line) in rows.iter().take(inner.height as usize).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}

/// The glossary words on screen with their meanings, in a box over the text.
fn draw_terms(app: &App, buf: &mut ratatui::buffer::Buffer, body: Rect) {
    let theme = &app.theme;
    let width = body.width.min(70);
    let inner_w = width.saturating_sub(4).max(1) as usize;
    let mut rows: Vec<Line> = Vec::new();
    for term in app.terms_on_screen().into_iter().map(|i| &app.pack.glossary.terms[i]) {
        rows.push(Line::styled(sanitize(&term.term).into_owned(), theme.title));
        rows.extend(crate::markdown::wrap_text(&sanitize(&term.definition), inner_w).into_iter().map(Line::raw));
        rows.push(Line::raw(""));
    }
    if rows.is_empty() {
        rows.push(Line::styled(t("tui.no_terms"), theme.dim));
    }
    let height = (rows.len() as u16 + 2).min(body.height);
    let popup = centered(body, width, height);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(t("tui.terms_title"))
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let scroll = (app.terms_scroll() as usize).min(rows.len().saturating_sub(inner.height as usize));
    for (i, line) in rows.iter().skip(scroll).take(inner.height as usize).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}

fn draw_contents(
    app: &App,
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    sections: &[(String, usize)],
    current: Option<usize>,
    boxed: bool,
) {
    let theme = &app.theme;
    let inner = if boxed {
        let block = Block::default().borders(Borders::ALL).border_style(theme.border).title(t("tui.contents_title"));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    } else {
        let block = Block::default().borders(Borders::LEFT).border_style(theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        buf.set_line(
            inner.x + 1,
            inner.y,
            &Line::styled(t("tui.contents_title"), theme.title),
            inner.width.saturating_sub(1),
        );
        Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner }
    };
    let visible = inner.height as usize;
    let focus = app.contents_cursor().or(current).unwrap_or(0);
    let offset = layout::list_offset(focus, visible);
    for (row, (i, (title, _))) in sections.iter().enumerate().skip(offset).take(visible).enumerate() {
        let marker = if Some(i) == current { "▸ " } else { "  " };
        let label = truncate(&format!("{marker}{}", sanitize(title)), inner.width.saturating_sub(1) as usize);
        let style = if app.contents_cursor() == Some(i) { theme.selected } else { ratatui::style::Style::new() };
        buf.set_line(
            inner.x + 1,
            inner.y + row as u16,
            &Line::from(Span::styled(label, style)),
            inner.width.saturating_sub(1),
        );
    }
}

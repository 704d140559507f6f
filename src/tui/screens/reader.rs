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
use crate::tui::keys::Context;
use crate::tui::view::{centered, draw_footer, draw_footer_line, draw_title};
use crate::tui::{highlight, layout, reader_links, text};
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
    // Glossary words are underlined (links are bold too, with their target after them)
    // and search words highlighted, on visible rows only; the selected link is reversed.
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
        let mut line = highlight::patch(line, &marks);
        if let Some(selected) = reader.link {
            let spans: Vec<_> = reader_links::links_on_line(&reader.doc, reader.top + row)
                .filter(|s| s.link == selected)
                .map(|s| (s.range.clone(), theme.selected))
                .collect();
            line = highlight::patch(&line, &spans);
        }
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

    match (parts.toc, app.contents_cursor()) {
        (Some(toc), _) => draw_side_contents(app, buf, toc),
        (None, Some(_)) => draw_contents_popup(app, buf, parts.frame.body),
        (None, None) => {}
    }

    if app.terms_open() {
        draw_terms(app, buf, parts.frame.body);
    }
    let context = app.base_context();
    // The selected link is named below for as long as it is selected.
    match app.link_hint().filter(|_| app.message.is_none() && context == Context::Reader) {
        Some(hint) => draw_footer_line(buf, parts.frame.footer, &hint, theme.warn),
        None => draw_footer(app, buf, parts.frame.footer, context),
    }
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

/// The contents as a panel beside the text (wide windows).
fn draw_side_contents(app: &App, buf: &mut ratatui::buffer::Buffer, toc: Rect) {
    let theme = &app.theme;
    let block = Block::default().borders(Borders::LEFT).border_style(theme.border);
    let inner = block.inner(toc);
    block.render(toc, buf);
    let heading = Line::styled(t("tui.contents_title"), theme.title);
    buf.set_line(inner.x + 1, inner.y, &heading, inner.width.saturating_sub(1));
    draw_contents_list(app, buf, layout::toc_list(toc));
}

/// The contents as a box over the text (narrow windows, while it has the keys).
fn draw_contents_popup(app: &App, buf: &mut ratatui::buffer::Buffer, body: Rect) {
    if body.height < 3 {
        // No room for a box with a row in it: the list alone, over the text.
        Clear.render(body, buf);
        let list = Rect { x: body.x + 1.min(body.width), width: body.width.saturating_sub(1), ..body };
        return draw_contents_list(app, buf, list);
    }
    let width = body.width.min(layout::CONTENTS_POPUP_WIDTH);
    // Its rows at the box's width decide its height.
    let list_width = layout::contents_popup_list(Rect { width, height: 3, ..body }).width;
    let rows = app.contents_view(Rect { width: list_width, ..body }).rows.len();
    let popup = centered(body, width, (rows as u16).saturating_add(2));
    Clear.render(popup, buf);
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(t("tui.contents_title"))
        .render(popup, buf);
    draw_contents_list(app, buf, layout::contents_popup_list(popup));
}

/// The entries, each title whole (wrapped under its marker): `▸` marks the section
/// being read, and the highlighted one has the keys.
fn draw_contents_list(app: &App, buf: &mut ratatui::buffer::Buffer, list: Rect) {
    let theme = &app.theme;
    let view = app.contents_view(list);
    let current = app.current_entry();
    let cursor = app.contents_cursor();
    for (i, row) in view.rows.iter().skip(view.offset).take(usize::from(list.height)).enumerate() {
        let marker = match (row.first, row.entry == current) {
            (true, true) => "▸ ",
            (true, false) => "  ",
            (false, _) => "    ",
        };
        let style = if cursor == Some(row.entry) { theme.selected } else { Style::new() };
        let line = Line::from(Span::styled(format!("{marker}{}", row.text), style));
        buf.set_line(list.x, list.y + i as u16, &line, list.width);
    }
}

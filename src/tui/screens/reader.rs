//! Reader: the lesson text, a contents panel, and where you are in it.
//! Only the visible rows are drawn, so a frame costs the same for any lesson length.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::markdown::sanitize;
use crate::tui::app::{App, Reader};
use crate::tui::keys::Context;
use crate::tui::view::{centered, draw_footer, draw_title, truncate};
use crate::tui::{layout, text};

pub fn draw(app: &App, frame: &mut Frame) {
    let Some(reader) = app.reader.as_ref() else {
        return;
    };
    let theme = &app.theme;
    let lesson = &app.pack.lessons[reader.lesson];
    let parts = app.reader_layout();
    let buf = frame.buffer_mut();

    let total = reader.doc.lines.len();
    let height = parts.text.height as usize;
    let percent = if total <= height { 100 } else { ((reader.top + height).min(total) * 100 / total) as u16 };
    let left = format!("{} · {}", text::lesson_of(reader.lesson + 1, app.pack.lessons.len()), sanitize(&lesson.title));
    draw_title(buf, parts.frame.title, &left, &format!("{percent:>3}% "), theme.title, theme.dim);

    let selected_line = reader.link.and_then(|i| reader.doc.links.get(i)).map(|l| l.line);
    for (row, line) in reader.doc.lines.iter().skip(reader.top).take(height).enumerate() {
        let y = parts.text.y + row as u16;
        buf.set_line(parts.text.x, y, line, parts.text.width);
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

    let sections = app.sections();
    let current = app.current_section();
    match (parts.toc, reader.toc_cursor) {
        (Some(toc), _) => draw_contents(app, reader, buf, toc, &sections, current, false),
        (None, Some(_)) => {
            let h = (sections.len() as u16 + 2).min(parts.frame.body.height);
            let popup = centered(parts.frame.body, 40, h);
            Clear.render(popup, buf);
            draw_contents(app, reader, buf, popup, &sections, current, true);
        }
        (None, None) => {}
    }

    let context = if reader.toc_cursor.is_some() { Context::Contents } else { Context::Reader };
    draw_footer(app, buf, parts.frame.footer, context);
}

fn draw_contents(
    app: &App,
    reader: &Reader,
    buf: &mut ratatui::buffer::Buffer,
    area: Rect,
    sections: &[(String, usize)],
    current: Option<usize>,
    boxed: bool,
) {
    let theme = &app.theme;
    let inner = if boxed {
        let block = Block::default().borders(Borders::ALL).border_style(theme.border).title(text::CONTENTS_TITLE);
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
            &Line::styled(text::CONTENTS_TITLE, theme.title),
            inner.width.saturating_sub(1),
        );
        Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner }
    };
    let visible = inner.height as usize;
    let focus = reader.toc_cursor.or(current).unwrap_or(0);
    let offset = layout::list_offset(focus, visible);
    for (row, (i, (title, _))) in sections.iter().enumerate().skip(offset).take(visible).enumerate() {
        let marker = if Some(i) == current { "▸ " } else { "  " };
        let label = truncate(&format!("{marker}{}", sanitize(title)), inner.width.saturating_sub(1) as usize);
        let style = if reader.toc_cursor == Some(i) { theme.selected } else { ratatui::style::Style::new() };
        buf.set_line(
            inner.x + 1,
            inner.y + row as u16,
            &Line::from(Span::styled(label, style)),
            inner.width.saturating_sub(1),
        );
    }
}

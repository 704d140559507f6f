//! Search: type words, see the lessons and sections that have them all, with the
//! matched words highlighted in each snippet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::markdown::sanitize;
use crate::tui::app::App;
use crate::tui::highlight;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_input_line, draw_title, truncate};
use crate::tui::{layout, text};
use crate::words::t;

/// Each hit takes two rows: where it is, then the snippet.
const ROWS_PER_HIT: usize = 2;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.search() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let count = if state.hits.is_empty() { String::new() } else { crate::tf!("search.found", n = state.hits.len()) };
    draw_title(frame.buffer_mut(), parts.title, t("tui.search_title"), &count, theme.title, theme.dim);
    let body =
        Rect { x: parts.body.x + 1, width: parts.body.width.saturating_sub(2).min(layout::MAX_MEASURE), ..parts.body };
    draw_input_line(frame, Rect { height: 1, ..body }, t("tui.search_prompt"), &state.input, theme.key);
    let list = Rect { y: body.y + 2, height: body.height.saturating_sub(2), ..body };
    let width = list.width as usize;
    let buf = frame.buffer_mut();

    let query = state.input.value().trim();
    if state.hits.is_empty() {
        let hint =
            if query.is_empty() { t("tui.search_hint").to_string() } else { text::no_search_hits(&sanitize(query)) };
        for (i, line) in
            crate::markdown::wrap_text(&hint, width.max(1)).into_iter().take(list.height as usize).enumerate()
        {
            buf.set_line(list.x, list.y + i as u16, &Line::styled(line, theme.dim), list.width);
        }
    }
    let visible = (list.height as usize / ROWS_PER_HIT).max(1);
    let offset = layout::list_offset(state.selected, visible);
    for (slot, (i, hit)) in state.hits.iter().enumerate().skip(offset).take(visible).enumerate() {
        let y = list.y + (slot * ROWS_PER_HIT) as u16;
        let selected = i == state.selected;
        let place = app.pack.target_label(&hit.target()).unwrap_or_else(|| hit.target());
        let pointer = if selected { "▶ " } else { "  " };
        let style = if selected { theme.selected } else { theme.title };
        buf.set_line(list.x, y, &Line::styled(truncate(&format!("{pointer}{place}"), width), style), list.width);
        if y + 1 < list.bottom() {
            // Cut the snippet to the width, then highlight the matches that remain.
            let snippet = truncate(&sanitize(&hit.snippet), width.saturating_sub(4));
            let marks: Vec<_> = hit
                .highlights
                .iter()
                .filter(|r| {
                    r.end <= snippet.len() && snippet.is_char_boundary(r.start) && snippet.is_char_boundary(r.end)
                })
                .map(|r| (r.clone(), theme.marker.add_modifier(Modifier::REVERSED)))
                .collect();
            let line = highlight::patch(&Line::from(Span::raw(snippet.clone())), &marks);
            buf.set_line(list.x + 4, y + 1, &line, list.width.saturating_sub(4));
        }
    }
    draw_footer(app, buf, parts.footer, Context::Search);
}

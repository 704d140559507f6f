//! The glossary: every word with its plain meaning, filtered as you type.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::markdown::{sanitize, wrap_text};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::layout;
use crate::tui::view::{draw_footer_where, draw_input_line, draw_title, fit_rows};
use crate::words::t;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.glossary() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let matches = app.glossary_matches();
    draw_title(
        frame.buffer_mut(),
        parts.title,
        t("tui.glossary_title"),
        &format!("{} of {} ", matches.len(), app.pack.glossary.terms.len()),
        theme.title,
        theme.dim,
    );
    let body =
        Rect { x: parts.body.x + 1, width: parts.body.width.saturating_sub(2).min(layout::MAX_MEASURE), ..parts.body };
    draw_input_line(frame, Rect { height: 1, ..body }, t("tui.filter_prompt"), &state.input, theme.key);
    let list = Rect { y: body.y + 2, height: body.height.saturating_sub(2), ..body };
    let width = list.width.max(1) as usize;

    // Each entry: the term (and its other names), then its meaning, then a blank line.
    let mut rows: Vec<(Line, usize)> = Vec::new();
    for (pos, &i) in matches.iter().enumerate() {
        let term = &app.pack.glossary.terms[i];
        let selected = pos == state.selected;
        let mut name = sanitize(&term.term).into_owned();
        if !term.aliases.is_empty() {
            let aliases: Vec<_> = term.aliases.iter().map(|a| sanitize(a).into_owned()).collect();
            name = crate::tf!("glossary.also", term = name, aliases = aliases.join(", "));
        }
        let style = if selected { theme.selected } else { theme.title };
        let pointer = if selected { "▶ " } else { "  " };
        rows.extend(wrap_text(&format!("{pointer}{name}"), width).into_iter().map(|l| (Line::styled(l, style), pos)));
        rows.extend(
            wrap_text(&sanitize(&term.definition), width.saturating_sub(4).max(1))
                .into_iter()
                .map(|l| (Line::raw(format!("    {l}")), pos)),
        );
        if let Some(see) = term.see.as_deref().and_then(|t| app.pack.target_label(t)) {
            // Wrapped like the meaning: a lesson-and-section name is often wider than a
            // narrow window.
            let read_more = crate::tf!("glossary.read_more", see = see);
            rows.extend(
                wrap_text(&read_more, width.saturating_sub(4).max(1))
                    .into_iter()
                    .map(|l| (Line::styled(format!("    {l}"), theme.dim), pos)),
            );
        }
        rows.push((Line::raw(""), pos));
    }
    if matches.is_empty() {
        let hint = fit_rows(wrap_text(t("tui.no_glossary_match"), width), list.height as usize, width);
        rows.extend(hint.into_iter().map(|l| (Line::styled(l, theme.dim), 0)));
    }
    // Keep the selected entry in view.
    let last_selected = rows.iter().rposition(|(_, pos)| *pos == state.selected).unwrap_or(0);
    let first_selected = rows.iter().position(|(_, pos)| *pos == state.selected).unwrap_or(0);
    let height = list.height as usize;
    let offset = if last_selected + 1 > height { (last_selected + 1 - height).min(first_selected) } else { 0 };
    let buf = frame.buffer_mut();
    for (row, (line, _)) in rows.iter().skip(offset).take(height).enumerate() {
        buf.set_line(list.x, list.y + row as u16, line, list.width);
    }
    // Enter reads more about the selected word: not offered when there is none (or it
    // has no lesson section).
    let readable = matches.get(state.selected).is_some_and(|&i| app.pack.glossary.terms[i].see.is_some());
    draw_footer_where(app, buf, parts.footer, Context::Glossary, |b| readable || b.action != Action::Open);
}

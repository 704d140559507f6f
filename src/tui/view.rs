//! Drawing: reads the app's state, never changes it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::app::{App, ScreenKind};
use super::hits::Hits;
use super::keys::{self, Context};
use super::layout;
use super::screens;
use super::text;
use crate::markdown::display_width;

/// Draw the app; returns where the frame put what a click can choose.
pub fn draw(app: &App, frame: &mut Frame) -> Hits {
    let area = frame.area();
    if layout::too_small(area) {
        let line = Line::from(truncate(text::TOO_SMALL, area.width as usize));
        frame.buffer_mut().set_line(area.x, area.y, &line, area.width);
        return Hits::default();
    }
    draw_screens(app, frame, area);
    hits(app, area)
}

/// The clickable items of the screen just drawn, row by row (cell by cell on the body
/// map), found with the geometry the drawing used. An overlay takes every click.
fn hits(app: &App, area: Rect) -> Hits {
    let mut hits = Hits::default();
    if app.overlay.is_some() {
        return hits;
    }
    let row = |y: u16| Rect { x: area.x, y, width: area.width, height: 1 };
    let rows = |hits: &mut Hits, at: &dyn Fn(u16, u16) -> Option<usize>| {
        for y in area.top()..area.bottom() {
            if let Some(i) = at(area.x + 1, y) {
                hits.add(row(y), Action::Select(i));
            }
        }
    };
    match app.screen() {
        ScreenKind::Home => rows(&mut hits, &|x, y| screens::home::item_at(app, x, y)),
        ScreenKind::Quiz => rows(&mut hits, &|x, y| screens::quiz::choice_at(app, x, y)),
        ScreenKind::Survival if app.progress.show_survival_numbers => {
            rows(&mut hits, &|_, y| screens::survival::row_at(app, y))
        }
        ScreenKind::Notebook => rows(&mut hits, &|_, y| screens::notebook::item_at(app, y)),
        ScreenKind::Explorer if app.explorer().is_some_and(|e| e.search.is_none()) => {
            for y in area.top()..area.bottom() {
                for x in area.left()..area.right() {
                    if let Some(i) = screens::explorer::site_at(app, x, y) {
                        hits.add(Rect { x, y, width: 1, height: 1 }, Action::Select(i));
                    }
                }
            }
        }
        _ => {}
    }
    hits
}

fn draw_screens(app: &App, frame: &mut Frame, area: Rect) {
    if app.notice_showing() {
        screens::notice::draw(app, frame, area);
    } else {
        match app.screen() {
            ScreenKind::Home => screens::home::draw(app, frame, area),
            ScreenKind::Reader => screens::reader::draw(app, frame),
            ScreenKind::Quiz => screens::quiz::draw(app, frame, area),
            ScreenKind::Explorer => screens::explorer::draw(app, frame, area),
            ScreenKind::Notebook => screens::notebook::draw(app, frame, area),
            ScreenKind::Survival => screens::survival::draw(app, frame, area),
            ScreenKind::Staging => screens::staging::draw(app, frame, area),
            ScreenKind::Glossary => screens::glossary::draw(app, frame, area),
            ScreenKind::Search => screens::search::draw(app, frame, area),
            ScreenKind::CheckIn => screens::checkin::draw(app, frame, area),
            ScreenKind::CheckInHistory => screens::checkin::draw_history(app, frame, area),
        }
    }
    if app.question_input().is_some() && !app.notice_showing() {
        screens::notebook::draw_input(app, frame, area);
    }
    if app.confirming_quit() {
        screens::confirm_quit::draw(app, frame, area);
    }
    if app.help_open() {
        screens::help::draw(app, frame, area);
    }
}

/// The footer: the current message, or the keys of this context.
pub fn draw_footer(app: &App, buf: &mut Buffer, area: Rect, context: Context) {
    let theme = &app.theme;
    let line = match app.message.as_ref().or(app.save_problem.as_ref()) {
        Some(message) => Line::from(Span::styled(truncate(message, area.width as usize), theme.warn)),
        None => {
            // Add keys while they fit; the way to help is always the one kept.
            let items: Vec<(&str, &str)> =
                keys::bindings(context).iter().filter_map(|b| b.footer.map(|word| (b.label, word))).collect();
            let cost = |(label, word): &(&str, &str)| display_width(label) + display_width(word) + 4;
            let help = items.iter().find(|(label, _)| *label == "?").copied();
            let mut room = (area.width as usize).saturating_sub(help.as_ref().map_or(0, cost));
            let mut spans = Vec::new();
            for item in items.iter().filter(|(label, _)| *label != "?").chain(help.iter()) {
                let is_help = Some(*item) == help;
                if !is_help {
                    if cost(item) > room {
                        continue;
                    }
                    room -= cost(item);
                }
                if !spans.is_empty() {
                    spans.push(Span::styled(" · ", theme.dim));
                }
                spans.push(Span::styled(item.0, theme.key));
                spans.push(Span::raw(" "));
                spans.push(Span::raw(item.1));
            }
            Line::from(spans)
        }
    };
    buf.set_line(area.x, area.y, &line, area.width);
}

/// A title row: `left` at the start, `right` at the end when both fit.
pub fn draw_title(buf: &mut Buffer, area: Rect, left: &str, right: &str, style: Style, right_style: Style) {
    let width = area.width as usize;
    let left = truncate(left, width);
    buf.set_line(area.x, area.y, &Line::from(Span::styled(left.clone(), style)), area.width);
    let right_w = display_width(right);
    if display_width(&left) + right_w + 2 <= width {
        let x = area.x + (width - right_w) as u16;
        buf.set_line(x, area.y, &Line::from(Span::styled(right.to_string(), right_style)), right_w as u16);
    }
}

/// A one-line text field: `prompt`, then the typed text scrolled so the cursor
/// stays in view, and the terminal cursor placed on it.
pub fn draw_input_line(frame: &mut Frame, area: Rect, prompt: &str, input: &tui_input::Input, style: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let prompt_w = display_width(prompt).min(area.width as usize / 2);
    let field_w = (area.width as usize).saturating_sub(prompt_w).max(1);
    let scroll = input.visual_scroll(field_w.saturating_sub(1));
    let shown: String = crate::markdown::sanitize(input.value()).chars().skip(scroll).collect();
    let line = Line::from(vec![Span::styled(truncate(prompt, prompt_w), style), Span::raw(truncate(&shown, field_w))]);
    frame.buffer_mut().set_line(area.x, area.y, &line, area.width);
    let cursor = (input.visual_cursor().saturating_sub(scroll)).min(field_w.saturating_sub(1));
    frame.set_cursor_position(ratatui::layout::Position { x: area.x + (prompt_w + cursor) as u16, y: area.y });
}

/// Cut `s` to at most `width` columns, ending in "…" when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A centred box of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("日本語の文", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
        assert!(display_width(&truncate("日本語の文", 4)) <= 4);
    }
}

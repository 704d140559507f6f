//! The staging explorer: pick T, N and M and read what they mean, and what can
//! (and cannot) be said about the stage. The picker stays at the top; the text under
//! it scrolls on a small window, so the last words (that this is for learning) can
//! always be reached.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::markdown::{display_width, wrap_text};
use crate::staging::{self, Verdict};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::layout;
use crate::tui::view::{draw_footer, draw_scrolled, draw_title, max_scroll};
use crate::words::{list, t};

fn body_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    Rect { x: body.x + 1, width: body.width.saturating_sub(2).min(90), ..body }
}

/// Under the picker (and a blank row, when there is room).
fn text_area(area: Rect) -> Rect {
    let body = body_area(area);
    let top = if body.height >= 6 { 2 } else { 1 }.min(body.height);
    Rect { y: body.y + top, height: body.height - top, ..body }
}

/// The picker: each letter with its value; the focused one is marked and reversed. The
/// ranges go when they do not fit, so no letter is cut.
fn picker(app: &App, width: usize) -> Line<'static> {
    let Some(state) = app.staging() else { return Line::default() };
    let tnm = state.tnm;
    let letters = [("T", tnm.t, staging::T_MAX), ("N", tnm.n, staging::N_MAX), ("M", tnm.m, staging::M_MAX)];
    let build = |ranges: bool| {
        let mut spans = vec![Span::raw(" ")];
        for (i, (letter, value, max)) in letters.iter().enumerate() {
            let focused = i == state.focus;
            let label =
                format!("{}{letter}{value}{}", if focused { "▲" } else { " " }, if focused { "▼" } else { " " });
            let style = if focused { app.theme.selected.add_modifier(Modifier::BOLD) } else { Style::new() };
            spans.push(Span::styled(label, style));
            let gap = if ranges { format!(" (0–{max})   ") } else { " ".to_string() };
            spans.push(Span::styled(gap, app.theme.dim));
        }
        Line::from(spans)
    };
    let wide = build(true);
    let used: usize = wide.spans.iter().map(|s| display_width(&s.content)).sum();
    if used.saturating_sub(3) <= width { wide } else { build(false) }
}

/// The text under the picker, wrapped for the screen.
fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(state) = app.staging() else { return Vec::new() };
    let theme = &app.theme;
    let tnm = state.tnm;
    let mut rows: Vec<Line> = Vec::new();
    let para = |rows: &mut Vec<Line>, s: &str, style: Style| {
        rows.extend(wrap_text(s, width.max(1)).into_iter().map(|l| Line::styled(l, style)));
    };
    for meaning in [tnm.t_meaning(), tnm.n_meaning(), tnm.m_meaning()] {
        para(&mut rows, meaning, Style::new());
    }
    rows.push(Line::raw(""));
    let verdict_style = match tnm.verdict() {
        Verdict::Stage4 => theme.warn,
        Verdict::DependsOnCancer => theme.title,
    };
    para(&mut rows, tnm.verdict_text(), verdict_style.add_modifier(Modifier::BOLD));
    para(&mut rows, tnm.seer_group(), Style::new());
    rows.push(Line::raw(""));
    for line in list("tui.seer_groups") {
        para(&mut rows, line, theme.dim);
    }
    rows
}

/// How far the text can scroll, and how far one page goes.
pub fn scroll_room(app: &App) -> (u16, u16) {
    let area = text_area(app.area);
    let max = max_scroll(rows(app, area.width as usize).len(), area.height as usize) as u16;
    (max, area.height.saturating_sub(2).max(1))
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.staging() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    draw_title(buf, parts.title, t("tui.staging_title"), "", theme.title, theme.dim);
    let body = body_area(area);
    if body.height > 0 {
        buf.set_line(body.x, body.y, &picker(app, body.width as usize), body.width);
    }
    let under = text_area(area);
    let rows = rows(app, under.width as usize);
    // The flow scrolls within the room this frame measures.
    let (max, page) = scroll_room(app);
    state.room.set(crate::tui::tools_flow::ScrollRoom { max, page });
    draw_scrolled(buf, under, &rows, state.scroll.min(max) as usize, t("tui.more_below_space"), theme.key);
    draw_footer(app, buf, parts.footer, Context::Staging);
}

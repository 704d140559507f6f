//! The staging explorer: pick T, N and M and read what they mean, and what can
//! (and cannot) be said about the stage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::markdown::wrap_text;
use crate::staging::{self, Verdict};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_title};
use crate::tui::{layout, text};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.staging() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    draw_title(buf, parts.title, text::STAGING_TITLE, "", theme.title, theme.dim);
    let body = Rect { x: parts.body.x + 1, width: parts.body.width.saturating_sub(2).min(90), ..parts.body };
    let width = body.width.max(1) as usize;
    let tnm = state.tnm;

    // The picker: each letter with its value; the focused one is marked and reversed.
    let mut picker = vec![Span::raw(" ")];
    for (i, (letter, value, max)) in
        [("T", tnm.t, staging::T_MAX), ("N", tnm.n, staging::N_MAX), ("M", tnm.m, staging::M_MAX)].iter().enumerate()
    {
        let focused = i == state.focus;
        let label = format!("{}{letter}{value}{}", if focused { "▲" } else { " " }, if focused { "▼" } else { " " });
        let style = if focused { theme.selected.add_modifier(Modifier::BOLD) } else { Style::new() };
        picker.push(Span::styled(label, style));
        picker.push(Span::styled(format!(" (0–{max})   "), theme.dim));
    }
    let mut rows: Vec<Line> = vec![Line::from(picker), Line::raw("")];
    let para = |rows: &mut Vec<Line>, s: &str, style: Style| {
        rows.extend(wrap_text(s, width).into_iter().map(|l| Line::styled(l, style)));
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
    for line in text::SEER_GROUPS {
        para(&mut rows, line, theme.dim);
    }
    for (i, line) in rows.iter().take(body.height as usize).enumerate() {
        buf.set_line(body.x, body.y + i as u16, line, body.width);
    }
    draw_footer(app, buf, parts.footer, Context::Staging);
}

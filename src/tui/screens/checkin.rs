//! The symptom check-in: one question at a time, the full-screen "Get help now",
//! and the history of check-ins with a sparkline per symptom.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Sparkline, Widget};

use crate::checkin::{self, CheckIn, Step, band, words};
use crate::markdown::{display_width, sanitize, wrap_text};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_title, truncate};
use crate::tui::{layout, text};
use crate::words::t;

/// Wrapped lines of `text` in `style`.
fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap_text(text, width.max(1)).into_iter().map(|l| Line::styled(l, style)).collect()
}

/// Draw `groups` of lines from the top of `area`, with a blank line between groups
/// when everything fits that way; what does not fit is left off at the bottom.
fn draw_groups(buf: &mut ratatui::buffer::Buffer, area: Rect, groups: Vec<Vec<Line<'static>>>) {
    let total: usize = groups.iter().map(Vec::len).sum();
    let spaced = total + groups.len().saturating_sub(1) <= area.height as usize;
    let mut y = area.y;
    for (i, group) in groups.into_iter().enumerate() {
        if spaced && i > 0 {
            y += 1;
        }
        for line in group {
            if y >= area.bottom() {
                return;
            }
            buf.set_line(area.x, y, &line, area.width);
            y += 1;
        }
    }
}

fn inner(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body }
}

/// The 0–10 scale with the chosen score in brackets (a symbol, not colour alone).
fn scale_line(score: Option<u8>, width: usize, selected: Style) -> Line<'static> {
    let mut spans = Vec::new();
    let wide = width >= 33;
    for n in 0..=10u8 {
        let chosen = score == Some(n);
        let cell = match (chosen, wide) {
            (true, _) => format!("[{n}]"),
            (false, true) => format!(" {n} "),
            (false, false) => format!("{n} "),
        };
        spans.push(if chosen { Span::styled(cell, selected) } else { Span::raw(cell) });
    }
    Line::from(spans)
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let (Some(form), Some(state)) = (app.pack.checkin.as_ref(), app.checkin()) else { return };
    if state.get_help.is_some() {
        return draw_get_help(app, frame, area);
    }
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let total = form.steps();
    let number = state.draft.step.min(total - 1) + 1;
    draw_title(
        buf,
        parts.title,
        t("checkin.title"),
        &format!("{} ", text::checkin::question_of(number, total)),
        theme.title,
        theme.dim,
    );
    let body = inner(area);
    let width = body.width as usize;
    let groups = match state.draft.current(form) {
        Step::Item(i) => {
            let item = &form.items[i];
            let score = state.draft.score(form);
            let answer = match score {
                Some(s) => format!("{} ({})", text::checkin::your_answer(s), words::band(band(s))),
                None => t("tui.checkin.not_rated").to_string(),
            };
            vec![
                wrapped(&sanitize(&item.question), width, theme.title),
                wrapped(&format!("0 = {} · 10 = {}", sanitize(&item.low), sanitize(&item.high)), width, theme.dim),
                vec![scale_line(score, width, theme.selected.add_modifier(Modifier::BOLD)), Line::raw(answer)],
                wrapped(t("tui.checkin.rate_hint"), width, theme.key),
            ]
        }
        Step::RedFlag(i) => {
            let flag = &form.red_flags[i];
            let answer = match state.draft.flag_answer(form) {
                Some(true) => t("tui.checkin.answered_yes"),
                Some(false) => t("tui.checkin.answered_no"),
                None => t("tui.checkin.not_answered"),
            };
            vec![
                wrapped(&sanitize(&flag.question), width, theme.title),
                vec![Line::raw(answer)],
                wrapped(t("tui.checkin.flag_hint"), width, theme.key),
            ]
        }
        Step::Note => {
            let value = state.note.value();
            let room = width.saturating_sub(2).max(1);
            let scroll = state.note.visual_scroll(room);
            let shown: String = sanitize(value).chars().skip(scroll).take(room).collect();
            vec![
                wrapped(t("checkin.note_prompt"), width, theme.title),
                vec![Line::from(vec![Span::raw("> "), Span::styled(shown, theme.selected)])],
                wrapped(t("tui.checkin.note_hint"), width, theme.key),
            ]
        }
    };
    let note_row = matches!(state.draft.current(form), Step::Note);
    draw_groups(buf, body, groups);
    if note_row {
        // The cursor in the note, on the line after the prompt.
        let prompt_rows = wrap_text(t("checkin.note_prompt"), width.max(1)).len() as u16;
        let spaced = u16::from(prompt_rows + 4 <= body.height);
        let y = body.y + prompt_rows + spaced;
        let room = width.saturating_sub(2).max(1);
        let x = body.x + 2 + (state.note.visual_cursor() - state.note.visual_scroll(room)) as u16;
        if y < body.bottom() && x < body.right() {
            frame.set_cursor_position(Position { x, y });
        }
    }
    draw_footer(app, frame.buffer_mut(), parts.footer, if note_row { Context::CheckInNote } else { Context::CheckIn });
}

/// "Get help now", over everything (Clear under it): the sign, what to do, the
/// number; in words and symbols, never colour alone.
fn draw_get_help(app: &App, frame: &mut Frame, area: Rect) {
    let (Some(form), Some(state)) = (app.pack.checkin.as_ref(), app.checkin()) else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    Clear.render(area, frame.buffer_mut());
    let buf = frame.buffer_mut();
    let title = format!("{mark} {} {mark}", t("checkin.get_help_now"), mark = t("checkin.get_help_mark"));
    draw_title(buf, parts.title, &title, "", theme.warn.add_modifier(Modifier::BOLD), theme.dim);
    let body = inner(area);
    let width = body.width as usize;
    let flags: Vec<_> = state.get_help.iter().flatten().filter_map(|id| form.red_flag(id)).collect();
    let mut groups = Vec::new();
    for flag in &flags {
        let mut sign = wrapped(t("checkin.you_answered_yes"), width, theme.dim);
        for s in &flag.signs {
            sign.extend(wrapped(&format!("{} {}", t("checkin.get_help_mark"), sanitize(s)), width, theme.warn));
        }
        groups.push(sign);
        groups.push(wrapped(&sanitize(form.call.words(flag.who)), width, theme.title.add_modifier(Modifier::BOLD)));
        if let Some(also) = &flag.also {
            groups.push(wrapped(&sanitize(also), width, Style::new()));
        }
    }
    // The number once, after every sign; as in the plain check-in, say how to save it.
    let number = match crate::plain::checkin::care_team_number(&app.progress) {
        Some(n) => crate::tf!("checkin.your_number", number = n),
        None => t("checkin.no_number").to_string(),
    };
    groups.push(wrapped(&number, width, theme.title));
    draw_groups(buf, body, groups);
    draw_footer(app, buf, parts.footer, Context::CheckInGetHelp);
}

/// The check-ins over time: a row per symptom with a sparkline of the last 12, the
/// latest score and band, the change, and the "tell your care team" mark.
pub fn draw_history(app: &App, frame: &mut Frame, area: Rect) {
    let Some(form) = app.pack.checkin.as_ref() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let all: Vec<&CheckIn> = app.progress.checkins().map(|(_, c)| c).collect();
    let last = app.progress.checkins().next_back().map(|(at, _)| crate::content::check::date_of(at));
    let right = last.map(|d| format!("{} · {d} ", all.len())).unwrap_or_default();
    draw_title(buf, parts.title, t("checkin.history_title"), &right, theme.title, theme.dim);
    let body = inner(area);
    let width = body.width as usize;
    let privacy = wrapped(t("checkin.privacy"), width, theme.dim);
    let mut y = body.y;
    if all.is_empty() {
        let mut lines = wrapped(t("tui.checkin.no_checkins_key"), width, theme.title);
        lines.extend(privacy);
        for line in lines.into_iter().take(body.height as usize) {
            buf.set_line(body.x, y, &line, body.width);
            y += 1;
        }
        draw_footer(app, buf, parts.footer, Context::CheckInHistory);
        return;
    }
    let rows = checkin::rows(form, &all, checkin::RECENT);
    let any_tell = rows.iter().any(|r| r.tell);
    // Under the rows: what the mark means, then the privacy statement, as room allows.
    let legend = if any_tell {
        wrapped(&format!("{} {}", t("checkin.tell_mark"), t("checkin.tell")), width, theme.warn)
    } else {
        Vec::new()
    };
    let below = (legend.len() + privacy.len()) as u16;
    let room_for_rows = body.height.saturating_sub(below.min(body.height / 2));
    let name_w = if width >= 60 { 18 } else { 10 };
    let spark_w = checkin::RECENT.min(all.len()).min(width.saturating_sub(name_w + 18)) as u16;
    let visible = room_for_rows as usize;
    let selected = app.checkin_history().map_or(0, |h| h.selected);
    let offset = layout::list_offset(selected, visible.max(1));
    for (i, row) in rows.iter().enumerate().skip(offset).take(visible) {
        let style = if i == selected { theme.selected } else { Style::new() };
        let name = truncate(&sanitize(&row.name), name_w);
        let pad = " ".repeat(name_w.saturating_sub(display_width(&name)) + 1);
        buf.set_line(body.x, y, &Line::from(vec![Span::raw(name), Span::raw(pad)]).style(style), body.width);
        let spark_x = body.x + name_w as u16 + 1;
        let points: Vec<Option<u64>> =
            row.recent.iter().rev().take(spark_w as usize).rev().map(|s| s.map(spark_level)).collect();
        let spark_area = Rect { x: spark_x, y, width: spark_w.min(body.right().saturating_sub(spark_x)), height: 1 };
        Sparkline::default().data(points).max(8).absent_value_symbol("·").style(theme.key).render(spark_area, buf);
        let now = match row.latest {
            Some(s) => format!("{s:>2} {}", words::band(band(s))),
            None => " – ".to_string(),
        };
        let change = if row.latest.is_some() { words::change(row.change) } else { String::new() };
        let mark = if row.tell { format!(" {}", t("checkin.tell_mark")) } else { String::new() };
        let tail = format!(" {now} {change}{mark}");
        let tail_x = spark_x + spark_w;
        let tail_style = if row.tell { theme.warn } else { Style::new() };
        let tail = truncate(&tail, body.right().saturating_sub(tail_x) as usize);
        buf.set_line(tail_x, y, &Line::styled(tail, tail_style), body.right().saturating_sub(tail_x));
        y += 1;
    }
    for line in legend.into_iter().chain(privacy) {
        if y >= body.bottom() {
            break;
        }
        buf.set_line(body.x, y, &line, body.width);
        y += 1;
    }
    draw_footer(app, buf, parts.footer, Context::CheckInHistory);
}

/// A score 0–10 as one of the sparkline's eight bar heights: 0 is no bar, and any
/// other score at least the lowest one (1 of 10 must not look like "none").
fn spark_level(score: u8) -> u64 {
    match u64::from(score) {
        0 => 0,
        s => (s * 8 / 10).max(1),
    }
}

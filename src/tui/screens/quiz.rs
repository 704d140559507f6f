//! The quiz screen: a question and its choices, then the verdict and the
//! explanation, then the score and what to read again.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::quiz::Kind;
use crate::markdown::{sanitize, wrap_text};
use crate::tui::app::App;
use crate::tui::quiz_flow::QuizState;
use crate::tui::view::{draw_footer, draw_title};
use crate::tui::{layout, text};

/// One row of the quiz body, and the choice (display position) it belongs to.
type Row = (Line<'static>, Option<usize>);

/// Where the quiz body goes: the frame's body, with a one-column margin.
fn body_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    Rect { x: body.x + 1, width: body.width.saturating_sub(2).min(layout::MAX_MEASURE), ..body }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(state) = app.quiz() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let lesson_title = match &state.kind {
        crate::tui::quiz_flow::QuizKind::Lesson(id) => app.pack.lesson(id).map(|l| sanitize(&l.title).into_owned()),
        _ => None,
    };
    let (right, answered) = state.session.score();
    let progress = if state.session.is_finished() {
        String::new()
    } else {
        format!("{} · {right}/{answered} right ", text::question_of(state.session.index() + 1, state.session.len()))
    };
    draw_title(
        buf,
        parts.title,
        &text::quiz_title(&state.kind, lesson_title.as_deref()),
        &progress,
        theme.title,
        theme.dim,
    );

    let body = body_area(area);
    let rows = rows(app, state, body.width as usize);
    let offset = scroll_offset(state, &rows, body.height as usize);
    for (i, (line, _)) in rows.iter().skip(offset).take(body.height as usize).enumerate() {
        buf.set_line(body.x, body.y + i as u16, line, body.width);
    }
    draw_footer(app, buf, parts.footer, app.base_context());
}

/// The first row shown: keep the highlighted choice in view while answering,
/// otherwise the person's own scroll.
fn scroll_offset(state: &QuizState, rows: &[Row], height: usize) -> usize {
    let max = rows.len().saturating_sub(height);
    if state.answered() || state.session.is_finished() {
        return (state.scroll as usize).min(max);
    }
    let last_cursor_row = rows.iter().rposition(|(_, c)| *c == Some(state.cursor)).unwrap_or(0);
    (last_cursor_row + 1).saturating_sub(height).min(max)
}

/// The choice under a mouse click, if any.
pub fn choice_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let state = app.quiz()?;
    let body = body_area(app.area);
    if !body.contains(Position { x, y }) {
        return None;
    }
    let rows = rows(app, state, body.width as usize);
    let offset = scroll_offset(state, &rows, body.height as usize);
    rows.get(offset + (y - body.y) as usize).and_then(|(_, choice)| *choice)
}

fn rows(app: &App, state: &QuizState, width: usize) -> Vec<Row> {
    if state.session.is_finished() {
        return summary_rows(app, state, width);
    }
    let theme = &app.theme;
    let Some((question, order)) = state.session.current() else { return Vec::new() };
    let mut rows: Vec<Row> = Vec::new();
    let plain = |rows: &mut Vec<Row>, text: &str, style: Style, indent: usize| {
        for (i, part) in wrap_text(text, width.saturating_sub(indent).max(1)).into_iter().enumerate() {
            let pad = if i == 0 { 0 } else { indent };
            rows.push((Line::styled(format!("{}{part}", " ".repeat(pad)), style), None));
        }
    };
    plain(&mut rows, &sanitize(&question.prompt), theme.title, 0);
    let hint = match question.kind {
        Kind::Single => text::CHOOSE_ONE,
        Kind::Multiple => text::CHOOSE_ALL,
        Kind::TrueFalse => text::TRUE_OR_FALSE,
    };
    if !state.answered() {
        plain(&mut rows, hint, theme.dim, 0);
    }
    rows.push((Line::raw(""), None));

    let verdict = state.session.last_verdict();
    for (position, &original) in order.iter().enumerate() {
        let key = match question.kind {
            Kind::TrueFalse => ["t", "f"].get(position).copied().unwrap_or("?").to_string(),
            _ => (position + 1).to_string(),
        };
        let picked = state.picked.contains(&position);
        let (mark, note, style) = match verdict {
            None => {
                let box_ = match (question.kind, picked) {
                    (Kind::Multiple, true) => "[x]",
                    (Kind::Multiple, false) => "[ ]",
                    (_, true) => "(•)",
                    (_, false) => "( )",
                };
                let style = if position == state.cursor { theme.selected } else { Style::new() };
                (box_.to_string(), String::new(), style)
            }
            Some(v) => {
                let right = v.right.contains(&original);
                let wrong_pick = v.wrong_picks.contains(&original);
                match (right, wrong_pick) {
                    (true, _) => ("✓".to_string(), format!("  ← {}", text::RIGHT_ANSWER), theme.good),
                    (false, true) => ("✗".to_string(), format!("  ← {}", text::YOUR_PICK), theme.warn),
                    _ => (" ".to_string(), String::new(), Style::new()),
                }
            }
        };
        let pointer = if verdict.is_none() && position == state.cursor { "▶" } else { " " };
        let lead = format!("{pointer} {key}. {mark} ");
        let indent = crate::markdown::display_width(&lead);
        let choice_text = format!("{}{note}", sanitize(&question.choices[original]));
        for (i, part) in wrap_text(&choice_text, width.saturating_sub(indent).max(1)).into_iter().enumerate() {
            let prefix = if i == 0 { lead.clone() } else { " ".repeat(indent) };
            rows.push((Line::from(vec![Span::raw(prefix), Span::raw(part)]).style(style), Some(position)));
        }
    }

    if let Some(v) = verdict {
        rows.push((Line::raw(""), None));
        let (word, style) = if v.correct { (text::RIGHT, theme.good) } else { (text::NOT_QUITE, theme.warn) };
        rows.push((Line::styled(word, style.add_modifier(ratatui::style::Modifier::BOLD)), None));
        plain(&mut rows, &format!("{}{}", text::WHY, sanitize(&question.explanation)), Style::new(), 0);
        rows.push((Line::raw(""), None));
        let label = app.pack.target_label(&question.see).unwrap_or_else(|| sanitize(&question.see).into_owned());
        plain(&mut rows, &text::read_more(&label), theme.dim, 0);
    }
    rows
}

fn summary_rows(app: &App, state: &QuizState, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let (right, answered) = state.session.score();
    let mut rows: Vec<Row> =
        vec![(Line::styled(text::score_line(right, answered), theme.title), None), (Line::raw(""), None)];
    let push_wrapped = |rows: &mut Vec<Row>, bullet: &str, body: &str| {
        for (i, part) in wrap_text(body, width.saturating_sub(2).max(1)).into_iter().enumerate() {
            let lead = if i == 0 { bullet } else { "  " };
            rows.push((Line::raw(format!("{lead}{part}")), None));
        }
    };
    let missed = state.session.missed();
    if missed.is_empty() {
        rows.push((Line::styled(text::ALL_RIGHT, theme.good), None));
        return rows;
    }
    rows.push((Line::styled(text::MISSED, theme.title), None));
    for q in missed {
        push_wrapped(&mut rows, "• ", &sanitize(&q.prompt));
    }
    rows.push((Line::raw(""), None));
    rows.push((Line::styled(text::READ_AGAIN, theme.title), None));
    for target in state.session.read_again() {
        let label = app.pack.target_label(&target).unwrap_or_else(|| sanitize(&target).into_owned());
        push_wrapped(&mut rows, "• ", &label);
    }
    rows
}

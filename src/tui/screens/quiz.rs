//! The quiz screen: a question and its choices, then the verdict and the
//! explanation, then the score and what to read again.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::quiz::Kind;
use crate::markdown::{display_width, sanitize, wrap_text};
use crate::tui::app::App;
use crate::tui::quiz_flow::QuizState;
use crate::tui::view::{draw_footer, draw_title};
use crate::tui::{layout, text};
use crate::words::t;

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
        crate::tf!(
            "quiz.progress",
            question = text::question_of(state.session.index() + 1, state.session.len()),
            right = right,
            answered = answered
        )
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
    if too_small(state, body) {
        // A prompt and its choices in fragments cannot be answered: say so, whole.
        for (i, part) in
            wrap_text(t("tui.quiz_too_small"), body.width.max(1) as usize).iter().take(body.height as usize).enumerate()
        {
            buf.set_line(body.x, body.y + i as u16, &Line::styled(part.clone(), theme.warn), body.width);
        }
        draw_footer(app, buf, parts.footer, app.base_context());
        return;
    }
    let rows = rows(app, state, body.width as usize);
    let offset = scroll_offset(state, &rows, body.height as usize);
    state.drawn_scroll.set(offset as u16);
    let lines: Vec<Line> = rows.into_iter().map(|(line, _)| line).collect();
    crate::tui::view::draw_scrolled(buf, body, &lines, offset, t("tui.more_below"), theme.key);
    draw_footer(app, buf, parts.footer, app.base_context());
}

/// Below this many rows a question is not shown (the window is asked to grow).
const MIN_QUESTION_ROWS: u16 = 4;

fn too_small(state: &QuizState, body: Rect) -> bool {
    !state.answered() && !state.session.is_finished() && body.height < MIN_QUESTION_ROWS
}

/// The first row shown: keep the highlighted choice (or, on the summary, the
/// highlighted section) in view, otherwise the person's own scroll. (`height` counts
/// the "more" mark's row too.)
fn scroll_offset(state: &QuizState, rows: &[Row], height: usize) -> usize {
    let height = crate::tui::view::scrolled(rows.len(), height, 0, "").content;
    let max = rows.len().saturating_sub(height);
    let finished = state.session.is_finished();
    let selected = if finished && !state.session.read_again().is_empty() {
        state.summary_cursor
    } else if state.answered() && state.show_every_mark {
        return feedback_scroll(rows, height);
    } else if finished || state.answered() {
        return (state.scroll as usize).min(max);
    } else {
        state.cursor
    };
    let first = rows.iter().position(|(_, c)| *c == Some(selected)).unwrap_or(0);
    let last = rows.iter().rposition(|(_, c)| *c == Some(selected)).unwrap_or(0);
    if finished && selected == 0 {
        // The first section: keep the score and when the missed questions come back in view.
        return (first + 1).saturating_sub(height).min(max);
    }
    // All of it when it fits, else at least its first row.
    (last + 1).saturating_sub(height).min(first).min(max)
}

/// After an answer is checked: the scroll that shows the last choice (so every
/// choice's mark, the right answer's too, is seen without scrolling), keeping as
/// much of the question above it as fits.
/// (`height` is the rows of text shown, the mark's row not counted.)
fn feedback_scroll(rows: &[Row], height: usize) -> usize {
    let last_choice = rows.iter().rposition(|(_, c)| c.is_some()).unwrap_or(0);
    let max = rows.len().saturating_sub(height);
    (last_choice + 1).saturating_sub(height).min(max)
}

/// The choice under a mouse click, if any.
pub fn choice_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let state = app.quiz()?;
    let body = body_area(app.area);
    if !body.contains(Position { x, y }) {
        return None;
    }
    if too_small(state, body) {
        return None;
    }
    let rows = rows(app, state, body.width as usize);
    let offset = scroll_offset(state, &rows, body.height as usize);
    if (y - body.y) as usize >= crate::tui::view::scrolled(rows.len(), body.height as usize, 0, "").content {
        return None;
    }
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
        Kind::Single => t("tui.choose_one"),
        Kind::Multiple => t("tui.choose_all"),
        Kind::TrueFalse => t("tui.true_or_false"),
    };
    if !state.answered() {
        plain(&mut rows, hint, theme.dim, 0);
    }
    rows.push((Line::raw(""), None));

    let verdict = state.session.last_verdict();
    let chosen = state.session.last_chosen().unwrap_or_default();
    for (position, &original) in order.iter().enumerate() {
        let key = match question.kind {
            Kind::TrueFalse => ["t", "f"].get(position).copied().unwrap_or("?").to_string(),
            _ => (position + 1).to_string(),
        };
        let choice_text = sanitize(&question.choices[original]).into_owned();
        let (mark, note, style) = match verdict {
            None => {
                let picked = state.picked.contains(&position);
                let box_ = match (question.kind, picked) {
                    (Kind::Multiple, true) => "[x]",
                    (Kind::Multiple, false) => "[ ]",
                    (_, true) => "(•)",
                    (_, false) => "( )",
                };
                let style = if position == state.cursor { theme.selected } else { Style::new() };
                (box_, None, style)
            }
            Some(v) => {
                let right = v.right.contains(&original);
                match text::choice_feedback(chosen.contains(&original), right) {
                    Some((symbol, words)) => (symbol, Some(words), if right { theme.good } else { theme.warn }),
                    None => (" ", None, Style::new()),
                }
            }
        };
        let pointer = if verdict.is_none() && position == state.cursor { "▶" } else { " " };
        let lead = format!("{pointer} {key}. ");
        let choice = ChoiceRow { lead: &lead, mark, text: &choice_text, note, position };
        push_choice(&mut rows, &choice, style, theme.dim, width);
    }

    if let Some(v) = verdict {
        rows.push((Line::raw(""), None));
        let (word, style) = if v.correct { (t("tui.right"), theme.good) } else { (t("tui.not_quite"), theme.warn) };
        rows.push((Line::styled(word, style.add_modifier(ratatui::style::Modifier::BOLD)), None));
        plain(&mut rows, &format!("{}{}", t("tui.why"), sanitize(&question.explanation)), Style::new(), 0);
        rows.push((Line::raw(""), None));
        let label = app.pack.target_label(&question.see).unwrap_or_else(|| sanitize(&question.see).into_owned());
        plain(&mut rows, &text::read_more(&label), theme.dim, 0);
    }
    rows
}

/// One choice: `lead` ("▶ 1. "), its mark ("( )", "✓", …), its text and, once
/// checked, the words saying what it was.
struct ChoiceRow<'a> {
    lead: &'a str,
    mark: &'a str,
    text: &'a str,
    note: Option<&'a str>,
    position: usize,
}

/// A choice as rows: the mark before the text, the text wrapped with a hanging
/// indent under itself; the note after the text when it fits on its last row, else
/// on rows of its own under the mark (so the note is never split when it fits there).
fn push_choice(rows: &mut Vec<Row>, choice: &ChoiceRow, style: Style, note_style: Style, width: usize) {
    let head = format!("{}{} ", choice.lead, choice.mark);
    let indent = display_width(&head);
    let mut lines: Vec<Vec<Span<'static>>> = wrap_text(choice.text, width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let prefix = if i == 0 { head.clone() } else { " ".repeat(indent) };
            vec![Span::raw(prefix), Span::raw(part)]
        })
        .collect();
    if let Some(note) = choice.note {
        let inline = format!(" — {note}");
        let last_width = lines.last().map_or(0, |l| l.iter().map(|s| display_width(&s.content)).sum::<usize>());
        match lines.last_mut() {
            Some(last) if last_width + display_width(&inline) <= width => last.push(Span::styled(inline, note_style)),
            _ => {
                let under = display_width(choice.lead);
                for part in wrap_text(note, width.saturating_sub(under).max(1)) {
                    lines.push(vec![Span::raw(" ".repeat(under)), Span::styled(part, note_style)]);
                }
            }
        }
    }
    for spans in lines {
        rows.push((Line::from(spans).style(style), Some(choice.position)));
    }
}

fn summary_rows(app: &App, state: &QuizState, width: usize) -> Vec<Row> {
    let theme = &app.theme;
    let (right, answered) = state.session.score();
    let mut rows: Vec<Row> =
        vec![(Line::styled(text::score_line(right, answered), theme.title), None), (Line::raw(""), None)];
    let wrapped = |rows: &mut Vec<Row>, lead: &str, body: &str, style: Style, tag: Option<usize>| {
        let indent = display_width(lead);
        for (i, part) in wrap_text(body, width.saturating_sub(indent).max(1)).into_iter().enumerate() {
            let lead = if i == 0 { lead.to_string() } else { " ".repeat(indent) };
            rows.push((Line::styled(format!("{lead}{part}"), style), tag));
        }
    };
    let missed = state.session.missed();
    if missed.is_empty() {
        rows.push((Line::styled(t("tui.all_right"), theme.good), None));
        return rows;
    }
    if let Some(when) = state.comeback {
        let comeback = format!("{} {}", text::missed_come_back(missed.len(), when), t("tui.review_from_home"));
        wrapped(&mut rows, "", &comeback, Style::new(), None);
        rows.push((Line::raw(""), None));
    }
    wrapped(&mut rows, "", t("tui.read_again"), theme.title, None);
    let sections = state.session.read_again();
    let selected = state.summary_cursor.min(sections.len().saturating_sub(1));
    for (i, target) in sections.iter().enumerate() {
        let label = app.pack.target_label(target).unwrap_or_else(|| sanitize(target).into_owned());
        let (pointer, style) = if i == selected { ("▶ ", theme.selected) } else { ("  ", Style::new()) };
        wrapped(&mut rows, pointer, &label, style, Some(i));
        // The questions this section answers, under it, so they scroll in with it.
        for q in missed.iter().filter(|q| &q.see == target) {
            wrapped(
                &mut rows,
                "    ",
                &format!("{}{}", t("tui.missed_prefix"), sanitize(&q.prompt)),
                theme.dim,
                Some(i),
            );
        }
    }
    rows.push((Line::raw(""), None));
    wrapped(&mut rows, "", t("tui.read_again_keys"), theme.dim, None);
    rows
}

//! The survival chart: five-year relative survival at the distant stage, as
//! horizontal bars with their values, after a content note the person can skip.
//! Rows that are not for the distant stage (such as blood cancers) come after the
//! others, under their own label: they cannot be compared with them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::content::survival::first_other_group;
use crate::markdown::{display_width, sanitize, wrap_text};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_scrolled, draw_title, fit_rows, truncate};
use crate::tui::{layout, text};
use crate::words::{list, t};

/// Below this width the bars go and a plain list stays.
const MIN_BAR_WINDOW: u16 = 60;
const LABEL_WIDTH: usize = 24;

/// Rows: source line, blank, then the chart rows (on a very low window, the chart rows alone).
fn chart_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    let top = if body.height >= 6 { 2 } else { 0 };
    Rect { x: body.x + 1, width: body.width.saturating_sub(2), y: body.y + top, height: body.height - top }
}

/// How many rows the bars get: the rest goes to the notes below them (all of them on a
/// very low window).
fn bar_rows(area: Rect, count: usize) -> u16 {
    let chart = chart_area(area);
    let share = if chart.height < 4 { chart.height } else { chart.height / 2 };
    (count as u16).min(share).max(1.min(chart.height))
}

/// The chart lines shown in `rows` rows: how many, from which, and the "more" mark. The
/// mark goes in the blank row under the bars when there is one (so no bar is lost to it),
/// else in the last of the `rows`.
fn window(lines: &[ChartLine], selected: usize, rows: u16, room_below: bool) -> crate::tui::view::Scrolled {
    if lines.len() <= rows as usize {
        return crate::tui::view::Scrolled { content: lines.len(), scroll: 0, mark: None };
    }
    let content = if room_below || rows < 2 { rows } else { rows - 1 } as usize;
    let scroll = first_line(lines, selected, content as u16);
    let mark = if scroll + content < lines.len() { Some(t("tui.more_below")) } else { Some(t("tui.more_above")) };
    crate::tui::view::Scrolled { content, scroll, mark: mark.filter(|_| room_below || rows >= 2) }
}

/// The content note, wrapped for the screen.
fn note_rows(width: usize) -> Vec<Line<'static>> {
    let mut rows: Vec<Line> = Vec::new();
    for paragraph in list("tui.survival_content_note").iter().map(String::as_str).chain([t("tui.survival_note_keys")]) {
        if !rows.is_empty() {
            rows.push(Line::raw(""));
        }
        rows.extend(wrap_text(paragraph, width.clamp(1, 76)).into_iter().map(Line::raw));
    }
    rows
}

fn note_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body }
}

/// How far the content note can scroll at this window size.
pub fn note_max_scroll(area: Rect) -> u16 {
    let body = note_area(area);
    crate::tui::view::max_scroll(note_rows(body.width as usize).len(), body.height as usize) as u16
}

/// One line of the chart: a row (its position in the chart order), or the label above the rows
/// that are not for the distant stage.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ChartLine {
    Row(usize),
    OtherGroups,
}

fn chart_lines(app: &App, order: &[usize]) -> Vec<ChartLine> {
    let first_other = first_other_group(&app.pack.survival, order);
    let mut lines = Vec::with_capacity(order.len() + 1);
    for pos in 0..order.len() {
        if first_other == Some(pos) {
            lines.push(ChartLine::OtherGroups);
        }
        lines.push(ChartLine::Row(pos));
    }
    lines
}

/// The first chart line on screen, so that the selected row shows.
fn first_line(lines: &[ChartLine], selected: usize, rows: u16) -> usize {
    let at = lines.iter().position(|&l| l == ChartLine::Row(selected)).unwrap_or(0);
    layout::list_offset(at, rows as usize)
}

/// The chart row (an index into the sorted order) at a screen row.
pub fn row_at(app: &App, y: u16) -> Option<usize> {
    let chart = chart_area(app.area);
    let lines = chart_lines(app, &app.survival_order());
    let rows = bar_rows(app.area, lines.len());
    if y < chart.y || y >= chart.y + rows {
        return None;
    }
    let selected = app.survival().map_or(0, |s| s.selected);
    let shown = window(&lines, selected, rows, rows < chart.height);
    if (y - chart.y) as usize >= shown.content {
        return None;
    }
    match lines.get(shown.scroll + (y - chart.y) as usize)? {
        ChartLine::Row(pos) => Some(*pos),
        ChartLine::OtherGroups => None,
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    draw_title(buf, parts.title, t("tui.survival_title"), "", theme.title, theme.dim);
    let body = Rect { x: parts.body.x + 1, width: parts.body.width.saturating_sub(2), ..parts.body };
    let width = body.width as usize;

    if !app.progress.show_survival_numbers {
        // The flow scrolls within the room this frame measures.
        let max = note_max_scroll(area);
        let scroll = app.survival().map_or(0, |s| {
            s.note_room.set(max);
            s.note_scroll.min(max)
        }) as usize;
        let note = note_area(area);
        draw_scrolled(buf, note, &note_rows(width), scroll, t("tui.more_below_space"), theme.key);
        draw_footer(app, buf, parts.footer, Context::SurvivalNote);
        return;
    }

    let order = app.survival_order();
    let rows_data = &app.pack.survival;
    // Source and years stay on screen whatever is selected.
    let first = order.first().map(|&i| &rows_data[i]);
    let source = first.map(|r| text::survival_source(&sanitize(&r.source), &sanitize(&r.years))).unwrap_or_default();
    let chart = chart_area(area);
    if chart.y > body.y {
        buf.set_line(body.x, body.y, &Line::styled(truncate(&source, width), theme.key), body.width);
    }

    let lines = chart_lines(app, &order);
    let rows = bar_rows(area, lines.len());
    let selected = app.survival().map_or(0, |s| s.selected).min(order.len().saturating_sub(1));
    let shown = window(&lines, selected, rows, rows < chart.height);
    if let Some(mark) = shown.mark {
        let y = chart.y + shown.content as u16;
        buf.set_line(chart.x, y, &Line::styled(truncate(mark, width), theme.key), chart.width);
    }
    let bars = area.width >= MIN_BAR_WINDOW;
    for (slot, line) in lines.iter().skip(shown.scroll).take(shown.content).enumerate() {
        let y = chart.y + slot as u16;
        let pos = match *line {
            ChartLine::Row(pos) => pos,
            ChartLine::OtherGroups => {
                let label = Line::styled(truncate(t("tui.survival_other_groups"), width), theme.title);
                buf.set_line(chart.x, y, &label, chart.width);
                continue;
            }
        };
        let row = &rows_data[order[pos]];
        let is_selected = pos == selected;
        // A mark where the number is not for the distant stage (see the note).
        let mark = if row.is_distant_stage() { " " } else { "*" };
        let value = format!("{:>5.1}%", row.value);
        let pointer = if is_selected { "▶" } else { " " };
        let label_w = if bars { LABEL_WIDTH } else { width.saturating_sub(display_width(&value) + 4) };
        let label = format!("{:<label_w$}", truncate(&format!("{}{mark}", sanitize(&row.cancer)), label_w));
        let mut spans = vec![Span::raw(format!("{pointer} ")), Span::raw(label)];
        if bars {
            let room = width.saturating_sub(2 + LABEL_WIDTH + 1 + display_width(&value) + 1);
            spans.push(Span::raw(" "));
            spans.push(Span::styled(bar(row.value, room), theme.key));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::raw(value));
        let style = if is_selected { theme.selected } else { Style::new() };
        buf.set_line(chart.x, y, &Line::from(spans).style(style), chart.width);
    }

    // Below the bars: the selected cancer's note, then what the numbers mean.
    let mut notes: Vec<(String, Style)> = vec![(String::new(), Style::new())];
    if let Some(row) = order.get(selected).map(|&i| &rows_data[i]) {
        // "Leukemia · all stages (leukemia is not staged this way)": a basis may hold its own brackets.
        let heading = text::survival_heading(&row.cancer, &row.basis);
        notes.extend(wrap_text(&heading, width.max(1)).into_iter().map(|l| (l, theme.title)));
        notes.extend(wrap_text(&sanitize(&row.note), width.max(1)).into_iter().map(|l| (l, Style::new())));
        notes.push((String::new(), Style::new()));
    }
    let means = format!("{} {}", t("tui.relative_survival_means"), t("tui.not_distant_mark"));
    notes.extend(wrap_text(&means, width.max(1)).into_iter().map(|l| (l, theme.dim)));
    let notes_y = chart.y + rows;
    // Cut to the rows left, the last shown ending in "…" (the app's rule for a cut text).
    let room = chart.bottom().saturating_sub(notes_y) as usize;
    let styles: Vec<Style> = notes.iter().map(|(_, s)| *s).collect();
    let lines = fit_rows(notes.into_iter().map(|(l, _)| l).collect(), room, width.max(1));
    for (i, (line, style)) in lines.into_iter().zip(styles).enumerate() {
        buf.set_line(chart.x, notes_y + i as u16, &Line::styled(line, style), chart.width);
    }
    draw_footer(app, buf, parts.footer, Context::Survival);
}

/// A bar of `value` percent in `width` cells, in eighths of a cell.
pub fn bar(value: f64, width: usize) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((value.clamp(0.0, 100.0) / 100.0) * width as f64 * 8.0).round() as usize;
    let mut out = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        out.push(PARTS[eighths % 8]);
    }
    let used = display_width(&out);
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::bar;
    use crate::markdown::display_width;

    #[test]
    fn bars_scale_to_the_width() {
        assert_eq!(bar(100.0, 10), "██████████");
        assert_eq!(bar(50.0, 10), "█████     ");
        assert_eq!(bar(0.0, 4), "    ");
        assert_eq!(bar(3.4, 10).trim_end(), "▍", "3.4% of 10 cells is 2.7 eighths: 3");
        for v in [0.0, 3.4, 33.8, 63.6, 100.0, 150.0, -5.0] {
            assert_eq!(display_width(&bar(v, 17)), 17);
        }
    }
}

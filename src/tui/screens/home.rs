//! Home: the lessons in order with their status, and what to read next.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::progress::LessonStatus;
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::view::{draw_footer, draw_title, truncate};
use crate::tui::{layout, text};
use crate::words::t;

/// Rows above the list: the "next" line, a line of notes, and a blank line when there is room.
fn header_rows(body: Rect) -> u16 {
    if body.height >= 12 {
        3
    } else if body.height >= 8 {
        2
    } else {
        1
    }
}

/// Where the lesson list is drawn (also used to map mouse clicks).
pub fn list_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    let top = header_rows(body).min(body.height.saturating_sub(1));
    Rect { y: body.y + top, height: body.height.saturating_sub(top), ..body }
}

/// One row of home's list: a group heading or a lesson (an index into the pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'a> {
    Heading(&'a str),
    Lesson(usize),
}

/// Home's list in the order shown: the pack's groups under their headings, or one flat
/// list for a pack without groups.
pub fn rows(app: &App) -> Vec<Row<'_>> {
    let groups = app.pack.home_groups();
    let grouped = groups.iter().any(|(title, _)| title.is_some());
    let mut rows = Vec::new();
    for (title, lessons) in groups {
        if grouped {
            rows.push(Row::Heading(title.unwrap_or(t("tui.other_lessons"))));
        }
        rows.extend(lessons.into_iter().map(Row::Lesson));
    }
    rows
}

/// Screen lines of each row (a lesson shows its summary under it when all fit), and
/// the first row shown, so that the selected lesson is on screen.
pub fn window(app: &App, rows: &[Row], list: Rect) -> (Vec<u16>, usize) {
    let lessons = rows.iter().filter(|r| matches!(r, Row::Lesson(_))).count();
    let headings = rows.len() - lessons;
    let per_lesson =
        layout::home_rows_per_item(Rect { height: list.height.saturating_sub(headings as u16), ..list }, lessons);
    let heights: Vec<u16> = rows.iter().map(|r| if matches!(r, Row::Lesson(_)) { per_lesson } else { 1 }).collect();
    if rows.is_empty() {
        return (heights, 0);
    }
    let selected = rows.iter().position(|r| *r == Row::Lesson(app.home_selected)).unwrap_or(0);
    // Start at the selected row's group heading if it fits, else scroll the fewest
    // rows that keep the selection in view.
    let mut first = 0;
    let mut used: usize = heights[..=selected].iter().map(|&h| usize::from(h)).sum();
    while first < selected && used > usize::from(list.height) {
        used -= usize::from(heights[first]);
        first += 1;
    }
    (heights, first)
}

/// The status column: a symbol and a word, never colour alone.
pub fn status_label(status: LessonStatus, mastered: bool) -> String {
    let base = match status {
        LessonStatus::New => format!("• {}", text::status_new()),
        LessonStatus::InProgress(p) => format!("◐ {p}%"),
        LessonStatus::Read => "✓ read".to_string(),
    };
    if mastered { format!("{base} ★ {}", t("tui.mastered")) } else { base }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    draw_title(buf, parts.title, t("tui.app_title"), t("tui.not_advice_short"), theme.title, theme.dim);

    let ids = app.pack.lesson_ids();
    let next = match app.progress.next_lesson(&ids).and_then(|id| app.pack.lesson(id)) {
        Some(lesson) => text::next_up(&lesson.title),
        None => t("tui.all_read").to_string(),
    };
    let width = parts.body.width as usize;
    buf.set_line(
        parts.body.x + 1,
        parts.body.y,
        &Line::styled(truncate(&next, width - 1), theme.title),
        parts.body.width - 1,
    );
    // Second row: reviews due and how much of the body map was looked at.
    let mut notes = Vec::new();
    // A gentle reminder, a week after the last check-in (never before, and not at all
    // if the person turned it off); a check-in left half-way is always mentioned.
    if app.progress.checkin_draft.is_some() && app.pack.checkin.is_some() {
        notes.push(t("tui.checkin.draft_on_home").to_string());
    } else if let Some(days) = app.days_since_checkin().filter(|d| *d >= 7) {
        notes.push(text::checkin::reminder(days));
    }
    let due = app.due_count();
    if due > 0 {
        notes.push(text::due_line(due));
    }
    let open = app.open_questions();
    if open > 0 {
        notes.push(text::open_questions_line(open));
    }
    if let Some(sites) = app.pack.sites.as_ref() {
        notes.push(text::explored_line(
            app.progress.explored_count(sites.sites.iter().map(|s| s.id.as_str())),
            sites.sites.len(),
        ));
    }
    if header_rows(parts.body) > 1 && !notes.is_empty() {
        let line = Line::styled(truncate(&notes.join(" · "), width - 1), theme.key);
        buf.set_line(parts.body.x + 1, parts.body.y + 1, &line, parts.body.width - 1);
    }

    let list = list_area(area);
    let rows = rows(app);
    let (heights, first) = window(app, &rows, list);
    let mut y = list.y;
    for (row, &height) in rows.iter().zip(&heights).skip(first) {
        if y + height > list.bottom() {
            break;
        }
        match *row {
            Row::Heading(title) => {
                let title = truncate(&crate::markdown::sanitize(title), width.saturating_sub(1));
                buf.set_line(list.x + 1, y, &Line::styled(title, theme.title), list.width.saturating_sub(1));
            }
            Row::Lesson(i) => draw_lesson(app, buf, list, y, i, height == 2),
        }
        y += height;
    }

    draw_footer(app, buf, parts.footer, Context::Home);
}

/// One lesson's line (and its summary under it, with `summary`) at row `y` of the list.
fn draw_lesson(app: &App, buf: &mut ratatui::buffer::Buffer, list: Rect, y: u16, i: usize, summary: bool) {
    let theme = &app.theme;
    let width = list.width as usize;
    let lesson = &app.pack.lessons[i];
    let status = status_label(app.progress.lesson_status(&lesson.id), app.lesson_mastered(&lesson.id));
    let status_w = crate::markdown::display_width(&status);
    let number = format!(" {:>2}. ", i + 1);
    let title_room = width.saturating_sub(number.len() + status_w + 2);
    let title = truncate(&crate::markdown::sanitize(&lesson.title), title_room);
    let gap = width.saturating_sub(number.len() + crate::markdown::display_width(&title) + status_w + 1);
    let selected = i == app.home_selected;
    let style = if selected { theme.selected } else { ratatui::style::Style::new() };
    let status_style =
        if app.progress.lesson_status(&lesson.id) == LessonStatus::Read { theme.good } else { theme.dim };
    let line = Line::from(vec![
        Span::raw(number),
        Span::raw(title),
        Span::raw(" ".repeat(gap)),
        Span::styled(status, status_style),
        Span::raw(" "),
    ])
    .style(style);
    buf.set_line(list.x, y, &line, list.width);
    if summary {
        let summary = truncate(&crate::markdown::sanitize(&lesson.summary), width.saturating_sub(6));
        buf.set_line(list.x + 5, y + 1, &Line::styled(summary, theme.dim), list.width.saturating_sub(5));
    }
}

/// Which lesson row of the home list is at a cell.
pub fn item_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let list = list_area(app.area);
    if !list.contains(ratatui::layout::Position { x, y }) {
        return None;
    }
    let rows = rows(app);
    let (heights, first) = window(app, &rows, list);
    let mut top = list.y;
    for (row, height) in rows.iter().zip(heights).skip(first) {
        if (top..top + height).contains(&y) {
            return match row {
                Row::Lesson(i) => Some(*i),
                Row::Heading(_) => None,
            };
        }
        top += height;
    }
    None
}

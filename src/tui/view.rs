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
use crate::markdown::display_width;
use crate::words::t;

/// Draw the app; returns where the frame put what a click can choose.
pub fn draw(app: &App, frame: &mut Frame) -> Hits {
    let area = frame.area();
    if layout::too_small(area) {
        let line = Line::from(truncate(t("tui.too_small"), area.width as usize));
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
            ScreenKind::About => screens::about::draw(app, frame, area),
        }
    }
    draw_emergency(app, frame.buffer_mut(), area);
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

/// The emergency reminder, whole, on every screen (home also names its key for
/// "When to get help now" when that fits in the same rows).
fn draw_emergency(app: &App, buf: &mut Buffer, area: Rect) {
    let rect = layout::frame(area).emergency;
    let mut lines = layout::emergency_lines(area.width, &layout::emergency_wordings());
    if app.screen() == ScreenKind::Home && !app.notice_showing() {
        let with_key = layout::emergency_lines(area.width, &[t("tui.emergency_short")]);
        if with_key.lines.len() <= lines.lines.len() {
            lines = with_key;
        }
    }
    if lines.lines.len() > rect.height as usize {
        return;
    }
    let x = rect.x + lines.indent;
    for (i, line) in lines.lines.iter().enumerate() {
        let y = rect.y + i as u16;
        buf.set_line(rect.x, y, &Line::raw(" ".repeat(rect.width as usize)), rect.width);
        buf.set_line(x, y, &Line::styled(line.as_str(), app.theme.warn), rect.width - lines.indent);
    }
}

/// How much a footer key matters: what moves the person on (Enter, the screen's own
/// skip or show) first, then help, then the way back; the rest in table order.
fn footer_rank(binding: &keys::Binding) -> u8 {
    use super::action::Action;
    match binding.action {
        Action::Open | Action::Dismiss | Action::Skip => 0,
        Action::Help => 1,
        Action::Back | Action::Quit => 2,
        _ => 3,
    }
}

/// The keys of a context that fit in `width` columns, chosen by [`footer_rank`] and
/// shown in the table's order; a key is shown whole or not at all.
pub fn footer_keys(context: Context, width: usize) -> Vec<(&'static str, &'static str)> {
    let items: Vec<(usize, &keys::Binding)> =
        keys::bindings(context).iter().filter(|b| b.in_footer).enumerate().collect();
    let mut by_rank = items.clone();
    by_rank.sort_by_key(|(i, b)| (footer_rank(b), *i));
    let cost = |b: &keys::Binding| display_width(b.label()) + 1 + display_width(b.footer().unwrap_or_default());
    let mut chosen = Vec::new();
    let mut used = 0;
    for (i, b) in by_rank {
        let extra = cost(b) + if chosen.is_empty() { 0 } else { 3 };
        if used + extra <= width {
            used += extra;
            chosen.push(i);
        }
    }
    items
        .into_iter()
        .filter(|(i, _)| chosen.contains(i))
        .map(|(_, b)| (b.label(), b.footer().unwrap_or_default()))
        .collect()
}

/// The footer: the current message, or the keys of this context.
pub fn draw_footer(app: &App, buf: &mut Buffer, area: Rect, context: Context) {
    let theme = &app.theme;
    let line = match app.message.as_ref().or(app.save_problem.as_ref()).or(app.pack_problem.as_ref()) {
        Some(message) => Line::from(Span::styled(truncate(message, area.width as usize), theme.warn)),
        None => {
            let mut spans = Vec::new();
            for (label, word) in footer_keys(context, area.width as usize) {
                if !spans.is_empty() {
                    spans.push(Span::styled(" · ", theme.dim));
                }
                spans.push(Span::styled(label, theme.key));
                spans.push(Span::raw(" "));
                spans.push(Span::raw(word));
            }
            Line::from(spans)
        }
    };
    // Clear first: an overlay's footer is drawn over the screen's, and a shorter line
    // would leave the end of the old one showing.
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, Rect { height: 1, ..area }, buf);
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

/// Rows of text shown in `height` rows from `scroll`: when they do not all fit, the
/// last row is a mark saying there is more below (or, at the end, more above).
pub struct Scrolled {
    /// Rows of text shown (the mark row not counted).
    pub content: usize,
    /// The first row shown, clamped.
    pub scroll: usize,
    pub mark: Option<&'static str>,
}

pub fn scrolled(rows: usize, height: usize, scroll: usize, below: &'static str) -> Scrolled {
    if rows <= height {
        return Scrolled { content: rows, scroll: 0, mark: None };
    }
    let content = if height >= 2 { height - 1 } else { height };
    let scroll = scroll.min(rows - content);
    let mark = (height >= 2).then(|| if scroll + content < rows { below } else { t("tui.more_above") });
    Scrolled { content, scroll, mark }
}

/// The furthest `scroll` that still changes what [`scrolled`] shows.
pub fn max_scroll(rows: usize, height: usize) -> usize {
    scrolled(rows, height, usize::MAX, "").scroll
}

/// Draw `rows` into `area` from `scroll`, with the mark of [`scrolled`].
pub fn draw_scrolled(buf: &mut Buffer, area: Rect, rows: &[Line], scroll: usize, below: &'static str, mark: Style) {
    let s = scrolled(rows.len(), area.height as usize, scroll, below);
    for (i, line) in rows.iter().skip(s.scroll).take(s.content).enumerate() {
        buf.set_line(area.x, area.y + i as u16, line, area.width);
    }
    if let Some(word) = s.mark {
        // The longer mark ("press Space") gives way to the short one rather than being cut.
        let word = if display_width(word) > area.width as usize { t("tui.more_below") } else { word };
        let line = Line::styled(truncate(word, area.width as usize), mark);
        buf.set_line(area.x, area.y + s.content as u16, &line, area.width);
    }
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
    fn scrolled_marks_more_below_and_above() {
        let s = scrolled(10, 4, 0, t("tui.more_below"));
        assert_eq!((s.content, s.scroll, s.mark), (3, 0, Some(t("tui.more_below"))));
        let s = scrolled(10, 4, 99, t("tui.more_below"));
        assert_eq!((s.content, s.scroll, s.mark), (3, 7, Some(t("tui.more_above"))));
        assert_eq!(scrolled(3, 4, 5, t("tui.more_below")).mark, None);
        assert_eq!(max_scroll(10, 4), 7);
        assert_eq!(max_scroll(10, 1), 9);
        assert_eq!(max_scroll(2, 4), 0);
    }

    #[test]
    fn footers_keep_the_important_keys_whole() {
        let home = footer_keys(Context::Home, 20);
        assert_eq!(home.iter().map(|k| k.0).collect::<Vec<_>>(), ["Enter", "?"]);
        let home = footer_keys(Context::Home, 40);
        assert!(home.iter().any(|k| k.0 == "q"), "{home:?}");
        for width in [20, 40, 80] {
            for context in [
                Context::Notice,
                Context::About,
                Context::Home,
                Context::Reader,
                Context::Quiz,
                Context::QuizFeedback,
                Context::QuizDone,
                Context::Explorer,
                Context::Notebook,
                Context::SurvivalNote,
                Context::Survival,
                Context::Staging,
                Context::CheckIn,
                Context::CheckInHistory,
            ] {
                let keys = footer_keys(context, width);
                let used: usize = keys.iter().map(|(l, w)| display_width(l) + 1 + display_width(w)).sum::<usize>()
                    + 3 * keys.len().saturating_sub(1);
                assert!(used <= width, "{context:?} at {width}: {keys:?}");
            }
        }
    }

    #[test]
    fn truncate_respects_display_width() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("日本語の文", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
        assert!(display_width(&truncate("日本語の文", 4)) <= 4);
    }
}

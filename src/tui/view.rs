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
/// shown in the table's order; a key is shown whole or not at all. When some are
/// left out (all are in `?` help), the "…" that says so comes with them, room kept.
pub fn footer_keys(context: Context, width: usize) -> (Vec<(&'static str, &'static str)>, Option<&'static str>) {
    footer_keys_where(context, width, |_| true)
}

/// As [`footer_keys`], of the keys that `shown` keeps (a key that does nothing now is
/// not offered).
pub fn footer_keys_where(
    context: Context,
    width: usize,
    shown: impl Fn(&keys::Binding) -> bool,
) -> (Vec<(&'static str, &'static str)>, Option<&'static str>) {
    let items: Vec<(usize, &keys::Binding)> =
        keys::bindings(context).iter().filter(|b| b.in_footer && shown(b)).enumerate().collect();
    let mut by_rank = items.clone();
    by_rank.sort_by_key(|(i, b)| (footer_rank(b), *i));
    // `short`: the help key as its label alone ("?"), to make room for the "…".
    let word = |b: &keys::Binding, short: bool| match b.action {
        Action::Help if short => "",
        _ => b.footer().unwrap_or_default(),
    };
    let cost = |b: &keys::Binding, short: bool| {
        let w = display_width(word(b, short));
        display_width(b.label()) + if w > 0 { 1 + w } else { 0 }
    };
    let choose = |width: usize, short: bool| {
        let mut chosen = Vec::new();
        let mut used = 0;
        for (i, b) in &by_rank {
            let extra = cost(b, short) + if chosen.is_empty() { 0 } else { 3 };
            if used + extra <= width {
                used += extra;
                chosen.push(*i);
            }
        }
        chosen
    };
    let mut chosen = choose(width, false);
    let mut short = false;
    let mut more = None;
    if chosen.len() < items.len() {
        // Room for " …" after the keys; the help key gives up its word only if that
        // is what keeps it on the row.
        let room = width.saturating_sub(display_width(FOOTER_MORE));
        chosen = choose(room, false);
        let help = items.iter().find(|(_, b)| b.action == Action::Help).map(|(i, _)| *i);
        if help.is_some_and(|h| !chosen.contains(&h)) {
            let shorter = choose(room, true);
            if help.is_some_and(|h| shorter.contains(&h)) {
                (chosen, short) = (shorter, true);
            }
        }
        more = Some(if chosen.is_empty() { FOOTER_MORE.trim_start() } else { FOOTER_MORE });
    }
    let keys =
        items.into_iter().filter(|(i, _)| chosen.contains(i)).map(|(_, b)| (b.label(), word(b, short))).collect();
    (keys, more)
}

/// After a footer's keys when some were left out (they are all in `?` help).
const FOOTER_MORE: &str = " …";

/// The footer: the current message, or the keys of this context.
pub fn draw_footer(app: &App, buf: &mut Buffer, area: Rect, context: Context) {
    draw_footer_where(app, buf, area, context, |_| true);
}

/// As [`draw_footer`], offering only the keys that `shown` keeps.
pub fn draw_footer_where(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    context: Context,
    shown: impl Fn(&keys::Binding) -> bool,
) {
    let theme = &app.theme;
    let line = match app.message.as_ref().or(app.save_problem.as_ref()).or(app.pack_problem.as_ref()) {
        Some(message) => return draw_footer_line(buf, area, message, theme.warn),
        None => {
            let mut spans = Vec::new();
            let (keys, more) = footer_keys_where(context, area.width as usize, shown);
            for (label, word) in keys {
                if !spans.is_empty() {
                    spans.push(Span::styled(" · ", theme.dim));
                }
                spans.push(Span::styled(label, theme.key));
                if !word.is_empty() {
                    spans.push(Span::raw(" "));
                    spans.push(Span::raw(word));
                }
            }
            if let Some(more) = more {
                spans.push(Span::styled(more, theme.dim));
            }
            Line::from(spans)
        }
    };
    clear_footer(buf, area);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// A message in the footer in place of the keys, cut to fit.
pub fn draw_footer_line(buf: &mut Buffer, area: Rect, message: &str, style: Style) {
    clear_footer(buf, area);
    let line = Line::from(Span::styled(truncate(message, area.width as usize), style));
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Clear first: an overlay's footer is drawn over the screen's, and a shorter line
/// would leave the end of the old one showing.
fn clear_footer(buf: &mut Buffer, area: Rect) {
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, Rect { height: 1, ..area }, buf);
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

/// Wrapped rows cut to `height`: when some are left out, the last row shown ends in "…".
pub fn fit_rows(mut rows: Vec<String>, height: usize, width: usize) -> Vec<String> {
    if rows.len() > height {
        rows.truncate(height);
        if let Some(last) = rows.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    rows
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
        let (home, more) = footer_keys(Context::Home, 20);
        assert_eq!(home, [("Enter", "open"), ("?", "")], "help gives up its word for the \"…\"");
        assert_eq!(more, Some(" …"));
        let (home, more) = footer_keys(Context::Home, 40);
        assert!(home.iter().any(|k| k.0 == "q"), "{home:?}");
        assert_eq!(more, Some(" …"));
        assert_eq!(footer_keys(Context::Home, 200).1, None, "all fit");
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
                let (keys, more) = footer_keys(context, width);
                let used: usize = keys
                    .iter()
                    .map(|(l, w)| display_width(l) + if w.is_empty() { 0 } else { 1 + display_width(w) })
                    .sum::<usize>()
                    + 3 * keys.len().saturating_sub(1)
                    + more.map_or(0, display_width);
                assert!(used <= width, "{context:?} at {width}: {keys:?}");
            }
        }
    }

    #[test]
    fn rows_cut_to_fit_end_in_an_ellipsis() {
        let rows = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(fit_rows(rows(&["a b", "c d"]), 2, 5), rows(&["a b", "c d"]));
        assert_eq!(fit_rows(rows(&["a b", "c d", "e"]), 2, 5), rows(&["a b", "c d …"]));
        assert_eq!(fit_rows(rows(&["abcde", "fghij", "k"]), 2, 5), rows(&["abcde", "fghi…"]));
        assert!(fit_rows(rows(&["a"]), 0, 5).is_empty());
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

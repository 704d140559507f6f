//! About (`i`): what the app is, education not advice, the emergency number and the
//! key to "When to get help now", whose lessons these are, and where progress is kept.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use crate::markdown::{sanitize_path, wrap_text};
use crate::tui::app::App;
use crate::tui::keys::Context;
use crate::tui::tools_flow::ScrollRoom;
use crate::tui::view::{draw_footer, draw_scrolled, draw_title, max_scroll};
use crate::tui::{layout, text};
use crate::words::t;

/// Where the text goes: the body, a column in from each side, no wider than is easy to read.
fn text_area(area: Rect) -> Rect {
    let body = layout::frame(area).body;
    let width = body.width.saturating_sub(2).min(layout::MAX_MEASURE);
    Rect { x: body.x + 1, width, ..body }
}

/// The screen's text, wrapped to `width`: blocks of paragraphs, a blank row between blocks.
fn rows(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let plain = Style::new();
    let pack = match &app.pack.manifest {
        Some(pack) => vec![
            (text::pack_about(&pack.name, &pack.version, &pack.publisher), plain),
            (text::pack_reviewed_by(pack.reviewed_by.as_deref()), theme.dim),
        ],
        None => vec![(t("tui.about_no_manifest").to_string(), plain)],
    };
    let kept = match &app.progress_path {
        // The file on a line of its own, so it is read (and can be copied) whole.
        Some(path) => vec![(t("tui.about_progress_in").to_string(), plain), (sanitize_path(path), theme.key)],
        None => vec![(t("tui.about_progress_here").to_string(), plain)],
    };
    let blocks = [
        vec![(t("tui.about_what").to_string(), plain)],
        vec![(t("tui.about_not_advice").to_string(), plain)],
        vec![
            (t("tui.about_emergency").to_string(), theme.warn),
            (t("tui.notice_get_help").to_string(), theme.key.add_modifier(Modifier::BOLD)),
        ],
        pack,
        [kept, vec![(t("tui.about_offline").to_string(), plain)]].concat(),
    ];
    let mut rows = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            rows.push(Line::raw(""));
        }
        for (paragraph, style) in block {
            rows.extend(wrap_text(paragraph, width.max(1)).into_iter().map(|l| Line::styled(l, *style)));
        }
    }
    rows
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(crate::tui::app::Screen::About(state)) = app.stack.last() else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let version = text::about_version(env!("CARGO_PKG_VERSION"));
    draw_title(buf, parts.title, t("tui.about_title"), &version, theme.title, theme.dim);

    let body = text_area(area);
    let rows = rows(app, body.width as usize);
    // The flow scrolls within the room this frame measures.
    let max = max_scroll(rows.len(), body.height as usize) as u16;
    state.room.set(ScrollRoom { max, page: body.height.saturating_sub(2).max(1) });
    draw_scrolled(buf, body, &rows, state.scroll.min(max) as usize, t("tui.more_below_space"), theme.key);
    draw_footer(app, buf, parts.footer, Context::About);
}

//! Screen geometry, shared by drawing and by the state machine (for mouse clicks and
//! for knowing how wide to wrap), so the two can never disagree.

use crate::words::t;
use ratatui::layout::Rect;

/// Below this, only a "make the window larger" message is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Long lines are hard to read: the text column never gets wider than this.
pub const MAX_MEASURE: u16 = 96;
/// The side table of contents needs at least this much width to appear.
pub const TOC_MIN_WINDOW: u16 = 80;
pub const TOC_WIDTH: u16 = 28;
/// Left gutter of the reader, for the marker of the selected link.
pub const GUTTER: u16 = 2;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame every screen shares: a title row, a body, the emergency line (one or two
/// rows) and a footer row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub title: Rect,
    pub body: Rect,
    /// Where the emergency reminder goes, under the body on every screen.
    pub emergency: Rect,
    pub footer: Rect,
}

pub fn frame(area: Rect) -> Frame {
    let title = Rect { height: 1.min(area.height), ..area };
    let footer = Rect { y: area.bottom().saturating_sub(1), height: 1.min(area.height), ..area };
    let rows =
        (emergency_lines(area.width, &emergency_wordings()).lines.len() as u16).min(area.height.saturating_sub(3));
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(2 + rows), ..area };
    let emergency = Rect { y: body.bottom(), height: rows, ..area };
    Frame { title, body, emergency, footer }
}

/// The emergency reminder every screen shows, longest first: the first that fits whole
/// in [`EMERGENCY_MAX_ROWS`] rows is used.
/// The emergency reminder, and its shorter form for narrow windows.
pub fn emergency_wordings() -> [&'static str; 2] {
    [t("tui.emergency_line"), t("tui.emergency_narrow")]
}
pub const EMERGENCY_MAX_ROWS: usize = 2;

/// The emergency reminder wrapped for a width, and how far it is indented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyLines {
    pub lines: Vec<String>,
    pub indent: u16,
}

/// The first of `wordings` that fits whole in two rows of `width` (with a one-column
/// margin when that costs no row). Never cut: the last wording is used, wrapped, when
/// none fits (it fits in two rows from [`MIN_WIDTH`] up).
pub fn emergency_lines(width: u16, wordings: &[&str]) -> EmergencyLines {
    let wrap = |s: &str, w: u16| crate::markdown::wrap_text(s, usize::from(w.max(1)));
    for wording in wordings {
        for indent in [1, 0] {
            let lines = wrap(wording, width.saturating_sub(indent));
            if lines.len() <= EMERGENCY_MAX_ROWS {
                return EmergencyLines { lines, indent };
            }
        }
    }
    EmergencyLines { lines: wrap(wordings.last().copied().unwrap_or_default(), width), indent: 0 }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub frame: Frame,
    /// Where the lesson text goes (after the gutter).
    pub text: Rect,
    pub gutter: Rect,
    pub scrollbar: Rect,
    /// The side contents panel, when shown.
    pub toc: Option<Rect>,
}

/// Whether the window is wide enough for the side contents panel.
pub fn toc_fits(area: Rect) -> bool {
    area.width >= TOC_MIN_WINDOW
}

pub fn reader(area: Rect, toc_wanted: bool) -> Reader {
    let frame = frame(area);
    let body = frame.body;
    let toc = (toc_wanted && toc_fits(area)).then(|| Rect { x: body.right() - TOC_WIDTH, width: TOC_WIDTH, ..body });
    let main_width = body.width - toc.map_or(0, |t| t.width);
    let scrollbar = Rect { x: body.x + main_width.saturating_sub(1), width: 1.min(main_width), ..body };
    let gutter = Rect { width: GUTTER.min(main_width.saturating_sub(1)), ..body };
    let text_width = main_width.saturating_sub(gutter.width + 2).clamp(1, MAX_MEASURE);
    let text = Rect { x: body.x + gutter.width, width: text_width, ..body };
    Reader { frame, text, gutter, scrollbar, toc }
}

/// Home list rows: each lesson takes two rows (title, summary) when there is room.
pub fn home_rows_per_item(body: Rect, items: usize) -> u16 {
    if body.height as usize >= items * 2 + 3 { 2 } else { 1 }
}

/// The first item shown so that `selected` is visible in `rows` rows.
pub fn list_offset(selected: usize, visible_items: usize) -> usize {
    if visible_items == 0 { selected } else { (selected + 1).saturating_sub(visible_items) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_text_is_never_wider_than_the_window_or_the_measure() {
        for w in 1..300 {
            for toc in [false, true] {
                let area = Rect::new(0, 0, w, 30);
                let r = reader(area, toc);
                assert!(r.text.right() <= area.right() || w < 4, "w={w}");
                assert!(r.text.width <= MAX_MEASURE);
                if let Some(t) = r.toc {
                    assert!(t.x >= r.scrollbar.right(), "toc overlaps text at {w}");
                }
            }
        }
    }

    #[test]
    fn toc_hides_on_narrow_windows() {
        assert!(reader(Rect::new(0, 0, 100, 30), true).toc.is_some());
        assert!(reader(Rect::new(0, 0, 60, 30), true).toc.is_none());
        assert!(reader(Rect::new(0, 0, 100, 30), false).toc.is_none());
    }

    #[test]
    fn the_emergency_line_fits_whole_in_two_rows_at_every_width() {
        for w in MIN_WIDTH..=300 {
            let e = emergency_lines(w, &emergency_wordings());
            assert!(e.lines.len() <= EMERGENCY_MAX_ROWS, "w={w}: {:?}", e.lines);
            assert!(
                e.lines.iter().all(|l| crate::markdown::display_width(l) + usize::from(e.indent) <= usize::from(w))
            );
            let f = frame(Rect::new(0, 0, w, MIN_HEIGHT));
            assert_eq!(usize::from(f.emergency.height), e.lines.len(), "w={w}");
            assert!(f.body.height >= 1 && f.emergency.bottom() == f.footer.y, "w={w}: {f:?}");
        }
        assert_eq!(emergency_lines(100, &emergency_wordings()).lines.len(), 1);
    }

    #[test]
    fn list_offset_keeps_selection_visible() {
        assert_eq!(list_offset(0, 5), 0);
        assert_eq!(list_offset(4, 5), 0);
        assert_eq!(list_offset(5, 5), 1);
        assert_eq!(list_offset(8, 3), 6);
    }
}

//! The body map: a text-art figure with the spread sites marked, and a panel with the
//! selected site's signs sorted by urgency. Narrow windows get a list instead of the map.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::content::sites::{Site, Sites, Who};
use crate::explorer::search::Tier;
use crate::markdown::{display_width, sanitize, wrap_text};
use crate::tui::app::App;
use crate::tui::explorer_flow::ExplorerState;
use crate::tui::view::{draw_footer, draw_title, truncate};
use crate::tui::{layout, text};
use crate::words::t;

/// The detail panel needs at least this many columns beside the map.
const MIN_DETAIL_WIDTH: u16 = 32;
const MARKER: &str = "●";
const SELECTED_MARKER: &str = "◉";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplorerLayout {
    /// Where the art is drawn, when the window is big enough for it.
    pub map: Option<Rect>,
    /// The list of site names, on windows too small for the map.
    pub list: Option<Rect>,
    pub detail: Rect,
}

pub fn explorer_layout(area: Rect, sites: &Sites) -> ExplorerLayout {
    let body = layout::frame(area).body;
    let map_w = sites.map.width + 2;
    // The map may lose rows below its lowest place (the emergency line takes one at 80×24).
    let needed = sites.sites.iter().map(|s| s.y + 1).max().unwrap_or(0);
    if body.width >= map_w + MIN_DETAIL_WIDTH && body.height >= needed {
        let map = Rect { x: body.x + 1, width: sites.map.width, height: sites.map.height.min(body.height), ..body };
        let detail = Rect { x: body.x + map_w + 1, width: (body.width - map_w - 1).min(layout::MAX_MEASURE), ..body };
        return ExplorerLayout { map: Some(map), list: None, detail };
    }
    // List mode: names on top (a third of the height), details below.
    let list_h = (sites.sites.len() as u16).min(body.height / 3).max(1.min(body.height));
    let list = Rect { height: list_h, ..body };
    let detail = Rect { y: body.y + list_h, height: body.height - list_h, ..body };
    ExplorerLayout { map: None, list: Some(list), detail }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let (Some(sites), Some(state)) = (app.pack.sites.as_ref(), app.explorer()) else { return };
    let theme = &app.theme;
    let parts = layout::frame(area);
    let buf = frame.buffer_mut();
    let explored = crate::tf!(
        "explorer.looked_at",
        n = app.progress.explored_count(sites.sites.iter().map(|s| s.id.as_str())),
        total = sites.sites.len()
    );
    draw_title(buf, parts.title, t("tui.explorer_title"), &explored, theme.title, theme.dim);

    let geometry = explorer_layout(area, sites);
    if let Some(map) = geometry.map {
        for (row, line) in sites.map.rows.iter().enumerate().take(map.height as usize) {
            buf.set_line(map.x, map.y + row as u16, &Line::styled(line.clone(), theme.dim), map.width);
        }
        for (i, site) in sites.sites.iter().enumerate() {
            let selected = i == state.selected;
            let (symbol, style) = if selected {
                (SELECTED_MARKER, theme.selected.add_modifier(Modifier::BOLD))
            } else {
                (MARKER, theme.key)
            };
            let x = map.x + site.x;
            let y = map.y + site.y;
            if x < map.right() && y < map.bottom() {
                buf.set_line(x, y, &Line::styled(symbol, style), 1);
            }
        }
        // Name the selected site beside its marker when the name fits on one side
        // (the detail panel always names it too).
        if let Some(site) = sites.sites.get(state.selected) {
            let label = format!(" {} ", sanitize(&site.name));
            let w = display_width(&label) as u16;
            let (mx, y) = (map.x + site.x, map.y + site.y);
            let x = if mx + 1 + w <= map.right() {
                Some(mx + 1)
            } else if mx >= map.x + w {
                Some(mx - w)
            } else {
                None
            };
            if let Some(x) = x {
                buf.set_line(x, y, &Line::styled(label, theme.selected), w);
            }
        }
    }
    if let Some(list) = geometry.list {
        let offset = layout::list_offset(state.selected, list.height as usize);
        for (row, (i, site)) in sites.sites.iter().enumerate().skip(offset).take(list.height as usize).enumerate() {
            let marker = if i == state.selected { SELECTED_MARKER } else { MARKER };
            let style = if i == state.selected { theme.selected } else { Style::new() };
            let label = truncate(&format!(" {marker} {}", sanitize(&site.name)), list.width as usize);
            buf.set_line(list.x, list.y + row as u16, &Line::styled(label, style), list.width);
        }
    }

    let rows = match state.search.as_ref() {
        Some(search) => search_rows(app, sites, search, geometry.detail.width as usize),
        None => sites
            .sites
            .get(state.selected)
            .map_or_else(Vec::new, |s| detail_rows(app, sites, s, geometry.detail.width as usize)),
    };
    let detail = geometry.detail;
    let scroll = detail_scroll(state, rows.len(), detail.height as usize);
    for (row, line) in rows.iter().skip(scroll).take(detail.height as usize).enumerate() {
        buf.set_line(detail.x, detail.y + row as u16, line, detail.width);
    }

    match state.search.as_ref() {
        Some(search) => {
            let prompt = t("tui.find_prompt");
            let width = parts.footer.width.saturating_sub(display_width(prompt) as u16 + 1) as usize;
            let scroll = search.input.visual_scroll(width);
            let shown: String = search.input.value().chars().skip(scroll).collect();
            let line = Line::from(vec![Span::styled(prompt, theme.key), Span::raw(truncate(&sanitize(&shown), width))]);
            buf.set_line(parts.footer.x, parts.footer.y, &line, parts.footer.width);
            let cursor_x =
                parts.footer.x + display_width(prompt) as u16 + (search.input.visual_cursor() - scroll) as u16;
            frame.set_cursor_position(Position {
                x: cursor_x.min(parts.footer.right().saturating_sub(1)),
                y: parts.footer.y,
            });
        }
        None => draw_footer(app, buf, parts.footer, app.base_context()),
    }
}

fn detail_scroll(state: &ExplorerState, rows: usize, height: usize) -> usize {
    (state.detail_scroll as usize).min(rows.saturating_sub(height))
}

/// How each urgency tier is shown: a symbol and words, never colour alone.
pub fn tier_heading(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => t("tui.tier_emergency"),
        Tier::CallToday => t("tui.tier_today"),
        Tier::NextVisit => t("tui.tier_next_visit"),
    }
}

fn tier_style(app: &App, tier: Tier) -> Style {
    match tier {
        Tier::Emergency => app.theme.warn,
        Tier::CallToday => app.theme.key,
        Tier::NextVisit => app.theme.title,
    }
}

fn wrapped(rows: &mut Vec<Line<'static>>, text: &str, width: usize, first: &str, rest: &str, style: Style) {
    let room = width.saturating_sub(display_width(first)).max(1);
    for (i, part) in wrap_text(text, room).into_iter().enumerate() {
        let lead = if i == 0 { first } else { rest };
        rows.push(Line::styled(format!("{lead}{part}"), style));
    }
}

/// A place's top-tier signs under who to call: the emergency number's first, then the 24-hour
/// line's, with what to do if the line does not answer.
fn who_rows(rows: &mut Vec<Line<'static>>, app: &App, sites: &Sites, site: &Site, width: usize) {
    for (who, lines) in sites.emergency_by_who(site) {
        wrapped(rows, text::who_heading(who), width, "  ", "  ", app.theme.warn.add_modifier(Modifier::BOLD));
        for line in lines {
            wrapped(rows, &sanitize(line), width, "    • ", "      ", Style::new());
        }
        if who == Who::CareTeamLine {
            wrapped(rows, t("tui.who_if_no_answer"), width, "  ", "  ", app.theme.dim);
        }
    }
}

fn detail_rows(app: &App, sites: &Sites, site: &Site, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut rows =
        vec![Line::styled(sanitize(&site.name).into_owned(), theme.title.add_modifier(Modifier::UNDERLINED))];
    wrapped(&mut rows, &sanitize(&site.summary), width, "", "", Style::new());
    for tier in Tier::ALL {
        let lines = tier.lines(site);
        if lines.is_empty() {
            continue;
        }
        rows.push(Line::raw(""));
        rows.push(Line::styled(tier_heading(tier), tier_style(app, tier).add_modifier(Modifier::BOLD)));
        if tier == Tier::Emergency {
            who_rows(&mut rows, app, sites, site, width);
            continue;
        }
        for line in lines {
            wrapped(&mut rows, &sanitize(line), width, "  • ", "    ", Style::new());
        }
    }
    if !site.primaries.is_empty() {
        rows.push(Line::raw(""));
        let list = site.primaries.iter().map(|p| sanitize(p).into_owned()).collect::<Vec<_>>().join(", ");
        wrapped(&mut rows, &crate::tf!("tui.often_from", list = list), width, "", "", theme.dim);
    }
    if !site.lessons.is_empty() {
        rows.push(Line::raw(""));
        rows.push(Line::styled(t("tui.read_more_keys"), theme.title));
        for (i, target) in site.lessons.iter().enumerate().take(9) {
            let label = app.pack.target_label(target).unwrap_or_else(|| sanitize(target).into_owned());
            wrapped(&mut rows, &label, width, &format!("  {} ", i + 1), "    ", Style::new());
        }
    }
    rows.push(Line::raw(""));
    wrapped(&mut rows, t("tui.many_causes"), width, "", "", theme.dim);
    rows
}

fn search_rows(
    app: &App,
    sites: &Sites,
    search: &crate::tui::explorer_flow::SiteSearch,
    width: usize,
) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let query = search.input.value().trim();
    if query.is_empty() {
        let mut rows = Vec::new();
        wrapped(&mut rows, t("tui.find_hint"), width, "", "", theme.dim);
        return rows;
    }
    if search.hits.is_empty() {
        let mut rows = Vec::new();
        wrapped(&mut rows, &text::no_site_matches(&sanitize(query)), width, "", "", Style::new());
        wrapped(&mut rows, t("tui.no_match_get_help"), width, "", "", theme.key.add_modifier(Modifier::BOLD));
        wrapped(&mut rows, t("tui.no_match_worried"), width, "", "", Style::new());
        return rows;
    }
    let mut rows = Vec::new();
    wrapped(&mut rows, t("tui.tier_legend"), width, "", "", theme.dim);
    for (i, hit) in search.hits.iter().enumerate() {
        let Some(site) = sites.sites.get(hit.site) else { continue };
        let style = if i == search.cursor { theme.selected } else { theme.title };
        let pointer = if i == search.cursor { "▶ " } else { "  " };
        rows.push(Line::styled(truncate(&format!("{pointer}{}", sanitize(&site.name)), width), style));
        for (tier, line) in &hit.matches {
            let lead = format!("    {} ", tier_symbol(*tier));
            let shown = match tier {
                Tier::Emergency => format!("{} · {}", sanitize(line), text::who_short(sites.who(line))),
                _ => sanitize(line).into_owned(),
            };
            wrapped(&mut rows, &shown, width, &lead, "      ", Style::new());
        }
    }
    rows
}

pub fn tier_symbol(tier: Tier) -> &'static str {
    match tier {
        Tier::Emergency => "‼",
        Tier::CallToday => "☎",
        Tier::NextVisit => "✎",
    }
}

/// The site under a mouse click: on the map near a marker, or a row of the list.
pub fn site_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let sites = app.pack.sites.as_ref()?;
    let state = app.explorer()?;
    let geometry = explorer_layout(app.area, sites);
    let at = Position { x, y };
    if let Some(map) = geometry.map.filter(|m| m.contains(at)) {
        let (index, cost) = crate::explorer::nav::nearest(&sites.positions(), (x - map.x, y - map.y))?;
        return (cost <= 8).then_some(index);
    }
    let list = geometry.list.filter(|l| l.contains(at))?;
    let offset = layout::list_offset(state.selected, list.height as usize);
    let index = offset + (y - list.y) as usize;
    (index < sites.sites.len()).then_some(index)
}

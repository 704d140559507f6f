//! TEMPORARY placeholder with the renderer's API; replaced by the real renderer.
use ratatui::style::{Color, Modifier, Style};
pub use ratatui::text::Line;
use ratatui::text::Span;
use std::borrow::Cow;

#[derive(Debug, Clone, Default)]
pub struct MdTheme {
    pub h1: Style,
    pub h2: Style,
    pub h3: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub link: Style,
    pub link_target: Style,
    pub quote: Style,
    pub rule: Style,
    pub table_header: Style,
    pub table_border: Style,
    pub list_marker: Style,
}
impl MdTheme {
    pub fn color() -> Self {
        let mut t = Self::monochrome();
        t.h1 = t.h1.fg(Color::Cyan);
        t.link = t.link.fg(Color::Blue);
        t
    }
    pub fn monochrome() -> Self {
        MdTheme {
            h1: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            h2: Style::new().add_modifier(Modifier::BOLD),
            ..Default::default()
        }
    }
    pub fn plain() -> Self {
        Self::default()
    }
}
#[derive(Debug, Clone)]
pub struct Anchor {
    pub slug: String,
    pub title: String,
    pub level: u8,
    pub line: usize,
}
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub target: String,
    pub text: String,
    pub line: usize,
}
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub lines: Vec<Line<'static>>,
    pub anchors: Vec<Anchor>,
    pub links: Vec<LinkRef>,
    pub source_offsets: Vec<usize>,
}
pub fn render(markdown: &str, width: u16, theme: &MdTheme) -> Rendered {
    let mut r = Rendered::default();
    let mut off = 0;
    for line in markdown.lines() {
        let clean = sanitize(line).to_string();
        if let Some(h) = clean.strip_prefix("## ") {
            r.anchors.push(Anchor { slug: slugify(h), title: h.into(), level: 2, line: r.lines.len() });
        }
        for w in wrap_text(&clean, width.max(1) as usize) {
            r.lines.push(Line::from(Span::styled(w, theme.h2)));
            r.source_offsets.push(off);
        }
        off += line.len() + 1;
    }
    r
}
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase())
        } else if (c.is_whitespace() || c == '-') && !out.ends_with('-') {
            out.push('-')
        }
    }
    out.trim_matches('-').to_string()
}
pub fn sanitize(text: &str) -> Cow<'_, str> {
    Cow::Owned(text.chars().filter(|c| !c.is_control()).collect())
}
pub fn line_to_string(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
pub fn wrap_text(text: &str, width: usize) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && display_width(&cur) + 1 + display_width(w) > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ')
        }
        cur.push_str(w);
    }
    out.push(cur);
    out
}

//! Styles the renderer applies. Presets: named colours (for `read` on a terminal,
//! where the terminal's own palette decides the shades), a [`Palette`] of colours
//! with known RGB values (the tutor's themes), modifiers only (NO_COLOR) and none
//! (plain text output).

use ratatui::style::{Color, Modifier, Style};

/// Styles used by the renderer. Inline styles are patched over the style of what
/// encloses them, so bold inside a link inside a quote gets all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MdTheme {
    pub h1: Style,
    pub h2: Style,
    /// Headings of level 3 and deeper.
    pub h3: Style,
    pub emphasis: Style,
    pub strong: Style,
    /// `~~strike~~` (not in the original field list: plain output must not cross out).
    pub strikethrough: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// A link's text: bold and underlined, unlike a glossary word (underlined only).
    pub link: Style,
    /// The `[→ target]` shown after link text.
    pub link_target: Style,
    /// The quote bar and quoted text.
    pub quote: Style,
    /// Horizontal rules and the code continuation mark.
    pub rule: Style,
    pub table_header: Style,
    pub table_border: Style,
    /// Bullets, numbers and task boxes.
    pub list_marker: Style,
}

/// The colours of one theme, by role. Each is an xterm 256-colour index from 16 up
/// (the cube and the grey ramp, whose RGB values are standard) so that contrast
/// against `bg` can be computed; the tutor's theme tests check every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The background the colours are chosen for.
    pub bg: Color,
    /// Ordinary text.
    pub fg: Color,
    /// Headings, titles, table headers and list markers.
    pub heading: Color,
    /// Key names, markers and code.
    pub accent: Color,
    pub link: Color,
    /// Quoted text.
    pub quote: Color,
    /// Less important text: hints, borders, rules, link targets.
    pub muted: Color,
    pub good: Color,
    pub warn: Color,
}

const fn m(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

impl MdTheme {
    /// Named colours plus modifiers: the shades are the terminal's own (used where
    /// the background cannot be set, such as `read` on a terminal).
    pub const fn color() -> Self {
        MdTheme {
            h1: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
            h2: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            h3: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD.union(Modifier::ITALIC)),
            emphasis: m(Modifier::ITALIC),
            strong: m(Modifier::BOLD),
            strikethrough: m(Modifier::CROSSED_OUT),
            code: Style::new().fg(Color::Yellow),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
            link_target: Style::new().fg(Color::DarkGray),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            table_header: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            table_border: Style::new().fg(Color::DarkGray),
            list_marker: Style::new().fg(Color::Cyan),
        }
    }

    /// The styles of [`MdTheme::color`] in a palette's colours.
    pub const fn from_palette(p: &Palette) -> Self {
        MdTheme {
            h1: Style::new().fg(p.heading).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
            h2: Style::new().fg(p.heading).add_modifier(Modifier::BOLD),
            h3: Style::new().fg(p.heading).add_modifier(Modifier::BOLD.union(Modifier::ITALIC)),
            emphasis: m(Modifier::ITALIC),
            strong: m(Modifier::BOLD),
            strikethrough: m(Modifier::CROSSED_OUT),
            code: Style::new().fg(p.accent),
            link: Style::new().fg(p.link).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
            link_target: Style::new().fg(p.muted),
            quote: Style::new().fg(p.quote).add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(p.muted),
            table_header: Style::new().fg(p.heading).add_modifier(Modifier::BOLD),
            table_border: Style::new().fg(p.muted),
            list_marker: Style::new().fg(p.heading),
        }
    }

    /// Every style with its name (for the theme's contrast test).
    pub fn styles(&self) -> [(&'static str, Style); 14] {
        // Taken apart in full, so a new style cannot be left out of the test.
        let MdTheme {
            h1,
            h2,
            h3,
            emphasis,
            strong,
            strikethrough,
            code,
            link,
            link_target,
            quote,
            rule,
            table_header,
            table_border,
            list_marker,
        } = *self;
        [
            ("md.h1", h1),
            ("md.h2", h2),
            ("md.h3", h3),
            ("md.emphasis", emphasis),
            ("md.strong", strong),
            ("md.strikethrough", strikethrough),
            ("md.code", code),
            ("md.link", link),
            ("md.link_target", link_target),
            ("md.quote", quote),
            ("md.rule", rule),
            ("md.table_header", table_header),
            ("md.table_border", table_border),
            ("md.list_marker", list_marker),
        ]
    }

    /// Modifiers only (bold/italic/underline/reversed/dim), for `NO_COLOR`.
    pub const fn monochrome() -> Self {
        MdTheme {
            h1: m(Modifier::BOLD.union(Modifier::UNDERLINED)),
            h2: m(Modifier::BOLD),
            h3: m(Modifier::BOLD.union(Modifier::ITALIC)),
            emphasis: m(Modifier::ITALIC),
            strong: m(Modifier::BOLD),
            strikethrough: m(Modifier::CROSSED_OUT),
            code: m(Modifier::REVERSED),
            link: m(Modifier::BOLD.union(Modifier::UNDERLINED)),
            link_target: m(Modifier::DIM),
            quote: m(Modifier::ITALIC),
            rule: m(Modifier::DIM),
            table_header: m(Modifier::BOLD),
            table_border: m(Modifier::DIM),
            list_marker: m(Modifier::BOLD),
        }
    }

    /// No styling at all, for plain text output.
    pub const fn plain() -> Self {
        let s = Style::new();
        MdTheme {
            h1: s,
            h2: s,
            h3: s,
            emphasis: s,
            strong: s,
            strikethrough: s,
            code: s,
            link: s,
            link_target: s,
            quote: s,
            rule: s,
            table_header: s,
            table_border: s,
            list_marker: s,
        }
    }
}

/// No styling, like [`MdTheme::plain`].
impl Default for MdTheme {
    fn default() -> Self {
        Self::plain()
    }
}

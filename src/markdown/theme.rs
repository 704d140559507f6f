//! Styles the renderer applies. Three presets: colour, modifiers only (NO_COLOR) and
//! none (plain text output).

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

const fn m(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

impl MdTheme {
    /// Colours plus modifiers.
    pub const fn color() -> Self {
        MdTheme {
            h1: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
            h2: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            h3: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD.union(Modifier::ITALIC)),
            emphasis: m(Modifier::ITALIC),
            strong: m(Modifier::BOLD),
            strikethrough: m(Modifier::CROSSED_OUT),
            code: Style::new().fg(Color::Yellow),
            link: Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            link_target: Style::new().fg(Color::DarkGray),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            rule: Style::new().fg(Color::DarkGray),
            table_header: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            table_border: Style::new().fg(Color::DarkGray),
            list_marker: Style::new().fg(Color::Cyan),
        }
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
            link: m(Modifier::UNDERLINED),
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

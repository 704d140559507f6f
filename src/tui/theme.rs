//! Styles for the interface. With NO_COLOR set, only bold/underline/reverse are used,
//! and nothing depends on colour alone: every state also has a word or symbol.

use ratatui::style::{Color, Modifier, Style};

use crate::markdown::MdTheme;

#[derive(Debug, Clone)]
pub struct Theme {
    pub md: MdTheme,
    pub title: Style,
    pub selected: Style,
    pub dim: Style,
    pub key: Style,
    pub good: Style,
    pub warn: Style,
    pub border: Style,
    pub marker: Style,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        if no_color { Self::monochrome() } else { Self::color() }
    }

    pub fn color() -> Self {
        Theme {
            md: MdTheme::color(),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            marker: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    pub fn monochrome() -> Self {
        Theme {
            md: MdTheme::monochrome(),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD),
            good: Style::new(),
            warn: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            marker: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

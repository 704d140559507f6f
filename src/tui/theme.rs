//! Styles for the interface, in one of four themes (`--theme`): `dark`, `light` and
//! `high-contrast` paint their own background under the whole frame, so their
//! contrast is the same on any terminal; `auto` asks the terminal for its
//! background (see [`background`]), picks the light or the dark colours for
//! it, and keeps the terminal's own background and text colour when every colour
//! of the theme is readable on it (else it paints the theme's background too).
//!
//! Every colour has a known RGB value (xterm 256-colour indexes from 16 up), and a
//! test checks that each style of each theme has a WCAG contrast of at least 4.5:1
//! (AA) against its background; the high-contrast theme at least 7:1 (AAA).
//!
//! With NO_COLOR set, only bold/underline/reverse are used, and nothing depends on
//! colour alone: every state also has a word or symbol.

pub mod background;
pub mod contrast;

use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

use self::contrast::Rgb;
use crate::markdown::{MdTheme, Palette};

/// The theme asked for on the command line (`--theme`, `PATIENT_TUTOR_THEME`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeChoice {
    /// Ask the terminal for its background colour; dark if it does not say.
    #[default]
    Auto,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// White and bright colours on black, 7:1 contrast or more.
    HighContrast,
}

/// Light text on a near-black background.
pub const DARK: Palette = Palette {
    bg: Color::Indexed(234),     // #1c1c1c
    fg: Color::Indexed(252),     // #d0d0d0
    heading: Color::Indexed(80), // #5fd7d7
    accent: Color::Indexed(221), // #ffd75f
    link: Color::Indexed(111),   // #87afff
    quote: Color::Indexed(250),  // #bcbcbc
    muted: Color::Indexed(246),  // #949494
    good: Color::Indexed(114),   // #87d787
    warn: Color::Indexed(210),   // #ff8787
};

/// Dark text on white.
pub const LIGHT: Palette = Palette {
    bg: Color::Indexed(231),     // #ffffff
    fg: Color::Indexed(235),     // #262626
    heading: Color::Indexed(24), // #005f87
    accent: Color::Indexed(94),  // #875f00
    link: Color::Indexed(25),    // #005faf
    quote: Color::Indexed(239),  // #4e4e4e
    muted: Color::Indexed(242),  // #6c6c6c
    good: Color::Indexed(22),    // #005f00
    warn: Color::Indexed(124),   // #af0000
};

/// White and bright colours on black.
pub const HIGH_CONTRAST: Palette = Palette {
    bg: Color::Indexed(16),      // #000000
    fg: Color::Indexed(231),     // #ffffff
    heading: Color::Indexed(51), // #00ffff
    accent: Color::Indexed(226), // #ffff00
    link: Color::Indexed(117),   // #87d7ff
    quote: Color::Indexed(253),  // #dadada
    muted: Color::Indexed(250),  // #bcbcbc
    good: Color::Indexed(120),   // #87ff87
    warn: Color::Indexed(210),   // #ff8787
};

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
    /// Ordinary text and the background of the whole frame, painted under every
    /// cell (by the terminal backend, see `term`); None: the terminal's own.
    pub frame: Option<Style>,
    /// The background the colours are chosen for: the frame's, or the terminal's
    /// when `auto` found it readable. None for monochrome.
    pub background: Option<Rgb>,
}

impl Theme {
    /// The dark theme, or monochrome for NO_COLOR.
    pub fn new(no_color: bool) -> Self {
        if no_color { Self::monochrome() } else { Self::dark() }
    }

    /// The dark theme (the colours the tutor had before themes).
    pub fn color() -> Self {
        Self::dark()
    }

    pub fn dark() -> Self {
        Self::from_palette(&DARK)
    }

    pub fn light() -> Self {
        Self::from_palette(&LIGHT)
    }

    pub fn high_contrast() -> Self {
        Self::from_palette(&HIGH_CONTRAST)
    }

    /// A palette's styles, on its own background.
    pub fn from_palette(p: &Palette) -> Self {
        let bold = Modifier::BOLD;
        Theme {
            md: MdTheme::from_palette(p),
            title: Style::new().fg(p.heading).add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().fg(p.muted),
            key: Style::new().fg(p.accent).add_modifier(bold),
            good: Style::new().fg(p.good),
            warn: Style::new().fg(p.warn).add_modifier(bold),
            border: Style::new().fg(p.muted),
            marker: Style::new().fg(p.accent).add_modifier(bold),
            frame: Some(Style::new().fg(p.fg).bg(p.bg)),
            background: Rgb::of(p.bg),
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
            frame: None,
            background: None,
        }
    }

    /// `auto`, for the background the terminal reported (None: it did not say, so
    /// the dark theme). Light or dark colours by the background's luminance; on the
    /// terminal's own background if every style is readable there, else on the
    /// theme's.
    pub fn for_background(detected: Option<Rgb>) -> Self {
        let Some(bg) = detected else { return Self::dark() };
        let own = Self::from_palette(if bg.is_light() { &LIGHT } else { &DARK });
        let on_terminal = Theme { frame: None, background: Some(bg), ..own.clone() };
        if on_terminal.lowest_contrast().is_some_and(|(_, ratio)| ratio >= contrast::AA) { on_terminal } else { own }
    }

    /// The theme for a choice. NO_COLOR wins over every theme, and then the terminal
    /// is not asked anything; `detect` is asked only for `auto`.
    pub fn choose(choice: ThemeChoice, no_color: bool, detect: impl FnOnce() -> Option<Rgb>) -> Self {
        if no_color {
            return Self::monochrome();
        }
        match choice {
            ThemeChoice::Auto => Self::for_background(detect()),
            ThemeChoice::Dark => Self::dark(),
            ThemeChoice::Light => Self::light(),
            ThemeChoice::HighContrast => Self::high_contrast(),
        }
    }

    /// The theme for this session: the choice given to [`set_choice`] (auto if
    /// none), asking the terminal if it is auto. Tells the terminal backend which
    /// frame to paint. Call before the terminal is set up (`term::init`).
    pub fn for_terminal(no_color: bool) -> Self {
        let theme = Self::choose(choice(), no_color, background::query);
        super::term::set_frame(theme.frame);
        theme
    }

    /// Every foreground style with its name, the Markdown ones included.
    pub fn styles(&self) -> Vec<(&'static str, Style)> {
        // Taken apart in full, so a new style cannot be left out of the test.
        let Theme { md, title, selected, dim, key, good, warn, border, marker, frame: _, background: _ } = self;
        let mut styles = vec![
            ("title", *title),
            ("selected", *selected),
            ("dim", *dim),
            ("key", *key),
            ("good", *good),
            ("warn", *warn),
            ("border", *border),
            ("marker", *marker),
        ];
        styles.extend(md.styles());
        styles
    }

    /// The contrast of each style against the background it is drawn on: its own
    /// colours, else the frame's. A style whose colours are the terminal's own text
    /// and background (no colour set, no frame) is left out: the user chose that pair.
    /// None for monochrome.
    pub fn contrasts(&self) -> Option<Vec<(&'static str, f64)>> {
        let background = self.background?;
        let frame = self.frame.unwrap_or_default();
        let mut out = Vec::new();
        for (name, style) in self.styles() {
            let bg = style.bg.or(frame.bg).map_or(Some(background), Rgb::of);
            let Some(fg) = style.fg.or(frame.fg) else { continue };
            // A colour without a known value would fail the test below (None → 0).
            let ratio = match (Rgb::of(fg), bg) {
                (Some(fg), Some(bg)) => contrast::ratio(fg, bg),
                _ => 0.0,
            };
            out.push((name, ratio));
        }
        Some(out)
    }

    /// The least readable style and its contrast.
    pub fn lowest_contrast(&self) -> Option<(&'static str, f64)> {
        self.contrasts()?.into_iter().min_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// The theme named on the command line, for [`Theme::for_terminal`].
static CHOICE: OnceLock<ThemeChoice> = OnceLock::new();

/// Remember the theme asked for (`main` calls this once, from `--theme`).
pub fn set_choice(choice: ThemeChoice) {
    let _ = CHOICE.set(choice);
}

/// The theme asked for; auto if none was.
pub fn choice() -> ThemeChoice {
    CHOICE.get().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_themes() -> [(&'static str, Theme, f64); 3] {
        [
            ("dark", Theme::dark(), contrast::AA),
            ("light", Theme::light(), contrast::AA),
            ("high-contrast", Theme::high_contrast(), contrast::AAA),
        ]
    }

    /// Each style's contrast against its background, and the table printed with
    /// `cargo test contrast_table -- --nocapture`.
    fn assert_readable(name: &str, theme: &Theme, at_least: f64) {
        let contrasts = theme.contrasts().expect("a colour theme has a background");
        assert_eq!(contrasts.len(), theme.styles().len(), "{name}: every style is measured");
        for (style, ratio) in contrasts {
            assert!(ratio >= at_least, "{name}: `{style}` has contrast {ratio:.2}:1, below {at_least}:1");
        }
    }

    #[test]
    fn every_fixed_theme_passes_wcag_on_its_own_background() {
        for (name, theme, at_least) in fixed_themes() {
            assert_readable(name, &theme, at_least);
            // They paint their background and text colour over the whole frame.
            let frame = theme.frame.expect("a fixed theme paints its frame");
            assert!(frame.fg.is_some() && frame.bg.is_some(), "{name}");
            assert_eq!(Rgb::of(frame.bg.unwrap()), theme.background, "{name}");
        }
    }

    #[test]
    fn contrast_table() {
        for (name, theme, _) in fixed_themes() {
            for (style, ratio) in theme.contrasts().unwrap() {
                println!("{name:14} {style:18} {ratio:5.2}");
            }
        }
    }

    #[test]
    fn a_low_contrast_colour_fails_the_check() {
        // The tutor's old colours: dark grey hints on a dark background, yellow on white.
        let mut theme = Theme::dark();
        theme.dim = Style::new().fg(Color::Indexed(240)); // #585858 on #1c1c1c: 2.6:1
        assert_eq!(theme.lowest_contrast().map(|(name, _)| name), Some("dim"));
        assert!(theme.lowest_contrast().unwrap().1 < contrast::AA);
        let mut theme = Theme::light();
        theme.md.code = Style::new().fg(Color::Indexed(226)); // #ffff00 on white: 1.07:1
        assert_eq!(theme.lowest_contrast().map(|(name, _)| name), Some("md.code"));
        // A named colour has no known value: it cannot pass.
        let mut theme = Theme::high_contrast();
        theme.good = Style::new().fg(Color::Green);
        assert_eq!(theme.lowest_contrast(), Some(("good", 0.0)));
    }

    #[test]
    fn auto_follows_the_terminal_background() {
        // Black and white: the terminal's own background is kept.
        let on_black = Theme::for_background(Some(Rgb(0, 0, 0)));
        assert_eq!(on_black.frame, None);
        assert_eq!(on_black.md, Theme::dark().md);
        let on_white = Theme::for_background(Some(Rgb(255, 255, 255)));
        assert_eq!(on_white.frame, None);
        assert_eq!(on_white.md, Theme::light().md);
        // Solarized light: light colours.
        assert_eq!(Theme::for_background(Some(Rgb(0xfd, 0xf6, 0xe3))).md, Theme::light().md);
        // Mid grey is readable with neither: the theme paints its own background.
        let grey = Theme::for_background(Some(Rgb(0x80, 0x80, 0x80)));
        assert!(grey.frame.is_some());
        // No answer: dark, on its own background.
        let fallback = Theme::for_background(None);
        assert_eq!(fallback.md, Theme::dark().md);
        assert_eq!(fallback.frame, Theme::dark().frame);
    }

    proptest::proptest! {
        /// Whatever the terminal's background, auto's colours pass AA where they are drawn.
        #[test]
        fn auto_is_readable_on_any_background(r: u8, g: u8, b: u8) {
            let theme = Theme::for_background(Some(Rgb(r, g, b)));
            let (style, ratio) = theme.lowest_contrast().unwrap();
            proptest::prop_assert!(ratio >= contrast::AA, "{style}: {ratio} on {r},{g},{b}");
        }
    }

    #[test]
    fn no_color_wins_over_every_theme_and_asks_nothing() {
        for choice in [ThemeChoice::Auto, ThemeChoice::Dark, ThemeChoice::Light, ThemeChoice::HighContrast] {
            let theme = Theme::choose(choice, true, || panic!("the terminal is not asked with NO_COLOR"));
            assert_eq!(theme.md, MdTheme::monochrome(), "{choice:?}");
            assert_eq!(theme.frame, None);
            for (name, style) in theme.styles() {
                assert!(style.fg.is_none() && style.bg.is_none(), "{choice:?}: {name} has a colour");
            }
        }
    }

    #[test]
    fn only_auto_asks_the_terminal() {
        let light = Rgb(255, 255, 255);
        assert_eq!(Theme::choose(ThemeChoice::Auto, false, || Some(light)).md, Theme::light().md);
        assert_eq!(Theme::choose(ThemeChoice::Auto, false, || None).md, Theme::dark().md);
        for (choice, want) in [
            (ThemeChoice::Dark, Theme::dark()),
            (ThemeChoice::Light, Theme::light()),
            (ThemeChoice::HighContrast, Theme::high_contrast()),
        ] {
            let theme = Theme::choose(choice, false, || panic!("{choice:?} does not ask"));
            assert_eq!((theme.md, theme.frame), (want.md, want.frame));
        }
    }
}

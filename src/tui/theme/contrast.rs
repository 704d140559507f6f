//! WCAG 2 contrast: relative luminance with sRGB linearisation, and the ratio
//! between two colours. The themes use only colours whose RGB value is known (the
//! xterm 256-colour cube and grey ramp, or RGB), so their contrast can be computed.

use ratatui::style::Color;

/// A colour as the terminal shows it, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The six levels of each channel in xterm's 6×6×6 colour cube (indexes 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

impl Rgb {
    /// The RGB value of a colour, when it is well defined: RGB, or an index from 16
    /// to 255 (xterm's cube and grey ramp, the same in nearly every terminal). The
    /// first 16 indexes and the named colours are whatever the user's terminal
    /// theme makes them, so they have none.
    pub fn of(color: Color) -> Option<Rgb> {
        match color {
            Color::Rgb(r, g, b) => Some(Rgb(r, g, b)),
            Color::Indexed(i @ 16..=231) => {
                let i = i - 16;
                Some(Rgb(CUBE[usize::from(i / 36)], CUBE[usize::from(i / 6 % 6)], CUBE[usize::from(i % 6)]))
            }
            Color::Indexed(i @ 232..=255) => {
                let level = 8 + 10 * (i - 232);
                Some(Rgb(level, level, level))
            }
            _ => None,
        }
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let Rgb(r, g, b) = self;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// A light background: dark text has more contrast on it than light text. The
    /// two are equal where (L + 0.05)² = 0.05 × 1.05, L ≈ 0.179.
    pub fn is_light(self) -> bool {
        ratio_of_luminances(self.luminance(), 0.0) > ratio_of_luminances(self.luminance(), 1.0)
    }
}

/// One sRGB channel, linearised (the WCAG 2 formula, with its 0.04045 knee).
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

fn ratio_of_luminances(a: f64, b: f64) -> f64 {
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

/// The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    ratio_of_luminances(a.luminance(), b.luminance())
}

/// WCAG AA for normal text.
pub const AA: f64 = 4.5;
/// WCAG AAA for normal text.
pub const AAA: f64 = 7.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extremes_and_known_values() {
        let black = Rgb(0, 0, 0);
        let white = Rgb(255, 255, 255);
        assert!((ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((ratio(white, white) - 1.0).abs() < 1e-9);
        // Order does not matter.
        assert_eq!(ratio(black, white), ratio(white, black));
        // Published values: #777777 on white is 4.48 (just fails AA), #767676 is 4.54.
        assert!((ratio(Rgb(0x77, 0x77, 0x77), white) - 4.48).abs() < 0.01);
        assert!((ratio(Rgb(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
        // The linearisation matters: without it mid grey would be 0.5, not 0.216.
        assert!((Rgb(128, 128, 128).luminance() - 0.2159).abs() < 0.001);
        // Below the knee the curve is a straight line.
        assert!((Rgb(10, 0, 0).luminance() - 0.2126 * (10.0 / 255.0 / 12.92)).abs() < 1e-12);
    }

    #[test]
    fn xterm_indexes_have_their_standard_values() {
        assert_eq!(Rgb::of(Color::Indexed(16)), Some(Rgb(0, 0, 0)));
        assert_eq!(Rgb::of(Color::Indexed(231)), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::of(Color::Indexed(24)), Some(Rgb(0, 95, 135)));
        assert_eq!(Rgb::of(Color::Indexed(214)), Some(Rgb(255, 175, 0)));
        assert_eq!(Rgb::of(Color::Indexed(232)), Some(Rgb(8, 8, 8)));
        assert_eq!(Rgb::of(Color::Indexed(255)), Some(Rgb(238, 238, 238)));
        // The user's terminal theme decides these.
        assert_eq!(Rgb::of(Color::Indexed(3)), None);
        assert_eq!(Rgb::of(Color::Yellow), None);
        assert_eq!(Rgb::of(Color::Reset), None);
    }

    #[test]
    fn light_and_dark_backgrounds() {
        assert!(Rgb(255, 255, 255).is_light());
        assert!(Rgb(0xfd, 0xf6, 0xe3).is_light(), "Solarized light");
        assert!(!Rgb(0, 0, 0).is_light());
        assert!(!Rgb(0x00, 0x2b, 0x36).is_light(), "Solarized dark");
        assert!(!Rgb(0x28, 0x2c, 0x34).is_light(), "One Dark");
        // Either side of the crossover.
        assert!(Rgb(0x77, 0x77, 0x77).is_light());
        assert!(!Rgb(0x74, 0x74, 0x74).is_light());
    }
}

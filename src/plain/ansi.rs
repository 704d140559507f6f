//! Styled lines as ANSI SGR sequences, for `read` on a colour terminal.
//! The text itself was sanitized by the renderer; only our own escapes are added.

use std::io::{self, Write};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

pub fn write_line(out: &mut impl Write, line: &Line) -> io::Result<()> {
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let codes = sgr_codes(style);
        if codes.is_empty() {
            out.write_all(span.content.as_bytes())?;
        } else {
            write!(out, "\x1b[{}m{}\x1b[0m", codes.join(";"), span.content)?;
        }
    }
    Ok(())
}

fn sgr_codes(style: Style) -> Vec<String> {
    let mut codes = Vec::new();
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, 30)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, 40)) {
        codes.push(bg);
    }
    codes
}

/// `base` is 30 for foreground, 40 for background.
fn color_code(color: Color, base: u8) -> Option<String> {
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    #[test]
    fn styles_become_sgr_and_plain_text_stays_plain() {
        let line = Line::from(vec![
            Span::raw("a "),
            Span::styled("bold", Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan)),
        ]);
        let mut out = Vec::new();
        write_line(&mut out, &line).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a \x1b[1;36mbold\x1b[0m");
    }
}

//! What a typed line means in a menu: a number, `q` to go back, or nothing.
//! Pure, so every rule is tested here; the menus only ask and act.

use super::words;
use crate::staging::{self, Tnm};
use crate::words::t;

/// A line typed at a numbered menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// One of the items, 1-based as shown.
    Number(usize),
    /// `q`: go back one step.
    Back,
    /// Just Enter.
    Empty,
}

/// Typed text echoed back in a message: cleaned and kept short.
pub fn shown(text: &str) -> String {
    let cleaned = crate::markdown::sanitize(text.trim());
    let mut short: String = cleaned.chars().take(20).collect();
    if cleaned.chars().count() > 20 {
        short.push('…');
    }
    short
}

/// True for the line that means "go back".
pub fn is_back(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("q")
}

/// True for the line that opens "When to get help now" from the main menu.
pub fn is_get_help(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("h")
}

/// Parse a line for a menu of `count` items, or say what is wrong with it and
/// what the menu accepts.
pub fn parse_choice(line: &str, count: usize) -> Result<Choice, String> {
    let word = line.trim().trim_end_matches('.');
    if is_back(word) {
        return Ok(Choice::Back);
    }
    if word.is_empty() {
        return Ok(Choice::Empty);
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(Choice::Number(n)),
            _ => Err(words::no_such_choice(&shown(word), count)),
        };
    }
    Err(words::not_a_choice(&shown(word), count))
}

/// Parse a staging line such as `t2`, `n1 m0` or `T2N1M0`, changing only the
/// letters it names.
pub fn parse_tnm(line: &str, current: Tnm) -> Result<Tnm, String> {
    let mut tnm = current;
    let mut chars = line.chars().filter(|c| !c.is_whitespace() && *c != ',').peekable();
    if chars.peek().is_none() {
        return Err(t("plain.session.staging.how").to_string());
    }
    while let Some(letter) = chars.next() {
        let (slot, max, name) = match letter.to_ascii_lowercase() {
            't' => (&mut tnm.t, staging::T_MAX, 'T'),
            'n' => (&mut tnm.n, staging::N_MAX, 'N'),
            'm' => (&mut tnm.m, staging::M_MAX, 'M'),
            _ => return Err(words::tnm_not_understood(&shown(line))),
        };
        let digits: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
        match digits.parse::<u8>() {
            Ok(value) if value <= max && digits.len() <= 2 => *slot = value,
            Ok(_) => return Err(words::tnm_out_of_range(name, &shown(&digits), max)),
            Err(_) if digits.is_empty() => return Err(words::tnm_needs_number(name, max)),
            Err(_) => return Err(words::tnm_out_of_range(name, &shown(&digits), max)),
        }
    }
    Ok(tnm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_lines_parse() {
        let good: [(&str, Choice); 8] = [
            ("1", Choice::Number(1)),
            ("  7 \r", Choice::Number(7)),
            ("07", Choice::Number(7)),
            ("3.", Choice::Number(3)),
            ("q", Choice::Back),
            (" Q ", Choice::Back),
            ("", Choice::Empty),
            ("   ", Choice::Empty),
        ];
        for (line, choice) in good {
            assert_eq!(parse_choice(line, 7), Ok(choice), "{line:?}");
        }
        let bad: [(&str, &str); 6] = [
            ("0", "There is no 0 here. Type a number from 1 to 7, or q to go back."),
            ("8", "There is no 8 here. Type a number from 1 to 7, or q to go back."),
            ("99999999999999999999999999", "There is no 99999999999999999999… here."),
            ("two", "\"two\" is not one of the choices. Type a number from 1 to 7, or q to go back."),
            ("-1", "\"-1\" is not one of the choices."),
            ("\u{1b}[2J", "\"[2J\" is not one of the choices."),
        ];
        for (line, reason) in bad {
            let got = parse_choice(line, 7).unwrap_err();
            assert!(got.starts_with(reason), "{line:?}: {got}");
        }
        assert_eq!(parse_choice("1", 1), Ok(Choice::Number(1)));
        assert_eq!(
            parse_choice("2", 1).unwrap_err(),
            "There is no 2 here. Type 1, or q to go back.",
            "one item is said as one"
        );
    }

    #[test]
    fn staging_lines_parse() {
        let start = Tnm { t: 1, n: 0, m: 1 };
        let good: [(&str, Tnm); 5] = [
            ("t2", Tnm { t: 2, n: 0, m: 1 }),
            ("N1 m0", Tnm { t: 1, n: 1, m: 0 }),
            ("T4N3M0", Tnm { t: 4, n: 3, m: 0 }),
            ("t 3, n 2", Tnm { t: 3, n: 2, m: 1 }),
            ("m1 m0", Tnm { t: 1, n: 0, m: 0 }),
        ];
        for (line, tnm) in good {
            assert_eq!(parse_tnm(line, start), Ok(tnm), "{line:?}");
        }
        let bad: [(&str, &str); 6] = [
            ("", "Type a letter and a number"),
            ("t5", "There is no T5: T goes from 0 to 4."),
            ("m2", "There is no M2: M goes from 0 to 1."),
            ("n", "Give N a number from 0 to 3, like n1."),
            ("x1", "I did not understand \"x1\"."),
            ("t999", "There is no T999: T goes from 0 to 4."),
        ];
        for (line, reason) in bad {
            let got = parse_tnm(line, start).unwrap_err();
            assert!(got.starts_with(reason), "{line:?}: {got}");
        }
    }
}

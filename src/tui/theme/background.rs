//! Asking the terminal for its background colour, for `--theme auto`.
//!
//! The query is OSC 11 (`ESC ] 11 ; ? BEL`), followed by a Primary Device Attributes
//! request (`ESC [ c`), which nearly every terminal answers. Answers come back in
//! order, so once the attributes arrive there is nothing more to wait for: a
//! terminal that does not know OSC 11 costs one round trip, not the timeout. A
//! terminal that answers neither costs at most [`TIMEOUT`]; whatever part of an
//! answer came by then is thrown away (the input is flushed), so no reply bytes
//! are left to be read as keys.
//!
//! Not covered: an answer that only starts after the deadline (a link slower than
//! 100 ms for the round trip). crossterm drops a late attributes reply itself, but a
//! late colour reply would reach the key handler as Alt-] and characters.

use std::time::{Duration, Instant};

use super::contrast::Rgb;

/// The longest the tutor waits for the terminal's answer before it starts.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The background colour query, then the device attributes request (the sentinel).
pub const QUERY: &[u8] = b"\x1b]11;?\x07\x1b[c";

/// What the bytes read so far say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Not all of it yet.
    Incomplete,
    /// The device attributes arrived: the background colour if it came before them.
    Done(Option<Rgb>),
}

/// Read what the terminal sent back. The colour reply may come first; the device
/// attributes reply (`ESC [ ? … c`) ends the answer.
pub fn read_answer(bytes: &[u8]) -> Answer {
    match find(bytes, b"\x1b[?").and_then(|start| {
        let rest = &bytes[start + 3..];
        rest.iter().position(|&b| b == b'c').map(|end| (start, start + 3 + end))
    }) {
        Some((start, _)) => Answer::Done(parse_reply(&bytes[..start])),
        None => Answer::Incomplete,
    }
}

/// The colour in an OSC 11 reply: `ESC ] 11 ; rgb:R/G/B` ended by BEL, `ESC \` or
/// the one-byte ST (0x9c), each channel 1 to 4 hex digits (`rgb:ffff/ffff/ffff`,
/// `rgb:ff/ff/ff`); `rgba:R/G/B/A` too (the alpha is ignored). Anything else is
/// no answer.
pub fn parse_reply(bytes: &[u8]) -> Option<Rgb> {
    let start = find(bytes, b"\x1b]11;")? + 5;
    let rest = &bytes[start..];
    let end = rest.iter().position(|&b| b == 0x07 || b == 0x9c || b == 0x1b)?;
    if rest[end] == 0x1b && rest.get(end + 1) != Some(&b'\\') {
        return None;
    }
    let body = std::str::from_utf8(&rest[..end]).ok()?;
    let (channels, wanted) = if let Some(c) = body.strip_prefix("rgb:") {
        (c, 3)
    } else if let Some(c) = body.strip_prefix("rgba:") {
        (c, 4)
    } else {
        return None;
    };
    let values: Vec<u8> = channels.split('/').map(channel).collect::<Option<_>>()?;
    if values.len() != wanted {
        return None;
    }
    Some(Rgb(values[0], values[1], values[2]))
}

/// One channel, 1 to 4 hex digits, scaled to 8 bits (`f` → 255, `80` → 128, `8080` → 128).
fn channel(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = u32::from_str_radix(digits, 16).ok()?;
    let max = (1u32 << (4 * digits.len())) - 1;
    u8::try_from((value * 255 + max / 2) / max).ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Ask the terminal (stdin and stdout must both be terminals) for its background.
/// None if it does not say within [`TIMEOUT`], or cannot be asked.
#[cfg(unix)]
pub fn query() -> Option<Rgb> {
    use std::io::{IsTerminal, Write};
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return None;
    }
    // Raw mode: the answer is not echoed, and comes in without waiting for Enter.
    let was_raw = crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
    if !was_raw {
        crossterm::terminal::enable_raw_mode().ok()?;
    }
    let mut out = std::io::stdout();
    let answer = if out.write_all(QUERY).and_then(|()| out.flush()).is_ok() {
        read_with_deadline(Instant::now() + TIMEOUT)
    } else {
        None
    };
    if !was_raw {
        let _ = crossterm::terminal::disable_raw_mode();
    }
    answer
}

#[cfg(not(unix))]
pub fn query() -> Option<Rgb> {
    None
}

/// Read stdin until the answer is whole or the deadline passes; on the deadline,
/// flush what came, so a half answer is not read later as keys.
#[cfg(unix)]
fn read_with_deadline(deadline: Instant) -> Option<Rgb> {
    let mut bytes = Vec::new();
    loop {
        if let Answer::Done(colour) = read_answer(&bytes) {
            return colour;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || bytes.len() > 4096 || !wait_readable(left) {
            // SAFETY: tcflush on stdin, a terminal; it only discards unread input.
            unsafe { libc::tcflush(libc::STDIN_FILENO, libc::TCIFLUSH) };
            return parse_reply(&bytes);
        }
        let mut buf = [0u8; 256];
        // SAFETY: reading into a buffer we own, of the length we pass.
        let n = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            return parse_reply(&bytes);
        }
        bytes.extend_from_slice(&buf[..n as usize]);
    }
}

/// Whether stdin has something to read within `timeout`.
#[cfg(unix)]
fn wait_readable(timeout: Duration) -> bool {
    let mut fd = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
    let ms = libc::c_int::try_from(timeout.as_millis().max(1)).unwrap_or(libc::c_int::MAX);
    // SAFETY: one pollfd we own.
    let ready = unsafe { libc::poll(&mut fd, 1, ms) };
    ready > 0 && fd.revents & libc::POLLIN != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_digit_channels_with_bel() {
        assert_eq!(parse_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x07"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_reply(b"\x1b]11;rgb:1c1c/1c1c/1c1c\x07"), Some(Rgb(0x1c, 0x1c, 0x1c)));
        assert_eq!(parse_reply(b"\x1b]11;rgb:0000/2b2b/3636\x07"), Some(Rgb(0, 0x2b, 0x36)));
    }

    #[test]
    fn two_digit_channels_with_st() {
        assert_eq!(parse_reply(b"\x1b]11;rgb:fd/f6/e3\x1b\\"), Some(Rgb(0xfd, 0xf6, 0xe3)));
        assert_eq!(parse_reply(b"\x1b]11;rgb:00/00/00\x9c"), Some(Rgb(0, 0, 0)));
    }

    #[test]
    fn one_and_three_digit_channels_scale() {
        assert_eq!(parse_reply(b"\x1b]11;rgb:f/8/0\x07"), Some(Rgb(255, 136, 0)));
        assert_eq!(parse_reply(b"\x1b]11;rgb:fff/800/000\x07"), Some(Rgb(255, 128, 0)));
        assert_eq!(parse_reply(b"\x1b]11;rgb:8080/8080/8080\x07"), Some(Rgb(128, 128, 128)));
    }

    #[test]
    fn rgba_ignores_alpha() {
        assert_eq!(parse_reply(b"\x1b]11;rgba:ffff/0000/0000/8000\x07"), Some(Rgb(255, 0, 0)));
    }

    #[test]
    fn typed_keys_before_the_reply_are_skipped() {
        assert_eq!(parse_reply(b"jj\x1b]11;rgb:ff/ff/ff\x07"), Some(Rgb(255, 255, 255)));
    }

    #[test]
    fn garbage_is_no_answer() {
        for bad in [
            &b""[..],
            b"\x1b]11;?\x07",
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:ffff/ffff/ffff/ffff\x07",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b]11;rgb:gg/00/00\x07",
            b"\x1b]11;rgb://\x07",
            b"\x1b]11;#ffffff\x07",
            b"\x1b]11;rgb:ff/ff/ff",
            b"\x1b]11;rgb:ff/ff/ff\x1bX",
            b"\x1b]10;rgb:ff/ff/ff\x07",
            b"\x1b]11;rgb:\xff\xfe/00/00\x07",
            b"\x1b]11;rgb:+f/00/00\x07",
        ] {
            assert_eq!(parse_reply(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_device_attributes_end_the_answer() {
        assert_eq!(read_answer(b""), Answer::Incomplete);
        assert_eq!(read_answer(b"\x1b]11;rgb:ff/ff/ff\x07"), Answer::Incomplete);
        assert_eq!(read_answer(b"\x1b]11;rgb:ff/ff/ff\x07\x1b[?62;22"), Answer::Incomplete);
        assert_eq!(read_answer(b"\x1b]11;rgb:ff/ff/ff\x07\x1b[?62;22c"), Answer::Done(Some(Rgb(255, 255, 255))));
        // A terminal without OSC 11 answers only the attributes: no need to wait on.
        assert_eq!(read_answer(b"\x1b[?1;2c"), Answer::Done(None));
        assert_eq!(read_answer(b"\x1b]11;nonsense\x07\x1b[?6c"), Answer::Done(None));
    }
}

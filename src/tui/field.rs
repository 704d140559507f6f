//! Edits of a one-line text field (search, glossary filter, a question), with a length
//! cap: a 1 MB paste, whether it comes as one bracketed paste or as a stream of keys,
//! costs no more than typing the cap's worth of characters.

use tui_input::{Input, InputRequest};

/// The longest text a field holds: a question for the care team may be this long
/// (`notebook::MAX_CHARS`), and no search needs more.
pub const MAX_CHARS: usize = crate::notebook::MAX_CHARS;

/// Apply one edit, unless it is a character that would make the text longer than
/// [`MAX_CHARS`]. Returns false if it was refused for that reason.
pub fn edit(input: &mut Input, request: InputRequest) -> bool {
    if matches!(request, InputRequest::InsertChar(_)) && input.value().chars().count() >= MAX_CHARS {
        return false;
    }
    input.handle(request);
    true
}

/// Insert pasted text at the cursor in one step, control characters left out and cut
/// so that the field holds at most [`MAX_CHARS`]. Returns false if some was cut.
pub fn paste(input: &mut Input, text: &str) -> bool {
    let value = input.value();
    let room = MAX_CHARS.saturating_sub(value.chars().count());
    let mut pasted = text.chars().filter(|c| !c.is_control());
    let kept: String = pasted.by_ref().take(room).collect();
    let all_fit = pasted.next().is_none();
    let cursor = input.cursor();
    let at = value.char_indices().nth(cursor).map_or(value.len(), |(i, _)| i);
    let joined = format!("{}{kept}{}", &value[..at], &value[at..]);
    *input = Input::new(joined).with_cursor(cursor + kept.chars().count());
    all_fit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_goes_in_at_the_cursor() {
        let mut input = Input::new("héllo".into()).with_cursor(2);
        assert!(paste(&mut input, "XY\u{7}Z"));
        assert_eq!((input.value(), input.cursor()), ("héXYZllo", 5));
    }

    #[test]
    fn paste_and_typing_stop_at_the_cap() {
        let mut input = Input::new("ab".into());
        assert!(!paste(&mut input, &"x".repeat(MAX_CHARS)));
        assert_eq!(input.value().chars().count(), MAX_CHARS);
        assert!(!edit(&mut input, InputRequest::InsertChar('y')));
        assert_eq!(input.value().chars().count(), MAX_CHARS);
        assert!(edit(&mut input, InputRequest::DeletePrevChar));
        assert!(edit(&mut input, InputRequest::InsertChar('y')));
        assert!(input.value().ends_with('y'));
    }
}

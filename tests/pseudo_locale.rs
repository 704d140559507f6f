//! A pseudo-locale (issue 20): every interface word of `en.toml` accented and made 40%
//! wider, between `⟦` and `⟧` (see tests/common/pseudo.rs for what is kept as written:
//! places, key labels, single letters and key names). Every screen and overlay of
//! tests/common/screens.rs is drawn in it at 80×24, 40×12 and 100×30, with the English
//! pack for content (lessons are not interface words), and must show:
//! 1. no untranslated word: no English catalogue phrase of two words or more;
//! 2. no truncation: every pseudo text whole (its `⟧` shown) or cut on purpose with "…",
//!    never cut silently by a border or the edge of the window.
//!
//! The precise rules are on `common::pseudo::check`. A test binary of its own: the words
//! in use are global for the run.

mod common;

/// The language of the built-in pack (the content); the words are the pseudo ones.
const LANGUAGE: &str = "en";
/// Pseudo words and the pseudo checks, not snapshots.
const PSEUDO: bool = true;

include!("common/screens.rs");

/// The pseudo form itself: accents, places and key names kept, 40% wider, marked.
#[test]
fn a_pseudo_text_is_accented_marked_and_forty_percent_wider() {
    use common::pseudo::pseudo;
    assert_eq!(pseudo("Press h to open {title}"), "⟦Préss h tö öpéñ {title}········⟧");
    assert_eq!(pseudo("Enter: read it"), "⟦Enter: réád ít····⟧");
    let english = "Make the window larger";
    assert!(pseudo(english).width() >= english.width() * 14 / 10);
    common::pseudo::use_pseudo();
    assert_eq!(patient_tutor::tn!("text.due_line", 3), "⟦3 qüíz qüéstíöñs düé för révíéw (r)·············⟧");
}

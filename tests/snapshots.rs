//! Every screen and overlay, drawn whole on a TestBackend at 80×24 and 40×12 (and a few
//! at 10×3, the "make the window larger" message), kept as insta snapshots under
//! `tests/snapshots/`. A changed screen fails the test; see README "Test it" for how to
//! review and accept it.
//!
//! Each snapshot holds the screen's text, one quoted row per line (so trailing spaces
//! show), then the same rows as a style mask in the NO_COLOR theme, one letter a cell:
//! R reversed, U underlined, B bold, I italic, D dim (the first that applies), space plain.
//! The clock is fixed and nothing is read from the machine, so the screens are the same
//! on every run and on CI.

mod common;

/// The language of the words and of the built-in pack on these screens.
const LANGUAGE: &str = "en";

/// Real words, kept as snapshots (see tests/pseudo_locale.rs for the pseudo words).
const PSEUDO: bool = false;

include!("common/screens.rs");

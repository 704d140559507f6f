//! The screens of tests/snapshots.rs again, in Spanish: the Spanish words and the
//! Spanish built-in pack, kept as insta snapshots under `tests/snapshots/`
//! (`snapshots_es__…`). Every test of this binary uses Spanish, so switching the words
//! (a setting of the whole run) never meets an English test.

mod common;

/// The language of the words and of the built-in pack on these screens.
const LANGUAGE: &str = "es";

/// Real words, kept as snapshots (see tests/pseudo_locale.rs for the pseudo words).
const PSEUDO: bool = false;

include!("common/screens.rs");

//! The weekly symptom check-in: a few symptoms rated 0–10, yes/no questions about
//! the signs that need help now, and a line of "anything else". Pure: no terminal
//! code, no files. The questions come from the pack (`checkin.toml`, parsed by
//! `content::checkin`); the answers are kept with the progress (see `progress`),
//! each check-in one line of the answer history, a half-finished one as a draft.

mod draft;
mod form;
mod record;
mod review;
mod sheet;
pub mod words;

pub use draft::{Draft, Step};
pub use form::{Call, Form, Item, RedFlag, Who};
pub use record::{CheckIn, MAX_NOTE_CHARS, clean_note};
pub use review::{Band, Row, band, rows, tell_care_team};
pub use sheet::{Sheet, export_markdown};

/// Check-ins shown in the history screen's sparkline and in the exported sheet's table.
pub const RECENT: usize = 12;

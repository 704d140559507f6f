//! The check-in's own words that take a value, shared by the tutor, the plain
//! commands and the exported sheet; the words themselves are in the catalogue
//! (`[checkin]` in `src/words/en.toml`), the questions come from the pack.

use super::review::Band;
use crate::words::t;
use crate::{tf, tn};

pub fn band(band: Band) -> &'static str {
    match band {
        Band::None => t("checkin.band_none"),
        Band::Mild => t("checkin.band_mild"),
        Band::Moderate => t("checkin.band_moderate"),
        Band::Severe => t("checkin.band_severe"),
    }
}

/// "up 3", "down 2", "same", or "first" (nothing to compare with).
pub fn change(change: Option<i16>) -> String {
    match change {
        None => t("checkin.change_first").to_string(),
        Some(0) => t("checkin.change_same").to_string(),
        Some(n) if n > 0 => tf!("checkin.change_up", n = n),
        Some(n) => tf!("checkin.change_down", n = -n),
    }
}

/// "Last check-in 8 days ago" for home's gentle reminder.
pub fn last_checkin(days: u64) -> String {
    match days {
        0 => t("checkin.last_today").to_string(),
        1 => t("checkin.last_yesterday").to_string(),
        n => tn!("checkin.last_days_ago", n),
    }
}

/// A half-finished check-in: "Check-in not finished: 4 of 18 answered".
pub fn draft_progress(answered: usize, steps: usize) -> String {
    tf!("checkin.draft_progress", answered = answered, steps = steps)
}

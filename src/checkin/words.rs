//! The check-in's own words, shared by the tutor, the plain commands and the
//! exported sheet (the questions themselves come from the pack).

use super::review::Band;

pub const TITLE: &str = "Symptom check-in";
pub const HISTORY_TITLE: &str = "Your check-ins";
pub const GET_HELP_NOW: &str = "Get help now";
/// Shown before the sign names, in words and symbols, never colour alone.
pub const GET_HELP_MARK: &str = "!!";
pub const YOU_ANSWERED_YES: &str = "You said yes to:";
pub const SCALE: &str = "0 means none, 10 means the worst.";
pub const BANDS: &str = "Bands: none 0, mild 1–3, moderate 4–6, severe 7–10.";
/// The mark beside a symptom that is severe or 3 or more worse.
pub const TELL_MARK: &str = "▲";
pub const TELL: &str = "tell your care team — call today if it is new or getting worse fast";
pub const PRIVACY: &str =
    "The app sends nothing to anyone. Your care team will not see these answers unless you show them.";
pub const NOTE_PROMPT: &str = "Anything else you want to tell your care team? (one line, or leave it empty)";
pub const NO_CHECKINS: &str = "No check-ins yet.";
pub const NO_FORM: &str = "This content pack has no check-in (no checkin.toml).";
pub const YOUR_NUMBER: &str = "Your care team's 24-hour number:";
pub const NO_NUMBER: &str =
    "You have not saved your care team's 24-hour number. Save it with: patient-tutor checkin number \"…\"";
pub const SAVED: &str = "Check-in saved.";
pub const DRAFT_SAVED: &str = "Not finished: your answers so far are kept. Run the check-in again to finish it.";
pub const REMINDERS_OFF: &str = "Check-in reminders are off. Turn them on with: patient-tutor checkin remind on";
pub const REMINDERS_ON: &str = "Check-in reminders are on: home says when your last check-in was a week or more ago.";

pub fn band(band: Band) -> &'static str {
    match band {
        Band::None => "none",
        Band::Mild => "mild",
        Band::Moderate => "moderate",
        Band::Severe => "severe",
    }
}

/// "up 3", "down 2", "same", or "first" (nothing to compare with).
pub fn change(change: Option<i16>) -> String {
    match change {
        None => "first".to_string(),
        Some(0) => "same".to_string(),
        Some(n) if n > 0 => format!("up {n}"),
        Some(n) => format!("down {}", -n),
    }
}

/// "Last check-in 8 days ago" for home's gentle reminder.
pub fn last_checkin(days: u64) -> String {
    match days {
        0 => "Last check-in today".to_string(),
        1 => "Last check-in yesterday".to_string(),
        n => format!("Last check-in {n} days ago"),
    }
}

/// A half-finished check-in: "Check-in started, 4 of 18 answered".
pub fn draft_progress(answered: usize, steps: usize) -> String {
    format!("Check-in not finished: {answered} of {steps} answered")
}

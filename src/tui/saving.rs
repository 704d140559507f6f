//! When the tutor saves, and what it does when a save fails: the answers stay in
//! memory, the footer says so until a save works, and tries again back off (2 s,
//! 4 s, … 32 s, then only when the person presses Ctrl-S), so a full disk never
//! turns into a tight loop. A lock held by another copy's save is never waited for
//! on the event loop: the save is tried again on the next tick.

use std::time::{Duration, Instant};

use super::action::Action;
use super::text;
use crate::progress::{Busy, LOCK_WAIT, Store};

/// The first wait after a failed save; it doubles after each failure.
const FIRST_RETRY: Duration = Duration::from_secs(2);
/// After this many failures in a row, no more tries until the person asks.
const MAX_TRIES: u32 = 5;
/// How long one try on the event loop waits for another copy's lock.
const TICK_WAIT: Duration = Duration::from_millis(100);
/// Another copy's lock is retried on each tick, this often.
const BUSY_RETRY: Duration = Duration::from_millis(250);

#[derive(Debug, Default)]
pub struct Saver {
    /// Failed saves in a row.
    failures: u32,
    /// When to try again (None: whenever there is something to save).
    retry_at: Option<Instant>,
    /// Tries stopped after [`MAX_TRIES`] failures; Ctrl-S starts them again.
    stopped: bool,
    /// Since when another copy's lock has kept this one from saving.
    busy_since: Option<Instant>,
}

impl Saver {
    /// A save is due (a change, or a retry): try it unless backing off.
    pub fn due(&self, now: Instant) -> bool {
        !self.stopped && self.retry_at.is_none_or(|at| now >= at)
    }

    /// Whether a try is waiting to happen (after a failure or a busy lock).
    pub fn retrying(&self) -> bool {
        self.retry_at.is_some() && !self.stopped
    }

    /// Ctrl-S: try now, and back off from the start again if it fails.
    pub fn ask(&mut self) {
        self.failures = 0;
        self.stopped = false;
        self.retry_at = None;
        self.busy_since = None;
    }

    /// Try a save on the event loop (never waiting long for another copy). The
    /// outcome is an action for `App::update`, which alone changes the app.
    pub fn try_save(&mut self, progress: &mut crate::progress::Progress, store: &Store) -> Action {
        let now = Instant::now();
        match store.save_with(progress, TICK_WAIT, &mut || {}) {
            Ok(()) => {
                *self = Saver::default();
                Action::Saved { notices: store.take_notices() }
            }
            Err(e) if e.is::<Busy>() && self.busy_since.is_none_or(|t| now - t < LOCK_WAIT) => {
                self.busy_since.get_or_insert(now);
                self.retry_at = Some(now + BUSY_RETRY);
                Action::SaveWaiting
            }
            Err(e) => {
                self.busy_since = None;
                self.failures += 1;
                if self.failures >= MAX_TRIES {
                    self.stopped = true;
                    self.retry_at = None;
                } else {
                    self.retry_at = Some(now + FIRST_RETRY * 2u32.pow(self.failures - 1));
                }
                Action::SaveFailed(text::save_failed(&format!("{e:#}")))
            }
        }
    }
}

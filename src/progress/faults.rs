//! Fault injection for the tests of the store's failure paths. TEST-ONLY: the
//! variable is not documented for users and changes nothing when unset.
//!
//! `PATIENT_TUTOR_FAULT` holds comma-separated faults:
//! * `flock`: the folder cannot be locked with flock (as on a file system without it);
//! * `replace`: replacing the progress file fails (as on a full disk);
//! * `fdatasync`: making the appended answers durable fails;
//! * `hold-lock=MS`: a save holds the folder lock MS milliseconds longer.

use std::time::Duration;

pub(super) const VAR: &str = "PATIENT_TUTOR_FAULT";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Faults {
    pub flock: bool,
    pub replace: bool,
    pub fdatasync: bool,
    pub hold_lock: Option<Duration>,
}

impl Faults {
    /// The faults named in the environment (none, normally).
    pub fn from_env() -> Faults {
        std::env::var(VAR).map(|v| Faults::parse(&v)).unwrap_or_default()
    }

    pub fn parse(spec: &str) -> Faults {
        let mut faults = Faults::default();
        for word in spec.split(',').map(str::trim) {
            match word.split_once('=') {
                Some(("hold-lock", ms)) => faults.hold_lock = ms.parse().ok().map(Duration::from_millis),
                _ => match word {
                    "flock" => faults.flock = true,
                    "replace" => faults.replace = true,
                    "fdatasync" => faults.fdatasync = true,
                    _ => {}
                },
            }
        }
        faults
    }
}

pub(super) fn injected(what: &str) -> std::io::Error {
    std::io::Error::other(format!("{what} failed (injected by {VAR}, for tests)"))
}

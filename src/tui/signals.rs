//! Signals the event loop answers: SIGTERM, SIGHUP (the terminal window closed) and
//! SIGINT save and quit; SIGTSTP suspends (put the terminal back, stop, and on `fg`
//! take it again and redraw); SIGCONT (after a stop we could not see) redraws.
//!
//! The handlers only set flags (async-signal-safe); the loop looks at them at least
//! every quarter second and does the work.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the loop should do about the signals that came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Save, put the terminal back and end.
    Quit,
    /// Save, put the terminal back and stop until continued.
    Suspend,
    /// We were stopped and continued: take the terminal again and redraw it whole.
    Resume,
}

#[derive(Debug, Default)]
pub struct Signals {
    quit: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resume: Arc<AtomicBool>,
}

impl Signals {
    /// Install the handlers (Unix; elsewhere nothing is ever requested).
    pub fn install() -> io::Result<Signals> {
        let signals = Signals::default();
        #[cfg(unix)]
        {
            use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
            use signal_hook::flag::register;
            for sig in [SIGTERM, SIGHUP, SIGINT] {
                register(sig, Arc::clone(&signals.quit))?;
            }
            register(SIGTSTP, Arc::clone(&signals.suspend))?;
            register(SIGCONT, Arc::clone(&signals.resume))?;
        }
        Ok(signals)
    }

    /// The most pressing request since the last call, if any.
    pub fn take(&self) -> Option<Request> {
        if self.quit.load(Ordering::SeqCst) {
            return Some(Request::Quit);
        }
        if self.suspend.swap(false, Ordering::SeqCst) {
            return Some(Request::Suspend);
        }
        if self.resume.swap(false, Ordering::SeqCst) {
            return Some(Request::Resume);
        }
        None
    }

    /// A signal asked the app to end (the terminal may be gone: errors writing to it
    /// are expected then).
    pub fn quitting(&self) -> bool {
        self.quit.load(Ordering::SeqCst)
    }

    /// Forget a SIGCONT we caused ourselves (the resume is already done).
    pub fn forget_resume(&self) {
        self.resume.store(false, Ordering::SeqCst);
    }
}

/// Stop this process until it is continued (`fg`). The caller has put the terminal back.
pub fn stop_self() -> io::Result<()> {
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::signal::SIGSTOP)?;
    Ok(())
}

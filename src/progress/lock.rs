//! One save at a time on a folder: an exclusive lock, waited for a bounded time.
//!
//! The lock is `flock` on the folder itself. Where the file system has no `flock`
//! (some network and FUSE file systems), a lock file `.patient-tutor.lock` made with
//! `O_EXCL` takes its place; it holds the holder's process id and the time, and one
//! whose process is gone, or older than [`STALE_AFTER`], is stale and taken over (a
//! save holds the lock for milliseconds). Saves never go on unlocked.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::faults::{Faults, injected};
use crate::words::t;

/// The lock file, where `flock` does not work.
pub const LOCK_FILE: &str = ".patient-tutor.lock";
/// A lock file older than this is left over from a copy that died while saving.
const STALE_AFTER: Duration = Duration::from_secs(30);
/// How long to sleep between tries.
const RETRY: Duration = Duration::from_millis(20);

/// Another copy of the app held the folder lock for longer than the save would wait.
#[derive(Debug)]
pub struct Busy;

impl std::fmt::Display for Busy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(t("progress.busy"))
    }
}

impl std::error::Error for Busy {}

/// The folder's lock, released when dropped.
#[derive(Debug)]
pub(super) enum FolderLock {
    /// Released by closing the folder.
    Flock(#[allow(dead_code)] fs::File),
    /// The lock file, and what we wrote in it (removed only if it still holds that).
    File(PathBuf, String),
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        if let FolderLock::File(path, ours) = self
            && read_small(path).is_ok_and(|held| held == *ours)
        {
            let _ = fs::remove_file(path);
        }
    }
}

/// Take the lock on `dir`, waiting at most `wait`; `on_wait` is called once if the
/// lock is not free at first (to say that another copy is saving).
pub(super) fn acquire(
    dir: &Path,
    wait: Duration,
    faults: &Faults,
    on_wait: &mut dyn FnMut(),
) -> io::Result<FolderLock> {
    let deadline = Instant::now() + wait;
    let folder = fs::File::open(dir).map_err(|e| super::files::named(dir, e))?;
    let mut told = false;
    let mut flock_works = !faults.flock;
    loop {
        if flock_works {
            let tried = if faults.flock { Err(fs::TryLockError::Error(injected("flock"))) } else { folder.try_lock() };
            match tried {
                Ok(()) => return Ok(FolderLock::Flock(folder)),
                Err(fs::TryLockError::WouldBlock) => {}
                // No flock here: the lock file instead, from now on.
                Err(fs::TryLockError::Error(_)) => flock_works = false,
            }
        }
        if !flock_works && let Some(lock) = try_lock_file(dir)? {
            return Ok(lock);
        }
        if Instant::now() >= deadline {
            return Err(io::Error::new(io::ErrorKind::WouldBlock, Busy));
        }
        if !told {
            told = true;
            on_wait();
        }
        std::thread::sleep(RETRY.min(deadline.saturating_duration_since(Instant::now())));
    }
}

/// Make the lock file, or take over a stale one; None if another copy holds it.
fn try_lock_file(dir: &Path) -> io::Result<Option<FolderLock>> {
    let path = dir.join(LOCK_FILE);
    let ours = format!("{} {} {}\n", std::process::id(), now_secs(), fastrand::u64(..));
    match super::files::open_write(&path, true) {
        Ok(mut file) => {
            file.write_all(ours.as_bytes()).map_err(|e| super::files::named(&path, e))?;
            Ok(Some(FolderLock::File(path, ours)))
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if let Ok(held) = read_small(&path)
                && is_stale(&path, &held)
                // Still the same stale lock (no other copy took it over meanwhile).
                && read_small(&path).is_ok_and(|again| again == held)
            {
                let _ = fs::remove_file(&path);
            }
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Stale: its process is gone, or it is too old (or unreadable and too old).
fn is_stale(path: &Path, held: &str) -> bool {
    let age = fs::symlink_metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    if age.is_some_and(|age| age > STALE_AFTER) {
        return true;
    }
    let pid = held.split_whitespace().next().and_then(|p| p.parse::<i32>().ok());
    pid.is_some_and(|pid| pid > 0 && !alive(pid))
}

#[cfg(unix)]
fn alive(pid: i32) -> bool {
    // SAFETY: kill with signal 0 only checks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn alive(_pid: i32) -> bool {
    true
}

fn read_small(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    let Some(file) = super::files::open_read(path)? else { return Err(io::ErrorKind::NotFound.into()) };
    file.take(256).read_to_string(&mut text)?;
    Ok(text)
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flockless() -> Faults {
        Faults { flock: true, ..Faults::default() }
    }

    #[test]
    fn the_lock_file_excludes_a_second_holder_and_is_removed_after() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), Duration::ZERO, &flockless(), &mut || {}).unwrap();
        assert!(dir.path().join(LOCK_FILE).exists());
        let mut told = 0;
        let second = acquire(dir.path(), Duration::from_millis(100), &flockless(), &mut || told += 1);
        assert!(second.unwrap_err().get_ref().is_some_and(|e| e.is::<Busy>()));
        assert_eq!(told, 1, "said once that another copy is saving");
        drop(first);
        assert!(!dir.path().join(LOCK_FILE).exists());
        drop(acquire(dir.path(), Duration::ZERO, &flockless(), &mut || {}).unwrap());
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOCK_FILE);
        // A process id that cannot be running.
        fs::write(&path, format!("{} 0 1\n", i32::MAX)).unwrap();
        let lock = acquire(dir.path(), Duration::from_millis(500), &flockless(), &mut || {}).unwrap();
        assert!(matches!(lock, FolderLock::File(..)));
        // An old one whose process is alive (ours): stale by age.
        drop(lock);
        fs::write(&path, format!("{} 0 1\n", std::process::id())).unwrap();
        let old = SystemTime::now() - Duration::from_secs(120);
        fs::File::options().write(true).open(&path).unwrap().set_modified(old).unwrap();
        drop(acquire(dir.path(), Duration::from_millis(500), &flockless(), &mut || {}).unwrap());
    }

    #[test]
    fn a_held_flock_is_waited_for_a_bounded_time() {
        let dir = tempfile::tempdir().unwrap();
        let holder = fs::File::open(dir.path()).unwrap();
        holder.lock().unwrap();
        let started = Instant::now();
        assert!(acquire(dir.path(), Duration::from_millis(200), &Faults::default(), &mut || {}).is_err());
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(holder);
        drop(acquire(dir.path(), Duration::ZERO, &Faults::default(), &mut || {}).unwrap());
    }
}

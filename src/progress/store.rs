//! Opening and saving the progress file.
//!
//! Saves are atomic: write a temporary file in the same folder, fsync it, rename it
//! over the old one, fsync the folder. A file that does not parse is never
//! overwritten: it is moved aside and the person is told where it went.
//!
//! The answer history (`Progress::attempts`) is kept in a second, append-only file
//! beside it (see [`super::history`]), so a save costs the same however long the
//! history: the progress file holds the small rest, the history file gets only the
//! new answers, appended (and fdatasync'd) before the progress file is replaced. A
//! progress file of the older layout, with `[[attempts]]` inside, is read as before;
//! its first save moves the answers over to the history file.
//!
//! Two copies of the app on one file (two terminal tabs) lose nothing: each save
//! works under a lock on the folder, merges the progress file if another copy saved
//! it since this one last read or wrote it (see [`super::merge`]), and takes in the
//! answers the other copy appended to the history since, reading only those.
//!
//! When things go wrong:
//! * A save that fails after appending answers (the progress file could not be
//!   replaced: a full disk, a read-only folder) records the append first, so the next
//!   try never appends them again; the caller keeps the answers in memory and tries
//!   again (the tutor with a back-off, see `tui::saving`).
//! * `progress reset` ([`reset`]) leaves an empty history of the next generation. A
//!   copy that sees a newer generation at its save drops all it held from before the
//!   reset and keeps only its unsaved answers given at or after it.
//! * The folder lock ([`super::lock`]) is waited for at most a given time (then the
//!   save fails with [`Busy`], changing nothing), and falls back to a lock file where
//!   `flock` does not work: saves never go on unlocked.
//! * The files are opened without following links and only if they are regular files
//!   ([`super::files`]); the history is compacted before it reaches its size limit,
//!   and no file is written that the store would refuse to read.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail};

use super::faults::{Faults, injected};
use super::files::{self, shown};
use super::history::{self, Ident, Mark, Since, history_path};
pub use super::lock::Busy;
use super::lock::{self};
use super::merge::{merge, union_multiset};
use super::model::{Attempt, Progress};
use crate::words::t;
use crate::{tf, tn};

/// The temporary file of a save: `.progress-XXXXXX.tmp` beside the progress file.
const TEMP_PREFIX: &str = ".progress-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file this old is left over from a save that was cut short.
const STALE_TEMP_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// A progress file larger than this is not read (it is moved aside like a broken one).
/// Without the answers it is a few KB; with them inline (the older layout) this is
/// about 100 000 answers, far more than a person gives.
pub const MAX_PROGRESS_BYTES: u64 = 16 * 1024 * 1024;

/// How long a save waits for another copy's save before it gives up with [`Busy`]
/// (a save takes milliseconds; this is a copy stuck or stopped while saving).
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// Counts an answer found in the history in the review schedule (`Progress::questions`),
/// for answers saved by a copy of the app stopped before it updated the schedule. The
/// quiz rules own the schedule, so the caller passes them in
/// (`crate::quiz::schedule_answer`).
pub type Schedule = fn(&mut Progress, &Attempt);

/// The default location: the platform's data folder (e.g. ~/.local/share/patient-tutor).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "patient-tutor").map(|dirs| dirs.data_dir().join("progress.toml"))
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    schedule: Schedule,
    /// The files as this copy last read or wrote them, to see another copy's saves.
    seen: Mutex<Seen>,
    /// Things to tell the person that came up while saving.
    notices: Mutex<Vec<String>>,
    /// Test-only faults to inject (see [`super::faults`]); none normally.
    faults: Faults,
    /// The person was told the history is getting large (once per run).
    warned_large: AtomicBool,
}

#[derive(Debug, Clone, Default)]
struct Seen {
    /// The progress file's text (None: there was no file, or it was unreadable).
    text: Option<String>,
    /// What that text holds, without answers: the common ancestor when merging.
    base: Progress,
    /// How much of the history file this copy holds: the first `history.lines` of
    /// `Progress::attempts`, the last of which is `last`. Those after it are new.
    history: Mark,
    last: Option<Attempt>,
}

impl Clone for Store {
    fn clone(&self) -> Self {
        Store {
            path: self.path.clone(),
            schedule: self.schedule,
            seen: Mutex::new(lock(&self.seen).clone()),
            notices: Mutex::new(lock(&self.notices).clone()),
            faults: self.faults,
            warned_large: AtomicBool::new(self.warned_large.load(Ordering::Relaxed)),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Parse the bytes of a progress file, or say in a few words why they are not one.
pub fn parse(bytes: &[u8]) -> std::result::Result<Progress, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| t("progress.not_utf8").to_string())?;
    toml::from_str::<Progress>(text).map_err(|e| describe_toml_error(text, &e))
}

/// Parse the bytes of an answer history file, or say why they are not one.
pub fn parse_history(bytes: &[u8]) -> std::result::Result<Vec<Attempt>, String> {
    history::parse_file(bytes).map(|(_, attempts, _)| attempts)
}

/// Read at most [`MAX_PROGRESS_BYTES`] + 1 bytes of `file`.
fn read_limited(file: fs::File) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(MAX_PROGRESS_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The progress file's bytes, None if there is none (never through a link, never a
/// FIFO or device).
fn read_progress_file(path: &Path) -> Result<Option<Vec<u8>>> {
    let read = files::open_read(path).and_then(|file| file.map(read_limited).transpose());
    read.with_context(|| File::Progress.cannot_read(path))
}

/// Parse what [`read_limited`] read.
fn parse_limited(bytes: &[u8]) -> std::result::Result<Progress, String> {
    if bytes.len() as u64 > MAX_PROGRESS_BYTES {
        return Err(tf!("progress.too_large", mib = MAX_PROGRESS_BYTES / 1024 / 1024));
    }
    parse(bytes)
}

/// The result of opening the store: the progress and anything the person must be told.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub progress: Progress,
    pub notices: Vec<String>,
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The answer history file that goes with the progress file.
    pub fn history_path(&self) -> PathBuf {
        history_path(&self.path)
    }

    /// Read the progress file at `path` and its answer history, or start fresh if
    /// there is none. Nothing is created on disk until the first save.
    pub fn open(path: &Path, schedule: Schedule) -> Result<Opened> {
        let store = Store {
            path: path.to_path_buf(),
            schedule,
            seen: Mutex::new(Seen::default()),
            notices: Mutex::new(Vec::new()),
            faults: Faults::from_env(),
            warned_large: AtomicBool::new(false),
        };
        store.remove_stale_temp_files();
        let mut notices = Vec::new();
        let (mut text, mut progress) = store.open_summary(&mut notices)?;
        let (mut attempts, mut mark) = store.open_history(&mut notices)?;
        if progress.generation < mark.generation {
            // Left by a reset cut short (it makes the new history, then removes
            // this): from before the reset, so not read.
            text = None;
            progress = Progress::default();
        } else if progress.generation > mark.generation {
            // A reset that kept My questions was cut short: it writes the progress
            // file first, then the history, so this history is from before the reset.
            // Not read; the first save writes it anew, of the reset's generation.
            attempts.clear();
            mark.generation = progress.generation;
        }
        progress.generation = mark.generation;
        // Answers inside the progress file (the older layout) are the newest: they go
        // after the history's and are appended to it at the next save.
        let inline = std::mem::take(&mut progress.attempts);
        let base = progress.clone();
        for attempt in attempts.get(progress.history_counted..).unwrap_or_default() {
            schedule(&mut progress, attempt);
        }
        progress.history_counted = mark.lines;
        *lock(&store.seen) = Seen { text, base, history: mark, last: attempts.last().cloned() };
        attempts.extend(inline);
        progress.attempts = attempts;
        Ok(Opened { store, progress, notices })
    }

    /// The progress file's text and what it holds; nothing and a fresh start if there
    /// is no file or it is unreadable (then it is moved aside, with a notice).
    fn open_summary(&self, notices: &mut Vec<String>) -> Result<(Option<String>, Progress)> {
        let path = &self.path;
        let context = || File::Progress.cannot_read(path);
        let Some(file) = files::open_read(path).with_context(context)? else {
            return Ok((None, Progress::default()));
        };
        notices.extend(tighten_permissions(&file, path, File::Progress)?);
        let bytes = read_limited(file).with_context(context)?;
        match parse_limited(&bytes) {
            Ok(progress) => Ok((String::from_utf8(bytes).ok(), progress)),
            Err(why) => {
                let aside = move_aside(path)?;
                notices.push(tf!("progress.progress_kept_aside", why = why, path = shown(&aside)));
                Ok((None, Progress::default()))
            }
        }
    }

    /// The answer history; none if there is no history file or it is unreadable (then
    /// it is moved aside, with a notice).
    fn open_history(&self, notices: &mut Vec<String>) -> Result<(Vec<Attempt>, Mark)> {
        let path = self.history_path();
        let context = || File::History.cannot_read(&path);
        if let Some(file) = files::open_read(&path).with_context(context)? {
            notices.extend(tighten_permissions(&file, &path, File::History)?);
        }
        match history::read(&path).with_context(context)? {
            Ok(None) => Ok((Vec::new(), Mark::default())),
            Ok(Some(history)) => Ok(history),
            Err(why) => {
                let aside = move_aside(&path)?;
                notices.push(tf!("progress.history_kept_aside", why = why, path = shown(&aside)));
                Ok((Vec::new(), Mark::default()))
            }
        }
    }

    /// Save `progress`, waiting up to [`LOCK_WAIT`] for another copy that is saving.
    pub fn save(&self, progress: &mut Progress) -> Result<()> {
        self.save_with(progress, LOCK_WAIT, &mut || {})
    }

    /// Save `progress`: its new answers are appended to the history file, then the
    /// progress file is replaced atomically with the rest (or left alone if that is
    /// unchanged). If another copy of the app saved since this one last read or
    /// wrote the files, its progress and answers are merged into `progress` first,
    /// so the files and `progress` hold both; if the progress was reset since, what
    /// this copy held from before the reset is dropped (see the module docs).
    ///
    /// Waits at most `wait` for another copy's save (calling `on_wait` once if it has
    /// to wait at all); then fails with [`Busy`], changing nothing.
    pub fn save_with(&self, progress: &mut Progress, wait: Duration, on_wait: &mut dyn FnMut()) -> Result<()> {
        let dir = self.dir();
        create_private_dir(&dir)?;
        // One save at a time on this folder: read, merge and write as one step.
        let _locked = match lock::acquire(&dir, wait, &self.faults, on_wait) {
            Ok(locked) => locked,
            Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Busy>()) => return Err(Busy.into()),
            Err(e) => return Err(e).with_context(|| tf!("progress.cannot_lock", path = shown(&dir))),
        };
        let mut seen = lock(&self.seen);
        // The answers are handled on their own: out of the way of merging and
        // writing the rest, which then never copies them.
        let mut attempts = std::mem::take(&mut progress.attempts);
        let saved = self.save_locked(&mut seen, progress, &mut attempts);
        progress.attempts = attempts;
        if let Some(hold) = self.faults.hold_lock {
            std::thread::sleep(hold);
        }
        saved
    }

    /// How many of `progress`'s answers are not in the history file yet (as far as
    /// this copy knows): what a failed save leaves unsaved.
    pub fn unsaved_answers(&self, progress: &Progress) -> usize {
        progress.attempts.len().saturating_sub(lock(&self.seen).history.lines)
    }

    fn save_locked(&self, seen: &mut Seen, progress: &mut Progress, attempts: &mut Vec<Attempt>) -> Result<()> {
        let on_disk = read_progress_file(&self.path)?;
        let mut since = self.history_since(seen)?;
        let on_disk_generation = match &since {
            Since::Appended { end, .. } | Since::Replaced(Some((_, end))) => end.generation,
            Since::Replaced(None) => 0,
        };
        if on_disk_generation > seen.history.generation {
            let reset = match &since {
                Since::Appended { end, .. } | Since::Replaced(Some((_, end))) => *end,
                Since::Replaced(None) => Mark::default(),
            };
            self.forget_before_reset(seen, progress, attempts, &reset);
            since = self.history_since(seen)?;
        }
        let counted_on_disk = self.merge_progress_file(seen, on_disk.as_deref(), progress, attempts)?;
        let mark = self.save_history(seen, since, counted_on_disk, progress, attempts)?;
        // The answers are in the history now: recorded at once, so that if replacing
        // the progress file fails below, the next save does not append them again.
        seen.history = mark;
        seen.last = attempts.last().cloned();

        progress.history_counted = mark.lines;
        progress.generation = mark.generation;
        let text = toml::to_string(&*progress.as_saved()).context(t("progress.cannot_write_toml"))?;
        if text.len() as u64 > MAX_PROGRESS_BYTES {
            // Never write a file the next start would refuse to read.
            bail!("{}", tf!("progress.too_large_to_save", mib = MAX_PROGRESS_BYTES / 1024 / 1024));
        }
        if on_disk.as_deref() != Some(text.as_bytes()) {
            write_atomically(&self.path, text.as_bytes(), File::Progress, self.faults.replace)?;
        }
        seen.text = Some(text);
        seen.base = progress.clone();
        Ok(())
    }

    /// What the history file holds since this copy last read or wrote it; a file that
    /// cannot be read as a history is moved aside (kept, never overwritten: if it
    /// cannot be moved, the save fails).
    fn history_since(&self, seen: &Seen) -> Result<Since> {
        let path = self.history_path();
        let since = history::since(&path, &seen.history).with_context(|| File::History.cannot_read(&path))?;
        Ok(match since {
            Ok(since) => since,
            Err(why) => {
                let aside = move_aside(&path)?;
                self.tell(tf!("progress.other_history_kept_aside", why = why, path = shown(&aside)));
                Since::Replaced(None)
            }
        })
    }

    /// The progress was reset (by `progress reset`) since this copy last saved: drop
    /// all it held from before, keeping only the answers it has not saved yet that
    /// were given at or after the reset, and, if the reset kept My questions, this
    /// copy's questions (merged with the kept ones at this save, as another copy's).
    fn forget_before_reset(&self, seen: &mut Seen, progress: &mut Progress, attempts: &mut Vec<Attempt>, reset: &Mark) {
        let Mark { generation, reset_at, kept_questions, .. } = *reset;
        let held = seen.history.lines;
        let ours_intact = attempts.len() >= held && (held == 0 || attempts.get(held - 1) == seen.last.as_ref());
        let unsaved = if ours_intact { &attempts[held..] } else { &attempts[..] };
        let kept: Vec<Attempt> = unsaved.iter().filter(|a| a.at >= reset_at).cloned().collect();
        // Still reading the same pack, with nothing from before.
        let fresh = Progress { generation, in_use: progress.in_use.clone(), ..Progress::default() };
        let mut base = fresh.clone();
        let mut ours = fresh;
        if kept_questions {
            base.my_questions = std::mem::take(&mut seen.base.my_questions);
            ours.my_questions = std::mem::take(&mut progress.my_questions);
        }
        *progress = ours;
        for attempt in &kept {
            (self.schedule)(progress, attempt);
        }
        *attempts = kept;
        let history = Mark { generation, reset_at, kept_questions, ..Mark::default() };
        *seen = Seen { text: None, base, history, last: None };
        self.tell(if kept_questions {
            t("progress.reset_elsewhere_keeping").to_string()
        } else {
            t("progress.reset_elsewhere").to_string()
        });
    }

    /// If another copy saved the progress file since this one last read or wrote it,
    /// merge what it holds into `progress` (and `attempts`, for answers an older
    /// version wrote inside it). Returns how many answers of the history file the
    /// review schedule on disk counts. An unreadable file is moved aside (an error if
    /// it cannot be: it is never overwritten). A file from before a reset is ignored.
    fn merge_progress_file(
        &self,
        seen: &Seen,
        on_disk: Option<&[u8]>,
        progress: &mut Progress,
        attempts: &mut Vec<Attempt>,
    ) -> Result<usize> {
        let Some(bytes) = on_disk else { return Ok(0) };
        if seen.text.as_deref().map(str::as_bytes) == Some(bytes) {
            return Ok(seen.base.history_counted);
        }
        match parse_limited(bytes) {
            Ok(theirs) if theirs.generation < seen.history.generation => Ok(0),
            Ok(mut theirs) => {
                let inline = std::mem::take(&mut theirs.attempts);
                *progress = merge(&seen.base, progress, &theirs);
                add_missing(attempts, inline);
                Ok(theirs.history_counted)
            }
            Err(why) => {
                let aside = move_aside(&self.path)?;
                self.tell(tf!("progress.other_progress_kept_aside", why = why, path = shown(&aside)));
                Ok(0)
            }
        }
    }

    /// Take in the answers other copies appended to the history file since this one
    /// last read or wrote it (counting in the schedule those that `counted_on_disk`
    /// says no schedule counts yet), then append ours. If the file was replaced or
    /// removed since, or our answers were changed rather than added to, or it has no
    /// header yet (an older version's), or appending would take it past
    /// [`history::COMPACT_AT_BYTES`], the two are merged as wholes and the file
    /// written anew (compacted if need be). Returns the file's new mark.
    fn save_history(
        &self,
        seen: &Seen,
        since: Since,
        counted_on_disk: usize,
        progress: &mut Progress,
        attempts: &mut Vec<Attempt>,
    ) -> Result<Mark> {
        let path = self.history_path();
        let held = seen.history.lines;
        let ours_intact = attempts.len() >= held && (held == 0 || attempts.get(held - 1) == seen.last.as_ref());
        let (theirs, like) = match since {
            Since::Appended { new, end } if ours_intact => {
                let uncounted = counted_on_disk.saturating_sub(held);
                for attempt in new.iter().skip(uncounted) {
                    (self.schedule)(progress, attempt);
                }
                attempts.splice(held..held, new);
                if attempts.len() == end.lines && end.ident != Ident::Legacy {
                    return Ok(end);
                }
                let bytes = history::contents(&attempts[end.lines..])?;
                if end.ident != Ident::Legacy && end.len + bytes.len() as u64 <= history::COMPACT_AT_BYTES {
                    let mark = history::append(&path, &end, &attempts[end.lines..], &self.faults)
                        .with_context(|| File::History.cannot_save(&path))?;
                    self.warn_if_large(&mark);
                    return Ok(mark);
                }
                // Written whole: all we hold now includes theirs.
                (Vec::new(), end)
            }
            Since::Appended { new, end } => (new, end),
            Since::Replaced(Some((all, end))) => (all, end),
            Since::Replaced(None) => (Vec::new(), seen.history.none_of()),
        };
        if !theirs.is_empty() {
            let base = if ours_intact { &attempts[..held] } else { &[] };
            *attempts = union_multiset(base, attempts, &theirs, Attempt::identity, |a| a.at);
        }
        let mut like = Mark { generation: like.generation.max(seen.history.generation), ..like };
        let (mut bytes, mut mark) = history::whole_contents(&like, attempts)?;
        if bytes.len() as u64 > history::COMPACT_AT_BYTES {
            let dropped = history::compact(attempts)?;
            like.dropped += dropped as u64;
            (bytes, mark) = history::whole_contents(&like, attempts)?;
            self.tell(tn!("progress.history_compacted", dropped, mib = history::COMPACT_AT_BYTES / 1024 / 1024));
        }
        write_atomically(&path, &bytes, File::History, false)?;
        self.warn_if_large(&mark);
        Ok(mark)
    }

    /// Once per run: the history is getting near the size at which it is compacted.
    fn warn_if_large(&self, mark: &Mark) {
        if mark.len > history::WARN_HISTORY_BYTES && !self.warned_large.swap(true, Ordering::Relaxed) {
            self.tell(tf!(
                "progress.history_large",
                mib = mark.len / 1024 / 1024,
                limit = history::COMPACT_AT_BYTES / 1024 / 1024
            ));
        }
    }

    fn tell(&self, notice: String) {
        lock(&self.notices).push(notice);
    }

    /// A save cut short (the process killed between writing the temporary file and
    /// renaming it) leaves the temporary file behind. Remove ours that are old enough
    /// that no save can still be using them.
    fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(self.dir()) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
                continue;
            }
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= STALE_TEMP_AFTER));
            if old && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Anything that came up while saving that the person should be told (once).
    pub fn take_notices(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.notices))
    }

    fn dir(&self) -> PathBuf {
        folder_of(&self.path)
    }
}

/// Which of the two files a message is about. Each has its own sentences: a file's
/// name put into one sentence would not fit every language's grammar.
#[derive(Debug, Clone, Copy)]
enum File {
    Progress,
    History,
}

impl File {
    fn cannot_read(self, path: &Path) -> String {
        match self {
            File::Progress => tf!("progress.cannot_read_progress", path = shown(path)),
            File::History => tf!("progress.cannot_read_history", path = shown(path)),
        }
    }

    fn cannot_save(self, path: &Path) -> String {
        match self {
            File::Progress => tf!("progress.cannot_save_progress", path = shown(path)),
            File::History => tf!("progress.cannot_save_history", path = shown(path)),
        }
    }

    fn cannot_save_temp(self, dir: &Path) -> String {
        match self {
            File::Progress => tf!("progress.cannot_save_progress_temp", dir = shown(dir)),
            File::History => tf!("progress.cannot_save_history_temp", dir = shown(dir)),
        }
    }

    fn cannot_make_private(self, path: &Path) -> String {
        match self {
            File::Progress => tf!("progress.cannot_make_progress_private", path = shown(path)),
            File::History => tf!("progress.cannot_make_history_private", path = shown(path)),
        }
    }

    /// `mode` is written in octal, as `ls -l` and `chmod` show it.
    fn made_private(self, path: &Path, mode: u32) -> String {
        let mode = format!("{mode:o}");
        match self {
            File::Progress => tf!("progress.progress_made_private", path = shown(path), mode = mode),
            File::History => tf!("progress.history_made_private", path = shown(path), mode = mode),
        }
    }
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Atomically replace the file at `path` with `bytes`: a temporary file in the same
/// folder, fsync, rename, fsync the folder. `what` names the file in messages;
/// `fault`: fail as a full disk would (tests only).
fn write_atomically(path: &Path, bytes: &[u8], what: File, fault: bool) -> Result<()> {
    let dir = folder_of(path);
    let context = || what.cannot_save(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .with_context(|| what.cannot_save_temp(&dir))?;
    tmp.write_all(bytes).with_context(context)?;
    tmp.as_file().sync_all().with_context(context)?;
    set_mode(tmp.path(), 0o600).with_context(context)?;
    if fault {
        return Err(injected("rename")).with_context(context);
    }
    tmp.persist(path).map_err(|e| e.error).with_context(context)?;
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Rename an unreadable file to `<name>.corrupt-<unix time>`, never over another.
fn move_aside(path: &Path) -> Result<PathBuf> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("progress.toml");
    let dir = folder_of(path);
    let mut aside = dir.join(format!("{name}.corrupt-{secs}"));
    let mut n = 1;
    while aside.exists() {
        aside = dir.join(format!("{name}.corrupt-{secs}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside).with_context(|| tf!("progress.cannot_move_aside", path = shown(path)))?;
    Ok(aside)
}

/// Answers an older version of the app wrote inside the progress file: add those
/// `attempts` does not have yet (by value, counting repeats).
fn add_missing(attempts: &mut Vec<Attempt>, inline: Vec<Attempt>) {
    if inline.is_empty() {
        return;
    }
    let mut have: std::collections::HashMap<Attempt, usize> = std::collections::HashMap::new();
    for a in attempts.iter() {
        *have.entry(a.clone()).or_default() += 1;
    }
    for a in inline {
        match have.get_mut(&a) {
            Some(n) if *n > 0 => *n -= 1,
            _ => attempts.push(a),
        }
    }
}

fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let first = e.message().lines().next().unwrap_or("").trim();
    match e.span() {
        Some(span) => {
            let line = text.as_bytes()[..span.start.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1;
            tf!("progress.at_line", line = line, problem = first)
        }
        None => first.to_string(),
    }
}

fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).with_context(|| tf!("progress.cannot_create_folder", path = shown(dir)))
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Progress is health information: others must not read it. Tighten a looser file
/// (through the open file, so never through a link to another one).
#[cfg(unix)]
fn tighten_permissions(file: &fs::File, path: &Path, what: File) -> Result<Option<String>> {
    use std::os::unix::fs::PermissionsExt;
    let context = || what.cannot_make_private(path);
    let mode = file.metadata().with_context(context)?.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(None);
    }
    file.set_permissions(fs::Permissions::from_mode(0o600)).with_context(context)?;
    Ok(Some(what.made_private(path, mode)))
}

#[cfg(not(unix))]
fn tighten_permissions(_file: &fs::File, _path: &Path, _what: File) -> Result<Option<String>> {
    Ok(None)
}

/// `progress reset`: erase the progress and its answer history, for good, even for a
/// copy of the app still running. Under the folder lock, the history is replaced by
/// an empty one of the next generation (which a running copy sees at its next save,
/// and then drops what it held from before), then the progress file is removed.
/// Returns the files erased; none if there was nothing to reset.
pub fn reset(path: &Path, now: u64) -> Result<Vec<PathBuf>> {
    reset_keeping(path, now, false)
}

/// [`reset`], or with `keep_questions` (`progress reset --keep-questions`): the same,
/// but My questions (with their notes) stay. The progress file is then replaced by
/// one of the next generation holding only them, before the history is (a reset cut
/// short between the two leaves a progress file newer than the history, which
/// `Store::open` reads as the reset done: see there). A progress file that cannot be
/// read is an error, and nothing is changed: its questions could not be kept.
pub fn reset_keeping(path: &Path, now: u64, keep_questions: bool) -> Result<Vec<PathBuf>> {
    let history = history_path(path);
    let mut found = Vec::new();
    for file in [path, history.as_path()] {
        if files::check(file).with_context(|| tf!("progress.cannot_reset", path = shown(file)))?.is_some() {
            found.push(file.to_path_buf());
        }
    }
    if found.is_empty() {
        return Ok(found);
    }
    let dir = folder_of(path);
    let _locked = match lock::acquire(&dir, LOCK_WAIT, &Faults::from_env(), &mut || {}) {
        Ok(locked) => locked,
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Busy>()) => return Err(Busy.into()),
        Err(e) => return Err(e).with_context(|| tf!("progress.cannot_lock", path = shown(&dir))),
    };
    // The generation to leave: one more than either file's (unreadable: 0).
    let of_history = match history::read(&history) {
        Ok(Ok(Some((_, mark)))) => mark.generation,
        _ => 0,
    };
    let on_disk = match read_progress_file(path) {
        Ok(bytes) => bytes,
        // Its questions could not be kept: stop before anything is changed.
        Err(e) if keep_questions => return Err(e),
        Err(_) => None,
    };
    let parsed = on_disk.as_deref().map(parse_limited);
    let of_progress = match &parsed {
        Some(Ok(p)) => p.generation,
        _ => 0,
    };
    let generation = of_history.max(of_progress) + 1;
    if keep_questions {
        let questions = match parsed {
            None => Vec::new(),
            // From before a reset cut short: already erased.
            Some(Ok(p)) if p.generation < of_history => Vec::new(),
            Some(Ok(p)) => p.my_questions,
            Some(Err(why)) => {
                bail!("{}", tf!("progress.reset_cannot_keep", path = shown(path), why = why))
            }
        };
        let kept = Progress { generation, my_questions: questions, ..Progress::default() };
        let text = toml::to_string(&kept).context(t("progress.cannot_write_toml"))?;
        write_atomically(path, text.as_bytes(), File::Progress, false)?;
    }
    let like = Mark { generation, reset_at: now, kept_questions: keep_questions, ..Mark::default() };
    let (bytes, _) = history::whole_contents(&like, &[])?;
    write_atomically(&history, &bytes, File::History, false)?;
    if !keep_questions {
        match fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| tf!("progress.cannot_remove", path = shown(path))),
        }
    }
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(found)
}

/// What the files at `path` hold, read without changing anything (nothing moved
/// aside, nothing tightened; never through a link, never a FIFO): None if neither
/// can be read. For `progress reset` to say what it will erase.
pub fn peek(path: &Path) -> Option<Progress> {
    let mut progress = read_progress_file(path).ok().flatten().and_then(|b| parse_limited(&b).ok());
    if let Ok(Ok(Some((attempts, _)))) = history::read(&history_path(path)) {
        progress.get_or_insert_with(Progress::default).attempts = attempts;
    }
    progress
}

/// The language chosen in the tutor and kept in the progress file at `path`, if any.
/// Only the small progress file is read (not the history), and nothing is changed:
/// the words are chosen before anything else is opened.
pub fn saved_language(path: &Path) -> Option<String> {
    let bytes = read_progress_file(path).ok().flatten()?;
    parse_limited(&bytes).ok()?.language
}

/// The app's own folder (the default place, not one the person named) is private too:
/// a looser one is tightened to 700, with a notice.
#[cfg(unix)]
pub fn tighten_folder(dir: &Path) -> Result<Option<String>> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = fs::metadata(dir) else { return Ok(None) };
    let mode = meta.permissions().mode() & 0o777;
    if !meta.is_dir() || mode & 0o077 == 0 {
        return Ok(None);
    }
    set_mode(dir, 0o700).with_context(|| tf!("progress.cannot_make_folder_private", path = shown(dir)))?;
    Ok(Some(tf!("progress.folder_made_private", path = shown(dir), mode = format!("{mode:o}"))))
}

#[cfg(not(unix))]
pub fn tighten_folder(_dir: &Path) -> Result<Option<String>> {
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::schedule_answer;

    /// Write a file as the app would find it: private, so no permission notice.
    fn write_private(path: &Path, bytes: impl AsRef<[u8]>) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
        set_mode(path, 0o600).unwrap();
    }

    fn temp_store() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/progress.toml");
        (dir, path)
    }

    #[test]
    fn missing_file_starts_fresh_and_creates_nothing() {
        let (_dir, path) = temp_store();
        let opened = Store::open(&path, schedule_answer).unwrap();
        assert_eq!(opened.progress, Progress::default());
        assert!(opened.notices.is_empty());
        assert!(!path.exists());
    }

    #[test]
    fn save_then_open_round_trips() {
        let (_dir, path) = temp_store();
        let opened = Store::open(&path, schedule_answer).unwrap();
        let mut p = opened.progress;
        p.notice_seen = true;
        p.record_position("staging", 321, 55, false);
        opened.store.save(&mut p).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("schema = 1\n"), "{text}");
        let again = Store::open(&path, schedule_answer).unwrap();
        assert_eq!(again.progress, p);
        assert!(again.notices.is_empty());
    }

    #[test]
    fn every_kind_of_progress_round_trips() {
        let (_dir, path) = temp_store();
        let opened = Store::open(&path, schedule_answer).unwrap();
        let mut p = opened.progress;
        p.notice_seen = true;
        p.record_position("staging", 321, 55, false);
        p.mark_explored("lungs");
        p.mark_explored("brain");
        crate::quiz::record_answer(&mut p, "staging-m1", &[2], true, 1_000);
        let mut undo = crate::notebook::Undo::default();
        let mut book = crate::notebook::Notebook::new(&mut p, &mut undo);
        book.add("What does M1 mean for me?", Some("staging"), Some("what-m1-means"), 5).unwrap();
        book.add("Who do I call at night?", None, None, 6).unwrap();
        book.set_note(0, "It means the cancer has spread.").unwrap();
        book.toggle_asked(0);
        opened.store.save(&mut p).unwrap();
        let again = Store::open(&path, schedule_answer).unwrap();
        assert_eq!(again.progress, p);
        assert_eq!(again.progress.explored_sites, vec!["brain", "lungs"]);
    }

    #[cfg(unix)]
    #[test]
    fn file_and_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = temp_store();
        let mut opened = Store::open(&path, schedule_answer).unwrap();
        opened.store.save(&mut opened.progress).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        // A looser existing file is tightened, with a notice.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let again = Store::open(&path, schedule_answer).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert!(again.notices[0].contains("now private"), "{:?}", again.notices);
    }

    #[test]
    fn corrupt_file_is_moved_aside_never_overwritten() {
        let (_dir, path) = temp_store();
        let garbage = "schema = 1\n[lessons.staging\noffset = 3\n";
        write_private(&path, garbage);
        let opened = Store::open(&path, schedule_answer).unwrap();
        assert_eq!(opened.progress, Progress::default());
        assert_eq!(opened.notices.len(), 1);
        let notice = &opened.notices[0];
        assert!(notice.contains("line 2"), "{notice}");
        let aside: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(notice.contains(&aside[0].display().to_string()));
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
        // Saving a fresh file leaves the kept copy alone.
        let mut fresh = opened.progress.clone();
        opened.store.save(&mut fresh).unwrap();
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    }

    #[test]
    fn non_utf8_file_is_moved_aside() {
        let (_dir, path) = temp_store();
        write_private(&path, [0xff, 0xfe, 0x00]);
        let opened = Store::open(&path, schedule_answer).unwrap();
        assert!(opened.notices[0].contains("not UTF-8"));
        assert!(!path.exists());
    }

    // ------------------------------------------------ the answer history file

    fn attempt(at: u64) -> Attempt {
        Attempt::answer(at, &format!("staging-q{}", at % 7), &[(at % 3) as usize], at.is_multiple_of(2))
    }

    /// `n` answers recorded as the quiz records them (schedule and history).
    fn answered(n: u64) -> Progress {
        let mut p = Progress { notice_seen: true, ..Default::default() };
        for at in 0..n {
            let a = attempt(at * 1000);
            crate::quiz::record_answer(&mut p, &a.question, &a.chosen, a.correct, a.at);
        }
        p
    }

    /// A store whose files hold `n` answers, and the progress it saved.
    fn saved_with(n: u64) -> (tempfile::TempDir, PathBuf, Store, Progress) {
        let (dir, path) = temp_store();
        let store = Store::open(&path, schedule_answer).unwrap().store;
        let mut p = answered(n);
        store.save(&mut p).unwrap();
        (dir, path, store, p)
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).unwrap().ino()
    }

    #[test]
    fn answers_go_to_the_history_file_and_saves_append_only_new_ones() {
        let (_dir, path, store, mut p) = saved_with(1000);
        let summary = fs::read_to_string(&path).unwrap();
        assert!(!summary.contains("attempts"), "{summary}");
        assert!(summary.contains("history_counted = 1000"), "{summary}");
        let history = store.history_path();
        assert_eq!(history, path.with_file_name("progress.history.jsonl"));
        let size = fs::metadata(&history).unwrap().len();
        assert_eq!(fs::read_to_string(&history).unwrap().lines().count(), 1001, "a header, then one line per answer");

        // A save with nothing new writes nothing at all.
        #[cfg(unix)]
        let before = inode(&path);
        store.save(&mut p).unwrap();
        assert_eq!(fs::metadata(&history).unwrap().len(), size);
        #[cfg(unix)]
        assert_eq!(inode(&path), before, "the progress file was not rewritten");

        // A new answer is one line appended.
        let a = attempt(1_000_001);
        crate::quiz::record_answer(&mut p, &a.question, &a.chosen, a.correct, a.at);
        store.save(&mut p).unwrap();
        let grown = fs::metadata(&history).unwrap().len();
        assert!(grown > size && grown < size + 100, "{size} → {grown}");
        let again = Store::open(&path, schedule_answer).unwrap();
        assert!(again.notices.is_empty(), "{:?}", again.notices);
        assert_eq!(again.progress, p);

        // The reopened store appends after what it read.
        let mut q = again.progress;
        q.attempts.push(attempt(1_000_002));
        again.store.save(&mut q).unwrap();
        assert_eq!(on_disk(&path).attempts, q.attempts);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&history).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn answers_saved_before_the_schedule_was_are_counted_when_read() {
        // A copy killed between appending an answer and saving the progress file
        // leaves an answer the review schedule does not count yet.
        let (_dir, path, store, mut p) = saved_with(3);
        let mut killed = p.clone();
        crate::quiz::record_answer(&mut killed, "late", &[1], false, 50_000);
        let history = store.history_path();
        let line = history::contents(&killed.attempts[3..]).unwrap();
        fs::OpenOptions::new().append(true).open(&history).unwrap().write_all(&line).unwrap();

        // Opened: counted.
        killed.history_counted = 4;
        assert_eq!(on_disk(&path), killed);
        // Seen by a copy that was open all along, at its next save: counted too, once.
        store.save(&mut p).unwrap();
        assert_eq!(p, killed);
        store.save(&mut p).unwrap();
        assert_eq!(on_disk(&path), killed);
        assert!(fs::read_to_string(&path).unwrap().contains("history_counted = 4"));
    }

    #[test]
    fn a_lost_progress_file_gets_its_review_schedule_back_from_the_history() {
        let (_dir, path, _store, p) = saved_with(40);
        write_private(&path, "not toml [");
        let again = Store::open(&path, schedule_answer).unwrap();
        assert!(again.notices[0].contains("progress file could not be read"), "{:?}", again.notices);
        assert_eq!(again.progress.attempts, p.attempts);
        assert_eq!(again.progress.questions, p.questions);
    }

    #[test]
    fn answers_in_an_older_progress_file_are_read_and_moved_to_the_history() {
        let (_dir, path) = temp_store();
        let text = "schema = 1\nnotice_seen = true\n\n[questions.staging-q5]\nbox = 1\nlast = 5\n\n[[attempts]]\nat = 5\nquestion = \"staging-q5\"\nchosen = [2]\ncorrect = false\n\n[[attempts]]\nat = 6\nquestion = \"staging-q6\"\nchosen = [0]\ncorrect = true\n";
        write_private(&path, text);
        let mut opened = Store::open(&path, schedule_answer).unwrap();
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        assert_eq!(opened.progress.attempts, vec![attempt(5), attempt(6)]);
        assert_eq!(opened.progress.questions.len(), 1, "answers inline are counted already");
        opened.store.save(&mut opened.progress).unwrap();
        assert!(!fs::read_to_string(&path).unwrap().contains("attempts"));
        assert_eq!(on_disk(&path), opened.progress);
    }

    #[test]
    fn an_unreadable_history_is_moved_aside_and_the_rest_still_opens() {
        let (_dir, path, store, _p) = saved_with(2);
        let history = store.history_path();
        write_private(&history, "garbage\n{\"at\":1}\n");
        let again = Store::open(&path, schedule_answer).unwrap();
        assert!(again.progress.notice_seen);
        assert!(again.progress.attempts.is_empty());
        assert!(again.notices[0].contains("answer history could not be read (line 1"), "{:?}", again.notices);
        assert!(!history.exists());
        let aside = again.notices[0].split("kept as ").nth(1).unwrap().split(" and a fresh").next().unwrap();
        assert_eq!(fs::read_to_string(aside).unwrap(), "garbage\n{\"at\":1}\n", "kept, never overwritten");
    }

    #[test]
    fn a_history_replaced_or_removed_under_a_copy_is_merged_whole() {
        let (_dir, path) = temp_store();
        let Opened { store: a, progress: mut pa, .. } = Store::open(&path, schedule_answer).unwrap();
        pa.attempts = vec![attempt(1), attempt(2)];
        a.save(&mut pa).unwrap();
        // Someone rewrote the history with one more answer (a new file, same name).
        let history = a.history_path();
        let tmp = history.with_extension("tmp");
        fs::write(&tmp, history::contents(&[attempt(1), attempt(2), attempt(3)]).unwrap()).unwrap();
        fs::rename(&tmp, &history).unwrap();
        pa.attempts.push(attempt(4));
        a.save(&mut pa).unwrap();
        assert_eq!(on_disk(&path).attempts, [attempt(1), attempt(2), attempt(3), attempt(4)]);
        // Both files removed (a reset elsewhere): the open copy writes all it holds.
        fs::remove_file(&history).unwrap();
        fs::remove_file(&path).unwrap();
        a.save(&mut pa).unwrap();
        assert_eq!(on_disk(&path).attempts, pa.attempts);
        // Answers changed in memory rather than added to: the file is written anew.
        pa.attempts.truncate(1);
        a.save(&mut pa).unwrap();
        assert_eq!(on_disk(&path).attempts, [attempt(1)]);
    }

    #[test]
    fn unknown_keys_from_newer_versions_are_kept() {
        let (_dir, path) = temp_store();
        let text = "schema = 1\nnotice_seen = true\ntheme = \"dark\"\n\n[lessons.staging]\noffset = 5\npercent = 10\nread = false\nbookmark = 7\n\n[future_feature]\nenabled = true\n";
        write_private(&path, text);
        let opened = Store::open(&path, schedule_answer).unwrap();
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        let mut p = opened.progress;
        p.record_position("staging", 9, 20, false);
        opened.store.save(&mut p).unwrap();
        let saved: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(saved["theme"].as_str(), Some("dark"));
        assert_eq!(saved["future_feature"]["enabled"].as_bool(), Some(true));
        assert_eq!(saved["lessons"]["staging"]["bookmark"].as_integer(), Some(7));
        assert_eq!(saved["lessons"]["staging"]["offset"].as_integer(), Some(9));
    }

    // ------------------------------------------------ two copies on one file

    use crate::quiz::record_answer;

    fn answer(p: &mut Progress, question: &str, at: u64) {
        record_answer(p, question, &[0], true, at);
    }

    fn on_disk(path: &Path) -> Progress {
        let opened = Store::open(path, schedule_answer).unwrap();
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        opened.progress
    }

    fn questions_in(p: &Progress) -> Vec<&str> {
        p.attempts.iter().map(|a| a.question.as_str()).collect()
    }

    /// Two copies open the same file; `first` saves, then the other, then `first` again.
    fn two_copies(first_is_a: bool) {
        let (_dir, path) = temp_store();
        let mut start = Progress { notice_seen: true, ..Default::default() };
        answer(&mut start, "q0", 1);
        Store::open(&path, schedule_answer).unwrap().store.save(&mut start).unwrap();

        let Opened { store: a, progress: mut pa, .. } = Store::open(&path, schedule_answer).unwrap();
        let Opened { store: b, progress: mut pb, .. } = Store::open(&path, schedule_answer).unwrap();
        answer(&mut pa, "a1", 10);
        pa.record_position("staging", 400, 50, false);
        answer(&mut pb, "b1", 20);
        pb.record_position("symptoms", 900, 100, true);
        pb.mark_explored("liver");

        let (first, pfirst, second, psecond) =
            if first_is_a { (&a, &mut pa, &b, &mut pb) } else { (&b, &mut pb, &a, &mut pa) };
        first.save(pfirst).unwrap();
        second.save(psecond).unwrap();
        let file = on_disk(&path);
        // Answers are kept in the order they were saved.
        let saved_order = if first_is_a { ["q0", "a1", "b1"] } else { ["q0", "b1", "a1"] };
        assert_eq!(questions_in(&file), saved_order);
        assert_eq!(file.lessons["staging"].offset, 400);
        assert!(file.lessons["symptoms"].read);
        assert_eq!(file.explored_sites, ["liver"]);
        // The copy that saved second now holds both, in memory too.
        assert_eq!(*psecond, file);

        // The first copy answers again: it merges what the second wrote.
        answer(pfirst, "again", 30);
        first.save(pfirst).unwrap();
        let file = on_disk(&path);
        let all = [&saved_order[..], &["again"]].concat();
        assert_eq!(questions_in(&file), all);
        assert_eq!(file.lessons.len(), 2);
        assert_eq!(*pfirst, file);
        // Saving with no change from anyone changes nothing.
        let text = fs::read_to_string(&path).unwrap();
        let history = fs::read_to_string(a.history_path()).unwrap();
        second.save(psecond).unwrap();
        assert_eq!(questions_in(&on_disk(&path)), all);
        assert_eq!(*psecond, file);
        first.save(pfirst).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        assert_eq!(fs::read_to_string(a.history_path()).unwrap(), history);
    }

    #[test]
    fn two_copies_lose_nothing_when_a_saves_first() {
        two_copies(true);
    }

    #[test]
    fn two_copies_lose_nothing_when_b_saves_first() {
        two_copies(false);
    }

    #[test]
    fn two_copies_starting_with_no_file_lose_nothing() {
        let (_dir, path) = temp_store();
        let Opened { store: a, progress: mut pa, .. } = Store::open(&path, schedule_answer).unwrap();
        let Opened { store: b, progress: mut pb, .. } = Store::open(&path, schedule_answer).unwrap();
        answer(&mut pa, "a", 1);
        answer(&mut pb, "b", 2);
        a.save(&mut pa).unwrap();
        b.save(&mut pb).unwrap();
        assert_eq!(questions_in(&on_disk(&path)), ["a", "b"]);
    }

    #[test]
    fn a_broken_file_written_by_someone_else_is_kept_aside_at_save() {
        let (_dir, path) = temp_store();
        let Opened { store, mut progress, .. } = Store::open(&path, schedule_answer).unwrap();
        write_private(&path, "not = [valid");
        answer(&mut progress, "a", 1);
        store.save(&mut progress).unwrap();
        assert_eq!(questions_in(&on_disk(&path)), ["a"]);
        let notices = store.take_notices();
        assert!(notices[0].contains("could not be read"), "{notices:?}");
        assert!(store.take_notices().is_empty(), "told once");
    }

    #[test]
    fn a_broken_history_written_by_someone_else_is_kept_aside_at_save() {
        let (_dir, path, store, mut p) = saved_with(3);
        let history = store.history_path();
        write_private(&history, "{\"at\":1}\n");
        answer(&mut p, "more", 99_000);
        store.save(&mut p).unwrap();
        let notices = store.take_notices();
        assert!(notices[0].contains("answer history could not be read (line 1: not an answer"), "{notices:?}");
        // Ours are all written anew; theirs is kept as it was.
        assert_eq!(on_disk(&path).attempts, p.attempts);
        assert_eq!(p.attempts.len(), 4);
        let kept: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("history.jsonl.corrupt-"))
            .collect();
        assert_eq!(fs::read_to_string(&kept[0]).unwrap(), "{\"at\":1}\n");
    }

    #[test]
    fn an_oversized_file_is_moved_aside_without_being_read_whole() {
        let (_dir, path) = temp_store();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let file = fs::File::create(&path).unwrap();
        // Sparse: 64 GiB on paper, nothing on disk.
        file.set_len(64 << 30).unwrap();
        set_mode(&path, 0o600).unwrap();
        let opened = Store::open(&path, schedule_answer).unwrap();
        assert!(opened.notices[0].contains("larger than 16 MiB"), "{:?}", opened.notices);
        assert!(!path.exists());
    }

    #[test]
    fn temporary_files_left_by_a_killed_save_are_removed_when_old() {
        let (_dir, path) = temp_store();
        let dir = path.parent().unwrap();
        fs::create_dir_all(dir).unwrap();
        let old = dir.join(".progress-AbC123.tmp");
        let recent = dir.join(".progress-XyZ789.tmp");
        let other = dir.join("notes.tmp");
        for p in [&old, &recent, &other] {
            fs::write(p, "x").unwrap();
        }
        let two_hours_ago = SystemTime::now() - std::time::Duration::from_secs(7200);
        for p in [&old, &other] {
            fs::File::options().write(true).open(p).unwrap().set_modified(two_hours_ago).unwrap();
        }
        Store::open(&path, schedule_answer).unwrap();
        assert!(!old.exists(), "an old leftover of ours is removed");
        assert!(recent.exists(), "another copy may be saving with this one");
        assert!(other.exists(), "not ours");
    }

    #[cfg(unix)]
    #[test]
    fn the_apps_own_folder_is_tightened_with_a_notice() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("patient-tutor");
        fs::create_dir(&own).unwrap();
        fs::set_permissions(&own, fs::Permissions::from_mode(0o755)).unwrap();
        let notice = tighten_folder(&own).unwrap().unwrap();
        assert!(notice.contains("now private (700)"), "{notice}");
        assert_eq!(fs::metadata(&own).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(tighten_folder(&own).unwrap(), None);
    }

    fn my_question(id: u64, text: &str, note: &str) -> crate::notebook::MyQuestion {
        crate::notebook::MyQuestion {
            id,
            text: text.to_string(),
            lesson: None,
            section: None,
            asked: false,
            note: note.to_string(),
            added: id,
            extra: toml::Table::new(),
        }
    }

    fn texts(p: &Progress) -> Vec<(&str, &str)> {
        p.my_questions.iter().map(|q| (q.text.as_str(), q.note.as_str())).collect()
    }

    /// `progress reset --keep-questions` with two copies open: the questions stay
    /// (with their notes), on disk and for both copies; nothing else from before the
    /// reset comes back, whichever copy saves; a copy's questions not saved yet stay.
    #[test]
    fn a_reset_keeping_questions_keeps_them_for_copies_still_open_and_erases_the_rest() {
        let (_dir, path) = temp_store();
        let mut start = Progress { notice_seen: true, ..Default::default() };
        answer(&mut start, "old", 1);
        start.record_position("staging", 400, 50, false);
        start.mark_explored("liver");
        start.my_questions = vec![my_question(1, "Can I travel?", "Yes, with a letter")];
        Store::open(&path, schedule_answer).unwrap().store.save(&mut start).unwrap();

        let Opened { store: a, progress: mut pa, .. } = Store::open(&path, schedule_answer).unwrap();
        let Opened { store: b, progress: mut pb, .. } = Store::open(&path, schedule_answer).unwrap();
        // Copy a, before the reset and not saved: an answer, a place, a new question.
        answer(&mut pa, "before", 5);
        pa.record_position("symptoms", 900, 30, false);
        pa.my_questions.push(my_question(2, "Which scan next?", ""));

        reset_keeping(&path, 10, true).unwrap();
        let file = on_disk(&path);
        assert_eq!(texts(&file), [("Can I travel?", "Yes, with a letter")]);
        assert!(file.attempts.is_empty() && file.lessons.is_empty() && file.explored_sites.is_empty());
        assert!(file.questions.is_empty() && !file.notice_seen);

        // Copy a answers after the reset and saves: its old answers and places stay
        // erased; its questions stay, merged with the kept ones.
        answer(&mut pa, "after", 20);
        a.save(&mut pa).unwrap();
        let file = on_disk(&path);
        assert_eq!(questions_in(&file), ["after"]);
        assert!(file.lessons.is_empty() && file.explored_sites.is_empty(), "{file:?}");
        assert_eq!(texts(&file), [("Can I travel?", "Yes, with a letter"), ("Which scan next?", "")]);
        assert!(a.take_notices().iter().any(|n| n.contains("except My questions")));

        // Copy b, which changed nothing, saves: nothing from before the reset again.
        pb.mark_explored("bone");
        b.save(&mut pb).unwrap();
        let file = on_disk(&path);
        assert_eq!(questions_in(&file), ["after"]);
        assert_eq!(file.explored_sites, Vec::<String>::new(), "b's change was from before the reset");
        assert!(file.lessons.is_empty());
        assert_eq!(texts(&file).len(), 2);
        let reopened = Store::open(&path, schedule_answer).unwrap().progress;
        assert_eq!(texts(&reopened).len(), 2);
        assert_eq!(questions_in(&reopened), ["after"]);
    }

    #[test]
    fn a_full_reset_still_takes_the_questions_of_a_copy_still_open() {
        let (_dir, path) = temp_store();
        let mut start = Progress { my_questions: vec![my_question(1, "Can I travel?", "")], ..Default::default() };
        Store::open(&path, schedule_answer).unwrap().store.save(&mut start).unwrap();
        let Opened { store: a, progress: mut pa, .. } = Store::open(&path, schedule_answer).unwrap();
        reset(&path, 10).unwrap();
        a.save(&mut pa).unwrap();
        assert!(on_disk(&path).my_questions.is_empty());
        assert!(pa.my_questions.is_empty());
    }

    /// A reset keeping the questions writes the progress file, then the history: cut
    /// short between the two, the old history is not read back.
    #[test]
    fn a_reset_keeping_questions_cut_short_does_not_bring_the_old_answers_back() {
        let (_dir, path) = temp_store();
        let mut start = Progress { my_questions: vec![my_question(1, "Can I travel?", "")], ..Default::default() };
        answer(&mut start, "old", 1);
        Store::open(&path, schedule_answer).unwrap().store.save(&mut start).unwrap();
        let history = fs::read(history_path(&path)).unwrap();
        reset_keeping(&path, 10, true).unwrap();
        // As if the history had not been replaced yet.
        fs::write(history_path(&path), &history).unwrap();
        let Opened { store, mut progress, .. } = Store::open(&path, schedule_answer).unwrap();
        assert!(progress.attempts.is_empty() && progress.questions.is_empty(), "{progress:?}");
        assert_eq!(texts(&progress), [("Can I travel?", "")]);
        answer(&mut progress, "new", 20);
        store.save(&mut progress).unwrap();
        let file = on_disk(&path);
        assert_eq!(questions_in(&file), ["new"]);
        assert_eq!(texts(&file).len(), 1);
        assert_eq!(questions_in(&Store::open(&path, schedule_answer).unwrap().progress), ["new"]);
    }

    #[test]
    fn a_reset_keeping_questions_from_an_unreadable_file_changes_nothing() {
        let (_dir, path) = temp_store();
        write_private(&path, "not = [valid");
        write_private(&history_path(&path), "{\"at\":1,\"question\":\"q\",\"chosen\":[0],\"correct\":true}\n");
        let before = (fs::read(&path).unwrap(), fs::read(history_path(&path)).unwrap());
        let err = reset_keeping(&path, 10, true).unwrap_err();
        assert!(format!("{err:#}").contains("nothing was reset"), "{err:#}");
        assert_eq!((fs::read(&path).unwrap(), fs::read(history_path(&path)).unwrap()), before);
    }
}

//! The answer history (`Progress::attempts`) lives in its own file beside the progress
//! file: one JSON object per line, in the order the answers were saved, only ever
//! appended to. A save writes the few new answers and the small progress file, never
//! the whole history, so it costs the same after ten answers or after years of them;
//! and a save sees another copy's new answers by reading only what was appended since.
//!
//! The file starts with a header line, `{"patient_tutor_history":1,"id":…,
//! "generation":…}`: the id is random and new each time the file is written whole,
//! so a copy of the app knows the file it read before from another one under the
//! same name (even one a reset made that got the same inode back); the generation
//! goes up by one at each `progress reset`, so a copy still running sees the reset
//! (see [`super::store`]). A file without the header (written by an older version)
//! is read the same way, and is written anew with one at the next save.
//!
//! A torn last line (a process killed in the middle of an append) is ignored when
//! read and cut off by the next append: that answer was never reported saved. Any
//! other line that does not parse makes the file unreadable, and the store moves it
//! aside, as it does the progress file; but a file is first read whole before it is
//! called unreadable, so a valid file is never moved aside.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::tf;

use serde::{Deserialize, Serialize};

use super::faults::{Faults, injected};
use super::files;
use super::model::Attempt;

/// A history larger than this is not read (it is moved aside like a broken one):
/// about 800 000 answers.
pub const MAX_HISTORY_BYTES: u64 = 64 * 1024 * 1024;
/// Past this size the person is told that the oldest answers will be summarised.
pub const WARN_HISTORY_BYTES: u64 = 40 * 1024 * 1024;
/// A save that would make the history larger than this compacts it instead: the
/// oldest answers are dropped from the list (the review schedule keeps what they
/// taught it), down to [`COMPACT_TO_BYTES`]. Well below the reading limit, so the
/// store never writes a file it would refuse to read.
pub const COMPACT_AT_BYTES: u64 = 56 * 1024 * 1024;
pub const COMPACT_TO_BYTES: u64 = 28 * 1024 * 1024;

/// Where the history of a progress file is kept: `progress.toml` →
/// `progress.history.jsonl`, in the same folder.
pub fn history_path(progress: &Path) -> PathBuf {
    let stem = progress.file_stem().map_or_else(|| "progress".into(), |s| s.to_string_lossy().into_owned());
    progress.with_file_name(format!("{stem}.history.jsonl"))
}

/// The first line of a history file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub(super) struct Header {
    patient_tutor_history: u32,
    /// Hexadecimal, new at each whole write.
    id: String,
    #[serde(default)]
    generation: u64,
    /// When the last reset was (seconds since 1970).
    #[serde(default, skip_serializing_if = "is_zero")]
    reset_at: u64,
    /// How many of the oldest answers were dropped to keep the file small.
    #[serde(default, skip_serializing_if = "is_zero")]
    dropped: u64,
    /// The last reset kept "My questions" (`progress reset --keep-questions`): a copy
    /// still running keeps its own questions then, merged with the kept ones.
    #[serde(default, skip_serializing_if = "is_false")]
    kept_questions: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

const HEADER_START: &[u8] = b"{\"patient_tutor_history\"";

/// Which file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Ident {
    /// There was no file.
    #[default]
    NoFile,
    /// A file without a header (an older version's): always read whole.
    Legacy,
    /// The header's id.
    Id(u64),
}

/// How much of the history file a copy of the app holds: its first `lines` answers,
/// `len` bytes (with the header), and what the header said.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Mark {
    pub ident: Ident,
    pub generation: u64,
    pub reset_at: u64,
    pub dropped: u64,
    pub kept_questions: bool,
    pub len: u64,
    pub lines: usize,
}

impl Mark {
    /// A file that does not exist yet, of this generation.
    pub fn none_of(&self) -> Mark {
        Mark { ident: Ident::NoFile, len: 0, lines: 0, ..*self }
    }
}

/// A whole history file: its answers and the mark of its end.
pub(super) type Whole = (Vec<Attempt>, Mark);

/// What happened to the history file since a [`Mark`].
#[derive(Debug, PartialEq)]
pub(super) enum Since {
    /// The same file: these answers were appended after the mark (maybe none); `end`
    /// marks the end of its last complete line.
    Appended { new: Vec<Attempt>, end: Mark },
    /// The file was removed, replaced or cut short: this is all of it now (None: no file).
    Replaced(Option<Whole>),
}

/// What the history file holds now, compared with `mark`. The outer error is the
/// disk's; the inner one says why the file cannot be read as a history.
pub(super) fn since(path: &Path, mark: &Mark) -> io::Result<Result<Since, String>> {
    let Some(mut file) = files::open_read(path)? else {
        return Ok(Ok(match mark.ident {
            Ident::NoFile => Since::Appended { new: Vec::new(), end: *mark },
            _ => Since::Replaced(None),
        }));
    };
    let meta = file.metadata()?;
    if meta.len() > MAX_HISTORY_BYTES {
        return Ok(Err(too_large()));
    }
    if let Ident::Id(id) = mark.ident
        && meta.len() >= mark.len
        && header_id(&mut file)? == Some(id)
        // Read from the mark; if that does not parse, the file is read whole below
        // before anything is called unreadable.
        && let Ok((new, end)) = read_rest(&mut file, meta.len(), *mark)?
    {
        return Ok(Ok(Since::Appended { new, end }));
    }
    let whole = read_rest(&mut file, meta.len(), Mark::default())?;
    Ok(whole.map(|whole| match mark.ident {
        // A file made since there was none (another copy's first save) counts as appended to.
        Ident::NoFile => Since::Appended { new: whole.0, end: whole.1 },
        _ => Since::Replaced(Some(whole)),
    }))
}

/// The whole history, or None if there is no file.
pub(super) fn read(path: &Path) -> io::Result<Result<Option<Whole>, String>> {
    let Some(mut file) = files::open_read(path)? else { return Ok(Ok(None)) };
    let len = file.metadata()?.len();
    if len > MAX_HISTORY_BYTES {
        return Ok(Err(too_large()));
    }
    Ok(read_rest(&mut file, len, Mark::default())?.map(Some))
}

/// The id in the file's header, if it has one.
fn header_id(file: &mut fs::File) -> io::Result<Option<u64>> {
    file.seek(SeekFrom::Start(0))?;
    let mut first = Vec::with_capacity(256);
    Read::by_ref(file).take(1024).read_to_end(&mut first)?;
    Ok(first
        .iter()
        .position(|&b| b == b'\n')
        .and_then(|end| parse_header(&first[..end]))
        .and_then(|h| u64::from_str_radix(&h.id, 16).ok()))
}

fn parse_header(line: &[u8]) -> Option<Header> {
    if !line.starts_with(HEADER_START) {
        return None;
    }
    serde_json::from_slice(line).ok()
}

/// The answers of `file` (`len` bytes) after `from` (which must lie within it; from
/// the start, the header too), and the mark of the end of its last complete line.
fn read_rest(file: &mut fs::File, len: u64, from: Mark) -> io::Result<Result<Whole, String>> {
    file.seek(SeekFrom::Start(from.len))?;
    let mut bytes = Vec::with_capacity((len.saturating_sub(from.len)).min(MAX_HISTORY_BYTES) as usize);
    file.take(MAX_HISTORY_BYTES.saturating_sub(from.len)).read_to_end(&mut bytes)?;
    if from.len > 0 {
        return Ok(parse(&bytes, from.lines).map(|(new, complete)| {
            let end = Mark { len: from.len + complete as u64, lines: from.lines + new.len(), ..from };
            (new, end)
        }));
    }
    Ok(parse_file(&bytes).map(|(header, new, complete)| {
        let mut end = Mark { ident: Ident::Legacy, len: complete as u64, lines: new.len(), ..Mark::default() };
        if let Some(h) = header {
            end.ident = u64::from_str_radix(&h.id, 16).map_or(Ident::Legacy, Ident::Id);
            end.generation = h.generation;
            end.reset_at = h.reset_at;
            end.dropped = h.dropped;
            end.kept_questions = h.kept_questions;
        }
        (new, end)
    }))
}

/// A whole file: its header (None for an older version's file), its answers, and the
/// length of its complete lines.
pub(super) fn parse_file(bytes: &[u8]) -> Result<(Option<Header>, Vec<Attempt>, usize), String> {
    let first_end = bytes.iter().position(|&b| b == b'\n');
    let header = first_end.and_then(|end| parse_header(&bytes[..end]));
    let Some(end) = first_end.filter(|_| header.is_some()) else {
        let (answers, complete) = parse(bytes, 0)?;
        return Ok((None, answers, complete));
    };
    let (answers, complete) = parse(&bytes[end + 1..], 1)?;
    Ok((header, answers, end + 1 + complete))
}

fn too_large() -> String {
    tf!("progress.too_large", mib = MAX_HISTORY_BYTES / 1024 / 1024)
}
/// The answers in `bytes` (which start at line `first_line` of the file) and the
/// length of their complete lines; a torn last line is left out.
pub(super) fn parse(bytes: &[u8], first_line: usize) -> Result<(Vec<Attempt>, usize), String> {
    let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut attempts = Vec::with_capacity(complete / 64);
    for (i, line) in bytes[..complete].split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let attempt =
            serde_json::from_slice::<Attempt>(line).map_err(|e| describe_json_error(first_line + i + 1, &e))?;
        if let Some(problem) = attempt.problem() {
            return Err(tf!("progress.not_a_checkin", line = first_line + i + 1, problem = problem));
        }
        attempts.push(attempt);
    }
    Ok((attempts, complete))
}

/// "line 12: not an answer (missing field `question`)": serde_json's own position is
/// within the line, so it is left out.
fn describe_json_error(line: usize, e: &serde_json::Error) -> String {
    // serde_json ends its message with " at line L column C" when it knows the place.
    let message = e.to_string();
    let message = match message.rfind(" at ") {
        Some(at) if e.line() > 0 => &message[..at],
        _ => &message,
    };
    tf!("progress.not_an_answer", line = line, problem = message)
}

/// Append `attempts` after `mark` (the end of the last complete line, so a torn line
/// left by a killed process is cut off first) and make them durable. Returns the new
/// end. On an error the file is cut back to `mark`: no answer is half written. With
/// no file yet (`Ident::NoFile`), it is made, with its header.
pub(super) fn append(path: &Path, mark: &Mark, attempts: &[Attempt], faults: &Faults) -> io::Result<Mark> {
    if mark.ident == Ident::NoFile {
        let (bytes, end) = whole_contents(mark, attempts)?;
        let mut file = files::open_write(path, true)?;
        let written = file.write_all(&bytes).and_then(|()| sync(&file, faults));
        if let Err(e) = written {
            let _ = fs::remove_file(path);
            return Err(e);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The new file's name must survive a power cut too.
            fs::File::open(dir)?.sync_all()?;
        }
        return Ok(end);
    }
    let mut file = files::open_write(path, false)?;
    let meta = file.metadata()?;
    if meta.len() != mark.len {
        file.set_len(mark.len)?;
    }
    file.seek(SeekFrom::Start(mark.len))?;
    let bytes = contents(attempts)?;
    let written = file.write_all(&bytes).and_then(|()| sync(&file, faults));
    if let Err(e) = written {
        let _ = file.set_len(mark.len);
        return Err(e);
    }
    Ok(Mark { len: mark.len + bytes.len() as u64, lines: mark.lines + attempts.len(), ..*mark })
}

fn sync(file: &fs::File, faults: &Faults) -> io::Result<()> {
    if faults.fdatasync {
        return Err(injected("fdatasync"));
    }
    file.sync_data()
}

/// A whole new file holding `attempts`, with a header of a new id and the
/// generation, reset time and dropped count of `like`; and the mark of its end.
pub(super) fn whole_contents(like: &Mark, attempts: &[Attempt]) -> io::Result<(Vec<u8>, Mark)> {
    let id = loop {
        let id = fastrand::u64(..);
        if Ident::Id(id) != like.ident {
            break id;
        }
    };
    let header = Header {
        patient_tutor_history: 1,
        id: format!("{id:016x}"),
        generation: like.generation,
        reset_at: like.reset_at,
        dropped: like.dropped,
        kept_questions: like.kept_questions,
    };
    let mut bytes = serde_json::to_vec(&header)?;
    bytes.push(b'\n');
    bytes.extend(contents(attempts)?);
    let end = Mark { ident: Ident::Id(id), len: bytes.len() as u64, lines: attempts.len(), ..*like };
    Ok((bytes, end))
}

/// Drop the oldest answers of `attempts` until they fit in [`COMPACT_TO_BYTES`]; how
/// many went. Check-ins are all kept (a few hundred bytes a week: a lifetime of them
/// is far smaller than the limit), as they are the person's record, not a schedule's.
pub(super) fn compact(attempts: &mut Vec<Attempt>) -> io::Result<usize> {
    let sizes: Vec<u64> =
        attempts.iter().map(|a| serde_json::to_vec(a).map(|v| v.len() as u64 + 1)).collect::<Result<_, _>>()?;
    let mut size: u64 = attempts.iter().zip(&sizes).filter(|(a, _)| a.is_checkin()).map(|(_, s)| s).sum();
    let mut keep = vec![false; attempts.len()];
    for (i, attempt) in attempts.iter().enumerate().rev() {
        if attempt.is_checkin() {
            keep[i] = true;
            continue;
        }
        size += sizes[i];
        if size > COMPACT_TO_BYTES {
            break;
        }
        keep[i] = true;
    }
    let before = attempts.len();
    let mut flags = keep.into_iter();
    attempts.retain(|_| flags.next().unwrap_or(true));
    Ok(before - attempts.len())
}

/// Answers as history file contents, one JSON line each.
pub(super) fn contents(attempts: &[Attempt]) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(80 * attempts.len());
    for attempt in attempts {
        serde_json::to_writer(&mut buf, attempt)?;
        buf.push(b'\n');
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(at: u64) -> Attempt {
        Attempt::answer(at, &format!("q{at}"), &[0, 2], at.is_multiple_of(2))
    }

    fn appended(since: Since) -> (Vec<Attempt>, Mark) {
        match since {
            Since::Appended { new, end } => (new, end),
            other => panic!("not an append: {other:?}"),
        }
    }

    fn add(path: &Path, mark: &Mark, attempts: &[Attempt]) -> Mark {
        append(path, mark, attempts, &Faults::default()).unwrap()
    }

    #[test]
    fn history_sits_beside_the_progress_file() {
        assert_eq!(history_path(Path::new("/d/progress.toml")), Path::new("/d/progress.history.jsonl"));
        assert_eq!(history_path(Path::new("mine")), Path::new("mine.history.jsonl"));
    }

    #[test]
    fn appends_are_read_back_and_seen_from_a_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        assert_eq!(read(&path).unwrap(), Ok(None));
        let none = Mark::default();
        assert_eq!(since(&path, &none).unwrap(), Ok(Since::Appended { new: vec![], end: none }));

        let first = add(&path, &none, &[attempt(1), attempt(2)]);
        assert_eq!(first.lines, 2);
        assert!(matches!(first.ident, Ident::Id(_)));
        assert_eq!(first.len, fs::metadata(&path).unwrap().len());
        assert!(fs::read_to_string(&path).unwrap().starts_with("{\"patient_tutor_history\":1,\"id\":"));
        // Another copy, which saw no file, sees both as appended.
        assert_eq!(appended(since(&path, &none).unwrap().unwrap()), (vec![attempt(1), attempt(2)], first));
        let second = add(&path, &first, &[attempt(3)]);
        assert_eq!(appended(since(&path, &first).unwrap().unwrap()), (vec![attempt(3)], second));
        assert_eq!(appended(since(&path, &second).unwrap().unwrap()), (vec![], second));
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1), attempt(2), attempt(3)], second))));
    }

    #[test]
    fn a_torn_last_line_is_ignored_then_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mark = add(&path, &Mark::default(), &[attempt(1)]);
        // A process killed in the middle of an append.
        fs::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"{\"at\":4,\"quest").unwrap();
        assert_eq!(appended(since(&path, &mark).unwrap().unwrap()), (vec![], mark));
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1)], mark))));
        let end = add(&path, &mark, &[attempt(5)]);
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1), attempt(5)], end))));
    }

    #[test]
    fn a_replaced_or_shortened_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mark = add(&path, &Mark::default(), &[attempt(1), attempt(2)]);
        // Rewritten in one go (a new file under the same name).
        let tmp = dir.path().join("tmp");
        let (bytes, whole) = whole_contents(&mark, &[attempt(7)]).unwrap();
        fs::write(&tmp, bytes).unwrap();
        fs::rename(&tmp, &path).unwrap();
        assert_eq!(since(&path, &mark).unwrap(), Ok(Since::Replaced(Some((vec![attempt(7)], whole)))));
        fs::remove_file(&path).unwrap();
        assert_eq!(since(&path, &mark).unwrap(), Ok(Since::Replaced(None)));
    }

    #[test]
    fn a_file_of_an_older_version_without_a_header_is_read_and_always_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        fs::write(&path, contents(&[attempt(1), attempt(2)]).unwrap()).unwrap();
        let (answers, mark) = read(&path).unwrap().unwrap().unwrap();
        assert_eq!(answers, [attempt(1), attempt(2)]);
        assert_eq!((mark.ident, mark.generation, mark.lines), (Ident::Legacy, 0, 2));
        assert_eq!(since(&path, &mark).unwrap(), Ok(Since::Replaced(Some((answers, mark)))));
    }

    #[test]
    fn the_header_carries_generation_reset_time_and_dropped_count() {
        let like = Mark { generation: 3, reset_at: 99, dropped: 7, ..Mark::default() };
        let (bytes, end) = whole_contents(&like, &[attempt(1)]).unwrap();
        let (header, answers, complete) = parse_file(&bytes).unwrap();
        let header = header.unwrap();
        assert_eq!((header.generation, header.reset_at, header.dropped), (3, 99, 7));
        assert_eq!((answers.len(), complete as u64), (1, end.len));
        assert_ne!(end.ident, like.ident);
    }

    #[test]
    fn compacting_keeps_the_newest_answers_that_fit() {
        let mut answers: Vec<Attempt> = (0..10).map(attempt).collect();
        assert_eq!(compact(&mut answers).unwrap(), 0, "small: nothing dropped");
        assert_eq!(answers.len(), 10);
    }

    #[test]
    fn a_bad_line_in_the_middle_is_an_error_with_its_line() {
        let text = "{\"at\":1,\"question\":\"a\",\"chosen\":[0],\"correct\":true}\nnot json\n\n";
        assert_eq!(parse(text.as_bytes(), 0).unwrap_err(), "line 2: not an answer (expected ident)");
        assert!(parse(text.as_bytes(), 10).unwrap_err().starts_with("line 12:"));
    }

    #[test]
    fn an_oversized_history_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        fs::File::create(&path).unwrap().set_len(64 << 30).unwrap();
        assert_eq!(read(&path).unwrap(), Err(too_large()));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(read(&fifo).unwrap_err().to_string().contains("not a regular file (a FIFO)"));
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        assert!(append(&link, &Mark::default(), &[attempt(1)], &Faults::default()).is_err());
        assert!(!dir.path().join("nowhere").exists());
    }
}

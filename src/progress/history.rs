//! The answer history (`Progress::attempts`) lives in its own file beside the progress
//! file: one JSON object per line, in the order the answers were saved, only ever
//! appended to. A save writes the few new answers and the small progress file, never
//! the whole history, so it costs the same after ten answers or after years of them;
//! and a save sees another copy's new answers by reading only what was appended since.
//!
//! A torn last line (a process killed in the middle of an append) is ignored when
//! read and cut off by the next append: that answer was never reported saved. Any
//! other line that does not parse makes the file unreadable, and the store moves it
//! aside, as it does the progress file.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::model::Attempt;

/// A history larger than this is not read (it is moved aside like a broken one):
/// about 800 000 answers.
pub const MAX_HISTORY_BYTES: u64 = 64 * 1024 * 1024;

/// Where the history of a progress file is kept: `progress.toml` →
/// `progress.history.jsonl`, in the same folder.
pub fn history_path(progress: &Path) -> PathBuf {
    let stem = progress.file_stem().map_or_else(|| "progress".into(), |s| s.to_string_lossy().into_owned());
    progress.with_file_name(format!("{stem}.history.jsonl"))
}

/// Which file: an atomic rewrite makes a new one, an append keeps it.
#[cfg(unix)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileId(u64, u64);

#[cfg(not(unix))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileId;

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    FileId(meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_id(_meta: &fs::Metadata) -> FileId {
    FileId
}

/// How much of the history file a copy of the app holds: its first `lines` answers,
/// `len` bytes. `file` is None when there was no file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Mark {
    pub file: Option<FileId>,
    pub len: u64,
    pub lines: usize,
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
    let Some(mut file) = open_existing(path)? else {
        return Ok(Ok(match mark.file {
            None => Since::Appended { new: Vec::new(), end: *mark },
            Some(_) => Since::Replaced(None),
        }));
    };
    let meta = file.metadata()?;
    // A file made since there was none (another copy's first save) counts as appended to.
    let same = mark.file.is_none_or(|f| f == file_id(&meta)) && meta.len() >= mark.len;
    let from = if same { *mark } else { Mark::default() };
    Ok(read_rest(&mut file, &meta, from)?
        .map(|(new, end)| if same { Since::Appended { new, end } } else { Since::Replaced(Some((new, end))) }))
}

/// The whole history, or None if there is no file.
pub(super) fn read(path: &Path) -> io::Result<Result<Option<Whole>, String>> {
    let Some(mut file) = open_existing(path)? else { return Ok(Ok(None)) };
    let meta = file.metadata()?;
    Ok(read_rest(&mut file, &meta, Mark::default())?.map(Some))
}

/// The answers of `file` after `from` (which must lie within it), and the mark of
/// the end of its last complete line.
fn read_rest(file: &mut fs::File, meta: &fs::Metadata, from: Mark) -> io::Result<Result<Whole, String>> {
    if meta.len() > MAX_HISTORY_BYTES {
        return Ok(Err(too_large()));
    }
    file.seek(SeekFrom::Start(from.len))?;
    let mut bytes = Vec::new();
    file.take(MAX_HISTORY_BYTES - from.len).read_to_end(&mut bytes)?;
    Ok(parse(&bytes, from.lines).map(|(new, complete)| {
        let end = Mark { file: Some(file_id(meta)), len: from.len + complete as u64, lines: from.lines + new.len() };
        (new, end)
    }))
}

fn open_existing(path: &Path) -> io::Result<Option<fs::File>> {
    match fs::File::open(path) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn too_large() -> String {
    format!("it is larger than {} MiB", MAX_HISTORY_BYTES / 1024 / 1024)
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
        attempts.push(attempt);
    }
    Ok((attempts, complete))
}

/// "line 12: not an answer (missing field `question`)": serde_json's own position is
/// within the line, so it is left out.
fn describe_json_error(line: usize, e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or_default();
    format!("line {line}: not an answer ({message})")
}

/// Append `attempts` after `mark` (the end of the last complete line, so a torn line
/// left by a killed process is cut off first) and make them durable. Returns the new
/// end. On an error the file is cut back to `mark`: no answer is half written.
pub(super) fn append(path: &Path, mark: &Mark, attempts: &[Attempt]) -> io::Result<Mark> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    let created = mark.file.is_none();
    if meta.len() != mark.len {
        file.set_len(mark.len)?;
    }
    file.seek(SeekFrom::Start(mark.len))?;
    let bytes = contents(attempts)?;
    let written = file.write_all(&bytes).and_then(|()| file.sync_data());
    if let Err(e) = written {
        let _ = file.set_len(mark.len);
        return Err(e);
    }
    if created && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The new file's name must survive a power cut too.
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(Mark { file: Some(file_id(&meta)), len: mark.len + bytes.len() as u64, lines: mark.lines + attempts.len() })
}

/// The mark of the whole file at `path` after it was written in one go with `lines` answers.
pub(super) fn mark_of(path: &Path, lines: usize) -> io::Result<Mark> {
    let meta = fs::metadata(path)?;
    Ok(Mark { file: Some(file_id(&meta)), len: meta.len(), lines })
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
        Attempt { at, question: format!("q{at}"), chosen: vec![0, 2], correct: at.is_multiple_of(2) }
    }

    fn appended(since: Since) -> (Vec<Attempt>, Mark) {
        match since {
            Since::Appended { new, end } => (new, end),
            other => panic!("not an append: {other:?}"),
        }
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

        let first = append(&path, &none, &[attempt(1), attempt(2)]).unwrap();
        assert_eq!(first.lines, 2);
        assert_eq!(first.len, fs::metadata(&path).unwrap().len());
        // Another copy, which saw no file, sees both as appended.
        assert_eq!(appended(since(&path, &none).unwrap().unwrap()), (vec![attempt(1), attempt(2)], first));
        let second = append(&path, &first, &[attempt(3)]).unwrap();
        assert_eq!(appended(since(&path, &first).unwrap().unwrap()), (vec![attempt(3)], second));
        assert_eq!(appended(since(&path, &second).unwrap().unwrap()), (vec![], second));
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1), attempt(2), attempt(3)], second))));
    }

    #[test]
    fn a_torn_last_line_is_ignored_then_cut_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mark = append(&path, &Mark::default(), &[attempt(1)]).unwrap();
        // A process killed in the middle of an append.
        fs::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"{\"at\":4,\"quest").unwrap();
        assert_eq!(appended(since(&path, &mark).unwrap().unwrap()), (vec![], mark));
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1)], mark))));
        let end = append(&path, &mark, &[attempt(5)]).unwrap();
        assert_eq!(read(&path).unwrap(), Ok(Some((vec![attempt(1), attempt(5)], end))));
    }

    #[test]
    fn a_replaced_or_shortened_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mark = append(&path, &Mark::default(), &[attempt(1), attempt(2)]).unwrap();
        // Rewritten in one go (a new file under the same name).
        let tmp = dir.path().join("tmp");
        fs::write(&tmp, contents(&[attempt(7)]).unwrap()).unwrap();
        fs::rename(&tmp, &path).unwrap();
        let whole = mark_of(&path, 1).unwrap();
        assert_eq!(since(&path, &mark).unwrap(), Ok(Since::Replaced(Some((vec![attempt(7)], whole)))));
        fs::remove_file(&path).unwrap();
        assert_eq!(since(&path, &mark).unwrap(), Ok(Since::Replaced(None)));
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
}

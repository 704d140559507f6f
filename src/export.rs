//! Writing a sheet the person asked for (`checkin export`, the tutor's export):
//! a new file, mode 600 (it holds health information), never through a symbolic
//! link, never over another file unless asked, never into a FIFO or a device.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Write `bytes` to `path`: a new file, or (with `replace`) over a regular file.
/// Returns the full path written, to show the person. An existing file without
/// `replace` is an `AlreadyExists` error.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> io::Result<PathBuf> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    if replace {
        options.create(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: a FIFO in the way must not block the open.
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("it is not a regular file"));
    }
    file.set_len(0)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(full_path(path))
}

/// Write `bytes` to a new file `<stem>-<date>.md` (or `-2`, `-3`… if taken) in
/// `dir`, never over another file. Returns the full path.
pub fn write_new_in(dir: &Path, stem: &str, date: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for n in 1..100 {
        let name = if n == 1 { format!("{stem}-{date}.md") } else { format!("{stem}-{date}-{n}.md") };
        match write_private(&dir.join(name), bytes, false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other,
        }
    }
    Err(io::Error::other("too many files with today's name"))
}

/// The path as an absolute one (its folder resolved), for messages.
fn full_path(path: &Path) -> PathBuf {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (fs::canonicalize(&dir), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_private_file_never_over_another_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.md");
        let full = write_private(&path, b"one", false).unwrap();
        assert_eq!(full, fs::canonicalize(dir.path()).unwrap().join("sheet.md"));
        assert_eq!(write_private(&path, b"two", false).unwrap_err().kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_private(&path, b"2", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"2", "replaced, and cut to the new length");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            write_private(&path, b"3", true).unwrap();
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let a = write_new_in(dir.path(), "s", "2026-01-05", b"a").unwrap();
        let b = write_new_in(dir.path(), "s", "2026-01-05", b"b").unwrap();
        assert!(a.ends_with("s-2026-01-05.md") && b.ends_with("s-2026-01-05-2.md"), "{a:?} {b:?}");
    }

    #[cfg(unix)]
    #[test]
    fn never_through_a_link_nor_into_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_private(&link, b"x", true).is_err());
        assert!(!target.exists());
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(write_private(&fifo, b"x", true).is_err(), "refused at once, not blocked");
    }
}

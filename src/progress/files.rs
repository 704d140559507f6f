//! Opening the store's own files safely: never through a symbolic link, never a
//! FIFO, device or folder in their place (opening a FIFO would wait forever; a device
//! must never be chmodded, renamed or replaced), with errors that name the path.

use std::fs;
use std::io;
use std::path::Path;

use crate::tf;
use crate::words::t;

/// Why a path cannot be one of our files, in words that name it.
/// A link where the progress should be: refused, with how to give the real file.
fn refused_link(path: &Path) -> io::Error {
    io::Error::other(tf!("progress.is_link", path = shown(path)))
}

/// Anything but a regular file where the progress should be (a FIFO, a folder…).
fn refused_kind(path: &Path, meta: &fs::Metadata) -> io::Error {
    io::Error::other(tf!("progress.not_regular", path = shown(path), kind = kind(meta)))
}

/// A path as it may be shown in a message: cleaned of control characters.
pub(super) fn shown(path: &Path) -> String {
    crate::markdown::sanitize(&path.display().to_string()).into_owned()
}

fn kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let file_type = meta.file_type();
        if file_type.is_fifo() {
            return t("progress.kind_fifo");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return t("progress.kind_device");
        }
        if file_type.is_socket() {
            return t("progress.kind_socket");
        }
    }
    if meta.is_dir() { t("progress.kind_folder") } else { t("progress.kind_other") }
}

/// Check what is at `path` without following a link: Ok(None) if nothing, an error
/// if it is a link or anything but a regular file.
pub(super) fn check(path: &Path) -> io::Result<Option<fs::Metadata>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(named(path, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(refused_link(path));
    }
    if !meta.is_file() {
        return Err(refused_kind(path, &meta));
    }
    Ok(Some(meta))
}

/// An I/O error with the path in it (the system's own message often has none).
pub(super) fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", shown(path)))
}

fn options(options: &mut fs::OpenOptions) -> &mut fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Never follow a link; never wait at open (a FIFO put there after the check).
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).mode(0o600);
    }
    options
}

/// Open a regular file at `path` to read (None if there is none).
pub(super) fn open_read(path: &Path) -> io::Result<Option<fs::File>> {
    if check(path)?.is_none() {
        return Ok(None);
    }
    match options(fs::OpenOptions::new().read(true)).open(path) {
        Ok(file) => verified(path, file).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(opening(path, e)),
    }
}

/// Open a regular file at `path` to write; `create_new`: it must not exist yet.
pub(super) fn open_write(path: &Path, create_new: bool) -> io::Result<fs::File> {
    if !create_new {
        check(path)?;
    }
    let mut opts = fs::OpenOptions::new();
    opts.write(true);
    if create_new {
        opts.create_new(true);
    }
    let file = options(&mut opts).open(path).map_err(|e| opening(path, e))?;
    verified(path, file)
}

/// What was opened is a regular file (a swap after the check is caught here).
fn verified(path: &Path, file: fs::File) -> io::Result<fs::File> {
    let meta = file.metadata().map_err(|e| named(path, e))?;
    if !meta.is_file() {
        return Err(refused_kind(path, &meta));
    }
    Ok(file)
}

fn opening(path: &Path, e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return refused_link(path);
    }
    named(path, e)
}

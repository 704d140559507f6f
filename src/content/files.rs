//! Where a pack's files come from: the folder embedded at build time, or a folder on disk.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::ContentError;

/// The default pack, compiled into the binary so it works from any directory.
pub static EMBEDDED_CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");
/// Art and other non-text assets of the default pack.
pub static EMBEDDED_ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");
/// The Spanish pack, compiled in beside the English one, with its own files (and its
/// own `assets/`); a file it lacks is the English pack's: see [`PackFiles::EmbeddedSpanish`].
pub static EMBEDDED_SPANISH: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/packs/es");

/// Content files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// `read FILE.md` previews any Markdown file up to this size (it is streamed out, not kept).
pub const MAX_PREVIEW_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub enum PackFiles {
    Embedded,
    /// The built-in Spanish pack. A file it lacks is read from the English pack, a folder
    /// it lacks listed from there: per file, not per item, so that once a Spanish
    /// `glossary.toml` exists it replaces the English one whole.
    EmbeddedSpanish,
    Dir(PathBuf),
}

impl PackFiles {
    /// The built-in pack in `language` (see `words::choose`); English for any other.
    pub fn builtin(language: &str) -> PackFiles {
        match language {
            "es" => PackFiles::EmbeddedSpanish,
            _ => PackFiles::Embedded,
        }
    }

    /// A file of a built-in pack (the Spanish pack's own, else the English pack's).
    fn embedded_file(&self, path: &str) -> Option<&'static include_dir::File<'static>> {
        let spanish = matches!(self, PackFiles::EmbeddedSpanish).then(|| EMBEDDED_SPANISH.get_file(path)).flatten();
        spanish.or_else(|| EMBEDDED_CONTENT.get_file(path))
    }

    /// A folder of a built-in pack, chosen as [`Self::embedded_file`] chooses a file.
    fn embedded_dir(&self, folder: &str) -> Option<&'static Dir<'static>> {
        let spanish = matches!(self, PackFiles::EmbeddedSpanish).then(|| EMBEDDED_SPANISH.get_dir(folder)).flatten();
        spanish.or_else(|| EMBEDDED_CONTENT.get_dir(folder))
    }

    /// A pack on disk, in either layout: `DIR` holds `lessons/` (the layout the README
    /// describes, `assets/` inside it or beside it), or `DIR` holds `content/` and
    /// `assets/` side by side (a checkout of this repository).
    pub fn dir(dir: &Path) -> Result<PackFiles, ContentError> {
        let not_a_pack = |message: &str| ContentError::new(dir.display().to_string(), 0, message);
        if !dir.is_dir() {
            return Err(not_a_pack("not a folder: name a content pack folder (one with lessons/ inside)"));
        }
        if !dir.join("lessons").is_dir() && dir.join("content").join("lessons").is_dir() {
            return Ok(PackFiles::Dir(dir.join("content")));
        }
        Ok(PackFiles::Dir(dir.to_path_buf()))
    }

    /// The folder of a disk pack's assets: `assets/` inside the pack, else the
    /// `assets/` beside it (the repository keeps `content/` and `assets/` side by side).
    fn assets_dir(dir: &Path) -> PathBuf {
        let inside = dir.join("assets");
        match dir.parent().map(|parent| parent.join("assets")) {
            Some(beside) if !inside.is_dir() && beside.is_dir() => beside,
            _ => inside,
        }
    }

    /// The assets folder of a disk pack (None for the built-in pack): for `--watch`.
    pub fn assets_folder(dir: &Path) -> Option<PathBuf> {
        Some(Self::assets_dir(dir)).filter(|d| d.is_dir())
    }

    /// How to name an asset in messages, so an editor can open it.
    pub fn asset_display(&self, name: &str) -> String {
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => format!("assets/{name}"),
            PackFiles::Dir(dir) => Self::assets_dir(dir).join(name).display().to_string(),
        }
    }

    pub fn origin(&self) -> String {
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => "built-in pack".to_string(),
            PackFiles::Dir(dir) => dir.display().to_string(),
        }
    }

    /// How to name a pack-relative path in messages.
    pub fn display(&self, path: &str) -> String {
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => path.to_string(),
            PackFiles::Dir(dir) => dir.join(path).display().to_string(),
        }
    }

    /// Pack-relative paths of the files in `folder` ending in `.ext`, sorted by name. A
    /// folder that is not there holds none; one that cannot be read is an error naming it.
    pub fn list(&self, folder: &str, ext: &str) -> Result<Vec<String>, ContentError> {
        let suffix = format!(".{ext}");
        let mut names: Vec<String> = match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => self
                .embedded_dir(folder)
                .map(|d| d.files().filter_map(|f| f.path().to_str().map(str::to_string)).collect())
                .unwrap_or_default(),
            PackFiles::Dir(dir) => match std::fs::read_dir(dir.join(folder)) {
                Ok(entries) => entries
                    .filter_map(|e| e.ok())
                    // Not only regular files: a FIFO or a link named like a lesson is
                    // listed, for `read` to say what is wrong with it.
                    .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
                    .filter_map(|e| e.file_name().to_str().map(|n| format!("{folder}/{n}")))
                    .collect(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(e) => return Err(ContentError::new(folder, 0, format!("cannot read the folder: {e}"))),
            },
        };
        names.retain(|n| n.ends_with(&suffix));
        names.sort();
        Ok(names)
    }

    /// Read a file from the pack's `assets/` folder (beside `lessons/` for a folder pack).
    pub fn read_asset(&self, name: &str) -> Result<String, ContentError> {
        let shown = format!("assets/{name}");
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => matches!(self, PackFiles::EmbeddedSpanish)
                .then(|| EMBEDDED_SPANISH.get_file(&shown))
                .flatten()
                .or_else(|| EMBEDDED_ASSETS.get_file(name))
                .and_then(|f| f.contents_utf8())
                .map(str::to_string)
                .ok_or_else(|| ContentError::new(shown, 0, "missing from the built-in pack")),
            PackFiles::Dir(dir) => read_limited(&Self::assets_dir(dir).join(name), &shown),
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => self.embedded_file(path).is_some(),
            // Anything by that name, so that `read` can say what is wrong with it.
            PackFiles::Dir(dir) => dir.join(path).symlink_metadata().is_ok(),
        }
    }

    /// Read one pack file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
    pub fn read(&self, path: &str) -> Result<String, ContentError> {
        match self {
            PackFiles::Embedded | PackFiles::EmbeddedSpanish => self
                .embedded_file(path)
                .and_then(|f| f.contents_utf8())
                .map(str::to_string)
                .ok_or_else(|| ContentError::new(path, 0, "missing from the built-in pack")),
            PackFiles::Dir(dir) => read_limited(&dir.join(path), path),
        }
    }
}

/// Open a file for reading only if it is a regular file (or a link to one). A FIFO would
/// block the open until something writes to it, a device could be read forever: both are
/// refused with a message saying what the file is. The type is checked before opening, and
/// again on the open file, which is opened without blocking in case it was swapped between.
fn open_regular(path: &Path) -> Result<File, String> {
    let not_regular = |kind: &str| format!("this is {kind}, not a regular file; a content pack holds only text files");
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(file_kind(&meta)));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| format!("cannot open: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(file_kind(&meta)));
    }
    Ok(file)
}

/// What a file that is not a regular file is, for messages.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() { "a folder" } else { "a special file" }
}

/// Read a text file without ever holding more than [`MAX_FILE_BYTES`] of it.
/// `name` is how messages name the file.
pub fn read_limited(path: &std::path::Path, name: &str) -> Result<String, ContentError> {
    read_limited_to(path, name, MAX_FILE_BYTES)
}

/// Like [`read_limited`], with another limit in bytes.
pub fn read_limited_to(path: &std::path::Path, name: &str, max: u64) -> Result<String, ContentError> {
    let err = |line, message: String| ContentError::new(name, line, message);
    let file = open_regular(path).map_err(|e| err(0, e))?;
    // The size is a hint (the file may change while read): it spares regrowing the buffer.
    let hint = file.metadata().map_or(0, |m| m.len()).min(max) as usize;
    let mut bytes = Vec::with_capacity(hint + 1);
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| err(0, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(err(0, format!("file is larger than {} MiB; split it into smaller files", max / 1024 / 1024)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        err(line, "this line is not valid UTF-8 text; save the file as UTF-8".into())
    })
}

//! Writing a sheet the person asked for (`checkin export`, the tutor's exports):
//! a new file, mode 600 (it holds health information), never through a symbolic
//! link, never over another file unless asked, never into a FIFO or a device.
//!
//! Where the tutor's own exports go ([`export_dir`]): the person's documents folder
//! (`$XDG_DOCUMENTS_DIR`, or its line in `user-dirs.dirs`, or `~/Documents`), else the
//! folder the progress is kept in: never the folder the tutor happened to start in.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::tf;
use crate::words::t;

/// Where an export from the tutor goes: the documents folder if there is one, else
/// `data_dir` (the progress file's folder, made private if it has to be created).
pub fn export_dir(data_dir: &Path) -> io::Result<PathBuf> {
    export_dir_with(&|name| std::env::var_os(name), data_dir)
}

/// [`export_dir`] with `var` reading the environment.
pub fn export_dir_with(var: &dyn Fn(&str) -> Option<OsString>, data_dir: &Path) -> io::Result<PathBuf> {
    if let Some(dir) = documents_dir(var) {
        return Ok(dir);
    }
    if !data_dir.is_dir() {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(data_dir)
            .map_err(|e| io::Error::new(e.kind(), tf!("export.cannot_create", path = data_dir.display(), why = e)))?;
    }
    Ok(fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf()))
}

/// The person's documents folder, if it exists: `$XDG_DOCUMENTS_DIR`, then the
/// `XDG_DOCUMENTS_DIR` line of `$XDG_CONFIG_HOME/user-dirs.dirs` (or
/// `~/.config/user-dirs.dirs`), then `~/Documents`. `var` reads the environment.
pub fn documents_dir(var: &dyn Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    let home = absolute(var("HOME"));
    let named = absolute(var("XDG_DOCUMENTS_DIR")).or_else(|| {
        let config = absolute(var("XDG_CONFIG_HOME")).or_else(|| home.as_ref().map(|h| h.join(".config")))?;
        let text = fs::read_to_string(config.join("user-dirs.dirs")).ok()?;
        user_dirs_documents(&text, home.as_deref()?)
    });
    // xdg-user-dirs writes `"$HOME/"` for a folder the person turned off.
    let named = named.filter(|p| Some(p.as_path()) != home.as_deref() && p.is_dir());
    named.or_else(|| home.map(|h| h.join("Documents")).filter(|p| p.is_dir()))
}

/// The `XDG_DOCUMENTS_DIR="$HOME/…"` (or `"/abs/…"`) line of a `user-dirs.dirs` file.
fn user_dirs_documents(text: &str, home: &Path) -> Option<PathBuf> {
    let value = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("XDG_DOCUMENTS_DIR")?.trim_start().strip_prefix('='))
        .next_back()?
        .trim();
    let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
    // The format allows `\"`-style escapes; unescape the few that matter.
    let value = value.replace("\\\"", "\"").replace("\\$", "$").replace("\\\\", "\\");
    let path = if value == "$HOME" {
        home.to_path_buf()
    } else if let Some(rest) = value.strip_prefix("$HOME/") {
        home.join(rest)
    } else {
        PathBuf::from(value)
    };
    Some(path).filter(|p| p.is_absolute())
}

/// The name a new export would get in `dir` (the first that is free now): to show
/// the person before writing. The file written may get a later number if another
/// appears meanwhile; [`write_new_in`] returns the one it wrote.
pub fn next_free_name(dir: &Path, stem: &str, date: &str) -> PathBuf {
    (1..100)
        .map(|n| dir.join(numbered(stem, date, n)))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| dir.join(numbered(stem, date, 1)))
}

fn numbered(stem: &str, date: &str, n: usize) -> String {
    if n == 1 { format!("{stem}-{date}.md") } else { format!("{stem}-{date}-{n}.md") }
}

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
        return Err(io::Error::other(t("export.not_a_file")));
    }
    file.set_len(0)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        // A half-written new file is no use to anyone (a full disk): take it back.
        if !replace {
            let _ = fs::remove_file(path);
        }
        return Err(e);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = fs::File::open(dir)
    {
        // The new name lasts through a power cut too.
        let _ = dir.sync_all();
    }
    Ok(full_path(path))
}

/// Write `bytes` to a new file `<stem>-<date>.md` (or `-2`, `-3`… if taken by a
/// file) in `dir`, never over another file, never through a link. Returns the full
/// path. Errors name the folder (or the thing in the way).
pub fn write_new_in(dir: &Path, stem: &str, date: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for n in 1..100 {
        match write_private(&dir.join(numbered(stem, date, n)), bytes, false) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                // Another export of the same day: the next number. Anything else in
                // the way (a link, a FIFO) is refused, not stepped around.
                let path = dir.join(numbered(stem, date, n));
                if !fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file()) {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        tf!("export.in_the_way", path = path.display()),
                    ));
                }
            }
            Err(e) => {
                return Err(io::Error::new(e.kind(), tf!("export.cannot_write_in", path = dir.display(), why = e)));
            }
            ok => return ok,
        }
    }
    Err(io::Error::other(t("export.too_many")))
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

    /// An environment of just these variables.
    fn env(vars: &[(&str, &Path)]) -> impl Fn(&str) -> Option<OsString> + use<> {
        let vars: Vec<(String, OsString)> = vars.iter().map(|(k, v)| (k.to_string(), v.as_os_str().into())).collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_documents_folder_from_the_environment_then_user_dirs_then_home() {
        let home = tempfile::tempdir().unwrap();
        let h = home.path();
        // Nothing at all: no documents folder (the caller falls back to the data folder).
        assert_eq!(documents_dir(&env(&[("HOME", h)])), None);
        fs::create_dir(h.join("Documents")).unwrap();
        assert_eq!(documents_dir(&env(&[("HOME", h)])), Some(h.join("Documents")));
        // user-dirs.dirs, with `$HOME/…` and quotes, comments and other lines.
        fs::create_dir_all(h.join(".config")).unwrap();
        fs::create_dir(h.join("Papers")).unwrap();
        fs::write(
            h.join(".config/user-dirs.dirs"),
            "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Papers\"\n",
        )
        .unwrap();
        assert_eq!(documents_dir(&env(&[("HOME", h)])), Some(h.join("Papers")));
        // $XDG_CONFIG_HOME is where user-dirs.dirs is looked for, an absolute path in it works.
        let config = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let line = format!("XDG_DOCUMENTS_DIR=\"{}\"\n", elsewhere.path().display());
        fs::write(config.path().join("user-dirs.dirs"), line).unwrap();
        let with_config = env(&[("HOME", h), ("XDG_CONFIG_HOME", config.path())]);
        assert_eq!(documents_dir(&with_config), Some(elsewhere.path().to_path_buf()));
        // $XDG_DOCUMENTS_DIR comes first.
        let first = env(&[("HOME", h), ("XDG_CONFIG_HOME", config.path()), ("XDG_DOCUMENTS_DIR", &h.join("Papers"))]);
        assert_eq!(documents_dir(&first), Some(h.join("Papers")));
        // A named folder that does not exist, or one turned off (`"$HOME/"`): ~/Documents.
        let missing = env(&[("HOME", h), ("XDG_DOCUMENTS_DIR", &h.join("gone"))]);
        assert_eq!(documents_dir(&missing), Some(h.join("Documents")));
        fs::write(h.join(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/\"\n").unwrap();
        assert_eq!(documents_dir(&env(&[("HOME", h)])), Some(h.join("Documents")));
        fs::remove_dir(h.join("Documents")).unwrap();
        assert_eq!(documents_dir(&env(&[("HOME", h)])), None);
        // A relative value is not trusted.
        assert_eq!(documents_dir(&env(&[("XDG_DOCUMENTS_DIR", Path::new("Papers"))])), None);
    }

    #[test]
    fn user_dirs_lines_are_parsed_as_xdg_user_dirs_writes_them() {
        let home = Path::new("/home/ann");
        let doc = |text: &str| user_dirs_documents(text, home);
        assert_eq!(doc("XDG_DOCUMENTS_DIR=\"$HOME/Documents\""), Some(home.join("Documents")));
        assert_eq!(doc("  XDG_DOCUMENTS_DIR = \"$HOME/My Files\"  "), Some(home.join("My Files")));
        assert_eq!(doc("XDG_DOCUMENTS_DIR=/srv/docs"), Some(PathBuf::from("/srv/docs")));
        assert_eq!(doc("XDG_DOCUMENTS_DIR=\"$HOME/say \\\"hi\\\"\""), Some(home.join("say \"hi\"")));
        assert_eq!(doc("#XDG_DOCUMENTS_DIR=\"/x\""), None);
        assert_eq!(doc("XDG_DOCUMENTS_DIRS=\"/x\""), None, "another key");
        assert_eq!(doc("XDG_DOCUMENTS_DIR=\"Documents\""), None, "relative");
        assert_eq!(
            doc("XDG_DOCUMENTS_DIR=\"/a\"\nXDG_DOCUMENTS_DIR=\"/b\""),
            Some(PathBuf::from("/b")),
            "the last wins"
        );
    }

    #[test]
    fn without_a_documents_folder_exports_go_to_the_data_folder_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("share/patient-tutor");
        let no_documents = env(&[("HOME", dir.path())]);
        assert_eq!(export_dir_with(&no_documents, &data).unwrap(), fs::canonicalize(&data).unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
        }
        // A data folder that cannot be made (a file in the way) is an error naming it.
        fs::write(dir.path().join("file"), "x").unwrap();
        let err = export_dir_with(&no_documents, &dir.path().join("file/sub")).unwrap_err();
        assert!(err.to_string().contains("file/sub"), "{err}");
        // With a documents folder, that is where they go.
        fs::create_dir(dir.path().join("Documents")).unwrap();
        assert_eq!(export_dir_with(&no_documents, &data).unwrap(), dir.path().join("Documents"));
    }

    #[cfg(unix)]
    #[test]
    fn new_exports_are_private_numbered_and_never_replace_anything() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(next_free_name(dir.path(), "q", "2026-12-02"), dir.path().join("q-2026-12-02.md"));
        let a = write_new_in(dir.path(), "q", "2026-12-02", b"first").unwrap();
        assert_eq!(fs::metadata(&a).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(next_free_name(dir.path(), "q", "2026-12-02"), dir.path().join("q-2026-12-02-2.md"));
        let b = write_new_in(dir.path(), "q", "2026-12-02", b"second").unwrap();
        let c = write_new_in(dir.path(), "q", "2026-12-02", b"third").unwrap();
        assert!(b.ends_with("q-2026-12-02-2.md") && c.ends_with("q-2026-12-02-3.md"), "{b:?} {c:?}");
        assert_eq!(fs::read(&a).unwrap(), b"first", "never overwritten");
        assert_eq!(fs::metadata(&c).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_fifo_in_the_way_of_a_new_export_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&target, dir.path().join("q-2026-12-02.md")).unwrap();
        let err = write_new_in(dir.path(), "q", "2026-12-02", b"x").unwrap_err();
        assert!(err.to_string().contains("q-2026-12-02.md is in the way"), "{err}");
        assert!(!target.exists(), "nothing written through the link");
        assert!(!dir.path().join("q-2026-12-02-2.md").exists());
        let fifo = dir.path().join("f-2026-12-02.md");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(write_new_in(dir.path(), "f", "2026-12-02", b"x").is_err(), "refused at once, not blocked");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_named_and_nothing_is_lost() {
        // Root may write anywhere, so the failure comes from a folder that is a file.
        let dir = tempfile::tempdir().unwrap();
        let not_a_folder = dir.path().join("notes.txt");
        fs::write(&not_a_folder, "kept").unwrap();
        let err = write_new_in(&not_a_folder, "q", "2026-12-02", b"x").unwrap_err();
        assert!(err.to_string().starts_with(&format!("cannot write in {}", not_a_folder.display())), "{err}");
        assert_eq!(fs::read(&not_a_folder).unwrap(), b"kept");
        #[cfg(unix)]
        if !is_root() {
            use std::os::unix::fs::PermissionsExt;
            let ro = dir.path().join("ro");
            fs::create_dir(&ro).unwrap();
            fs::set_permissions(&ro, fs::Permissions::from_mode(0o500)).unwrap();
            let err = write_new_in(&ro, "q", "2026-12-02", b"x").unwrap_err();
            assert!(err.to_string().contains(&ro.display().to_string()), "{err}");
            assert_eq!(fs::read_dir(&ro).unwrap().count(), 0);
        }
    }

    #[cfg(unix)]
    fn is_root() -> bool {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() == 0 }
    }
}

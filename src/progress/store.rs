//! Opening and saving the progress file.
//!
//! Saves are atomic: write a temporary file in the same folder, fsync it, rename it
//! over the old one, fsync the folder. A file that does not parse is never
//! overwritten: it is moved aside and the person is told where it went.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};

use super::model::Progress;

/// The default location: the platform's data folder (e.g. ~/.local/share/patient-tutor).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "patient-tutor").map(|dirs| dirs.data_dir().join("progress.toml"))
}

#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
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

    /// Read the progress file at `path`, or start fresh if there is none.
    /// Nothing is created on disk until the first save.
    pub fn open(path: &Path) -> Result<Opened> {
        let store = Store { path: path.to_path_buf() };
        let mut notices = Vec::new();
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Opened { store, progress: Progress::default(), notices });
            }
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read the progress file {}", path.display()));
            }
        };
        notices.extend(tighten_permissions(path)?);

        let parsed = std::str::from_utf8(&bytes)
            .map_err(|_| "it is not UTF-8 text".to_string())
            .and_then(|text| toml::from_str::<Progress>(text).map_err(|e| describe_toml_error(text, &e)));
        let progress = match parsed {
            Ok(progress) => progress,
            Err(why) => {
                let aside = store.move_aside()?;
                notices.push(format!(
                    "Your progress file could not be read ({why}). It was kept as {} and a fresh one was started.",
                    aside.display()
                ));
                Progress::default()
            }
        };
        Ok(Opened { store, progress, notices })
    }

    /// Atomically replace the progress file with `progress`.
    pub fn save(&self, progress: &Progress) -> Result<()> {
        let text = toml::to_string(progress).context("cannot write the progress as TOML")?;
        let dir = self.dir();
        create_private_dir(&dir)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".progress-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        set_mode(tmp.path(), 0o600)?;
        tmp.persist(&self.path).with_context(|| format!("cannot save the progress file {}", self.path.display()))?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    fn dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// Rename an unreadable file to `<name>.corrupt-<unix time>`, never over another.
    fn move_aside(&self) -> Result<PathBuf> {
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let name = self.path.file_name().and_then(|n| n.to_str()).unwrap_or("progress.toml");
        let mut aside = self.dir().join(format!("{name}.corrupt-{secs}"));
        let mut n = 1;
        while aside.exists() {
            aside = self.dir().join(format!("{name}.corrupt-{secs}-{n}"));
            n += 1;
        }
        fs::rename(&self.path, &aside).with_context(|| {
            format!("the progress file {} could not be read, and could not be moved aside", self.path.display())
        })?;
        Ok(aside)
    }
}

fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let first = e.message().lines().next().unwrap_or("").trim();
    match e.span() {
        Some(span) => {
            let line = text.as_bytes()[..span.start.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1;
            format!("line {line}: {first}")
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
    builder.create(dir).with_context(|| format!("cannot create the folder {}", dir.display()))
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

/// Progress is health information: others must not read it. Tighten a looser file.
#[cfg(unix)]
fn tighten_permissions(path: &Path) -> Result<Option<String>> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)?.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(None);
    }
    set_mode(path, 0o600)?;
    Ok(Some(format!(
        "Your progress file {} could be read by other users (mode {mode:o}); it is now private (600).",
        path.display()
    )))
}

#[cfg(not(unix))]
fn tighten_permissions(_path: &Path) -> Result<Option<String>> {
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let opened = Store::open(&path).unwrap();
        assert_eq!(opened.progress, Progress::default());
        assert!(opened.notices.is_empty());
        assert!(!path.exists());
    }

    #[test]
    fn save_then_open_round_trips() {
        let (_dir, path) = temp_store();
        let opened = Store::open(&path).unwrap();
        let mut p = opened.progress;
        p.notice_seen = true;
        p.record_position("staging", 321, 55, false);
        opened.store.save(&p).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("schema = 1\n"), "{text}");
        let again = Store::open(&path).unwrap();
        assert_eq!(again.progress, p);
        assert!(again.notices.is_empty());
    }

    #[test]
    fn every_kind_of_progress_round_trips() {
        let (_dir, path) = temp_store();
        let opened = Store::open(&path).unwrap();
        let mut p = opened.progress;
        p.notice_seen = true;
        p.record_position("staging", 321, 55, false);
        p.mark_explored("lungs");
        p.mark_explored("brain");
        crate::quiz::record_answer(&mut p, "staging-m1", &[2], true, 1_000);
        let mut book = crate::notebook::Notebook::default();
        book.add("What does M1 mean for me?", Some("staging"), Some("what-m1-means"), 5).unwrap();
        book.add("Who do I call at night?", None, None, 6).unwrap();
        book.set_note(0, "It means the cancer has spread.").unwrap();
        book.toggle_asked(0);
        p.my_questions = book.items.clone();
        opened.store.save(&p).unwrap();
        let again = Store::open(&path).unwrap();
        assert_eq!(again.progress, p);
        assert_eq!(again.progress.explored_sites, vec!["brain", "lungs"]);
    }

    #[cfg(unix)]
    #[test]
    fn file_and_folder_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = temp_store();
        let opened = Store::open(&path).unwrap();
        opened.store.save(&opened.progress).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        // A looser existing file is tightened, with a notice.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let again = Store::open(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert!(again.notices[0].contains("now private"), "{:?}", again.notices);
    }

    #[test]
    fn corrupt_file_is_moved_aside_never_overwritten() {
        let (_dir, path) = temp_store();
        let garbage = "schema = 1\n[lessons.staging\noffset = 3\n";
        write_private(&path, garbage);
        let opened = Store::open(&path).unwrap();
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
        opened.store.save(&opened.progress).unwrap();
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), garbage);
    }

    #[test]
    fn non_utf8_file_is_moved_aside() {
        let (_dir, path) = temp_store();
        write_private(&path, [0xff, 0xfe, 0x00]);
        let opened = Store::open(&path).unwrap();
        assert!(opened.notices[0].contains("not UTF-8"));
        assert!(!path.exists());
    }

    #[test]
    fn unknown_keys_from_newer_versions_are_kept() {
        let (_dir, path) = temp_store();
        let text = "schema = 1\nnotice_seen = true\ntheme = \"dark\"\n\n[lessons.staging]\noffset = 5\npercent = 10\nread = false\nbookmark = 7\n\n[future_feature]\nenabled = true\n";
        write_private(&path, text);
        let opened = Store::open(&path).unwrap();
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        let mut p = opened.progress;
        p.record_position("staging", 9, 20, false);
        opened.store.save(&p).unwrap();
        let saved: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(saved["theme"].as_str(), Some("dark"));
        assert_eq!(saved["future_feature"]["enabled"].as_bool(), Some(true));
        assert_eq!(saved["lessons"]["staging"]["bookmark"].as_integer(), Some(7));
        assert_eq!(saved["lessons"]["staging"]["offset"].as_integer(), Some(9));
    }
}

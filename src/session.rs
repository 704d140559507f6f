//! What every command needs before it starts: the content pack and the progress store.
//! Both are loaded before the terminal enters raw mode, so errors print readably.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use crate::content::{self, ContentPack};
use crate::progress::{self, Opened, Store};
use crate::words::t;

/// Load the pack named by `--content`, or the built-in one in the language of the words
/// in use (`--content` always wins, whatever the language).
pub fn load_pack(dir: Option<&Path>) -> Result<ContentPack> {
    let loaded = match dir {
        Some(dir) => content::load_dir(dir),
        None => content::load_builtin(crate::words::language()),
    };
    let pack = loaded.map_err(|errors| {
        let n = errors.0.len();
        anyhow!("{errors}\n{}", crate::tn!("cli.pack_problems", n))
    })?;
    // A pack's own words (`words.toml`) go over the built-in ones, before anything is shown.
    if let (Some(dir), Some(manifest)) = (dir, &pack.manifest)
        && let Ok(files) = content::PackFiles::dir(dir)
    {
        content::pack_words::apply(&files, &manifest.language);
    }
    Ok(pack)
}

/// The progress file to use: `--progress`, else the platform's data folder.
pub fn progress_path(flag: Option<&Path>) -> Result<PathBuf> {
    match flag {
        Some(path) => Ok(path.to_path_buf()),
        None => progress::default_path().context(t("cli.no_home")),
    }
}

/// Open the progress file (see [`progress_path`]) with `pack`'s reading places and
/// review schedule in use.
pub fn open_progress(flag: Option<&Path>, pack: &ContentPack) -> Result<Opened> {
    let path = progress_path(flag)?;
    let mut opened = Store::open(&path, crate::quiz::schedule_answer)?;
    opened.progress.use_pack(pack.progress_id());
    // The default folder is the app's own: keep it private. A folder the person
    // named is theirs, and only the file in it is tightened.
    if flag.is_none()
        && let Some(dir) = path.parent()
        && let Some(notice) = progress::tighten_folder(dir)?
    {
        opened.notices.insert(0, notice);
    }
    Ok(opened)
}

/// Seconds since 1970 (UTC). `PATIENT_TUTOR_NOW` overrides it, so tests can
/// move the clock to "tomorrow" and see the review queue.
pub fn now() -> u64 {
    if let Some(fixed) = std::env::var("PATIENT_TUTOR_NOW").ok().and_then(|v| v.parse().ok()) {
        return fixed;
    }
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// A seed for shuffling when none was given: different on each run.
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

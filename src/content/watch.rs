//! Live preview (`--watch`): watch a pack's folders and load the pack again when a
//! file in them changes, so an educator sees an edit without restarting.
//!
//! The operating system tells us of changes (inotify, FSEvents, …, through `notify`);
//! `notify-debouncer-mini` turns a burst of them (an editor's save is often several:
//! a backup, a write, a rename) into one. The pack is loaded on the watcher's thread,
//! so the tutor never waits for it; the result arrives on a channel.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{self, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

use super::{ContentError, ContentPack, PackErrors, PackFiles};

/// How long the files must be quiet before they are read again: long enough for an
/// editor's save to finish, short enough to feel immediate.
pub const SETTLE: Duration = Duration::from_millis(250);

/// What a reload gives: the new pack, or every problem that kept it from loading.
pub type Reloaded = Result<ContentPack, PackErrors>;

/// Watching some folders. Dropping it stops the watching.
pub struct Watching<T> {
    _debouncer: Debouncer<ChangesOnly>,
    /// One value each time the files changed (after they settled).
    pub changes: Receiver<T>,
}

/// Watch the pack given as `dir` (either layout, as `--content` takes it): every file
/// under it, `pack.toml` and the assets included, also when `assets/` is beside the pack.
pub fn watch_pack(dir: &Path) -> Result<Watching<Reloaded>, ContentError> {
    let owned = dir.to_path_buf();
    let named = dir.display().to_string();
    watch(
        &pack_roots(dir),
        |_| true,
        move || super::load_dir(&owned),
        move |e| Err(PackErrors(vec![stopped(&named, &e)])),
    )
}

/// The folders a pack given as `dir` is read from, each watched with everything in it:
/// the pack folder and its assets. For a checkout (`content/` and `assets/` side by
/// side) those two, not the whole checkout: a build writing into `target/` is no edit.
pub fn pack_roots(dir: &Path) -> Vec<PathBuf> {
    let Ok(PackFiles::Dir(pack)) = PackFiles::dir(dir) else { return vec![dir.to_path_buf()] };
    let mut roots = vec![pack.clone()];
    if let Some(assets) = PackFiles::assets_folder(&pack).filter(|assets| !assets.starts_with(&pack)) {
        roots.push(assets);
    }
    roots
}

/// The error for watching that stopped working (the system ran out of watches, say).
pub fn stopped(dir: &str, error: &notify::Error) -> ContentError {
    ContentError::new(dir, 0, format!("live preview stopped watching the files: {error}; restart to watch again"))
}

/// Watch `roots` (each with everything under it; a file is watched through its folder,
/// so a save that replaces the file by renaming another onto it is seen too). When
/// a changed file passes `wanted` and is not an editor's scratch file, `load` runs and
/// its result is sent; if watching fails, `failed`'s is.
pub fn watch<T: Send + 'static>(
    roots: &[PathBuf],
    wanted: impl Fn(&Path) -> bool + Send + 'static,
    mut load: impl FnMut() -> T + Send + 'static,
    failed: impl Fn(notify::Error) -> T + Send + 'static,
) -> Result<Watching<T>, ContentError> {
    let (send, changes) = channel();
    let config = Config::default().with_timeout(SETTLE);
    let mut debouncer = new_debouncer_opt::<_, ChangesOnly>(config, move |events: DebounceEventResult| {
        let value = match events {
            Ok(events) if events.iter().any(|e| is_edit(&e.path) && wanted(&e.path)) => load(),
            Ok(_) => return,
            Err(e) => failed(e),
        };
        // The receiver is gone only when the tutor is closing.
        let _ = send.send(value);
    })
    .map_err(|e| ContentError::new("--watch", 0, format!("cannot watch for changes: {e}")))?;
    for root in roots {
        let mode = if root.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        debouncer
            .watcher()
            .watch(root, mode)
            .map_err(|e| ContentError::new(root.display().to_string(), 0, format!("cannot watch for changes: {e}")))?;
    }
    Ok(Watching { _debouncer: debouncer, changes })
}

/// The system's watcher, passing on only changes: opening and reading a file is
/// reported too (inotify's OPEN, CLOSE_NOWRITE), and the debouncer drops the kind of
/// event, so without this every reload's own reading would start the next one.
pub struct ChangesOnly(RecommendedWatcher);

impl Watcher for ChangesOnly {
    fn new<F: EventHandler>(mut handler: F, config: notify::Config) -> notify::Result<Self> {
        let changes = move |event: notify::Result<notify::Event>| {
            if !matches!(&event, Ok(e) if matches!(e.kind, EventKind::Access(_))) {
                handler.handle_event(event);
            }
        };
        RecommendedWatcher::new(changes, config).map(ChangesOnly)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn kind() -> notify::WatcherKind {
        RecommendedWatcher::kind()
    }
}

/// A change worth loading the pack again for: not an editor's scratch file, and not
/// a folder (the folder of a changed file is reported too, for its changed time).
fn is_edit(path: &Path) -> bool {
    !is_scratch(path) && !path.is_dir()
}

/// An editor's swap, backup or lock file: its changes are not edits to the pack
/// (vim's `.x.md.swp` and its `4913` probe, `x.md~`, emacs's `.#x.md` and `#x.md#`).
pub fn is_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    name == "4913"
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp"].iter().any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn write_pack(dir: &Path, body: &str) {
        std::fs::create_dir_all(dir.join("lessons")).unwrap();
        std::fs::write(
            dir.join("lessons/01-one.md"),
            format!(
                "+++\nid = \"one\"\ntitle = \"One\"\nsummary = \"S.\"\nsources = [\"Me\"]\nreviewed = 2026-01-01\n+++\n# One\n\n{body}\n"
            ),
        )
        .unwrap();
    }

    /// The next value within a few seconds (watching is asynchronous).
    fn next<T>(watching: &Watching<T>) -> T {
        watching.changes.recv_timeout(Duration::from_secs(10)).expect("a change is reported")
    }

    #[test]
    fn scratch_files_of_editors_are_not_edits() {
        for name in [".01.md.swp", "01.md~", ".#01.md", "#01.md#", "4913", "x.swx"] {
            assert!(is_scratch(Path::new(name)), "{name}");
        }
        for name in ["01.md", "pack.toml", "body-map.txt", "sites.toml"] {
            assert!(!is_scratch(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn a_pack_with_assets_beside_it_is_watched_there_too() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(&dir.path().join("content"), "Hello.");
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::create_dir_all(dir.path().join("target/debug")).unwrap();
        let content = dir.path().join("content");
        let both = vec![content.clone(), dir.path().join("assets")];
        // The repository's layout, named by the checkout: its two folders, not target/.
        assert_eq!(pack_roots(dir.path()), both);
        // The pack folder itself: assets/ beside it is a second root.
        assert_eq!(pack_roots(&content), both);
        // A pack with assets/ inside: one root.
        let inside = tempfile::tempdir().unwrap();
        write_pack(inside.path(), "Hello.");
        std::fs::create_dir_all(inside.path().join("assets")).unwrap();
        assert_eq!(pack_roots(inside.path()), vec![inside.path().to_path_buf()]);
    }

    #[test]
    fn an_edit_reloads_the_pack_and_a_broken_one_reports_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path(), "Hello.");
        let watching = watch_pack(dir.path()).unwrap();
        let started = Instant::now();
        write_pack(dir.path(), "Changed words.");
        let pack = next(&watching).expect("the edited pack loads");
        assert!(pack.lessons[0].body.contains("Changed words."));
        assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());

        std::fs::write(dir.path().join("lessons/01-one.md"), "+++\nid = \n+++\n").unwrap();
        // Under load the first edit's events can settle in two batches: a late reload of the
        // good pack may come first.
        let errors = loop {
            match next(&watching) {
                Ok(pack) if pack.lessons[0].body.contains("Changed words.") => continue,
                other => break other.expect_err("a broken front matter does not load"),
            }
        };
        let first = errors.0[0].to_string();
        assert!(first.starts_with("lessons/01-one.md:"), "{first}");
    }

    #[test]
    fn an_asset_beside_the_pack_is_watched_and_a_build_folder_is_not() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(&dir.path().join("content"), "Hello.");
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::create_dir_all(dir.path().join("target")).unwrap();
        let watching = watch_pack(dir.path()).unwrap();
        std::fs::write(dir.path().join("target/build-output"), "not the pack").unwrap();
        assert!(watching.changes.recv_timeout(SETTLE * 4).is_err(), "target/ is not watched");
        std::fs::write(dir.path().join("assets/map.txt"), " o \n").unwrap();
        next(&watching).expect("the pack loads again");
    }

    #[test]
    fn a_save_by_rename_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path(), "Hello.");
        let watching = watch_pack(dir.path()).unwrap();
        // As vim does: the new text goes to another file, which is renamed over the lesson.
        let lesson = dir.path().join("lessons/01-one.md");
        let other = dir.path().join("lessons/.01-one.md.new");
        std::fs::write(&other, std::fs::read_to_string(&lesson).unwrap().replace("Hello.", "Renamed in.")).unwrap();
        std::fs::rename(&other, &lesson).unwrap();
        let pack = next(&watching).expect("the pack loads");
        assert!(pack.lessons[0].body.contains("Renamed in."));
    }

    #[test]
    fn reading_the_files_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path(), "Hello.");
        let watching = watch_pack(dir.path()).unwrap();
        write_pack(dir.path(), "Changed.");
        next(&watching).expect("the pack loads");
        // The reload read every file: that must not start another one, nor must a reader.
        std::fs::read_to_string(dir.path().join("lessons/01-one.md")).unwrap();
        assert!(watching.changes.recv_timeout(SETTLE * 4).is_err(), "a reload started by reading");
    }

    #[test]
    fn only_scratch_files_changing_reloads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        write_pack(dir.path(), "Hello.");
        let watching = watch_pack(dir.path()).unwrap();
        std::fs::write(dir.path().join("lessons/.01-one.md.swp"), "swap").unwrap();
        assert!(watching.changes.recv_timeout(SETTLE * 4).is_err(), "a swap file is not an edit");
    }
}

//! A FIFO, a device or another file that is not a regular file, anywhere in a content
//! pack or given to `read FILE.md`, never blocks the program: it is refused at once
//! with an error that names the file and says what it is.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn valid_pack(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), &pack);
    pack
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Run the binary with `args`; it must end (with a failure) well before the timeout.
fn fails_quickly(args: &[&std::ffi::OsStr]) -> String {
    let start = Instant::now();
    let out = Command::cargo_bin("patient-tutor")
        .unwrap()
        .args(args)
        .env("PATIENT_TUTOR_PROGRESS", std::env::temp_dir().join("unused-special-files-progress.toml"))
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(start.elapsed() < Duration::from_secs(15), "took {:?} (it blocked): {text}", start.elapsed());
    assert!(!out.status.success(), "{text}");
    text
}

/// Each file of a pack in turn replaced by a FIFO: `check` and `lessons` say which file
/// and what it is, and do not wait for a writer.
#[test]
fn a_fifo_anywhere_in_a_pack_is_refused_by_name() {
    for file in [
        "lessons/01-intro.md",
        "lessons/03-extra.md",
        "quizzes/intro.toml",
        "sites.toml",
        "glossary.toml",
        "survival.toml",
        "assets/map.txt",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let pack = valid_pack(dir.path());
        mkfifo(&pack.join(file));
        let check = fails_quickly(&["check".as_ref(), pack.as_os_str()]);
        assert!(check.contains(file) && check.contains("named pipe (FIFO), not a regular file"), "{file}: {check}");
        let lessons = fails_quickly(&["--content".as_ref(), pack.as_os_str(), "lessons".as_ref()]);
        assert!(lessons.contains(file) && lessons.contains("named pipe"), "{file}: {lessons}");
    }
}

#[test]
fn a_device_in_a_pack_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    // A link to a device: reading /dev/zero would never end.
    std::fs::remove_file(pack.join("glossary.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", pack.join("glossary.toml")).unwrap();
    let check = fails_quickly(&["check".as_ref(), pack.as_os_str()]);
    assert!(check.contains("glossary.toml: error: this is a device, not a regular file"), "{check}");
}

#[test]
fn previewing_a_fifo_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("draft.md");
    mkfifo(&fifo);
    let text = fails_quickly(&["read".as_ref(), fifo.as_os_str()]);
    assert!(text.contains("draft.md: this is a named pipe (FIFO), not a regular file"), "{text}");
}

#[test]
fn a_folder_where_a_pack_file_should_be_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    std::fs::remove_file(pack.join("survival.toml")).unwrap();
    std::fs::create_dir(pack.join("survival.toml")).unwrap();
    let check = fails_quickly(&["check".as_ref(), pack.as_os_str()]);
    assert!(check.contains("survival.toml: error: this is a folder, not a regular file"), "{check}");
}

/// Run `check PACK` as another user (root can read anything, so a folder it may not read
/// needs someone else); None, with the reason printed, where that cannot be done.
fn check_as_user_1000(pack: &Path) -> Option<String> {
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=1000", "--regid=1000", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("patient-tutor"))
        .arg("check")
        .arg(pack)
        .output();
    match out {
        Ok(out) if out.status.code() == Some(1) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => {
            eprintln!("skipped: setpriv could not run the check as uid 1000: {out:?}");
            None
        }
        Err(e) => {
            eprintln!("skipped: no setpriv ({e})");
            None
        }
    }
}

/// A folder or file the program may not read is named in the error, with the reason:
/// not "Permission denied" alone, and not silently an empty folder.
#[test]
fn an_unreadable_folder_or_file_in_a_pack_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let pack = valid_pack(dir.path());
    let open = |path: &Path, mode| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    for entry in walk(dir.path()) {
        open(&entry, if entry.is_dir() { 0o755 } else { 0o644 });
    }
    open(&pack.join("quizzes"), 0o000);
    open(&pack.join("lessons/02-more.md"), 0o000);
    let Some(text) = check_as_user_1000(&pack) else { return };
    let quizzes = pack.join("quizzes");
    assert!(
        text.contains(&format!("{}: error: cannot read the folder: Permission denied", quizzes.display())),
        "{text}"
    );
    let lesson = pack.join("lessons/02-more.md");
    assert!(text.contains(&format!("{}: error: cannot open: Permission denied", lesson.display())), "{text}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

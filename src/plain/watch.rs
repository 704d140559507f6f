//! `read FILE.md --watch`: print a lesson, then print it again each time its file (or
//! the `--content` pack its links point into) changes, until Ctrl-C. On a terminal the
//! screen is cleared first; in a pipe a line marks where the next printing starts.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Result;

use crate::content::watch;
use crate::markdown;
use crate::words::t;

/// Clear the screen and go to its top (the scrollback is left alone).
const CLEAR: &str = "\x1b[H\x1b[2J";

pub fn read(content: Option<&Path>, target: &str, width: Option<u16>, detail: bool) -> Result<ExitCode> {
    let terminal = std::io::stdout().is_terminal();
    // Ctrl-C (and a polite kill) end the watching between two printings, not inside one.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (roots, wanted) = watched(content, target);
    let named = target.to_string();
    let watching = watch::watch(&roots, wanted, || Ok(()), move |e| Err(watch::stopped(&named, &e)))
        .map_err(anyhow::Error::new)?;
    if terminal {
        print!("{CLEAR}");
    }
    // The first printing must work (a mistyped name is an error, as without --watch).
    super::print_read(content, target, width, detail)?;
    hint(terminal)?;
    while !stop.load(Ordering::Relaxed) {
        let Ok(changed) = watching.changes.recv_timeout(Duration::from_millis(100)) else { continue };
        if let Err(stopped) = changed {
            say(&stopped.to_string());
            return Ok(ExitCode::FAILURE);
        }
        // Later edits made on the way somewhere may not load yet: say why, wait for the next.
        let mut out = std::io::stdout().lock();
        if terminal {
            write!(out, "{CLEAR}")?;
        } else {
            writeln!(out, "\n{}\n", t("plain.watch.printed_again"))?;
        }
        out.flush()?;
        drop(out);
        if let Err(e) = super::print_read(content, target, width, detail) {
            say(&format!("{e:#}"));
        }
        hint(terminal)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The way to stop, under the lesson: on a terminal only (a pipe keeps just the text).
fn hint(terminal: bool) -> Result<()> {
    if terminal {
        let mut err = super::stderr();
        writeln!(err, "\n{}", t("plain.watch.watching"))?;
    }
    Ok(())
}

/// A problem, on stderr, harmless on a terminal.
fn say(text: &str) {
    let _ = writeln!(super::stderr(), "patient-tutor: {}", markdown::sanitize_multiline(text));
}

/// What to watch: the file's folder (a save by renaming another file onto it is seen
/// there), taking only that file's changes; and the whole `--content` pack, if given.
type Wanted = Box<dyn Fn(&Path) -> bool + Send>;
fn watched(content: Option<&Path>, target: &str) -> (Vec<PathBuf>, Wanted) {
    let pack: Vec<PathBuf> = content.map(watch::pack_roots).unwrap_or_default().iter().map(|r| canonical(r)).collect();
    let path = Path::new(target);
    let file = target.ends_with(".md") || path.is_file();
    if !file {
        return (pack, Box::new(|_| true));
    }
    let folder = canonical(path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")));
    let name = path.file_name().map(|n| n.to_os_string());
    let mut roots = pack.clone();
    if !pack.iter().any(|root| folder.starts_with(root)) {
        roots.push(folder.clone());
    }
    let wanted = move |changed: &Path| {
        let is_file = changed.parent() == Some(folder.as_path()) && changed.file_name() == name.as_deref();
        is_file || pack.iter().any(|root| changed.starts_with(root))
    };
    (roots, Box::new(wanted))
}

/// The path as the system reports changes to it (links resolved), or as given.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

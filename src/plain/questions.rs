//! `questions`: the notebook of questions for the care team, from the shell.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::content::ContentPack;
use crate::content::check::date_of;
use crate::markdown::{sanitize, sanitize_path};
use crate::notebook::{self, MyQuestion, Notebook, Undo};
use crate::progress::Opened;
use crate::session;
use crate::words::t;
use crate::{tf, tn};

fn source(pack: &ContentPack, q: &MyQuestion) -> Option<String> {
    let lesson = q.lesson.as_deref()?;
    let target = match &q.section {
        Some(section) => format!("{lesson}#{section}"),
        None => lesson.to_string(),
    };
    pack.target_label(&target)
}

/// `questions`: one line each, open ones marked `[ ]`, asked ones `[x]`.
pub fn list(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    let items = &opened.progress.my_questions;
    let mut out = super::stdout();
    if items.is_empty() {
        writeln!(out, "{}", t("plain.questions.none"))?;
        return Ok(ExitCode::SUCCESS);
    }
    for (i, q) in items.iter().enumerate() {
        let mark = if q.asked { "[x]" } else { "[ ]" };
        write!(out, "{:>2}. {mark} {}", i + 1, sanitize(&q.text))?;
        if let Some(from) = source(pack, q) {
            write!(out, "  {}", tf!("plain.questions.from", place = from))?;
        }
        writeln!(out)?;
        if !q.note.is_empty() {
            writeln!(out, "        {}", tf!("plain.questions.answer", note = sanitize(&q.note)))?;
        }
    }
    let open = items.iter().filter(|q| !q.asked).count();
    writeln!(out, "{}", tn!("plain.questions.still_to_ask", items.len(), open = open))?;
    Ok(ExitCode::SUCCESS)
}

/// `questions add TEXT`: saved like the tutor saves it (atomic, private).
pub fn add(pack: &ContentPack, opened: Opened, text: &str, lesson: Option<&str>) -> Result<ExitCode> {
    if let Some(id) = lesson
        && pack.lesson(id).is_none()
    {
        bail!("{}", super::no_lesson(pack, id));
    }
    let Opened { store, mut progress, .. } = opened;
    if let Err(e) = Notebook::new(&mut progress, &mut Undo::default()).add(text, lesson, None, session::now()) {
        writeln!(super::stderr(), "{e}")?;
        return Ok(ExitCode::FAILURE);
    }
    store.save(&mut progress)?;
    let open = notebook::open_count(&progress.my_questions);
    writeln!(super::stdout(), "{}", tn!("plain.questions.added", open))?;
    Ok(ExitCode::SUCCESS)
}

/// `questions export [FILE|-]`: the checklist to stdout (no file, or `-`), or to a
/// file it will not overwrite without --force.
pub fn export(pack: &ContentPack, opened: &Opened, file: Option<&Path>, force: bool) -> Result<ExitCode> {
    let topic = |q: &MyQuestion| q.lesson.as_deref().and_then(|id| pack.target_label(id));
    let to_screen = file.is_none_or(|f| f == Path::new("-"));
    if opened.progress.my_questions.is_empty() {
        // Nothing written anywhere; said on stderr when the checklist would go to stdout.
        let text = t("tui.no_questions_to_export");
        if to_screen {
            writeln!(super::stderr(), "{text}")?
        } else {
            writeln!(super::stdout(), "{text}")?
        }
        return Ok(ExitCode::SUCCESS);
    }
    let markdown = notebook::export_markdown(&opened.progress.my_questions, &date_of(session::now()), &topic);
    let Some(path) = file.filter(|f| *f != Path::new("-")) else {
        super::stdout().write_all(markdown.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    // A private file (mode 600), as every export: it holds health questions.
    let shown = sanitize_path(path);
    match crate::export::write_private(path, markdown.as_bytes(), force) {
        Ok(_) => println!("{}", tf!("plain.questions.wrote", path = shown)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => bail!("{}", tf!("plain.file_exists", path = shown)),
        Err(e) => return Err(e).with_context(|| tf!("plain.cannot_write", path = shown)),
    }
    Ok(ExitCode::SUCCESS)
}

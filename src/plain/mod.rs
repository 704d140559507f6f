//! Line-oriented output for pipes, scripts and screen readers.

mod ansi;
pub mod explorer;
pub mod pack;
pub mod questions;
pub mod quiz;

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::content::glossary::Lookup;
use crate::content::{ContentPack, Question, files, lesson};
use crate::markdown::{self, MdTheme};
use crate::progress::{LessonStatus, Opened};
use crate::quiz::{QuizSession, due_questions, record_answer};
use crate::session;

/// Text for a lesson's status, shared by every plain command.
pub fn status_text(status: LessonStatus) -> String {
    match status {
        LessonStatus::New => "new".to_string(),
        LessonStatus::InProgress(p) => format!("in progress {p}%"),
        LessonStatus::Read => "read".to_string(),
    }
}

fn print_notices(opened: &Opened) {
    for notice in &opened.notices {
        eprintln!("patient-tutor: {notice}");
    }
}

/// `lessons`: id, title and status, tab-separated, one lesson per line.
pub fn lessons(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    print_notices(opened);
    let mut out = io::stdout().lock();
    for lesson in &pack.lessons {
        let status = status_text(opened.progress.lesson_status(&lesson.id));
        writeln!(out, "{}\t{}\t{}", lesson.id, markdown::sanitize(&lesson.title), status)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `read ID|FILE.md`: the rendered lesson. Styled only for a terminal without NO_COLOR.
/// Lines are written as they are made, so a large file is never held as lines.
/// A lesson's "More detail" parts are one line each unless `detail`; its content note
/// comes first.
pub fn read(content: Option<&Path>, target: &str, width: Option<u16>, detail: bool) -> Result<ExitCode> {
    let document = match find_document(content, target)? {
        Found::Page(text) => text,
        Found::Lesson(lesson) => lesson_document(&lesson, detail),
    };
    let stdout = io::stdout();
    let styled = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = width.unwrap_or_else(|| match crossterm::terminal::size() {
        Ok((w, _)) if stdout.is_terminal() && w > 0 => w,
        _ => 80,
    });
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    if styled {
        markdown::render_each(&document, width, &MdTheme::color(), &mut |line| ansi::write_line(&mut out, line))?;
    } else {
        markdown::write_plain(&document, width, &mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The Markdown to show for a lesson id from the pack, or for a Markdown file given
/// by path. A file with `+++` front matter is checked as a lesson; a plain page is
/// shown as it is (a lesson's bare page shows its body unchanged).
fn find_document(content: Option<&Path>, target: &str) -> Result<Found> {
    let path = Path::new(target);
    if target.ends_with(".md") || path.is_file() {
        let text = files::read_limited_to(path, target, files::MAX_PREVIEW_BYTES).map_err(anyhow::Error::new)?;
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if body.lines().next().is_some_and(|first| first.trim_end() == "+++") {
            let lesson = lesson::parse(target, &text, false).map_err(anyhow::Error::new)?;
            return Ok(Found::Lesson(Box::new(lesson)));
        }
        return Ok(Found::Page(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        }));
    }
    let mut pack = session::load_pack(content)?;
    match pack.lesson_index(target) {
        Some(i) => Ok(Found::Lesson(Box::new(pack.lessons.swap_remove(i)))),
        None => bail!(
            "there is no lesson `{}`. The lessons are:\n  {}\n(or give the path of a Markdown file to preview it)",
            markdown::sanitize(target),
            pack.lesson_ids().join("\n  ")
        ),
    }
}

enum Found {
    /// A Markdown page without front matter, shown as it is.
    Page(String),
    Lesson(Box<lesson::Lesson>),
}

/// A lesson's Markdown for `read`: its content note first, its "More detail" parts
/// folded to one line each unless `detail`.
fn lesson_document(lesson: &lesson::Lesson, detail: bool) -> String {
    use crate::tui::text;
    let mut document = String::new();
    if let Some(note) = &lesson.content_note {
        document.push_str(&format!("*{}*\n\n---\n\n", text::content_note_plain(note)));
    }
    if detail {
        document.push_str(&lesson.document());
    } else {
        let folded = lesson.document_folded(|_| true, |_, d| text::detail_folded_plain(&d.what_markdown, &lesson.id));
        document.push_str(&folded.text);
    }
    document
}

/// `define TERM`: one definition, or the closest terms.
pub fn define(pack: &ContentPack, query: &str) -> Result<ExitCode> {
    let shown = markdown::sanitize(query.trim()).into_owned();
    match pack.glossary.lookup(query) {
        Lookup::Found(term) => {
            let mut out = io::stdout().lock();
            writeln!(out, "{}: {}", markdown::sanitize(&term.term), markdown::sanitize(&term.definition))?;
            if let Some(see) = &term.see {
                writeln!(out, "Read more: {}", markdown::sanitize(see))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Lookup::Closest(terms) if !terms.is_empty() => {
            let names: Vec<String> = terms.iter().map(|t| markdown::sanitize(&t.term).into_owned()).collect();
            eprintln!("\"{shown}\" is not in the glossary. Did you mean: {}?", names.join(", "));
            Ok(ExitCode::FAILURE)
        }
        Lookup::Closest(_) => {
            eprintln!(
                "\"{shown}\" is not in the glossary. Try `patient-tutor search {shown}` to find it in the lessons."
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `search WORDS`: one hit per line, best first.
pub fn search(pack: &ContentPack, query: &str) -> Result<ExitCode> {
    let hits = crate::search::search(pack, query);
    if hits.is_empty() {
        eprintln!("No lesson mentions \"{}\". Try fewer or shorter words.", markdown::sanitize(query.trim()));
        return Ok(ExitCode::FAILURE);
    }
    let mut out = io::stdout().lock();
    for hit in hits {
        writeln!(out, "{}: {}", hit.target(), hit.snippet)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `quiz ID --plain`: one lesson's quiz as plain text; progress saved after every answer.
pub fn quiz_lesson(pack: &ContentPack, opened: Opened, lesson_id: &str, seed: Option<u64>) -> Result<ExitCode> {
    if pack.lesson(lesson_id).is_none() {
        bail!(
            "there is no lesson `{}`. The lessons are:\n  {}",
            markdown::sanitize(lesson_id),
            pack.lesson_ids().join("\n  ")
        );
    }
    let questions: Vec<Question> = pack.quiz(lesson_id).into_iter().cloned().collect();
    if questions.is_empty() {
        bail!("the lesson `{lesson_id}` has no quiz");
    }
    run_plain_quiz(opened, questions, seed)
}

/// `review --plain`: the questions due again, as plain text.
pub fn review(pack: &ContentPack, opened: Opened, seed: Option<u64>) -> Result<ExitCode> {
    let due: Vec<Question> =
        due_questions(&pack.questions, &opened.progress, session::now()).into_iter().cloned().collect();
    if due.is_empty() {
        print_notices(&opened);
        println!("Nothing to review now. Questions come back for review a while after you answer them.");
        return Ok(ExitCode::SUCCESS);
    }
    run_plain_quiz(opened, due, seed)
}

fn run_plain_quiz(opened: Opened, questions: Vec<Question>, seed: Option<u64>) -> Result<ExitCode> {
    print_notices(&opened);
    let Opened { store, mut progress, .. } = opened;
    let mut session = QuizSession::new(questions, seed.unwrap_or_else(session::fresh_seed));
    let mut save_error = None;
    let mut on_answer = |id: &str, chosen: &[usize], correct: bool| {
        record_answer(&mut progress, id, chosen, correct, session::now());
        if let Err(e) = store.save(&mut progress) {
            eprintln!("patient-tutor: could not save your progress: {e:#}");
            save_error = Some(e);
        }
        for notice in store.take_notices() {
            eprintln!("patient-tutor: {notice}");
        }
    };
    quiz::run(&mut session, &mut io::stdin().lock(), &mut io::stdout().lock(), &mut on_answer)?;
    match save_error {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// `progress`: a readable summary.
pub fn progress_summary(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    print_notices(opened);
    let p = &opened.progress;
    let read = pack.lessons.iter().filter(|l| p.lesson_status(&l.id) == LessonStatus::Read).count();
    let mut out = io::stdout().lock();
    writeln!(out, "Progress file: {}", opened.store.path().display())?;
    writeln!(out, "Lessons read: {read} of {}", pack.lessons.len())?;
    for (i, lesson) in pack.lessons.iter().enumerate() {
        let status = status_text(p.lesson_status(&lesson.id));
        writeln!(out, "  {:>2}. {} ({status})", i + 1, markdown::sanitize(&lesson.title))?;
    }
    let ids = pack.lesson_ids();
    match p.next_lesson(&ids).and_then(|id| pack.lesson(id)) {
        Some(next) => writeln!(out, "Next to read: {} ({})", markdown::sanitize(&next.title), next.id)?,
        None => writeln!(out, "You have read every lesson.")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `progress reset`: erase the progress file and its answer history, after asking
/// (unless `--yes`).
pub fn progress_reset(path: &Path, yes: bool) -> Result<ExitCode> {
    let history = crate::progress::history_path(path);
    if !path.exists() && !history.exists() {
        println!("There is no progress to reset ({} does not exist).", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    if !yes {
        eprint!("This erases all your progress in {}. Type yes to go on: ", path.display());
        io::stderr().flush()?;
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        if !answer.trim().eq_ignore_ascii_case("yes") {
            eprintln!("Nothing was changed.");
            return Ok(ExitCode::FAILURE);
        }
    }
    let mut removed = Vec::new();
    for file in [path, history.as_path()] {
        match std::fs::remove_file(file) {
            Ok(()) => removed.push(file.display().to_string()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", file.display())),
        }
    }
    let verb = if removed.len() == 1 { "was" } else { "were" };
    println!("Progress reset: {} {verb} removed.", removed.join(" and "));
    Ok(ExitCode::SUCCESS)
}

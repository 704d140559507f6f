//! Line-oriented output for pipes, scripts and screen readers.

mod ansi;
pub mod checkin;
pub mod explorer;
pub mod linear;
pub mod pack;
pub mod questions;
pub mod quiz;
mod reset;
pub mod session;
pub mod watch;
mod wrapped;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::content::glossary::Lookup;
use crate::content::{ContentPack, Question, files, lesson};
use crate::markdown;
use crate::progress::{LessonStatus, Opened};
use crate::quiz::{QuizSession, due_at, due_questions, record_answer};
use crate::session as app_session;
use crate::tui::text::saving as progress_words;
use crate::words::t;
use crate::{tf, tn};
pub use wrapped::Wrapped;

/// Standard output for a plain command: each line wrapped to [`output_width`] and
/// cleaned of anything unsafe on a terminal.
pub fn stdout() -> Wrapped<io::StdoutLock<'static>> {
    Wrapped::new(io::stdout().lock(), line_width(io::stdout().is_terminal()).unwrap_or(u16::MAX))
}

/// Standard error, wrapped and cleaned like [`stdout`].
pub fn stderr() -> Wrapped<io::StderrLock<'static>> {
    Wrapped::new(io::stderr().lock(), line_width(io::stderr().is_terminal()).unwrap_or(u16::MAX))
}

/// Text for a lesson's status, shared by every plain command.
pub fn status_text(status: LessonStatus) -> String {
    match status {
        LessonStatus::New => t("plain.status_new").to_string(),
        LessonStatus::InProgress(p) => tf!("plain.status_in_progress", percent = p),
        LessonStatus::Read => t("plain.status_read").to_string(),
    }
}

fn print_notices(opened: &Opened) {
    print_notice_lines(&opened.notices);
}

/// The store's notices name files (a file kept aside, say): printed cleaned, one a line.
pub fn print_notice_lines(notices: &[String]) {
    let mut err = stderr();
    for notice in notices {
        let _ = writeln!(err, "patient-tutor: {}", markdown::sanitize(notice));
    }
}

/// `lessons`: id, title and status, tab-separated, one lesson per line (a line too
/// wide for the terminal is wrapped, its tabs as spaces).
pub fn lessons(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    print_notices(opened);
    let mut out = stdout().records();
    for lesson in &pack.lessons {
        let status = status_text(opened.progress.lesson_status(&lesson.id));
        writeln!(out, "{}\t{}\t{}", lesson.id, markdown::sanitize(&lesson.title), status)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The width `read` wraps a document to: the one asked for, else the terminal's,
/// else `COLUMNS` (as a shell sets it), else 80.
pub fn output_width(asked: Option<u16>) -> u16 {
    asked.map(|w| w.max(1)).or_else(|| line_width(io::stdout().is_terminal())).unwrap_or(80)
}

/// The width other plain output is wrapped to: the terminal's, else `COLUMNS`; in a
/// pipe with no `COLUMNS`, none (lines stay whole for scripts: `file:line: message`).
fn line_width(terminal: bool) -> Option<u16> {
    if terminal
        && let Ok((w, _)) = crossterm::terminal::size()
        && w > 0
    {
        return Some(w);
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()).filter(|&w| w > 0)
}

/// Whether `read` styles its lines: a terminal, and no `NO_COLOR`.
fn styled_output() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `read ID[#SECTION]|FILE.md`: the lesson (or one section, or a page being written)
/// in linear form: the same lines on a terminal, styled, as in a pipe. A lesson's
/// content note comes first, and its "More detail" parts are one line each unless
/// `detail`.
pub fn read(content: Option<&Path>, target: &str, width: Option<u16>, detail: bool) -> Result<ExitCode> {
    print_read(content, target, width, detail)?;
    Ok(ExitCode::SUCCESS)
}

/// What `read` prints, once (`read --watch` prints it again on each change).
fn print_read(content: Option<&Path>, target: &str, width: Option<u16>, detail: bool) -> Result<()> {
    let (pack, document) = find_document(content, target, detail)?;
    let width = output_width(width);
    let look = if styled_output() { linear::Look::Styled } else { linear::Look::Plain };
    let mut out = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    linear::write_document(pack.as_ref(), &document, width, look, &mut out)?;
    out.flush()?;
    Ok(())
}

/// The pack links resolve against, and the Markdown to show: a lesson by id, one
/// section of it (`id#section`), or a Markdown file given by path. A file with `+++`
/// front matter is read as a lesson being written: what it lacks is listed as
/// warnings, and it is shown all the same; a plain page is shown as it is.
fn find_document(content: Option<&Path>, target: &str, detail: bool) -> Result<(Option<ContentPack>, String)> {
    let path = Path::new(target);
    if target.ends_with(".md") || path.is_file() {
        let text = files::read_limited_to(path, target, files::MAX_PREVIEW_BYTES).map_err(anyhow::Error::new)?;
        let (lesson, warnings) = lesson::parse_draft_in(target, &text, file_language(path));
        for warning in warnings {
            let warning = markdown::sanitize(&warning.to_string()).into_owned();
            eprintln!("patient-tutor: {}", tf!("plain.commands.preview_warning", warning = warning));
        }
        // Links in a page being written point at the pack it is for, if that loads.
        // A plain page (no front matter) is shown as it is, not folded.
        let page = text.trim_start_matches('\u{feff}').lines().next().is_none_or(|l| l.trim_end() != "+++");
        let document =
            if page { lesson.document() } else { lesson_document(&lesson, None, detail).unwrap_or_default() };
        return Ok((app_session::load_pack(content).ok(), document));
    }
    let pack = app_session::load_pack(content)?;
    let (id, section) = match target.split_once('#') {
        Some((id, section)) => (id, Some(section).filter(|s| !s.is_empty())),
        None => (target, None),
    };
    let Some(lesson) = pack.lesson(id) else {
        bail!("{}", tf!("plain.commands.no_lesson_or_file", id = markdown::sanitize(id), lessons = lesson_list(&pack)));
    };
    let Some(document) = lesson_document(lesson, section, detail) else {
        let slugs: Vec<String> = lesson.sections.iter().map(|s| format!("{id}#{}", s.slug)).collect();
        bail!(
            "{}",
            tf!(
                "plain.commands.no_section",
                id = id,
                section = markdown::sanitize(section.unwrap_or_default()),
                sections = slugs.join("\n  ")
            )
        );
    };
    Ok((Some(pack), document))
}

/// The language a lesson file is written in: that of the pack whose folder holds it (a
/// `pack.toml` beside it or one folder up, as for `lessons/NN-x.md`), else the chosen language.
fn file_language(path: &Path) -> &'static crate::content::language::Language {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let manifest = folder.ancestors().take(2).map(|dir| dir.join(crate::content::manifest::FILE)).find(|f| f.is_file());
    let code = manifest
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| crate::content::manifest::parse(crate::content::manifest::FILE, &text).ok())
        .map(|m| m.language);
    crate::content::language::markers(code.as_deref().unwrap_or(crate::words::language()))
}

/// A lesson's Markdown for `read` (the whole lesson, or one `##` section; None if
/// it has no such section): its content note first, its "More detail" parts folded
/// to one line each unless `detail`.
fn lesson_document(lesson: &lesson::Lesson, section: Option<&str>, detail: bool) -> Option<String> {
    use crate::tui::text;
    let marker = |_: usize, d: &crate::content::detail::Detail| text::detail_folded_plain(&d.what_markdown, &lesson.id);
    let body = match (section, detail) {
        (None, true) => lesson.document(),
        (None, false) => lesson.document_folded(|_| true, marker).text,
        (Some(slug), true) => lesson.section_document(slug)?,
        (Some(slug), false) => lesson.section_document_folded(slug, marker)?,
    };
    let mut document = String::new();
    if let Some(note) = &lesson.content_note {
        document.push_str(&format!("*{}*\n\n---\n\n", text::content_note_plain(note)));
    }
    document.push_str(&body);
    Some(document)
}

/// `define TERM`: one definition, or the closest terms.
pub fn define(pack: &ContentPack, query: &str) -> Result<ExitCode> {
    let shown = markdown::sanitize(query.trim()).into_owned();
    match pack.glossary.lookup(query) {
        Lookup::Found(term) => {
            let mut out = stdout();
            let (name, definition) = (markdown::sanitize(&term.term), markdown::sanitize(&term.definition));
            writeln!(out, "{}", tf!("plain.commands.definition", term = name, definition = definition))?;
            if let Some(see) = &term.see {
                writeln!(out, "{}", tf!("plain.link.read_more", pointer = markdown::sanitize(see)))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Lookup::Closest(terms) if !terms.is_empty() => {
            let names: Vec<String> = terms.iter().map(|t| markdown::sanitize(&t.term).into_owned()).collect();
            let names = names.join(t("plain.separator"));
            writeln!(stderr(), "{}", tf!("plain.commands.did_you_mean", query = shown, words = names))?;
            Ok(ExitCode::FAILURE)
        }
        Lookup::Closest(_) => {
            writeln!(stderr(), "{}", tf!("plain.commands.not_in_glossary", query = shown))?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `search WORDS`: one hit per line, best first.
pub fn search(pack: &ContentPack, query: &str) -> Result<ExitCode> {
    let hits = crate::search::search(pack, query);
    if hits.is_empty() {
        writeln!(stderr(), "{}", tf!("plain.commands.no_search_hits", query = markdown::sanitize(query.trim())))?;
        return Ok(ExitCode::FAILURE);
    }
    let mut out = stdout();
    for hit in hits {
        writeln!(out, "{}: {}", hit.target(), hit.snippet)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `quiz ID --plain`: one lesson's quiz as plain text; progress saved after every answer.
pub fn quiz_lesson(pack: &ContentPack, opened: Opened, lesson_id: &str, seed: Option<u64>) -> Result<ExitCode> {
    if pack.lesson(lesson_id).is_none() {
        bail!("{}", no_lesson(pack, lesson_id));
    }
    let questions: Vec<Question> = pack.quiz(lesson_id).into_iter().cloned().collect();
    if questions.is_empty() {
        bail!("{}", tf!("plain.commands.no_quiz", id = lesson_id));
    }
    run_plain_quiz(pack, opened, questions, seed)
}

/// `review --plain`: the questions due again, as plain text.
pub fn review(pack: &ContentPack, opened: Opened, seed: Option<u64>) -> Result<ExitCode> {
    let due: Vec<Question> =
        due_questions(&pack.questions, &opened.progress, crate::session::now()).into_iter().cloned().collect();
    if due.is_empty() {
        print_notices(&opened);
        writeln!(stdout(), "{}", nothing_due(next_due(pack, &opened.progress)))?;
        return Ok(ExitCode::SUCCESS);
    }
    run_plain_quiz(pack, opened, due, seed)
}

fn run_plain_quiz(pack: &ContentPack, opened: Opened, questions: Vec<Question>, seed: Option<u64>) -> Result<ExitCode> {
    print_notices(&opened);
    let Opened { store, mut progress, .. } = opened;
    let mut session = QuizSession::new(questions, seed.unwrap_or_else(app_session::fresh_seed));
    // A failed save is reported once; the answers stay in memory and every later
    // answer tries again (saving all that are not saved yet, each once).
    let mut failing: Option<anyhow::Error> = None;
    let mut on_answer = |id: &str, chosen: &[usize], correct: bool| {
        record_answer(&mut progress, id, chosen, correct, app_session::now());
        let mut waiting = || {
            let _ = writeln!(stderr(), "patient-tutor: {}", t("tui.saving.waiting"));
        };
        match store.save_with(&mut progress, crate::progress::LOCK_WAIT, &mut waiting) {
            Ok(()) => {
                if failing.take().is_some() {
                    let _ = writeln!(stderr(), "patient-tutor: {}", t("tui.saving.saved_again"));
                }
            }
            Err(e) => {
                if failing.is_none() {
                    let _ = writeln!(
                        stderr(),
                        "patient-tutor: {}",
                        progress_words::save_failed(&markdown::sanitize(&format!("{e:#}")))
                    );
                }
                failing = Some(e);
            }
        }
        print_notice_lines(&store.take_notices());
        progress.questions.get(id).map(due_at)
    };
    let review = quiz::Review { now: app_session::now(), how: t("tui.review_command") };
    quiz::run(Some(pack), &mut session, &mut io::stdin().lock(), &mut stdout(), review, &mut on_answer)?;
    match failing {
        Some(_) => {
            let _ =
                writeln!(stderr(), "patient-tutor: {}", progress_words::not_saved(store.unsaved_answers(&progress)));
            Ok(ExitCode::FAILURE)
        }
        None => Ok(ExitCode::SUCCESS),
    }
}

/// When the next review falls due (seconds since 1970), for the answered questions
/// of the pack; `None` before any answer.
fn next_due(pack: &ContentPack, progress: &crate::progress::Progress) -> Option<u64> {
    pack.questions.iter().filter_map(|q| progress.questions.get(&q.id)).map(due_at).min()
}

/// "Nothing to review now…", with when the next review is.
fn nothing_due(next: Option<u64>) -> String {
    match next {
        None => t("plain.commands.nothing_due_yet").to_string(),
        Some(at) => tf!("plain.commands.nothing_due_now", when = when(at)),
    }
}

/// "now", "tomorrow (2026-12-03)", "in 3 days (2026-12-05)".
fn when(at: u64) -> String {
    let now = app_session::now();
    let date = crate::content::check::date_of(at);
    match at.saturating_sub(now).div_ceil(crate::quiz::DAY) {
        0 => t("plain.commands.when_now").to_string(),
        1 => tf!("plain.commands.when_tomorrow", date = date),
        days => tn!("plain.commands.when_in_days", days, date = date),
    }
}

/// `progress`: a summary of everything kept: lessons, quizzes, review, body map,
/// My questions, and where the files are.
pub fn progress_summary(pack: &ContentPack, opened: &Opened) -> Result<ExitCode> {
    print_notices(opened);
    let p = &opened.progress;
    let mut out = stdout();
    let read = pack.lessons.iter().filter(|l| p.lesson_status(&l.id) == LessonStatus::Read).count();
    writeln!(out, "{}", tf!("plain.progress.lessons_read", read = read, total = pack.lessons.len()))?;
    for (i, lesson) in pack.lessons.iter().enumerate() {
        let status = status_text(p.lesson_status(&lesson.id));
        let title = markdown::sanitize(&lesson.title);
        writeln!(out, "  {:>2}. {}", i + 1, tf!("plain.progress.lesson", title = title, status = status))?;
    }
    let ids = pack.lesson_ids();
    match p.next_lesson(&ids).and_then(|id| pack.lesson(id)) {
        Some(next) => {
            let title = markdown::sanitize(&next.title);
            writeln!(out, "{}", tf!("plain.progress.next", title = title, id = next.id))?
        }
        None => writeln!(out, "{}", t("plain.progress.all_read"))?,
    }

    writeln!(out)?;
    writeln!(out, "{}", t("plain.progress.quizzes"))?;
    let mut any_quiz = false;
    for lesson in &pack.lessons {
        let quiz = pack.quiz(&lesson.id);
        if quiz.is_empty() {
            continue;
        }
        any_quiz = true;
        let states: Vec<_> = quiz.iter().filter_map(|q| p.questions.get(&q.id)).collect();
        // A wrong answer sends a question back to box 1; a right one moves it up.
        let right = states.iter().filter(|s| s.leitner_box >= 2).count();
        let title = markdown::sanitize(&lesson.title);
        let result = match states.len() {
            0 => t("plain.progress.not_taken").to_string(),
            answered if crate::quiz::mastered(&quiz, p) => {
                tn!("plain.progress.answered_mastered", quiz.len(), answered = answered, right = right)
            }
            answered => tn!("plain.progress.answered", quiz.len(), answered = answered, right = right),
        };
        writeln!(out, "  {}", tf!("plain.progress.quiz", title = title, result = result))?;
    }
    if !any_quiz {
        writeln!(out, "  {}", t("plain.progress.no_quizzes"))?;
    }

    writeln!(out)?;
    let due = due_questions(&pack.questions, p, app_session::now()).len();
    if due > 0 {
        writeln!(out, "{}", tn!("plain.progress.review_due", due))?;
    } else {
        writeln!(out, "{}", tf!("plain.progress.review", review = nothing_due(next_due(pack, p))))?;
    }

    if let Some(sites) = &pack.sites {
        let seen: Vec<String> = sites
            .sites
            .iter()
            .filter(|s| p.explored_sites.contains(&s.id))
            .map(|s| markdown::sanitize(&s.name).into_owned())
            .collect();
        let total = sites.sites.len();
        if seen.is_empty() {
            writeln!(out, "{}", tn!("plain.progress.body_map", total, seen = seen.len()))?
        } else {
            let places = seen.join(t("plain.separator"));
            writeln!(out, "{}", tn!("plain.progress.body_map_places", total, seen = seen.len(), places = places))?
        }
    }

    let asked = p.my_questions.iter().filter(|q| q.asked).count();
    let open = p.my_questions.len() - asked;
    writeln!(out, "{}", tn!("plain.progress.my_questions", open, asked = asked))?;

    writeln!(out)?;
    writeln!(out, "{}", t("plain.progress.files"))?;
    let shown = markdown::sanitize_path;
    writeln!(out, "  {}", tf!("plain.progress.progress_file", path = shown(opened.store.path())))?;
    writeln!(out, "  {}", tf!("plain.progress.history_file", path = shown(&opened.store.history_path())))?;
    Ok(ExitCode::SUCCESS)
}

pub use reset::progress_reset;

/// The ids of a pack's lessons, one a line, for an error that names a missing one.
fn lesson_list(pack: &ContentPack) -> String {
    pack.lesson_ids().join("\n  ")
}

/// "there is no lesson `x`. The lessons are: …", for the commands that take a lesson id.
pub fn no_lesson(pack: &ContentPack, id: &str) -> String {
    tf!("plain.commands.no_lesson", id = markdown::sanitize(id), lessons = lesson_list(pack))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `read FILE.md` of a lesson in a Spanish pack's folder reads it with the Spanish markers:
    /// its "Más detalles" part folds to one line unless `--detail`.
    #[test]
    fn read_file_uses_the_language_of_the_pack_it_is_in() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let manifest = "id = \"p\"\nname = \"P\"\nlanguage = \"es\"\nversion = \"1\"\npublisher = \"Us\"\n";
        std::fs::write(dir.path().join("pack.toml"), manifest).unwrap();
        let lesson = "+++\nid = \"x\"\ntitle = \"X\"\nsummary = \"S.\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n\
                      # X\n\n**Puntos clave**\n\n- Uno.\n\n## Dos\n\nTexto.\n\n### Más detalles: qué es\n\nDetalle escondido.\n";
        let file = dir.path().join("lessons/01-x.md");
        std::fs::write(&file, lesson).unwrap();
        let target = file.to_str().unwrap();
        let (_, folded) = find_document(Some(dir.path()), target, false).unwrap();
        assert!(folded.contains("Puntos clave"), "{folded}");
        assert!(!folded.contains("Detalle escondido."), "the Spanish detail part folds: {folded}");
        let (_, whole) = find_document(Some(dir.path()), target, true).unwrap();
        assert!(whole.contains("Detalle escondido."), "{whole}");
    }
}

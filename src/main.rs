use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use patient_tutor::cli::{CheckinAction, Cli, Command, OnOff, ProgressAction, QuestionsAction, QuizOptions};
use patient_tutor::{plain, session, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Before anything says a word: errors from here on are in the chosen language.
    let saved =
        session::progress_path(cli.progress.as_deref()).ok().and_then(|p| patient_tutor::progress::saved_language(&p));
    let language =
        patient_tutor::words::choose::choose(cli.lang.as_deref(), |name| std::env::var(name).ok(), saved.as_deref());
    patient_tutor::words::use_language(language);
    if let Err(e) = cli.check_words().and_then(|()| cli.check_watch()) {
        e.exit();
    }
    let paths = paths_named(&cli);
    tui::theme::set_choice(cli.theme);
    match run(cli) {
        Ok(code) => code,
        // A reader that stopped early (`| head`) is not an error worth a message.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // Not eprintln!: it panics if stderr is gone (the terminal window was closed).
            // Errors can quote content files and command-line text: printed harmlessly.
            let text = clean_paths(&format!("{e:#}"), &paths);
            let text = patient_tutor::markdown::sanitize_multiline(&text).into_owned();
            let _ = writeln!(plain::stderr(), "patient-tutor: {text}");
            ExitCode::FAILURE
        }
    }
}

/// The files and folders a command names, with the ones derived from them (the answer
/// history, the progress folder): errors from the store and the system name them as
/// they are, and a line break in a file name must not split an error message.
fn paths_named(cli: &Cli) -> Vec<PathBuf> {
    let progress = session::progress_path(cli.progress.as_deref()).ok();
    let history = progress.as_deref().map(patient_tutor::progress::history_path);
    let mut paths: Vec<PathBuf> = [cli.content.clone(), progress, history].into_iter().flatten().collect();
    match &cli.command {
        Some(Command::Read { target, .. }) => paths.push(PathBuf::from(target)),
        Some(Command::Check { dir, family, .. }) => paths.extend(dir.iter().chain(family).cloned()),
        Some(Command::ExportContent { dir, .. }) => paths.push(dir.clone()),
        Some(Command::Questions { action: Some(QuestionsAction::Export { file: Some(file), .. }) })
        | Some(Command::Checkin { action: Some(CheckinAction::Export { file: Some(file), .. }), .. }) => {
            paths.push(file.clone())
        }
        _ => {}
    }
    let parents: Vec<PathBuf> = paths.iter().filter_map(|p| p.parent().map(Path::to_path_buf)).collect();
    paths.extend(parents);
    paths
}

/// `text` with each of `paths` written as `sanitize_path` shows it; the longest first,
/// so that a file is cleaned as a whole before the folder it is in.
fn clean_paths(text: &str, paths: &[PathBuf]) -> String {
    let mut raw: Vec<(String, String)> = paths
        .iter()
        .map(|p| (p.display().to_string(), patient_tutor::markdown::sanitize_path(p)))
        .filter(|(raw, clean)| raw != clean)
        .collect();
    raw.sort_by_key(|(raw, _)| std::cmp::Reverse(raw.len()));
    let mut text = text.to_string();
    for (raw, clean) in raw {
        text = text.replace(&raw, &clean);
    }
    text
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let content = cli.content.as_deref();
    let progress = cli.progress.as_deref();
    let plain = cli.plain;
    // Checked in `check_watch`: with --watch, the tutor has a pack folder to watch.
    let watch = if cli.watch { content } else { None };
    let read_watch = cli.read_watch();
    match cli.command {
        None if plain => {
            let pack = session::load_pack(content)?;
            let opened = session::open_progress(progress, &pack)?;
            let options = plain::session::Options {
                width: plain::session::width(),
                seed: session::fresh_seed(),
                clock: session::now,
            };
            plain::session::run(&pack, opened, std::io::stdin().lock(), std::io::stdout().lock(), options)?;
            Ok(ExitCode::SUCCESS)
        }
        None => run_tui(content, progress, tui::Start::Home, watch),
        Some(Command::Lessons) => {
            let pack = session::load_pack(content)?;
            plain::lessons(&pack, &session::open_progress(progress, &pack)?)
        }
        Some(Command::Read { target, width, detail, .. }) if read_watch => {
            plain::watch::read(content, &target, width, detail)
        }
        Some(Command::Read { target, width, detail, .. }) => plain::read(content, &target, width, detail),
        Some(Command::Quiz { lesson, options: QuizOptions { seed } }) if plain => {
            let pack = session::load_pack(content)?;
            plain::quiz_lesson(&pack, session::open_progress(progress, &pack)?, &lesson, seed)
        }
        Some(Command::Review { options: QuizOptions { seed } }) if plain => {
            let pack = session::load_pack(content)?;
            plain::review(&pack, session::open_progress(progress, &pack)?, seed)
        }
        Some(Command::Quiz { lesson, options }) => {
            run_tui(content, progress, tui::Start::Quiz { lesson, seed: options.seed }, watch)
        }
        Some(Command::Review { options }) => {
            run_tui(content, progress, tui::Start::Review { seed: options.seed }, watch)
        }
        Some(Command::Check { dir, family, max_grade, format }) => {
            plain::pack::check(dir.as_deref().or(content), &family, max_grade, format)
        }
        Some(Command::ExportContent { dir, force }) => plain::pack::export(&dir, force),
        Some(Command::Sites) => plain::explorer::sites(&session::load_pack(content)?),
        Some(Command::Symptom { words }) => plain::explorer::symptom(&session::load_pack(content)?, &words.join(" ")),
        Some(Command::Define { term }) => plain::define(&session::load_pack(content)?, &term.join(" ")),
        Some(Command::Search { words }) => plain::search(&session::load_pack(content)?, &words.join(" ")),
        Some(Command::Questions { action }) => {
            let pack = session::load_pack(content)?;
            let opened = session::open_progress(progress, &pack)?;
            match action.unwrap_or(QuestionsAction::List) {
                QuestionsAction::List => plain::questions::list(&pack, &opened),
                QuestionsAction::Add { text, lesson } => plain::questions::add(&pack, opened, &text, lesson.as_deref()),
                QuestionsAction::Export { file, force } => {
                    plain::questions::export(&pack, &opened, file.as_deref(), force)
                }
            }
        }
        Some(Command::Checkin { plain, action }) => {
            let pack = session::load_pack(content)?;
            let opened = session::open_progress(progress, &pack)?;
            match action {
                None if plain => plain::checkin::run_plain(&pack, opened),
                None => run_tui(content, progress, tui::Start::CheckIn, watch),
                Some(CheckinAction::History) => plain::checkin::history(&pack, &opened),
                Some(CheckinAction::Export { file, force }) => {
                    plain::checkin::export(&pack, &opened, file.as_deref(), force)
                }
                Some(CheckinAction::Number { number, clear }) => {
                    plain::checkin::number(opened, number.as_deref(), clear)
                }
                Some(CheckinAction::Remind { state }) => plain::checkin::remind(opened, state == OnOff::On),
            }
        }
        Some(Command::Progress { action: None }) => {
            let pack = session::load_pack(content)?;
            plain::progress_summary(&pack, &session::open_progress(progress, &pack)?)
        }
        Some(Command::Progress { action: Some(ProgressAction::Reset { yes, keep_questions }) }) => {
            plain::progress_reset(&session::progress_path(progress)?, yes, keep_questions)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "patient-tutor", &mut std::io::stdout().lock());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The full-screen tutor, which needs a terminal on both ends; without one, say what
/// to use instead (rather than the bare "No such device or address"). With `watch`,
/// that pack folder is loaded again each time a file in it changes.
fn run_tui(
    content: Option<&std::path::Path>,
    progress: Option<&std::path::Path>,
    start: tui::Start,
    watch: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let pack = session::load_pack(content)?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        let _ = writeln!(plain::stderr(), "{}", patient_tutor::words::t("tui.needs_terminal"));
        return Ok(ExitCode::FAILURE);
    }
    // Kept until the tutor closes: dropping it stops the watching.
    let watching = watch.map(patient_tutor::content::watch::watch_pack).transpose()?;
    let opened = session::open_progress(progress, &pack)?;
    tui::run(pack, opened, start, watching.as_ref().map(|w| &w.changes))?;
    Ok(ExitCode::SUCCESS)
}

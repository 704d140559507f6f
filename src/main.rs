use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use patient_tutor::cli::{Cli, Command, ProgressAction, QuestionsAction, QuizOptions};
use patient_tutor::{plain, session, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            let text = patient_tutor::markdown::sanitize_multiline(&format!("{e:#}")).into_owned();
            let _ = writeln!(std::io::stderr(), "patient-tutor: {text}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let content = cli.content.as_deref();
    let progress = cli.progress.as_deref();
    match cli.command {
        None => {
            let pack = session::load_pack(content)?;
            let opened = session::open_progress(progress)?;
            tui::run(pack, opened, tui::Start::Home)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Lessons) => plain::lessons(&session::load_pack(content)?, &session::open_progress(progress)?),
        Some(Command::Read { target, width, detail }) => plain::read(content, &target, width, detail),
        Some(Command::Quiz { lesson, options: QuizOptions { plain: true, seed } }) => {
            let pack = session::load_pack(content)?;
            plain::quiz_lesson(&pack, session::open_progress(progress)?, &lesson, seed)
        }
        Some(Command::Review { options: QuizOptions { plain: true, seed } }) => {
            plain::review(&session::load_pack(content)?, session::open_progress(progress)?, seed)
        }
        Some(Command::Quiz { lesson, options }) => {
            let pack = session::load_pack(content)?;
            let start = tui::Start::Quiz { lesson, seed: options.seed };
            tui::run(pack, session::open_progress(progress)?, start)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Review { options }) => {
            let pack = session::load_pack(content)?;
            tui::run(pack, session::open_progress(progress)?, tui::Start::Review { seed: options.seed })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { dir, max_grade, format }) => {
            plain::pack::check(dir.as_deref().or(content), max_grade, format)
        }
        Some(Command::ExportContent { dir, force }) => plain::pack::export(&dir, force),
        Some(Command::Sites) => plain::explorer::sites(&session::load_pack(content)?),
        Some(Command::Symptom { words }) => plain::explorer::symptom(&session::load_pack(content)?, &words.join(" ")),
        Some(Command::Define { term }) => plain::define(&session::load_pack(content)?, &term.join(" ")),
        Some(Command::Search { words }) => plain::search(&session::load_pack(content)?, &words.join(" ")),
        Some(Command::Questions { action }) => {
            let pack = session::load_pack(content)?;
            let opened = session::open_progress(progress)?;
            match action.unwrap_or(QuestionsAction::List) {
                QuestionsAction::List => plain::questions::list(&pack, &opened),
                QuestionsAction::Add { text, lesson } => plain::questions::add(&pack, opened, &text, lesson.as_deref()),
                QuestionsAction::Export { file, force } => {
                    plain::questions::export(&pack, &opened, file.as_deref(), force)
                }
            }
        }
        Some(Command::Progress { action: None }) => {
            plain::progress_summary(&session::load_pack(content)?, &session::open_progress(progress)?)
        }
        Some(Command::Progress { action: Some(ProgressAction::Reset { yes }) }) => {
            plain::progress_reset(&session::progress_path(progress)?, yes)
        }
    }
}

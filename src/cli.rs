//! Command-line definitions (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use crate::tui::theme::ThemeChoice;
use crate::words::t;

/// A terminal tutor about stage 4 (metastatic) cancer, for patients and carers.
///
/// With no command, opens the tutor. It is education, not medical advice:
/// talk to your care team about your own care.
#[derive(Debug, Parser)]
#[command(name = "patient-tutor", version, about, long_about, propagate_version = true)]
pub struct Cli {
    /// Use the content pack in DIR instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR", env = "PATIENT_TUTOR_CONTENT")]
    pub content: Option<PathBuf>,

    /// Keep progress in FILE instead of the default place.
    #[arg(long, global = true, value_name = "FILE", env = "PATIENT_TUTOR_PROGRESS")]
    pub progress: Option<PathBuf>,

    /// Plain text instead of the full-screen tutor: numbered menus, one line at a
    /// time, for screen readers, braille displays and scripts (with `quiz` and
    /// `review`, the questions as plain text).
    #[arg(
        long,
        global = true,
        env = "PATIENT_TUTOR_PLAIN",
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    pub plain: bool,

    /// Live preview for whoever writes a pack: load the `--content` pack again each
    /// time one of its files changes, keeping your place. A pack that does not load
    /// shows its first problem in the footer, and the last good pack stays on screen.
    #[arg(long)]
    pub watch: bool,

    /// Colours for the full-screen tutor: `auto` asks the terminal for its background
    /// colour (dark if it does not say), `dark`, `light`, or `high-contrast`. Setting
    /// NO_COLOR turns colours off, whatever the theme.
    #[arg(long, global = true, value_enum, value_name = "THEME", env = "PATIENT_TUTOR_THEME", default_value_t = ThemeChoice::Auto)]
    pub theme: ThemeChoice,

    /// The language of the tutor's words and lessons: `en` or `es` (any other means
    /// English). Without it: PATIENT_TUTOR_LANG, else the locale (LC_ALL, LC_MESSAGES,
    /// LANG), else English. This help stays in English.
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the lessons: id, title and status, one per line.
    Lessons,
    /// Print a lesson as text: give a lesson id, or a Markdown file to preview it.
    Read {
        /// A lesson id (see `lessons`) or the path of a Markdown file.
        target: String,
        /// Wrap lines to this many columns (default: the terminal's width, or 80).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// Include the "More detail" parts (without it, each shows as one line).
        #[arg(long)]
        detail: bool,
        /// Print it again each time the file (or the `--content` pack) changes, until Ctrl-C.
        #[arg(long)]
        watch: bool,
    },
    /// Take a lesson's quiz (in the tutor, or as plain text with --plain: one answer per line).
    Quiz {
        /// The lesson id (see `lessons`).
        lesson: String,
        #[command(flatten)]
        options: QuizOptions,
    },
    /// Review the questions that are due again (spaced repetition).
    Review {
        #[command(flatten)]
        options: QuizOptions,
    },
    /// List the body-map places cancer can spread to, with their signs by urgency.
    Sites,
    /// Find the places on the body map that can cause a symptom (everyday words are fine).
    Symptom {
        /// The symptom, e.g. `short of breath` or `yellow skin`.
        #[arg(required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// Check a content pack (default: the built-in one): every problem as `file:line: message`,
    /// health-literacy warnings, and a readability report. With more folders, the first is
    /// checked and compared with the others as one family (the same lessons in other languages).
    Check {
        /// The pack folder to check.
        dir: Option<PathBuf>,
        /// Other packs of its family, to compare it with.
        family: Vec<PathBuf>,
        /// Treat English lessons above this Flesch–Kincaid grade as errors (Spanish lessons are
        /// judged by Fernández-Huerta and INFLESZ instead: a warning under 70 or 65).
        #[arg(long, value_name = "G")]
        max_grade: Option<f64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the built-in content pack to DIR, as a starting point for your own.
    ExportContent {
        /// An empty (or new) folder.
        dir: PathBuf,
        /// Write into a folder that is not empty, replacing files of the same name.
        #[arg(long)]
        force: bool,
    },
    /// Explain a word from the lessons (e.g. `define metastasis`).
    Define {
        /// The word or phrase to look up.
        #[arg(required = true, num_args = 1..)]
        term: Vec<String>,
    },
    /// Search all lessons; prints `lesson-id#section: snippet` per hit.
    Search {
        /// Words to find, in any order.
        #[arg(required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// "My questions" for your care team: list them, add one, or export a checklist.
    Questions {
        #[command(subcommand)]
        action: Option<QuestionsAction>,
    },
    /// The weekly symptom check-in: rate a few symptoms 0–10 and answer yes/no questions
    /// about signs that need help now (in the tutor, or as plain text with --plain).
    Checkin {
        /// Plain text: the questions on stdout, one answer per line on stdin (a number
        /// from 0 to 10 or `-` to skip; `y` or `n`; one line of anything else).
        #[arg(long)]
        plain: bool,
        #[command(subcommand)]
        action: Option<CheckinAction>,
    },
    /// Show a summary of your progress, or reset it.
    Progress {
        #[command(subcommand)]
        action: Option<ProgressAction>,
    },
    /// Print a completion script for your shell (e.g. `patient-tutor completions bash > ~/.local/share/bash-completion/completions/patient-tutor`).
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (e.g. `patient-tutor man > patient-tutor.1; man ./patient-tutor.1`).
    Man,
}

impl Cli {
    /// Words to look for that are all blank (`symptom ""`) are a usage error, as
    /// no words at all are: the message, the usage, exit 2.
    pub fn check_words(&self) -> Result<(), clap::Error> {
        let (name, words) = match &self.command {
            Some(Command::Symptom { words }) => ("symptom", words),
            Some(Command::Define { term }) => ("define", term),
            Some(Command::Search { words }) => ("search", words),
            _ => return Ok(()),
        };
        if !words.iter().all(|w| w.trim().is_empty()) {
            return Ok(());
        }
        let mut cli = <Cli as clap::CommandFactory>::command();
        cli.build();
        let message = t("cli.no_words");
        Err(match cli.find_subcommand_mut(name) {
            Some(sub) => sub.error(clap::error::ErrorKind::InvalidValue, message),
            None => cli.error(clap::error::ErrorKind::InvalidValue, message),
        })
    }
}

impl Cli {
    /// Whether `read` should print again on each change (`read … --watch`, or `--watch read …`).
    pub fn read_watch(&self) -> bool {
        matches!(self.command, Some(Command::Read { watch: true, .. })) || (self.watch && self.reads())
    }

    fn reads(&self) -> bool {
        matches!(self.command, Some(Command::Read { .. }))
    }

    /// `--watch` where it cannot do anything is a usage error (exit 2), said plainly.
    pub fn check_watch(&self) -> Result<(), clap::Error> {
        let tui = !self.plain
            && match &self.command {
                None | Some(Command::Quiz { .. }) | Some(Command::Review { .. }) => true,
                Some(Command::Checkin { plain, action }) => !plain && action.is_none(),
                _ => false,
            };
        let problem = if self.read_watch() {
            let Some(Command::Read { target, .. }) = &self.command else { return Ok(()) };
            // A file is watched by itself; a lesson id needs a pack that can change.
            let file = target.ends_with(".md") || std::path::Path::new(target).is_file();
            (!file && self.content.is_none()).then(watch_needs_content)
        } else if !self.watch {
            None
        } else if !tui {
            Some(t("cli.watch_not_here"))
        } else {
            self.content.is_none().then(watch_needs_content)
        };
        match problem {
            None => Ok(()),
            Some(message) => {
                let mut cli = <Cli as clap::CommandFactory>::command();
                cli.build();
                Err(cli.error(clap::error::ErrorKind::ArgumentConflict, message))
            }
        }
    }
}

/// Why `--watch` cannot be used here, if it cannot: it watches the `--content` pack
/// (the built-in pack is inside the program and never changes), or the file `read` shows.
fn watch_needs_content() -> &'static str {
    t("cli.watch_needs_content")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// With `--plain` (a global flag): questions on stdout, one answer per line on
/// stdin (`2`, `b`, `1,3`, `t`/`f`).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct QuizOptions {
    /// Shuffle the choices with this seed, so a run can be repeated.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum QuestionsAction {
    /// List your questions (the default).
    List,
    /// Add a question.
    Add {
        /// The question, in your own words.
        text: String,
        /// The lesson it is about (see `lessons`).
        #[arg(long, value_name = "ID")]
        lesson: Option<String>,
    },
    /// Write a Markdown checklist to take to your appointment (to FILE, or to the screen).
    Export {
        /// Where to write it; without it (or with `-`), the checklist is printed.
        file: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CheckinAction {
    /// Every check-in, one line per symptom, with its band and the change since the last.
    History,
    /// Write a one-page Markdown sheet to take to your next visit (to FILE, or to the screen).
    Export {
        /// Where to write it (a new file, only you can read it); without it (or with `-`),
        /// the sheet is printed.
        file: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show, save or remove your care team's 24-hour number (shown with "Get help now").
    Number {
        /// The number, as you would dial it, e.g. "0123 456 789".
        number: Option<String>,
        /// Remove the saved number.
        #[arg(long, conflicts_with = "number")]
        clear: bool,
    },
    /// Turn home's gentle reminder to check in on or off.
    Remind {
        #[arg(value_enum)]
        state: OnOff,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum ProgressAction {
    /// Erase all progress: reading places, quiz history, body-map places, check-ins and
    /// My questions with their notes (says what, with counts, and asks first).
    Reset {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
        /// Keep My questions and their notes; erase the rest.
        #[arg(long)]
        keep_questions: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme_of(args: &[&str]) -> Result<ThemeChoice, clap::Error> {
        Cli::try_parse_from(std::iter::once("patient-tutor").chain(args.iter().copied())).map(|cli| cli.theme)
    }

    #[test]
    fn theme_values_before_or_after_a_command() {
        // The default (when PATIENT_TUTOR_THEME is not set, as in the tests' environment).
        if std::env::var_os("PATIENT_TUTOR_THEME").is_none() {
            assert_eq!(theme_of(&[]).unwrap(), ThemeChoice::Auto);
        }
        assert_eq!(theme_of(&["--theme", "auto"]).unwrap(), ThemeChoice::Auto);
        assert_eq!(theme_of(&["--theme", "dark"]).unwrap(), ThemeChoice::Dark);
        assert_eq!(theme_of(&["--theme=light"]).unwrap(), ThemeChoice::Light);
        assert_eq!(theme_of(&["--theme", "high-contrast"]).unwrap(), ThemeChoice::HighContrast);
        // Global: after a command too.
        assert_eq!(theme_of(&["review", "--theme", "light"]).unwrap(), ThemeChoice::Light);
    }

    #[test]
    fn an_unknown_theme_is_a_usage_error_naming_the_themes() {
        for bad in ["blue", "", "Dark ", "high_contrast"] {
            let e = theme_of(&["--theme", bad]).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue, "{bad:?}");
            let text = e.to_string();
            assert!(["auto", "dark", "light", "high-contrast"].iter().all(|t| text.contains(t)), "{text}");
        }
    }
}

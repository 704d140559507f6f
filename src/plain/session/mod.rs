//! The whole tutor as a plain text session (`patient-tutor --plain`): numbered
//! menus on one input and one output, for screen-reader and braille users (box
//! drawing is read aloud; the alternate screen is invisible to them) and for scripts.
//!
//! Every line is short, makes sense alone and has no colour, escape bytes or box
//! drawing. Each prompt says what it accepts; a wrong line is explained and asked
//! again; `q` goes back one step; the end of the input leaves cleanly. Progress is
//! saved through the same store as the tutor after every change.
//!
//! One file per menu; `words` holds what the session says.

mod about;
mod body_map;
mod glossary;
mod home;
mod language;
mod lessons;
mod out;
mod prompt;
mod questions;
mod quizzes;
mod search;
mod staging;
mod survival;
pub(crate) mod words;

use std::io::{self, BufRead, Write};

use anyhow::Result;

use self::prompt::Choice;
use crate::content::ContentPack;
use crate::notebook::{self, Notebook, Undo};
use crate::progress::{Opened, Progress, Store};
use crate::staging::Tnm;
use crate::words::t;

/// Where the staging explorer starts, as in the tutor: spread far (M1).
const START_TNM: Tnm = Tnm { t: 1, n: 0, m: 1 };

pub use lessons::render_lesson;
pub use out::Lines;

/// How the session runs: chosen by `main` (the terminal's width, a fresh seed),
/// fixed by tests.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Columns to wrap at.
    pub width: usize,
    /// Shuffles quiz choices; each quiz moves it on.
    pub seed: u64,
    /// Seconds since 1970, for review times and dates.
    pub clock: fn() -> u64,
}

/// Why a menu stopped early.
#[derive(Debug)]
enum Stop {
    /// The input ended: leave the session, saving everything.
    End,
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Self {
        Stop::Io(e)
    }
}

type Step<T = ()> = std::result::Result<T, Stop>;

/// Deeper than this (links followed from links), a new lesson asks to go back first:
/// each step is a frame on the stack, and input is unbounded.
const MAX_DEPTH: usize = 24;

struct Session<'a, R: BufRead, W: Write> {
    pack: &'a ContentPack,
    store: Store,
    progress: Progress,
    /// Undo for My questions (the list itself is `progress.my_questions`).
    question_undo: Undo,
    input: R,
    out: Lines<W>,
    options: Options,
    /// How many lessons are open inside one another.
    depth: usize,
    /// The staging explorer's letters, kept between visits.
    tnm: Tnm,
}

/// Run the session until the person leaves or the input ends. Progress is saved
/// after every change and once more at the end.
pub fn run(
    pack: &ContentPack,
    opened: Opened,
    input: impl BufRead,
    output: impl Write,
    options: Options,
) -> Result<()> {
    let Opened { store, progress, notices } = opened;
    let out = Lines::new(output, options.width);
    let mut session = Session {
        pack,
        store,
        progress,
        question_undo: Undo::default(),
        input,
        out,
        options,
        depth: 0,
        tnm: START_TNM,
    };
    let result = session.start(&notices);
    let saved = session.store.save(&mut session.progress);
    let farewell = match (&result, &saved) {
        // The output is gone: there is nobody to tell.
        (Err(Stop::Io(_)), _) => None,
        (_, Ok(())) => Some(t("plain.session.bye").to_string()),
        (_, Err(e)) => Some(words::save_failed(&format!("{e:#}"))),
    };
    if let Some(farewell) = farewell {
        // Best effort: the output may be gone by now.
        let _ = session.say(&farewell).and_then(|()| session.out.flush());
    }
    saved?;
    match result {
        Ok(()) | Err(Stop::End) => Ok(()),
        Err(Stop::Io(e)) => Err(e.into()),
    }
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    fn start(&mut self, notices: &[String]) -> Step {
        self.say(t("plain.session.welcome"))?;
        for notice in notices {
            self.say(&words::notice(notice))?;
        }
        if !self.progress.notice_seen && !self.first_run_notice()? {
            return Ok(());
        }
        self.home()
    }

    /// Write one line (wrapped by `out`).
    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")
    }

    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Numbered items, one a line.
    fn items<S: AsRef<str>>(&mut self, items: &[S]) -> io::Result<()> {
        self.numbered_from(1, items)
    }

    /// Items numbered from `first` on (a list that goes on after a heading line).
    fn numbered_from<S: AsRef<str>>(&mut self, first: usize, items: &[S]) -> io::Result<()> {
        for (i, item) in items.iter().enumerate() {
            writeln!(self.out, "{}. {}", first + i, item.as_ref())?;
        }
        Ok(())
    }

    /// One line of input, trimmed of its line end. `Stop::End` when the input ends.
    fn line(&mut self) -> Step<String> {
        self.out.flush()?;
        match super::quiz::read_line(&mut self.input)? {
            Some(line) => Ok(line.trim_end_matches('\r').to_string()),
            None => Err(Stop::End),
        }
    }

    /// Ask `prompt` until the line is a choice of a menu of `count` items.
    fn choice(&mut self, prompt: &str, count: usize) -> Step<Choice> {
        loop {
            self.say(prompt)?;
            let line = self.line()?;
            match prompt::parse_choice(&line, count) {
                Ok(choice) => return Ok(choice),
                Err(reason) => self.say(&reason)?,
            }
        }
    }

    /// Show numbered items and ask for one: its 0-based index, or None for `q`.
    /// Just Enter asks again.
    fn pick<S: AsRef<str>>(&mut self, items: &[S], prompt: &str) -> Step<Option<usize>> {
        self.items(items)?;
        self.choose_from(items.len(), prompt)
    }

    /// Ask for one of `count` items already shown: its 0-based index, or None for `q`.
    fn choose(&mut self, count: usize) -> Step<Option<usize>> {
        self.choose_from(count, &words::choose_or_back(count))
    }

    fn choose_from(&mut self, count: usize, prompt: &str) -> Step<Option<usize>> {
        loop {
            match self.choice(prompt, count)? {
                Choice::Number(n) => return Ok(Some(n - 1)),
                Choice::Back => return Ok(None),
                Choice::Empty => self.say(&words::type_a_number(count))?,
            }
        }
    }

    /// Ask for a line of text: None for `q`. Empty lines ask again.
    fn text(&mut self, prompt: &str) -> Step<Option<String>> {
        loop {
            self.say(prompt)?;
            let line = self.line()?;
            if prompt::is_back(&line) {
                return Ok(None);
            }
            if !line.trim().is_empty() {
                return Ok(Some(line));
            }
            self.say(t("plain.session.type_something"))?;
        }
    }

    /// My questions, to change them where they live: in the progress.
    fn notebook(&mut self) -> Notebook<'_> {
        Notebook::new(&mut self.progress, &mut self.question_undo)
    }

    fn open_questions(&self) -> usize {
        notebook::open_count(&self.progress.my_questions)
    }

    /// Save now, telling the person if it failed (and any notice the store has).
    /// A changed file from another copy is merged in, so its questions show too.
    fn save(&mut self) -> io::Result<()> {
        match self.store.save(&mut self.progress) {
            Ok(()) => {
                for notice in self.store.take_notices() {
                    self.say(&words::notice(&notice))?;
                }
                Ok(())
            }
            Err(e) => self.say(&words::save_failed(&format!("{e:#}"))),
        }
    }

    fn now(&self) -> u64 {
        (self.options.clock)()
    }

    /// A seed for the next quiz.
    fn next_seed(&mut self) -> u64 {
        let seed = self.options.seed;
        self.options.seed = seed.wrapping_add(1);
        seed
    }
}

/// Columns to wrap at: the terminal's width (`COLUMNS`, else asked of the
/// terminal) when the output is one, else 80.
pub fn width() -> usize {
    use std::io::IsTerminal;
    const DEFAULT: usize = 80;
    if !io::stdout().is_terminal() {
        return DEFAULT;
    }
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|&c| c > 0);
    columns
        .or_else(|| crossterm::terminal::size().ok().map(|(w, _)| usize::from(w)).filter(|&w| w > 0))
        .unwrap_or(DEFAULT)
}

//! The app's state and the one place it changes: `App::update(Action) -> Vec<Effect>`.
//! No I/O here: effects are returned as data and carried out by the main loop.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::time::Instant;

use ratatui::layout::{Position, Rect};

use super::action::{Action, Effect, ExportKind};
use super::keys::Context;
use super::layout;
use super::text;
use super::theme::Theme;
use crate::content::{ContentPack, InternalLink, ToolLink};
use crate::markdown::{self, Rendered};
use crate::progress::Progress;
use crate::reading;

pub use super::about_flow::AboutState;
pub use super::checkin_flow::{CheckInState, HistoryState};
pub use super::explorer_flow::{ExplorerState, SiteSearch};
pub use super::notebook_flow::{InputPurpose, QuestionInput};
pub use super::quiz_flow::{QuizKind, QuizState};
pub use super::tools_flow::{GlossaryState, SearchState, StagingState, SurvivalState};
use crate::words::t;

/// Which screen is showing, without its state: for tests and for the drawing's `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Home,
    Reader,
    Quiz,
    Explorer,
    Notebook,
    Survival,
    Staging,
    Glossary,
    Search,
    CheckIn,
    CheckInHistory,
    About,
}

/// One step of the way the person came: a screen with its own state. The app holds a
/// stack of these, Home at the bottom (never popped); Back pops one.
#[allow(clippy::large_enum_variant)]
pub enum Screen {
    Home,
    Reader(Reader),
    Quiz(QuizState),
    Explorer(ExplorerState),
    Notebook,
    Survival(SurvivalState),
    Staging(StagingState),
    Glossary(GlossaryState),
    Search(SearchState),
    CheckIn(CheckInState),
    CheckInHistory(HistoryState),
    About(AboutState),
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Home => ScreenKind::Home,
            Screen::Reader(_) => ScreenKind::Reader,
            Screen::Quiz(_) => ScreenKind::Quiz,
            Screen::Explorer(_) => ScreenKind::Explorer,
            Screen::Notebook => ScreenKind::Notebook,
            Screen::Survival(_) => ScreenKind::Survival,
            Screen::Staging(_) => ScreenKind::Staging,
            Screen::Glossary(_) => ScreenKind::Glossary,
            Screen::Search(_) => ScreenKind::Search,
            Screen::CheckIn(_) => ScreenKind::CheckIn,
            Screen::CheckInHistory(_) => ScreenKind::CheckInHistory,
            Screen::About(_) => ScreenKind::About,
        }
    }
}

/// At most one thing over the screen, with its own state.
pub enum Overlay {
    /// The keys of what is under it (`under`, else the screen).
    Help { scroll: u16, under: Option<Box<Overlay>> },
    /// "Education, not advice" on first run, until it is dismissed once.
    Notice { scroll: u16 },
    /// A question, or a note of its answer, being typed.
    TextInput(QuestionInput),
    /// The reader's panel of glossary words on screen.
    Terms { scroll: u16 },
    /// Esc on home: "Quit? y/n".
    ConfirmQuit,
    /// The lesson's contents have the keyboard: the highlighted section.
    Contents { cursor: usize },
}

/// The state of the top screen if it is `$variant`, borrowing only `stack` (so other
/// fields of the app stay free to change).
macro_rules! top {
    ($app:expr, $variant:ident) => {
        match $app.stack.last() {
            Some(crate::tui::app::Screen::$variant(state)) => Some(state),
            _ => None,
        }
    };
}
macro_rules! top_mut {
    ($app:expr, $variant:ident) => {
        match $app.stack.last_mut() {
            Some(crate::tui::app::Screen::$variant(state)) => Some(state),
            _ => None,
        }
    };
}
macro_rules! text_input_mut {
    ($app:expr) => {
        match $app.overlay.as_mut() {
            Some(crate::tui::app::Overlay::TextInput(state)) => Some(state),
            _ => None,
        }
    };
}
pub(crate) use {text_input_mut, top, top_mut};

/// An open lesson and its rendering at the current width.
#[derive(Debug, Clone)]
pub struct Reader {
    pub lesson: usize,
    pub doc: Rendered,
    /// The width `doc` was wrapped at; a resize to another width re-wraps once.
    pub width: u16,
    pub top: usize,
    /// The person wants the side contents panel (shown when the window is wide enough).
    pub toc_wanted: bool,
    /// The selected link, an index into `doc.links`.
    pub link: Option<usize>,
    /// Words of the search that opened the lesson: highlighted, and `n`/`N` move between them.
    pub search_words: Vec<String>,
    /// The line of the search match `n`/`N` last moved to.
    pub current_match: Option<usize>,
    /// The `##` sections of `doc`: (title, rendered line), made once per rendering so
    /// a frame never walks the whole lesson.
    pub sections: Vec<(String, usize)>,
    /// The glossary terms in each rendered line, found the first time the line is on
    /// screen and kept for the rendering (its lines never change), so a frame does
    /// not search the whole glossary in every visible line again.
    pub terms_in_line: Vec<OnceCell<Vec<TermMark>>>,
    /// For each of `doc.links`: the "More detail" part it opens or folds, if it is
    /// one of those lines rather than a link written in the lesson.
    pub detail_links: Vec<Option<usize>>,
    /// The lesson's content note is showing: the text waits until the person
    /// chooses to read it (or skips it for now).
    pub note_pending: bool,
    /// This visit to the lesson: what was on screen, and since when (see `reading`).
    pub visit: reading::Visit,
}

/// Most screens kept on the way back (each open lesson holds its rendering).
pub const MAX_STEPS: usize = 64;

/// Where a glossary term stands in a line's text (a byte range), and which term it is.
pub type TermMark = (Range<usize>, usize);

pub struct App {
    pub pack: ContentPack,
    pub progress: Progress,
    pub theme: Theme,
    /// The way the person came, Home at the bottom: Back pops one step.
    pub stack: Vec<Screen>,
    pub overlay: Option<Overlay>,
    pub home_selected: usize,
    pub area: Rect,
    /// A one-line message for the footer (errors, notices, link targets).
    pub message: Option<String>,
    /// Progress changed since the last save.
    pub unsaved: bool,
    /// The last save failed: why, shown in the footer until a save works.
    pub save_problem: Option<String>,
    /// Live preview: the pack on disk does not load; why (the last good pack stays).
    pub pack_problem: Option<String>,
    /// The first `x` said where this export would go: a second `x` writes it, any other
    /// key forgets it.
    pub export_armed: Option<ExportKind>,
    /// Seed for shuffling choices; each quiz started moves it on.
    pub quiz_seed: u64,
    /// The body-map site last looked at: the map opens on it again.
    pub last_site: Option<usize>,
    /// Undo for deletes in My questions (the list itself is `progress.my_questions`).
    pub question_undo: crate::notebook::Undo,
    pub notebook_selected: usize,
    /// The staging explorer's letters last chosen: it opens on them again.
    pub last_tnm: Option<crate::staging::Tnm>,
    /// Glossary names, lowercased, longest first: what the reader underlines.
    pub glossary_phrases: Vec<(String, usize)>,
    /// Where the progress is kept (About says so); None in tests without a store.
    pub progress_path: Option<std::path::PathBuf>,
    /// Seconds since 1970; injected so tests can move time.
    pub clock: Box<dyn Fn() -> u64>,
    /// The time of the last `Action::Tick`: how long the person stays on a lesson is
    /// measured with it, never with the clock, so tests can move it.
    pub now: Instant,
    /// "More detail" parts opened, by lesson id, for this session (the progress file
    /// has no place for per-lesson settings yet).
    pub unfolded: HashMap<String, BTreeSet<usize>>,
}

impl App {
    pub fn new(pack: ContentPack, mut progress: Progress, theme: Theme) -> Self {
        progress.use_pack(pack.progress_id());
        let ids = pack.lesson_ids();
        let home_selected = progress.next_lesson(&ids).and_then(|id| pack.lesson_index(id)).unwrap_or(0);
        let glossary_phrases = super::reader_words::glossary_phrases(&pack);
        let progress_notice_seen = progress.notice_seen;
        App {
            pack,
            progress,
            theme,
            stack: vec![Screen::Home],
            // The first-run notice shows until it is dismissed once.
            overlay: (!progress_notice_seen).then_some(Overlay::Notice { scroll: 0 }),
            home_selected,
            area: Rect::new(0, 0, 80, 24),
            message: None,
            unsaved: false,
            save_problem: None,
            pack_problem: None,
            export_armed: None,
            quiz_seed: 0,
            last_site: None,
            question_undo: Default::default(),
            notebook_selected: 0,
            last_tnm: None,
            glossary_phrases,
            progress_path: None,
            clock: Box::new(crate::session::now),
            now: Instant::now(),
            unfolded: HashMap::new(),
        }
    }

    /// The first-run notice is showing.
    pub fn notice_showing(&self) -> bool {
        self.overlay_is(|o| matches!(o, Overlay::Notice { .. }))
    }

    /// The overlay, or the one under help, matches.
    fn overlay_is(&self, f: impl Fn(&Overlay) -> bool) -> bool {
        match &self.overlay {
            Some(Overlay::Help { under: Some(under), .. }) => f(under),
            Some(overlay) => f(overlay),
            None => false,
        }
    }

    /// Which keys are live right now: one `match` on (overlay, top screen).
    pub fn context(&self) -> Context {
        self.context_under(self.overlay.as_ref())
    }

    /// The context under the help overlay: whose keys the help lists.
    pub fn base_context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help { under, .. }) => self.context_under(under.as_deref()),
            other => self.context_under(other.as_ref()),
        }
    }

    fn context_under(&self, overlay: Option<&Overlay>) -> Context {
        let form = self.pack.checkin.as_ref();
        match (overlay, self.top()) {
            (Some(Overlay::Help { .. }), _) => Context::Help,
            (Some(Overlay::Notice { .. }), _) => Context::Notice,
            (Some(Overlay::TextInput(_)), _) => Context::QuestionInput,
            (Some(Overlay::Terms { .. }), _) => Context::Terms,
            (Some(Overlay::ConfirmQuit), _) => Context::ConfirmQuit,
            (Some(Overlay::Contents { .. }), _) => Context::Contents,
            (None, Screen::Home) => Context::Home,
            (None, Screen::Reader(r)) if r.note_pending => Context::LessonNote,
            (None, Screen::Reader(_)) => Context::Reader,
            (None, Screen::Quiz(q)) if q.session.is_finished() => Context::QuizDone,
            (None, Screen::Quiz(q)) if q.answered() => Context::QuizFeedback,
            (None, Screen::Quiz(_)) => Context::Quiz,
            (None, Screen::Explorer(e)) if e.search.is_some() => Context::ExplorerSearch,
            (None, Screen::Explorer(_)) => Context::Explorer,
            (None, Screen::Notebook) => Context::Notebook,
            (None, Screen::Survival(_)) if !self.progress.show_survival_numbers => Context::SurvivalNote,
            (None, Screen::Survival(_)) => Context::Survival,
            (None, Screen::Staging(_)) => Context::Staging,
            (None, Screen::Glossary(_)) => Context::Glossary,
            (None, Screen::Search(_)) => Context::Search,
            (None, Screen::CheckIn(c)) if c.get_help.is_some() => Context::CheckInGetHelp,
            (None, Screen::CheckIn(c)) if form.is_some_and(|f| c.draft.at_end(f)) => Context::CheckInNote,
            (None, Screen::CheckIn(_)) => Context::CheckIn,
            (None, Screen::CheckInHistory(_)) => Context::CheckInHistory,
            (None, Screen::About(_)) => Context::About,
        }
    }

    /// The top screen (Home when nothing else is open).
    pub fn top(&self) -> &Screen {
        self.stack.last().unwrap_or(&Screen::Home)
    }

    /// Which screen is showing.
    pub fn screen(&self) -> ScreenKind {
        self.top().kind()
    }

    /// Open a screen over the current one; Back returns to exactly where it was.
    /// A very long trail (link after link) forgets its oldest steps, never Home.
    pub fn push(&mut self, screen: Screen) {
        if self.screen() == ScreenKind::Reader {
            self.leave_reader_position();
        }
        if self.stack.len() >= MAX_STEPS {
            self.stack.remove(1);
        }
        self.stack.push(screen);
    }

    /// Put `screen` in place of the top one (Home is never replaced).
    pub fn replace_top(&mut self, screen: Screen) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        self.stack.push(screen);
    }

    /// Back one step; Home stays. A lesson come back to is re-wrapped if the window changed.
    pub fn pop(&mut self) -> Option<Screen> {
        if self.stack.len() <= 1 {
            return None;
        }
        let popped = self.stack.pop();
        match &popped {
            Some(Screen::Explorer(e)) => self.last_site = Some(e.selected),
            Some(Screen::Staging(s)) => self.last_tnm = Some(s.tnm),
            // A lesson just read: home offers the next one.
            Some(Screen::Reader(r)) if r.visit.finished && self.stack.len() == 1 => self.highlight_next(),
            _ => {}
        }
        self.rewrap();
        self.hold_visit();
        popped
    }

    /// Highlight the lesson home suggests next, if any is left.
    fn highlight_next(&mut self) {
        let ids = self.pack.lesson_ids();
        if let Some(next) = self.progress.next_lesson(&ids).and_then(|id| self.pack.lesson_index(id)) {
            self.home_selected = next;
        }
    }

    pub fn reader(&self) -> Option<&Reader> {
        top!(self, Reader)
    }
    pub fn reader_mut(&mut self) -> Option<&mut Reader> {
        top_mut!(self, Reader)
    }
    pub fn quiz(&self) -> Option<&QuizState> {
        top!(self, Quiz)
    }
    pub fn explorer(&self) -> Option<&ExplorerState> {
        top!(self, Explorer)
    }
    pub fn survival(&self) -> Option<&SurvivalState> {
        top!(self, Survival)
    }
    pub fn staging(&self) -> Option<&StagingState> {
        top!(self, Staging)
    }
    pub fn glossary(&self) -> Option<&GlossaryState> {
        top!(self, Glossary)
    }
    pub fn search(&self) -> Option<&SearchState> {
        top!(self, Search)
    }
    pub fn checkin(&self) -> Option<&CheckInState> {
        top!(self, CheckIn)
    }
    pub fn checkin_history(&self) -> Option<&HistoryState> {
        top!(self, CheckInHistory)
    }
    /// The question (or note) being typed, if any.
    pub fn question_input(&self) -> Option<&QuestionInput> {
        match &self.overlay {
            Some(Overlay::TextInput(input)) => Some(input),
            Some(Overlay::Help { under: Some(under), .. }) => match &**under {
                Overlay::TextInput(input) => Some(input),
                _ => None,
            },
            _ => None,
        }
    }
    /// The reader's panel of glossary words is open.
    pub fn terms_open(&self) -> bool {
        self.overlay_is(|o| matches!(o, Overlay::Terms { .. }))
    }
    pub fn terms_scroll(&self) -> u16 {
        match &self.overlay {
            Some(Overlay::Terms { scroll }) => *scroll,
            _ => 0,
        }
    }
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help { .. }))
    }
    pub fn help_scroll(&self) -> u16 {
        match &self.overlay {
            Some(Overlay::Help { scroll, .. }) => *scroll,
            _ => 0,
        }
    }
    pub fn notice_scroll(&self) -> u16 {
        match &self.overlay {
            Some(Overlay::Notice { scroll }) => *scroll,
            _ => 0,
        }
    }
    /// The highlighted section while the contents have the keyboard.
    pub fn contents_cursor(&self) -> Option<usize> {
        match &self.overlay {
            Some(Overlay::Contents { cursor }) => Some(*cursor),
            Some(Overlay::Help { under: Some(under), .. }) => match &**under {
                Overlay::Contents { cursor } => Some(*cursor),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn confirming_quit(&self) -> bool {
        matches!(self.overlay, Some(Overlay::ConfirmQuit))
    }

    /// Open help over whatever is showing; closing it comes back to that.
    pub(super) fn open_help(&mut self) {
        let under = self.overlay.take().map(Box::new);
        self.overlay = Some(Overlay::Help { scroll: 0, under });
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Action::Resize(w, h) = action {
            self.area = Rect::new(0, 0, w, h);
            self.rewrap();
            return vec![];
        }
        if let Action::Tick(now) = action {
            return self.tick(now);
        }
        if let Some(effects) = self.outcome(&action) {
            return effects;
        }
        if action == Action::Quit {
            self.leave_reader_position();
            return vec![Effect::Save, Effect::Quit];
        }
        // A click or a key clears the last message; a new one may be set below.
        self.message = None;
        // Only a second `x`, straight after the first, writes an export.
        if !matches!(action, Action::Export | Action::Scroll(_)) {
            self.export_armed = None;
        }
        match self.context() {
            Context::Help => self.update_help(action),
            Context::Notice => self.update_notice(action),
            Context::About => self.update_about(action),
            Context::Home => self.update_home(action),
            Context::Reader => self.update_reader(action),
            Context::Contents => self.update_contents(action),
            Context::Quiz | Context::QuizFeedback | Context::QuizDone => self.update_quiz(action),
            Context::Explorer | Context::ExplorerSearch => self.update_explorer(action),
            Context::Notebook => self.update_notebook(action),
            Context::QuestionInput => self.update_question_input(action),
            Context::Survival | Context::SurvivalNote => self.update_survival(action),
            Context::Staging => self.update_staging(action),
            Context::Glossary => self.update_glossary(action),
            Context::Search => self.update_search(action),
            Context::Terms => self.update_terms(action),
            Context::CheckIn => self.update_checkin(action),
            Context::CheckInNote => self.update_checkin_note(action),
            Context::CheckInGetHelp => self.update_get_help(action),
            Context::CheckInHistory => self.update_checkin_history(action),
            Context::LessonNote => self.update_lesson_note(action),
            Context::ConfirmQuit => self.update_confirm_quit(action),
        }
    }

    /// What the main loop reports back: a save or an export, done or not.
    fn outcome(&mut self, action: &Action) -> Option<Vec<Effect>> {
        match action {
            Action::Saved { notices } => {
                let mut notices = notices.clone();
                if self.save_problem.take().is_some() {
                    notices.insert(0, t("tui.saving.saved_again").to_string());
                }
                self.unsaved = false;
                // Another copy's changes may have been merged in.
                self.progress_merged();
                if !notices.is_empty() {
                    self.message = Some(notices.join(" "));
                }
            }
            Action::SaveFailed(why) => {
                self.save_problem = Some(why.clone());
                // A failed save may still have merged or dropped questions.
                self.progress_merged();
            }
            Action::SaveWaiting if self.save_problem.is_none() => {
                self.message = Some(t("tui.saving.waiting").to_string());
            }
            Action::SaveWaiting => {}
            Action::ExportPlanned(said) => self.message = Some(said.clone()),
            Action::Exported(said) | Action::ExportFailed(said) => {
                self.export_armed = None;
                self.message = Some(said.clone());
            }
            _ => return None,
        }
        Some(vec![])
    }

    fn update_help(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Help { scroll, under }) = self.overlay.as_mut() else { return vec![] };
        match action {
            Action::About => self.open_about(),
            Action::SwitchLanguage => return self.switch_language(),
            Action::Down | Action::Scroll(1..) => *scroll = scroll.saturating_add(1),
            Action::Up | Action::Scroll(i16::MIN..=-1) => *scroll = scroll.saturating_sub(1),
            Action::Back | Action::Click(..) => self.overlay = under.take().map(|b| *b),
            _ => {}
        }
        vec![]
    }

    fn update_notice(&mut self, action: Action) -> Vec<Effect> {
        let Some(Overlay::Notice { scroll }) = self.overlay.as_mut() else {
            return vec![];
        };
        match action {
            Action::Down | Action::Scroll(1..) => *scroll = scroll.saturating_add(1),
            Action::Up | Action::Scroll(i16::MIN..=-1) => *scroll = scroll.saturating_sub(1),
            Action::Help => self.open_help(),
            Action::SwitchLanguage => return self.switch_language(),
            Action::OpenGetHelp => {
                let effects = self.dismiss_notice();
                self.open_get_help();
                return effects;
            }
            Action::Dismiss | Action::Back | Action::Click(..) => return self.dismiss_notice(),
            _ => {}
        }
        vec![]
    }

    fn dismiss_notice(&mut self) -> Vec<Effect> {
        self.overlay = None;
        if !self.progress.notice_seen {
            self.progress.notice_seen = true;
            return vec![Effect::Save];
        }
        vec![]
    }

    /// "Quit? y/n" after Esc on home.
    fn update_confirm_quit(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => {
                self.overlay = None;
                self.leave_reader_position();
                vec![Effect::Save, Effect::Quit]
            }
            Action::Back | Action::Click(..) => {
                self.overlay = None;
                vec![]
            }
            _ => vec![],
        }
    }

    fn update_home(&mut self, action: Action) -> Vec<Effect> {
        // Up and down follow the list as shown (grouped), not the pack's file order.
        let order = self.home_order();
        let at = order.iter().position(|&i| i == self.home_selected).unwrap_or(0);
        let step = |to: usize| order.get(to.min(order.len().saturating_sub(1))).copied().unwrap_or(0);
        match action {
            Action::Up | Action::Scroll(i16::MIN..=-1) => self.home_selected = step(at.saturating_sub(1)),
            Action::Down | Action::Scroll(1..) => self.home_selected = step(at + 1),
            Action::Top => self.home_selected = step(0),
            Action::Bottom => self.home_selected = step(usize::MAX),
            Action::Open => self.open_lesson(self.home_selected, None),
            Action::StartQuiz => self.start_lesson_quiz(self.home_selected),
            Action::StartReview => self.start_review(),
            Action::StartMixed => self.start_mixed(),
            Action::OpenExplorer => self.open_explorer(),
            Action::OpenNotebook => self.open_notebook(),
            Action::OpenSurvival => self.open_survival(),
            Action::OpenStaging => self.open_staging(),
            Action::OpenGlossary => self.open_glossary(),
            Action::OpenSearch => self.open_search(),
            Action::Help => self.open_help(),
            Action::About => self.open_about(),
            Action::SwitchLanguage => return self.switch_language(),
            Action::OpenGetHelp => self.open_get_help(),
            Action::OpenCheckIn => self.open_checkin(),
            Action::OpenCheckInHistory => self.open_checkin_history(),
            // Esc on home asks first; `q` quits at once.
            Action::Back => self.overlay = Some(Overlay::ConfirmQuit),
            Action::Select(i) if i < self.pack.lessons.len() => {
                self.home_selected = i;
                self.open_lesson(i, None);
            }
            _ => {}
        }
        vec![]
    }

    /// The lessons in the order home shows them.
    pub fn home_order(&self) -> Vec<usize> {
        self.pack.home_groups().into_iter().flat_map(|(_, lessons)| lessons).collect()
    }

    fn update_reader(&mut self, action: Action) -> Vec<Effect> {
        let page = self.reader_layout().text.height.saturating_sub(2).max(1) as i64;
        // Effects of following a link (an `app:` link can add to My questions).
        let mut pending = Vec::new();
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::Scroll(n) => self.scroll_by(n as i64),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::NextSection => self.jump_section(1),
            Action::PrevSection => self.jump_section(-1),
            Action::NextLink => self.select_link(1),
            Action::PrevLink => self.select_link(-1),
            Action::Open => pending = self.follow_link(),
            Action::Contents => self.open_contents(),
            Action::OpenExplorer => self.open_explorer(),
            Action::AddQuestion => self.ask_question(),
            Action::OpenSurvival => self.open_survival(),
            Action::OpenStaging => self.open_staging(),
            Action::OpenSearch => self.open_search(),
            Action::ShowTerms => self.overlay = Some(Overlay::Terms { scroll: 0 }),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::OpenNotebook => self.open_notebook(),
            Action::OpenGetHelp => self.open_get_help(),
            Action::StartQuiz => {
                if let Some(lesson) = self.reader().map(|r| r.lesson) {
                    self.start_lesson_quiz(lesson);
                    return vec![Effect::Save];
                }
            }
            Action::NextLesson => self.step_lesson(1),
            Action::PrevLesson => self.step_lesson(-1),
            Action::Help => self.open_help(),
            Action::About => self.open_about(),
            Action::Click(x, y) => pending = self.click_reader(x, y),
            Action::Back => return self.back(),
            _ => {}
        }
        let mut effects = self.note_position();
        effects.extend(pending);
        effects
    }

    fn update_contents(&mut self, action: Action) -> Vec<Effect> {
        // The lesson's title, then its sections.
        let count = self.reader().map_or(0, |r| r.sections.len() + 1);
        let Some(Overlay::Contents { cursor }) = self.overlay.as_mut() else {
            return vec![];
        };
        match action {
            Action::Up | Action::Scroll(i16::MIN..=-1) => *cursor = cursor.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => *cursor = (*cursor + 1).min(count.saturating_sub(1)),
            Action::Open => {
                let at = *cursor;
                self.overlay = None;
                if let Some(line) = self.contents_line(at) {
                    self.scroll_to(line);
                }
            }
            Action::Back | Action::Contents => self.overlay = None,
            Action::Help => self.open_help(),
            Action::Click(x, y) => {
                self.overlay = None;
                let pending = self.click_reader(x, y);
                let mut effects = self.note_position();
                effects.extend(pending);
                return effects;
            }
            _ => {}
        }
        self.note_position()
    }

    /// The `##` sections of the open lesson: (title, rendered line).
    pub fn sections(&self) -> Vec<(String, usize)> {
        self.reader().map(|r| r.sections.clone()).unwrap_or_default()
    }

    /// Index into `sections()` of the section the top line is in (the first line with
    /// text, when the top one is blank).
    pub fn current_section(&self) -> Option<usize> {
        let reader = self.reader()?;
        let first = self.first_text_line();
        // sections are in line order
        reader.sections.partition_point(|&(_, line)| line <= first).checked_sub(1)
    }

    pub fn reader_layout(&self) -> layout::Reader {
        layout::reader(self.area, self.reader().is_some_and(|r| r.toc_wanted))
    }

    fn open_contents(&mut self) {
        let current = self.current_entry();
        let wide = layout::toc_fits(self.area);
        if let Some(reader) = top_mut!(self, Reader) {
            // On a wide window `t` shows the side panel and gives it the keys; on a
            // narrow one the contents open as a list over the text.
            if wide {
                reader.toc_wanted = true;
            }
        }
        self.overlay = Some(Overlay::Contents { cursor: current });
        self.rewrap();
    }

    /// Open lesson `index` over the current screen, at `anchor` if given, else where
    /// the person left off. Back returns to the screen (or lesson place) it was opened from.
    pub fn open_lesson(&mut self, index: usize, anchor: Option<&str>) {
        self.open_lesson_as(index, anchor, false);
    }

    /// Open lesson `index`, over the current screen or (`replace`) in place of the lesson showing.
    fn open_lesson_as(&mut self, index: usize, anchor: Option<&str>, replace: bool) {
        let Some(lesson) = self.pack.lessons.get(index) else {
            return;
        };
        let toc_wanted = self.reader().is_none_or(|r| r.toc_wanted);
        let width = layout::reader(self.area, toc_wanted).text.width;
        let note_pending = self.note_due(index);
        let (doc, detail_links) = self.render_lesson(index, width);
        let top = match anchor {
            Some(slug) => doc.anchors.iter().find(|a| a.slug == slug).map_or(0, |a| a.line),
            None => reading::saved_line(&self.progress, &lesson.id, &doc),
        };
        let sections = sections_of(&doc);
        let terms_in_line = vec![OnceCell::new(); doc.lines.len()];
        let visit = reading::Visit::new(0, Vec::new(), 0, 0..0, self.now);
        let reader = Reader {
            lesson: index,
            doc,
            width,
            top,
            toc_wanted,
            link: None,
            search_words: Vec::new(),
            current_match: None,
            sections,
            terms_in_line,
            detail_links,
            note_pending,
            visit,
        };
        if replace && self.screen() == ScreenKind::Reader {
            self.replace_top(Screen::Reader(reader));
        } else {
            self.push(Screen::Reader(reader));
        }
        self.home_selected = index;
        self.scroll_to(top);
        // Nothing is kept (not even "the last one read") until the visit counts.
        self.start_visit();
    }

    /// Whether lesson `index` opens with its content note: it has one, and the person
    /// has not read the lesson before (a reading place is kept once they choose to).
    fn note_due(&self, index: usize) -> bool {
        self.pack
            .lessons
            .get(index)
            .is_some_and(|lesson| lesson.content_note.is_some() && !self.progress.lessons.contains_key(&lesson.id))
    }

    fn update_lesson_note(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Open | Action::Click(..) => {
                let Some(reader) = top_mut!(self, Reader) else { return vec![] };
                reader.note_pending = false;
                // Choosing to read starts the visit: the reading place now kept is
                // what remembers the choice.
                reader.visit.begin();
                self.leave_reader_position();
                self.unsaved = true;
                vec![Effect::Save]
            }
            Action::Skip | Action::Back => {
                let effects = self.back();
                self.message = Some(t("tui.lesson_note_skipped").to_string());
                effects
            }
            Action::Help => {
                self.open_help();
                vec![]
            }
            _ => vec![],
        }
    }

    /// Render lesson `index` at `width`, its "More detail" parts folded unless opened,
    /// with one selectable line per part (kept in `doc.links`, marked in the second
    /// vector). Source offsets are the whole lesson's, folded or not.
    pub(super) fn render_lesson(&self, index: usize, width: u16) -> (Rendered, Vec<Option<usize>>) {
        let lesson = &self.pack.lessons[index];
        let opened = self.unfolded.get(&lesson.id);
        let is_open = |i: usize| opened.is_some_and(|set| set.contains(&i));
        let folded = lesson.document_folded(|i| !is_open(i), |_, d| text::detail_folded(&d.what_markdown));
        let titles = |target: &str| self.link_title(index, target);
        let mut doc = markdown::render_titled(&folded.text, width, &self.theme.md, &titles);
        for offset in &mut doc.source_offsets {
            *offset = folded.original(*offset);
        }
        let mut detail_links = vec![None; doc.links.len()];
        for (i, detail) in lesson.details.iter().enumerate() {
            // The part's first line with text (a blank line before it may share its offset).
            let first = reading::line_at_offset(&doc, detail.range.start);
            let line = (first..doc.lines.len())
                .find(|&l| doc.lines[l].spans.iter().any(|s| !s.content.trim().is_empty()))
                .unwrap_or(first);
            let at = doc.links.partition_point(|l| l.line < line);
            let label = markdown::sanitize(&detail.what).into_owned();
            super::reader_links::insert_detail_link(&mut doc, at, line, label);
            detail_links.insert(at, Some(i));
        }
        (doc, detail_links)
    }

    /// Open or fold a "More detail" part of the open lesson in place: its line stays
    /// where it is on screen, and stays selected.
    fn toggle_detail(&mut self, detail: usize) {
        let Some(reader) = self.reader() else { return };
        let (index, width, top) = (reader.lesson, reader.width, reader.top);
        let row = reader.link.and_then(|i| reader.doc.links.get(i)).map_or(0, |l| l.line.saturating_sub(top));
        let id = self.pack.lessons[index].id.clone();
        let set = self.unfolded.entry(id).or_default();
        if !set.remove(&detail) {
            set.insert(detail);
        }
        let (doc, detail_links) = self.render_lesson(index, width);
        let link = detail_links.iter().position(|d| *d == Some(detail));
        let line = link.map_or(top, |i| doc.links[i].line);
        // The footer names the selected "More detail" link (see `link_hint`).
        let Some(reader) = top_mut!(self, Reader) else { return };
        reader.sections = sections_of(&doc);
        reader.terms_in_line = vec![OnceCell::new(); doc.lines.len()];
        let old = std::mem::replace(&mut reader.doc, doc);
        reader.detail_links = detail_links;
        reader.link = link;
        self.scroll_to(line.saturating_sub(row));
        self.rewrap_visit(&old);
    }

    /// Re-wrap the open lesson if the text width changed, keeping the reading place.
    fn rewrap(&mut self) {
        let width = self.reader_layout().text.width;
        let Some(reader) = top_mut!(self, Reader) else {
            return;
        };
        if reader.width == width {
            self.keep_link_on_screen();
            return;
        }
        let (offset, lines_into_block) = reading::place_of_line(&reader.doc, reader.top);
        let index = reader.lesson;
        let (doc, detail_links) = self.render_lesson(index, width);
        let Some(reader) = top_mut!(self, Reader) else {
            return;
        };
        let old = std::mem::replace(&mut reader.doc, doc);
        reader.detail_links = detail_links;
        reader.sections = sections_of(&reader.doc);
        reader.terms_in_line = vec![OnceCell::new(); reader.doc.lines.len()];
        reader.width = width;
        // Links keep their numbers at any width: the selection stays if still in sight.
        reader.top = reading::line_at_place(&reader.doc, offset, lines_into_block);
        self.scroll_to(self.reader().map_or(0, |r| r.top));
        self.keep_link_on_screen();
        self.rewrap_visit(&old);
    }

    fn max_top(&self) -> usize {
        let height = self.reader_layout().text.height as usize;
        self.reader().map_or(0, |r| r.doc.lines.len().saturating_sub(height))
    }

    pub(super) fn scroll_to(&mut self, line: usize) {
        let max = self.max_top();
        if let Some(reader) = top_mut!(self, Reader) {
            reader.top = line.min(max);
        }
    }

    fn scroll_by(&mut self, delta: i64) {
        let top = self.reader().map_or(0, |r| r.top) as i64;
        self.scroll_to((top + delta).max(0) as usize);
    }

    fn jump_section(&mut self, step: i64) {
        let sections = self.sections();
        let Some(top) = self.reader().map(|r| r.top) else {
            return;
        };
        let target = if step > 0 {
            sections.iter().find(|&&(_, line)| line > top)
        } else {
            sections.iter().rev().find(|&&(_, line)| line < top)
        };
        match target {
            Some(&(_, line)) => self.scroll_to(line),
            None if step < 0 => self.scroll_to(0),
            None => self.scroll_to(usize::MAX),
        }
    }

    /// Select the next/previous link, starting from what is on screen.
    fn select_link(&mut self, step: i64) {
        let height = self.reader_layout().text.height as usize;
        let Some(reader) = top_mut!(self, Reader) else {
            return;
        };
        let links = &reader.doc.links;
        if links.is_empty() {
            self.message = Some(t("tui.no_links").to_string());
            return;
        }
        let visible = |i: &usize| (reader.top..reader.top + height).contains(&links[*i].line);
        let next = match reader.link.filter(visible) {
            Some(i) if step > 0 => (i + 1) % links.len(),
            Some(i) => (i + links.len() - 1) % links.len(),
            None if step > 0 => (0..links.len()).find(|i| links[*i].line >= reader.top).unwrap_or(0),
            None => (0..links.len()).rev().find(|i| links[*i].line < reader.top + height).unwrap_or(links.len() - 1),
        };
        // The footer names it (`link_hint`) for as long as it is selected.
        reader.link = Some(next);
        let line = links[next].line;
        if !(reader.top..reader.top + height).contains(&line) {
            let top = line.saturating_sub(height / 3);
            self.scroll_to(top);
        }
    }

    fn follow_link(&mut self) -> Vec<Effect> {
        let Some(reader) = self.reader() else {
            return vec![];
        };
        let Some(link) = reader.link.and_then(|i| reader.doc.links.get(i)) else {
            self.message = Some(t("tui.select_link_first").to_string());
            return vec![];
        };
        if let Some(detail) = reader.link.and_then(|i| reader.detail_links.get(i).copied().flatten()) {
            self.toggle_detail(detail);
            return vec![];
        }
        let target = link.target.clone();
        if let Some(Ok(tool)) = ToolLink::parse(&target) {
            return self.open_tool_link(tool);
        }
        match InternalLink::parse(&target).and_then(|l| self.pack.lesson_index(l.lesson).map(|i| (i, l.anchor))) {
            Some((index, anchor)) => {
                let anchor = anchor.map(str::to_string);
                self.open_lesson(index, anchor.as_deref());
            }
            None => self.message = Some(text::outside_link(&target)),
        }
        vec![]
    }

    /// Open the lesson on when to get help now, at its top; Back returns to where it
    /// was opened. A pack without it says so, with the emergency number.
    pub fn open_get_help(&mut self) {
        let Some(index) = self.pack.lesson_index(crate::content::GET_HELP_LESSON) else {
            self.message = Some(t("tui.no_get_help_lesson").to_string());
            return;
        };
        self.open_lesson(index, None);
        self.scroll_to(0);
        self.start_visit();
    }

    fn step_lesson(&mut self, step: i64) {
        let Some(current) = self.reader().map(|r| r.lesson) else {
            return;
        };
        let next = current as i64 + step;
        if next < 0 {
            self.message = Some(t("tui.first_lesson").to_string());
        } else if next as usize >= self.pack.lessons.len() {
            self.message = Some(t("tui.last_lesson").to_string());
        } else {
            self.leave_reader_position();
            self.open_lesson_as(next as usize, None, true);
        }
    }

    fn click_reader(&mut self, x: u16, y: u16) -> Vec<Effect> {
        let layout = self.reader_layout();
        let at = Position { x, y };
        if let Some(toc) = layout.toc.filter(|t| t.contains(at)) {
            if let Some(line) = self.contents_entry_at(toc, y).and_then(|entry| self.contents_line(entry)) {
                self.scroll_to(line);
            }
        } else if layout.text.contains(at) {
            let Some(reader) = top_mut!(self, Reader) else {
                return vec![];
            };
            let line = reader.top + (y - layout.text.y) as usize;
            if let Some(i) = reader.doc.links.iter().position(|l| l.line == line) {
                reader.link = Some(i);
                return self.follow_link();
            }
        }
        vec![]
    }

    /// Back one step, whatever the screen: the way the person came, in order.
    pub(super) fn back(&mut self) -> Vec<Effect> {
        self.leave_reader_position();
        self.pop();
        vec![Effect::Save]
    }

    /// Record where the reader is; a first finish is worth saving at once.
    fn note_position(&mut self) -> Vec<Effect> {
        let was_read = self.current_lesson_read();
        self.observe_reader();
        self.leave_reader_position();
        self.keep_link_on_screen();
        // At the end of a lesson, say what can come next (unless the footer names a link).
        let link = self.reader().is_some_and(|r| r.link.is_some());
        if self.message.is_none() && !link && self.screen() == ScreenKind::Reader && self.reader_at_end() {
            self.message = Some(t("tui.end_of_lesson").to_string());
        }
        if !was_read && self.current_lesson_read() { vec![Effect::Save] } else { vec![] }
    }

    fn reader_at_end(&self) -> bool {
        self.reader().is_some_and(|r| r.top >= self.max_top())
    }

    fn current_lesson_read(&self) -> bool {
        self.reader().and_then(|r| self.progress.lessons.get(&self.pack.lessons[r.lesson].id)).is_some_and(|p| p.read)
    }

    pub(super) fn leave_reader_position(&mut self) {
        let Some(reader) = top!(self, Reader).filter(|r| !r.note_pending) else {
            return;
        };
        let id = &self.pack.lessons[reader.lesson].id;
        if reading::record_visit(&mut self.progress, id, &reader.doc, reader.top, &reader.visit) {
            self.unsaved = true;
        }
    }
}

/// The `##` sections of a rendering: (title, line).
pub(super) fn sections_of(doc: &Rendered) -> Vec<(String, usize)> {
    doc.anchors.iter().filter(|a| a.level == 2).map(|a| (a.title.clone(), a.line)).collect()
}

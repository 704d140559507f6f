//! The "see it" tools: survival chart, staging explorer, glossary and search.
//! Their state, and how actions change it. Lookups live in `crate::staging`,
//! `crate::content::glossary` and `crate::search`.

use std::cell::Cell;

use tui_input::Input;

use super::action::{Action, Effect};
use super::app::{App, Screen, top, top_mut};
use super::{field, text};
use crate::explorer::nav::Direction;
use crate::search::{self, Hit};
use crate::staging::{self, Tnm};
use crate::words::t;

pub struct SurvivalState {
    /// Index into the rows sorted by value, highest first.
    pub selected: usize,
    /// How far the content note is scrolled (small windows).
    pub note_scroll: u16,
    /// How far the note could scroll in the frame last drawn (the drawing measures it,
    /// so this flow needs no screen); `u16::MAX` until the first frame.
    pub note_room: Cell<u16>,
}

pub struct StagingState {
    pub tnm: Tnm,
    /// Which letter the arrows change: 0 = T, 1 = N, 2 = M.
    pub focus: usize,
    /// How far the text under the picker is scrolled (small windows).
    pub scroll: u16,
    /// In the frame last drawn: how far the text could scroll and how far one page goes
    /// (the drawing measures it, so this flow needs no screen).
    pub room: Cell<ScrollRoom>,
}

/// How far a text can scroll, and how far one page goes, as last drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollRoom {
    pub max: u16,
    pub page: u16,
}

impl ScrollRoom {
    /// Before the first frame: no limit yet (the drawing clamps).
    pub const UNMEASURED: ScrollRoom = ScrollRoom { max: u16::MAX, page: 1 };
}

impl SurvivalState {
    pub fn new() -> Self {
        SurvivalState { selected: 0, note_scroll: 0, note_room: Cell::new(u16::MAX) }
    }
}

impl Default for SurvivalState {
    fn default() -> Self {
        Self::new()
    }
}

impl StagingState {
    /// The value of the focused letter.
    fn letter_mut(&mut self) -> &mut u8 {
        match self.focus {
            0 => &mut self.tnm.t,
            1 => &mut self.tnm.n,
            _ => &mut self.tnm.m,
        }
    }
}

pub struct GlossaryState {
    pub input: Input,
    pub selected: usize,
}

pub struct SearchState {
    pub input: Input,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

impl App {
    pub fn open_survival(&mut self) {
        if self.pack.survival.is_empty() {
            self.message = Some(t("tui.no_survival").to_string());
            return;
        }
        self.push(Screen::Survival(SurvivalState::new()));
    }

    pub fn open_staging(&mut self) {
        let tnm = self.last_tnm.unwrap_or(Tnm { t: 1, n: 0, m: 1 });
        self.push(Screen::Staging(StagingState { tnm, focus: 2, scroll: 0, room: Cell::new(ScrollRoom::UNMEASURED) }));
    }

    pub fn open_glossary(&mut self) {
        self.push(Screen::Glossary(GlossaryState { input: Input::default(), selected: 0 }));
    }

    pub fn open_search(&mut self) {
        self.push(Screen::Search(SearchState { input: Input::default(), hits: Vec::new(), selected: 0 }));
    }

    fn close_tool(&mut self) -> Vec<Effect> {
        self.pop();
        vec![]
    }

    /// The survival rows, highest value first.
    pub fn survival_order(&self) -> Vec<usize> {
        crate::content::survival::chart_order(&self.pack.survival)
    }

    pub(super) fn update_survival(&mut self, action: Action) -> Vec<Effect> {
        if !self.progress.show_survival_numbers {
            return match action {
                Action::Open => {
                    self.progress.show_survival_numbers = true;
                    self.unsaved = true;
                    vec![Effect::Save]
                }
                Action::Back | Action::Skip => self.close_tool(),
                Action::Down | Action::Up | Action::Scroll(_) => {
                    if let Some(state) = top_mut!(self, Survival) {
                        let max = state.note_room.get();
                        let down = matches!(action, Action::Down | Action::Scroll(1..));
                        state.note_scroll = if down {
                            state.note_scroll.saturating_add(1).min(max)
                        } else {
                            state.note_scroll.saturating_sub(1)
                        };
                    }
                    vec![]
                }
                Action::Help => {
                    self.open_help();
                    vec![]
                }
                _ => vec![],
            };
        }
        let last = self.pack.survival.len().saturating_sub(1);
        let Some(state) = top_mut!(self, Survival) else { return vec![] };
        match action {
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.selected = state.selected.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => state.selected = (state.selected + 1).min(last),
            Action::Select(i) => state.selected = i.min(last),
            Action::Skip => {
                // Hide the numbers again: back to the content note (which comes first next time too).
                self.progress.show_survival_numbers = false;
                state.note_scroll = 0;
                self.unsaved = true;
                return vec![Effect::Save];
            }
            Action::Help => self.open_help(),
            Action::Back => return self.close_tool(),
            _ => {}
        }
        vec![]
    }

    pub(super) fn update_staging(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = top_mut!(self, Staging) else { return vec![] };
        let ScrollRoom { max: max_scroll, page } = state.room.get();
        let max = [staging::T_MAX, staging::N_MAX, staging::M_MAX];
        match action {
            Action::Move(Direction::Left) => state.focus = state.focus.saturating_sub(1),
            Action::Move(Direction::Right) | Action::NextLink => state.focus = (state.focus + 1) % 3,
            Action::Move(Direction::Up) | Action::Move(Direction::Down) => {
                let up = action == Action::Move(Direction::Up);
                let focus = state.focus;
                let slot = state.letter_mut();
                *slot = if up { (*slot + 1).min(max[focus]) } else { slot.saturating_sub(1) };
            }
            Action::Pick(key) => {
                // t, n, m choose the letter; digits set its value.
                match key {
                    't' => state.focus = 0,
                    'n' => state.focus = 1,
                    'm' => state.focus = 2,
                    d if d.is_ascii_digit() => {
                        let v = d as u8 - b'0';
                        if v <= max[state.focus] {
                            *state.letter_mut() = v;
                        }
                    }
                    _ => {}
                }
            }
            Action::PageDown => state.scroll = state.scroll.saturating_add(page).min(max_scroll),
            Action::PageUp => state.scroll = state.scroll.saturating_sub(page),
            Action::Help => self.open_help(),
            Action::Back => return self.close_tool(),
            _ => {}
        }
        vec![]
    }

    /// Glossary terms whose name, alias or definition contains the filter text.
    pub fn glossary_matches(&self) -> Vec<usize> {
        let filter = top!(self, Glossary).map(|g| g.input.value().trim().to_lowercase()).unwrap_or_default();
        let terms = &self.pack.glossary.terms;
        let mut names: Vec<usize> = Vec::new();
        let mut in_text: Vec<usize> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            if filter.is_empty() || term.names().any(|n| n.to_lowercase().contains(&filter)) {
                names.push(i);
            } else if term.definition.to_lowercase().contains(&filter) {
                in_text.push(i);
            }
        }
        // Names first, then terms that only mention the words.
        names.extend(in_text);
        names
    }

    pub(super) fn update_glossary(&mut self, action: Action) -> Vec<Effect> {
        let count = self.glossary_matches().len();
        let Some(state) = top_mut!(self, Glossary) else { return vec![] };
        match action {
            Action::Edit(request) => {
                if !field::edit(&mut state.input, request) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                state.selected = 0;
            }
            Action::Paste(pasted) => {
                if !field::paste(&mut state.input, &pasted) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                state.selected = 0;
            }
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.selected = state.selected.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => state.selected = (state.selected + 1).min(count.saturating_sub(1)),
            Action::Open => {
                let selected = state.selected;
                let see = self.glossary_matches().get(selected).and_then(|&i| self.pack.glossary.terms[i].see.clone());
                match see {
                    Some(target) => self.open_target(&target),
                    None => self.message = Some(t("tui.no_see").to_string()),
                }
            }
            Action::Back => return self.close_tool(),
            _ => {}
        }
        vec![]
    }

    pub(super) fn update_search(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = top_mut!(self, Search) else { return vec![] };
        match action {
            Action::Edit(request) => {
                if !field::edit(&mut state.input, request) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                state.hits = search::search(&self.pack, state.input.value());
                state.selected = 0;
            }
            // One search for the whole paste, not one per character.
            Action::Paste(pasted) => {
                if !field::paste(&mut state.input, &pasted) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                state.hits = search::search(&self.pack, state.input.value());
                state.selected = 0;
            }
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.selected = state.selected.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => {
                state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1))
            }
            Action::Open => {
                let Some(hit) = state.hits.get(state.selected).cloned() else { return vec![] };
                let words = search::query_words(state.input.value());
                self.open_lesson_at_offset(hit.lesson, hit.offset);
                if let Some(reader) = top_mut!(self, Reader) {
                    reader.search_words = words;
                }
            }
            Action::Back => return self.close_tool(),
            _ => {}
        }
        vec![]
    }

    /// Follow an `app:` link from a lesson.
    pub fn open_tool_link(&mut self, tool: crate::content::ToolLink) -> Vec<Effect> {
        use crate::content::ToolLink;
        match tool {
            ToolLink::AddCareTeamNumber => return self.add_care_team_number(),
            ToolLink::BodyMap => self.open_explorer(),
            ToolLink::SurvivalChart => self.open_survival(),
            ToolLink::StagingExplorer => self.open_staging(),
            ToolLink::Glossary => self.open_glossary(),
            ToolLink::MyQuestions => self.open_notebook(),
            ToolLink::CheckIn => self.open_checkin(),
        }
        vec![]
    }

    /// Open a `lesson#anchor` target over the current screen; Back returns to it.
    pub fn open_target(&mut self, target: &str) {
        let Some(link) = crate::content::InternalLink::parse(target) else { return };
        let Some(index) = self.pack.lesson_index(link.lesson) else { return };
        let anchor = link.anchor.map(str::to_string);
        self.open_lesson(index, anchor.as_deref());
    }
}

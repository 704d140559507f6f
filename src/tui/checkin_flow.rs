//! The symptom check-in in the tutor: answering it, the full-screen "Get help now"
//! when a red flag is answered yes, and the history of check-ins.

use tui_input::Input;

use super::action::{Action, Effect, ExportKind};
use super::app::{App, Screen, ScreenKind, top, top_mut};
use super::field;
use crate::checkin::{Draft, Step};
use crate::explorer::nav::Direction;
use crate::words::t;

/// A check-in on screen.
#[derive(Debug, Clone)]
pub struct CheckInState {
    pub draft: Draft,
    /// Some while the "Get help now" screen is up: the red flags answered yes, by id.
    pub get_help: Option<Vec<String>>,
    /// The note as typed (the last question).
    pub note: Input,
    /// `1` was just typed on this question: a `0` now makes it 10.
    pub one_typed: bool,
}

/// The history screen: which row is selected.
#[derive(Debug, Clone, Default)]
pub struct HistoryState {
    pub selected: usize,
}

impl App {
    /// Open the check-in where the draft left off, or a new one.
    pub fn open_checkin(&mut self) {
        if self.pack.checkin.is_none() {
            self.message = Some(t("checkin.no_form").to_string());
            return;
        }
        self.leave_reader_position();
        let now = (self.clock)();
        let draft = self.progress.checkin_draft.clone().unwrap_or_else(|| Draft::new(now));
        let note = Input::new(draft.note.clone());
        let state = CheckInState { draft, get_help: None, note, one_typed: false };
        // Opened again from its own history (which it opened): back to that history's place.
        if self.screen() == ScreenKind::CheckIn {
            self.replace_top(Screen::CheckIn(state));
        } else {
            self.push(Screen::CheckIn(state));
        }
    }

    pub fn open_checkin_history(&mut self) {
        if self.pack.checkin.is_none() {
            self.message = Some(t("checkin.no_form").to_string());
            return;
        }
        self.push(Screen::CheckInHistory(HistoryState::default()));
    }

    /// The current step of the check-in on screen.
    pub fn checkin_step(&self) -> Option<Step> {
        let form = self.pack.checkin.as_ref()?;
        Some(top!(self, CheckIn)?.draft.current(form))
    }

    /// Keep the draft in the progress (it is saved with it).
    fn keep_draft(&mut self) -> Vec<Effect> {
        let Some(state) = top!(self, CheckIn) else { return vec![] };
        let draft = (!state.draft.is_empty() || state.draft.step > 0).then(|| state.draft.clone());
        if self.progress.checkin_draft != draft {
            self.progress.checkin_draft = draft;
            self.unsaved = true;
            return vec![Effect::Save];
        }
        vec![]
    }

    fn leave_checkin(&mut self) -> Vec<Effect> {
        let mut effects = self.keep_draft();
        if effects.is_empty() && self.progress.checkin_draft.is_some() {
            // Saved already as it was answered; once more on leaving, to be sure.
            effects.push(Effect::Save);
        }
        self.pop();
        if self.progress.checkin_draft.is_some() {
            self.message = Some(t("tui.checkin.draft_kept").to_string());
        }
        effects
    }

    pub(super) fn update_checkin(&mut self, action: Action) -> Vec<Effect> {
        let Some(form) = self.pack.checkin.clone() else { return vec![] };
        let Some(state) = top_mut!(self, CheckIn) else { return vec![] };
        let one_typed = std::mem::take(&mut state.one_typed);
        let step = state.draft.current(&form);
        match (action, step) {
            (Action::Pick(c @ '0'..='9'), Step::Item(_)) => {
                let digit = c as u8 - b'0';
                let score = if one_typed && digit == 0 { 10 } else { digit };
                state.draft.rate(&form, score);
                state.one_typed = digit == 1 && !(one_typed && digit == 0);
            }
            (Action::Move(Direction::Right), Step::Item(_)) => {
                let score = state.draft.score(&form).map_or(0, |s| (s + 1).min(10));
                state.draft.rate(&form, score);
            }
            (Action::Move(Direction::Left), Step::Item(_)) => {
                let score = state.draft.score(&form).map_or(0, |s| s.saturating_sub(1));
                state.draft.rate(&form, score);
            }
            (Action::Delete, Step::Item(_)) => state.draft.unrate(&form),
            (Action::Pick(c @ ('y' | 'n')), Step::RedFlag(_)) => {
                if let Some(flag) = state.draft.answer(&form, c == 'y') {
                    // At once, before anything else.
                    state.get_help = Some(vec![flag.id.clone()]);
                    return self.keep_draft();
                }
                state.draft.next(&form);
            }
            (Action::Open, Step::RedFlag(_)) if state.draft.flag_answer(&form).is_none() => {
                self.message = Some(t("tui.checkin.answer_yes_or_no").to_string());
            }
            (Action::Open | Action::Down, _) => state.draft.next(&form),
            (Action::Up, _) => state.draft.back(&form),
            (Action::OpenCheckInHistory, _) => {
                let effects = self.keep_draft();
                // The history takes the check-in's place: Back goes where the check-in would.
                self.pop();
                self.open_checkin_history();
                return effects;
            }
            (Action::Help, _) => self.open_help(),
            (Action::Back, _) => return self.leave_checkin(),
            _ => {}
        }
        self.keep_draft()
    }

    pub(super) fn update_checkin_note(&mut self, action: Action) -> Vec<Effect> {
        let Some(form) = self.pack.checkin.clone() else { return vec![] };
        let Some(state) = top_mut!(self, CheckIn) else { return vec![] };
        match action {
            Action::Edit(request) if !field::edit(&mut state.note, request) => {
                self.message = Some(t("tui.checkin.note_full").to_string());
            }
            Action::Paste(pasted) if !field::paste(&mut state.note, &pasted) => {
                self.message = Some(t("tui.checkin.note_full").to_string());
            }
            Action::Up => {
                state.draft.set_note(state.note.value());
                state.draft.back(&form);
            }
            Action::Open => return self.finish_checkin(),
            Action::Back => {
                state.draft.set_note(state.note.value());
                return self.leave_checkin();
            }
            _ => {}
        }
        vec![]
    }

    /// Keep the check-in (in the answer history) and show the history.
    fn finish_checkin(&mut self) -> Vec<Effect> {
        let Some(Screen::CheckIn(mut state)) = self.pop() else { return vec![] };
        state.draft.set_note(state.note.value());
        let now = (self.clock)();
        self.progress.record_checkin(state.draft.finish(), now);
        self.progress.checkin_draft = None;
        self.unsaved = true;
        // Opened from its history: that history shows it now, one step back as before.
        if self.screen() == ScreenKind::CheckInHistory {
            self.replace_top(Screen::CheckInHistory(HistoryState::default()));
        } else {
            self.push(Screen::CheckInHistory(HistoryState::default()));
        }
        self.message = Some(t("tui.checkin.saved").to_string());
        vec![Effect::Save]
    }

    pub(super) fn update_get_help(&mut self, action: Action) -> Vec<Effect> {
        let Some(form) = self.pack.checkin.clone() else { return vec![] };
        let Some(state) = top_mut!(self, CheckIn) else { return vec![] };
        match action {
            Action::Dismiss => {
                state.get_help = None;
                state.draft.next(&form);
                return self.keep_draft();
            }
            Action::ReadMore => {
                let see = state.get_help.as_ref().and_then(|ids| ids.first()).and_then(|id| form.red_flag(id));
                if let Some(flag) = see.map(|f| f.see.clone()) {
                    state.get_help = None;
                    state.draft.next(&form);
                    let effects = self.keep_draft();
                    self.open_target(&flag);
                    return effects;
                }
            }
            Action::Help => self.open_help(),
            _ => {}
        }
        vec![]
    }

    pub(super) fn update_checkin_history(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.pack.checkin.as_ref().map_or(0, |f| f.items.len());
        let Some(state) = top_mut!(self, CheckInHistory) else { return vec![] };
        match action {
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.selected = state.selected.saturating_sub(1),
            Action::Down | Action::Scroll(1..) => state.selected = (state.selected + 1).min(rows.saturating_sub(1)),
            Action::OpenCheckIn => self.open_checkin(),
            Action::Export => {
                let Some(form) = self.pack.checkin.as_ref() else { return vec![] };
                let now = (self.clock)();
                let markdown = crate::plain::checkin::sheet_markdown(&self.pack, form, &self.progress, now);
                let date = crate::content::check::date_of(now);
                if self.export_armed.take() == Some(ExportKind::CheckIn) {
                    return vec![Effect::ExportCheckIn { date, markdown }];
                }
                self.export_armed = Some(ExportKind::CheckIn);
                return vec![Effect::PlanExport { kind: ExportKind::CheckIn, date }];
            }
            Action::Help => self.open_help(),
            Action::Back => {
                self.pop();
            }
            _ => {}
        }
        vec![]
    }

    /// Days since the last check-in, for home's reminder: None if there is none, or
    /// the person turned reminders off.
    pub fn days_since_checkin(&self) -> Option<u64> {
        if self.progress.checkin_reminders_off || self.pack.checkin.is_none() {
            return None;
        }
        let (at, _) = self.progress.checkins().next_back()?;
        Some((self.clock)().saturating_sub(at) / crate::quiz::DAY)
    }
}

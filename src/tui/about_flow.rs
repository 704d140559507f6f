//! About (`i`): a screen on the stack like any other. Its state, and how actions
//! change it; `screens/about.rs` draws it.

use std::cell::Cell;

use super::action::{Action, Effect};
use super::app::{App, Screen, top_mut};
use super::tools_flow::ScrollRoom;

pub struct AboutState {
    /// How far the text is scrolled (small windows).
    pub scroll: u16,
    /// How far the text could scroll, and one page, in the frame last drawn (the
    /// drawing measures it, so this flow needs no screen).
    pub room: Cell<ScrollRoom>,
}

impl App {
    /// Open About over whatever is showing (help, or what help was over, closes
    /// first); Back comes back to exactly that.
    pub fn open_about(&mut self) {
        self.overlay = None;
        self.push(Screen::About(AboutState { scroll: 0, room: Cell::new(ScrollRoom::UNMEASURED) }));
    }

    pub(super) fn update_about(&mut self, action: Action) -> Vec<Effect> {
        let Some(state) = top_mut!(self, About) else { return vec![] };
        let ScrollRoom { max, page } = state.room.get();
        match action {
            Action::Down | Action::Scroll(1..) => state.scroll = state.scroll.saturating_add(1).min(max),
            Action::Up | Action::Scroll(i16::MIN..=-1) => state.scroll = state.scroll.saturating_sub(1),
            Action::PageDown => state.scroll = state.scroll.saturating_add(page).min(max),
            Action::PageUp => state.scroll = state.scroll.saturating_sub(page),
            Action::OpenGetHelp => self.open_get_help(),
            Action::Help => self.open_help(),
            Action::Back => {
                self.pop();
            }
            _ => {}
        }
        vec![]
    }
}

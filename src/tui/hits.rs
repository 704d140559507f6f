//! The places a frame drew that a click can land on, each with the action it means.
//! `view::draw` returns them and the main loop turns a click into an action from the
//! frame the person saw, so `update` and the flows never ask a screen where things are.

use ratatui::layout::{Position, Rect};

use super::action::Action;

#[derive(Debug, Default, Clone)]
pub struct Hits {
    areas: Vec<(Rect, Action)>,
}

impl Hits {
    pub fn add(&mut self, area: Rect, action: Action) {
        if area.width > 0 && area.height > 0 {
            self.areas.push((area, action));
        }
    }

    /// The action of the last-drawn area under the cell (an overlay is drawn last).
    pub fn action_at(&self, x: u16, y: u16) -> Option<Action> {
        self.areas.iter().rev().find(|(area, _)| area.contains(Position { x, y })).map(|(_, a)| a.clone())
    }

    /// What a left click at a cell means: its area's action, else a plain click
    /// (the reader, help and the notice place those themselves from `layout`).
    pub fn click(&self, x: u16, y: u16) -> Action {
        self.action_at(x, y).unwrap_or(Action::Click(x, y))
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }
}

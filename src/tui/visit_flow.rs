//! Reading status in the tutor: the open lesson's visit (see `crate::reading`) is told
//! what is on screen after each action and how time passes at each tick.

use std::ops::Range;
use std::time::Instant;

use super::action::Effect;
use super::app::{App, top_mut};
use crate::markdown::Rendered;
use crate::reading::Visit;

impl App {
    /// The lines of the open lesson on screen now.
    fn on_screen(&self) -> Option<Range<usize>> {
        let height = self.reader_layout().text.height as usize;
        let reader = self.reader()?;
        Some(reader.top..(reader.top + height).min(reader.doc.lines.len()))
    }

    /// A new visit to the lesson just opened, at the lines it shows.
    pub(super) fn start_visit(&mut self) {
        let Some(on_screen) = self.on_screen() else { return };
        let now = self.now;
        let Some(reader) = top_mut!(self, Reader) else { return };
        let id = &self.pack.lessons[reader.lesson].id;
        let percent = self.progress.lessons.get(id).map_or(0, |p| if p.read { 100 } else { p.percent });
        let sections = reader.sections.iter().map(|&(_, line)| line).collect();
        reader.visit = Visit::new(reader.doc.lines.len(), sections, percent, on_screen, now);
    }

    /// After an action in the lesson: what it shows now (a move, if that changed).
    pub(super) fn observe_reader(&mut self) {
        let Some(on_screen) = self.on_screen() else { return };
        let now = self.now;
        if let Some(reader) = top_mut!(self, Reader).filter(|r| !r.note_pending) {
            reader.visit.show(on_screen, now);
        }
    }

    /// The open lesson was wrapped again (it was `old`): what was seen stays seen.
    pub(super) fn rewrap_visit(&mut self, old: &Rendered) {
        let Some(on_screen) = self.on_screen() else { return };
        if let Some(reader) = top_mut!(self, Reader) {
            let sections = reader.sections.iter().map(|&(_, line)| line).collect();
            reader.visit.rewrap(old, &reader.doc, sections, on_screen);
        }
    }

    /// Back on a lesson after another screen: staying counts from now.
    pub(super) fn hold_visit(&mut self) {
        let now = self.now;
        if let Some(reader) = top_mut!(self, Reader) {
            reader.visit.hold(now);
        }
    }

    /// Time passed: the open lesson may start or be read (a first finish is saved at
    /// once). Time with anything over the text is not time on the lesson.
    pub(super) fn tick(&mut self, now: Instant) -> Vec<Effect> {
        self.now = now;
        let covered = self.overlay.is_some();
        let Some(reader) = top_mut!(self, Reader).filter(|r| !r.note_pending) else { return vec![] };
        if covered {
            reader.visit.hold(now);
            return vec![];
        }
        if !reader.visit.wait(now) {
            return vec![];
        }
        let finished = reader.visit.finished;
        self.leave_reader_position();
        if finished { vec![Effect::Save] } else { vec![] }
    }
}

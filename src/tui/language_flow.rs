//! Switching language in the tutor (`L` on the first-run notice, home and help): the
//! words, and with a built-in pack the same lessons in that language, each with its own
//! reading places (see `Progress::use_pack`). The choice is kept in the progress file
//! and wins over the locale at the next start.

use super::action::Effect;
use super::app::{App, Screen};
use super::reload::Change;
use crate::words::{self, t};

impl App {
    pub(super) fn switch_language(&mut self) -> Vec<Effect> {
        // A quiz or a check-in holds its questions in the language it began in.
        if let Some(busy) = self.stack.iter().find_map(|screen| match screen {
            Screen::Quiz(_) => Some(t("tui.language.not_in_quiz")),
            Screen::CheckIn(_) => Some(t("tui.language.not_in_checkin")),
            _ => None,
        }) {
            self.message = Some(busy.to_string());
            return vec![];
        }
        let next = words::choose::next_after(words::language());
        // The place in the lesson on screen is kept in the language it was read in.
        self.leave_reader_position();
        if self.pack.builtin {
            match crate::content::load_builtin(next) {
                Ok(pack) => {
                    words::use_language(next);
                    self.take_pack(pack, Change::Language);
                    self.message = Some(t("tui.language.now").to_string());
                }
                Err(errors) => {
                    // The built-in packs load (a test checks them): nothing changes.
                    let why = crate::markdown::sanitize(&errors.to_string()).into_owned();
                    self.message = Some(crate::tf!("tui.language.no_pack", why = why));
                    return vec![];
                }
            }
        } else {
            words::use_language(next);
            self.message = Some(t("tui.language.words_only").to_string());
        }
        self.progress.language = Some(next.to_string());
        self.unsaved = true;
        vec![Effect::Save]
    }
}

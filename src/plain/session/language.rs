//! Switching language in the plain session (a main-menu choice, or `L` at the first
//! notice), as `L` does in the tutor: the words and, with a built-in pack, the same
//! lessons in that language with their own reading places. Kept in the progress file.

use std::io::{BufRead, Write};

use super::{Session, Step};
use crate::words::{self, t};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn switch_language(&mut self) -> Step {
        let next = words::choose::next_after(words::language());
        if self.pack.builtin {
            match crate::content::builtin_for_run(next) {
                Ok(pack) => {
                    self.pack = pack;
                    self.progress.use_pack(pack.progress_id());
                }
                Err(errors) => {
                    let why = crate::markdown::sanitize(&errors.to_string()).into_owned();
                    return Ok(self.say(&crate::tf!("tui.language.no_pack", why = why))?);
                }
            }
        }
        words::use_language(next);
        self.progress.language = Some(next.to_string());
        self.save()?;
        let said = if self.pack.builtin { t("plain.session.language.now") } else { t("tui.language.words_only") };
        Ok(self.say(said)?)
    }
}

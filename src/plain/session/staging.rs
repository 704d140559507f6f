//! The staging explorer: set T, N and M and hear what they mean, and what can (and
//! cannot) be said about the stage. The words are `crate::staging`'s.

use std::io::{BufRead, Write};

use super::{Session, Step, prompt, words};
use crate::words::{list, t};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn staging(&mut self) -> Step {
        self.blank()?;
        self.say(t("plain.session.staging.title"))?;
        for line in list("tui.seer_groups") {
            // The tutor's list marks are decoration: spoken, they are noise.
            self.say(line.trim_start_matches('•').trim_start())?;
        }
        loop {
            let tnm = self.tnm;
            self.blank()?;
            self.say(&words::tnm_now(tnm.t, tnm.n, tnm.m))?;
            for meaning in [tnm.t_meaning(), tnm.n_meaning(), tnm.m_meaning()] {
                self.say(meaning)?;
            }
            self.say(tnm.verdict_text())?;
            self.say(tnm.seer_group())?;
            loop {
                self.say(t("plain.session.staging.prompt"))?;
                let line = self.line()?;
                if prompt::is_back(&line) {
                    return Ok(());
                }
                match prompt::parse_tnm(&line, self.tnm) {
                    Ok(tnm) => {
                        self.tnm = tnm;
                        break;
                    }
                    Err(reason) => self.say(&reason)?,
                }
            }
        }
    }
}

//! The first-run notice (education, not advice; what to do in an emergency) and
//! About, which shows it again with where progress is kept.

use std::io::{BufRead, Write};

use super::{Session, Step, prompt, words};
use crate::words::{list, t};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// The notice's paragraphs: the same words as the tutor's first screen.
    fn notice_text(&mut self) -> Step {
        self.say(t("plain.session.about.notice_title"))?;
        for paragraph in list("tui.notice") {
            self.say(paragraph)?;
        }
        Ok(())
    }

    /// Shown until it is read once. False if the person chose to leave.
    pub(super) fn first_run_notice(&mut self) -> Step<bool> {
        self.blank()?;
        self.notice_text()?;
        self.blank()?;
        self.say(t("plain.session.about.notice_again"))?;
        loop {
            self.say(t("plain.session.about.notice_prompt"))?;
            let line = self.line()?;
            if prompt::is_back(&line) {
                return Ok(false);
            }
            if line.trim().is_empty() {
                break;
            }
            if crate::words::typed_is(&line, t("plain.session.language.typed")) {
                // Someone who reads the other language better hears it all again in it.
                self.switch_language()?;
                self.blank()?;
                self.notice_text()?;
                self.blank()?;
                continue;
            }
            self.say(&words::notice_not_understood(&prompt::shown(&line)))?;
        }
        self.progress.notice_seen = true;
        self.save()?;
        Ok(true)
    }

    pub(super) fn about(&mut self) -> Step {
        self.blank()?;
        self.say(&words::about_title(env!("CARGO_PKG_VERSION")))?;
        self.notice_text()?;
        let path = self.store.path().display().to_string();
        self.say(t("plain.session.about.progress_kept_in"))?;
        // On a line of its own, so it is read (and can be copied) whole.
        self.say(&crate::markdown::sanitize(&path))?;
        self.say(t("plain.session.about.plain"))?;
        self.blank()?;
        loop {
            self.say(t("plain.session.about.enter_to_go_back"))?;
            let line = self.line()?;
            if line.trim().is_empty() || prompt::is_back(&line) {
                return Ok(());
            }
            self.say(&words::enter_not_understood(&prompt::shown(&line)))?;
        }
    }
}

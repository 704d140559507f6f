//! The survival chart, behind its content note: the person may see the numbers or
//! skip them for now. Choosing to see them is remembered (and can be undone), as
//! in the tutor.

use std::io::{BufRead, Write};

use super::{Session, Step, prompt, words};
use crate::content::survival::{chart_order, first_other_group};
use crate::markdown::sanitize;
use crate::tui::text;
use crate::words::{list, t};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn survival(&mut self) -> Step {
        if self.pack.survival.is_empty() {
            return Ok(self.say(t("tui.no_survival"))?);
        }
        if !self.progress.show_survival_numbers {
            self.blank()?;
            self.say(t("plain.session.survival.content_note_title"))?;
            for paragraph in list("tui.survival_content_note") {
                self.say(paragraph)?;
            }
            let labels = [t("plain.session.survival.show_numbers"), t("plain.session.survival.skip_numbers")];
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(0) => {
                    self.progress.show_survival_numbers = true;
                    self.save()?;
                }
                _ => return Ok(self.say(t("plain.session.survival.skipped"))?),
            }
        }
        self.chart()
    }

    fn chart(&mut self) -> Step {
        let pack = self.pack;
        let rows = &pack.survival;
        let order = chart_order(rows);
        self.blank()?;
        self.say(&words::chart_title(rows.len()))?;
        if let Some(first) = order.first().map(|&i| &rows[i]) {
            self.say(&text::survival_source(&sanitize(&first.source), &sanitize(&first.years)))?;
        }
        self.say(t("tui.relative_survival_means"))?;
        let labels: Vec<String> =
            order.iter().map(|&i| words::survival_row(&rows[i].cancer, rows[i].value, &rows[i].basis)).collect();
        // The rows that cannot be compared come last, after a line that says so.
        let split = first_other_group(rows, &order).unwrap_or(labels.len());
        self.items(&labels[..split])?;
        if split < labels.len() {
            self.say(t("tui.survival_other_groups"))?;
            self.numbered_from(split + 1, &labels[split..])?;
        }
        loop {
            self.say(&words::chart_prompt(labels.len()))?;
            let line = self.line()?;
            if line.trim().eq_ignore_ascii_case("h") {
                self.progress.show_survival_numbers = false;
                self.save()?;
                return Ok(self.say(t("plain.session.survival.hidden"))?);
            }
            match prompt::parse_choice(&line, labels.len()) {
                Ok(prompt::Choice::Back) => return Ok(()),
                Ok(prompt::Choice::Number(n)) => {
                    let row = &rows[order[n - 1]];
                    self.blank()?;
                    self.say(&words::survival_row(&row.cancer, row.value, &row.basis))?;
                    self.say(&sanitize(&row.note))?;
                }
                Ok(prompt::Choice::Empty) => {}
                Err(reason) => self.say(&reason)?,
            }
        }
    }
}

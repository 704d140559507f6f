//! Search the lessons: words in any order; each hit opens the lesson there.

use std::io::{BufRead, Write};

use super::lessons::Start;
use super::{Session, Step, words};
use crate::words::t;

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn search(&mut self) -> Step {
        let pack = self.pack;
        self.blank()?;
        self.say(t("plain.session.search.title"))?;
        loop {
            let Some(query) = self.text(t("plain.session.search.prompt"))? else { return Ok(()) };
            let hits = crate::search::search(pack, &query);
            if hits.is_empty() {
                self.say(&words::no_search_hits(&query))?;
                continue;
            }
            loop {
                self.blank()?;
                self.say(&words::search_hits(hits.len(), &query))?;
                let labels: Vec<String> = hits
                    .iter()
                    .map(|hit| {
                        let title = pack.lessons.get(hit.lesson).map_or("", |l| l.title.as_str());
                        let section = hit.section.as_ref().map(|(_, t)| t.as_str());
                        words::search_hit(&words::lesson_place(title, section), &hit.snippet)
                    })
                    .collect();
                match self.pick(&labels, &words::choose_or_new_search(labels.len()))? {
                    Some(i) => self.lesson(hits[i].lesson, Start::Offset(hits[i].offset))?,
                    None => break,
                }
            }
        }
    }
}

//! The glossary: look a word up (plurals and other names work), or browse the
//! words by their first letter; each can lead to the lesson section about it.

use std::io::{BufRead, Write};

use super::{Session, Step, words};
use crate::content::glossary::{Lookup, Term};
use crate::words::t;

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn glossary(&mut self) -> Step {
        loop {
            self.blank()?;
            self.say(&words::glossary_title(self.pack.glossary.terms.len()))?;
            let labels = [t("plain.session.glossary.look_up_item"), t("plain.session.glossary.browse_item")];
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(0) => self.look_up()?,
                Some(_) => self.browse()?,
                None => return Ok(()),
            }
        }
    }

    fn look_up(&mut self) -> Step {
        let pack = self.pack;
        loop {
            let Some(query) = self.text(t("plain.session.glossary.look_up_prompt"))? else { return Ok(()) };
            match pack.glossary.lookup(&query) {
                Lookup::Found(term) => self.term(term)?,
                Lookup::Closest(terms) if !terms.is_empty() => {
                    self.say(&words::did_you_mean(&query, terms.len()))?;
                    let labels: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
                    if let Some(i) = self.pick(&labels, &words::choose_or_back(labels.len()))? {
                        self.term(terms[i])?;
                    }
                }
                Lookup::Closest(_) => self.say(&words::not_in_glossary(&query))?,
            }
        }
    }

    /// The words grouped by first letter, A to Z.
    fn browse(&mut self) -> Step {
        let pack = self.pack;
        let mut sorted: Vec<&Term> = pack.glossary.terms.iter().collect();
        sorted.sort_by_key(|t| t.term.to_lowercase());
        let mut groups: Vec<(String, Vec<&Term>)> = Vec::new();
        for term in sorted {
            let letter = term.term.chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            match groups.last_mut() {
                Some((last, terms)) if *last == letter => terms.push(term),
                _ => groups.push((letter, vec![term])),
            }
        }
        loop {
            self.blank()?;
            self.say(&words::letters_title(groups.len()))?;
            let labels: Vec<String> =
                groups.iter().map(|(letter, terms)| words::letter_item(letter, terms.len())).collect();
            let Some(g) = self.pick(&labels, &words::choose_or_back(labels.len()))? else { return Ok(()) };
            loop {
                let (letter, terms) = &groups[g];
                self.blank()?;
                self.say(&words::letter_title(letter, terms.len()))?;
                let labels: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
                let Some(i) = self.pick(&labels, &words::choose_or_back(labels.len()))? else { break };
                let term = groups[g].1[i];
                self.term(term)?;
            }
        }
    }

    /// A word's meaning, and the section to read more in.
    fn term(&mut self, term: &Term) -> Step {
        self.blank()?;
        self.say(&words::definition(&term.term, &term.definition))?;
        if !term.aliases.is_empty() {
            self.say(&words::also_called(&term.aliases))?;
        }
        let Some(see) = term.see.as_deref() else { return Ok(()) };
        let labels = [words::read_more_item(&self.link_place(see))];
        if self.pick(&labels, &words::choose_or_back(1))?.is_some() {
            self.follow(see)?;
        }
        Ok(())
    }
}

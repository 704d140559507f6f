//! The body map as a list of places, each with its signs by tier in words (never
//! colour), and the symptom search. Looking at a place is remembered, as in the tutor.

use std::io::{BufRead, Write};

use super::{Session, Step, words};
use crate::content::sites::{Site, Sites, Who};
use crate::explorer::search::{self, Tier};
use crate::markdown::sanitize;
use crate::plain::explorer::{emergency_words, tier_words};
use crate::words::t;

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn body_map(&mut self) -> Step {
        let pack = self.pack;
        let Some(sites) = pack.sites.as_ref() else { return Ok(self.say(t("plain.session.body_map.no_map"))?) };
        loop {
            self.blank()?;
            self.say(&words::body_map_title(sites.sites.len(), self.progress.explored_sites.len()))?;
            self.say(t("plain.session.body_map.how"))?;
            let labels: Vec<String> = sites
                .sites
                .iter()
                .map(|s| words::place_item(&s.name, self.progress.explored_sites.contains(&s.id)))
                .collect();
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(i) => self.place(i)?,
                None => return Ok(()),
            }
        }
    }

    /// One place: its signs, most urgent first, then its lesson sections to read.
    fn place(&mut self, index: usize) -> Step {
        let pack = self.pack;
        let Some(sites) = pack.sites.as_ref() else { return Ok(()) };
        let Some(site) = sites.sites.get(index) else { return Ok(()) };
        if self.progress.mark_explored(&site.id) {
            self.save()?;
        }
        loop {
            self.blank()?;
            self.site_details(sites, site, index + 1, sites.sites.len())?;
            if site.lessons.is_empty() {
                return Ok(());
            }
            self.say(t("plain.session.body_map.read_more_title"))?;
            let labels: Vec<String> = site.lessons.iter().map(|t| self.link_place(t)).collect();
            match self.pick(&labels, &words::choose_or_back(labels.len()))? {
                Some(i) => self.follow(&site.lessons[i])?,
                None => return Ok(()),
            }
        }
    }

    fn site_details(&mut self, sites: &Sites, site: &Site, number: usize, total: usize) -> Step {
        self.say(&words::place_heading(&site.name, number, total))?;
        self.say(&sanitize(&site.summary))?;
        for tier in Tier::ALL {
            let lines = tier.lines(site);
            if lines.is_empty() {
                continue;
            }
            self.say(&words::tier_heading(tier_words(tier), lines.len()))?;
            if tier == Tier::Emergency {
                // Within the top tier, each sign says who to call: the emergency number first.
                for (who, lines) in sites.emergency_by_who(site) {
                    self.say(crate::tui::text::who_heading(who))?;
                    for line in lines {
                        self.say(&words::sign(line))?;
                    }
                    if who == Who::CareTeamLine {
                        self.say(t("tui.who_if_no_answer"))?;
                    }
                }
                continue;
            }
            for line in lines {
                self.say(&words::sign(line))?;
            }
        }
        if !site.primaries.is_empty() {
            self.say(&words::often_from(&site.primaries))?;
        }
        self.say(t("tui.many_causes"))?;
        Ok(())
    }

    pub(super) fn symptom_search(&mut self) -> Step {
        let pack = self.pack;
        let Some(sites) = pack.sites.as_ref() else { return Ok(self.say(t("plain.session.body_map.no_map"))?) };
        self.blank()?;
        self.say(t("plain.session.body_map.symptom_title"))?;
        loop {
            let Some(query) = self.text(t("plain.session.body_map.symptom_prompt"))? else { return Ok(()) };
            let hits = search::search(sites, &query);
            if hits.is_empty() {
                self.say(&crate::tui::text::no_site_matches(&query))?;
                continue;
            }
            loop {
                self.blank()?;
                self.say(&words::symptom_hits(hits.len(), &query))?;
                let labels: Vec<String> = hits
                    .iter()
                    .map(|hit| {
                        let name = sites.sites.get(hit.site).map_or("", |s| s.name.as_str());
                        match hit.matches.first() {
                            Some((Tier::Emergency, line)) => {
                                words::symptom_hit(name, line, &emergency_words(sites.who(line)))
                            }
                            Some((tier, line)) => words::symptom_hit(name, line, tier_words(*tier)),
                            None => sanitize(name).into_owned(),
                        }
                    })
                    .collect();
                match self.pick(&labels, &words::choose_or_new_search(labels.len()))? {
                    Some(i) => self.place(hits[i].site)?,
                    None => break,
                }
            }
        }
    }
}

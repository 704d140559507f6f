//! The symptom explorer's state and how actions change it. Spatial navigation and
//! symptom search live in `crate::explorer`; this file only drives them.

use tui_input::Input;

use super::action::{Action, Effect};
use super::app::{App, Screen, top, top_mut};
use super::{field, text};
use crate::content::InternalLink;
use crate::explorer::nav;
use crate::explorer::search::{self, Hit};
use crate::words::t;

pub struct ExplorerState {
    /// Index into the pack's sites.
    pub selected: usize,
    /// Rows scrolled in the detail panel.
    pub detail_scroll: u16,
    /// Some while the person is searching by symptom.
    pub search: Option<SiteSearch>,
}

pub struct SiteSearch {
    pub input: Input,
    pub hits: Vec<Hit>,
    /// The highlighted hit.
    pub cursor: usize,
}

impl App {
    /// Open the body map, on the site a lesson section is about when there is one.
    pub fn open_explorer(&mut self) {
        let Some(sites) = self.pack.sites.as_ref() else {
            self.message = Some(t("tui.no_map").to_string());
            return;
        };
        let selected = self
            .current_section_target()
            .and_then(|target| sites.sites.iter().position(|s| s.lessons.contains(&target)))
            .or(self.last_site)
            .unwrap_or(0);
        self.push(Screen::Explorer(ExplorerState { selected, detail_scroll: 0, search: None }));
        self.visit_selected_site();
    }

    /// `lesson#section` of where the reader is, if a lesson is open.
    fn current_section_target(&self) -> Option<String> {
        let reader = top!(self, Reader)?;
        let lesson = &self.pack.lessons[reader.lesson];
        let section = self.current_section()?;
        let anchor = reader.doc.anchors.iter().filter(|a| a.level == 2).nth(section)?;
        Some(format!("{}#{}", lesson.id, anchor.slug))
    }

    fn visit_selected_site(&mut self) {
        let Some(sites) = self.pack.sites.as_ref() else { return };
        let Some(site) = top!(self, Explorer).and_then(|e| sites.sites.get(e.selected)) else { return };
        if self.progress.mark_explored(&site.id) {
            self.unsaved = true;
        }
    }

    fn select_site(&mut self, index: usize) {
        if let Some(state) = top_mut!(self, Explorer) {
            state.selected = index;
            state.detail_scroll = 0;
        }
        self.visit_selected_site();
    }

    pub(super) fn update_explorer(&mut self, action: Action) -> Vec<Effect> {
        let Some(sites) = self.pack.sites.as_ref() else { return vec![] };
        let Some(state) = top_mut!(self, Explorer) else { return vec![] };
        if state.search.is_some() {
            return self.update_site_search(action);
        }
        let points = sites.positions();
        let step = |dir| nav::neighbour(&points, state.selected, dir);
        let target = match action {
            Action::Move(dir) => step(dir),
            Action::NextLink => Some(nav::cycle(points.len(), state.selected, true)),
            Action::PrevLink => Some(nav::cycle(points.len(), state.selected, false)),
            Action::PageDown | Action::Scroll(1..) => {
                state.detail_scroll = state.detail_scroll.saturating_add(3);
                None
            }
            Action::PageUp | Action::Scroll(i16::MIN..=-1) => {
                state.detail_scroll = state.detail_scroll.saturating_sub(3);
                None
            }
            Action::Pick(key) => {
                self.follow_site_link(key);
                return vec![];
            }
            Action::Find => {
                state.search = Some(SiteSearch { input: Input::default(), hits: Vec::new(), cursor: 0 });
                None
            }
            Action::Select(i) => (i < points.len()).then_some(i),
            Action::OpenCheckIn => {
                self.open_checkin();
                return vec![];
            }
            Action::Help => {
                self.open_help();
                None
            }
            Action::Back => return self.leave_explorer(),
            _ => None,
        };
        if let Some(index) = target {
            self.select_site(index);
        }
        vec![]
    }

    fn update_site_search(&mut self, action: Action) -> Vec<Effect> {
        let Some(sites) = self.pack.sites.as_ref() else { return vec![] };
        let Some(state) = top_mut!(self, Explorer) else { return vec![] };
        let Some(search) = state.search.as_mut() else { return vec![] };
        match action {
            Action::Edit(request) => {
                if !field::edit(&mut search.input, request) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                search.hits = search::search(sites, search.input.value());
                search.cursor = 0;
            }
            // One search for the whole paste, not one per character.
            Action::Paste(pasted) => {
                if !field::paste(&mut search.input, &pasted) {
                    self.message = Some(text::field_full(field::MAX_CHARS));
                }
                search.hits = search::search(sites, search.input.value());
                search.cursor = 0;
            }
            Action::Up => search.cursor = search.cursor.saturating_sub(1),
            Action::Down => search.cursor = (search.cursor + 1).min(search.hits.len().saturating_sub(1)),
            Action::Open => {
                let chosen = search.hits.get(search.cursor).map(|h| h.site);
                let typed = !search.input.value().trim().is_empty();
                state.search = None;
                match chosen {
                    Some(index) => self.select_site(index),
                    // Nothing matched: the signs that need help now are one key away.
                    None if typed => self.open_get_help(),
                    None => {}
                }
            }
            Action::Back => state.search = None,
            _ => {}
        }
        vec![]
    }

    /// Open the n-th "read more" link of the selected site; Back returns here.
    fn follow_site_link(&mut self, key: char) {
        let Some(n) = key.to_digit(10).filter(|&n| n >= 1) else { return };
        let Some(sites) = self.pack.sites.as_ref() else { return };
        let Some(site) = top!(self, Explorer).and_then(|e| sites.sites.get(e.selected)) else { return };
        let Some(target) = site.lessons.get(n as usize - 1).cloned() else { return };
        let Some(link) = InternalLink::parse(&target) else { return };
        let Some(index) = self.pack.lesson_index(link.lesson) else { return };
        let anchor = link.anchor.map(str::to_string);
        self.open_lesson(index, anchor.as_deref());
    }

    fn leave_explorer(&mut self) -> Vec<Effect> {
        self.pop();
        vec![Effect::Save]
    }

    /// Text input for the symptom search is live.
    pub fn searching_sites(&self) -> bool {
        top!(self, Explorer).is_some_and(|e| e.search.is_some())
    }
}

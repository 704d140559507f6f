//! The lessons list (under the pack's group headings) and the reader: a lesson page
//! by page or whole, in the linear form of `plain::linear`, its sections, links and
//! "More detail" parts by number; a content note first, until the person chooses to
//! read. Reading records the place exactly as the tutor does (`crate::reading`), and
//! saves.

use std::io::{BufRead, Write};

use super::{MAX_DEPTH, Session, Step, prompt, words};
use crate::content::{ContentPack, InternalLink, Lesson, ToolLink};
use crate::markdown::{self, Linear, MdTheme, Rendered, sanitize};
use crate::plain::{linear, status_text};
use crate::reading;
use crate::words::t;

/// Lines on a page: about a screenful, and a short stretch to listen to.
pub(super) const PAGE_LINES: usize = 20;

/// Where to open a lesson.
#[derive(Debug, Clone)]
pub(super) enum Start {
    /// Where the person left off (the top, the first time).
    Saved,
    /// The top, wherever the person left off ("When to get help now" from home).
    Top,
    /// A section, by its anchor slug.
    Anchor(String),
    /// The block at a byte offset of the lesson's Markdown (a search hit).
    Offset(usize),
}

/// The lesson as lines for the session: the linear form that `read` prints (tables
/// as lists, link targets in words), each "More detail" part folded to one line
/// that says how to open it. Source offsets are those of the whole lesson, as the
/// tutor keeps them, so the reading place is the same either way.
pub fn render_lesson(pack: &ContentPack, lesson: &Lesson, width: usize) -> Rendered {
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let details = item_number(Item::Details);
    let folded = lesson.document_folded(|_| true, |_, d| words::detail_folded(&d.what_markdown, details));
    let link_words = |target: &str| linear::link_words(Some(pack), target);
    let mut doc = markdown::render_linear(&folded.text, width, &MdTheme::plain(), &Linear { link_words: &link_words });
    for offset in &mut doc.source_offsets {
        *offset = folded.original(*offset);
    }
    doc
}

/// One "More detail" part of a lesson, in the same linear form, as lines.
fn detail_lines(pack: &ContentPack, lesson: &Lesson, part: usize, width: usize) -> Vec<String> {
    let Some(range) = lesson.details.get(part).map(|d| d.range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    // Writing to memory cannot fail.
    let _ = linear::write_document(Some(pack), &lesson.body[range], width, linear::Look::Plain, &mut out);
    String::from_utf8_lossy(&out).lines().map(str::to_string).collect()
}

/// The reader's fixed menu, in the order shown.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    NextPage,
    PreviousPage,
    Rest,
    Sections,
    Links,
    Top,
    Quiz,
    AddQuestion,
    NextLesson,
    Details,
}

const ITEMS: [Item; 10] = [
    Item::NextPage,
    Item::PreviousPage,
    Item::Rest,
    Item::Sections,
    Item::Links,
    Item::Top,
    Item::Quiz,
    Item::AddQuestion,
    Item::NextLesson,
    Item::Details,
];

/// The number the reader's menu gives `item`.
fn item_number(item: Item) -> usize {
    ITEMS.iter().position(|&i| i == item).map_or(0, |p| p + 1)
}

/// "End of the lesson", with the numbers of the quiz and the next lesson.
fn end_of_lesson() -> String {
    words::end_of_lesson(item_number(Item::Quiz), item_number(Item::NextLesson))
}

/// An open lesson.
struct Open {
    index: usize,
    doc: Rendered,
    top: usize,
}

impl Open {
    fn pages(&self) -> usize {
        self.doc.lines.len().div_ceil(PAGE_LINES).max(1)
    }

    fn page(&self) -> usize {
        self.top / PAGE_LINES + 1
    }

    /// Where the page ends: after `PAGE_LINES`, or at the end of the paragraph (or
    /// other block) it is in, so a sentence is not cut in two; at most twice as long.
    fn end(&self) -> usize {
        let total = self.doc.lines.len();
        let mut end = (self.top + PAGE_LINES).min(total);
        let offsets = &self.doc.source_offsets;
        let limit = (self.top + 2 * PAGE_LINES).min(total);
        while end > self.top && end < limit && offsets.get(end) == offsets.get(end - 1) {
            end += 1;
        }
        end
    }

    fn at_end(&self) -> bool {
        self.end() >= self.doc.lines.len()
    }

    /// The `##` sections: (title, first line).
    fn sections(&self) -> Vec<(&str, usize)> {
        self.doc.anchors.iter().filter(|a| a.level == 2).map(|a| (a.title.as_str(), a.line)).collect()
    }

    /// The slug of the section the page starts in.
    fn section_slug(&self) -> Option<&str> {
        let sections: Vec<_> = self.doc.anchors.iter().filter(|a| a.level == 2).collect();
        let i = sections.partition_point(|a| a.line <= self.top).checked_sub(1)?;
        Some(sections[i].slug.as_str())
    }

    fn section_title(&self) -> Option<&str> {
        let slug = self.section_slug()?;
        self.doc.anchors.iter().find(|a| a.slug == slug).map(|a| a.title.as_str())
    }
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    pub(super) fn lessons(&mut self) -> Step {
        loop {
            self.blank()?;
            let order = self.lesson_order();
            self.say(&words::lessons_title(order.len()))?;
            // Each group's heading on a line of its own; the numbers go on across groups.
            let mut number = 1;
            for (title, members) in self.pack.home_groups() {
                if let Some(title) = title {
                    self.say(&words::group_heading(title))?;
                }
                let labels: Vec<String> = (members.iter().map(|&i| &self.pack.lessons[i]))
                    .map(|l| words::lesson_item(&l.title, &status_text(self.progress.lesson_status(&l.id))))
                    .collect();
                self.numbered_from(number, &labels)?;
                number += labels.len();
            }
            match self.choose(order.len())? {
                Some(n) => self.lesson(order[n], Start::Saved)?,
                None => return Ok(()),
            }
        }
    }

    /// The lessons in the order the lessons menu shows and numbers them: the pack's
    /// groups, one after another (the pack's own order if it has none).
    pub(super) fn lesson_order(&self) -> Vec<usize> {
        self.pack.home_groups().into_iter().flat_map(|(_, members)| members).collect()
    }

    /// A lesson's number in the lessons menu (1-based).
    fn lesson_number(&self, index: usize) -> usize {
        self.lesson_order().iter().position(|&i| i == index).map_or(index, |p| p) + 1
    }

    /// The lesson after `index` in the menu's order.
    fn lesson_after(&self, index: usize) -> Option<usize> {
        let order = self.lesson_order();
        let at = order.iter().position(|&i| i == index)?;
        order.get(at + 1).copied()
    }

    /// Read lesson `index`, from `start`, until the person goes back.
    pub(super) fn lesson(&mut self, index: usize, start: Start) -> Step {
        if self.depth >= MAX_DEPTH {
            return Ok(self.say(t("plain.session.lessons.too_deep"))?);
        }
        self.depth += 1;
        let result = self.read_lesson(index, start);
        self.depth -= 1;
        result
    }

    fn read_lesson(&mut self, index: usize, start: Start) -> Step {
        if !self.content_note(index)? {
            return Ok(());
        }
        let Some(mut open) = self.open(index, start)? else { return Ok(()) };
        self.show_page(&open)?;
        self.reader_menu(&open)?;
        loop {
            self.say(&words::reader_prompt(ITEMS.len()))?;
            let line = self.line()?;
            if line.trim().eq_ignore_ascii_case("m") {
                self.reader_menu(&open)?;
                continue;
            }
            let item = match prompt::parse_choice(&line, ITEMS.len()) {
                Ok(prompt::Choice::Back) => return Ok(()),
                Ok(prompt::Choice::Empty) => Item::NextPage,
                Ok(prompt::Choice::Number(n)) => ITEMS[n - 1],
                Err(reason) => {
                    self.say(&reason)?;
                    continue;
                }
            };
            match item {
                Item::NextPage if open.at_end() => self.say(&end_of_lesson())?,
                Item::NextPage => {
                    open.top = open.end();
                    self.show_page(&open)?;
                }
                Item::PreviousPage if open.top == 0 => self.say(t("plain.session.lessons.first_page"))?,
                Item::PreviousPage => {
                    open.top = open.top.saturating_sub(PAGE_LINES);
                    self.show_page(&open)?;
                }
                Item::Rest => {
                    self.show_rest(&mut open)?;
                }
                Item::Top => {
                    open.top = 0;
                    self.show_page(&open)?;
                }
                Item::Sections => {
                    if let Some(line) = self.choose_section(&open)? {
                        open.top = line;
                        self.show_page(&open)?;
                    }
                }
                Item::Links => {
                    self.links(&open)?;
                    self.back_in(&open)?;
                }
                Item::Quiz => {
                    self.lesson_quiz(open.index)?;
                    self.back_in(&open)?;
                }
                Item::AddQuestion => {
                    let lesson = self.pack.lessons[open.index].id.clone();
                    let section = open.section_slug().map(str::to_string);
                    self.add_question(Some(lesson), section)?;
                    self.back_in(&open)?;
                }
                Item::NextLesson => match self.lesson_after(open.index) {
                    None => self.say(t("plain.session.lessons.last_lesson"))?,
                    // Skipped at its content note: still in this lesson.
                    Some(next) if !self.content_note(next)? => self.back_in(&open)?,
                    Some(next) => match self.open(next, Start::Saved)? {
                        Some(next) => {
                            open = next;
                            self.show_page(&open)?;
                            self.reader_menu(&open)?;
                        }
                        None => return Ok(()),
                    },
                },
                Item::Details => {
                    self.details(&open)?;
                    self.back_in(&open)?;
                }
            }
        }
    }

    /// Render a lesson, say what it is, and find where to start.
    fn open(&mut self, index: usize, start: Start) -> Step<Option<Open>> {
        let Some(lesson) = self.pack.lessons.get(index) else { return Ok(None) };
        let doc = render_lesson(self.pack, lesson, self.options.width);
        let saved = reading::saved_line(&self.progress, &lesson.id, &doc);
        let top = match &start {
            Start::Saved => saved,
            Start::Top => 0,
            Start::Anchor(slug) => doc.anchors.iter().find(|a| &a.slug == slug).map_or(0, |a| a.line),
            Start::Offset(offset) => reading::line_at_offset(&doc, *offset),
        };
        let open = Open { index, doc, top };
        self.blank()?;
        let number = self.lesson_number(index);
        self.say(&words::lesson_heading(number, self.pack.lessons.len(), &lesson.title))?;
        self.say(&sanitize(&lesson.summary))?;
        let status = status_text(self.progress.lesson_status(&lesson.id));
        self.say(&words::lesson_size(open.pages(), open.sections().len(), &status))?;
        if matches!(start, Start::Saved) && top > 0 {
            self.say(&words::carry_on(open.page()))?;
        }
        Ok(Some(open))
    }

    fn reader_menu(&mut self, open: &Open) -> Step {
        let next = self.lesson_after(open.index).map(|i| self.pack.lessons[i].title.as_str());
        let labels: Vec<String> = ITEMS
            .iter()
            .map(|item| match item {
                Item::NextPage => t("plain.session.lessons.next_page").to_string(),
                Item::PreviousPage => t("plain.session.lessons.previous_page").to_string(),
                Item::Rest => t("plain.session.lessons.read_rest").to_string(),
                Item::Sections => words::sections_item(open.sections().len()),
                Item::Links => words::links_item(open.doc.links.len()),
                Item::Top => t("plain.session.lessons.from_the_top").to_string(),
                Item::Quiz => t("plain.session.lessons.quiz_on_lesson").to_string(),
                Item::AddQuestion => t("plain.session.lessons.add_question_item").to_string(),
                Item::NextLesson => words::next_lesson_item(next),
                Item::Details => words::details_item(self.pack.lessons[open.index].details.len()),
            })
            .collect();
        self.say(t("plain.session.lessons.reader_menu"))?;
        Ok(self.items(&labels)?)
    }

    /// Back from a menu opened in a lesson: say where the person is.
    fn back_in(&mut self, open: &Open) -> Step {
        let title = &self.pack.lessons[open.index].title;
        self.say(&words::back_in_lesson(title, open.page(), open.pages()))?;
        self.reader_menu(open)
    }

    /// Print the page at `open.top`, record it like the tutor does, and save.
    fn show_page(&mut self, open: &Open) -> Step {
        self.blank()?;
        self.say(&words::page_heading(open.page(), open.pages(), open.section_title()))?;
        for line in &open.doc.lines[open.top.min(open.end())..open.end()] {
            self.say(&markdown::line_to_string(line))?;
        }
        self.say(&if open.at_end() { end_of_lesson() } else { words::end_of_page(open.page()) })?;
        self.record(open, open.top, open.top..open.end())
    }

    /// Print from the page to the end: the place becomes the last page, as if the
    /// person had scrolled to the end in the tutor.
    fn show_rest(&mut self, open: &mut Open) -> Step {
        self.blank()?;
        self.say(&words::rest_heading(open.page()))?;
        for line in &open.doc.lines[open.top.min(open.doc.lines.len())..] {
            self.say(&markdown::line_to_string(line))?;
        }
        self.say(&end_of_lesson())?;
        let total = open.doc.lines.len();
        let printed = open.top..total;
        open.top = open.top.max(total.saturating_sub(PAGE_LINES)).min(total.saturating_sub(1));
        self.record(open, open.top, printed)
    }

    fn record(&mut self, open: &Open, top: usize, printed: std::ops::Range<usize>) -> Step {
        let id = &self.pack.lessons[open.index].id;
        if reading::record_printed(&mut self.progress, id, &open.doc, top, printed) {
            self.save()?;
        }
        Ok(())
    }

    /// A lesson's content note, if it has one and the person has not chosen to read
    /// the lesson before: read it now (true) or skip it for now (false). As in the
    /// tutor, the reading place kept once they read is what remembers the choice.
    fn content_note(&mut self, index: usize) -> Step<bool> {
        let Some(lesson) = self.pack.lessons.get(index) else { return Ok(true) };
        let Some(note) = lesson.content_note.as_deref() else { return Ok(true) };
        if self.progress.lessons.contains_key(&lesson.id) {
            return Ok(true);
        }
        self.blank()?;
        self.say(&words::content_note_heading(&lesson.title))?;
        self.say(&crate::tui::text::content_note_plain(note))?;
        loop {
            self.say(t("plain.session.lessons.content_note_prompt"))?;
            let line = self.line()?;
            let word = line.trim();
            if word.is_empty() {
                return Ok(true);
            }
            if word.eq_ignore_ascii_case("s") || prompt::is_back(word) {
                self.say(t("tui.lesson_note_skipped"))?;
                return Ok(false);
            }
            self.say(&words::content_note_not_understood(&prompt::shown(word)))?;
        }
    }

    /// The lesson's "More detail" parts, by number; each opens in full.
    fn details(&mut self, open: &Open) -> Step {
        let lesson = &self.pack.lessons[open.index];
        if lesson.details.is_empty() {
            return Ok(self.say(t("plain.session.lessons.no_details"))?);
        }
        loop {
            self.blank()?;
            self.say(&words::details_title(lesson.details.len()))?;
            let labels: Vec<String> = lesson.details.iter().map(|d| sanitize(&d.what).into_owned()).collect();
            let Some(part) = self.pick(&labels, &words::choose_or_back(labels.len()))? else { return Ok(()) };
            self.blank()?;
            for line in detail_lines(self.pack, lesson, part, self.options.width) {
                self.say(&line)?;
            }
            self.say(t("plain.session.lessons.end_of_detail"))?;
        }
    }

    /// The sections, by number: the line to go to, or None for `q`.
    fn choose_section(&mut self, open: &Open) -> Step<Option<usize>> {
        let sections = open.sections();
        if sections.is_empty() {
            self.say(t("plain.session.lessons.no_sections"))?;
            return Ok(None);
        }
        self.say(&words::sections_title(sections.len()))?;
        let labels: Vec<String> =
            sections.iter().map(|(title, line)| words::section_item(title, line / PAGE_LINES + 1)).collect();
        let chosen = self.pick(&labels, &words::choose_or_back(labels.len()))?;
        Ok(chosen.map(|i| sections[i].1))
    }

    /// The lesson's links, by number, each said as where it goes; follow one.
    fn links(&mut self, open: &Open) -> Step {
        if open.doc.links.is_empty() {
            return Ok(self.say(t("plain.session.lessons.no_links"))?);
        }
        loop {
            self.blank()?;
            self.say(&words::links_title(open.doc.links.len()))?;
            let labels: Vec<String> =
                open.doc.links.iter().map(|l| words::link_item(&l.text, &self.link_place(&l.target))).collect();
            let Some(i) = self.pick(&labels, &words::choose_or_back(labels.len()))? else { return Ok(()) };
            let target = open.doc.links[i].target.clone();
            self.follow(&target)?;
        }
    }

    /// Where a link goes, in words.
    pub(super) fn link_place(&self, target: &str) -> String {
        if let Some(tool) = ToolLink::parse(target) {
            return match tool {
                Ok(tool) => words::tool_name(tool).to_string(),
                Err(_) => words::outside(target),
            };
        }
        match InternalLink::parse(target).and_then(|l| self.pack.lesson(l.lesson).map(|lesson| (lesson, l.anchor))) {
            Some((lesson, anchor)) => {
                let section = anchor.and_then(|a| lesson.sections.iter().find(|s| s.slug == a));
                words::lesson_place(&lesson.title, section.map(|s| s.title.as_str()))
            }
            None => words::outside(target),
        }
    }

    /// Open a link's target: a lesson (at its section), one of the tools, or say
    /// that it leads outside the app.
    pub(super) fn follow(&mut self, target: &str) -> Step {
        if let Some(Ok(tool)) = ToolLink::parse(target) {
            return match tool {
                ToolLink::BodyMap => self.body_map(),
                ToolLink::SurvivalChart => self.survival(),
                ToolLink::StagingExplorer => self.staging(),
                ToolLink::Glossary => self.glossary(),
                ToolLink::MyQuestions => self.questions(),
                ToolLink::AddCareTeamNumber => self.add_care_team_number(),
                // The check-in asks its own questions: it runs as its own command.
                ToolLink::CheckIn => Ok(self.say(t("plain.session.lessons.check_in_command"))?),
            };
        }
        match InternalLink::parse(target).and_then(|l| self.pack.lesson_index(l.lesson).map(|i| (i, l.anchor))) {
            Some((index, anchor)) => {
                let start = anchor.map_or(Start::Saved, |a| Start::Anchor(a.to_string()));
                self.lesson(index, start)
            }
            None => Ok(self.say(&words::outside_link(target))?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_embedded;

    #[test]
    fn lessons_read_in_linear_form_with_more_detail_folded() {
        let pack = load_embedded().unwrap();
        let lesson = pack.lesson("side-effects").unwrap();
        let doc = render_lesson(&pack, lesson, 80);
        let lines: Vec<String> = doc.lines.iter().map(markdown::line_to_string).collect();
        let text = lines.join("\n");
        assert!(!text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)), "{text}");
        assert!(text.contains("More detail: how immune side effects differ"), "{text}");
        assert!(!text.contains("pneumonitis"), "the part is folded: {text}");
        // Offsets are the whole lesson's, so places agree with the tutor's.
        assert!(doc.source_offsets.iter().all(|&o| o <= lesson.document().len()));
        assert!(doc.source_offsets.windows(2).all(|w| w[0] <= w[1]));
        let part = detail_lines(&pack, lesson, 0, 80).join("\n");
        assert!(part.contains("pneumonitis"), "{part}");
    }
}

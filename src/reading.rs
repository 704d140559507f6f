//! A reading place in a rendered lesson, and what it means for progress: the one
//! rule both the tutor and the plain session follow, so reading a lesson either way
//! records the same place, the same "how far" and the same "finished".
//!
//! What "read" means. A visit to a lesson starts to count ("in progress") once the
//! person moves in it or stays on it for [`STAY`]; a lesson only passed through (a link
//! followed on to another, Esc at once) keeps no place. Its percent is how much of it
//! has been on screen (earlier visits count as the lines from the top). It is read
//! when its last line has been on screen for [`END_STAY`] in a visit that has shown
//! most of it (three quarters of its lines) or the start of every `##` section: one
//! jump to the end (`G`) is not enough. Time comes in from outside (`now`), so tests
//! can move it. In the plain session a printed page stays in front of the person, so
//! printing the last page is staying on it.

use std::ops::Range;
use std::time::{Duration, Instant};

use crate::markdown::Rendered;
use crate::progress::Progress;

/// Staying this long on the lines on screen starts a visit (the lesson is in progress).
pub const STAY: Duration = Duration::from_secs(3);
/// The last line on screen this long, in a visit that showed most of the lesson, reads it.
pub const END_STAY: Duration = Duration::from_secs(3);
/// "Most of the lesson": this share of its lines, as (numerator, denominator).
const MOST: (usize, usize) = (3, 4);

/// One visit to a lesson: what has been on screen, and since when.
#[derive(Debug, Clone)]
pub struct Visit {
    total: usize,
    /// The first line of each `##` section.
    sections: Vec<usize>,
    /// Lines shown (with the share earlier visits showed, as lines from the top):
    /// sorted, disjoint ranges.
    seen: Vec<Range<usize>>,
    /// Lines after the share seen before that a rounded-down percent may have lost:
    /// counted as seen when what is shown now reaches them.
    maybe: Range<usize>,
    on_screen: Range<usize>,
    /// When the lines on screen came on screen, or the person came back to them.
    since: Instant,
    /// The person moved in the lesson or stayed on it: the visit counts.
    pub started: bool,
    /// The lesson was read in this visit (see the module's rule).
    pub finished: bool,
}

impl Visit {
    /// A visit to a lesson of `total` lines (sections starting at `sections`) that
    /// earlier visits had seen `percent` of, with `on_screen` showing from `now`.
    pub fn new(total: usize, sections: Vec<usize>, percent: u8, on_screen: Range<usize>, now: Instant) -> Visit {
        let total = total.max(1);
        let percent = usize::from(percent.min(100));
        let before = total * percent / 100;
        // Percent was rounded down when kept: these lines may have been seen too.
        let maybe = before..(total * (percent + 1)).div_ceil(100).min(total);
        let mut visit = Visit {
            total,
            sections,
            seen: Vec::new(),
            maybe,
            on_screen: on_screen.clone(),
            since: now,
            started: false,
            finished: false,
        };
        visit.add(0..before);
        visit
    }

    /// A visit to another rendering of the lesson that counts nothing this one saw: the
    /// lesson in another language, whose earlier visits had seen `percent` of its
    /// `total` lines. The person is still there: started and the clock carry on.
    pub fn afresh(&self, total: usize, sections: Vec<usize>, percent: u8, on_screen: Range<usize>) -> Visit {
        Visit { started: self.started, ..Visit::new(total, sections, percent, on_screen, self.since) }
    }

    /// The person moved: `on_screen` is what shows now.
    pub fn show(&mut self, on_screen: Range<usize>, now: Instant) {
        if on_screen == self.on_screen {
            return;
        }
        // The lines before the first move were on screen too.
        self.add(self.on_screen.clone());
        self.on_screen = on_screen;
        self.since = now;
        self.started = true;
        self.add(self.on_screen.clone());
    }

    /// The person chose to read (past a content note): the visit counts at once.
    pub fn begin(&mut self) {
        self.started = true;
        self.add(self.on_screen.clone());
    }

    /// Time passed with the same lines on screen. True if the visit started or the
    /// lesson was read just now.
    pub fn wait(&mut self, now: Instant) -> bool {
        let before = (self.started, self.finished);
        let stayed = now.saturating_duration_since(self.since);
        if !self.started && stayed >= STAY {
            self.begin();
        }
        self.finish_if(stayed >= END_STAY);
        before != (self.started, self.finished)
    }

    /// Read, if the last line has stayed on screen (`stayed`) and enough was shown.
    fn finish_if(&mut self, stayed: bool) {
        let at_end = self.on_screen.end >= self.total;
        if self.started && at_end && stayed && (self.most_seen() || self.every_section_seen()) {
            self.finished = true;
        }
    }

    /// The person was elsewhere (another screen, an overlay over the text): staying
    /// counts again from `now`.
    pub fn hold(&mut self, now: Instant) {
        self.since = now;
    }

    /// The lesson was wrapped again (`old` to `new`): the same text stays seen;
    /// `on_screen` is what the new wrapping shows, not a move.
    pub fn rewrap(&mut self, old: &Rendered, new: &Rendered, sections: Vec<usize>, on_screen: Range<usize>) {
        // A range of the old lines is the text from its first line to the line after it.
        let map = |r: Range<usize>| {
            let line = |l: usize| {
                if l >= old.lines.len() {
                    return new.lines.len();
                }
                let (offset, into) = place_of_line(old, l);
                line_at_place(new, offset, into)
            };
            line(r.start)..line(r.end)
        };
        let seen = std::mem::take(&mut self.seen);
        self.maybe = map(self.maybe.clone());
        self.total = new.lines.len().max(1);
        self.sections = sections;
        for range in seen {
            self.add(map(range));
        }
        self.on_screen = on_screen;
        if self.started {
            self.add(self.on_screen.clone());
        }
    }

    /// How much of the lesson has been on screen, 0–100.
    pub fn percent(&self) -> u8 {
        (self.covered() * 100 / self.total) as u8
    }

    fn covered(&self) -> usize {
        self.seen.iter().map(|r| r.len()).sum()
    }

    fn most_seen(&self) -> bool {
        self.covered() * MOST.1 >= self.total * MOST.0
    }

    fn every_section_seen(&self) -> bool {
        !self.sections.is_empty() && self.sections.iter().all(|l| self.seen.iter().any(|r| r.contains(l)))
    }

    /// Add lines to `seen`, merging ranges that touch.
    fn add(&mut self, range: Range<usize>) {
        let range = range.start.min(self.total)..range.end.min(self.total);
        if range.is_empty() {
            return;
        }
        let (mut start, mut end) = (range.start, range.end);
        if (self.maybe.start..=self.maybe.end).contains(&start) {
            start = self.maybe.start;
        }
        self.seen.retain(|r| {
            let apart = r.end < start || r.start > end;
            if !apart {
                start = start.min(r.start);
                end = end.max(r.end);
            }
            apart
        });
        let at = self.seen.partition_point(|r| r.start < start);
        self.seen.insert(at, start..end);
    }
}

/// Record where a visit to lesson `id` (rendered as `doc`) is, its top line at `top`:
/// nothing until the visit counts. True if the progress changed.
pub fn record_visit(progress: &mut Progress, id: &str, doc: &Rendered, top: usize, visit: &Visit) -> bool {
    if !visit.started {
        return false;
    }
    let (offset, lines_into_block) = place_of_line(doc, top);
    let before = progress.lessons.get(id).cloned();
    progress.record_place(id, offset, lines_into_block, visit.percent(), visit.finished);
    progress.lessons.get(id) != before.as_ref()
}

/// Record that lines `top .. top + visible` of lesson `id` were printed (the plain
/// session): a page asked for counts at once, and printed text stays in front of the
/// person, so the last page read in a visit that showed most of the lesson finishes
/// it. The visit is the pages kept in the progress so far, then this one.
pub fn record(progress: &mut Progress, id: &str, doc: &Rendered, top: usize, visible: usize) -> bool {
    record_printed(progress, id, doc, top, top..top + visible)
}

/// As [`record`], lines `printed` shown and the place kept at line `top`.
pub fn record_printed(progress: &mut Progress, id: &str, doc: &Rendered, top: usize, printed: Range<usize>) -> bool {
    let total = doc.lines.len();
    let percent = progress.lessons.get(id).map_or(0, |p| p.percent);
    let sections = doc.anchors.iter().filter(|a| a.level == 2).map(|a| a.line).collect();
    let printed = printed.start.min(total)..printed.end.min(total);
    let mut visit = Visit::new(total, sections, percent, printed, Instant::now());
    visit.begin();
    visit.finish_if(true);
    record_visit(progress, id, doc, top, &visit)
}

/// The line to open lesson `id` at: where the person left off, or the top.
pub fn saved_line(progress: &Progress, id: &str, doc: &Rendered) -> usize {
    progress.lessons.get(id).map_or(0, |p| line_at_place(doc, p.offset, p.lines_into_block))
}

/// The first rendered line at or after a source offset (a saved reading place).
pub fn line_at_offset(doc: &Rendered, offset: usize) -> usize {
    doc.source_offsets.partition_point(|&o| o < offset).min(doc.lines.len().saturating_sub(1))
}

/// A saved place: the block's first line, then down the block's own wrapped lines.
pub fn line_at_place(doc: &Rendered, offset: usize, lines_into_block: usize) -> usize {
    let first = line_at_offset(doc, offset);
    let Some(&block) = doc.source_offsets.get(first) else { return 0 };
    let block_len = doc.source_offsets[first..].iter().take_while(|&&o| o == block).count();
    first + lines_into_block.min(block_len.saturating_sub(1))
}

/// The place of a rendered line: (source offset of its block, lines into the block).
pub fn place_of_line(doc: &Rendered, line: usize) -> (usize, usize) {
    let Some(&offset) = doc.source_offsets.get(line) else { return (0, 0) };
    let first = doc.source_offsets.partition_point(|&o| o < offset);
    (offset, line - first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{MdTheme, render};

    fn doc() -> Rendered {
        let text = (0..30).map(|i| format!("Paragraph {i} has some words in it.")).collect::<Vec<_>>().join("\n\n");
        render(&text, 20, &MdTheme::plain())
    }

    #[test]
    fn a_page_records_its_top_and_how_far_and_the_last_page_finishes() {
        let doc = doc();
        let total = doc.lines.len();
        let mut p = Progress::default();
        assert!(record(&mut p, "a", &doc, 0, 10));
        assert_eq!(p.lessons["a"].percent as usize, 10 * 100 / total);
        assert_eq!((p.lessons["a"].offset, p.lessons["a"].read), (0, false));
        assert_eq!(p.last_lesson.as_deref(), Some("a"));
        assert!(!record(&mut p, "a", &doc, 0, 10), "the same page again changes nothing");

        // A page starting on a block's second line keeps that line.
        let second = (1..total).find(|&l| doc.source_offsets[l] == doc.source_offsets[l - 1]).unwrap();
        record(&mut p, "a", &doc, second, 10);
        assert_eq!(saved_line(&p, "a", &doc), second);

        // The last page alone is not reading the lesson; page by page to it is.
        assert!(record(&mut p, "a", &doc, total - 10, 10));
        assert!(!p.lessons["a"].read && p.lessons["a"].percent < 75, "{:?}", p.lessons["a"]);
        for top in (0..total).step_by(10) {
            record(&mut p, "a", &doc, top, 10);
        }
        assert_eq!((p.lessons["a"].percent, p.lessons["a"].read), (100, true));
        // Back to the top: still read, how far stays at its best.
        record(&mut p, "a", &doc, 0, 10);
        assert_eq!((p.lessons["a"].percent, p.lessons["a"].read), (100, true));
        assert_eq!(saved_line(&p, "a", &doc), 0);
    }

    fn secs(t: Instant, n: u64) -> Instant {
        t + Duration::from_secs(n)
    }

    #[test]
    fn a_visit_starts_when_the_person_moves_or_stays() {
        let t = Instant::now();
        let mut v = Visit::new(100, vec![], 0, 0..10, t);
        assert!(!v.wait(secs(t, 2)) && !v.started);
        assert!(v.wait(secs(t, 3)) && v.started);
        assert_eq!(v.percent(), 10);
        let mut v = Visit::new(100, vec![], 0, 0..10, t);
        v.show(0..10, t);
        assert!(!v.started, "the same lines again are not a move");
        v.show(1..11, t);
        assert!(v.started);
        assert_eq!(v.percent(), 11);
    }

    #[test]
    fn read_is_the_end_staying_on_screen_after_most_of_the_lesson() {
        let t = Instant::now();
        // Straight to the end: two screens of ten.
        let mut v = Visit::new(100, vec![], 0, 0..10, t);
        v.show(90..100, t);
        v.wait(secs(t, 60));
        assert!(!v.finished);
        assert_eq!(v.percent(), 20);
        // Page by page: the end must stay three seconds.
        let mut v = Visit::new(100, vec![], 0, 0..10, t);
        for top in (10..=90).step_by(10) {
            v.show(top..top + 10, t);
        }
        assert!(!v.wait(secs(t, 2)) && !v.finished);
        assert!(v.wait(secs(t, 3)) && v.finished);
        // Three quarters is most; earlier visits count from the top.
        for (before, read) in [(65, true), (60, false)] {
            let mut v = Visit::new(100, vec![], before, 90..100, t);
            v.begin();
            v.wait(secs(t, 3));
            assert_eq!(v.finished, read, "{before}% before, and the last 10 lines: {}", v.percent());
        }
    }

    #[test]
    fn every_section_on_screen_is_read_too() {
        let t = Instant::now();
        let mut v = Visit::new(100, vec![0, 40, 95], 0, 0..10, t);
        v.show(40..50, t);
        v.show(90..100, t);
        v.wait(secs(t, 3));
        assert!(v.finished && v.percent() == 30);
        // A section never on screen: not read.
        let mut v = Visit::new(100, vec![0, 40, 95], 0, 0..10, t);
        v.show(90..100, t);
        v.wait(secs(t, 3));
        assert!(!v.finished);
    }

    #[test]
    fn time_away_does_not_count() {
        let t = Instant::now();
        let mut v = Visit::new(100, vec![], 0, 0..10, t);
        v.hold(secs(t, 50));
        assert!(!v.wait(secs(t, 52)));
        assert!(v.wait(secs(t, 53)) && v.started);
    }

    #[test]
    fn what_was_seen_stays_seen_at_another_width() {
        let t = Instant::now();
        let text = (0..30).map(|i| format!("Paragraph {i} has some words in it.")).collect::<Vec<_>>().join("\n\n");
        let narrow = render(&text, 20, &MdTheme::plain());
        let wide = render(&text, 80, &MdTheme::plain());
        let half = narrow.lines.len() / 2;
        let mut v = Visit::new(narrow.lines.len(), vec![], 0, 0..half, t);
        v.begin();
        assert!((48..=50).contains(&v.percent()), "{}", v.percent());
        v.rewrap(&narrow, &wide, vec![], 0..5);
        assert!((45..=55).contains(&v.percent()), "{}", v.percent());
    }

    #[test]
    fn places_survive_a_change_of_width() {
        let text = "One two three four five six seven.\n\nEight nine ten eleven twelve.";
        let narrow = render(text, 10, &MdTheme::plain());
        let wide = render(text, 80, &MdTheme::plain());
        let second_block = narrow.source_offsets.iter().position(|&o| o > 0).unwrap();
        let (offset, _) = place_of_line(&narrow, second_block);
        assert_eq!(wide.source_offsets[line_at_place(&wide, offset, 0)], offset);
        assert_eq!(line_at_place(&Rendered::default(), 5, 3), 0);
        assert_eq!(place_of_line(&Rendered::default(), 4), (0, 0));
    }
}

//! The interface's words that have places in them (a title, a count, a path). The words
//! themselves are in the catalogue (`src/words/en.toml`); these functions fill the places
//! and sanitize every text that came from a content file or from the person, so no
//! screen can forget to.

use crate::content::sites::Who;
use crate::markdown::sanitize;
use crate::words::list;
use crate::words::t;
use crate::{tf, tn};

/// Which paragraphs of the notice (`tui.notice`) are about emergencies (they stand out, and
/// the key to the lesson follows them). A paragraph that starts with "• " is a list item:
/// no blank line before it.
pub const NOTICE_EMERGENCY: std::ops::Range<usize> = 2..13;

pub fn next_up(title: &str) -> String {
    tf!("text.next_up", title = sanitize(title))
}

pub fn link_hint(text: &str, target: &str) -> String {
    tf!("text.link_hint", text = sanitize(text), target = sanitize(target))
}

/// The one line a folded "More detail" part shows as (Markdown: `what` is the
/// heading's own Markdown).
pub fn detail_folded(what: &str) -> String {
    tf!("text.detail_folded", what = what)
}

pub fn detail_hint(what: &str, open: bool) -> String {
    if open {
        tf!("text.detail_hint_open", what = sanitize(what))
    } else {
        tf!("text.detail_hint_folded", what = sanitize(what))
    }
}

/// `read ID` shows a folded part as this line (Markdown).
pub fn detail_folded_plain(what: &str, lesson_id: &str) -> String {
    tf!("text.detail_folded_plain", what = what, lesson = lesson_id)
}

/// The plain `read` prints a lesson's content note first.
pub fn content_note_plain(note: &str) -> String {
    tf!("text.content_note_plain", note = sanitize(note))
}

/// About: whose material the person reads.
pub fn pack_about(name: &str, version: &str, publisher: &str) -> String {
    tf!("text.pack_about", name = sanitize(name), version = sanitize(version), publisher = sanitize(publisher))
}

// About (`i`): its own screen, `screens/about.rs`.
/// The app's version, at the end of About's title row.
pub fn about_version(version: &str) -> String {
    tf!("text.about_version", version = sanitize(version))
}
/// Who checked the pack's medical facts (`reviewed_by` in its `pack.toml`).
pub fn pack_reviewed_by(by: Option<&str>) -> String {
    match by {
        Some(by) => tf!("text.pack_reviewed_by", by = sanitize(by)),
        None => t("text.pack_reviewed_by_nobody").to_string(),
    }
}

pub fn outside_link(target: &str) -> String {
    tf!("text.outside_link", target = sanitize(target))
}

pub fn lesson_of(n: usize, total: usize) -> String {
    tf!("text.lesson_of", n = n, total = total)
}

pub fn status_new() -> &'static str {
    t("text.status_new")
}

/// Saving: the words of the tutor's footer and of the plain commands alike.
pub mod saving {
    use crate::markdown::sanitize;
    use crate::words::t;
    use crate::{tf, tn};

    /// The key that tries a failed save again, and how it is written.
    pub const RETRY_KEY: char = 's';

    /// A failed save, in the plain commands (the answers go on being kept in memory).
    pub fn save_failed(why: &str) -> String {
        tf!("text.saving.save_failed", why = sanitize(why))
    }

    /// A failed save, in the tutor's footer, until a save works. The reason comes
    /// last, so that on a narrow window what to do is the part still shown.
    pub fn save_failed_footer(why: &str) -> String {
        tf!("text.saving.save_failed_footer", key = t("tui.saving.retry_key_label"), why = sanitize(why))
    }

    /// What a run that ends with a failed save leaves unsaved.
    pub fn not_saved(answers: usize) -> String {
        match answers {
            0 => t("text.saving.not_saved_none").to_string(),
            n => tn!("text.saving.not_saved", n),
        }
    }
}

pub fn save_failed(why: &str) -> String {
    saving::save_failed_footer(why)
}

pub fn question_saved(open: usize) -> String {
    tf!("text.question_saved", open = open)
}

pub fn open_questions_line(open: usize) -> String {
    tn!("text.open_questions_line", open)
}

/// A text field is full (see `field::MAX_CHARS`).
pub fn field_full(max: usize) -> String {
    tf!("text.field_full", max = max)
}

/// The path first, so a narrow footer cuts the words rather than the place.
pub fn exported_to(path: &str) -> String {
    tf!("text.exported_to", path = path)
}

/// The first `x` of an export: how to go on (short, so even a narrow footer shows
/// it), then where it will go.
pub fn export_confirm(path: &str) -> String {
    tf!("text.export_confirm", path = path)
}

pub fn export_questions_failed(why: &str) -> String {
    tf!("text.export_questions_failed", why = why)
}

pub fn export_failed(why: &str) -> String {
    tf!("text.export_questions_failed", why = why)
}

/// The heading over the selected row's note.
pub fn survival_heading(cancer: &str, basis: &str) -> String {
    tf!("text.survival_heading", cancer = sanitize(cancer), basis = sanitize(basis))
}

pub fn survival_source(source: &str, years: &str) -> String {
    tf!("text.survival_source", source = source, years = years)
}

pub fn no_search_hits(query: &str) -> String {
    tf!("text.no_search_hits", query = query)
}

pub fn nothing_due(next_in_days: Option<u64>) -> String {
    match next_in_days {
        None => t("text.nothing_due.no_quiz_yet").to_string(),
        Some(0) => t("text.nothing_due.right_now").to_string(),
        Some(1) => t("text.nothing_due.tomorrow").to_string(),
        Some(days) => tn!("text.nothing_due.in_days", days),
    }
}

pub fn quiz_title(kind: &crate::tui::quiz_flow::QuizKind, lesson_title: Option<&str>) -> String {
    use crate::tui::quiz_flow::QuizKind;
    match kind {
        QuizKind::Lesson(_) => tf!("text.quiz_title.lesson", title = sanitize(lesson_title.unwrap_or(""))),
        QuizKind::Review => t("text.quiz_title.review").to_string(),
        QuizKind::Mixed => t("text.quiz_title.mixed").to_string(),
    }
}

/// After an answer is checked, what a choice was: its symbol and its words (the tutor
/// and the plain quiz alike; never colour alone). `None`: not picked, not right.
pub fn choice_feedback(picked: bool, right: bool) -> Option<(&'static str, &'static str)> {
    match (picked, right) {
        (true, true) => Some(("✓", t("text.choice.picked_right"))),
        (true, false) => Some(("✗", t("text.choice.picked_wrong"))),
        (false, true) => Some(("○", t("text.choice.missed_right"))),
        (false, false) => None,
    }
}

pub fn read_more(target: &str) -> String {
    tf!("text.read_more", target = sanitize(target))
}
pub fn score_line(right: usize, answered: usize) -> String {
    tf!("text.score_line", right = right, answered = answered)
}

/// "now", "later today", "tomorrow", "on 5 December".
pub fn review_day(day: crate::quiz::ReviewDay) -> String {
    use crate::quiz::ReviewDay;
    match day {
        ReviewDay::Now => t("text.review_day.now").to_string(),
        ReviewDay::LaterToday => t("text.review_day.later_today").to_string(),
        ReviewDay::Tomorrow => t("text.review_day.tomorrow").to_string(),
        ReviewDay::On { day, month } => {
            let months = list("text.months");
            let month = months.get(usize::from(month).saturating_sub(1)).map(String::as_str).unwrap_or("");
            tf!("text.review_day.on", day = day, month = month)
        }
    }
}

/// The end of a quiz: "The 3 questions you missed come back for review tomorrow."
pub fn missed_come_back(missed: usize, when: crate::quiz::ReviewDay) -> String {
    tn!("text.missed_come_back", missed, when = review_day(when))
}

pub fn question_of(n: usize, total: usize) -> String {
    tf!("text.question_of", n = n, total = total)
}
pub fn due_line(count: usize) -> String {
    tn!("text.due_line", count)
}
/// Within the top tier, who to call: the heading above each group of signs (the body map, the
/// plain `sites` and `symptom`, the plain session). The emergency number's group comes first.
pub fn who_heading(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => t("text.who_heading.emergency_number"),
        Who::CareTeamLine => t("text.who_heading.care_team_line"),
    }
}
/// Beside a top-tier sign shown on its own line (search results, `symptom` matches).
pub fn who_short(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => t("text.who_short.emergency_number"),
        Who::CareTeamLine => t("text.who_short.care_team_line"),
    }
}

pub fn no_site_matches(query: &str) -> String {
    tf!("text.no_site_matches", query = sanitize(query))
}

pub fn explored_line(explored: usize, total: usize) -> String {
    tf!("text.explored_line", explored = explored, total = total)
}

/// The symptom check-in's words in the tutor (the shared ones are in `checkin::words`).
pub mod checkin {
    use crate::tf;
    use crate::words::t;

    pub fn question_of(n: usize, total: usize) -> String {
        tf!("text.question_of", n = n, total = total)
    }

    pub fn your_answer(score: u8) -> String {
        tf!("text.checkin.your_answer", score = score)
    }

    pub fn exported_to(path: &str) -> String {
        tf!("text.checkin.exported_to", path = path)
    }

    pub fn export_failed(why: &str) -> String {
        tf!("text.checkin.export_failed", why = why)
    }

    /// Home's gentle reminder: "Last check-in 8 days ago · d check in".
    pub fn reminder(days: u64) -> String {
        tf!(
            "text.checkin.reminder",
            last = crate::checkin::words::last_checkin(days),
            key = t("tui.checkin.check_in_key")
        )
    }
}

/// Live preview (`--watch`): what the footer says when the pack is loaded again.
pub mod reload {
    use crate::tf;

    /// The footer while the files on disk do not load: the first problem, and how many
    /// more before it (a long message is cut at the window's edge; the count must show).
    pub fn broken(first: &str, more: usize) -> String {
        match more {
            0 => tf!("text.reload.broken", first = first),
            n => tf!("text.reload.broken_more", n = n, first = first),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::ReviewDay;

    #[test]
    fn missed_questions_come_back_in_words() {
        let cases = [
            (1, ReviewDay::Now, "The question you missed comes back for review now."),
            (3, ReviewDay::LaterToday, "The 3 questions you missed come back for review later today."),
            (3, ReviewDay::Tomorrow, "The 3 questions you missed come back for review tomorrow."),
            (2, ReviewDay::On { day: 5, month: 12 }, "The 2 questions you missed come back for review on 5 December."),
            (2, ReviewDay::On { day: 1, month: 1 }, "The 2 questions you missed come back for review on 1 January."),
        ];
        for (n, when, said) in cases {
            assert_eq!(missed_come_back(n, when), said);
        }
    }

    #[test]
    fn every_checked_choice_is_said_in_a_symbol_and_words() {
        let marks: Vec<_> = [(true, true), (true, false), (false, true)]
            .into_iter()
            .map(|(picked, right)| choice_feedback(picked, right).unwrap())
            .collect();
        assert_eq!(
            marks,
            [("✓", "your answer, right"), ("✗", "your answer, not right"), ("○", "right answer, you did not pick it")]
        );
        assert_eq!(choice_feedback(false, false), None, "not picked, not right: no mark");
    }
}

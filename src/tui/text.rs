//! The interface's own words, kept in one place so a pack in another language
//! can one day bring its own.
/// Which paragraphs of [`t("tui.notice")`] are about emergencies (they stand out, and the key to the
/// lesson follows them). A paragraph that starts with "• " is a list item: no blank line before it.
pub const NOTICE_EMERGENCY: std::ops::Range<usize> = 2..13;

// Functions below that take text from content files or from the person sanitize it
// here, so no screen can forget to.
use crate::content::sites::Who;
use crate::markdown::sanitize;

pub fn next_up(title: &str) -> String {
    format!("Next: {} — press Enter to read", sanitize(title))
}

pub fn link_hint(text: &str, target: &str) -> String {
    format!("Link: {} → {} (Enter to follow)", sanitize(text), sanitize(target))
}

/// The one line a folded "More detail" part shows as (Markdown: `what` is the
/// heading's own Markdown).
pub fn detail_folded(what: &str) -> String {
    format!("*▸ More detail: {what} — Enter*")
}

pub fn detail_hint(what: &str, open: bool) -> String {
    if open {
        format!("More detail: {} (Enter to fold it away again)", sanitize(what))
    } else {
        format!("More detail: {} (Enter to read it here)", sanitize(what))
    }
}

/// `read ID` shows a folded part as this line (Markdown).
pub fn detail_folded_plain(what: &str, lesson_id: &str) -> String {
    format!("*More detail: {what} (read {lesson_id} --detail)*")
}

/// The plain `read` prints a lesson's content note first.
pub fn content_note_plain(note: &str) -> String {
    format!("Content note: {}", sanitize(note))
}

/// About: whose material the person reads.
pub fn pack_about(name: &str, version: &str, publisher: &str) -> String {
    format!("Lessons: {} (version {}), from {}.", sanitize(name), sanitize(version), sanitize(publisher))
}

pub fn outside_link(target: &str) -> String {
    format!("This link leads outside the app: {}", sanitize(target))
}

pub fn lesson_of(n: usize, total: usize) -> String {
    format!("Lesson {n} of {total}")
}

pub fn status_new() -> &'static str {
    "new"
}

/// Saving: the words of the tutor's footer and of the plain commands alike.
pub mod saving {
    use crate::markdown::sanitize;

    /// The key that tries a failed save again, and how it is written.
    pub const RETRY_KEY: char = 's';

    /// A failed save, in the plain commands (the answers go on being kept in memory).
    pub fn save_failed(why: &str) -> String {
        format!(
            "Your progress could not be saved: {}. Your answers are kept in memory and saved with the next one \
             if the problem is gone; free some space or fix the folder.",
            sanitize(why)
        )
    }

    /// A failed save, in the tutor's footer, until a save works. The reason comes
    /// last, so that on a narrow window what to do is the part still shown.
    pub fn save_failed_footer(why: &str) -> String {
        format!(
            "Your progress could not be saved. Your answers are kept in memory; free space or fix the folder and \
             press {} to try again. ({})",
            crate::words::t("tui.saving.retry_key_label"),
            sanitize(why)
        )
    }

    /// What a run that ends with a failed save leaves unsaved.
    pub fn not_saved(answers: usize) -> String {
        let answers = match answers {
            0 => "No answers were lost, but other changes".to_string(),
            1 => "1 answer and any other changes".to_string(),
            n => format!("{n} answers and any other changes"),
        };
        format!("{answers} since the last save were not saved.")
    }
}

pub fn save_failed(why: &str) -> String {
    saving::save_failed_footer(why)
}

pub fn question_saved(open: usize) -> String {
    format!("Saved to My questions ({open} to ask).")
}

pub fn open_questions_line(open: usize) -> String {
    match open {
        1 => "1 question to ask your team (n)".to_string(),
        n => format!("{n} questions to ask your team (n)"),
    }
}

/// A text field is full (see `field::MAX_CHARS`).
pub fn field_full(max: usize) -> String {
    format!("That is as long as this text can be ({max} characters): the rest was left out.")
}

/// The path first, so a narrow footer cuts the words rather than the place.
pub fn exported_to(path: &str) -> String {
    format!("Saved as {path}: your questions as a checklist, only you can read it.")
}

/// The first `x` of an export: how to go on (short, so even a narrow footer shows
/// it), then where it will go.
pub fn export_confirm(path: &str) -> String {
    format!("x again to save as {path} (other keys: no)")
}

pub fn export_questions_failed(why: &str) -> String {
    format!("Could not export your questions: {why}")
}

pub fn export_failed(why: &str) -> String {
    format!("Could not export your questions: {why}")
}

/// The heading over the selected row's note.
pub fn survival_heading(cancer: &str, basis: &str) -> String {
    format!("{} · {}", sanitize(cancer), sanitize(basis))
}

pub fn survival_source(source: &str, years: &str) -> String {
    format!("Source: {source}, {years}")
}

pub fn no_search_hits(query: &str) -> String {
    format!("No lesson has all of \"{query}\". Try fewer or shorter words.")
}

pub fn nothing_due(next_in_days: Option<u64>) -> String {
    match next_in_days {
        None => "Nothing to review yet. Take a lesson's quiz first (press s).".to_string(),
        Some(0) => "Nothing to review right now.".to_string(),
        Some(1) => "Nothing to review now. The next review is tomorrow.".to_string(),
        Some(days) => format!("Nothing to review now. The next review is in {days} days."),
    }
}

pub fn quiz_title(kind: &crate::tui::quiz_flow::QuizKind, lesson_title: Option<&str>) -> String {
    use crate::tui::quiz_flow::QuizKind;
    match kind {
        QuizKind::Lesson(_) => format!("Quiz · {}", sanitize(lesson_title.unwrap_or(""))),
        QuizKind::Review => "Review · questions due again".to_string(),
        QuizKind::Mixed => "Mixed quiz · lessons you have read".to_string(),
    }
}

/// After an answer is checked, what a choice was: its symbol and its words (the tutor
/// and the plain quiz alike; never colour alone). `None`: not picked, not right.
pub fn choice_feedback(picked: bool, right: bool) -> Option<(&'static str, &'static str)> {
    match (picked, right) {
        (true, true) => Some(("✓", "your answer, right")),
        (true, false) => Some(("✗", "your answer, not right")),
        (false, true) => Some(("○", "right answer, you did not pick it")),
        (false, false) => None,
    }
}

pub fn read_more(target: &str) -> String {
    format!("Read more: {} (press r)", sanitize(target))
}
pub fn score_line(right: usize, answered: usize) -> String {
    format!("You got {right} of {answered} right.")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "now", "later today", "tomorrow", "on 5 December".
pub fn review_day(day: crate::quiz::ReviewDay) -> String {
    use crate::quiz::ReviewDay;
    match day {
        ReviewDay::Now => "now".to_string(),
        ReviewDay::LaterToday => "later today".to_string(),
        ReviewDay::Tomorrow => "tomorrow".to_string(),
        ReviewDay::On { day, month } => {
            let month = MONTHS.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("");
            format!("on {day} {month}")
        }
    }
}

/// The end of a quiz: "The 3 questions you missed come back for review tomorrow."
pub fn missed_come_back(missed: usize, when: crate::quiz::ReviewDay) -> String {
    let when = review_day(when);
    match missed {
        1 => format!("The question you missed comes back for review {when}."),
        n => format!("The {n} questions you missed come back for review {when}."),
    }
}

pub fn question_of(n: usize, total: usize) -> String {
    format!("Question {n} of {total}")
}
pub fn due_line(count: usize) -> String {
    match count {
        1 => "1 quiz question due for review (r)".to_string(),
        n => format!("{n} quiz questions due for review (r)"),
    }
}
/// Within the top tier, who to call: the heading above each group of signs (the body map, the
/// plain `sites` and `symptom`, the plain session). The emergency number's group comes first.
pub fn who_heading(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => "Call your local emergency number now (such as 911, 999 or 112):",
        Who::CareTeamLine => "Call your care team's 24-hour line now, day or night:",
    }
}
/// Beside a top-tier sign shown on its own line (search results, `symptom` matches).
pub fn who_short(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => "call the emergency number now",
        Who::CareTeamLine => "call your care team's 24-hour line now",
    }
}

pub fn no_site_matches(query: &str) -> String {
    let query = sanitize(query);
    format!("No place on the map lists \"{query}\". Try other or fewer words.")
}

pub fn explored_line(explored: usize, total: usize) -> String {
    format!("Body map: {explored} of {total} places looked at (m)")
}

/// The symptom check-in's words in the tutor (the shared ones are in `checkin::words`).
pub mod checkin {

    pub fn question_of(n: usize, total: usize) -> String {
        format!("Question {n} of {total}")
    }

    pub fn your_answer(score: u8) -> String {
        format!("Your answer: {score}")
    }

    pub fn exported_to(path: &str) -> String {
        format!("Saved as {path}: your check-in sheet, only you can read it.")
    }

    pub fn export_failed(why: &str) -> String {
        format!("Could not export your check-in sheet: {why}")
    }

    /// Home's gentle reminder: "Last check-in 8 days ago · d check in".
    pub fn reminder(days: u64) -> String {
        format!("{} · {}", crate::checkin::words::last_checkin(days), crate::words::t("tui.checkin.check_in_key"))
    }
}

/// Live preview (`--watch`): what the footer says when the pack is loaded again.
pub mod reload {

    /// The footer while the files on disk do not load: the first problem, and how many
    /// more before it (a long message is cut at the window's edge; the count must show).
    pub fn broken(first: &str, more: usize) -> String {
        match more {
            0 => format!("Not reloaded: {first}"),
            n => format!("Not reloaded (+{n} more): {first}"),
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

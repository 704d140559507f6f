//! The interface's own words, kept in one place so a pack in another language
//! can one day bring its own.

pub const APP_TITLE: &str = "patient-tutor · understanding stage 4 cancer";
pub const NOT_ADVICE_SHORT: &str = "Education, not medical advice";
pub const TOO_SMALL: &str = "Make the window larger";
/// Asked after Esc on home.
pub const QUIT_ASK: &str = "Quit the tutor? y yes · n no";

pub const NOTICE_TITLE: &str = "Before you start";
pub const NOTICE: &[&str] = &[
    "This app helps you learn about stage 4 (metastatic) cancer, for yourself or for someone you care for.",
    "It is education, not medical advice. It does not know you or your health. Your care team does: talk to them about your own care.",
    "Some signs need help now, day or night.",
    "Call your local emergency number (such as 911, 999 or 112) for:",
    "• a seizure, or sudden weakness on one side of the body",
    "• struggling to breathe, or sudden chest pain",
    "Call your care team's 24-hour line now for:",
    "• a fever during treatment or in the weeks after it: 38 °C (100.4 °F) or higher, or shivering",
    "• new or worse back or neck pain",
    "• weak or numb legs or arms",
    "• not being able to pass urine",
    "If you cannot reach them, call the emergency number.",
    "These are only some of the signs. For anything else new or worrying, call your care team the same day. If you are not sure, call now.",
    "Your progress is kept only on this computer. The app never uses the internet.",
];
/// Which paragraphs of [`NOTICE`] are about emergencies (they stand out, and the key to the
/// lesson follows them). A paragraph that starts with "• " is a list item: no blank line before it.
pub const NOTICE_EMERGENCY: std::ops::Range<usize> = 2..13;
pub const NOTICE_GET_HELP: &str = "Press h to read \"When to get help now\": every sign, and who to call.";
pub const MORE_BELOW: &str = "↓ more below";
pub const MORE_ABOVE: &str = "↑ more above";
/// Where Space (and ↓) scrolls the text.
pub const MORE_BELOW_SPACE: &str = "↓ more below: press Space";
/// A quiz question on a window too small to show it whole.
pub const QUIZ_TOO_SMALL: &str = "Make the window larger to answer";
pub const NOTICE_AGAIN: &str = "You can read this again at any time: press ? and then i.";

pub const HOME_LESSONS: &str = "Lessons";
/// On home's second row once every lesson is read (the first row says what Enter opens).
pub const ALL_READ: &str = "You have read every lesson.";
pub const EMERGENCY_SHORT: &str = "Emergency? Call your local emergency number. When to get help now: press h";
/// The reminder every screen shows above its footer (home adds its key, [`EMERGENCY_SHORT`]).
pub const EMERGENCY_LINE: &str = "Emergency? Call your local emergency number.";
/// For windows too narrow for [`EMERGENCY_LINE`] in two rows (under 26 columns).
pub const EMERGENCY_NARROW: &str = "Emergency? Call your emergency number.";
pub const NO_GET_HELP_LESSON: &str =
    "This content pack has no lesson on when to get help. In an emergency, call your local emergency number.";
pub const CARE_TEAM_NUMBER_QUESTION: &str = "What is my care team's 24-hour number? Write it here.";
pub const ALREADY_IN_MY_QUESTIONS: &str = "That question is already in My questions (press y to see them).";

// Functions below that take text from content files or from the person sanitize it
// here, so no screen can forget to.
use crate::content::sites::Who;
use crate::markdown::sanitize;

pub fn next_up(title: &str) -> String {
    format!("Next: {} — press Enter to read", sanitize(title))
}

/// Home's first row when the highlight is not on the suggested next lesson: what
/// Enter opens.
pub fn enter_reads(title: &str, read: bool) -> String {
    let again = if read { " again" } else { "" };
    format!("{} — press Enter to read{again}", sanitize(title))
}

pub const HELP_TITLE: &str = "Keys";
pub const HELP_CTRL_C: &str = "Ctrl-C  quit from anywhere (progress is saved)";
pub const HELP_SAVE: &str = "Ctrl-S  save now (try again after a failed save)";
pub const HELP_MOUSE: &str = "Mouse: the wheel scrolls; a click opens a lesson, a section or a link.";
pub const CONTENTS_TITLE: &str = "Contents";

pub const NO_LINKS: &str = "This lesson has no links.";
pub const SELECT_LINK_FIRST: &str = "Press Tab to choose a link first.";
pub const FIRST_LESSON: &str = "This is the first lesson.";
pub const LAST_LESSON: &str = "This is the last lesson. Press q to go back to the list.";

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

pub const LESSON_NOTE_TITLE: &str = "Before you read";
pub const LESSON_NOTE_KEYS: &str = "Enter: read it now · s: skip it for now";
pub const LESSON_NOTE_SKIPPED: &str = "Skipped for now. You can open the lesson whenever you are ready.";

/// The plain `read` prints a lesson's content note first.
pub fn content_note_plain(note: &str) -> String {
    format!("Content note: {}", sanitize(note))
}

/// About: whose material the person reads.
pub fn pack_about(name: &str, version: &str, publisher: &str) -> String {
    format!("Lessons: {} (version {}), from {}.", sanitize(name), sanitize(version), sanitize(publisher))
}

/// Home's heading for lessons a pack's groups leave out.
pub const OTHER_LESSONS: &str = "Other lessons";

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
    pub const RETRY_KEY_LABEL: &str = "Ctrl-S";

    pub const WAITING: &str = "another copy of patient-tutor is saving…";
    pub const SAVED_AGAIN: &str = "Your progress is saved now.";

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
             press {RETRY_KEY_LABEL} to try again. ({})",
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

pub const END_OF_LESSON: &str = "End of the lesson. Press s for a short quiz, or → for the next lesson.";
pub const NO_MAP: &str = "This content pack has no body map.";
pub const ASKED: &str = "asked";
pub const NO_SOURCE: &str = "This question was added outside a lesson.";
pub const QUESTION_CHANGED: &str = "Question changed.";
pub const NOTE_SAVED: &str = "Note saved.";
pub const DELETED_UNDO: &str = "Question deleted. Press u to undo.";
pub const UNDONE: &str = "Question brought back.";
pub const NOTHING_TO_UNDO: &str = "Nothing to undo.";
pub const NOTEBOOK_TITLE: &str = "My questions for the care team";
pub const NOTEBOOK_EMPTY: &str =
    "No questions yet. Press a to add one. While reading a lesson, press a to add a question about it.";
pub const ADD_QUESTION_TITLE: &str = "Add a question for your care team";
pub const EDIT_QUESTION_TITLE: &str = "Change the question";
pub const NOTE_TITLE: &str = "A short note of the answer";
pub const SUGGESTIONS: &str = "Or pick a suggested question (↓ then Enter):";

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

/// Exporting an empty "My questions" (the TUI and the plain commands).
pub const NO_QUESTIONS_TO_EXPORT: &str = "You have no questions yet: nothing was exported.";

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

pub const NO_SURVIVAL: &str = "This content pack has no survival numbers.";
pub const NO_SEE: &str = "This word has no lesson section to read.";
pub const NO_SEARCH: &str = "Press / to search the lessons first.";
pub const NO_MORE_MATCHES: &str = "No more matches in this lesson.";
pub const SURVIVAL_TITLE: &str = "Survival numbers · five years after diagnosis, distant stage";
pub const SURVIVAL_CONTENT_NOTE: &[&str] = &[
    "This screen shows survival numbers for cancer that has spread far (the distant stage).",
    "Numbers like these can be hard to read. They describe large groups of people who were diagnosed years ago. They cannot say what will happen to you, and newer treatments are not in them yet.",
    "You do not have to look at them. You can skip them now and come back any time, or ask your care team what they mean for you.",
];
pub const SURVIVAL_NOTE_KEYS: &str = "Press Enter to see the numbers, or s to skip for now.";
/// What the numbers mean; the plain session says it too, so it is kept apart from the chart's `*` mark.
pub const RELATIVE_SURVIVAL_MEANS: &str = "Relative survival compares people with a cancer to similar people without it. 40% means: people with the cancer were about two fifths as likely as similar people without it to be alive five years later. It is not the share of people who were alive. The numbers describe groups diagnosed years ago, not one person, and newer treatments are not yet in them.";
pub const NOT_DISTANT_MARK: &str = "* = not the distant stage (see its note).";
/// The label above the chart rows that are not for the distant stage (blood cancers).
pub const SURVIVAL_OTHER_GROUPS: &str = "Not the distant stage · not comparable";
pub const STAGING_TITLE: &str = "Staging explorer · T, N and M";
pub const SEER_GROUPS: &[&str] = &[
    "SEER, a large US cancer database, uses three simpler groups:",
    "• Localized: only where it started.",
    "• Regional: spread to nearby lymph nodes, tissue or organs.",
    "• Distant: spread to far parts of the body. This is about the same as stage 4.",
    "This explorer is for learning. Your care team knows your real stage and what it means for you.",
];
pub const GLOSSARY_TITLE: &str = "Glossary · what words mean";
pub const FILTER_PROMPT: &str = "Find a word: ";
pub const NO_GLOSSARY_MATCH: &str = "No word matches. Try fewer letters, or press Esc, then / to search the lessons.";
pub const SEARCH_TITLE: &str = "Search the lessons";
pub const SEARCH_PROMPT: &str = "Search: ";
pub const SEARCH_HINT: &str =
    "Type words to find, in any order. Short words find longer ones: \"palliat\" finds \"palliative\".";

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

pub const TERMS_TITLE: &str = "Words on this screen";
pub const NO_TERMS: &str = "No glossary words on this screen.";
pub const MASTERED: &str = "mastered";
pub const NO_QUIZ: &str = "This lesson has no quiz.";
pub const READ_FIRST: &str = "Read a lesson to the end first: the mixed quiz asks about lessons you have read.";
pub const PICK_FIRST: &str = "Pick one or more choices first (Space or their number), then press Enter.";

/// Said when the full-screen tutor is asked for without a terminal (a pipe, a script).
pub const NEEDS_TERMINAL: &str = "patient-tutor needs a terminal for the full-screen tutor; use `patient-tutor --plain` \
     for the tutor as plain text, or a command such as `patient-tutor read staging` (see `patient-tutor --help`).";

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

pub const CHOOSE_ONE: &str = "Choose one answer, then press Enter.";
/// The prompt of such a question says "choose all that apply" itself: this says how.
pub const CHOOSE_ALL: &str = "One or more are right: pick each with Space or its number, then press Enter.";
pub const TRUE_OR_FALSE: &str = "True or false? Press t or f, then Enter.";
pub const RIGHT: &str = "✓ Right!";
pub const NOT_QUITE: &str = "✗ Not quite.";
pub const WHY: &str = "Why: ";

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
pub const READ_AGAIN: &str = "Sections to read again, with the questions you missed:";
pub const READ_AGAIN_KEYS: &str = "↑/↓ choose a section, Enter reads it; q there brings you back here.";
pub const MISSED_PREFIX: &str = "Missed: ";
pub const ALL_RIGHT: &str = "Every answer was right. Well done.";
/// The tutor's way to start a review, after [`missed_come_back`].
pub const REVIEW_FROM_HOME: &str = "Press r on home to start the review.";
/// The plain command's way to start a review, after [`missed_come_back`].
pub const REVIEW_COMMAND: &str = "Start it with: patient-tutor review";

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

pub const EXPLORER_TITLE: &str = "Body map · symptoms by where cancer has spread";
pub const TIER_EMERGENCY: &str = "‼ EMERGENCY — get help now";
pub const TIER_TODAY: &str = "☎ Call your care team today";
pub const TIER_NEXT_VISIT: &str = "✎ Mention at your next visit";
/// Within the top tier, who to call: the heading above each group of signs (the body map, the
/// plain `sites` and `symptom`, the plain session). The emergency number's group comes first.
pub fn who_heading(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => "Call your local emergency number now (such as 911, 999 or 112):",
        Who::CareTeamLine => "Call your care team's 24-hour line now, day or night:",
    }
}
/// After the signs of the 24-hour line.
pub const WHO_IF_NO_ANSWER: &str = "If you cannot reach them, or you feel very unwell, call the emergency number.";
/// Beside a top-tier sign shown on its own line (search results, `symptom` matches).
pub fn who_short(who: Who) -> &'static str {
    match who {
        Who::EmergencyNumber => "call the emergency number now",
        Who::CareTeamLine => "call your care team's 24-hour line now",
    }
}
/// Above search results, whose lines show only the symbol.
pub const TIER_LEGEND: &str = "‼ help now · ☎ today · ✎ next visit";
pub const OFTEN_FROM: &str = "Cancers that often spread here: ";
pub const READ_MORE_KEYS: &str = "Read more (press the number):";
pub const MANY_CAUSES: &str = "Symptoms have many causes, and most are not an emergency, but get help now for any sign marked ‼ EMERGENCY. Your care team is who to ask about yours.";
pub const FIND_PROMPT: &str = "Find a symptom: ";
pub const FIND_HINT: &str = "Type a symptom in everyday words, like \"short of breath\", \"yellow skin\" or \"headache\". Enter goes to the highlighted place.";

pub fn no_site_matches(query: &str) -> String {
    let query = sanitize(query);
    format!("No place on the map lists \"{query}\". Try other or fewer words.")
}
pub const NO_MATCH_GET_HELP: &str = "Press Enter to read \"When to get help now\".";
pub const NO_MATCH_WORRIED: &str = "If you are worried, call your care team. In an emergency, call your local emergency number (such as 911, 999 or 112).";

pub fn explored_line(explored: usize, total: usize) -> String {
    format!("Body map: {explored} of {total} places looked at (m)")
}

/// The symptom check-in's words in the tutor (the shared ones are in `checkin::words`).
pub mod checkin {
    pub const DRAFT_KEPT: &str = "Your check-in is kept. Press d on home to finish it.";
    pub const ANSWER_YES_OR_NO: &str = "Press y for yes or n for no.";
    pub const NOTE_FULL: &str = "A note can have at most 500 characters.";
    pub const SAVED: &str = "Check-in saved. It stays on this computer.";
    pub const RATE_HINT: &str = "Type 0–10 (1 then 0 is 10), or ←/→. Enter: next.";
    pub const FLAG_HINT: &str = "y yes · n no";
    pub const NOTE_HINT: &str = "Type a note, or leave it empty. Enter saves the check-in.";
    pub const NOT_RATED: &str = "not rated yet";
    pub const NOT_ANSWERED: &str = "not answered yet";
    pub const ANSWERED_YES: &str = "Your answer: yes";
    pub const ANSWERED_NO: &str = "Your answer: no";
    pub const CLEAR_TO_GO_ON: &str = "Enter: I understand, go on · r read more";
    pub const LAST_SCORES: &str = "Last";
    pub const NOW: &str = "now";
    pub const NO_CHECKINS_KEY: &str = "No check-ins yet. Press d to check in.";
    pub const CHECK_IN_KEY: &str = "d check in";
    pub const DRAFT_ON_HOME: &str = "Check-in not finished · d to finish";

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
        format!("{} · {CHECK_IN_KEY}", crate::checkin::words::last_checkin(days))
    }
}

/// Live preview (`--watch`): what the footer says when the pack is loaded again.
pub mod reload {
    pub const RELOADED: &str = "Pack reloaded.";
    pub const FIXED: &str = "Pack fixed and reloaded.";
    pub const LESSON_GONE: &str = "Reloaded. That lesson is no longer in the pack.";
    pub const QUIZ_GONE: &str = "Reloaded. The quiz ended: its lesson is gone.";
    pub const PART_GONE: &str = "Reloaded. That part is no longer in the pack.";

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

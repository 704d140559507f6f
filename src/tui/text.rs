//! The interface's own words, kept in one place so a pack in another language
//! can one day bring its own.

pub const APP_TITLE: &str = "patient-tutor · understanding stage 4 cancer";
pub const NOT_ADVICE_SHORT: &str = "Education, not medical advice";
pub const TOO_SMALL: &str = "Make the window larger";

pub const NOTICE_TITLE: &str = "Before you start";
pub const NOTICE: &[&str] = &[
    "This app helps you learn about stage 4 (metastatic) cancer, for yourself or for someone you care for.",
    "It is education, not medical advice. It does not know you or your health. Your care team does: talk to them about your own care.",
    "In an emergency, call your local emergency number (such as 911, 999 or 112) now. For example: sudden weakness or numbness in the legs, losing control of your bladder or bowels, severe trouble breathing, chest pain, or a seizure.",
    "If something new or worrying happens and it is not an emergency, call your care team the same day.",
    "Your progress is kept only on this computer. The app never uses the internet.",
];
pub const MORE_BELOW: &str = "↓ more below";
pub const NOTICE_AGAIN: &str = "You can read this again at any time: press ? and then i.";

pub const HOME_LESSONS: &str = "Lessons";
pub const ALL_READ: &str = "You have read every lesson. Open any lesson to read it again.";
pub const EMERGENCY_SHORT: &str = "Emergency? Call your local emergency number.";

// Functions below that take text from content files or from the person sanitize it
// here, so no screen can forget to.
use crate::markdown::sanitize;

pub fn next_up(title: &str) -> String {
    format!("Next: {} — press Enter to read", sanitize(title))
}

pub const HELP_TITLE: &str = "Keys";
pub const HELP_MOUSE: &str = "Mouse: the wheel scrolls; a click opens a lesson, a section or a link.";
pub const CONTENTS_TITLE: &str = "Contents";

pub const NO_LINKS: &str = "This lesson has no links.";
pub const SELECT_LINK_FIRST: &str = "Press Tab to choose a link first.";
pub const FIRST_LESSON: &str = "This is the first lesson.";
pub const LAST_LESSON: &str = "This is the last lesson. Press q to go back to the list.";

pub fn link_hint(text: &str, target: &str) -> String {
    format!("Link: {} → {} (Enter to follow)", sanitize(text), sanitize(target))
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

pub fn save_failed(why: &str) -> String {
    format!("Could not save your progress: {}", sanitize(why))
}

pub const END_OF_LESSON: &str = "End of the lesson. Press s for a short quiz, or → for the next lesson.";
pub const NO_MAP: &str = "This content pack has no body map.";
pub const MASTERED: &str = "mastered";
pub const NO_QUIZ: &str = "This lesson has no quiz.";
pub const READ_FIRST: &str = "Read a lesson to the end first: the mixed quiz asks about lessons you have read.";
pub const PICK_FIRST: &str = "Pick one or more choices first (Space or their number), then press Enter.";

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
pub const CHOOSE_ALL: &str = "Choose all that apply: pick with Space or the numbers, then press Enter.";
pub const TRUE_OR_FALSE: &str = "True or false? Press t or f, then Enter.";
pub const RIGHT: &str = "✓ Right!";
pub const NOT_QUITE: &str = "✗ Not quite.";
pub const RIGHT_ANSWER: &str = "right answer";
pub const YOUR_PICK: &str = "your pick";
pub const WHY: &str = "Why: ";
pub fn read_more(target: &str) -> String {
    format!("Read more: {} (press r)", sanitize(target))
}
pub fn score_line(right: usize, answered: usize) -> String {
    format!("You got {right} of {answered} right.")
}
pub const MISSED: &str = "Questions to look at again:";
pub const READ_AGAIN: &str = "Sections to read again:";
pub const ALL_RIGHT: &str = "Every answer was right. Well done.";
pub fn question_of(n: usize, total: usize) -> String {
    format!("Question {n} of {total}")
}
pub fn due_line(count: usize) -> String {
    match count {
        1 => "1 question is due for review — press r".to_string(),
        n => format!("{n} questions are due for review — press r"),
    }
}

pub const EXPLORER_TITLE: &str = "Body map · symptoms by where cancer has spread";
pub const TIER_EMERGENCY: &str = "‼ EMERGENCY — get help now";
pub const TIER_TODAY: &str = "☎ Call your care team today";
pub const TIER_NEXT_VISIT: &str = "✎ Mention at your next visit";
pub const OFTEN_FROM: &str = "Cancers that often spread here: ";
pub const READ_MORE_KEYS: &str = "Read more (press the number):";
pub const MANY_CAUSES: &str =
    "Symptoms have many causes, and most are not an emergency. Your care team is who to ask about yours.";
pub const FIND_PROMPT: &str = "Find a symptom: ";
pub const FIND_HINT: &str = "Type a symptom in everyday words, like \"short of breath\", \"yellow skin\" or \"headache\". Enter goes to the highlighted place.";

pub fn no_site_matches(query: &str) -> String {
    let query = sanitize(query);
    format!("No place on the map lists \"{query}\". Try other or fewer words. If you are worried, call your care team.")
}

pub fn explored_line(explored: usize, total: usize) -> String {
    format!("Body map: {explored} of {total} places looked at — press m")
}

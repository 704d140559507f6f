//! What the plain session says: every sentence in one place, so a pack in another
//! language can one day bring its own. Each line is written to make sense when it
//! is spoken alone by a screen reader: no symbols for meaning, no decoration.
//! Functions that take text from content files or from the person sanitize it here.

use crate::content::ToolLink;
use crate::markdown::sanitize;

// Moving around.

pub const WELCOME: &str =
    "patient-tutor, plain text session. Learning about stage 4 cancer. Education, not medical advice.";
pub const BYE: &str = "Your progress is saved. Goodbye.";
pub const TYPE_SOMETHING: &str = "Please type something, or q to go back.";

pub fn notice(text: &str) -> String {
    format!("Note: {}", sanitize(text))
}

pub fn save_failed(why: &str) -> String {
    format!("Could not save your progress: {}", sanitize(why))
}

/// How to answer a menu of `count` items.
fn how_to_choose(count: usize, q: &str) -> String {
    match count {
        1 => format!("Type 1, or q to {q}."),
        _ => format!("Type a number from 1 to {count}, or q to {q}."),
    }
}

pub fn choose_or_back(count: usize) -> String {
    match count {
        1 => "Type 1 to choose it, or q to go back:".to_string(),
        _ => format!("Choose a number from 1 to {count}, or q to go back:"),
    }
}

pub fn choose_or_leave(count: usize) -> String {
    format!("Choose a number from 1 to {count}, or q to leave:")
}

pub fn choose_or_new_search(count: usize) -> String {
    match count {
        1 => "Type 1 to open it, or q for a new search:".to_string(),
        _ => format!("Choose a number from 1 to {count}, or q for a new search:"),
    }
}

pub fn type_a_number(count: usize) -> String {
    format!("Please type a number. {}", how_to_choose(count, "go back"))
}

pub fn no_such_choice(shown: &str, count: usize) -> String {
    format!("There is no {shown} here. {}", how_to_choose(count, "go back"))
}

pub fn not_a_choice(shown: &str, count: usize) -> String {
    format!("\"{shown}\" is not one of the choices. {}", how_to_choose(count, "go back"))
}

// The first-run notice and About.

pub const NOTICE_TITLE: &str = "Before you start.";
pub const NOTICE_AGAIN: &str = "You can hear this again at any time: choose About from the main menu.";
pub const NOTICE_PROMPT: &str = "Press Enter to go on, or type q to leave:";
pub const ENTER_TO_GO_BACK: &str = "Press Enter or type q to go back:";
pub const ABOUT_PLAIN: &str = "This is the plain text session: numbered menus, one line at a time. \
    Type the number of a choice and press Enter. Type q to go back one step. \
    Your progress is saved after every change.";

pub fn notice_not_understood(shown: &str) -> String {
    format!("\"{shown}\" is not a choice here. Press Enter to go on, or type q to leave.")
}

pub fn enter_not_understood(shown: &str) -> String {
    format!("\"{shown}\" is not a choice here. Press Enter or type q to go back.")
}

pub fn about_title(version: &str) -> String {
    format!("About patient-tutor, version {version}.")
}

pub const PROGRESS_KEPT_IN: &str = "Your progress is kept only on this computer, in this file:";

// Home.

pub const HOME: &str = "Main menu.";
pub const EMERGENCY_HOME: &str = "Emergency? Call your local emergency number. When to get help now: type h.";
pub const EMERGENCY_ONLY: &str = "Emergency? Call your local emergency number.";
pub const ALL_READ: &str = "You have read every lesson. You can read any of them again.";
pub const READ_AGAIN: &str = "Read a lesson again";
pub const QUIZZES_ITEM: &str = "Quizzes and review";
pub const BODY_MAP_ITEM: &str = "Body map: signs to watch for, by place in the body";
pub const SYMPTOM_ITEM: &str = "Find a symptom on the body map";
pub const GLOSSARY_ITEM: &str = "Glossary: what words mean";
pub const SEARCH_ITEM: &str = "Search the lessons";
pub const SURVIVAL_ITEM: &str = "Survival chart";
pub const STAGING_ITEM: &str = "Staging explorer: T, N and M";
pub const QUESTIONS_ITEM: &str = "My questions for the care team";
pub const ABOUT_ITEM: &str = "About this app, and what to do in an emergency";

pub fn read_next(title: &str) -> String {
    format!("Read the next lesson: {}", sanitize(title))
}

pub fn all_lessons(count: usize) -> String {
    format!("All lessons ({count})")
}

pub fn lessons_read(read: usize, total: usize) -> String {
    format!("Lessons read: {read} of {total}.")
}

pub fn next_lesson(title: &str, status: &str) -> String {
    format!("Next lesson: {title}, {status}.")
}

pub fn reviews_due(count: usize) -> String {
    match count {
        1 => "1 quiz question is due for review.".to_string(),
        n => format!("{n} quiz questions are due for review."),
    }
}

/// When the next review is, in whole days from now (0: now).
pub fn next_review(days: u64) -> String {
    match days {
        0 => "A question is due for review now.".to_string(),
        1 => "The next review is tomorrow.".to_string(),
        n => format!("The next review is in {n} days."),
    }
}

pub fn questions_to_ask(open: usize) -> String {
    match open {
        1 => "You have 1 question to ask your care team.".to_string(),
        n => format!("You have {n} questions to ask your care team."),
    }
}

pub fn places_seen(seen: usize, total: usize) -> String {
    format!("Body map: you have looked at {seen} of {total} places.")
}

// Lessons and the reader.

pub const TOO_DEEP: &str = "You have followed many links. Type q to go back a few steps first.";
pub const READER_MENU: &str = "Choices for this lesson:";
pub const NEXT_PAGE: &str = "Next page (or just press Enter)";
pub const PREVIOUS_PAGE: &str = "Previous page";
pub const READ_REST: &str = "Read the rest of the lesson at once";
pub const FROM_THE_TOP: &str = "Start again from the top";
pub const QUIZ_ON_LESSON: &str = "Take the quiz on this lesson";
pub const ADD_QUESTION_ITEM: &str = "Add a question for your care team";
pub const FIRST_PAGE: &str = "This is the first page.";
pub const LAST_LESSON: &str = "This is the last lesson. Type q to go back.";
pub const NO_SECTIONS: &str = "This lesson has no sections.";
pub const NO_LINKS: &str = "This lesson has no links.";

/// `quiz` and `next` are the numbers of those two choices in the reader's menu.
pub fn end_of_lesson(quiz: usize, next: usize) -> String {
    format!("End of the lesson. Choose {quiz} for a short quiz, or {next} for the next lesson.")
}

pub fn lessons_title(count: usize) -> String {
    format!("Lessons. {count} lessons.")
}

pub fn lesson_item(title: &str, status: &str) -> String {
    format!("{}, {status}", sanitize(title))
}

/// A group of lessons on the lessons menu, spoken before its lessons.
pub fn group_heading(title: &str) -> String {
    format!("{}:", sanitize(title))
}

/// A folded "More detail" part in a lesson's text (Markdown, for the renderer).
pub fn detail_folded(what_markdown: &str, item: usize) -> String {
    format!("More detail: {what_markdown}. To read it, choose {item}.")
}

pub fn details_item(count: usize) -> String {
    match count {
        0 => "More detail parts (none in this lesson)".to_string(),
        _ => format!("Read the More detail parts ({count})"),
    }
}

pub fn details_title(count: usize) -> String {
    match count {
        1 => "More detail. 1 part, for those who want to know more.".to_string(),
        _ => format!("More detail. {count} parts, for those who want to know more."),
    }
}

pub const NO_DETAILS: &str = "This lesson has no More detail parts.";
pub const END_OF_DETAIL: &str = "End of the More detail part.";

pub fn content_note_heading(title: &str) -> String {
    format!("Before you read {}.", sanitize(title))
}

pub const CONTENT_NOTE_PROMPT: &str = "Press Enter to read it now, or type s to skip it for now:";

pub fn content_note_not_understood(shown: &str) -> String {
    format!("\"{shown}\" is not a choice here. Press Enter to read it now, or type s to skip it for now.")
}

pub fn lesson_heading(number: usize, total: usize, title: &str) -> String {
    format!("Lesson {number} of {total}: {}.", sanitize(title))
}

pub fn lesson_size(pages: usize, sections: usize, status: &str) -> String {
    let pages = if pages == 1 { "1 page".to_string() } else { format!("{pages} pages") };
    let sections = if sections == 1 { "1 section".to_string() } else { format!("{sections} sections") };
    format!("It has {pages} and {sections}. Status: {status}.")
}

pub fn carry_on(page: usize) -> String {
    format!("You stopped on page {page}. Reading on from there.")
}

pub fn reader_prompt(count: usize) -> String {
    format!("Enter for the next page, 1 to {count} to choose, m for the choices, q to go back:")
}

pub fn sections_item(count: usize) -> String {
    format!("Go to a section ({count})")
}

pub fn links_item(count: usize) -> String {
    format!("Links in this lesson ({count})")
}

pub fn next_lesson_item(title: Option<&str>) -> String {
    match title {
        Some(title) => format!("Next lesson: {}", sanitize(title)),
        None => "Next lesson (this is the last one)".to_string(),
    }
}

pub fn back_in_lesson(title: &str, page: usize, pages: usize) -> String {
    format!("Back in the lesson {}, page {page} of {pages}.", sanitize(title))
}

pub fn page_heading(page: usize, pages: usize, section: Option<&str>) -> String {
    match section {
        Some(section) => format!("Page {page} of {pages}. Section: {}.", sanitize(section)),
        None => format!("Page {page} of {pages}."),
    }
}

pub fn end_of_page(page: usize) -> String {
    format!("End of page {page}.")
}

pub fn rest_heading(page: usize) -> String {
    format!("The rest of the lesson, from page {page}.")
}

pub fn sections_title(count: usize) -> String {
    format!("Sections. {count} sections.")
}

pub fn section_item(title: &str, page: usize) -> String {
    format!("{}, on page {page}", sanitize(title))
}

pub fn links_title(count: usize) -> String {
    match count {
        1 => "Links. 1 link.".to_string(),
        n => format!("Links. {n} links."),
    }
}

pub fn link_item(text: &str, place: &str) -> String {
    format!("{}, goes to: {place}", sanitize(text))
}

/// A lesson, or one of its sections, as a place to go.
pub fn lesson_place(title: &str, section: Option<&str>) -> String {
    match section {
        Some(section) => format!("the lesson {}, section {}", sanitize(title), sanitize(section)),
        None => format!("the lesson {}", sanitize(title)),
    }
}

pub fn tool_name(tool: ToolLink) -> &'static str {
    match tool {
        ToolLink::BodyMap => "the body map, in this app",
        ToolLink::SurvivalChart => "the survival chart, in this app",
        ToolLink::StagingExplorer => "the staging explorer, in this app",
        ToolLink::Glossary => "the glossary, in this app",
        ToolLink::MyQuestions => "My questions, in this app",
        ToolLink::AddCareTeamNumber => "a note in My questions for your care team's 24-hour number, in this app",
        ToolLink::CheckIn => "the weekly symptom check-in, in this app",
    }
}

pub const CHECK_IN_COMMAND: &str =
    "The symptom check-in runs on its own: leave this session and type patient-tutor checkin --plain";

pub fn outside(target: &str) -> String {
    format!("a page outside this app, {}", sanitize(target))
}

pub fn outside_link(target: &str) -> String {
    format!("This link leads outside the app: {}. This app does not open it.", sanitize(target))
}

// Quizzes.

pub const QUIZZES_TITLE: &str = "Quizzes.";
pub const LESSON_QUIZ_ITEM: &str = "A lesson's quiz";
pub const MIXED_ITEM: &str = "Mixed quiz: up to 10 questions from the lessons you have read";
pub const WHICH_QUIZ: &str = "Which lesson's quiz?";
pub const NO_QUIZ: &str = "This lesson has no quiz.";
pub const READ_FIRST: &str = "Read a lesson to the end first: the mixed quiz asks about the lessons you have read.";
pub const QUIZ_HOW: &str = "Answer each question on one line. Type q to stop; your answers so far are kept.";
pub const ALL_RIGHT: &str = "Every answer was right. Well done.";

pub fn review_item(due: usize) -> String {
    match due {
        0 => "Review: nothing is due now".to_string(),
        1 => "Review: 1 question is due".to_string(),
        n => format!("Review: {n} questions are due"),
    }
}

pub fn quiz_item(title: &str, questions: usize, mastered: bool) -> String {
    let count = if questions == 1 { "1 question".to_string() } else { format!("{questions} questions") };
    let mastered = if mastered { ", mastered" } else { "" };
    format!("{}, {count}{mastered}", sanitize(title))
}

pub fn lesson_quiz_title(title: &str, count: usize) -> String {
    format!("Quiz on the lesson {}. {}.", sanitize(title), questions(count))
}

pub fn review_title(count: usize) -> String {
    format!("Review of the questions due again. {}.", questions(count))
}

pub fn mixed_title(count: usize) -> String {
    format!("Mixed quiz on the lessons you have read. {}.", questions(count))
}

fn questions(count: usize) -> String {
    if count == 1 { "1 question".to_string() } else { format!("{count} questions") }
}

pub fn nothing_due(next_in_days: Option<u64>) -> String {
    match next_in_days {
        None => "Nothing to review yet. Take a lesson's quiz first.".to_string(),
        Some(days) => format!("Nothing to review now. {}", next_review(days)),
    }
}

/// After "The 3 questions you missed come back for review …": how to start it here.
pub fn review_from_menu() -> String {
    format!("To start it, choose \"{QUIZZES_ITEM}\" from the menu.")
}

pub fn read_again_title(count: usize) -> String {
    match count {
        1 => "1 section to read again:".to_string(),
        n => format!("{n} sections to read again:"),
    }
}

// The body map and symptoms.

pub const NO_MAP: &str = "This content pack has no body map.";
pub const BODY_MAP_HOW: &str = "Choose a place to hear its signs, the most urgent first.";
pub const READ_MORE_TITLE: &str = "Read more about this place:";
pub const SYMPTOM_TITLE: &str = "Find a symptom on the body map.";
pub const SYMPTOM_PROMPT: &str = "Type a symptom in everyday words, like yellow skin, or q to go back:";

pub fn body_map_title(places: usize, seen: usize) -> String {
    format!("Body map. {places} places cancer can spread to. You have looked at {seen}.")
}

pub fn place_item(name: &str, seen: bool) -> String {
    if seen { format!("{}, looked at", sanitize(name)) } else { sanitize(name).into_owned() }
}

pub fn place_heading(name: &str, number: usize, total: usize) -> String {
    format!("{}. Place {number} of {total}.", sanitize(name))
}

pub fn tier_heading(tier: &str, count: usize) -> String {
    match count {
        1 => format!("{tier}. 1 sign:"),
        n => format!("{tier}. {n} signs:"),
    }
}

pub fn sign(line: &str) -> String {
    format!("  {}", sanitize(line))
}

pub fn often_from(primaries: &[String]) -> String {
    let names: Vec<String> = primaries.iter().map(|p| sanitize(p).into_owned()).collect();
    format!("Cancers that often spread here: {}.", names.join(", "))
}

pub fn symptom_hits(count: usize, query: &str) -> String {
    let query = sanitize(query.trim());
    match count {
        1 => format!("1 place lists \"{query}\":"),
        n => format!("{n} places list \"{query}\":"),
    }
}

pub fn symptom_hit(name: &str, line: &str, tier: &str) -> String {
    format!("{}: {}. {tier}", sanitize(name), sanitize(line))
}

// The glossary.

pub const LOOK_UP_ITEM: &str = "Look up a word";
pub const BROWSE_ITEM: &str = "Browse the words by first letter";
pub const LOOK_UP_PROMPT: &str = "Type a word to look up, or q to go back:";

pub fn glossary_title(count: usize) -> String {
    format!("Glossary. {count} words.")
}

pub fn did_you_mean(query: &str, count: usize) -> String {
    let query = sanitize(query.trim());
    match count {
        1 => format!("\"{query}\" is not in the glossary. Did you mean this word?"),
        _ => format!("\"{query}\" is not in the glossary. Did you mean one of these {count} words?"),
    }
}

pub fn not_in_glossary(query: &str) -> String {
    format!(
        "\"{}\" is not in the glossary. Try another word, or search the lessons from the main menu.",
        sanitize(query.trim())
    )
}

pub fn letters_title(count: usize) -> String {
    format!("Words by first letter. {count} letters.")
}

pub fn letter_item(letter: &str, count: usize) -> String {
    match count {
        1 => format!("{}: 1 word", sanitize(letter)),
        n => format!("{}: {n} words", sanitize(letter)),
    }
}

pub fn letter_title(letter: &str, count: usize) -> String {
    match count {
        1 => format!("Words starting with {}. 1 word.", sanitize(letter)),
        n => format!("Words starting with {}. {n} words.", sanitize(letter)),
    }
}

pub fn definition(term: &str, definition: &str) -> String {
    format!("{}: {}", sanitize(term), sanitize(definition))
}

pub fn also_called(aliases: &[String]) -> String {
    let names: Vec<String> = aliases.iter().map(|a| sanitize(a).into_owned()).collect();
    format!("Also: {}.", names.join(", "))
}

pub fn read_more_item(place: &str) -> String {
    format!("Read more in {place}")
}

// Search.

pub const SEARCH_TITLE: &str = "Search the lessons.";
pub const SEARCH_PROMPT: &str = "Type words to find, in any order, or q to go back:";

pub fn no_search_hits(query: &str) -> String {
    format!("No lesson has all of \"{}\". Try fewer or shorter words.", sanitize(query.trim()))
}

pub fn search_hits(count: usize, query: &str) -> String {
    let query = sanitize(query.trim());
    match count {
        1 => format!("1 place in the lessons has \"{query}\":"),
        n => format!("{n} places in the lessons have \"{query}\":"),
    }
}

pub fn search_hit(place: &str, snippet: &str) -> String {
    format!("In {place}: {}", sanitize(snippet))
}

// The survival chart.

pub const CONTENT_NOTE_TITLE: &str = "Survival chart. First, a note about these numbers.";
pub const SHOW_NUMBERS: &str = "Show me the numbers";
pub const SKIP_NUMBERS: &str = "Skip them for now";
pub const SKIPPED: &str = "Skipped for now. You can come back to the chart at any time.";
pub const HIDDEN: &str = "The numbers are hidden again. Next time, the note comes first.";

pub fn chart_title(count: usize) -> String {
    format!("Survival chart: five years after diagnosis. {count} cancers, highest first.")
}

pub fn survival_row(cancer: &str, value: f64, basis: &str) -> String {
    format!("{}: {value:.1} percent, {}", sanitize(cancer), sanitize(basis))
}

pub fn chart_prompt(count: usize) -> String {
    format!("1 to {count} to hear a cancer's note, h to hide the numbers, q to go back:")
}

// The staging explorer.

pub const STAGING_TITLE: &str = "Staging explorer: T, N and M.";
pub const TNM_PROMPT: &str = "Type a letter and a number to change it, like t2, n1 or m0, or q to go back:";
pub const TNM_HOW: &str = "Type a letter and a number, like t2, n1 or m0, or q to go back.";

pub fn tnm_now(t: u8, n: u8, m: u8) -> String {
    format!("Now: T{t}, N{n}, M{m}.")
}

pub fn tnm_not_understood(shown: &str) -> String {
    format!("I did not understand \"{shown}\". {TNM_HOW}")
}

pub fn tnm_out_of_range(letter: char, shown: &str, max: u8) -> String {
    format!("There is no {letter}{shown}: {letter} goes from 0 to {max}.")
}

pub fn tnm_needs_number(letter: char, max: u8) -> String {
    format!("Give {letter} a number from 0 to {max}, like {}1.", letter.to_ascii_lowercase())
}

// My questions.

pub const WHAT_TO_DO: &str = "What would you like to do?";
pub const ADD_ITEM: &str = "Add a question";
pub const EDIT_ITEM: &str = "Change a question's words";
pub const ASKED_ITEM: &str = "Mark a question as asked, or as not asked yet";
pub const NOTE_ITEM: &str = "Write a short note of the answer";
pub const DELETE_ITEM: &str = "Delete a question";
pub const MOVE_ITEM: &str = "Move a question to another place in the list";
pub const EXPORT_ITEM: &str = "Save a checklist file to take to your appointment";
pub const SOURCE_ITEM: &str = "Read the lesson a question came from";
pub const NO_QUESTIONS_YET: &str = "There are no questions yet. Choose 1 to add one.";
pub const ADD_TITLE: &str = "Add a question for your care team.";
pub const SUGGESTIONS_TITLE: &str = "Some questions people often ask:";
pub const ADD_PROMPT: &str = "Type your question, or q to go back:";
pub const ADD_OR_PICK_PROMPT: &str = "Type your question, or the number of one above, or q to go back:";
pub const EDIT_PROMPT: &str = "Type the new words, or q to keep it as it is:";
pub const NOTE_PROMPT: &str = "Type a short note of the answer. Just Enter clears it. Or q to keep it:";
pub const NOTE_CLEARED: &str = "Note cleared.";
pub const UNCHANGED: &str = "Nothing was changed.";
pub const YES: &str = "yes";
pub const KEPT: &str = "The question was kept.";
pub const DELETED: &str = "Question deleted.";
pub const NOTHING_TO_MOVE: &str = "There is only one question, so there is nothing to move.";

pub fn questions_title(total: usize, open: usize) -> String {
    match total {
        0 => "My questions for the care team. No questions yet.".to_string(),
        1 => format!("My questions for the care team. 1 question, {open} still to ask."),
        n => format!("My questions for the care team. {n} questions, {open} still to ask."),
    }
}

pub fn question_line(number: usize, asked: bool, text: &str) -> String {
    let state = if asked { "asked" } else { "to ask" };
    format!("Question {number}, {state}: {}", sanitize(text))
}

pub fn question_from(place: &str) -> String {
    format!("  From {place}.")
}

pub fn question_note(note: &str) -> String {
    format!("  Answer noted: {}", sanitize(note))
}

pub fn question_now(text: &str) -> String {
    format!("The question now: {}", sanitize(text))
}

pub fn which_question(count: usize) -> String {
    match count {
        1 => "Which question? Type 1, or q to go back:".to_string(),
        n => format!("Which question? Type its number from 1 to {n}, or q to go back:"),
    }
}

pub fn question_saved(open: usize) -> String {
    match open {
        1 => "Saved to My questions. You have 1 question to ask.".to_string(),
        n => format!("Saved to My questions. You have {n} questions to ask."),
    }
}

pub fn marked(number: usize, asked: bool) -> String {
    if asked {
        format!("Question {number} is marked as asked.")
    } else {
        format!("Question {number} is marked as not asked yet.")
    }
}

pub fn confirm_delete(number: usize, text: &str) -> String {
    format!("Delete question {number}, \"{}\"? Type yes to delete it, or anything else to keep it:", sanitize(text))
}

pub fn move_to(number: usize, count: usize) -> String {
    format!("Move question {number} to which place? Type a number from 1 to {count}, or q to go back:")
}

pub fn moved(place: usize) -> String {
    format!("Moved. It is now question {place}.")
}

pub fn export_failed(why: &str) -> String {
    format!("Could not save the checklist: {}", sanitize(why))
}

/// `read --watch`: in a pipe, the line between one printing and the next.
pub const PRINTED_AGAIN: &str = "──────── the file changed: printed again ────────";
/// `read --watch` on a terminal, under the first printing: how to stop.
pub const WATCHING: &str = "Watching for changes; press Ctrl-C to stop.";

/// Said before the checklist is written: the folder it goes in (already sanitized).
pub fn saving_in(dir: &str) -> String {
    format!("Saving the checklist in {dir} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_said_in_words_that_agree() {
        assert_eq!(reviews_due(1), "1 quiz question is due for review.");
        assert_eq!(reviews_due(3), "3 quiz questions are due for review.");
        assert_eq!(questions_to_ask(1), "You have 1 question to ask your care team.");
        assert_eq!(nothing_due(Some(1)), "Nothing to review now. The next review is tomorrow.");
        assert_eq!(nothing_due(Some(6)), "Nothing to review now. The next review is in 6 days.");
        assert!(nothing_due(None).contains("quiz first"));
        assert_eq!(lesson_size(1, 1, "new"), "It has 1 page and 1 section. Status: new.");
        assert_eq!(tier_heading("Call your care team today", 1), "Call your care team today. 1 sign:");
    }

    #[test]
    fn text_from_files_and_people_is_cleaned() {
        for said in [
            lesson_item("Bad\u{1b}[2J title", "new"),
            definition("x\u{7}", "y\u{202e}"),
            question_line(1, false, "Why\u{1b}]0;owned\u{7}?"),
            symptom_hits(2, "pain\u{9b}"),
        ] {
            assert!(!said.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)), "{said:?}");
        }
    }
}

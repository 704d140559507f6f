//! What the plain session says, with the places filled: the words themselves are in
//! the catalogue (`[plain.session…]` in `src/words/en.toml`). Each line is written to
//! make sense when it is spoken alone by a screen reader: no symbols for meaning, no
//! decoration. Functions that take text from content files or from the person
//! sanitize it here.

use crate::content::ToolLink;
use crate::markdown::sanitize;
use crate::words::t;
use crate::{tf, tn};

// Moving around.

pub fn notice(text: &str) -> String {
    tf!("plain.session.notice", text = sanitize(text))
}

pub fn save_failed(why: &str) -> String {
    tf!("plain.session.save_failed", why = sanitize(why))
}

/// How to answer a menu of `count` items.
fn how_to_choose(count: usize) -> String {
    tn!("plain.session.how_to_choose", count)
}

pub fn choose_or_back(count: usize) -> String {
    tn!("plain.session.choose_or_back", count)
}

pub fn choose_or_leave(count: usize) -> String {
    tf!("plain.session.choose_or_leave", n = count)
}

pub fn choose_or_new_search(count: usize) -> String {
    tn!("plain.session.choose_or_new_search", count)
}

pub fn type_a_number(count: usize) -> String {
    tf!("plain.session.type_a_number", how = how_to_choose(count))
}

pub fn no_such_choice(shown: &str, count: usize) -> String {
    tf!("plain.session.no_such_choice", shown = shown, how = how_to_choose(count))
}

pub fn not_a_choice(shown: &str, count: usize) -> String {
    tf!("plain.session.not_a_choice", shown = shown, how = how_to_choose(count))
}

// The first-run notice and About.

pub fn notice_not_understood(shown: &str) -> String {
    tf!("plain.session.about.notice_not_understood", shown = shown)
}

pub fn enter_not_understood(shown: &str) -> String {
    tf!("plain.session.about.enter_not_understood", shown = shown)
}

pub fn about_title(version: &str) -> String {
    tf!("plain.session.about.title", version = version)
}

// Home.

pub fn read_next(title: &str) -> String {
    tf!("plain.session.home.read_next", title = sanitize(title))
}

pub fn all_lessons(count: usize) -> String {
    tf!("plain.session.home.all_lessons", n = count)
}

pub fn lessons_read(read: usize, total: usize) -> String {
    tf!("plain.session.home.lessons_read", read = read, total = total)
}

pub fn next_lesson(title: &str, status: &str) -> String {
    tf!("plain.session.home.next_lesson", title = title, status = status)
}

pub fn reviews_due(count: usize) -> String {
    tn!("plain.session.home.reviews_due", count)
}

/// When the next review is, in whole days from now (0: now).
pub fn next_review(days: u64) -> String {
    match days {
        0 => t("plain.session.home.review_now").to_string(),
        1 => t("plain.session.home.review_tomorrow").to_string(),
        n => tn!("plain.session.home.review_in_days", n),
    }
}

pub fn questions_to_ask(open: usize) -> String {
    tn!("plain.session.home.questions_to_ask", open)
}

pub fn places_seen(seen: usize, total: usize) -> String {
    tn!("plain.session.home.places_seen", total, seen = seen)
}

// Lessons and the reader.

/// `quiz` and `next` are the numbers of those two choices in the reader's menu.
pub fn end_of_lesson(quiz: usize, next: usize) -> String {
    tf!("plain.session.lessons.end_of_lesson", quiz = quiz, next = next)
}

pub fn lessons_title(count: usize) -> String {
    tn!("plain.session.lessons.title", count)
}

pub fn lesson_item(title: &str, status: &str) -> String {
    tf!("plain.session.lessons.lesson_item", title = sanitize(title), status = status)
}

/// A group of lessons on the lessons menu, spoken before its lessons.
pub fn group_heading(title: &str) -> String {
    tf!("plain.session.lessons.group_heading", title = sanitize(title))
}

/// A folded "More detail" part in a lesson's text (Markdown, for the renderer).
pub fn detail_folded(what_markdown: &str, item: usize) -> String {
    tf!("plain.session.lessons.detail_folded", what = what_markdown, item = item)
}

pub fn details_item(count: usize) -> String {
    match count {
        0 => t("plain.session.lessons.no_details_item").to_string(),
        _ => tf!("plain.session.lessons.details_item", n = count),
    }
}

pub fn details_title(count: usize) -> String {
    tn!("plain.session.lessons.details_title", count)
}

pub fn content_note_heading(title: &str) -> String {
    tf!("plain.session.lessons.content_note_heading", title = sanitize(title))
}

pub fn content_note_not_understood(shown: &str) -> String {
    tf!("plain.session.lessons.content_note_not_understood", shown = shown)
}

pub fn lesson_heading(number: usize, total: usize, title: &str) -> String {
    tf!("plain.session.lessons.heading", number = number, total = total, title = sanitize(title))
}

pub fn lesson_size(pages: usize, sections: usize, status: &str) -> String {
    tf!(
        "plain.session.lessons.size",
        pages = tn!("plain.session.lessons.pages", pages),
        sections = tn!("plain.session.lessons.sections", sections),
        status = status
    )
}

pub fn carry_on(page: usize) -> String {
    tf!("plain.session.lessons.carry_on", page = page)
}

pub fn reader_prompt(count: usize) -> String {
    tf!("plain.session.lessons.reader_prompt", n = count)
}

pub fn sections_item(count: usize) -> String {
    tf!("plain.session.lessons.sections_item", n = count)
}

pub fn links_item(count: usize) -> String {
    tf!("plain.session.lessons.links_item", n = count)
}

pub fn next_lesson_item(title: Option<&str>) -> String {
    match title {
        Some(title) => tf!("plain.session.lessons.next_lesson_item", title = sanitize(title)),
        None => t("plain.session.lessons.no_next_lesson_item").to_string(),
    }
}

pub fn back_in_lesson(title: &str, page: usize, pages: usize) -> String {
    tf!("plain.session.lessons.back_in_lesson", title = sanitize(title), page = page, pages = pages)
}

pub fn page_heading(page: usize, pages: usize, section: Option<&str>) -> String {
    match section {
        Some(section) => {
            tf!("plain.session.lessons.page_heading_section", page = page, pages = pages, section = sanitize(section))
        }
        None => tf!("plain.session.lessons.page_heading", page = page, pages = pages),
    }
}

pub fn end_of_page(page: usize) -> String {
    tf!("plain.session.lessons.end_of_page", page = page)
}

pub fn rest_heading(page: usize) -> String {
    tf!("plain.session.lessons.rest_heading", page = page)
}

pub fn sections_title(count: usize) -> String {
    tn!("plain.session.lessons.sections_title", count)
}

pub fn section_item(title: &str, page: usize) -> String {
    tf!("plain.session.lessons.section_item", title = sanitize(title), page = page)
}

pub fn links_title(count: usize) -> String {
    tn!("plain.session.lessons.links_title", count)
}

pub fn link_item(text: &str, place: &str) -> String {
    tf!("plain.session.lessons.link_item", text = sanitize(text), place = place)
}

/// A lesson, or one of its sections, as a place to go.
pub fn lesson_place(title: &str, section: Option<&str>) -> String {
    match section {
        Some(section) => {
            tf!("plain.session.lessons.section_place", title = sanitize(title), section = sanitize(section))
        }
        None => tf!("plain.session.lessons.lesson_place", title = sanitize(title)),
    }
}

pub fn tool_name(tool: ToolLink) -> &'static str {
    match tool {
        ToolLink::BodyMap => t("plain.session.tools.body_map"),
        ToolLink::SurvivalChart => t("plain.session.tools.survival_chart"),
        ToolLink::StagingExplorer => t("plain.session.tools.staging_explorer"),
        ToolLink::Glossary => t("plain.session.tools.glossary"),
        ToolLink::MyQuestions => t("plain.session.tools.my_questions"),
        ToolLink::AddCareTeamNumber => t("plain.session.tools.add_care_team_number"),
        ToolLink::CheckIn => t("plain.session.tools.check_in"),
    }
}

pub fn outside(target: &str) -> String {
    tf!("plain.session.lessons.outside", target = sanitize(target))
}

pub fn outside_link(target: &str) -> String {
    tf!("plain.session.lessons.outside_link", target = sanitize(target))
}

// Quizzes.

pub fn review_item(due: usize) -> String {
    match due {
        0 => t("plain.session.quizzes.review_nothing_due").to_string(),
        n => tn!("plain.session.quizzes.review_item", n),
    }
}

pub fn quiz_item(title: &str, questions: usize, mastered: bool) -> String {
    let count = tn!("plain.session.quizzes.questions", questions);
    if mastered {
        tf!("plain.session.quizzes.quiz_item_mastered", title = sanitize(title), questions = count)
    } else {
        tf!("plain.session.quizzes.quiz_item", title = sanitize(title), questions = count)
    }
}

pub fn lesson_quiz_title(title: &str, count: usize) -> String {
    tf!("plain.session.quizzes.lesson_quiz_title", title = sanitize(title), questions = questions(count))
}

pub fn review_title(count: usize) -> String {
    tf!("plain.session.quizzes.review_title", questions = questions(count))
}

pub fn mixed_title(count: usize) -> String {
    tf!("plain.session.quizzes.mixed_title", questions = questions(count))
}

fn questions(count: usize) -> String {
    tn!("plain.session.quizzes.questions", count)
}

pub fn nothing_due(next_in_days: Option<u64>) -> String {
    match next_in_days {
        None => t("plain.session.quizzes.nothing_due_yet").to_string(),
        Some(days) => tf!("plain.session.quizzes.nothing_due_now", next = next_review(days)),
    }
}

/// After "The 3 questions you missed come back for review …": how to start it here.
pub fn review_from_menu() -> String {
    tf!("plain.session.quizzes.review_from_menu", item = t("plain.session.home.quizzes_item"))
}

pub fn read_again_title(count: usize) -> String {
    tn!("plain.session.quizzes.read_again_title", count)
}

// The body map and symptoms.

pub fn body_map_title(places: usize, seen: usize) -> String {
    tn!("plain.session.body_map.title", places, seen = seen)
}

pub fn place_item(name: &str, seen: bool) -> String {
    if seen { tf!("plain.session.body_map.place_seen", name = sanitize(name)) } else { sanitize(name).into_owned() }
}

pub fn place_heading(name: &str, number: usize, total: usize) -> String {
    tf!("plain.session.body_map.place_heading", name = sanitize(name), number = number, total = total)
}

pub fn tier_heading(tier: &str, count: usize) -> String {
    tn!("plain.session.body_map.tier_heading", count, tier = tier)
}

/// A sign under its tier, indented.
pub fn sign(line: &str) -> String {
    format!("  {}", sanitize(line))
}

pub fn often_from(primaries: &[String]) -> String {
    let names: Vec<String> = primaries.iter().map(|p| sanitize(p).into_owned()).collect();
    tf!("plain.session.body_map.often_from", cancers = names.join(t("plain.separator")))
}

pub fn symptom_hits(count: usize, query: &str) -> String {
    tn!("plain.session.body_map.symptom_hits", count, query = sanitize(query.trim()))
}

pub fn symptom_hit(name: &str, line: &str, tier: &str) -> String {
    tf!("plain.session.body_map.symptom_hit", name = sanitize(name), sign = sanitize(line), tier = tier)
}

// The glossary.

pub fn glossary_title(count: usize) -> String {
    tn!("plain.session.glossary.title", count)
}

pub fn did_you_mean(query: &str, count: usize) -> String {
    tn!("plain.session.glossary.did_you_mean", count, query = sanitize(query.trim()))
}

pub fn not_in_glossary(query: &str) -> String {
    tf!("plain.session.glossary.not_in_glossary", query = sanitize(query.trim()))
}

pub fn letters_title(count: usize) -> String {
    tn!("plain.session.glossary.letters_title", count)
}

pub fn letter_item(letter: &str, count: usize) -> String {
    tn!("plain.session.glossary.letter_item", count, letter = sanitize(letter))
}

pub fn letter_title(letter: &str, count: usize) -> String {
    tn!("plain.session.glossary.letter_title", count, letter = sanitize(letter))
}

pub fn definition(term: &str, definition: &str) -> String {
    tf!("plain.session.glossary.definition", term = sanitize(term), definition = sanitize(definition))
}

pub fn also_called(aliases: &[String]) -> String {
    let names: Vec<String> = aliases.iter().map(|a| sanitize(a).into_owned()).collect();
    tf!("plain.session.glossary.also_called", words = names.join(t("plain.separator")))
}

pub fn read_more_item(place: &str) -> String {
    tf!("plain.session.glossary.read_more_item", place = place)
}

// Search.

pub fn no_search_hits(query: &str) -> String {
    tf!("plain.session.search.no_hits", query = sanitize(query.trim()))
}

pub fn search_hits(count: usize, query: &str) -> String {
    tn!("plain.session.search.hits", count, query = sanitize(query.trim()))
}

pub fn search_hit(place: &str, snippet: &str) -> String {
    tf!("plain.session.search.hit", place = place, snippet = sanitize(snippet))
}

// The survival chart.

pub fn chart_title(count: usize) -> String {
    tn!("plain.session.survival.chart_title", count)
}

pub fn survival_row(cancer: &str, value: f64, basis: &str) -> String {
    tf!(
        "plain.session.survival.row",
        cancer = sanitize(cancer),
        percent = format!("{value:.1}"),
        basis = sanitize(basis)
    )
}

pub fn chart_prompt(count: usize) -> String {
    tf!("plain.session.survival.chart_prompt", n = count)
}

// The staging explorer.

pub fn tnm_now(t: u8, n: u8, m: u8) -> String {
    tf!("plain.session.staging.now", t = t, n = n, m = m)
}

pub fn tnm_not_understood(shown: &str) -> String {
    tf!("plain.session.staging.not_understood", shown = shown, how = t("plain.session.staging.how"))
}

pub fn tnm_out_of_range(letter: char, shown: &str, max: u8) -> String {
    tf!("plain.session.staging.out_of_range", letter = letter, shown = shown, max = max)
}

pub fn tnm_needs_number(letter: char, max: u8) -> String {
    tf!("plain.session.staging.needs_number", letter = letter, max = max, example = letter.to_ascii_lowercase())
}

// My questions.

pub fn questions_title(total: usize, open: usize) -> String {
    match total {
        0 => t("plain.session.questions.title_empty").to_string(),
        n => tn!("plain.session.questions.title", n, open = open),
    }
}

pub fn question_line(number: usize, asked: bool, text: &str) -> String {
    if asked {
        tf!("plain.session.questions.line_asked", number = number, text = sanitize(text))
    } else {
        tf!("plain.session.questions.line_to_ask", number = number, text = sanitize(text))
    }
}

pub fn question_from(place: &str) -> String {
    format!("  {}", tf!("plain.session.questions.from", place = place))
}

pub fn question_note(note: &str) -> String {
    format!("  {}", tf!("plain.session.questions.note", note = sanitize(note)))
}

pub fn question_now(text: &str) -> String {
    tf!("plain.session.questions.now", text = sanitize(text))
}

pub fn which_question(count: usize) -> String {
    tn!("plain.session.questions.which", count)
}

pub fn question_saved(open: usize) -> String {
    tn!("plain.session.questions.saved", open)
}

pub fn marked(number: usize, asked: bool) -> String {
    if asked {
        tf!("plain.session.questions.marked_asked", number = number)
    } else {
        tf!("plain.session.questions.marked_not_asked", number = number)
    }
}

pub fn confirm_delete(number: usize, text: &str) -> String {
    tf!("plain.session.questions.confirm_delete", number = number, text = sanitize(text))
}

pub fn move_to(number: usize, count: usize) -> String {
    tf!("plain.session.questions.move_to", number = number, count = count)
}

pub fn moved(place: usize) -> String {
    tf!("plain.session.questions.moved", place = place)
}

pub fn export_failed(why: &str) -> String {
    tf!("plain.session.questions.export_failed", why = sanitize(why))
}

/// Said before the checklist is written: the folder it goes in (already sanitized).
pub fn saving_in(dir: &str) -> String {
    tf!("plain.session.questions.saving_in", dir = dir)
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

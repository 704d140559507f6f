//! Lessons in linear form, for pipes, scripts, screen readers and the `--plain`
//! session: the same lines on a terminal (styled) as in a pipe, tables as
//! "Header: value" lists, no box drawing, link targets in words.

use std::io::{self, Write};

use crate::content::{ContentPack, InternalLink, Lesson, ToolLink};
use crate::markdown::{self, Linear, MdTheme};
use crate::tf;
use crate::words::t;

/// How the lines are written: plain text, or with SGR styles for a colour terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Plain,
    Styled,
}

/// Words for a link target: "How stage 4 is decided, section T, N and M" for
/// `staging#t-n-and-m`, "the body map" for `app:body-map`; `None` for anything else
/// (a web address, or a lesson the pack does not have), which is shown as written.
pub fn link_words(pack: Option<&ContentPack>, target: &str) -> Option<String> {
    if let Some(Ok(tool)) = ToolLink::parse(target) {
        return Some(tool_words(tool).to_string());
    }
    let link = InternalLink::parse(target)?;
    let lesson = pack?.lesson(link.lesson)?;
    let title = markdown::sanitize(&lesson.title);
    Some(match link.anchor.and_then(|a| lesson.sections.iter().find(|s| s.slug == a)) {
        Some(section) => tf!("plain.link.section", title = title, section = markdown::sanitize(&section.title)),
        None => title.into_owned(),
    })
}

/// `Read more: staging#what-m1-means (How stage 4 is decided, section What M1 means)`:
/// the pointer that `read` takes, then where it goes in words (the pointer alone when
/// it has no words, as a web address).
pub fn read_more(pack: Option<&ContentPack>, target: &str) -> String {
    let pointer = markdown::sanitize(target);
    match link_words(pack, target) {
        Some(words) => tf!("plain.link.read_more_to", pointer = pointer, words = words),
        None => tf!("plain.link.read_more", pointer = pointer),
    }
}

fn tool_words(tool: ToolLink) -> &'static str {
    match tool {
        ToolLink::BodyMap => t("plain.link.body_map"),
        ToolLink::SurvivalChart => t("plain.link.survival_chart"),
        ToolLink::StagingExplorer => t("plain.link.staging_explorer"),
        ToolLink::Glossary => t("plain.link.glossary"),
        ToolLink::MyQuestions => t("plain.link.my_questions"),
        ToolLink::AddCareTeamNumber => t("plain.link.add_care_team_number"),
        ToolLink::CheckIn => t("plain.link.check_in"),
    }
}

/// Write a lesson, or one of its `##` sections (by slug), in linear form at `width`
/// columns, as plain text. `None` if the lesson has no such section.
pub fn write_lesson(
    pack: &ContentPack,
    lesson: &Lesson,
    section: Option<&str>,
    width: u16,
    out: &mut impl Write,
) -> Option<io::Result<()>> {
    let document = match section {
        Some(slug) => lesson.section_document(slug)?,
        None => lesson.document(),
    };
    Some(write_document(Some(pack), &document, width, Look::Plain, out))
}

/// Write any Markdown document in linear form; links resolve against `pack` if given.
/// Lines are written as they are made, so a large file is never held as lines.
pub fn write_document(
    pack: Option<&ContentPack>,
    document: &str,
    width: u16,
    look: Look,
    out: &mut impl Write,
) -> io::Result<()> {
    let words = |target: &str| link_words(pack, target);
    let linear = Linear { link_words: &words };
    match look {
        Look::Plain => markdown::write_linear(document, width, &linear, out),
        Look::Styled => markdown::render_each_linear(document, width, &MdTheme::color(), &linear, &mut |line| {
            super::ansi::write_line(out, line)?;
            out.write_all(b"\n")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_embedded;

    fn plain(pack: &ContentPack, md: &str, width: u16) -> String {
        let mut out = Vec::new();
        write_document(Some(pack), md, width, Look::Plain, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tables_become_header_value_lists_and_rules_dashes() {
        let pack = load_embedded().unwrap();
        let text =
            plain(&pack, "| Letter | Scores |\n|---|---|\n| T | 0 to 4 |\n| M | M0 or M1 |\n\n---\n\n> said\n", 80);
        assert_eq!(text, "Letter: T\nScores: 0 to 4\n\nLetter: M\nScores: M0 or M1\n\n---\n\n> said\n");
    }

    #[test]
    fn link_targets_read_as_words() {
        let pack = load_embedded().unwrap();
        let text = plain(
            &pack,
            "See [the letters](staging#t-n-and-m), [map](app:body-map), [web](https://www.cancer.gov) and [x](nope).",
            200,
        );
        assert_eq!(
            text,
            "See the letters (see: How stage 4 is decided, section T, N and M), map (see: the body map), \
             web (https://www.cancer.gov) and x (nope).\n"
        );
    }

    #[test]
    fn no_box_drawing_in_any_lesson_at_any_width() {
        let pack = load_embedded().unwrap();
        for lesson in &pack.lessons {
            for width in [20, 40, 80, 200] {
                let mut out = Vec::new();
                write_lesson(&pack, lesson, None, width, &mut out).unwrap().unwrap();
                let text = String::from_utf8(out).unwrap();
                let boxed = text.chars().find(|c| ('\u{2500}'..='\u{257f}').contains(c));
                assert_eq!(boxed, None, "{} at {width}: {text}", lesson.id);
                assert!(!text.contains("[→"), "{} at {width}: an id as a link target", lesson.id);
            }
        }
    }

    #[test]
    fn one_section_from_its_heading_to_the_next() {
        let pack = load_embedded().unwrap();
        let lesson = pack.lesson("staging").unwrap();
        let mut out = Vec::new();
        write_lesson(&pack, lesson, Some("what-m1-means"), 80, &mut out).unwrap().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("What M1 means\n\n"), "{text}");
        assert!(!text.contains("Sub-stages"), "the next section is not shown: {text}");
        assert!(text.contains("Sources: "), "{text}");
        assert!(write_lesson(&pack, lesson, Some("no-such"), 80, &mut Vec::new()).is_none());
    }
}

//! "My questions": a notebook of questions for the next appointment. The list
//! lives in the progress (`Progress::my_questions`, its only copy); this module
//! changes it in place ([`Notebook`]) and formats it, and writes the checklist to a
//! new file when asked (`save_checklist`).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::progress::Progress;
use crate::tf;
use crate::words::t;

/// Longer questions are refused: an appointment question should fit on a card.
pub const MAX_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyQuestion {
    /// Stable id, so edits and undo find the right entry.
    pub id: u64,
    pub text: String,
    /// The lesson it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// The section (anchor slug) it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default)]
    pub asked: bool,
    /// A short note of the answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Seconds since 1970 (UTC).
    #[serde(default)]
    pub added: u64,
    #[serde(flatten)]
    pub extra: toml::Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    Empty,
    TooLong(usize),
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::Empty => f.write_str(t("notebook.empty")),
            TextError::TooLong(n) => f.write_str(&tf!("notebook.too_long", n = n, max = MAX_CHARS)),
        }
    }
}

impl std::error::Error for TextError {}

/// Clean typed text: control characters out, runs of spaces as one, trimmed.
pub fn clean(text: &str) -> Result<String, TextError> {
    let cleaned = crate::markdown::sanitize(text);
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = cleaned.chars().count();
    if count == 0 {
        Err(TextError::Empty)
    } else if count > MAX_CHARS {
        Err(TextError::TooLong(count))
    } else {
        Ok(cleaned)
    }
}

/// How many questions are still to ask.
pub fn open_count(items: &[MyQuestion]) -> usize {
    items.iter().filter(|q| !q.asked).count()
}

/// What was deleted this run, for undo; never saved. Deletes belong to the progress
/// they were made in: after a `progress reset` (a new generation) they are
/// forgotten, so undo cannot bring back a question the reset erased.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Undo {
    generation: u64,
    /// Deleted entries with the place they held, newest last.
    deleted: Vec<(usize, MyQuestion)>,
}

/// My questions, to change. The list has one home, `Progress::my_questions` (saved,
/// merged with another copy's and reset with the rest of the progress): this borrows
/// it, with the undo, so every change goes straight into it and no copy can drift.
pub struct Notebook<'a> {
    items: &'a mut Vec<MyQuestion>,
    undo: &'a mut Vec<(usize, MyQuestion)>,
}

impl<'a> Notebook<'a> {
    pub fn new(progress: &'a mut Progress, undo: &'a mut Undo) -> Self {
        if undo.generation != progress.generation {
            undo.generation = progress.generation;
            undo.deleted.clear();
        }
        Notebook { items: &mut progress.my_questions, undo: &mut undo.deleted }
    }

    pub fn items(&self) -> &[MyQuestion] {
        self.items
    }

    pub fn open_count(&self) -> usize {
        open_count(self.items)
    }

    fn next_id(&self) -> u64 {
        self.items.iter().chain(self.undo.iter().map(|(_, q)| q)).map(|q| q.id).max().map_or(1, |m| m + 1)
    }

    /// Add a question at the end. Returns its index.
    pub fn add(
        &mut self,
        text: &str,
        lesson: Option<&str>,
        section: Option<&str>,
        now: u64,
    ) -> Result<usize, TextError> {
        let text = clean(text)?;
        let id = self.next_id();
        self.items.push(MyQuestion {
            id,
            text,
            lesson: lesson.map(str::to_string),
            section: section.map(str::to_string),
            asked: false,
            note: String::new(),
            added: now,
            extra: toml::Table::new(),
        });
        Ok(self.items.len() - 1)
    }

    pub fn edit(&mut self, index: usize, text: &str) -> Result<(), TextError> {
        let text = clean(text)?;
        if let Some(q) = self.items.get_mut(index) {
            q.text = text;
        }
        Ok(())
    }

    /// A short note of the answer; an empty note clears it.
    pub fn set_note(&mut self, index: usize, note: &str) -> Result<(), TextError> {
        let note = match clean(note) {
            Ok(note) => note,
            Err(TextError::Empty) => String::new(),
            Err(e) => return Err(e),
        };
        if let Some(q) = self.items.get_mut(index) {
            q.note = note;
        }
        Ok(())
    }

    pub fn toggle_asked(&mut self, index: usize) {
        if let Some(q) = self.items.get_mut(index) {
            q.asked = !q.asked;
        }
    }

    pub fn delete(&mut self, index: usize) -> Option<MyQuestion> {
        (index < self.items.len()).then(|| {
            let q = self.items.remove(index);
            self.undo.push((index, q.clone()));
            q
        })
    }

    /// Bring back the last deleted question, where it was. Returns its index.
    pub fn undo_delete(&mut self) -> Option<usize> {
        let (index, q) = self.undo.pop()?;
        let index = index.min(self.items.len());
        self.items.insert(index, q);
        Some(index)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Move a question up (-1) or down (+1). Returns its new index.
    pub fn move_by(&mut self, index: usize, step: i64) -> usize {
        let target = index as i64 + step;
        if index >= self.items.len() || target < 0 || target as usize >= self.items.len() {
            return index.min(self.items.len().saturating_sub(1));
        }
        self.items.swap(index, target as usize);
        target as usize
    }
}

/// The start of an exported checklist's file name: `my-questions-DATE.md`.
pub const EXPORT_STEM: &str = "my-questions";

/// Write a checklist to a new private file in `dir`, `my-questions-DATE.md` (then
/// `-2`, `-3`…), never over another file (see `crate::export`). Returns its full path.
pub fn save_checklist(dir: &std::path::Path, date: &str, contents: &str) -> std::io::Result<std::path::PathBuf> {
    crate::export::write_new_in(dir, EXPORT_STEM, date, contents.as_bytes())
}

/// A topic heading for a question: the lesson's title, or "Other questions".
pub type TopicOf<'a> = dyn Fn(&MyQuestion) -> Option<String> + 'a;

/// The Markdown checklist to take to an appointment: open questions first,
/// grouped by topic, each with room for the answer; asked ones after.
pub fn export_markdown(items: &[MyQuestion], date: &str, topic_of: &TopicOf) -> String {
    let mut out = format!("# {}\n\n{}\n\n", t("notebook.checklist.title"), tf!("notebook.checklist.date", date = date));
    let open: Vec<&MyQuestion> = items.iter().filter(|q| !q.asked).collect();
    let asked: Vec<&MyQuestion> = items.iter().filter(|q| q.asked).collect();
    if open.is_empty() {
        out.push_str(&format!("{}\n\n", t("notebook.checklist.no_open_questions")));
    } else {
        out.push_str(&format!("## {}\n\n", t("notebook.checklist.to_ask")));
        write_grouped(&mut out, &open, topic_of, "- [ ]");
    }
    if !asked.is_empty() {
        out.push_str(&format!("## {}\n\n", t("notebook.checklist.already_asked")));
        write_grouped(&mut out, &asked, topic_of, "- [x]");
    }
    out.push_str(&format!("---\n\n{}\n", t("notebook.checklist.made_with")));
    out
}

fn write_grouped(out: &mut String, items: &[&MyQuestion], topic_of: &TopicOf, box_: &str) {
    let mut topics: Vec<String> = Vec::new();
    for q in items {
        let topic = topic_of(q).unwrap_or_else(|| t("notebook.checklist.other_questions").to_string());
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    for topic in topics {
        out.push_str(&format!("### {}\n\n", escape(&topic)));
        let other = || t("notebook.checklist.other_questions").to_string();
        for q in items.iter().filter(|q| topic_of(q).unwrap_or_else(other) == topic) {
            out.push_str(&format!("{box_} {}\n", escape(&q.text)));
            if q.note.is_empty() {
                out.push_str(&format!("  - {}\n\n", t("notebook.checklist.answer_blank")));
            } else {
                out.push_str(&format!("  - {}\n\n", tf!("notebook.checklist.answer", note = escape(&q.note))));
            }
        }
    }
}

/// Keep typed text from turning into Markdown structure, or into terminal commands: the
/// text comes from the progress file, which anything may have written (control and bidi
/// characters are dropped, a line break becomes a space).
fn escape(text: &str) -> String {
    let text = crate::markdown::sanitize(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_all(b: &mut Notebook, texts: &[&str]) {
        for t in texts {
            b.add(t, None, None, 0).unwrap();
        }
    }

    fn texts<'a>(b: &'a Notebook) -> Vec<&'a str> {
        b.items().iter().map(|q| q.text.as_str()).collect()
    }

    #[test]
    fn add_cleans_and_refuses_bad_text() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        assert_eq!(b.add("   ", None, None, 0), Err(TextError::Empty));
        assert_eq!(b.add("\t\n", None, None, 0), Err(TextError::Empty));
        assert_eq!(b.add(&"x".repeat(501), None, None, 0), Err(TextError::TooLong(501)));
        assert!(b.add(&"x".repeat(500), None, None, 0).is_ok());
        let i = b.add("  What \u{1b}[31mis\u{7}  M1?\u{202e} ", Some("staging"), Some("what-m1-means"), 9).unwrap();
        assert_eq!(b.items()[i].text, "What [31mis M1?");
        assert_eq!(b.items()[i].lesson.as_deref(), Some("staging"));
        assert_eq!(b.items()[i].section.as_deref(), Some("what-m1-means"));
        assert_eq!(b.items()[i].added, 9);
        assert!(TextError::Empty.to_string().contains("Type a question"));
    }

    #[test]
    fn edit_delete_undo_reorder_mark() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        add_all(&mut b, &["a", "b", "c"]);
        b.edit(1, "  B  ").unwrap();
        assert_eq!(b.edit(1, ""), Err(TextError::Empty));
        assert_eq!(texts(&b), ["a", "B", "c"]);
        assert_eq!(b.move_by(0, 1), 1);
        assert_eq!(texts(&b), ["B", "a", "c"]);
        assert_eq!(b.move_by(0, -1), 0, "the top stays the top");
        assert_eq!(b.move_by(2, 1), 2, "the bottom stays the bottom");
        b.delete(1);
        assert_eq!(texts(&b), ["B", "c"]);
        b.delete(0);
        assert_eq!(b.undo_delete(), Some(0));
        assert_eq!(b.undo_delete(), Some(1));
        assert_eq!(texts(&b), ["B", "a", "c"]);
        assert_eq!(b.undo_delete(), None);
        b.toggle_asked(2);
        assert_eq!(b.open_count(), 2);
        b.set_note(2, " Yes, every 3 months ").unwrap();
        assert_eq!(b.items()[2].note, "Yes, every 3 months");
        b.set_note(2, "").unwrap();
        assert_eq!(b.items()[2].note, "");
    }

    #[test]
    fn ids_stay_unique_after_deletes() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        add_all(&mut b, &["a", "b"]);
        b.delete(1);
        b.add("c", None, None, 0).unwrap();
        b.undo_delete();
        let mut ids: Vec<u64> = b.items().iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn changes_go_into_the_progress_and_a_reset_forgets_the_undo() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        add_all(&mut b, &["a", "b"]);
        b.delete(1);
        assert_eq!(progress.my_questions.len(), 1, "the progress is the list");
        assert!(Notebook::new(&mut progress, &mut undo).can_undo(), "undo lasts from one change to the next");
        // A `progress reset` seen at a save: a new generation.
        progress.generation += 1;
        let mut b = Notebook::new(&mut progress, &mut undo);
        assert_eq!(b.undo_delete(), None, "nothing from before the reset comes back");
        assert_eq!(texts(&b), ["a"]);
    }

    #[test]
    fn export_puts_open_questions_first_grouped_by_topic() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        b.add("Is it in my bones?", Some("symptoms"), None, 0).unwrap();
        b.add("What does M1 mean for me?", Some("staging"), None, 0).unwrap();
        b.add("Can I see my scans?", Some("symptoms"), None, 0).unwrap();
        b.add("Who do I call at night?", None, None, 0).unwrap();
        b.toggle_asked(1);
        b.set_note(1, "It means spread.").unwrap();
        let topic = |q: &MyQuestion| q.lesson.as_ref().map(|l| format!("Lesson: {l}"));
        let md = export_markdown(b.items(), "2026-11-25", &topic);
        let pos = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} missing:\n{md}"));
        assert!(md.starts_with("# My questions for the care team\n\nDate: 2026-11-25\n"));
        assert!(pos("## To ask") < pos("## Already asked"));
        assert!(pos("- [ ] Is it in my bones?") < pos("- [ ] Can I see my scans?"));
        assert!(pos("### Lesson: symptoms") < pos("### Other questions"));
        assert!(pos("- [x] What does M1 mean for me?") > pos("## Already asked"));
        assert!(md.contains("  - Answer: It means spread."));
        assert!(md.contains("  - Answer: ____"));
    }

    #[test]
    fn export_escapes_markdown_in_typed_text() {
        let (mut progress, mut undo) = (Progress::default(), Undo::default());
        let mut b = Notebook::new(&mut progress, &mut undo);
        b.add("Is *this* [a link](x) # or <b>?", None, None, 0).unwrap();
        let md = export_markdown(b.items(), "d", &|_| None);
        assert!(md.contains(r"- [ ] Is \*this\* \[a link\](x) \# or \<b\>?"), "{md}");
    }
}

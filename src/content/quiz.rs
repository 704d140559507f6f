//! The question bank: `content/quizzes/<lesson-id>.toml`.
//!
//! ```toml
//! [[question]]
//! id = "staging-m1"          # unique across the pack
//! kind = "single"            # single | multiple | true_false
//! prompt = "..."
//! choices = ["T4", "N3", "M1", "M0"]   # 2–6 for single/multiple; absent for true_false
//! answer = 3                 # single: choice number; multiple: [1, 3]; true_false: true/false
//! explanation = "..."
//! see = "staging#what-m1-means"
//! ```
//!
//! The file is read as a tree of spanned TOML values (`toml::de::DeTable`), not
//! through serde into a struct, so that every problem in the file is found in one
//! pass, each with the line of the key or value at fault.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::ContentError;

/// Refuse a file with more questions than this.
pub const MAX_QUESTIONS: usize = 10_000;

/// Refuse single/multiple questions with more choices than this.
pub const MAX_CHOICES: usize = 6;

/// The kinds of question, as written in `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One right choice among 2–6.
    Single,
    /// One or more right choices among 2–6 ("choose all that apply").
    Multiple,
    /// True or false.
    TrueFalse,
}

impl Kind {
    /// The word used for it in quiz files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::TrueFalse => "true_false",
        }
    }

    fn from_name(name: &str) -> Option<Kind> {
        [Kind::Single, Kind::Multiple, Kind::TrueFalse].into_iter().find(|k| k.name() == name)
    }
}

const KINDS: &str = "single, multiple, true_false";
const FIELDS: [&str; 7] = ["id", "kind", "prompt", "choices", "answer", "explanation", "see"];

/// One question, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// The lesson whose quiz file it came from.
    pub lesson: String,
    pub kind: Kind,
    /// Runs of white space (line breaks in a multi-line string) are folded to one space.
    pub prompt: String,
    /// For true_false: `["True", "False"]`.
    pub choices: Vec<String>,
    /// The right choices, 0-based, sorted, never empty.
    pub correct: Vec<usize>,
    pub explanation: String,
    /// `lesson-id#anchor` of the section to read again.
    pub see: String,
    /// The quiz file, for messages.
    pub file: String,
    /// Line of the `[[question]]` header (1-based).
    pub line: usize,
    /// Line of the `see` key, for messages about its target.
    pub see_line: usize,
}

/// Parse one quiz file. Every problem found is returned (sorted by line), each as
/// `file:line: message` with the line of the key or value at fault.
pub fn parse(file: &str, lesson_id: &str, text: &str) -> Result<Vec<Question>, Vec<ContentError>> {
    let newlines = text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect();
    let mut p = Parser { file, text, newlines, errors: Vec::new() };
    let questions = p.document(lesson_id);
    if p.errors.is_empty() {
        Ok(questions)
    } else {
        p.errors.sort_by_key(|e| e.line);
        p.errors.dedup();
        Err(p.errors)
    }
}

struct Parser<'a> {
    file: &'a str,
    text: &'a str,
    /// Byte offsets of the line breaks, to turn offsets into line numbers quickly.
    newlines: Vec<usize>,
    errors: Vec<ContentError>,
}

type Entry<'a, 'i> = (&'a Spanned<std::borrow::Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

impl Parser<'_> {
    /// 1-based line of a byte offset.
    fn line(&self, span: Range<usize>) -> usize {
        self.newlines.partition_point(|&at| at < span.start) + 1
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let line = self.line(span);
        self.errors.push(ContentError::new(self.file, line, message));
    }

    fn document(&mut self, lesson_id: &str) -> Vec<Question> {
        let (doc, syntax) = DeTable::parse_recoverable(self.text);
        if !syntax.is_empty() {
            // What follows a syntax error is a guess, so report only the syntax errors.
            for e in syntax {
                let line = e.span().map_or(1, |s| self.line(s));
                let message = e.message().lines().next().unwrap_or("").trim().to_string();
                self.errors.push(ContentError::new(self.file, line, format!("TOML syntax error: {}", shown(&message))));
            }
            return Vec::new();
        }

        let mut list = None;
        for (key, value) in doc.get_ref().iter() {
            if key.get_ref() == "question" {
                list = Some(value);
            } else {
                self.error(
                    key.span(),
                    format!("unknown key `{}`: a quiz file holds only [[question]] tables", shown(key.get_ref())),
                );
            }
        }
        let Some(list) = list else {
            self.errors.push(ContentError::new(self.file, 0, "no questions: add at least one [[question]] table"));
            return Vec::new();
        };
        let tables: Vec<_> = match list.get_ref().as_array() {
            Some(items) => items.iter().collect(),
            None => {
                self.error(list.span(), "`question` must be written as [[question]] tables");
                return Vec::new();
            }
        };
        if tables.len() > MAX_QUESTIONS {
            self.errors.push(ContentError::new(
                self.file,
                0,
                format!(
                    "too many questions: {} (at most {MAX_QUESTIONS} in one file); split them across lessons",
                    tables.len()
                ),
            ));
            return Vec::new();
        }

        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut questions = Vec::new();
        for item in tables {
            let Some(table) = item.get_ref().as_table() else {
                self.error(item.span(), "each question must be a table written as [[question]]");
                continue;
            };
            let id = table.iter().find(|(k, _)| k.get_ref() == "id");
            if let Some((_, value)) = id
                && let Some(id) = value.get_ref().as_str()
            {
                let line = self.line(value.span());
                if let Some(first) = seen.get(id) {
                    self.error(value.span(), format!("duplicate id `{}`: line {first} already uses it", shown(id)));
                } else {
                    seen.insert(id.to_string(), line);
                }
            }
            if let Some(q) = self.question(lesson_id, item.span(), table) {
                questions.push(q);
            }
        }
        questions
    }

    /// Check one `[[question]]` table; `None` if anything is wrong (already reported).
    fn question(&mut self, lesson_id: &str, header: Range<usize>, table: &DeTable<'_>) -> Option<Question> {
        let before = self.errors.len();
        let mut fields: HashMap<&str, Entry<'_, '_>> = HashMap::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            match FIELDS.iter().find(|f| **f == name) {
                Some(f) => {
                    fields.insert(*f, (key, value));
                }
                None => self.error(
                    key.span(),
                    format!("unknown field `{}` (the fields are: {})", shown(name), FIELDS.join(", ")),
                ),
            }
        }

        let id = self.text_field(&fields, "id");
        if let (Some(id), Some((_, value))) = (&id, fields.get("id"))
            && !is_slug(id)
        {
            self.error(value.span(), format!("id `{}` must be lowercase letters, digits and hyphens", shown(id)));
        }
        let prompt = self.text_field(&fields, "prompt");
        let explanation = self.text_field(&fields, "explanation");
        let see = self.text_field(&fields, "see");
        let see_line = fields.get("see").map_or(0, |(key, _)| self.line(key.span()));
        if let (Some(see), Some((_, value))) = (&see, fields.get("see"))
            && !is_see(see)
        {
            self.error(
                value.span(),
                format!(
                    "`see` must name a lesson section as `lesson-id#anchor` (like `staging#what-m1-means`), not `{}`",
                    shown(see)
                ),
            );
        }

        let kind = self.kind(&fields);
        let (choices, correct) = match kind {
            Some(kind) => self.choices_and_answer(kind, &fields),
            None => (None, None),
        };

        // `choices` is required only once the kind is known to need it.
        let needs_choices = matches!(kind, Some(Kind::Single | Kind::Multiple));
        let missing = FIELDS.iter().filter(|f| !fields.contains_key(*f) && (**f != "choices" || needs_choices));
        for name in missing {
            let what = match &id {
                Some(id) => format!("question `{}`", shown(id)),
                None => "this question".to_string(),
            };
            self.error(header.clone(), format!("{what} is missing the field `{name}`"));
        }

        if self.errors.len() != before {
            return None;
        }
        Some(Question {
            id: id?,
            lesson: lesson_id.to_string(),
            kind: kind?,
            prompt: prompt?,
            choices: choices?,
            correct: correct?,
            explanation: explanation?,
            see: see?,
            file: self.file.to_string(),
            line: self.line(header),
            see_line,
        })
    }

    /// A string field that must not be blank, with white space folded.
    fn text_field(&mut self, fields: &HashMap<&str, Entry<'_, '_>>, name: &str) -> Option<String> {
        let (_, value) = fields.get(name)?;
        match value.get_ref().as_str() {
            Some(s) if s.trim().is_empty() => {
                self.error(value.span(), format!("`{name}` is empty"));
                None
            }
            Some(s) => Some(fold(s)),
            None => {
                self.error(
                    value.span(),
                    format!("`{name}` must be a string in quotes, not {}", describe(value.get_ref())),
                );
                None
            }
        }
    }

    fn kind(&mut self, fields: &HashMap<&str, Entry<'_, '_>>) -> Option<Kind> {
        let (_, value) = fields.get("kind")?;
        match value.get_ref().as_str() {
            Some(name) => {
                let kind = Kind::from_name(name);
                if kind.is_none() {
                    self.error(value.span(), format!("unknown kind `{}`: use one of {KINDS}", shown(name)));
                }
                kind
            }
            None => {
                self.error(value.span(), format!("`kind` must be a string, one of {KINDS}"));
                None
            }
        }
    }

    fn choices_and_answer(
        &mut self,
        kind: Kind,
        fields: &HashMap<&str, Entry<'_, '_>>,
    ) -> (Option<Vec<String>>, Option<Vec<usize>>) {
        if kind == Kind::TrueFalse {
            if let Some((key, _)) = fields.get("choices") {
                self.error(
                    key.span(),
                    "a true_false question takes no `choices` (they are always True and False): remove this line",
                );
            }
            let answer = fields.get("answer").and_then(|(_, value)| match value.get_ref().as_bool() {
                Some(true) => Some(vec![0]),
                Some(false) => Some(vec![1]),
                None => {
                    self.error(
                        value.span(),
                        format!(
                            "a true_false question takes `answer = true` or `answer = false`, not {}",
                            describe(value.get_ref())
                        ),
                    );
                    None
                }
            });
            return (Some(vec!["True".to_string(), "False".to_string()]), answer);
        }

        let choices = fields.get("choices").and_then(|(_, value)| self.choices(kind, value));
        let Some((_, answer)) = fields.get("answer") else { return (choices, None) };
        // Without usable choices, the answer can still be checked for its type.
        let count = choices.as_ref().map(Vec::len);
        let correct = match kind {
            Kind::Single => match answer.get_ref() {
                DeValue::Integer(_) => self.choice_number(answer, count).map(|n| vec![n]),
                other => {
                    let hint =
                        if other.is_array() { " (for several right answers use kind = \"multiple\")" } else { "" };
                    self.error(
                        answer.span(),
                        format!(
                            "a single question takes one choice number as its answer, like `answer = 2`, not {}{hint}",
                            describe(other)
                        ),
                    );
                    None
                }
            },
            _ => match answer.get_ref().as_array() {
                Some(items) => self.answer_list(answer.span(), items, count),
                None => {
                    self.error(
                        answer.span(),
                        format!(
                            "a multiple question takes a list of choice numbers as its answer, like `answer = [1, 3]`, not {}",
                            describe(answer.get_ref())
                        ),
                    );
                    None
                }
            },
        };
        (choices, correct)
    }

    fn choices(&mut self, kind: Kind, value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
        let Some(items) = value.get_ref().as_array() else {
            self.error(value.span(), format!("`choices` must be a list of strings, not {}", describe(value.get_ref())));
            return None;
        };
        let before = self.errors.len();
        // The count first: a list of 100 000 choices is refused without comparing them.
        let n = items.len();
        if n < 2 {
            self.error(value.span(), format!("a {} question needs at least 2 choices, found {n}", kind.name()));
        } else if n > MAX_CHOICES {
            self.error(
                value.span(),
                format!("a {} question can have at most {MAX_CHOICES} choices, found {n}", kind.name()),
            );
            return None;
        }
        let mut choices: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.get_ref().as_str() {
                Some(s) if s.trim().is_empty() => self.error(item.span(), format!("choice {} is empty", i + 1)),
                Some(s) => {
                    let s = fold(s);
                    if let Some(j) = choices.iter().position(|c| *c == s) {
                        self.error(item.span(), format!("choice {} is the same as choice {}", i + 1, j + 1));
                    }
                    choices.push(s);
                }
                None => self.error(
                    item.span(),
                    format!("choice {} must be a string in quotes, not {}", i + 1, describe(item.get_ref())),
                ),
            }
        }
        (self.errors.len() == before).then_some(choices)
    }

    /// A 1-based choice number, checked against the number of choices if known; 0-based result.
    fn choice_number(&mut self, value: &Spanned<DeValue<'_>>, count: Option<usize>) -> Option<usize> {
        let DeValue::Integer(int) = value.get_ref() else {
            self.error(
                value.span(),
                format!("an answer must be a choice number like 2, not {}", describe(value.get_ref())),
            );
            return None;
        };
        let n = i64::from_str_radix(int.as_str(), int.radix()).ok();
        let in_range = |n: i64| n >= 1 && count.is_none_or(|c| n as u64 <= c as u64);
        match n {
            Some(n) if in_range(n) => usize::try_from(n - 1).ok(),
            _ => {
                let range = match count {
                    Some(c) => format!("there are {c} choices, so use 1 to {c}"),
                    None => "choices are numbered from 1".to_string(),
                };
                self.error(value.span(), format!("answer {} is out of range: {range}", int.as_str()));
                None
            }
        }
    }

    fn answer_list(&mut self, span: Range<usize>, items: &DeArray<'_>, count: Option<usize>) -> Option<Vec<usize>> {
        if items.is_empty() {
            self.error(span, "a multiple question needs at least one right answer: `answer = []` lists none");
            return None;
        }
        let before = self.errors.len();
        // A set: the list may be long when the choices could not be counted.
        let mut correct = std::collections::BTreeSet::new();
        for item in items.iter() {
            if let Some(n) = self.choice_number(item, count)
                && !correct.insert(n)
            {
                self.error(item.span(), format!("answer lists choice {} twice", n + 1));
            }
        }
        (self.errors.len() == before).then(|| correct.into_iter().collect())
    }
}

/// What a value is, for messages.
fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => {
            format!("the string \"{}\"", shown(s))
        }
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(_) => "a date".to_string(),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

/// Text from the file as quoted in a message: no control or bidi characters, at most 40 characters.
fn shown(text: &str) -> String {
    let clean = crate::markdown::sanitize(text);
    let clean = clean.chars();
    let mut out: String = clean.clone().take(40).collect();
    if clean.count() > 40 {
        out.push('…');
    }
    out
}

/// Fold every run of white space (including line breaks) to one space, and trim.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase letters, digits and single hyphens between them: the shape of ids and anchors.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars().all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// `lesson-id#anchor`.
fn is_see(s: &str) -> bool {
    matches!(s.split_once('#'), Some((lesson, anchor)) if is_slug(lesson) && is_slug(anchor))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"# A comment.
[[question]]
id = "staging-m1"
kind = "single"
prompt = "Which letter and number means far spread?"
choices = ["T4", "N3", "M1", "M0"]
answer = 3
explanation = "M1 means spread to distant parts."
see = "staging#what-m1-means"

[[question]]
id = "staging-tnm"
kind = "multiple"
prompt = """
Which things does TNM
look at?"""
choices = [
  "Age",
  "Tumor size",
  "Lymph nodes",
]
answer = [3, 2]
explanation = "T and N."
see = "staging#t-n-and-m"

[[question]]
id = "staging-small"
kind = "true_false"
prompt = "A small tumor can be stage 4."
answer = false
explanation = "If it has spread far."
see = "staging#what-m1-means"
"#;

    /// The errors of a file, as `file:line: message` strings.
    fn errors(text: &str) -> Vec<String> {
        match parse("q.toml", "staging", text) {
            Ok(qs) => panic!("expected errors, parsed {} questions", qs.len()),
            Err(errs) => errs.iter().map(ToString::to_string).collect(),
        }
    }

    /// One valid question, with `line` replaced (or removed if `with` is empty).
    fn one(kind: &str, field: &str, with: &str) -> String {
        let mut fields = vec![
            ("id", "id = \"q1\"".to_string()),
            ("kind", format!("kind = \"{kind}\"")),
            ("prompt", "prompt = \"Pick one.\"".to_string()),
            ("choices", "choices = [\"A\", \"B\", \"C\"]".to_string()),
            (
                "answer",
                match kind {
                    "multiple" => "answer = [1, 2]",
                    "true_false" => "answer = true",
                    _ => "answer = 1",
                }
                .to_string(),
            ),
            ("explanation", "explanation = \"Because.\"".to_string()),
            ("see", "see = \"staging#t-n-and-m\"".to_string()),
        ];
        if kind == "true_false" {
            fields.retain(|(f, _)| *f != "choices");
        }
        let mut text = "[[question]]\n".to_string();
        let mut replaced = false;
        for (name, line) in fields {
            if name == field {
                replaced = true;
                if !with.is_empty() {
                    text.push_str(with);
                    text.push('\n');
                }
            } else {
                text.push_str(&line);
                text.push('\n');
            }
        }
        if !replaced && !with.is_empty() {
            text.push_str(with);
            text.push('\n');
        }
        text
    }

    #[test]
    fn parses_each_kind() {
        let qs = parse("staging.toml", "staging", GOOD).unwrap();
        assert_eq!(qs.len(), 3);
        let q = &qs[0];
        assert_eq!((q.id.as_str(), q.lesson.as_str(), q.kind), ("staging-m1", "staging", Kind::Single));
        assert_eq!(q.choices, ["T4", "N3", "M1", "M0"]);
        assert_eq!(q.correct, [2]);
        assert_eq!((q.file.as_str(), q.line, q.see_line), ("staging.toml", 2, 9));
        assert_eq!(q.see, "staging#what-m1-means");

        let q = &qs[1];
        assert_eq!(q.kind, Kind::Multiple);
        assert_eq!(q.prompt, "Which things does TNM look at?", "white space is folded");
        assert_eq!(q.correct, [1, 2], "0-based and sorted");
        assert_eq!(q.line, 11);

        let q = &qs[2];
        assert_eq!(q.kind, Kind::TrueFalse);
        assert_eq!(q.choices, ["True", "False"]);
        assert_eq!(q.correct, [1]);
        assert_eq!((q.line, q.see_line), (26, 32));
    }

    #[test]
    fn every_error_names_its_line() {
        // (name, file text, expected errors in order)
        let cases: Vec<(&str, String, Vec<&str>)> = vec![
            (
                "unknown kind",
                one("single", "kind", "kind = \"essay\""),
                vec!["q.toml:3: unknown kind `essay`: use one of single, multiple, true_false"],
            ),
            (
                "kind not a string",
                one("single", "kind", "kind = 1"),
                vec!["q.toml:3: `kind` must be a string, one of single, multiple, true_false"],
            ),
            (
                "single answer out of range",
                one("single", "answer", "answer = 4"),
                vec!["q.toml:6: answer 4 is out of range: there are 3 choices, so use 1 to 3"],
            ),
            (
                "single answer zero",
                one("single", "answer", "answer = 0"),
                vec!["q.toml:6: answer 0 is out of range: there are 3 choices, so use 1 to 3"],
            ),
            (
                "single answer negative",
                one("single", "answer", "answer = -1"),
                vec!["q.toml:6: answer -1 is out of range: there are 3 choices, so use 1 to 3"],
            ),
            (
                "single answer given as a list",
                one("single", "answer", "answer = [1, 2]"),
                vec![
                    "q.toml:6: a single question takes one choice number as its answer, like `answer = 2`, not a list (for several right answers use kind = \"multiple\")",
                ],
            ),
            (
                "single answer given as text",
                one("single", "answer", "answer = \"2\""),
                vec![
                    "q.toml:6: a single question takes one choice number as its answer, like `answer = 2`, not the string \"2\"",
                ],
            ),
            (
                "multiple answer out of range",
                one("multiple", "answer", "answer = [\n  1,\n  7,\n]"),
                vec!["q.toml:8: answer 7 is out of range: there are 3 choices, so use 1 to 3"],
            ),
            (
                "multiple with no correct answer",
                one("multiple", "answer", "answer = []"),
                vec!["q.toml:6: a multiple question needs at least one right answer: `answer = []` lists none"],
            ),
            (
                "multiple with a repeated number",
                one("multiple", "answer", "answer = [2, 2]"),
                vec!["q.toml:6: answer lists choice 2 twice"],
            ),
            (
                "multiple answer as one number",
                one("multiple", "answer", "answer = 2"),
                vec![
                    "q.toml:6: a multiple question takes a list of choice numbers as its answer, like `answer = [1, 3]`, not the number 2",
                ],
            ),
            (
                "true_false answer as a number",
                one("true_false", "answer", "answer = 1"),
                vec!["q.toml:5: a true_false question takes `answer = true` or `answer = false`, not the number 1"],
            ),
            (
                "choices for true_false",
                one("true_false", "choices", "choices = [\"Yes\", \"No\"]"),
                vec![
                    "q.toml:8: a true_false question takes no `choices` (they are always True and False): remove this line",
                ],
            ),
            (
                "one choice",
                one("single", "choices", "choices = [\"A\"]"),
                vec!["q.toml:5: a single question needs at least 2 choices, found 1"],
            ),
            (
                "seven choices",
                one("multiple", "choices", "choices = [\"A\", \"B\", \"C\", \"D\", \"E\", \"F\", \"G\"]"),
                vec!["q.toml:5: a multiple question can have at most 6 choices, found 7"],
            ),
            (
                "empty and repeated choices",
                one("single", "choices", "choices = [\"A\", \" \", \"A\"]"),
                vec!["q.toml:5: choice 2 is empty", "q.toml:5: choice 3 is the same as choice 1"],
            ),
            ("empty prompt", one("single", "prompt", "prompt = \"  \""), vec!["q.toml:4: `prompt` is empty"]),
            (
                "empty explanation",
                one("single", "explanation", "explanation = \"\""),
                vec!["q.toml:7: `explanation` is empty"],
            ),
            (
                "missing field",
                one("single", "explanation", ""),
                vec!["q.toml:1: question `q1` is missing the field `explanation`"],
            ),
            (
                "missing choices and id",
                one("multiple", "choices", "").replace("id = \"q1\"\n", ""),
                vec![
                    "q.toml:1: this question is missing the field `id`",
                    "q.toml:1: this question is missing the field `choices`",
                ],
            ),
            (
                "unknown field",
                one("single", "hint", "hint = \"Think.\""),
                vec![
                    "q.toml:9: unknown field `hint` (the fields are: id, kind, prompt, choices, answer, explanation, see)",
                ],
            ),
            (
                "see without an anchor",
                one("single", "see", "see = \"staging\""),
                vec![
                    "q.toml:8: `see` must name a lesson section as `lesson-id#anchor` (like `staging#what-m1-means`), not `staging`",
                ],
            ),
            (
                "id not a slug",
                one("single", "id", "id = \"Q 1\""),
                vec!["q.toml:2: id `Q 1` must be lowercase letters, digits and hyphens"],
            ),
            (
                "syntax error",
                one("single", "prompt", "prompt = \"Pick one."),
                vec!["q.toml:4: TOML syntax error: invalid basic string, expected `\"`"],
            ),
            (
                "duplicate key is a syntax error",
                one("single", "see", "see = \"a#b\"\nsee = \"a#c\""),
                vec!["q.toml:9: TOML syntax error: duplicate key"],
            ),
            (
                "top-level key",
                format!("title = \"Quiz\"\n{}", one("single", "", "")),
                vec!["q.toml:1: unknown key `title`: a quiz file holds only [[question]] tables"],
            ),
            (
                "no questions",
                "# nothing yet\n".to_string(),
                vec!["q.toml: no questions: add at least one [[question]] table"],
            ),
            (
                "question not an array of tables",
                "[question]\nid = \"q1\"\n".to_string(),
                vec!["q.toml:1: `question` must be written as [[question]] tables"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(errors(&text), expected, "case: {name}\n{text}");
        }
    }

    #[test]
    fn duplicate_id_names_both_lines() {
        let text = format!("{}\n{}", one("single", "", ""), one("true_false", "", ""));
        assert_eq!(errors(&text), ["q.toml:11: duplicate id `q1`: line 2 already uses it"]);
    }

    #[test]
    fn reports_all_problems_across_questions_in_line_order() {
        let text = format!(
            "{}\n{}",
            one("single", "answer", "answer = 9"),
            one("essay", "id", "id = \"q2\"").replace("prompt = \"Pick one.\"\n", "")
        );
        assert_eq!(
            errors(&text),
            [
                "q.toml:6: answer 9 is out of range: there are 3 choices, so use 1 to 3",
                "q.toml:10: question `q2` is missing the field `prompt`",
                "q.toml:12: unknown kind `essay`: use one of single, multiple, true_false",
            ]
        );
    }

    #[test]
    fn a_file_at_the_limit_parses_quickly() {
        let text = one("single", "", "").repeat(MAX_QUESTIONS);
        let start = std::time::Instant::now();
        // Every id repeats the first: one error per question, each found quickly.
        let errs = parse("q.toml", "x", &text).unwrap_err();
        assert_eq!(errs.len(), MAX_QUESTIONS - 1);
        assert_eq!(errs[0].to_string(), "q.toml:10: duplicate id `q1`: line 2 already uses it");
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "took {:?}", start.elapsed());
    }

    #[test]
    fn refuses_too_many_questions() {
        let block = "[[question]]\n";
        let text = block.repeat(MAX_QUESTIONS + 1);
        assert_eq!(
            errors(&text),
            ["q.toml: too many questions: 10001 (at most 10000 in one file); split them across lessons"]
        );
    }

    #[test]
    fn control_characters_in_values_do_not_reach_messages() {
        let text = one("single", "answer", "answer = \"\\u001b[2J\"");
        let errs = errors(&text);
        assert_eq!(errs.len(), 1);
        assert!(!errs[0].chars().any(char::is_control), "{errs:?}");
    }

    #[test]
    fn text_quoted_in_messages_is_cleaned() {
        let text = one("single", "kind", "kind = \"\\u001b[31mred\\u202e\"\n\"bad\\u0007key\" = 1");
        assert_eq!(
            errors(&text),
            [
                "q.toml:3: unknown kind `[31mred`: use one of single, multiple, true_false",
                "q.toml:4: unknown field `badkey` (the fields are: id, kind, prompt, choices, answer, explanation, see)",
            ]
        );
    }

    /// What any parse result must satisfy.
    fn check_invariants(text: &str) {
        let lines = text.split('\n').count();
        match parse("q.toml", "x", text) {
            Ok(qs) => {
                for q in qs {
                    assert!(!q.correct.is_empty() && q.correct.windows(2).all(|w| w[0] < w[1]), "{q:?}");
                    assert!(q.correct.iter().all(|&c| c < q.choices.len()), "{q:?}");
                    assert!((2..=MAX_CHOICES).contains(&q.choices.len()), "{q:?}");
                    assert!(q.kind != Kind::Single || q.correct.len() == 1, "{q:?}");
                    assert!(!q.prompt.is_empty() && !q.explanation.is_empty() && is_see(&q.see));
                }
            }
            Err(errs) => {
                assert!(!errs.is_empty());
                assert!(errs.iter().all(|e| e.line <= lines), "{errs:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_fails_cleanly(text in "\\PC*") {
            check_invariants(&text);
        }

        /// A valid file with a piece cut out and other text put in its place.
        #[test]
        fn damaged_files_parse_or_fail_cleanly(at in 0usize..1000, len in 0usize..40, with in "[\\[\\]=\"#a-z0-9,\n -]{0,20}") {
            let at = at.min(GOOD.len());
            let end = (at + len).min(GOOD.len());
            if GOOD.is_char_boundary(at) && GOOD.is_char_boundary(end) {
                check_invariants(&format!("{}{with}{}", &GOOD[..at], &GOOD[end..]));
            }
        }
    }
}

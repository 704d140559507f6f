//! `checkin.toml`: the weekly symptom check-in's items and red-flag questions (see
//! the comments at the top of the built-in file). The loader then checks that each
//! red flag's `see` section exists and that its signs are "get help now" signs of
//! sites.toml, so the check-in agrees with the lesson and the body map.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::ContentError;
use super::toml_util::{Lines, parse_error};
use crate::checkin::{Call, Form, Item, RedFlag, Who};

/// More items or red flags than this are refused: a check-in takes two minutes.
pub const MAX_QUESTIONS: usize = 40;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    sources: Vec<String>,
    call: RawCall,
    #[serde(default)]
    item: Vec<Spanned<RawItem>>,
    #[serde(default)]
    red_flag: Vec<Spanned<RawFlag>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCall {
    #[serde(rename = "emergency-number")]
    emergency_number: String,
    #[serde(rename = "care-team-24h")]
    care_team_24h: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    name: String,
    question: String,
    low: String,
    high: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    id: String,
    question: String,
    signs: Vec<Spanned<String>>,
    who: Spanned<String>,
    see: Spanned<String>,
    also: Option<String>,
}

/// A parsed check-in, with the lines the loader's cross-checks need: each red
/// flag's `see` and each of its signs, with their lines.
pub struct Parsed {
    pub form: Form,
    pub see_lines: Vec<usize>,
    pub sign_lines: Vec<Vec<usize>>,
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn parse(file: &str, text: &str) -> Result<Parsed, Vec<ContentError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![parse_error(file, text, &e)])?;
    let lines = Lines::new(text);
    let mut errors = Vec::new();
    let mut err = |line: usize, message: String| errors.push(ContentError::new(file, line, message));
    if raw.item.len() > MAX_QUESTIONS || raw.red_flag.len() > MAX_QUESTIONS {
        err(0, format!("a check-in can have at most {MAX_QUESTIONS} items and {MAX_QUESTIONS} red flags"));
    }
    if raw.item.is_empty() {
        err(0, "no [[item]]: a check-in needs at least one symptom to rate".into());
    }
    let mut ids = HashSet::new();
    let mut items = Vec::new();
    for entry in raw.item.into_iter().take(MAX_QUESTIONS) {
        let line = lines.line(entry.span().start);
        let r = entry.into_inner();
        if !is_id(&r.id) {
            err(line, format!("item id `{}` must be lowercase letters, digits and hyphens", r.id));
        } else if !ids.insert(r.id.clone()) {
            err(line, format!("id `{}` is used twice", r.id));
        }
        for (name, value) in [("name", &r.name), ("question", &r.question), ("low", &r.low), ("high", &r.high)] {
            if value.trim().is_empty() {
                err(line, format!("item `{}`: `{name}` is empty", r.id));
            }
        }
        items.push(Item { id: r.id, name: r.name, question: r.question, low: r.low, high: r.high });
    }
    let (mut red_flags, mut see_lines, mut sign_lines) = (Vec::new(), Vec::new(), Vec::new());
    for entry in raw.red_flag.into_iter().take(MAX_QUESTIONS) {
        let line = lines.line(entry.span().start);
        let r = entry.into_inner();
        if !is_id(&r.id) {
            err(line, format!("red flag id `{}` must be lowercase letters, digits and hyphens", r.id));
        } else if !ids.insert(r.id.clone()) {
            err(line, format!("id `{}` is used twice", r.id));
        }
        if r.question.trim().is_empty() {
            err(line, format!("red flag `{}`: `question` is empty", r.id));
        }
        if r.signs.is_empty() {
            err(line, format!("red flag `{}`: `signs` is empty: name the sign lines it asks about", r.id));
        }
        let who = Who::from_key(r.who.get_ref()).unwrap_or_else(|| {
            let known: Vec<&str> = Who::ALL.iter().map(|(k, _)| *k).collect();
            err(
                lines.line(r.who.span().start),
                format!("red flag `{}`: `who` is `{}`; use one of {}", r.id, r.who.get_ref(), known.join(", ")),
            );
            Who::EmergencyNumber
        });
        see_lines.push(lines.line(r.see.span().start));
        sign_lines.push(r.signs.iter().map(|s| lines.line(s.span().start)).collect());
        red_flags.push(RedFlag {
            id: r.id,
            question: r.question,
            signs: r.signs.into_iter().map(Spanned::into_inner).collect(),
            who,
            see: r.see.into_inner(),
            also: r.also.filter(|a| !a.trim().is_empty()),
        });
    }
    let call = Call { emergency_number: raw.call.emergency_number, care_team_24h: raw.call.care_team_24h };
    if call.emergency_number.trim().is_empty() || call.care_team_24h.trim().is_empty() {
        err(0, "[call]: say who to call for `emergency-number` and `care-team-24h`".into());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Parsed { form: Form { items, red_flags, call, sources: raw.sources }, see_lines, sign_lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALL: &str = "[call]\nemergency-number = \"Call 999.\"\ncare-team-24h = \"Call the team.\"\n";
    const ITEM: &str =
        "[[item]]\nid = \"pain\"\nname = \"Pain\"\nquestion = \"How bad?\"\nlow = \"none\"\nhigh = \"worst\"\n";
    const FLAG: &str = "[[red_flag]]\nid = \"fever\"\nquestion = \"Fever?\"\nsigns = [\"A fever\"]\nwho = \"care-team-24h\"\nsee = \"when-to-get-help#fever\"\n";

    #[test]
    fn the_built_in_check_in_parses() {
        let text = include_str!("../../content/checkin.toml");
        let parsed = parse("checkin.toml", text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.form.items.len(), 9);
        assert_eq!(parsed.form.red_flags.len(), 8);
    }

    #[test]
    fn a_small_check_in_parses_with_lines() {
        let text = format!("{CALL}{ITEM}{FLAG}");
        let parsed = parse("c.toml", &text).unwrap();
        assert_eq!(parsed.form.red_flags[0].who, Who::CareTeam24h);
        assert_eq!(parsed.see_lines, [15]);
        assert_eq!(parsed.sign_lines, [vec![13]]);
    }

    #[test]
    fn problems_name_their_lines() {
        let cases: &[(String, &str)] = &[
            (
                format!("{CALL}{ITEM}{}", FLAG.replace("care-team-24h", "doctor")),
                "c.toml:14: red flag `fever`: `who` is `doctor`",
            ),
            (format!("{CALL}{}", ITEM.replace("\"pain\"", "\"Pain 1\"")), "c.toml:4: item id `Pain 1` must be"),
            (format!("{CALL}{ITEM}{ITEM}"), "c.toml:10: id `pain` is used twice"),
            (
                format!("{CALL}{ITEM}{}", FLAG.replace("[\"A fever\"]", "[]")),
                "c.toml:10: red flag `fever`: `signs` is empty",
            ),
            (CALL.to_string(), "c.toml: no [[item]]"),
            (format!("{CALL}{ITEM}colour = 1\n"), "c.toml:10: unknown field `colour`"),
        ];
        for (text, want) in cases {
            let errors = parse("c.toml", text).err().unwrap_or_else(|| panic!("no error for {text}"));
            assert!(errors.iter().any(|e| e.to_string().starts_with(want)), "{want}: {errors:?}");
        }
    }
}

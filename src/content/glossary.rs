//! The glossary: plain definitions of the words the lessons use.

use serde::Deserialize;
use toml::Spanned;

use super::ContentError;
use super::toml_util::{Lines, parse_error};

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub term: String,
    /// Other forms and everyday words for the same thing.
    pub aliases: Vec<String>,
    pub definition: String,
    /// A lesson section that explains more (`lesson-id#anchor`).
    pub see: Option<String>,
    pub line: usize,
    pub see_line: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    definition: String,
    see: Option<Spanned<String>>,
}

pub fn parse(file: &str, text: &str) -> Result<Glossary, Vec<ContentError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![parse_error(file, text, &e)])?;
    let mut errors = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    let lines = Lines::new(text);
    // Each normalized name → the first term that has it (one map look-up per name).
    let mut known: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in raw.term {
        let line = lines.line(entry.span().start);
        let raw = entry.into_inner();
        let term = raw.term.get_ref().trim().to_string();
        if term.is_empty() {
            errors.push(ContentError::new(file, line, "`term` is empty"));
            continue;
        }
        if raw.definition.trim().is_empty() {
            errors.push(ContentError::new(file, line, format!("`{term}` has an empty definition")));
        }
        let term_line = lines.line(raw.term.span().start);
        let keys: Vec<String> = std::iter::once(&term).chain(raw.aliases.iter()).map(|n| normalize(n)).collect();
        for (name, key) in std::iter::once(&term).chain(raw.aliases.iter()).zip(&keys) {
            if let Some(other) = known.get(key).map(|&i| &terms[i]) {
                errors.push(ContentError::new(
                    file,
                    term_line,
                    format!("`{name}` is already defined at line {} (as part of `{}`)", other.line, other.term),
                ));
            }
        }
        for key in keys {
            known.entry(key).or_insert(terms.len());
        }
        let see_line = raw.see.as_ref().map_or(line, |s| lines.line(s.span().start));
        terms.push(Term {
            term,
            aliases: raw.aliases,
            definition: raw.definition.trim().to_string(),
            see: raw.see.map(|s| s.into_inner()),
            line,
            see_line,
        });
    }
    if errors.is_empty() { Ok(Glossary { terms }) } else { Err(errors) }
}

impl Term {
    /// The term and its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// What `define` found.
#[derive(Debug, PartialEq)]
pub enum Lookup<'a> {
    Found(&'a Term),
    /// No exact match: the closest terms, best first (may be empty).
    Closest(Vec<&'a Term>),
}

impl Glossary {
    /// Case-insensitive lookup that knows plurals and the aliases.
    pub fn lookup(&self, query: &str) -> Lookup<'_> {
        let key = normalize(query);
        if key.is_empty() {
            return Lookup::Closest(Vec::new());
        }
        if let Some(term) = self.terms.iter().find(|t| t.names().any(|n| normalize(n) == key)) {
            return Lookup::Found(term);
        }
        let mut scored: Vec<(f64, &Term)> = self
            .terms
            .iter()
            .map(|t| {
                let best = t.names().map(|n| strsim::jaro_winkler(&normalize(n), &key)).fold(0.0, f64::max);
                let contains = t.names().any(|n| normalize(n).contains(&key) || key.contains(&normalize(n)));
                (if contains { best.max(0.9) } else { best }, t)
            })
            .filter(|(score, _)| *score >= 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        Lookup::Closest(scored.into_iter().take(5).map(|(_, t)| t).collect())
    }
}

/// Lowercase, single spaces, and each word in singular form.
pub fn normalize(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A plain English singular: metastases → metastasis, therapies → therapy, nodes → node.
pub fn singular(word: &str) -> String {
    if word.len() <= 3 {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ases").filter(|s| s.len() >= 4) {
        return format!("{stem}asis");
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("is") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[term]]
term = "metastasis"
aliases = ["metastases", "spread"]
definition = "When cancer spreads."
see = "what-is-metastasis#how-cancer-spreads"

[[term]]
term = "lymph nodes"
definition = "Small bean-shaped glands."

[[term]]
term = "dyspnea"
aliases = ["shortness of breath"]
definition = "Feeling short of breath."
"#;

    #[test]
    fn lookup_is_case_plural_and_alias_aware() {
        let g = parse("glossary.toml", SAMPLE).unwrap();
        let found = |q: &str| match g.lookup(q) {
            Lookup::Found(t) => t.term.clone(),
            Lookup::Closest(c) => format!("closest: {:?}", c.iter().map(|t| &t.term).collect::<Vec<_>>()),
        };
        assert_eq!(found("Metastasis"), "metastasis");
        assert_eq!(found("METASTASES"), "metastasis");
        assert_eq!(found("lymph node"), "lymph nodes");
        assert_eq!(found("Lymph-Nodes"), "lymph nodes");
        assert_eq!(found("shortness of breath"), "dyspnea");
        assert_eq!(found("dyspnoea"), "closest: [\"dyspnea\"]");
        assert_eq!(found("xyzzy"), "closest: []");
        assert_eq!(found("   "), "closest: []");
    }

    #[test]
    fn terms_keep_their_lines() {
        let g = parse("glossary.toml", SAMPLE).unwrap();
        assert_eq!(g.terms[0].line, 2);
        assert_eq!(g.terms[0].see_line, 6);
        assert_eq!(g.terms[1].line, 8);
    }

    #[test]
    fn a_term_defined_twice_is_an_error() {
        let text = format!("{SAMPLE}\n[[term]]\nterm = \"Metastases\"\ndefinition = \"Again.\"\n");
        let errors = parse("glossary.toml", &text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "glossary.toml:18: `Metastases` is already defined at line 2 (as part of `metastasis`)"
        );
    }

    #[test]
    fn bad_toml_and_unknown_fields_name_the_line() {
        let errors = parse("g.toml", "[[term]]\nterm = \"a\"\ndefinition = \"b\"\ncolour = 1\n").unwrap_err();
        assert_eq!(errors[0].line, 4, "{}", errors[0]);
        let errors = parse("g.toml", "[[term]]\nterm = \"a\n").unwrap_err();
        assert_eq!(errors[0].line, 2, "{}", errors[0]);
    }

    #[test]
    fn singular_forms() {
        for (plural, single) in [
            ("metastases", "metastasis"),
            ("therapies", "therapy"),
            ("nodes", "node"),
            ("glands", "gland"),
            ("biopsies", "biopsy"),
            ("ascites", "ascite"),
            ("diagnosis", "diagnosis"),
            ("status", "status"),
            ("illness", "illness"),
        ] {
            assert_eq!(singular(plural), single, "{plural}");
        }
    }
}

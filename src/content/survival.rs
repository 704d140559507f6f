//! Five-year relative survival figures for the survival chart.

use serde::Deserialize;
use toml::Spanned;

use super::ContentError;
use super::toml_util::{Lines, parse_error};

#[derive(Debug, Clone, PartialEq)]
pub struct Survival {
    pub cancer: String,
    /// Percent, 0–100.
    pub value: f64,
    /// Which people the number covers, e.g. "distant stage".
    pub basis: String,
    pub source: String,
    pub years: String,
    /// A short plain paragraph shown with the number.
    pub note: String,
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    cancer: Vec<Spanned<RawCancer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCancer {
    cancer: String,
    value: Spanned<f64>,
    basis: String,
    source: String,
    years: String,
    note: String,
}

pub fn parse(file: &str, text: &str) -> Result<Vec<Survival>, Vec<ContentError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![parse_error(file, text, &e)])?;
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let lines = Lines::new(text);
    for entry in raw.cancer {
        let line = lines.line(entry.span().start);
        let raw = entry.into_inner();
        let value = *raw.value.get_ref();
        if !(0.0..=100.0).contains(&value) {
            let value_line = lines.line(raw.value.span().start);
            errors.push(ContentError::new(
                file,
                value_line,
                format!("`value` for {} is {value}; a survival percentage must be between 0 and 100", raw.cancer),
            ));
        }
        for (name, field) in [("cancer", &raw.cancer), ("source", &raw.source), ("years", &raw.years)] {
            if field.trim().is_empty() {
                errors.push(ContentError::new(
                    file,
                    line,
                    format!("`{name}` is empty: every number needs its source and years"),
                ));
            }
        }
        rows.push(Survival {
            cancer: raw.cancer,
            value,
            basis: raw.basis,
            source: raw.source,
            years: raw.years,
            note: raw.note.trim().to_string(),
            line,
        });
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

/// The rows in the order the chart shows them: highest value first (indices into `rows`).
pub fn highest_first(rows: &[Survival]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| rows[b].value.total_cmp(&rows[a].value));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = "[[cancer]]\ncancer = \"Breast\"\nvalue = 33.8\nbasis = \"distant stage\"\nsource = \"SEER\"\nyears = \"2016–2022\"\nnote = \"About 1 in 3.\"\n";

    #[test]
    fn parses_rows_with_lines() {
        let text = format!("# comment\n{ROW}\n{}", ROW.replace("Breast", "Lung").replace("33.8", "10.5"));
        let rows = parse("survival.toml", &text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].value), (2, 33.8));
        assert_eq!((rows[1].cancer.as_str(), rows[1].line), ("Lung", 10));
    }

    #[test]
    fn value_out_of_range_names_its_line() {
        for bad in ["133.8", "-1"] {
            let errors = parse("survival.toml", &ROW.replace("33.8", bad)).unwrap_err();
            assert_eq!(errors.len(), 1);
            assert!(errors[0].to_string().starts_with("survival.toml:3: `value` for Breast is"), "{}", errors[0]);
        }
    }

    #[test]
    fn missing_source_is_an_error() {
        let errors = parse("s.toml", &ROW.replace("source = \"SEER\"\n", "")).unwrap_err();
        assert!(errors[0].message.contains("source"), "{}", errors[0]);
    }
}

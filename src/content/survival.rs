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
    /// The number is for the distant stage (about stage 4), so it can be compared with the
    /// other distant-stage rows. Said by the pack (`distant = true`), never read from `basis`.
    pub distant: bool,
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
    /// Missing: not the distant stage (a row is only compared when the pack says it may be).
    #[serde(default)]
    distant: bool,
    source: String,
    years: String,
    note: String,
}

impl Survival {
    /// Whether the number is for the distant stage (about stage 4). Rows that are not, such as
    /// leukemia (all stages) or non-Hodgkin lymphoma (stage IV of its own system), cannot be
    /// compared with the distant-stage rows.
    pub fn is_distant_stage(&self) -> bool {
        self.distant
    }
}

/// The order a chart shows the rows in (indices into `rows`): the distant-stage rows from highest
/// to lowest, then the other rows, also highest first, after them, so that a row that cannot be
/// compared never tops the chart.
pub fn chart_order(rows: &[Survival]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        b.is_distant_stage().cmp(&a.is_distant_stage()).then(b.value.total_cmp(&a.value))
    });
    order
}

/// Where the rows that are not for the distant stage start in a [`chart_order`], if there are any.
pub fn first_other_group(rows: &[Survival], order: &[usize]) -> Option<usize> {
    order.iter().position(|&i| !rows[i].is_distant_stage())
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
            distant: raw.distant,
            source: raw.source,
            years: raw.years,
            note: raw.note.trim().to_string(),
            line,
        });
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = "[[cancer]]\ncancer = \"Breast\"\nvalue = 33.8\nbasis = \"distant stage\"\ndistant = true\nsource = \"SEER\"\nyears = \"2016–2022\"\nnote = \"About 1 in 3.\"\n";

    #[test]
    fn parses_rows_with_lines() {
        let text = format!("# comment\n{ROW}\n{}", ROW.replace("Breast", "Lung").replace("33.8", "10.5"));
        let rows = parse("survival.toml", &text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].value), (2, 33.8));
        assert_eq!((rows[1].cancer.as_str(), rows[1].line), ("Lung", 11));
    }

    /// The chart never decides by the words of `basis` (they may be in any language).
    #[test]
    fn a_row_is_distant_stage_only_when_the_pack_says_so() {
        let spanish =
            ROW.replace("basis = \"distant stage\"\ndistant = true", "basis = \"estadio distante\"\ndistant = true");
        assert!(parse("survival.toml", &spanish).unwrap()[0].is_distant_stage());
        let unsaid = ROW.replace("distant = true\n", "");
        assert!(!parse("survival.toml", &unsaid).unwrap()[0].is_distant_stage(), "not said: not compared");
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
    fn chart_order_puts_rows_that_are_not_distant_stage_after_the_others() {
        let row = |cancer: &str, value: &str, basis: &str| {
            let distant = if basis.ends_with("distant stage") { "distant = true" } else { "distant = false" };
            ROW.replace("Breast", cancer)
                .replace("33.8", value)
                .replace("distant stage", basis)
                .replace("distant = true", distant)
        };
        let text = [
            row("Leukemia", "68.6", "all stages (leukemia is not staged this way)"),
            row("Lung", "10.5", "distant stage"),
            row("NHL", "63.6", "stage IV (Ann Arbor)"),
            row("Breast", "33.8", "distant stage"),
        ]
        .join("\n");
        let rows = parse("survival.toml", &text).unwrap();
        let order = chart_order(&rows);
        let names: Vec<&str> = order.iter().map(|&i| rows[i].cancer.as_str()).collect();
        assert_eq!(names, ["Breast", "Lung", "Leukemia", "NHL"]);
        assert_eq!(first_other_group(&rows, &order), Some(2));
        assert_eq!(first_other_group(&rows[1..2], &[0]), None);
    }

    #[test]
    fn missing_source_is_an_error() {
        let errors = parse("s.toml", &ROW.replace("source = \"SEER\"\n", "")).unwrap_err();
        assert!(errors[0].message.contains("source"), "{}", errors[0]);
    }
}

//! Reading check-ins over time: severity bands, change since last time, and which
//! symptoms to tell the care team about.

use super::form::Form;
use super::record::CheckIn;

/// How bad a 0–10 score is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// 0
    None,
    /// 1–3
    Mild,
    /// 4–6
    Moderate,
    /// 7–10
    Severe,
}

pub fn band(score: u8) -> Band {
    match score {
        0 => Band::None,
        1..=3 => Band::Mild,
        4..=6 => Band::Moderate,
        _ => Band::Severe,
    }
}

/// Severe now, or worse by 3 or more since the last check-in that rated it.
pub fn tell_care_team(now: u8, before: Option<u8>) -> bool {
    band(now) == Band::Severe || before.is_some_and(|b| now >= b.saturating_add(3))
}

/// One symptom over the check-ins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    /// Its score in each of the last `recent` check-ins, oldest first (None: skipped).
    pub recent: Vec<Option<u8>>,
    /// The score in the last check-in (None: skipped there, or never rated).
    pub latest: Option<u8>,
    /// Latest minus the score of the last check-in before it that rated it.
    pub change: Option<i16>,
    pub tell: bool,
}

/// A row per item of the form (then one per item only older check-ins have), from
/// `checkins` in time order; the sparkline keeps the last `recent`.
pub fn rows(form: &Form, checkins: &[&CheckIn], recent: usize) -> Vec<Row> {
    let mut ids: Vec<(&str, &str)> = form.items.iter().map(|i| (i.id.as_str(), i.name.as_str())).collect();
    for c in checkins {
        for id in c.scores.keys() {
            if !ids.iter().any(|(known, _)| known == id) {
                ids.push((id, id));
            }
        }
    }
    let last = checkins.last();
    let from = checkins.len().saturating_sub(recent);
    ids.into_iter()
        .map(|(id, name)| {
            let score = |c: &&CheckIn| c.scores.get(id).copied();
            let latest = last.and_then(score);
            let before = checkins.len().checked_sub(1).and_then(|n| checkins[..n].iter().rev().find_map(score));
            let change = latest.zip(before).map(|(now, b)| i16::from(now) - i16::from(b));
            Row {
                id: id.to_string(),
                name: name.to_string(),
                recent: checkins[from..].iter().map(score).collect(),
                latest,
                change,
                tell: latest.is_some_and(|now| tell_care_team(now, before)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::form::sample;

    #[test]
    fn bands_follow_the_scale() {
        let cases = [
            (0, Band::None),
            (1, Band::Mild),
            (3, Band::Mild),
            (4, Band::Moderate),
            (6, Band::Moderate),
            (7, Band::Severe),
            (10, Band::Severe),
            (255, Band::Severe),
        ];
        for (score, want) in cases {
            assert_eq!(band(score), want, "{score}");
        }
    }

    #[test]
    fn tell_the_care_team_when_severe_or_three_worse() {
        let cases = [
            (7, None, true),
            (6, None, false),
            (6, Some(3), true),
            (5, Some(3), false),
            (3, Some(0), true),
            (2, Some(0), false),
            (9, Some(10), true),
            (0, Some(9), false),
        ];
        for (now, before, want) in cases {
            assert_eq!(tell_care_team(now, before), want, "{now} after {before:?}");
        }
    }

    fn c(pain: Option<u8>, tiredness: Option<u8>) -> CheckIn {
        let mut out = CheckIn::default();
        out.scores.extend(pain.map(|p| ("pain".to_string(), p)));
        out.scores.extend(tiredness.map(|t| ("tiredness".to_string(), t)));
        out
    }

    #[test]
    fn rows_show_latest_change_and_recent() {
        let form = sample();
        let history = [c(Some(2), Some(5)), c(Some(3), None), c(Some(7), Some(4))];
        let refs: Vec<&CheckIn> = history.iter().collect();
        let rows = rows(&form, &refs, 2);
        assert_eq!(rows.len(), 2);
        let pain = &rows[0];
        assert_eq!((pain.name.as_str(), pain.latest, pain.change, pain.tell), ("Pain", Some(7), Some(4), true));
        assert_eq!(pain.recent, [Some(3), Some(7)], "only the last two");
        // Skipped last time: compared with the one before.
        let tired = &rows[1];
        assert_eq!((tired.latest, tired.change, tired.tell), (Some(4), Some(-1), false));
        assert_eq!(tired.recent, [None, Some(4)]);
    }

    #[test]
    fn rows_with_nothing_or_once_and_unknown_items() {
        let form = sample();
        let none = rows(&form, &[], 12);
        assert!(none.iter().all(|r| r.latest.is_none() && r.change.is_none() && r.recent.is_empty() && !r.tell));
        let mut old = c(Some(1), None);
        old.scores.insert("itching".into(), 8);
        let rows = rows(&form, &[&old], 12);
        assert_eq!(rows[0].change, None, "first check-in: no change");
        let itching = rows.iter().find(|r| r.id == "itching").unwrap();
        assert_eq!((itching.name.as_str(), itching.latest, itching.tell), ("itching", Some(8), true));
    }
}

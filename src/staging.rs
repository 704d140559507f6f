//! The staging explorer's logic: what each TNM value means, and what can be said
//! about the stage. It never states a stage it cannot know: only M1 decides one, and even
//! then only for almost all cancers (testicular cancer has no stage 4, and some thyroid cancers
//! are staged by age; AJCC 8th edition).

use crate::words::{list, t};

/// A TNM combination. T is 0–4, N is 0–3, M is 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tnm {
    pub t: u8,
    pub n: u8,
    pub m: u8,
}

pub const T_MAX: u8 = 4;
pub const N_MAX: u8 = 3;
pub const M_MAX: u8 = 1;

/// What can be said about the stage of a combination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// M1: spread to distant parts of the body, stage 4 for almost all cancers.
    Stage4,
    /// M0: the stage depends on the kind of cancer; the care team will say which.
    DependsOnCancer,
}

impl Tnm {
    pub fn verdict(self) -> Verdict {
        if self.m >= 1 { Verdict::Stage4 } else { Verdict::DependsOnCancer }
    }

    /// Plain words for the T value (the catalogue's `staging.t`, one a value).
    pub fn t_meaning(self) -> &'static str {
        nth(list("staging.t"), self.t)
    }

    pub fn n_meaning(self) -> &'static str {
        nth(list("staging.n"), self.n)
    }

    pub fn m_meaning(self) -> &'static str {
        nth(list("staging.m"), self.m)
    }

    pub fn verdict_text(self) -> &'static str {
        match self.verdict() {
            Verdict::Stage4 => t("staging.stage_4"),
            Verdict::DependsOnCancer => t("staging.depends_on_cancer"),
        }
    }

    /// SEER's summary stage that matches, where TNM alone can tell.
    pub fn seer_group(self) -> &'static str {
        match (self.m, self.n) {
            (1.., _) => t("staging.seer_distant"),
            (0, 1..) => t("staging.seer_regional"),
            (0, 0) => t("staging.seer_localized_or_regional"),
        }
    }
}

/// The words for `value` (the last ones for any higher value).
fn nth(words: &'static [String], value: u8) -> &'static str {
    words.get(usize::from(value)).or(words.last()).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> impl Iterator<Item = Tnm> {
        (0..=T_MAX).flat_map(|t| (0..=N_MAX).flat_map(move |n| (0..=M_MAX).map(move |m| Tnm { t, n, m })))
    }

    #[test]
    fn m1_gives_the_stage_4_verdict_and_m0_always_depends() {
        let mut count = 0;
        for tnm in all() {
            count += 1;
            let expected = if tnm.m == 1 { Verdict::Stage4 } else { Verdict::DependsOnCancer };
            assert_eq!(tnm.verdict(), expected, "{tnm:?}");
        }
        assert_eq!(count, 5 * 4 * 2);
    }

    #[test]
    fn m1_says_almost_all_cancers_and_names_the_exceptions() {
        // Clinical review 2026-12-02: testicular cancer has no stage 4 and some thyroid cancers are
        // staged by age (AJCC 8th edition), so M1 is not "always" stage 4.
        for tnm in all().filter(|t| t.m == 1) {
            let text = tnm.verdict_text();
            assert!(text.contains("almost all cancers"), "{text}");
            assert!(text.contains("testicular") && text.contains("thyroid"), "{text}");
            assert!(!text.to_lowercase().contains("always"), "{text}");
        }
    }

    #[test]
    fn m0_never_names_a_stage() {
        for tnm in all().filter(|t| t.m == 0) {
            let text = tnm.verdict_text().to_lowercase();
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            for pair in words.windows(2) {
                let names_a_stage = pair[0] == "stage"
                    && ["0", "1", "2", "3", "4", "i", "ii", "iii", "iv", "zero", "one", "two", "three", "four"]
                        .contains(&pair[1]);
                assert!(!names_a_stage, "{tnm:?} says {} {}: {text}", pair[0], pair[1]);
            }
            assert!(text.contains("care team"), "{text}");
        }
    }

    #[test]
    fn every_value_has_its_own_meaning() {
        for tnm in all() {
            assert!(tnm.t_meaning().starts_with(&format!("T{}", tnm.t)));
            assert!(tnm.n_meaning().starts_with(&format!("N{}", tnm.n)));
            assert!(tnm.m_meaning().starts_with(&format!("M{}", tnm.m)));
        }
    }

    #[test]
    fn seer_group_follows_spread() {
        assert!(Tnm { t: 1, n: 0, m: 1 }.seer_group().contains("distant"));
        assert!(Tnm { t: 1, n: 2, m: 0 }.seer_group().contains("regional"));
        assert!(Tnm { t: 1, n: 0, m: 0 }.seer_group().contains("localized"));
    }
}

//! Grading one answer.

use crate::content::quiz::Question;

/// What was right and wrong about an answer. All indices are 0-based, in the
/// quiz file's choice order, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The whole answer is right: the choices picked are exactly the right ones.
    pub correct: bool,
    /// Every right choice.
    pub right: Vec<usize>,
    /// Picked, but not a right choice.
    pub wrong_picks: Vec<usize>,
    /// A right choice that was not picked.
    pub missed: Vec<usize>,
}

/// Grade `chosen` (0-based indices in the file's order; repeats are ignored). An
/// answer is right only if it picks exactly the right choices, so a partial
/// "choose all that apply" answer is wrong, with `missed` and `wrong_picks`
/// saying what was off. An index that is not a choice counts as a wrong pick.
pub fn grade(q: &Question, chosen: &[usize]) -> Verdict {
    let mut picks = chosen.to_vec();
    picks.sort_unstable();
    picks.dedup();
    let wrong_picks: Vec<usize> = picks.iter().copied().filter(|c| !q.correct.contains(c)).collect();
    let missed: Vec<usize> = q.correct.iter().copied().filter(|c| !picks.contains(c)).collect();
    Verdict { correct: wrong_picks.is_empty() && missed.is_empty(), right: q.correct.clone(), wrong_picks, missed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::quiz::Kind;
    use crate::quiz::testing::question;

    #[test]
    fn grades_each_kind() {
        let single = question("s", "l", Kind::Single, 4, &[2]);
        let multiple = question("m", "l", Kind::Multiple, 4, &[1, 2, 3]);
        let tf = question("t", "l", Kind::TrueFalse, 2, &[1]);
        // (name, question, chosen, correct, wrong_picks, missed)
        type Case<'a> = (&'a str, &'a Question, &'a [usize], bool, &'a [usize], &'a [usize]);
        let cases: [Case; 12] = [
            ("single right", &single, &[2], true, &[], &[]),
            ("single wrong", &single, &[0], false, &[0], &[2]),
            ("single nothing", &single, &[], false, &[], &[2]),
            ("single two picks", &single, &[2, 3], false, &[3], &[]),
            ("multiple exact, any order, repeats", &multiple, &[3, 1, 2, 1], true, &[], &[]),
            ("multiple partial", &multiple, &[1, 3], false, &[], &[2]),
            ("multiple partial plus wrong", &multiple, &[0, 1], false, &[0], &[2, 3]),
            ("multiple all", &multiple, &[0, 1, 2, 3], false, &[0], &[]),
            ("multiple none", &multiple, &[], false, &[], &[1, 2, 3]),
            ("true_false right", &tf, &[1], true, &[], &[]),
            ("true_false wrong", &tf, &[0], false, &[0], &[1]),
            ("index past the choices", &single, &[2, 9], false, &[9], &[]),
        ];
        for (name, q, chosen, correct, wrong_picks, missed) in cases {
            let v = grade(q, chosen);
            assert_eq!(v.correct, correct, "{name}");
            assert_eq!(v.right, q.correct, "{name}: right lists every right choice");
            assert_eq!(v.wrong_picks, wrong_picks, "{name}");
            assert_eq!(v.missed, missed, "{name}");
        }
    }
}

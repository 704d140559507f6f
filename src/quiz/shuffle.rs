//! The order choices are shown in.

use crate::content::quiz::{Kind, Question};

/// A permutation of `q`'s choice indices for display: display position `i` shows
/// original choice `order[i]`. True/false questions keep True, False.
pub fn choice_order(q: &Question, rng: &mut fastrand::Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..q.choices.len()).collect();
    if q.kind != Kind::TrueFalse {
        rng.shuffle(&mut order);
    }
    order
}

/// Map picks by display position back to original choice indices (sorted, without
/// repeats). A position past the end of `order` is not a choice and is dropped.
pub fn to_original(order: &[usize], display_picks: &[usize]) -> Vec<usize> {
    let mut picks: Vec<usize> = display_picks.iter().filter_map(|&p| order.get(p).copied()).collect();
    picks.sort_unstable();
    picks.dedup();
    picks
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::content::quiz::Kind;
    use crate::quiz::grade::grade;
    use crate::quiz::testing::question;

    #[test]
    fn true_false_keeps_its_order() {
        let q = question("t", "l", Kind::TrueFalse, 2, &[0]);
        for seed in 0..50 {
            assert_eq!(choice_order(&q, &mut fastrand::Rng::with_seed(seed)), [0, 1]);
        }
    }

    #[test]
    fn shuffles_differ_by_seed_and_repeat_by_seed() {
        let q = question("s", "l", Kind::Single, 6, &[0]);
        let orders: std::collections::HashSet<Vec<usize>> =
            (0..20).map(|seed| choice_order(&q, &mut fastrand::Rng::with_seed(seed))).collect();
        assert!(orders.len() > 1, "choices are shuffled");
        let again = |seed| choice_order(&q, &mut fastrand::Rng::with_seed(seed));
        assert_eq!(again(7), again(7));
    }

    #[test]
    fn to_original_maps_sorts_and_drops_positions_past_the_end() {
        let order = [2, 0, 3, 1];
        assert_eq!(to_original(&order, &[0]), [2]);
        assert_eq!(to_original(&order, &[3, 1, 1]), [0, 1]);
        assert_eq!(to_original(&order, &[9, 2]), [3]);
        assert_eq!(to_original(&order, &[]), Vec::<usize>::new());
    }

    proptest! {
        /// Picking, on screen, the positions of the right choices is always graded
        /// right, and picking any other set is always graded wrong.
        #[test]
        fn shuffling_keeps_the_answer_key(
            seed in any::<u64>(),
            n in 2usize..=6,
            multiple in any::<bool>(),
            key in proptest::collection::vec(any::<bool>(), 6),
            other in proptest::collection::vec(any::<bool>(), 6),
        ) {
            let mut correct: Vec<usize> = (0..n).filter(|&i| key[i]).collect();
            if correct.is_empty() || !multiple {
                correct = vec![seed as usize % n];
            }
            let kind = if multiple { Kind::Multiple } else { Kind::Single };
            let q = question("q", "l", kind, n, &correct);
            let order = choice_order(&q, &mut fastrand::Rng::with_seed(seed));

            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "a permutation");

            let display: Vec<usize> = (0..n).filter(|&pos| correct.contains(&order[pos])).collect();
            prop_assert!(grade(&q, &to_original(&order, &display)).correct);

            let picks: Vec<usize> = (0..n).filter(|&pos| other[pos]).collect();
            let v = grade(&q, &to_original(&order, &picks));
            prop_assert_eq!(v.correct, picks == display);
        }
    }
}

//! Moving between body-map sites with the arrow keys (spatial navigation) and Tab.

/// An arrow-key direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// How far `to` is from `from` when moving in `dir`, in column units, or `None` when `to` is not
/// strictly that way (Right: `to.x > from.x`; Down: `to.y > from.y`, and so on).
///
/// A terminal cell is about twice as tall as it is wide, so a row counts as two columns. The
/// offset across the direction of travel counts double again, so a site straight ahead beats a
/// site off to the side:
/// - Left/Right: `|dx| + 2 × (2|dy|)`
/// - Up/Down: `2|dy| + 2 × |dx|`
pub fn cost(from: (u16, u16), to: (u16, u16), dir: Direction) -> Option<u32> {
    let dx = i32::from(to.0) - i32::from(from.0);
    let dy = i32::from(to.1) - i32::from(from.1);
    let ahead = match dir {
        Direction::Right => dx > 0,
        Direction::Left => dx < 0,
        Direction::Down => dy > 0,
        Direction::Up => dy < 0,
    };
    if !ahead {
        return None;
    }
    let (ax, ay) = (dx.unsigned_abs(), dy.unsigned_abs());
    Some(match dir {
        Direction::Left | Direction::Right => ax + 4 * ay,
        Direction::Up | Direction::Down => 2 * ay + 2 * ax,
    })
}

/// The site to move to from `points[from]` in `dir`: the one with the lowest [`cost`], ties going
/// to the lower index. `None` when no site lies that way (or `from` is out of range).
pub fn neighbour(points: &[(u16, u16)], from: usize, dir: Direction) -> Option<usize> {
    let &start = points.get(from)?;
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, &p)| cost(start, p, dir).map(|c| (c, i)))
        .min()
        .map(|(_, i)| i)
}

/// The next (`forward`) or previous site for Tab / Shift-Tab, wrapping around. An out-of-range
/// `from` goes to the first (forward) or last site; with no sites the answer is 0.
pub fn cycle(len: usize, from: usize, forward: bool) -> usize {
    match (len, forward) {
        (0, _) => 0,
        (_, true) if from >= len => 0,
        (_, false) if from >= len => len - 1,
        (_, true) => (from + 1) % len,
        (_, false) if from == 0 => len - 1,
        (_, false) => from - 1,
    }
}

/// The site nearest to a cell (for a mouse click), with its distance in column units
/// (`|dx| + 2|dy|`); ties go to the lower index. The caller decides how near is near enough.
pub fn nearest(points: &[(u16, u16)], at: (u16, u16)) -> Option<(usize, u32)> {
    points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let d = u32::from(x.abs_diff(at.0)) + 2 * u32::from(y.abs_diff(at.1));
            (d, i)
        })
        .min()
        .map(|(d, i)| (i, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::VecDeque;

    const ALL: [Direction; 4] = [Direction::Up, Direction::Down, Direction::Left, Direction::Right];

    /// The real default pack's positions (the files are embedded at build time).
    fn real_points() -> Vec<(u16, u16)> {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/sites.toml"));
        let art = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/body-map.txt"));
        match crate::content::sites::parse("sites.toml", text, "body-map.txt", art) {
            Ok(sites) => sites.positions(),
            Err(e) => panic!("the default sites.toml does not load: {e:#?}"),
        }
    }

    /// The metric written out again, independently of `cost`.
    fn brute_force(points: &[(u16, u16)], from: usize, dir: Direction) -> Option<usize> {
        let (fx, fy) = (i64::from(points[from].0), i64::from(points[from].1));
        let mut best: Option<(i64, usize)> = None;
        for (i, &(x, y)) in points.iter().enumerate() {
            let (dx, dy) = (i64::from(x) - fx, i64::from(y) - fy);
            let d = match dir {
                Direction::Right if dx > 0 => dx + 2 * (2 * dy.abs()),
                Direction::Left if dx < 0 => -dx + 2 * (2 * dy.abs()),
                Direction::Down if dy > 0 => 2 * dy + 2 * dx.abs(),
                Direction::Up if dy < 0 => -2 * dy + 2 * dx.abs(),
                _ => continue,
            };
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }

    fn reachable_from(points: &[(u16, u16)], start: usize) -> Vec<bool> {
        let mut seen = vec![false; points.len()];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(i) = queue.pop_front() {
            for dir in ALL {
                if let Some(j) = neighbour(points, i, dir)
                    && !seen[j]
                {
                    seen[j] = true;
                    queue.push_back(j);
                }
            }
        }
        seen
    }

    #[test]
    fn real_sites_neighbour_is_the_nearest_that_way() {
        let points = real_points();
        assert!(points.len() >= 10);
        for from in 0..points.len() {
            for dir in ALL {
                assert_eq!(neighbour(&points, from, dir), brute_force(&points, from, dir), "from {from} {dir:?}");
            }
        }
    }

    #[test]
    fn real_sites_are_all_reachable_by_arrow_keys() {
        let points = real_points();
        for start in 0..points.len() {
            let seen = reachable_from(&points, start);
            let missing: Vec<usize> = (0..points.len()).filter(|&i| !seen[i]).collect();
            assert!(missing.is_empty(), "from site {start}, arrow keys never reach {missing:?}");
        }
    }

    #[test]
    fn real_sites_steps_move_or_stop() {
        let points = real_points();
        for from in 0..points.len() {
            for dir in ALL {
                if let Some(to) = neighbour(&points, from, dir) {
                    assert_ne!(to, from);
                    assert!(to < points.len());
                    assert!(cost(points[from], points[to], dir).is_some());
                }
            }
        }
    }

    #[test]
    fn picks_straight_ahead_over_off_axis() {
        //  0 at (10, 5); 1 right and one row down; 2 further right on the same row.
        let points = [(10, 5), (13, 6), (16, 5)];
        // right: 1 costs 3 + 4 = 7, 2 costs 6: same row wins
        assert_eq!(neighbour(&points, 0, Direction::Right), Some(2));
        assert_eq!(neighbour(&points, 0, Direction::Down), Some(1));
        assert_eq!(neighbour(&points, 0, Direction::Up), None);
        assert_eq!(neighbour(&points, 0, Direction::Left), None);
        // left from 2: 0 costs 6, 1 costs 3 + 4 = 7
        assert_eq!(neighbour(&points, 2, Direction::Left), Some(0));
    }

    #[test]
    fn ties_go_to_the_lower_index() {
        let points = [(5, 5), (7, 6), (7, 4)];
        assert_eq!(neighbour(&points, 0, Direction::Right), Some(1));
        let points = [(5, 5), (7, 4), (7, 6)];
        assert_eq!(neighbour(&points, 0, Direction::Right), Some(1));
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(neighbour(&[], 0, Direction::Up), None);
        assert_eq!(neighbour(&[(1, 1)], 0, Direction::Up), None);
        assert_eq!(neighbour(&[(1, 1)], 5, Direction::Up), None);
        assert_eq!(neighbour(&[(1, 1), (1, 1)], 0, Direction::Right), None, "same spot is no direction");
        assert_eq!(neighbour(&[(0, 0), (u16::MAX, u16::MAX)], 0, Direction::Right), Some(1));
    }

    #[test]
    fn cycle_wraps() {
        assert_eq!(cycle(3, 0, true), 1);
        assert_eq!(cycle(3, 2, true), 0);
        assert_eq!(cycle(3, 0, false), 2);
        assert_eq!(cycle(3, 1, false), 0);
        assert_eq!(cycle(0, 0, true), 0);
        assert_eq!(cycle(0, 4, false), 0);
        assert_eq!(cycle(1, 0, true), 0);
        assert_eq!(cycle(3, 9, true), 0);
        assert_eq!(cycle(3, 9, false), 2);
        assert_eq!(cycle(usize::MAX, usize::MAX - 1, true), 0);
        assert_eq!(cycle(usize::MAX, usize::MAX - 1, false), usize::MAX - 2);
    }

    #[test]
    fn nearest_to_a_click() {
        let points = [(10, 5), (20, 5), (10, 9)];
        assert_eq!(nearest(&points, (11, 5)), Some((0, 1)));
        assert_eq!(nearest(&points, (10, 8)), Some((2, 2)));
        assert_eq!(nearest(&points, (15, 5)), Some((0, 5)), "tie goes to the lower index");
        assert_eq!(nearest(&[], (0, 0)), None);
    }

    proptest! {
        #[test]
        fn neighbour_is_always_that_way(
            points in prop::collection::vec((0u16..60, 0u16..30), 0..25),
            from in 0usize..30,
            d in 0usize..4,
        ) {
            let dir = ALL[d];
            match neighbour(&points, from, dir) {
                None => {
                    if from < points.len() {
                        prop_assert_eq!(brute_force(&points, from, dir), None);
                    }
                }
                Some(to) => {
                    prop_assert!(from < points.len() && to < points.len() && to != from);
                    let (f, t) = (points[from], points[to]);
                    let ok = match dir {
                        Direction::Right => t.0 > f.0,
                        Direction::Left => t.0 < f.0,
                        Direction::Down => t.1 > f.1,
                        Direction::Up => t.1 < f.1,
                    };
                    prop_assert!(ok, "{:?} from {:?} went to {:?}", dir, f, t);
                    prop_assert_eq!(Some(to), brute_force(&points, from, dir));
                }
            }
        }

        #[test]
        fn cycle_stays_in_range(len in 0usize..50, from in 0usize..60, forward: bool) {
            let next = cycle(len, from, forward);
            prop_assert!(len == 0 && next == 0 || next < len);
        }
    }
}

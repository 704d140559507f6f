//! Interleaved timing for ratios: each round runs every case once, in turn, so that
//! machine load (these machines are shared) falls on all cases alike. The medians
//! are printed and written to `target/criterion/paired_<name>.json`, which
//! `bench/criterion_table.py` reads.

#![allow(dead_code)]

use std::time::Instant;

/// Run `rounds` rounds of `cases` (name, closure); returns each case's median in seconds.
pub fn run(name: &str, rounds: usize, cases: &mut [(&str, &mut dyn FnMut())]) -> Vec<f64> {
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for (i, (_, case)) in cases.iter_mut().enumerate() {
            let start = Instant::now();
            case();
            samples[i].push(start.elapsed().as_secs_f64());
        }
    }
    let medians: Vec<f64> = samples
        .iter_mut()
        .map(|s| {
            s.sort_by(f64::total_cmp);
            s[s.len() / 2]
        })
        .collect();
    let fields: Vec<String> = cases.iter().zip(&medians).map(|((case, _), m)| format!("\"{case}\": {m:e}")).collect();
    for ((case, _), m) in cases.iter().zip(&medians) {
        eprintln!("paired {name}/{case}: median {:.1} µs of {rounds} interleaved rounds", m * 1e6);
    }
    let dir =
        std::path::Path::new(&std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into())).join("criterion");
    let _ = std::fs::create_dir_all(&dir);
    let json = format!("{{\"rounds\": {rounds}, \"medians\": {{{}}}}}\n", fields.join(", "));
    let _ = std::fs::write(dir.join(format!("paired_{name}.json")), json);
    medians
}

/// True when criterion was asked only to list the benches.
pub fn listing() -> bool {
    std::env::args().any(|a| a == "--list")
}

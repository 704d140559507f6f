//! Writes the benchmark Markdown (the same text `benches/render.rs` renders) to a file.
//!
//! `cargo run --release --example gen_markdown -- OUT.md [MEGABYTES]` (default 5)

#[path = "../benches/common/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().expect("usage: gen_markdown OUT.md [MEGABYTES]");
    let megabytes: usize = args.next().map_or(5, |m| m.parse().expect("MEGABYTES is a number"));
    std::fs::write(out, corpus::markdown(megabytes * 1024 * 1024))
}

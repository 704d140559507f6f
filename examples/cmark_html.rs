//! The yardstick for `bench/run`: pulldown-cmark's own HTML writer, whole process.
//! Reads a Markdown file and writes HTML to stdout with the renderer's extensions.
//!
//! `cargo run --release --example cmark_html -- FILE.md > out.html`

use std::io::Write;

use pulldown_cmark::{Options, Parser, html};

fn main() -> std::io::Result<()> {
    let path = std::env::args_os().nth(1).expect("usage: cmark_html FILE.md");
    let text = std::fs::read_to_string(path)?;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    html::write_html_io(&mut out, Parser::new_ext(&text, options))?;
    out.flush()
}

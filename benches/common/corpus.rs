#![allow(dead_code)]
//! Deterministic Markdown for benchmarks: headings, paragraphs with emphasis, code
//! spans and links, nested lists, tables, fenced code and block quotes, in a fixed
//! pseudo-random mix. The same seed always gives the same text, so runs compare.

/// xorshift64*: small, fast and good enough to vary the text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

const WORDS: &[&str] = &[
    "cancer",
    "cells",
    "spread",
    "the",
    "body",
    "to",
    "and",
    "of",
    "a",
    "in",
    "lymph",
    "nodes",
    "liver",
    "lungs",
    "bones",
    "brain",
    "treatment",
    "care",
    "team",
    "can",
    "help",
    "you",
    "with",
    "pain",
    "often",
    "may",
    "feel",
    "tired",
    "scan",
    "shows",
    "where",
    "it",
    "is",
    "stage",
    "four",
    "means",
    "far",
    "from",
    "started",
    "doctor",
    "nurse",
    "ask",
    "about",
    "your",
    "options",
    "medicine",
    "therapy",
    "targeted",
    "immune",
    "radiation",
    "surgery",
    "symptoms",
    "breath",
    "short",
    "appetite",
    "weight",
    "sleep",
    "family",
    "support",
    "plan",
    "goals",
    "comfort",
    "living",
    "well",
    "months",
    "years",
    "remission",
    "stable",
    "disease",
    "metastasis",
    "metastases",
    "palliative",
    "oncologist",
    "biopsy",
    "blood",
    "tests",
    "results",
    "naïve",
    "café",
    "résumé",
    "—",
    "coöperate",
];

const CODE: &[&str] = &[
    "let dose = plan.next_dose(today);",
    "if scan.shows_growth() { team.review(&scan); }",
    "for site in body.sites() { println!(\"{}\", site.name); }",
    "fn main() {",
    "}",
    "    return Ok(summary);",
    "match stage { Stage::Four => palliative(), _ => curative() }",
    "// a long comment line that goes on and on to test how code lines wrap at narrow widths in the reader view",
    "SELECT id, name FROM lessons WHERE read = false ORDER BY position;",
];

const URLS: &[&str] = &[
    "https://www.cancer.gov/about-cancer/diagnosis-staging/staging",
    "staging#t-n-and-m",
    "palliative-care",
    "https://example.org/a/rather/long/path/that/goes/on?query=value&other=thing",
    "symptoms#bones",
];

/// Between `lo` and `hi` words.
fn words(rng: &mut Rng, out: &mut String, lo: usize, hi: usize) {
    for i in 0..rng.range(lo, hi) {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(WORDS));
    }
}

/// A sentence with, now and then, emphasis, strong text, a code span or a link.
fn sentence(rng: &mut Rng, out: &mut String) {
    let n = rng.range(5, 16);
    let mut first = true;
    let mut i = 0;
    while i < n {
        if !first {
            out.push(' ');
        }
        first = false;
        match rng.range(0, 19) {
            0 => {
                out.push('*');
                words(rng, out, 1, 3);
                out.push('*');
            }
            1 => {
                out.push_str("**");
                words(rng, out, 1, 3);
                out.push_str("**");
            }
            2 => {
                out.push('`');
                out.push_str(rng.pick(&["dose", "stage = 4", "M1", "CT scan", "PET-CT"]));
                out.push('`');
            }
            3 => {
                out.push('[');
                words(rng, out, 1, 4);
                out.push_str("](");
                out.push_str(rng.pick(URLS));
                out.push(')');
            }
            _ => out.push_str(rng.pick(WORDS)),
        }
        i += 1;
    }
    out.push('.');
}

/// Sentences, with the source wrapped near 72 columns as people write it.
fn paragraph(rng: &mut Rng, out: &mut String, prefix: &str) {
    let mut text = String::new();
    for _ in 0..rng.range(2, 6) {
        if !text.is_empty() {
            text.push(' ');
        }
        sentence(rng, &mut text);
    }
    let mut col = 0;
    out.push_str(prefix);
    for word in text.split(' ') {
        if col > 0 && col + word.len() > 72 {
            out.push('\n');
            out.push_str(prefix);
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out.push('\n');
}

fn list(rng: &mut Rng, out: &mut String, depth: usize) {
    let ordered = rng.range(0, 2) == 0;
    let indent = "   ".repeat(depth);
    for i in 1..=rng.range(2, 6) {
        out.push_str(&indent);
        if ordered {
            out.push_str(&format!("{i}. "));
        } else {
            out.push_str("-  ");
        }
        sentence(rng, out);
        out.push('\n');
        if depth < 2 && rng.range(0, 3) == 0 {
            list(rng, out, depth + 1);
        }
    }
}

fn table(rng: &mut Rng, out: &mut String) {
    let cols = rng.range(2, 5);
    let row = |rng: &mut Rng, out: &mut String, header: bool| {
        out.push('|');
        for _ in 0..cols {
            out.push(' ');
            if !header && rng.range(0, 5) == 0 {
                out.push_str("**");
                words(rng, out, 1, 2);
                out.push_str("**");
            } else {
                words(rng, out, 1, if header { 2 } else { 5 });
            }
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(rng, out, true);
    out.push('|');
    for _ in 0..cols {
        out.push_str(rng.pick(&[" --- |", " :-- |", " :-: |", " --: |"]));
    }
    out.push('\n');
    for _ in 0..rng.range(2, 8) {
        row(rng, out, false);
    }
}

fn code(rng: &mut Rng, out: &mut String) {
    out.push_str("```rust\n");
    for _ in 0..rng.range(2, 12) {
        out.push_str(rng.pick(CODE));
        out.push('\n');
    }
    out.push_str("```\n");
}

/// One block, followed by a blank line.
fn block(rng: &mut Rng, out: &mut String, section: &mut usize) {
    match rng.range(0, 19) {
        0..=1 => {
            *section += 1;
            let level = rng.range(1, 3);
            out.push_str(&"#".repeat(level));
            out.push(' ');
            words(rng, out, 2, 6);
            out.push_str(&format!(" {section}\n"));
        }
        2..=4 => list(rng, out, 0),
        5 => table(rng, out),
        6..=7 => code(rng, out),
        8 => paragraph(rng, out, "> "),
        _ => paragraph(rng, out, ""),
    }
    out.push('\n');
}

/// At least `min_bytes` of Markdown.
pub fn markdown(min_bytes: usize) -> String {
    let mut rng = Rng::new(0x5eed_1234);
    let mut out = String::with_capacity(min_bytes + 4096);
    let mut section = 0;
    out.push_str("# A long document\n\n");
    while out.len() < min_bytes {
        block(&mut rng, &mut out, &mut section);
    }
    out
}

/// A lesson file (front matter and body) of `lines` body lines, shaped like the
/// real ones: a `##` section every ten lines or so, each with a few blocks.
pub fn lesson(id: &str, lines: usize) -> String {
    let mut rng = Rng::new(0x1e55_0123);
    let mut body = String::from("# A long lesson\n\n");
    let mut count = 2;
    let mut section = 0;
    let mut chunk = String::new();
    while count < lines {
        section += 1;
        chunk.clear();
        chunk.push_str("## Part ");
        words(&mut rng, &mut chunk, 1, 4);
        chunk.push_str(&format!(" {section}\n\n"));
        while chunk.bytes().filter(|&b| b == b'\n').count() < 8 {
            let mut unused = 0;
            block(&mut rng, &mut chunk, &mut unused);
        }
        count += chunk.bytes().filter(|&b| b == b'\n').count();
        body.push_str(&chunk);
    }
    let cut = body.match_indices('\n').nth(lines - 1).map_or(body.len(), |(i, _)| i + 1);
    body.truncate(cut);
    format!(
        "+++\nid = \"{id}\"\ntitle = \"A lesson of {lines} lines\"\nsummary = \"For benchmarks.\"\n\
         sources = [\"Generated\"]\nreviewed = 2026-11-25\n+++\n{body}"
    )
}

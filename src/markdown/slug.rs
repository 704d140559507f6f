//! Heading anchors: GitHub-like slugs, made unique per document.

use std::collections::HashMap;

use pulldown_cmark::Options;

/// The Markdown every part of the program reads lessons with. Heading attributes let a
/// heading name its own anchor (`## Remisión {#remission}`), so a pack in another language
/// keeps the same link targets as the English one.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading's anchor: its own `{#id}` if it has one, else the slug of its text.
pub fn anchor_of(id: Option<&str>, title: &str) -> String {
    match id {
        Some(id) if !slugify(id).is_empty() => slugify(id),
        _ => slugify(title),
    }
}

/// Heading text → anchor slug: lowercase; letters/digits kept (Unicode alphanumerics);
/// whitespace and '-' become '-'; everything else dropped; runs of '-' collapsed;
/// leading/trailing '-' trimmed. "T, N and M" → "t-n-and-m".
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            // a pending dash is written only between kept characters: trims both ends
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' {
            dash = true;
        }
    }
    out
}

/// Gives each heading a slug no earlier heading has: "a", "a-1", "a-2"…
#[derive(Default)]
pub(super) struct Slugger {
    /// Slug → how many suffixes were tried for it.
    seen: HashMap<String, usize>,
}

impl Slugger {
    pub fn unique(&mut self, base: String) -> String {
        let Some(&tried) = self.seen.get(&base) else {
            self.seen.insert(base.clone(), 0);
            return base;
        };
        let mut n = tried;
        loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.seen.contains_key(&candidate) {
                self.seen.insert(base, n);
                self.seen.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

//! Heading anchors: GitHub-like slugs, made unique per document.

use std::collections::HashMap;

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

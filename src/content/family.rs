//! The family check: packs of one family are the same lessons in other languages, so each
//! lesson id, section anchor, quiz question id, body-map site id and interface word of one
//! should be in every other. `check` lists any that one pack has and another lacks.
//!
//! The family: the built-in packs (ids `default-…`) are one family, and a pack that
//! `extends` the built-in pack joins it; `check A B …` makes the folders named one family
//! for that run. Glossary terms are not compared: their ids are the words themselves, which
//! differ from language to language.

use std::collections::BTreeMap;

use super::check::{Finding, Severity, display_path};
use super::{ContentPack, PackFiles, pack_words};

/// One item a pack of the family should have, and where it is written.
struct Item {
    file: String,
    line: usize,
}

/// A pack as the family check sees it.
pub struct Member<'a> {
    pub pack: &'a ContentPack,
    pub files: &'a PackFiles,
}

impl Member<'_> {
    fn name(&self) -> String {
        self.pack.manifest.as_ref().map_or_else(|| self.pack.origin.clone(), |m| m.id.clone())
    }

    fn language(&self) -> &str {
        self.pack.manifest.as_ref().map_or("en", |m| m.language.as_str())
    }

    /// Every item by kind and id (sorted, so messages come in a steady order).
    fn items(&self) -> BTreeMap<(&'static str, String), Item> {
        let shown = |file: &str| display_path(self.files, file);
        let mut items = BTreeMap::new();
        for lesson in &self.pack.lessons {
            items.insert(("lesson", lesson.id.clone()), Item { file: shown(&lesson.file), line: 1 });
            for section in &lesson.sections {
                let id = format!("{}#{}", lesson.id, section.slug);
                items.insert(("section", id), Item { file: shown(&lesson.file), line: section.line });
            }
        }
        for q in &self.pack.questions {
            let id = format!("{}/{}", q.lesson, q.id);
            items.insert(("quiz question", id), Item { file: shown(&q.file), line: q.line });
        }
        if let Some(sites) = &self.pack.sites {
            for site in &sites.sites {
                items.insert(("site", site.id.clone()), Item { file: shown("sites.toml"), line: site.line });
            }
        }
        // English fills every gap, so words are compared between two other languages only;
        // against English the missing-words warning already lists them.
        if self.language() != "en" {
            let file = if self.files.read(pack_words::FILE).is_ok() { pack_words::FILE } else { super::manifest::FILE };
            for key in pack_words::effective(self.files, self.language()).keys() {
                items.insert(("interface word", key.to_string()), Item { file: shown(file), line: 1 });
            }
        }
        items
    }
}

/// The built-in packs `own` should be compared with: those of its family in other languages.
pub fn builtin_relatives(own: &ContentPack) -> Vec<PackFiles> {
    let Some(manifest) = &own.manifest else { return Vec::new() };
    let in_family = manifest.id.starts_with("default-") || manifest.extends.is_some();
    let others = [("en", PackFiles::Embedded), ("es", PackFiles::EmbeddedSpanish)];
    others.into_iter().filter(|(code, _)| in_family && *code != manifest.language).map(|(_, files)| files).collect()
}

/// Warnings for each item one of `own` and `other` has and the other lacks, at the file and
/// line of the pack that has it.
pub fn compare(own: &Member, other: &Member) -> Vec<Finding> {
    let (mine, theirs) = (own.items(), other.items());
    let words_too = own.language() != "en" && other.language() != "en";
    let mut findings = Vec::new();
    let mut warn = |item: &Item, message: String| {
        findings.push(Finding {
            severity: Severity::Warning,
            file: item.file.clone(),
            line: item.line,
            message,
            rule: None,
        });
    };
    for ((kind, id), item) in &mine {
        if !theirs.contains_key(&(kind, id.clone())) && (words_too || *kind != "interface word") {
            warn(item, format!("{kind} `{id}` is missing in {} of the same family", other.name()));
        }
    }
    for ((kind, id), item) in &theirs {
        if !mine.contains_key(&(kind, id.clone())) && (words_too || *kind != "interface word") {
            warn(item, format!("{kind} `{id}` of {} is missing in this pack ({})", other.name(), own.name()));
        }
    }
    findings
}

/// What `check` adds for one pack: the interface words it would show in English (a
/// warning, and the full list of keys), and the family check against the built-in packs
/// of its family.
pub fn check_pack(files: &PackFiles, pack: &ContentPack) -> (Vec<Finding>, Vec<String>) {
    let mut findings = Vec::new();
    let language = pack.manifest.as_ref().map_or("en", |m| m.language.as_str());
    let mut missing_words = Vec::new();
    if let Some((file, missing)) = pack_words::missing(files, language) {
        findings.push(Finding {
            severity: Severity::Warning,
            file: display_path(files, file),
            line: 1,
            message: pack_words::missing_message(language, &missing),
            rule: None,
        });
        missing_words = missing.into_iter().map(str::to_string).collect();
    }
    let own = Member { pack, files };
    for other_files in builtin_relatives(pack) {
        let (other, _) = super::load_with_errors(&other_files);
        findings.extend(compare(&own, &Member { pack: &other, files: &other_files }));
    }
    (findings, missing_words)
}

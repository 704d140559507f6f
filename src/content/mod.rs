//! The content pack: lessons (and later quizzes, sites, glossary, survival data),
//! loaded from a folder or from the default pack embedded in the binary.

pub mod check;
pub mod checkin;
pub mod detail;
pub mod family;
pub mod files;
pub mod glossary;
pub mod language;
pub mod lesson;
pub mod literacy;
pub mod manifest;
pub mod pack_words;
pub mod plain_language;
pub mod quiz;
pub mod readability;
pub mod readability_es;
pub mod signs;
pub mod sites;
pub mod survival;
mod toml_util;
pub mod watch;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::markdown;

pub use files::PackFiles;
pub use glossary::Glossary;
pub use lesson::{Lesson, Section};
pub use manifest::Manifest;
pub use quiz::Question;
pub use sites::Sites;
pub use survival::Survival;

/// A problem in a content file, shown as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl ContentError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        // File names and quoted content can hold anything: keep them harmless on a terminal.
        let clean = |s: String| markdown::sanitize(&s).into_owned();
        ContentError { file: clean(file.into()), line, message: clean(message.into()) }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line 0 means the whole file (it could not be opened, say).
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            line => write!(f, "{}:{line}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ContentError {}

/// Every problem found while loading a pack, so an educator can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackErrors(pub Vec<ContentError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackErrors {}

/// The lesson whose front matter lists the general questions for the care team.
const GENERAL_QUESTIONS_LESSON: &str = "questions-for-your-care-team";

#[derive(Debug, Clone)]
pub struct ContentPack {
    /// Where the pack came from, for messages: "built-in pack" or a folder path.
    pub origin: String,
    pub lessons: Vec<Lesson>,
    /// Every quiz question, in lesson order.
    pub questions: Vec<Question>,
    pub glossary: Glossary,
    /// The body map and its spread sites, if the pack has them.
    pub sites: Option<Sites>,
    /// Survival figures for the chart, in file order.
    pub survival: Vec<Survival>,
    /// The weekly symptom check-in (`checkin.toml`), if the pack has one.
    pub checkin: Option<crate::checkin::Form>,
    /// `pack.toml`: the pack's name, publisher and home groups (None in an old pack).
    pub manifest: Option<Manifest>,
    /// One of the packs built into the program (not `--content`): switching language
    /// in the tutor switches to the built-in pack of that language.
    pub builtin: bool,
}

impl ContentPack {
    /// The id under which the progress file keeps this pack's reading places and review
    /// schedule: the manifest's, or the built-in English pack's for a pack without one.
    pub fn progress_id(&self) -> &str {
        self.manifest.as_ref().map_or(crate::progress::FILE_PACK, |m| m.id.as_str())
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn lesson_index(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.id == id)
    }

    /// "Lesson title › Section title" for a `lesson-id#anchor` target, for people
    /// rather than machines to read. None if the target is not in the pack.
    pub fn target_label(&self, target: &str) -> Option<String> {
        let link = InternalLink::parse(target)?;
        let lesson = self.lesson(link.lesson)?;
        let title = markdown::sanitize(&lesson.title);
        Some(match link.anchor.and_then(|a| lesson.sections.iter().find(|s| s.slug == a)) {
            Some(section) => format!("{title} › {}", markdown::sanitize(&section.title)),
            None => title.into_owned(),
        })
    }

    /// The questions of one lesson's quiz.
    pub fn quiz(&self, lesson_id: &str) -> Vec<&Question> {
        self.questions.iter().filter(|q| q.lesson == lesson_id).collect()
    }

    /// Questions to suggest for the care team: those of `lesson` (if given), then the
    /// general ones, each once.
    pub fn suggested_questions(&self, lesson: Option<&str>) -> Vec<String> {
        let mut suggestions: Vec<String> =
            lesson.and_then(|id| self.lesson(id)).map(|l| l.questions.clone()).unwrap_or_default();
        if let Some(general) = self.lesson(GENERAL_QUESTIONS_LESSON) {
            for q in &general.questions {
                if !suggestions.contains(q) {
                    suggestions.push(q.clone());
                }
            }
        }
        suggestions
    }

    pub fn lesson_ids(&self) -> Vec<&str> {
        self.lessons.iter().map(|l| l.id.as_str()).collect()
    }

    /// Home's list: each group's title (None for a pack without groups) and its
    /// lessons as indices, in the order shown. Lessons no group names come last,
    /// under no title, so every lesson can be reached.
    pub fn home_groups(&self) -> Vec<(Option<&str>, Vec<usize>)> {
        let groups = self.manifest.as_ref().map_or(&[][..], |m| &m.groups[..]);
        // One look-up per id (home draws this every frame; a pack may be large).
        let index: std::collections::HashMap<&str, usize> = if groups.is_empty() {
            Default::default()
        } else {
            self.lessons.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect()
        };
        let mut placed = vec![false; self.lessons.len()];
        let mut shown = Vec::new();
        for group in groups {
            let mut members = Vec::new();
            for id in &group.lessons {
                if let Some(&i) = index.get(id.id.as_str()).filter(|&&i| !placed[i]) {
                    placed[i] = true;
                    members.push(i);
                }
            }
            if !members.is_empty() {
                shown.push((Some(group.title.as_str()), members));
            }
        }
        let rest: Vec<usize> = (0..self.lessons.len()).filter(|&i| !placed[i]).collect();
        if !rest.is_empty() {
            shown.push((None, rest));
        }
        shown
    }
}

/// Load the default pack embedded in the binary.
pub fn load_embedded() -> Result<ContentPack, PackErrors> {
    load(&PackFiles::Embedded)
}

/// Load the built-in pack in `language` (English for a language without one). The
/// Spanish pack is mixed for now: see [`files::EMBEDDED_SPANISH`].
pub fn load_builtin(language: &str) -> Result<ContentPack, PackErrors> {
    load(&PackFiles::builtin(language))
}

/// The built-in pack of `language`, loaded at most once a run and kept for the rest of
/// it: the plain session holds its pack by reference and may switch language often.
pub fn builtin_for_run(language: &str) -> Result<&'static ContentPack, PackErrors> {
    static LOADED: std::sync::Mutex<Vec<(String, &'static ContentPack)>> = std::sync::Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, pack)) = loaded.iter().find(|(code, _)| code == language) {
        return Ok(pack);
    }
    let pack: &'static ContentPack = Box::leak(Box::new(load_builtin(language)?));
    loaded.push((language.to_string(), pack));
    Ok(pack)
}

/// Load a pack from a folder on disk (either layout, see [`PackFiles::dir`]).
pub fn load_dir(dir: &Path) -> Result<ContentPack, PackErrors> {
    load(&PackFiles::dir(dir).map_err(|e| PackErrors(vec![e]))?)
}

pub fn load(files: &PackFiles) -> Result<ContentPack, PackErrors> {
    let (pack, errors) = load_with_errors(files);
    if errors.is_empty() { Ok(pack) } else { Err(PackErrors(errors)) }
}

/// Load what can be loaded, and every problem found: `check` reports on both.
pub fn load_with_errors(files: &PackFiles) -> (ContentPack, Vec<ContentError>) {
    let (pack, errors, _) = load_with_origins(files);
    (pack, errors)
}

/// How messages name a file of the built-in pack when another pack builds on it.
pub const BASE_PREFIX: &str = "default:";

/// The one pack a manifest may name in `extends`: the built-in pack.
pub const BASE_NAME: &str = "default";

/// Where one item of a merged pack came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    /// "lesson", "quiz", "glossary term" or "site".
    pub kind: &'static str,
    pub id: String,
    /// The file, as messages name it (`default:…` for the built-in pack's).
    pub file: String,
}

/// One layer of a pack: the built-in base (its files named `default:…`), or the pack itself.
struct Layer {
    files: PackFiles,
    prefix: &'static str,
}

impl Layer {
    fn name(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// A problem in this layer's file, named as messages name it.
    fn named(&self, mut error: ContentError) -> ContentError {
        if !self.prefix.is_empty() && !error.file.starts_with(self.prefix) {
            error.file = self.name(&error.file);
        }
        error
    }
}

/// Read a pack file by the name messages give it (`default:…` is the built-in pack's).
pub fn read_named(files: &PackFiles, name: &str) -> Result<String, ContentError> {
    match name.strip_prefix(BASE_PREFIX) {
        Some(path) => PackFiles::Embedded.read(path),
        None => files.read(name),
    }
}

/// The layers of a pack: the base it `extends` (if any) first, then the pack itself.
fn layers(files: &PackFiles, errors: &mut Vec<ContentError>) -> Vec<Layer> {
    let own = Layer { files: files.clone(), prefix: "" };
    let Some((base, line)) = extends_of(files) else { return vec![own] };
    if base != BASE_NAME {
        errors.push(ContentError::new(
            manifest::FILE,
            line,
            format!(
                "unknown base pack `{base}` in `extends`: only \"{BASE_NAME}\" (the built-in pack) can be extended"
            ),
        ));
        return vec![own];
    }
    // The built-in pack saying `extends` is itself the base that extends.
    let base_extends = match files {
        PackFiles::Embedded => Some(base),
        PackFiles::EmbeddedSpanish | PackFiles::Dir(_) => extends_of(&PackFiles::Embedded).map(|(then, _)| then),
    };
    if let Some(error) = cycle_error(base_extends.as_deref(), line) {
        errors.push(error);
        return vec![own];
    }
    vec![Layer { files: PackFiles::Embedded, prefix: BASE_PREFIX }, own]
}

/// Only the built-in pack can be a base, so a cycle is a base that itself extends a pack
/// (`base_extends`); `line` is where the pack being loaded says `extends`.
fn cycle_error(base_extends: Option<&str>, line: usize) -> Option<ContentError> {
    base_extends.map(|then| {
        ContentError::new(
            manifest::FILE,
            line,
            format!(
                "`extends` makes a cycle ({BASE_NAME} → {then} → …): the built-in pack cannot build on another \
                 pack; remove `extends` from its {}",
                manifest::FILE
            ),
        )
    })
}

/// The language a layer's lessons are written in, by its own manifest (English without one).
fn layer_language(files: &PackFiles) -> &'static language::Language {
    let code = files.read(manifest::FILE).ok().and_then(|text| manifest::parse(manifest::FILE, &text).ok());
    language::markers(code.as_ref().map_or("en", |m| m.language.as_str()))
}

/// The `extends` of a pack's manifest and its line, if it has one and it parses.
fn extends_of(files: &PackFiles) -> Option<(String, usize)> {
    let text = files.read(manifest::FILE).ok()?;
    manifest::parse(manifest::FILE, &text).ok()?.extends
}

/// Like [`load_with_errors`], and where each lesson, quiz, glossary term and site came from.
pub fn load_with_origins(files: &PackFiles) -> (ContentPack, Vec<ContentError>, Vec<Origin>) {
    let mut errors = Vec::new();
    let layers = layers(files, &mut errors);
    let mut lessons: Vec<Lesson> = Vec::new();
    // Lessons that failed to load: links to them are not reported again.
    let mut unreadable: Vec<String> = Vec::new();
    // Each lesson id → its index in `lessons`, to find duplicates with one look-up each.
    let mut first_with_id: HashMap<String, usize> = HashMap::new();

    let mut any_lesson = false;
    let mut list_failed = false;
    for layer in &layers {
        let mut own: Vec<Lesson> = Vec::new();
        first_with_id.clear();
        let paths = layer.files.list("lessons", "md").unwrap_or_else(|e| {
            list_failed = true;
            errors.push(layer.named(e));
            Vec::new()
        });
        let lang = layer_language(&layer.files);
        for path in paths {
            any_lesson = true;
            let name = layer.name(&path);
            let parse = |text: String| lesson::parse_in(&name, &text, true, lang);
            match layer.files.read(&path).map_err(|e| layer.named(e)).and_then(parse) {
                Ok(lesson) => {
                    if let Some(&first) = first_with_id.get(&lesson.id) {
                        unreadable.push(id_from_file_name(&path));
                        errors.push(ContentError::new(
                            &name,
                            2,
                            format!("lesson id `{}` is already used by {}", lesson.id, own[first].file),
                        ));
                    } else {
                        first_with_id.insert(lesson.id.clone(), own.len());
                        own.push(lesson);
                    }
                }
                Err(e) => {
                    unreadable.push(id_from_file_name(&path));
                    errors.push(e);
                }
            }
        }
        // A lesson with the id of a base lesson replaces it; new ones join in file-name order.
        lessons.retain(|base| !first_with_id.contains_key(&base.id));
        lessons.extend(own);
    }
    let file_name = |l: &Lesson| l.file.rsplit('/').next().unwrap_or(&l.file).to_string();
    lessons.sort_by_key(file_name);
    if !any_lesson && !list_failed {
        errors.push(ContentError::new(
            files.display("lessons"),
            0,
            "no lessons found: add Markdown files like lessons/01-intro.md",
        ));
    }
    for lesson in &lessons {
        for problem in detail::scan(&lesson.body, lesson.language.detail_prefix).1 {
            errors.push(ContentError::new(&lesson.file, lesson.body_line + problem.line - 1, problem.message));
        }
    }
    let targets = Targets::new(&lessons, &unreadable);
    errors.extend(check_links(&lessons, &targets));

    let questions = load_quizzes(&layers, &targets, &mut errors);
    let mut glossary = Glossary::default();
    let mut term_files: Vec<String> = Vec::new();
    // Each term (in lowercase) → its index, so that merging layers is one look-up a term.
    let mut term_index: HashMap<String, usize> = HashMap::new();
    for layer in &layers {
        let name = layer.name("glossary.toml");
        let parse = |_: &str, text: &str| glossary::parse(&name, text);
        let Some(own) = load_optional(layer, "glossary.toml", parse, &mut errors) else { continue };
        for term in own.terms {
            let key = term.term.to_ascii_lowercase();
            match term_index.get(&key).copied() {
                Some(i) => {
                    glossary.terms[i] = term;
                    term_files[i] = name.clone();
                }
                None => {
                    term_index.insert(key, glossary.terms.len());
                    glossary.terms.push(term);
                    term_files.push(name.clone());
                }
            }
        }
    }
    for (term, file) in glossary.terms.iter().zip(&term_files) {
        if let Some(problem) = term.see.as_deref().and_then(|see| targets.check(see)) {
            errors.push(ContentError::new(file, term.see_line, format!("`see` of `{}`: {problem}", term.term)));
        }
    }
    let mut survival = Vec::new();
    for layer in &layers {
        let name = layer.name("survival.toml");
        if let Some(own) = load_optional(layer, "survival.toml", |_, text| survival::parse(&name, text), &mut errors) {
            survival = own;
        }
    }
    let (sites, site_files) = load_sites(&layers, &targets, &mut errors);
    let own_layer = layers.last().map_or(files, |layer| &layer.files);
    let mut manifest =
        load_optional(&Layer { files: own_layer.clone(), prefix: "" }, manifest::FILE, manifest::parse, &mut errors);
    if let (Some(own), true) = (manifest.as_mut(), layers.len() > 1)
        && own.groups.is_empty()
        && let Some(base) = extends_base_manifest()
    {
        // A pack that builds on the default one and names no groups keeps the default's;
        // messages about them point at the line that says `extends`.
        let line = own.extends.as_ref().map_or(1, |(_, line)| *line);
        own.groups = base.groups;
        for group in &mut own.groups {
            group.line = line;
            group.lessons.iter_mut().for_each(|lesson| lesson.line = line);
        }
    }
    let language = manifest.as_ref().map_or("en", |m| m.language.as_str());
    if let Some(Err(problems)) = pack_words::load(own_layer, language) {
        errors.extend(problems);
    }
    let checkin = load_checkin(&layers, &targets, sites.as_ref(), &mut errors);
    if let Some(manifest) = &manifest {
        let known = |id: &str| lessons.iter().any(|l| l.id == id) || unreadable.iter().any(|u| u == id);
        errors.extend(manifest::check_groups(manifest, known));
    }

    let mut origins: Vec<Origin> = Vec::new();
    if layers.len() > 1 {
        let origin = |kind, id: &str, file: &str| Origin { kind, id: id.to_string(), file: file.to_string() };
        origins.extend(lessons.iter().map(|l| origin("lesson", &l.id, &l.file)));
        let mut quiz_files: Vec<(&str, &str)> =
            questions.iter().map(|q| (q.lesson.as_str(), q.file.as_str())).collect();
        quiz_files.dedup();
        origins.extend(quiz_files.into_iter().map(|(lesson, file)| origin("quiz", lesson, file)));
        origins.extend(glossary.terms.iter().zip(&term_files).map(|(t, f)| origin("glossary term", &t.term, f)));
        if let Some(sites) = &sites {
            origins.extend(sites.sites.iter().zip(&site_files).map(|(s, f)| origin("site", &s.id, f)));
        }
    }
    let builtin = matches!(files, PackFiles::Embedded | PackFiles::EmbeddedSpanish);
    let pack = ContentPack {
        origin: files.origin(),
        lessons,
        questions,
        glossary,
        sites,
        survival,
        checkin,
        manifest,
        builtin,
    };
    (pack, errors, origins)
}

/// The built-in pack's manifest, for a pack that builds on it.
fn extends_base_manifest() -> Option<Manifest> {
    let text = PackFiles::Embedded.read(manifest::FILE).ok()?;
    manifest::parse(manifest::FILE, &text).ok()
}

/// What lesson links may point at, for one look-up per link: each lesson's order and
/// section slugs, and the lessons that failed to load.
struct Targets<'a> {
    lessons: &'a [Lesson],
    /// Lesson id → (index in `lessons`, its section slugs).
    by_id: HashMap<&'a str, (usize, HashSet<&'a str>)>,
    unreadable: HashSet<&'a str>,
}

impl<'a> Targets<'a> {
    fn new(lessons: &'a [Lesson], unreadable: &'a [String]) -> Self {
        let by_id = lessons
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), (i, l.sections.iter().map(|s| s.slug.as_str()).collect())))
            .collect();
        Targets { lessons, by_id, unreadable: unreadable.iter().map(String::as_str).collect() }
    }

    /// The position of a lesson in the pack.
    fn order(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|(i, _)| *i)
    }

    /// Why a `lesson-id#anchor` target does not exist, or None if it does. Links to a
    /// lesson that failed to load are not judged: its own error says what to fix.
    fn check(&self, target: &str) -> Option<String> {
        let Some(link) = InternalLink::parse(target) else {
            return Some(format!("`{target}` is not a lesson link like `staging#what-m1-means`"));
        };
        if self.unreadable.contains(link.lesson) {
            return None;
        }
        let Some((index, slugs)) = self.by_id.get(link.lesson) else {
            let known = some_of(self.lessons.iter().map(|l| l.id.as_str()), self.lessons.len());
            return Some(format!("unknown lesson `{}` (lessons: {known})", link.lesson));
        };
        match link.anchor {
            Some(anchor) if !slugs.contains(anchor) => {
                let sections = &self.lessons[*index].sections;
                let known = some_of(sections.iter().map(|s| s.slug.as_str()), sections.len());
                Some(format!("unknown section `{}#{anchor}` (sections: {known})", link.lesson))
            }
            _ => None,
        }
    }
}

/// At most [`LISTED`] names, then how many more: a message that listed every one of
/// 100 000 sections, once per bad link, would make checking a pack quadratic.
fn some_of<'a>(names: impl Iterator<Item = &'a str>, count: usize) -> String {
    const LISTED: usize = 20;
    let mut shown = names.take(LISTED).collect::<Vec<_>>().join(", ");
    if count > LISTED {
        shown.push_str(&format!(" and {} more", count - LISTED));
    }
    shown
}

/// Internal links (`lesson-id` or `lesson-id#section`) must point at a real lesson and section.
fn check_links(lessons: &[Lesson], targets: &Targets) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for lesson in lessons {
        // Line numbers of many links: the line breaks are found once per lesson.
        let lines = toml_util::Lines::new(&lesson.body);
        let line_of = |offset: usize| lesson.body_line + lines.line(offset) - 1;
        for (target, offset) in markdown_link_targets(&lesson.body) {
            if let Some(Err(problem)) = ToolLink::parse(&target) {
                errors.push(ContentError::new(&lesson.file, line_of(offset), problem));
                continue;
            }
            if InternalLink::parse(&target).is_none() {
                continue;
            }
            if let Some(problem) = targets.check(&target) {
                errors.push(ContentError::new(&lesson.file, line_of(offset), format!("link to {problem}")));
            }
        }
    }
    errors
}

/// `quizzes/<lesson-id>.toml`, each checked against the lessons it points at. A pack that
/// builds on another replaces a base quiz by giving a quiz file of the same name.
fn load_quizzes(layers: &[Layer], targets: &Targets, errors: &mut Vec<ContentError>) -> Vec<Question> {
    // Each quiz file once, from the last layer that has it.
    let mut paths: Vec<(String, &Layer)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for layer in layers {
        let listed = layer.files.list("quizzes", "toml").unwrap_or_else(|e| {
            errors.push(layer.named(e));
            Vec::new()
        });
        for path in listed {
            match index.get(&path) {
                Some(&i) => paths[i].1 = layer,
                None => {
                    index.insert(path.clone(), paths.len());
                    paths.push((path, layer));
                }
            }
        }
    }
    let mut by_lesson: Vec<(usize, Vec<Question>)> = Vec::new();
    for (path, layer) in paths {
        let name = layer.name(&path);
        let lesson_id = path.trim_start_matches("quizzes/").trim_end_matches(".toml");
        let Some(order) = targets.order(lesson_id) else {
            if targets.unreadable.contains(lesson_id) {
                continue;
            }
            errors.push(ContentError::new(
                &name,
                0,
                format!("there is no lesson `{lesson_id}`: name a quiz file after its lesson's id"),
            ));
            continue;
        };
        let read = layer.files.read(&path).map_err(|e| vec![layer.named(e)]);
        match read.and_then(|text| quiz::parse(&name, lesson_id, &text)) {
            Ok(questions) => by_lesson.push((order, questions)),
            Err(found) => errors.extend(found),
        }
    }
    by_lesson.sort_by_key(|(order, _)| *order);
    let questions: Vec<Question> = by_lesson.into_iter().flat_map(|(_, q)| q).collect();
    let mut first_with_id: HashMap<&str, &Question> = HashMap::new();
    for q in &questions {
        if let Some(first) = first_with_id.get(q.id.as_str()) {
            errors.push(ContentError::new(
                &q.file,
                q.line,
                format!("question id `{}` is already used at {}:{}", q.id, first.file, first.line),
            ));
        } else {
            first_with_id.insert(&q.id, q);
        }
        if let Some(problem) = targets.check(&q.see) {
            errors.push(ContentError::new(&q.file, q.see_line, format!("`see`: {problem}")));
        }
    }
    questions
}

/// `sites.toml` and the body map art it names in `assets/`. A pack that builds on another
/// and has its own `sites.toml` replaces the base sites of the same id, adds the others, and
/// brings its own map. Also returns the file each site came from.
fn load_sites(layers: &[Layer], targets: &Targets, errors: &mut Vec<ContentError>) -> (Option<Sites>, Vec<String>) {
    const FILE: &str = "sites.toml";
    let mut merged: Option<Sites> = None;
    let mut files: Vec<String> = Vec::new();
    for layer in layers {
        if !layer.files.exists(FILE) {
            continue;
        }
        let name = layer.name(FILE);
        let loaded = layer.files.read(FILE).map_err(|e| vec![layer.named(e)]).and_then(|text| {
            let art_name = sites::art_name(&name, &text).map_err(|e| vec![e])?;
            let art_path = layer.name(&format!("assets/{art_name}"));
            let art = layer.files.read_asset(&art_name).map_err(|e| vec![layer.named(e)])?;
            sites::parse(&name, &text, &art_path, &art)
        });
        let own = match loaded {
            Ok(own) => own,
            Err(found) => {
                errors.extend(found);
                continue;
            }
        };
        for (target, line) in own.lesson_links() {
            if let Some(problem) = targets.check(target) {
                errors.push(ContentError::new(&name, line, format!("lesson link: {problem}")));
            }
        }
        let Some(mut base) = merged.take() else {
            files = vec![name; own.sites.len()];
            merged = Some(own);
            continue;
        };
        let mut index: HashMap<String, usize> = base.sites.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        for site in own.sites {
            match index.get(&site.id).copied() {
                Some(i) => {
                    base.sites[i] = site;
                    files[i] = name.clone();
                }
                None => {
                    index.insert(site.id.clone(), base.sites.len());
                    base.sites.push(site);
                    files.push(name.clone());
                }
            }
        }
        // Base sites must still sit on the new map.
        for (site, file) in base.sites.iter().zip(&files) {
            if site.x >= own.map.width || site.y >= own.map.height {
                errors.push(ContentError::new(
                    &name,
                    0,
                    format!(
                        "site `{}` from {file} is at ({}, {}), off this pack's body map: give a site of that id here",
                        site.id, site.x, site.y
                    ),
                ));
            }
        }
        base.map = own.map;
        base.synonyms.extend(own.synonyms);
        base.add_emergency_number(own.emergency_number);
        base.sources.extend(own.sources.into_iter().filter(|s| !base.sources.contains(s)).collect::<Vec<_>>());
        merged = Some(base);
    }
    (merged, files)
}

/// `checkin.toml`: each red flag must point at a section of `when-to-get-help`, and
/// each of its signs must be a "get help now" line of sites.toml (one sign, one tier).
fn load_checkin(
    layers: &[Layer],
    targets: &Targets,
    sites: Option<&Sites>,
    errors: &mut Vec<ContentError>,
) -> Option<crate::checkin::Form> {
    const FILE: &str = "checkin.toml";
    // A pack that builds on another and has its own check-in replaces the base one whole.
    let layer = layers.iter().rev().find(|layer| layer.files.exists(FILE))?;
    let name = layer.name(FILE);
    let parsed = load_optional(layer, FILE, |_, text| checkin::parse(&name, text), errors)?;
    // Each sign line of the body map, by its words, with its tier.
    let tiers: HashMap<Vec<String>, sites::Tier> = sites
        .map(|s| {
            s.sites
                .iter()
                .flat_map(|site| {
                    sites::Tier::ALL
                        .into_iter()
                        .flat_map(move |tier| tier.lines(site).iter().map(move |l| (signs::normalize(l), tier)))
                })
                .collect()
        })
        .unwrap_or_default();
    for (i, flag) in parsed.form.red_flags.iter().enumerate() {
        let see_line = parsed.see_lines[i];
        match InternalLink::parse(&flag.see) {
            Some(link) if link.lesson == GET_HELP_LESSON && link.anchor.is_some() => {
                if let Some(problem) = targets.check(&flag.see) {
                    errors.push(ContentError::new(FILE, see_line, format!("red flag `{}`: `see`: {problem}", flag.id)));
                }
            }
            _ => errors.push(ContentError::new(
                FILE,
                see_line,
                format!("red flag `{}`: `see` must be a section of {GET_HELP_LESSON}, like \"{GET_HELP_LESSON}#who-to-call\"", flag.id),
            )),
        }
        if sites.is_none() {
            continue;
        }
        for (sign, &line) in flag.signs.iter().zip(&parsed.sign_lines[i]) {
            let problem = match tiers.get(&signs::normalize(sign)) {
                Some(sites::Tier::Emergency) => continue,
                Some(tier) => format!("is in the `{}` list of sites.toml, not `emergency`", tier.key()),
                None => "is not a sign line of sites.toml: copy it word for word from an `emergency` list".to_string(),
            };
            errors.push(ContentError::new(
                FILE,
                line,
                format!("red flag `{}`: the sign \"{sign}\" {problem}", flag.id),
            ));
        }
    }
    Some(parsed.form)
}

/// Parse a pack file that a pack may leave out; its problems join `errors`.
fn load_optional<T>(
    layer: &Layer,
    path: &str,
    parse: impl Fn(&str, &str) -> Result<T, Vec<ContentError>>,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    if !layer.files.exists(path) {
        return None;
    }
    match layer.files.read(path).map_err(|e| vec![layer.named(e)]).and_then(|text| parse(path, &text)) {
        Ok(value) => Some(value),
        Err(found) => {
            errors.extend(found);
            None
        }
    }
}

/// The lesson id a file name suggests: `lessons/02-symptoms.md` → `symptoms`.
fn id_from_file_name(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md");
    let without_number = name.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['-', '_']);
    markdown::slugify(if without_number.is_empty() { name } else { without_number })
}

/// (target, byte offset) of every Markdown link in a body.
fn markdown_link_targets(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new_ext(body, crate::markdown::options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some((dest_url.to_string(), range.start)),
            _ => None,
        })
        .collect()
}

/// The lesson that says which signs need help now and who to call. The first-run notice,
/// home, every body-map place and a symptom search that finds nothing point to it.
pub const GET_HELP_LESSON: &str = "when-to-get-help";

/// A link from a lesson to one of the app's tools: `app:body-map` and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolLink {
    BodyMap,
    SurvivalChart,
    StagingExplorer,
    Glossary,
    MyQuestions,
    /// Adds "What is my care team's 24-hour number?" to My questions.
    AddCareTeamNumber,
    /// Opens the weekly symptom check-in.
    CheckIn,
}

impl ToolLink {
    pub const ALL: [(&'static str, ToolLink); 7] = [
        ("app:body-map", ToolLink::BodyMap),
        ("app:survival-chart", ToolLink::SurvivalChart),
        ("app:staging-explorer", ToolLink::StagingExplorer),
        ("app:glossary", ToolLink::Glossary),
        ("app:my-questions", ToolLink::MyQuestions),
        ("app:add-24-hour-number", ToolLink::AddCareTeamNumber),
        ("app:check-in", ToolLink::CheckIn),
    ];

    /// The tool a link target names, if it is an `app:` link.
    pub fn parse(target: &str) -> Option<Result<ToolLink, String>> {
        target.starts_with("app:").then(|| {
            Self::ALL.iter().find(|(name, _)| *name == target).map(|(_, tool)| *tool).ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown app link `{target}` (known: {})", names.join(", "))
            })
        })
    }
}

/// A link to another lesson: `lesson-id` or `lesson-id#anchor`. Anything with a
/// scheme, a path separator or a dot (URLs, files) is not internal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink<'a> {
    pub lesson: &'a str,
    pub anchor: Option<&'a str>,
}

impl<'a> InternalLink<'a> {
    pub fn parse(target: &'a str) -> Option<Self> {
        let (lesson, anchor) = match target.split_once('#') {
            Some((l, a)) => (l, Some(a)),
            None => (target, None),
        };
        let is_id =
            !lesson.is_empty() && lesson.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        is_id.then_some(InternalLink { lesson, anchor: anchor.filter(|a| !a.is_empty()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pack_loads_every_lesson_in_order() {
        let pack = load_embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            pack.lesson_ids(),
            vec![
                "what-is-metastasis",
                "when-to-get-help",
                "symptoms",
                "diagnosis",
                "staging",
                "prognosis",
                "remission-and-ned",
                "treatment",
                "palliative-care",
                "pain",
                "side-effects",
                "treatment-progress",
                "clinical-trials",
                "questions-for-your-care-team",
                "feelings-and-support",
                "for-carers",
                "daily-life",
                "planning-ahead",
                "near-the-end",
            ]
        );
    }

    #[test]
    fn the_spanish_pack_has_its_own_files() {
        let english = load_embedded().unwrap_or_else(|e| panic!("{e}"));
        let spanish = load_builtin("es").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(spanish.lesson_ids(), english.lesson_ids());
        assert_eq!(spanish.manifest.as_ref().map(|m| m.language.as_str()), Some("es"));
        assert_eq!(spanish.lesson("when-to-get-help").unwrap().title, "Cuándo pedir ayuda ahora mismo");
        assert_eq!(spanish.questions.len(), english.questions.len());
        assert_ne!(spanish.questions[0].prompt, english.questions[0].prompt);
        // Its own body map (names and picture), glossary, check-in and survival figures.
        let (es_sites, en_sites) = (spanish.sites.as_ref().unwrap(), english.sites.as_ref().unwrap());
        assert_eq!(es_sites.sites.len(), en_sites.sites.len());
        assert_eq!(es_sites.sites[0].name, "Todo el cuerpo");
        assert!(es_sites.map.rows.iter().any(|r| r.contains("Todo el")), "the Spanish body-map picture");
        assert!(!en_sites.map.rows.iter().any(|r| r.contains("Todo el")));
        assert_eq!(spanish.glossary.terms.len(), english.glossary.terms.len());
        assert!(spanish.checkin.is_some());
        assert_eq!(spanish.survival.len(), english.survival.len());
        let values = |p: &ContentPack| p.survival.iter().map(|r| (r.value, r.distant)).collect::<Vec<_>>();
        assert_eq!(values(&spanish), values(&english), "the same numbers in both languages");
        // Any other language: the English pack.
        assert_eq!(load_builtin("fr").unwrap().lesson("when-to-get-help").unwrap().title, "When to get help now");
    }

    #[test]
    fn an_extends_cycle_is_a_clear_error_and_the_built_in_pack_extends_nothing() {
        // The built-in pack itself names no base: a pack built on it is two layers.
        assert_eq!(extends_of(&PackFiles::Embedded), None);
        assert_eq!(cycle_error(None, 7), None);
        // A base that extends something (the default pack saying `extends`) is a cycle.
        let error = cycle_error(Some("default"), 7).unwrap();
        assert_eq!(
            error.to_string(),
            "pack.toml:7: `extends` makes a cycle (default → default → …): the built-in pack cannot build on another \
             pack; remove `extends` from its pack.toml"
        );
    }

    #[test]
    fn a_pack_that_extends_the_default_reports_an_unknown_base_or_a_cycle_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let manifest = |base: &str| {
            format!(
                "id = \"p\"\nname = \"P\"\nlanguage = \"en\"\nversion = \"1\"\npublisher = \"Us\"\nextends = \"{base}\"\n"
            )
        };
        std::fs::write(dir.path().join("pack.toml"), manifest("nope")).unwrap();
        let files = PackFiles::dir(dir.path()).unwrap();
        let mut errors = Vec::new();
        assert_eq!(layers(&files, &mut errors).len(), 1);
        assert!(errors[0].to_string().starts_with("pack.toml:6: unknown base pack `nope`"), "{errors:?}");
        std::fs::write(dir.path().join("pack.toml"), manifest("default")).unwrap();
        let mut errors = Vec::new();
        let found = layers(&files, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(found.iter().map(|l| l.prefix).collect::<Vec<_>>(), [BASE_PREFIX, ""]);
        // With only a manifest, the pack is the default one under its own name.
        let pack = load(&files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pack.lessons.len(), 19);
        assert!(pack.lessons[0].file.starts_with("default:lessons/"), "{}", pack.lessons[0].file);
        assert_eq!(pack.manifest.unwrap().name, "P");
    }

    #[test]
    fn internal_links_are_told_from_urls() {
        assert_eq!(
            InternalLink::parse("staging#what-m1-means"),
            Some(InternalLink { lesson: "staging", anchor: Some("what-m1-means") })
        );
        assert_eq!(InternalLink::parse("staging"), Some(InternalLink { lesson: "staging", anchor: None }));
        assert_eq!(InternalLink::parse("https://cancer.gov"), None);
        assert_eq!(InternalLink::parse("notes.md"), None);
        assert_eq!(InternalLink::parse("#top"), None);
    }

    #[test]
    fn broken_links_are_reported_with_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let lesson = |id: &str, body: &str| {
            format!(
                "+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n{body}"
            )
        };
        std::fs::write(
            dir.path().join("lessons/01-a.md"),
            lesson("a", "# A\n\n## One\n\nSee [b](b#nope).\n\nAnd [c](c).\n"),
        )
        .unwrap();
        std::fs::write(dir.path().join("lessons/02-b.md"), lesson("b", "# B\n\n## Two\n\nBack to [a](a#one).\n"))
            .unwrap();
        let errors = load_dir(dir.path()).unwrap_err().0;
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("lessons/01-a.md:12: link to unknown section `b#nope` (sections: two)"),
            "{shown:?}"
        );
        assert!(shown[1].starts_with("lessons/01-a.md:14: link to unknown lesson `c`"), "{shown:?}");
    }

    #[test]
    fn duplicate_ids_and_all_errors_are_reported_together() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let good =
            "+++\nid = \"a\"\ntitle = \"T\"\nsummary = \"S\"\nsources = [\"NCI\"]\nreviewed = 2026-11-25\n+++\n# A\n";
        std::fs::write(dir.path().join("lessons/01-a.md"), good).unwrap();
        std::fs::write(dir.path().join("lessons/02-a.md"), good).unwrap();
        std::fs::write(dir.path().join("lessons/03-bad.md"), "no front matter\n").unwrap();
        let errors = load_dir(dir.path()).unwrap_err().0;
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("already used by lessons/01-a.md"));
        assert_eq!(errors[1].file, "lessons/03-bad.md");
    }
}

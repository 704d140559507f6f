//! Body-map sites (`sites.toml`) and the text-art body map they sit on (a file in `assets/`).
//!
//! The TOML is read with `toml::de::DeTable`, which keeps the position of every key and value,
//! so each problem can be reported with its own line and all problems are reported at once.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use unicode_width::UnicodeWidthStr;

use super::ContentError;
use super::signs::{self, GroupAt, SignAt};
use super::toml_util::Lines;

/// A map over this many columns or rows is refused.
pub const MAX_MAP_CELLS: u16 = 500;

/// One place on the body map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub id: String,
    pub name: String,
    /// Column of the marker in the art (0-based, in display columns).
    pub x: u16,
    /// Row of the marker in the art (0-based).
    pub y: u16,
    pub summary: String,
    /// Signs that need help straight away.
    pub emergency: Vec<String>,
    /// Signs to call the care team about the same day.
    pub call_today: Vec<String>,
    /// Things to mention at the next visit.
    pub next_visit: Vec<String>,
    /// Examples of cancers that often spread here.
    pub primaries: Vec<String>,
    /// `lesson-id#anchor` links (the format is checked; that the target exists is not).
    pub lessons: Vec<String>,
    /// The line in sites.toml of each entry of `lessons`.
    pub lesson_lines: Vec<usize>,
    /// The line of the site's `[[site]]` header in sites.toml.
    pub line: usize,
}

/// How urgent a sign line is: the three sign lists of a site. Orders as
/// Emergency < CallToday < NextVisit (most urgent first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    Emergency,
    CallToday,
    NextVisit,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Emergency, Tier::CallToday, Tier::NextVisit];

    /// The site's lines of this tier.
    pub fn lines(self, site: &Site) -> &[String] {
        match self {
            Tier::Emergency => &site.emergency,
            Tier::CallToday => &site.call_today,
            Tier::NextVisit => &site.next_visit,
        }
    }

    /// The key of its list in sites.toml (and the value of a sign group's `tier`).
    pub fn key(self) -> &'static str {
        match self {
            Tier::Emergency => "emergency",
            Tier::CallToday => "call_today",
            Tier::NextVisit => "next_visit",
        }
    }

    pub fn from_key(key: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Who to call for a sign that needs help now (a line in a site's `emergency` list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    /// The local emergency number (such as 911, 999 or 112): the line is in the top-level
    /// `emergency_number` list.
    EmergencyNumber,
    /// The care team's 24-hour line, now, day or night (every other top-tier line).
    CareTeamLine,
}

impl Who {
    /// In the order they are shown: the emergency number first.
    pub const ALL: [Who; 2] = [Who::EmergencyNumber, Who::CareTeamLine];
}

/// Words and phrases that mean the same in a symptom search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymGroup {
    /// As written, trimmed.
    pub words: Vec<String>,
    /// Set for a sign group: every sign line with one of its words has this tier.
    pub tier: Option<Tier>,
    /// The line of the group's `[[synonyms]]` header.
    pub line: usize,
}

/// The body-map art. Rows have tabs and control characters refused and trailing spaces removed;
/// blank rows at the end are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyMap {
    pub rows: Vec<String>,
    /// The widest row, in display columns.
    pub width: u16,
    pub height: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sites {
    pub map: BodyMap,
    pub sites: Vec<Site>,
    /// Groups of words and phrases that mean the same in a symptom search.
    pub synonyms: Vec<SynonymGroup>,
    /// Where the facts come from (the top-level `sources`).
    pub sources: Vec<String>,
    /// The top-tier sign lines that need the emergency number, as written in the top-level
    /// `emergency_number` list (`check` makes sure each is an `emergency` line of a place). Every
    /// other top-tier line needs the care team's 24-hour line: use [`Sites::who`].
    pub emergency_number: Vec<String>,
    /// `emergency_number`, normalized, for [`Sites::who`].
    emergency_number_words: HashSet<Vec<String>>,
}

impl Sites {
    /// Every `lessons` entry with its line in sites.toml, for the caller to check that the
    /// lesson and section exist.
    pub fn lesson_links(&self) -> Vec<(&str, usize)> {
        self.sites
            .iter()
            .flat_map(|s| s.lessons.iter().zip(&s.lesson_lines).map(|(l, &line)| (l.as_str(), line)))
            .collect()
    }

    pub fn get(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// Take in another file's `emergency_number` lines (a pack that builds on another).
    pub fn add_emergency_number(&mut self, lines: Vec<String>) {
        for line in lines {
            if self.emergency_number_words.insert(signs::normalize(&line)) {
                self.emergency_number.push(line);
            }
        }
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.sites.iter().position(|s| s.id == id)
    }

    /// Who to call for a top-tier sign line: the emergency number if the line (ignoring capital
    /// letters, spaces and punctuation) is in `emergency_number`, else the 24-hour line.
    pub fn who(&self, line: &str) -> Who {
        if self.emergency_number_words.contains(&signs::normalize(line)) {
            Who::EmergencyNumber
        } else {
            Who::CareTeamLine
        }
    }

    /// A site's top-tier lines grouped by who to call, in [`Who::ALL`] order (the emergency
    /// number first), each group in file order; a group with no lines is left out.
    pub fn emergency_by_who<'s>(&self, site: &'s Site) -> Vec<(Who, Vec<&'s str>)> {
        let whos: Vec<Who> = site.emergency.iter().map(|line| self.who(line)).collect();
        Who::ALL
            .into_iter()
            .map(|who| {
                let lines = site.emergency.iter().zip(&whos).filter(|(_, w)| **w == who).map(|(l, _)| l.as_str());
                (who, lines.collect::<Vec<_>>())
            })
            .filter(|(_, lines)| !lines.is_empty())
            .collect()
    }

    /// Marker positions `(x, y)`, in site order (for `explorer::nav`).
    pub fn positions(&self) -> Vec<(u16, u16)> {
        self.sites.iter().map(|s| (s.x, s.y)).collect()
    }
}

const TOP_KEYS: &[&str] = &["art", "sources", "emergency_number", "site", "synonyms"];
const SITE_KEYS: &[&str] =
    &["id", "name", "x", "y", "summary", "emergency", "call_today", "next_visit", "primaries", "lessons"];

/// The art file named by the `art` key, so the loader knows which file in `assets/` to read
/// before calling [`parse`]. Only a plain file name is accepted (no folders, no `..`).
pub fn art_name(file: &str, text: &str) -> Result<String, ContentError> {
    let root = DeTable::parse(text).map_err(|e| toml_error(file, text, &e))?;
    let mut cx = Cx { file, lines: Lines::new(text), errors: Vec::new(), signs: Vec::new() };
    let art = root.get_ref().iter().find(|(k, _)| k.get_ref() == "art").map(|(_, v)| v);
    match art {
        None => Err(ContentError::new(file, 0, "missing `art`: name the body map file, like art = \"body-map.txt\"")),
        Some(v) => match cx.art(v) {
            Some(name) => Ok(name),
            None => {
                Err(cx.errors.into_iter().next().unwrap_or_else(|| ContentError::new(file, 0, "`art` is not valid")))
            }
        },
    }
}

/// Parse sites.toml (`text`, named `file` in messages) and the body-map art (`art`, named
/// `art_file`). Reports every problem found, each with its file and line.
pub fn parse(file: &str, text: &str, art_file: &str, art: &str) -> Result<Sites, Vec<ContentError>> {
    let (map, art_errors) = match parse_art(art_file, art) {
        Ok(map) => (Some(map), Vec::new()),
        Err(errors) => (None, errors),
    };
    let mut cx = Cx { file, lines: Lines::new(text), errors: Vec::new(), signs: Vec::new() };
    let result = match DeTable::parse(text) {
        Ok(root) => cx.document(&root, map.as_ref()),
        Err(e) => {
            cx.errors.push(toml_error(file, text, &e));
            None
        }
    };
    let mut errors = cx.errors;
    errors.sort_by_key(|e| e.line);
    errors.extend(art_errors);
    match (result, map) {
        (Some((sites, synonyms, sources, emergency_number)), Some(map)) if errors.is_empty() => {
            let emergency_number_words = emergency_number.iter().map(|l: &String| signs::normalize(l)).collect();
            Ok(Sites { map, sites, synonyms, sources, emergency_number, emergency_number_words })
        }
        _ => Err(errors),
    }
}

/// Parse the body-map art on its own.
pub fn parse_art(art_file: &str, art: &str) -> Result<BodyMap, Vec<ContentError>> {
    let mut errors = Vec::new();
    let art = art.strip_prefix('\u{feff}').unwrap_or(art);
    let mut rows: Vec<String> = Vec::new();
    let mut width = 0usize;
    for (i, raw) in art.split('\n').enumerate() {
        let line = i + 1;
        let row = raw.strip_suffix('\r').unwrap_or(raw);
        if row.contains('\t') {
            errors.push(ContentError::new(art_file, line, "this row has a tab: use spaces instead"));
        } else if row.chars().any(char::is_control) {
            errors.push(ContentError::new(art_file, line, "this row has a control character: remove it"));
        }
        let row = row.trim_end_matches(' ');
        let w = row.width();
        if w > usize::from(MAX_MAP_CELLS) && width <= usize::from(MAX_MAP_CELLS) {
            errors.push(ContentError::new(
                art_file,
                line,
                format!("this row is {w} columns wide; the body map can be at most {MAX_MAP_CELLS} columns wide"),
            ));
        }
        width = width.max(w);
        rows.push(row.to_string());
    }
    while rows.last().is_some_and(String::is_empty) {
        rows.pop();
    }
    if rows.is_empty() {
        errors.push(ContentError::new(art_file, 0, "the body map is empty: draw the body with text characters"));
    } else if rows.len() > usize::from(MAX_MAP_CELLS) {
        errors.push(ContentError::new(
            art_file,
            0,
            format!("the body map has {} rows; it can have at most {MAX_MAP_CELLS}", rows.len()),
        ));
    }
    match (u16::try_from(width), u16::try_from(rows.len())) {
        (Ok(width), Ok(height)) if errors.is_empty() => Ok(BodyMap { rows, width, height }),
        _ => Err(errors),
    }
}

fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> ContentError {
    let line = e.span().map_or(0, |s| line_at(text, s.start));
    let message = e.message().lines().next().unwrap_or("").trim();
    ContentError::new(file, line, format!("this is not valid TOML: {message}"))
}

/// 1-based line of a byte offset.
fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9')))
}

/// A suggestion for a slug: lowercase, spaces and underscores to hyphens, other punctuation dropped.
fn slug_hint(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn is_plain_file_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

type Value<'i> = Spanned<DeValue<'i>>;

/// What the checks across sites need: id and position, where they could be read.
struct SiteKey {
    id: Option<String>,
    pos: Option<(u16, u16)>,
    line: usize,
}
type Parsed = (Vec<Site>, Vec<SynonymGroup>, Vec<String>, Vec<String>);

struct Cx<'a> {
    file: &'a str,
    lines: Lines,
    errors: Vec<ContentError>,
    /// Every sign line read, for the one-tier-per-sign check.
    signs: Vec<SignAt>,
}

impl Cx<'_> {
    fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let line = self.line(span);
        self.errors.push(ContentError::new(self.file, line, message));
    }

    fn document(&mut self, root: &Spanned<DeTable<'_>>, map: Option<&BodyMap>) -> Option<Parsed> {
        let start = self.errors.len();
        let (mut art, mut sources, mut site_values, mut synonym_values) = (None, None, None, None);
        let mut emergency_number = None;
        for (key, value) in root.get_ref().iter() {
            match key.get_ref().as_ref() {
                "art" => art = self.art(value),
                "sources" => sources = self.sources(value),
                "emergency_number" => emergency_number = self.text_list("emergency_number", value),
                "site" => site_values = self.tables("site", "[[site]]", value),
                "synonyms" => synonym_values = self.tables("synonyms", "[[synonyms]]", value),
                other => self.error(
                    key.span(),
                    format!("unknown key `{other}` (the top of the file can have: {})", TOP_KEYS.join(", ")),
                ),
            }
        }
        let has = |k: &str| root.get_ref().iter().any(|(key, _)| key.get_ref() == k);
        if !has("art") {
            self.errors.push(ContentError::new(
                self.file,
                0,
                "missing `art`: name the body map file in assets/, like art = \"body-map.txt\"",
            ));
        }
        if !has("sources") {
            self.errors.push(ContentError::new(
                self.file,
                0,
                "missing `sources`: list where the facts come from, like sources = [\"NCI: Metastatic Cancer\"]",
            ));
        }
        match &site_values {
            None if !has("site") => {
                self.errors.push(ContentError::new(self.file, 0, "no sites: add at least one [[site]] table"))
            }
            Some(v) if v.is_empty() => self.error(root.span(), "no sites: add at least one [[site]] table"),
            _ => {}
        }
        let site_values = site_values.unwrap_or_default();

        let (sites, keys): (Vec<Option<Site>>, Vec<SiteKey>) = site_values.iter().map(|v| self.site(v)).unzip();
        self.check_sites(&keys, map);
        let sites: Vec<Site> = sites.into_iter().flatten().collect();
        let synonyms: Vec<SynonymGroup> =
            synonym_values.unwrap_or_default().iter().filter_map(|v| self.synonym_group(v)).collect();
        if self.within_limits(&synonyms) {
            let groups: Vec<GroupAt> =
                synonyms.iter().map(|g| GroupAt { words: g.words.clone(), tier: g.tier, line: g.line }).collect();
            let conflicts = signs::tier_conflicts(self.file, &self.signs, &groups);
            self.errors.extend(conflicts);
        }
        let emergency_number = emergency_number.unwrap_or_default();
        let unknown = signs::who_conflicts(self.file, &self.signs, &emergency_number);
        self.errors.extend(unknown);
        let emergency_number = emergency_number.into_iter().map(|(line, _)| line).collect();
        (self.errors.len() == start && art.is_some())
            .then(|| (sites, synonyms, sources.unwrap_or_default(), emergency_number))
    }

    /// At most [`signs::MAX_SIGNS`] sign lines and [`signs::MAX_SYNONYM_WORDS`] synonyms.
    fn within_limits(&mut self, synonyms: &[SynonymGroup]) -> bool {
        let mut ok = true;
        if self.signs.len() > signs::MAX_SIGNS {
            let message = format!(
                "too many sign lines: {} (at most {} in all the places together); keep each place to its main signs",
                self.signs.len(),
                signs::MAX_SIGNS
            );
            self.errors.push(ContentError::new(self.file, 0, message));
            ok = false;
        }
        let words: usize = synonyms.iter().map(|g| g.words.len()).sum();
        if words > signs::MAX_SYNONYM_WORDS {
            let message = format!(
                "too many synonyms: {words} words and phrases (at most {} in all the groups together)",
                signs::MAX_SYNONYM_WORDS
            );
            self.errors.push(ContentError::new(self.file, 0, message));
            ok = false;
        }
        let tiered: usize = synonyms.iter().filter(|g| g.tier.is_some()).map(|g| g.words.len()).sum();
        if tiered > signs::MAX_SIGN_GROUP_WORDS {
            let message = format!(
                "too many words in sign groups: {tiered} (at most {} in the groups with a `tier`); give a tier only \
                 to words that always mean the same urgency",
                signs::MAX_SIGN_GROUP_WORDS
            );
            self.errors.push(ContentError::new(self.file, 0, message));
            ok = false;
        }
        ok
    }

    fn art(&mut self, value: &Value<'_>) -> Option<String> {
        let name = self.text_value("art", value)?;
        if is_plain_file_name(&name) {
            Some(name)
        } else {
            self.error(
                value.span(),
                format!("`art` must be a plain file name in assets/, like \"body-map.txt\" (not `{name}`)"),
            );
            None
        }
    }

    fn sources(&mut self, value: &Value<'_>) -> Option<Vec<String>> {
        let list = self.text_list("sources", value)?;
        if list.is_empty() {
            self.error(value.span(), "`sources` must name at least one source");
            return None;
        }
        Some(list.into_iter().map(|(s, _)| s).collect())
    }

    /// An array of tables (`[[name]]` or an inline array of inline tables).
    fn tables<'v, 'i>(&mut self, key: &str, header: &str, value: &'v Value<'i>) -> Option<Vec<&'v Value<'i>>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(value.span(), format!("`{key}` must be a list of tables: write each one under a {header} line"));
            return None;
        };
        let mut tables = Vec::new();
        for item in items.iter() {
            if matches!(item.get_ref(), DeValue::Table(_)) {
                tables.push(item);
            } else {
                self.error(item.span(), format!("each entry of `{key}` must be a table written under a {header} line"));
            }
        }
        Some(tables)
    }

    /// One site, and its id and position for the checks across sites (kept even when another
    /// field of the site has a problem, so that those checks are reported too).
    fn site(&mut self, value: &Value<'_>) -> (Option<Site>, SiteKey) {
        let line = self.line(value.span());
        let mut key = SiteKey { id: None, pos: None, line };
        let DeValue::Table(table) = value.get_ref() else { return (None, key) };
        let start = self.errors.len();
        let mut id = None;
        let mut name = None;
        let mut summary = None;
        let (mut x, mut y) = (None, None);
        let (mut emergency, mut call_today, mut next_visit, mut primaries, mut lessons) =
            (None, None, None, None, None);
        for (key, v) in table.iter() {
            let k = key.get_ref().as_ref();
            match k {
                "id" => id = self.id(v),
                "name" => name = self.required_text(k, v),
                "summary" => summary = self.required_text(k, v),
                "x" | "y" => {
                    let n = self.coordinate(k, v);
                    if k == "x" { x = n } else { y = n }
                }
                "emergency" => emergency = self.text_list(k, v),
                "call_today" => call_today = self.text_list(k, v),
                "next_visit" => next_visit = self.text_list(k, v),
                "primaries" => primaries = self.text_list(k, v),
                "lessons" => lessons = self.lessons(v),
                other => self.error(
                    key.span(),
                    format!("unknown key `{other}` in [[site]] (a site has: {})", SITE_KEYS.join(", ")),
                ),
            }
        }
        let present: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        let missing: Vec<&str> = SITE_KEYS.iter().copied().filter(|k| !present.contains(k)).collect();
        if !missing.is_empty() {
            let list = missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            let note = if missing
                .iter()
                .any(|k| ["emergency", "call_today", "next_visit", "primaries", "lessons"].contains(k))
            {
                " (an empty list is written [])"
            } else {
                ""
            };
            self.errors.push(ContentError::new(self.file, line, format!("this site is missing {list}{note}")));
        }
        let signs = [&emergency, &call_today, &next_visit];
        if let Some((site_id, _)) = &id {
            for (tier, list) in Tier::ALL.into_iter().zip(signs) {
                for (text, line) in list.iter().flatten() {
                    self.signs.push(SignAt { site: site_id.clone(), tier, text: text.clone(), line: *line });
                }
            }
        }
        if signs.iter().all(|s| s.as_ref().is_some_and(Vec::is_empty)) {
            self.errors.push(ContentError::new(
                self.file,
                line,
                "this site has no signs: add at least one line to `emergency`, `call_today` or `next_visit`",
            ));
        }
        key.id = id.as_ref().map(|(id, _)| id.clone());
        key.pos = x.zip(y).map(|((x, _), (y, _))| (x, y));
        if self.errors.len() != start {
            return (None, key);
        }
        let texts = |v: Option<Vec<(String, usize)>>| v.unwrap_or_default().into_iter().map(|(s, _)| s).collect();
        let (lessons, lesson_lines) = lessons.unwrap_or_default().into_iter().unzip();
        let (Some((id, _)), Some(name), Some((x, _)), Some((y, _)), Some(summary)) = (id, name, x, y, summary) else {
            return (None, key);
        };
        let site = Some(Site {
            id,
            name,
            x,
            y,
            summary,
            emergency: texts(emergency),
            call_today: texts(call_today),
            next_visit: texts(next_visit),
            primaries: texts(primaries),
            lessons,
            lesson_lines,
            line,
        });
        (site, key)
    }

    /// Checks across sites: unique ids, positions on the art and not shared.
    fn check_sites(&mut self, sites: &[SiteKey], map: Option<&BodyMap>) {
        // The first site with each id and at each place: one look-up per site, not a scan.
        let mut by_id: HashMap<&str, &SiteKey> = HashMap::new();
        let mut by_pos: HashMap<(u16, u16), &SiteKey> = HashMap::new();
        for site in sites {
            if let Some(id) = &site.id
                && let Some(first) = earlier(&mut by_id, id.as_str(), site)
            {
                self.errors.push(ContentError::new(
                    self.file,
                    site.line,
                    format!("site id `{id}` is already used by the site on line {}", first.line),
                ));
            }
            let Some((x, y)) = site.pos else { continue };
            let name = site.id.as_deref().unwrap_or("this site");
            if let Some(map) = map
                && (x >= map.width || y >= map.height)
            {
                self.errors.push(ContentError::new(
                    self.file,
                    site.line,
                    format!(
                        "site `{name}` at x = {x}, y = {y} is off the body map, which is {} columns wide and {} rows \
                         tall (x can be 0 to {}, y can be 0 to {})",
                        map.width,
                        map.height,
                        map.width.saturating_sub(1),
                        map.height.saturating_sub(1)
                    ),
                ));
            }
            if let Some(other) = earlier(&mut by_pos, (x, y), site) {
                self.errors.push(ContentError::new(
                    self.file,
                    site.line,
                    format!(
                        "site `{name}` is on top of site `{}` (line {}): both are at x = {x}, y = {y}",
                        other.id.as_deref().unwrap_or("?"),
                        other.line
                    ),
                ));
            }
        }
    }
}

/// The site that came first with this key, or None (and `site` is now the first).
fn earlier<'s, K: Eq + std::hash::Hash>(
    firsts: &mut HashMap<K, &'s SiteKey>,
    key: K,
    site: &'s SiteKey,
) -> Option<&'s SiteKey> {
    let first = *firsts.entry(key).or_insert(site);
    (!std::ptr::eq(first, site)).then_some(first)
}

impl Cx<'_> {
    fn synonym_group(&mut self, value: &Value<'_>) -> Option<SynonymGroup> {
        let DeValue::Table(table) = value.get_ref() else { return None };
        let line = self.line(value.span());
        let mut words = None;
        let mut tier = None;
        let mut ok = true;
        for (key, v) in table.iter() {
            match key.get_ref().as_ref() {
                "words" => words = self.text_list("words", v),
                "tier" => match self.text_value("tier", v) {
                    Some(name) => match Tier::from_key(&name) {
                        Some(t) => tier = Some(t),
                        None => {
                            self.error(
                                v.span(),
                                format!(
                                    "`tier` must be \"emergency\", \"call_today\" or \"next_visit\" (not \"{name}\")"
                                ),
                            );
                            ok = false;
                        }
                    },
                    None => ok = false,
                },
                other => self.error(
                    key.span(),
                    format!("unknown key `{other}` in [[synonyms]] (it has `words` and, for a sign group, `tier`)"),
                ),
            }
        }
        let Some(words) = words else {
            if !table.iter().any(|(k, _)| k.get_ref() == "words") {
                self.error(value.span(), "this [[synonyms]] group is missing `words`");
            }
            return None;
        };
        for (word, line) in &words {
            if !word.chars().any(char::is_alphanumeric) {
                self.errors.push(ContentError::new(
                    self.file,
                    *line,
                    format!("the synonym \"{word}\" has no letters or digits, so no search can find it"),
                ));
                ok = false;
            }
        }
        if words.len() < 2 {
            self.error(value.span(), "a [[synonyms]] group needs at least two words or phrases");
            ok = false;
        }
        ok.then(|| SynonymGroup { words: words.into_iter().map(|(w, _)| w).collect(), tier, line })
    }

    fn id(&mut self, value: &Value<'_>) -> Option<(String, usize)> {
        let id = self.required_text("id", value)?;
        if is_slug(&id) {
            Some((id, self.line(value.span())))
        } else {
            self.error(
                value.span(),
                format!(
                    "site id `{id}` must be lowercase letters, digits and single hyphens (try `{}`)",
                    slug_hint(&id)
                ),
            );
            None
        }
    }

    fn coordinate(&mut self, key: &str, value: &Value<'_>) -> Option<(u16, usize)> {
        let what = if key == "x" { "the column" } else { "the row" };
        let DeValue::Integer(n) = value.get_ref() else {
            self.error(
                value.span(),
                format!("`{key}` must be a whole number ({what} of the marker), not a {}", value.get_ref().type_str()),
            );
            return None;
        };
        match i64::from_str_radix(n.as_str(), n.radix()).ok().and_then(|n| u16::try_from(n).ok()) {
            Some(n) => Some((n, self.line(value.span()))),
            None => {
                self.error(value.span(), format!("`{key}` must be 0 or more ({what} of the marker, counted from 0)"));
                None
            }
        }
    }

    fn lessons(&mut self, value: &Value<'_>) -> Option<Vec<(String, usize)>> {
        let list = self.text_list("lessons", value)?;
        let mut ok = true;
        for (link, line) in &list {
            let valid = link.split_once('#').is_some_and(|(lesson, anchor)| is_slug(lesson) && is_slug(anchor));
            if !valid {
                self.errors.push(ContentError::new(
                    self.file,
                    *line,
                    format!(
                        "lesson link `{link}` must look like \"lesson-id#section\", for example \"symptoms#lungs\" \
                         (lowercase, with hyphens for spaces)"
                    ),
                ));
                ok = false;
            }
        }
        ok.then_some(list)
    }

    fn required_text(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        let text = self.text_value(key, value)?;
        if text.is_empty() {
            self.error(value.span(), format!("`{key}` is empty: write some text between the quotes"));
            return None;
        }
        Some(text)
    }

    /// A one-line string, trimmed. Control characters (including line breaks) are refused,
    /// because the text goes to the terminal.
    fn text_value(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        let DeValue::String(s) = value.get_ref() else {
            self.error(value.span(), format!("`{key}` must be text in quotes, not a {}", value.get_ref().type_str()));
            return None;
        };
        if s.chars().any(char::is_control) {
            self.error(
                value.span(),
                format!("`{key}` has a line break, tab or other control character: keep it to one plain line"),
            );
            return None;
        }
        Some(s.trim().to_string())
    }

    /// A list of one-line strings, each with its line. Empty entries are refused.
    fn text_list(&mut self, key: &str, value: &Value<'_>) -> Option<Vec<(String, usize)>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span(),
                format!("`{key}` must be a list in square brackets, like [\"…\"] (or [] for none)"),
            );
            return None;
        };
        self.text_items(key, items)
    }

    fn text_items(&mut self, key: &str, items: &DeArray<'_>) -> Option<Vec<(String, usize)>> {
        let mut out = Vec::new();
        let mut ok = true;
        for item in items.iter() {
            match self.text_value(key, item) {
                Some(text) if text.is_empty() => {
                    self.error(item.span(), format!("`{key}` has an empty entry: remove it or write some text"));
                    ok = false;
                }
                Some(text) => out.push((text, self.line(item.span()))),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ART: &str = "  o  \n /|\\ \n / \\ \n";

    fn site(id: &str, x: u16, y: u16) -> String {
        format!(
            "[[site]]\nid = \"{id}\"\nname = \"N\"\nx = {x}\ny = {y}\nsummary = \"S.\"\nemergency = []\n\
             call_today = [\"A sign\"]\nnext_visit = []\nprimaries = []\nlessons = [\"symptoms#lungs\"]\n"
        )
    }

    fn doc(sites: &[String]) -> String {
        format!("art = \"body-map.txt\"\nsources = [\"NCI\"]\n\n{}", sites.join("\n"))
    }

    fn errors(text: &str, art: &str) -> Vec<ContentError> {
        match parse("sites.toml", text, "assets/body-map.txt", art) {
            Ok(s) => panic!("expected errors, got {s:?}"),
            Err(e) => e,
        }
    }

    fn has(errors: &[ContentError], line: usize, needle: &str) -> bool {
        errors.iter().any(|e| e.line == line && e.message.contains(needle))
    }

    #[test]
    fn parses_a_small_pack() {
        let text = doc(&[site("lungs", 2, 1), site("legs", 1, 2)])
            + "\n[[synonyms]]\nwords = [\"breathless\", \"short of breath\"]\n";
        let sites = parse("sites.toml", &text, "assets/body-map.txt", ART).unwrap();
        assert_eq!(sites.map.height, 3);
        assert_eq!(sites.map.width, 4, "trailing spaces are dropped");
        assert_eq!(sites.sites.len(), 2);
        assert_eq!(sites.sites[0].id, "lungs");
        assert_eq!((sites.sites[0].x, sites.sites[0].y), (2, 1));
        assert_eq!(sites.sites[0].line, 4);
        assert_eq!(sites.sites[1].line, 16);
        assert_eq!(sites.lesson_links(), vec![("symptoms#lungs", 14), ("symptoms#lungs", 26)]);
        assert_eq!(
            sites.synonyms,
            vec![SynonymGroup {
                words: vec!["breathless".to_string(), "short of breath".to_string()],
                tier: None,
                line: 28
            }]
        );
        assert_eq!(sites.sources, vec!["NCI"]);
        assert_eq!(sites.positions(), vec![(2, 1), (1, 2)]);
        assert_eq!(sites.index_of("legs"), Some(1));
        assert_eq!(art_name("sites.toml", &text).unwrap(), "body-map.txt");
    }

    #[test]
    fn emergency_number_sorts_top_tier_lines_by_who_to_call() {
        let head = site("head", 2, 1).replace(
            "emergency = []",
            "emergency = [\"New confusion\", \"A seizure (fit)\", \"Sudden loss of sight\"]",
        );
        let text = doc(&[head]).replacen(
            "sources = [\"NCI\"]\n",
            "sources = [\"NCI\"]\nemergency_number = [\"a seizure, fit\", \"Sudden loss of sight\"]\n",
            1,
        );
        let sites = parse("sites.toml", &text, "assets/body-map.txt", ART).unwrap();
        assert_eq!(sites.emergency_number, vec!["a seizure, fit", "Sudden loss of sight"]);
        assert_eq!(sites.who("A SEIZURE (fit)."), Who::EmergencyNumber);
        assert_eq!(sites.who("New confusion"), Who::CareTeamLine);
        let head = sites.get("head").unwrap();
        assert_eq!(
            sites.emergency_by_who(head),
            vec![
                (Who::EmergencyNumber, vec!["A seizure (fit)", "Sudden loss of sight"]),
                (Who::CareTeamLine, vec!["New confusion"]),
            ]
        );
        // Without the list, every top-tier line goes to the 24-hour line; a place without
        // top-tier lines has no groups.
        let plain = parse("sites.toml", &doc(&[site("a", 1, 1)]), "assets/body-map.txt", ART).unwrap();
        assert!(plain.emergency_number.is_empty());
        assert_eq!(plain.who("A seizure (fit)"), Who::CareTeamLine);
        assert!(plain.emergency_by_who(&plain.sites[0]).is_empty());
    }

    #[test]
    fn emergency_number_names_only_top_tier_lines() {
        let text = doc(&[site("a", 1, 1)]).replacen(
            "sources = [\"NCI\"]\n",
            "sources = [\"NCI\"]\nemergency_number = [\n  \"A sign\",\n  \"Not a sign\",\n]\n",
            1,
        );
        let e = errors(&text, ART);
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(has(&e, 4, "is `call_today` on `a` at sites.toml:15"), "{e:#?}");
        assert!(has(&e, 5, "\"Not a sign\", which is not in the `emergency` list"), "{e:#?}");
        let e =
            errors(&doc(&[site("a", 1, 1)]).replacen("[\"NCI\"]\n", "[\"NCI\"]\nemergency_number = \"x\"\n", 1), ART);
        assert!(has(&e, 3, "`emergency_number` must be a list"), "{e:#?}");
    }

    #[test]
    fn toml_syntax_error_has_a_line() {
        let e = errors("art = \"body-map.txt\"\nsources = [\"x\"]\nname = oops\n", ART);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("not valid TOML"), "{e:?}");
        assert_eq!(e[0].to_string().split(':').nth(1), Some("3"));
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let mut bad = site("lungs", 2, 1);
        bad = bad.replace("name = \"N\"\n", "name = \"\"\ncolour = \"red\"\n");
        let mut second = site("lungs", 2, 1);
        second = second.replace("summary = \"S.\"\n", "");
        let third = site("Big Toe", 30, 1).replace("symptoms#lungs", "symptoms");
        let text = doc(&[bad, second, third]) + "oops = 1\n";
        let e = errors(&text, ART);
        // site 1 starts on line 4: name on 6, colour on 7
        assert!(has(&e, 6, "`name` is empty"), "{e:#?}");
        assert!(has(&e, 7, "unknown key `colour`"), "{e:#?}");
        // site 2 (line 17) is missing summary; it parses otherwise
        assert!(has(&e, 17, "missing `summary`"), "{e:#?}");
        // site 3: bad id and bad lesson link
        assert!(e.iter().any(|e| e.message.contains("try `big-toe`")), "{e:#?}");
        assert!(e.iter().any(|e| e.message.contains("lesson link `symptoms`")), "{e:#?}");
        // `oops = 1` after [[site]] belongs to the last site table
        assert!(e.iter().any(|e| e.message.contains("unknown key `oops`")), "{e:#?}");
        let lines: Vec<usize> = e.iter().map(|e| e.line).collect();
        let sorted = {
            let mut s = lines.clone();
            s.sort();
            s
        };
        assert_eq!(lines, sorted, "errors come sorted by line");
    }

    #[test]
    fn duplicate_ids_and_shared_or_off_map_positions() {
        let text = doc(&[site("lungs", 2, 1), site("lungs", 2, 1), site("far", 4, 0), site("low", 0, 3)]);
        let e = errors(&text, ART);
        assert!(has(&e, 16, "already used by the site on line 4"), "{e:#?}");
        assert!(has(&e, 16, "on top of site `lungs` (line 4)"), "{e:#?}");
        assert!(has(&e, 28, "off the body map"), "{e:#?}");
        assert!(has(&e, 40, "off the body map"), "{e:#?}");
        assert!(!has(&e, 4, ""), "{e:#?}");
    }

    #[test]
    fn wrong_types_and_ranges() {
        let s = site("a", 1, 1)
            .replace("x = 1", "x = -1")
            .replace("y = 1", "y = 1.5")
            .replace("emergency = []", "emergency = \"pain\"")
            .replace("next_visit = []", "next_visit = [\"ok\", 3, \"\"]")
            .replace("summary = \"S.\"", "summary = \"two\\nlines\"");
        let e = errors(&doc(&[s]), ART);
        assert!(has(&e, 7, "`x` must be 0 or more"), "{e:#?}");
        assert!(has(&e, 8, "`y` must be a whole number"), "{e:#?}");
        assert!(has(&e, 9, "line break"), "{e:#?}");
        assert!(has(&e, 10, "must be a list"), "{e:#?}");
        assert!(has(&e, 12, "must be text in quotes, not a integer"), "{e:#?}");
        assert!(has(&e, 12, "empty entry"), "{e:#?}");
    }

    #[test]
    fn cross_checks_still_run_for_sites_with_other_problems() {
        let a = site("a", 1, 1);
        let b = site("b", 1, 1).replace("name = \"N\"", "name = \"\"");
        let c = site("a", 9, 1).replace("summary = \"S.\"\n", "");
        let e = errors(&doc(&[a, b, c]), ART);
        assert!(has(&e, 16, "on top of site `a` (line 4)"), "{e:#?}");
        assert!(has(&e, 28, "already used"), "{e:#?}");
        assert!(has(&e, 28, "off the body map"), "{e:#?}");
        assert!(has(&e, 28, "missing `summary`"), "{e:#?}");
    }

    #[test]
    fn a_site_needs_a_sign() {
        let s = site("a", 1, 1).replace("call_today = [\"A sign\"]", "call_today = []");
        let e = errors(&doc(&[s]), ART);
        assert!(has(&e, 4, "no signs"), "{e:#?}");
    }

    #[test]
    fn top_level_problems() {
        let e = errors("[[site]]\n", ART);
        assert!(e.iter().any(|e| e.line == 0 && e.message.contains("missing `art`")), "{e:#?}");
        assert!(e.iter().any(|e| e.line == 0 && e.message.contains("missing `sources`")), "{e:#?}");
        assert!(has(&e, 1, "missing `id`"), "{e:#?}");
        let e = errors("art = \"../x.txt\"\nsources = []\nsite = 3\n", ART);
        assert!(has(&e, 1, "plain file name"), "{e:#?}");
        assert!(has(&e, 2, "at least one source"), "{e:#?}");
        assert!(has(&e, 3, "must be a list of tables"), "{e:#?}");
        let e = errors("art = \"a.txt\"\nsources = [\"x\"]\n", ART);
        assert!(e.iter().any(|e| e.message.contains("no sites")), "{e:#?}");
        assert!(art_name("f", "art = \"../x\"").is_err());
        assert!(art_name("f", "art = ").is_err());
        assert!(art_name("f", "x = 1").is_err());
    }

    #[test]
    fn synonym_problems() {
        let text = doc(&[site("a", 1, 1)])
            + "\n[[synonyms]]\nwords = [\"one\"]\n\n[[synonyms]]\nword = [\"a\", \"b\"]\n\n[[synonyms]]\nwords = [\"?!\", \"b\"]\n";
        let e = errors(&text, ART);
        assert!(has(&e, 16, "at least two"), "{e:#?}");
        assert!(has(&e, 20, "unknown key `word`"), "{e:#?}");
        assert!(has(&e, 19, "missing `words`"), "{e:#?}");
        assert!(has(&e, 23, "no letters or digits"), "{e:#?}");
    }

    #[test]
    fn art_problems() {
        let text = doc(&[site("a", 1, 1)]);
        let e = errors(&text, "");
        assert_eq!(e, vec![ContentError::new("assets/body-map.txt", 0, e[0].message.clone())]);
        assert!(e[0].message.contains("empty"));
        let e = errors(&text, "   \n\n  \n");
        assert!(e[0].message.contains("empty"), "{e:#?}");
        let e = errors(&text, "ok\n\tbad\nalso\u{7}bad\n");
        assert!(e.iter().any(|e| e.file == "assets/body-map.txt" && e.line == 2 && e.message.contains("tab")));
        assert!(e.iter().any(|e| e.file == "assets/body-map.txt" && e.line == 3 && e.message.contains("control")));
        let wide = "x".repeat(501);
        let e = errors(&text, &format!("ok\n{wide}\n{wide}\n"));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(has(&e, 2, "501 columns"), "{e:#?}");
        let tall = "x\n".repeat(501);
        let e = errors(&text, &tall);
        assert!(e[0].message.contains("501 rows"), "{e:#?}");
        // The 500 × 500 limit itself is fine.
        let max = format!("{}\n", "x".repeat(500)).repeat(500);
        let map = parse_art("a", &max).unwrap();
        assert_eq!((map.width, map.height), (500, 500));
    }

    #[test]
    fn art_accepts_crlf_bom_and_wide_characters() {
        let map = parse_art("a", "\u{feff}ab\r\n●─│\r\n\r\n").unwrap();
        assert_eq!(map.rows, vec!["ab", "●─│"]);
        assert_eq!((map.width, map.height), (3, 2));
        let map = parse_art("a", "界界\n").unwrap();
        assert_eq!(map.width, 4, "width is in display columns");
    }

    #[test]
    fn errors_in_both_files_are_all_reported() {
        let e = errors("art = \"a.txt\"\nsources = [\"x\"]\nbad\n", "\t");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].file, "sites.toml");
        assert_eq!(e[1].file, "assets/body-map.txt");
    }

    proptest::proptest! {
        #[test]
        fn any_input_gives_a_result_not_a_panic(text in ".{0,300}", art in ".{0,300}") {
            let _ = parse("sites.toml", &text, "art.txt", &art);
            let _ = art_name("sites.toml", &text);
        }

        #[test]
        fn a_damaged_pack_gives_a_result_not_a_panic(cut in 0usize..400, len in 0usize..40, junk in ".{0,5}") {
            let text = doc(&[site("lungs", 2, 1), site("legs", 1, 2)]);
            // The generated pack is ASCII, so any byte offset is a character boundary.
            let start = cut.min(text.len());
            let end = (start + len).min(text.len());
            let damaged = format!("{}{junk}{}", &text[..start], &text[end..]);
            if let Err(errors) = parse("sites.toml", &damaged, "art.txt", ART) {
                proptest::prop_assert!(!errors.is_empty());
                let lines = damaged.lines().count().max(1);
                for e in errors {
                    proptest::prop_assert!(e.line <= lines + 1, "{e} (file has {lines} lines)");
                }
            }
        }
    }
}

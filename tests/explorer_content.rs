//! Checks on the real default pack: content/sites.toml and assets/body-map.txt.
//! (In the scratch crate, `content` and `assets` are links to the main crate's folders.)

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use patient_tutor::content::sites::{self, Sites};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load() -> Sites {
    let text = fs::read_to_string(root().join("content/sites.toml")).expect("read sites.toml");
    let name = sites::art_name("content/sites.toml", &text).expect("art name");
    let art_path = format!("assets/{name}");
    let art = fs::read_to_string(root().join(&art_path)).expect("read art");
    match sites::parse("content/sites.toml", &text, &art_path, &art) {
        Ok(s) => s,
        Err(errors) => panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")),
    }
}

/// The slug rule of the lesson loader: letters and digits lowercased, runs of spaces and hyphens
/// become one hyphen, other punctuation is dropped.
fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// lesson id → `##` section slugs, read from content/lessons/*.md.
fn lesson_anchors(dir: &Path) -> HashMap<String, HashSet<String>> {
    let mut lessons = HashMap::new();
    for entry in fs::read_dir(dir).expect("lessons dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("lesson");
        let mut id = None;
        let mut anchors = HashSet::new();
        let mut in_front = false;
        let mut in_code = false;
        for (i, line) in text.lines().enumerate() {
            if line.trim() == "+++" {
                in_front = i == 0;
                continue;
            }
            if in_front {
                if let Some(v) = line.strip_prefix("id = ") {
                    id = Some(v.trim().trim_matches('"').to_string());
                }
                continue;
            }
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            if !in_code && let Some(h) = line.strip_prefix("## ") {
                anchors.insert(slugify(h));
            }
        }
        lessons.insert(id.unwrap_or_else(|| panic!("{} has no id", path.display())), anchors);
    }
    lessons
}

#[test]
fn has_the_required_sites() {
    let s = load();
    assert!(s.sites.len() >= 10, "only {} sites", s.sites.len());
    for id in
        ["brain", "lymph-nodes", "lungs", "pleura", "liver", "bones", "spine", "peritoneum", "adrenal-glands", "skin"]
    {
        assert!(s.get(id).is_some(), "missing site `{id}`");
    }
}

#[test]
fn every_lesson_link_exists() {
    let s = load();
    let lessons = lesson_anchors(&root().join("content/lessons"));
    assert!(lessons.get("symptoms").is_some_and(|a| a.contains("spinal-cord") && a.contains("when-to-call-for-help")));
    let links = s.lesson_links();
    assert!(!links.is_empty());
    for (target, line) in links {
        let (lesson, anchor) = target.split_once('#').expect("lesson#anchor");
        let anchors = lessons.get(lesson).unwrap_or_else(|| panic!("sites.toml:{line}: no lesson `{lesson}`"));
        assert!(anchors.contains(anchor), "sites.toml:{line}: no section `{target}` (has {anchors:?})");
    }
    for site in &s.sites {
        assert!(!site.lessons.is_empty(), "site `{}` links to no lesson", site.id);
    }
}

#[test]
fn every_site_has_signs_and_a_summary() {
    let s = load();
    for site in &s.sites {
        let signs = site.emergency.len() + site.call_today.len() + site.next_visit.len();
        assert!(signs > 0, "site `{}` has no signs", site.id);
        assert!(!site.summary.is_empty() && !site.name.is_empty());
        assert!(site.summary.ends_with('.'), "summary of `{}` is one sentence ending in a full stop", site.id);
    }
}

#[test]
fn spine_emergencies_cover_cord_compression() {
    let s = load();
    let spine = s.get("spine").expect("spine");
    let lower: Vec<String> = spine.emergency.iter().map(|l| l.to_lowercase()).collect();
    let any = |words: &[&str]| lower.iter().any(|l| words.iter().all(|w| l.contains(w)));
    assert!(any(&["numbness", "legs"]), "{lower:?}");
    assert!(any(&["weakness", "legs"]), "{lower:?}");
    assert!(any(&["pins and needles"]), "{lower:?}");
    assert!(any(&["bladder", "bowel"]), "{lower:?}");
    assert!(any(&["unsteady"]), "{lower:?}");
    assert!(any(&["back", "neck", "pain"]), "{lower:?}");
}

#[test]
fn positions_are_on_the_art_distinct_and_have_room() {
    let s = load();
    assert!(s.map.width <= 40 && s.map.height <= 22, "art is {}×{}", s.map.width, s.map.height);
    let mut seen = HashSet::new();
    for site in &s.sites {
        assert!(site.x < s.map.width && site.y < s.map.height, "`{}` is off the art", site.id);
        assert!(seen.insert((site.x, site.y)), "`{}` shares a spot", site.id);
        // Room for a marker up to 3 cells wide, centred on the spot.
        let row: Vec<char> = s.map.rows[usize::from(site.y)].chars().collect();
        for x in site.x.saturating_sub(1)..=site.x + 1 {
            let c = row.get(usize::from(x)).copied().unwrap_or(' ');
            assert_eq!(c, ' ', "`{}`: the art has {c:?} at x = {x}, y = {}", site.id, site.y);
        }
    }
    // Markers at least 3 columns apart on a row, so 3-wide markers never touch.
    for a in &s.sites {
        for b in &s.sites {
            if a.id != b.id && a.y == b.y {
                assert!(a.x.abs_diff(b.x) >= 4, "`{}` and `{}` are too close", a.id, b.id);
            }
        }
    }
}

#[test]
fn art_is_single_width_and_plain() {
    let s = load();
    for (i, row) in s.map.rows.iter().enumerate() {
        assert_eq!(row.chars().count(), unicode_width_of(row), "row {i} has a wide or zero-width character");
    }
}

fn unicode_width_of(s: &str) -> usize {
    // Printable ASCII is single width; the art uses nothing else.
    s.chars().map(|c| usize::from(c.is_ascii_graphic() || c == ' ')).sum()
}

#[test]
fn synonym_groups_cover_the_brief() {
    let s = load();
    let has_group = |words: &[&str]| {
        s.synonyms.iter().any(|g| words.iter().all(|w| g.words.iter().any(|m| m.eq_ignore_ascii_case(w))))
    };
    for group in [
        &["shortness of breath", "dyspnea", "breathless"][..],
        &["jaundice", "yellow skin", "yellow eyes", "yellowing"],
        &["ascites", "swollen belly", "swollen abdomen", "bloating", "fluid in the belly"],
        &["headache", "head pain"],
        &["fracture", "broken bone"],
        &["numbness", "pins and needles", "tingling", "weakness in the legs"],
        &["bladder or bowel control", "incontinence"],
        &["tired", "fatigue", "exhausted", "no energy"],
        &["lump", "swelling", "swollen gland"],
        &["cough", "coughing"],
        &["coughing up blood", "cough up blood"],
        &["fever", "temperature", "chills", "shivering", "hot and cold"],
        &["diarrhoea", "diarrhea", "diarhea"],
        &["urine", "pee", "wee"],
        &["stool", "poo", "poop"],
        &["seizure", "fit"],
        &["confusion", "confused"],
        &["nausea", "feeling sick", "vomiting"],
        &["pain", "ache", "sore"],
    ] {
        assert!(has_group(group), "no synonym group with {group:?}");
    }
}

//! A broken or hostile file never breaks the app: the inputs of the fuzz targets in
//! `fuzz/`, as proptest properties that run in CI. Any bytes in → an error or a
//! rendering out; never a panic, never a control character out, every rendered line
//! within the width. The properties themselves are in `support/hostile.rs`, shared
//! with the fuzz targets.

#[path = "support/hostile.rs"]
mod hostile;

use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// Pieces that make text both hostile and structured: terminal escapes of every kind,
/// Markdown and TOML syntax, wide and combining characters.
const PIECES: &[&str] = &[
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;Y3VybCBldmlsfHNo\x07",
    "\x1bP+q544e\x1b\\",
    "\u{9b}31m",
    "\x07",
    "\x08\x08",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{2028}",
    "\u{7f}",
    "\0",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```\n",
    "| a | b |\n|---|---|\n",
    "[x](y)",
    "[l](staging#a)",
    "**",
    "_",
    "`",
    "=",
    "\"",
    "[[question]]\n",
    "+++\n",
    "word ",
    "日本語",
    "e\u{301}",
    "😀",
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// Two steering bytes (window size) then the input.
fn with_size(body: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(move |(a, b, c)| {
        let mut data = vec![a, b, c];
        data.extend_from_slice(&body);
        data
    })
}

fn bytes_or_text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        any::<String>().prop_map(String::into_bytes),
        hostile_text().prop_map(String::into_bytes),
    ]
    .prop_flat_map(with_size)
}

/// A TOML string holding `s` (escaped as TOML needs).
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Hostile text on one line (a line `+++` would end a lesson's front matter early).
fn hostile_one_line() -> impl Strategy<Value = String> {
    hostile_text().prop_map(|s| s.chars().filter(|&c| c != '\n' && c != '\r').collect())
}

/// A valid lesson file with hostile text in every field a person sees.
fn hostile_lesson() -> impl Strategy<Value = Vec<u8>> {
    (hostile_one_line(), hostile_one_line(), hostile_one_line(), hostile_text()).prop_map(
        |(title, summary, source, body)| {
            format!(
            "+++\nid = \"x\"\ntitle = {}\nsummary = {}\nsources = [{}]\nreviewed = 2026-01-01\n+++\n# A\n\n{body}\n",
            toml_str(&format!("T{title}")),
            toml_str(&format!("S{summary}")),
            toml_str(&format!("s{source}")),
        )
        .into_bytes()
        },
    )
}

/// A valid quiz file with hostile prompt, choices and explanation.
fn hostile_quiz() -> impl Strategy<Value = Vec<u8>> {
    (hostile_text(), hostile_text(), hostile_text(), hostile_text()).prop_map(|(prompt, a, b, why)| {
        format!(
            "[[question]]\nid = \"q1\"\nkind = \"single\"\nprompt = {}\nchoices = [{}, {}]\nanswer = 1\nexplanation = {}\nsee = \"x#part\"\n\n[[question]]\nid = \"q2\"\nkind = \"true_false\"\nprompt = {}\nanswer = false\nexplanation = {}\nsee = \"x#part\"\n",
            toml_str(&format!("P{prompt}")),
            toml_str(&format!("A{a}")),
            toml_str(&format!("B{b}")),
            toml_str(&format!("W{why}")),
            toml_str(&format!("Q{prompt}")),
            toml_str(&format!("E{why}")),
        )
        .into_bytes()
    })
}

/// Hostile text the sites loader lets through: it refuses control characters, which
/// leaves bidi controls, line separators, escapes without their ESC, and so on.
fn hostile_line() -> impl Strategy<Value = String> {
    hostile_text().prop_map(|s| s.chars().filter(|c| !c.is_control()).collect())
}

/// A valid sites.toml with hostile names and signs, then a NUL, then the art.
fn hostile_sites() -> impl Strategy<Value = Vec<u8>> {
    (hostile_line(), hostile_line(), hostile_line()).prop_map(|(name, summary, sign)| {
        let site = |id: &str, x: u16, y: u16| {
            format!(
                "[[site]]\nid = \"{id}\"\nname = {}\nx = {x}\ny = {y}\nsummary = {}\nemergency = [{}]\ncall_today = []\nnext_visit = [{}]\nprimaries = [{}]\nlessons = [\"x#part\"]\n\n",
                toml_str(&format!("N{name}")),
                toml_str(&format!("S{summary}")),
                toml_str(&format!("E{sign}")),
                toml_str(&format!("V{sign}")),
                toml_str(&format!("P{name}")),
            )
        };
        format!("art = \"map.txt\"\nsources = [{}]\n\n{}{}\0  ___\n ( o )\n  |_|\n /   \\\n |   |\n", toml_str(&name), site("a", 3, 1), site("b", 3, 4))
            .into_bytes()
    })
}

/// A progress file with hostile ids and keys from "newer versions".
fn hostile_progress() -> impl Strategy<Value = Vec<u8>> {
    (hostile_text(), hostile_text(), any::<u64>()).prop_map(|(id, key, at)| {
        let mut p = patient_tutor::progress::Progress { notice_seen: true, ..Default::default() };
        p.record_position(&id, 3, 200, false);
        p.mark_explored(&id);
        patient_tutor::quiz::record_answer(&mut p, &id, &[0, 9], true, at % (i64::MAX as u64));
        p.extra.insert(format!("k{key}"), toml::Value::String(key));
        toml::to_string(&p).unwrap().into_bytes()
    })
}

/// An answer history: answers with hostile question ids, one JSON line each, maybe
/// with a torn last line (a process killed mid-append) or a line of garbage.
fn hostile_history() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec((hostile_text(), any::<u64>(), any::<bool>()), 0..8), 0..3u8, hostile_text()).prop_map(
        |(answers, ending, junk)| {
            let mut out = Vec::new();
            for (id, at, correct) in answers {
                let attempt = patient_tutor::progress::Attempt::answer(at, &id, &[0, 9], correct);
                out.extend(serde_json::to_vec(&attempt).unwrap());
                out.push(b'\n');
            }
            match ending {
                0 => {}
                1 => out.extend(b"{\"at\":1,\"quest"),
                _ => out.extend(format!("{junk}\n").into_bytes()),
            }
            out
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn history_any_bytes(data in bytes_or_text()) {
        hostile::history_bytes(&data);
    }

    #[test]
    fn history_hostile_answers(data in hostile_history()) {
        hostile::history_bytes(&data);
    }

    #[test]
    fn markdown_any_bytes(data in bytes_or_text()) {
        hostile::markdown_bytes(&data);
    }

    #[test]
    fn lesson_any_bytes(data in bytes_or_text()) {
        hostile::lesson_bytes(&data);
    }

    #[test]
    fn lesson_hostile_fields(data in hostile_lesson().prop_flat_map(with_size)) {
        hostile::lesson_bytes(&data);
    }

    #[test]
    fn quiz_any_bytes(data in bytes_or_text()) {
        hostile::quiz_bytes(&data[1..]);
    }

    #[test]
    fn quiz_hostile_fields(data in hostile_quiz().prop_flat_map(with_size)) {
        hostile::quiz_bytes(&data[1..]);
    }

    #[test]
    fn sites_any_bytes(data in bytes_or_text()) {
        hostile::sites_bytes(&data[1..]);
    }

    #[test]
    fn sites_hostile_fields(data in hostile_sites().prop_flat_map(with_size)) {
        hostile::sites_bytes(&data[1..]);
    }

    #[test]
    fn progress_any_bytes(data in bytes_or_text()) {
        hostile::progress_bytes(&data[1..]);
    }

    #[test]
    fn progress_hostile_fields(data in hostile_progress().prop_flat_map(with_size)) {
        hostile::progress_bytes(&data[1..]);
    }
}

/// The templates above really are valid files, so the properties reach the screens
/// and not only the error paths.
#[test]
fn the_hostile_templates_parse() {
    use patient_tutor::content::{quiz, sites};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..20 {
        let q = hostile_quiz().new_tree(&mut runner).unwrap().current();
        let q = String::from_utf8(q).unwrap();
        if let Err(e) = quiz::parse("q.toml", "x", &q) {
            panic!("{e:?}\n{q}");
        }
        let s = hostile_sites().new_tree(&mut runner).unwrap().current();
        let (text, art) = s.split_at(s.iter().position(|&b| b == 0).unwrap());
        let (text, art) = (std::str::from_utf8(text).unwrap(), std::str::from_utf8(&art[1..]).unwrap());
        if let Err(e) = sites::parse("sites.toml", text, "map.txt", art) {
            panic!("{e:?}\n{text}");
        }
        let p = hostile_progress().new_tree(&mut runner).unwrap().current();
        assert!(patient_tutor::progress::parse(&p).is_ok(), "{}", String::from_utf8_lossy(&p));
        let l = hostile_lesson().new_tree(&mut runner).unwrap().current();
        let l = String::from_utf8(l).unwrap();
        if let Err(e) = patient_tutor::content::lesson::parse("lessons/01-x.md", &l, true) {
            panic!("{e}\n{l}");
        }
    }
}

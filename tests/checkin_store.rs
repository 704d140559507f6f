//! Check-ins kept with the progress: one line each in the answer history, saved like
//! quiz answers (appended, merged across copies, removed by a reset), the draft in
//! the progress file; any bytes as a stored check-in give a clear error and lose
//! nothing.

use std::fs;
use std::path::{Path, PathBuf};

use patient_tutor::checkin::{CheckIn, Draft};
use patient_tutor::progress::{self, Attempt, CHECKIN_QUESTION, Opened, Progress, Store};
use patient_tutor::quiz::{record_answer, schedule_answer};
use proptest::prelude::*;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p/progress.toml");
    (dir, path)
}

fn open(path: &Path) -> Opened {
    Store::open(path, schedule_answer).unwrap()
}

fn clean(path: &Path) -> Progress {
    let opened = open(path);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    opened.progress
}

fn checkin(pain: u8, note: &str) -> CheckIn {
    let mut c = CheckIn { note: note.into(), ..CheckIn::default() };
    c.scores.insert("pain".into(), pain);
    c.scores.insert("worry".into(), 10 - pain);
    c.flags.insert("fever".into(), pain > 5);
    c
}

fn checkins(p: &Progress) -> Vec<(u64, CheckIn)> {
    p.checkins().map(|(at, c)| (at, c.clone())).collect()
}

#[test]
fn a_check_in_is_one_appended_line_read_back_and_never_a_quiz_answer() {
    let (_dir, path) = temp();
    let Opened { store, mut progress, .. } = open(&path);
    record_answer(&mut progress, "staging-q1", &[1], true, 100);
    progress.record_checkin(checkin(3, "slept badly"), 200);
    progress.checkin_draft = Some(Draft { step: 4, ..Draft::new(300) });
    progress.care_team_number = Some("0123 456 789".into());
    store.save(&mut progress).unwrap();

    let history = fs::read_to_string(store.history_path()).unwrap();
    let lines: Vec<&str> = history.lines().collect();
    assert_eq!(lines.len(), 3, "a header, an answer, a check-in: {history}");
    assert!(lines[2].starts_with(&format!("{{\"at\":200,\"question\":\"{CHECKIN_QUESTION}\",")), "{}", lines[2]);
    assert!(lines[2].contains("\"checkin\":{\"scores\":{\"pain\":3,\"worry\":7}"), "{}", lines[2]);
    let summary = fs::read_to_string(&path).unwrap();
    assert!(
        summary.contains("[checkin_draft]") && summary.contains("care_team_number = \"0123 456 789\""),
        "{summary}"
    );
    assert!(!summary.contains("slept badly"), "the check-in is in the history, not the progress file");

    let again = clean(&path);
    assert_eq!(checkins(&again), [(200, checkin(3, "slept badly"))]);
    assert_eq!(again.questions.len(), 1, "the check-in is not a question to review");
    assert_eq!(again.checkin_draft.as_ref().map(|d| d.step), Some(4));
    assert_eq!(again, progress);

    // The next one is appended: the file only grows.
    let mut p = again;
    p.record_checkin(checkin(6, ""), 900);
    store.save(&mut p).unwrap();
    let grown = fs::read_to_string(store.history_path()).unwrap();
    assert!(grown.starts_with(&history), "appended, not rewritten");
    assert_eq!(checkins(&clean(&path)).len(), 2);
}

/// What an older version of the app (one that reads every line as a quiz answer)
/// makes of a check-in line: an answer to a question no pack has, kept as it is.
#[test]
fn an_older_reader_keeps_a_check_in_line_as_an_answer() {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct OldAttempt {
        at: u64,
        question: String,
        chosen: Vec<usize>,
        correct: bool,
    }
    let line = serde_json::to_string(&Attempt::of_checkin(5, checkin(2, "x"))).unwrap();
    let old: OldAttempt = serde_json::from_str(&line).unwrap();
    assert_eq!((old.at, old.question.as_str()), (5, CHECKIN_QUESTION));
    // And a check-in line an older version wrote back without its check-in is still
    // not a quiz answer.
    let stripped = Attempt { checkin: None, ..Attempt::of_checkin(5, CheckIn::default()) };
    assert!(stripped.is_checkin());
    let mut p = Progress::default();
    schedule_answer(&mut p, &stripped);
    assert!(p.questions.is_empty());
}

/// Two copies of the app (two terminal tabs) each check in: both are kept, once.
fn two_copies(a_first: bool) {
    let (_dir, path) = temp();
    let mut start = Progress::default();
    start.record_checkin(checkin(1, "week one"), 10);
    open(&path).store.save(&mut start).unwrap();
    let Opened { store: a, progress: mut pa, .. } = open(&path);
    let Opened { store: b, progress: mut pb, .. } = open(&path);
    pa.record_checkin(checkin(4, "from a"), 20);
    record_answer(&mut pa, "staging-q1", &[0], true, 21);
    pb.record_checkin(checkin(4, "from b"), 20);
    pb.care_team_number = Some("0800".into());
    let (first, pf, second, ps) = if a_first { (&a, &mut pa, &b, &mut pb) } else { (&b, &mut pb, &a, &mut pa) };
    first.save(pf).unwrap();
    second.save(ps).unwrap();
    // The first copy saves again with nothing new: nothing doubles.
    first.save(pf).unwrap();
    let file = clean(&path);
    let mut notes: Vec<String> = file.checkins().map(|(_, c)| c.note.clone()).collect();
    notes.sort();
    assert_eq!(notes, ["from a", "from b", "week one"]);
    assert_eq!(file.attempts.len(), 4);
    assert_eq!(file.care_team_number.as_deref(), Some("0800"));
    assert_eq!(*pf, file);
}

#[test]
fn two_copies_keep_both_check_ins_when_a_saves_first() {
    two_copies(true);
}

#[test]
fn two_copies_keep_both_check_ins_when_b_saves_first() {
    two_copies(false);
}

#[test]
fn a_reset_removes_check_ins_and_the_draft() {
    let (_dir, path) = temp();
    let Opened { store, mut progress, .. } = open(&path);
    progress.record_checkin(checkin(2, ""), 10);
    progress.checkin_draft = Some(Draft::new(11));
    store.save(&mut progress).unwrap();
    progress::reset(&path, 50).unwrap();
    let after = clean(&path);
    assert_eq!(after.checkins().count(), 0);
    assert!(after.checkin_draft.is_none());
    // The copy still open drops them too at its next save.
    store.save(&mut progress).unwrap();
    assert_eq!(clean(&path).checkins().count(), 0);
    assert_eq!(progress.checkins().count(), 0);
}

fn history_with(path: &Path, lines: &[&str]) -> PathBuf {
    let history = progress::history_path(path);
    fs::create_dir_all(history.parent().unwrap()).unwrap();
    let good = serde_json::to_string(&Attempt::of_checkin(1, checkin(2, "kept"))).unwrap();
    let mut text = format!("{good}\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    fs::write(&history, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&history, fs::Permissions::from_mode(0o600)).unwrap();
    }
    history
}

/// A hostile check-in line: a clear error naming the line, the file kept aside
/// byte for byte (nothing lost), and nothing of it reaches the person's progress.
#[test]
fn a_hostile_check_in_line_is_a_clear_error_and_kept_aside() {
    let q = CHECKIN_QUESTION;
    let cases = [
        (
            format!(
                "{{\"at\":2,\"question\":\"{q}\",\"chosen\":[],\"correct\":true,\"checkin\":{{\"scores\":{{\"pain\":99}}}}}}"
            ),
            "more than 10",
        ),
        (
            format!(
                "{{\"at\":2,\"question\":\"{q}\",\"chosen\":[],\"correct\":true,\"checkin\":{{\"note\":\"\\u001b]52;c;aGk=\\u0007\"}}}}"
            ),
            "control characters",
        ),
        (
            format!(
                "{{\"at\":2,\"question\":\"{q}\",\"chosen\":[],\"correct\":true,\"checkin\":{{\"scores\":{{\"\\u001b[2J\":1}}}}}}"
            ),
            "not an item id",
        ),
        (
            "{\"at\":2,\"question\":\"staging-q1\",\"chosen\":[],\"correct\":true,\"checkin\":{}}".to_string(),
            "must have `question`",
        ),
        (
            format!(
                "{{\"at\":2,\"question\":\"{q}\",\"chosen\":[],\"correct\":true,\"checkin\":{{\"scores\":[1,2]}}}}"
            ),
            "not an answer",
        ),
        (
            format!("{{\"at\":2,\"question\":\"{q}\",\"chosen\":[],\"correct\":true,\"checkin\":{{\"mood\":1}}}}"),
            "unknown field `mood`",
        ),
    ];
    for (line, want) in cases {
        let (_dir, path) = temp();
        let history = history_with(&path, &[&line]);
        let before = fs::read(&history).unwrap();
        let opened = open(&path);
        let notice = opened.notices.join("\n");
        assert!(notice.contains("answer history could not be read (line 2: "), "{line}: {notice}");
        assert!(notice.contains(want), "{line}: {notice}");
        assert!(!notice.contains('\u{1b}') && !notice.contains('\u{7}'), "{notice:?}");
        let aside = notice.split("kept as ").nth(1).unwrap().split(" and a fresh").next().unwrap();
        assert_eq!(fs::read(aside).unwrap(), before, "kept byte for byte");
        assert_eq!(opened.progress.checkins().count(), 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any bytes as the check-in of a history line: either a check-in that passes every
    /// rule (read back as written), or a clear error with the file kept aside whole.
    #[test]
    fn any_bytes_as_a_stored_check_in(raw in prop::collection::vec(any::<u8>(), 0..120), valid_json in any::<bool>()) {
        let inner = if valid_json {
            // Make it JSON, but hostile: an object whose keys and values come from the bytes.
            let text = String::from_utf8_lossy(&raw).into_owned();
            let n = raw.first().copied().unwrap_or(0);
            serde_json::json!({"scores": {text.clone(): n}, "flags": {"fever": n % 2 == 0}, "note": text}).to_string()
        } else {
            String::from_utf8_lossy(&raw).replace('\n', " ")
        };
        let line = format!("{{\"at\":7,\"question\":\"{CHECKIN_QUESTION}\",\"chosen\":[],\"correct\":true,\"checkin\":{inner}}}");
        let (_dir, path) = temp();
        let history = history_with(&path, &[&line]);
        let before = fs::read(&history).unwrap();
        let opened = open(&path);
        if opened.notices.is_empty() {
            let all: Vec<_> = opened.progress.checkins().collect();
            prop_assert_eq!(all.len(), 2);
            let c = all[1].1;
            prop_assert!(c.problem().is_none());
            prop_assert!(c.scores.values().all(|s| *s <= 10));
            prop_assert!(!c.note.chars().any(char::is_control));
        } else {
            let notice = opened.notices.join("\n");
            prop_assert!(notice.contains("could not be read (line 2: "), "{}", notice);
            prop_assert!(!notice.chars().any(|c| c.is_control() && c != '\n'), "{:?}", notice);
            let aside = notice.split("kept as ").nth(1).unwrap().split(" and a fresh").next().unwrap();
            prop_assert_eq!(fs::read(aside).unwrap(), before);
            prop_assert_eq!(opened.progress.checkins().count(), 0);
        }
    }
}

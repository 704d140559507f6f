//! A quiz in plain text, one line in and lines out: for screen readers, pipes and
//! scripts. Generic over input and output so it can be tested with a `Cursor`.

use std::io::{self, BufRead, Write};

use crate::content::ContentPack;
use crate::content::quiz::{Kind, Question};
use crate::quiz::{QuizSession, Verdict};
use crate::tui::text;
use crate::words::t;
use crate::{tf, tn};

/// Called after each answer with the question id, the picks (original 0-based
/// indices) and whether it was right; returns when the question comes back for
/// review (seconds since 1970), if known.
pub type OnAnswer<'a> = dyn FnMut(&str, &[usize], bool) -> Option<u64> + 'a;

/// What the end of a plain quiz says about the review: it is `now`, and `how` a
/// review is started from where the quiz was taken.
#[derive(Debug, Clone, Copy)]
pub struct Review<'a> {
    pub now: u64,
    pub how: &'a str,
}

/// How a plain quiz went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlainOutcome {
    pub right: usize,
    pub answered: usize,
    /// Questions in the session.
    pub total: usize,
}

/// Longest answer line read; the rest of a longer line is read and ignored.
const MAX_LINE: usize = 4096;

/// Ask each question of `session` in turn, reading one line per answer from `input`.
///
/// Answers: `2`, `b` (letters a.. = 1..), `1,3` or `1 3` for "choose all that
/// apply", `t`/`f`/`true`/`false` for true/false (numbers also work). An invalid
/// line prints a short reason and asks again. After each answer `on_answer` is
/// called with the question id, the picks as original 0-based indices and whether
/// the answer was right, so the caller can save progress at once; it returns when
/// that question comes back for review, if it knows. End of input stops cleanly,
/// keeping what was answered. If any answer was wrong, the line before last says
/// when the missed questions come back (seen at `now`), then `how_to_review`. The
/// last line is `Score: X/Y`, Y being the number of questions answered.
pub fn run(
    pack: Option<&ContentPack>,
    session: &mut QuizSession,
    input: &mut impl BufRead,
    out: &mut impl Write,
    review: Review<'_>,
    on_answer: &mut OnAnswer<'_>,
) -> io::Result<PlainOutcome> {
    let total = session.len();
    let mut stopped = false;
    // When the earliest missed question comes back for review.
    let mut comeback: Option<u64> = None;
    while let Some((question, order)) = session.current() {
        let (question, order) = (question.clone(), order.to_vec());
        ask(out, session.index() + 1, total, &question, &order)?;
        let Some(display_picks) = read_answer(input, out, &question)? else {
            stopped = true;
            break;
        };
        let verdict = session.answer(&display_picks);
        let chosen = session.last_chosen().unwrap_or_default();
        let due = on_answer(&question.id, chosen, verdict.correct);
        if !verdict.correct {
            comeback = comeback.into_iter().chain(due).min();
        }
        let chosen = session.last_chosen().unwrap_or_default().to_vec();
        feedback(out, pack, &question, &order, &chosen, &verdict)?;
        session.next();
    }

    let (right, answered) = session.score();
    if total == 0 {
        writeln!(out, "{}", t("plain.quiz.no_questions"))?;
    } else if stopped {
        writeln!(out, "{}", tn!("plain.quiz.stopped", total, answered = answered))?;
    }
    if let Some(at) = comeback {
        let when = crate::quiz::review_day(at, review.now);
        let missed = text::missed_come_back(answered - right, when);
        writeln!(out, "{}", tf!("plain.quiz.missed_then_how", missed = missed, how = review.how))?;
    }
    writeln!(out, "{}", tf!("plain.quiz.score", right = right, answered = answered))?;
    out.flush()?;
    Ok(PlainOutcome { right, answered, total })
}

fn ask(out: &mut impl Write, number: usize, total: usize, q: &Question, order: &[usize]) -> io::Result<()> {
    writeln!(out, "{}", tf!("plain.quiz.question_of", number = number, total = total))?;
    writeln!(out, "{}", clean(&q.prompt))?;
    for (pos, &original) in order.iter().enumerate() {
        let text = q.choices.get(original).map_or("", String::as_str);
        writeln!(out, "  {}. {}", pos + 1, clean(text))?;
    }
    writeln!(out, "{}", hint(q.kind, order.len()))?;
    Ok(())
}

fn hint(kind: Kind, count: usize) -> String {
    match kind {
        Kind::Single => tf!("plain.quiz.hint_single", n = count),
        // The prompt says "choose all that apply" itself.
        Kind::Multiple => tf!("plain.quiz.hint_multiple", n = count),
        Kind::TrueFalse => t("plain.quiz.hint_true_false").to_string(),
    }
}

/// Read lines until one is a valid answer (display positions, 0-based, sorted, no
/// repeats), telling what is wrong with each invalid one. `None` at end of input.
fn read_answer(input: &mut impl BufRead, out: &mut impl Write, q: &Question) -> io::Result<Option<Vec<usize>>> {
    loop {
        out.flush()?;
        let Some(line) = read_line(input)? else { return Ok(None) };
        match parse_answer(&line, q.kind, q.choices.len()) {
            Ok(picks) => return Ok(Some(picks)),
            Err(reason) => writeln!(out, "{reason}")?,
        }
    }
}

/// One line of input, lossily decoded, at most `MAX_LINE` bytes kept. `None` at end of input.
pub(super) fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut kept = Vec::new();
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = MAX_LINE.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    Ok(any.then(|| String::from_utf8_lossy(&kept).into_owned()))
}

/// Parse an answer line into display positions (0-based, sorted, no repeats), or
/// say in a short sentence what is wrong with it.
fn parse_answer(line: &str, kind: Kind, count: usize) -> Result<Vec<usize>, String> {
    let how = match kind {
        Kind::TrueFalse => t("plain.quiz.how_true_false").to_string(),
        _ => tf!("plain.quiz.how_number", n = count),
    };
    let mut picks = Vec::new();
    for token in line.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
        let word = token.to_lowercase();
        let pick = match word.as_str() {
            "t" | "true" if kind == Kind::TrueFalse => 0,
            "f" | "false" if kind == Kind::TrueFalse => 1,
            _ => match (word.parse::<u64>(), letter(&word)) {
                (Ok(n), _) => match usize::try_from(n) {
                    Ok(n) if (1..=count).contains(&n) => n - 1,
                    _ => return Err(tf!("plain.quiz.no_such_choice", shown = shown(token), how = how)),
                },
                (_, Some(p)) if p < count => p,
                (_, Some(_)) => return Err(tf!("plain.quiz.no_such_choice", shown = shown(token), how = how)),
                _ => return Err(tf!("plain.quiz.not_understood", shown = shown(token), how = how)),
            },
        };
        picks.push(pick);
    }
    picks.sort_unstable();
    picks.dedup();
    match picks.len() {
        0 => Err(tf!("plain.quiz.empty", how = how)),
        1 => Ok(picks),
        _ if kind == Kind::Multiple => Ok(picks),
        _ => Err(tf!("plain.quiz.just_one", how = how)),
    }
}

/// A single letter a–z (either case) as a 0-based position.
fn letter(token: &str) -> Option<usize> {
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(usize::from(c.to_ascii_lowercase() as u8 - b'a')),
        _ => None,
    }
}

/// Typed text echoed back in a message: cleaned and kept short.
fn shown(token: &str) -> String {
    let cleaned = clean(token);
    let mut short: String = cleaned.chars().take(20).collect();
    if cleaned.chars().count() > 20 {
        short.push('…');
    }
    short
}

fn feedback(
    out: &mut impl Write,
    pack: Option<&ContentPack>,
    q: &Question,
    order: &[usize],
    chosen: &[usize],
    verdict: &Verdict,
) -> io::Result<()> {
    writeln!(out, "{}", if verdict.correct { t("plain.quiz.right") } else { t("plain.quiz.not_quite") })?;
    // Each choice you picked, and each right one, in the order shown: the same marks
    // and words as the tutor's screen.
    for (pos, &original) in order.iter().enumerate() {
        let Some((symbol, words)) =
            text::choice_feedback(chosen.contains(&original), verdict.right.contains(&original))
        else {
            continue;
        };
        let choice = clean(q.choices.get(original).map_or("", String::as_str));
        match q.kind {
            Kind::TrueFalse => {
                writeln!(out, "  {}", tf!("plain.quiz.feedback", mark = symbol, choice = choice, words = words))?
            }
            _ => writeln!(
                out,
                "  {}. {}",
                pos + 1,
                tf!("plain.quiz.feedback", mark = symbol, choice = choice, words = words)
            )?,
        }
    }
    writeln!(out, "{}", clean(&q.explanation))?;
    writeln!(out, "{}", super::linear::read_more(pack, &q.see))?;
    writeln!(out)?;
    Ok(())
}

/// Content text made safe to print: control characters (C0, DEL, C1) and bidi
/// controls removed, line breaks and tabs turned into spaces.
fn clean(text: &str) -> String {
    crate::markdown::sanitize(text).into_owned()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::quiz::testing::question;

    /// Answers recorded by `on_answer`: (id, original picks, correct).
    type Calls = Vec<(String, Vec<usize>, bool)>;

    fn questions() -> Vec<Question> {
        let mut m = question("m", "staging", Kind::Multiple, 4, &[0, 2]);
        m.choices = vec!["Age".into(), "Size".into(), "Nodes".into(), "Spread".into()];
        vec![question("s", "staging", Kind::Single, 3, &[1]), m, question("t", "staging", Kind::TrueFalse, 2, &[1])]
    }

    const SEED: u64 = 3;
    const NOW: u64 = 1_764_676_800;
    const REVIEW: Review<'static> = Review { now: NOW, how: "HOW." };

    /// The display order of each question for `SEED`.
    fn orders() -> Vec<Vec<usize>> {
        let mut s = QuizSession::new(questions(), SEED);
        let mut all = Vec::new();
        while let Some((_, order)) = s.current() {
            all.push(order.to_vec());
            s.next();
        }
        all
    }

    /// 1-based display number of original choice `o` of question `q`.
    fn num(q: usize, o: usize) -> usize {
        orders()[q].iter().position(|&x| x == o).unwrap() + 1
    }

    fn run_with(input: &[u8]) -> (PlainOutcome, String, Calls) {
        let mut session = QuizSession::new(questions(), SEED);
        let mut out = Vec::new();
        let mut calls = Calls::new();
        let mut on_answer = |id: &str, chosen: &[usize], correct: bool| {
            calls.push((id.to_string(), chosen.to_vec(), correct));
            // As the review schedule does: a missed question is due again at once.
            Some(if correct { NOW + crate::quiz::DAY } else { NOW })
        };
        let outcome =
            run(None, &mut session, &mut Cursor::new(input.to_vec()), &mut out, REVIEW, &mut on_answer).unwrap();
        (outcome, String::from_utf8(out).unwrap(), calls)
    }

    fn last_line(out: &str) -> &str {
        out.lines().last().unwrap()
    }

    #[test]
    fn a_whole_quiz_with_valid_answers() {
        // Question 1 right by letter, question 2 right as "x y", question 3 wrong.
        let letter = char::from(b'a' + num(0, 1) as u8 - 1);
        let input = format!("{letter}\n{} {}\nt\n", num(1, 2), num(1, 0));
        let (outcome, out, calls) = run_with(input.as_bytes());
        assert_eq!(outcome, PlainOutcome { right: 2, answered: 3, total: 3 });
        assert_eq!(calls, [("s".into(), vec![1], true), ("m".into(), vec![0, 2], true), ("t".into(), vec![0], false)]);
        assert_eq!(last_line(&out), "Score: 2/3");
        assert!(!out.contains("Stopped"));

        let choices: Vec<String> =
            orders()[0].iter().enumerate().map(|(i, &o)| format!("  {}. {}", i + 1, ["A", "B", "C"][o])).collect();
        let first = format!(
            "Question 1 of 3\nPrompt of s?\n{}\nAnswer with one number from 1 to 3.\nRight.\n  {}. ✓ B (your answer, right)\nExplanation of s.\nRead more: staging#s\n\n",
            choices.join("\n"),
            num(0, 1)
        );
        assert!(out.starts_with(&first), "{out}");
        assert!(out.contains("Answer with a number, or several like 1,3 (from 1 to 4): one or more are right.\n"));
        let mut right = [(num(1, 0), "Age"), (num(1, 2), "Nodes")];
        right.sort();
        assert!(out.contains(&format!(
            "Right.\n  {}. ✓ {} (your answer, right)\n  {}. ✓ {} (your answer, right)\nExplanation of m.\n",
            right[0].0, right[0].1, right[1].0, right[1].1
        )));
        let last = "Question 3 of 3\nPrompt of t?\n  1. True\n  2. False\nAnswer t for true or f for false.\n\
                    Not quite.\n  ✗ True (your answer, not right)\n  ○ False (right answer, you did not pick it)\n\
                    Explanation of t.\nRead more: staging#t\n\n\
                    The question you missed comes back for review now. HOW.\nScore: 2/3\n";
        assert!(out.ends_with(last), "{out}");
    }

    #[test]
    fn invalid_lines_are_explained_and_asked_again() {
        let input = format!(
            "\n7\n0\n1,2\nmaybe\nz\n\u{1b}[2Jx\n{}\n{}\nfalse\n",
            num(0, 0),
            // A partial answer to "choose all that apply": wrong, with what was missed.
            num(1, 0)
        );
        let (outcome, out, calls) = run_with(input.as_bytes());
        assert_eq!(outcome, PlainOutcome { right: 1, answered: 3, total: 3 });
        assert_eq!(calls, [("s".into(), vec![0], false), ("m".into(), vec![0], false), ("t".into(), vec![1], true)]);
        for reason in [
            "Please type an answer. Answer with a number from 1 to 3.\n",
            "There is no choice 7. Answer with a number from 1 to 3.\n",
            "There is no choice 0. Answer with a number from 1 to 3.\n",
            "This question has one answer: give just one. Answer with a number from 1 to 3.\n",
            "I did not understand \"maybe\". Answer with a number from 1 to 3.\n",
            "There is no choice z. Answer with a number from 1 to 3.\n",
            "I did not understand \"[2Jx\". Answer with a number from 1 to 3.\n",
        ] {
            assert!(out.contains(reason), "missing {reason:?} in\n{out}");
        }
        assert_eq!(out.matches("Question 1 of 3").count(), 1, "the question is not reprinted");
        // The single choice: the wrong pick and the right answer not picked.
        assert!(out.contains(&format!("  {}. ✗ A (your answer, not right)\n", num(0, 0))), "{out}");
        assert!(out.contains(&format!("  {}. ○ B (right answer, you did not pick it)\n", num(0, 1))), "{out}");
        // Choose all that apply, partly right: the right pick, and the right one missed.
        assert!(out.contains(&format!("  {}. ✓ Age (your answer, right)\n", num(1, 0))), "{out}");
        assert!(out.contains(&format!("  {}. ○ Nodes (right answer, you did not pick it)\n", num(1, 2))), "{out}");
        assert_eq!(out.matches("(your answer, not right)").count(), 1, "{out}");
        assert!(out.contains("The 2 questions you missed come back for review now. HOW.\nScore: 1/3\n"), "{out}");
        assert_eq!(last_line(&out), "Score: 1/3");
    }

    #[test]
    fn end_of_input_stops_cleanly_keeping_the_answers() {
        let input = format!("{}\n", num(0, 1));
        let (outcome, out, calls) = run_with(input.as_bytes());
        assert_eq!(outcome, PlainOutcome { right: 1, answered: 1, total: 3 });
        assert_eq!(calls, [("s".into(), vec![1], true)]);
        assert!(out.ends_with("Stopped after 1 of 3 questions.\nScore: 1/1\n"), "{out}");

        // Stopping in the middle of re-asking.
        let (outcome, out, calls) = run_with(b"9\n");
        assert_eq!(outcome, PlainOutcome { right: 0, answered: 0, total: 3 });
        assert!(calls.is_empty());
        assert!(
            out.ends_with(
                "There is no choice 9. Answer with a number from 1 to 3.\nStopped after 0 of 3 questions.\nScore: 0/0\n"
            ),
            "{out}"
        );

        // No input at all; and a last line with no newline still counts.
        assert_eq!(last_line(&run_with(b"").1), "Score: 0/0");
        let input = format!("{}\n{},{}", num(0, 2), num(1, 0), num(1, 2));
        let (outcome, out, calls) = run_with(input.as_bytes());
        assert_eq!((outcome.right, outcome.answered), (1, 2));
        assert_eq!(calls[1], ("m".into(), vec![0, 2], true));
        assert_eq!(last_line(&out), "Score: 1/2");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_just_a_wrong_line() {
        let mut input = b"\xff\xfe\n".to_vec();
        input.extend_from_slice(format!("{}\n", num(0, 1)).as_bytes());
        let (outcome, out, _) = run_with(&input);
        assert_eq!(outcome.answered, 1);
        assert!(out.contains("I did not understand \"\u{fffd}\u{fffd}\""), "{out}");
    }

    #[test]
    fn content_text_is_printed_without_control_characters() {
        let mut q = question("c", "staging", Kind::Single, 2, &[0]);
        q.prompt = "Clear\u{1b}[2J the \u{202E}screen\u{2066}?\u{7f}\u{9b}".into();
        q.choices = vec!["Yes\u{7}".into(), "No\r".into()];
        q.explanation = "Because\u{0}.".into();
        let mut session = QuizSession::new(vec![q], 0);
        let mut out = Vec::new();
        run(None, &mut session, &mut Cursor::new(b"1\n".to_vec()), &mut out, REVIEW, &mut |_, _, _| None).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Clear[2J the screen?\n"), "{out}");
        assert!(out.contains("Because.\n"));
        assert!(
            !out.chars().any(
                |c| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            ),
            "{out:?}"
        );
    }

    #[test]
    fn an_empty_quiz_says_so() {
        let mut session = QuizSession::new(Vec::new(), 0);
        let mut out = Vec::new();
        let outcome =
            run(None, &mut session, &mut Cursor::new(b"1\n".to_vec()), &mut out, REVIEW, &mut |_, _, _| None).unwrap();
        assert_eq!(outcome, PlainOutcome { right: 0, answered: 0, total: 0 });
        assert_eq!(String::from_utf8(out).unwrap(), "There are no questions in this quiz.\nScore: 0/0\n");
    }

    #[test]
    fn answer_lines_parse() {
        use Kind::*;
        // (kind, choices, line, picks as display positions)
        let good: [(Kind, usize, &str, &[usize]); 14] = [
            (Single, 4, "2", &[1]),
            (Single, 4, "  4 ", &[3]),
            (Single, 4, "b", &[1]),
            (Single, 4, "D", &[3]),
            (Single, 4, "2,2", &[1]),
            (Multiple, 4, "1,3", &[0, 2]),
            (Multiple, 4, "3 1", &[0, 2]),
            (Multiple, 4, "a, c,", &[0, 2]),
            (Multiple, 4, "4", &[3]),
            (TrueFalse, 2, "t", &[0]),
            (TrueFalse, 2, "FALSE", &[1]),
            (TrueFalse, 2, "true\r", &[0]),
            (TrueFalse, 2, "2", &[1]),
            (TrueFalse, 2, "a", &[0]),
        ];
        for (kind, n, line, picks) in good {
            assert_eq!(parse_answer(line, kind, n), Ok(picks.to_vec()), "{kind:?} {line:?}");
        }
        let bad: [(Kind, usize, &str, &str); 9] = [
            (Single, 4, "", "Please type an answer. Answer with a number from 1 to 4."),
            (Single, 4, " , ", "Please type an answer. Answer with a number from 1 to 4."),
            (Single, 4, "5", "There is no choice 5. Answer with a number from 1 to 4."),
            (
                Single,
                4,
                "99999999999999999999999",
                "I did not understand \"99999999999999999999…\". Answer with a number from 1 to 4.",
            ),
            (Single, 4, "1 2", "This question has one answer: give just one. Answer with a number from 1 to 4."),
            (Multiple, 4, "1,e", "There is no choice e. Answer with a number from 1 to 4."),
            (Multiple, 4, "1.5", "I did not understand \"1.5\". Answer with a number from 1 to 4."),
            (TrueFalse, 2, "t f", "This question has one answer: give just one. Type t for true or f for false."),
            (TrueFalse, 2, "yes", "I did not understand \"yes\". Type t for true or f for false."),
        ];
        for (kind, n, line, reason) in bad {
            assert_eq!(parse_answer(line, kind, n), Err(reason.to_string()), "{kind:?} {line:?}");
        }
    }

    proptest::proptest! {
        /// Any input: no panic, one `on_answer` per answer, and the score line last.
        #[test]
        fn any_input_ends_with_the_score(input in proptest::collection::vec(proptest::sample::select(b"12345abt f,\n\xff".to_vec()), 0..60)) {
            let (outcome, out, calls) = run_with(&input);
            proptest::prop_assert!(outcome.answered <= outcome.total);
            proptest::prop_assert_eq!(calls.len(), outcome.answered);
            proptest::prop_assert_eq!(calls.iter().filter(|c| c.2).count(), outcome.right);
            let score = format!("Score: {}/{}", outcome.right, outcome.answered);
            proptest::prop_assert_eq!(last_line(&out), score.as_str());
        }
    }
}

//! Issue 16, defects 6, 11 and 12: the reader's links and its contents, drawn on
//! TestBackend (NO_COLOR styles, as a person with NO_COLOR=1 sees them).

mod common;

use common::{app, click, screen, send};
use patient_tutor::markdown::line_to_string;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The frame as drawn, with its styles.
fn buffer(app: &App) -> Buffer {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| drop(view::draw(app, frame))).unwrap();
    terminal.backend().buffer().clone()
}

/// Open lesson `id` (past its content note, if it has one).
fn open(app: &mut App, id: &str) {
    let index = app.pack.lesson_index(id).unwrap_or_else(|| panic!("no lesson {id}"));
    app.open_lesson(index, None);
    if app.reader().is_some_and(|r| r.note_pending) {
        app.update(Action::Open);
    }
}

/// The cells of row `y` from `x` on, as (text, modifiers) per cell.
fn cells(buf: &Buffer, y: u16, from: u16, to: u16) -> Vec<(String, Modifier)> {
    (from..to).map(|x| (buf[(x, y)].symbol().to_string(), buf[(x, y)].modifier)).collect()
}

// ------------------------------------------------------------ defect 6

/// After any step: the selected link is on screen, marked, and the footer names it;
/// with none selected, no marker and no link in the footer.
fn check_link_state(app: &App, what: &str) {
    let rows = screen(app);
    let text = rows.join("\n");
    let reader = app.reader().expect("a lesson is open");
    let parts = app.reader_layout();
    let footer = rows.last().unwrap();
    let buf = buffer(app);
    let marked: Vec<usize> = (0..parts.text.height)
        .filter(|&row| parts.gutter.width > 0 && buf[(parts.gutter.x, parts.text.y + row)].symbol() == "▶")
        .map(usize::from)
        .collect();
    let names_a_link = footer.starts_with("Link") || footer.starts_with("More detail:");
    match reader.link {
        Some(i) => {
            let link = &reader.doc.links[i];
            let height = usize::from(parts.text.height);
            assert!(
                (reader.top..reader.top + height).contains(&link.line),
                "{what}: the selected link {:?} (line {}) is off screen (top {}):\n{text}",
                link.text,
                link.line,
                reader.top
            );
            assert_eq!(marked, vec![link.line - reader.top], "{what}: marker rows:\n{text}");
            let first_word = link.text.split_whitespace().next().unwrap_or_default().to_lowercase();
            assert!(
                names_a_link && footer.to_lowercase().contains(&first_word),
                "{what}: footer does not name {:?}:\n{text}",
                link.text
            );
        }
        None => {
            assert!(marked.is_empty(), "{what}: a marker with no link selected:\n{text}");
            assert!(!names_a_link, "{what}: the footer names a link that is not selected:\n{text}");
        }
    }
}

#[test]
fn after_a_resize_or_a_scroll_the_footer_names_exactly_the_selected_link_on_screen() {
    use Action::*;
    let script = [
        NextLink,
        Resize(40, 12),
        NextLink,
        Down,
        NextLink,
        PageDown,
        NextLink,
        Resize(100, 30),
        NextLink,
        NextLink,
        PageDown,
        PageDown,
        PrevLink,
        Resize(60, 20),
        Scroll(3),
        NextLink,
        Resize(40, 12),
        Bottom,
        PrevLink,
        Top,
        NextLink,
        Resize(100, 30),
        Up,
        NextLink,
        Resize(20, 6),
        Resize(100, 30),
    ];
    for id in ["symptoms", "treatment", "when-to-get-help", "prognosis"] {
        let mut app = app(100, 30);
        open(&mut app, id);
        check_link_state(&app, &format!("{id}: opened"));
        for (step, action) in script.iter().enumerate() {
            app.update(action.clone());
            check_link_state(&app, &format!("{id}: step {step} {action:?}"));
        }
    }
}

// ------------------------------------------------------------ defect 11

/// The side panel's rows, from the column after its left border, as text.
fn panel_rows(app: &App) -> Vec<String> {
    let toc = app.reader_layout().toc.expect("the side panel shows");
    let buf = buffer(app);
    (toc.y..toc.bottom())
        .map(|y| cells(&buf, y, toc.x + 1, toc.right()).into_iter().map(|(s, _)| s).collect::<String>())
        .map(|row| row.trim_end().to_string())
        .collect()
}

/// The entries of the side panel as shown (its heading row left out): each entry's
/// rows joined (an entry's further rows are indented under its first), and which
/// one is marked `▸`.
fn entries(rows: &[String]) -> (Vec<String>, Option<usize>) {
    let mut entries: Vec<String> = Vec::new();
    let mut marked = None;
    for row in rows.iter().skip(1) {
        // One column of padding, then the marker's two.
        let row: String = row.chars().skip(1).collect();
        let text = row.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(title) = row.strip_prefix("▸ ") {
            marked = Some(entries.len());
            entries.push(title.trim().to_string());
        } else if row.starts_with("    ") && !entries.is_empty() {
            let last = entries.last_mut().unwrap();
            last.push(' ');
            last.push_str(text);
        } else {
            entries.push(text.to_string());
        }
    }
    (entries, marked)
}

#[test]
fn at_100_by_30_every_contents_title_can_be_read_whole_and_the_first_is_the_lesson() {
    let pack = common::pack();
    for lesson in &pack.lessons {
        let mut app = app(100, 30);
        open(&mut app, &lesson.id);
        let rows = panel_rows(&app);
        let (shown, _) = entries(&rows);
        let mut wanted = vec![lesson.title.clone()];
        wanted.extend(lesson.sections.iter().map(|s| s.title.clone()));
        assert_eq!(shown, wanted, "{}:\n{}", lesson.id, rows.join("\n"));
        assert!(rows.iter().all(|r| !r.contains('…')), "{}:\n{}", lesson.id, rows.join("\n"));
    }
}

/// The section the first line with text on screen is in, read from the rendered
/// lines: the nearest `##` title at or above it, else the lesson's title.
fn section_on_top(app: &App) -> String {
    let reader = app.reader().unwrap();
    let lesson = &app.pack.lessons[reader.lesson];
    let height = usize::from(app.reader_layout().text.height);
    let text = |l: usize| line_to_string(&reader.doc.lines[l]).trim().to_string();
    let end = (reader.top + height).min(reader.doc.lines.len());
    let first = (reader.top..end).find(|&l| !text(l).is_empty()).unwrap_or(reader.top);
    (0..=first)
        .rev()
        .find_map(|l| lesson.sections.iter().find(|s| s.title == text(l)).map(|s| s.title.clone()))
        .unwrap_or_else(|| lesson.title.clone())
}

#[test]
fn the_current_section_marker_follows_every_page_and_jump() {
    use Action::*;
    let mut steps = vec![PageDown; 30];
    steps.extend([Bottom, PageUp, PageUp, PageUp, Top, PageDown, Bottom, Top]);
    steps.extend(vec![Down; 80]);
    for lesson in common::pack().lessons {
        let mut app = app(100, 30);
        open(&mut app, &lesson.id);
        for (step, action) in steps.iter().enumerate() {
            app.update(action.clone());
            let rows = panel_rows(&app);
            let (_, marked) = entries(&rows);
            let (shown, _) = entries(&rows);
            let want = section_on_top(&app);
            assert_eq!(
                marked.map(|i| shown[i].clone()),
                Some(want),
                "{} step {step} {action:?}, top {}:\n{}",
                lesson.id,
                app.reader().unwrap().top,
                screen(&app).join("\n")
            );
        }
    }
}

#[test]
fn the_contents_start_with_the_lesson_title_which_goes_to_the_top() {
    // The side panel at 100×30 (keys and a click), the list over the text at 40×12.
    for (w, h) in [(100, 30), (40, 12)] {
        let mut app = app(w, h);
        open(&mut app, "treatment");
        send(&mut app, &[Action::PageDown, Action::PageDown, Action::PageDown, Action::Contents]);
        assert_ne!(app.reader().unwrap().top, 0);
        for _ in 0..20 {
            app.update(Action::Up);
        }
        let text = screen(&app).join("\n");
        assert!(text.contains("Treatment for stage 4 cancer"), "{w}×{h}:\n{text}");
        app.update(Action::Open);
        assert_eq!(app.reader().unwrap().top, 0, "{w}×{h}: the first entry goes to the top:\n{text}");
    }
    let mut app = app(100, 30);
    open(&mut app, "treatment");
    send(&mut app, &[Action::PageDown, Action::PageDown]);
    let toc = app.reader_layout().toc.unwrap();
    // Row 0 is the panel's heading; row 1 the first entry.
    click(&mut app, toc.x + 4, toc.y + 1);
    assert_eq!(app.reader().unwrap().top, 0, "a click on the first entry goes to the top");
}

#[test]
fn at_40_by_12_the_contents_list_shows_whole_titles() {
    let mut app = app(40, 12);
    open(&mut app, "when-to-get-help");
    app.update(Action::Contents);
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&screen(&app).join("\n"));
        seen.push('\n');
        app.update(Action::Down);
    }
    let words: String = seen.replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!seen.contains('…'), "{seen}");
    for section in &app.pack.lesson("when-to-get-help").unwrap().sections {
        assert!(words.contains(&section.title), "{:?} never shown whole:\n{seen}", section.title);
    }
}

// ------------------------------------------------------------ defect 12

/// Where `needle` starts on screen: (x, y) of its first cell.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let row = cells(buf, y, 0, area.width);
        let symbols: Vec<&str> = row.iter().map(|(s, _)| s.as_str()).collect();
        let chars: Vec<String> = needle.chars().map(String::from).collect();
        for x in 0..symbols.len() {
            if symbols[x..].len() >= chars.len() && symbols[x..x + chars.len()] == chars[..] {
                return Some((x as u16, y));
            }
        }
    }
    None
}

fn modifiers(buf: &Buffer, (x, y): (u16, u16), len: usize) -> Vec<Modifier> {
    (0..len as u16).map(|i| buf[(x + i, y)].modifier).collect()
}

/// The text row of rendered line `line`, as (symbol, modifiers) per cell.
fn text_row(app: &App, buf: &Buffer, line: usize) -> Vec<(String, Modifier)> {
    let area = app.reader_layout().text;
    let y = area.y + (line - app.reader().unwrap().top) as u16;
    cells(buf, y, area.x, area.right())
}

/// Whether `word` appears in `row` with every cell of it having `modifier`.
fn shown_with(row: &[(String, Modifier)], word: &str, modifier: Modifier) -> bool {
    let chars: Vec<String> = word.chars().map(String::from).collect();
    row.windows(chars.len()).any(|w| w.iter().zip(&chars).all(|((s, m), c)| s == c && m.contains(modifier)))
}

#[test]
fn the_selected_link_has_its_own_look_in_no_color() {
    let mut app = app(100, 30);
    open(&mut app, "symptoms");
    app.update(Action::NextLink);
    let reader = app.reader().unwrap();
    let link = reader.doc.links[reader.link.unwrap()].clone();
    let other = reader.doc.links.iter().find(|l| l.line > link.line && l.line < reader.top + 20).unwrap().clone();
    let buf = buffer(&app);
    let first = link.text.split_whitespace().next().unwrap();
    assert!(
        shown_with(&text_row(&app, &buf, link.line), first, Modifier::REVERSED),
        "the selected link {:?} is not reversed: {:?}",
        link.text,
        text_row(&app, &buf, link.line)
    );
    assert!(
        text_row(&app, &buf, other.line).iter().all(|(_, m)| !m.contains(Modifier::REVERSED)),
        "another link {:?} is reversed",
        other.text
    );
}

#[test]
fn links_and_glossary_words_look_different_in_no_color() {
    let mut app = app(100, 30);
    open(&mut app, "symptoms");
    let buf = buffer(&app);
    // "spread" is a glossary word on the first screen; "body map" a link.
    let word = find(&buf, "spread").expect("a glossary word on screen");
    let link = find(&buf, "body map").expect("a link on screen");
    let word_look = modifiers(&buf, word, 6);
    let link_look = modifiers(&buf, link, 4);
    assert!(word_look.iter().all(|m| *m == word_look[0]) && link_look.iter().all(|m| *m == link_look[0]));
    assert_ne!(word_look[0], link_look[0], "a glossary word and a link look the same");
    assert!(word_look[0].contains(Modifier::UNDERLINED), "{:?}", word_look[0]);
}

/// Every `[→ …]` tail in the lesson's lines at this width: (line, text of the tail so far).
fn tails(app: &App) -> Vec<(usize, String)> {
    let reader = app.reader().unwrap();
    let mut out = Vec::new();
    for (i, line) in reader.doc.lines.iter().enumerate() {
        let text = line_to_string(line);
        for (at, _) in text.match_indices("[→") {
            out.push((i, text[at..].to_string()));
        }
    }
    out
}

#[test]
fn link_targets_show_titles_and_no_glossary_marks() {
    let pack = common::pack();
    for lesson in &pack.lessons {
        let mut app = app(100, 30);
        open(&mut app, &lesson.id);
        let all = tails(&app);
        for (line, tail) in &all {
            let inside = tail.split(']').next().unwrap_or_default();
            assert!(!inside.contains('#') && !inside.contains("app:"), "{}: an id as a target: {tail}", lesson.id);
            assert!(
                pack.lesson(inside.trim_start_matches("[→").trim()).is_none(),
                "{}: a lesson id: {tail}",
                lesson.id
            );
            // Drawn: no cell of the tail is underlined as a glossary word.
            app.reader_mut().unwrap().top = *line;
            let buf = buffer(&app);
            let text_area = app.reader_layout().text;
            let row: Vec<(String, Modifier)> = cells(&buf, text_area.y, text_area.x, text_area.right());
            let start = row.iter().position(|(s, _)| s == "→").expect("the tail on the top row");
            for (s, m) in row[start..].iter().take_while(|(s, _)| s != "]") {
                assert!(!m.contains(Modifier::UNDERLINED), "{}: {s:?} underlined in {tail}", lesson.id);
            }
        }
    }
}

#[test]
fn at_40_columns_no_link_target_breaks_across_lines() {
    let pack = common::pack();
    for lesson in &pack.lessons {
        let mut app = app(40, 12);
        open(&mut app, &lesson.id);
        let width = usize::from(app.reader_layout().text.width);
        let reader = app.reader().unwrap();
        for (line, tail) in tails(&app) {
            if tail.contains(']') {
                continue;
            }
            // Wider than a whole line: it may wrap, at spaces only.
            let mut whole = tail.clone();
            for next in &reader.doc.lines[line + 1..] {
                whole.push(' ');
                whole.push_str(line_to_string(next).trim());
                if whole.contains(']') {
                    break;
                }
            }
            let tail_w = whole.split(']').next().unwrap().chars().count() + 1;
            assert!(tail_w > width, "{}: {whole:?} breaks though it fits in {width}", lesson.id);
            // and then it starts a line of its own
            let text = line_to_string(&reader.doc.lines[line]);
            let before = &text[..text.len() - tail.len()];
            assert!(
                before.chars().all(|c| " │•".contains(c)),
                "{}: {text:?} ends with the start of a target",
                lesson.id
            );
        }
    }
}

#[test]
fn at_20_by_6_the_contents_list_still_shows_its_entries() {
    let mut app = app(20, 6);
    open(&mut app, "pain");
    send(&mut app, &[Action::Bottom, Action::Contents]);
    let text = screen(&app).join("\n");
    assert!(text.contains("▸ When to call"), "{text}");
}

//! Pack features in the tutor: home grouped by the manifest, "More detail" parts
//! folded in the reader, lessons behind a content note, and About naming the pack.

mod common;

use common::{app, app_with, pack, screen, screen_text, send};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::theme::Theme;

fn index_of(app: &App, id: &str) -> usize {
    app.pack.lesson_index(id).unwrap_or_else(|| panic!("no lesson {id}"))
}

fn row_index(rows: &[String], needle: &str) -> usize {
    rows.iter().position(|r| r.contains(needle)).unwrap_or_else(|| panic!("{needle} missing:\n{}", rows.join("\n")))
}

#[test]
fn home_shows_the_pack_groups_in_order_with_the_next_lesson_selected() {
    let app = app(100, 30);
    let rows = screen(&app);
    // Headings in the manifest's order, each above its lessons.
    let understanding = row_index(&rows, "Understanding stage 4");
    let treatment = row_index(&rows, "Treatment and care");
    let living = row_index(&rows, "Living with stage 4");
    let planning = row_index(&rows, "Planning ahead");
    assert!(understanding < treatment && treatment < living && living < planning, "{}", rows.join("\n"));
    // Lessons keep their pack number, under their group's heading.
    assert_eq!(row_index(&rows, " 1. What stage 4 cancer is"), understanding + 1);
    assert!(row_index(&rows, " 6. Outlook") < treatment, "prognosis is in Understanding");
    // The file order follows the groups, so the numbers run in order down the list.
    assert_eq!(row_index(&rows, " 8. Treatment"), treatment + 1, "treatment opens Treatment and care");
    assert!(row_index(&rows, "19. ") > planning);
    // First run path: the first lesson is selected and Enter opens it.
    assert_eq!(app.home_selected, 0);
}

#[test]
fn up_and_down_follow_the_grouped_order() {
    let mut app = app(100, 30);
    let staging = index_of(&app, "staging");
    let prognosis = index_of(&app, "prognosis");
    let remission = index_of(&app, "remission-and-ned");
    let treatment = index_of(&app, "treatment");
    app.home_selected = staging;
    send(&mut app, &[Action::Down]);
    assert_eq!(app.home_selected, prognosis);
    send(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.home_selected, treatment, "past remission ({remission}) into the next group");
    send(&mut app, &[Action::Up]);
    assert_eq!(app.home_selected, remission);
    send(&mut app, &[Action::Bottom]);
    assert_eq!(app.home_selected, index_of(&app, "near-the-end"));
    send(&mut app, &[Action::Top, Action::Open]);
    assert_eq!(app.screen(), ScreenKind::Reader);
    assert_eq!(app.reader().unwrap().lesson, 0);
}

#[test]
fn the_next_lesson_to_read_is_selected_in_its_group() {
    let mut progress = Progress { notice_seen: true, ..Default::default() };
    progress.record_position("pain", 300, 30, false);
    let app = app_with(progress, 100, 30);
    assert_eq!(app.home_selected, index_of(&app, "pain"));
    let title = &app.pack.lesson("pain").unwrap().title;
    assert!(screen_text(&app).contains(&format!("Next: {title}")), "{}", screen_text(&app));
}

#[test]
fn the_selection_stays_on_screen_at_40x12_and_20x6() {
    for (w, h) in [(40, 12), (20, 6)] {
        let mut app = app(w, h);
        let order = app.home_order();
        assert_eq!(order.len(), app.pack.lessons.len());
        for (step, &lesson) in order.iter().enumerate() {
            assert_eq!(app.home_selected, lesson, "{w}x{h} step {step}");
            let rows = screen(&app);
            let number = format!("{:>2}. ", lesson + 1);
            assert!(
                rows.iter().any(|r| r.contains(&number)),
                "{w}x{h}: lesson {lesson} not on screen:\n{}",
                rows.join("\n")
            );
            send(&mut app, &[Action::Down]);
        }
        // And back up to the top.
        for _ in 0..order.len() {
            send(&mut app, &[Action::Up]);
        }
        assert_eq!(app.home_selected, 0);
        assert!(screen(&app).iter().any(|r| r.contains(" 1. ")), "{w}x{h}");
    }
    // At 40x12 the group heading of the selection is shown above it.
    let app = app(40, 12);
    let rows = screen(&app);
    assert_eq!(row_index(&rows, " 1. "), row_index(&rows, "Understanding stage 4") + 1);
}

#[test]
fn a_click_on_a_lesson_opens_it_and_a_heading_does_nothing() {
    let mut app = app(100, 30);
    let rows = screen(&app);
    let heading = row_index(&rows, "Treatment and care") as u16;
    common::click(&mut app, 10, heading);
    assert_eq!(app.screen(), ScreenKind::Home);
    common::click(&mut app, 10, heading + 1);
    assert_eq!(app.screen(), ScreenKind::Reader);
    assert_eq!(app.reader().unwrap().lesson, index_of(&app, "treatment"));
}

#[test]
fn a_pack_without_groups_shows_a_flat_list_in_file_order() {
    let mut pack = pack();
    pack.manifest = None;
    let mut app = App::new(pack, Progress { notice_seen: true, ..Default::default() }, Theme::monochrome());
    app.update(Action::Resize(100, 30));
    let text = screen_text(&app);
    assert!(!text.contains("Understanding stage 4") && !text.contains("Other lessons"), "{text}");
    app.home_selected = index_of(&app, "remission-and-ned");
    send(&mut app, &[Action::Down]);
    assert_eq!(app.home_selected, index_of(&app, "treatment"));
}

fn open(app: &mut App, id: &str) {
    let index = index_of(app, id);
    app.open_lesson(index, None);
}

/// Select links with Tab until the footer names the More detail part.
fn select_detail(app: &mut App) {
    for _ in 0..50 {
        app.update(Action::NextLink);
        if app.link_hint().is_some_and(|m| m.starts_with("More detail:")) {
            return;
        }
    }
    panic!("no More detail line to select");
}

fn whole_text(app: &mut App) -> String {
    send(app, &[Action::Top]);
    let mut text = String::new();
    for _ in 0..100 {
        text.push_str(&screen_text(app));
        app.update(Action::PageDown);
    }
    text
}

const DETAIL_LINE: &str = "▸ More detail: how immune side effects differ — Enter";
const DETAIL_TEXT: &str = "pneumonitis";

#[test]
fn more_detail_is_one_line_until_enter_opens_it_in_place() {
    let mut app = app(100, 30);
    open(&mut app, "side-effects");
    let folded = whole_text(&mut app);
    assert!(folded.contains(DETAIL_LINE), "{folded}");
    assert!(!folded.contains(DETAIL_TEXT), "the detail is folded away");

    select_detail(&mut app);
    let line_on_screen = row_index(&screen(&app), DETAIL_LINE);
    app.update(Action::Open);
    let rows = screen(&app);
    // Opened in place: the heading is where the line was, the detail below it.
    assert_eq!(row_index(&rows, "More detail: how immune side effects differ"), line_on_screen);
    assert!(!rows.iter().any(|r| r.contains(DETAIL_LINE)));
    assert!(whole_text(&mut app).contains(DETAIL_TEXT));

    // Remembered for the lesson (for this session): leave and come back.
    send(&mut app, &[Action::Back]);
    open(&mut app, "side-effects");
    assert!(whole_text(&mut app).contains(DETAIL_TEXT));
    // Enter on the heading folds it again.
    select_detail(&mut app);
    app.update(Action::Open);
    let text = whole_text(&mut app);
    assert!(text.contains(DETAIL_LINE) && !text.contains(DETAIL_TEXT));
}

#[test]
fn a_click_on_the_more_detail_line_opens_it() {
    let mut app = app(100, 30);
    open(&mut app, "side-effects");
    for _ in 0..200 {
        if screen(&app).iter().any(|r| r.contains(DETAIL_LINE)) {
            break;
        }
        app.update(Action::Down);
    }
    let row = row_index(&screen(&app), DETAIL_LINE) as u16;
    common::click(&mut app, 10, row);
    let text = screen_text(&app);
    assert!(text.contains("More detail: how immune side effects differ"), "{text}");
    assert!(!text.contains(DETAIL_LINE), "row {row}:\n{text}");
}

#[test]
fn the_reading_place_is_the_same_folded_or_open() {
    let mut app = app(100, 30);
    open(&mut app, "side-effects");
    // Read to just past the folded part, and leave.
    for _ in 0..200 {
        if screen(&app)[1].contains("Radiation therapy") {
            break;
        }
        app.update(Action::Down);
    }
    assert!(screen(&app)[1].contains("Radiation therapy"), "{}", screen_text(&app));
    send(&mut app, &[Action::Back]);
    let saved = app.progress.lessons["side-effects"].offset;
    let lesson = app.pack.lesson("side-effects").unwrap();
    assert!(lesson.body[saved..].starts_with("## Radiation therapy"), "offset {saved} is in the lesson's own text");
    // With the part open, the same place comes back.
    app.unfolded.entry("side-effects".into()).or_default().insert(0);
    open(&mut app, "side-effects");
    assert!(screen(&app)[1].contains("Radiation therapy"), "{}", screen_text(&app));
}

const NOTE: &str = "This lesson is about the last weeks and days of life.";

#[test]
fn near_the_end_opens_with_its_content_note_and_skip_is_for_now() {
    let mut app = app(100, 30);
    let index = index_of(&app, "near-the-end");
    app.home_selected = index;
    app.update(Action::Open);
    let text = screen_text(&app);
    assert!(text.contains(NOTE) && text.contains("Before you read"), "{text}");
    assert!(!text.contains("Key points"), "the lesson waits behind the note:\n{text}");
    assert!(text.contains("read it now") && text.contains("skip for now"), "{text}");

    // s: back home, nothing kept; the note shows again next time.
    app.update(Action::Skip);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains("Skipped for now"));
    assert!(!app.progress.lessons.contains_key("near-the-end"));
    assert_ne!(app.progress.last_lesson.as_deref(), Some("near-the-end"));
    app.update(Action::Open);
    assert!(screen_text(&app).contains(NOTE));

    // Enter: the lesson, and the choice is kept in the progress file.
    let effects = app.update(Action::Open);
    assert!(effects.contains(&patient_tutor::tui::action::Effect::Save));
    let text = screen_text(&app);
    assert!(text.contains("Key points") && !text.contains("Before you read"), "{text}");
    assert!(app.progress.lessons.contains_key("near-the-end"));
    send(&mut app, &[Action::Back, Action::Open]);
    assert!(!screen_text(&app).contains("Before you read"));
    // A new session with that progress opens the lesson at once.
    let mut later = app_with(app.progress.clone(), 100, 30);
    later.open_lesson(index, None);
    assert!(!screen_text(&later).contains("Before you read"));
}

#[test]
fn quitting_at_the_content_note_keeps_nothing() {
    let mut app = app(100, 30);
    open(&mut app, "near-the-end");
    app.update(Action::Quit);
    assert!(!app.progress.lessons.contains_key("near-the-end"));
}

#[test]
fn the_content_note_fits_small_windows() {
    for (w, h) in [(40, 12), (20, 6)] {
        let mut app = app(w, h);
        open(&mut app, "near-the-end");
        let text = screen_text(&app);
        assert!(text.contains("This lesson") || h < 8, "{w}x{h}:\n{text}");
        assert!(screen(&app).iter().all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) <= w as usize));
    }
}

#[test]
fn about_names_the_pack_its_version_and_publisher() {
    let mut app = app(120, 40);
    app.update(Action::About);
    let text = screen_text(&app).replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Lessons: patient-tutor: stage 4 cancer (version 2026.12), from patient-tutor project."),
        "{text}"
    );
}

#[test]
fn a_search_hit_inside_a_folded_part_opens_it() {
    let mut app = app(100, 30);
    let index = index_of(&app, "side-effects");
    let hits = patient_tutor::search::search(&app.pack, DETAIL_TEXT);
    let hit = hits.iter().find(|h| h.lesson == index).expect("the search finds the word in the part");
    app.open_lesson_at_offset(index, hit.offset);
    assert!(screen_text(&app).contains(DETAIL_TEXT), "{}", screen_text(&app));
}

//! The "see it" tools: survival chart, staging explorer, glossary, search.

mod common;

use common::{app, screen, screen_text, send};
use patient_tutor::explorer::nav::Direction;
use patient_tutor::tui::action::{Action, Effect};
use patient_tutor::tui::app::{App, ScreenKind};
use patient_tutor::tui::view;
use patient_tutor::words::t;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use tui_input::InputRequest;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

#[test]
fn survival_numbers_wait_behind_a_content_note_and_the_choice_is_remembered() {
    let mut app = app(100, 30);
    app.update(Action::OpenSurvival);
    let text = screen_text(&app);
    assert!(text.contains("can be hard to read"), "{text}");
    assert!(!text.contains('%'), "no numbers before the choice:\n{text}");
    // Skip: back home, nothing shown, nothing saved as a choice.
    app.update(Action::Skip);
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(!app.progress.show_survival_numbers);
    app.update(Action::OpenSurvival);
    assert_eq!(app.update(Action::Open), vec![Effect::Save]);
    assert!(app.progress.show_survival_numbers);
    // Next time the numbers come straight away; `h` hides them again.
    app.update(Action::Back);
    app.update(Action::OpenSurvival);
    assert!(screen_text(&app).contains('%'));
    app.update(Action::Skip);
    assert!(!app.progress.show_survival_numbers);
}

fn chart(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.progress.show_survival_numbers = true;
    app.update(Action::OpenSurvival);
    app
}

#[test]
fn chart_shows_sorted_labelled_bars_with_source_and_years() {
    let app = chart(100, 30);
    let rows = screen(&app);
    let text = rows.join("\n");
    assert!(text.contains("Source: SEER Cancer Stat Facts, 2016–2022"), "{text}");
    assert!(text.contains("Relative survival compares"), "{text}");
    assert!(text.contains('█'), "bars:\n{text}");
    // Values in order, highest first.
    let values: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.trim_end().strip_suffix('%'))
        .filter_map(|r| r.rsplit(' ').next()?.parse().ok())
        .collect();
    assert!(values.len() >= 8, "{text}");
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert!(text.contains("Breast (female)"), "{text}");
    assert!(text.contains("33.8%"), "{text}");
}

#[test]
fn blood_cancer_rows_come_after_the_distant_rows_under_their_own_label() {
    // Clinical review 2026-12-02: leukemia (all stages) and non-Hodgkin lymphoma (stage IV of its own
    // system) cannot be compared with the distant-stage rows, so they must not top the chart.
    let mut app = chart(100, 30);
    let order = app.survival_order();
    let rows = app.pack.survival.clone();
    let distant: Vec<bool> = order.iter().map(|&i| rows[i].basis.contains("distant")).collect();
    let first_other = distant.iter().position(|d| !d).expect("the default pack has blood cancer rows");
    assert!(first_other > 0 && distant[..first_other].iter().all(|d| *d), "{distant:?}");
    assert!(distant[first_other..].iter().all(|d| !d), "{distant:?}");
    let values: Vec<f64> = order[..first_other].iter().map(|&i| rows[i].value).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "distant rows highest first: {values:?}");

    // The row selected first is the highest distant-stage row, not a blood cancer.
    let selected = |app: &App| screen(app).into_iter().find(|r| r.trim_start().starts_with("▶")).unwrap_or_default();
    assert!(selected(&app).contains(&rows[order[0]].cancer), "{}", screen_text(&app));
    assert!(!screen_text(&app).contains(label()), "no label while only distant rows show:\n{}", screen_text(&app));

    // At the end of the list: the label sits between the last distant row and the blood cancers.
    for _ in 0..order.len() {
        app.update(Action::Down);
    }
    let on_screen = screen(&app);
    let at = |name: &str| {
        on_screen.iter().position(|r| r.contains(name)).unwrap_or_else(|| panic!("{name}:\n{}", on_screen.join("\n")))
    };
    let label = at(label());
    let last_distant = at(&rows[order[first_other - 1]].cancer);
    assert!(last_distant < label, "{}", on_screen.join("\n"));
    for &i in &order[first_other..] {
        assert!(at(&rows[i].cancer) > label, "{} above the label:\n{}", rows[i].cancer, on_screen.join("\n"));
    }
    assert!(selected(&app).contains(&rows[*order.last().unwrap()].cancer), "{}", on_screen.join("\n"));

    // A click on the label selects nothing; a click on the row below it selects that row.
    let before = app.survival().unwrap().selected;
    common::click(&mut app, 5, label as u16);
    assert_eq!(app.survival().unwrap().selected, before);
    common::click(&mut app, 5, label as u16 + 1);
    assert_eq!(app.survival().unwrap().selected, first_other);
}

/// The label above the rows that are not for the distant stage.
fn label() -> &'static str {
    t("tui.survival_other_groups")
}

#[test]
fn selecting_a_bar_shows_its_note() {
    let mut app = chart(100, 30);
    let order = app.survival_order();
    let breast = order.iter().position(|&i| app.pack.survival[i].cancer.starts_with("Breast")).unwrap();
    for _ in 0..breast {
        app.update(Action::Down);
    }
    let note = app.pack.survival[order[breast]].note.clone();
    let text = screen_text(&app);
    assert!(text.contains(&note[..30]), "{text}");
}

#[test]
fn chart_degrades_to_a_readable_list_at_40x12() {
    let app = chart(40, 12);
    let text = screen_text(&app);
    assert!(!text.contains('█'), "no bars at 40 columns:\n{text}");
    assert!(text.contains('%'), "{text}");
    assert!(text.contains("Source: SEER"), "{text}");
    for row in screen(&app) {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40);
    }
}

#[test]
fn staging_explorer_says_stage_4_only_for_m1() {
    let mut app = app(100, 30);
    app.update(Action::OpenStaging);
    // Starts at T1 N0 M1.
    assert!(screen_text(&app).contains("This is stage 4"), "{}", screen_text(&app));
    // M down to 0: no stage named.
    app.update(Action::Move(Direction::Down));
    let text = screen_text(&app);
    assert!(text.contains("depends on the kind of cancer"), "{text}");
    assert!(!text.contains("This is stage 4"), "{text}");
    assert!(text.contains("Localized"), "SEER groups explained:\n{text}");
    // Choose N with the keys and set it to 3.
    send(&mut app, &[Action::Pick('n'), Action::Pick('3')]);
    assert_eq!(app.staging().unwrap().tnm.n, 3);
    assert!(screen_text(&app).contains("N3:"));
    // Values stop at their limits.
    send(&mut app, &[Action::Move(Direction::Left), Action::Pick('9')]);
    assert_eq!(app.staging().unwrap().tnm.t, 1, "9 is not a T value");
    for _ in 0..10 {
        app.update(Action::Move(Direction::Up));
    }
    assert_eq!(app.staging().unwrap().tnm.t, 4);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
}

#[test]
fn glossary_filters_as_you_type_and_links_to_the_lesson() {
    let mut app = app(100, 30);
    app.update(Action::OpenGlossary);
    assert!(screen_text(&app).contains("adrenal glands"), "the list starts at A");
    type_text(&mut app, "ascit");
    let text = screen_text(&app);
    assert!(text.contains("ascites"), "{text}");
    assert!(text.contains("Fluid that builds up"), "{text}");
    assert!(!text.contains("metastasis"), "{text}");
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Reader);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Glossary);
}

/// Issue 16, defect 10: with no match, the glossary's hint names a way to search the
/// lessons that works from there (`/` types a slash into the filter).
#[test]
fn a_glossary_with_no_match_names_a_search_that_works_from_there() {
    let mut app = app(100, 30);
    app.update(Action::OpenGlossary);
    type_text(&mut app, "zzzq");
    let text = screen_text(&app);
    assert!(text.contains("No word matches"), "{text}");
    assert!(!text.contains("search the lessons with /"), "a hint that does not work here: {text}");
    assert!(text.contains("press Esc, then /"), "{text}");
    // And the hint is true: Esc goes back to home, where / searches the lessons.
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Home);
    app.update(Action::OpenSearch);
    assert_eq!(app.screen(), ScreenKind::Search);
}

#[test]
fn reader_underlines_glossary_words_and_lists_them_on_request() {
    let mut app = app(100, 30);
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Open]);
    // Find "biopsy" on screen and check the cell is underlined.
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| {
            view::draw(&app, f);
        })
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let rows = screen(&app);
    let (y, row) = rows.iter().enumerate().find(|(_, r)| r.contains("biopsy")).expect("biopsy on screen");
    let x = row.find("biopsy").unwrap();
    let x = unicode_width::UnicodeWidthStr::width(&row[..x]) as u16;
    assert!(buffer[(x, y as u16)].modifier.contains(Modifier::UNDERLINED), "{row}");
    app.update(Action::ShowTerms);
    let text = screen_text(&app);
    assert!(text.contains("Words on this screen"), "{text}");
    assert!(text.contains("biopsy"), "{text}");
    app.update(Action::Back);
    assert!(!app.terms_open());
    assert_eq!(app.screen(), ScreenKind::Reader);
}

#[test]
fn search_finds_words_and_opens_the_lesson_at_the_match() {
    let mut app = app(100, 30);
    app.update(Action::OpenSearch);
    type_text(&mut app, "six months hospice");
    let text = screen_text(&app);
    assert!(text.contains("Palliative care and hospice"), "{text}");
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Reader);
    let text = screen_text(&app);
    assert!(text.to_lowercase().contains("hospice"), "{text}");
    // From the top, n moves to the first match, which is then on screen.
    app.update(Action::Top);
    app.update(Action::NextMatch);
    let reader = app.reader().unwrap();
    let current = reader.current_match.expect("moved to a match");
    assert!(current >= reader.top && current < reader.top + 28, "the match is on screen");
    let shown = patient_tutor::markdown::line_to_string(&reader.doc.lines[current]);
    let words = patient_tutor::search::query_words("six months hospice");
    assert!(!patient_tutor::search::match_ranges(&shown, &words).is_empty(), "{shown}");
    for _ in 0..50 {
        app.update(Action::NextMatch);
    }
    assert!(screen_text(&app).contains("No more matches"), "{}", screen_text(&app));
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Search);
}

#[test]
fn odd_search_input_never_panics() {
    let mut app = app(80, 24);
    app.update(Action::OpenSearch);
    for text in ["   ", ".*[](((", "\u{1b}[2J", &"long ".repeat(60)] {
        type_text(&mut app, text);
        screen(&app);
        app.update(Action::Edit(InputRequest::DeleteLine));
    }
    assert!(screen_text(&app).contains("Type words to find"));
}

#[test]
fn tools_open_from_lesson_links() {
    let mut app = app(100, 30);
    // The staging lesson links to the staging explorer.
    send(&mut app, &[Action::Down, Action::Down, Action::Down, Action::Down, Action::Open]);
    let links = app.reader().unwrap().doc.links.clone();
    let i = links.iter().position(|l| l.target == "app:staging-explorer").expect("app link in staging");
    for _ in 0..=i {
        app.update(Action::NextLink);
    }
    app.update(Action::Open);
    assert_eq!(app.screen(), ScreenKind::Staging);
    app.update(Action::Back);
    assert_eq!(app.screen(), ScreenKind::Reader);
}

#[test]
fn every_tool_draws_at_every_size() {
    for (w, h) in [(1, 1), (20, 6), (40, 12), (80, 24), (200, 60)] {
        for open in [Action::OpenSurvival, Action::OpenStaging, Action::OpenGlossary, Action::OpenSearch] {
            let mut app = chart(w, h);
            app.update(Action::Back);
            app.update(open);
            screen(&app);
            send(&mut app, &[Action::Down, Action::Up]);
            screen(&app);
        }
    }
}

#[test]
fn the_blood_cancer_label_fits_a_small_window() {
    let mut app = chart(40, 12);
    for _ in 0..app.pack.survival.len() {
        app.update(Action::Down);
    }
    let rows = screen(&app);
    let text = rows.join("\n");
    assert!(text.contains(label()), "{text}");
    assert!(text.contains("Leukemia"), "{text}");
    for row in &rows {
        assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= 40, "{text}");
    }
}

/// A glossary entry's "Read more" line wraps like its meaning: at 40 columns the
/// selected entry's whole lesson-and-section name shows, never cut at the edge.
#[test]
fn a_glossary_read_more_line_wraps_whole_in_a_narrow_window() {
    let mut app = app(40, 24);
    app.update(Action::OpenGlossary);
    let pack = app.pack.clone();
    let count = app.glossary_matches().len();
    for selected in 0..count {
        let term = &pack.glossary.terms[app.glossary_matches()[selected]];
        if let Some(label) = term.see.as_deref().and_then(|see| pack.target_label(see)) {
            let shown = screen(&app).iter().map(|row| row.trim()).collect::<Vec<_>>().join(" ");
            let label = patient_tutor::markdown::sanitize(&label).into_owned();
            let last = label.split_whitespace().last().unwrap();
            let read_more = patient_tutor::tf!("glossary.read_more", see = label);
            let first = read_more.split_whitespace().next().unwrap();
            assert!(shown.contains(first), "{}: {shown}", term.term);
            assert!(shown.contains(last), "{}: the label's end \"{last}\" is cut: {shown}", term.term);
        }
        app.update(Action::Down);
    }
}

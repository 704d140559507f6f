//! Live preview in the tutor (`App::reload_pack`): a pack loaded again from disk takes
//! the old one's place and the person stays where they were; a pack that does not load
//! leaves the last good one on screen and says why in the footer.

mod common;

use std::path::Path;

use common::{copy_dir, screen, screen_text};
use patient_tutor::content::{self, ContentPack};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::{App, Screen, ScreenKind};
use patient_tutor::tui::theme::Theme;
use patient_tutor::words::t;

/// The small valid pack, its first lesson made long enough that its last part can be
/// scrolled to the top of a window.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid"), dir.path());
    let filler: String = (1..=20).map(|n| format!("\n\nThey can tell you more, part {n}.")).collect();
    edit(dir.path(), "lessons/01-intro.md", "The care team can help.", &format!("The care team can help.{filler}"));
    dir
}

/// Replace `from` in every file of the pack (a renamed section's links).
fn edit_all(dir: &Path, from: &str, to: &str) {
    for file in ["lessons/01-intro.md", "lessons/02-more.md", "quizzes/intro.toml", "glossary.toml", "sites.toml"] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
}

/// Take a lesson out of home's groups (its group goes with it).
fn ungroup(dir: &Path, title: &str, id: &str) {
    edit(dir, "pack.toml", &format!("[[group]]\ntitle = \"{title}\"\nlessons = [\"{id}\"]\n"), "");
}

fn load(dir: &Path) -> ContentPack {
    content::load_dir(dir).expect("the pack loads")
}

fn app_on(dir: &Path, width: u16, height: u16) -> App {
    let progress = Progress { notice_seen: true, ..Default::default() };
    let mut app = App::new(load(dir), progress, Theme::monochrome());
    app.update(Action::Resize(width, height));
    app
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn lesson_id(app: &App) -> &str {
    let reader = app.reader().expect("a lesson is open");
    &app.pack.lessons[reader.lesson].id
}

/// The heading the top line is in, and how far below it.
fn place(app: &App) -> (String, usize) {
    let reader = app.reader().unwrap();
    let anchor = reader.doc.anchors.iter().rev().find(|a| a.line <= reader.top).unwrap();
    (anchor.slug.clone(), reader.top - anchor.line)
}

#[test]
fn an_edit_shows_and_the_reading_place_stays_at_its_heading() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 12);
    let intro = app.pack.lesson_index("intro").unwrap();
    app.open_lesson(intro, Some("other-part"));
    let before = place(&app);
    assert_eq!(before.0, "other-part");
    let top_before = app.reader().unwrap().top;

    // Text added above the part moves it down the lesson: the place follows the heading.
    let added = "A new paragraph, written just now.\n\nAnd another one, to move things down.\n\n";
    edit(dir.path(), "lessons/01-intro.md", "## Other part", &format!("{added}## Other part"));
    edit(dir.path(), "lessons/01-intro.md", "The care team can help.", "The care team can help you today.");
    app.reload_pack(Ok(load(dir.path())));

    assert_eq!(app.screen(), ScreenKind::Reader);
    assert_eq!(lesson_id(&app), "intro");
    assert_eq!(place(&app), before, "same heading, same distance below it");
    assert!(app.reader().unwrap().top > top_before, "the part moved down, and the view with it");
    let shown = screen_text(&app);
    assert!(shown.contains("The care team can help you today."), "{shown}");
    assert!(shown.contains(t("tui.reload.reloaded")), "{shown}");
}

/// The lessons on the way back under the top screen, nearest first.
fn readers_below_top(app: &App) -> Vec<usize> {
    let below = app.stack.len().saturating_sub(1);
    app.stack[..below]
        .iter()
        .rev()
        .filter_map(|s| match s {
            Screen::Reader(r) => Some(r.lesson),
            _ => None,
        })
        .collect()
}

#[test]
fn the_open_lesson_is_found_by_id_when_lessons_before_it_go() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 12);
    let intro = app.pack.lesson_index("intro").unwrap();
    app.open_lesson(intro, None);
    // Follow the link to the second lesson: the first is now on the back stack.
    let more = app.pack.lesson_index("more").unwrap();
    app.open_lesson(more, Some("second-part"));

    // A new lesson sorts first: every index moves by one.
    let new = std::fs::read_to_string(dir.path().join("lessons/02-more.md"))
        .unwrap()
        .replace("id = \"more\"", "id = \"zero\"")
        .replace("A second lesson", "A lesson before them");
    std::fs::write(dir.path().join("lessons/00-zero.md"), new).unwrap();
    app.reload_pack(Ok(load(dir.path())));

    assert_eq!(app.pack.lessons[0].id, "zero");
    assert_eq!(lesson_id(&app), "more");
    assert_eq!(place(&app).0, "second-part");
    assert_eq!(app.home_selected, app.pack.lesson_index("more").unwrap());
    let back: Vec<&str> = readers_below_top(&app).into_iter().map(|i| app.pack.lessons[i].id.as_str()).collect();
    assert_eq!(back, ["intro"], "Back still goes to the lesson it went to before");
    app.update(Action::Back);
    assert_eq!(lesson_id(&app), "intro");
}

#[test]
fn a_heading_renamed_keeps_the_nearest_scroll_position() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 12);
    app.open_lesson(app.pack.lesson_index("intro").unwrap(), Some("other-part"));
    let top = app.reader().unwrap().top;
    edit_all(dir.path(), "## Other part", "## Who can help");
    edit_all(dir.path(), "intro#other-part", "intro#who-can-help");
    app.reload_pack(Ok(load(dir.path())));
    assert_eq!(app.reader().unwrap().top, top, "the same line, as near as it gets");
    assert!(screen_text(&app).contains("Who can help"));
}

#[test]
fn a_lesson_that_is_gone_goes_home_and_says_so() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 12);
    app.open_lesson(app.pack.lesson_index("more").unwrap(), None);
    std::fs::remove_file(dir.path().join("lessons/02-more.md")).unwrap();
    ungroup(dir.path(), "Then", "more");
    edit(dir.path(), "lessons/01-intro.md", "Read [more](more#second-part). ", "");
    edit(dir.path(), "sites.toml", "lessons = [\"more#second-part\"]", "lessons = [\"intro#other-part\"]");
    app.reload_pack(Ok(load(dir.path())));

    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(app.reader().is_none());
    assert!(app.home_selected < app.pack.lessons.len());
    let shown = screen_text(&app);
    assert!(shown.contains(t("tui.reload.lesson_gone")), "{shown}");
    // The next key works on the new pack.
    app.update(Action::Open);
    assert_eq!(lesson_id(&app), "intro");
}

#[test]
fn a_quiz_goes_on_while_its_lesson_is_there() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 20);
    let intro = app.pack.lesson_index("intro").unwrap();
    app.open_lesson(intro, None);
    app.start_lesson_quiz(intro);
    app.update(Action::Open); // answer the first question
    let answered = app.quiz().unwrap().answered();
    edit(dir.path(), "lessons/01-intro.md", "The care team can help.", "The care team is there to help.");
    app.reload_pack(Ok(load(dir.path())));

    assert_eq!(app.screen(), ScreenKind::Quiz);
    let quiz = app.quiz().expect("the quiz goes on");
    assert_eq!(quiz.answered(), answered);
    // Stopping it goes back to the lesson, found again by id.
    assert_eq!(readers_below_top(&app), [app.pack.lesson_index("intro").unwrap()]);
    assert!(screen_text(&app).contains(t("tui.reload.reloaded")));
}

#[test]
fn a_quiz_whose_lesson_is_gone_ends_and_says_so() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 60, 20);
    app.start_lesson_quiz(app.pack.lesson_index("intro").unwrap());
    assert_eq!(app.screen(), ScreenKind::Quiz);
    // The lesson and everything that points at it go.
    std::fs::remove_file(dir.path().join("lessons/01-intro.md")).unwrap();
    std::fs::remove_file(dir.path().join("quizzes/intro.toml")).unwrap();
    ungroup(dir.path(), "Start here", "intro");
    edit(dir.path(), "lessons/02-more.md", "[first part](intro#first-part)", "first part");
    edit(dir.path(), "glossary.toml", "see = \"intro#other-part\"\n", "");
    edit(dir.path(), "sites.toml", "lessons = [\"intro#first-part\"]", "lessons = [\"more#second-part\"]");
    let pack = content::load_dir(dir.path());
    assert!(pack.is_ok(), "{pack:?}");
    app.reload_pack(pack);

    assert!(app.quiz().is_none());
    assert_eq!(app.screen(), ScreenKind::Home);
    assert!(screen_text(&app).contains(t("tui.reload.quiz_gone")));
}

#[test]
fn a_broken_pack_keeps_the_last_good_one_and_names_the_file_and_line() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 100, 20);
    app.open_lesson(app.pack.lesson_index("intro").unwrap(), None);
    // A good reload first: its passing "reloaded" must not hide the problem after it.
    app.reload_pack(Ok(load(dir.path())));
    let top = app.reader().unwrap().top;
    // Two problems: a broken front matter, and a glossary that is not TOML.
    edit(dir.path(), "lessons/01-intro.md", "title = \"What this pack is\"", "title = What this pack is");
    edit(dir.path(), "glossary.toml", "[[term]]", "[[term");
    let broken = content::load_dir(dir.path());
    let errors = broken.as_ref().expect_err("the pack does not load").0.len();
    assert!(errors >= 2, "{broken:?}");
    app.reload_pack(broken);

    let problem = app.pack_problem.clone().expect("the footer says why");
    assert!(problem.contains("lessons/01-intro.md:3"), "{problem}");
    assert!(problem.contains(&format!("+{} more", errors - 1)), "{problem}");
    // The old text is still on screen, at the same place; the footer shows the problem.
    assert_eq!(lesson_id(&app), "intro");
    assert_eq!(app.reader().unwrap().top, top);
    let rows = screen(&app);
    assert!(rows.iter().any(|r| r.contains("This is a small lesson.")), "{rows:#?}");
    assert!(rows.last().unwrap().contains("lessons/01-intro.md:3"), "{rows:#?}");
    // A key clears a passing message, not the problem: it stays until the files load.
    app.update(Action::Down);
    assert!(screen(&app).last().unwrap().contains("Not reloaded"));

    // Fixed: loaded, and the footer says so.
    edit(dir.path(), "lessons/01-intro.md", "title = What this pack is", "title = \"Fixed title\"");
    edit(dir.path(), "glossary.toml", "[[term", "[[term]]");
    app.reload_pack(Ok(load(dir.path())));
    assert!(app.pack_problem.is_none());
    let rows = screen(&app);
    assert!(rows.last().unwrap().contains(t("tui.reload.fixed")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("Fixed title")), "{rows:#?}");
}

#[test]
fn a_problem_that_quotes_the_file_is_harmless_on_screen() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 100, 20);
    let errors = patient_tutor::content::PackErrors(vec![patient_tutor::content::ContentError {
        // Built by hand, past ContentError::new's cleaning, as another loader might.
        file: "lessons/\x1b]0;owned\x07x.md".into(),
        line: 4,
        message: "bad \x1b[31mred".into(),
    }]);
    app.reload_pack(Err(errors));
    let problem = app.pack_problem.clone().unwrap();
    assert!(!problem.contains('\x1b') && !problem.contains('\x07'), "{problem:?}");
    assert!(problem.contains(":4: "), "{problem}");
}

#[test]
fn small_windows_show_the_problem_cut_to_fit() {
    let dir = fixture();
    for (w, h) in [(20, 6), (40, 12)] {
        let mut app = app_on(dir.path(), w, h);
        app.open_lesson(0, None);
        edit(dir.path(), "lessons/01-intro.md", "id = \"intro\"", "id = ");
        app.reload_pack(content::load_dir(dir.path()));
        let rows = screen(&app);
        assert!(rows.iter().all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) <= w as usize));
        assert!(rows.last().unwrap().starts_with("Not reloaded"), "{w}×{h}: {rows:#?}");
        edit(dir.path(), "lessons/01-intro.md", "id = ", "id = \"intro\"");
    }
}

#[test]
fn the_body_map_stays_on_its_site_when_sites_move() {
    let dir = fixture();
    let mut app = app_on(dir.path(), 100, 30);
    app.open_explorer();
    app.update(Action::Down);
    let site = |app: &App| {
        let selected = app.explorer().unwrap().selected;
        app.pack.sites.as_ref().unwrap().sites[selected].id.clone()
    };
    let before = site(&app);
    // The two sites swap places in the file.
    let text = std::fs::read_to_string(dir.path().join("sites.toml")).unwrap();
    let (head, sites) = text.split_once("[[site]]").unwrap();
    let parts: Vec<&str> = sites.split("[[site]]").collect();
    std::fs::write(dir.path().join("sites.toml"), format!("{head}[[site]]{}[[site]]{}", parts[1], parts[0])).unwrap();
    app.reload_pack(Ok(load(dir.path())));
    assert_eq!(app.screen(), ScreenKind::Explorer);
    assert_eq!(site(&app), before);
}

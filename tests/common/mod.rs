//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pseudo;

use patient_tutor::content::{self, ContentPack};
use patient_tutor::progress::Progress;
use patient_tutor::tui::action::Action;
use patient_tutor::tui::app::App;
use patient_tutor::tui::theme::Theme;
use patient_tutor::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn pack() -> ContentPack {
    content::load_embedded().expect("the built-in pack loads")
}

/// An app past the first-run notice, at a window size.
pub fn app(width: u16, height: u16) -> App {
    let progress = Progress { notice_seen: true, ..Default::default() };
    app_with(progress, width, height)
}

pub fn app_with(progress: Progress, width: u16, height: u16) -> App {
    let mut app = App::new(pack(), progress, Theme::monochrome());
    app.update(Action::Resize(width, height));
    app
}

/// Draw the app on a test terminal of its size, and return what was drawn.
pub fn drawn(app: &App) -> ratatui::buffer::Buffer {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| {
            view::draw(app, frame);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Draw the app and return the screen as text, one string per row.
pub fn screen(app: &App) -> Vec<String> {
    let area = app.area;
    let buffer = drawn(app);
    (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < area.width {
                let cell = &buffer[(x, y)];
                row.push_str(cell.symbol());
                x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
            }
            row.trim_end().to_string()
        })
        .collect()
}

/// A left click at a cell, as the main loop makes it: placed on the frame just drawn.
pub fn click(app: &mut App, x: u16, y: u16) {
    let area = app.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    let mut hits = patient_tutor::tui::hits::Hits::default();
    terminal.draw(|frame| hits = view::draw(app, frame)).unwrap();
    app.update(hits.click(x, y));
}

pub fn screen_text(app: &App) -> String {
    screen(app).join("\n")
}

pub fn send(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
    }
}

/// Copy a folder tree (a fixture pack into a temporary place to change it).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

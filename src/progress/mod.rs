//! The progress file: where it lives, how it is read, and how it is saved
//! without ever losing what was there.

mod history;
pub mod merge;
mod model;
mod store;

pub use history::{MAX_HISTORY_BYTES, history_path};
pub use model::{Attempt, LessonProgress, LessonStatus, Progress, QuestionState, SCHEMA};
pub use store::{MAX_PROGRESS_BYTES, Opened, Schedule, Store, default_path, parse, parse_history, tighten_folder};

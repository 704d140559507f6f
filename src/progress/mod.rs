//! The progress file: where it lives, how it is read, and how it is saved
//! without ever losing what was there.

pub mod merge;
mod model;
mod store;

pub use model::{Attempt, LessonProgress, LessonStatus, Progress, QuestionState, SCHEMA};
pub use store::{MAX_PROGRESS_BYTES, Opened, Store, default_path, parse, tighten_folder};

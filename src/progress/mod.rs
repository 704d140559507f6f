//! The progress file: where it lives, how it is read, and how it is saved
//! without ever losing what was there.

mod model;
mod store;

pub use model::{Attempt, LessonProgress, LessonStatus, Progress, QuestionState, SCHEMA};
pub use store::{Opened, Store, default_path};

//! The progress file: where it lives, how it is read, and how it is saved
//! without ever losing what was there.

pub mod faults;
mod files;
mod history;
mod lock;
pub mod merge;
mod model;
mod store;

pub use history::{COMPACT_AT_BYTES, MAX_HISTORY_BYTES, WARN_HISTORY_BYTES, history_path};
pub use lock::LOCK_FILE;
pub use model::{
    Attempt, CHECKIN_QUESTION, FILE_PACK, LessonProgress, LessonStatus, PackProgress, Progress, QuestionState, SCHEMA,
};
pub use store::{
    Busy, LOCK_WAIT, MAX_PROGRESS_BYTES, Opened, Schedule, Store, default_path, parse, parse_history, peek, reset,
    reset_keeping, saved_language, tighten_folder,
};

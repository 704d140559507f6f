//! patient-tutor: a terminal tutor about stage 4 (metastatic) cancer.
//!
//! The crate is a library with a thin binary: `main.rs` parses the command line
//! and calls into these modules.

pub mod checkin;
pub mod cli;
pub mod content;
pub mod explorer;
pub mod export;
pub mod markdown;
pub mod notebook;
pub mod plain;
pub mod progress;
pub mod quiz;
pub mod reading;
pub mod search;
pub mod session;
pub mod staging;
pub mod tui;
pub mod words;

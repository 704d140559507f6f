//! One file per screen: each draws from the app's state and nothing more.

pub mod about;
pub mod checkin;
pub mod confirm_quit;
pub mod explorer;
pub mod glossary;
pub mod help;
pub mod home;
pub mod notebook;
pub mod notice;
pub mod quiz;
pub mod reader;
pub mod search;
pub mod staging;
pub mod survival;

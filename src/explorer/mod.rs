//! The body-map symptom explorer's pure logic: moving between sites and searching symptoms.
//! No terminal code lives here; `tui/screens/explorer.rs` draws and maps keys.

pub mod nav;
pub mod search;

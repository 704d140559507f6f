//! Fuzz target: the same property as the proptest `history_*` in tests/hostile_input.rs.
#![no_main]

#[path = "../../tests/support/hostile.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| hostile::history_bytes(data));

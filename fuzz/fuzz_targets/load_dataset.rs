//! Any bytes as a dataset file; the properties are in `crates/core/tests/invariants`.
#![no_main]

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::check_load(data));

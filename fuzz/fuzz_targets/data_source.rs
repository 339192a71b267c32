//! Any text as the `data=` value; the properties are in `crates/core/tests/invariants`.
#![no_main]

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|value: &str| invariants::check_data_source(value));

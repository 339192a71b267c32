//! Any text as the address's query string; the properties are in
//! `crates/core/tests/invariants`.
#![no_main]

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|search: &str| invariants::check_query(search));

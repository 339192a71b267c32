//! When the app itself fails. A release build aborts on a panic, and an abort is a wasm trap:
//! after one, the app's memory may be half-updated, so nothing of the wasm draws again. The
//! notice a parent then sees (in the page's language, with a reload button, over the list that
//! stays on screen) is therefore drawn by the page's own script, `crates/site/src/fault.rs`,
//! which needs no wasm. Here: the panic's message for the console (the trap itself says only
//! "unreachable"), and the tests' way to make a view fail.

use crate::platform::saved;

/// Where a test names the view that should fail and how: `detail:panic` or `map:trap`.
/// Only a script of this site can write the site's storage — no link, query string or dataset
/// reaches it — so no parent can meet it; the tests set it through the browser (tests/*/fault).
const TEST_FAULT_KEY: &str = "tuoyu.test.fault";

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
    }));
}

/// Makes `view` fail here when a test asked for it: a panic (through the hook) or a bare trap,
/// the kind WPE 2.38 once raised in the map's closures.
pub fn injected(view: &str) {
    let Some(asked) = saved::get(TEST_FAULT_KEY) else {
        return;
    };
    match asked.split_once(':') {
        Some((v, "panic")) if v == view => panic!("test fault in the {view} view"),
        Some((v, "trap")) if v == view => std::process::abort(),
        _ => {}
    }
}

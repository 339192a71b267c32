//! The finder's web front end: thin Leptos views over `tuoyu_core`.
//! ARCHITECTURE.md at the repository root maps the parts.

mod app;
mod data;
mod fault;
mod first_paint;
mod guide_data;
mod labels;
mod lang;
mod map_library;
mod offline;
mod platform;
mod prefs;
mod route;
mod scope;
mod views;
mod wechat;
mod wording;

// The `i18n` module leptos_i18n generates from locales/ (build.rs).
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

fn main() {
    fault::install_panic_hook();
    wechat::remember_entry_url();
    leptos::mount::mount_to_body(app::App);
    offline::keep_the_app();
}

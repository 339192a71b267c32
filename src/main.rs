//! The finder's web front end: thin Leptos views over `tuoyu_core`.
//! ARCHITECTURE.md at the repository root maps the parts.

mod app;
mod data;
mod platform;
mod route;
mod views;

fn main() {
    leptos::mount::mount_to_body(app::App);
}

//! A chip: a toggle button whose `aria-pressed` says whether its choice is on. Every chip of
//! the app (care types, kinds, 普惠, vacancies, radius, the guide's age bands) is this one.

use leptos::prelude::*;

/// `pressed` is read reactively; `toggle` runs on a tap; `testid` names the chip for tests.
pub fn chip(
    pressed: impl Fn() -> bool + Send + Sync + 'static,
    toggle: impl Fn() + 'static,
    testid: Option<&'static str>,
    label: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chip"
            data-testid=testid
            aria-pressed=move || pressed().to_string()
            on:click=move |_| toggle()
        >
            {label}
        </button>
    }
}

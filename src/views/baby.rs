//! My child plan (issue 3).
use leptos::prelude::*;
#[component]
pub fn BabyPage() -> impl IntoView {
    view! { <p>"我的宝宝"</p> }
}

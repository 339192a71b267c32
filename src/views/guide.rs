//! Guidance articles (issue 3).
use leptos::prelude::*;
#[component]
pub fn GuidePage() -> impl IntoView {
    view! { <p>"育儿指南"</p> }
}

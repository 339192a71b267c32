//! The shell: one page whose query string picks the view (see docs/finder-url.md).

use leptos::prelude::*;
use leptos_router::components::Router;
use tuoyu_core::query::Page;

use crate::data::provide_dataset;
use crate::prefs::{provide_prefs, use_prefs};
use crate::route::{provide_address, use_address};
use crate::views::compare::CompareSheet;
use crate::views::status::{PrefsNotices, QueryNotes};
use crate::views::{detail::DetailSheet, finder::FinderPage, header::Header};

#[component]
pub fn App() -> impl IntoView {
    // Before the router adds its own listener for back.
    crate::views::filter_sheet::listen_for_back();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    provide_address();
    provide_dataset();
    crate::first_paint::hand_over();
    provide_prefs();
    crate::wechat::share_cards();
    let address = use_address();
    let prefs = use_prefs();
    let page = Memo::new(move |_| address.query.with(|q| q.page));
    let detail_open = Memo::new(move |_| address.query.with(|q| q.id.is_some()));
    let compare_open = Memo::new(move |_| {
        address
            .query
            .with(|q| q.id.is_none() && !q.compare.is_empty())
    });
    let covered = move || detail_open.get() || compare_open.get();
    let language = Memo::new(move |_| prefs.interface_language());

    // Everything below is drawn again when the language changes (see lang.rs); what the parent
    // chose lives in the address and the settings, so nothing is lost.
    move || {
        crate::lang::set_current(language.get());
        view! {
            <div class="app" class:elder=move || prefs.elder.get()>
                <Header />
                <QueryNotes />
                <PrefsNotices />
                // The list stays mounted under an open institution so that "back" finds it
                // exactly where the parent left it, scroll position included.
                <main id="main" class="page" inert=covered>
                    {move || match page.get() {
                        Page::Finder => view! { <FinderPage /> }.into_any(),
                        Page::Guide => view! { <crate::views::guide::GuidePage /> }.into_any(),
                        Page::Baby => view! { <crate::views::baby::BabyPage /> }.into_any(),
                    }}
                </main>
                <Show when=move || detail_open.get()>
                    <DetailSheet />
                </Show>
                <Show when=move || compare_open.get()>
                    <CompareSheet />
                </Show>
            </div>
        }
    }
}

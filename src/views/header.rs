//! The top bar: which part of the app the parent is in, and the dataset's name.

use leptos::prelude::*;
use tuoyu_core::query::{FinderQuery, Page};

use crate::data::{use_dataset, DataState};
use crate::platform::set_document_title;
use crate::prefs::use_prefs;
use crate::route::use_address;

#[component]
pub fn Header() -> impl IntoView {
    let address = use_address();
    let dataset = use_dataset();
    let page = Memo::new(move |_| address.query.with(|q| q.page));

    // The tab keeps the finder's filters, so coming back from the guide finds the same list.
    let tab_href = move |target: Page| {
        address.query.with(|q| {
            let next = FinderQuery {
                page: target,
                article: None,
                id: None,
                notes: Vec::new(),
                ..q.clone()
            };
            address.href(&next)
        })
    };
    let title = Memo::new(move |_| match dataset.state.get() {
        DataState::Ready(loaded) => loaded.dataset.title.clone(),
        _ => String::new(),
    });
    Effect::new(move |_| {
        let title = title.get();
        set_document_title(if title.is_empty() {
            "托育机构查询"
        } else {
            &title
        });
    });

    let tab = move |target: Page, label: &'static str| {
        view! {
            <a
                class="tab"
                href=move || tab_href(target)
                aria-current=move || (page.get() == target).then_some("page")
            >
                {label}
            </a>
        }
    };
    let prefs = use_prefs();
    view! {
        <header class="top">
            <nav class="tabs" aria-label="主要栏目">
                {tab(Page::Finder, "找托育")}
                {tab(Page::Guide, "育儿指南")}
                {tab(Page::Baby, "我的宝宝")}
            </nav>
            // One tap from every page, remembered on the phone.
            <button
                type="button"
                class="elder-toggle"
                aria-pressed=move || prefs.elder.get().to_string()
                on:click=move |_| prefs.elder.update(|on| *on = !*on)
            >
                {move || if prefs.elder.get() { "标准字号" } else { "长辈模式" }}
            </button>
        </header>
    }
}

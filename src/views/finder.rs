//! The list: filters on top, the matching institutions as cards below.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::filter::{find, Hit};
use tuoyu_core::load::Loaded;

use crate::data::{use_dataset, DataState};
use crate::route::use_address;
use crate::views::card::ResultCard;
use crate::views::filters::Filters;
use crate::views::status::{DataNotes, DatasetError, Loading, SampleBanner};

/// Cards drawn at first; the contract asks for at least 20 without scrolling or "more", and a
/// phone should not build thousands of cards nobody scrolls to.
const FIRST_BATCH: usize = 60;

#[component]
pub fn FinderPage() -> impl IntoView {
    let dataset = use_dataset();
    view! {
        <SampleBanner />
        <Filters />
        {move || match dataset.state.get() {
            DataState::Loading => view! { <Loading /> }.into_any(),
            DataState::Failed(message) => view! { <DatasetError message /> }.into_any(),
            DataState::Ready(loaded) => view! { <Results loaded /> }.into_any(),
        }}
    }
}

#[derive(Clone, PartialEq)]
struct Shown {
    hits: Vec<(usize, Option<u32>)>,
}

#[component]
fn Results(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
    let shown_limit = RwSignal::new(FIRST_BATCH);
    let data = loaded.clone();
    let hits = Memo::new(move |_| {
        let hits: Vec<Hit> = address
            .query
            .with(|q| find(&data.dataset, &q.filter, q.sort));
        // Distances are compared to the metre so that a memo of floats still settles.
        Shown {
            hits: hits
                .into_iter()
                .map(|h| (h.index, h.distance_m.map(|d| d.round() as u32)))
                .collect(),
        }
    });
    // A new search starts from the first batch again.
    Effect::new(move |_| {
        hits.track();
        shown_limit.set(FIRST_BATCH);
    });
    let total = move || hits.with(|h| h.hits.len());
    let visible = move || {
        let limit = shown_limit.get();
        hits.with(|h| h.hits.iter().take(limit).copied().collect::<Vec<_>>())
    };
    let cards_data = loaded.clone();

    view! {
        <DataNotes />
        <p class="result-count" aria-live="polite">
            "找到 " <strong data-testid="result-count">{total}</strong> " 家托育机构"
        </p>
        <Show when=move || total() == 0>
            <p class="empty">"没有符合条件的机构。可以放宽筛选条件，比如扩大距离或取消“有空位”。"</p>
        </Show>
        <ol class="results">
            <For
                each=visible
                key=|(index, distance)| (*index, *distance)
                children=move |(index, distance)| {
                    view! { <ResultCard loaded=cards_data.clone() index distance /> }
                }
            />
        </ol>
        <Show when=move || { shown_limit.get() < total() }>
            <button
                class="button more"
                on:click=move |_| shown_limit.update(|n| *n += FIRST_BATCH)
            >
                {move || format!("再显示 {} 家（还有 {} 家）", FIRST_BATCH.min(total() - shown_limit.get()), total() - shown_limit.get())}
            </button>
        </Show>
    }
}

//! The list: filters on top, the matching institutions as cards below.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::filter::{find, Hit};
use tuoyu_core::load::Loaded;
use tuoyu_core::query::View;

use crate::i18n::*;
use crate::lang;
use crate::route::{use_address, Step};
use crate::views::card::ResultCard;
use crate::views::filters::Filters;
use crate::views::map::MapView;
use crate::views::shortlist::Shortlist;
use crate::views::status::{with_dataset, DataNotes, OfflineNotice, SampleBanner};

/// Cards drawn at first; the contract asks for at least 20 without scrolling or "more", and a
/// phone should not build thousands of cards nobody scrolls to.
const FIRST_BATCH: usize = 24;

#[component]
pub fn FinderPage() -> impl IntoView {
    view! {
        <SampleBanner />
        <OfflineNotice />
        <Filters />
        {with_dataset(|loaded| view! { <Results loaded /> }.into_any())}
    }
}

#[derive(Clone, PartialEq)]
struct Shown {
    hits: Vec<(usize, Option<u32>)>,
}

#[component]
fn Results(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
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
    let total = move || hits.with(|h| h.hits.len());
    let view_kind = Memo::new(move |_| address.query.with(|q| q.view));
    let all_hits = Signal::derive(move || hits.with(|h| h.hits.clone()));
    let list_data = loaded.clone();
    let shortlist_data = loaded.clone();
    let locale = lang::current();
    // The number stays alone in its element (the contract's `result-count`); the sentence
    // around it is the language's, singular or plural.
    let count_line = move || {
        let n = total();
        let count = move || view! { <strong data-testid="result-count">{n}</strong> };
        if n == 1 {
            td!(locale, finder.found_singular, count).into_any()
        } else {
            td!(locale, finder.found_plural, count).into_any()
        }
    };

    view! {
        <DataNotes />
        <Shortlist loaded=shortlist_data />
        <div class="result-bar">
            <p class="result-count" aria-live="polite">{count_line}</p>
            <ViewSwitch current=view_kind />
        </div>
        <Show when=move || total() == 0>
            <p class="empty">{td_string!(locale, finder.empty)}</p>
        </Show>
        {move || match view_kind.get() {
            View::Map => view! { <MapView loaded=loaded.clone() hits=all_hits /> }.into_any(),
            View::List => view! { <ResultList loaded=list_data.clone() hits /> }.into_any(),
        }}
    }
}

#[component]
fn ResultList(loaded: Arc<Loaded>, hits: Memo<Shown>) -> impl IntoView {
    let shown_limit = RwSignal::new(FIRST_BATCH);
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
    let remaining = move || total().saturating_sub(shown_limit.get());
    let locale = lang::current();
    view! {
        <ol class="results">
            <For
                each=visible
                key=|(index, distance)| (*index, *distance)
                children=move |(index, distance)| {
                    view! { <ResultCard loaded=loaded.clone() index distance /> }
                }
            />
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button
                class="button more"
                on:click=move |_| shown_limit.update(|n| *n += FIRST_BATCH)
            >
                {move || {
                    let left = remaining();
                    td_string!(locale, finder.show_more, batch = FIRST_BATCH.min(left), left)
                        .to_string()
                }}
            </button>
        </Show>
    }
}

/// List or map: the same results either way, and the choice lives in the address.
#[component]
fn ViewSwitch(current: Memo<View>) -> impl IntoView {
    let address = use_address();
    let option = move |target: View, label: &'static str| {
        view! {
            <button
                type="button"
                class="segment"
                aria-pressed=move || (current.get() == target).to_string()
                on:click=move |_| address.update(Step::Replace, move |q| q.view = target)
            >
                {label}
            </button>
        }
    };
    let locale = lang::current();
    view! {
        <div class="segments" role="group" aria-label=td_string!(locale, finder.view_label)>
            {option(View::List, td_string!(locale, finder.view_list))}
            {option(View::Map, td_string!(locale, finder.view_map))}
        </div>
    }
}

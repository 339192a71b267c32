//! The list: the filter bar on top, the matching institutions as cards below, the count and
//! the list/map switch at the bottom of the screen.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::filter::{find, Filter, Hit, Sort};
use tuoyu_core::load::Loaded;
use tuoyu_core::query::View;

use crate::i18n::*;
use crate::lang;
use crate::platform::after_paint;
use crate::route::{use_address, Step};
use crate::views::advice::{EmptyAdvice, FeeBasis};
use crate::views::card::ResultCard;
use crate::views::filters::Filters;
use crate::views::map::MapView;
use crate::views::scope::ScopeLine;
use crate::views::status::{with_dataset, DataNotes, OfflineNotice, SampleBanner};

/// Cards drawn at first; the contract asks for at least 20 without scrolling or "more", and a
/// phone should not build thousands of cards nobody scrolls to.
const FIRST_BATCH: usize = 24;

/// Cards drawn in the frame that answers a new search; the rest of the batch follows once that
/// frame has been painted, so that a chip or a letter is answered at once on a slow phone. The
/// header and the filter bar take at least ~190 px above the list and the count bar ~56 px
/// below it, so on an 844 px phone screen at most five cards of at least 130 px can be in
/// sight of the finger that changed it.
const FIRST_SCREEN: usize = 5;

/// A card's least height with its margin, in CSS pixels: the room kept for the cards still to
/// come while only the first screen is drawn.
const CARD_MIN_PX: usize = 140;

#[component]
pub fn FinderPage() -> impl IntoView {
    view! {
        <OfflineNotice />
        <ScopeLine />
        <Filters />
        // Under the bar, right over the cards it is about (and where the build's first paint has it).
        <SampleBanner />
        {with_dataset(|loaded| view! { <Results loaded /> }.into_any())}
    }
}

/// One institution in the answer, as the list and the map draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListedHit {
    /// Position in `dataset.institutions`.
    pub index: usize,
    /// Metres from the parent's place, to the metre, so that a memo of hits settles.
    pub metres: Option<u32>,
}

impl From<Hit> for ListedHit {
    fn from(hit: Hit) -> Self {
        ListedHit {
            index: hit.index,
            metres: hit.distance_m.map(|d| d.round() as u32),
        }
    }
}

/// The list's answer to the filters and the sort.
#[derive(Clone)]
struct Shown {
    hits: Vec<ListedHit>,
    /// Goes up whenever the hits change, so the list can tell a new answer from the last one.
    search: u32,
    /// What was asked: opening an institution or the map changes the address, not the search.
    filter: Filter,
    sort: Sort,
}

impl PartialEq for Shown {
    /// Another number means other hits (see `search`).
    fn eq(&self, other: &Self) -> bool {
        self.search == other.search
    }
}

#[component]
fn Results(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
    let data = loaded.clone();
    let hits = Memo::new(move |previous: Option<&Shown>| {
        address.query.with(|q| {
            if let Some(previous) = previous.filter(|p| p.filter == q.filter && p.sort == q.sort) {
                return previous.clone();
            }
            let hits: Vec<ListedHit> = find(&data.dataset, &q.filter, q.sort)
                .into_iter()
                .map(ListedHit::from)
                .collect();
            let search = match previous {
                Some(previous) if previous.hits == hits => previous.search,
                Some(previous) => previous.search.wrapping_add(1),
                None => 0,
            };
            Shown {
                hits,
                search,
                filter: q.filter.clone(),
                sort: q.sort,
            }
        })
    });
    let total = move || hits.with(|h| h.hits.len());
    let view_kind = Memo::new(move |_| address.query.with(|q| q.view));
    let all_hits = Signal::derive(move || hits.with(|h| h.hits.clone()));
    let list_data = loaded.clone();
    let advice_data = loaded.clone();
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

    // The count and the list/map switch sit at the bottom of the screen, in reach of the thumb
    // and in view while the list scrolls; what the data is comes after the answer.
    view! {
        <div class="result-bar">
            <div class="result-bar-inner">
                <p class="result-count" aria-live="polite">
                    {count_line}
                </p>
                <ViewSwitch current=view_kind />
            </div>
        </div>
        <FeeBasis />
        <Show when=move || total() == 0>
            <EmptyAdvice loaded=advice_data.clone() />
        </Show>
        {move || match view_kind.get() {
            View::Map => view! { <MapView loaded=loaded.clone() hits=all_hits /> }.into_any(),
            View::List => view! { <ResultList loaded=list_data.clone() hits /> }.into_any(),
        }}
        <DataNotes />
        <div class="result-bar-room"></div>
    }
}

#[component]
fn ResultList(loaded: Arc<Loaded>, hits: Memo<Shown>) -> impl IntoView {
    let current = move || hits.with(|h| h.search);
    // How far "more" has opened the list, and in which search: a new one starts again from
    // the first batch.
    let more = RwSignal::new((hits.with_untracked(|h| h.search), FIRST_BATCH));
    let limit = move || {
        let (search, limit) = more.get();
        if search == current() {
            limit
        } else {
            FIRST_BATCH
        }
    };
    // The search whose whole batch may be drawn. The list's first answer is drawn whole (it
    // replaces the page's first paint); a later one draws a screenful first and the rest once
    // that frame is painted.
    let whole = RwSignal::new(hits.with_untracked(|h| h.search));
    Effect::new(move |_| {
        let search = current();
        if whole.get_untracked() != search {
            after_paint(Box::new(move || whole.set(search)));
        }
    });
    let total = move || hits.with(|h| h.hits.len());
    let complete = move || whole.get() == current();
    let visible = move || {
        let drawn = if complete() {
            limit()
        } else {
            FIRST_SCREEN.min(limit())
        };
        hits.with(|h| h.hits.iter().take(drawn).copied().collect::<Vec<_>>())
    };
    // Until the rest of the batch is drawn its room is kept, so that the page does not shrink
    // for a frame under a parent who has scrolled down (the browser would move them up).
    let room = move || {
        if complete() {
            String::new()
        } else {
            format!("min-height: {}px", limit().min(total()) * CARD_MIN_PX)
        }
    };
    let remaining = move || total().saturating_sub(limit());
    let show_more = move |_| {
        let search = current();
        more.update(|(at, limit)| {
            if *at != search {
                *at = search;
                *limit = FIRST_BATCH;
            }
            *limit += FIRST_BATCH;
        });
    };
    let locale = lang::current();
    view! {
        <ol class="results" style=room>
            <For
                each=visible
                key=|hit| *hit
                children=move |hit| view! { <ResultCard loaded=loaded.clone() hit /> }
            />
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button class="button more" on:click=show_more>
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

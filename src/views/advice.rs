//! What the list says when nothing matches: the filters actually set, each removable in one
//! tap, and for a name search that finds nothing the nearest names (rules in the core,
//! `tuoyu_core::filter::advice`). And, sorted by fee, what the order compares.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::filter::{nearest_names, SetFilter, Sort};
use tuoyu_core::load::Loaded;

use crate::i18n::*;
use crate::labels::Label;
use crate::lang;
use crate::route::{use_address, Step};
use crate::views::filters::age_label;
use crate::views::text::mixed;

/// A set filter in the words of the panel that set it.
fn filter_name(which: &SetFilter, loaded: &Loaded) -> String {
    let l = lang::current();
    match which {
        SetFilter::Type(t) => t.text().to_owned(),
        SetFilter::Puhui => td_string!(l, finder.puhui_only).to_owned(),
        SetFilter::Vacant => td_string!(l, finder.vacant_only).to_owned(),
        SetFilter::PublicOnly => td_string!(l, finder.public_only).to_owned(),
        SetFilter::Age(a) => age_label(*a),
        SetFilter::Radius(m) => td_string!(l, finder.radius_km, km = m / 1000).to_string(),
        SetFilter::Area(code) => loaded
            .dataset
            .area(code)
            .map_or_else(|| code.clone(), |a| a.name.clone()),
        SetFilter::Kind(k) => k.text().to_owned(),
        SetFilter::Text(q) => q.clone(),
    }
}

#[component]
pub fn EmptyAdvice(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let set = Memo::new(move |_| address.query.with(|q| q.filter.set_filters()));
    let names_data = loaded.clone();
    let suggestions_data = loaded.clone();
    let nearest = Memo::new(move |_| {
        address.query.with(|q| {
            if q.filter.q.trim().is_empty() {
                Vec::new()
            } else {
                nearest_names(&names_data.dataset, &q.filter)
            }
        })
    });
    let removals = move || {
        set.get()
            .into_iter()
            .map(|which| {
                let label = td_string!(
                    locale,
                    finder.remove_filter,
                    what = filter_name(&which, &loaded)
                )
                .to_string();
                view! {
                    <button
                        type="button"
                        class="chip"
                        data-testid="remove-filter"
                        on:click=move |_| {
                            let which = which.clone();
                            address.update(Step::Replace, move |q| q.filter.remove(&which));
                        }
                    >
                        {mixed(label)}
                    </button>
                }
            })
            .collect_view()
    };
    let suggestions = {
        let loaded = suggestions_data;
        move || {
            nearest
                .get()
                .into_iter()
                .map(|index| {
                    let name = loaded.dataset.institutions[index].name.clone();
                    let search = name.clone();
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-testid="nearest-name"
                            lang="zh-CN"
                            on:click=move |_| {
                                let search = search.clone();
                                address.update(Step::Replace, move |q| q.filter.q = search);
                            }
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="empty" data-testid="empty-advice">
            <p>
                {move || {
                    if set.with(Vec::is_empty) {
                        td_string!(locale, finder.empty_no_filters)
                    } else {
                        td_string!(locale, finder.empty_with_filters)
                    }
                }}
            </p>
            <div class="chips">{removals}</div>
            <Show when=move || nearest.with(|n| !n.is_empty())>
                <p>{td_string!(locale, finder.nearest_names)}</p>
                <div class="chips">{suggestions.clone()}</div>
            </Show>
        </div>
    }
}

/// Sorted by fee, the list says which fee it compares (`tuoyu_core::filter::compared_fee`).
#[component]
pub fn FeeBasis() -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let basis = move || {
        address.query.with(|q| {
            (q.sort == Sort::Fee).then(|| {
                if q.filter.types.is_empty() {
                    td_string!(locale, finder.fee_basis_full_day)
                } else {
                    td_string!(locale, finder.fee_basis_chosen)
                }
            })
        })
    };
    move || {
        basis().map(|text| {
            view! {
                <p class="hint" data-testid="fee-basis">
                    {mixed(text)}
                </p>
            }
        })
    }
}

//! Starring institutions and the shortlist a parent compares from. Stars live on the phone.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::catalogue::district_of_id;
use tuoyu_core::load::Loaded;
use tuoyu_core::query::MAX_COMPARED;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::lang;
use crate::prefs::use_prefs;
use crate::route::{use_address, Step};
use crate::scope;
use crate::views::text::{data, sentence, SLOT};

#[component]
pub fn StarButton(id: String, name: String) -> impl IntoView {
    let prefs = use_prefs();
    let star_name = name.clone();
    let starred = {
        let id = id.clone();
        Memo::new(move |_| prefs.is_starred(&id))
    };
    let locale = lang::current();
    let label = move || {
        if starred.get() {
            td_string!(locale, finder.unstar, name = &name).to_string()
        } else {
            td_string!(locale, finder.star, name = &name).to_string()
        }
    };
    view! {
        <button
            type="button"
            class="star"
            aria-pressed=move || starred.get().to_string()
            aria-label=label
            data-testid="star"
            on:click=move |_| prefs.toggle_star(&id, &star_name)
        >
            {move || if starred.get() { "★" } else { "☆" }}
        </button>
    }
}

/// A star in a district the catalogue's list does not cover: its saved name, its district,
/// and its own link (which fetches that district).
#[derive(Clone, PartialEq)]
struct Elsewhere {
    id: String,
    name: String,
    district: String,
    href: String,
}

/// The starred institutions of the list, with a way to put two or three side by side: a
/// badge in the finder's bar that opens over the list. Over a catalogue, a star from a district
/// outside the list's scope is still listed, named, with its district and a link to it: a
/// parent who looks nearer home must not find the places saved near work gone.
#[component]
pub fn Shortlist(loaded: Arc<Loaded>) -> impl IntoView {
    let prefs = use_prefs();
    let address = use_address();
    let dataset = use_dataset();
    let picked = RwSignal::new(Vec::<String>::new());
    // Memos: the badge's count and the panel read the same two lists.
    let starred = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            prefs.stars.with(|stars| {
                stars
                    .iter()
                    .filter_map(|id| loaded.dataset.institution(id))
                    .map(|inst| (inst.id.clone(), inst.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let elsewhere = Memo::new(move |_| {
        if dataset.scope.with(Option::is_none) {
            return Vec::new();
        }
        let names = prefs.star_names.get();
        prefs.stars.with(|stars| {
            stars
                .iter()
                .filter(|id| loaded.dataset.institution(id).is_none())
                .filter_map(|id| {
                    let code = district_of_id(id)?.to_owned();
                    Some(Elsewhere {
                        id: id.clone(),
                        name: names.get(id).cloned().unwrap_or_else(|| id.clone()),
                        href: address.link(|q| q.institution_link(id, Some(&code))),
                        district: scope::district_name(&code).unwrap_or(code),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let count = move || starred.with(Vec::len) + elsewhere.with(Vec::len);
    let compare = move |ev| {
        crate::views::sheet::opened_by(&ev);
        let ids = picked.get_untracked();
        address.note_opened_from_list();
        address.update(Step::Push, move |q| q.compare = ids);
    };
    let locale = lang::current();
    view! {
        <details class="shortlist" data-testid="shortlist">
            <summary>
                {move || td_string!(locale, finder.shortlist, n = count()).to_string()}
            </summary>
            // Drops down over the list from the bar, where the summary is a small badge.
            <div class="shortlist-panel">
                {move || {
                    let rows = starred.get();
                    let others = elsewhere.get();
                    let words = td_string!(locale, finder.shortlist_elsewhere, district = SLOT)
                        .to_string();
                    let others = (!others.is_empty())
                        .then(|| {
                            view! {
                                <ul class="shortlist-items">
                                    {others
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <li data-testid="shortlist-elsewhere" data-id=e.id>
                                                    <a href=e.href>{data(e.name)}</a>
                                                    " "
                                                    <span class="hint">{sentence(&words, [e.district])}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        });
                    if rows.is_empty() && others.is_some() {
                        return others.into_any();
                    }
                    if rows.is_empty() {
                        return view! {
                            <p class="hint">{td_string!(locale, finder.shortlist_empty)}</p>
                        }
                            .into_any();
                    }
                    view! {
                        {others}
                        <ul class="shortlist-items">
                            {rows
                                .into_iter()
                                .map(|(id, name)| {
                                    let for_check = id.clone();
                                    let checked = move || picked.with(|p| p.contains(&for_check));
                                    let toggle_id = id.clone();
                                    view! {
                                        <li>
                                            <label class="check">
                                                <input
                                                    type="checkbox"
                                                    prop:checked=checked.clone()
                                                    disabled=move || {
                                                        !checked() && picked.with(|p| p.len() >= MAX_COMPARED)
                                                    }
                                                    on:change=move |_| {
                                                        picked
                                                            .update(|p| {
                                                                if let Some(at) = p.iter().position(|x| *x == toggle_id) {
                                                                    p.remove(at);
                                                                } else if p.len() < MAX_COMPARED {
                                                                    p.push(toggle_id.clone());
                                                                }
                                                            })
                                                    }
                                                />
                                                <span lang="zh-CN">{name}</span>
                                            </label>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <button
                            type="button"
                            class="button primary"
                            disabled=move || picked.with(|p| p.len() < 2)
                            on:click=compare
                        >
                            {move || {
                                let n = picked.with(Vec::len);
                                td_string!(locale, finder.compare, n, max = MAX_COMPARED)
                                    .to_string()
                            }}
                        </button>
                    }
                        .into_any()
                }}
            </div>
        </details>
    }
}

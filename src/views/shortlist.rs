//! Starring institutions and the shortlist a parent compares from. Stars live on the phone.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::query::MAX_COMPARED;

use crate::prefs::use_prefs;
use crate::route::{use_address, Step};

#[component]
pub fn StarButton(id: String, name: String) -> impl IntoView {
    let prefs = use_prefs();
    let starred = {
        let id = id.clone();
        Memo::new(move |_| prefs.is_starred(&id))
    };
    let label = move || {
        if starred.get() {
            format!("取消收藏 {name}")
        } else {
            format!("收藏 {name}")
        }
    };
    view! {
        <button
            type="button"
            class="star"
            aria-pressed=move || starred.get().to_string()
            aria-label=label
            data-testid="star"
            on:click=move |_| prefs.toggle_star(&id)
        >
            {move || if starred.get() { "★" } else { "☆" }}
        </button>
    }
}

/// The starred institutions of this dataset, with a way to put two or three side by side.
#[component]
pub fn Shortlist(loaded: Arc<Loaded>) -> impl IntoView {
    let prefs = use_prefs();
    let address = use_address();
    let picked = RwSignal::new(Vec::<String>::new());
    let starred = move || {
        prefs.stars.with(|stars| {
            stars
                .iter()
                .filter_map(|id| loaded.dataset.institution(id))
                .map(|inst| (inst.id.clone(), inst.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let count = {
        let starred = starred.clone();
        move || starred().len()
    };
    let compare = move |_| {
        let ids = picked.get_untracked();
        address.note_opened_from_list();
        address.update(Step::Push, move |q| q.compare = ids);
    };
    view! {
        <details class="shortlist" data-testid="shortlist">
            <summary>{move || format!("我的收藏（{}）", count())}</summary>
            {move || {
                let rows = starred();
                if rows.is_empty() {
                    return view! {
                        <p class="hint">"点机构卡片上的 ☆ 收藏，最多可选 3 家并排对比。收藏只保存在本机。"</p>
                    }
                    .into_any();
                }
                view! {
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
                                                disabled=move || !checked() && picked.with(|p| p.len() >= MAX_COMPARED)
                                                on:change=move |_| picked.update(|p| {
                                                    if let Some(at) = p.iter().position(|x| *x == toggle_id) {
                                                        p.remove(at);
                                                    } else if p.len() < MAX_COMPARED {
                                                        p.push(toggle_id.clone());
                                                    }
                                                })
                                            />
                                            {name}
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
                        {move || format!("并排对比所选（{}/{MAX_COMPARED}）", picked.with(Vec::len))}
                    </button>
                }
                .into_any()
            }}
        </details>
    }
}

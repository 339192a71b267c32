//! One institution in the list: what a parent weighs at a glance.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::Institution;
use tuoyu_core::query::FinderQuery;

use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::{use_address, Step};
use crate::views::shortlist::StarButton;
use crate::views::text::mixed;

#[component]
pub fn ResultCard(loaded: Arc<Loaded>, index: usize, distance: Option<u32>) -> impl IntoView {
    let address = use_address();
    let inst: &Institution = &loaded.dataset.institutions[index];
    let id = inst.id.clone();
    // The link is the institution's own page (what a long press copies); a tap opens it over
    // the list with the filters as they are by then, so that "back" finds the same list.
    let href = address.query.with_untracked(|q| {
        address.href(&FinderQuery {
            data: q.data.clone(),
            id: Some(id.clone()),
            ..Default::default()
        })
    });
    let open = move |ev: web_sys::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        address.note_opened_from_list();
        let id = id.clone();
        address.update(Step::Push, move |q| q.id = Some(id));
    };
    // The fee shown is for the care type the parent filters by, and a card that stays in the
    // list when they pick another type must follow.
    let fee_data = loaded.clone();
    let fee = move || {
        let inst = &fee_data.dataset.institutions[index];
        address
            .query
            .with(|q| inst.main_fee(&q.filter.types))
            .map(|(care, fee)| labels::fee_for(care, &fee))
            .unwrap_or_else(|| labels::fee_unknown().into())
    };
    let care = labels::care_types(&inst.care_types);
    let locale = lang::current();

    view! {
        <li class="card" data-testid="result" data-id=inst.id.clone()>
            <a class="card-link" href=href on:click=open>
                // The bureau's own words stay in Chinese, and are read in a Chinese voice.
                <h2 class="card-name" lang="zh-CN">{inst.name.clone()}</h2>
                <p class="card-meta">
                    <span class="kind">{inst.kind.text()}</span>
                    {inst.puhui.then(|| view! {
                        <span class="badge puhui">
                            {mixed(td_string!(locale, finder.puhui_badge))}
                        </span>
                    })}
                    {distance.map(|d| view! {
                        <span class="distance" data-testid="distance">
                            {labels::distance_from_you(d as f64)}
                        </span>
                    })}
                </p>
                <p class="card-care">{care}</p>
                {inst.employer_only().then(|| view! {
                    <p class="badge employer" data-testid="employer-only">
                        {td_string!(locale, finder.employer_only)}
                    </p>
                })}
                <p class="card-facts">
                    <span class="card-fee">{fee}</span>
                    <span>{labels::vacancy(inst)}</span>
                    <span>{mixed(labels::registration(inst))}</span>
                </p>
            </a>
            <StarButton id=inst.id.clone() name=inst.name.clone() />
        </li>
    }
}

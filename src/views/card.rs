//! One institution in the list: what a parent weighs at a glance.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::Institution;

use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::use_address;
use crate::views::shortlist::StarButton;
use crate::views::text::mixed;

#[component]
pub fn ResultCard(loaded: Arc<Loaded>, index: usize, distance: Option<u32>) -> impl IntoView {
    let address = use_address();
    let inst: &Institution = &loaded.dataset.institutions[index];
    let id = inst.id.clone();
    let href = address.query.with_untracked(|q| {
        let mut next = q.clone();
        next.id = Some(id.clone());
        next.notes.clear();
        address.href(&next)
    });
    let preferred = address.query.with_untracked(|q| q.filter.types.clone());
    let fee = inst
        .main_fee(&preferred)
        .map(|(care, fee)| labels::fee_for(care, &fee));
    let care = labels::care_types(&inst.care_types);
    let locale = lang::current();

    view! {
        <li class="card" data-testid="result" data-id=inst.id.clone()>
            <a class="card-link" href=href data-noscroll on:click=move |_| address.note_opened_from_list()>
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
                <p class="card-facts">
                    <span>{fee.unwrap_or_else(|| labels::fee_unknown().into())}</span>
                    <span>{labels::vacancy(inst)}</span>
                    <span>{mixed(labels::registration(inst))}</span>
                </p>
            </a>
            <StarButton id=inst.id.clone() name=inst.name.clone() />
        </li>
    }
}

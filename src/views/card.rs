//! One institution in the list: what a parent weighs at a glance.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::Institution;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::{plain_click, use_address, Address};
use crate::views::finder::ListedHit;
use crate::views::shortlist::StarButton;
use crate::views::text::mixed;

#[component]
pub fn ResultCard(loaded: Arc<Loaded>, hit: ListedHit) -> impl IntoView {
    let address = use_address();
    let ListedHit {
        index,
        metres: distance,
    } = hit;
    let inst: &Institution = &loaded.dataset.institutions[index];
    let id = inst.id.clone();
    // The link is the institution's own page (what a long press copies); a tap opens it over
    // the list with the filters as they are by then, so that "back" finds the same list.
    let district = use_dataset().district_of(index);
    let href = address.link(|q| q.institution_link(&id, district.as_deref()));
    let open = open_on_tap(address, id);
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
    // The vacancy is the child's age band's when the publisher gave bands, so it follows
    // the age chosen, like the `vacant` filter.
    let vacancy_data = loaded.clone();
    let vacancy = move || {
        let inst = &vacancy_data.dataset.institutions[index];
        labels::vacancy_for_age(inst, address.query.with(|q| q.filter.age))
    };
    let care = labels::care_types(&inst.care_types);

    view! {
        <li class="card" data-testid="result" data-id=inst.id.clone()>
            <a class="card-link" href=href on:click=open>
                // The bureau's own words stay in Chinese, and are read in a Chinese voice.
                <h2 class="card-name" lang="zh-CN">
                    {inst.name.clone()}
                </h2>
                {card_meta(inst, distance.map(|d| labels::distance_from_you(d as f64)), false)}
                <p class="card-care">{care}</p>
                {inst
                    .employer_only()
                    .then(|| {
                        view! {
                            <p class="badge employer" data-testid="employer-only">
                                {td_string!(lang::current(), finder.employer_only)}
                            </p>
                        }
                    })}
                <p class="card-facts">
                    <span class="card-fee">{fee}</span>
                    <span class="card-vacancy" data-testid="card-vacancy">
                        {vacancy}
                    </span>
                    <span class="card-registration">{mixed(labels::registration(inst))}</span>
                </p>
                <p class="card-facts">
                    <span data-testid="card-hours">{labels::week(inst)}</span>
                    <span data-testid="card-prepay">
                        {mixed(labels::prepayment(inst.prepayment.as_ref()))}
                    </span>
                </p>
            </a>
            <StarButton id=inst.id.clone() name=inst.name.clone() />
        </li>
    }
}

/// What a tap on a link to an institution does (the list's card, the map's card): opens it as
/// a sheet over the page, remembering the tap so the sheet ignores a double tap's second one.
/// A tap with a modifier or another button is left to the browser.
pub fn open_on_tap(address: Address, id: String) -> impl Fn(web_sys::MouseEvent) + 'static {
    move |ev: web_sys::MouseEvent| {
        if plain_click(&ev) {
            ev.prevent_default();
            crate::views::sheet::opened_by(&ev);
            address.open_institution(&id);
        }
    }
}

/// The line under an institution's name, on its card, the map's card and its page: the kind,
/// 普惠, on the page also 示范, and how far it is from the parent (`distance`, the contract's
/// test hook).
pub fn card_meta(
    inst: &Institution,
    distance: Option<String>,
    demonstration: bool,
) -> impl IntoView {
    let locale = lang::current();
    view! {
        <p class="card-meta">
            <span class="kind">{inst.kind.text()}</span>
            {inst
                .puhui
                .then(|| {
                    view! {
                        <span class="badge puhui">
                            {mixed(td_string!(locale, finder.puhui_badge))}
                        </span>
                    }
                })}
            {(demonstration && inst.demonstration)
                .then(|| {
                    view! {
                        <span class="badge">{mixed(td_string!(locale, detail.demonstration))}</span>
                    }
                })}
            {distance
                .map(|d| {
                    view! {
                        <span class="distance" data-testid="distance">
                            {d}
                        </span>
                    }
                })}
        </p>
    }
}

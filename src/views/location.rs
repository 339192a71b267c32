//! "Where are you": the phone's GPS (which never leaves the phone, nor enters the address or
//! a link: it is kept for the visit, and on the phone if the parent asks, see `route.rs`), or
//! a 镇/街道 from the dataset, and how far the parent will travel.

use leptos::prelude::*;
use tuoyu_core::model::LatLng;
use tuoyu_core::query::FinderQuery;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::lang;
use crate::platform::{locate, LocateError};
use crate::route::{use_address, Step};
use crate::views::chip::chip;

const RADII_M: [u32; 3] = [1000, 3000, 5000];

#[derive(Clone, PartialEq)]
enum Locating {
    Idle,
    Busy,
    Failed(LocateError),
}

/// What to do instead, in the interface's language.
fn locate_message(reason: LocateError) -> &'static str {
    let l = lang::current();
    match reason {
        LocateError::Unsupported => td_string!(l, finder.locate_unsupported),
        LocateError::Denied => td_string!(l, finder.locate_denied),
        LocateError::Timeout => td_string!(l, finder.locate_timeout),
        LocateError::Unavailable => td_string!(l, finder.locate_unavailable),
        LocateError::Failed => td_string!(l, finder.locate_failed),
    }
}

#[component]
pub fn LocationPicker() -> impl IntoView {
    let address = use_address();
    let dataset = use_dataset();
    let state = RwSignal::new(Locating::Idle);
    let near = Memo::new(move |_| address.query.with(|q| q.filter.near));
    let own = Memo::new(move |_| address.query.with(|q| q.own_place().is_some()));

    let use_my_location = move |_| {
        state.set(Locating::Busy);
        locate(move |outcome| match outcome {
            Ok(point) => {
                state.set(Locating::Idle);
                // About 10 m: plenty for distances, and all that is kept.
                let point = LatLng {
                    lat: (point.lat * 10_000.0).round() / 10_000.0,
                    lng: (point.lng * 10_000.0).round() / 10_000.0,
                };
                address.update(Step::Replace, move |q| q.set_own_point(point));
            }
            Err(reason) => state.set(Locating::Failed(reason)),
        });
    };
    let forget_location = move |_| address.update(Step::Replace, FinderQuery::forget_location);
    let areas = move || {
        dataset.loaded().map(|loaded| {
            loaded
                .dataset
                .region
                .areas
                .iter()
                .map(|a| {
                    view! {
                        <option value=a.code.clone() lang="zh-CN">
                            {a.name.clone()}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let locale = lang::current();
    let radius_chip = move |radius: Option<u32>| {
        let label = match radius {
            Some(m) => td_string!(locale, finder.radius_km, km = m / 1000).to_string(),
            None => td_string!(locale, finder.radius_any).to_string(),
        };
        chip(
            move || address.query.with(|q| q.filter.radius_m == radius),
            move || address.update(Step::Replace, move |q| q.filter.radius_m = radius),
            None,
            label,
        )
    };

    view! {
        <fieldset class="group location">
            <legend>{td_string!(locale, finder.location_legend)}</legend>
            <div class="row">
                <button
                    type="button"
                    class="button primary"
                    on:click=use_my_location
                    disabled=move || state.get() == Locating::Busy
                >
                    {move || match (state.get(), near.get()) {
                        (Locating::Busy, _) => td_string!(locale, finder.locating),
                        (_, Some(_)) => td_string!(locale, finder.locate_again),
                        _ => td_string!(locale, finder.use_my_location),
                    }}
                </button>
                <Show when=move || near.get().is_some()>
                    <button type="button" class="button link" on:click=forget_location>
                        {td_string!(locale, finder.forget_location)}
                    </button>
                </Show>
                <label class="field">
                    <span class="visually-hidden">{td_string!(locale, finder.area_label)}</span>
                    <select
                        on:change:target=move |ev| {
                            let code = ev.target().value();
                            let area = (!code.is_empty()).then_some(code);
                            address.update(Step::Replace, move |q| q.filter.area = area);
                        }
                        prop:value=move || {
                            address.query.with(|q| q.filter.area.clone().unwrap_or_default())
                        }
                    >
                        <option value="">{td_string!(locale, finder.area_all)}</option>
                        {areas}
                    </select>
                </label>
            </div>
            {move || match state.get() {
                Locating::Failed(reason) => {
                    Some(
                        view! {
                            <p class="warn" role="alert" data-testid="location-error">
                                {locate_message(reason)}
                            </p>
                        },
                    )
                }
                _ => None,
            }}
            <Show when=move || near.get().is_some()>
                <p class="hint">
                    {move || {
                        if own.get() && address.own_on_phone.get() {
                            td_string!(locale, finder.location_hint_kept)
                        } else {
                            td_string!(locale, finder.location_hint)
                        }
                    }}
                </p>
                <Show when=move || own.get()>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="remember-location"
                            prop:checked=move || address.own_on_phone.get()
                            on:change:target=move |ev| {
                                address.keep_own_place_on_phone(ev.target().checked())
                            }
                        />
                        {td_string!(locale, finder.remember_location)}
                    </label>
                </Show>
                <div class="chips" role="group" aria-label=td_string!(locale, finder.radius_label)>
                    {RADII_M.into_iter().map(|m| radius_chip(Some(m))).collect_view()}
                    {radius_chip(None)}
                </div>
            </Show>
        </fieldset>
    }
}

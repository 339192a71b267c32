//! "Where are you": the phone's GPS (which never leaves the phone, nor enters the address or
//! a link: it is kept for the visit, and on the phone if the parent asks, see `route.rs`), or
//! a 镇/街道 from the dataset, and how far the parent will travel. The bar has the GPS button and then the distance; the filter
//! sheet has the rest (locate again, forget, the 镇/街道).

use leptos::prelude::*;
use tuoyu_core::model::LatLng;
use tuoyu_core::query::FinderQuery;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::lang;
use crate::platform::{locate, LocateError};
use crate::route::{use_address, Address, Step};

const RADII_M: [u32; 3] = [1000, 3000, 5000];

#[derive(Clone, PartialEq)]
enum Locating {
    Idle,
    Busy,
    Failed(LocateError),
}

/// The state of asking the phone for its place, shared by the bar's button and the sheet's.
#[derive(Clone, Copy)]
pub struct Locator {
    state: RwSignal<Locating>,
    // Captured here: a tap's handler runs outside the component tree, where context is gone.
    address: Address,
}

impl Locator {
    pub fn new() -> Self {
        Locator {
            state: RwSignal::new(Locating::Idle),
            address: use_address(),
        }
    }

    fn start(self) {
        let (address, state) = (self.address, self.state);
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
    }

    fn busy(self) -> bool {
        self.state.get() == Locating::Busy
    }
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

/// The bar's part: "use my location" until there is a place, then how far.
#[component]
pub fn LocateOrDistance(locator: Locator) -> impl IntoView {
    let address = use_address();
    let near = Memo::new(move |_| address.query.with(|q| q.filter.near.is_some()));
    let locale = lang::current();
    move || {
        if near.get() {
            view! { <DistanceSelect /> }.into_any()
        } else {
            view! {
                <LocateButton
                    locator
                    class="chip locate"
                    idle=td_string!(locale, finder.use_my_location)
                />
            }
            .into_any()
        }
    }
}

/// The button that asks the phone where it is (the bar's and the sheet's); `idle` is what it
/// says while not locating.
#[component]
fn LocateButton(locator: Locator, class: &'static str, idle: &'static str) -> impl IntoView {
    let locale = lang::current();
    view! {
        <button
            type="button"
            class=class
            on:click=move |_| locator.start()
            disabled=move || locator.busy()
        >
            {move || if locator.busy() { td_string!(locale, finder.locating) } else { idle }}
        </button>
    }
}

/// How far from the parent's place, as one compact control.
#[component]
fn DistanceSelect() -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let option = move |radius: Option<u32>| {
        let label = match radius {
            Some(m) => td_string!(locale, finder.radius_km, km = m / 1000).to_string(),
            None => td_string!(locale, finder.radius_any).to_string(),
        };
        let value = radius.map(|m| m.to_string()).unwrap_or_default();
        view! { <option value=value>{label}</option> }
    };
    view! {
        <label class="field distance-field">
            <span class="visually-hidden">{td_string!(locale, finder.radius_label)}</span>
            <select
                data-testid="radius"
                on:change:target=move |ev| {
                    let radius = ev.target().value().parse::<u32>().ok();
                    address.update(Step::Replace, move |q| q.filter.radius_m = radius);
                }
                prop:value=move || {
                    address
                        .query
                        .with(|q| q.filter.radius_m.map(|m| m.to_string()).unwrap_or_default())
                }
            >
                {RADII_M.into_iter().map(|m| option(Some(m))).collect_view()}
                {option(None)}
            </select>
        </label>
    }
}

/// Why the phone gave no place, with the 镇/街道 to choose instead right under it.
#[component]
pub fn LocateProblem(locator: Locator) -> impl IntoView {
    move || match locator.state.get() {
        Locating::Failed(reason) => Some(view! {
            <div class="locate-problem">
                <p class="warn" role="alert" data-testid="location-error">
                    {locate_message(reason)}
                </p>
                <AreaSelect />
            </div>
        }),
        _ => None,
    }
}

/// The sheet's part: locate again or forget the place, and the 镇/街道.
#[component]
pub fn LocationSection(locator: Locator) -> impl IntoView {
    let address = use_address();
    let near = Memo::new(move |_| address.query.with(|q| q.filter.near.is_some()));
    // Only the parent's own point can be kept; a link's place is the link's.
    let own = Memo::new(move |_| address.query.with(|q| q.own_place().is_some()));
    let forget_location = move |_| address.update(Step::Replace, FinderQuery::forget_location);
    let locale = lang::current();
    view! {
        <fieldset class="group location">
            <legend>{td_string!(locale, finder.location_legend)}</legend>
            <div class="row">
                <Show when=move || near.get()>
                    <LocateButton
                        locator
                        class="button"
                        idle=td_string!(locale, finder.locate_again)
                    />
                    <button type="button" class="button link" on:click=forget_location>
                        {td_string!(locale, finder.forget_location)}
                    </button>
                </Show>
                <AreaSelect />
            </div>
            <Show when=move || near.get()>
                <p class="hint">
                    {move || {
                        if own.get() && address.own_on_phone.get() {
                            td_string!(locale, finder.location_hint_kept)
                        } else {
                            td_string!(locale, finder.location_hint)
                        }
                    }}
                </p>
            </Show>
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
        </fieldset>
    }
}

#[component]
fn AreaSelect() -> impl IntoView {
    let address = use_address();
    let dataset = use_dataset();
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
    view! {
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
    }
}

//! "Where are you": the phone's GPS (which never leaves the phone: it only goes into the
//! address bar), or a 镇/街道 from the dataset, and how far the parent will travel.

use leptos::prelude::*;
use tuoyu_core::model::LatLng;

use crate::data::use_dataset;
use crate::platform::locate;
use crate::route::{use_address, Step};

const RADII_M: [u32; 3] = [1000, 3000, 5000];

#[derive(Clone, PartialEq)]
enum Locating {
    Idle,
    Busy,
    Failed(String),
}

#[component]
pub fn LocationPicker() -> impl IntoView {
    let address = use_address();
    let dataset = use_dataset();
    let state = RwSignal::new(Locating::Idle);
    let near = Memo::new(move |_| address.query.with(|q| q.filter.near));

    let use_my_location = move |_| {
        state.set(Locating::Busy);
        locate(move |outcome| match outcome {
            Ok(point) => {
                state.set(Locating::Idle);
                // About 10 m: plenty for distances, and less exact in a link that gets shared.
                let point = LatLng {
                    lat: (point.lat * 10_000.0).round() / 10_000.0,
                    lng: (point.lng * 10_000.0).round() / 10_000.0,
                };
                address.update(Step::Replace, move |q| q.filter.near = Some(point));
            }
            Err(message) => state.set(Locating::Failed(message)),
        });
    };
    let forget_location = move |_| {
        address.update(Step::Replace, |q| {
            q.filter.near = None;
            q.filter.radius_m = None;
            if q.sort == tuoyu_core::filter::Sort::Distance {
                q.sort = Default::default();
            }
        })
    };
    let areas = move || {
        dataset.loaded().map(|loaded| {
            loaded
                .dataset
                .region
                .areas
                .iter()
                .map(|a| view! { <option value=a.code.clone()>{a.name.clone()}</option> })
                .collect_view()
        })
    };
    let radius_chip = move |radius: Option<u32>| {
        let label = radius.map_or("不限".to_string(), |m| format!("{} 公里内", m / 1000));
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || address.query.with(|q| q.filter.radius_m == radius).to_string()
                on:click=move |_| address.update(Step::Replace, move |q| q.filter.radius_m = radius)
            >
                {label}
            </button>
        }
    };

    view! {
        <fieldset class="group location">
            <legend>"我的位置"</legend>
            <div class="row">
                <button
                    type="button"
                    class="button primary"
                    on:click=use_my_location
                    disabled=move || state.get() == Locating::Busy
                >
                    {move || match (state.get(), near.get()) {
                        (Locating::Busy, _) => "正在定位…",
                        (_, Some(_)) => "重新定位",
                        _ => "使用我的位置",
                    }}
                </button>
                <Show when=move || near.get().is_some()>
                    <button type="button" class="button link" on:click=forget_location>
                        "不用位置"
                    </button>
                </Show>
                <label class="field">
                    <span class="visually-hidden">"镇/街道"</span>
                    <select
                        on:change:target=move |ev| {
                            let code = ev.target().value();
                            let area = (!code.is_empty()).then_some(code);
                            address.update(Step::Replace, move |q| q.filter.area = area);
                        }
                        prop:value=move || address.query.with(|q| q.filter.area.clone().unwrap_or_default())
                    >
                        <option value="">"全部镇/街道"</option>
                        {areas}
                    </select>
                </label>
            </div>
            {move || match state.get() {
                Locating::Failed(message) => Some(view! {
                    <p class="warn" role="alert" data-testid="location-error">{message}</p>
                }),
                _ => None,
            }}
            <Show when=move || near.get().is_some()>
                <p class="hint">"已按您的位置计算距离（位置只保存在本机）。"</p>
                <div class="chips" role="group" aria-label="距离范围">
                    {RADII_M.into_iter().map(|m| radius_chip(Some(m))).collect_view()}
                    {radius_chip(None)}
                </div>
            </Show>
        </fieldset>
    }
}

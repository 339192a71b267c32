//! Dataset 1.1's filters: drop-off and pick-up times on weekdays (`from`, `until`) and fees
//! collected at most 3 months ahead (`prepay`). Like every control, they read the address
//! and write it back.

use leptos::prelude::*;
use tuoyu_core::model::Clock;
use tuoyu_core::query::FinderQuery;

use crate::i18n::*;
use crate::labels;
use crate::lang;
use crate::route::{use_address, Step};
use crate::views::chip::chip;

/// What the 预收费 chip asks for: the three months parents and the guidance name.
const PREPAY_MONTHS: u8 = 3;

/// Half-hour choices across a working parent's morning and evening.
fn choices(first: u16, last: u16) -> Vec<Clock> {
    (first..=last)
        .step_by(30)
        .filter_map(Clock::from_minutes)
        .collect()
}

/// A time `<select>`: "any", the half hours, and the address's own value when a link brought
/// another one (07:45), so that what is in force is always what is shown.
fn time_select(
    label: &'static str,
    testid: &'static str,
    times: Vec<Clock>,
    get: fn(&FinderQuery) -> Option<Clock>,
    put: fn(&mut FinderQuery, Option<Clock>),
) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let options = move || {
        let mut all = times.clone();
        if let Some(t) = address.query.with(get).filter(|t| !all.contains(t)) {
            all.push(t);
            all.sort();
        }
        all.into_iter()
            .map(|t| view! { <option value=t.to_string()>{labels::clock(t)}</option> })
            .collect_view()
    };
    view! {
        <label class="field">
            {label}
            <select
                data-testid=testid
                on:change:target=move |ev| {
                    let t = Clock::parse(&ev.target().value());
                    address.update(Step::Replace, move |q| put(q, t));
                }
                prop:value=move || {
                    address.query.with(|q| get(q).map(|t| t.to_string()).unwrap_or_default())
                }
            >
                <option value="">{td_string!(locale, worries.any_time)}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
pub fn HoursFilter() -> impl IntoView {
    let locale = lang::current();
    view! {
        <fieldset class="group hours-filter">
            <legend class="label">{td_string!(locale, worries.hours_filter)}</legend>
            {time_select(
                td_string!(locale, worries.drop_off),
                "filter-from",
                choices(6 * 60 + 30, 9 * 60 + 30),
                |q| q.filter.from,
                |q, t| q.filter.from = t,
            )}
            {time_select(
                td_string!(locale, worries.pick_up),
                "filter-until",
                choices(16 * 60 + 30, 20 * 60 + 30),
                |q| q.filter.until,
                |q, t| q.filter.until = t,
            )}
        </fieldset>
    }
}

/// 预收费不超过3个月; a link's own number of months (prepay=6) is shown as it is.
#[component]
pub fn PrepayChip() -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let months = move || address.query.with(|q| q.filter.prepay);
    chip(
        move || months().is_some(),
        move || {
            address.update(Step::Replace, |q| {
                q.filter.prepay = match q.filter.prepay {
                    Some(_) => None,
                    None => Some(PREPAY_MONTHS),
                }
            })
        },
        Some("filter-prepay"),
        move || match months().unwrap_or(PREPAY_MONTHS) {
            1 => td_string!(locale, worries.prepay_chip_single, n = 1).to_string(),
            n => td_string!(locale, worries.prepay_chip, n).to_string(),
        },
    )
}

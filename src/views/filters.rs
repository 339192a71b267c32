//! The filter bar over the list (the rest is in the filter sheet). Every control reads the address and writes it back (replacing the history
//! entry), so the list, a reload and a shared link all agree.

use leptos::prelude::*;
use tuoyu_core::model::CareType;
use tuoyu_core::query::FinderQuery;

use tuoyu_core::age::{age_on, check_birth_date, BirthDateProblem};

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels::Label;
use crate::lang;
use crate::platform::today;
use crate::route::{use_address, Step};
use crate::views::chip::chip;
use crate::views::filter_sheet::{FilterSheet, FilterSheetHandle, OpenFilters};
use crate::views::location::{LocateOrDistance, LocateProblem, Locator};
use crate::views::shortlist::Shortlist;
use crate::views::text::mixed;
use crate::wording::birth_date_text;

/// The bar over the list: the search, the choices parents use most (where, care type, 普惠),
/// the 筛选 button for the rest and the shortlist. One or two rows on a phone, so that the
/// answer is on the first screen.
#[component]
pub fn Filters() -> impl IntoView {
    let address = use_address();
    let dataset = use_dataset();
    let set =
        move |change: Box<dyn FnOnce(&mut FinderQuery)>| address.update(Step::Replace, change);
    let care_chip = move |care: CareType| {
        chip(
            move || address.query.with(|q| q.filter.types.contains(&care)),
            move || set(Box::new(move |q| toggle(&mut q.filter.types, care))),
            None,
            care.text(),
        )
    };
    let locator = Locator::new();
    let sheet = FilterSheetHandle::new();
    let locale = lang::current();
    view! {
        <section class="filters finder-bar" aria-label=td_string!(locale, finder.filters_label)>
            <div class="bar-row">
                <SearchBox />
                <OpenFilters sheet />
                {move || dataset.loaded().map(|loaded| view! { <Shortlist loaded /> })}
            </div>
            <div class="bar-row bar-chips">
                <LocateOrDistance locator />
                <BabyAgeChip />
                <div
                    class="chips"
                    role="group"
                    aria-label=td_string!(locale, finder.care_types_label)
                >
                    {CareType::ALL.into_iter().map(care_chip).collect_view()}
                </div>
                {chip(
                    move || address.query.with(|q| q.filter.puhui),
                    move || set(Box::new(|q| q.filter.puhui = !q.filter.puhui)),
                    None,
                    mixed(td_string!(locale, finder.puhui_only)),
                )}
            </div>
            <LocateProblem locator />
        </section>
        <FilterSheet sheet locator />
    }
}

pub fn toggle<T: PartialEq + Ord>(list: &mut Vec<T>, item: T) {
    if let Some(at) = list.iter().position(|x| *x == item) {
        list.remove(at);
    } else {
        list.push(item);
        list.sort();
    }
}

/// Text search. The box keeps what the parent typed (spaces, half-finished pinyin) and only
/// the address is normalised, so typing never fights the caret.
#[component]
fn SearchBox() -> impl IntoView {
    let address = use_address();
    let text = RwSignal::new(address.query.with_untracked(|q| q.filter.q.clone()));
    let composing = StoredValue::new(false);
    // Back/forward or a cleared filter changes the address under the box: follow it.
    Effect::new(move |_| {
        let from_address = address.query.with(|q| q.filter.q.clone());
        if text.get_untracked().trim() != from_address.trim() {
            text.set(from_address);
        }
    });
    let apply = move |value: String| {
        text.set(value.clone());
        address.update(Step::Typing, move |q| q.filter.q = value.trim().to_string());
    };
    let search = td_string!(lang::current(), finder.search);
    view! {
        <label class="search">
            <span class="visually-hidden">{search}</span>
            <input
                type="search"
                enterkeyhint="search"
                placeholder=search
                prop:value=move || text.get()
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |ev| {
                    composing.set_value(false);
                    apply(event_target_value(&ev));
                }
                on:input=move |ev| {
                    if !composing.get_value() {
                        apply(event_target_value(&ev));
                    }
                }
            />
        </label>
    }
}

/// The age of the child saved in 我的宝宝, offered one tap away in the bar (never applied by
/// itself): a second tap takes it off again.
#[component]
fn BabyAgeChip() -> impl IntoView {
    let address = use_address();
    let months = crate::views::baby::saved_age_months();
    let locale = lang::current();
    months.map(|m| {
        let on = move || address.query.with(|q| q.filter.age == Some(m));
        let label = td_string!(locale, finder.baby_age, months = m).to_string();
        let toggle = move || {
            let age = (!on()).then_some(m);
            address.update(Step::Replace, move |q| q.filter.age = age);
        };
        chip(on, toggle, Some("baby-age"), label)
    })
}

/// The child's age in months, chosen directly or worked out from the birth date (which is
/// used here and forgotten: only the months go into the address).
#[component]
pub fn AgePicker() -> impl IntoView {
    let address = use_address();
    let birth_note = RwSignal::new(None::<String>);
    let options = (0u8..=36)
        .map(|m| view! { <option value=m.to_string()>{age_label(m)}</option> })
        .collect_view();
    let locale = lang::current();
    let from_birth = move |value: String| {
        let today = today();
        let outcome = check_birth_date(&value, today)
            .map_err(|problem| birth_date_text(&problem))
            .and_then(|birth| {
                let age = age_on(birth, today)
                    .ok_or_else(|| birth_date_text(&BirthDateProblem::InFuture))?;
                u8::try_from(age.months)
                    .ok()
                    .filter(|m| *m <= 36)
                    .ok_or_else(|| td_string!(locale, finder.over_three).to_owned())
            });
        match outcome {
            Ok(months) => {
                birth_note.set(None);
                address.update(Step::Replace, move |q| q.filter.age = Some(months));
            }
            Err(message) => birth_note.set(Some(message)),
        }
    };
    view! {
        <div class="group age">
            <label class="field">
                {td_string!(locale, finder.age_label)}
                <select
                    on:change:target=move |ev| {
                        let age = ev.target().value().parse::<u8>().ok();
                        address.update(Step::Replace, move |q| q.filter.age = age);
                    }
                    prop:value=move || {
                        address
                            .query
                            .with(|q| q.filter.age.map(|a| a.to_string()).unwrap_or_default())
                    }
                >
                    <option value="">{td_string!(locale, finder.age_any)}</option>
                    {options}
                </select>
            </label>
            <label class="field">
                {td_string!(locale, finder.birth_label)}
                <input
                    type="date"
                    max=today().to_string()
                    on:change:target=move |ev| from_birth(ev.target().value())
                />
            </label>
            {move || {
                birth_note
                    .get()
                    .map(|message| {
                        view! {
                            <p class="warn" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// "18 个月（1岁半）": grandparents count in years.
pub fn age_label(months: u8) -> String {
    let l = lang::current();
    let (m, y, r) = (months, months / 12, months % 12);
    match (y, r) {
        (0, _) if m == 1 => td_string!(l, finder.age_one_month).to_owned(),
        (0, _) => td_string!(l, finder.age_months, m).to_string(),
        (1, 0) => td_string!(l, finder.age_one_year).to_owned(),
        (_, 0) => td_string!(l, finder.age_years, m, y).to_string(),
        (_, 6) => td_string!(l, finder.age_years_half, m, y).to_string(),
        _ => td_string!(l, finder.age_years_months, m, y, r).to_string(),
    }
}

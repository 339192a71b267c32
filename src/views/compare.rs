//! Two or three institutions side by side: what differs is what a parent decides on, and for
//! each the next step (call, go there, read all of it), and the comparison to send to family.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::coords::wgs84_to;
use tuoyu_core::distance::distance_m;
use tuoyu_core::links::{amap_marker, tel_href};
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{format_date, Crs, Institution, LatLng};

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::use_address;
use crate::views::card::open_on_tap;
use crate::views::share::ShareButton;
use crate::views::sheet::sheet;
use crate::views::status::with_dataset;
use crate::views::text::{bounded, mixed, DATA_LANG};

#[component]
pub fn CompareSheet() -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    sheet(
        "compare-title",
        td_string!(locale, detail.back),
        move || address.close_sheet(|q| q.compare.clear()),
        with_dataset(|loaded| view! { <CompareTable loaded /> }.into_any()),
    )
}

/// A cell: interface words (which may hold a Chinese term) or the bureau's own text.
enum Cell {
    Words(String),
    Data(String),
}

#[component]
fn CompareTable(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let (ids, near, age) = address
        .query
        .with_untracked(|q| (q.compare.clone(), q.filter.near, q.filter.age));
    let chosen: Vec<&Institution> = ids
        .iter()
        .filter_map(|id| loaded.dataset.institution(id))
        .collect();
    let crs = loaded.dataset.crs;
    let not_published = || td_string!(locale, detail.not_published).to_string();
    let words = |f: &dyn Fn(&Institution) -> String| -> Vec<Cell> {
        chosen.iter().map(|i| Cell::Words(f(i))).collect()
    };
    let rows: Vec<(&'static str, Vec<Cell>)> = vec![
        (
            td_string!(locale, detail.fact_care_types),
            words(&|i| labels::care_types_in_words(&i.care_types)),
        ),
        (td_string!(locale, detail.fact_fees), words(&fees)),
        (
            td_string!(locale, detail.compare_vacancy),
            // The child's band, as on the cards: a vacancy for another age is no vacancy.
            words(&|i| labels::vacancy_for_age(i, age)),
        ),
        (
            td_string!(locale, worries.fact_bands),
            words(&labels::bands),
        ),
        (
            td_string!(locale, detail.compare_distance),
            words(&|i| distance(i, near, crs)),
        ),
        (
            td_string!(locale, detail.fact_hours),
            chosen
                .iter()
                .map(|i| match &i.hours {
                    Some(hours) => Cell::Data(bounded(hours)),
                    None => Cell::Words(not_published()),
                })
                .collect(),
        ),
        (
            td_string!(locale, worries.fact_median),
            words(&|i| {
                let lines = labels::medians(&loaded.dataset, i);
                if lines.is_empty() {
                    // Not a fact left unpublished: too few fees in the file to make one.
                    "—".to_owned()
                } else {
                    lines.join(td_string!(locale, detail.fee_separator))
                }
            }),
        ),
        (
            td_string!(locale, worries.fact_prepayment),
            words(&|i| labels::prepayment(i.prepayment.as_ref())),
        ),
        (
            td_string!(locale, worries.fact_opening),
            words(&labels::week),
        ),
        (
            td_string!(locale, detail.compare_puhui),
            words(&|i| {
                if i.puhui {
                    td_string!(locale, detail.yes)
                } else {
                    td_string!(locale, detail.no)
                }
                .to_string()
            }),
        ),
        (
            td_string!(locale, detail.fact_registration),
            words(&|i| labels::registration(i).to_string()),
        ),
        (
            td_string!(locale, detail.fact_quality),
            words(&|i| {
                i.quality
                    .as_ref()
                    .map_or_else(not_published, |q| labels::grade(q.grade))
            }),
        ),
        (
            td_string!(locale, detail.compare_latest_inspection),
            words(&|i| {
                i.latest_inspection().map_or_else(
                    || td_string!(locale, detail.none_published).to_string(),
                    |x| {
                        td_string!(
                            locale,
                            detail.latest_inspection,
                            date = format_date(x.date),
                            result = x.result.text()
                        )
                        .to_string()
                    },
                )
            }),
        ),
        (
            td_string!(locale, detail.fact_ages),
            words(&|i| {
                td_string!(
                    locale,
                    detail.ages,
                    min = i.age_months.min,
                    max = i.age_months.max
                )
                .to_string()
            }),
        ),
    ];
    let places = chosen.len();
    let actions: Vec<_> = chosen
        .iter()
        .enumerate()
        .map(|(at, inst)| place_actions(inst, at, crs))
        .collect();
    let names: Vec<String> = chosen.iter().map(|i| i.name.clone()).collect();
    let share_href = address.link(|q| q.comparison_link());
    // Each fact's name is a row of its own above the places' values, so that on a 320 px
    // phone three columns share the whole width (and a cell never shrinks to two characters
    // a line); `headers` ties each value to its place and its fact for screen readers.
    view! {
        <section class="compare" data-testid="compare">
            <h1 id="compare-title">{td_string!(locale, detail.compare_title)}</h1>
            {(chosen.len() < ids.len())
                .then(|| {
                    view! { <p class="warn">{td_string!(locale, detail.compare_missing)}</p> }
                })}
            <div class="actions">
                <ShareButton
                    href=share_href
                    title=td_string!(locale, detail.compare_title).to_string()
                />
            </div>
            <table>
                <thead>
                    <tr>
                        {names
                            .into_iter()
                            .enumerate()
                            .map(|(at, n)| {
                                view! {
                                    <th scope="col" id=format!("compare-place-{at}") lang=DATA_LANG>
                                        {n}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                    <tr class="compare-actions">{actions}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(row, (label, cells))| {
                            view! {
                                <tr class="compare-fact">
                                    <th colspan=places.to_string() id=format!("compare-fact-{row}")>
                                        {mixed(label)}
                                    </th>
                                </tr>
                                <tr>
                                    {cells
                                        .into_iter()
                                        .enumerate()
                                        .map(|(at, cell)| {
                                            let headers = format!(
                                                "compare-place-{at} compare-fact-{row}",
                                            );
                                            match cell {
                                                Cell::Words(text) => {
                                                    view! { <td headers=headers>{mixed(text)}</td> }.into_any()
                                                }
                                                Cell::Data(text) => {
                                                    view! {
                                                        <td headers=headers lang=DATA_LANG>
                                                            {text}
                                                        </td>
                                                    }
                                                        .into_any()
                                                }
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// What a parent does next about one place: call it, go there, read all of it. Each link's
/// description is the place's name in its column, so "打电话" is never ambiguous when heard.
fn place_actions(inst: &Institution, at: usize, crs: Crs) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let place = format!("compare-place-{at}");
    // Opened over the comparison, so that "back" returns to it.
    let district = use_dataset().district_for(&inst.id);
    let href = address.link(|q| q.institution_link(&inst.id, district.as_deref()));
    let open = open_on_tap(address, inst.id.clone());
    view! {
        <td>
            {inst
                .phone
                .as_deref()
                .map(|phone| {
                    view! {
                        <a
                            class="button primary"
                            href=tel_href(phone)
                            aria-describedby=place.clone()
                        >
                            {td_string!(locale, detail.compare_call)}
                        </a>
                    }
                })}
            <a
                class="button"
                href=amap_marker(inst.location, crs, &inst.name)
                target="_blank"
                rel="noopener noreferrer"
                aria-describedby=place.clone()
            >
                {td_string!(locale, detail.compare_navigate)}
            </a> <a class="button" href=href on:click=open aria-describedby=place>
                {td_string!(locale, detail.compare_details)}
            </a>
        </td>
    }
}

fn fees(inst: &Institution) -> String {
    labels::fees(inst).unwrap_or_else(|| td_string!(lang::current(), detail.not_published).into())
}

fn distance(inst: &Institution, near: Option<LatLng>, crs: Crs) -> String {
    match near {
        Some(near) => labels::distance(distance_m(wgs84_to(near, crs), inst.location)),
        None => td_string!(lang::current(), detail.no_location).into(),
    }
}

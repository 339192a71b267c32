//! Two or three institutions side by side: what differs is what a parent decides on.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::coords::wgs84_to;
use tuoyu_core::distance::distance_m;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{format_date, Institution, LatLng};

use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::use_address;
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
    let (ids, near) = address
        .query
        .with_untracked(|q| (q.compare.clone(), q.filter.near));
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
            words(&labels::vacancy),
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
    let names: Vec<String> = chosen.iter().map(|i| i.name.clone()).collect();
    view! {
        <section class="compare" data-testid="compare">
            <h1 id="compare-title">{td_string!(locale, detail.compare_title)}</h1>
            {(chosen.len() < ids.len())
                .then(|| {
                    view! { <p class="warn">{td_string!(locale, detail.compare_missing)}</p> }
                })}
            <div class="compare-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, detail.compare_item)}</th>
                            {names
                                .into_iter()
                                .map(|n| {
                                    view! {
                                        <th scope="col" lang=DATA_LANG>
                                            {n}
                                        </th>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(label, cells)| {
                                view! {
                                    <tr>
                                        <th scope="row">{mixed(label)}</th>
                                        {cells
                                            .into_iter()
                                            .map(|cell| match cell {
                                                Cell::Words(text) => {
                                                    view! { <td>{mixed(text)}</td> }.into_any()
                                                }
                                                Cell::Data(text) => {
                                                    view! { <td lang=DATA_LANG>{text}</td> }.into_any()
                                                }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn fees(inst: &Institution) -> String {
    labels::fees(inst).unwrap_or_else(|| td_string!(lang::current(), detail.not_published).into())
}

fn distance(inst: &Institution, near: Option<LatLng>, crs: tuoyu_core::model::Crs) -> String {
    match near {
        Some(near) => labels::distance(distance_m(wgs84_to(near, crs), inst.location)),
        None => td_string!(lang::current(), detail.no_location).into(),
    }
}

//! One institution, every published field, and the ways to act on it: call, navigate, copy,
//! share. Drawn over the list (which stays where it was) so "back" returns to the same place.
//! The bureau's text (name, address, hours, notes) is shown as written, marked Chinese.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use tuoyu_core::links::{amap_marker, tel_href, tencent_marker};
use tuoyu_core::load::{Loaded, Revoked};
use tuoyu_core::model::Institution;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels::{self, Label};
use crate::lang;
use crate::route::{use_address, Step};
use crate::views::card::card_meta;
use crate::views::share::ShareButton;
use crate::views::sheet::sheet;
use crate::views::shortlist::StarButton;
use crate::views::status::with_dataset;
use crate::views::text::{bounded, data, mixed, sentence, DATA_LANG, SLOT};
use crate::views::worries::{fee_medians, AgeBands, OpeningWeek, PrepaymentFact};

/// The open institution (`id=`), drawn over the list; "back" returns to the list as it was.
#[component]
pub fn DetailSheet() -> impl IntoView {
    crate::fault::injected("detail");
    let address = use_address();
    let id = Memo::new(move |_| address.query.with(|q| q.id.clone().unwrap_or_default()));
    let close = move || address.close_sheet(|q| q.id = None);
    let locale = lang::current();
    sheet(
        "detail-title",
        td_string!(locale, detail.back_to_list),
        close,
        with_dataset(move |loaded| {
            let wanted = id.get();
            match loaded
                .dataset
                .institutions
                .iter()
                .position(|i| i.id == wanted)
            {
                Some(index) => view! { <Detail loaded index /> }.into_any(),
                None => match loaded.revoked.iter().find(|r| r.id == wanted) {
                    Some(r) => view! { <NotFound revoked=r.clone() /> }.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                },
            }
        }),
    )
}

/// An id the list does not have: one whose 备案 was revoked says so (an old link to it
/// should not read as a broken link), any other is not found.
#[component]
fn NotFound(#[prop(optional)] revoked: Option<Revoked>) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let (title, text) = match &revoked {
        Some(r) => (
            view! { <span lang=DATA_LANG>{r.name.clone()}</span> }.into_any(),
            match r.updated {
                Some(date) => {
                    td_string!(locale, detail.revoked_text_dated, date = labels::date(date))
                        .to_string()
                }
                None => td_string!(locale, detail.revoked_text).to_owned(),
            },
        ),
        None => (
            td_string!(locale, detail.not_found_title).into_any(),
            td_string!(locale, detail.not_found_text).to_owned(),
        ),
    };
    view! {
        <section class="detail" data-testid="not-found" data-revoked=revoked.is_some().to_string()>
            <h1 id="detail-title">{title}</h1>
            {revoked
                .is_some()
                .then(|| {
                    view! {
                        <p class="badge revoked" data-testid="revoked">
                            {mixed(td_string!(locale, detail.revoked_badge))}
                        </p>
                    }
                })}
            <p>{mixed(text)}</p>
            <button
                type="button"
                class="button primary"
                on:click=move |_| address.update(Step::Replace, |q| q.id = None)
            >
                {td_string!(locale, detail.not_found_back)}
            </button>
        </section>
    }
}

#[component]
fn Detail(loaded: Arc<Loaded>, index: usize) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let inst: &Institution = &loaded.dataset.institutions[index];
    let crs = loaded.dataset.crs;
    let title_ref = NodeRef::<html::H1>::new();
    // Screen readers and keyboards land on the name, not behind the sheet.
    Effect::new(move |_| {
        if let Some(title) = title_ref.get() {
            let _ = title.focus();
        }
    });
    let area_name = inst
        .area
        .as_deref()
        .and_then(|code| loaded.dataset.area(code))
        .map(|a| a.name.clone());
    let district = use_dataset().district_of(index);
    let share_href = address.link(|q| q.institution_link(&inst.id, district.as_deref()));
    let distance = address.query.with_untracked(|q| {
        q.filter.near.map(|near| {
            labels::distance_from_you(tuoyu_core::distance::distance_m(
                tuoyu_core::coords::wgs84_to(near, crs),
                inst.location,
            ))
        })
    });
    let full_address = inst.address.clone();
    let fees = labels::fees(inst);
    let medians = fee_medians(&loaded.dataset, inst);
    let quality = inst.quality.as_ref().map(|q| match q.year {
        Some(year) => td_string!(
            locale,
            detail.quality_rated,
            grade = labels::grade(q.grade),
            year
        )
        .to_string(),
        None => labels::grade(q.grade),
    });
    let open_to_public = inst.open_to_public.map(|open| {
        if open {
            td_string!(locale, detail.open_to_public).to_string()
        } else {
            td_string!(locale, detail.staff_only).to_string()
        }
    });
    let source_line = td_string!(
        locale,
        detail.source_line,
        publisher = SLOT,
        date = labels::date(loaded.dataset.published)
    )
    .to_string();

    view! {
        <article class="detail">
            <h1 id="detail-title" tabindex="-1" node_ref=title_ref lang=DATA_LANG>
                {inst.name.clone()}
            </h1>
            {card_meta(inst, distance, true)}
            <div class="actions">
                {inst
                    .phone
                    .clone()
                    .map(|phone| {
                        view! {
                            <a class="button primary" href=tel_href(&phone)>
                                {td_string!(locale, detail.call, phone = phone.clone()).to_string()}
                            </a>
                        }
                    })}
                <a
                    class="button"
                    href=amap_marker(inst.location, crs, &inst.name)
                    target="_blank"
                    rel="noopener noreferrer"
                >
                    {td_string!(locale, detail.navigate_amap)}
                </a>
                <a
                    class="button"
                    href=tencent_marker(inst.location, crs, &inst.name, &inst.address)
                    target="_blank"
                    rel="noopener noreferrer"
                >
                    {td_string!(locale, detail.navigate_tencent)}
                </a>
                <CopyButton
                    label=td_string!(locale, detail.copy_address)
                    text=full_address.clone()
                /> <StarButton id=inst.id.clone() name=inst.name.clone() />
                <ShareButton href=share_href title=inst.name.clone() />
            </div>
            <dl class="facts">
                <Fact
                    label=td_string!(locale, detail.fact_address)
                    data=true
                    value=Some(
                        match &area_name {
                            Some(area) => format!("{}（{area}）", inst.address),
                            None => inst.address.clone(),
                        },
                    )
                />
                <Fact
                    label=td_string!(locale, detail.fact_care_types)
                    value=Some(labels::care_types_in_words(&inst.care_types))
                />
                <Fact
                    label=td_string!(locale, detail.fact_ages)
                    value=Some(
                        td_string!(
                            locale, detail.ages, min = inst.age_months.min, max = inst.age_months.max
                        )
                            .to_string(),
                    )
                />
                <Fact label=td_string!(locale, detail.fact_fees) value=fees />
                {medians}
                <PrepaymentFact inst=inst.clone() />
                <Fact label=td_string!(locale, detail.fact_places) value=Some(places_text(inst)) />
                <AgeBands inst=inst.clone() />
                <OpeningWeek inst=inst.clone() />
                <Fact
                    label=td_string!(locale, detail.fact_hours)
                    data=true
                    value=inst.hours.clone()
                />
                <Fact label=td_string!(locale, detail.fact_operator) value=operator_text(inst) />
                {
                    let (registration, pieces) = registration_detail(inst);
                    view! {
                        <Fact
                            label=td_string!(locale, detail.fact_registration)
                            value=Some(registration)
                            pieces
                        />
                    }
                }
                <Fact label=td_string!(locale, detail.fact_quality) value=quality />
                <Fact label=td_string!(locale, detail.fact_open) value=open_to_public />
                <Fact
                    label=td_string!(locale, detail.fact_features)
                    data=true
                    value=(!inst.features.is_empty())
                        .then(|| inst.features.join(td_string!(locale, detail.list_separator)))
                />
                <Fact
                    label=td_string!(locale, detail.fact_updated)
                    value=inst.updated.map(labels::date)
                />
            </dl>
            <section class="inspections">
                <h2>{td_string!(locale, detail.inspections)}</h2>
                {if inst.inspections.is_empty() {
                    view! { <p>{td_string!(locale, detail.no_inspections)}</p> }.into_any()
                } else {
                    let mut rows = inst.inspections.clone();
                    rows.sort_by_key(|i| std::cmp::Reverse(i.date));
                    view! {
                        <ul class="inspection-list">
                            {rows
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <li>
                                            <strong>
                                                {format!("{} {}", labels::date(i.date), i.result.text())}
                                            </strong>
                                            {i
                                                .summary
                                                .map(|s| {
                                                    view! {
                                                        <span>
                                                            {td_string!(locale, detail.summary_separator)}
                                                            {data(bounded(&s))}
                                                        </span>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
            <p class="source-line">{sentence(&source_line, [loaded.dataset.publisher.clone()])}</p>
        </article>
    }
}

/// One published fact; `data` marks a value that is the bureau's own text (drawn
/// [`bounded`]); otherwise the value is the interface's words, with `pieces` of data in
/// its [`SLOT`]s.
#[component]
fn Fact(
    label: &'static str,
    value: Option<String>,
    #[prop(optional)] data: bool,
    #[prop(optional)] pieces: Vec<String>,
) -> impl IntoView {
    let locale = lang::current();
    match value {
        Some(value) if data => view! {
            <div class="fact">
                <dt>{mixed(label.to_owned())}</dt>
                <dd lang=DATA_LANG>{bounded(&value)}</dd>
            </div>
        }
        .into_any(),
        value => view! {
            <div class="fact">
                <dt>{mixed(label.to_owned())}</dt>
                <dd>
                    {sentence(
                        &value.unwrap_or_else(|| td_string!(locale, detail.not_published).into()),
                        pieces,
                    )}
                </dd>
            </div>
        }
        .into_any(),
    }
}

#[component]
pub fn CopyButton(label: &'static str, text: String) -> impl IntoView {
    let done = RwSignal::new(None::<bool>);
    let locale = lang::current();
    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| done.set(Some(crate::platform::copy_text(&text)))
        >
            {move || match done.get() {
                Some(true) => td_string!(locale, detail.copied),
                Some(false) => td_string!(locale, detail.copy_failed),
                None => label,
            }}
        </button>
    }
}

fn places_text(inst: &Institution) -> String {
    let locale = lang::current();
    match &inst.places {
        None => td_string!(locale, detail.not_published).into(),
        Some(places) => {
            let total = places
                .total
                .map(|total| td_string!(locale, detail.places_total, total).to_string())
                .unwrap_or_default();
            format!("{total}{}", labels::vacancy(inst))
        }
    }
}

fn operator_text(inst: &Institution) -> Option<String> {
    let locale = lang::current();
    let operator = inst.operator.map(|o| o.text());
    let profit = inst.nonprofit.map(|n| {
        if n {
            td_string!(locale, detail.nonprofit)
        } else {
            td_string!(locale, detail.forprofit)
        }
    });
    match (operator, profit) {
        (None, None) => None,
        (a, b) => Some(
            [a, b]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(td_string!(locale, detail.clause_separator)),
        ),
    }
}

/// The registration in words, and the receipt number that goes in its [`SLOT`].
fn registration_detail(inst: &Institution) -> (String, Vec<String>) {
    let locale = lang::current();
    let Some(reg) = &inst.registration else {
        return (labels::registration(inst).into(), Vec::new());
    };
    let separator = td_string!(locale, detail.clause_separator);
    let mut text = labels::registration(inst).to_string();
    let mut pieces = Vec::new();
    if let Some(number) = &reg.number {
        text.push_str(separator);
        text.push_str(&td_string!(locale, detail.receipt_number, number = SLOT).to_string());
        pieces.push(bounded(number));
    }
    if let Some(date) = reg.date {
        text.push_str(separator);
        text.push_str(&labels::date(date));
    }
    (text, pieces)
}

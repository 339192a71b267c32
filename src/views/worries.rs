//! Dataset 1.1 on the detail page: the opening week as a table, prepaid fees and 资金监管,
//! places by age band, and each monthly fee against the district's median.

use leptos::prelude::*;
use tuoyu_core::guide::slugs;
use tuoyu_core::model::{Dataset, Institution};

use crate::i18n::*;
use crate::labels;
use crate::lang;
use crate::views::guide::ArticleLink;
use crate::views::text::mixed;

/// The week, Monday to Sunday, one row a day; "not stated" when the publisher gave no week.
#[component]
pub fn OpeningWeek(inst: Institution) -> impl IntoView {
    let locale = lang::current();
    let body = if inst.opening.is_empty() {
        view! { <dd>{labels::week(&inst)}</dd> }.into_any()
    } else {
        let rows = (1..=7u8)
            .map(|d| {
                view! {
                    <tr>
                        <th scope="row">{labels::day(d)}</th>
                        <td>{labels::day_hours(&inst, d)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <dd>
                <table class="mini-table" data-testid="opening-week">
                    <tbody>{rows}</tbody>
                </table>
            </dd>
        }
        .into_any()
    };
    view! {
        <div class="fact">
            <dt>{td_string!(locale, worries.fact_opening)}</dt>
            {body}
        </div>
    }
}

#[component]
pub fn PrepaymentFact(inst: Institution) -> impl IntoView {
    let locale = lang::current();
    view! {
        <div class="fact">
            <dt>{td_string!(locale, worries.fact_prepayment)}</dt>
            <dd>
                <span data-testid="prepayment">
                    {mixed(labels::prepayment(inst.prepayment.as_ref()))}
                </span>
                " "
                <ArticleLink slug=slugs::PREPAID_FEES
                    .to_owned()>{td_string!(locale, worries.prepay_article)}</ArticleLink>
            </dd>
        </div>
    }
}

/// Places by age band, when the publisher gave bands (the places fact says the rest).
#[component]
pub fn AgeBands(inst: Institution) -> impl IntoView {
    let locale = lang::current();
    let bands = inst.places.map(|p| p.by_age).filter(|b| !b.is_empty())?;
    let rows = bands
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{labels::band_ages(b)}</th>
                    <td>{b.total}</td>
                    <td>{b.vacant}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <div class="fact">
            <dt>{td_string!(locale, worries.fact_bands)}</dt>
            <dd>
                <table class="mini-table" data-testid="age-bands">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, worries.band_head_ages)}</th>
                            <th scope="col">{td_string!(locale, worries.band_head_total)}</th>
                            <th scope="col">{td_string!(locale, worries.band_head_vacant)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </dd>
        </div>
    })
}

/// Beside the fees: each monthly fee against the district (see [`labels::medians`]);
/// nothing where fewer than 5 fees make a median.
pub fn fee_medians(dataset: &Dataset, inst: &Institution) -> Option<AnyView> {
    let lines = labels::medians(dataset, inst);
    if lines.is_empty() {
        return None;
    }
    let locale = lang::current();
    Some(
        // A term and its description, as every other row of the facts list.
        view! {
            <div class="fact">
                <dt>{td_string!(locale, worries.fact_median)}</dt>
                <dd>
                    <ul class="medians">
                        {lines
                            .into_iter()
                            .map(|line| view! { <li data-testid="fee-median">{mixed(line)}</li> })
                            .collect_view()}
                        <li class="hint">{td_string!(locale, worries.median_hint)}</li>
                    </ul>
                </dd>
            </div>
        }
        .into_any(),
    )
}

//! One institution in the list: what a parent weighs at a glance.

use std::sync::Arc;

use chrono::Datelike;
use leptos::prelude::*;
use tuoyu_core::distance::format_distance;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{Fee, Institution, RegistrationStatus};
use tuoyu_core::query::FinderQuery;

use crate::route::{use_address, Step};
use crate::views::shortlist::StarButton;

#[component]
pub fn ResultCard(loaded: Arc<Loaded>, index: usize, distance: Option<u32>) -> impl IntoView {
    let address = use_address();
    let inst: &Institution = &loaded.dataset.institutions[index];
    let id = inst.id.clone();
    // The link is the institution's own page (what a long press copies); a tap opens it over
    // the list with the filters as they are by then, so that "back" finds the same list.
    let href = address.query.with_untracked(|q| {
        address.href(&FinderQuery {
            data: q.data.clone(),
            id: Some(id.clone()),
            ..Default::default()
        })
    });
    let open = move |ev: web_sys::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        address.note_opened_from_list();
        let id = id.clone();
        address.update(Step::Push, move |q| q.id = Some(id));
    };
    let preferred = address.query.with_untracked(|q| q.filter.types.clone());
    let fee = inst
        .main_fee(&preferred)
        .map(|(care, fee)| format!("{}：{}", care.label(), fee_text(&fee)));
    let care = inst
        .care_types
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(" · ");

    view! {
        <li class="card" data-testid="result" data-id=inst.id.clone()>
            <a class="card-link" href=href on:click=open>
                <h2 class="card-name">{inst.name.clone()}</h2>
                <p class="card-meta">
                    <span class="kind">{inst.kind.label()}</span>
                    {inst.puhui.then(|| view! { <span class="badge puhui">"普惠"</span> })}
                    {distance.map(|d| view! {
                        <span class="distance" data-testid="distance">
                            {format!("距您 {}", format_distance(d as f64))}
                        </span>
                    })}
                </p>
                <p class="card-care">{care}</p>
                <p class="card-facts">
                    <span>{fee.unwrap_or_else(|| "收费未公布".into())}</span>
                    <span>{vacancy_text(inst)}</span>
                    <span>{registration_text(inst)}</span>
                </p>
            </a>
            <StarButton id=inst.id.clone() name=inst.name.clone() />
        </li>
    }
}

pub fn fee_text(fee: &Fee) -> String {
    let amount = if fee.amount.fract() == 0.0 {
        format!("{}", fee.amount as i64)
    } else {
        format!("{:.1}", fee.amount)
    };
    format!("{amount} 元/{}", fee.unit.label())
}

/// A vacancy figure goes stale, so it never appears without its date.
pub fn vacancy_text(inst: &Institution) -> String {
    let Some(places) = &inst.places else {
        return "空位未公布".into();
    };
    let when = places
        .as_of
        .map(|d| format!("（{}月{}日更新）", d.month(), d.day()))
        .unwrap_or_default();
    match places.vacant {
        Some(0) => format!("暂无空位{when}"),
        Some(n) => format!("空位 {n} 个{when}"),
        None => "空位未公布".into(),
    }
}

pub fn registration_text(inst: &Institution) -> &'static str {
    match inst.registration.as_ref().map(|r| r.status) {
        Some(RegistrationStatus::Filed) => "已备案",
        Some(RegistrationStatus::Pending) => "备案中",
        Some(RegistrationStatus::Revoked) => "已注销",
        None => "备案情况未公布",
    }
}

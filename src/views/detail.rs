//! One institution, every published field, and the ways to act on it: call, navigate, copy,
//! share. Drawn over the list (which stays where it was) so "back" returns to the same place.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use tuoyu_core::links::{amap_marker, tel_href, tencent_marker};
use tuoyu_core::load::Loaded;
use tuoyu_core::model::Institution;

use crate::labels::{self, Label};
use crate::route::{use_address, Step};
use crate::views::share::ShareButton;
use crate::views::shortlist::StarButton;
use crate::views::status::{with_dataset, SampleBanner};

#[component]
pub fn DetailSheet() -> impl IntoView {
    let address = use_address();
    let id = Memo::new(move |_| address.query.with(|q| q.id.clone().unwrap_or_default()));
    let close = move |_| address.close_sheet(|q| q.id = None);

    view! {
        <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="detail-title">
            <div class="sheet-bar">
                <button type="button" class="button back" on:click=close>
                    "‹ 返回列表"
                </button>
            </div>
            <SampleBanner />
            {with_dataset(move |loaded| {
                let wanted = id.get();
                match loaded.dataset.institutions.iter().position(|i| i.id == wanted) {
                    Some(index) => view! { <Detail loaded index /> }.into_any(),
                    None => view! { <NotFound /> }.into_any(),
                }
            })}
        </div>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let address = use_address();
    view! {
        <section class="detail" data-testid="not-found">
            <h1 id="detail-title">"没有找到这家机构"</h1>
            <p>"它可能已从名录中移除，或链接不完整。"</p>
            <button
                type="button"
                class="button primary"
                on:click=move |_| address.update(Step::Replace, |q| q.id = None)
            >
                "回到机构列表"
            </button>
        </section>
    }
}

#[component]
fn Detail(loaded: Arc<Loaded>, index: usize) -> impl IntoView {
    let address = use_address();
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
    let share_href = address.query.with_untracked(|q| {
        let mut only_this = tuoyu_core::query::FinderQuery {
            id: q.id.clone(),
            data: q.data.clone(),
            ..Default::default()
        };
        only_this.notes.clear();
        address.href(&only_this)
    });
    let distance = address.query.with_untracked(|q| {
        q.filter.near.map(|near| {
            tuoyu_core::distance::format_distance(tuoyu_core::distance::distance_m(
                tuoyu_core::coords::wgs84_to(near, crs),
                inst.location,
            ))
        })
    });
    let full_address = inst.address.clone();

    view! {
        <article class="detail">
            <h1 id="detail-title" tabindex="-1" node_ref=title_ref>{inst.name.clone()}</h1>
            <p class="card-meta">
                <span class="kind">{inst.kind.label()}</span>
                {inst.puhui.then(|| view! { <span class="badge puhui">"普惠"</span> })}
                {inst.demonstration.then(|| view! { <span class="badge">"示范性托育机构"</span> })}
                {distance.map(|d| view! { <span class="distance">{format!("距您 {d}")}</span> })}
            </p>
            <div class="actions">
                {inst.phone.clone().map(|phone| view! {
                    <a class="button primary" href=tel_href(&phone)>{format!("打电话 {phone}")}</a>
                })}
                <a class="button" href=amap_marker(inst.location, crs, &inst.name) target="_blank" rel="noopener noreferrer">
                    "高德地图导航"
                </a>
                <a class="button" href=tencent_marker(inst.location, crs, &inst.name, &inst.address) target="_blank" rel="noopener noreferrer">
                    "腾讯地图导航"
                </a>
                <CopyButton label="复制地址" text=full_address.clone() />
                <StarButton id=inst.id.clone() name=inst.name.clone() />
                <ShareButton href=share_href title=inst.name.clone() />
            </div>
            <dl class="facts">
                <Fact label="地址" value=Some(match &area_name {
                    Some(area) => format!("{}（{area}）", inst.address),
                    None => inst.address.clone(),
                }) />
                <Fact label="托育类型" value=Some(inst.care_types.iter().map(|c| c.label()).collect::<Vec<_>>().join("、")) />
                <Fact label="招收月龄" value=Some(format!("{}–{} 个月", inst.age_months.min, inst.age_months.max)) />
                <Fact label="收费" value=(!inst.fees.is_empty()).then(|| {
                    inst.fees.iter().map(|(care, fee)| format!("{}：{}", care.label(), labels::fee(fee))).collect::<Vec<_>>().join("；")
                }) />
                <Fact label="托位与空位" value=Some(places_text(inst)) />
                <Fact label="服务时间" value=inst.hours.clone() />
                <Fact label="举办性质" value=operator_text(inst) />
                <Fact label="备案" value=Some(registration_detail(inst)) />
                <Fact label="质量评估" value=inst.quality.as_ref().map(|q| match q.year {
                    Some(year) => format!("{}（{year} 年评定）", q.grade.label()),
                    None => q.grade.label().to_string(),
                }) />
                <Fact label="对外招收" value=inst.open_to_public.map(|open| if open { "也招收周边居民子女".to_string() } else { "仅招收本单位职工子女".to_string() }) />
                <Fact label="服务特色" value=(!inst.features.is_empty()).then(|| inst.features.join("、")) />
                <Fact label="信息更新" value=inst.updated.map(date_text) />
            </dl>
            <section class="inspections">
                <h2>"监督检查"</h2>
                {if inst.inspections.is_empty() {
                    view! { <p>"暂无公布的检查结果。"</p> }.into_any()
                } else {
                    let mut rows = inst.inspections.clone();
                    rows.sort_by_key(|i| std::cmp::Reverse(i.date));
                    view! {
                        <ul class="inspection-list">
                            {rows.into_iter().map(|i| view! {
                                <li>
                                    <strong>{format!("{} {}", date_text(i.date), i.result.label())}</strong>
                                    {i.summary.map(|s| view! { <span>{format!("：{s}")}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <p class="source-line">
                {format!("以上信息来自 {}（{} 发布）。如有出入，以机构和主管部门的说明为准。", loaded.dataset.publisher, date_text(loaded.dataset.published))}
            </p>
        </article>
    }
}

#[component]
fn Fact(label: &'static str, value: Option<String>) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd>{value.unwrap_or_else(|| "未公布".into())}</dd>
        </div>
    }
}

#[component]
pub fn CopyButton(label: &'static str, text: String) -> impl IntoView {
    let done = RwSignal::new(None::<bool>);
    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| done.set(Some(crate::platform::copy_text(&text)))
        >
            {move || match done.get() {
                Some(true) => "已复制".to_string(),
                Some(false) => "复制失败，请长按文字复制".to_string(),
                None => label.to_string(),
            }}
        </button>
    }
}

fn date_text(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

fn places_text(inst: &Institution) -> String {
    match &inst.places {
        None => "未公布".into(),
        Some(places) => {
            let total = places
                .total
                .map(|t| format!("托位 {t} 个；"))
                .unwrap_or_default();
            format!("{total}{}", labels::vacancy(inst))
        }
    }
}

fn operator_text(inst: &Institution) -> Option<String> {
    let operator = inst.operator.map(|o| o.label());
    let profit = inst
        .nonprofit
        .map(|n| if n { "非营利性" } else { "营利性" });
    match (operator, profit) {
        (None, None) => None,
        (a, b) => Some([a, b].into_iter().flatten().collect::<Vec<_>>().join("，")),
    }
}

fn registration_detail(inst: &Institution) -> String {
    let Some(reg) = &inst.registration else {
        return labels::registration(inst).into();
    };
    let mut text = labels::registration(inst).to_string();
    if let Some(number) = &reg.number {
        text.push_str(&format!("，回执编号 {number}"));
    }
    if let Some(date) = reg.date {
        text.push_str(&format!("，{}", date_text(date)));
    }
    text
}

//! Two or three institutions side by side: what differs is what a parent decides on.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::coords::wgs84_to;
use tuoyu_core::distance::{distance_m, format_distance};
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{Institution, LatLng};

use crate::labels::{self, Label};
use crate::route::use_address;
use crate::views::status::{with_dataset, SampleBanner};

#[component]
pub fn CompareSheet() -> impl IntoView {
    let address = use_address();
    view! {
        <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="compare-title">
            <div class="sheet-bar">
                <button type="button" class="button back" on:click=move |_| address.close_sheet(|q| q.compare.clear())>
                    "‹ 返回"
                </button>
            </div>
            <SampleBanner />
            {with_dataset(|loaded| view! { <CompareTable loaded /> }.into_any())}
        </div>
    }
}

#[component]
fn CompareTable(loaded: Arc<Loaded>) -> impl IntoView {
    let address = use_address();
    let (ids, near) = address
        .query
        .with_untracked(|q| (q.compare.clone(), q.filter.near));
    let chosen: Vec<&Institution> = ids
        .iter()
        .filter_map(|id| loaded.dataset.institution(id))
        .collect();
    let crs = loaded.dataset.crs;
    let rows: Vec<(&'static str, Vec<String>)> = vec![
        (
            "托育类型",
            chosen
                .iter()
                .map(|i| {
                    i.care_types
                        .iter()
                        .map(|c| c.label())
                        .collect::<Vec<_>>()
                        .join("、")
                })
                .collect(),
        ),
        ("收费", chosen.iter().map(|i| fees(i)).collect()),
        ("空位", chosen.iter().map(|i| labels::vacancy(i)).collect()),
        (
            "距离",
            chosen.iter().map(|i| distance(i, near, crs)).collect(),
        ),
        (
            "服务时间",
            chosen
                .iter()
                .map(|i| i.hours.clone().unwrap_or_else(|| "未公布".into()))
                .collect(),
        ),
        (
            "普惠",
            chosen
                .iter()
                .map(|i| if i.puhui { "是" } else { "否" }.to_string())
                .collect(),
        ),
        (
            "备案",
            chosen
                .iter()
                .map(|i| labels::registration(i).to_string())
                .collect(),
        ),
        (
            "质量评估",
            chosen
                .iter()
                .map(|i| {
                    i.quality
                        .as_ref()
                        .map_or("未公布".into(), |q| q.grade.label().to_string())
                })
                .collect(),
        ),
        (
            "最近检查",
            chosen
                .iter()
                .map(|i| {
                    i.latest_inspection().map_or("暂无公布".into(), |x| {
                        format!("{} {}", x.date, x.result.label())
                    })
                })
                .collect(),
        ),
        (
            "招收月龄",
            chosen
                .iter()
                .map(|i| format!("{}–{} 个月", i.age_months.min, i.age_months.max))
                .collect(),
        ),
    ];
    let names: Vec<String> = chosen.iter().map(|i| i.name.clone()).collect();
    view! {
        <section class="compare" data-testid="compare">
            <h1 id="compare-title">"并排对比"</h1>
            {(chosen.len() < ids.len()).then(|| view! {
                <p class="warn">"有的机构已不在当前名录中，未列出。"</p>
            })}
            <div class="compare-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"项目"</th>
                            {names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(label, cells)| view! {
                            <tr>
                                <th scope="row">{label}</th>
                                {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn fees(inst: &Institution) -> String {
    if inst.fees.is_empty() {
        return "未公布".into();
    }
    inst.fees
        .iter()
        .map(|(care, fee)| format!("{}：{}", care.label(), labels::fee(fee)))
        .collect::<Vec<_>>()
        .join("；")
}

fn distance(inst: &Institution, near: Option<LatLng>, crs: tuoyu_core::model::Crs) -> String {
    match near {
        Some(near) => format_distance(distance_m(wgs84_to(near, crs), inst.location)),
        None => "未定位".into(),
    }
}

//! The findings: the counts and problems, the comparison with the published file (the part a
//! reviewer signs, laid out for A4), and a preview as parents will see it. Every text from a
//! file is drawn as text.

use leptos::prelude::*;
use serde_json::Value;
use tuoyu_core::model::{CareType, Dataset, Institution};
use tuoyu_publish::diff::{self, Change, Entry};

use crate::analyze::{Line, Outcome};

#[component]
pub fn Summary(outcome: Outcome) -> impl IntoView {
    let o = outcome;
    let verdict = if o.skipped == 0 {
        "每一行都能发布。".to_owned()
    } else {
        format!(
            "有 {} 行有错误，没有放进数据文件；其余的行已保留。请在 Excel 里改正下面列出的问题，保存后再把表格拖进来。",
            o.skipped
        )
    };
    view! {
        <p data-testid="summary" class="summary">
            {format!(
                "读取了 {}（{}）：共 {} 条机构，{} 条可以发布（其中 {} 条已注销，不会显示给家长），{} 条有错误。",
                o.file, o.described, o.records, o.kept, o.revoked, o.skipped
            )}
        </p>
        <p class=if o.skipped == 0 { "verdict good" } else { "verdict bad" }>{verdict}</p>
    }
}

#[component]
pub fn Problems(lines: Vec<Line>, warnings: Vec<String>) -> impl IntoView {
    let rows = lines
        .into_iter()
        .map(|l| {
            view! {
                <tr data-testid="problem">
                    <td>{l.place}</td>
                    <td>{l.columns}</td>
                    <td>{l.institution}</td>
                    <td>
                        {l.message}
                        {l.hint.map(|h| view! { <span class="hint">{format!("怎么填：{h}")}</span> })}
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_rows = !rows.is_empty();
    view! {
        {has_rows.then(|| view! {
            <table class="problems">
                <caption>"要改正的问题"</caption>
                <thead><tr><th scope="col">"位置"</th><th scope="col">"列"</th><th scope="col">"机构"</th><th scope="col">"问题和改法"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })}
        {(!warnings.is_empty()).then(|| view! {
            <h3>"提示（不影响发布）"</h3>
            <ul class="warnings" data-testid="warnings">
                {warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect::<Vec<_>>()}
            </ul>
        })}
    }
}

/// A value as a reviewer reads it, in the words of `tuoyu-publish diff`.
fn shown(v: &Option<Value>) -> String {
    diff::show(v.as_ref())
}

fn entries(title: String, list: Vec<Entry>, testid: &'static str) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ul data-testid=testid>
                {list.into_iter().map(|e| view! {
                    <li>{format!("{} {}", e.id, e.name.unwrap_or_default())}</li>
                }).collect::<Vec<_>>()}
            </ul>
        }
    })
}

fn changes_table(changes: Vec<Change>) -> impl IntoView {
    view! {
        <table class="changes">
            <thead><tr><th scope="col">"项目"</th><th scope="col">"原来"</th><th scope="col">"现在"</th></tr></thead>
            <tbody>
                {changes.into_iter().map(|c| {
                    let what = if c.label.is_empty() { c.path.clone() } else { c.label.clone() };
                    view! { <tr><td>{what}</td><td>{shown(&c.old)}</td><td>{shown(&c.new)}</td></tr> }
                }).collect::<Vec<_>>()}
            </tbody>
        </table>
    }
}

#[component]
pub fn Compare(report: Result<diff::Report, String>, against: String) -> impl IntoView {
    let r = match report {
        Ok(r) => r,
        Err(e) => return view! { <p class="error" role="alert">{e}</p> }.into_any(),
    };
    let totals = format!(
        "与 {against} 相比：新增 {} 家，删除 {} 家，注销 {} 家，修改 {} 家，未变 {} 家。",
        r.added.len(),
        r.removed.len(),
        r.revoked.len(),
        r.changed.len(),
        r.unchanged
    );
    let changed = r
        .changed
        .into_iter()
        .map(|c| {
            view! {
                <section class="changed" data-testid="changed" data-id=c.id.clone()>
                    <h4>{format!("{} {}", c.id, c.name.unwrap_or_default())}</h4>
                    {changes_table(c.changes)}
                </section>
            }
        })
        .collect::<Vec<_>>();
    let top = (!r.top_level.is_empty()).then(|| {
        view! { <h3>"名录本身"</h3> {changes_table(r.top_level)} }
    });
    view! {
        <p data-testid="diff-totals">{totals}</p>
        {entries(format!("新增 {} 家", r.added.len()), r.added, "added")}
        {entries(format!("删除 {} 家（家长将不再看到）", r.removed.len()), r.removed, "removed")}
        {entries(format!("注销 {} 家（仍在文件中，家长不再看到）", r.revoked.len()), r.revoked, "revoked")}
        {(!changed.is_empty()).then(|| view! { <h3>"修改"</h3> })}
        {changed}
        {top}
        <ul class="notes">{r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect::<Vec<_>>()}</ul>
        <p class="signature">"审核人签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿"</p>
    }
    .into_any()
}

fn care(inst: &Institution) -> String {
    let labels: Vec<&str> = inst
        .care_types
        .iter()
        .map(|t: &CareType| t.label_zh())
        .collect();
    labels.join(" · ")
}

fn places(inst: &Institution) -> String {
    match inst.places.as_ref().and_then(|p| p.vacant) {
        Some(0) => "暂无空位".into(),
        Some(n) => format!("空余 {n} 个托位"),
        None => "空位未公布".into(),
    }
}

/// How many institutions parents will see, and the first few as cards drawn with the
/// finder's own stylesheet classes.
#[component]
pub fn Preview(shown: Dataset) -> impl IntoView {
    let count = shown.institutions.len();
    let cards = shown
        .institutions
        .iter()
        .take(3)
        .map(|inst| {
            view! {
                <li class="card" data-testid="preview-card">
                    <div class="card-link">
                        <h4 class="card-name">{inst.name.clone()}</h4>
                        <p class="card-meta">
                            <span class="kind">{inst.kind.label_zh()}</span>
                            {inst.puhui.then(|| view! { <span class="badge puhui">"普惠"</span> })}
                        </p>
                        <p class="card-care">{care(inst)}</p>
                        <p class="card-facts"><span>{inst.address.clone()}</span><span>{places(inst)}</span></p>
                    </div>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <p data-testid="shown-count">{format!("家长将看到 {count} 家机构（{}）。", shown.title)}</p>
        <ul class="cards">{cards}</ul>
    }
}

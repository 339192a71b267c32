//! A catalogue's part of the finder: the region picker (province → city → district, with
//! counts, the last choice first), the line that says which districts the list covers and how
//! to widen it, and each file's publisher and date in 数据说明. Kept apart from the list's own
//! layout; the list itself is the same over one file or many.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::catalogue::{resolve_entry_url, Catalogue, Entry, EntryKind};
use tuoyu_core::model::format_date;

use crate::data::{allowed_origins, use_dataset};
use crate::i18n::*;
use crate::lang;
use crate::route::{use_address, Step};
use crate::scope::{catalogue_at, last_choice, Choice, How, ScopeInfo};
use crate::views::status::problem_lines;
use crate::views::text::{data, sentence, SLOT};
use crate::wording::file_problem_text;

/// Picks a region: writes `region=` (a new history entry, so "back" returns to the picker).
fn pick(code: String) {
    let address = use_address();
    address.go(
        Step::Push,
        &address.query.with_untracked(|q| q.in_region(&code)),
    );
}

#[component]
pub fn RegionPicker(choice: Arc<Choice>) -> impl IntoView {
    let locale = lang::current();
    // The catalogues opened so far, each with its address; the root first.
    let path = RwSignal::new(vec![(choice.root_url.clone(), choice.root.clone())]);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let last = last_choice(&choice.root_url);
    let open = move |base: String, entry: Entry| {
        if entry.kind == EntryKind::Dataset {
            pick(entry.code);
            return;
        }
        let url = match resolve_entry_url(&base, &entry.url, &allowed_origins()) {
            Ok(url) => url,
            Err(_) => return pick(entry.code),
        };
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            match catalogue_at(url.clone()).await {
                Ok(c) => path.update(|p| p.push((url, c))),
                Err(why) => problem.set(Some(file_problem_text(&why))),
            }
            busy.set(false);
        });
    };
    let entries = move || {
        let (base, catalogue): (String, Arc<Catalogue>) = path.with(|p| p.last().cloned())?;
        let items = catalogue.entries.iter().map(|entry| {
            let n = entry.count;
            let (code, e, b) = (entry.code.clone(), entry.clone(), base.clone());
            view! {
                <li>
                    <button
                        type="button"
                        class="region-choice"
                        data-testid="region-choice"
                        data-code=code
                        on:click=move |_| open(b.clone(), e.clone())
                    >
                        {data(entry.name.clone())}
                        <span class="count">
                            {td_string!(locale, scope.pick_count, n).to_string()}
                        </span>
                    </button>
                </li>
            }
        });
        Some(items.collect_view())
    };
    // Below the root: the whole of the catalogue opened, and the way back up.
    let whole = move || {
        path.with(|p| {
            (p.len() > 1)
                .then(|| p.last().map(|(_, c)| c.clone()))
                .flatten()
        })
        .map(|c| {
            let code = c.region.code.clone();
            let words = td_string!(locale, scope.pick_all, name = SLOT).to_string();
            view! {
                <p class="region-up">
                    <button
                        type="button"
                        class="button"
                        data-testid="region-choice"
                        data-code=code.clone()
                        on:click=move |_| pick(code.clone())
                    >
                        {sentence(&words, [c.region.name.clone()])}
                    </button>
                    <button
                        type="button"
                        class="button link"
                        on:click=move |_| {
                            path.update(|p| {
                                p.pop();
                            })
                        }
                    >
                        {td_string!(locale, scope.pick_up)}
                    </button>
                </p>
            }
        })
    };
    let last = last.map(|(code, name)| {
        view! {
            <p>
                <button
                    type="button"
                    class="chip"
                    data-testid="region-last"
                    data-code=code.clone()
                    on:click=move |_| pick(code.clone())
                >
                    {td_string!(locale, scope.pick_last)}
                    {data(name)}
                </button>
            </p>
        }
    });
    view! {
        <section class="region-picker" data-testid="region-picker">
            <h2>{td_string!(locale, scope.pick_heading)}</h2>
            <p>{td_string!(locale, scope.pick_intro)}</p>
            {last}
            {whole}
            <ul class="region-choices">{entries}</ul>
            <Show when=move || busy.get()>
                <p role="status">{td_string!(locale, scope.pick_loading)}</p>
            </Show>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <p class="warn" role="alert" data-testid="region-problem">
                                {p}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// A button that changes the address, drawn as a link in the line's text.
fn edit_button(
    testid: &'static str,
    label: &'static str,
    on_click: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="button link" data-testid=testid on:click=on_click>
            {label}
        </button>
    }
}

/// Which districts the list covers, how to widen it, and the files that failed.
#[component]
pub fn ScopeLine() -> impl IntoView {
    let dataset = use_dataset();
    move || dataset.scope.get().map(|info| scope_line(&info))
}

fn scope_line(info: &ScopeInfo) -> impl IntoView {
    let address = use_address();
    let l = lang::current();
    let codes: Vec<&str> = info.sources.iter().map(|s| s.entry.code.as_str()).collect();
    let names: Vec<&str> = info.sources.iter().map(|s| s.entry.name.as_str()).collect();
    let names = names.join(td_string!(l, scope.list_sep));
    let words = match &info.how {
        How::Region { .. } => td_string!(l, scope.scope_region, names = SLOT).to_string(),
        How::Within => td_string!(l, scope.scope_within, names = SLOT).to_string(),
        How::Holding { .. } => td_string!(l, scope.scope_holding, names = SLOT).to_string(),
        How::Ids => td_string!(l, scope.scope_ids, names = SLOT).to_string(),
    };
    let widen = match &info.how {
        How::Holding { parent } => {
            let to_parent = parent.as_ref().map(|(code, name)| {
                let href = address.link(|q| q.in_region(code));
                let words = td_string!(l, scope.widen_to, name = SLOT).to_string();
                view! {
                    <a href=href data-testid="scope-widen">
                        {sentence(&words, [name.clone()])}
                    </a>
                }
            });
            let nearby = move |_| address.update(Step::Replace, |q| q.widen_nearby());
            Some(view! {
                <p class="scope-widen">
                    {to_parent} " · "
                    {edit_button("scope-nearby", td_string!(l, scope.widen_nearby), nearby)}
                </p>
            })
        }
        _ => None,
    };
    let change = move |_| address.update(Step::Push, |q| q.choose_region());
    let failures = info.failures.iter().map(|f| {
        let reason = file_problem_text(&f.problem);
        let words = td_string!(
            l,
            scope.failure_line,
            name = SLOT,
            code = f.code.clone(),
            reason
        )
        .to_string();
        view! {
            <li data-testid="scope-failure" data-code=f.code.clone()>
                {sentence(&words, [f.name.clone()])}
            </li>
        }
    });
    let incomplete = (!info.failures.is_empty()).then(|| {
        let n = info.failures.len();
        view! {
            <p class="warn" data-testid="scope-incomplete">
                {td_string!(l, scope.incomplete, n).to_string()}
            </p>
        }
    });
    view! {
        <div class="scope-line" data-testid="scope" data-codes=codes.join(",")>
            <p>
                {sentence(&words, [names])} " "
                {edit_button("scope-change", td_string!(l, scope.change_region), change)}
            </p>
            {widen}
            {incomplete}
            <ul class="scope-failures" role="alert">
                {failures.collect_view()}
            </ul>
        </div>
    }
}

/// In 数据说明: each file of the scope with its publisher, date and count, and the records it
/// left out.
#[component]
pub fn SourcesNotes() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        let info = dataset.scope.get()?;
        let l = lang::current();
        let lines = info.sources.iter().zip(&info.saved_on).map(|(s, kept)| {
            let words = td_string!(
                l,
                scope.source_line,
                name = SLOT,
                date = format_date(s.published),
                n = s.listed
            )
            .to_string();
            let kept =
                kept.map(|d| td_string!(l, scope.source_kept, date = format_date(d)).to_string());
            let problems = (s.skipped > 0).then(|| {
                let words =
                    td_string!(l, scope.source_skipped, name = SLOT, n = s.skipped).to_string();
                view! {
                    <p>{sentence(&words, [s.entry.name.clone()])}</p>
                    <ul class="problems">{problem_lines(&s.problems)}</ul>
                }
            });
            view! {
                <li data-testid="scope-source" data-code=s.entry.code.clone()>
                    {sentence(&words, [s.entry.name.clone()])}
                    {data(s.publisher.clone())}
                    {kept}
                    {problems}
                </li>
            }
        });
        Some(view! {
            <p>{td_string!(l, scope.sources_heading)}</p>
            <ul class="scope-sources">{lines.collect_view()}</ul>
        })
    }
}

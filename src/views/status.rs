//! What the parent is told about the data itself: errors, sample data, notes on the link, and
//! the "数据说明" panel a publisher reads. The sentences come from `crate::wording`.

use leptos::prelude::*;
use tuoyu_core::load::RecordProblem;
use tuoyu_core::model::format_date;

use crate::data::{use_dataset, DataState};
use crate::i18n::*;
use crate::lang;
use crate::route::use_address;
use crate::views::scope::{RegionPicker, SourcesNotes};
use crate::views::text::{self, sentence, SLOT};
use crate::wording::{failure_text, note_text, reset_text};

/// Reasons listed in 数据说明: a publisher fixes the first ones first, and a panel of
/// thousands of lines helps nobody (the rest are counted).
const MAX_PROBLEM_LINES: usize = 100;

/// Parameters of the link that could not be read; the rest of the link still applies.
#[component]
pub fn QueryNotes() -> impl IntoView {
    let address = use_address();
    let notes = Memo::new(move |_| address.query.with(|q| q.notes.clone()));
    let locale = lang::current();
    view! {
        <Show when=move || !notes.with(Vec::is_empty)>
            <div class="notice" role="status" data-testid="query-note">
                <p>{td_string!(locale, status.query_notes_heading)}</p>
                <ul>
                    {move || {
                        notes
                            .get()
                            .iter()
                            .map(|note| view! { <li>{note_text(note)}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// What every view that shows institutions draws for the dataset's state: progress while it
/// loads, the error with a retry when it cannot be used, and `ready`'s view once it is there.
pub fn with_dataset(
    ready: impl Fn(std::sync::Arc<tuoyu_core::load::Loaded>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let dataset = use_dataset();
    move || match dataset.state.get() {
        DataState::Loading => view! { <Loading /> }.into_any(),
        DataState::Failed(failure) => {
            view! { <DatasetError message=failure_text(&failure) /> }.into_any()
        }
        DataState::Ready(loaded) => ready(loaded),
        DataState::Choose(choice) => view! { <RegionPicker choice /> }.into_any(),
    }
}

#[component]
pub fn DatasetError(message: String) -> impl IntoView {
    let dataset = use_dataset();
    let locale = lang::current();
    view! {
        <section class="error-panel" role="alert" data-testid="dataset-error">
            <h2>{td_string!(locale, status.dataset_error_heading)}</h2>
            <p>{message}</p>
            <button class="button primary" on:click=move |_| dataset.retry()>
                {td_string!(locale, status.retry)}
            </button>
        </section>
    }
}

/// A slow network shows that something is happening, and for how long, not a white page.
#[component]
pub fn Loading() -> impl IntoView {
    let waited = RwSignal::new(0u32);
    let ticker = set_interval_with_handle(
        move || waited.update(|s| *s += 1),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(ticker) = ticker {
            ticker.clear();
        }
    });
    let locale = lang::current();
    view! {
        <p class="loading" role="status" aria-live="polite" data-testid="loading">
            {td_string!(locale, status.loading)}
            {move || {
                let seconds = waited.get();
                (seconds >= 3).then(|| td_string!(locale, status.loading_slow, seconds).to_string())
            }}
        </p>
    }
}

/// The list on screen came from the phone because the network failed.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        dataset.offline_copy.get().map(|copy| {
            let locale = lang::current();
            let note = td_string!(
                locale,
                status.offline_copy,
                published = format_date(copy.published),
                saved = format_date(copy.saved_on)
            )
            .to_string();
            view! {
                <div class="notice" role="status" data-testid="offline-copy">
                    <p>{note}</p>
                    <button class="button" on:click=move |_| dataset.retry()>
                        {td_string!(locale, status.offline_retry)}
                    </button>
                </div>
            }
        })
    }
}

/// Sample data must never pass for the real list, on any screen that lists institutions.
#[component]
pub fn SampleBanner() -> impl IntoView {
    let dataset = use_dataset();
    let sample = Memo::new(
        move |_| matches!(dataset.state.get(), DataState::Ready(loaded) if loaded.dataset.sample),
    );
    let locale = lang::current();
    view! {
        <Show when=move || sample.get()>
            <p class="sample-banner" role="note" data-testid="sample-banner">
                {td_string!(locale, status.sample_banner)}
            </p>
        </Show>
    }
}

/// The reasons records were left out, as 数据说明 lists them (the first
/// [`MAX_PROBLEM_LINES`]).
pub fn problem_lines(problems: &[RecordProblem]) -> impl IntoView {
    let l = lang::current();
    problems
        .iter()
        .take(MAX_PROBLEM_LINES)
        .map(|p| {
            // The id (already shortened by the core) is the file's text: in its slot.
            let (who, ids) = match &p.id {
                Some(id) => (SLOT.to_owned(), vec![id.clone()]),
                None => (
                    td_string!(l, status.record_number, n = p.index + 1).to_string(),
                    Vec::new(),
                ),
            };
            let who = if p.field.is_empty() {
                td_string!(l, status.problem_who, who).to_string()
            } else {
                td_string!(l, status.problem_who_field, who, field = p.field.clone()).to_string()
            };
            view! { <li>{sentence(&who, ids)}{text::data(p.message.clone())}</li> }
        })
        .collect_view()
}

/// Publisher, date and the records that were left out, with every reason. The reasons are
/// the core's Chinese sentences for the publisher; in English they sit under a heading that
/// says so, marked as Chinese.
#[component]
pub fn DataNotes() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        let loaded = dataset.loaded()?;
        let in_scope = dataset.scope.with(Option::is_some);
        let l = lang::current();
        let data = &loaded.dataset;
        let skipped = loaded.skipped;
        let published = format_date(data.published);
        let problems = problem_lines(&loaded.problems);
        let unshown =
            loaded.problems.len().saturating_sub(MAX_PROBLEM_LINES) + loaded.unlisted_problems;
        let unshown = (unshown > 0).then(|| {
            view! {
                <p data-testid="problems-more">
                    {td_string!(l, status.problems_more, n = unshown).to_string()}
                </p>
            }
        });
        let problems_heading = (!loaded.problems.is_empty())
            .then(|| view! { <p>{td_string!(l, status.problems_heading)}</p> });
        let revoked = (!loaded.revoked.is_empty()).then(|| {
            view! { <p>{td_string!(l, status.revoked, n = loaded.revoked.len()).to_string()}</p> }
        });
        Some(view! {
            <div class="data-line">
                // The publisher and the title are the dataset's own words, in Chinese.
                <p>
                    {td_string!(l, status.data_updated, date = published.clone()).to_string()}
                    // Over several files, each publisher is named in 数据说明.
                    {(!in_scope)
                        .then(|| view! { <span lang="zh-CN">{data.publisher.clone()}</span> })}
                </p>
                {(skipped > 0)
                    .then(|| {
                        view! {
                            <p class="warn">
                                {td_string!(l, status.skipped_warning, n = skipped).to_string()}
                            </p>
                        }
                    })}
                <details class="data-notes">
                    <summary>{td_string!(l, status.data_notes)}</summary>
                    // A scope of several files names each below, with its own publisher.
                    {(!in_scope)
                        .then(|| {
                            view! {
                                <p>
                                    {td_string!(l, status.notes_title)}
                                    <span lang="zh-CN">{data.title.clone()}</span>
                                </p>
                                <p>
                                    {td_string!(l, status.notes_publisher)}
                                    <span lang="zh-CN">{data.publisher.clone()}</span>
                                    {td_string!(l, status.notes_published, date = published.clone())
                                        .to_string()}
                                </p>
                            }
                        })}
                    <SourcesNotes />
                    <p>
                        {td_string!(
                            l,
                            status.notes_crs,
                            crs = data.crs.code(),
                            n = data.institutions.len()
                        )
                            .to_string()}
                    </p>
                    <p>
                        {td_string!(l, status.skipped_before)}
                        <strong data-testid="skipped-count">{skipped}</strong>
                        {td_string!(l, status.skipped_after)}
                    </p>
                    {revoked}
                    {problems_heading}
                    <ul class="problems">{problems}</ul>
                    {unshown}
                </details>
            </div>
        })
    }
}

/// Saved settings that could not be read and were reset; said once, dismissable.
#[component]
pub fn PrefsNotices() -> impl IntoView {
    let prefs = crate::prefs::use_prefs();
    move || {
        let notices = prefs.notices.get();
        let locale = lang::current();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="prefs-notice">
                    {notices.into_iter().map(|n| view! { <p>{reset_text(n)}</p> }).collect_view()}
                    <button class="button" on:click=move |_| prefs.notices.set(Vec::new())>
                        {td_string!(locale, status.notices_ok)}
                    </button>
                </div>
            }
        })
    }
}

//! What the parent is told about the data itself: errors, sample data, notes on the link, and
//! the "数据说明" panel a publisher reads. The core's reasons (a refused `data=`, a bad file,
//! a note on the link) arrive as values and are worded here, in the interface's language.

use leptos::prelude::*;
use tuoyu_core::age::BirthDateProblem;
use tuoyu_core::load::{quote, FileError, SCHEMA};
use tuoyu_core::model::format_date;
use tuoyu_core::query::{NoteKind, QueryNote, MAX_COMPARED};
use tuoyu_core::source::SourceRefusal;

use crate::data::{use_dataset, DataState, LoadFailure, NetworkProblem};
use crate::i18n::*;
use crate::lang;
use crate::prefs::Reset;
use crate::route::use_address;
use crate::views::text::{self, sentence, SLOT};

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

/// Publisher, date and the records that were left out, with every reason. The reasons are
/// the core's Chinese sentences for the publisher; in English they sit under a heading that
/// says so, marked as Chinese.
#[component]
pub fn DataNotes() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        let loaded = dataset.loaded()?;
        let l = lang::current();
        let data = &loaded.dataset;
        let skipped = loaded.skipped;
        let published = format_date(data.published);
        let problems = loaded
            .problems
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
                    td_string!(l, status.problem_who_field, who, field = p.field.clone())
                        .to_string()
                };
                view! { <li>{sentence(&who, ids)}{text::data(p.message.clone())}</li> }
            })
            .collect_view();
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
        let revoked = (loaded.revoked > 0).then(|| {
            view! { <p>{td_string!(l, status.revoked, n = loaded.revoked).to_string()}</p> }
        });
        Some(view! {
            <div class="data-line">
                // The publisher and the title are the dataset's own words, in Chinese.
                <p>
                    {td_string!(l, status.data_updated, date = published.clone()).to_string()}
                    <span lang="zh-CN">{data.publisher.clone()}</span>
                </p>
                {(skipped > 0).then(|| view! {
                    <p class="warn">{td_string!(l, status.skipped_warning, n = skipped).to_string()}</p>
                })}
                <details class="data-notes">
                    <summary>{td_string!(l, status.data_notes)}</summary>
                    <p>
                        {td_string!(l, status.notes_title)}
                        <span lang="zh-CN">{data.title.clone()}</span>
                    </p>
                    <p>
                        {td_string!(l, status.notes_publisher)}
                        <span lang="zh-CN">{data.publisher.clone()}</span>
                        {td_string!(l, status.notes_published, date = published).to_string()}
                    </p>
                    <p>
                        {td_string!(
                            l,
                            status.notes_crs,
                            crs = data.crs.label(),
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

fn reset_text(reset: Reset) -> &'static str {
    let l = lang::current();
    match reset {
        Reset::Settings => td_string!(l, status.reset_settings),
        Reset::Stars => td_string!(l, status.reset_stars),
        Reset::Language => td_string!(l, status.reset_language),
    }
}

/// Why the dataset cannot be shown, in the interface's language.
pub fn failure_text(failure: &LoadFailure) -> String {
    let l = lang::current();
    match failure {
        LoadFailure::Refused(refusal) => match refusal {
            SourceRefusal::NotSameOriginPath => {
                td_string!(l, status.refused_not_same_origin).to_owned()
            }
            SourceRefusal::OriginNotAllowed(origin) => {
                td_string!(l, status.refused_origin, origin = origin.clone()).to_string()
            }
            SourceRefusal::Malformed => td_string!(l, status.refused_malformed).to_owned(),
        },
        LoadFailure::File(error) => file_error_text(error),
        LoadFailure::TooLarge { limit_mb } => {
            td_string!(l, status.net_too_large, mb = *limit_mb).to_string()
        }
        LoadFailure::LoaderFailed => td_string!(l, status.file_unreadable).to_owned(),
        LoadFailure::Network(problem) => {
            let message = match *problem {
                NetworkProblem::Timeout => td_string!(l, status.net_timeout).to_owned(),
                NetworkProblem::NoConnection => td_string!(l, status.net_no_connection).to_owned(),
                NetworkProblem::Http(status) => td_string!(l, status.net_http, status).to_string(),
                NetworkProblem::CutOff => td_string!(l, status.net_cut_off).to_owned(),
            };
            td_string!(l, status.net_nothing_kept, message).to_string()
        }
    }
}

/// `FileError::message`, in the interface's language.
fn file_error_text(error: &FileError) -> String {
    let l = lang::current();
    match error {
        FileError::TooLarge { bytes, limit } => td_string!(
            l,
            status.file_too_large,
            size = format!("{:.1}", *bytes as f64 / 1_048_576.0),
            limit = limit / 1_048_576
        )
        .to_string(),
        FileError::Empty => td_string!(l, status.file_empty).to_owned(),
        FileError::LooksLikeHtml => td_string!(l, status.file_html).to_owned(),
        FileError::NotUtf8 { line, column } => {
            td_string!(l, status.file_not_utf8, line = *line, column = *column).to_string()
        }
        FileError::NotJson { line, column } => {
            td_string!(l, status.file_not_json, line = *line, column = *column).to_string()
        }
        FileError::NotObject => td_string!(l, status.file_not_object).to_owned(),
        FileError::MissingSchema => {
            td_string!(l, status.file_missing_schema, schema = SCHEMA).to_string()
        }
        FileError::WrongSchema(value) => td_string!(
            l,
            status.file_wrong_schema,
            value = quote(value),
            schema = SCHEMA
        )
        .to_string(),
        FileError::UnsupportedVersion(value) => td_string!(
            l,
            status.file_unsupported_version,
            value = quote(value),
            schema = SCHEMA
        )
        .to_string(),
        FileError::MissingField(field) => td_string!(
            l,
            status.file_missing_field,
            field = *field,
            meaning = field_meaning(field)
        )
        .to_string(),
        // The checker's detail is the core's Chinese; the publisher's tool has it too.
        FileError::BadField { field, message } => td_string!(
            l,
            status.file_bad_field,
            field = field.clone(),
            message = message.clone()
        )
        .to_string(),
        FileError::InstitutionsNotArray => {
            td_string!(l, status.file_institutions_not_array).to_owned()
        }
        FileError::TooManyRecords { limit } => {
            td_string!(l, status.file_too_many_records, limit = *limit).to_string()
        }
    }
}

fn field_meaning(field: &str) -> &'static str {
    let l = lang::current();
    match field {
        "schema" => td_string!(l, status.field_schema),
        "title" => td_string!(l, status.field_title),
        "publisher" => td_string!(l, status.field_publisher),
        "published" => td_string!(l, status.field_published),
        "crs" => td_string!(l, status.field_crs),
        "region" => td_string!(l, status.field_region),
        "institutions" => td_string!(l, status.field_institutions),
        _ => td_string!(l, status.field_other),
    }
}

/// A note on the link (`QueryNote::message`), in the interface's language.
fn note_text(note: &QueryNote) -> String {
    let l = lang::current();
    let value = quote(&note.value);
    match &note.kind {
        NoteKind::Unrecognised { shown } => td_string!(
            l,
            status.note_unrecognised,
            what = param_word(&note.param),
            value = quote(shown)
        )
        .to_string(),
        NoteKind::NotAFlag => td_string!(
            l,
            status.note_not_a_flag,
            what = param_word(&note.param),
            value
        )
        .to_string(),
        NoteKind::AgeOutOfRange => td_string!(l, status.note_age_out_of_range, value).to_string(),
        NoteKind::UnreadablePlace => td_string!(l, status.note_unreadable_place, value).to_string(),
        NoteKind::RadiusWithoutPlace { metres } => {
            td_string!(l, status.note_radius_without_place, metres = *metres).to_string()
        }
        NoteKind::UnreadableRadius => {
            td_string!(l, status.note_unreadable_radius, value).to_string()
        }
        NoteKind::DistanceSortWithoutPlace => {
            td_string!(l, status.note_distance_sort_without_place).to_owned()
        }
        NoteKind::BirthDate(why) => {
            td_string!(l, status.note_birth_date, value, why = birth_date_text(why)).to_string()
        }
        NoteKind::AreaNotInDataset => {
            td_string!(l, status.note_area_not_in_dataset, value).to_string()
        }
        NoteKind::TooManyCompared => {
            td_string!(l, status.note_too_many_compared, n = MAX_COMPARED).to_string()
        }
    }
}

/// `BirthDateProblem::message`, in the interface's language.
pub fn birth_date_text(problem: &BirthDateProblem) -> String {
    let l = lang::current();
    match problem {
        BirthDateProblem::Empty => td_string!(l, status.born_empty).to_owned(),
        BirthDateProblem::NoSuchDay(day) => {
            td_string!(l, status.born_no_such_day, day = day.clone()).to_string()
        }
        BirthDateProblem::WrongShape => td_string!(l, status.born_wrong_shape).to_owned(),
        BirthDateProblem::InFuture => td_string!(l, status.born_in_future).to_owned(),
        BirthDateProblem::TooOld => td_string!(l, status.born_too_old).to_owned(),
        BirthDateProblem::Unreadable => td_string!(l, status.born_unreadable).to_owned(),
    }
}

/// What a parameter of the link is, for a note about it.
fn param_word(param: &str) -> &'static str {
    let l = lang::current();
    match param {
        "types" => td_string!(l, status.param_types),
        "kind" => td_string!(l, status.param_kind),
        "puhui" => td_string!(l, status.param_puhui),
        "vacant" => td_string!(l, status.param_vacant),
        "age" => td_string!(l, status.param_age),
        "sort" => td_string!(l, status.param_sort),
        "view" => td_string!(l, status.param_view),
        "page" => td_string!(l, status.param_page),
        "id" => td_string!(l, status.param_id),
        "article" => td_string!(l, status.param_article),
        _ => td_string!(l, status.param_other),
    }
}

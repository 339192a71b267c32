//! What the parent is told about the data itself: errors, sample data, notes on the link, and
//! the "数据说明" panel a publisher reads.

use leptos::prelude::*;

use crate::data::{use_dataset, DataState};
use crate::route::use_address;

/// Parameters of the link that could not be read; the rest of the link still applies.
#[component]
pub fn QueryNotes() -> impl IntoView {
    let address = use_address();
    let notes = Memo::new(move |_| address.query.with(|q| q.notes.clone()));
    view! {
        <Show when=move || !notes.with(Vec::is_empty)>
            <div class="notice" role="status" data-testid="query-note">
                <p>"链接中有无法识别的内容，已忽略："</p>
                <ul>
                    {move || {
                        notes
                            .get()
                            .into_iter()
                            .map(|note| view! { <li>{note.message}</li> })
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
        DataState::Failed(message) => view! { <DatasetError message /> }.into_any(),
        DataState::Ready(loaded) => ready(loaded),
    }
}

#[component]
pub fn DatasetError(message: String) -> impl IntoView {
    let dataset = use_dataset();
    view! {
        <section class="error-panel" role="alert" data-testid="dataset-error">
            <h2>"暂时无法显示托育机构名录"</h2>
            <p>{message}</p>
            <button class="button primary" on:click=move |_| dataset.retry()>
                "重试"
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
    view! {
        <p class="loading" role="status" aria-live="polite" data-testid="loading">
            "正在加载托育机构名录…"
            {move || (waited.get() >= 3).then(|| format!("网络较慢，已等待 {} 秒，请稍候。", waited.get()))}
        </p>
    }
}

/// The list on screen came from the phone because the network failed.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        dataset.offline_copy.get().map(|note| {
            view! {
                <div class="notice" role="status" data-testid="offline-copy">
                    <p>{note}</p>
                    <button class="button" on:click=move |_| dataset.retry()>"重新联网加载"</button>
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
    view! {
        <Show when=move || sample.get()>
            <p class="sample-banner" role="note" data-testid="sample-banner">
                "示例数据：以下机构为演示用的虚构信息，并非真实托育机构。"
            </p>
        </Show>
    }
}

/// Publisher, date and the records that were left out, with every reason.
#[component]
pub fn DataNotes() -> impl IntoView {
    let dataset = use_dataset();
    move || {
        let loaded = dataset.loaded()?;
        let data = &loaded.dataset;
        let skipped = loaded.skipped;
        let problems = loaded
            .problems
            .iter()
            .take(200)
            .map(|p| {
                let who =
                    p.id.clone()
                        .unwrap_or_else(|| format!("第 {} 条", p.index + 1));
                let text = if p.field.is_empty() {
                    format!("{who}：{}", p.message)
                } else {
                    format!("{who}（{}）：{}", p.field, p.message)
                };
                view! { <li>{text}</li> }
            })
            .collect_view();
        let revoked = (loaded.revoked > 0).then(|| {
            view! { <p>{format!("另有 {} 家已注销备案的机构不予显示。", loaded.revoked)}</p> }
        });
        Some(view! {
            <div class="data-line">
                <p>
                    {format!("数据更新于 {} · {}", data.published, data.publisher)}
                </p>
                {(skipped > 0).then(|| view! {
                    <p class="warn">
                        {format!("有 {skipped} 条记录因数据有误未显示，详见“数据说明”。")}
                    </p>
                })}
                <details class="data-notes">
                    <summary>"数据说明"</summary>
                    <p>{format!("名录：{}", data.title)}</p>
                    <p>{format!("发布单位：{}；发布日期：{}", data.publisher, data.published)}</p>
                    <p>
                        {format!("坐标系：{}；收录 {} 家机构。", data.crs.label(), data.institutions.len())}
                    </p>
                    <p>
                        "本次加载略去 " <strong data-testid="skipped-count">{skipped}</strong>
                        " 条无效记录。"
                    </p>
                    {revoked}
                    <ul class="problems">{problems}</ul>
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
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="prefs-notice">
                    {notices.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                    <button class="button" on:click=move |_| prefs.notices.set(Vec::new())>"知道了"</button>
                </div>
            }
        })
    }
}

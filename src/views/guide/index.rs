//! The list of articles: grouped by topic, narrowed to an age band, or searched.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::guide::{search, AgeBand, Article, Guide, AGE_BANDS, TOPICS};

use super::{age_range_text, ArticleLink};

thread_local! {
    // The search and band survive opening an article and coming back (a new mount).
    static LAST_CHOICE: RefCell<(String, Option<AgeBand>)> = const { RefCell::new((String::new(), None)) };
}

#[component]
pub fn GuideIndex(guide: Arc<Guide>) -> impl IntoView {
    let (last_query, last_band) = LAST_CHOICE.with(|c| c.borrow().clone());
    let query = RwSignal::new(last_query);
    let band = RwSignal::new(last_band);
    Effect::new(move |_| {
        let choice = (query.get(), band.get());
        LAST_CHOICE.with(|c| *c.borrow_mut() = choice);
    });
    let searching = Memo::new(move |_| !query.with(|q| q.trim().is_empty()));

    let found_guide = guide.clone();
    let found = Memo::new(move |_| query.with(|q| search(&found_guide, q)));
    let results_guide = guide.clone();
    let results = move || {
        let hits = found.get();
        let count = hits.len();
        let entries = hits
            .into_iter()
            .map(|i| view! { <Entry article=results_guide.articles[i].clone() /> })
            .collect_view();
        view! {
            <p class="result-count" aria-live="polite" data-testid="guide-result-count">
                {format!("找到 {count} 篇文章")}
            </p>
            {(count == 0).then(|| view! {
                <p class="empty">"没有找到。可以换个说法，比如“辅食”“疫苗”“发烧”。"</p>
            })}
            <ul class="results">{entries}</ul>
        }
    };

    let by_topic = move || {
        let chosen = band.get();
        TOPICS
            .iter()
            .filter_map(|&topic| {
                let articles: Vec<Article> = guide
                    .on_topic(topic)
                    .into_iter()
                    .map(|i| guide.articles[i].clone())
                    .filter(|a| chosen.is_none_or(|b| a.in_band(b)))
                    .collect();
                (!articles.is_empty()).then(|| {
                    view! {
                        <section class="guide-topic" data-testid="guide-topic" data-topic=topic>
                            <h2>{topic}</h2>
                            <ul class="results">
                                {articles
                                    .into_iter()
                                    .map(|article| view! { <Entry article /> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
            })
            .collect_view()
    };

    view! {
        <section class="guide" data-testid="guide-index">
            <h1>"育儿指南"</h1>
            <p class="hint">
                "写给爸爸妈妈和爷爷奶奶。每篇都注明官方来源和审核日期；具体怎么做，以当地卫生健康部门、接种门诊和医生的意见为准。"
            </p>
            <label class="search">
                <span class="visually-hidden">"搜索育儿指南"</span>
                <input
                    type="search"
                    data-testid="guide-search"
                    placeholder="搜索文章，例如：辅食、疫苗、发烧"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <Show when=move || searching.get() fallback=move || view! {
                <div class="chips band-chips" role="group" aria-label="按孩子月龄">
                    <BandChip band label="全部月龄".to_owned() value=None />
                    {AGE_BANDS
                        .iter()
                        .map(|&b| view! { <BandChip band label=b.label() value=Some(b) /> })
                        .collect_view()}
                </div>
                {by_topic.clone()}
            }>
                {results.clone()}
            </Show>
        </section>
    }
}

#[component]
fn BandChip(
    band: RwSignal<Option<AgeBand>>,
    label: String,
    value: Option<AgeBand>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chip"
            data-testid="guide-band"
            aria-pressed=move || if band.get() == value { "true" } else { "false" }
            on:click=move |_| band.set(value)
        >
            {label}
        </button>
    }
}

#[component]
fn Entry(article: Article) -> impl IntoView {
    view! {
        <li class="card" data-testid="guide-entry" data-slug=article.slug.clone()>
            <ArticleLink slug=article.slug.clone() class="card-link">
                <h3 class="card-name">{article.title}</h3>
                <p class="card-care">{article.summary}</p>
                <p class="card-meta">
                    {format!("适合 {}", age_range_text(article.age_months))}
                </p>
            </ArticleLink>
        </li>
    }
}

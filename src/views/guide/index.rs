//! The list of articles: grouped by topic, narrowed to an age band, or searched.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::guide::{search, AgeBand, Article, Guide, Topic, AGE_BANDS};

use super::{for_ages_text, topic_view, ArticleLink};
use crate::i18n::*;
use crate::lang;
use crate::views::chip::chip;
use crate::views::text::{mixed, DATA_LANG};

thread_local! {
    // The search and band survive opening an article and coming back (a new mount).
    static LAST_CHOICE: RefCell<(String, Option<AgeBand>)> = const { RefCell::new((String::new(), None)) };
}

#[component]
pub fn GuideIndex(guide: Arc<Guide>) -> impl IntoView {
    let locale = lang::current();
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
                {if count == 1 {
                    td_string!(locale, guide.found_single, count).to_string()
                } else {
                    td_string!(locale, guide.found_plural, count).to_string()
                }}
            </p>
            {(count == 0)
                .then(|| {
                    view! { <p class="empty">{mixed(td_string!(locale, guide.found_none))}</p> }
                })}
            <ul class="results">{entries}</ul>
        }
    };

    let by_topic = move || {
        let chosen = band.get();
        Topic::ALL
            .iter()
            .map(|t| t.name())
            .filter_map(|topic| {
                let articles: Vec<Article> = guide
                    .on_topic(topic)
                    .into_iter()
                    .map(|i| guide.articles[i].clone())
                    .filter(|a| chosen.is_none_or(|b| a.in_band(b)))
                    .collect();
                (!articles.is_empty()).then(|| {
                    view! {
                        <section class="guide-topic" data-testid="guide-topic" data-topic=topic>
                            <h2>{topic_view(topic)}</h2>
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
            <h1>{td_string!(locale, guide.title)}</h1>
            <p class="hint">{td_string!(locale, guide.intro)}</p>
            <label class="search">
                <span class="visually-hidden">{td_string!(locale, guide.search_label)}</span>
                <input
                    type="search"
                    data-testid="guide-search"
                    placeholder=td_string!(locale, guide.search_placeholder)
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <Show
                when=move || searching.get()
                fallback=move || {
                    view! {
                        <div
                            class="chips band-chips"
                            role="group"
                            aria-label=td_string!(locale, guide.bands_label)
                        >
                            <BandChip
                                band
                                label=td_string!(locale, guide.all_ages).to_owned()
                                value=None
                            />
                            {AGE_BANDS
                                .iter()
                                .map(|&b| {
                                    let label = td_string!(
                                        locale, guide.age_range, from = b.from, to = b.to
                                    )
                                        .to_string();
                                    view! { <BandChip band label value=Some(b) /> }
                                })
                                .collect_view()}
                        </div>
                        {by_topic.clone()}
                    }
                }
            >
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
    chip(
        move || band.get() == value,
        move || band.set(value),
        Some("guide-band"),
        label,
    )
}

#[component]
fn Entry(article: Article) -> impl IntoView {
    view! {
        <li class="card" data-testid="guide-entry" data-slug=article.slug.clone()>
            <ArticleLink slug=article.slug.clone() class="card-link">
                <h3 class="card-name" lang=DATA_LANG>
                    {article.title}
                </h3>
                <p class="card-care" lang=DATA_LANG>
                    {article.summary}
                </p>
                <p class="card-meta">{for_ages_text(article.age_months)}</p>
            </ArticleLink>
        </li>
    }
}

//! One article: its blocks as text, checklists a parent can tick, its sources and the day
//! it was last checked against them.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::guide::{Article, Block, Guide, Inline, Source};
use tuoyu_core::model::format_date;

use super::ticks::{TickItem, Ticks};
use super::{age_range_text, index_href, inlines_view, topic_text};
use crate::i18n::*;
use crate::lang;
use crate::route::use_address;
use crate::views::text::{mixed, DATA_LANG};

#[component]
pub fn ArticlePage(guide: Arc<Guide>, slug: String) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let back = view! {
        <a class="button link back" href=index_href(&address)>
            {td_string!(locale, guide.back_to_guide)}
        </a>
    };
    match guide.article(&slug).cloned() {
        Some(article) => view! {
            {back}
            <ArticleBody article />
        }
        .into_any(),
        None => view! {
            {back}
            <section class="detail" data-testid="article-not-found">
                <h1>{td_string!(locale, guide.article_not_found_title)}</h1>
                <p>{td_string!(locale, guide.article_not_found_text)}</p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ArticleBody(article: Article) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let ticks = Ticks::load(&article.slug);
    let blocks = article
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level: 3, text } => {
                view! { <h3 lang=DATA_LANG>{text.clone()}</h3> }.into_any()
            }
            Block::Heading { text, .. } => {
                view! { <h2 lang=DATA_LANG>{text.clone()}</h2> }.into_any()
            }
            Block::Paragraph(inlines) => {
                view! { <p lang=DATA_LANG>{inlines_view(&address, inlines)}</p> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .iter()
                    .map(|item| view! { <li>{inlines_view(&address, item)}</li> })
                    .collect_view();
                if *ordered {
                    view! { <ol lang=DATA_LANG>{items}</ol> }.into_any()
                } else {
                    view! { <ul lang=DATA_LANG>{items}</ul> }.into_any()
                }
            }
            Block::Checklist(items) => {
                let items = items
                    .iter()
                    .map(|item| {
                        let content = inlines_view(&address, item);
                        view! {
                            <TickItem ticks item=plain(item)>
                                {content}
                            </TickItem>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="checklist" lang=DATA_LANG>
                        {items}
                    </ul>
                }
                .into_any()
            }
        })
        .collect_view();
    // An unknown topic is the content's Chinese, marked so.
    let topics: Vec<String> = article
        .topics
        .iter()
        .map(|t| topic_text(t).map_or_else(|| t.clone(), str::to_owned))
        .collect();
    let meta = td_string!(
        locale,
        guide.article_meta,
        topics = topics.join(td_string!(locale, guide.topic_separator)),
        ages = age_range_text(article.age_months)
    )
    .to_string();

    view! {
        <article class="guide-article" data-testid="article">
            <h1 lang=DATA_LANG>{article.title.clone()}</h1>
            <p class="article-meta">{mixed(meta)}</p>
            {blocks}
            <p class="hint">{td_string!(locale, guide.ticks_hint)}</p>
            <Sources sources=article.sources.clone() reviewed=format_date(article.reviewed) />
        </article>
    }
}

#[component]
pub fn Sources(sources: Vec<Source>, reviewed: String) -> impl IntoView {
    let locale = lang::current();
    view! {
        <section class="sources" data-testid="sources">
            <h2>{td_string!(locale, guide.sources)}</h2>
            <ul lang=DATA_LANG>
                {sources.into_iter().map(|s| view! { <li>{source_text(&s)}</li> }).collect_view()}
            </ul>
            <p class="reviewed" data-testid="reviewed">
                {td_string!(locale, guide.reviewed, date = reviewed).to_string()}
            </p>
        </section>
    }
}

/// `国家卫生健康委办公厅《…》（国卫办妇幼函〔2022〕409号，2022年）`.
fn source_text(source: &Source) -> String {
    let detail = match &source.number {
        Some(number) => format!("{number}，{}年", source.year),
        None => format!("{}年", source.year),
    };
    format!("{}《{}》（{detail}）", source.issuer, source.title)
}

fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::text).collect()
}

//! One article: its blocks as text, checklists a parent can tick, its sources and the day
//! it was last checked against them.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::guide::{Article, Block, Guide, Inline, Source};
use tuoyu_core::model::format_date;

use super::ticks::{TickItem, Ticks};
use super::{age_range_text, index_href, inlines_view};
use crate::route::use_address;

#[component]
pub fn ArticlePage(guide: Arc<Guide>, slug: String) -> impl IntoView {
    let address = use_address();
    let back = view! {
        <a class="button link back" href=index_href(&address)>"‹ 育儿指南"</a>
    };
    match guide.article(&slug).cloned() {
        Some(article) => view! { {back} <ArticleBody article /> }.into_any(),
        None => view! {
            {back}
            <section class="detail" data-testid="article-not-found">
                <h1>"没有找到这篇文章"</h1>
                <p>"链接可能不完整，或文章已改名。可以回到育儿指南的目录里找一找。"</p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ArticleBody(article: Article) -> impl IntoView {
    let address = use_address();
    let ticks = Ticks::load(&article.slug);
    let blocks = article
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level: 3, text } => view! { <h3>{text.clone()}</h3> }.into_any(),
            Block::Heading { text, .. } => view! { <h2>{text.clone()}</h2> }.into_any(),
            Block::Paragraph(inlines) => {
                view! { <p>{inlines_view(&address, inlines)}</p> }.into_any()
            }
            Block::List { ordered, items } => {
                let items = items
                    .iter()
                    .map(|item| view! { <li>{inlines_view(&address, item)}</li> })
                    .collect_view();
                if *ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
            Block::Checklist(items) => {
                let items = items
                    .iter()
                    .map(|item| {
                        let content = inlines_view(&address, item);
                        view! { <TickItem ticks item=plain(item)>{content}</TickItem> }
                    })
                    .collect_view();
                view! { <ul class="checklist">{items}</ul> }.into_any()
            }
        })
        .collect_view();
    let topics = article.topics.join(" · ");

    view! {
        <article class="guide-article" data-testid="article">
            <h1>{article.title.clone()}</h1>
            <p class="article-meta">
                {format!("{topics} · 适合 {}", age_range_text(article.age_months))}
            </p>
            {blocks}
            <p class="hint">"打的勾只保存在这台手机上。"</p>
            <Sources sources=article.sources.clone() reviewed=format_date(article.reviewed) />
        </article>
    }
}

#[component]
pub fn Sources(sources: Vec<Source>, reviewed: String) -> impl IntoView {
    view! {
        <section class="sources" data-testid="sources">
            <h2>"资料来源"</h2>
            <ul>
                {sources
                    .into_iter()
                    .map(|s| view! { <li>{source_text(&s)}</li> })
                    .collect_view()}
            </ul>
            <p class="reviewed" data-testid="reviewed">{format!("审核日期 {reviewed}")}</p>
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

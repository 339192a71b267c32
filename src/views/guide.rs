//! 育儿指南: the index (`?page=guide`) and one article (`?page=guide&article=<slug>`).
//! Every string from the content is drawn as text; links are always into this app.

mod article;
mod index;
pub mod ticks;

use crate::views::text::DATA_LANG;
use leptos::prelude::*;
use tuoyu_core::guide::{Inline, Topic};
use tuoyu_core::query::{FinderQuery, Page};

use crate::guide_data::{retry_guide, use_guide, GuideFailure, GuideState};
use crate::i18n::*;
use crate::lang;
use crate::route::{plain_click, use_address, Address, Step};

#[component]
pub fn GuidePage() -> impl IntoView {
    let address = use_address();
    let guide = use_guide();
    let slug = Memo::new(move |_| address.query.with(|q| q.article.clone()));
    move || match guide.get() {
        GuideState::Loading => view! { <GuideLoading /> }.into_any(),
        GuideState::Failed(failure) => view! { <GuideError failure /> }.into_any(),
        GuideState::Ready(guide) => match slug.get() {
            Some(slug) => view! { <article::ArticlePage guide slug /> }.into_any(),
            None => view! { <index::GuideIndex guide /> }.into_any(),
        },
    }
}

#[component]
pub fn GuideLoading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            {td_string!(lang::current(), guide.loading)}
        </p>
    }
}

#[component]
pub fn GuideError(failure: GuideFailure) -> impl IntoView {
    let locale = lang::current();
    view! {
        <section class="error-panel" role="alert" data-testid="guide-error">
            <h2>{td_string!(locale, guide.error_title)}</h2>
            <p>{failure.message()}</p>
            <button type="button" class="button primary" on:click=move |_| retry_guide()>
                {td_string!(locale, guide.retry)}
            </button>
        </section>
    }
}

pub fn article_href(address: &Address, slug: &str) -> String {
    address.link(|q| q.guide_link(Some(slug)))
}

pub fn index_href(address: &Address) -> String {
    address.link(|q| q.guide_link(None))
}

/// A link that opens an article as a new history entry, so "back" returns to where the
/// parent was, and at the top of the page. A click meant for a new tab is the browser's.
#[component]
pub fn ArticleLink(
    slug: String,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let address = use_address();
    let open = {
        let slug = slug.clone();
        move |ev: web_sys::MouseEvent| {
            if !plain_click(&ev) {
                return;
            }
            ev.prevent_default();
            let next = address.query.with_untracked(|q| q.guide_link(Some(&slug)));
            address.go(Step::Push, &next);
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    };
    view! {
        <a class=class href=article_href(&address, &slug) on:click=open>
            {children()}
        </a>
    }
}

/// An article's `?…` link: another article, or a finder address on the dataset the parent
/// is using. The build lets only `?` links through; the core's parser drops anything odd.
fn internal_link(address: &Address, text: String, href: &str) -> AnyView {
    let query = FinderQuery::parse_query_string(href, None);
    if let (Page::Guide, Some(slug)) = (query.page, query.article.clone()) {
        return view! { <ArticleLink slug>{text}</ArticleLink> }.into_any();
    }
    view! { <a href=address.link(|q| query.on_same_data(q))>{text}</a> }.into_any()
}

/// A run of text with bold and in-app links, all as text nodes.
pub fn inlines_view(address: &Address, inlines: &[Inline]) -> impl IntoView {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.clone().into_any(),
            Inline::Strong(text) => view! { <strong>{text.clone()}</strong> }.into_any(),
            Inline::Link { text, href } => internal_link(address, text.clone(), href),
        })
        .collect_view()
}

/// `0–12 个月`, for the ages an article is written for.
pub fn age_range_text((from, to): (u8, u8)) -> String {
    let l = lang::current();
    match (from, to) {
        (0, 0) => td_string!(l, guide.age_before_birth).to_owned(),
        (0, 36) => td_string!(l, guide.age_all).to_owned(),
        (1, 1) => td_string!(l, guide.age_month_single, n = 1).to_string(),
        (a, b) if a == b => td_string!(l, guide.age_month_plural, n = a).to_string(),
        (a, b) => td_string!(l, guide.age_range, from = a, to = b).to_string(),
    }
}

/// "For 0–12 months" under an article's title.
pub fn for_ages_text(ages: (u8, u8)) -> String {
    td_string!(lang::current(), guide.for_ages, ages = age_range_text(ages)).to_string()
}

/// A topic's name in the interface's language; `None` for a topic the app does not know,
/// shown as written.
pub fn topic_text(topic: &str) -> Option<&'static str> {
    let l = lang::current();
    Some(match Topic::parse(topic)? {
        Topic::Growth => td_string!(l, guide.topic_growth),
        Topic::Warning => td_string!(l, guide.topic_warning),
        Topic::Checkups => td_string!(l, guide.topic_checkups),
        Topic::Vaccines => td_string!(l, guide.topic_vaccines),
        Topic::Feeding => td_string!(l, guide.topic_feeding),
        Topic::Play => td_string!(l, guide.topic_play),
        Topic::Sleep => td_string!(l, guide.topic_sleep),
        Topic::Safety => td_string!(l, guide.topic_safety),
        Topic::Illness => td_string!(l, guide.topic_illness),
        Topic::Pregnancy => td_string!(l, guide.topic_pregnancy),
        Topic::Leave => td_string!(l, guide.topic_leave),
        Topic::Childcare => td_string!(l, guide.topic_childcare),
    })
}

/// A topic's name as a view: an unknown one is the content's own Chinese, marked so.
pub fn topic_view(topic: &str) -> AnyView {
    match topic_text(topic) {
        Some(text) => text.into_any(),
        None => view! { <span lang=DATA_LANG>{topic.to_owned()}</span> }.into_any(),
    }
}

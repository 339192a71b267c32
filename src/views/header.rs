//! The top bar: which part of the app the parent is in, and the dataset's name.

use leptos::prelude::*;
use tuoyu_core::language::Language;
use tuoyu_core::query::Page;

use crate::i18n::*;
use crate::lang;
use crate::prefs::use_prefs;
use crate::route::use_address;

#[component]
pub fn Header() -> impl IntoView {
    let address = use_address();
    let page = Memo::new(move |_| address.query.with(|q| q.page));

    // The tab keeps the finder's filters, so coming back from the guide finds the same list.
    let tab_href = move |target: Page| address.query.with(|q| address.href(&q.page_link(target)));
    crate::views::title::follow_title();

    let tab = move |target: Page, label: &'static str| {
        view! {
            <a
                class="tab"
                href=move || tab_href(target)
                aria-current=move || (page.get() == target).then_some("page")
            >
                {label}
            </a>
        }
    };
    let prefs = use_prefs();
    let locale = lang::current();
    view! {
        <header class="top">
            <nav class="tabs" aria-label=td_string!(locale, app.tabs_label)>
                {tab(Page::Finder, td_string!(locale, app.tab_finder))}
                {tab(Page::Guide, td_string!(locale, app.tab_guide))}
                {tab(Page::Baby, td_string!(locale, app.tab_baby))}
            </nav>
            // One tap from every page, remembered on the phone. It names the mode and shows
            // whether it is on (pressed, with a tick), never the other choice.
            <button
                type="button"
                class="elder-toggle"
                aria-pressed=move || prefs.elder.get().to_string()
                on:click=move |_| prefs.elder.update(|on| *on = !*on)
            >
                {td_string!(locale, app.elder_mode)}
            </button>
            <LanguageSwitch />
        </header>
    }
}

/// The other language, named in itself so a parent who cannot read the current one finds it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let prefs = use_prefs();
    let locale = lang::current();
    let other = match lang::language(locale) {
        Language::Chinese => Language::English,
        Language::English => Language::Chinese,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=other.html_lang()
            aria-label=td_string!(locale, app.language_switch_label)
            on:click=move |_| prefs.language.set(Some(other))
        >
            {td_string!(locale, app.language_switch)}
        </button>
    }
}

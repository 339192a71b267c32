//! Which language the interface speaks (leptos_i18n's `Locale`): the parent's choice when they
//! made one, kept with the other settings, else the browser's (`tuoyu_core::language`).
//!
//! Switching is rare and deliberate, so the shell draws everything again under the new
//! language (app.rs) instead of every label subscribing to a signal: a text is looked up once,
//! with `td_string!(lang::current(), …)`, which keeps a card as cheap to draw as before.

use std::cell::Cell;

use tuoyu_core::language::Language;

use crate::i18n::Locale;

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::zh) };
}

/// The language the interface is being drawn in.
pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

/// Makes `language` the interface's language from the next draw on.
pub fn set_current(language: Language) {
    CURRENT.with(|c| c.set(locale(language)));
    crate::platform::set_document_language(language.html_lang());
}

pub fn language(locale: Locale) -> Language {
    match locale {
        Locale::zh => Language::Chinese,
        Locale::en => Language::English,
    }
}

fn locale(language: Language) -> Locale {
    match language {
        Language::Chinese => Locale::zh,
        Language::English => Locale::en,
    }
}

/// The browser's own preference, for a parent who has not chosen.
pub fn browser_language() -> Language {
    let tags: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|tag| tag.as_string())
                .collect()
        })
        .unwrap_or_default();
    Language::from_browser(&tags)
}

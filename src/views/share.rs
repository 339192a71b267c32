//! Sending a page to family. WeChat shares from its own ··· menu (a page cannot open it), other
//! browsers have the Web Share sheet, and everything can copy the link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::lang;
use crate::platform::{absolute_url, copy_text, in_wechat};

#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    WeChatHint,
    Copied(bool),
}

#[component]
pub fn ShareButton(href: String, title: String) -> impl IntoView {
    let outcome = RwSignal::new(Outcome::None);
    let url = absolute_url(&href);
    let share = move |_| {
        if in_wechat() {
            outcome.set(Outcome::WeChatHint);
        } else if !web_share(&title, &url) {
            outcome.set(Outcome::Copied(copy_text(&url)));
        }
    };
    let locale = lang::current();
    view! {
        <button type="button" class="button" data-testid="share" on:click=share>
            {move || match outcome.get() {
                Outcome::Copied(true) => td_string!(locale, finder.share_copied),
                Outcome::Copied(false) => td_string!(locale, finder.share_copy_failed),
                _ => td_string!(locale, finder.share),
            }}
        </button>
        <Show when=move || outcome.get() == Outcome::WeChatHint>
            <p class="hint share-hint" role="status">
                {td_string!(locale, finder.share_wechat_hint)}
            </p>
        </Show>
    }
}

/// Opens the system share sheet where the browser has one; false when it does not.
fn web_share(title: &str, url: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok();
    let Some(share) = share.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    // The promise rejects when the parent closes the sheet; that is not an error to show.
    share.call1(&navigator, &data).is_ok()
}

//! The few browser services the views need, behind plain functions: the clock, GPS, the
//! clipboard, sharing, the phone's own storage and on-demand scripts. Failures come back as
//! values; the views word them in the interface's language.

use chrono::NaiveDate;
use tuoyu_core::model::LatLng;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Today on the phone's clock, in its own time zone (tests fix the clock through the page).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Why the phone's position could not be had; the view says what to do instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocateError {
    /// The browser has no geolocation.
    Unsupported,
    /// The parent (or the phone's settings) did not allow it.
    Denied,
    Timeout,
    /// Any other answer from the browser.
    Unavailable,
    /// The browser would not even ask.
    Failed,
}

/// Asks the browser for the phone's position once. `done` gets the WGS-84 point or the reason
/// it could not; it is called exactly once, also when the browser never answers.
pub fn locate(done: impl FnOnce(Result<LatLng, LocateError>) + 'static) {
    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done(Err(LocateError::Unsupported));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_ok = {
        let done = done.clone();
        Closure::once_into_js(move |position: web_sys::Position| {
            let coords = position.coords();
            if let Some(done) = done.borrow_mut().take() {
                done(Ok(LatLng {
                    lat: coords.latitude(),
                    lng: coords.longitude(),
                }));
            }
        })
    };
    let on_err = {
        let done = done.clone();
        Closure::once_into_js(move |error: web_sys::PositionError| {
            let reason = match error.code() {
                web_sys::PositionError::PERMISSION_DENIED => LocateError::Denied,
                web_sys::PositionError::TIMEOUT => LocateError::Timeout,
                _ => LocateError::Unavailable,
            };
            if let Some(done) = done.borrow_mut().take() {
                done(Err(reason));
            }
        })
    };
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(false);
    options.set_timeout(12_000);
    options.set_maximum_age(300_000);
    if geolocation
        .get_current_position_with_error_callback_and_options(
            on_ok.unchecked_ref(),
            Some(on_err.unchecked_ref()),
            &options,
        )
        .is_err()
    {
        if let Some(done) = done.borrow_mut().take() {
            done(Err(LocateError::Failed));
        }
    }
}

/// Copies text. A selected textarea and `execCommand("copy")` come first, since WeChat's older
/// webviews lack the async clipboard and that way answers at once; the async clipboard is tried
/// when it fails (its promise is not awaited, so that case counts as copied). Returns whether
/// the copy went through.
pub fn copy_text(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(area) = document.create_element("textarea") else {
        return false;
    };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:0;left:0;opacity:0");
    let Some(body) = document.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    if !copied {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(text);
            return true;
        }
    }
    copied
}

/// The page's absolute address for a relative link, for copying and sharing.
pub fn absolute_url(href: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{href}")
}

/// WeChat's webview names itself in the user agent; sharing there goes through its own menu.
pub fn in_wechat() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("MicroMessenger"))
}

/// Runs a classic script from the site (the vendored libraries, which stay out of the wasm and
/// off the first page load). Resolves when it has run; fails when it cannot be fetched.
pub async fn load_script(src: &str) -> Result<(), ()> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let script = document.create_element("script").map_err(|_| ())?;
    script.set_attribute("src", src).map_err(|_| ())?;
    let loaded =
        js_sys::Promise::new(&mut |resolve: js_sys::Function, reject: js_sys::Function| {
            let on_load = Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let failed_script = script.clone();
            let on_error = Closure::once_into_js(move || {
                // A later attempt adds a fresh element rather than waiting on a dead one.
                failed_script.remove();
                let _ = reject.call0(&JsValue::NULL);
            });
            // Typed setters, not `Reflect.set` (see map_library.rs: WPE 2.38 traps in it).
            let element = script.unchecked_ref::<web_sys::HtmlElement>();
            element.set_onload(Some(on_load.unchecked_ref()));
            element.set_onerror(Some(on_error.unchecked_ref()));
        });
    document
        .body()
        .ok_or(())?
        .append_child(&script)
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Where a value is kept. Private mode or a full quota just means nothing is remembered.
#[derive(Clone, Copy)]
pub enum Keep {
    /// On the phone, until the parent clears it.
    Phone,
    /// For this visit only (this tab, until it is closed), so that a reload finds it: what
    /// the phone must not keep longer unless the parent asks, like their own location.
    Visit,
}

impl Keep {
    fn storage(self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match self {
            Keep::Phone => window.local_storage(),
            Keep::Visit => window.session_storage(),
        }
        .ok()?
    }

    pub fn get(self, key: &str) -> Option<String> {
        self.storage()?.get_item(key).ok()?
    }

    pub fn set(self, key: &str, value: &str) -> bool {
        self.storage()
            .is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub fn remove(self, key: &str) {
        if let Some(s) = self.storage() {
            let _ = s.remove_item(key);
        }
    }
}

/// Kept on the phone only ([`Keep::Phone`]).
pub mod saved {
    use super::Keep;

    pub fn get(key: &str) -> Option<String> {
        Keep::Phone.get(key)
    }

    pub fn set(key: &str, value: &str) -> bool {
        Keep::Phone.set(key, value)
    }

    pub fn remove(key: &str) {
        Keep::Phone.remove(key)
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// `<html lang>`, so that screen readers read the interface in its language.
pub fn set_document_language(lang: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Runs `f` in a task of its own after `delay`. (Boxed, like `after_paint`: one copy of the
/// timer's glue in the wasm for every caller.)
pub fn after(delay: std::time::Duration, f: Box<dyn FnOnce()>) {
    leptos::prelude::set_timeout(f, delay);
}

/// Runs `f` in a task of its own just after the next frame has been painted: work that can
/// wait a moment does not hold up the frame that answers the parent.
pub fn after_paint(f: Box<dyn FnOnce()>) {
    leptos::prelude::request_animation_frame(move || after(std::time::Duration::ZERO, f));
}

pub fn history_back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

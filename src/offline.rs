//! The last dataset that loaded, kept on the phone, so a dead network still shows the list
//! (with its date) instead of an error. One copy per source address; of a catalogue, the last
//! scope's files, within a bound. And the page itself, for
//! a reload with no signal: the service worker that the build writes (crates/site, `sw.js`).

use serde::{Deserialize, Serialize};
use tuoyu_core::model::Date;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform::{saved, today};

const KEY_PREFIX: &str = "tuoyu.lastgood.v1:";
/// localStorage holds about 5 MB per site in most webviews; a copy larger than this would
/// push out everything else the parent keeps (stars, the birth date), so it is not kept.
const MAX_KEPT_BYTES: usize = 1_500_000;

#[derive(Serialize, Deserialize)]
struct Kept {
    #[serde(with = "tuoyu_core::model::spec_date")]
    saved_on: Date,
    body: String,
}

pub fn keep(url: &str, bytes: &[u8]) {
    if bytes.len() > MAX_KEPT_BYTES {
        return;
    }
    let Ok(body) = std::str::from_utf8(bytes) else {
        return;
    };
    let kept = Kept {
        saved_on: today(),
        body: body.to_owned(),
    };
    if let Ok(text) = serde_json::to_string(&kept) {
        saved::set(&format!("{KEY_PREFIX}{url}"), &text);
    }
}

/// The kept copy of the file at `url` and the day it was kept. A damaged copy (an older
/// app version, a half-written quota) is dropped; the caller reads the body as it reads
/// the network's, so a copy that no longer loads is named like a broken file.
pub fn kept(url: &str) -> Option<(String, Date)> {
    let key = format!("{KEY_PREFIX}{url}");
    let text = saved::get(&key)?;
    match serde_json::from_str::<Kept>(&text) {
        Ok(kept) => Some((kept.body, kept.saved_on)),
        Err(_) => {
            saved::remove(&key);
            None
        }
    }
}

/// Where the addresses of the last catalogue scope's kept files are listed.
const SCOPE_KEY: &str = "tuoyu.lastscope.v1";

/// All of a scope's kept files together stay under this: storage is shared with stars and
/// settings, and a province's files would not fit anyway (the list then names them).
const MAX_SCOPE_KEPT_BYTES: usize = 3_000_000;

/// Keeps the files of a catalogue scope (catalogues first, then datasets, in order) instead
/// of the last scope's: as many as fit in [`MAX_SCOPE_KEPT_BYTES`].
pub fn keep_scope(files: &[(String, Vec<u8>)]) {
    let before: Vec<String> = saved::get(SCOPE_KEY)
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let mut room = MAX_SCOPE_KEPT_BYTES;
    let mut now = Vec::new();
    for (url, bytes) in files {
        if bytes.len() <= room.min(MAX_KEPT_BYTES) {
            room -= bytes.len();
            now.push(url.clone());
        }
    }
    for url in before.iter().filter(|u| !now.contains(u)) {
        saved::remove(&format!("{KEY_PREFIX}{url}"));
    }
    for (url, bytes) in files.iter().filter(|(u, _)| now.contains(u)) {
        keep(url, bytes);
    }
    if let Ok(list) = serde_json::to_string(&now) {
        saved::set(SCOPE_KEY, &list);
    }
}

/// The build's service worker, next to index.html.
const SERVICE_WORKER: &str = "sw.js";

/// Registers the service worker where the engine has one (not WeChat on iPhone, nor a page
/// served over plain http from another host: there a reload offline stays as it was). After
/// the page's `load`, so that its install never competes with the first list for bandwidth.
pub fn keep_the_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let register = || {
        let Some(container) = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"serviceWorker".into()).ok())
            .filter(|c| c.is_object())
        else {
            return;
        };
        let Some(register) = js_sys::Reflect::get(&container, &"register".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return;
        };
        if let Ok(Ok(promise)) = register
            .call1(&container, &SERVICE_WORKER.into())
            .map(|p| p.dyn_into::<js_sys::Promise>())
        {
            // A refusal (private mode, a host without the file) leaves the page as it was.
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                    return;
                };
                // Registering again does not look for a new release, and browsers look on a
                // navigation only now and then: ask, so a new release is kept from this visit.
                let update = js_sys::Reflect::get(&registration, &"update".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call0(&registration).ok())
                    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
                if let Some(update) = update {
                    let _ = wasm_bindgen_futures::JsFuture::from(update).await;
                }
            });
        }
    };
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register();
    } else {
        let on_load = Closure::once_into_js(register);
        let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

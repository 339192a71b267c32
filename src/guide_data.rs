//! The guide (articles and the schedule, one `guide.json` made at build time) on the page.
//!
//! Fetched only when the guide or the plan is first opened, so the list a parent came for
//! never waits on it. Once read it is kept for the visit and on the phone: a grandparent
//! with a weak signal opens the article again from the phone's copy, after a reload too,
//! while a fresh copy is asked for in the background.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::guide::Guide;

use crate::i18n::*;
use crate::lang;
use crate::platform::saved;

/// Next to index.html, wherever the site is hosted.
const GUIDE_URL: &str = "guide.json";
/// Names the format: a copy saved by an older app that no longer reads is thrown away.
const SAVED_KEY: &str = "tuoyu.guide.v1";
const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Clone, Debug)]
pub enum GuideState {
    Loading,
    Ready(Arc<Guide>),
    Failed(GuideFailure),
}

/// Why the guide could not be read. Kept as a value and worded when drawn, since the state
/// outlives a change of the interface's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuideFailure {
    /// No answer from the network (or none in time).
    Offline,
    /// The server answered with this HTTP status.
    Http(u16),
    /// The download stopped half-way.
    CutOff,
    /// Not a guide this app can read.
    Format,
}

impl GuideFailure {
    pub fn message(self) -> String {
        let l = lang::current();
        match self {
            GuideFailure::Offline => td_string!(l, guide.error_offline).to_owned(),
            GuideFailure::Http(status) => td_string!(l, guide.error_http, status).to_string(),
            GuideFailure::CutOff => td_string!(l, guide.error_cut_off).to_owned(),
            GuideFailure::Format => td_string!(l, guide.error_format).to_owned(),
        }
    }
}

thread_local! {
    // Reference-counted rather than owned by a component: it outlives page changes.
    static STATE: ArcRwSignal<GuideState> = ArcRwSignal::new(GuideState::Loading);
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The guide's state; the first call starts loading it.
pub fn use_guide() -> ArcRwSignal<GuideState> {
    let state = STATE.with(Clone::clone);
    if !STARTED.with(|s| s.replace(true)) {
        load(state.clone());
    }
    state
}

/// Tries the network again after a failure.
pub fn retry_guide() {
    STARTED.with(|s| s.set(false));
    let _ = use_guide();
}

fn load(state: ArcRwSignal<GuideState>) {
    let saved_text = saved::get(SAVED_KEY);
    let saved_guide = saved_text
        .as_deref()
        .and_then(|text| serde_json::from_str::<Guide>(text).ok());
    let have_copy = saved_guide.is_some();
    state.set(match saved_guide {
        Some(guide) => GuideState::Ready(Arc::new(guide)),
        None => GuideState::Loading,
    });
    if saved_text.is_some() && !have_copy {
        saved::remove(SAVED_KEY);
    }
    spawn_local(async move {
        let fetched = fetch_text().await.and_then(|text| {
            serde_json::from_str::<Guide>(&text)
                .map(|guide| (text, guide))
                .map_err(|_| GuideFailure::Format)
        });
        match fetched {
            Ok((text, _)) if have_copy && saved_text.as_deref() == Some(text.as_str()) => {}
            Ok((text, guide)) => {
                saved::set(SAVED_KEY, &text);
                state.set(GuideState::Ready(Arc::new(guide)));
            }
            // The phone's copy is already on screen; it stays until the network is back.
            Err(_) if have_copy => {}
            Err(failure) => state.set(GuideState::Failed(failure)),
        }
    });
}

async fn fetch_text() -> Result<String, GuideFailure> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| set_timeout_with_handle(move || c.abort(), FETCH_TIMEOUT));
    let response = Request::get(GUIDE_URL)
        .abort_signal(signal.as_ref())
        .send()
        .await;
    let result = match response {
        Err(_) => Err(GuideFailure::Offline),
        Ok(r) if !r.ok() => Err(GuideFailure::Http(r.status())),
        Ok(r) => r.text().await.map_err(|_| GuideFailure::CutOff),
    };
    if let Some(Ok(timer)) = timer {
        timer.clear();
    }
    result
}

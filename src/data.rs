//! Getting the published dataset onto the page: the `data=` rule, the fetch with its time-out
//! and size limit, and the core's loader. Every failure is kept as a value ([`LoadFailure`]) and worded
//! where it is shown (views/status.rs), so it reads in the language of the moment.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::load::{load_dataset, FileError, Loaded, MAX_DATASET_BYTES};
use tuoyu_core::model::Date;
use tuoyu_core::source::{resolve_data_source, SourceRefusal};

use crate::offline;
use crate::route::use_address;

/// Long enough for a large file on a weak 3G signal, short enough that nobody stares at a
/// spinner forever.
const FETCH_TIMEOUT_MS: i32 = 30_000;

#[derive(Clone, Debug)]
pub enum DataState {
    Loading,
    Failed(LoadFailure),
    Ready(Arc<Loaded>),
}

/// Why the dataset cannot be shown.
#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// The link's `data=` is not a source this site loads.
    Refused(SourceRefusal),
    /// The file arrived but cannot be used.
    File(FileError),
    /// The network failed and no copy is kept on the phone.
    Network(NetworkProblem),
}

#[derive(Clone, Copy, Debug)]
pub enum NetworkProblem {
    Timeout,
    NoConnection,
    Http(u16),
    CutOff,
    /// Larger than [`MAX_DATASET_BYTES`]; the limit in MB.
    TooLarge {
        limit_mb: usize,
    },
}

/// The list on screen is the copy kept on the phone: when it was published and kept.
#[derive(Clone, Copy, Debug)]
pub struct OfflineCopy {
    pub published: Date,
    pub saved_on: Date,
}

#[derive(Clone, Copy)]
pub struct Dataset {
    pub state: RwSignal<DataState>,
    /// Set when the list on screen is the copy kept on the phone, not a fresh download.
    pub offline_copy: RwSignal<Option<OfflineCopy>>,
    retries: RwSignal<u32>,
}

impl Dataset {
    pub fn retry(&self) {
        self.retries.update(|n| *n += 1);
    }

    pub fn loaded(&self) -> Option<Arc<Loaded>> {
        match self.state.get() {
            DataState::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }
}

pub fn use_dataset() -> Dataset {
    expect_context::<Dataset>()
}

/// Origins a deployment allows for `data=` besides its own, fixed at build time
/// (`TUOYU_DATA_ORIGINS=https://a.example,https://b.example trunk build`).
fn allowed_origins() -> Vec<&'static str> {
    option_env!("TUOYU_DATA_ORIGINS")
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect()
}

pub fn provide_dataset() {
    let address = use_address();
    let dataset = Dataset {
        state: RwSignal::new(DataState::Loading),
        offline_copy: RwSignal::new(None),
        retries: RwSignal::new(0),
    };
    provide_context(dataset);

    // The address is checked against the dataset on screen, and only that one.
    let show = move |state: DataState| {
        address.check_against(match &state {
            DataState::Ready(loaded) => Some(loaded.clone()),
            _ => None,
        });
        dataset.state.set(state);
    };
    let source = Memo::new(move |_| address.query.with(|q| q.data.clone()));
    // Each load gets a number; an answer that arrives after a newer load began is dropped.
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        dataset.retries.track();
        let requested = source.get();
        generation.update_value(|g| *g += 1);
        let this_load = generation.get_value();
        let url = match resolve_data_source(requested.as_deref(), &allowed_origins()) {
            Ok(url) => url,
            Err(refusal) => {
                show(DataState::Failed(LoadFailure::Refused(refusal)));
                return;
            }
        };
        show(DataState::Loading);
        spawn_local(async move {
            let outcome = fetch_and_load(&url).await;
            if generation.get_value() != this_load {
                return;
            }
            let (state, offline) = match outcome {
                Ok(loaded) => (DataState::Ready(Arc::new(loaded)), None),
                // Only a network failure falls back: a broken file on the server is news the
                // publisher and the parent must see, not something to paper over.
                Err(Failure::Network(problem)) => match offline::last_good(&url) {
                    Some(copy) => {
                        let note = OfflineCopy {
                            published: copy.loaded.dataset.published,
                            saved_on: copy.saved_on,
                        };
                        (DataState::Ready(Arc::new(copy.loaded)), Some(note))
                    }
                    None => (DataState::Failed(LoadFailure::Network(problem)), None),
                },
                Err(Failure::Content(error)) => (DataState::Failed(LoadFailure::File(error)), None),
            };
            dataset.offline_copy.set(offline);
            show(state);
        });
    });
}

enum Failure {
    Network(NetworkProblem),
    Content(FileError),
}

async fn fetch_and_load(url: &str) -> Result<Loaded, Failure> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().map(|controller| {
        leptos::prelude::set_timeout_with_handle(
            move || controller.abort(),
            std::time::Duration::from_millis(FETCH_TIMEOUT_MS as u64),
        )
    });
    let result = fetch_bytes(url, signal.as_ref()).await;
    if let Some(Ok(timer)) = timer {
        timer.clear();
    }
    let bytes = result.map_err(Failure::Network)?;
    let loaded = load_dataset(&bytes).map_err(Failure::Content)?;
    offline::keep(url, &bytes);
    Ok(loaded)
}

async fn fetch_bytes(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Vec<u8>, NetworkProblem> {
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| {
            if signal.is_some_and(|s| s.aborted()) {
                NetworkProblem::Timeout
            } else {
                NetworkProblem::NoConnection
            }
        })?;
    if !response.ok() {
        return Err(NetworkProblem::Http(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_DATASET_BYTES) {
        return Err(too_large());
    }
    let bytes = response
        .binary()
        .await
        .map_err(|_| NetworkProblem::CutOff)?;
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> NetworkProblem {
    NetworkProblem::TooLarge {
        limit_mb: MAX_DATASET_BYTES / 1024 / 1024,
    }
}

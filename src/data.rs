//! Getting the published dataset onto the page: the `data=` rule, the fetch with its time-out
//! and size limit, and the core's loader. Every failure is kept as a value ([`LoadFailure`]) and worded
//! where it is shown (views/status.rs), so it reads in the language of the moment.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use gloo_net::http::{Request, Response};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::load::{load_dataset, FileError, Loaded, MAX_DATASET_BYTES};
use tuoyu_core::model::Date;
use tuoyu_core::source::{resolve_data_source, SourceRefusal};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
    /// The file is larger than [`MAX_DATASET_BYTES`] (said by its size header, or found while
    /// it arrives): the file's fault, not the network's, so no copy on the phone stands in.
    TooLarge { limit_mb: usize },
    /// The loader stopped without an answer (a trap in the WebAssembly): the file could not
    /// be read, and the parent is told so instead of waiting for ever.
    LoaderFailed,
    /// The network failed and no copy is kept on the phone.
    Network(NetworkProblem),
}

#[derive(Clone, Copy, Debug)]
pub enum NetworkProblem {
    Timeout,
    NoConnection,
    Http(u16),
    CutOff,
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
            let current = move || generation.get_value() == this_load;
            let outcome = fetch_and_load(&url, dataset.state, current).await;
            if !current() {
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
                Err(Failure::Content(failure)) => (DataState::Failed(failure), None),
            };
            dataset.offline_copy.set(offline);
            show(state);
        });
    });
}

enum Failure {
    Network(NetworkProblem),
    /// Anything else: what arrived cannot be shown.
    Content(LoadFailure),
}

async fn fetch_and_load(
    url: &str,
    state: RwSignal<DataState>,
    current: impl Fn() -> bool + 'static,
) -> Result<Loaded, Failure> {
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
    let bytes = result?;
    let loaded = load_watched(&bytes, state, current)?;
    offline::keep(url, &bytes);
    Ok(loaded)
}

/// The core's loader, watched: a trap inside it ends this task without a word, so a timer
/// set before it runs next and, finding it never finished, says the file cannot be read.
fn load_watched(
    bytes: &[u8],
    state: RwSignal<DataState>,
    current: impl Fn() -> bool + 'static,
) -> Result<Loaded, Failure> {
    let finished = Rc::new(Cell::new(false));
    let watch = finished.clone();
    set_timeout(
        move || {
            if !watch.get() && current() {
                state.set(DataState::Failed(LoadFailure::LoaderFailed));
            }
        },
        std::time::Duration::ZERO,
    );
    let loaded = load_dataset(bytes).map_err(|e| Failure::Content(LoadFailure::File(e)));
    finished.set(true);
    loaded
}

async fn fetch_bytes(url: &str, signal: Option<&web_sys::AbortSignal>) -> Result<Vec<u8>, Failure> {
    // After an abort every step fails; the time-out is the reason, whatever step it hit.
    let why = |otherwise: NetworkProblem| {
        Failure::Network(if signal.is_some_and(|s| s.aborted()) {
            NetworkProblem::Timeout
        } else {
            otherwise
        })
    };
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| why(NetworkProblem::NoConnection))?;
    if !response.ok() {
        return Err(Failure::Network(NetworkProblem::Http(response.status())));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_DATASET_BYTES) {
        return Err(too_large());
    }
    read_body(&response, declared.unwrap_or(0))
        .await
        .map_err(|problem| problem.unwrap_or_else(|| why(NetworkProblem::CutOff)))
}

/// The body chunk by chunk, stopping once it passes [`MAX_DATASET_BYTES`]: a body sent
/// without a size (2.5 GB, say) is refused as too large, instead of being buffered whole until
/// the phone gives up and the parent is told the download was cut off. `Err(None)`: reading
/// failed.
async fn read_body(response: &Response, declared: usize) -> Result<Vec<u8>, Option<Failure>> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.min(MAX_DATASET_BYTES));
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        let done = Reflect::get(&step, &"done".into()).map_err(|_| None)?;
        if done.as_bool() != Some(false) {
            return Ok(bytes);
        }
        let chunk: Uint8Array = Reflect::get(&step, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(None)?;
        let start = bytes.len();
        let end = start + chunk.length() as usize;
        if end > MAX_DATASET_BYTES {
            let _ = reader.cancel();
            return Err(Some(too_large()));
        }
        bytes.resize(end, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}

fn too_large() -> Failure {
    Failure::Content(LoadFailure::TooLarge {
        limit_mb: MAX_DATASET_BYTES / 1024 / 1024,
    })
}

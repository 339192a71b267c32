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
use tuoyu_core::catalogue::{is_catalogue, load_catalogue, CatalogueError};
use tuoyu_core::load::{load_dataset, FileError, Loaded, MAX_DATASET_BYTES};
use tuoyu_core::model::Date;
use tuoyu_core::source::{resolve_data_source, SourceRefusal};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::offline;
use crate::route::use_address;
use crate::scope;

/// Long enough for a large file on a weak 3G signal, short enough that nobody stares at a
/// spinner forever.
const FETCH_TIMEOUT_MS: i32 = 30_000;

#[derive(Clone, Debug)]
pub enum DataState {
    Loading,
    Failed(LoadFailure),
    Ready(Arc<Loaded>),
    /// A catalogue, and nothing in the address says which part of it: the parent picks.
    Choose(Arc<scope::Choice>),
}

/// Why the dataset cannot be shown.
#[derive(Clone, Debug)]
pub enum LoadFailure {
    /// The link's `data=` is not a source this site loads.
    Refused(SourceRefusal),
    /// The file arrived but cannot be used.
    File(FileError),
    /// The catalogue arrived but cannot be used.
    Catalogue(CatalogueError),
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
    /// With a catalogue: the files the list is made of (`None` for a single dataset).
    pub scope: RwSignal<Option<Arc<scope::ScopeInfo>>>,
    retries: RwSignal<u32>,
}

impl Dataset {
    pub fn retry(&self) {
        self.retries.update(|n| *n += 1);
    }

    /// The district (a catalogue's entry code) the list's `index`-th institution came from.
    pub fn district_of(&self, index: usize) -> Option<String> {
        self.scope
            .with_untracked(|s| s.as_ref()?.district_of(index))
    }

    /// [`Self::district_of`] the institution with this id.
    pub fn district_for(&self, id: &str) -> Option<String> {
        let loaded = self.state.with_untracked(|s| match s {
            DataState::Ready(loaded) => Some(loaded.clone()),
            _ => None,
        })?;
        let index = loaded
            .dataset
            .institutions
            .iter()
            .position(|i| i.id == id)?;
        self.district_of(index)
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
pub(crate) fn allowed_origins() -> Vec<&'static str> {
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
        scope: RwSignal::new(None),
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
    // The file named and, for a catalogue, the scope asked of it: a filter change that leaves
    // both alone fetches nothing.
    let source = Memo::new(move |_| address.query.with(|q| (q.data.clone(), scope::wants(q))));
    // Each load gets a number; an answer that arrives after a newer load began is dropped.
    let generation = StoredValue::new(0u32);
    let seen_retries = StoredValue::new(0u32);
    Effect::new(move |_| {
        let retries = dataset.retries.get();
        let (requested, wants) = source.get();
        generation.update_value(|g| *g += 1);
        let this_load = generation.get_value();
        if seen_retries.get_value() != retries {
            seen_retries.set_value(retries);
            scope::forget_fetched();
        }
        let url = match resolve_data_source(requested.as_deref(), &allowed_origins()) {
            Ok(url) => url,
            Err(refusal) => {
                dataset.scope.set(None);
                show(DataState::Failed(LoadFailure::Refused(refusal)));
                return;
            }
        };
        spawn_local(async move {
            let current = move || generation.get_value() == this_load;
            let root = match scope::root_for(&url) {
                Some(root) => root,
                None => {
                    show(DataState::Loading);
                    let root = open_root(&url, dataset.state, current).await;
                    if !current() {
                        return;
                    }
                    match root {
                        Ok(root) => root,
                        Err(failure) => {
                            dataset.offline_copy.set(None);
                            dataset.scope.set(None);
                            show(DataState::Failed(failure));
                            return;
                        }
                    }
                }
            };
            match root {
                scope::Root::Dataset(loaded, offline) => {
                    let same = matches!(dataset.state.get_untracked(),
                        DataState::Ready(ref on) if Arc::ptr_eq(on, &loaded));
                    if !same {
                        dataset.scope.set(None);
                        dataset.offline_copy.set(offline);
                        show(DataState::Ready(loaded));
                    }
                }
                scope::Root::Catalogue(catalogue) => {
                    let Some(wants) = wants else {
                        dataset.scope.set(None);
                        dataset.offline_copy.set(None);
                        show(DataState::Choose(scope::Choice::new(&url, catalogue)));
                        return;
                    };
                    let shown = dataset.scope.get_untracked();
                    let opened = scope::open(&url, catalogue, &wants, shown, dataset.state).await;
                    if !current() {
                        return;
                    }
                    // The same files as on screen: the list stays as it is.
                    if let Some((info, loaded)) = opened {
                        dataset.offline_copy.set(info.offline_copy());
                        dataset.scope.set(Some(info));
                        show(DataState::Ready(loaded));
                    }
                }
            }
        });
    });
}

/// The file the address names, fetched and read: a catalogue or a dataset. Only a network
/// failure falls back to the copy kept on the phone: a broken file on the server is news the
/// publisher and the parent must see, not something to paper over.
async fn open_root(
    url: &str,
    state: RwSignal<DataState>,
    current: impl Fn() -> bool + 'static,
) -> Result<scope::Root, LoadFailure> {
    let (bytes, kept_on, network) = match fetch_timed(url).await {
        Ok(bytes) => (bytes, None, None),
        Err(Failure::Network(problem)) => match offline::kept(url) {
            Some((body, saved_on)) => (body.into_bytes(), Some(saved_on), Some(problem)),
            None => return Err(LoadFailure::Network(problem)),
        },
        Err(Failure::Content(failure)) => return Err(failure),
    };
    // A kept copy that no longer reads (an older app's) stands in for nothing: the parent is
    // told of the network instead.
    let unusable = |failure| network.map_or(failure, LoadFailure::Network);
    let root = if is_catalogue(&bytes) {
        let catalogue = load_catalogue(&bytes, url, &allowed_origins());
        let catalogue = catalogue.map_err(|e| unusable(LoadFailure::Catalogue(e)))?;
        scope::Root::Catalogue(Arc::new(catalogue))
    } else {
        let loaded = load_watched(&bytes, state, current).map_err(|f| match f {
            Failure::Content(failure) => unusable(failure),
            Failure::Network(problem) => LoadFailure::Network(problem),
        })?;
        let offline = kept_on.map(|saved_on| OfflineCopy {
            published: loaded.dataset.published,
            saved_on,
        });
        scope::Root::Dataset(Arc::new(loaded), offline)
    };
    if kept_on.is_none() {
        offline::keep(url, &bytes);
    }
    scope::remember_root(url, &root);
    Ok(root)
}

pub(crate) enum Failure {
    Network(NetworkProblem),
    /// Anything else: what arrived cannot be shown.
    Content(LoadFailure),
}

/// The file at `url`, with the time-out and the size limit.
pub(crate) async fn fetch_timed(url: &str) -> Result<Vec<u8>, Failure> {
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
    result
}

/// The core's loader, watched: a trap inside it ends this task without a word, so a timer
/// set before it runs next and, finding it never finished, says the file cannot be read.
pub(crate) fn load_watched(
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

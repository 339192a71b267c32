//! A catalogue on the page (`catalogue-v1.md`): from what the address asks, the catalogues to
//! descend through and the district files of the scope, fetched in parallel and merged into
//! the one list every view reads. The rules (which files, the box test, repeated ids) are the
//! core's (`tuoyu_core::catalogue`); this side fetches, keeps copies, and says what failed.
//!
//! Only the scope's files are held: the catalogues fetched in this visit (a few kilobytes
//! each) and the merged list, so memory follows the scope, not the catalogue.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::join_all;
use leptos::prelude::*;
use tuoyu_core::catalogue::merge::{check_box, merge, source_of, OutsideBox, Source};
use tuoyu_core::catalogue::scope::{plan, DatasetRef, Fetched, Plan, TreeProblem, Want};
use tuoyu_core::catalogue::{district_of_id, load_catalogue, Catalogue, CatalogueError};
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{Date, Region};
use tuoyu_core::query::FinderQuery;

use crate::data::{
    allowed_origins, fetch_timed, load_watched, DataState, Failure, LoadFailure, OfflineCopy,
};
use crate::offline;
use crate::platform::saved;

/// The file the address names, as read.
#[derive(Clone)]
pub enum Root {
    Dataset(Arc<Loaded>, Option<OfflineCopy>),
    Catalogue(Arc<Catalogue>),
}

#[derive(Clone)]
enum Fetch {
    Ready(Arc<Catalogue>, Rc<Vec<u8>>),
    Failed(FileProblem),
}

thread_local! {
    // The address's file, so a filter change that keeps it fetches nothing.
    static ROOT: RefCell<Option<(String, Root)>> = const { RefCell::new(None) };
    // Catalogues below it fetched in this visit, by address (their failures too, so the walk
    // passes over them until the parent retries).
    static CATALOGUES: RefCell<HashMap<String, Fetch>> = RefCell::new(HashMap::new());
}

pub fn root_for(url: &str) -> Option<Root> {
    ROOT.with_borrow(|r| {
        r.as_ref()
            .filter(|(u, _)| u == url)
            .map(|(_, root)| root.clone())
    })
}

pub fn remember_root(url: &str, root: &Root) {
    ROOT.set(Some((url.to_owned(), root.clone())));
}

/// "Try again": every file is fetched anew.
pub fn forget_fetched() {
    ROOT.set(None);
    CATALOGUES.with_borrow_mut(HashMap::clear);
}

/// Why one file of a scope is not in the list.
#[derive(Clone, Debug)]
pub enum FileProblem {
    Load(LoadFailure),
    Catalogue(CatalogueError),
    Tree(TreeProblem),
    OutsideBox(OutsideBox),
    /// `region=` names a code the catalogue does not list.
    NotListed,
}

#[derive(Clone, Debug)]
pub struct FileFailure {
    pub code: String,
    pub name: String,
    pub problem: FileProblem,
}

/// How the scope was chosen, for the line that says what the list covers.
#[derive(Clone, Debug, PartialEq)]
pub enum How {
    Region {
        code: String,
        name: String,
    },
    Within,
    /// `near` alone; `parent` is the region to widen to (`code`, `name`).
    Holding {
        parent: Option<(String, String)>,
    },
    /// The districts of the ids a link names (`compare=`, `id=` without `region=`).
    Ids,
}

/// The files a catalogue's list is made of.
#[derive(Debug)]
pub struct ScopeInfo {
    pub sources: Vec<Source>,
    /// For each source, the day its copy was kept when the list shows a copy.
    pub saved_on: Vec<Option<Date>>,
    pub failures: Vec<FileFailure>,
    pub how: How,
    /// The dataset addresses asked for: another scope with the same ones fetches nothing.
    urls: Vec<String>,
}

impl ScopeInfo {
    pub fn district_of(&self, index: usize) -> Option<String> {
        source_of(&self.sources, index).map(|s| s.entry.code.clone())
    }

    /// When some files are copies kept on the phone: the newest publication among them and
    /// the oldest day one was kept.
    pub fn offline_copy(&self) -> Option<OfflineCopy> {
        let copies = self.sources.iter().zip(&self.saved_on);
        let copies: Vec<(Date, Date)> = copies
            .filter_map(|(s, kept)| kept.map(|k| (s.published, k)))
            .collect();
        Some(OfflineCopy {
            published: copies.iter().map(|c| c.0).max()?,
            saved_on: copies.iter().map(|c| c.1).min()?,
        })
    }
}

/// The scope the address asks of a catalogue, in the spec's order; `None`: the parent picks.
pub fn wants(q: &FinderQuery) -> Option<Vec<Want>> {
    if let Some(code) = &q.region {
        return Some(vec![Want::Region(code.clone())]);
    }
    match (q.filter.near, q.filter.radius_m) {
        (Some(near), Some(radius_m)) => return Some(vec![Want::Within { near, radius_m }]),
        (Some(near), None) => return Some(vec![Want::Holding(near)]),
        _ => {}
    }
    let mut codes: Vec<Want> = Vec::new();
    for id in q.id.iter().chain(&q.compare) {
        if let Some(code) = district_of_id(id) {
            let want = Want::Region(code.to_owned());
            if !codes.contains(&want) {
                codes.push(want);
            }
        }
    }
    (!codes.is_empty()).then_some(codes)
}

/// A file of the scope, or the copy kept of it when the network fails (with its day).
async fn fetch_kept(url: &str) -> Result<(Vec<u8>, Option<Date>), FileProblem> {
    match fetch_timed(url).await {
        Ok(bytes) => Ok((bytes, None)),
        Err(Failure::Network(problem)) => offline::kept(url)
            .map(|(body, day)| (body.into_bytes(), Some(day)))
            .ok_or(FileProblem::Load(LoadFailure::Network(problem))),
        Err(Failure::Content(failure)) => Err(FileProblem::Load(failure)),
    }
}

async fn fetch_catalogue(url: String) -> (String, Fetch) {
    let fetch = match fetch_kept(&url).await {
        Ok((bytes, _)) => match load_catalogue(&bytes, &url, &allowed_origins()) {
            Ok(c) => Fetch::Ready(Arc::new(c), Rc::new(bytes)),
            Err(e) => Fetch::Failed(FileProblem::Catalogue(e)),
        },
        Err(problem) => Fetch::Failed(problem),
    };
    (url, fetch)
}

/// A catalogue below the root, from this visit's or fetched now: for the picker.
pub async fn catalogue_at(url: String) -> Result<Arc<Catalogue>, FileProblem> {
    let known = CATALOGUES.with_borrow(|c| c.get(&url).cloned());
    let fetch = match known {
        Some(fetch) => fetch,
        None => {
            let (url, fetch) = fetch_catalogue(url).await;
            CATALOGUES.with_borrow_mut(|c| c.insert(url, fetch.clone()));
            fetch
        }
    };
    match fetch {
        Fetch::Ready(c, _) => Ok(c),
        Fetch::Failed(problem) => Err(problem),
    }
}

fn plans(root_url: &str, root: &Catalogue, wants: &[Want]) -> Vec<Plan> {
    let allowed = allowed_origins();
    CATALOGUES.with_borrow(|known| {
        let lookup = |u: &str| match known.get(u) {
            None => Fetched::Not,
            Some(Fetch::Ready(c, _)) => Fetched::Ready(c),
            Some(Fetch::Failed(_)) => Fetched::Failed,
        };
        let plan_for = |w: &Want| plan(root_url, root, w, lookup, &allowed);
        wants.iter().map(plan_for).collect()
    })
}

/// The name of a district (an entry of the root or of a catalogue fetched in this visit), for
/// a star outside the scope; `None` when no catalogue fetched so far lists it.
pub fn district_name(code: &str) -> Option<String> {
    ROOT.with_borrow(|r| match r {
        Some((_, Root::Catalogue(root))) => known_name(root, code),
        _ => None,
    })
}

/// The name of the region with `code`: the root's, a fetched catalogue's, or an entry's.
fn region_name(root: &Catalogue, code: &str, datasets: &[DatasetRef]) -> String {
    known_name(root, code)
        .or_else(|| {
            datasets
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.name.clone())
        })
        .unwrap_or_else(|| code.to_owned())
}

/// What the catalogues known in this visit call `code`: the root's own region, a fetched
/// catalogue's region, or an entry of either.
fn known_name(root: &Catalogue, code: &str) -> Option<String> {
    if root.region.code == code {
        return Some(root.region.name.clone());
    }
    let fetched = CATALOGUES.with_borrow(|c| {
        c.values().find_map(|f| match f {
            Fetch::Ready(c, _) if c.region.code == code => Some(c.region.name.clone()),
            Fetch::Ready(c, _) => c.entry(code).map(|e| e.name.clone()),
            Fetch::Failed(_) => None,
        })
    });
    fetched.or_else(|| root.entry(code).map(|e| e.name.clone()))
}

/// The scope `wants` of the catalogue at `root_url`: its files fetched and merged, or `None`
/// when they are the files `shown` already holds.
pub async fn open(
    root_url: &str,
    root: Arc<Catalogue>,
    wants: &[Want],
    shown: Option<Arc<ScopeInfo>>,
    state: RwSignal<DataState>,
) -> Option<(Arc<ScopeInfo>, Arc<Loaded>)> {
    // Down the tree, one level of catalogues at a time, each level's files in parallel.
    let plans = loop {
        let plans = plans(root_url, &root, wants);
        let mut wanted: Vec<String> = Vec::new();
        for url in plans.iter().flat_map(|p| &p.fetch) {
            if !wanted.contains(url) {
                wanted.push(url.clone());
            }
        }
        if wanted.is_empty() {
            break plans;
        }
        let got = join_all(wanted.into_iter().map(fetch_catalogue)).await;
        CATALOGUES.with_borrow_mut(|c| c.extend(got));
    };
    let mut failures = Vec::new();
    let mut datasets: Vec<DatasetRef> = Vec::new();
    for p in plans {
        for d in p.datasets {
            if !datasets.iter().any(|x| x.url == d.url) {
                datasets.push(d);
            }
        }
        for r in p.refused {
            let problem = FileProblem::Tree(r.problem);
            failures.push(FileFailure {
                code: r.code,
                name: r.name,
                problem,
            });
        }
        for f in p.failed {
            let problem = CATALOGUES.with_borrow(|c| match c.get(&f.url) {
                Some(Fetch::Failed(problem)) => Some(problem.clone()),
                _ => None,
            });
            if let Some(problem) = problem {
                failures.push(FileFailure {
                    code: f.code,
                    name: f.name,
                    problem,
                });
            }
        }
    }
    let urls: Vec<String> = datasets.iter().map(|d| d.url.clone()).collect();
    if shown.is_some_and(|s| s.urls == urls && s.failures.is_empty() && failures.is_empty()) {
        return None;
    }
    let how = match wants {
        [Want::Region(code)] => How::Region {
            code: code.clone(),
            name: region_name(&root, code, &datasets),
        },
        [Want::Within { .. }] => How::Within,
        [Want::Holding(_)] => How::Holding {
            parent: datasets.first().map(|d| d.parent.clone()),
        },
        _ => How::Ids,
    };
    if datasets.is_empty() && failures.is_empty() {
        if let How::Region { code, name } = &how {
            let (code, name) = (code.clone(), name.clone());
            failures.push(FileFailure {
                code,
                name,
                problem: FileProblem::NotListed,
            });
        }
    }

    let fetched = join_all(datasets.iter().map(|d| fetch_kept(&d.url))).await;
    let mut parts = Vec::with_capacity(datasets.len());
    let mut saved_on = Vec::new();
    let mut keep: Vec<(String, Vec<u8>)> = CATALOGUES.with_borrow(|c| {
        let ready = c.iter().filter_map(|(u, f)| match f {
            Fetch::Ready(_, bytes) => Some((u.clone(), bytes.to_vec())),
            Fetch::Failed(_) => None,
        });
        ready.collect()
    });
    for (d, got) in datasets.into_iter().zip(fetched) {
        let read = got.and_then(|(bytes, day)| {
            let loaded = load_watched(&bytes, state, || true).map_err(|f| match f {
                Failure::Content(failure) => FileProblem::Load(failure),
                Failure::Network(problem) => FileProblem::Load(LoadFailure::Network(problem)),
            })?;
            check_box(&d, &loaded.dataset).map_err(FileProblem::OutsideBox)?;
            Ok((loaded, bytes, day))
        });
        match read {
            Ok((loaded, bytes, day)) => {
                keep.push((d.url.clone(), bytes));
                saved_on.push(day);
                parts.push((d, loaded));
            }
            Err(problem) => failures.push(FileFailure {
                code: d.code,
                name: d.name,
                problem,
            }),
        }
    }
    let center = parts
        .first()
        .map_or(root.region.center, |(_, l)| l.dataset.region.center);
    let (code, name) = match &how {
        How::Region { code, name } => (code.clone(), name.clone()),
        _ => (root.region.code.clone(), root.region.name.clone()),
    };
    let region = Region {
        code: code.clone(),
        name: name.clone(),
        center,
        areas: Vec::new(),
    };
    let merged = merge(parts, region, root.crs);
    offline::keep_scope(&keep);
    if matches!(how, How::Region { .. }) && failures.is_empty() {
        remember_choice(root_url, &code, &name);
    }
    let info = ScopeInfo {
        sources: merged.sources,
        saved_on,
        failures,
        how,
        urls,
    };
    Some((Arc::new(info), Arc::new(merged.loaded)))
}

/// The picker's start: the catalogue the address names.
#[derive(Debug)]
pub struct Choice {
    pub root_url: String,
    pub root: Arc<Catalogue>,
}

impl Choice {
    pub fn new(root_url: &str, root: Arc<Catalogue>) -> Arc<Choice> {
        Arc::new(Choice {
            root_url: root_url.to_owned(),
            root,
        })
    }
}

fn choice_key(root_url: &str) -> String {
    format!("tuoyu.region.v1:{root_url}")
}

fn remember_choice(root_url: &str, code: &str, name: &str) {
    if let Ok(text) = serde_json::to_string(&(code, name)) {
        saved::set(&choice_key(root_url), &text);
    }
}

/// The region last picked from this catalogue on this phone (`code`, `name`).
pub fn last_choice(root_url: &str) -> Option<(String, String)> {
    serde_json::from_str(&saved::get(&choice_key(root_url))?).ok()
}

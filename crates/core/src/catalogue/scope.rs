//! Which files a scope needs (`catalogue-v1.md`, "What the app shows from a catalogue"): from
//! the catalogue tree as far as it is fetched, the catalogues to fetch next and the datasets
//! that form the scope, in the tree's order (which is the order the merged list keeps).
//!
//! Called again after each fetch until nothing is left to fetch; each call walks only the
//! fetched part of the tree, so a scope costs the catalogues it descends through, never the
//! rest.

use super::{resolve_entry_url, BBox, Catalogue, Entry, EntryKind, MAX_DEPTH};
use crate::coords::wgs84_to;
use crate::distance::distance_m;
use crate::model::{Crs, Date, LatLng};
use crate::source::SourceRefusal;

/// What the parent asked for, in the order the spec ranks them.
#[derive(Debug, Clone, PartialEq)]
pub enum Want {
    /// `region=`: everything under the entry with this code, at any level.
    Region(String),
    /// `near` (WGS-84) with `radius`: every dataset whose box comes within the radius.
    Within { near: LatLng, radius_m: u32 },
    /// `near` alone: the datasets whose boxes hold the point, else the nearest box.
    Holding(LatLng),
}

/// What is known of a catalogue's address so far.
pub enum Fetched<'a> {
    /// Not asked for yet, or still on its way.
    Not,
    Ready(&'a Catalogue),
    /// It failed (the caller names why); what lies under it is left out.
    Failed,
}

/// A dataset of the scope.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetRef {
    pub code: String,
    pub name: String,
    /// The address to fetch (resolved, through the `data=` rule).
    pub url: String,
    /// In `crs`.
    pub bbox: BBox,
    /// The system of `bbox`: that of the catalogue listing it.
    pub crs: Crs,
    pub count: u32,
    pub published: Date,
    /// The region of the catalogue listing it (`code`, `name`): where "widen" leads.
    pub parent: (String, String),
}

/// A catalogue entry the walk would not follow.
#[derive(Debug, Clone, PartialEq)]
pub enum TreeProblem {
    /// It leads back to a catalogue above it.
    Cycle,
    /// It lies more than [`MAX_DEPTH`] levels below the catalogue opened.
    TooDeep,
    Refused(SourceRefusal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub code: String,
    pub name: String,
    pub problem: TreeProblem,
}

/// A catalogue entry of the scope whose file failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub code: String,
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Catalogue addresses to fetch next (the scope is not known in full until they come).
    pub fetch: Vec<String>,
    /// The datasets of the scope found so far, in the tree's order, each once.
    pub datasets: Vec<DatasetRef>,
    /// Entries of the scope left out, with why.
    pub refused: Vec<Refused>,
    /// Catalogues of the scope that failed (the caller knows why, by `url`).
    pub failed: Vec<Failed>,
}

impl Plan {
    /// Everything the scope needs is fetched (or failed): no further catalogue to wait for.
    pub fn is_settled(&self) -> bool {
        self.fetch.is_empty()
    }
}

/// Beyond the radius, a box is still taken this close: the box's distance is measured from
/// the nearest point along each axis, a hair (well under a metre) more than the true one, and
/// a dataset in another coordinate system than its catalogue measures distances in its own.
/// Taking one file too many costs a fetch; missing one would lose institutions.
pub fn box_slack_m(radius_m: u32) -> f64 {
    20.0 + f64::from(radius_m) / 100.0
}

/// Metres from `p` to the box (0 inside), both in the same system.
pub fn box_distance_m(bbox: &BBox, p: LatLng) -> f64 {
    distance_m(p, bbox.clamp(p))
}

/// Whether an admin code may lie under an entry: `440000` holds `44….`, `441600` holds
/// `4416..`, `000000` holds all.
pub fn code_under(code: &str, entry_code: &str) -> bool {
    let mut prefix = entry_code;
    while let Some(shorter) = prefix.strip_suffix("00") {
        prefix = shorter;
    }
    code.starts_with(prefix)
}

struct Walk<'a, F> {
    fetched: F,
    allowed: &'a [&'a str],
    plan: Plan,
}

impl<'a, F: Fn(&str) -> Fetched<'a>> Walk<'a, F> {
    /// Every dataset under `url` (a catalogue), or `entry` itself when it is a dataset.
    fn visit(
        &mut self,
        url: &str,
        entry: &Entry,
        from: &Catalogue,
        chain: &[String],
        pick: PickFn<'_>,
    ) {
        match entry.kind {
            EntryKind::Dataset => {
                if !self.plan.datasets.iter().any(|d| d.url == url) {
                    self.plan.datasets.push(DatasetRef {
                        code: entry.code.clone(),
                        name: entry.name.clone(),
                        url: url.to_owned(),
                        bbox: entry.bbox,
                        crs: from.crs,
                        count: entry.count,
                        published: entry.published,
                        parent: (from.region.code.clone(), from.region.name.clone()),
                    })
                }
            }
            EntryKind::Catalogue => {
                let refuse = |problem| Refused {
                    code: entry.code.clone(),
                    name: entry.name.clone(),
                    problem,
                };
                if chain.iter().any(|c| c == url) {
                    self.plan.refused.push(refuse(TreeProblem::Cycle));
                } else if chain.len() >= MAX_DEPTH {
                    self.plan.refused.push(refuse(TreeProblem::TooDeep));
                } else {
                    match (self.fetched)(url) {
                        Fetched::Not => {
                            if !self.plan.fetch.iter().any(|f| f == url) {
                                self.plan.fetch.push(url.to_owned());
                            }
                        }
                        Fetched::Failed => self.plan.failed.push(Failed {
                            code: entry.code.clone(),
                            name: entry.name.clone(),
                            url: url.to_owned(),
                        }),
                        Fetched::Ready(c) => {
                            let mut chain = chain.to_vec();
                            chain.push(url.to_owned());
                            self.walk(c, &chain, pick);
                        }
                    }
                }
            }
        }
    }

    /// The entries of `catalogue` that `pick` takes, each visited with what it asks below.
    fn walk(&mut self, catalogue: &Catalogue, chain: &[String], pick: PickFn<'_>) {
        let own_url = chain.last().map_or("", String::as_str);
        let picks = pick(catalogue);
        for (entry, p) in catalogue.entries.iter().zip(picks) {
            if p == Pick::No {
                continue;
            }
            let url = match resolve_entry_url(own_url, &entry.url, self.allowed) {
                Ok(url) => url,
                Err(refusal) => {
                    self.plan.refused.push(Refused {
                        code: entry.code.clone(),
                        name: entry.name.clone(),
                        problem: TreeProblem::Refused(refusal),
                    });
                    continue;
                }
            };
            let below: PickFn<'_> = if p == Pick::All { &all } else { pick };
            self.visit(&url, entry, catalogue, chain, below);
        }
    }
}

/// For each entry of a catalogue, in order, whether the walk takes it.
type PickFn<'p> = &'p dyn Fn(&Catalogue) -> Vec<Pick>;

fn all(c: &Catalogue) -> Vec<Pick> {
    vec![Pick::All; c.entries.len()]
}

/// Each entry taken when `take` says so, with the same question asked below it.
fn ask_each(c: &Catalogue, take: impl Fn(&Entry) -> bool) -> Vec<Pick> {
    let ask = |e| if take(e) { Pick::Ask } else { Pick::No };
    c.entries.iter().map(ask).collect()
}

/// Whether a walk takes an entry, and what it takes below it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    No,
    /// Everything under it.
    All,
    /// Below it, the same question again.
    Ask,
}

/// The files the scope `want` needs, from the catalogue at `root_url` (fetched as `root`),
/// with `fetched` telling what is known of every other catalogue address.
pub fn plan<'a>(
    root_url: &str,
    root: &'a Catalogue,
    want: &Want,
    fetched: impl Fn(&str) -> Fetched<'a>,
    allowed_origins: &'a [&'a str],
) -> Plan {
    let mut walk = Walk {
        fetched,
        allowed: allowed_origins,
        plan: Plan::default(),
    };
    let chain = [root_url.to_owned()];
    match want {
        Want::Region(code) => walk.walk(root, &chain, &|c: &Catalogue| {
            // The catalogue of the region itself: the root, or one that an entry of a
            // region with this single part points to (`tuoyu-publish bundle` leaves out a
            // level of one entry, 重庆市 → its one 市辖区, so a phone fetches one file less).
            if c.region.code == *code {
                return all(c);
            }
            let pick = |e: &Entry| {
                if e.code == *code {
                    Pick::All
                } else if e.kind == EntryKind::Catalogue && code_under(code, &e.code) {
                    Pick::Ask
                } else {
                    Pick::No
                }
            };
            c.entries.iter().map(pick).collect()
        }),
        Want::Within { near, radius_m } => {
            let reach = f64::from(*radius_m) + box_slack_m(*radius_m);
            walk.walk(root, &chain, &|c: &Catalogue| {
                let p = wgs84_to(*near, c.crs);
                ask_each(c, |e| box_distance_m(&e.bbox, p) <= reach)
            })
        }
        Want::Holding(near) => walk.walk(root, &chain, &|c: &Catalogue| {
            let p = wgs84_to(*near, c.crs);
            if c.entries.iter().any(|e| e.bbox.contains(p)) {
                return ask_each(c, |e| e.bbox.contains(p));
            }
            // None holds the point: the nearest box (the first of equals).
            let d = |e: &Entry| box_distance_m(&e.bbox, p);
            let nearest = c.entries.iter().map(d).enumerate();
            let nearest = nearest.min_by(|a, b| a.1.total_cmp(&b.1)).map(|(i, _)| i);
            (0..c.entries.len())
                .map(|i| {
                    if Some(i) == nearest {
                        Pick::Ask
                    } else {
                        Pick::No
                    }
                })
                .collect()
        }),
    }
    if let Want::Holding(near) = want {
        keep_holding_or_nearest(&mut walk.plan.datasets, *near);
    }
    walk.plan
}

/// Of the datasets a point-alone walk reached, those whose boxes hold the point; when none
/// does, the one nearest (the walk took the nearest box of each level it went down, which
/// may be several across branches). A box holding the point lies in boxes holding it at
/// every level above, so the walk found every one.
fn keep_holding_or_nearest(datasets: &mut Vec<DatasetRef>, near: LatLng) {
    let holds = |d: &DatasetRef| d.bbox.contains(wgs84_to(near, d.crs));
    if datasets.iter().any(holds) {
        datasets.retain(holds);
    } else {
        let d = |r: &DatasetRef| box_distance_m(&r.bbox, wgs84_to(near, r.crs));
        let nearest = datasets.iter().map(d).enumerate();
        if let Some((i, _)) = nearest.min_by(|a, b| a.1.total_cmp(&b.1)) {
            let keep = datasets.swap_remove(i);
            *datasets = vec![keep];
        }
    }
}

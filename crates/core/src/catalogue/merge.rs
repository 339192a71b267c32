//! A scope's datasets as one list: the same institutions, count and order as loading every
//! file of the catalogue and keeping the ones in scope. Files come in the tree's order and
//! records in file order, so every (stable) sort of the finder orders ties as one big file
//! would. An `id` already listed by an earlier file is left out and reported like any bad
//! record; a file whose institutions lie outside its entry's box is refused, since the box is
//! what decides whether the file is fetched at all.

use std::collections::HashMap;

use super::scope::DatasetRef;
use crate::coords::{to_wgs84, wgs84_to};
use crate::load::{quote, Loaded, RecordProblem, Revoked};
use crate::model::{Crs, Dataset, Date, LatLng, Region};

/// How far (in degrees, ~1 m) a converted point may fall outside its box: the GCJ-02 inverse
/// is iterated, and a publisher's tool may round.
const BOX_TOLERANCE_DEG: f64 = 1e-5;

/// A listed institution outside the box its catalogue entry gives.
#[derive(Debug, Clone, PartialEq)]
pub struct OutsideBox {
    pub id: String,
    pub location: LatLng,
}

/// A point of `from` in `to`.
fn convert(p: LatLng, from: Crs, to: Crs) -> LatLng {
    if from == to {
        p
    } else {
        wgs84_to(to_wgs84(p, from), to)
    }
}

/// Whether every listed institution of `dataset` lies in the box `entry` gives for it.
pub fn check_box(entry: &DatasetRef, dataset: &Dataset) -> Result<(), OutsideBox> {
    let b = entry.bbox;
    let t = BOX_TOLERANCE_DEG;
    let inside = |p: LatLng| {
        (b.south - t..=b.north + t).contains(&p.lat) && (b.west - t..=b.east + t).contains(&p.lng)
    };
    match dataset
        .institutions
        .iter()
        .find(|i| !inside(convert(i.location, dataset.crs, entry.crs)))
    {
        Some(i) => Err(OutsideBox {
            id: i.id.clone(),
            location: i.location,
        }),
        None => Ok(()),
    }
}

/// One file of the scope as the parent is told of it in 数据说明.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub entry: DatasetRef,
    pub title: String,
    pub publisher: String,
    pub published: Date,
    pub sample: bool,
    /// Records left out: the loader's, plus ids an earlier file already listed.
    pub skipped: usize,
    pub problems: Vec<RecordProblem>,
    pub unlisted_problems: usize,
    pub revoked: usize,
    /// Institutions of this file in the merged list (they follow the earlier files').
    pub listed: usize,
}

/// The scope as one list, and each file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Every listed institution, in the files' order (points in the catalogue's `crs`);
    /// `skipped` and `revoked` over all files. `problems` is left empty: each file's are in
    /// its [`Source`], where 数据说明 names the file.
    pub loaded: Loaded,
    pub sources: Vec<Source>,
}

impl Merged {
    /// The file the merged list's `index`-th institution came from.
    pub fn source_of(&self, index: usize) -> Option<&Source> {
        source_of(&self.sources, index)
    }
}

/// The source of the `index`-th institution of a list merged from `sources`, in order.
pub fn source_of(sources: &[Source], index: usize) -> Option<&Source> {
    let mut end = 0;
    sources.iter().find(|s| {
        end += s.listed;
        index < end
    })
}

/// The files of a scope, in the tree's order, as one list. `region` names the scope; every
/// point is put in `crs` (the catalogue's), so that a scope and the whole catalogue measure
/// each distance alike whichever file comes first.
pub fn merge(parts: Vec<(DatasetRef, Loaded)>, region: Region, crs: Crs) -> Merged {
    let size = parts
        .iter()
        .map(|(_, l)| l.dataset.institutions.len())
        .sum();
    let mut institutions = Vec::with_capacity(size);
    let mut listed_at = Vec::with_capacity(size);
    let mut revoked: Vec<Revoked> = Vec::new();
    let mut areas = region.areas;
    // Which file listed each id first.
    let mut first_file: HashMap<String, usize> = HashMap::with_capacity(size);
    let mut sources = Vec::with_capacity(parts.len());
    let mut skipped = 0;
    for (k, (entry, loaded)) in parts.into_iter().enumerate() {
        let Loaded {
            dataset,
            listed_at: positions,
            mut problems,
            unlisted_problems,
            skipped: own_skipped,
            revoked: own_revoked,
        } = loaded;
        let mut source = Source {
            entry,
            title: dataset.title,
            publisher: dataset.publisher,
            published: dataset.published,
            sample: dataset.sample,
            skipped: own_skipped,
            problems: Vec::new(),
            unlisted_problems,
            revoked: own_revoked.len(),
            listed: 0,
        };
        for area in dataset.region.areas {
            if !areas.iter().any(|a| a.code == area.code) {
                areas.push(area);
            }
        }
        for (mut inst, at) in dataset.institutions.into_iter().zip(positions) {
            if let Some(&earlier) = first_file.get(&inst.id) {
                source.skipped += 1;
                let other: &Source = &sources[earlier];
                problems.push(RecordProblem {
                    index: at as usize,
                    id: Some(crate::load::shorten(&inst.id)),
                    field: "id".to_owned(),
                    message: format!(
                        "机构编号与{}（{}）中的记录重复，此条未列出",
                        quote(&other.entry.name),
                        other.entry.code
                    ),
                });
                continue;
            }
            first_file.insert(inst.id.clone(), k);
            inst.location = convert(inst.location, dataset.crs, crs);
            institutions.push(inst);
            listed_at.push(at);
            source.listed += 1;
        }
        problems.sort_by_key(|p| p.index);
        source.problems = problems;
        skipped += source.skipped;
        revoked.extend(own_revoked);
        sources.push(source);
    }
    let first = sources.first();
    let dataset = Dataset {
        schema: crate::load::SCHEMA.to_owned(),
        title: first.map(|s| s.title.clone()).unwrap_or_default(),
        publisher: first.map(|s| s.publisher.clone()).unwrap_or_default(),
        published: sources
            .iter()
            .map(|s| s.published)
            .max()
            .unwrap_or_default(),
        crs,
        sample: sources.iter().any(|s| s.sample),
        region: Region { areas, ..region },
        institutions,
    };
    Merged {
        loaded: Loaded {
            dataset,
            listed_at,
            problems: Vec::new(),
            unlisted_problems: 0,
            skipped,
            revoked,
        },
        sources,
    }
}

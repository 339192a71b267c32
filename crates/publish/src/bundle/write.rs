//! Writing the tree, leaves first: each file is named by its content's hash, so a host may
//! cache it forever, and each catalogue names its children's hashed files, so a change in one
//! district renames its city's and province's catalogues too and only the root
//! ([`ROOT_FILE`]) is ever replaced in place. Every catalogue written is read back by the
//! core's catalogue reader before it is kept.

use sha2::{Digest, Sha256};
use tuoyu_core::catalogue::{
    load_catalogue, BBox, Catalogue, CatalogueRegion, Entry, EntryKind, CATALOGUE_SCHEMA,
};
use tuoyu_core::coords::{to_wgs84, wgs84_to};
use tuoyu_core::model::{Crs, Date, LatLng};

use super::tree::{Child, Tree};
use super::{District, Input, Options};

/// The one file not named by its hash: the address parents' links and the build name.
pub const ROOT_FILE: &str = "catalogue.json";

/// `441602-<16 hex digits of the SHA-256 of the bytes>.json`.
pub fn hashed_name(code: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{code}-{hex}.json")
}

fn convert(p: LatLng, from: Crs, to: Crs) -> LatLng {
    if from == to {
        p
    } else {
        wgs84_to(to_wgs84(p, from), to)
    }
}

/// Rounded to 6 decimals (about 0.1 m) outwards, so the box still holds every point.
fn outward(b: BBox) -> BBox {
    let down = |x: f64| (x * 1e6).floor() / 1e6;
    let up = |x: f64| (x * 1e6).ceil() / 1e6;
    BBox {
        south: down(b.south),
        west: down(b.west),
        north: up(b.north),
        east: up(b.east),
    }
}

fn middle(b: BBox) -> LatLng {
    let r = |x: f64| (x * 1e6).round() / 1e6;
    LatLng::new(r((b.south + b.north) / 2.0), r((b.west + b.east) / 2.0))
}

struct Written<'a> {
    tree: &'a Tree,
    districts: &'a [District],
    inputs: &'a [Input],
    opts: &'a Options,
    crs: Crs,
    files: &'a mut Vec<(String, Vec<u8>)>,
    /// Catalogue files written.
    catalogues: usize,
    problems: Vec<String>,
}

impl Written<'_> {
    fn dataset_entry(&mut self, i: usize) -> Entry {
        let d = &self.districts[i];
        let bytes = &self.inputs[d.input].bytes;
        let url = hashed_name(&d.code, bytes);
        self.files.push((url.clone(), bytes.clone()));
        let center = convert(d.center, d.crs, self.crs);
        // An empty district still has a place: the box of its centre.
        let points = d.points.iter().map(|p| convert(*p, d.crs, self.crs));
        let bbox = BBox::of_points(points).unwrap_or(BBox::around(center));
        Entry {
            code: d.code.clone(),
            name: d.name.clone(),
            kind: EntryKind::Dataset,
            url,
            bbox: outward(bbox),
            center,
            count: d.points.len() as u32,
            published: d.published,
        }
    }

    /// Writes the catalogue of node `at` and returns its entry in the catalogue above (with
    /// `url` the file's name) and whether anything below is sample data.
    fn catalogue(&mut self, at: usize, root: bool) -> (Entry, bool) {
        let tree = self.tree;
        let node = &tree.nodes[at];
        // A region of one part (重庆市 and its one 市辖区 in the national tree, a province's
        // single city) gets no catalogue of its own: its entry points at its part's, which
        // lists the same datasets, so every phone that descends through it fetches one file
        // less. The entry keeps the region's code and name; the app takes everything under a
        // catalogue whose own region is the one asked for, so `region=` still works at both.
        if let (false, [Child::Catalogue(only)]) = (root, node.children.as_slice()) {
            let (mut entry, sample) = self.catalogue(*only, false);
            entry.code = node.code.clone();
            entry.name = node.name.clone();
            entry.center = node.center.unwrap_or(entry.center);
            return (entry, sample);
        }
        let mut entries = Vec::new();
        let mut sample = false;
        for child in &node.children {
            let (entry, s) = match *child {
                Child::Dataset(i) => (self.dataset_entry(i), self.districts[i].sample),
                Child::Catalogue(c) => self.catalogue(c, false),
            };
            sample |= s;
            entries.push(entry);
        }
        let bbox = entries.iter().map(|e| e.bbox).reduce(BBox::union);
        let bbox = bbox.expect("a node has children");
        let published: Date = entries.iter().map(|e| e.published).max().expect("children");
        let count = entries.iter().map(|e| e.count).sum();
        let center = node.center.unwrap_or_else(|| middle(bbox));
        let own_title = format!("{}托育服务机构名录", node.name);
        let catalogue = Catalogue {
            schema: CATALOGUE_SCHEMA.to_owned(),
            title: match (&self.opts.title, root) {
                (Some(t), true) => t.clone(),
                _ => own_title,
            },
            publisher: self.opts.publisher.trim().to_owned(),
            published,
            crs: self.crs,
            sample,
            region: CatalogueRegion {
                code: node.code.clone(),
                name: node.name.clone(),
                center,
            },
            entries,
        };
        let bytes = match crate::json::pretty(&catalogue) {
            Ok(text) => text.into_bytes(),
            Err(e) => {
                self.problems.push(e);
                Vec::new()
            }
        };
        let name = if root {
            super::ROOT_FILE.to_owned()
        } else {
            hashed_name(&node.code, &bytes)
        };
        // The app's own reader, on what the app will fetch.
        if let Err(e) = load_catalogue(&bytes, &format!("/release/{name}"), &[]) {
            self.problems
                .push(format!("生成的目录 {name} 读不回来：{}", e.message()));
        }
        self.files.push((name.clone(), bytes));
        self.catalogues += 1;
        let entry = Entry {
            code: node.code.clone(),
            name: node.name.clone(),
            kind: EntryKind::Catalogue,
            url: name,
            bbox,
            center,
            count,
            published,
        };
        (entry, sample)
    }
}

/// Writes every file of the tree into `files`; returns how many are catalogues.
pub(crate) fn write_tree(
    tree: &Tree,
    districts: &[District],
    inputs: &[Input],
    opts: &Options,
    crs: Crs,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Result<usize, Vec<String>> {
    let mut w = Written {
        tree,
        districts,
        inputs,
        opts,
        crs,
        files,
        catalogues: 0,
        problems: Vec::new(),
    };
    w.catalogue(0, true);
    if !w.problems.is_empty() {
        return Err(w.problems);
    }
    Ok(w.catalogues)
}

//! A catalogue of datasets (`tuoyu.catalogue/1`, `shared/spec/catalogue-v1.md`): a small
//! static file listing district datasets, or further catalogues, with the box each covers, so
//! a phone fetches only the files that can hold an answer.
//!
//! [`load_catalogue`] reads one file and refuses it as a whole with a [`CatalogueError`]
//! value: a catalogue is a few kilobytes written by a publisher's tool, so any mistake in it is
//! the tool's and is named, rather than an entry silently dropped. Every entry's `url` is
//! resolved against the catalogue's own address and put through the `data=` rule
//! ([`crate::source::resolve_data_source`]), so a catalogue cannot reach a file a link could
//! not.

mod check;
pub mod merge;
pub mod scope;
mod url;

use serde::{Deserialize, Serialize};

use crate::coords::in_china_bounds;
use crate::model::{Crs, Date, LatLng};

pub use check::{is_catalogue, load_catalogue, CatalogueError, Problem};
pub use url::resolve_entry_url;

/// The schema this app reads; minor versions (`tuoyu.catalogue/1.N`) only add keys.
pub const CATALOGUE_SCHEMA: &str = "tuoyu.catalogue/1";

/// Far above a national root (~10 KB) or a flat list of every district (~600 KB), low
/// enough that a mistaken link cannot make the phone parse a dataset as one.
pub const MAX_CATALOGUE_BYTES: usize = 2 * 1024 * 1024;

/// More entries than any level of China's administrative tree has (a flat list of all
/// ~2,850 districts included).
pub const MAX_ENTRIES: usize = 10_000;

/// Catalogues nest at most this many levels below the one the app opens.
pub const MAX_DEPTH: usize = 3;

/// The district an institution id names by the publishers' convention (`441602-0007`:
/// the district's code, a hyphen, the rest), for a link that carries ids but no `region=`.
pub fn district_of_id(id: &str) -> Option<&str> {
    let (code, rest) = id.split_once('-')?;
    (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty())
        .then_some(code)
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub schema: String,
    pub title: String,
    pub publisher: String,
    #[serde(with = "crate::model::spec_date")]
    pub published: Date,
    /// The system of every `bbox` and `center` in this file.
    pub crs: Crs,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
    pub region: CatalogueRegion,
    pub entries: Vec<Entry>,
}

impl Catalogue {
    /// The entry with this admin code, in this file only.
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.code == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueRegion {
    /// Admin code; `000000` for the whole country.
    pub code: String,
    pub name: String,
    pub center: LatLng,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A `tuoyu.dataset/1` file.
    Dataset,
    /// Another `tuoyu.catalogue/1`.
    Catalogue,
}

impl EntryKind {
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Dataset => "dataset",
            EntryKind::Catalogue => "catalogue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The admin code of what it covers; unique in its file.
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntryKind,
    /// As written: relative to the catalogue's own address, or a path on the same origin.
    /// [`resolve_entry_url`] gives the address to fetch.
    pub url: String,
    pub bbox: BBox,
    pub center: LatLng,
    /// Listed (not revoked) institutions in the entry, all files below it included.
    pub count: u32,
    /// The newest `published` below it.
    #[serde(with = "crate::model::spec_date")]
    pub published: Date,
}

/// A box in latitude and longitude, edges included.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BBox {
    /// The box of one point.
    pub fn around(p: LatLng) -> BBox {
        BBox {
            south: p.lat,
            west: p.lng,
            north: p.lat,
            east: p.lng,
        }
    }

    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        BBox {
            south: self.south.min(other.south),
            west: self.west.min(other.west),
            north: self.north.max(other.north),
            east: self.east.max(other.east),
        }
    }

    /// The smallest box holding every point; `None` for none.
    pub fn of_points(points: impl IntoIterator<Item = LatLng>) -> Option<BBox> {
        points.into_iter().map(BBox::around).reduce(BBox::union)
    }

    pub fn contains(&self, p: LatLng) -> bool {
        (self.south..=self.north).contains(&p.lat) && (self.west..=self.east).contains(&p.lng)
    }

    /// A box the spec can mean: corners inside China's bounds, south ≤ north, west ≤ east.
    pub fn is_valid(&self) -> bool {
        in_china_bounds(LatLng::new(self.south, self.west))
            && in_china_bounds(LatLng::new(self.north, self.east))
            && self.south <= self.north
            && self.west <= self.east
    }

    /// The point of the box nearest to `p` along each axis (the point itself when inside).
    pub fn clamp(&self, p: LatLng) -> LatLng {
        LatLng::new(
            p.lat.clamp(self.south, self.north),
            p.lng.clamp(self.west, self.east),
        )
    }
}

//! The parent's own point (the phone's GPS) is not state to share (finder-url.md): it is
//! kept for the visit, shown as distances, and never written into an address, so that a link
//! sent to a family chat cannot carry home. A `near=` that arrives in a link is another
//! thing: the link's own place, honoured and written back as it came.

use serde::{Deserialize, Serialize};

use super::FinderQuery;
use crate::filter::Sort;
use crate::model::LatLng;

/// The parent's point and the choices that mean nothing without it (how far they will
/// travel, nearest first), which therefore stay out of the address with it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OwnPlace {
    pub point: LatLng,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius_m: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_distance: bool,
}

impl OwnPlace {
    /// What the phone keeps for the visit (JSON).
    pub fn to_stored(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A kept place, or `None` when the text is not one (or the point is not in China).
    pub fn from_stored(text: &str) -> Option<OwnPlace> {
        let place: OwnPlace = serde_json::from_str(text).ok()?;
        crate::coords::in_china_bounds(place.point).then_some(place)
    }
}

impl FinderQuery {
    /// The parent's own place, when `filter.near` is theirs rather than a link's.
    pub fn own_place(&self) -> Option<OwnPlace> {
        let point = self.filter.near.filter(|_| self.own_place)?;
        Some(OwnPlace {
            point,
            radius_m: self.filter.radius_m,
            by_distance: self.sort == Sort::Distance,
        })
    }

    /// Uses the parent's own point from now on, in place of any place a link gave.
    pub fn set_own_point(&mut self, point: LatLng) {
        self.filter.near = Some(point);
        self.own_place = true;
    }

    /// The query an address stands for during a visit: its own `near=` when it has one (a
    /// link's place is honoured), else the parent's kept place, if any.
    pub fn with_own_place(mut self, place: Option<OwnPlace>) -> FinderQuery {
        if let (None, Some(p)) = (self.filter.near, place) {
            self.filter.near = Some(p.point);
            self.filter.radius_m = p.radius_m;
            self.own_place = true;
            if p.by_distance && self.sort == Sort::Default {
                self.sort = Sort::Distance;
            }
        }
        self
    }

    /// The kept place after the page moves to `self`: the parent's own place when it shows
    /// one, none once they left every place out, else (a link's place is shown) unchanged.
    pub fn own_place_after(&self, kept: Option<OwnPlace>) -> Option<OwnPlace> {
        match (self.own_place(), self.filter.near) {
            (Some(own), _) => Some(own),
            (None, None) => None,
            (None, Some(_)) => kept,
        }
    }
}

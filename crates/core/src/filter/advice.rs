//! What to say when nothing matches: the filters the parent actually set, each to remove in
//! one tap, and for a name that finds nothing, the names that come nearest.

use super::{matches, terms, Filter};
use crate::model::{CareType, Dataset, Kind};

/// One filter that narrows the list, as a value the interface names in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetFilter {
    Type(CareType),
    Puhui,
    Age(u8),
    /// Metres from the place; only counted while there is a place.
    Radius(u32),
    Area(String),
    Kind(Kind),
    Vacant,
    PublicOnly,
    Text(String),
}

impl Filter {
    /// Every filter that is set, in the panel's order.
    pub fn set_filters(&self) -> Vec<SetFilter> {
        let mut out: Vec<SetFilter> = self.types.iter().map(|t| SetFilter::Type(*t)).collect();
        if self.puhui {
            out.push(SetFilter::Puhui);
        }
        if self.vacant {
            out.push(SetFilter::Vacant);
        }
        if self.public_only {
            out.push(SetFilter::PublicOnly);
        }
        if let Some(a) = self.age {
            out.push(SetFilter::Age(a));
        }
        if let (Some(r), Some(_)) = (self.radius_m, self.near) {
            out.push(SetFilter::Radius(r));
        }
        if let Some(a) = &self.area {
            out.push(SetFilter::Area(a.clone()));
        }
        out.extend(self.kinds.iter().map(|k| SetFilter::Kind(*k)));
        if !self.q.trim().is_empty() {
            out.push(SetFilter::Text(self.q.trim().to_owned()));
        }
        out
    }

    /// Removes one filter, leaving the others as they are.
    pub fn remove(&mut self, which: &SetFilter) {
        match which {
            SetFilter::Type(t) => self.types.retain(|x| x != t),
            SetFilter::Puhui => self.puhui = false,
            SetFilter::Age(_) => self.age = None,
            SetFilter::Radius(_) => self.radius_m = None,
            SetFilter::Area(_) => self.area = None,
            SetFilter::Kind(k) => self.kinds.retain(|x| x != k),
            SetFilter::Vacant => self.vacant = false,
            SetFilter::PublicOnly => self.public_only = false,
            SetFilter::Text(_) => self.q.clear(),
        }
    }
}

/// How many nearest names are offered.
pub const NEAREST_NAMES: usize = 3;

/// For a text search that finds nothing: up to [`NEAREST_NAMES`] institutions (positions in
/// `dataset.institutions`) that the other filters let through, whose names share the most
/// of the typed characters, rare ones counting more (ties in the publisher's order). Empty
/// when no name shares one.
pub fn nearest_names(dataset: &Dataset, filter: &Filter) -> Vec<usize> {
    let typed: Vec<char> = {
        let mut chars: Vec<char> = filter
            .q
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    };
    if typed.is_empty() {
        return Vec::new();
    }
    let others = Filter {
        q: String::new(),
        ..filter.clone()
    };
    let none = terms("");
    let candidates: Vec<(usize, String)> = dataset
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, inst)| matches(inst, &others, &none))
        .map(|(index, inst)| (index, inst.name.to_lowercase()))
        .collect();
    // A character most names share (托, 育, 园) says little; a rare one (鹿) says much: each
    // shared character counts 1 / the number of names that have it.
    let weight: Vec<f64> = typed
        .iter()
        .map(|c| {
            let having = candidates.iter().filter(|(_, n)| n.contains(*c)).count();
            if having == 0 {
                0.0
            } else {
                1.0 / having as f64
            }
        })
        .collect();
    let mut scored: Vec<(usize, f64)> = candidates
        .iter()
        .filter_map(|(index, name)| {
            let score: f64 = typed
                .iter()
                .zip(&weight)
                .filter(|(c, _)| name.contains(**c))
                .map(|(_, w)| w)
                .sum();
            (score > 0.0).then_some((*index, score))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored
        .into_iter()
        .take(NEAREST_NAMES)
        .map(|(i, _)| i)
        .collect()
}

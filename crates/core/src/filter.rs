//! The spec's "How the finder reads a filter", and the list's sort orders.
//!
//! Runs on every keystroke in the search box, so the per-institution path allocates
//! nothing: the query is prepared once, names are compared in place.

mod advice;

use std::cmp::Ordering;

use crate::coords::wgs84_to;
use crate::distance::distance_m;
use crate::model::{
    fits_weekdays, CareType, Clock, Dataset, Fee, FeeUnit, Institution, Kind, LatLng,
};

pub use advice::{nearest_names, SetFilter, NEAREST_NAMES};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Any of these (empty = no filter).
    pub types: Vec<CareType>,
    pub puhui: bool,
    /// Child's age in months.
    pub age: Option<u8>,
    /// The parent's point, always WGS-84.
    pub near: Option<LatLng>,
    /// Metres; only applies together with `near`.
    pub radius_m: Option<u32>,
    /// A `region.areas` code.
    pub area: Option<String>,
    /// Any of these (empty = no filter).
    pub kinds: Vec<Kind>,
    /// With `age`, the vacancy of the child's age band when the publisher gave bands.
    pub vacant: bool,
    /// Leaves out places that take only their own employees' children (`public=1`, an
    /// addition to the spec's parameters).
    pub public_only: bool,
    /// Whitespace-separated terms, each to be found in the name or the address.
    pub q: String,
    /// Open at this time every weekday (dataset 1.1 `opening`).
    pub from: Option<Clock>,
    /// Still open at this time every weekday.
    pub until: Option<Clock>,
    /// Fees collected at most this many months ahead (0–12).
    pub prepay: Option<u8>,
}

impl Filter {
    /// True when nothing narrows the list (distance alone does not narrow it).
    pub fn is_empty(&self) -> bool {
        let Filter {
            types,
            puhui,
            age,
            near,
            radius_m,
            area,
            kinds,
            vacant,
            public_only,
            q,
            from,
            until,
            prepay,
        } = self;
        types.is_empty()
            && !puhui
            && age.is_none()
            && (near.is_none() || radius_m.is_none())
            && area.is_none()
            && kinds.is_empty()
            && !vacant
            && !public_only
            && q.trim().is_empty()
            && from.is_none()
            && until.is_none()
            && prepay.is_none()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// By distance when `near` is set, else file order (the publisher's own order).
    #[default]
    Default,
    Distance,
    Name,
    Fee,
    Vacancy,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Default,
        Sort::Distance,
        Sort::Name,
        Sort::Fee,
        Sort::Vacancy,
    ];

    /// The URL code; `""` for the default, which the URL leaves out.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Default => "",
            Sort::Distance => "distance",
            Sort::Name => "name",
            Sort::Fee => "fee",
            Sort::Vacancy => "vacancy",
        }
    }

    /// The sort for a URL code; `""` is the default (handy for a `<select>`).
    pub fn parse(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position in `dataset.institutions`.
    pub index: usize,
    /// Metres from `near`; `Some` whenever the filter has `near`.
    pub distance_m: Option<f64>,
}

/// One search term, prepared once per query rather than once per institution.
struct Term {
    /// ASCII-lowercased.
    text: String,
    /// Terms without ASCII letters (most Chinese text) match byte for byte, which lets
    /// the standard library's fast substring search do the work.
    folds_case: bool,
}

impl Term {
    fn new(raw: &str) -> Term {
        Term {
            text: raw.to_ascii_lowercase(),
            folds_case: raw.bytes().any(|b| b.is_ascii_alphabetic()),
        }
    }

    fn found_in(&self, hay: &str) -> bool {
        if !self.folds_case {
            return hay.contains(self.text.as_str());
        }
        // Byte windows are safe on UTF-8: a valid needle can only match at char
        // boundaries, and ASCII case folding never touches multi-byte sequences.
        let (hay, needle) = (hay.as_bytes(), self.text.as_bytes());
        hay.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    }
}

fn terms(q: &str) -> Vec<Term> {
    q.split_whitespace().map(Term::new).collect()
}

fn matches(inst: &Institution, f: &Filter, terms: &[Term]) -> bool {
    (f.types.is_empty() || f.types.iter().any(|t| inst.care_types.contains(t)))
        && (!f.puhui || inst.puhui)
        && f.age.is_none_or(|a| inst.takes_age(a))
        && f.area
            .as_deref()
            .is_none_or(|a| inst.area.as_deref() == Some(a))
        && (f.kinds.is_empty() || f.kinds.contains(&inst.kind))
        && (!f.vacant || inst.vacant_for(f.age).is_some_and(|v| v > 0))
        && (!f.public_only || !inst.employer_only())
        && fits_weekdays(&inst.opening, f.from, f.until)
        && f.prepay.is_none_or(|most| {
            inst.prepayment
                .is_some_and(|p| p.max_months <= u32::from(most))
        })
        && terms
            .iter()
            .all(|t| t.found_in(&inst.name) || t.found_in(&inst.address))
}

/// The institutions that match `filter`, in `sort` order. Every sort is stable, so
/// institutions that tie keep the publisher's order.
pub fn find(dataset: &Dataset, filter: &Filter, sort: Sort) -> Vec<Hit> {
    let origin = filter.near.map(|p| wgs84_to(p, dataset.crs));
    let radius = filter.radius_m.map(f64::from);
    let terms = terms(&filter.q);
    let mut hits: Vec<Hit> = dataset
        .institutions
        .iter()
        .enumerate()
        .filter(|(_, inst)| matches(inst, filter, &terms))
        .filter_map(|(index, inst)| {
            let distance_m = origin.map(|o| distance_m(o, inst.location));
            match (distance_m, radius) {
                (Some(d), Some(r)) if d > r => None,
                _ => Some(Hit { index, distance_m }),
            }
        })
        .collect();
    sort_hits(&mut hits, dataset, filter, sort);
    hits
}

fn last_if_none<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts hits in place, stably (file order breaks ties).
pub fn sort_hits(hits: &mut [Hit], dataset: &Dataset, filter: &Filter, sort: Sort) {
    let inst = |h: &Hit| &dataset.institutions[h.index];
    let by_distance = |a: &Hit, b: &Hit| {
        last_if_none(a.distance_m, b.distance_m, |x: f64, y: f64| x.total_cmp(&y))
    };
    match sort {
        Sort::Default | Sort::Distance => {
            if filter.near.is_some() {
                hits.sort_by(by_distance);
            }
        }
        Sort::Name => hits.sort_by(|a, b| inst(a).name.cmp(&inst(b).name)),
        // Like is compared with like (see `compared_fee`). The key is cached because
        // finding the fee per comparison costs more than the sort.
        Sort::Fee => hits.sort_by_cached_key(|h| {
            let fee = compared_fee(inst(h), &filter.types).map(|(_, f)| f);
            (
                fee.map_or(FeeUnit::ALL.len(), |f| unit_rank(f.unit)),
                fee.map_or(0, |f| total_order_bits(f.amount)),
            )
        }),
        // With an age, the vacancy that counts is the child's band's, as for `vacant=1`.
        Sort::Vacancy => hits.sort_by(|a, b| {
            let (x, y) = (
                inst(a).vacant_for(filter.age),
                inst(b).vacant_for(filter.age),
            );
            last_if_none(x, y, |x: u32, y| y.cmp(&x))
        }),
    }
}

/// What "fee, lowest first" compares for one institution. With care types chosen, its fee
/// for the first of them (in care-type order) it has one for; without, its monthly full-day
/// fee, the one most parents weigh (no such fee: `None`, listed after). 35 元/小时 is not
/// cheaper than 1000 元/月, so fees are ordered within their unit: monthly first, then
/// daily, hourly, per session.
pub fn compared_fee(inst: &Institution, types: &[CareType]) -> Option<(CareType, Fee)> {
    if types.is_empty() {
        let fee = *inst.fees.get(&CareType::FullDay)?;
        (fee.unit == FeeUnit::Month).then_some((CareType::FullDay, fee))
    } else {
        inst.fees
            .iter()
            .find(|(t, _)| types.contains(t))
            .map(|(t, f)| (*t, *f))
    }
}

/// Position of a unit in the fee order (see [`compared_fee`]).
fn unit_rank(unit: FeeUnit) -> usize {
    FeeUnit::ALL.iter().position(|u| *u == unit).unwrap_or(0)
}

/// Maps an `f64` to a `u64` whose order is `f64::total_cmp`'s, so keys can be cached.
fn total_order_bits(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

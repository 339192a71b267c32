//! Properties of the finder's filters over random valid datasets and filters (proptest).
//! Cases default to 128 per property so the suite stays quick in debug builds;
//! `PROPTEST_CASES=5000 cargo test -p tuoyu-core --test properties` searches longer.

mod common;

use std::collections::{BTreeMap, BTreeSet};

mod cases;

use cases::config;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use tuoyu_core::coords::wgs84_to;
use tuoyu_core::filter::{find, Filter, Sort};
use tuoyu_core::model::{
    AgeRange, Area, CareType, Crs, Dataset, Fee, FeeUnit, Institution, Kind, LatLng, Places, Region,
};

const AREAS: [&str; 3] = ["441602001", "441602003", "441602100"];

/// Pieces of names and addresses, mixed-case ASCII among them, so that generated search
/// terms actually hit, miss and fold case.
const WORDS: [&str; 8] = ["东埔", "托育", "中心", "长安路", "Sun", "sun", "A", "1号"];

/// Most points within ~20 km of 源城 so radii matter; some anywhere in the spec's box.
fn point() -> impl Strategy<Value = LatLng> {
    prop_oneof![
        4 => (23.6..23.9f64, 114.5..114.9f64),
        1 => (3.8..=53.6f64, 73.5..=135.1f64),
    ]
    .prop_map(|(lat, lng)| LatLng::new(lat, lng))
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(&WORDS[..]), 1..4).prop_map(|w| w.concat())
}

fn care_types(min: usize) -> impl Strategy<Value = Vec<CareType>> {
    subsequence(CareType::ALL.to_vec(), min..=CareType::ALL.len()).prop_shuffle()
}

fn kinds(min: usize) -> impl Strategy<Value = Vec<Kind>> {
    subsequence(Kind::ALL.to_vec(), min..=Kind::ALL.len()).prop_shuffle()
}

fn age_range() -> impl Strategy<Value = AgeRange> {
    (0u8..=36, 0u8..=36).prop_map(|(a, b)| AgeRange {
        min: a.min(b),
        max: a.max(b),
    })
}

fn places() -> impl Strategy<Value = Option<Places>> {
    prop::option::of(
        (0u32..60, 0u32..60, any::<bool>()).prop_map(|(a, b, known)| Places {
            total: known.then_some(a.max(b)),
            vacant: Some(a.min(b)),
            as_of: None,
            by_age: Vec::new(),
        }),
    )
}

fn fees() -> impl Strategy<Value = BTreeMap<CareType, Fee>> {
    let fee = (0.0..5000.0f64, select(&FeeUnit::ALL[..])).prop_map(|(amount, unit)| Fee {
        amount: amount.round(),
        unit,
    });
    prop::collection::btree_map(select(&CareType::ALL[..]), fee, 0..3)
}

/// A record as the loader would list it; the id is set by [`dataset`] to keep ids unique.
fn institution() -> impl Strategy<Value = Institution> {
    let who = (text(), select(&Kind::ALL[..]), text(), point());
    let what = (care_types(1), age_range(), any::<bool>(), fees(), places());
    let area = prop::option::of(select(&AREAS[..]));
    (who, what, area).prop_map(
        |((name, kind, address, location), (care_types, age_months, puhui, fees, places), area)| {
            Institution {
                id: String::new(),
                name,
                kind,
                operator: None,
                nonprofit: None,
                registration: None,
                area: area.map(str::to_owned),
                address,
                location,
                phone: None,
                care_types,
                age_months,
                puhui,
                fees,
                places,
                hours: None,
                opening: Vec::new(),
                prepayment: None,
                demonstration: false,
                quality: None,
                inspections: Vec::new(),
                open_to_public: None,
                features: Vec::new(),
                updated: None,
            }
        },
    )
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let crs = select(&Crs::ALL[..]);
    (crs, prop::collection::vec(institution(), 0..20)).prop_map(|(crs, mut institutions)| {
        for (i, inst) in institutions.iter_mut().enumerate() {
            inst.id = format!("P-{i}");
        }
        let center = LatLng::new(23.746, 114.697);
        let areas = AREAS
            .iter()
            .map(|code| Area {
                code: (*code).to_owned(),
                name: "镇街".to_owned(),
                center,
            })
            .collect();
        Dataset {
            schema: "tuoyu.dataset/1".to_owned(),
            title: "随机数据".to_owned(),
            publisher: "测试".to_owned(),
            published: chrono::NaiveDate::from_ymd_opt(2025, 9, 1).expect("a date"),
            crs,
            sample: true,
            region: Region {
                code: "441602".to_owned(),
                name: "源城区".to_owned(),
                center,
                areas,
            },
            institutions,
        }
    })
}

fn search_text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(&WORDS[..]), 1..3).prop_map(|w| w.join(" "))
}

/// Each condition is set only now and then: with all of them at once, almost every
/// random filter would match nothing, and the properties would hold vacuously.
fn filter() -> impl Strategy<Value = Filter> {
    use prop::bool::weighted as sometimes;
    use prop::option::weighted as maybe;
    let chosen = (
        maybe(0.3, care_types(1)),
        sometimes(0.25),
        maybe(0.3, 0u8..=36),
        maybe(0.3, kinds(1)),
    );
    let place = (maybe(0.5, point()), maybe(0.5, 1u32..=20_000));
    let area = maybe(0.25, select(&["441602001", "441602003", "441602999"][..]));
    let rest = (
        area,
        sometimes(0.25),
        maybe(0.25, search_text()),
        sometimes(0.25),
    );
    (chosen, place, rest).prop_map(
        |((types, puhui, age, kinds), (near, radius_m), (area, vacant, q, public_only))| Filter {
            types: types.unwrap_or_default(),
            puhui,
            age,
            near,
            radius_m,
            area: area.map(str::to_owned),
            kinds: kinds.unwrap_or_default(),
            vacant,
            public_only,
            q: q.unwrap_or_default(),
            // The 1.1 filters have their own properties (worries_properties.rs).
            ..Filter::default()
        },
    )
}

fn indices(d: &Dataset, f: &Filter, sort: Sort) -> Vec<usize> {
    find(d, f, sort).into_iter().map(|h| h.index).collect()
}

fn set(d: &Dataset, f: &Filter) -> BTreeSet<usize> {
    indices(d, f, Sort::Default).into_iter().collect()
}

/// An any-of list narrowed by another: the other one when `mine` is empty (no filter),
/// else the common part — `None` when there is none, since an empty list means "any".
fn sub_list<T: Copy + PartialEq>(mine: &[T], theirs: &[T]) -> Option<Vec<T>> {
    let both: Vec<T> = mine
        .iter()
        .filter(|t| theirs.contains(t))
        .copied()
        .collect();
    match (mine.is_empty(), both.is_empty()) {
        (true, _) => Some(theirs.to_vec()),
        (false, false) => Some(both),
        (false, true) => None,
    }
}

/// `f` narrowed by the parts of `extra` chosen in `mask`, each one a strictly-and
/// condition: a sub-list of an any-of list, a second term, a smaller radius.
fn narrowed(f: &Filter, extra: &Filter, mask: u8) -> Filter {
    let mut n = f.clone();
    let on = |bit: u8| mask & (1 << bit) != 0;
    if on(0) {
        n.types = sub_list(&f.types, &extra.types).unwrap_or(n.types);
    }
    if on(1) {
        n.kinds = sub_list(&f.kinds, &extra.kinds).unwrap_or(n.kinds);
    }
    n.puhui |= on(2) && extra.puhui;
    n.vacant |= on(3) && extra.vacant;
    if on(4) && f.age.is_none() {
        n.age = extra.age;
    }
    if on(5) && f.area.is_none() {
        n.area.clone_from(&extra.area);
    }
    if on(6) {
        n.q = format!("{} {}", f.q, extra.q);
    }
    if on(7) {
        if f.near.is_none() {
            (n.near, n.radius_m) = (extra.near, extra.radius_m);
        } else if let Some(r) = extra.radius_m {
            n.radius_m = Some(f.radius_m.map_or(r, |mine| mine.min(r)));
        }
    }
    n
}

/// Haversine on the spec's mean radius, written out here rather than taken from the core.
fn haversine_m(a: LatLng, b: LatLng) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lng - a.lng).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6_371_008.8 * h.sqrt().min(1.0).asin()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn adding_a_filter_never_adds_results(
        d in dataset(), f in filter(), extra in filter(), mask in any::<u8>()
    ) {
        let wide = set(&d, &f);
        let narrow = set(&d, &narrowed(&f, &extra, mask));
        prop_assert!(narrow.is_subset(&wide), "{narrow:?} ⊄ {wide:?}");
    }

    #[test]
    fn a_radius_holds_exactly_the_institutions_within_it(
        d in dataset(), f in filter(), near in point(), radius in 1u32..=30_000
    ) {
        let f = Filter { near: Some(near), radius_m: Some(radius), ..f };
        let origin = wgs84_to(near, d.crs);
        let r = f64::from(radius);
        let inside = set(&d, &f);
        for hit in find(&d, &f, Sort::Default) {
            let mine = haversine_m(origin, d.institutions[hit.index].location);
            prop_assert!(mine <= r + 1e-3, "{} at {mine} m, radius {r}", hit.index);
            let shown = hit.distance_m.expect("a distance whenever near is set");
            prop_assert!((shown - mine).abs() < 1e-3, "shown {shown}, recomputed {mine}");
        }
        let unlimited = Filter { radius_m: None, ..f.clone() };
        for i in set(&d, &unlimited) {
            let mine = haversine_m(origin, d.institutions[i].location);
            // Within a millimetre of the edge, two haversines may round either way.
            if (mine - r).abs() > 1e-3 {
                prop_assert_eq!(inside.contains(&i), mine <= r, "{} at {} m", i, mine);
            }
        }
    }

    #[test]
    fn results_are_distinct_members_of_the_dataset(d in dataset(), f in filter()) {
        for sort in Sort::ALL {
            let found = indices(&d, &f, sort);
            prop_assert!(found.iter().all(|&i| i < d.institutions.len()));
            let distinct: BTreeSet<_> = found.iter().collect();
            prop_assert_eq!(distinct.len(), found.len(), "duplicates in {:?}", found);
        }
    }

    #[test]
    fn every_sort_lists_the_same_institutions(d in dataset(), f in filter()) {
        let default = set(&d, &f);
        for sort in Sort::ALL {
            let mut found = indices(&d, &f, sort);
            found.sort_unstable();
            prop_assert_eq!(found, default.iter().copied().collect::<Vec<_>>(), "{:?}", sort);
        }
        if f.near.is_some() {
            let distances: Vec<f64> = find(&d, &f, Sort::Distance)
                .iter()
                .map(|h| h.distance_m.expect("near is set"))
                .collect();
            prop_assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
        }
    }

    #[test]
    fn care_types_are_any_of(
        d in dataset(), f in filter(),
        a in select(&CareType::ALL[..]), b in select(&CareType::ALL[..])
    ) {
        let with = |types: Vec<CareType>| set(&d, &Filter { types, ..f.clone() });
        let union: BTreeSet<usize> = with(vec![a]).union(&with(vec![b])).copied().collect();
        prop_assert_eq!(with(vec![a, b]), union);
    }

    #[test]
    fn age_matches_when_min_le_age_le_max(d in dataset(), f in filter(), age in 0u8..=36) {
        let any_age = set(&d, &Filter { age: None, ..f.clone() });
        let expected: BTreeSet<usize> = any_age
            .into_iter()
            .filter(|&i| {
                let r = d.institutions[i].age_months;
                r.min <= age && age <= r.max
            })
            .collect();
        prop_assert_eq!(set(&d, &Filter { age: Some(age), ..f }), expected);
    }
}

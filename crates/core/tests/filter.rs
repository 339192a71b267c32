//! The spec's filter semantics and the list's sort orders, on a small hand-built dataset.

use std::collections::BTreeMap;

use tuoyu_core::coords::wgs84_to_gcj02;
use tuoyu_core::distance::distance_m;
use tuoyu_core::filter::{find, Filter, Hit, Sort};
use tuoyu_core::model::{
    AgeRange, CareType, Crs, Dataset, Fee, FeeUnit, Institution, Kind, LatLng, Places, Region,
};
use CareType::{FullDay, HalfDay, Hourly, Temporary};

const BASE: LatLng = LatLng {
    lat: 23.70,
    lng: 114.70,
};

/// `north` hundredths of a degree north of BASE (about 1.1 km each).
fn at(north: f64) -> LatLng {
    LatLng {
        lat: BASE.lat + north * 0.01,
        lng: BASE.lng,
    }
}

struct Spec {
    id: &'static str,
    name: &'static str,
    address: &'static str,
    kind: Kind,
    types: &'static [CareType],
    ages: (u8, u8),
    puhui: bool,
    area: Option<&'static str>,
    vacant: Option<u32>,
    fees: &'static [(CareType, f64, FeeUnit)],
    north: f64,
}

fn institution(s: Spec) -> Institution {
    Institution {
        id: s.id.into(),
        name: s.name.into(),
        kind: s.kind,
        operator: None,
        nonprofit: None,
        registration: None,
        area: s.area.map(Into::into),
        address: s.address.into(),
        location: at(s.north),
        phone: None,
        care_types: s.types.to_vec(),
        age_months: AgeRange {
            min: s.ages.0,
            max: s.ages.1,
        },
        puhui: s.puhui,
        fees: s
            .fees
            .iter()
            .map(|&(t, amount, unit)| (t, Fee { amount, unit }))
            .collect::<BTreeMap<_, _>>(),
        places: Some(Places {
            total: Some(10),
            vacant: s.vacant,
            as_of: None,
            by_age: vec![],
        }),
        hours: None,
        opening: vec![],
        prepayment: None,
        demonstration: false,
        quality: None,
        inspections: vec![],
        open_to_public: None,
        features: vec![],
        updated: None,
    }
}

fn dataset(crs: Crs) -> Dataset {
    use FeeUnit::{Hour, Month, Session};
    let specs = [
        Spec {
            id: "A",
            name: "阳光托育中心",
            address: "东埔街道长安路 1 号",
            kind: Kind::Centre,
            types: &[FullDay],
            ages: (12, 36),
            puhui: true,
            area: Some("441602003"),
            vacant: Some(3),
            fees: &[(FullDay, 1800.0, Month)],
            north: 3.0,
        },
        Spec {
            id: "B",
            name: "Sunshine Baby 社区托育点",
            address: "上城街道",
            kind: Kind::Community,
            types: &[Hourly, Temporary],
            ages: (0, 36),
            puhui: false,
            area: Some("441602001"),
            vacant: Some(0),
            fees: &[(Hourly, 30.0, Hour)],
            north: 1.0,
        },
        Spec {
            id: "C",
            name: "机关幼儿园托班",
            address: "新江街道",
            kind: Kind::Kindergarten,
            types: &[HalfDay, FullDay],
            ages: (24, 36),
            puhui: true,
            area: None,
            vacant: None,
            fees: &[],
            north: 5.0,
        },
        Spec {
            id: "D",
            name: "李阿姨家庭托育点",
            address: "源南镇",
            kind: Kind::Family,
            types: &[Temporary],
            ages: (6, 24),
            puhui: false,
            area: None,
            vacant: Some(1),
            fees: &[(Temporary, 50.0, Session)],
            north: 2.0,
        },
        Spec {
            id: "E",
            name: "工业园职工托育室",
            address: "埔前镇",
            kind: Kind::Employer,
            types: &[FullDay, Hourly],
            ages: (18, 36),
            puhui: true,
            area: None,
            vacant: None,
            fees: &[(FullDay, 1200.0, Month), (Hourly, 20.0, Hour)],
            north: 4.0,
        },
    ];
    Dataset {
        schema: "tuoyu.dataset/1".into(),
        title: "测试".into(),
        publisher: "测试".into(),
        published: tuoyu_core::model::parse_date("2025-09-01").unwrap(),
        crs,
        sample: true,
        region: Region {
            code: "441602".into(),
            name: "源城区".into(),
            center: BASE,
            areas: vec![],
        },
        institutions: specs.into_iter().map(institution).collect(),
    }
}

fn ids(d: &Dataset, hits: &[Hit]) -> String {
    hits.iter()
        .map(|h| d.institutions[h.index].id.as_str())
        .collect()
}

fn run(f: &Filter, sort: Sort) -> String {
    let d = dataset(Crs::Wgs84);
    ids(&d, &find(&d, f, sort))
}

fn with(edit: impl FnOnce(&mut Filter)) -> Filter {
    let mut f = Filter::default();
    edit(&mut f);
    f
}

#[test]
fn no_filter_lists_everything_in_file_order_without_distances() {
    let d = dataset(Crs::Wgs84);
    let hits = find(&d, &Filter::default(), Sort::Default);
    assert_eq!(ids(&d, &hits), "ABCDE");
    assert!(hits.iter().all(|h| h.distance_m.is_none()));
    assert!(Filter::default().is_empty());
}

#[test]
fn care_types_match_any_of() {
    assert_eq!(run(&with(|f| f.types = vec![Hourly]), Sort::Default), "BE");
    assert_eq!(
        run(&with(|f| f.types = vec![Hourly, HalfDay]), Sort::Default),
        "BCE"
    );
    assert_eq!(
        run(&with(|f| f.types = vec![Temporary]), Sort::Default),
        "BD"
    );
}

#[test]
fn kinds_match_any_of() {
    assert_eq!(
        run(
            &with(|f| f.kinds = vec![Kind::Family, Kind::Centre]),
            Sort::Default
        ),
        "AD"
    );
    assert_eq!(
        run(&with(|f| f.kinds = vec![Kind::Employer]), Sort::Default),
        "E"
    );
}

#[test]
fn puhui_keeps_only_puhui() {
    assert_eq!(run(&with(|f| f.puhui = true), Sort::Default), "ACE");
}

#[test]
fn age_is_inclusive_at_both_ends() {
    let age = |a| run(&with(|f| f.age = Some(a)), Sort::Default);
    assert_eq!(age(0), "B");
    assert_eq!(age(6), "BD");
    assert_eq!(age(12), "ABD");
    assert_eq!(age(24), "ABCDE");
    assert_eq!(age(25), "ABCE");
    assert_eq!(age(36), "ABCE");
}

#[test]
fn area_is_an_exact_code() {
    assert_eq!(
        run(&with(|f| f.area = Some("441602003".into())), Sort::Default),
        "A"
    );
    assert_eq!(
        run(&with(|f| f.area = Some("4416020".into())), Sort::Default),
        ""
    );
}

#[test]
fn vacancies_need_a_figure_above_zero() {
    assert_eq!(run(&with(|f| f.vacant = true), Sort::Default), "AD");
}

#[test]
fn text_matches_name_or_address_case_insensitively() {
    let q = |s: &str| run(&with(|f| f.q = s.into()), Sort::Default);
    assert_eq!(q("sunshine"), "B");
    assert_eq!(q("  SUNSHINE   baby "), "B");
    assert_eq!(q("托育"), "ABDE");
    assert_eq!(q("长安路"), "A");
    assert_eq!(
        q("阳光 长安路"),
        "A",
        "one term in the name, one in the address"
    );
    assert_eq!(q("阳光 新江"), "", "every term must match");
    assert_eq!(q(" \t "), "ABCDE", "blank is no filter");
    assert_eq!(q("ｓｕｎ"), "", "full-width letters are not folded");
}

#[test]
fn near_measures_every_hit_and_orders_by_distance() {
    let d = dataset(Crs::Wgs84);
    let hits = find(&d, &with(|f| f.near = Some(BASE)), Sort::Default);
    assert_eq!(ids(&d, &hits), "BDAEC");
    for h in &hits {
        let expected = distance_m(BASE, d.institutions[h.index].location);
        assert_eq!(h.distance_m, Some(expected));
    }
}

#[test]
fn radius_is_inclusive_and_needs_near() {
    let d = dataset(Crs::Wgs84);
    let to_d = distance_m(BASE, at(2.0));
    let within = |r: f64| {
        let f = with(|f| {
            f.near = Some(BASE);
            f.radius_m = Some(r as u32);
        });
        ids(&d, &find(&d, &f, Sort::Default))
    };
    assert_eq!(within(to_d.ceil()), "BD");
    assert_eq!(within(to_d.floor()), "B");
    // Distance exactly equal to the radius is within it.
    let f = with(|f| {
        f.near = Some(at(1.0));
        f.radius_m = Some(0);
    });
    assert_eq!(ids(&d, &find(&d, &f, Sort::Default)), "B");
    assert_eq!(run(&with(|f| f.radius_m = Some(1)), Sort::Default), "ABCDE");
}

#[test]
fn the_parents_gps_point_is_converted_into_the_files_system() {
    // The same spot written in GCJ-02, as Amap would give it.
    let mut d = dataset(Crs::Gcj02);
    d.institutions[2].location = wgs84_to_gcj02(BASE);
    let f = with(|f| {
        f.near = Some(BASE);
        f.radius_m = Some(5);
    });
    let hits = find(&d, &f, Sort::Default);
    assert_eq!(ids(&d, &hits), "C");
    assert!(hits[0].distance_m.unwrap() < 0.01);
    // Read as WGS-84, the same coordinates are hundreds of metres off.
    d.crs = Crs::Wgs84;
    assert_eq!(ids(&d, &find(&d, &f, Sort::Default)), "");
}

#[test]
fn filters_combine_with_and() {
    let f = with(|f| {
        f.puhui = true;
        f.types = vec![FullDay];
        f.age = Some(30);
    });
    assert_eq!(run(&f, Sort::Default), "ACE");
    let f = with(|f| {
        f.puhui = true;
        f.types = vec![FullDay];
        f.vacant = true;
        f.q = "阳光".into();
    });
    assert_eq!(run(&f, Sort::Default), "A");
    let f = with(|f| {
        f.kinds = vec![Kind::Community];
        f.puhui = true;
    });
    assert_eq!(run(&f, Sort::Default), "");
}

#[test]
fn sort_by_distance_needs_near() {
    assert_eq!(run(&Filter::default(), Sort::Distance), "ABCDE");
    assert_eq!(run(&with(|f| f.near = Some(BASE)), Sort::Distance), "BDAEC");
}

#[test]
fn sort_by_name() {
    // Code-point order: Latin before CJK, then 工 U+5DE5 < 机 U+673A < 李 U+674E < 阳 U+9633.
    assert_eq!(run(&Filter::default(), Sort::Name), "BECDA");
}

#[test]
fn sort_by_fee_compares_like_with_like() {
    // Without a care type: the monthly full-day fee; places without one after, in file order.
    assert_eq!(run(&Filter::default(), Sort::Fee), "EABCD");
    assert_eq!(run(&with(|f| f.types = vec![Hourly]), Sort::Fee), "EB");
    // 30 元/小时 (B) is not cheaper than 1200 元/月 (E): monthly fees first, then hourly.
    let both = with(|f| f.types = vec![FullDay, Hourly]);
    assert_eq!(run(&both, Sort::Fee), "EABC");
    // Per session (D) comes after hourly and daily.
    let some = with(|f| f.types = vec![Hourly, Temporary]);
    assert_eq!(run(&some, Sort::Fee), "EBD");
}

#[test]
fn sort_by_vacancy_puts_unknown_last() {
    assert_eq!(run(&Filter::default(), Sort::Vacancy), "ADBCE");
}

#[test]
fn every_sort_is_stable() {
    let mut d = dataset(Crs::Wgs84);
    for i in &mut d.institutions {
        i.name = "同名".into();
        i.location = BASE;
        i.fees.clear();
        i.places = None;
    }
    let near = with(|f| f.near = Some(at(1.0)));
    for sort in Sort::ALL {
        assert_eq!(ids(&d, &find(&d, &near, sort)), "ABCDE", "{sort:?}");
    }
}

#[test]
fn sort_codes() {
    for s in Sort::ALL {
        assert_eq!(Sort::parse(s.code()), Some(s));
    }
    assert_eq!(Sort::parse("distance"), Some(Sort::Distance));
    assert_eq!(Sort::parse("vacancy"), Some(Sort::Vacancy));
    assert_eq!(Sort::parse(""), Some(Sort::Default));
    assert_eq!(Sort::parse("Distance"), None);
    assert_eq!(Sort::parse("default"), None);
}

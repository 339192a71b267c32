//! Scope selection against a brute-force answer: for random catalogue trees (country →
//! province → city → district, some datasets listed higher up, mixed coordinate systems) and
//! random points, the scope's list equals the list of every file, filtered. Border cases are
//! made on purpose: radii that end exactly on an institution of a neighbouring district.

mod cases;

use std::collections::HashMap;

use cases::config;
use proptest::prelude::*;
use serde_json::json;
use tuoyu_core::catalogue::merge::{check_box, merge, Merged};
use tuoyu_core::catalogue::scope::{plan, DatasetRef, Fetched, Plan, TreeProblem, Want};
use tuoyu_core::catalogue::{load_catalogue, BBox, Catalogue};
use tuoyu_core::coords::{to_wgs84, wgs84_to};
use tuoyu_core::distance::distance_m;
use tuoyu_core::filter::{find, Filter, Sort};
use tuoyu_core::load::{load_dataset, Loaded};
use tuoyu_core::model::{Crs, LatLng, Region};

/// A district: its code, its file's crs, and its institutions' WGS-84 points.
#[derive(Debug, Clone)]
struct District {
    code: String,
    crs: Crs,
    points: Vec<LatLng>,
}

/// Every file of a tree, by address.
struct Tree {
    catalogues: HashMap<String, Vec<u8>>,
    datasets: HashMap<String, Vec<u8>>,
    /// District codes in the tree's order.
    order: Vec<String>,
}

const ROOT: &str = "/t/root.json";

fn dataset_bytes(d: &District) -> Vec<u8> {
    let institutions: Vec<_> = d
        .points
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let p = wgs84_to(*p, d.crs);
            json!({
                "id": format!("{}-{n:04}", d.code), "name": format!("机构{n}"), "kind": "centre",
                "address": "某路 1 号", "location": { "lat": p.lat, "lng": p.lng },
                "care_types": ["full_day"], "age_months": { "min": 12, "max": 36 }, "puhui": n % 2 == 0
            })
        })
        .collect();
    let first = d
        .points
        .first()
        .copied()
        .unwrap_or(LatLng::new(23.7, 114.7));
    json!({
        "schema": "tuoyu.dataset/1", "title": format!("{}名录", d.code), "publisher": "卫健局",
        "published": "2025-09-01", "crs": d.crs.code(),
        "region": { "code": d.code, "name": d.code, "center": { "lat": first.lat, "lng": first.lng } },
        "institutions": institutions
    })
    .to_string()
    .into_bytes()
}

/// The box of a district's points in `crs` (its first point's when it has none).
fn district_box(d: &District, crs: Crs) -> BBox {
    let pts = d.points.iter().map(|p| wgs84_to(*p, crs));
    BBox::of_points(pts).unwrap_or(BBox::around(wgs84_to(LatLng::new(23.7, 114.7), crs)))
}

fn entry_json(code: &str, kind: &str, url: &str, b: BBox, count: usize) -> serde_json::Value {
    json!({
        "code": code, "name": code, "type": kind, "url": url,
        "bbox": { "south": b.south, "west": b.west, "north": b.north, "east": b.east },
        "center": { "lat": (b.south + b.north) / 2.0, "lng": (b.west + b.east) / 2.0 },
        "count": count, "published": "2025-09-01"
    })
}

fn catalogue_bytes(code: &str, crs: Crs, entries: Vec<serde_json::Value>) -> Vec<u8> {
    json!({
        "schema": "tuoyu.catalogue/1", "title": "名录", "publisher": "卫健委",
        "published": "2025-09-01", "crs": crs.code(),
        "region": { "code": code, "name": code, "center": { "lat": 23.7, "lng": 114.7 } },
        "entries": entries
    })
    .to_string()
    .into_bytes()
}

/// provinces[p][c] = the districts of city c of province p; `loose` are listed at the root.
/// With `flatten`, a province of one city is written as `tuoyu-publish bundle` writes it: its
/// entry in the root points straight at the city's catalogue, and it has no file of its own.
fn build(provinces: &[Vec<Vec<District>>], loose: &[District], crs: Crs, flatten: bool) -> Tree {
    let mut tree = Tree {
        catalogues: HashMap::new(),
        datasets: HashMap::new(),
        order: Vec::new(),
    };
    let mut root_entries = Vec::new();
    let add_district = |tree: &mut Tree, d: &District, folder: &str| {
        let url = format!("{folder}{}.json", d.code);
        tree.datasets.insert(url, dataset_bytes(d));
        tree.order.push(d.code.clone());
        (district_box(d, crs), d.points.len())
    };
    for (pi, cities) in provinces.iter().enumerate() {
        let pcode = format!("{}0000", 41 + pi);
        let mut p_entries = Vec::new();
        let mut p_box: Option<BBox> = None;
        let mut p_count = 0;
        for (ci, districts) in cities.iter().enumerate() {
            let ccode = format!("{}{:02}00", 41 + pi, ci + 1);
            let mut c_entries = Vec::new();
            let mut c_box: Option<BBox> = None;
            let mut c_count = 0;
            for d in districts {
                let (b, n) = add_district(&mut tree, d, &format!("/t/{pcode}/{ccode}/"));
                c_entries.push(entry_json(
                    &d.code,
                    "dataset",
                    &format!("{}.json", d.code),
                    b,
                    n,
                ));
                c_box = Some(c_box.map_or(b, |x| x.union(b)));
                c_count += n;
            }
            let cb = c_box.unwrap();
            tree.catalogues.insert(
                format!("/t/{pcode}/{ccode}/index.json"),
                catalogue_bytes(&ccode, crs, c_entries),
            );
            p_entries.push(entry_json(
                &ccode,
                "catalogue",
                &format!("{ccode}/index.json"),
                cb,
                c_count,
            ));
            p_box = Some(p_box.map_or(cb, |x| x.union(cb)));
            p_count += c_count;
        }
        let p_url = if flatten && cities.len() == 1 {
            format!("{pcode}/{}", p_entries[0]["url"].as_str().unwrap())
        } else {
            tree.catalogues.insert(
                format!("/t/{pcode}/index.json"),
                catalogue_bytes(&pcode, crs, p_entries),
            );
            format!("{pcode}/index.json")
        };
        root_entries.push(entry_json(
            &pcode,
            "catalogue",
            &p_url,
            p_box.unwrap(),
            p_count,
        ));
    }
    for d in loose {
        let (b, n) = add_district(&mut tree, d, "/t/");
        root_entries.push(entry_json(
            &d.code,
            "dataset",
            &format!("{}.json", d.code),
            b,
            n,
        ));
    }
    tree.catalogues.insert(
        ROOT.to_owned(),
        catalogue_bytes("000000", crs, root_entries),
    );
    tree
}

/// Fetches catalogues as the plan asks until it is settled; the addresses fetched, in order.
fn settle(tree: &Tree, want: &Want) -> (Plan, Vec<String>) {
    let root = load_catalogue(&tree.catalogues[ROOT], ROOT, &[]).unwrap();
    let mut fetched: HashMap<String, Catalogue> = HashMap::new();
    let mut asked = Vec::new();
    loop {
        let p = plan(
            ROOT,
            &root,
            want,
            |u| fetched.get(u).map_or(Fetched::Not, Fetched::Ready),
            &[],
        );
        if p.is_settled() {
            return (p, asked);
        }
        for url in p.fetch {
            let c = load_catalogue(&tree.catalogues[&url], &url, &[]).unwrap();
            asked.push(url.clone());
            fetched.insert(url, c);
        }
    }
}

fn merged(tree: &Tree, refs: &[DatasetRef]) -> Merged {
    let parts: Vec<(DatasetRef, Loaded)> = refs
        .iter()
        .map(|r| {
            let loaded = load_dataset(&tree.datasets[&r.url]).unwrap();
            check_box(r, &loaded.dataset).expect("every generated box holds its file");
            (r.clone(), loaded)
        })
        .collect();
    let region = Region {
        code: "000000".into(),
        name: "全国".into(),
        center: LatLng::new(23.7, 114.7),
        areas: vec![],
    };
    merge(parts, region, Crs::Gcj02)
}

/// Every dataset of the tree, as the brute force loads them.
fn everything(tree: &Tree) -> Vec<DatasetRef> {
    settle(tree, &Want::Region("000000".into())).0.datasets
}

fn ids(m: &Merged, filter: &Filter) -> Vec<(String, Option<u64>)> {
    find(&m.loaded.dataset, filter, Sort::Distance)
        .into_iter()
        .map(|h| {
            (
                m.loaded.dataset.institutions[h.index].id.clone(),
                h.distance_m.map(|d| (d * 1000.0) as u64),
            )
        })
        .collect()
}

fn point() -> impl Strategy<Value = LatLng> {
    (23.60..23.90f64, 114.55..114.85f64).prop_map(|(a, b)| LatLng::new(a, b))
}

fn district(code: String) -> impl Strategy<Value = District> {
    // Districts side by side: each a cluster around its own centre, some touching.
    (
        point(),
        prop::collection::vec((-0.03..0.03f64, -0.03..0.03f64), 0..5),
        prop::bool::ANY,
    )
        .prop_map(move |(c, offs, gcj)| District {
            code: code.clone(),
            crs: if gcj { Crs::Gcj02 } else { Crs::Wgs84 },
            points: offs
                .into_iter()
                .map(|(a, b)| LatLng::new(c.lat + a, c.lng + b))
                .collect(),
        })
}

type Shape = (Vec<Vec<Vec<District>>>, Vec<District>);

fn shape() -> impl Strategy<Value = Shape> {
    let city = |p: usize, c: usize| {
        (1..4usize).prop_flat_map(move |n| {
            (0..n)
                .map(|d| district(format!("{}{:02}{:02}", 41 + p, c + 1, d + 1)).boxed())
                .collect::<Vec<_>>()
        })
    };
    let province = move |p: usize| {
        (1..3usize).prop_flat_map(move |n| (0..n).map(|c| city(p, c).boxed()).collect::<Vec<_>>())
    };
    let provinces =
        (1..3usize).prop_flat_map(move |n| (0..n).map(|p| province(p).boxed()).collect::<Vec<_>>());
    let loose = (0..2usize).prop_flat_map(|n| {
        (0..n)
            .map(|d| district(format!("5000{:02}", d + 1)).boxed())
            .collect::<Vec<_>>()
    });
    (provinces, loose)
}

proptest! {
    #![proptest_config(config())]

    /// A radius query over the scope equals the same query over every file, borders included.
    #[test]
    fn a_radius_scope_lists_what_every_file_lists(
        (provinces, loose) in shape(),
        flatten in any::<bool>(),
        near in point(),
        radius in 100u32..8000,
        on_edge in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let tree = build(&provinces, &loose, Crs::Gcj02, flatten);
        let all = merged(&tree, &everything(&tree));
        // A border case: the radius ends exactly on one institution (wherever it is).
        let radius = match on_edge {
            Some(ix) if !all.loaded.dataset.institutions.is_empty() => {
                let inst = ix.get(&all.loaded.dataset.institutions);
                distance_m(wgs84_to(near, Crs::Gcj02), inst.location).ceil().max(1.0) as u32
            }
            _ => radius,
        };
        let filter = Filter { near: Some(near), radius_m: Some(radius), ..Filter::default() };
        let (p, _) = settle(&tree, &Want::Within { near, radius_m: radius });
        prop_assert!(p.refused.is_empty() && p.failed.is_empty());
        let scoped = merged(&tree, &p.datasets);
        prop_assert_eq!(ids(&scoped, &filter), ids(&all, &filter));
    }

    /// `region=` at every level: exactly the districts whose codes lie under it.
    #[test]
    fn a_region_scope_is_everything_under_it((provinces, loose) in shape(), flatten in any::<bool>(), pick in any::<prop::sample::Index>()) {
        let tree = build(&provinces, &loose, Crs::Wgs84, flatten);
        let mut codes: Vec<String> = tree.order.clone();
        for d in tree.order.iter().filter(|d| !d.starts_with("50")) {
            codes.push(format!("{}0000", &d[..2]));
            codes.push(format!("{}00", &d[..4]));
        }
        let code = pick.get(&codes).clone();
        let (p, asked) = settle(&tree, &Want::Region(code.clone()));
        let got: Vec<&str> = p.datasets.iter().map(|d| d.code.as_str()).collect();
        let prefix = code.trim_end_matches("00").trim_end_matches("00");
        let want: Vec<&str> = tree.order.iter().map(String::as_str).filter(|d| d.starts_with(prefix)).collect();
        prop_assert_eq!(got, want);
        // Only the catalogues on the way there and below it were fetched.
        for url in asked {
            let folder_code = url.trim_end_matches("/index.json").rsplit('/').next().unwrap().to_owned();
            prop_assert!(code.starts_with(folder_code.trim_end_matches("00").trim_end_matches("00")) || folder_code.starts_with(prefix), "{} for {}", url, code);
        }
    }

    /// `near` alone: the districts whose boxes hold the point; when none does, one nearest.
    #[test]
    fn a_point_alone_takes_the_boxes_holding_it((provinces, loose) in shape(), flatten in any::<bool>(), near in point()) {
        let tree = build(&provinces, &loose, Crs::Wgs84, flatten);
        let (p, _) = settle(&tree, &Want::Holding(near));
        prop_assert!(!p.datasets.is_empty());
        let every = everything(&tree);
        let holding: Vec<&str> = every.iter().filter(|d| d.bbox.contains(near)).map(|d| d.code.as_str()).collect();
        let got: Vec<&str> = p.datasets.iter().map(|d| d.code.as_str()).collect();
        for code in &holding {
            // Every holding box is taken when its parents' boxes hold the point too (they do:
            // a parent's box holds its children's).
            prop_assert!(got.contains(code), "{} holds the point", code);
        }
        if holding.is_empty() {
            prop_assert_eq!(got.len(), 1);
        }
    }
}

#[test]
fn box_distance_is_never_more_than_to_an_institution_inside() {
    let b = BBox {
        south: 23.70,
        west: 114.70,
        north: 23.72,
        east: 114.72,
    };
    for p in [
        LatLng::new(23.71, 114.65),
        LatLng::new(23.75, 114.73),
        LatLng::new(23.69, 114.71),
    ] {
        let d = tuoyu_core::catalogue::scope::box_distance_m(&b, p);
        for q in [
            LatLng::new(23.70, 114.70),
            LatLng::new(23.71, 114.70),
            LatLng::new(23.72, 114.72),
        ] {
            assert!(d <= distance_m(p, q) + 1e-6);
        }
    }
    assert_eq!(
        tuoyu_core::catalogue::scope::box_distance_m(&b, LatLng::new(23.71, 114.71)),
        0.0
    );
    let _ = to_wgs84(LatLng::new(23.7, 114.7), Crs::Gcj02);
}

#[test]
fn a_cycle_and_a_fourth_level_are_refused_by_name_and_the_rest_kept() {
    let b = BBox {
        south: 23.6,
        west: 114.6,
        north: 23.8,
        east: 114.8,
    };
    let d = District {
        code: "441602".into(),
        crs: Crs::Wgs84,
        points: vec![LatLng::new(23.7, 114.7)],
    };
    let mut files: HashMap<String, Vec<u8>> = HashMap::new();
    files.insert(
        "/c/root.json".into(),
        catalogue_bytes(
            "000000",
            Crs::Wgs84,
            vec![
                entry_json("441602", "dataset", "441602.json", b, 1),
                entry_json("440000", "catalogue", "a.json", b, 1),
                entry_json("450000", "catalogue", "root.json", b, 1),
            ],
        ),
    );
    files.insert(
        "/c/a.json".into(),
        catalogue_bytes(
            "440000",
            Crs::Wgs84,
            vec![entry_json("441600", "catalogue", "b.json", b, 1)],
        ),
    );
    files.insert(
        "/c/b.json".into(),
        catalogue_bytes(
            "441600",
            Crs::Wgs84,
            vec![entry_json("441601", "catalogue", "c.json", b, 1)],
        ),
    );
    files.insert(
        "/c/c.json".into(),
        catalogue_bytes(
            "441601",
            Crs::Wgs84,
            vec![entry_json("441699", "dataset", "x.json", b, 1)],
        ),
    );
    let _ = dataset_bytes(&d);
    let root = load_catalogue(&files["/c/root.json"], "/c/root.json", &[]).unwrap();
    let mut fetched: HashMap<String, Catalogue> = HashMap::new();
    let p = loop {
        let p = plan(
            "/c/root.json",
            &root,
            &Want::Region("000000".into()),
            |u| fetched.get(u).map_or(Fetched::Not, Fetched::Ready),
            &[],
        );
        if p.is_settled() {
            break p;
        }
        for u in p.fetch {
            let c = load_catalogue(&files[&u], &u, &[]).unwrap();
            fetched.insert(u, c);
        }
    };
    let codes: Vec<&str> = p.datasets.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["441602"]);
    let problems: Vec<(&str, &TreeProblem)> = p
        .refused
        .iter()
        .map(|r| (r.code.as_str(), &r.problem))
        .collect();
    assert_eq!(
        problems,
        [
            ("441601", &TreeProblem::TooDeep),
            ("450000", &TreeProblem::Cycle)
        ]
    );
}

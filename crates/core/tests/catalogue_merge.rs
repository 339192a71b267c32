//! Several districts' files as one list: ids another file already listed are left out and
//! reported on their own file, boxes that do not hold their file are named.

use serde_json::json;
use tuoyu_core::catalogue::merge::{check_box, merge};
use tuoyu_core::catalogue::scope::DatasetRef;
use tuoyu_core::catalogue::BBox;
use tuoyu_core::load::{load_dataset, Loaded};
use tuoyu_core::model::{parse_date, Crs, LatLng, Region};

fn file(code: &str, ids: &[&str], crs: Crs) -> Loaded {
    let records: Vec<_> = ids
        .iter()
        .map(|id| {
            json!({
                "id": id, "name": format!("{id}园"), "kind": "centre", "address": "路 1 号",
                "location": { "lat": 23.70, "lng": 114.70 }, "care_types": ["full_day"],
                "age_months": { "min": 12, "max": 36 }, "puhui": true
            })
        })
        .collect();
    let mut records = records;
    records.insert(1, json!({ "id": "bad" }));
    let v = json!({
        "schema": "tuoyu.dataset/1", "title": format!("{code}名录"), "publisher": format!("{code}卫健局"),
        "published": "2025-09-01", "crs": crs.code(),
        "region": { "code": code, "name": code, "center": { "lat": 23.7, "lng": 114.7 } },
        "institutions": records
    });
    load_dataset(v.to_string().as_bytes()).unwrap()
}

fn entry(code: &str, bbox: BBox) -> DatasetRef {
    DatasetRef {
        code: code.into(),
        name: format!("{code}区"),
        url: format!("/d/{code}.json"),
        bbox,
        crs: Crs::Wgs84,
        count: 2,
        published: parse_date("2025-09-01").unwrap(),
        parent: ("441600".into(), "河源市".into()),
    }
}

const AROUND: BBox = BBox {
    south: 23.69,
    west: 114.69,
    north: 23.71,
    east: 114.71,
};

/// 源城区 with `first`'s ids, then 东源县 with `second`'s, merged.
fn two_files(first: &[&str], second: &[&str]) -> tuoyu_core::catalogue::merge::Merged {
    let region = Region {
        code: "441600".into(),
        name: "河源市".into(),
        center: LatLng::new(23.7, 114.7),
        areas: vec![],
    };
    let parts = vec![
        (entry("441602", AROUND), file("441602", first, Crs::Wgs84)),
        (entry("441625", AROUND), file("441625", second, Crs::Wgs84)),
    ];
    merge(parts, region, Crs::Wgs84)
}

#[test]
fn files_merge_in_order_and_a_repeated_id_is_reported_on_its_own_file() {
    let m = two_files(&["A-1", "A-2"], &["B-1", "A-2", "B-3"]);
    let ids: Vec<&str> = m
        .loaded
        .dataset
        .institutions
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["A-1", "A-2", "B-1", "B-3"]);
    // Each file's own bad record, plus the repeated id on the second file.
    assert_eq!(m.loaded.skipped, 3);
    assert_eq!((m.sources[0].skipped, m.sources[1].skipped), (1, 2));
    let dup = m.sources[1]
        .problems
        .iter()
        .find(|p| p.id.as_deref() == Some("A-2"))
        .unwrap();
    // "A-2" is the third record of the second file (after B-1 and the bad one).
    assert_eq!(dup.index, 2);
    assert!(dup.message.contains("441602"), "{}", dup.message);
    assert_eq!(m.sources[1].publisher, "441625卫健局");
}

#[test]
fn a_box_that_does_not_hold_its_file_is_named() {
    let loaded = file("441602", &["A-1"], Crs::Wgs84);
    assert!(check_box(&entry("441602", AROUND), &loaded.dataset).is_ok());
    let east = BBox {
        south: 23.69,
        west: 114.80,
        north: 23.71,
        east: 114.90,
    };
    assert_eq!(
        check_box(&entry("441602", east), &loaded.dataset)
            .unwrap_err()
            .id,
        "A-1"
    );
    // The same points in GCJ-02 are a few hundred metres off the WGS-84 box.
    let gcj = file("441602", &["A-1"], Crs::Gcj02);
    let tight = BBox {
        south: 23.6999,
        west: 114.6999,
        north: 23.7001,
        east: 114.7001,
    };
    assert!(check_box(&entry("441602", tight), &gcj.dataset).is_err());
}

#[test]
fn each_institution_is_traced_to_its_file() {
    let m = two_files(&["A-1", "A-2"], &["B-1"]);
    let codes: Vec<&str> = (0..4)
        .filter_map(|i| m.source_of(i))
        .map(|s| s.entry.code.as_str())
        .collect();
    assert_eq!(codes, ["441602", "441602", "441625"]);
    use tuoyu_core::catalogue::district_of_id;
    assert_eq!(district_of_id("441602-0007"), Some("441602"));
    assert_eq!(district_of_id("YC-0007"), None);
    assert_eq!(district_of_id("441602-"), None);
}

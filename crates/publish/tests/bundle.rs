//! `bundle`: district files → a catalogue tree whose boxes, counts and dates come from the
//! files and which the app's own catalogue reader accepts; every kind of refusal names the
//! file and the code or id; a release diff finds districts added, removed and changed.

mod common;

use std::collections::HashMap;

use common::{p, run, write};
use serde_json::{json, Value};
use tuoyu_core::catalogue::{load_catalogue, Catalogue, EntryKind};
use tuoyu_core::coords::wgs84_to_gcj02;
use tuoyu_core::model::LatLng;
use tuoyu_publish::bundle::{bundle, hashed_name, read_regions, Input, Options, ROOT_FILE};
use tuoyu_publish::release::diff_releases;

fn inst(id: &str, lat: f64, lng: f64) -> Value {
    json!({
        "id": id, "name": format!("机构{id}"), "kind": "centre", "address": "某路 1 号",
        "location": {"lat": lat, "lng": lng}, "care_types": ["full_day"],
        "age_months": {"min": 6, "max": 36}, "puhui": true
    })
}

fn district(code: &str, name: &str, published: &str, institutions: Vec<Value>) -> Value {
    json!({
        "schema": "tuoyu.dataset/1", "title": format!("{name}托育服务机构名录"),
        "publisher": format!("{name}卫生健康局"), "published": published, "crs": "GCJ-02",
        "region": {"code": code, "name": name, "center": {"lat": 23.7, "lng": 114.7}},
        "institutions": institutions
    })
}

fn input(name: &str, v: &Value) -> Input {
    Input {
        name: name.to_owned(),
        bytes: v.to_string().into_bytes(),
    }
}

/// 源城区 and 东源县 in 河源市, 惠城区 in 惠州市: two cities of one province.
fn guangdong() -> Vec<Input> {
    vec![
        input(
            "yuancheng.json",
            &district(
                "441602",
                "源城区",
                "2026-11-20",
                vec![
                    inst("441602-1", 23.74, 114.69),
                    inst("441602-2", 23.76, 114.72),
                ],
            ),
        ),
        input(
            "dongyuan.json",
            &district(
                "441625",
                "东源县",
                "2026-10-01",
                vec![inst("441625-1", 23.79, 114.74)],
            ),
        ),
        input(
            "huicheng.json",
            &district(
                "441302",
                "惠城区",
                "2026-09-15",
                vec![inst("441302-1", 23.11, 114.41)],
            ),
        ),
    ]
}

fn regions() -> Options {
    let list = "code,name\n441600,河源市\n441300,惠州市\n";
    Options {
        publisher: "广东省卫生健康委员会".to_owned(),
        regions: read_regions(list.as_bytes(), "regions.csv").unwrap(),
        ..Options::default()
    }
}

fn files(out: &[(String, Vec<u8>)]) -> HashMap<String, Vec<u8>> {
    out.iter().cloned().collect()
}

fn catalogue(files: &HashMap<String, Vec<u8>>, name: &str) -> Catalogue {
    load_catalogue(&files[name], &format!("/d/{name}"), &[]).expect("the app reads it")
}

fn refused(inputs: &[Input], opts: &Options) -> String {
    bundle(inputs, opts).expect_err("refused").join("\n")
}

#[test]
fn a_province_of_two_cities_makes_a_tree_computed_from_the_files() {
    let out = bundle(&guangdong(), &regions()).expect("bundled");
    let files = files(&out.files);
    assert_eq!((out.districts, out.catalogues, out.institutions), (3, 3, 4));
    let root = catalogue(&files, ROOT_FILE);
    assert_eq!(root.region.code, "440000");
    assert_eq!(root.region.name, "广东省");
    assert_eq!(root.published.to_string(), "2026-11-20");
    let codes: Vec<&str> = root.entries.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["441300", "441600"]);
    let heyuan = &root.entries[1];
    assert_eq!(
        (heyuan.kind, heyuan.count, heyuan.name.as_str()),
        (EntryKind::Catalogue, 3, "河源市")
    );
    assert_eq!(heyuan.published.to_string(), "2026-11-20");
    // The city's box holds exactly its institutions (rounded outwards).
    let b = heyuan.bbox;
    assert!(
        (b.south - 23.74).abs() < 1e-6 && (b.north - 23.79).abs() < 1e-6,
        "{b:?}"
    );
    assert!(
        (b.west - 114.69).abs() < 1e-6 && (b.east - 114.74).abs() < 1e-6,
        "{b:?}"
    );
    let city = catalogue(&files, &heyuan.url);
    assert_eq!(city.entries.len(), 2);
    for e in &city.entries {
        assert_eq!(e.kind, EntryKind::Dataset);
        // Each dataset is copied as it was, under the hash of its bytes.
        let bytes = &files[&e.url];
        assert_eq!(e.url, hashed_name(&e.code, bytes));
        let original = guangdong().into_iter().find(|i| i.bytes == *bytes);
        assert!(original.is_some(), "{} is an input file unchanged", e.url);
    }
    assert_eq!(
        city.entry("441625").unwrap().published.to_string(),
        "2026-10-01"
    );
    assert_eq!(heyuan.url, hashed_name("441600", &files[&heyuan.url]));
}

#[test]
fn the_root_is_the_smallest_region_holding_every_district() {
    let only_heyuan: Vec<Input> = guangdong().into_iter().take(2).collect();
    let out = bundle(&only_heyuan, &regions()).unwrap();
    let root = catalogue(&files(&out.files), ROOT_FILE);
    assert_eq!(root.region.code, "441600");
    assert!(root.entries.iter().all(|e| e.kind == EntryKind::Dataset));
    let mut national = guangdong();
    national.push(input(
        "chaoyang.json",
        &district(
            "110105",
            "朝阳区",
            "2026-08-01",
            vec![inst("110105-1", 39.92, 116.44)],
        ),
    ));
    let mut opts = regions();
    opts.regions
        .extend(read_regions("110100,北京市市辖区\n".as_bytes(), "more.csv").unwrap());
    let out = bundle(&national, &opts).unwrap();
    let files = files(&out.files);
    let root = catalogue(&files, ROOT_FILE);
    assert_eq!(
        (root.region.code.as_str(), root.region.name.as_str()),
        ("000000", "全国")
    );
    assert_eq!(root.entries.iter().map(|e| e.count).sum::<u32>(), 5);
    // Three levels below the root: province, city, and there the datasets.
    let guangdong = catalogue(&files, &root.entry("440000").unwrap().url);
    let city = catalogue(&files, &guangdong.entry("441600").unwrap().url);
    assert_eq!(city.entries[0].kind, EntryKind::Dataset);
    // 北京市 has one city, its 市辖区: the province's entry keeps its code and name and points
    // straight at the city's catalogue, and the province gets no file (5 catalogues, not 6),
    // so a phone in 北京 fetches one file less.
    let beijing = root.entry("110000").unwrap();
    let city = catalogue(&files, &beijing.url);
    assert_eq!(
        (
            beijing.name.as_str(),
            city.region.code.as_str(),
            city.region.name.as_str()
        ),
        ("北京市", "110100", "北京市市辖区")
    );
    assert_eq!(
        (beijing.count, beijing.bbox),
        (city.entries[0].count, city.entries[0].bbox)
    );
    assert_eq!(city.entries[0].kind, EntryKind::Dataset);
    assert_eq!(out.catalogues, 5);
    assert!(!files.keys().any(|name| name.starts_with("110000-")));
}

#[test]
fn one_changed_district_renames_its_own_branch_only() {
    let before = files(&bundle(&guangdong(), &regions()).unwrap().files);
    let mut changed = guangdong();
    changed[1] = input(
        "dongyuan.json",
        &district(
            "441625",
            "东源县",
            "2026-10-01",
            vec![inst("441625-1", 23.80, 114.74)],
        ),
    );
    let after = files(&bundle(&changed, &regions()).unwrap().files);
    let url = |f: &HashMap<String, Vec<u8>>, code: &str| {
        catalogue(f, ROOT_FILE).entry(code).unwrap().url.clone()
    };
    assert_ne!(url(&before, "441600"), url(&after, "441600"));
    assert_eq!(url(&before, "441300"), url(&after, "441300"));
    assert_eq!(before.len(), after.len());
}

#[test]
fn a_duplicate_id_across_files_is_refused_with_both_files_and_the_id() {
    let mut inputs = guangdong();
    inputs[2] = input(
        "huicheng.json",
        &district(
            "441302",
            "惠城区",
            "2026-09-15",
            vec![inst("441602-2", 23.11, 114.41)],
        ),
    );
    let msg = refused(&inputs, &regions());
    assert!(
        msg.contains("huicheng.json") && msg.contains("441602-2"),
        "{msg}"
    );
    assert!(msg.contains("yuancheng.json"), "{msg}");
}

#[test]
fn a_district_under_the_wrong_parent_is_refused_with_its_file_and_code() {
    let mut opts = regions();
    opts.regions.extend(
        read_regions(
            "code,name,parent\n441625,东源县,441300\n".as_bytes(),
            "r.csv",
        )
        .unwrap(),
    );
    let msg = refused(&guangdong(), &opts);
    assert!(
        msg.contains("dongyuan.json") && msg.contains("441625") && msg.contains("441300"),
        "{msg}"
    );
    // A county directly under its own province is allowed (省直辖县级行政区划).
    let mut opts = regions();
    opts.regions.extend(
        read_regions(
            "code,name,parent\n441625,东源县,440000\n".as_bytes(),
            "r.csv",
        )
        .unwrap(),
    );
    let root = catalogue(
        &files(&bundle(&guangdong(), &opts).unwrap().files),
        ROOT_FILE,
    );
    assert_eq!(root.entry("441625").unwrap().kind, EntryKind::Dataset);
}

#[test]
fn unusable_files_two_files_of_one_district_and_unnamed_cities_are_refused_by_name() {
    let mut inputs = guangdong();
    inputs.push(Input {
        name: "broken.json".into(),
        bytes: b"<html>404</html>".to_vec(),
    });
    let msg = refused(&inputs, &regions());
    assert!(msg.contains("broken.json："), "{msg}");
    let mut inputs = guangdong();
    inputs.push(input(
        "yuancheng-copy.json",
        &district("441602", "源城区", "2026-11-21", vec![]),
    ));
    let msg = refused(&inputs, &regions());
    assert!(
        msg.contains("yuancheng-copy.json")
            && msg.contains("yuancheng.json")
            && msg.contains("441602"),
        "{msg}"
    );
    let opts = Options {
        publisher: "某委".into(),
        ..Options::default()
    };
    let msg = refused(&guangdong(), &opts);
    assert!(msg.contains("441600") && msg.contains("--regions"), "{msg}");
}

#[test]
fn mixed_coordinate_systems_need_crs_and_boxes_are_converted() {
    let mut inputs = guangdong();
    let mut wgs = district(
        "441302",
        "惠城区",
        "2026-09-15",
        vec![inst("441302-1", 23.11, 114.41)],
    );
    wgs["crs"] = json!("WGS-84");
    inputs[2] = input("huicheng.json", &wgs);
    let msg = refused(&inputs, &regions());
    assert!(msg.contains("--crs"), "{msg}");
    let mut opts = regions();
    opts.crs = Some(tuoyu_core::model::Crs::Gcj02);
    let out = bundle(&inputs, &opts).unwrap();
    let root = catalogue(&files(&out.files), ROOT_FILE);
    let b = root.entry("441300").unwrap().bbox;
    let gcj = wgs84_to_gcj02(LatLng::new(23.11, 114.41));
    assert!(
        b.contains(gcj) && !b.contains(LatLng::new(23.11, 114.41)),
        "{b:?} {gcj:?}"
    );
}

#[test]
fn a_release_diff_names_districts_added_removed_and_changed_with_their_institutions() {
    let old = files(&bundle(&guangdong(), &regions()).unwrap().files);
    let mut inputs = guangdong();
    inputs.remove(2);
    inputs[0] = input(
        "yuancheng.json",
        &district(
            "441602",
            "源城区",
            "2026-12-01",
            vec![
                inst("441602-1", 23.74, 114.69),
                inst("441602-3", 23.75, 114.70),
            ],
        ),
    );
    inputs.push(input(
        "zijin.json",
        &district(
            "441621",
            "紫金县",
            "2026-12-01",
            vec![inst("441621-1", 23.63, 115.18)],
        ),
    ));
    let new = files(&bundle(&inputs, &regions()).unwrap().files);
    let r = diff_releases(&|f: &str| old.get(f).cloned(), &|f: &str| {
        new.get(f).cloned()
    })
    .unwrap();
    let codes = |d: &[tuoyu_publish::release::District]| {
        d.iter().map(|x| x.code.clone()).collect::<Vec<_>>()
    };
    assert_eq!(codes(&r.added), ["441621"]);
    assert_eq!(codes(&r.removed), ["441302"]);
    assert_eq!(r.unchanged, 1);
    assert_eq!(r.changed.len(), 1);
    let inner = &r.changed[0].diff;
    assert_eq!(inner.added[0].id, "441602-3");
    assert_eq!(inner.removed[0].id, "441602-2");
}

#[test]
fn the_command_writes_the_tree_and_diffs_two_release_folders() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir_all(src.join("heyuan")).unwrap();
    for i in guangdong() {
        write(&src.join("heyuan"), &i.name, &i.bytes);
    }
    let list = write(
        dir.path(),
        "regions.csv",
        "编码,名称\n441600,河源市\n441300,惠州市\n".as_bytes(),
    );
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let args = |out: &std::path::Path| {
        vec![
            "bundle".to_owned(),
            p(&src).to_owned(),
            "--out".into(),
            p(out).to_owned(),
            "--publisher".into(),
            "广东省卫生健康委员会".into(),
            "--regions".into(),
            p(&list).to_owned(),
        ]
    };
    let r = run(&args(&a).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("3 个辖区数据文件"), "{}", r.stderr);
    assert!(a.join(ROOT_FILE).exists());
    assert_eq!(std::fs::read_dir(&a).unwrap().count(), 6);
    // A broken file: nothing written, the file named.
    write(&src.join("heyuan"), "bad.json", b"{");
    let r = run(&args(&b).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.json") && !b.exists(), "{}", r.stderr);
    std::fs::remove_file(src.join("heyuan").join("bad.json")).unwrap();
    std::fs::remove_file(src.join("heyuan").join("huicheng.json")).unwrap();
    assert_eq!(
        run(&args(&b).iter().map(String::as_str).collect::<Vec<_>>()).code,
        0
    );
    let r = run(&["diff", p(&a), p(&b)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("删除 1 个辖区") && r.stdout.contains("441302 惠城区"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("未变 2"), "{}", r.stdout);
}

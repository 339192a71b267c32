//! Shared builders: a small valid file that each test bends one way.
#![allow(dead_code)]

use serde_json::{json, Value};
use tuoyu_core::load::{load_dataset, FileError, Loaded, RecordProblem};

pub fn minimal(id: &str) -> Value {
    json!({
        "id": id,
        "name": "东埔托育中心",
        "kind": "centre",
        "address": "源城区东埔街道长安路 1 号",
        "location": { "lat": 23.7431, "lng": 114.6972 },
        "care_types": ["full_day"],
        "age_months": { "min": 12, "max": 36 },
        "puhui": true
    })
}

pub fn full(id: &str) -> Value {
    json!({
        "id": id,
        "name": "源城区示范托育园",
        "kind": "community",
        "operator": "public_private",
        "nonprofit": true,
        "registration": { "number": "粤卫托备 2023-001", "date": "2023-05-06", "status": "filed" },
        "area": "441602003",
        "address": "源城区东埔街道文明路 8 号",
        "location": { "lat": 23.75, "lng": 114.70 },
        "phone": "+86 (0762) 330-0000 转 12",
        "care_types": ["full_day", "hourly"],
        "age_months": { "min": 6, "max": 36 },
        "puhui": true,
        "fees": {
            "full_day": { "amount": 1800, "unit": "month" },
            "hourly": { "amount": 30.5, "unit": "hour" }
        },
        "places": { "total": 60, "vacant": 5, "as_of": "2025-09-01" },
        "hours": "周一至周五 07:30–18:00",
        "demonstration": true,
        "quality": { "grade": "A", "year": 2024 },
        "inspections": [
            { "date": "2024-03-01", "result": "rectify", "summary": "消防通道堆放杂物" },
            { "date": "2024-09-01", "result": "pass" }
        ],
        "open_to_public": false,
        "features": ["膳食", "户外场地"],
        "updated": "2025-09-02"
    })
}

pub fn file(records: Vec<Value>) -> Value {
    json!({
        "schema": "tuoyu.dataset/1",
        "title": "源城区托育服务机构名录",
        "publisher": "源城区卫生健康局",
        "published": "2025-09-01",
        "crs": "GCJ-02",
        "sample": true,
        "region": {
            "code": "441602",
            "name": "源城区",
            "center": { "lat": 23.746, "lng": 114.697 },
            "areas": [
                { "code": "441602001", "name": "上城街道", "center": { "lat": 23.74, "lng": 114.70 } },
                { "code": "441602003", "name": "东埔街道", "center": { "lat": 23.75, "lng": 114.71 } }
            ]
        },
        "institutions": records
    })
}

pub fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).expect("serializable")
}

pub fn load(v: &Value) -> Result<Loaded, FileError> {
    load_dataset(&bytes(v))
}

pub fn load_ok(v: &Value) -> Loaded {
    match load(v) {
        Ok(l) => l,
        Err(e) => panic!("file refused: {e}"),
    }
}

/// Loads one record bent by `edit` and returns its problems (empty = listed).
pub fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<RecordProblem> {
    let mut r = full("YC-0001");
    edit(&mut r);
    let loaded = load_ok(&file(vec![r]));
    let listed = loaded.dataset.institutions.len();
    assert_eq!(listed + loaded.skipped + loaded.revoked.len(), 1);
    assert_eq!(loaded.skipped == 1, !loaded.problems.is_empty());
    loaded.problems
}

pub fn remove(v: &mut Value, key: &str) {
    v.as_object_mut().expect("object").remove(key);
}

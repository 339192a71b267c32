//! `check` exit codes and reports, and `diff` of two known files.

mod common;

use common::{p, run, write};
use serde_json::{json, Value};

fn inst(id: &str, name: &str) -> Value {
    json!({
        "id": id, "name": name, "kind": "centre", "address": "某路 1 号",
        "location": {"lat": 23.75, "lng": 114.7}, "care_types": ["full_day"],
        "age_months": {"min": 6, "max": 36}, "puhui": true,
        "fees": {"full_day": {"amount": 1600, "unit": "month"}},
        "places": {"total": 20, "vacant": 2, "as_of": "2026-11-15"},
        "registration": {"status": "filed"}
    })
}

fn dataset(published: &str, institutions: Vec<Value>) -> Value {
    json!({
        "schema": "tuoyu.dataset/1", "title": "源城区托育服务机构名录",
        "publisher": "源城区卫生健康局", "published": published, "crs": "GCJ-02",
        "region": {"code": "441602", "name": "源城区", "center": {"lat": 23.746, "lng": 114.697}},
        "institutions": institutions
    })
}

fn file(dir: &std::path::Path, name: &str, v: &Value) -> std::path::PathBuf {
    write(dir, name, v.to_string().as_bytes())
}

#[test]
fn check_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = file(
        dir.path(),
        "good.json",
        &dataset("2026-11-20", vec![inst("A", "甲")]),
    );
    let mut revoked = inst("R", "已注销的");
    revoked["registration"]["status"] = json!("revoked");
    let with_revoked = file(
        dir.path(),
        "rev.json",
        &dataset("2026-11-20", vec![revoked]),
    );
    let mut broken = inst("B", "坏的");
    broken["location"]["lat"] = json!(93.0);
    let bad = file(
        dir.path(),
        "bad.json",
        &dataset("2026-11-20", vec![inst("A", "甲"), broken]),
    );
    let not_json = write(dir.path(), "x.json", b"{\"schema\": ");
    let html = write(dir.path(), "h.json", b"<html>502 Bad Gateway</html>");

    assert_eq!(run(&["check", p(&good)]).code, 0);
    assert_eq!(
        run(&["check", p(&with_revoked)]).code,
        0,
        "revoked is not a problem"
    );
    let r = run(&["check", p(&bad)]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(
            "✗ 第 2 条记录（编号 B） location（纬度、经度）：坐标 93,114.7 不在中国范围内"
        ),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("共 2 条机构记录，1 条会显示，0 条已注销（不显示），1 条有错误"));
    for unusable in [&not_json, &html, &dir.path().join("missing.json")] {
        let r = run(&["check", p(unusable)]);
        assert_eq!(r.code, 2, "{}", r.stdout);
        assert!(r.stdout.contains("整个文件不能用"), "{}", r.stdout);
    }
}

#[test]
fn check_json_says_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut broken = inst("B", "坏的");
    broken["age_months"] = json!({"min": 30, "max": 12});
    let mut dup = inst("A", "重复");
    dup["name"] = json!("重复");
    let bad = file(
        dir.path(),
        "bad.json",
        &dataset("2026-11-20", vec![inst("A", "甲"), broken, dup]),
    );
    let r = run(&["check", p(&bad), "--json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    assert_eq!(v["usable"], true);
    assert_eq!(
        (
            v["records"].clone(),
            v["listed"].clone(),
            v["skipped"].clone()
        ),
        (json!(3), json!(1), json!(2))
    );
    assert_eq!(
        v["problems"],
        json!([
            {"record": 2, "id": "B", "field": "age_months", "field_name": "最小月龄、最大月龄",
             "message": "最小月龄 30 大于最大月龄 12"},
            {"record": 3, "id": "A", "field": "id", "field_name": "编号",
             "message": "编号“A”与第 1 条记录重复（编号在文件内必须唯一）"}
        ])
    );
    let r = run(&["check", p(&dir.path().join("none.json")), "--json"]);
    assert_eq!(r.code, 2);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    assert_eq!(v["usable"], false);
    assert!(v["error"].as_str().expect("error").contains("无法读取文件"));
}

#[test]
fn stale_or_undated_vacancies_are_flagged_without_failing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut undated = inst("U", "无日期");
    undated["places"] = json!({"total": 10, "vacant": 3});
    let mut stale = inst("S", "过时");
    stale["places"]["as_of"] = json!("2026-08-01");
    let f = file(
        dir.path(),
        "w.json",
        &dataset("2026-11-20", vec![undated, stale]),
    );
    let r = run(&["check", p(&f)]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .contains("编号 U（无日期）写了空余托位但没有写空位统计日期"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("编号 S（过时）的空位统计日期 2026-08-01 比发布日期 2026-11-20 早 111 天"),
        "{}",
        r.stdout
    );
}

#[test]
fn diff_lists_exactly_what_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dataset(
        "2026-10-20",
        vec![
            inst("K-1", "甲"),
            inst("O-2", "要删的"),
            inst("K-3", "丙"),
            inst("K-4", "不变"),
        ],
    );
    let mut k1 = inst("K-1", "甲");
    k1["fees"]["full_day"]["amount"] = json!(1700);
    k1["places"]["vacant"] = json!(0);
    k1["phone"] = json!("0762-3555100");
    let mut k3 = inst("K-3", "丙");
    k3["registration"]["status"] = json!("revoked");
    k3["care_types"] = json!(["full_day", "hourly"]);
    let mut k4 = inst("K-4", "不变");
    // The same fee written as a float is no change.
    k4["fees"]["full_day"]["amount"] = json!(1600.0);
    let new = dataset("2026-11-20", vec![k4, k3, k1, inst("N-1", "新的")]);
    let (a, b) = (
        file(dir.path(), "old.json", &old),
        file(dir.path(), "new.json", &new),
    );

    let r = run(&["diff", p(&a), p(&b), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON diff");
    assert_eq!(v["added"], json!([{"id": "N-1", "name": "新的"}]));
    assert_eq!(v["removed"], json!([{"id": "O-2", "name": "要删的"}]));
    assert_eq!(v["unchanged"], 1);
    let changed: Vec<(String, Vec<String>)> = v["changed"]
        .as_array()
        .expect("changed")
        .iter()
        .map(|c| {
            let paths = c["changes"].as_array().expect("changes").iter();
            let paths = paths.map(|x| x["path"].as_str().expect("path").to_owned());
            (c["id"].as_str().expect("id").to_owned(), paths.collect())
        })
        .collect();
    assert_eq!(
        changed,
        [
            (
                "K-3".to_owned(),
                vec!["care_types".to_owned(), "registration.status".to_owned()]
            ),
            (
                "K-1".to_owned(),
                vec![
                    "fees.full_day.amount".to_owned(),
                    "phone".to_owned(),
                    "places.vacant".to_owned()
                ]
            ),
        ]
    );
    assert_eq!(
        v["top_level"],
        json!([{"path": "published", "label": "发布日期", "old": "2026-10-20", "new": "2026-11-20"}])
    );

    let text = run(&["diff", p(&a), p(&b)]).stdout;
    for line in [
        "新增 1 家机构：\n  + N-1 新的\n",
        "删除 1 家机构：\n  - O-2 要删的\n",
        "      registration.status（备案状态）：已备案（filed） → 已注销（revoked）\n",
        "      care_types（托育类型）：全日托 → 全日托、计时托\n",
        "      fees.full_day.amount（全日托收费（元））：1600 → 1700\n",
        "      phone（联系电话）：（无） → “0762-3555100”\n",
        "      published（发布日期）：“2026-10-20” → “2026-11-20”\n",
        "合计：新增 1，删除 1，修改 2，未变 1。",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

#[test]
fn diff_refuses_an_unusable_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = file(dir.path(), "a.json", &dataset("2026-11-20", vec![]));
    let b = write(dir.path(), "b.json", b"[]");
    let r = run(&["diff", p(&a), p(&b)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("新文件不能用"), "{}", r.stderr);
}

#[test]
fn diff_keys_areas_by_code_so_reordering_is_no_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let area = |code: &str, name: &str| json!({"code": code, "name": name, "center": {"lat": 23.7, "lng": 114.7}});
    let mut old = dataset("2026-11-20", vec![inst("A", "甲")]);
    old["region"]["areas"] = json!([area("441602001", "上城街道"), area("441602003", "东埔街道")]);
    let mut new = old.clone();
    new["region"]["areas"] = json!([
        area("441602003", "东埔街道"),
        area("441602001", "上城街道（新）")
    ]);
    let (a, b) = (
        file(dir.path(), "a.json", &old),
        file(dir.path(), "b.json", &new),
    );
    let r = run(&["diff", p(&a), p(&b), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON diff");
    let paths: Vec<&str> = v["top_level"]
        .as_array()
        .expect("top level")
        .iter()
        .map(|c| c["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["region.areas[441602001]"]);
    assert_eq!(v["unchanged"], 1);
    assert_eq!(v["changed"], json!([]));
}

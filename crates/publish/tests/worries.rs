//! Dataset 1.1's columns (周一至周五开放时间, 周六开放时间, 预收费月数, 资金监管, 分月龄段托位):
//! imported into the spec's form, refused with their row and column when malformed, and
//! understood by `check` and `diff`.

mod common;

use common::{good, headers, ids, import, p, read_json, run, write};
use serde_json::{json, Value};

const NEW: [&str; 6] = [
    "托位数",
    "周一至周五开放时间",
    "周六开放时间",
    "预收费月数",
    "资金监管",
    "分月龄段托位",
];

fn row(id: &str, cells: [&str; 6]) -> Vec<String> {
    let mut r = good(id, &format!("机构{id}"));
    r.extend(cells.map(String::from));
    r
}

fn sheet(rows: Vec<Vec<String>>) -> String {
    let mut h = headers();
    h.extend(NEW.map(String::from));
    let mut all = vec![h];
    all.extend(rows);
    common::csv_text(&all)
}

#[test]
fn the_new_columns_import_into_the_spec_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sheet(vec![
        row(
            "A-1",
            [
                "60",
                "7:30–18:00",
                "08:00-12:00",
                "3",
                "是",
                "6-17:20/2；18-36:40/5",
            ],
        ),
        row("A-2", ["", "07:30-18:00", "不开放", "不预收", "", ""]),
        row("A-3", ["", "", "", "", "", ""]),
    ]);
    let csv = write(dir.path(), "名录.csv", text.as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = read_json(&out);
    let a1 = &v["institutions"][0];
    assert_eq!(
        a1["opening"],
        json!([
            {"days": [1, 2, 3, 4, 5], "open": "07:30", "close": "18:00"},
            {"days": [6], "open": "08:00", "close": "12:00"}
        ])
    );
    assert_eq!(a1["prepayment"], json!({"max_months": 3, "escrow": true}));
    assert_eq!(
        a1["places"]["by_age"],
        json!([
            {"min": 6, "max": 17, "total": 20, "vacant": 2},
            {"min": 18, "max": 36, "total": 40, "vacant": 5}
        ])
    );
    let a2 = &v["institutions"][1];
    assert_eq!(a2["opening"].as_array().map(Vec::len), Some(1));
    assert_eq!(a2["prepayment"], json!({"max_months": 0}));
    let a3 = &v["institutions"][2];
    assert!(a3.get("opening").is_none() && a3.get("prepayment").is_none());
    assert_eq!(run(&["check", p(&out)]).code, 0);
}

#[test]
fn malformed_values_leave_their_row_out_with_the_column_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sheet(vec![
        row("OK", ["60", "07:30-18:00", "", "3", "否", ""]),
        row("B-1", ["", "07:30-25:00", "", "", "", ""]),
        row("B-2", ["60", "", "", "", "", "6-18:20/2；18-36:30/2"]),
        row("B-3", ["30", "", "", "", "", "6-17:20/2；18-36:20/2"]),
        row("B-4", ["", "早上七点半", "", "", "", ""]),
        row("B-5", ["", "", "", "三个月", "", ""]),
    ]);
    let csv = write(dir.path(), "名录.csv", text.as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for line in [
        "第 3 行（编号 B-1）P 列“周一至周五开放时间”、Q 列“周六开放时间”",
        "第 4 行（编号 B-2）T 列“分月龄段托位”：月龄段 18–36 个月与 6–18 个月重叠",
        "第 5 行（编号 B-3）T 列“分月龄段托位”：各月龄段托位合计 40 超过托位总数 30",
        "第 6 行（编号 B-4）P 列“周一至周五开放时间”：应写成“开门时间-关门时间”",
        "第 7 行（编号 B-5）R 列“预收费月数”：",
        "：时间应写成 HH:MM（00:00–24:00），而这里是“25:00”",
    ] {
        assert!(
            r.stderr.contains(line),
            "missing {line:?} in:\n{}",
            r.stderr
        );
    }
    assert_eq!(ids(&read_json(&out)), ["OK"]);
}

#[test]
fn diff_names_the_new_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sheet(vec![row(
        "A-1",
        ["60", "07:30-18:00", "", "3", "是", "6-17:20/2"],
    )]);
    let csv = write(dir.path(), "名录.csv", text.as_bytes());
    let old = dir.path().join("old.json");
    assert_eq!(import(&csv, &old, &[]).code, 0);
    let mut v: Value = read_json(&old);
    v["institutions"][0]["opening"][0]["close"] = json!("18:30");
    v["institutions"][0]["prepayment"]["max_months"] = json!(1);
    v["institutions"][0]["places"]["by_age"][0]["vacant"] = json!(0);
    let new = write(
        dir.path(),
        "new.json",
        &serde_json::to_vec(&v).expect("json"),
    );
    let text = run(&["diff", p(&old), p(&new)]).stdout;
    for line in [
        "opening[0].close（开放时间第 1 项的关门时间）：“18:00” → “18:30”",
        "prepayment.max_months（预收费月数）：3 → 1",
        "places.by_age[0].vacant（分月龄段托位第 1 项）：2 → 0",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

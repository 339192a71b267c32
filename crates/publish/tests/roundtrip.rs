//! template → fill in → import → check → the app's own loader: the path a bureau takes.

mod common;

use std::path::Path;

use calamine::Reader;
use common::{p, read_json, run, write};
use tuoyu_publish::columns::{template_fields, Field};
use tuoyu_publish::sheet::read_bytes;

fn make_template(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("模板");
    let r = run(&["template", "--out", p(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

fn import_with_areas(template: &Path, sheet: &Path, out: &Path) -> common::Run {
    let areas = template.join("镇街列表.csv");
    run(&[
        "import",
        p(sheet),
        "--region",
        "441602",
        "--crs",
        "GCJ-02",
        "--areas",
        p(&areas),
        "--published",
        "2026-11-20",
        "--out",
        p(out),
    ])
}

/// The value at a spec path such as `fees.hourly.amount` or `inspections[0].date`.
fn at<'v>(v: &'v serde_json::Value, path: &str) -> &'v serde_json::Value {
    path.split('.').fold(v, |v, key| match key.split_once('[') {
        Some((k, i)) => &v[k][i.trim_end_matches(']').parse::<usize>().expect("index")],
        None => &v[key],
    })
}

#[test]
fn filled_template_imports_checks_and_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = make_template(dir.path());
    let csv = std::fs::read(template.join("机构名录模板.csv")).expect("template csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
    let sheet = read_bytes(&csv, None).expect("read");
    let (header, example) = (&sheet.rows[0].cells, &sheet.rows[1].cells);
    assert_eq!(header.len(), template_fields().len());

    // Fill in the example row the way a bureau would, including the columns it leaves empty.
    let mut row = example.clone();
    let mut set = |f: Field, v: &str| {
        let i = template_fields()
            .iter()
            .position(|x| *x == f)
            .expect("column");
        row[i] = v.to_owned();
    };
    set(Field::Id, "YC-0100");
    set(Field::Name, "星河托育中心");
    set(Field::Kind, "用人单位办托");
    set(Field::FeeAmount(tuoyu_core::model::CareType::Hourly), "30");
    set(Field::FeeUnit(tuoyu_core::model::CareType::Hourly), "小时");
    set(Field::CareTypes, "全日托、半日托、计时托、临时托");
    set(Field::OpenToPublic, "是");
    set(Field::Demonstration, "是");
    let filled = write(
        dir.path(),
        "填好的.csv",
        format!("\u{feff}{}", common::csv_text(&[header.clone(), row])).as_bytes(),
    );

    let out = dir.path().join("数据.json");
    let r = import_with_areas(&template, &filled, &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains('✗'), "{}", r.stderr);

    let check = run(&["check", p(&out)]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(
        check.stdout.contains("全部记录都能正常显示"),
        "{}",
        check.stdout
    );

    let bytes = std::fs::read(&out).expect("dataset");
    let loaded = tuoyu_core::load::load_dataset(&bytes).expect("the app accepts the file");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.institutions.len(), 1);
    assert_eq!(loaded.dataset.region.name, "源城区");
    assert_eq!(loaded.dataset.region.areas.len(), 1);

    // Every column of the template reached the file, under the spec's own key.
    let json = read_json(&out);
    let inst = &json["institutions"][0];
    for f in template_fields() {
        let v = at(inst, &f.spec_path());
        assert!(
            !v.is_null(),
            "{} ({}) missing in {inst}",
            f.header(),
            f.spec_path()
        );
    }
    assert_eq!(inst["kind"], "employer");
    assert_eq!(inst["open_to_public"], true);
    assert_eq!(inst["demonstration"], true);
    assert_eq!(
        inst["fees"]["hourly"],
        serde_json::json!({"amount": 30, "unit": "hour"})
    );
    assert_eq!(inst["area"], "441602003");
}

#[test]
fn xlsx_and_csv_templates_import_to_the_same_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = make_template(dir.path());
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let r = import_with_areas(&template, &template.join("机构名录模板.xlsx"), &a);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("示例机构"),
        "the example row is flagged: {}",
        r.stderr
    );
    let r = import_with_areas(&template, &template.join("机构名录模板.csv"), &b);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    let d = read_json(&a);
    // The XLSX template holds real date cells; they come back as the spec's dates.
    assert_eq!(d["institutions"][0]["registration"]["date"], "2025-03-18");
    assert_eq!(d["institutions"][0]["places"]["as_of"], "2026-11-15");
}

#[test]
fn workbook_has_the_list_and_the_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = make_template(dir.path());
    let mut book =
        calamine::open_workbook_auto(template.join("机构名录模板.xlsx")).expect("open xlsx");
    assert_eq!(book.sheet_names(), ["机构名录", "填写说明"]);
    let notes = book.worksheet_range("填写说明").expect("notes");
    let text: Vec<String> = notes.rows().flatten().map(|c| c.to_string()).collect();
    let all = text.join("\n");
    for needle in [
        "托育类型",
        "全日托、半日托、计时托、临时托",
        "托育机构、社区托育点、幼儿园托班、用人单位办托、家庭托育点",
        "已备案、备案中、已注销",
        "月、天、小时、次",
        "GCJ-02",
    ] {
        assert!(all.contains(needle), "notes lack {needle}");
    }
    let notes_csv = String::from_utf8(std::fs::read(template.join("填写说明.csv")).expect("csv"))
        .expect("UTF-8");
    assert!(notes_csv.starts_with('\u{feff}'));
    for f in template_fields() {
        assert!(
            notes_csv.contains(&f.header()),
            "{} has no note",
            f.header()
        );
    }
}

#[test]
fn template_never_overwrites_a_filled_sheet_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = make_template(dir.path());
    let csv = template.join("机构名录模板.csv");
    std::fs::write(&csv, "已填写的内容").expect("write");
    let r = run(&["template", "--out", p(&template)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("已经存在"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&csv).expect("csv"), "已填写的内容");
    let r = run(&["template", "--out", p(&template), "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(std::fs::read_to_string(&csv).expect("csv"), "已填写的内容");
}

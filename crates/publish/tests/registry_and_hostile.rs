//! The national registry's export, hostile files, and the library the publisher's page runs
//! (the same calls the command line makes, without a file system).

mod common;

use std::io::Write;

use common::{csv_text, good, headers, import, read_json, write, write_xlsx, HEADERS};
use tuoyu_core::model::{Crs, Date};
use tuoyu_publish::import::{self as imp, file_name, Options};
use tuoyu_publish::region::AreasFile;
use tuoyu_publish::sheet::{read_bytes, MAX_SHEET_BYTES};
use tuoyu_publish::{diff, template};

const REGISTRY: [&str; 6] = [
    "机构名称",
    "统一社会信用代码",
    "机构性质",
    "机构住所",
    "所属区域",
    "备案通过时间",
];

fn options() -> Options {
    Options {
        region_code: "441602".into(),
        region_name: Some("源城区".into()),
        center: None,
        crs: Crs::Gcj02,
        areas: AreasFile::default(),
        title: None,
        publisher: None,
        published: Date::from_ymd_opt(2026, 11, 20).expect("date"),
        sample: false,
    }
}

fn registry_row(name: &str, code: &str) -> Vec<String> {
    [name, code, "非营利性", "源城区某路 1 号", "", "2025-03-05"]
        .map(String::from)
        .to_vec()
}

#[test]
fn a_bare_registry_export_is_told_the_columns_it_lacks_not_a_row_error_each() {
    let rows = vec![
        REGISTRY.map(String::from).to_vec(),
        registry_row("小星星托育中心", "52441602MJL000001X"),
        registry_row("小月亮托育园", "52441602MJL000002X"),
    ];
    let sheet = read_bytes(csv_text(&rows).as_bytes(), None).expect("read");
    let e = imp::import(&sheet, options()).expect_err("lacks required columns");
    assert!(e.contains("全国托育机构信息公示平台"), "{e}");
    for lacking in [
        "机构类型",
        "纬度",
        "经度",
        "托育类型",
        "最小月龄",
        "最大月龄",
        "是否普惠",
    ] {
        assert!(e.contains(lacking), "{lacking} not named in: {e}");
    }
    assert!(!e.contains("第 2 行"), "no row errors: {e}");
}

#[test]
fn a_completed_registry_export_imports_with_its_codes_as_ids_and_filed() {
    let mut header = REGISTRY.map(String::from).to_vec();
    header.extend(
        [
            "机构类型",
            "纬度",
            "经度",
            "托育类型",
            "最小月龄",
            "最大月龄",
            "是否普惠",
        ]
        .map(String::from),
    );
    let rest = ["托育机构", "23.75", "114.70", "全日托", "6", "36", "是"].map(String::from);
    let mut row = registry_row("小星星托育中心", "52441602MJL000001X");
    row.extend(rest.clone());
    let rows = vec![header, row];
    let sheet = read_bytes(csv_text(&rows).as_bytes(), None).expect("read");
    let r = imp::import(&sheet, options()).expect("imports");
    assert_eq!(r.problems, vec![], "{:?}", r.problems);
    let inst = &r.dataset.institutions[0];
    assert_eq!(inst.id, "52441602MJL000001X");
    assert_eq!(inst.address, "源城区某路 1 号");
    assert_eq!(inst.nonprofit, Some(true));
    let reg = inst.registration.as_ref().expect("registration");
    assert_eq!(reg.status.code(), "filed");
    assert!(
        r.warnings.iter().any(|w| w.contains("已备案")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_credit_code_beside_the_templates_own_id_column_is_passed_over() {
    let mut header = headers();
    header.push("统一社会信用代码".into());
    let mut row = good("YC-0001", "小星星");
    row.push("52441602MJL000001X".into());
    let sheet = read_bytes(csv_text(&[header, row]).as_bytes(), None).expect("read");
    let r = imp::import(&sheet, options()).expect("imports");
    assert_eq!(r.dataset.institutions[0].id, "YC-0001");
    assert!(r.warnings.iter().any(|w| w.contains("统一社会信用代码")));
}

#[test]
fn the_cli_reads_registry_headers_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = vec![
        REGISTRY.map(String::from).to_vec(),
        registry_row("某机构", "X1"),
    ];
    let sheet = write(dir.path(), "export.csv", csv_text(&rows).as_bytes());
    let r = import(&sheet, &dir.path().join("out.json"), &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("全国托育机构信息公示平台"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_problem_names_the_institution_and_says_what_to_write() {
    let bad = common::with(good("YC-0002", "小月亮托育园"), "最小月龄", "六个月");
    let rows = vec![headers(), good("YC-0001", "小星星"), bad];
    let sheet = read_bytes(csv_text(&rows).as_bytes(), None).expect("read");
    let r = imp::import(&sheet, options()).expect("imports the good row");
    assert_eq!((r.imported, r.skipped), (1, 1));
    let p = &r.problems[0];
    assert_eq!(p.row, 3);
    assert_eq!(p.name.as_deref(), Some("小月亮托育园"));
    assert!(p.columns[0].contains("最小月龄"), "{:?}", p.columns);
    assert!(
        p.hint.as_deref().is_some_and(|h| h.contains("0–36")),
        "{:?}",
        p.hint
    );
}

#[test]
fn a_file_too_large_or_not_a_sheet_gets_a_sentence() {
    let big = vec![b'a'; MAX_SHEET_BYTES + 1];
    let e = read_bytes(&big, None).expect_err("too big");
    assert!(e.contains("太大"), "{e}");
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\xff\xfe\x80\x81";
    let e = read_bytes(png, None).expect_err("not a sheet");
    assert!(e.contains("无法读取"), "{e}");
    let e = read_bytes(b"PK\x03\x04garbage", None).expect_err("broken zip");
    assert!(e.contains("Excel"), "{e}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    // A real zip whose one member unpacks to 201 MB of zeros, in under a megabyte.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options)
        .expect("member");
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..201 {
        zip.write_all(&chunk).expect("write");
    }
    let bytes = zip.finish().expect("finish").into_inner();
    assert!(bytes.len() < MAX_SHEET_BYTES);
    let e = read_bytes(&bytes, None).expect_err("bomb");
    assert!(e.contains("解压后"), "{e}");
}

#[test]
fn html_in_cells_stays_the_text_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "<img src=x onerror=alert(1)>托育";
    let rows = vec![headers(), good("YC-0001", name)];
    let path = dir.path().join("x.xlsx");
    write_xlsx(&path, &rows);
    let sheet = read_bytes(&std::fs::read(&path).expect("read"), None).expect("xlsx");
    let r = imp::import(&sheet, options()).expect("imports");
    assert_eq!(
        r.dataset.institutions[0].name, name,
        "kept as the text it is"
    );
    assert_eq!(HEADERS.len(), rows[0].len());
}

#[test]
fn a_revoked_institution_is_listed_as_revoked_in_the_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let before = vec![headers(), good("YC-0001", "甲"), good("YC-0002", "乙")];
    let after = vec![
        headers(),
        good("YC-0001", "甲"),
        common::with(good("YC-0002", "乙"), "备案状态", "已注销"),
    ];
    let (old, new) = (dir.path().join("old.json"), dir.path().join("new.json"));
    for (rows, out) in [(&before, &old), (&after, &new)] {
        let sheet = write(dir.path(), "s.csv", csv_text(rows).as_bytes());
        assert_eq!(import(&sheet, out, &[]).code, 0);
    }
    let old = std::fs::read(old).expect("old");
    let new = std::fs::read(new).expect("new");
    let r = diff::diff_bytes(&old, &new).expect("diff");
    assert_eq!(r.revoked.len(), 1);
    assert_eq!(r.revoked[0].id, "YC-0002");
    assert!(diff::render_text("旧", "新", &r).contains("注销 1 家机构"));
}

#[test]
fn the_library_writes_what_the_cli_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = vec![headers(), good("YC-0001", "甲")];
    let sheet = write(dir.path(), "s.csv", csv_text(&rows).as_bytes());
    let out = dir.path().join("out.json");
    assert_eq!(import(&sheet, &out, &[]).code, 0);
    let r = imp::import(
        &read_bytes(&std::fs::read(&sheet).expect("sheet"), None).expect("read"),
        options(),
    )
    .expect("imports");
    assert_eq!(r.json.as_bytes(), std::fs::read(&out).expect("out"));
    assert_eq!(file_name(&r.dataset), "441602-源城区-2026-11-20.json");
    assert_eq!(read_json(&out)["region"]["name"], "源城区");

    let t = dir.path().join("t");
    assert_eq!(common::run(&["template", "--out", common::p(&t)]).code, 0);
    for (name, bytes) in template::files().expect("template") {
        assert_eq!(std::fs::read(t.join(name)).expect("file"), bytes, "{name}");
    }
}

#[test]
fn merged_cells_fill_every_row_they_span_and_formulas_give_their_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("merged.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let rows = [headers(), good("YC-0001", "甲"), good("YC-0002", "乙")];
    let kind = HEADERS
        .iter()
        .position(|h| *h == "机构类型")
        .expect("column") as u16;
    let max_age = HEADERS
        .iter()
        .position(|h| *h == "最大月龄")
        .expect("column") as u16;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, cell).expect("cell");
        }
    }
    // 机构类型 merged over both institutions, the way bureaus group rows.
    ws.merge_range(
        1,
        kind,
        2,
        kind,
        "社区托育点",
        &rust_xlsxwriter::Format::new(),
    )
    .expect("merge");
    let formula = rust_xlsxwriter::Formula::new("=30+6").set_result("36");
    ws.write_formula(1, max_age, formula).expect("formula");
    book.save(&path).expect("save");

    let sheet = read_bytes(&std::fs::read(&path).expect("read"), None).expect("xlsx");
    let r = imp::import(&sheet, options()).expect("imports");
    assert_eq!(r.problems, vec![], "{:?}", r.problems);
    assert!(r
        .dataset
        .institutions
        .iter()
        .all(|i| i.kind.code() == "community"));
    assert_eq!(r.dataset.institutions[0].age_months.max, 36);
    assert!(
        r.warnings.iter().any(|w| w.contains("合并单元格")),
        "{:?}",
        r.warnings
    );
}

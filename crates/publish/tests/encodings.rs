//! The same sheet saved every way a bureau's Excel saves it imports to the same dataset.

mod common;

use common::{good, headers, import, read_json, run, with, write, write_xlsx};

fn rows() -> Vec<Vec<String>> {
    vec![
        headers(),
        good("YC-1", "小星星托育中心（东埔）"),
        // 全角 digits and punctuation, surrounding spaces: as a Chinese input method types.
        with(
            with(good("YC-2", " 青苹果婴幼儿照护 "), "纬度", "２３．７６"),
            "托育类型",
            "全日托，半日托",
        ),
    ]
}

fn check_dataset(d: &serde_json::Value) {
    let list = d["institutions"].as_array().expect("institutions");
    assert_eq!(list.len(), 2, "{d}");
    assert_eq!(list[0]["name"], "小星星托育中心（东埔）");
    assert_eq!(list[1]["name"], "青苹果婴幼儿照护");
    assert_eq!(list[1]["location"]["lat"], 23.76);
    assert_eq!(
        list[1]["care_types"],
        serde_json::json!(["full_day", "half_day"])
    );
    assert_eq!(list[0]["registration"]["date"], "2025-03-05");
    assert_eq!(d["region"]["name"], "源城区");
}

fn import_bytes(name: &str, bytes: &[u8], described: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let sheet = write(dir.path(), name, bytes);
    let out = dir.path().join("out.json");
    let r = import(&sheet, &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(described), "{}", r.stderr);
    assert!(
        r.stderr.contains("共 2 行机构数据，导入 2 行"),
        "{}",
        r.stderr
    );
    let d = read_json(&out);
    check_dataset(&d);
    d
}

#[test]
fn utf8_without_bom() {
    let text = common::csv_text(&rows());
    import_bytes("名录.csv", text.as_bytes(), "CSV（UTF-8 编码）");
}

#[test]
fn utf8_with_bom() {
    let text = format!("\u{feff}{}", common::csv_text(&rows()));
    import_bytes("名录.csv", text.as_bytes(), "CSV（UTF-8 编码）");
}

#[test]
fn gbk_as_excel_saves_it() {
    let text = common::csv_text(&rows());
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test must really hand over non-UTF-8 bytes"
    );
    import_bytes("名录.csv", &bytes, "CSV（GBK 编码）");
}

#[test]
fn utf16_unicode_text_with_tabs() {
    let text: String = rows()
        .iter()
        .map(|r| r.join("\t") + "\r\n")
        .collect::<String>();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    import_bytes("名录.txt", &bytes, "CSV（UTF-16 编码）");
}

#[test]
fn xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("名录.xlsx");
    write_xlsx(&path, &rows());
    import_bytes(
        "copy.xlsx",
        &std::fs::read(&path).expect("read"),
        "Excel 工作表",
    );
}

#[test]
fn every_encoding_gives_the_same_file() {
    let text = common::csv_text(&rows());
    let plain = import_bytes("a.csv", text.as_bytes(), "UTF-8");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    assert_eq!(plain, import_bytes("b.csv", &gbk, "GBK"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.xlsx");
    write_xlsx(&path, &rows());
    assert_eq!(
        plain,
        import_bytes("c.xlsx", &std::fs::read(&path).expect("read"), "Excel")
    );
}

#[test]
fn bytes_in_no_known_encoding_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sheet = write(dir.path(), "x.csv", b"\xFF\xFE\xFF\xFF\x00\xD8");
    let sheet2 = write(dir.path(), "y.csv", b"id,\xFF\xFF\xFF\r\n");
    let out = dir.path().join("out.json");
    for s in [sheet, sheet2] {
        let r = import(&s, &out, &[]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains("编码"), "{}", r.stderr);
        assert!(!out.exists());
    }
}

#[test]
fn help_is_in_chinese() {
    let r = run(&["import", "--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("行政区划代码"), "{}", r.stdout);
}

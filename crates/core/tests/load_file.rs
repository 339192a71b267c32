//! File-level rules: what makes a whole file unusable, and what does not.

mod common;

use common::{bytes, file, full, load, load_ok, minimal};
use serde_json::{json, Value};
use tuoyu_core::load::{load_dataset, FileError, TopField, MAX_DATASET_BYTES};
use tuoyu_core::model::{CareType, Crs, Dataset, FeeUnit, Kind};

fn good() -> Value {
    file(vec![full("YC-1"), minimal("YC-2")])
}

fn err_after(edit: impl FnOnce(&mut Value)) -> FileError {
    let mut v = good();
    edit(&mut v);
    match load(&v) {
        Ok(_) => panic!("file was accepted"),
        Err(e) => e,
    }
}

fn bad_field(e: &FileError) -> &str {
    match e {
        FileError::BadField { field, .. } => field,
        other => panic!("expected BadField, got {other:?}"),
    }
}

#[test]
fn a_good_file_loads_every_field() {
    let l = load_ok(&good());
    assert_eq!((l.skipped, l.revoked.len(), l.problems.len()), (0, 0, 0));
    let d = &l.dataset;
    assert_eq!(d.title, "源城区托育服务机构名录");
    assert_eq!(
        (d.crs, d.sample, d.published.to_string().as_str()),
        (Crs::Gcj02, true, "2025-09-01")
    );
    assert_eq!(d.region.areas.len(), 2);
    assert_eq!(
        d.area("441602003").map(|a| a.name.as_str()),
        Some("东埔街道")
    );
    let i = &d.institutions[0];
    assert_eq!(
        (i.kind, i.care_types.as_slice()),
        (
            Kind::Community,
            [CareType::FullDay, CareType::Hourly].as_slice()
        )
    );
    assert_eq!(i.fees[&CareType::Hourly].unit, FeeUnit::Hour);
    assert_eq!(i.fees[&CareType::Hourly].amount, 30.5);
    assert_eq!(i.vacant(), Some(5));
    assert_eq!(i.inspections.len(), 2);
    assert_eq!(i.features, ["膳食", "户外场地"]);
}

#[test]
fn serializing_a_loaded_dataset_gives_a_file_that_loads_the_same() {
    let d = load_ok(&good()).dataset;
    let json = serde_json::to_value(&d).expect("serializes");
    let minimal = &json["institutions"][1];
    for absent in [
        "operator",
        "fees",
        "places",
        "inspections",
        "features",
        "demonstration",
        "phone",
    ] {
        assert!(minimal.get(absent).is_none(), "{absent} should be left out");
    }
    assert_eq!(json["crs"], "GCJ-02");
    assert_eq!(json["institutions"][0]["fees"]["full_day"]["unit"], "month");
    assert_eq!(json["institutions"][0]["quality"]["grade"], "A");
    assert_eq!(
        json["institutions"][0]["registration"]["date"],
        "2023-05-06"
    );
    let again = load_ok(&json).dataset;
    assert_eq!(again, d);
    let back: Dataset = serde_json::from_value(json).expect("deserializes");
    assert_eq!(back, d);
}

#[test]
fn too_large() {
    let huge = vec![b' '; MAX_DATASET_BYTES + 1];
    let e = load_dataset(&huge).unwrap_err();
    assert_eq!(
        e,
        FileError::TooLarge {
            bytes: MAX_DATASET_BYTES + 1,
            limit: MAX_DATASET_BYTES
        }
    );
    assert!(e.message().contains("64 MB"), "{e}");
}

#[test]
fn empty_and_blank() {
    assert_eq!(load_dataset(b"").unwrap_err(), FileError::Empty);
    assert_eq!(load_dataset(b" \n\t ").unwrap_err(), FileError::Empty);
    assert_eq!(load_dataset(b"\xEF\xBB\xBF").unwrap_err(), FileError::Empty);
}

#[test]
fn an_html_error_page() {
    let e = load_dataset(b"\n  <!DOCTYPE html><html><body>404</body></html>").unwrap_err();
    assert_eq!(e, FileError::LooksLikeHtml);
    assert!(e.message().contains("网页"));
}

#[test]
fn not_json_says_where() {
    let e = load_dataset(b"{\n  \"schema\": \"tuoyu.dataset/1\",\n    x\n}").unwrap_err();
    assert_eq!(e, FileError::NotJson { line: 3, column: 5 });
    assert_eq!(e.to_string(), "数据文件不是有效的 JSON（第 3 行第 5 列）");
    let cut = bytes(&good());
    assert!(matches!(
        load_dataset(&cut[..cut.len() / 2]),
        Err(FileError::NotJson { .. })
    ));
    assert!(matches!(
        load_dataset(b"{} {}"),
        Err(FileError::NotJson { .. })
    ));
}

#[test]
fn not_utf8() {
    // "源城" in GBK, as Excel on a Chinese Windows saves it. Its first two bytes happen
    // to be a valid UTF-8 character, so the first invalid byte is the third, column 12.
    let e = load_dataset(b"{\n\"title\": \"\xD4\xB4\xB3\xC7\"}").unwrap_err();
    assert_eq!(
        e,
        FileError::NotUtf8 {
            line: 2,
            column: 12
        }
    );
    assert!(e.message().contains("UTF-8"));
}

#[test]
fn a_leading_bom_is_fine() {
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend(bytes(&good()));
    assert_eq!(
        load_dataset(&b).expect("loads").dataset.institutions.len(),
        2
    );
}

#[test]
fn not_an_object() {
    for text in ["[]", "null", "\"tuoyu.dataset/1\"", "42", "true"] {
        assert_eq!(
            load_dataset(text.as_bytes()).unwrap_err(),
            FileError::NotObject,
            "{text}"
        );
    }
}

#[test]
fn schema_rules() {
    let with = |s: Value| err_after(|v| v["schema"] = s);
    assert_eq!(
        err_after(|v| v["schema"] = Value::Null),
        FileError::MissingSchema
    );
    assert_eq!(
        err_after(|v| {
            v.as_object_mut().unwrap().remove("schema");
        }),
        FileError::MissingSchema
    );
    assert_eq!(
        with(json!("tuoyu.institutions/1")),
        FileError::WrongSchema("tuoyu.institutions/1".into())
    );
    assert_eq!(with(json!(1)), FileError::WrongSchema("1".into()));
    assert_eq!(
        with(json!("tuoyu.dataset/1.x")),
        FileError::WrongSchema("tuoyu.dataset/1.x".into())
    );
    assert_eq!(
        with(json!("tuoyu.dataset/")),
        FileError::WrongSchema("tuoyu.dataset/".into())
    );
    assert_eq!(
        with(json!("tuoyu.dataset/2")),
        FileError::UnsupportedVersion("tuoyu.dataset/2".into())
    );
    assert_eq!(
        with(json!("tuoyu.dataset/10.1")),
        FileError::UnsupportedVersion("tuoyu.dataset/10.1".into())
    );
    assert!(with(json!("tuoyu.dataset/2")).message().contains("版本"));
    for ok in ["tuoyu.dataset/1", "tuoyu.dataset/1.0", "tuoyu.dataset/1.12"] {
        let mut v = good();
        v["schema"] = json!(ok);
        assert_eq!(load_ok(&v).dataset.schema, ok);
    }
}

#[test]
fn required_top_level_fields() {
    for key in [
        "title",
        "publisher",
        "published",
        "crs",
        "region",
        "institutions",
    ] {
        let e = err_after(|v| {
            v.as_object_mut().unwrap().remove(key);
        });
        assert_eq!(e, FileError::MissingField(TopField::parse(key).unwrap()));
        assert!(e.message().contains(key));
    }
}

#[test]
fn malformed_top_level_fields() {
    assert_eq!(bad_field(&err_after(|v| v["title"] = json!(" "))), "title");
    assert_eq!(
        bad_field(&err_after(|v| v["publisher"] = json!(5))),
        "publisher"
    );
    assert_eq!(
        bad_field(&err_after(|v| v["published"] = json!("2025-9-1"))),
        "published"
    );
    assert_eq!(bad_field(&err_after(|v| v["crs"] = json!("wgs84"))), "crs");
    assert_eq!(bad_field(&err_after(|v| v["crs"] = json!("BD-09"))), "crs");
    assert_eq!(
        bad_field(&err_after(|v| v["sample"] = json!("true"))),
        "sample"
    );
    assert_eq!(
        err_after(|v| v["institutions"] = json!({})),
        FileError::InstitutionsNotArray
    );
    assert_eq!(
        err_after(|v| v["institutions"] = json!("[]")),
        FileError::InstitutionsNotArray
    );
}

#[test]
fn optional_top_level_fields() {
    let mut v = good();
    v["crs"] = json!("WGS-84");
    v.as_object_mut().unwrap().remove("sample");
    v["institutions"] = json!([]);
    v["licence"] = json!("CC-BY-4.0");
    let d = load_ok(&v).dataset;
    assert_eq!(
        (d.crs, d.sample, d.institutions.len()),
        (Crs::Wgs84, false, 0)
    );
}

#[test]
fn region_is_held_to_the_letter() {
    assert_eq!(
        bad_field(&err_after(|v| v["region"] = json!("源城区"))),
        "region"
    );
    assert_eq!(
        bad_field(&err_after(|v| v["region"]["code"] = json!("4416"))),
        "region.code"
    );
    assert_eq!(
        bad_field(&err_after(|v| v["region"]["code"] = json!(441602))),
        "region.code"
    );
    assert_eq!(
        bad_field(&err_after(|v| v["region"]["name"] = json!(""))),
        "region.name"
    );
    let e = err_after(|v| v["region"]["center"] = json!({ "lat": 0, "lng": 0 }));
    assert_eq!(bad_field(&e), "region.center");
    let e = err_after(|v| v["region"]["areas"] = json!({}));
    assert_eq!(bad_field(&e), "region.areas");
    let e = err_after(|v| v["region"]["areas"][1]["center"]["lng"] = json!("114"));
    assert_eq!(bad_field(&e), "region.areas[1].center.lng");
    let e = err_after(|v| v["region"]["areas"][1]["name"] = Value::Null);
    assert_eq!(bad_field(&e), "region.areas[1].name");
    let e = err_after(|v| v["region"]["areas"][1]["code"] = json!("441602001"));
    assert_eq!(bad_field(&e), "region.areas[1].code");
    assert!(e.message().contains("重复"), "{e}");
}

#[test]
fn region_without_areas_is_fine_but_then_no_area_codes_exist() {
    let mut v = good();
    v["region"].as_object_mut().unwrap().remove("areas");
    let l = load_ok(&v);
    assert!(l.dataset.region.areas.is_empty());
    // The full record names an area the region no longer lists.
    assert_eq!((l.skipped, l.problems[0].field.as_str()), (1, "area"));
}

#[test]
fn file_errors_read_as_chinese_sentences() {
    let all = [
        FileError::TooLarge {
            bytes: 70 << 20,
            limit: MAX_DATASET_BYTES,
        },
        FileError::Empty,
        FileError::LooksLikeHtml,
        FileError::NotUtf8 { line: 1, column: 2 },
        FileError::NotJson { line: 1, column: 2 },
        FileError::NotObject,
        FileError::MissingSchema,
        FileError::WrongSchema("x".into()),
        FileError::UnsupportedVersion("tuoyu.dataset/2".into()),
        FileError::MissingField(TopField::Crs),
        FileError::BadField {
            field: "crs".into(),
            message: "无法识别".into(),
        },
        FileError::InstitutionsNotArray,
    ];
    for e in all {
        let m = e.message();
        assert!(m.starts_with("数据文件") || m.starts_with("收到的"), "{m}");
        assert_eq!(m, e.to_string());
        let as_error: &dyn std::error::Error = &e;
        assert_eq!(as_error.to_string(), m);
    }
}

#[test]
fn a_hostile_schema_value_is_cut_short_in_the_message() {
    let e = err_after(|v| v["schema"] = json!("x".repeat(5000)));
    assert!(e.message().chars().count() < 120, "{}", e.message());
}

#[test]
fn a_missing_top_level_key_is_named_in_plain_words() {
    assert!(FileError::MissingField(TopField::Crs)
        .message()
        .contains("坐标系"));
    assert!(FileError::MissingField(TopField::Published)
        .message()
        .contains("发布日期"));
}

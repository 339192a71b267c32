//! Reading a catalogue: a good one reads back as written; each kind of mistake is refused
//! by name; an entry's url resolves against the catalogue and obeys the `data=` rule.

use serde_json::{json, Value};
use tuoyu_core::catalogue::{
    is_catalogue, load_catalogue, resolve_entry_url, Catalogue, CatalogueError, EntryKind, Problem,
};
use tuoyu_core::load::FileError;
use tuoyu_core::source::SourceRefusal;

const ROOT: &str = "/data/cat/root.json";

fn entry(code: &str, kind: &str, url: &str) -> Value {
    json!({
        "code": code, "name": "源城区", "type": kind, "url": url,
        "bbox": { "south": 23.6, "west": 114.6, "north": 23.8, "east": 114.8 },
        "center": { "lat": 23.74, "lng": 114.70 },
        "count": 12, "published": "2025-09-01"
    })
}

fn catalogue(entries: Vec<Value>) -> Value {
    json!({
        "schema": "tuoyu.catalogue/1", "title": "河源市托育服务机构名录",
        "publisher": "河源市卫生健康局", "published": "2025-09-01", "crs": "GCJ-02",
        "region": { "code": "441600", "name": "河源市", "center": { "lat": 23.74, "lng": 114.70 } },
        "entries": entries
    })
}

fn load(v: &Value) -> Result<Catalogue, CatalogueError> {
    load_catalogue(v.to_string().as_bytes(), ROOT, &[])
}

fn bent(f: impl FnOnce(&mut Value)) -> Result<Catalogue, CatalogueError> {
    let mut v = catalogue(vec![
        entry("441602", "dataset", "441602.json"),
        entry("441625", "catalogue", "dy/index.json"),
    ]);
    f(&mut v);
    load(&v)
}

#[test]
fn a_good_catalogue_reads_and_writes_back_the_same() {
    let c = bent(|_| {}).unwrap();
    assert_eq!(c.entries.len(), 2);
    assert_eq!(c.entries[1].kind, EntryKind::Catalogue);
    assert!(!c.sample);
    let again = load(&serde_json::to_value(&c).unwrap()).unwrap();
    assert_eq!(again, c);
    assert!(is_catalogue(serde_json::to_string(&c).unwrap().as_bytes()));
}

#[test]
fn a_dataset_is_not_taken_for_a_catalogue_and_is_refused_by_name() {
    let dataset = br#"{"schema":"tuoyu.dataset/1","institutions":[]}"#;
    assert!(!is_catalogue(dataset));
    assert!(!is_catalogue(b"<html>"));
    assert_eq!(
        load_catalogue(dataset, ROOT, &[]),
        Err(CatalogueError::WrongSchema("tuoyu.dataset/1".into()))
    );
}

#[test]
fn schema_versions() {
    let with = |s: Value| bent(|v| v["schema"] = s);
    assert!(with(json!("tuoyu.catalogue/1.3")).is_ok());
    assert_eq!(
        with(json!("tuoyu.catalogue/2")),
        Err(CatalogueError::UnsupportedVersion(
            "tuoyu.catalogue/2".into()
        ))
    );
    assert!(matches!(
        with(json!(7)),
        Err(CatalogueError::WrongSchema(_))
    ));
    let missing = bent(|v| {
        v.as_object_mut().unwrap().remove("schema");
    });
    assert_eq!(missing, Err(CatalogueError::MissingSchema));
}

#[test]
fn every_required_key_is_named_when_missing() {
    for key in [
        "title",
        "publisher",
        "published",
        "crs",
        "region",
        "entries",
    ] {
        let got = bent(|v| {
            v.as_object_mut().unwrap().remove(key);
        });
        assert_eq!(got, Err(CatalogueError::MissingField(key.into())), "{key}");
    }
    for key in [
        "code",
        "name",
        "type",
        "url",
        "bbox",
        "center",
        "count",
        "published",
    ] {
        let got = bent(|v| {
            v["entries"][1].as_object_mut().unwrap().remove(key);
        });
        let field = format!("entries[1].{key}");
        assert_eq!(got, Err(CatalogueError::MissingField(field)), "{key}");
    }
    let got = bent(|v| {
        v["region"].as_object_mut().unwrap().remove("center");
    });
    assert_eq!(
        got,
        Err(CatalogueError::MissingField("region.center".into()))
    );
}

#[test]
fn bad_values_are_named_with_what_they_should_be() {
    let bad = |f: fn(&mut Value), field: &str, problem: Problem| {
        assert_eq!(
            bent(f),
            Err(CatalogueError::BadField {
                field: field.into(),
                problem
            })
        );
    };
    bad(|v| v["crs"] = json!("BD-09"), "crs", Problem::NotCrs);
    bad(
        |v| v["published"] = json!("2025-9-1"),
        "published",
        Problem::NotDate,
    );
    bad(|v| v["sample"] = json!("yes"), "sample", Problem::NotBool);
    bad(
        |v| v["entries"][0]["code"] = json!("4416"),
        "entries[0].code",
        Problem::NotCode,
    );
    bad(
        |v| v["entries"][0]["type"] = json!("file"),
        "entries[0].type",
        Problem::NotEntryType,
    );
    bad(
        |v| v["entries"][0]["count"] = json!(-1),
        "entries[0].count",
        Problem::NotCount,
    );
    // A box upside down, a box in the Atlantic, a center with lat and lng swapped.
    bad(
        |v| v["entries"][0]["bbox"]["south"] = json!(23.9),
        "entries[0].bbox",
        Problem::NotBox,
    );
    bad(
        |v| v["entries"][0]["bbox"] = json!({"south": 0, "west": -30, "north": 1, "east": -29}),
        "entries[0].bbox",
        Problem::NotBox,
    );
    bad(
        |v| v["entries"][1]["center"] = json!({"lat": 114.7, "lng": 23.7}),
        "entries[1].center",
        Problem::NotPoint,
    );
}

#[test]
fn empty_and_duplicate_entries_are_refused() {
    assert_eq!(
        bent(|v| v["entries"] = json!([])),
        Err(CatalogueError::NoEntries)
    );
    assert_eq!(
        bent(|v| v["entries"][1]["code"] = json!("441602")),
        Err(CatalogueError::DuplicateCode("441602".into()))
    );
}

#[test]
fn bytes_that_are_no_json_object_get_the_loaders_reasons() {
    let read = |b: &[u8]| load_catalogue(b, ROOT, &[]);
    assert_eq!(read(b"  "), Err(CatalogueError::File(FileError::Empty)));
    assert_eq!(
        read(b"<!doctype html>"),
        Err(CatalogueError::File(FileError::LooksLikeHtml))
    );
    assert_eq!(
        read(b"[1]"),
        Err(CatalogueError::File(FileError::NotObject))
    );
    assert!(matches!(
        read(b"{"),
        Err(CatalogueError::File(FileError::NotJson { .. }))
    ));
}

#[test]
fn a_foreign_url_refuses_the_catalogue_and_names_the_entry() {
    for url in [
        "https://evil.example/d.json",
        "//evil.example/d.json",
        "/\\evil",
    ] {
        let got = bent(|v| v["entries"][0]["url"] = json!(url));
        assert!(
            matches!(&got, Err(CatalogueError::ForeignUrl { code, .. }) if code == "441602"),
            "{url}: {got:?}"
        );
    }
    let msg = bent(|v| v["entries"][0]["url"] = json!("https://evil.example/d.json"))
        .unwrap_err()
        .message();
    assert!(
        msg.contains("441602") && msg.contains("evil.example"),
        "{msg}"
    );
}

#[test]
fn entry_urls_resolve_against_the_catalogue() {
    let r = |base: &str, url: &str| resolve_entry_url(base, url, &["https://data.example.gov.cn"]);
    assert_eq!(r(ROOT, "441602.json").unwrap(), "/data/cat/441602.json");
    assert_eq!(r(ROOT, "./gd/a.json").unwrap(), "/data/cat/gd/a.json");
    assert_eq!(r(ROOT, "../../../x.json").unwrap(), "/x.json");
    assert_eq!(r(ROOT, "/other/a.json").unwrap(), "/other/a.json");
    assert_eq!(
        r("/data/cat/root.json?v=2", "a.json").unwrap(),
        "/data/cat/a.json"
    );
    let remote = "https://data.example.gov.cn/tuoyu/gd/index.json";
    assert_eq!(
        r(remote, "hy/441602.json").unwrap(),
        "https://data.example.gov.cn/tuoyu/gd/hy/441602.json"
    );
    assert_eq!(
        r(remote, "/a.json").unwrap(),
        "https://data.example.gov.cn/a.json"
    );
    assert_eq!(
        r(ROOT, "https://data.example.gov.cn/a.json").unwrap(),
        "https://data.example.gov.cn/a.json"
    );
    assert_eq!(
        r(ROOT, "https://evil.example/a.json"),
        Err(SourceRefusal::OriginNotAllowed(
            "https://evil.example".into()
        ))
    );
    assert_eq!(
        r(ROOT, "//evil.example/a.json"),
        Err(SourceRefusal::NotSameOriginPath)
    );
    assert_eq!(r(ROOT, "%2e%2e/a.json"), Err(SourceRefusal::Malformed));
    assert_eq!(r(ROOT, "a b.json"), Err(SourceRefusal::Malformed));
    assert_eq!(
        r(ROOT, "javascript:alert(1)"),
        Err(SourceRefusal::NotSameOriginPath)
    );
}

//! The properties the fuzz targets check, shared with the native seed test so that every
//! committed seed is a regression test. The fuzz crate includes this file by path, so it
//! must only use what both have: `tuoyu_core`, `serde_json`, `chrono` and `url`.
//!
//! Each check panics (which libFuzzer records as a crash) when a property fails.
#![allow(dead_code)]

use std::collections::HashSet;

use tuoyu_core::load::{is_valid_id, load_dataset, MAX_PROBLEMS, MAX_PROBLEMS_PER_RECORD};
use tuoyu_core::model::Dataset;
use tuoyu_core::query::FinderQuery;
use tuoyu_core::source::{resolve_data_source, DEFAULT_DATASET};

/// The origins the `data_source` check allows: one plain, one with a port written with a
/// trailing slash, as a build configuration might list them.
pub const ALLOWED: &[&str] = &[
    "https://data.example.gov.cn",
    "https://cdn.example.com:8443/",
];

/// The site the app is served from, for resolving same-origin paths the way a browser does.
const SITE: &str = "https://finder.example.cn/";

/// Any bytes: never a panic; an accepted file is self-consistent and survives being
/// written out and read back unchanged.
pub fn check_load(bytes: &[u8]) {
    let loaded = match load_dataset(bytes) {
        Ok(l) => l,
        Err(e) => {
            assert!(!e.message().is_empty());
            return;
        }
    };

    // Problems belong to skipped records only, each record counted once, in file order.
    let mut indices: Vec<usize> = loaded.problems.iter().map(|p| p.index).collect();
    assert!(
        indices.windows(2).all(|w| w[0] <= w[1]),
        "problems out of order"
    );
    // Bounded: a record's problems, all problems, and every quoted id (issue 14).
    let mut per_record = indices.clone();
    per_record.dedup_by_key(|i| *i);
    for i in &per_record {
        let n = indices.iter().filter(|j| *j == i).count();
        assert!(n <= MAX_PROBLEMS_PER_RECORD + 1, "record {i}: {n} problems");
    }
    assert!(loaded.problems.len() <= MAX_PROBLEMS);
    indices.dedup();
    if loaded.unlisted_problems == 0 {
        assert_eq!(
            indices.len(),
            loaded.skipped,
            "skipped ≠ records with problems"
        );
    } else {
        assert!(indices.len() <= loaded.skipped);
    }
    for p in &loaded.problems {
        assert!(!p.message.is_empty());
        assert!(!p.to_string().is_empty());
        assert!(p.id.as_ref().is_none_or(|id| id.chars().count() <= 41));
    }

    let listed = &loaded.dataset.institutions;
    let mut ids = HashSet::new();
    for inst in listed {
        assert!(is_valid_id(&inst.id), "listed invalid id {:?}", inst.id);
        assert!(
            ids.insert(inst.id.as_str()),
            "listed duplicate id {:?}",
            inst.id
        );
        assert!(inst.age_months.min <= inst.age_months.max && inst.age_months.max <= 36);
        assert!(!inst.care_types.is_empty());
    }

    // Every record is accounted for exactly once: listed, skipped or revoked. serde_json
    // also keeps the last of repeated keys, so it sees the same `institutions`.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        if let Some(records) = value.get("institutions").and_then(|v| v.as_array()) {
            let accounted = listed.len() + loaded.skipped + loaded.revoked.len();
            assert_eq!(accounted, records.len(), "records lost or double-counted");
            for p in &loaded.problems {
                assert!(p.index < records.len());
            }
        }
    }

    let written = serde_json::to_vec(&loaded.dataset).expect("a dataset always serializes");
    let again = match load_dataset(&written) {
        Ok(a) => a,
        Err(e) => panic!("own output refused: {e:?}"),
    };
    assert_eq!(again.problems, vec![], "own output has bad records");
    assert_eq!((again.skipped, again.revoked.len()), (0, 0));
    if again.dataset != loaded.dataset {
        different_after_rewrite(&loaded.dataset, &again.dataset);
    }
}

/// Names the first record (or the header) that changed, rather than printing two whole
/// datasets.
fn different_after_rewrite(before: &Dataset, after: &Dataset) -> ! {
    let mut pairs = before.institutions.iter().zip(&after.institutions);
    if let Some((b, a)) = pairs.find(|(b, a)| b != a) {
        panic!("record changed by a write and re-read:\n{b:?}\n{a:?}");
    }
    let header = |d: &Dataset| Dataset {
        institutions: Vec::new(),
        ..d.clone()
    };
    panic!(
        "changed by a write and re-read ({} → {} records):\n{:?}\n{:?}",
        before.institutions.len(),
        after.institutions.len(),
        header(before),
        header(after)
    );
}

/// Any address: never a panic; what the app writes back reads back the same, with no
/// notes, both without a date and with one (which also checks `born`).
pub fn check_query(search: &str) {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 5, 20);
    for today in [None, today] {
        let mut parsed = FinderQuery::parse_query_string(search, today);
        for n in &parsed.notes {
            assert!(!n.message.is_empty());
        }
        parsed.notes.clear();
        let written = parsed.to_query_string();
        let again = FinderQuery::parse_query_string(&written, today);
        assert_eq!(again.notes, vec![], "own address has notes: {written}");
        assert_eq!(again, parsed, "changed by a write and re-read: {written}");
        assert_eq!(again.to_query_string(), written, "written form not stable");
        let filter = &parsed.filter;
        assert!(filter.radius_m.is_none() || filter.near.is_some());
        assert!(filter.age.is_none_or(|a| a <= 36));
    }
}

/// Any `data=` value: never a panic; whatever is accepted is a same-origin path or an
/// address on the allow-list, both by its letters and by a browser's (WHATWG) reading.
pub fn check_data_source(value: &str) {
    let url = match resolve_data_source(Some(value), ALLOWED) {
        Ok(url) => url,
        Err(refusal) => {
            assert!(!refusal.message().is_empty());
            return;
        }
    };
    if value.is_empty() {
        assert_eq!(url, DEFAULT_DATASET);
        return;
    }
    assert_eq!(url, value, "accepted values are used as given");
    let site = url::Url::parse(SITE).expect("valid site");
    if let Some(rest) = url.strip_prefix('/') {
        assert!(
            !rest.starts_with('/'),
            "protocol-relative path accepted: {url:?}"
        );
        let bad = |c: char| c == '\\' || c.is_whitespace() || c.is_control();
        assert!(
            !url.chars().any(bad),
            "path with a risky character: {url:?}"
        );
        let read = site.join(&url).expect("a path resolves against the site");
        assert_eq!(
            read.origin(),
            site.origin(),
            "path leaves the site: {url:?}"
        );
        return;
    }
    assert!(
        url.get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://")),
        "not https: {url:?}"
    );
    let read = url::Url::parse(&url).unwrap_or_else(|e| panic!("{url:?} unparsable: {e}"));
    assert_eq!(read.scheme(), "https");
    assert!(
        read.username().is_empty() && read.password().is_none(),
        "{url:?}"
    );
    let origin = read.origin().ascii_serialization();
    let allowed = ALLOWED
        .iter()
        .any(|a| url::Url::parse(a).is_ok_and(|a| a.origin().ascii_serialization() == origin));
    assert!(allowed, "{url:?} is from {origin}, not on the allow-list");
}

//! Hostile and odd files (issue 14): a bad record costs bounded work and memory, a value
//! serde_json cannot hold costs its record and not the file, unknown keys are ignored at any
//! depth, and names that show nothing (or draw over their neighbours) are refused.

mod common;

use std::time::Instant;

use common::{file, full, minimal};
use serde_json::Value;
use tuoyu_core::load::{
    clip, load_dataset, shorten, FileError, Loaded, MAX_PROBLEMS, MAX_PROBLEMS_PER_RECORD,
    MAX_RECORDS,
};

/// A file of two records, the first bent by replacing its JSON text `from` with `to` (so
/// that the file can hold what serde_json's `Value` cannot), the second good.
fn bent(record: Value, from: &str, to: &str) -> Vec<u8> {
    let text = serde_json::to_string(&file(vec![record, minimal("GOOD-1")])).expect("json");
    assert!(text.contains(from), "{from} not in the file");
    text.replacen(from, to, 1).into_bytes()
}

fn loaded(bytes: &[u8]) -> Loaded {
    load_dataset(bytes).unwrap_or_else(|e| panic!("file refused: {e}"))
}

/// The first record is left out with a problem on `field` whose message holds `words`; the
/// good record is still listed.
fn first_left_out(bytes: &[u8], field: &str, words: &str) {
    let l = loaded(bytes);
    assert_eq!(l.skipped, 1, "{:?}", l.problems);
    let ids: Vec<&str> = l
        .dataset
        .institutions
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["GOOD-1"]);
    assert!(
        l.problems
            .iter()
            .any(|p| p.index == 0 && p.field == field && p.message.contains(words)),
        "{:?}",
        l.problems
    );
}

/// Both records listed: the odd value was where nothing reads it.
fn both_listed(bytes: &[u8]) {
    let l = loaded(bytes);
    assert_eq!(l.skipped, 0, "{:?}", l.problems);
    assert_eq!(l.dataset.institutions.len(), 2);
}

#[test]
fn a_huge_bad_id_with_thousands_of_bad_values_costs_one_record_and_little_time() {
    let mut record = minimal("X");
    record["id"] = Value::from("!".repeat(1_000_000));
    record["care_types"] = Value::from(vec!["nope"; 5_000]);
    let bytes = serde_json::to_vec(&file(vec![record, minimal("GOOD-1")])).expect("json");
    let started = Instant::now();
    let l = loaded(&bytes);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!((l.skipped, l.dataset.institutions.len()), (1, 1));
    // Capped, with one line counting the rest.
    assert_eq!(l.problems.len(), MAX_PROBLEMS_PER_RECORD + 1);
    let last = l.problems.last().expect("a count line");
    assert!(last.message.contains("另有"), "{last}");
    for p in &l.problems {
        let id = p.id.as_deref().expect("the id is named");
        assert!(id.chars().count() <= 41 && id.ends_with('…'), "{id}");
        assert!(p.to_string().chars().count() < 300, "{p}");
    }
}

#[test]
fn values_are_quoted_short_and_views_clip_long_text() {
    assert_eq!(shorten("短"), "短");
    let long = "字".repeat(100);
    assert_eq!(shorten(&long), format!("{}…", "字".repeat(40)));
    assert_eq!(shorten(&shorten(&long)), shorten(&long));
    assert_eq!(clip("abc", 3), None);
    assert_eq!(clip("abcd", 3), Some("abc"));
    assert_eq!(clip("一二三四", 2), Some("一二"));
}

#[test]
fn numbers_beyond_f64_cost_the_record_that_needs_them() {
    let huge = format!("1{}", "0".repeat(5_000));
    for (to, field) in [
        ("\"lat\":1e400", "location.lat"),
        ("\"lat\":-1e400", "location.lat"),
        (&*format!("\"lat\":{huge}"), "location.lat"),
    ] {
        first_left_out(&bent(full("BAD-1"), "\"lat\":23.75", to), field, "数字超出");
    }
    let amount = format!("\"amount\":-{huge}");
    first_left_out(
        &bent(full("BAD-1"), "\"amount\":1800", &amount),
        "fees.full_day.amount",
        "数字超出",
    );
}

#[test]
fn a_lone_surrogate_costs_the_record_that_needs_it() {
    let record = full("BAD-1");
    first_left_out(
        &bent(
            record,
            "\"name\":\"源城区示范托育园\"",
            "\"name\":\"\\ud800\"",
        ),
        "name",
        "转义",
    );
}

#[test]
fn odd_values_under_unknown_keys_are_ignored_at_any_level() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = format!("9{}", "9".repeat(5_000));
    for odd in ["1e400", "-1e400", "\"\\ud800\"", &*huge, &*deep] {
        // In the record, in a known object of the record, and at the top level.
        let record = full("ODD-1");
        both_listed(&bent(
            record.clone(),
            "\"puhui\":true",
            &format!("\"puhui\":true,\"x\":{odd}"),
        ));
        both_listed(&bent(
            record.clone(),
            "\"lat\":23.75",
            &format!("\"x\":{odd},\"lat\":23.75"),
        ));
        both_listed(&bent(record, "\"crs\":", &format!("\"x\":{odd},\"crs\":")));
    }
}

#[test]
fn deep_nesting_is_one_rule_a_known_value_too_deep_costs_its_record() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let record = full("DEEP-1");
    let fees = bent(record, "\"fees\":{", &format!("\"fees\":{deep},\"y\":{{"));
    first_left_out(&fees, "fees", "");
    // In a top-level value the loader reads, it is that value's error.
    let text = serde_json::to_string(&file(vec![minimal("A")])).expect("json");
    let region_at = text.find("\"region\":").expect("region");
    let mut bad = text.clone();
    bad.insert_str(region_at, &format!("\"region\":{deep},"));
    // The later `region` wins, as with any repeated key: the file still loads.
    assert!(load_dataset(bad.as_bytes()).is_ok());
    let title = text.replacen(
        "\"title\":\"源城区托育服务机构名录\"",
        &format!("\"title\":{deep}"),
        1,
    );
    match load_dataset(title.as_bytes()) {
        Err(FileError::BadField { field, message }) => {
            assert_eq!(field, "title");
            assert!(message.contains("应为文本"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_that_is_not_json_is_still_told_where() {
    let text = serde_json::to_string(&file(vec![minimal("A")])).expect("json");
    let broken = text.replacen("\"crs\":", "\"crs\" ", 1);
    assert!(matches!(
        load_dataset(broken.as_bytes()),
        Err(FileError::NotJson { line: 1, .. })
    ));
    // An odd value elsewhere does not move the place of the real mistake.
    let both = broken.replacen("\"lat\":23.7431", "\"lat\":1e400", 1);
    assert_eq!(
        load_dataset(both.as_bytes()).map(|_| ()),
        load_dataset(broken.as_bytes()).map(|_| ())
    );
}

#[test]
fn names_and_addresses_must_show_something_and_stay_in_their_box() {
    let cases: [(&str, String, &str); 5] = [
        ("name", "\u{0}".to_owned(), "控制字符"),
        ("address", "\u{0}".repeat(200), "控制字符"),
        ("name", "\u{200B}\u{200D}\u{FEFF}".to_owned(), "看得见"),
        ("name", "\u{202E}".to_owned(), "看得见"),
        ("name", format!("a{}", "\u{0301}".repeat(99)), "附加符号"),
    ];
    for (field, value, words) in cases {
        let mut record = full("BAD-1");
        record[field] = Value::from(value);
        let bytes = serde_json::to_vec(&file(vec![record, minimal("GOOD-1")])).expect("json");
        first_left_out(&bytes, field, words);
    }
    let mut accented = full("OK-1");
    accented["name"] = Value::from("Café 托育 \u{202E}中心");
    let l = loaded(&serde_json::to_vec(&file(vec![accented])).expect("json"));
    assert_eq!(l.dataset.institutions.len(), 1, "{:?}", l.problems);
}

#[test]
fn a_file_of_countless_empty_records_is_refused_or_counted_without_exhausting_memory() {
    let text = serde_json::to_string(&file(Vec::new())).expect("json");
    let many = text.replacen(
        "\"institutions\":[]",
        &format!("\"institutions\":[{}0]", "0,".repeat(MAX_RECORDS)),
        1,
    );
    let started = Instant::now();
    assert!(matches!(
        load_dataset(many.as_bytes()),
        Err(FileError::TooManyRecords { limit: MAX_RECORDS })
    ));
    assert!(started.elapsed().as_secs() < 10);

    let empties = vec![Value::Object(Default::default()); 20_000];
    let l = loaded(&serde_json::to_vec(&file(empties)).expect("json"));
    assert_eq!(l.skipped, 20_000);
    assert_eq!(l.problems.len(), MAX_PROBLEMS);
    assert!(l.unlisted_problems > 0);
}

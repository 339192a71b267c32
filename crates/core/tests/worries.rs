//! Dataset 1.1 (`opening`, `prepayment`, `places.by_age`): what the loader refuses, the
//! finder's filters and address parameters for them, and the district fee medians.

mod common;

use common::{file, full, load_ok, problems_after};
use serde_json::{json, Value};
use tuoyu_core::median::{fee_median, Among, MIN_FEES_FOR_MEDIAN};
use tuoyu_core::model::{AgeBand, CareType, Clock, Dataset, Prepayment};
use tuoyu_core::query::{FinderQuery, NoteKind};
use tuoyu_core::{find, Filter, Sort};

fn set(key: &'static str, value: Value) -> impl FnOnce(&mut Value) {
    move |r| {
        r[key] = value;
    }
}

fn week() -> Value {
    json!([
        { "days": [1, 2, 3, 4, 5], "open": "07:30", "close": "18:00" },
        { "days": [6], "open": "08:00", "close": "12:00" }
    ])
}

/// The fields of every problem, for a short assertion.
fn fields(edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    problems_after(edit)
        .into_iter()
        .map(|p| (p.field, p.message))
        .collect()
}

#[test]
fn a_well_formed_week_prepayment_and_bands_are_read() {
    let mut r = full("YC-1");
    r["opening"] = week();
    r["prepayment"] = json!({ "max_months": 3, "escrow": true });
    r["places"]["by_age"] = json!([
        { "min": 6, "max": 17, "total": 20, "vacant": 0 },
        { "min": 18, "max": 36, "total": 40, "vacant": 4 }
    ]);
    let loaded = load_ok(&file(vec![r]));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let i = &loaded.dataset.institutions[0];
    assert_eq!(i.opening.len(), 2);
    assert_eq!(i.opening[0].open.to_string(), "07:30");
    assert_eq!(
        i.prepayment,
        Some(Prepayment {
            max_months: 3,
            escrow: Some(true)
        })
    );
    let bands = &i.places.as_ref().unwrap().by_age;
    assert_eq!(
        bands[1],
        AgeBand {
            min: 18,
            max: 36,
            total: 40,
            vacant: 4
        }
    );
    // Written back, the file reads the same (the spec's key names and forms).
    let again = serde_json::to_value(&loaded.dataset).unwrap();
    let reloaded = load_ok(&again);
    assert_eq!(reloaded.dataset, loaded.dataset);
    assert_eq!(again["institutions"][0]["opening"], week());
}

#[test]
fn a_time_past_midnight_leaves_the_record_out() {
    let bad = json!([{ "days": [1], "open": "07:30", "close": "25:00" }]);
    let p = fields(set("opening", bad));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "opening[0].close");
    assert!(p[0].1.contains("“25:00”"), "{}", p[0].1);
}

#[test]
fn times_must_be_written_hh_mm_and_open_before_close() {
    for t in [
        "7:30",
        "07:60",
        "0730",
        "07:30:00",
        "24:01",
        "",
        "０７:３０",
    ] {
        let bad = json!([{ "days": [1], "open": t, "close": "18:00" }]);
        assert_eq!(fields(set("opening", bad)).len(), 1, "{t:?}");
    }
    let late = json!([{ "days": [1], "open": "18:00", "close": "18:00" }]);
    let p = fields(set("opening", late));
    assert_eq!(p[0].0, "opening[0]");
    assert!(p[0].1.contains("应早于"));
    let midnight = json!([{ "days": [1], "open": "00:00", "close": "24:00" }]);
    assert!(fields(set("opening", midnight)).is_empty());
}

#[test]
fn a_day_listed_twice_leaves_the_record_out() {
    let within = json!([{ "days": [1, 1], "open": "07:30", "close": "18:00" }]);
    let across = json!([
        { "days": [1, 2, 3], "open": "07:30", "close": "18:00" },
        { "days": [3, 6], "open": "08:00", "close": "12:00" }
    ]);
    for (bad, field) in [
        (within, "opening[0].days[1]"),
        (across, "opening[1].days[0]"),
    ] {
        let p = fields(set("opening", bad));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, field);
        assert!(p[0].1.contains("写了两次"), "{}", p[0].1);
    }
}

#[test]
fn days_are_one_to_seven_and_not_empty() {
    for days in [json!([]), json!([0]), json!([8]), json!(["周一"]), json!(1)] {
        let bad = json!([{ "days": days, "open": "07:30", "close": "18:00" }]);
        assert_eq!(fields(set("opening", bad)).len(), 1, "{days}");
    }
}

#[test]
fn prepayment_needs_a_whole_number_of_months() {
    for (bad, field) in [
        (json!({ "escrow": true }), "prepayment.max_months"),
        (json!({ "max_months": -1 }), "prepayment.max_months"),
        (json!({ "max_months": 1.5 }), "prepayment.max_months"),
        (
            json!({ "max_months": 3, "escrow": "是" }),
            "prepayment.escrow",
        ),
        (json!(3), "prepayment"),
    ] {
        let p = fields(set("prepayment", bad.clone()));
        assert_eq!(p.len(), 1, "{bad}: {p:?}");
        assert_eq!(p[0].0, field, "{bad}");
    }
    assert!(fields(set("prepayment", json!({ "max_months": 0 }))).is_empty());
}

fn bands(value: Value) -> impl FnOnce(&mut Value) {
    move |r| r["places"]["by_age"] = value
}

#[test]
fn overlapping_bands_leave_the_record_out() {
    let p = fields(bands(json!([
        { "min": 6, "max": 18, "total": 10, "vacant": 1 },
        { "min": 18, "max": 36, "total": 10, "vacant": 1 }
    ])));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "places.by_age[1]");
    assert!(p[0].1.contains("重叠"), "{}", p[0].1);
}

#[test]
fn bands_over_the_total_leave_the_record_out() {
    // `full` has places.total 60.
    let p = fields(bands(json!([
        { "min": 6, "max": 17, "total": 30, "vacant": 1 },
        { "min": 18, "max": 36, "total": 31, "vacant": 1 }
    ])));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "places.by_age");
    assert!(p[0].1.contains("61") && p[0].1.contains("60"), "{}", p[0].1);
}

#[test]
fn bands_stay_inside_the_ages_taken_and_hold_their_vacancies() {
    // `full` takes 6–36 months.
    for bad in [
        json!([{ "min": 0, "max": 12, "total": 5, "vacant": 1 }]),
        json!([{ "min": 24, "max": 12, "total": 5, "vacant": 1 }]),
        json!([{ "min": 12, "max": 24, "total": 5, "vacant": 6 }]),
        json!([{ "min": 12, "max": 24, "total": 5 }]),
        json!([{ "min": 12, "max": 37, "total": 5, "vacant": 1 }]),
    ] {
        assert_eq!(fields(bands(bad.clone())).len(), 1, "{bad}");
    }
}

fn dataset(records: Vec<Value>) -> Dataset {
    let loaded = load_ok(&file(records));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset
}

fn ids(d: &Dataset, f: &Filter) -> Vec<String> {
    find(d, f, Sort::Default)
        .into_iter()
        .map(|h| d.institutions[h.index].id.clone())
        .collect()
}

fn with_opening(id: &str, opening: Value) -> Value {
    let mut r = full(id);
    r["opening"] = opening;
    r
}

#[test]
fn hours_must_fit_every_weekday() {
    let d = dataset(vec![
        with_opening("WEEK", week()),
        // Friday closes early: a parent picking up at 17:30 every day is not served.
        with_opening(
            "FRI",
            json!([
                { "days": [1, 2, 3, 4], "open": "07:00", "close": "18:30" },
                { "days": [5], "open": "07:00", "close": "17:00" }
            ]),
        ),
        // No Wednesday at all.
        with_opening(
            "GAP",
            json!([{ "days": [1, 2, 4, 5], "open": "07:00", "close": "19:00" }]),
        ),
        full("NONE"),
    ]);
    let f = |from: Option<&str>, until: Option<&str>| Filter {
        from: from.and_then(Clock::parse),
        until: until.and_then(Clock::parse),
        ..Filter::default()
    };
    assert_eq!(ids(&d, &f(None, None)).len(), 4);
    assert_eq!(ids(&d, &f(Some("07:30"), None)), ["WEEK", "FRI"]);
    assert_eq!(ids(&d, &f(Some("07:29"), None)), ["FRI"]);
    assert_eq!(ids(&d, &f(None, Some("18:00"))), ["WEEK"]);
    assert_eq!(ids(&d, &f(None, Some("17:00"))), ["WEEK", "FRI"]);
    assert_eq!(ids(&d, &f(Some("07:30"), Some("17:00"))), ["WEEK", "FRI"]);
    assert_eq!(
        ids(&d, &f(Some("07:00"), Some("18:30"))),
        Vec::<String>::new()
    );
}

#[test]
fn prepay_matches_only_a_stated_number_of_months_at_most_the_one_asked() {
    let with = |id: &str, months: Option<u32>| {
        let mut r = full(id);
        if let Some(m) = months {
            r["prepayment"] = json!({ "max_months": m });
        }
        r
    };
    let d = dataset(vec![
        with("M0", Some(0)),
        with("M3", Some(3)),
        with("M6", Some(6)),
        with("NONE", None),
    ]);
    let f = |prepay| Filter {
        prepay,
        ..Filter::default()
    };
    assert_eq!(ids(&d, &f(Some(3))), ["M0", "M3"]);
    assert_eq!(ids(&d, &f(Some(0))), ["M0"]);
    assert_eq!(ids(&d, &f(Some(12))), ["M0", "M3", "M6"]);
    assert_eq!(ids(&d, &f(None)).len(), 4);
}

/// "BANDS": 5 free places in all (`full`'s), none of them for toddlers under 18 months.
fn none_free_under_18_months() -> Value {
    let mut banded = full("BANDS");
    banded["places"]["by_age"] = json!([
        { "min": 6, "max": 17, "total": 20, "vacant": 0 },
        { "min": 18, "max": 30, "total": 20, "vacant": 5 }
    ]);
    banded
}

#[test]
fn vacancies_with_an_age_use_the_band_that_holds_it() {
    let d = dataset(vec![none_free_under_18_months(), full("PLAIN")]);
    let f = |age| Filter {
        vacant: true,
        age,
        ..Filter::default()
    };
    assert_eq!(ids(&d, &f(Some(12))), ["PLAIN"]);
    assert_eq!(ids(&d, &f(Some(20))), ["BANDS", "PLAIN"]);
    // No band holds 33 months: no vacancy for that child, though places.vacant is 5.
    assert_eq!(ids(&d, &f(Some(33))), ["PLAIN"]);
    assert_eq!(ids(&d, &f(None)), ["BANDS", "PLAIN"]);
    let i = &d.institutions[0];
    assert_eq!(
        (i.vacant_for(Some(12)), i.vacant_for(Some(33))),
        (Some(0), None)
    );
}

#[test]
fn most_vacancies_first_with_an_age_ranks_by_the_childs_band() {
    // BANDS has more free places in all (5 against 3), none of them for a 12-month-old.
    let banded = none_free_under_18_months();
    let mut plain = full("PLAIN");
    plain["places"]["vacant"] = json!(3);
    let d = dataset(vec![banded, plain]);
    let ranked = |age| {
        let f = Filter {
            age,
            ..Filter::default()
        };
        find(&d, &f, Sort::Vacancy)
            .into_iter()
            .map(|h| d.institutions[h.index].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ranked(None), ["BANDS", "PLAIN"]);
    assert_eq!(ranked(Some(20)), ["BANDS", "PLAIN"]);
    assert_eq!(ranked(Some(12)), ["PLAIN", "BANDS"]);
}

#[test]
fn the_address_carries_from_until_and_prepay() {
    let q = FinderQuery::parse_query_string("?from=07:30&until=18:30&prepay=3", None);
    assert!(q.notes.is_empty(), "{:?}", q.notes);
    assert_eq!(q.filter.from, Clock::parse("07:30"));
    assert_eq!(q.filter.until, Clock::parse("18:30"));
    assert_eq!(q.filter.prepay, Some(3));
    assert!(!q.filter.is_empty());
    assert_eq!(q.to_query_string(), "?from=07:30&until=18:30&prepay=3");
    // The colon may arrive percent-encoded, as some apps write it.
    let encoded = FinderQuery::parse_query_string("from=07%3A30", None);
    assert_eq!(encoded.filter.from, Clock::parse("07:30"));
}

#[test]
fn wechats_own_from_is_passed_over_without_a_note() {
    for from in ["singlemessage", "groupmessage", "timeline"] {
        let q = FinderQuery::parse_query_string(&format!("age=18&from={from}"), None);
        assert!(q.notes.is_empty(), "{from}");
        assert_eq!(q.to_query_string(), "?age=18");
    }
    let both = FinderQuery::parse_query_string("from=timeline&from=08:00", None);
    assert_eq!(both.filter.from, Clock::parse("08:00"));
}

#[test]
fn malformed_hours_and_months_are_ignored_with_a_note() {
    for (query, param) in [
        ("from=25:00", "from"),
        ("until=7:30", "until"),
        ("until=noon", "until"),
        ("prepay=13", "prepay"),
        ("prepay=-1", "prepay"),
        ("prepay=three", "prepay"),
    ] {
        let q = FinderQuery::parse_query_string(query, None);
        assert_eq!(q.notes.len(), 1, "{query}");
        assert_eq!(q.notes[0].param, param);
        assert!(matches!(q.notes[0].kind, NoteKind::Unrecognised { .. }));
        assert!(q.filter.is_empty(), "{query}");
        assert_eq!(q.to_query_string(), "", "{query}");
    }
}

fn fee_record(id: &str, amount: u32, puhui: bool) -> Value {
    let mut r = full(id);
    r["puhui"] = json!(puhui);
    r["fees"] = json!({ "full_day": { "amount": amount, "unit": "month" } });
    r
}

#[test]
fn the_median_needs_five_monthly_fees() {
    let mut records: Vec<Value> = (0..4)
        .map(|i| fee_record(&format!("F{i}"), 1000 + 100 * i, false))
        .collect();
    // A daily fee is not a monthly fee: it does not count towards the five.
    let mut daily = full("DAY");
    daily["fees"] = json!({ "full_day": { "amount": 100, "unit": "day" } });
    records.push(daily);
    let d = dataset(records.clone());
    assert_eq!(fee_median(&d, CareType::FullDay, Among::All), None);
    records.push(fee_record("F4", 5000, false));
    let d = dataset(records);
    let m = fee_median(&d, CareType::FullDay, Among::All).unwrap();
    assert_eq!((m.amount, m.count), (1200.0, MIN_FEES_FOR_MEDIAN));
    assert_eq!(fee_median(&d, CareType::Hourly, Among::All), None);
}

#[test]
fn a_puhui_fee_is_set_against_the_median_of_the_others() {
    let mut records: Vec<Value> = (0..6)
        .map(|i| fee_record(&format!("P{i}"), 1000 + 10 * i, true))
        .collect();
    records.extend((0..6).map(|i| fee_record(&format!("N{i}"), 2000 + 100 * i, false)));
    let d = dataset(records);
    let all = fee_median(&d, CareType::FullDay, Among::All).unwrap();
    // Twelve fees: the mean of the 6th and 7th (1050 and 2000).
    assert_eq!((all.amount, all.count), (1525.0, 12));
    let others = fee_median(&d, CareType::FullDay, Among::NotPuhui).unwrap();
    assert_eq!((others.amount, others.count), (2250.0, 6));
}

#[test]
fn the_sample_file_uses_the_new_fields_on_most_records_and_loads_clean() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/yuancheng.json"
    );
    let bytes = std::fs::read(path).expect("the sample dataset");
    let loaded = tuoyu_core::load_dataset(&bytes).expect("the sample loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let all = &loaded.dataset.institutions;
    let count = |f: &dyn Fn(&tuoyu_core::Institution) -> bool| all.iter().filter(|i| f(i)).count();
    let most = |n: usize| n * 2 > all.len() && n < all.len();
    assert!(most(count(&|i| !i.opening.is_empty())));
    assert!(most(count(&|i| i.prepayment.is_some())));
    assert!(count(&|i| i.places.as_ref().is_some_and(|p| !p.by_age.is_empty())) > 0);
    assert!(fee_median(&loaded.dataset, CareType::FullDay, Among::All).is_some());
}

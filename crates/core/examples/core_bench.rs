//! Prints how long the core takes to load and filter large synthetic datasets natively.
//! A benchmark, not a test: timings are reported, never asserted (they would flake).
//! Run: `cargo run --release -p tuoyu-core --example core_bench`

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::{bytes, file};
use serde_json::json;
use tuoyu_core::filter::{find, Filter, Sort};
use tuoyu_core::load::load_dataset;
use tuoyu_core::model::{CareType, LatLng};

/// A file of `n` realistic records, written directly as text: building it through
/// `serde_json::Value` would take longer than the load being measured.
fn records(n: usize) -> Vec<u8> {
    let mut head = file(Vec::new());
    head["institutions"] = json!("@");
    let head = String::from_utf8(bytes(&head)).expect("utf-8");
    let (before, after) = head.split_once("\"@\"").expect("placeholder");
    let mut out = String::with_capacity(n * 400 + head.len());
    out.push_str(before);
    out.push('[');
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let lat = 23.6 + (i % 1000) as f64 * 0.0003;
        let lng = 114.6 + (i / 1000) as f64 * 0.002;
        let (vacant, fee) = (i % 7, 1000 + (i * 37) % 2000);
        out.push_str(&format!(
            r#"{{"id":"YC-{i:06}","name":"第{i}号 Sunshine 托育中心","kind":"centre","area":"441602003",
"address":"源城区东埔街道长安路 {i} 号","location":{{"lat":{lat},"lng":{lng}}},"phone":"0762-3300000",
"care_types":["full_day","hourly"],"age_months":{{"min":12,"max":36}},"puhui":true,
"fees":{{"full_day":{{"amount":{fee},"unit":"month"}}}},"places":{{"total":30,"vacant":{vacant},"as_of":"2025-09-01"}},
"hours":"周一至周五 07:30–18:00","updated":"2025-09-02"}}"#
        ));
    }
    out.push(']');
    out.push_str(after);
    out.into_bytes()
}

fn main() {
    for n in [1_000, 10_000, 100_000] {
        let data = records(n);
        let start = Instant::now();
        let loaded = load_dataset(&data).expect("loads");
        let took = start.elapsed();
        assert_eq!(loaded.dataset.institutions.len(), n);
        println!(
            "load    {n:>7} records  {:>6.1} MB  {:>8.1} ms",
            data.len() as f64 / 1e6,
            took.as_secs_f64() * 1e3
        );
        filter_timings(&loaded.dataset, n);
    }
}

fn filter_timings(d: &tuoyu_core::Dataset, n: usize) {
    let filter = Filter {
        types: vec![CareType::FullDay],
        age: Some(18),
        near: Some(LatLng::new(23.74, 114.69)),
        radius_m: Some(20_000),
        q: "sunshine 托育".to_owned(),
        ..Filter::default()
    };
    let _ = find(d, &filter, Sort::Default);
    for sort in [Sort::Default, Sort::Name, Sort::Fee, Sort::Vacancy] {
        // Best of five: the number is about the work, not the scheduler.
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                let _ = find(d, &filter, sort);
                start.elapsed()
            })
            .min()
            .unwrap_or_default();
        println!(
            "filter  {n:>7} records  sort {:<8} {:>8.2} ms",
            sort.code(),
            best.as_secs_f64() * 1e3
        );
    }
}

//! Properties of dataset 1.1's hours rule and age bands over random weeks and bands
//! (proptest; `PROPTEST_CASES` searches longer, as in `properties.rs`).

mod cases;
mod common;

use cases::config;

use common::{file, full, load};
use proptest::prelude::*;
use serde_json::{json, Value};
use tuoyu_core::model::Clock;
use tuoyu_core::{find, Filter, Sort};

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Times on the quarter hour across the day, so random weeks and asks often meet exactly.
fn minute() -> impl Strategy<Value = u16> {
    (0u16..=96).prop_map(|q| q * 15)
}

/// A valid week: each day 1–7 goes to one of three entries or to none.
fn week() -> impl Strategy<Value = Vec<(Vec<u8>, u16, u16)>> {
    let times = prop::collection::vec((minute(), minute()), 3);
    (prop::collection::vec(0usize..4, 7), times).prop_map(|(owner, times)| {
        (0..3)
            .filter_map(|e| {
                let days: Vec<u8> = (1..=7u8)
                    .filter(|d| owner[usize::from(*d - 1)] == e)
                    .collect();
                let (a, b) = times[e];
                let (open, close) = (a.min(b), a.max(b).max(a.min(b) + 15));
                (!days.is_empty()).then_some((days, open, close.min(1440)))
            })
            .filter(|(_, open, close)| open < close)
            .collect()
    })
}

fn opening_json(week: &[(Vec<u8>, u16, u16)]) -> Value {
    week.iter()
        .map(|(days, open, close)| json!({ "days": days, "open": hhmm(*open), "close": hhmm(*close) }))
        .collect()
}

fn one(record: Value) -> Result<tuoyu_core::Dataset, Vec<String>> {
    let loaded = load(&file(vec![record])).expect("file readable");
    if loaded.problems.is_empty() {
        Ok(loaded.dataset)
    } else {
        Err(loaded.problems.iter().map(|p| p.to_string()).collect())
    }
}

/// Open at minute `t` of `day`: inside an entry's [open, close].
fn open_at(week: &[(Vec<u8>, u16, u16)], day: u8, t: u16) -> bool {
    week.iter()
        .any(|(days, open, close)| days.contains(&day) && *open <= t && t <= *close)
}

proptest! {
    #![proptest_config(config())]

    /// With both times, the rule says: every weekday, the institution is open at every
    /// quarter hour from drop-off to pick-up. Checked minute by minute, not by the rule's
    /// own comparison.
    #[test]
    fn hours_match_when_open_throughout_every_weekday(
        w in week(),
        a in minute(),
        b in minute(),
    ) {
        let (from, until) = (a.min(b), a.max(b));
        let mut r = full("H");
        r["opening"] = opening_json(&w);
        let d = one(r).expect("a valid week loads");
        let f = Filter {
            from: Clock::from_minutes(from),
            until: Clock::from_minutes(until),
            ..Filter::default()
        };
        let expected = (1..=5u8).all(|day| (from..=until).all(|t| open_at(&w, day, t)));
        prop_assert_eq!(find(&d, &f, Sort::Default).len() == 1, expected);
    }

    /// Asking for an earlier drop-off or a later pick-up never adds an institution.
    #[test]
    fn wider_hours_never_match_more(
        w in week(),
        from in minute(),
        until in minute(),
        earlier in 0u16..=600,
        later in 0u16..=600,
    ) {
        let mut r = full("H");
        r["opening"] = opening_json(&w);
        let d = one(r).expect("a valid week loads");
        let narrow = Filter {
            from: Clock::from_minutes(from),
            until: Clock::from_minutes(until),
            ..Filter::default()
        };
        let wide = Filter {
            from: Clock::from_minutes(from.saturating_sub(earlier)),
            until: Clock::from_minutes((until + later).min(1440)),
            ..Filter::default()
        };
        let n = |f: &Filter| find(&d, f, Sort::Default).len();
        prop_assert!(n(&wide) <= n(&narrow));
        prop_assert!(n(&narrow) <= n(&Filter::default()));
    }

    /// A day that a second entry repeats is always refused, wherever it is.
    #[test]
    fn a_repeated_day_is_always_refused(w in week(), day in 1u8..=7) {
        let mut w = w;
        w.push((vec![day], 600, 660));
        w.push((vec![day], 700, 760));
        let mut r = full("H");
        r["opening"] = opening_json(&w);
        prop_assert!(one(r).is_err());
    }

    /// Valid bands load, and `vacant=1&age=a` matches exactly when the band holding `a`
    /// has a free place (no band holding it: no match).
    #[test]
    fn vacancies_by_age_follow_the_band(
        cuts in prop::collection::btree_set(7u8..36, 0..5),
        sizes in prop::collection::vec((0u32..10, 0u32..10), 6),
        age in 0u8..=36,
        drop_first in any::<bool>(),
    ) {
        // `full` takes 6–36 months with 60 places; bands split 6–36 at the cuts.
        let mut edges: Vec<u8> = vec![6];
        edges.extend(cuts.iter().copied());
        let mut bands: Vec<(u8, u8, u32, u32)> = edges
            .iter()
            .enumerate()
            .map(|(i, lo)| {
                let hi = edges.get(i + 1).map_or(36, |next| next - 1);
                let (a, b) = sizes[i];
                (*lo, hi, a.max(b), a.min(b))
            })
            .collect();
        if drop_first && bands.len() > 1 {
            bands.remove(0);
        }
        let mut r = full("B");
        r["places"]["by_age"] = bands
            .iter()
            .map(|(min, max, total, vacant)| json!({"min": min, "max": max, "total": total, "vacant": vacant}))
            .collect();
        let d = one(r).expect("valid bands load");
        let f = Filter { vacant: true, age: Some(age), ..Filter::default() };
        let takes = (6..=36).contains(&age);
        let band_free = bands
            .iter()
            .any(|(min, max, _, vacant)| *min <= age && age <= *max && *vacant > 0);
        prop_assert_eq!(find(&d, &f, Sort::Default).len() == 1, takes && band_free);
    }

    /// Two bands that share a month, or totals beyond `places.total`, are always refused.
    #[test]
    fn overlapping_or_oversized_bands_are_refused(
        lo in 6u8..=30,
        len in 0u8..6,
        shift in 0u8..6,
        over in 1u32..50,
    ) {
        let hi = lo + len;
        let lo2 = lo + shift.min(len);
        let overlapping = json!([
            {"min": lo, "max": hi, "total": 1, "vacant": 0},
            {"min": lo2, "max": (lo2 + 1).min(36), "total": 1, "vacant": 0}
        ]);
        let mut r = full("B");
        r["places"]["by_age"] = overlapping;
        prop_assert!(one(r).is_err());
        let mut r = full("B");
        r["places"]["by_age"] = json!([{"min": lo, "max": hi, "total": 60 + over, "vacant": 0}]);
        prop_assert!(one(r).is_err());
    }
}

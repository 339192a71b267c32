//! The address round trip over random queries (proptest): whatever the app writes into
//! the address reads back as the same query, with no notes. Cases default to 128;
//! `PROPTEST_CASES=5000 cargo test -p tuoyu-core --test query_properties` searches longer.

mod cases;

use cases::config;

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use tuoyu_core::filter::{Filter, Sort};
use tuoyu_core::model::{CareType, Clock, Kind, LatLng, MAX_PREPAY_MONTHS};
use tuoyu_core::query::{FinderQuery, Page, View, MAX_COMPARED, MAX_RADIUS_M};

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_written_address_reads_back_as_the_same_query(q in finder_query()) {
        let written = q.to_query_string();
        let again = FinderQuery::parse_query_string(&written, None);
        prop_assert_eq!(again, q, "{}", written);
    }
}

fn care_types() -> impl Strategy<Value = Vec<CareType>> {
    subsequence(CareType::ALL.to_vec(), 0..=CareType::ALL.len()).prop_shuffle()
}

fn kinds() -> impl Strategy<Value = Vec<Kind>> {
    subsequence(Kind::ALL.to_vec(), 0..=Kind::ALL.len()).prop_shuffle()
}

/// Text a parent or a link might carry: anything, as long as it is not blank (blank
/// values mean "absent" in the address, so they cannot round-trip as themselves).
fn free_text() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("not blank", |s| !s.trim().is_empty())
}

fn slug() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,64}"
}

/// A query as the app itself builds one: only values the address can express.
fn finder_query() -> impl Strategy<Value = FinderQuery> {
    let near = prop::option::of((3.8..=53.6f64, 73.5..=135.1f64));
    let place = (
        near,
        prop::option::of(1..=MAX_RADIUS_M),
        select(&Sort::ALL[..]),
    );
    let chosen = (
        care_types(),
        any::<bool>(),
        prop::option::of(0u8..=36),
        kinds(),
    );
    let area = prop::option::of(free_text().prop_map(|s| s.trim().to_owned()));
    let rest = (
        area,
        any::<bool>(),
        prop::option::of(free_text()),
        any::<bool>(),
    );
    let page = (
        prop::option::of(slug()),
        any::<bool>(),
        select(&[Page::Finder, Page::Guide, Page::Baby][..]),
    );
    let compare = prop::collection::btree_set(slug(), 0..=MAX_COMPARED)
        .prop_map(Vec::from_iter)
        .prop_shuffle();
    let extra = (
        prop::option::of(slug()),
        prop::option::of(free_text()),
        prop::option::of(0u64..80_000),
        compare,
    );
    let hours = (
        prop::option::of((0u16..=1440).prop_map(|m| Clock::from_minutes(m).expect("in the day"))),
        prop::option::of((0u16..=1440).prop_map(|m| Clock::from_minutes(m).expect("in the day"))),
        prop::option::of(0u8..=MAX_PREPAY_MONTHS),
    );
    (place, chosen, rest, page, (extra, hours)).prop_map(
        |(
            (near, radius, sort),
            (types, puhui, age, kinds),
            (area, vacant, q, public_only),
            (id, map, page),
            ((article, data, born, compare), (from, until, prepay)),
        )| {
            let near = near.map(|(lat, lng)| LatLng::new(lat, lng));
            let epoch = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).expect("a date");
            FinderQuery {
                // A region whenever a page is chosen, so both ways appear.
                region: (page as u8 % 2 == 1).then(|| "441600".to_owned()),
                data,
                filter: Filter {
                    types,
                    puhui,
                    age,
                    near,
                    radius_m: radius.filter(|_| near.is_some()),
                    area,
                    kinds,
                    vacant,
                    public_only,
                    q: q.unwrap_or_default(),
                    from,
                    until,
                    prepay,
                },
                sort: if sort == Sort::Distance && near.is_none() {
                    Sort::Default
                } else {
                    sort
                },
                id,
                view: if map { View::Map } else { View::List },
                page,
                article,
                born: born.and_then(|days| epoch.checked_add_days(chrono::Days::new(days))),
                compare,
                own_place: false,
                notes: Vec::new(),
            }
        },
    )
}

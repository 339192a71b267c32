//! The address as state: every parameter of finder-url.md, valid and malformed.

mod common;

use tuoyu_core::filter::{Filter, Sort};
use tuoyu_core::model::{parse_date, CareType, Clock, Date, Kind, LatLng};
use tuoyu_core::query::{FinderQuery, Page, View};

fn q(pairs: &[(&str, &str)]) -> FinderQuery {
    FinderQuery::parse(pairs.iter().copied())
}

fn day(s: &str) -> Date {
    parse_date(s).expect("date")
}

/// Parsing `param=value` yields no value for it and exactly one note naming it.
fn ignored_with_note(param: &str, value: &str) -> FinderQuery {
    let parsed = q(&[(param, value)]);
    assert_eq!(parsed.notes.len(), 1, "{param}={value}: {:?}", parsed.notes);
    let note = &parsed.notes[0];
    assert_eq!((note.param.as_str(), note.value.as_str()), (param, value));
    assert!(
        note.message.starts_with("忽略了") || note.message.contains("已改为"),
        "{}",
        note.message
    );
    parsed
}

#[test]
fn an_empty_address_is_the_default_finder() {
    let parsed = q(&[]);
    assert_eq!(parsed, FinderQuery::default());
    assert_eq!(parsed.to_query_string(), "");
    assert!(parsed.to_pairs().is_empty());
}

#[test]
fn every_parameter_when_valid() {
    let parsed = q(&[
        ("data", "/data/other.json"),
        ("types", "full_day,hourly"),
        ("puhui", "1"),
        ("age", "18"),
        ("near", "23.7431,114.6972"),
        ("radius", "3000"),
        ("area", "441602003"),
        ("kind", "centre,kindergarten"),
        ("vacant", "true"),
        ("q", "东埔"),
        ("sort", "distance"),
        ("id", "YC-0007"),
        ("view", "map"),
        ("page", "guide"),
        ("article", "safe-sleep"),
        ("born", "2024-03-15"),
    ]);
    assert_eq!(parsed.notes, []);
    assert_eq!(parsed.data.as_deref(), Some("/data/other.json"));
    let f = &parsed.filter;
    assert_eq!(f.types, [CareType::FullDay, CareType::Hourly]);
    assert_eq!((f.puhui, f.age, f.radius_m), (true, Some(18), Some(3000)));
    assert_eq!(f.near, Some(LatLng::new(23.7431, 114.6972)));
    assert_eq!(f.area.as_deref(), Some("441602003"));
    assert_eq!(f.kinds, [Kind::Centre, Kind::Kindergarten]);
    assert_eq!((f.vacant, f.q.as_str()), (true, "东埔"));
    assert_eq!(
        (parsed.sort, parsed.view, parsed.page),
        (Sort::Distance, View::Map, Page::Guide)
    );
    assert_eq!(parsed.id.as_deref(), Some("YC-0007"));
    assert_eq!(parsed.article.as_deref(), Some("safe-sleep"));
    assert_eq!(parsed.born, Some(day("2024-03-15")));
    assert_eq!(
        parsed.to_query_string(),
        "?data=/data/other.json&types=full_day,hourly&puhui=1&age=18&near=23.7431,114.6972\
         &radius=3000&area=441602003&kind=centre,kindergarten&vacant=1&q=%E4%B8%9C%E5%9F%94\
         &sort=distance&id=YC-0007&view=map&page=guide&article=safe-sleep&born=2024-03-15"
    );
}

#[test]
fn flags_accept_one_zero_true_false() {
    for (v, want) in [
        ("1", true),
        ("true", true),
        ("TRUE", true),
        ("0", false),
        ("false", false),
    ] {
        let parsed = q(&[("puhui", v), ("vacant", v)]);
        assert_eq!(
            (parsed.filter.puhui, parsed.filter.vacant),
            (want, want),
            "{v}"
        );
        assert_eq!(parsed.notes, []);
    }
    assert!(!ignored_with_note("puhui", "yes").filter.puhui);
    assert!(!ignored_with_note("vacant", "2").filter.vacant);
}

#[test]
fn code_lists_keep_the_known_codes_and_name_the_rest() {
    let parsed = ignored_with_note("types", "full_day,overnight,,hourly,full_day");
    assert_eq!(parsed.filter.types, [CareType::FullDay, CareType::Hourly]);
    assert!(parsed.notes[0].message.contains("overnight"));
    assert!(ignored_with_note("types", "FULL_DAY")
        .filter
        .types
        .is_empty());
    let parsed = ignored_with_note("kind", "centre,school");
    assert_eq!(parsed.filter.kinds, [Kind::Centre]);
    assert_eq!(
        q(&[("types", " temporary , half_day ")]).filter.types,
        [CareType::Temporary, CareType::HalfDay]
    );
}

#[test]
fn age_must_be_a_whole_month_from_0_to_36() {
    assert_eq!(q(&[("age", "0")]).filter.age, Some(0));
    assert_eq!(q(&[("age", "36")]).filter.age, Some(36));
    assert_eq!(q(&[("age", " 7 ")]).filter.age, Some(7));
    for bad in ["abc", "37", "-1", "18.5", "1e1", "256", "99999999999"] {
        assert_eq!(ignored_with_note("age", bad).filter.age, None, "{bad}");
    }
    assert_eq!(
        ignored_with_note("age", "abc").notes[0].message,
        "忽略了无法识别的年龄“abc”"
    );
}

#[test]
fn near_must_be_lat_lng_inside_china() {
    assert_eq!(
        q(&[("near", "23.7431, 114.6972")]).filter.near,
        Some(LatLng::new(23.7431, 114.6972))
    );
    for bad in [
        "999,0",
        "23.7",
        "114.6972,23.7431",
        "abc,def",
        "NaN,114",
        "inf,114",
        "23.7,114.7,1",
        ",",
        "23,7;114",
    ] {
        assert_eq!(ignored_with_note("near", bad).filter.near, None, "{bad}");
    }
}

#[test]
fn radius_must_be_1_to_100000_metres_and_come_with_near() {
    let near = ("near", "23.74,114.69");
    assert_eq!(q(&[near, ("radius", "1")]).filter.radius_m, Some(1));
    assert_eq!(
        q(&[("radius", "100000"), near]).filter.radius_m,
        Some(100_000)
    );
    for bad in ["0", "100001", "-5", "3km", "3000.5"] {
        let parsed = q(&[near, ("radius", bad)]);
        assert_eq!(
            (parsed.filter.radius_m, parsed.notes.len()),
            (None, 1),
            "{bad}"
        );
    }
    let alone = ignored_with_note("radius", "3000");
    assert!(alone.notes[0].message.contains("没有给出位置"));
    // A near that was itself refused leaves the radius without a point.
    assert_eq!(q(&[("near", "999,0"), ("radius", "3000")]).notes.len(), 2);
}

#[test]
fn sort_view_and_page() {
    for s in [Sort::Name, Sort::Fee, Sort::Vacancy] {
        assert_eq!(q(&[("sort", s.code())]).sort, s);
    }
    assert_eq!(ignored_with_note("sort", "price").sort, Sort::Default);
    let fallback = ignored_with_note("sort", "distance");
    assert_eq!(fallback.sort, Sort::Default);
    assert!(fallback.notes[0].message.contains("默认排序"));
    assert_eq!(q(&[("view", "list")]).view, View::List);
    assert_eq!(ignored_with_note("view", "grid").view, View::List);
    assert_eq!(q(&[("page", "baby")]).page, Page::Baby);
    assert_eq!(q(&[("page", "finder")]).page, Page::Finder);
    assert_eq!(ignored_with_note("page", "admin").page, Page::Finder);
}

#[test]
fn id_and_article_follow_the_id_pattern() {
    assert_eq!(q(&[("id", "a_B-9")]).id.as_deref(), Some("a_B-9"));
    for bad in ["a b", "<script>", "YC/1", "源城1", &"x".repeat(65)] {
        assert_eq!(ignored_with_note("id", bad).id, None, "{bad}");
        assert_eq!(ignored_with_note("article", bad).article, None, "{bad}");
    }
}

#[test]
fn born_is_a_real_date_and_with_today_a_plausible_one() {
    assert_eq!(ignored_with_note("born", "2024-02-30").born, None);
    assert_eq!(ignored_with_note("born", "昨天").born, None);
    let today = day("2025-09-01");
    let parse = |v: &str| FinderQuery::parse_with_today([("born", v)], today);
    assert_eq!(parse("2025-09-01").born, Some(today));
    assert_eq!(parse("2019-09-01").born, Some(day("2019-09-01")));
    for bad in ["2025-09-02", "2019-08-31"] {
        let parsed = parse(bad);
        assert_eq!((parsed.born, parsed.notes.len()), (None, 1), "{bad}");
    }
    // Without today, a future date is still a date.
    assert_eq!(q(&[("born", "2099-01-01")]).born, Some(day("2099-01-01")));
}

#[test]
fn the_first_value_wins_and_empty_means_absent() {
    let parsed = q(&[("age", "5"), ("age", "6"), ("age", "abc")]);
    assert_eq!((parsed.filter.age, parsed.notes.len()), (Some(5), 0));
    assert_eq!(q(&[("age", ""), ("age", "7")]).filter.age, Some(7));
    let blank = q(&[("data", ""), ("q", "   "), ("sort", ""), ("near", "")]);
    assert_eq!(blank, FinderQuery::default());
}

#[test]
fn unknown_parameters_are_ignored_silently() {
    let parsed = q(&[
        ("utm_source", "wechat"),
        ("from", "singlemessage"),
        ("isappinstalled", "0"),
    ]);
    assert_eq!(parsed, FinderQuery::default());
}

#[test]
fn q_keeps_its_spaces_so_typing_is_not_undone() {
    let parsed = q(&[("q", "东埔 ")]);
    assert_eq!(parsed.filter.q, "东埔 ");
    assert_eq!(parsed.to_query_string(), "?q=%E4%B8%9C%E5%9F%94%20");
}

#[test]
fn defaults_and_meaningless_values_are_left_out() {
    let query = FinderQuery {
        filter: Filter {
            radius_m: Some(3000),
            ..Filter::default()
        },
        sort: Sort::Distance,
        view: View::List,
        page: Page::Finder,
        notes: q(&[("age", "x")]).notes,
        ..FinderQuery::default()
    };
    assert_eq!(query.to_pairs(), []);
    assert_eq!(query.to_query_string(), "");
}

#[test]
fn filter_pairs_leave_out_the_page_state() {
    let parsed = q(&[
        ("id", "YC-1"),
        ("view", "map"),
        ("page", "baby"),
        ("article", "a"),
        ("born", "2024-01-01"),
        ("age", "3"),
        ("data", "/d.json"),
    ]);
    assert_eq!(
        parsed.filter_pairs(),
        [("data", "/d.json".to_owned()), ("age", "3".to_owned())]
    );
}

#[test]
fn values_are_encoded_so_they_cannot_break_the_address() {
    let hairy = "a&b=c#d+e%f?g 东 /,:\"<>'\n";
    let query = FinderQuery {
        filter: Filter {
            q: hairy.into(),
            ..Filter::default()
        },
        ..FinderQuery::default()
    };
    let s = query.to_query_string();
    let value = s.strip_prefix("?q=").expect("one parameter");
    assert!(
        !value.contains(['&', '=', '#', '+', ' ', '?', '"', '<', '>', '\'', '\n']),
        "{s}"
    );
    assert!(
        value.starts_with("a%26b%3Dc%23d%2Be%25f%3Fg%20%E4%B8%9C%20/,:"),
        "{s}"
    );
    assert_eq!(FinderQuery::parse_query_string(&s, None), query);
}

#[test]
fn query_strings_decode_like_a_browser() {
    let parsed = FinderQuery::parse_query_string(
        "?q=%E4%B8%9C%E5%9F%94+%E5%B9%BC&types=full_day%2Chourly&near=23.74%2C114.69",
        None,
    );
    assert_eq!(parsed.filter.q, "东埔 幼");
    assert_eq!(parsed.filter.types, [CareType::FullDay, CareType::Hourly]);
    assert!(parsed.filter.near.is_some());
    assert_eq!(
        FinderQuery::parse_query_string("age=3", None).filter.age,
        Some(3)
    );
}

#[test]
fn round_trip_of_a_full_query() {
    let original = FinderQuery {
        data: Some("https://data.example.gov.cn/yc.json?v=2".into()),
        region: Some("441602".into()),
        filter: Filter {
            types: vec![CareType::Temporary, CareType::FullDay],
            puhui: true,
            age: Some(0),
            near: Some(LatLng::new(23.743_123_456_789, 114.697_2)),
            radius_m: Some(2500),
            area: Some("441602100".into()),
            kinds: vec![Kind::Family],
            vacant: true,
            public_only: true,
            q: "幼儿园 & Sun+shine".into(),
            from: Clock::parse("07:30"),
            until: Clock::parse("24:00"),
            prepay: Some(0),
        },
        sort: Sort::Vacancy,
        id: Some("YC-0001".into()),
        view: View::Map,
        page: Page::Baby,
        article: Some("feeding-6m".into()),
        born: Some(day("2024-02-29")),
        compare: vec!["YC-0002".into(), "YC-0003".into()],
        own_place: false,
        notes: vec![],
    };
    let pairs = original.to_pairs();
    let again = FinderQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(again, original);
    assert_eq!(
        FinderQuery::parse_query_string(&original.to_query_string(), None),
        original
    );
}

#[test]
fn whatever_the_address_the_written_form_reads_back_without_notes() {
    // A small deterministic fuzz over every parameter: parsing never panics, and what
    // the app writes back is always clean and stable.
    let pieces = [
        "",
        "1",
        "0",
        "-",
        ",",
        "23.74",
        "114.69",
        "full_day",
        "centre",
        "东",
        "%",
        "&",
        "x",
        " ",
        "9",
        "map",
        "distance",
        "2024-02-29",
        "/",
        "\\",
        "e",
        ".",
    ];
    let params = [
        "data", "types", "puhui", "age", "near", "radius", "area", "kind", "vacant", "q", "sort",
        "id", "view", "page", "article", "born", "other",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..3000 {
        let pairs: Vec<(&str, String)> = (0..1 + next(6))
            .map(|_| {
                let value: String = (0..next(5)).map(|_| pieces[next(pieces.len())]).collect();
                (params[next(params.len())], value)
            })
            .collect();
        let mut parsed = FinderQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        parsed.notes.clear();
        let written = parsed.to_pairs();
        let again = FinderQuery::parse(written.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, parsed, "{pairs:?}");
    }
}

#[test]
fn an_area_the_dataset_lacks_is_dropped_once_it_is_loaded() {
    let dataset = common::load_ok(&common::file(vec![])).dataset;
    let mut known = q(&[("area", "441602003")]);
    known.validate_against(&dataset);
    assert_eq!(
        (known.filter.area.as_deref(), known.notes.len()),
        (Some("441602003"), 0)
    );
    let mut unknown = q(&[("area", "441502001")]);
    unknown.validate_against(&dataset);
    assert_eq!(unknown.filter.area, None);
    assert_eq!(unknown.notes[0].param, "area");
    assert!(unknown.notes[0].message.contains("441502001"));
}

#[test]
fn compare_keeps_up_to_three_distinct_valid_ids() {
    let q = FinderQuery::parse([("compare", "YC-1,YC-2,YC-1,bad id,YC-3,YC-4")]);
    assert_eq!(q.compare, ["YC-1", "YC-2", "YC-3"]);
    assert_eq!(q.notes.len(), 1);
    assert_eq!(q.notes[0].param, "compare");
    let again = FinderQuery::parse_query_string(&q.to_query_string(), None);
    assert_eq!(again.compare, q.compare);
    assert!(again.notes.is_empty());
}

#[test]
fn every_note_says_why_as_a_value_too() {
    use tuoyu_core::age::BirthDateProblem;
    use tuoyu_core::query::NoteKind;
    let kind = |pairs: &[(&str, &str)]| q(pairs).notes[0].kind.clone();
    let unrecognised = |shown: &str| NoteKind::Unrecognised {
        shown: shown.to_owned(),
    };
    assert_eq!(kind(&[("age", "abc")]), unrecognised("abc"));
    assert_eq!(
        kind(&[("types", "full_day,nightly")]),
        unrecognised("nightly")
    );
    assert_eq!(kind(&[("age", "40")]), NoteKind::AgeOutOfRange);
    assert_eq!(kind(&[("puhui", "yes")]), NoteKind::NotAFlag);
    assert_eq!(kind(&[("near", "999,0")]), NoteKind::UnreadablePlace);
    assert_eq!(
        kind(&[("radius", "500")]),
        NoteKind::RadiusWithoutPlace { metres: 500 }
    );
    assert_eq!(kind(&[("radius", "-1")]), NoteKind::UnreadableRadius);
    assert_eq!(
        kind(&[("sort", "distance")]),
        NoteKind::DistanceSortWithoutPlace
    );
    assert_eq!(
        kind(&[("born", "soon")]),
        NoteKind::BirthDate(BirthDateProblem::Unreadable)
    );
    let today = day("2025-09-01");
    let parsed = FinderQuery::parse_with_today([("born", "2026-01-01")], today);
    assert_eq!(
        parsed.notes[0].kind,
        NoteKind::BirthDate(BirthDateProblem::InFuture)
    );
    assert_eq!(kind(&[("compare", "A,B,C,D")]), NoteKind::TooManyCompared);
}

//! Rules from a parents' walk-through (issue 13): the parent's own place stays out of every
//! address, employer-only places can be left out, revoked records are remembered, and an empty
//! result names the filters that are set.

mod common;

use common::{file, full, load_ok, minimal};
use serde_json::json;
use tuoyu_core::filter::{find, nearest_names, Filter, SetFilter, Sort};
use tuoyu_core::model::{CareType, LatLng};
use tuoyu_core::query::{FinderQuery, OwnPlace};

const HOME: LatLng = LatLng::new(23.7431, 114.6972);

fn parse(query: &str) -> FinderQuery {
    FinderQuery::parse_query_string(query, None)
}

#[test]
fn the_parents_own_point_is_never_written_into_an_address() {
    let mut q = parse("?types=full_day");
    q.set_own_point(HOME);
    q.filter.radius_m = Some(3000);
    q.sort = Sort::Distance;
    let written = q.to_query_string();
    assert_eq!(written, "?types=full_day");
    assert!(
        !written.contains("23.74") && !written.contains("114.69"),
        "{written}"
    );
    assert_eq!(q.filter_pairs(), vec![("types", "full_day".to_owned())]);
    // The visit keeps it, with what depends on it, and puts it back into the same address.
    let kept = q.own_place();
    assert_eq!(
        kept,
        Some(OwnPlace {
            point: HOME,
            radius_m: Some(3000),
            by_distance: true
        })
    );
    let back = parse(&written).with_own_place(kept);
    assert_eq!(back, q);
    // What the phone keeps for the visit reads back the same; a damaged copy is none.
    let stored = kept.unwrap().to_stored();
    assert_eq!(OwnPlace::from_stored(&stored), kept);
    assert_eq!(
        OwnPlace::from_stored("{\"point\":{\"lat\":0,\"lng\":0}}"),
        None
    );
    assert_eq!(OwnPlace::from_stored("23.74,114.69"), None);
}

#[test]
fn a_links_near_is_honoured_and_written_back_as_it_came() {
    let link = parse("?near=23.75,114.7&radius=2000");
    let kept = Some(OwnPlace {
        point: HOME,
        radius_m: None,
        by_distance: false,
    });
    let shown = link.clone().with_own_place(kept);
    assert_eq!(shown.filter.near, Some(LatLng::new(23.75, 114.7)));
    assert!(!shown.own_place);
    assert_eq!(shown.to_query_string(), "?near=23.75,114.7&radius=2000");
    // Showing a link's place leaves the parent's kept place alone; leaving out every place
    // forgets it; their own point replaces the link's in the address.
    assert_eq!(shown.own_place_after(kept), kept);
    let mut none = shown.clone();
    none.forget_location();
    assert_eq!(none.own_place_after(kept), None);
    let mut own = shown;
    own.set_own_point(HOME);
    assert_eq!(own.to_query_string(), "");
    assert_eq!(own.own_place().map(|p| p.radius_m), Some(Some(2000)));
}

#[test]
fn public_1_leaves_out_places_only_for_their_employers_staff() {
    let mut staff_only = minimal("STAFF");
    staff_only["kind"] = json!("employer");
    staff_only["open_to_public"] = json!(false);
    let mut open_employer = minimal("OPEN");
    open_employer["kind"] = json!("employer");
    open_employer["open_to_public"] = json!(true);
    let loaded = load_ok(&file(vec![minimal("PLAIN"), staff_only, open_employer]));
    let d = &loaded.dataset;
    assert!(d.institution("STAFF").unwrap().employer_only());
    assert!(!d.institution("OPEN").unwrap().employer_only());
    assert!(!d.institution("PLAIN").unwrap().employer_only());
    let q = parse("?public=1");
    assert!(q.filter.public_only);
    assert_eq!(q.to_query_string(), "?public=1");
    let ids: Vec<&str> = find(d, &q.filter, Sort::Default)
        .iter()
        .map(|h| d.institutions[h.index].id.as_str())
        .collect();
    assert_eq!(ids, ["PLAIN", "OPEN"]);
    assert_eq!(find(d, &Filter::default(), Sort::Default).len(), 3);
    assert_eq!(parse("?public=maybe").notes.len(), 1);
}

#[test]
fn a_revoked_record_is_not_listed_but_remembered_with_its_date() {
    let mut gone = full("GONE");
    gone["registration"]["status"] = json!("revoked");
    let loaded = load_ok(&file(vec![minimal("HERE"), gone]));
    assert!(loaded.dataset.institution("GONE").is_none());
    assert_eq!(loaded.revoked.len(), 1);
    let r = &loaded.revoked[0];
    assert_eq!(
        (r.id.as_str(), r.name.as_str()),
        ("GONE", "源城区示范托育园")
    );
    assert_eq!(
        r.updated.map(|d| d.to_string()),
        Some("2025-09-02".to_owned())
    );
}

#[test]
fn the_set_filters_are_named_and_each_removes_alone() {
    let q = parse("?types=full_day,hourly&puhui=1&age=18&near=23.75,114.7&radius=3000&kind=centre&vacant=1&public=1&q=东埔");
    let set = q.filter.set_filters();
    assert_eq!(set.len(), 9, "{set:?}");
    assert!(set.contains(&SetFilter::Radius(3000)));
    assert!(set.contains(&SetFilter::Text("东埔".to_owned())));
    for which in &set {
        let mut f = q.filter.clone();
        f.remove(which);
        let left = f.set_filters();
        assert_eq!(left.len(), set.len() - 1, "{which:?}");
        assert!(!left.contains(which));
    }
    // A place alone narrows nothing, so it is not named; a radius without a place is none.
    assert!(parse("?near=23.75,114.7").filter.set_filters().is_empty());
    let f = Filter {
        radius_m: Some(3000),
        ..Filter::default()
    };
    assert!(f.set_filters().is_empty());
    assert_eq!(
        parse("?types=hourly").filter.set_filters(),
        vec![SetFilter::Type(CareType::Hourly)]
    );
}

#[test]
fn a_name_that_finds_nothing_offers_the_nearest_names() {
    let named = |id: &str, name: &str| {
        let mut r = minimal(id);
        r["name"] = json!(name);
        r
    };
    let loaded = load_ok(&file(vec![
        named("A", "阳光托育中心"),
        named("B", "小鹿婴幼儿照护中心"),
        named("C", "星光托育园"),
        named("D", "彩虹托育中心"),
    ]));
    let d = &loaded.dataset;
    let mut f = parse("?q=小鹿托育中心").filter;
    assert!(find(d, &f, Sort::Default).is_empty());
    let names: Vec<&str> = nearest_names(d, &f)
        .iter()
        .map(|i| d.institutions[*i].id.as_str())
        .collect();
    // 鹿 is in one name only: it counts most. Then the names with 中心 and 托育.
    assert_eq!(names, ["B", "A", "D"]);
    f.q = "龙".into();
    assert!(
        nearest_names(d, &f).is_empty(),
        "no name shares a character"
    );
    // Other filters still hold: only full-day places are offered for a full-day search.
    let mut hourly = f.clone();
    hourly.q = "小鹿".into();
    hourly.types = vec![CareType::Hourly];
    assert!(nearest_names(d, &hourly).is_empty());
}

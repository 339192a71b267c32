//! What each link of the app keeps of the address the parent is on (`query/links.rs`).

use tuoyu_core::filter::Sort;
use tuoyu_core::model::parse_date;
use tuoyu_core::query::{FinderQuery, Page, View};

/// An address with something of everything: dataset, filters, sort, view, child, comparison,
/// an open institution and a note.
fn busy() -> FinderQuery {
    FinderQuery::parse_query_string(
        "?data=/data/other.json&types=full_day&puhui=1&age=18&near=23.7431,114.6972&radius=3000\
         &area=441602003&kind=centre&vacant=1&q=东埔&sort=distance&id=YC-0001&view=map\
         &born=2024-03-15&compare=YC-0002,YC-0003&age=x&radius=0",
        None,
    )
}

#[test]
fn an_institution_link_keeps_only_the_dataset_and_the_id() {
    let link = busy().institution_link("YC-0007", None);
    assert_eq!(link.to_query_string(), "?data=/data/other.json&id=YC-0007");
    assert_eq!(
        FinderQuery::default()
            .institution_link("YC-0007", None)
            .to_query_string(),
        "?id=YC-0007"
    );
    // From a catalogue: the district's code goes with it, and the scope the parent was in
    // (a busy address's region) does not.
    let mut in_city = busy();
    in_city.region = Some("441600".into());
    assert_eq!(
        in_city
            .institution_link("441602-0007", Some("441602"))
            .to_query_string(),
        "?data=/data/other.json&region=441602&id=441602-0007"
    );
}

#[test]
fn region_is_read_and_written_and_a_bad_one_is_noted() {
    let q = FinderQuery::parse([("region", "441600"), ("q", "托育")]);
    assert_eq!(q.region.as_deref(), Some("441600"));
    assert_eq!(q.to_query_string(), "?region=441600&q=%E6%89%98%E8%82%B2");
    let bad = FinderQuery::parse([("region", "4416")]);
    assert_eq!(bad.region, None);
    assert_eq!(bad.notes.len(), 1);
}

#[test]
fn a_comparison_link_keeps_only_the_dataset_and_the_places() {
    let link = busy().comparison_link();
    assert_eq!(
        link.to_query_string(),
        "?data=/data/other.json&compare=YC-0002,YC-0003"
    );
}

#[test]
fn opening_an_institution_keeps_the_list_under_it() {
    let here = busy();
    let open = here.opening("YC-0007");
    assert_eq!(open.id.as_deref(), Some("YC-0007"));
    assert_eq!(open.filter, here.filter);
    assert_eq!((open.sort, open.view), (here.sort, here.view));
    assert_eq!(open.notes, []);
}

#[test]
fn a_page_link_keeps_the_filters_and_closes_what_is_open() {
    let here = busy();
    let tab = here.page_link(Page::Baby);
    assert_eq!(tab.page, Page::Baby);
    assert_eq!((tab.id.clone(), tab.article.clone()), (None, None));
    assert_eq!(tab.filter, here.filter);
    assert_eq!(
        (tab.born, tab.compare.clone()),
        (here.born, here.compare.clone())
    );
    assert_eq!(tab.notes, []);
}

#[test]
fn a_guide_link_opens_the_index_or_an_article() {
    let here = busy();
    let index = here.guide_link(None);
    assert_eq!((index.page, index.article.clone()), (Page::Guide, None));
    let article = here.guide_link(Some("safe-sleep"));
    assert_eq!(article.article.as_deref(), Some("safe-sleep"));
    assert_eq!(article.filter, here.filter);
    assert_eq!(article.id, None);
}

#[test]
fn the_finder_for_an_age_sets_it_and_drops_the_birth_date() {
    let link = busy().guide_link(Some("safe-sleep")).finder_for_age(7);
    assert_eq!(
        (link.page, link.article.clone(), link.born),
        (Page::Finder, None, None)
    );
    assert_eq!(link.filter.age, Some(7));
    assert!(link.filter.puhui, "the other filters stay");
    assert_eq!(link.id, None);
}

#[test]
fn a_plan_link_carries_the_date_and_the_dataset_only() {
    let born = parse_date("2024-03-15").expect("date");
    let link = busy().plan_link(born);
    assert_eq!(
        link.to_query_string(),
        "?data=/data/other.json&page=baby&born=2024-03-15"
    );
}

#[test]
fn an_articles_link_reads_the_dataset_in_use_unless_it_names_one() {
    let here = busy();
    let plain = FinderQuery::parse_query_string("?types=hourly&age=x", None).on_same_data(&here);
    assert_eq!(plain.data.as_deref(), Some("/data/other.json"));
    assert_eq!(plain.notes, []);
    let own = FinderQuery::parse_query_string("?data=/data/a.json", None).on_same_data(&here);
    assert_eq!(own.data.as_deref(), Some("/data/a.json"));
}

#[test]
fn clearing_the_filters_keeps_the_place_and_nothing_else_of_the_list() {
    let mut q = busy();
    assert!(q.has_filters());
    q.clear_filters();
    assert!(!q.has_filters());
    assert_eq!(q.filter.near, busy().filter.near);
    assert_eq!((q.filter.radius_m, q.filter.area.clone()), (None, None));
    assert_eq!(q.sort, Sort::Default);
    assert_eq!(q.view, View::Map, "the view is not a filter");
    // A place alone narrows nothing: there is nothing to clear.
    assert!(!FinderQuery::parse_query_string("?near=23.7431,114.6972", None).has_filters());
}

#[test]
fn forgetting_the_location_takes_its_radius_and_its_sort() {
    let mut q = busy();
    q.forget_location();
    assert_eq!((q.filter.near, q.filter.radius_m), (None, None));
    assert_eq!(q.sort, Sort::Default);
    assert!(q.filter.puhui);
    let mut by_name = FinderQuery::parse_query_string("?near=23.7,114.6&sort=name", None);
    by_name.forget_location();
    assert_eq!(by_name.sort, Sort::Name);
}

#[test]
fn a_region_is_picked_widened_and_given_up() {
    let mut q = FinderQuery::parse([
        ("near", "23.74,114.69"),
        ("id", "441602-0001"),
        ("puhui", "1"),
    ]);
    let picked = q.in_region("441600");
    assert_eq!(
        picked.to_query_string(),
        "?region=441600&puhui=1&near=23.74,114.69"
    );
    q.widen_nearby();
    assert_eq!(q.filter.radius_m, Some(tuoyu_core::query::WIDEN_RADIUS_M));
    let mut back = picked;
    back.choose_region();
    assert_eq!(back.to_query_string(), "?puhui=1");
}

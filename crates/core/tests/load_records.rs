//! Every record rule of the spec's Institution table: one passing and at least one
//! failing case each. A failing record is left out and only its bent field is reported.

mod common;

use common::{file, full, load_ok, minimal, problems_after, remove};
use serde_json::{json, Value};

/// The bent record is rejected, and every reported problem is at `field` (or inside it).
macro_rules! rejects {
    ($name:ident, $field:expr, |$r:ident| $edit:expr) => {
        #[test]
        fn $name() {
            let problems = problems_after(|$r: &mut Value| {
                $edit;
            });
            assert!(!problems.is_empty(), "record was accepted");
            for p in &problems {
                assert!(
                    p.field.starts_with($field),
                    "unexpected problem {p:?}, wanted {}",
                    $field
                );
                assert!(!p.message.is_empty());
            }
        }
    };
}

macro_rules! accepts {
    ($name:ident, |$r:ident| $edit:expr) => {
        #[test]
        fn $name() {
            let problems = problems_after(|$r: &mut Value| {
                $edit;
            });
            assert!(problems.is_empty(), "{problems:?}");
        }
    };
}

accepts!(full_record_is_listed, |r| r["comment"] =
    json!("unknown keys are fine"));
accepts!(minimal_record_is_listed, |r| *r = minimal("YC-0001"));
accepts!(null_optionals_count_as_absent, |r| {
    for k in [
        "operator",
        "nonprofit",
        "registration",
        "area",
        "phone",
        "fees",
        "places",
        "hours",
    ] {
        r[k] = Value::Null;
    }
});
accepts!(unknown_keys_are_ignored, |r| {
    r["wechat"] = json!({ "any": ["thing"] });
    r["places"]["waiting_list"] = json!(12);
});

// id
rejects!(id_missing, "id", |r| remove(r, "id"));
rejects!(id_not_text, "id", |r| r["id"] = json!(7));
rejects!(id_empty, "id", |r| r["id"] = json!(""));
rejects!(id_with_space, "id", |r| r["id"] = json!("YC 1"));
rejects!(id_with_chinese, "id", |r| r["id"] = json!("源城-1"));
rejects!(id_too_long, "id", |r| r["id"] = json!("a".repeat(65)));
accepts!(id_of_64_allowed_chars, |r| r["id"] =
    json!(format!("{}_-9Z", "a".repeat(60))));

// name
rejects!(name_missing, "name", |r| remove(r, "name"));
rejects!(name_blank, "name", |r| r["name"] = json!("   "));
rejects!(name_not_text, "name", |r| r["name"] = json!(["东埔"]));
rejects!(name_over_100_chars, "name", |r| r["name"] =
    json!("托".repeat(101)));
accepts!(name_of_100_chars, |r| r["name"] = json!("托".repeat(100)));

// kind, operator, nonprofit
rejects!(kind_missing, "kind", |r| remove(r, "kind"));
rejects!(kind_unknown, "kind", |r| r["kind"] = json!("school"));
rejects!(kind_is_case_sensitive, "kind", |r| r["kind"] =
    json!("Centre"));
accepts!(kind_each_code, |r| r["kind"] = json!("family"));
rejects!(operator_unknown, "operator", |r| r["operator"] =
    json!("government"));
rejects!(operator_not_text, "operator", |r| r["operator"] =
    json!(true));
accepts!(operator_private_public, |r| r["operator"] =
    json!("private_public"));
rejects!(nonprofit_as_text, "nonprofit", |r| r["nonprofit"] =
    json!("true"));

// registration
rejects!(registration_not_object, "registration", |r| r
    ["registration"] =
    json!("filed"));
rejects!(registration_without_status, "registration.status", |r| {
    r["registration"] = json!({ "number": "X-1" })
});
rejects!(registration_status_unknown, "registration.status", |r| {
    r["registration"]["status"] = json!("approved")
});
rejects!(registration_number_not_text, "registration.number", |r| {
    r["registration"]["number"] = json!(123)
});
rejects!(registration_date_bad, "registration.date", |r| {
    r["registration"]["date"] = json!("2023-13-01")
});
accepts!(registration_status_only, |r| r["registration"] =
    json!({ "status": "pending" }));

// area
rejects!(area_not_in_region, "area", |r| r["area"] =
    json!("441602999"));
rejects!(area_as_number, "area", |r| r["area"] = json!(441602003));
accepts!(area_absent, |r| remove(r, "area"));

// address
rejects!(address_missing, "address", |r| remove(r, "address"));
rejects!(address_empty, "address", |r| r["address"] = json!(""));
rejects!(address_over_200_chars, "address", |r| r["address"] =
    json!("路".repeat(201)));
accepts!(address_of_200_chars, |r| r["address"] =
    json!("路".repeat(200)));

// location
rejects!(location_missing, "location", |r| remove(r, "location"));
rejects!(location_as_array, "location", |r| r["location"] =
    json!([23.7, 114.7]));
rejects!(location_without_lng, "location.lng", |r| r["location"] =
    json!({ "lat": 23.7 }));
rejects!(location_lat_as_text, "location.lat", |r| r["location"]
    ["lat"] =
    json!("23.7"));
rejects!(location_north_of_box, "location", |r| r["location"]
    ["lat"] =
    json!(53.7));
rejects!(location_west_of_box, "location", |r| r["location"]["lng"] =
    json!(73.4));
rejects!(location_at_null_island, "location", |r| r["location"] =
    json!({ "lat": 0, "lng": 0 }));
accepts!(location_on_box_corner_sw, |r| r["location"] =
    json!({ "lat": 3.8, "lng": 73.5 }));
accepts!(location_on_box_corner_ne, |r| r["location"] =
    json!({ "lat": 53.6, "lng": 135.1 }));

#[test]
fn swapped_coordinates_get_a_hint() {
    let p = problems_after(|r| r["location"] = json!({ "lat": 114.6972, "lng": 23.7431 }));
    assert_eq!(p.len(), 1);
    assert!(p[0].message.contains("写反"), "{}", p[0].message);
}

// phone
rejects!(phone_with_letters, "phone", |r| r["phone"] =
    json!("0762-330ext1"));
rejects!(phone_with_fullwidth_brackets, "phone", |r| r["phone"] =
    json!("（0762）3300000"));
rejects!(phone_over_40_chars, "phone", |r| r["phone"] =
    json!("1".repeat(41)));
rejects!(phone_as_number, "phone", |r| r["phone"] =
    json!(7623300000_u64));
accepts!(phone_of_40_chars, |r| r["phone"] = json!("1".repeat(40)));
accepts!(phone_with_every_allowed_char, |r| r["phone"] =
    json!("+86 (0762) 330-0000转8"));

// care_types
rejects!(care_types_missing, "care_types", |r| remove(
    r,
    "care_types"
));
rejects!(care_types_empty, "care_types", |r| r["care_types"] =
    json!([]));
rejects!(care_types_as_text, "care_types", |r| r["care_types"] =
    json!("full_day"));
rejects!(care_types_unknown_code, "care_types[1]", |r| {
    r["care_types"] = json!(["full_day", "overnight"])
});
rejects!(care_types_repeated, "care_types[2]", |r| {
    r["care_types"] = json!(["full_day", "hourly", "full_day"])
});
accepts!(care_types_all_four, |r| {
    r["care_types"] = json!(["temporary", "hourly", "half_day", "full_day"])
});

// age_months
rejects!(age_missing, "age_months", |r| remove(r, "age_months"));
rejects!(age_min_missing, "age_months.min", |r| r["age_months"] =
    json!({ "max": 36 }));
rejects!(age_negative, "age_months.min", |r| r["age_months"]["min"] =
    json!(-1));
rejects!(age_over_36, "age_months.max", |r| r["age_months"]["max"] =
    json!(37));
rejects!(age_fraction, "age_months.min", |r| r["age_months"]["min"] =
    json!(1.5));
rejects!(age_as_text, "age_months.max", |r| r["age_months"]["max"] =
    json!("36"));
rejects!(age_min_above_max, "age_months", |r| r["age_months"] =
    json!({ "min": 24, "max": 12 }));
accepts!(age_full_span, |r| r["age_months"] =
    json!({ "min": 0, "max": 36 }));
accepts!(age_single_month, |r| r["age_months"] =
    json!({ "min": 18, "max": 18 }));

// puhui
rejects!(puhui_missing, "puhui", |r| remove(r, "puhui"));
rejects!(puhui_as_number, "puhui", |r| r["puhui"] = json!(1));
accepts!(puhui_false, |r| r["puhui"] = json!(false));

// fees
rejects!(fees_as_array, "fees", |r| r["fees"] = json!([1800]));
rejects!(fee_not_object, "fees.full_day", |r| r["fees"]["full_day"] =
    json!(1800));
rejects!(fee_negative, "fees.full_day.amount", |r| r["fees"]
    ["full_day"]["amount"] =
    json!(-1));
rejects!(fee_amount_text, "fees.hourly.amount", |r| r["fees"]
    ["hourly"]["amount"] =
    json!("30"));
rejects!(fee_unit_unknown, "fees.full_day.unit", |r| r["fees"]
    ["full_day"]["unit"] =
    json!("week"));
rejects!(fee_unit_missing, "fees.full_day.unit", |r| {
    r["fees"]["full_day"] = json!({ "amount": 1 })
});
accepts!(fee_of_zero, |r| r["fees"]["full_day"]["amount"] = json!(0));
accepts!(fee_for_unknown_care_type_is_ignored, |r| {
    r["fees"]["overnight"] = json!({ "amount": 5, "unit": "fortnight" })
});

// places
rejects!(places_as_number, "places", |r| r["places"] = json!(60));
rejects!(places_total_negative, "places.total", |r| r["places"]
    ["total"] =
    json!(-1));
rejects!(places_vacant_fraction, "places.vacant", |r| r["places"]
    ["vacant"] =
    json!(1.5));
rejects!(places_vacant_above_total, "places.vacant", |r| {
    r["places"] = json!({ "total": 3, "vacant": 5 })
});
rejects!(places_as_of_bad, "places.as_of", |r| r["places"]["as_of"] =
    json!("昨天"));
accepts!(places_vacant_equals_total, |r| r["places"] =
    json!({ "total": 5, "vacant": 5 }));
accepts!(places_vacant_without_total, |r| r["places"] =
    json!({ "vacant": 2 }));
accepts!(places_all_zero, |r| r["places"] =
    json!({ "total": 0, "vacant": 0 }));

// hours, demonstration, open_to_public
rejects!(hours_as_object, "hours", |r| r["hours"] =
    json!({ "mon": "8-18" }));
rejects!(demonstration_as_text, "demonstration", |r| r
    ["demonstration"] =
    json!("是"));
rejects!(open_to_public_as_number, "open_to_public", |r| r
    ["open_to_public"] =
    json!(0));

// quality
rejects!(quality_grade_unknown, "quality.grade", |r| r["quality"]
    ["grade"] =
    json!("E"));
rejects!(quality_grade_lower_case, "quality.grade", |r| r
    ["quality"]["grade"] =
    json!("a"));
rejects!(quality_grade_missing, "quality.grade", |r| r["quality"] =
    json!({ "year": 2024 }));
rejects!(quality_year_text, "quality.year", |r| r["quality"]
    ["year"] =
    json!("2024"));
rejects!(quality_not_object, "quality", |r| r["quality"] = json!("A"));
accepts!(quality_grade_only, |r| r["quality"] =
    json!({ "grade": "D" }));

// inspections
rejects!(inspections_as_object, "inspections", |r| r["inspections"] =
    json!({}));
rejects!(inspection_not_object, "inspections[0]", |r| r
    ["inspections"] =
    json!(["合格"]));
rejects!(inspection_bad_date, "inspections[1].date", |r| {
    r["inspections"][1]["date"] = json!("2024-02-30")
});
rejects!(inspection_unknown_result, "inspections[0].result", |r| {
    r["inspections"][0]["result"] = json!("ok")
});
rejects!(inspection_without_result, "inspections[0].result", |r| {
    r["inspections"] = json!([{ "date": "2024-01-01" }])
});
rejects!(inspection_summary_not_text, "inspections[0].summary", |r| {
    r["inspections"][0]["summary"] = json!(5)
});
accepts!(inspections_empty, |r| r["inspections"] = json!([]));

// features, updated
rejects!(features_as_text, "features", |r| r["features"] =
    json!("膳食,户外场地"));
rejects!(features_with_number, "features[1]", |r| r["features"] =
    json!(["膳食", 3]));
rejects!(updated_with_slashes, "updated", |r| r["updated"] =
    json!("2025/09/02"));
rejects!(updated_unpadded, "updated", |r| r["updated"] =
    json!("2025-9-2"));
rejects!(updated_not_a_day, "updated", |r| r["updated"] =
    json!("2025-02-29"));
accepts!(updated_leap_day, |r| r["updated"] = json!("2024-02-29"));

#[test]
fn a_record_that_is_not_an_object_is_skipped() {
    let loaded = load_ok(&file(vec![
        json!("YC-1"),
        minimal("A"),
        json!(null),
        json!([1]),
    ]));
    assert_eq!(loaded.skipped, 3);
    assert_eq!(loaded.dataset.institutions.len(), 1);
    let at: Vec<usize> = loaded.problems.iter().map(|p| p.index).collect();
    assert_eq!(at, [0, 2, 3]);
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.field.is_empty() && p.id.is_none()));
}

#[test]
fn a_later_duplicate_id_is_the_bad_one() {
    let mut second = full("YC-1");
    second["name"] = json!("第二家");
    let loaded = load_ok(&file(vec![minimal("YC-1"), minimal("YC-2"), second]));
    let ids: Vec<&str> = loaded
        .dataset
        .institutions
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["YC-1", "YC-2"]);
    assert_eq!(loaded.skipped, 1);
    let p = &loaded.problems[0];
    assert_eq!(
        (p.index, p.id.as_deref(), p.field.as_str()),
        (2, Some("YC-1"), "id")
    );
    assert!(p.message.contains("第 1 条"), "{}", p.message);
}

#[test]
fn every_problem_of_a_record_is_reported_but_it_counts_once() {
    let mut r = full("YC-1");
    remove(&mut r, "name");
    r["kind"] = json!("school");
    r["places"] = json!({ "total": 1, "vacant": 2 });
    r["care_types"] = json!(["x", "y"]);
    let loaded = load_ok(&file(vec![r, minimal("YC-2")]));
    assert_eq!(loaded.skipped, 1);
    let fields: Vec<&str> = loaded.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "name",
            "kind",
            "care_types[0]",
            "care_types[1]",
            "places.vacant"
        ]
    );
    assert!(loaded
        .problems
        .iter()
        .all(|p| p.index == 0 && p.id.as_deref() == Some("YC-1")));
}

#[test]
fn revoked_records_are_counted_apart_and_not_listed() {
    let mut revoked = full("YC-1");
    revoked["registration"]["status"] = json!("revoked");
    let mut bad_revoked = revoked.clone();
    bad_revoked["id"] = json!("YC-3");
    bad_revoked["puhui"] = json!("yes");
    let loaded = load_ok(&file(vec![revoked, minimal("YC-2"), bad_revoked]));
    assert_eq!((loaded.revoked.len(), loaded.skipped), (1, 1));
    assert_eq!(loaded.dataset.institutions.len(), 1);
    assert_eq!(loaded.dataset.institutions[0].id, "YC-2");
}

#[test]
fn good_records_keep_file_order_around_bad_ones() {
    let mut bad = minimal("B");
    bad["age_months"]["max"] = json!(40);
    let loaded = load_ok(&file(vec![minimal("C"), bad, minimal("A"), minimal("D")]));
    let ids: Vec<&str> = loaded
        .dataset
        .institutions
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["C", "A", "D"]);
    assert_eq!(loaded.problems[0].index, 1);
}

#[test]
fn text_is_trimmed_and_blank_optionals_dropped() {
    let mut r = full("YC-1");
    r["name"] = json!("  东埔托育  ");
    r["hours"] = json!("   ");
    r["phone"] = json!("");
    let loaded = load_ok(&file(vec![r]));
    let i = &loaded.dataset.institutions[0];
    assert_eq!(i.name, "东埔托育");
    assert_eq!((i.hours.as_deref(), i.phone.as_deref()), (None, None));
}

//! The model's codes, labels and helpers.

mod common;

use serde_json::json;
use tuoyu_core::model::{
    format_date, parse_date, CareType, Crs, Fee, FeeUnit, Grade, InspectionResult, Kind, Operator,
    RegistrationStatus,
};

macro_rules! codes_round_trip {
    ($name:ident, $ty:ty, $n:expr, $codes:expr, $labels:expr) => {
        #[test]
        fn $name() {
            let codes: Vec<&str> = <$ty>::ALL.iter().map(|v| v.code()).collect();
            let labels: Vec<&str> = <$ty>::ALL.iter().map(|v| v.label_zh()).collect();
            assert_eq!(<$ty>::ALL.len(), $n);
            assert_eq!(codes, $codes);
            assert_eq!(labels, $labels);
            for v in <$ty>::ALL {
                assert_eq!(<$ty>::parse(v.code()), Some(v));
                assert_eq!(serde_json::to_value(v).unwrap(), json!(v.code()));
                assert_eq!(serde_json::from_value::<$ty>(json!(v.code())).unwrap(), v);
            }
            assert_eq!(<$ty>::CODES.to_vec(), codes);
            assert_eq!(<$ty>::parse("nonsense"), None);
            assert!(serde_json::from_value::<$ty>(json!("nonsense")).is_err());
        }
    };
}

codes_round_trip!(crs, Crs, 2, ["WGS-84", "GCJ-02"], ["WGS-84", "GCJ-02"]);
codes_round_trip!(
    kind,
    Kind,
    5,
    ["centre", "community", "kindergarten", "employer", "family"],
    [
        "托育机构",
        "社区托育点",
        "幼儿园托班",
        "用人单位办托",
        "家庭托育点"
    ]
);
codes_round_trip!(
    care_type,
    CareType,
    4,
    ["full_day", "half_day", "hourly", "temporary"],
    ["全日托", "半日托", "计时托", "临时托"]
);
codes_round_trip!(
    operator,
    Operator,
    4,
    ["public", "private", "public_private", "private_public"],
    ["公办", "民办", "公办民营", "民办公助"]
);
codes_round_trip!(
    registration,
    RegistrationStatus,
    3,
    ["filed", "pending", "revoked"],
    ["已备案", "备案中", "已注销"]
);
codes_round_trip!(
    fee_unit,
    FeeUnit,
    4,
    ["month", "day", "hour", "session"],
    ["月", "天", "小时", "次"]
);
codes_round_trip!(
    grade,
    Grade,
    4,
    ["A", "B", "C", "D"],
    ["A级", "B级", "C级", "D级"]
);
codes_round_trip!(
    inspection,
    InspectionResult,
    3,
    ["pass", "rectify", "fail"],
    ["合格", "限期整改", "不合格"]
);

#[test]
fn care_types_sort_in_the_spec_order() {
    let mut v = vec![
        CareType::Temporary,
        CareType::FullDay,
        CareType::Hourly,
        CareType::HalfDay,
    ];
    v.sort();
    assert_eq!(v, CareType::ALL);
}

#[test]
fn dates_are_exactly_yyyy_mm_dd() {
    assert_eq!(
        parse_date("2024-02-29").map(format_date).as_deref(),
        Some("2024-02-29")
    );
    for bad in [
        "2023-02-29",
        "2024-2-29",
        "2024-02-29T00:00",
        "24-02-29",
        "2024/02/29",
        "２０２４-02-29",
        "+2024-02-2",
        "",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(
        serde_json::to_value(parse_date("2025-01-05").unwrap()).unwrap(),
        json!("2025-01-05")
    );
}

fn institution() -> tuoyu_core::model::Institution {
    common::load_ok(&common::file(vec![common::full("YC-1")]))
        .dataset
        .institutions
        .remove(0)
}

#[test]
fn main_fee_prefers_the_chosen_care_types_in_care_type_order() {
    let mut i = institution();
    i.fees.insert(
        CareType::Temporary,
        Fee {
            amount: 80.0,
            unit: FeeUnit::Session,
        },
    );
    let full = Fee {
        amount: 1800.0,
        unit: FeeUnit::Month,
    };
    let hourly = Fee {
        amount: 30.5,
        unit: FeeUnit::Hour,
    };
    assert_eq!(i.main_fee(&[]), Some((CareType::FullDay, full)));
    assert_eq!(
        i.main_fee(&[CareType::Hourly]),
        Some((CareType::Hourly, hourly))
    );
    assert_eq!(
        i.main_fee(&[CareType::Temporary, CareType::Hourly])
            .map(|f| f.0),
        Some(CareType::Hourly)
    );
    assert_eq!(
        i.main_fee(&[CareType::HalfDay]),
        Some((CareType::FullDay, full)),
        "falls back"
    );
    i.fees.clear();
    assert_eq!(i.main_fee(&[CareType::FullDay]), None);
}

#[test]
fn vacant_and_latest_inspection() {
    let mut i = institution();
    assert_eq!(i.vacant(), Some(5));
    let latest = i.latest_inspection().expect("has inspections");
    assert_eq!(
        (format_date(latest.date), latest.result),
        ("2024-09-01".to_owned(), InspectionResult::Pass)
    );
    i.inspections.reverse();
    assert_eq!(
        i.latest_inspection().map(|x| x.result),
        Some(InspectionResult::Pass),
        "by date, not position"
    );
    i.inspections.clear();
    i.places = None;
    assert_eq!((i.vacant(), i.latest_inspection()), (None, None));
    assert!(i.takes_age(6) && i.takes_age(36) && !i.takes_age(5));
    assert!(i.offers(CareType::Hourly) && !i.offers(CareType::Temporary));
}

#[test]
fn dataset_lookups() {
    let d = common::load_ok(&common::file(vec![common::full("YC-1")])).dataset;
    assert_eq!(
        d.area("441602001").map(|a| a.name.as_str()),
        Some("上城街道")
    );
    assert!(d.area("441602").is_none());
    assert_eq!(
        d.institution("YC-1").map(|i| i.name.as_str()),
        Some("源城区示范托育园")
    );
    assert!(d.institution("YC-2").is_none());
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Dated {
    #[serde(with = "tuoyu_core::model::spec_date")]
    on: tuoyu_core::model::Date,
}

#[test]
fn spec_dates_write_as_chrono_does_and_read_only_the_spec_form() {
    for text in ["2024-02-29", "0001-01-01", "2025-12-31", "9999-12-31"] {
        let date = parse_date(text).unwrap();
        let json = serde_json::to_string(&Dated { on: date }).unwrap();
        assert_eq!(json, serde_json::to_string(&json!({ "on": date })).unwrap());
        assert_eq!(json, format!("{{\"on\":\"{text}\"}}"));
        assert_eq!(
            serde_json::from_str::<Dated>(&json).unwrap(),
            Dated { on: date }
        );
    }
    for bad in [
        json!("2024-1-5"),
        json!("2023-02-29"),
        json!(" 2024-01-05"),
        json!("+2024-01-05"),
        json!(20240105),
        json!(null),
    ] {
        assert!(
            serde_json::from_value::<Dated>(json!({ "on": bad })).is_err(),
            "{bad}"
        );
    }
}

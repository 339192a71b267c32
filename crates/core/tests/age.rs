//! Calendar-month ages, month ends, leap days, and corrected age for preterm babies.

use tuoyu_core::age::{
    add_months, age_on, check_birth_date, corrected_age, corrected_due_date, parse_birth_date,
    weeks_until_due, Age, BirthDateProblem, Gestation,
};
use tuoyu_core::model::{parse_date, Date};

fn d(s: &str) -> Date {
    parse_date(s).expect("date")
}

fn age(months: u32, days: u32) -> Option<Age> {
    Some(Age { months, days })
}

#[test]
fn add_months_clamps_to_the_end_of_shorter_months() {
    assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    assert_eq!(add_months(d("2023-01-31"), 1), d("2023-02-28"));
    assert_eq!(add_months(d("2024-01-31"), 3), d("2024-04-30"));
    assert_eq!(add_months(d("2024-02-29"), 12), d("2025-02-28"));
    assert_eq!(add_months(d("2024-02-29"), 48), d("2028-02-29"));
    assert_eq!(add_months(d("2024-12-15"), 1), d("2025-01-15"));
    assert_eq!(add_months(d("2024-05-20"), 0), d("2024-05-20"));
    assert_eq!(add_months(d("2023-11-30"), 26), d("2026-01-30"));
}

#[test]
fn add_months_saturates_instead_of_panicking() {
    assert_eq!(add_months(Date::MAX, 1), Date::MAX);
    let _ = add_months(d("2024-01-31"), u32::MAX);
}

#[test]
fn same_day_is_zero() {
    assert_eq!(age_on(d("2025-03-10"), d("2025-03-10")), age(0, 0));
}

#[test]
fn future_birth_has_no_age() {
    assert_eq!(age_on(d("2025-03-11"), d("2025-03-10")), None);
}

#[test]
fn months_count_on_the_same_day_of_the_month() {
    assert_eq!(age_on(d("2024-03-15"), d("2024-04-14")), age(0, 30));
    assert_eq!(age_on(d("2024-03-15"), d("2024-04-15")), age(1, 0));
    assert_eq!(age_on(d("2024-03-15"), d("2025-09-20")), age(18, 5));
    assert_eq!(age_on(d("2022-09-01"), d("2025-09-01")), age(36, 0));
    assert_eq!(age_on(d("2022-09-02"), d("2025-09-01")), age(35, 30));
}

#[test]
fn born_on_the_31st() {
    let birth = d("2025-01-31");
    assert_eq!(age_on(birth, d("2025-02-27")), age(0, 27));
    assert_eq!(
        age_on(birth, d("2025-02-28")),
        age(1, 0),
        "month end counts"
    );
    assert_eq!(age_on(birth, d("2025-03-01")), age(1, 1));
    assert_eq!(age_on(birth, d("2025-03-30")), age(1, 30));
    assert_eq!(age_on(birth, d("2025-03-31")), age(2, 0));
    assert_eq!(
        age_on(d("2024-01-31"), d("2024-02-28")),
        age(0, 28),
        "leap year"
    );
    assert_eq!(age_on(d("2024-01-31"), d("2024-02-29")), age(1, 0));
}

#[test]
fn born_on_a_leap_day() {
    let birth = d("2024-02-29");
    assert_eq!(age_on(birth, d("2025-02-28")), age(12, 0));
    assert_eq!(age_on(birth, d("2025-02-27")), age(11, 29));
    assert_eq!(age_on(birth, d("2025-03-01")), age(12, 1));
    assert_eq!(age_on(birth, d("2024-03-29")), age(1, 0));
}

#[test]
fn age_never_goes_backwards_day_by_day() {
    let birth = d("2023-12-31");
    let mut last = Age::default();
    let mut day = birth;
    while day < d("2026-03-01") {
        let a = age_on(birth, day).expect("born");
        assert!(a >= last, "{day}: {a:?} < {last:?}");
        assert!(a.days < 31);
        last = a;
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn corrected_age_subtracts_the_missing_weeks() {
    let birth = d("2025-01-01");
    // Born at 32 weeks: 8 weeks early, due 2025-02-26.
    assert_eq!(
        corrected_due_date(birth, Some(Gestation::weeks(32))),
        Some(d("2025-02-26"))
    );
    assert_eq!(
        corrected_age(birth, Some(Gestation::weeks(32)), d("2025-06-26")),
        age(4, 0)
    );
    assert_eq!(age_on(birth, d("2025-06-26")), age(5, 25));
    // Before the due date the corrected age is zero.
    assert_eq!(
        corrected_age(birth, Some(Gestation::weeks(32)), d("2025-02-01")),
        age(0, 0)
    );
    assert_eq!(
        weeks_until_due(birth, Some(Gestation::weeks(32)), d("2025-02-01")),
        Some(4)
    );
    assert_eq!(
        weeks_until_due(birth, Some(Gestation::weeks(32)), d("2025-02-26")),
        None
    );
}

#[test]
fn term_babies_and_unknown_gestation_are_not_corrected() {
    let (birth, today) = (d("2025-01-01"), d("2025-06-01"));
    let chronological = age_on(birth, today);
    for weeks in [
        None,
        Some(Gestation::weeks(37)),
        Some(Gestation::weeks(40)),
        Some(Gestation::weeks(42)),
    ] {
        assert_eq!(
            corrected_age(birth, weeks, today),
            chronological,
            "{weeks:?}"
        );
        assert_eq!(corrected_due_date(birth, weeks), None);
    }
    assert_ne!(
        corrected_age(birth, Some(Gestation::weeks(36)), today),
        chronological
    );
}

#[test]
fn correction_stops_at_24_months() {
    let birth = d("2023-01-01");
    assert_eq!(
        corrected_age(birth, Some(Gestation::weeks(28)), d("2024-12-31")),
        age_on(d("2023-03-26"), d("2024-12-31"))
    );
    assert_eq!(
        corrected_age(birth, Some(Gestation::weeks(28)), d("2025-01-01")),
        age(24, 0)
    );
    assert_eq!(
        corrected_age(d("2025-01-02"), Some(Gestation::weeks(30)), d("2025-01-01")),
        None
    );
}

#[test]
fn birth_dates_typed_by_parents() {
    let today = d("2025-09-01");
    assert_eq!(parse_birth_date(" 2024-03-15 ", today), Ok(d("2024-03-15")));
    assert_eq!(parse_birth_date("2025-09-01", today), Ok(today));
    assert_eq!(parse_birth_date("2019-09-01", today), Ok(d("2019-09-01")));
    let err = |s: &str| parse_birth_date(s, today).unwrap_err();
    assert!(err("").contains("请填写"));
    assert!(err("2024-3-15").contains("年-月-日"));
    assert!(err("15/03/2024").contains("年-月-日"));
    assert!(err("2023-02-29").contains("没有"));
    assert!(err("2025-09-02").contains("不能晚于今天"));
    assert!(err("2019-08-31").contains("6 年"));
}

#[test]
fn a_refused_birth_date_says_why_as_a_value_too() {
    let today = d("2025-09-01");
    let err = |s: &str| check_birth_date(s, today).unwrap_err();
    assert_eq!(err(" "), BirthDateProblem::Empty);
    assert_eq!(err("2024-3-15"), BirthDateProblem::WrongShape);
    assert_eq!(
        err("2023-02-29"),
        BirthDateProblem::NoSuchDay("2023-02-29".into())
    );
    assert_eq!(err("2025-09-02"), BirthDateProblem::InFuture);
    assert_eq!(err("2019-08-31"), BirthDateProblem::TooOld);
    assert_eq!(check_birth_date("2024-03-15", today), Ok(d("2024-03-15")));
    for s in ["", "2024-3-15", "2023-02-29", "2025-09-02", "2019-08-31"] {
        assert_eq!(parse_birth_date(s, today), Err(err(s).message()));
    }
}

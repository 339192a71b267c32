//! My child's plan: exact ages at month ends and leap days, corrected age, what is due
//! next, and refusals instead of negative ages.

mod guide_fixture;

use guide_fixture::{d, guide};
use tuoyu_core::age::{Age, Gestation};
use tuoyu_core::plan::{check_gestation_weeks, make_plan, parse_gestation_weeks, Plan, PlanError};

fn plan(birth: &str, weeks: Option<u8>, today: &str) -> Plan {
    make_plan(&guide(), d(birth), weeks.map(Gestation::weeks), d(today)).expect("a plan")
}

fn age(months: u32, days: u32) -> Age {
    Age { months, days }
}

fn names<T>(items: &[tuoyu_core::plan::Due<T>], name: impl Fn(&T) -> String) -> Vec<String> {
    items
        .iter()
        .map(|due| format!("{} {}", name(&due.item), due.date))
        .collect()
}

#[test]
fn born_on_the_31st_counts_months_through_short_months() {
    let p = plan("2025-01-31", None, "2026-11-28");
    assert_eq!(p.age, age(21, 28));
    assert_eq!(p.corrected, None);
    assert_eq!(p.finder_age, 21);
    assert_eq!(plan("2025-01-31", None, "2025-02-28").age, age(1, 0));
    assert_eq!(plan("2025-01-31", None, "2025-03-30").age, age(1, 30));
    assert_eq!(plan("2025-01-31", None, "2025-03-31").age, age(2, 0));
}

#[test]
fn born_on_a_leap_day_has_birthdays_on_28_february() {
    assert_eq!(plan("2024-02-29", None, "2025-02-28").age, age(12, 0));
    assert_eq!(plan("2024-02-29", None, "2025-02-27").age, age(11, 29));
    assert_eq!(plan("2024-02-29", None, "2025-03-01").age, age(12, 1));
    assert_eq!(plan("2024-02-29", None, "2024-03-29").age, age(1, 0));
    let p = plan("2024-02-29", None, "2024-02-29");
    assert_eq!(p.age, age(0, 0));
    assert_eq!(
        p.checkups[0].date,
        d("2024-03-07"),
        "home visit 7 days after birth"
    );
}

#[test]
fn what_is_due_at_21_months() {
    let p = plan("2025-01-31", None, "2026-11-28");
    assert_eq!(
        p.stage.as_ref().map(|s| (s.from_months, s.to_months)),
        Some((18, 24))
    );
    let ages: Vec<u8> = p.watch_now.iter().map(|w| w.age_months).collect();
    assert_eq!(ages, [18, 24], "the one just passed and the next");
    assert_eq!(
        names(&p.checkups, |c| c.name.clone()),
        [
            "24月龄体检 2027-01-31",
            "30月龄体检 2027-07-31",
            "36月龄体检 2028-01-31"
        ]
    );
    assert_eq!(
        names(&p.vaccines, |v| format!("{}{}", v.name, v.dose)),
        ["乙脑减毒活疫苗第2剂 2027-01-31"]
    );
    assert_eq!(p.vaccines[0].days_after(p.today), 64);
    assert_eq!(
        p.articles,
        ["milestones-12-36", "complementary-food", "choosing-care"]
    );
}

#[test]
fn at_14_months_the_window_is_empty_but_the_18_month_visit_is_shown() {
    let p = plan("2025-09-28", None, "2026-11-28");
    assert_eq!(p.age, age(14, 0));
    assert!(p.vaccines.is_empty(), "nothing within 3 months");
    let next = p.next_vaccination.as_ref().expect("the next visit");
    assert_eq!(next.date, d("2027-03-28"));
    assert_eq!(next.days_after(p.today), 120);
    let due: Vec<String> = next
        .item
        .iter()
        .map(|v| format!("{}{}", v.name, v.dose))
        .collect();
    assert_eq!(
        due,
        ["百白破疫苗第4剂", "麻腮风疫苗第2剂", "甲肝减毒活疫苗1剂"]
    );
}

#[test]
fn the_next_visit_is_the_first_from_today_on_and_ends_with_the_schedule() {
    // Due today counts as next; one due yesterday is in the window as overdue, not next.
    let newborn = plan("2026-11-28", None, "2026-11-28");
    let next = newborn.next_vaccination.expect("birth doses");
    assert_eq!((next.date, next.item.len()), (d("2026-11-28"), 2));
    let p = plan("2025-05-27", None, "2026-11-28");
    assert_eq!(p.vaccines[0].days_after(p.today), -1);
    assert_eq!(
        p.next_vaccination.map(|n| n.date),
        Some(d("2027-05-27")),
        "the 24-month dose"
    );
    assert_eq!(
        plan("2022-01-15", None, "2025-11-28").next_vaccination,
        None
    );
}

#[test]
fn a_newborn_gets_the_first_visits_and_the_birth_vaccines_but_no_pregnancy_advice() {
    let p = plan("2026-11-28", None, "2026-11-28");
    assert_eq!(
        names(&p.checkups, |c| c.name.clone()),
        [
            "新生儿家庭访视 2026-12-05",
            "满月体检 2026-12-26",
            "3月龄体检 2027-02-28"
        ]
    );
    let vaccines = names(&p.vaccines, |v| format!("{}{}", v.name, v.dose));
    assert_eq!(vaccines[0], "乙肝疫苗第1剂 2026-11-28");
    assert_eq!(
        vaccines.last().map(String::as_str),
        Some("脊灰灭活疫苗第2剂 2027-02-28")
    );
    assert_eq!(
        p.watch_now.iter().map(|w| w.age_months).collect::<Vec<_>>(),
        [3]
    );
    assert!(!p.articles.contains(&"before-pregnancy".to_owned()));
    assert_eq!(p.finder_age, 0);
}

#[test]
fn a_visit_that_fell_due_recently_is_still_listed() {
    // 6 months on 2025-12-01; ten days later it still shows, forty days later it does not.
    let p = plan("2025-06-01", None, "2025-12-11");
    assert_eq!(p.checkups[0].item.name, "6月龄体检");
    assert_eq!(p.checkups[0].days_after(p.today), -10);
    let p = plan("2025-06-01", None, "2026-01-10");
    assert_eq!(p.checkups[0].item.name, "8月龄体检");
}

#[test]
fn month_end_due_dates_clamp_to_the_last_day() {
    let p = plan("2024-08-31", None, "2025-02-01");
    assert_eq!(
        names(&p.checkups, |c| c.name.clone())[0],
        "6月龄体检 2025-02-28"
    );
}

#[test]
fn a_preterm_baby_is_judged_by_corrected_age_and_vaccinated_by_birth_date() {
    // 32 weeks: due 8 weeks after birth, on 2025-07-27.
    let p = plan("2025-06-01", Some(32), "2025-12-01");
    assert_eq!(p.age, age(6, 0));
    assert_eq!(p.corrected, Some(age(4, 4)));
    assert_eq!(p.development_age(), age(4, 4));
    assert_eq!(p.stage.as_ref().map(|s| s.from_months), Some(3));
    assert_eq!(
        p.watch_now.iter().map(|w| w.age_months).collect::<Vec<_>>(),
        [3, 6]
    );
    assert_eq!(
        p.checkups[0].item.name, "6月龄体检",
        "visits follow the birth date"
    );
    assert_eq!(p.finder_age, 6, "admissions go by the real age");
}

#[test]
fn before_the_due_date_the_corrected_age_is_zero_and_the_weeks_are_counted() {
    // 28 weeks: due 12 weeks after birth, on 2025-08-24.
    let p = plan("2025-06-01", Some(28), "2025-07-01");
    assert_eq!(p.corrected, Some(age(0, 0)));
    assert_eq!(p.weeks_until_due, Some(8));
}

#[test]
fn correction_stops_at_24_months_and_does_not_apply_from_37_weeks() {
    let p = plan("2023-01-10", Some(30), "2025-01-09");
    assert!(p.corrected.is_some());
    let p = plan("2023-01-10", Some(30), "2025-01-10");
    assert_eq!(p.corrected, None);
    assert_eq!(p.age, age(24, 0));
    assert_eq!(plan("2025-06-01", Some(37), "2025-12-01").corrected, None);
    assert_eq!(
        plan("2025-06-01", Some(40), "2025-12-01").weeks_until_due,
        None
    );
}

#[test]
fn a_child_over_36_months_gets_the_last_signs_and_a_finder_age_of_36() {
    let p = plan("2022-01-15", None, "2025-11-28");
    assert_eq!(p.age, age(46, 13));
    assert!(p.beyond_schedule());
    assert_eq!(p.finder_age, 36);
    assert_eq!(p.stage, None);
    assert_eq!(
        p.watch_now.iter().map(|w| w.age_months).collect::<Vec<_>>(),
        [36]
    );
    assert!(p.checkups.is_empty() && p.vaccines.is_empty());
    assert_eq!(
        p.articles,
        [
            "three-years",
            "milestones-12-36",
            "complementary-food",
            "choosing-care"
        ]
    );
    let p = plan("2022-11-28", None, "2025-11-28");
    assert_eq!(
        (p.age, p.finder_age, p.beyond_schedule()),
        (age(36, 0), 36, false)
    );
}

#[test]
fn a_birth_date_in_the_future_or_long_ago_is_refused_in_chinese() {
    let g = guide();
    let future = make_plan(&g, d("2026-11-29"), None, d("2026-11-28"));
    assert_eq!(future, Err(PlanError::BornInFuture));
    assert!(PlanError::BornInFuture.message().contains("不能晚于今天"));
    let old = make_plan(&g, d("2019-11-27"), None, d("2026-11-28"));
    assert_eq!(old, Err(PlanError::TooOld));
    assert!(
        make_plan(&g, d("2020-11-28"), None, d("2026-11-28")).is_ok(),
        "exactly 6 years"
    );
    let weeks = make_plan(
        &g,
        d("2026-01-01"),
        Some(Gestation::weeks(20)),
        d("2026-11-28"),
    );
    assert_eq!(weeks, Err(PlanError::Gestation(20)));
    assert!(PlanError::Gestation(20).message().contains("24–42"));
}

#[test]
fn gestation_weeks_are_read_from_what_a_parent_typed() {
    assert_eq!(parse_gestation_weeks(""), Ok(None));
    assert_eq!(
        parse_gestation_weeks(" 35 "),
        Ok(Some(Gestation::weeks(35)))
    );
    assert_eq!(parse_gestation_weeks("24"), Ok(Some(Gestation::weeks(24))));
    assert_eq!(parse_gestation_weeks("42"), Ok(Some(Gestation::weeks(42))));
    assert!(parse_gestation_weeks("43").is_err());
    assert!(parse_gestation_weeks("23").is_err());
    assert!(parse_gestation_weeks("三十五")
        .unwrap_err()
        .contains("32+5"));
    assert!(parse_gestation_weeks("-1").is_err());
}

#[test]
fn refused_gestation_weeks_say_why_as_a_value_too() {
    assert_eq!(check_gestation_weeks(" "), Ok(None));
    assert_eq!(check_gestation_weeks("35"), Ok(Some(Gestation::weeks(35))));
    assert_eq!(check_gestation_weeks("43"), Err(PlanError::Gestation(43)));
    assert_eq!(
        check_gestation_weeks("三十五"),
        Err(PlanError::GestationNotANumber)
    );
    assert_eq!(
        parse_gestation_weeks("三十五"),
        Err(PlanError::GestationNotANumber.message())
    );
}

#[test]
fn gestation_is_read_as_weeks_and_days_the_ways_parents_write_it() {
    let g = |weeks, days| Ok(Some(Gestation { weeks, days }));
    for typed in [
        "32+5",
        " 32 + 5 ",
        "32＋5",
        "32周5天",
        "32周+5天",
        "32周5",
        "32w5d",
        "32W5D",
    ] {
        assert_eq!(check_gestation_weeks(typed), g(32, 5), "{typed}");
    }
    assert_eq!(check_gestation_weeks("35周"), g(35, 0));
    assert_eq!(check_gestation_weeks("32+0"), g(32, 0));
    for typed in [
        "32+",
        "32.5",
        "532",
        "32+5+1",
        "32周5天6",
        "三十二周",
        "32 5",
        "+5",
        "32-5",
    ] {
        assert!(check_gestation_weeks(typed).is_err(), "{typed} was taken");
    }
    assert_eq!(
        check_gestation_weeks("32+9"),
        Err(PlanError::GestationDays(9))
    );
    assert_eq!(
        check_gestation_weeks("532"),
        Err(PlanError::GestationNotANumber)
    );
    assert!(PlanError::GestationDays(9).message().contains("0–6"));
}

#[test]
fn the_days_after_the_weeks_move_the_due_date() {
    // 32+5 is 5 days nearer term than 32+0: the corrected age is 5 days older.
    let g = |days| Some(Gestation { weeks: 32, days });
    let at = |days| make_plan(&guide(), d("2025-06-01"), g(days), d("2025-12-01")).unwrap();
    let (whole, more) = (at(0).corrected.unwrap(), at(5).corrected.unwrap());
    assert_eq!(whole, age(4, 4));
    assert_eq!(more, age(4, 9));
}

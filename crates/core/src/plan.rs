//! "My child's plan": what the schedule says for one child on one day.
//!
//! Development (the stage, warning signs, articles) follows the corrected age of a baby
//! born early, as paediatric practice does until 24 months; check-ups and vaccines follow
//! the birth date, as clinics schedule them; the finder filters by the real age, which is
//! what 托育 admissions go by.

use chrono::Days;

use crate::age::{
    add_months, age_on, corrected_age, weeks_until_due, Age, Gestation, MAX_CHILD_AGE_MONTHS,
};
use crate::guide::{Checkup, Guide, Stage, Vaccine, WarningSigns, MAX_GUIDE_MONTHS};
use crate::model::Date;

/// The weeks of gestation the form accepts: outside this, the number is surely a typo.
pub const MIN_GESTATION_WEEKS: u8 = 24;
pub const MAX_GESTATION_WEEKS: u8 = 42;

/// How many upcoming check-ups the plan lists.
pub const NEXT_CHECKUPS: usize = 3;

/// How far ahead the plan lists vaccines.
pub const VACCINE_WINDOW_MONTHS: u32 = 3;

/// A visit or vaccine that fell due this recently is still listed: a parent reading the
/// plan a week after the 6-month birthday may not have been to the clinic yet.
pub const RECENTLY_DUE_DAYS: u64 = 30;

/// The topic whose articles are for before a child is born, so never part of a plan.
const BEFORE_BIRTH_TOPIC: &str = "优生优育";

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub birth: Date,
    pub today: Date,
    /// Counted from the birth date.
    pub age: Age,
    /// Counted from the due date; `Some` only for a baby born before 37 weeks who is
    /// not yet 24 months old.
    pub corrected: Option<Age>,
    /// Whole weeks until a preterm baby's due date, while it is still ahead.
    pub weeks_until_due: Option<u32>,
    /// What children usually do at this (corrected) age; `None` from 36 months on.
    pub stage: Option<Stage>,
    /// The warning signs for the age just passed and for the next one (or this one).
    pub watch_now: Vec<WarningSigns>,
    pub checkups: Vec<Due<Checkup>>,
    pub vaccines: Vec<Due<Vaccine>>,
    /// The next day vaccines fall due, from today on, with every vaccine due that day.
    /// Shown even beyond the window: at 14 months the window is empty, but a parent still
    /// needs to know that the 18-month visit is coming. `None` once the schedule has ended.
    pub next_vaccination: Option<Due<Vec<Vaccine>>>,
    /// Slugs of the articles for this age, the most specific first.
    pub articles: Vec<String>,
    /// The age for the finder's `age=` filter: real months, at most 36.
    pub finder_age: u8,
}

/// A schedule item and the day it falls due for this child.
#[derive(Debug, Clone, PartialEq)]
pub struct Due<T> {
    pub item: T,
    pub date: Date,
}

impl<T> Due<T> {
    /// Days from `today` to the due date; negative once it has passed.
    pub fn days_after(&self, today: Date) -> i64 {
        (self.date - today).num_days()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    BornInFuture,
    TooOld,
    /// Weeks of gestation outside 24–42.
    Gestation(u8),
    /// Gestation not written as weeks, or weeks + days (only from `check_gestation_weeks`).
    GestationNotANumber,
    /// The days after the weeks (`32+9`) beyond 0–6.
    GestationDays(u8),
}

impl PlanError {
    pub fn message(&self) -> String {
        match self {
            PlanError::BornInFuture => "出生日期不能晚于今天，请检查年、月、日".to_owned(),
            PlanError::TooOld => {
                "出生日期早于 6 年前，请检查年份（本工具面向 0–6 岁的孩子）".to_owned()
            }
            PlanError::Gestation(w) => {
                format!("孕周“{w}”不在 {MIN_GESTATION_WEEKS}–{MAX_GESTATION_WEEKS} 周之间，请检查")
            }
            PlanError::GestationNotANumber => format!(
                "孕周请填 {MIN_GESTATION_WEEKS}–{MAX_GESTATION_WEEKS} 周，可带天数，例如 35、32+5 或 32周5天"
            ),
            PlanError::GestationDays(d) => {
                format!("孕周后的天数“{d}”应在 0–6 之间（满 7 天即多 1 周）")
            }
        }
    }
}

impl Plan {
    /// The age development is judged by: corrected when that applies.
    pub fn development_age(&self) -> Age {
        self.corrected.unwrap_or(self.age)
    }

    /// Older than the 0–36 months the schedule and articles are written for.
    pub fn beyond_schedule(&self) -> bool {
        self.age.months > u32::from(MAX_GUIDE_MONTHS)
    }
}

/// Reads the optional gestation a parent typed; empty means not given.
pub fn parse_gestation_weeks(s: &str) -> Result<Option<Gestation>, String> {
    check_gestation_weeks(s).map_err(|e| e.message())
}

/// `parse_gestation_weeks`, saying why as a value rather than a sentence. Takes weeks
/// (`35`, `35周`) or weeks and days the ways parents and clinics write them (`32+5`,
/// `32＋5`, `32周5天`, `32周+5天`, `32w5d`); anything else is refused, never guessed at.
pub fn check_gestation_weeks(s: &str) -> Result<Option<Gestation>, PlanError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let number = |t: &str| -> Result<Option<u8>, PlanError> {
        let t = t.trim();
        if t.is_empty() {
            return Ok(None);
        }
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PlanError::GestationNotANumber);
        }
        t.parse::<u8>()
            .map(Some)
            .map_err(|_| PlanError::GestationNotANumber)
    };
    let lower = s.to_lowercase().replace('＋', "+");
    let (weeks, rest) = match lower.split_once(['+', '周', 'w']) {
        Some((w, rest)) => (w, rest.trim_start_matches(['+', ' '])),
        None => (lower.as_str(), ""),
    };
    let days_text = rest
        .strip_suffix('天')
        .or_else(|| rest.strip_suffix('d'))
        .unwrap_or(rest);
    // `32+` or `32周天` is not a way of writing a gestation.
    if lower.contains('+') && days_text.trim().is_empty() {
        return Err(PlanError::GestationNotANumber);
    }
    let weeks = number(weeks)?.ok_or(PlanError::GestationNotANumber)?;
    let days = number(days_text)?.unwrap_or(0);
    if !(MIN_GESTATION_WEEKS..=MAX_GESTATION_WEEKS).contains(&weeks) {
        return Err(PlanError::Gestation(weeks));
    }
    if days > 6 {
        return Err(PlanError::GestationDays(days));
    }
    Ok(Some(Gestation { weeks, days }))
}

/// The plan for a child born on `birth` (at `gestation`, if the parent said), as it
/// stands on `today`.
pub fn make_plan(
    guide: &Guide,
    birth: Date,
    gestation: Option<Gestation>,
    today: Date,
) -> Result<Plan, PlanError> {
    if let Some(g) = gestation {
        if !(MIN_GESTATION_WEEKS..=MAX_GESTATION_WEEKS).contains(&g.weeks) {
            return Err(PlanError::Gestation(g.weeks));
        }
        if g.days > 6 {
            return Err(PlanError::GestationDays(g.days));
        }
    }
    let age = age_on(birth, today).ok_or(PlanError::BornInFuture)?;
    if age.months > MAX_CHILD_AGE_MONTHS || (age.months == MAX_CHILD_AGE_MONTHS && age.days > 0) {
        return Err(PlanError::TooOld);
    }
    let preterm = gestation.is_some_and(Gestation::is_preterm);
    let corrected = corrected_age(birth, gestation, today)
        .filter(|_| preterm && age.months < crate::age::CORRECT_UNTIL_MONTHS);
    let development_months = corrected.unwrap_or(age).months;
    let schedule = &guide.schedule;

    let stage = schedule
        .stages
        .iter()
        .find(|s| {
            u32::from(s.from_months) <= development_months
                && development_months < u32::from(s.to_months)
        })
        .cloned();

    let recent = today
        .checked_sub_days(Days::new(RECENTLY_DUE_DAYS))
        .unwrap_or(Date::MIN);
    let checkups = schedule
        .checkups
        .iter()
        .map(|c| Due {
            date: checkup_date(birth, c),
            item: c.clone(),
        })
        .filter(|due| due.date >= recent)
        .take(NEXT_CHECKUPS)
        .collect();
    let horizon = add_months(today, VACCINE_WINDOW_MONTHS);
    let all_vaccines: Vec<Due<Vaccine>> = schedule
        .vaccines
        .iter()
        .map(|v| Due {
            date: add_months(birth, u32::from(v.age_months)),
            item: v.clone(),
        })
        .collect();
    let next_vaccination = all_vaccines
        .iter()
        .map(|due| due.date)
        .filter(|date| *date >= today)
        .min()
        .map(|date| Due {
            date,
            item: all_vaccines
                .iter()
                .filter(|due| due.date == date)
                .map(|due| due.item.clone())
                .collect(),
        });
    let vaccines = all_vaccines
        .into_iter()
        .filter(|due| recent <= due.date && due.date <= horizon)
        .collect();

    let article_age = development_months.min(u32::from(MAX_GUIDE_MONTHS)) as u8;
    let mut articles: Vec<_> = guide
        .articles
        .iter()
        .filter(|a| a.fits_age(article_age) && !a.has_topic(BEFORE_BIRTH_TOPIC))
        .collect();
    articles.sort_by_key(|a| a.age_months.1 - a.age_months.0);

    Ok(Plan {
        birth,
        today,
        age,
        corrected,
        weeks_until_due: weeks_until_due(birth, gestation, today),
        stage,
        watch_now: warning_signs_around(&schedule.warning_signs, development_months),
        checkups,
        vaccines,
        next_vaccination,
        articles: articles.into_iter().map(|a| a.slug.clone()).collect(),
        finder_age: age.months.min(u32::from(MAX_GUIDE_MONTHS)) as u8,
    })
}

/// When a check-up falls due: the days after birth where the schedule counts in days.
pub fn checkup_date(birth: Date, checkup: &Checkup) -> Date {
    match checkup.age_days {
        Some(days) => birth
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(Date::MAX),
        None => add_months(birth, u32::from(checkup.age_months)),
    }
}

/// The last group whose age has passed and the first at or after `months`, in age order.
fn warning_signs_around(groups: &[WarningSigns], months: u32) -> Vec<WarningSigns> {
    let mut sorted: Vec<&WarningSigns> = groups.iter().collect();
    sorted.sort_by_key(|g| g.age_months);
    let passed = sorted
        .iter()
        .rev()
        .find(|g| u32::from(g.age_months) < months);
    let next = sorted.iter().find(|g| u32::from(g.age_months) >= months);
    passed
        .into_iter()
        .chain(next)
        .map(|g| (*g).clone())
        .collect()
}

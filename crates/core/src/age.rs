//! A child's age in calendar months, the way clinics and 托育 admissions count it.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{parse_date, Date};

/// Whole calendar months plus the days since the last month-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Age {
    pub months: u32,
    pub days: u32,
}

/// The oldest child the baby plan is meant for; older birth dates are likely typos.
pub const MAX_CHILD_AGE_MONTHS: u32 = 72;

/// Below this many weeks of gestation a baby is preterm and its age is corrected.
pub const PRETERM_WEEKS: u8 = 37;

/// Corrected age is used only until this chronological age, as paediatric practice does.
pub const CORRECT_UNTIL_MONTHS: u32 = 24;

fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

/// `d` plus `n` calendar months, with the day clamped to the end of a shorter month:
/// 31 Jan + 1 = 28 Feb (29 in leap years); 29 Feb + 12 = 28 Feb.
/// Saturates at chrono's last representable month rather than panicking.
pub fn add_months(d: Date, n: u32) -> Date {
    let index = i64::from(d.year()) * 12 + i64::from(d.month0()) + i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
    let day = d.day().min(days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MAX)
}

/// Age on `today` of a child born on `birth`; `None` when `birth` is after `today`.
/// The month count goes up on the day `add_months(birth, n)` is reached.
pub fn age_on(birth: Date, today: Date) -> Option<Age> {
    if birth > today {
        return None;
    }
    let span = (today.year() - birth.year()) * 12 + today.month() as i32 - birth.month() as i32;
    let mut months = u32::try_from(span).unwrap_or(0);
    if add_months(birth, months) > today {
        months -= 1;
    }
    let anchor = add_months(birth, months);
    let days = u32::try_from((today - anchor).num_days()).unwrap_or(0);
    Some(Age { months, days })
}

/// How long a pregnancy lasted, as clinics write it: `32+5` is 32 weeks and 5 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Gestation {
    pub weeks: u8,
    /// 0–6.
    pub days: u8,
}

impl Gestation {
    /// Whole weeks, no days.
    pub const fn weeks(weeks: u8) -> Gestation {
        Gestation { weeks, days: 0 }
    }

    pub fn is_preterm(self) -> bool {
        self.weeks < PRETERM_WEEKS
    }

    fn total_days(self) -> u64 {
        u64::from(self.weeks) * 7 + u64::from(self.days)
    }
}

/// Written back the way clinics write it: `32+5`, or `35` for whole weeks.
impl std::fmt::Display for Gestation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.days {
            0 => write!(f, "{}", self.weeks),
            d => write!(f, "{}+{d}", self.weeks),
        }
    }
}

/// The date a preterm baby was due: birth + (40 weeks − gestation). `None` for a baby
/// born at 37 weeks or later, whose age needs no correction.
pub fn corrected_due_date(birth: Date, gestation: Option<Gestation>) -> Option<Date> {
    let g = gestation.filter(|g| g.is_preterm())?;
    birth.checked_add_days(Days::new((40 * 7_u64).saturating_sub(g.total_days())))
}

/// Age corrected for prematurity: for a baby born before 37 weeks, counted from the due
/// date instead of the birth date, while the chronological age is under 24 months.
/// Before the due date the corrected age is zero. `None` only when `birth` is after
/// `today`.
pub fn corrected_age(birth: Date, gestation: Option<Gestation>, today: Date) -> Option<Age> {
    let chronological = age_on(birth, today)?;
    if chronological.months >= CORRECT_UNTIL_MONTHS {
        return Some(chronological);
    }
    match corrected_due_date(birth, gestation) {
        None => Some(chronological),
        Some(due) => Some(age_on(due, today).unwrap_or_default()),
    }
}

/// Whole weeks (rounded up) from `today` to a preterm baby's due date; `None` when no
/// correction applies or the due date has passed.
pub fn weeks_until_due(birth: Date, gestation: Option<Gestation>, today: Date) -> Option<u32> {
    let due = corrected_due_date(birth, gestation)?;
    let days = (due - today).num_days();
    (days > 0).then(|| u32::try_from((days + 6) / 7).unwrap_or(u32::MAX))
}

/// Why a typed birth date was not taken, for the interface to word in its own language
/// ([`BirthDateProblem::message`] is the Chinese sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BirthDateProblem {
    Empty,
    /// Shaped `YYYY-MM-DD` but not a day on the calendar (the trimmed text).
    NoSuchDay(String),
    WrongShape,
    InFuture,
    TooOld,
    /// Not a date, where no today's date was known to check it against.
    Unreadable,
}

impl BirthDateProblem {
    pub fn message(&self) -> String {
        match self {
            BirthDateProblem::Empty => "请填写出生日期".to_owned(),
            BirthDateProblem::NoSuchDay(s) => format!("日历上没有“{s}”这一天，请检查年、月、日"),
            BirthDateProblem::WrongShape => {
                "请按“年-月-日”填写出生日期，例如 2024-03-15".to_owned()
            }
            BirthDateProblem::InFuture => "出生日期不能晚于今天".to_owned(),
            BirthDateProblem::TooOld => {
                "出生日期早于 6 年前，请检查年份（本工具面向 0–6 岁的孩子）".to_owned()
            }
            BirthDateProblem::Unreadable => "无法识别".to_owned(),
        }
    }
}

/// Reads a birth date a parent typed: `YYYY-MM-DD`, a real day, not in the future and
/// not more than six years ago (older is surely a typo for a 0–3 finder).
pub fn parse_birth_date(s: &str, today: Date) -> Result<Date, String> {
    check_birth_date(s, today).map_err(|p| p.message())
}

/// [`parse_birth_date`] with the reason as a value rather than a Chinese sentence.
pub fn check_birth_date(s: &str, today: Date) -> Result<Date, BirthDateProblem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(BirthDateProblem::Empty);
    }
    let Some(d) = parse_date(s) else {
        let shape_ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
        return Err(if shape_ok {
            BirthDateProblem::NoSuchDay(s.to_owned())
        } else {
            BirthDateProblem::WrongShape
        });
    };
    if d > today {
        return Err(BirthDateProblem::InFuture);
    }
    if add_months(d, MAX_CHILD_AGE_MONTHS) < today {
        return Err(BirthDateProblem::TooOld);
    }
    Ok(d)
}

//! Dataset 1.1's values in the interface's words: the week as "周一至周五 7:30–18:00 · 周六上午",
//! the prepayment line, an age band's vacancy, and fee medians. A missing value is said to be
//! not stated, never left out: a parent should learn to ask.

use tuoyu_core::median::{fee_median, Among, FeeMedian};
use tuoyu_core::model::{
    band_for, AgeBand, CareType, Clock, Dataset, FeeUnit, Institution, Opening, Prepayment,
};

use super::{vacancy, vacancy_count, Label};
use crate::i18n::*;
use crate::lang::current;

pub fn day(d: u8) -> &'static str {
    let l = current();
    match d {
        1 => td_string!(l, worries.day_1),
        2 => td_string!(l, worries.day_2),
        3 => td_string!(l, worries.day_3),
        4 => td_string!(l, worries.day_4),
        5 => td_string!(l, worries.day_5),
        6 => td_string!(l, worries.day_6),
        _ => td_string!(l, worries.day_7),
    }
}

/// "周一至周五", "周六", "周一、周三": runs of three or more days read as a range.
fn days(list: &[u8]) -> String {
    let l = current();
    let mut sorted = list.to_vec();
    sorted.sort_unstable();
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for d in sorted {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == d => *last = d,
            _ => runs.push((d, d)),
        }
    }
    let mut parts: Vec<String> = Vec::new();
    for (first, last) in runs {
        if last >= first + 2 {
            let range = td_string!(l, worries.days_range, first = day(first), last = day(last));
            parts.push(range.to_string());
        } else {
            parts.extend((first..=last).map(|d| day(d).to_owned()));
        }
    }
    parts.join(td_string!(l, worries.days_separator))
}

/// "7:30": the hour without a leading zero, as a notice on a door writes it.
pub fn clock(t: Clock) -> String {
    let m = t.minutes();
    format!("{}:{:02}", m / 60, m % 60)
}

/// Ends by half past noon: a morning session, said as such.
fn is_morning(o: &Opening) -> bool {
    o.close.minutes() <= 12 * 60 + 30
}

/// The week on one line, or why it cannot be given.
pub fn week(inst: &Institution) -> String {
    let l = current();
    if inst.opening.is_empty() {
        return match inst.hours {
            Some(_) => td_string!(l, worries.hours_not_structured).to_owned(),
            None => td_string!(l, worries.hours_not_stated).to_owned(),
        };
    }
    let mut entries: Vec<&Opening> = inst.opening.iter().collect();
    entries.sort_by_key(|o| o.days.iter().min().copied());
    entries
        .into_iter()
        .map(|o| {
            let days = days(&o.days);
            if is_morning(o) && !o.days.iter().any(|d| *d <= 5) {
                td_string!(l, worries.hours_morning, days).to_string()
            } else {
                let (open, close) = (clock(o.open), clock(o.close));
                td_string!(l, worries.hours_entry, days, open, close).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(td_string!(l, worries.hours_separator))
}

/// One day's hours for the detail's table: "7:30–18:00" or 不开放.
pub fn day_hours(inst: &Institution, d: u8) -> String {
    match tuoyu_core::model::opening_on(&inst.opening, d) {
        Some(o) => format!("{}–{}", clock(o.open), clock(o.close)),
        None => td_string!(current(), worries.closed).to_owned(),
    }
}

/// "预收费最多 3 个月 · 资金监管", or 预收费未注明.
pub fn prepayment(p: Option<&Prepayment>) -> String {
    let l = current();
    let Some(p) = p else {
        return td_string!(l, worries.prepay_not_stated).to_owned();
    };
    let months = match p.max_months {
        0 => td_string!(l, worries.prepay_none).to_string(),
        1 => td_string!(l, worries.prepay_months_single, n = 1).to_string(),
        n => td_string!(l, worries.prepay_months, n).to_string(),
    };
    let escrow = match p.escrow {
        Some(true) => td_string!(l, worries.escrow_yes),
        Some(false) => td_string!(l, worries.escrow_no),
        None => td_string!(l, worries.escrow_not_stated),
    };
    td_string!(l, worries.prepay_line, months, escrow).to_string()
}

pub fn band_ages(b: &AgeBand) -> String {
    td_string!(current(), worries.band_ages, min = b.min, max = b.max).to_string()
}

/// The vacancy a card shows for a child of `age`: the band's, with the date, when the
/// publisher gave bands (the same rule as the `vacant` filter); else the institution's.
pub fn vacancy_for_age(inst: &Institution, age: Option<u8>) -> String {
    let l = current();
    let places = inst.places.as_ref();
    let (Some(age), Some(places)) = (age, places.filter(|p| !p.by_age.is_empty())) else {
        return vacancy(inst);
    };
    let Some(band) = band_for(&places.by_age, age) else {
        return match age {
            1 => td_string!(l, worries.band_missing_single, age = 1).to_string(),
            age => td_string!(l, worries.band_missing, age).to_string(),
        };
    };
    let text = td_string!(
        l,
        worries.band_vacancy,
        band = band_ages(band),
        vacancy = vacancy_count(band.vacant)
    )
    .to_string();
    super::with_as_of(text, places.as_of)
}

/// Every band's places and vacancy, with the date of the figures; 未按月龄注明 without bands.
pub fn bands(inst: &Institution) -> String {
    let l = current();
    let Some(places) = inst.places.as_ref().filter(|p| !p.by_age.is_empty()) else {
        return td_string!(l, worries.bands_not_stated).to_owned();
    };
    let each: Vec<String> = places
        .by_age
        .iter()
        .map(|b| {
            td_string!(
                l,
                worries.band_places,
                band = band_ages(b),
                total = b.total,
                vacancy = vacancy_count(b.vacant)
            )
            .to_string()
        })
        .collect();
    super::with_as_of(
        each.join(td_string!(l, worries.bands_separator)),
        places.as_of,
    )
}

/// "2,100": whole yuan with thousands separated, the way fees are quoted.
fn yuan(amount: f64) -> String {
    let whole = amount.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "本区全日托月费中位数 ¥2,100，共 23 家"; `others` for the non-普惠 median.
fn median(care: CareType, m: &FeeMedian, others: bool) -> String {
    let (l, amount, count) = (current(), yuan(m.amount), m.count);
    let care = care.text();
    if others {
        td_string!(l, worries.median_others, care, amount, count).to_string()
    } else {
        td_string!(l, worries.median, care, amount, count).to_string()
    }
}

/// For each of the institution's monthly fees, the district's median for that care type, and
/// for a 普惠 institution the others' median too (the core leaves out any from < 5 fees).
pub fn medians(dataset: &Dataset, inst: &Institution) -> Vec<String> {
    let mut lines = Vec::new();
    for (care, _) in inst.fees.iter().filter(|(_, f)| f.unit == FeeUnit::Month) {
        if let Some(m) = fee_median(dataset, *care, Among::All) {
            lines.push(median(*care, &m, false));
        }
        if let Some(m) = fee_median(dataset, *care, Among::NotPuhui).filter(|_| inst.puhui) {
            lines.push(median(*care, &m, true));
        }
    }
    lines
}

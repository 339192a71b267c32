//! Dataset 1.1's `opening`, `prepayment` and `places.by_age`: each malformed value is
//! reported (and so leaves the record out), like every other field.

use super::check::{quote, Checker};
use super::loose::{take, Loose};
use crate::model::{AgeBand, AgeRange, Clock, Opening, Prepayment};

const DAY_NAMES: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

pub(super) fn opening(c: &mut Checker, v: Loose) -> Vec<Opening> {
    let Some(items) = c.array("opening", v) else {
        return Vec::new();
    };
    let mut out: Vec<Opening> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let Some(mut m) = c.object(|| format!("opening[{i}]"), item) else {
            continue;
        };
        let days = c
            .required(|| format!("opening[{i}].days"), take(&mut m, "days"))
            .and_then(|v| days(c, i, v, &out));
        let open = c
            .required(|| format!("opening[{i}].open"), take(&mut m, "open"))
            .and_then(|v| clock(c, || format!("opening[{i}].open"), v));
        let close = c
            .required(|| format!("opening[{i}].close"), take(&mut m, "close"))
            .and_then(|v| clock(c, || format!("opening[{i}].close"), v));
        let (Some(days), Some(open), Some(close)) = (days, open, close) else {
            continue;
        };
        if open >= close {
            c.report(
                || format!("opening[{i}]"),
                format!("开门时间 {open} 应早于关门时间 {close}"),
            );
            continue;
        }
        out.push(Opening { days, open, close });
    }
    out
}

/// Days 1–7, non-empty, distinct, and none already in an earlier entry.
fn days(c: &mut Checker, i: usize, v: Loose, earlier: &[Opening]) -> Option<Vec<u8>> {
    let path = || format!("opening[{i}].days");
    let items = c.array(path, v)?;
    if items.is_empty() {
        c.report(path, "至少要写一天（1 = 周一 … 7 = 周日）");
        return None;
    }
    let before = c.problems.len();
    let mut out: Vec<u8> = Vec::with_capacity(items.len());
    for (j, item) in items.iter().enumerate() {
        let at = || format!("opening[{i}].days[{j}]");
        let Some(d) = c.uint(at, item, 7).and_then(|d| u8::try_from(d).ok()) else {
            continue;
        };
        if d == 0 {
            c.report(at, "星期应为 1–7（1 = 周一 … 7 = 周日），而这里是 0");
        } else if out.contains(&d) || earlier.iter().any(|o| o.days.contains(&d)) {
            let name = DAY_NAMES[usize::from(d - 1)];
            c.report(at, format!("{name}（{d}）在开放时间里写了两次"));
        } else {
            out.push(d);
        }
    }
    (c.problems.len() == before).then_some(out)
}

fn clock(c: &mut Checker, path: impl Fn() -> String + Copy, v: Loose) -> Option<Clock> {
    let s = c.string(path, v)?;
    let t = Clock::parse(&s);
    if t.is_none() {
        let q = quote(&s);
        c.report(
            path,
            format!("时间应写成 HH:MM（00:00–24:00），而这里是{q}"),
        );
    }
    t
}

pub(super) fn prepayment(c: &mut Checker, v: Loose) -> Option<Prepayment> {
    let mut m = c.object("prepayment", v)?;
    let max_months = c
        .required("prepayment.max_months", take(&mut m, "max_months"))
        .and_then(|v| c.uint("prepayment.max_months", &v, u64::from(u32::MAX)));
    let escrow = take(&mut m, "escrow").and_then(|v| c.boolean("prepayment.escrow", v));
    Some(Prepayment {
        max_months: u32::try_from(max_months?).ok()?,
        escrow,
    })
}

/// Bands inside the institution's ages (when those were readable), not overlapping, and
/// with totals that add up to at most `places.total`.
pub(super) fn by_age(
    c: &mut Checker,
    v: Loose,
    ages: Option<AgeRange>,
    total: Option<u64>,
) -> Vec<AgeBand> {
    let Some(items) = c.array("places.by_age", v) else {
        return Vec::new();
    };
    let mut out: Vec<AgeBand> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if let Some(b) = band(c, i, item) {
            check_band(c, i, &b, ages, &out);
            out.push(b);
        }
    }
    let sum: u64 = out.iter().map(|b| u64::from(b.total)).sum();
    if let Some(t) = total.filter(|t| sum > *t) {
        c.report(
            "places.by_age",
            format!("各月龄段托位合计 {sum} 超过托位总数 {t}"),
        );
    }
    out
}

fn band(c: &mut Checker, i: usize, item: Loose) -> Option<AgeBand> {
    let mut m = c.object(|| format!("places.by_age[{i}]"), item)?;
    let mut field = |c: &mut Checker, key: &'static str, max: u64| {
        let path = move || format!("places.by_age[{i}].{key}");
        c.required(path, take(&mut m, key))
            .and_then(|v| c.uint(path, &v, max))
    };
    let big = u64::from(u32::MAX);
    let (min, max) = (field(c, "min", 36), field(c, "max", 36));
    let (total, vacant) = (field(c, "total", big), field(c, "vacant", big));
    let band = AgeBand {
        min: u8::try_from(min?).ok()?,
        max: u8::try_from(max?).ok()?,
        total: u32::try_from(total?).ok()?,
        vacant: u32::try_from(vacant?).ok()?,
    };
    let path = || format!("places.by_age[{i}]");
    if band.min > band.max {
        c.report(
            path,
            format!("最小月龄 {} 大于最大月龄 {}", band.min, band.max),
        );
        return None;
    }
    if band.vacant > band.total {
        let (v, t) = (band.vacant, band.total);
        c.report(path, format!("空余托位 {v} 大于该月龄段托位 {t}"));
        return None;
    }
    Some(band)
}

fn check_band(c: &mut Checker, i: usize, b: &AgeBand, ages: Option<AgeRange>, earlier: &[AgeBand]) {
    let path = || format!("places.by_age[{i}]");
    let (lo, hi) = (b.min, b.max);
    if let Some(a) = ages.filter(|a| lo < a.min || hi > a.max) {
        let (amin, amax) = (a.min, a.max);
        c.report(
            path,
            format!("月龄段 {lo}–{hi} 个月超出本机构招收的 {amin}–{amax} 个月"),
        );
    }
    if let Some(o) = earlier.iter().find(|o| lo <= o.max && o.min <= hi) {
        let (omin, omax) = (o.min, o.max);
        c.report(
            path,
            format!("月龄段 {lo}–{hi} 个月与 {omin}–{omax} 个月重叠"),
        );
    }
}

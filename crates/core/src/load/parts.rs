//! The spec's nested values: registration, phone, care types, ages, fees, places,
//! quality, inspections and features. Each reports its own problems and returns what it
//! could read, so one record's whole list of problems is found in one pass.

use std::collections::BTreeMap;

use super::check::Checker;
use super::loose::{take, Loose};
use crate::model::{
    AgeRange, CareType, Fee, FeeUnit, Grade, Inspection, InspectionResult, Places, Quality,
    Registration, RegistrationStatus,
};

fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '转')
}

pub(super) fn registration(c: &mut Checker, v: Loose) -> Option<Registration> {
    let mut m = c.object("registration", v)?;
    let number = c.optional_text("registration.number", take(&mut m, "number"));
    let date = take(&mut m, "date").and_then(|v| c.date("registration.date", v));
    let status = c
        .required("registration.status", take(&mut m, "status"))
        .and_then(|v| {
            let (all, codes) = (&RegistrationStatus::ALL, &RegistrationStatus::CODES);
            c.code("registration.status", v, "备案状态", all, codes)
        })?;
    Some(Registration {
        number,
        date,
        status,
    })
}

pub(super) fn phone(c: &mut Checker, v: Loose) -> Option<String> {
    let s = c.optional_text("phone", Some(v))?;
    if let Some(bad) = s.chars().find(|ch| !is_phone_char(*ch)) {
        c.report(
            "phone",
            format!("电话号码含有不允许的字符“{bad}”（只允许数字、空格、+ - ( ) 和“转”）"),
        );
        return None;
    }
    let n = s.chars().count();
    if n > 40 {
        c.report("phone", format!("电话号码超过 40 个字符（现有 {n} 个）"));
        return None;
    }
    Some(s)
}

pub(super) fn care_types(c: &mut Checker, v: Loose) -> Option<Vec<CareType>> {
    let items = c.array("care_types", v)?;
    if items.is_empty() {
        c.report("care_types", "至少要有一种托育类型");
        return None;
    }
    let before = c.count();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let path = || format!("care_types[{i}]");
        if let Some(t) = c.code(path, item, "托育类型", &CareType::ALL, &CareType::CODES) {
            if out.contains(&t) {
                c.report(path, format!("托育类型“{}”重复", t.code()));
            } else {
                out.push(t);
            }
        }
    }
    (c.count() == before).then_some(out)
}

pub(super) fn age_range(c: &mut Checker, v: Loose) -> Option<AgeRange> {
    let mut m = c.object("age_months", v)?;
    let min = c.required("age_months.min", take(&mut m, "min"));
    let max = c.required("age_months.max", take(&mut m, "max"));
    let min = min.and_then(|v| c.uint("age_months.min", &v, 36));
    let max = max.and_then(|v| c.uint("age_months.max", &v, 36));
    let (min, max) = (u8::try_from(min?).ok()?, u8::try_from(max?).ok()?);
    if min > max {
        c.report("age_months", format!("最小月龄 {min} 大于最大月龄 {max}"));
        return None;
    }
    Some(AgeRange { min, max })
}

pub(super) fn fees(c: &mut Checker, v: Loose) -> BTreeMap<CareType, Fee> {
    let mut out = BTreeMap::new();
    let Some(m) = c.object("fees", v) else {
        return out;
    };
    for (key, fee) in m {
        // Keys that are not care types are ignored like any unknown key: a later version
        // of the spec may add a care type, and old apps must still read the file.
        let Some(t) = CareType::parse(&key) else {
            continue;
        };
        if fee.is_null() {
            continue;
        }
        let prefix = format!("fees.{key}");
        let Some(mut f) = c.object(prefix.as_str(), fee) else {
            continue;
        };
        let amount_path = || format!("{prefix}.amount");
        let unit_path = || format!("{prefix}.unit");
        let amount = c
            .required(amount_path, take(&mut f, "amount"))
            .and_then(|v| c.number(amount_path, &v));
        let amount = amount.filter(|a| {
            let ok = *a >= 0.0;
            if !ok {
                c.report(amount_path, format!("收费不能为负数：{a}"));
            }
            ok
        });
        let unit = c
            .required(unit_path, take(&mut f, "unit"))
            .and_then(|v| c.code(unit_path, v, "收费单位", &FeeUnit::ALL, &FeeUnit::CODES));
        if let (Some(amount), Some(unit)) = (amount, unit) {
            out.insert(t, Fee { amount, unit });
        }
    }
    out
}

/// `ages`: the record's `age_months`, which its `by_age` bands must stay inside.
pub(super) fn places(c: &mut Checker, v: Loose, ages: Option<AgeRange>) -> Option<Places> {
    let mut m = c.object("places", v)?;
    let max = u64::from(u32::MAX);
    let total = take(&mut m, "total").and_then(|v| c.uint("places.total", &v, max));
    let vacant = take(&mut m, "vacant").and_then(|v| c.uint("places.vacant", &v, max));
    let as_of = take(&mut m, "as_of").and_then(|v| c.date("places.as_of", v));
    let by_age = take(&mut m, "by_age")
        .map(|v| super::worries::by_age(c, v, ages, total))
        .unwrap_or_default();
    if let (Some(t), Some(v)) = (total, vacant) {
        if v > t {
            c.report("places.vacant", format!("空余托位 {v} 大于托位总数 {t}"));
            return None;
        }
    }
    Some(Places {
        total: total.and_then(|x| u32::try_from(x).ok()),
        vacant: vacant.and_then(|x| u32::try_from(x).ok()),
        as_of,
        by_age,
    })
}

pub(super) fn quality(c: &mut Checker, v: Loose) -> Option<Quality> {
    let mut m = c.object("quality", v)?;
    let grade = c
        .required("quality.grade", take(&mut m, "grade"))
        .and_then(|v| c.code("quality.grade", v, "质量等级", &Grade::ALL, &Grade::CODES));
    let year = take(&mut m, "year").and_then(|v| c.uint("quality.year", &v, u64::from(u16::MAX)));
    Some(Quality {
        grade: grade?,
        year: year.and_then(|y| u16::try_from(y).ok()),
    })
}

pub(super) fn inspections(c: &mut Checker, v: Loose) -> Vec<Inspection> {
    let Some(items) = c.array("inspections", v) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let prefix = || format!("inspections[{i}]");
        let Some(mut m) = c.object(prefix, item) else {
            continue;
        };
        let date_path = || format!("inspections[{i}].date");
        let result_path = || format!("inspections[{i}].result");
        let date = c
            .required(date_path, take(&mut m, "date"))
            .and_then(|v| c.date(date_path, v));
        let result = c
            .required(result_path, take(&mut m, "result"))
            .and_then(|v| {
                let (all, codes) = (&InspectionResult::ALL, &InspectionResult::CODES);
                c.code(result_path, v, "检查结果", all, codes)
            });
        let summary = c.optional_text(
            || format!("inspections[{i}].summary"),
            take(&mut m, "summary"),
        );
        if let (Some(date), Some(result)) = (date, result) {
            out.push(Inspection {
                date,
                result,
                summary,
            });
        }
    }
    out
}

pub(super) fn features(c: &mut Checker, v: Loose) -> Vec<String> {
    let Some(items) = c.array("features", v) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        if let Some(s) = c.optional_text(|| format!("features[{i}]"), Some(item)) {
            out.push(s);
        }
    }
    out
}

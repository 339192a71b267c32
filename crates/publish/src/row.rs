//! One sheet row → one institution record (as spec JSON), reading each cell the tolerant
//! way. What a cell cannot be read as is reported against that cell; everything else is
//! left to the core's rules, which run on the record afterwards.

use std::collections::HashMap;

use serde_json::{json, Map, Value};
use tuoyu_core::model::{
    Area, CareType, Grade, InspectionResult, Kind, Operator, RegistrationStatus,
};

use crate::columns::{Field, MAX_INSPECTION_GROUPS};
use crate::values::{
    clean, is_placeholder, normalize_code, normalize_phone, parse_bool, parse_date, parse_enum,
    parse_int, parse_money, parse_months, parse_number, parse_unit, split_list,
};

/// What one row became.
#[derive(Debug, Default)]
pub struct Built {
    pub record: Map<String, Value>,
    /// The column group each entry of `inspections` came from, to place the core's
    /// `inspections[i]` problems on the right columns.
    pub groups: Vec<u8>,
    pub problems: Vec<(Field, String)>,
}

/// Writes `value` at a dotted path, creating the objects on the way.
fn put(record: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            record.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let inner = record
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = inner {
                put(m, rest, value);
            }
        }
    }
}

fn whole(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

pub fn build(cells: &HashMap<Field, String>, areas: &[Area]) -> Built {
    let mut b = Built::default();
    // Placeholders (—, /, 无) mean "nothing here", except where 无 is itself an answer.
    let given = |f: Field| -> Option<&str> {
        let s = cells.get(&f)?.as_str();
        let keeps_none = matches!(
            f,
            Field::Nonprofit | Field::Puhui | Field::Demonstration | Field::OpenToPublic
        );
        let blank = clean(s).is_empty() || (!keeps_none && is_placeholder(s));
        (!blank).then_some(s)
    };
    let set = |b: &mut Built, f: Field, v: Result<Value, String>| match v {
        Ok(v) => put(&mut b.record, &f.spec_path(), v),
        Err(e) => b.problems.push((f, e)),
    };

    for f in [Field::Id, Field::RegNumber] {
        if let Some(s) = given(f) {
            set(&mut b, f, Ok(json!(normalize_code(s))));
        }
    }
    for f in [Field::Name, Field::Address, Field::Hours] {
        if let Some(s) = given(f) {
            set(&mut b, f, Ok(json!(clean(s))));
        }
    }
    if let Some(s) = given(Field::Kind) {
        let aliases = [
            ("托育中心", Kind::Centre),
            ("托幼一体", Kind::Kindergarten),
            ("幼儿园", Kind::Kindergarten),
            ("托班", Kind::Kindergarten),
            ("单位办托", Kind::Employer),
            ("用人单位", Kind::Employer),
            ("家庭托育", Kind::Family),
            ("社区托育", Kind::Community),
        ];
        let v = parse_enum(
            s,
            "机构类型",
            &Kind::ALL,
            Kind::code,
            Kind::label_zh,
            &aliases,
        );
        set(&mut b, Field::Kind, v.map(|k| json!(k.code())));
    }
    if let Some(s) = given(Field::Operator) {
        let (all, code, label) = (&Operator::ALL, Operator::code, Operator::label_zh);
        let v = parse_enum(
            s,
            "举办性质",
            all,
            code,
            label,
            &[("民营", Operator::Private)],
        );
        set(&mut b, Field::Operator, v.map(|k| json!(k.code())));
    }
    let bools: [(Field, &[&str], &[&str]); 4] = [
        (
            Field::Nonprofit,
            &["非营利", "非营利性"],
            &["营利", "营利性"],
        ),
        (Field::Puhui, &["普惠", "普惠性"], &["非普惠", "非普惠性"]),
        (Field::Demonstration, &["示范", "示范性"], &["非示范"]),
        (Field::OpenToPublic, &["接收", "面向"], &["不接收"]),
    ];
    for (f, yes, no) in bools {
        if let Some(s) = given(f) {
            set(&mut b, f, parse_bool(s, yes, no).map(Value::Bool));
        }
    }
    for f in [Field::RegDate, Field::PlacesAsOf, Field::Updated] {
        if let Some(s) = given(f) {
            set(&mut b, f, parse_date(s).map(Value::String));
        }
    }
    if let Some(s) = given(Field::RegStatus) {
        let aliases = [
            ("备案", RegistrationStatus::Filed),
            ("已登记", RegistrationStatus::Filed),
            ("注销", RegistrationStatus::Revoked),
            ("审核中", RegistrationStatus::Pending),
            ("正在备案", RegistrationStatus::Pending),
        ];
        let (all, code, label) = (
            &RegistrationStatus::ALL,
            RegistrationStatus::code,
            RegistrationStatus::label_zh,
        );
        let v = parse_enum(s, "备案状态", all, code, label, &aliases);
        set(&mut b, Field::RegStatus, v.map(|k| json!(k.code())));
    }
    if let Some(s) = given(Field::Area) {
        set(&mut b, Field::Area, Ok(json!(area_code(s, areas))));
    }
    for f in [Field::Lat, Field::Lng] {
        if let Some(s) = given(f) {
            set(&mut b, f, parse_number(s).map(whole));
        }
    }
    if let Some(s) = given(Field::Phone) {
        set(&mut b, Field::Phone, Ok(json!(normalize_phone(s))));
    }
    if let Some(s) = given(Field::CareTypes) {
        set(&mut b, Field::CareTypes, care_types(s));
    }
    for f in [Field::AgeMin, Field::AgeMax] {
        if let Some(s) = given(f) {
            set(&mut b, f, parse_months(s).map(|n| json!(n)));
        }
    }
    for t in CareType::ALL {
        fee(
            &mut b,
            t,
            given(Field::FeeAmount(t)),
            given(Field::FeeUnit(t)),
        );
    }
    if let Some(s) = given(Field::PlacesTotal) {
        set(
            &mut b,
            Field::PlacesTotal,
            parse_int(s, &["个", "位"]).map(|n| json!(n)),
        );
    }
    // 无 and 满 in the vacancy column are an answer (no free place), not a blank.
    let full = ["无", "暂无", "没有", "满", "已满", "满员"];
    let raw_vacant = cells.get(&Field::PlacesVacant).map(|s| clean(s));
    if raw_vacant.is_some_and(|s| full.contains(&s)) {
        set(&mut b, Field::PlacesVacant, Ok(json!(0)));
    } else if let Some(s) = given(Field::PlacesVacant) {
        let v = parse_int(s, &["个", "位"]);
        set(&mut b, Field::PlacesVacant, v.map(|n| json!(n)));
    }
    if let Some(s) = given(Field::Grade) {
        let (all, code, label) = (&Grade::ALL, Grade::code, Grade::label_zh);
        let v = parse_enum(s, "质量评估等级", all, code, label, &[]);
        set(&mut b, Field::Grade, v.map(|g| json!(g.code())));
    }
    if let Some(s) = given(Field::GradeYear) {
        set(
            &mut b,
            Field::GradeYear,
            parse_int(s, &["年"]).map(|n| json!(n)),
        );
    }
    worries(&mut b, &given);
    inspections(&mut b, &given);
    if let Some(s) = given(Field::Features) {
        set(&mut b, Field::Features, Ok(json!(split_list(s))));
    }
    b
}

/// An area by its code or, as people more often write it, by its name.
fn area_code(s: &str, areas: &[Area]) -> String {
    let code = normalize_code(s);
    if areas.iter().any(|a| a.code == code) {
        return code;
    }
    let name = clean(s);
    areas
        .iter()
        .find(|a| a.name == name)
        .map_or(code, |a| a.code.clone())
}

fn care_types(s: &str) -> Result<Value, String> {
    let aliases = [
        ("全日制", CareType::FullDay),
        ("全日", CareType::FullDay),
        ("半日制", CareType::HalfDay),
        ("半日", CareType::HalfDay),
        ("计时", CareType::Hourly),
        ("临时", CareType::Temporary),
    ];
    let (all, code, label) = (&CareType::ALL, CareType::code, CareType::label_zh);
    let codes = split_list(s)
        .iter()
        .map(|part| parse_enum(part, "托育类型", all, code, label, &aliases).map(CareType::code))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(json!(codes))
}

fn fee(b: &mut Built, t: CareType, amount: Option<&str>, unit: Option<&str>) {
    // A unit with no amount says nothing a parent could use (templates often come with
    // the units filled in), so it is not an error and not published.
    let Some(amount) = amount else { return };
    let (amount, written_unit) = match parse_money(amount) {
        Ok(v) => v,
        Err(e) => return b.problems.push((Field::FeeAmount(t), e)),
    };
    let unit = match unit.map(parse_unit).transpose() {
        Ok(u) => u,
        Err(e) => return b.problems.push((Field::FeeUnit(t), e)),
    };
    if let (Some(u), Some(w)) = (unit, written_unit) {
        if u != w {
            let msg = format!(
                "收费金额里写的单位“{}”与收费单位列的“{}”不一致",
                w.label_zh(),
                u.label_zh()
            );
            return b.problems.push((Field::FeeUnit(t), msg));
        }
    }
    let mut fee = Map::new();
    fee.insert("amount".into(), whole(amount));
    if let Some(u) = unit.or(written_unit) {
        fee.insert("unit".into(), json!(u.code()));
    }
    put(
        &mut b.record,
        &format!("fees.{}", t.code()),
        Value::Object(fee),
    );
}

fn inspections<'c>(b: &mut Built, given: &dyn Fn(Field) -> Option<&'c str>) {
    let mut list = Vec::new();
    for g in 1..=MAX_INSPECTION_GROUPS {
        let (date, result, summary) = (
            given(Field::InspDate(g)),
            given(Field::InspResult(g)),
            given(Field::InspSummary(g)),
        );
        if date.is_none() && result.is_none() && summary.is_none() {
            continue;
        }
        let before = b.problems.len();
        let mut item = Map::new();
        if let Some(s) = date {
            match parse_date(s) {
                Ok(d) => {
                    item.insert("date".into(), json!(d));
                }
                Err(e) => b.problems.push((Field::InspDate(g), e)),
            }
        }
        if let Some(s) = result {
            let aliases = [
                ("整改", InspectionResult::Rectify),
                ("通过", InspectionResult::Pass),
            ];
            let (all, code, label) = (
                &InspectionResult::ALL,
                InspectionResult::code,
                InspectionResult::label_zh,
            );
            match parse_enum(s, "检查结果", all, code, label, &aliases) {
                Ok(r) => {
                    item.insert("result".into(), json!(r.code()));
                }
                Err(e) => b.problems.push((Field::InspResult(g), e)),
            }
        }
        if let Some(s) = summary {
            item.insert("summary".into(), json!(clean(s)));
        }
        // A group with an unreadable cell is left out rather than sent to the core half
        // empty, which would add a second, misleading "missing" problem for it.
        if b.problems.len() == before {
            list.push(Value::Object(item));
            b.groups.push(g);
        }
    }
    if !list.is_empty() {
        b.record.insert("inspections".into(), Value::Array(list));
    }
}

/// Dataset 1.1's columns (see `crate::worries`).
fn worries<'c>(b: &mut Built, given: &dyn Fn(Field) -> Option<&'c str>) {
    use crate::worries::{age_bands, opening, prepayment, OPENING};
    let cells: Vec<(Field, &str)> = OPENING
        .iter()
        .filter_map(|(f, _)| given(*f).map(|s| (*f, s)))
        .collect();
    let (week, problems) = opening(&cells);
    b.problems.extend(problems);
    if let Some(week) = week {
        put(&mut b.record, "opening", week);
    }
    let (prepaid, problems) = prepayment(given(Field::PrepayMonths), given(Field::Escrow));
    b.problems.extend(problems);
    if let Some(prepaid) = prepaid {
        put(&mut b.record, "prepayment", prepaid);
    }
    if let Some(s) = given(Field::AgeBands) {
        match age_bands(s) {
            Ok(bands) => put(&mut b.record, "places.by_age", bands),
            Err(e) => b.problems.push((Field::AgeBands, e)),
        }
    }
}

//! The dataset's values in the interface's words: the core's codes (care types, kinds, 备案…)
//! and the few sentences every view builds from a record (fee, vacancies, distance, dates).
//! Names, addresses and other free text from the bureau are never translated.

use chrono::{Datelike, NaiveDate};
use tuoyu_core::distance::{round_distance, Rounded};
use tuoyu_core::filter::Sort;
use tuoyu_core::model::{
    CareType, Fee, FeeUnit, Grade, InspectionResult, Institution, Kind, Operator,
    RegistrationStatus,
};

use crate::i18n::*;
use crate::lang::current;

mod worries;
pub use worries::*;

/// A code's name in the interface's language.
pub trait Label {
    fn text(self) -> &'static str;
}

impl Label for Kind {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            Kind::Centre => td_string!(l, labels.kind_centre),
            Kind::Community => td_string!(l, labels.kind_community),
            Kind::Kindergarten => td_string!(l, labels.kind_kindergarten),
            Kind::Employer => td_string!(l, labels.kind_employer),
            Kind::Family => td_string!(l, labels.kind_family),
        }
    }
}

impl Label for CareType {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            CareType::FullDay => td_string!(l, labels.care_full_day),
            CareType::HalfDay => td_string!(l, labels.care_half_day),
            CareType::Hourly => td_string!(l, labels.care_hourly),
            CareType::Temporary => td_string!(l, labels.care_temporary),
        }
    }
}

impl Label for Operator {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            Operator::Public => td_string!(l, labels.operator_public),
            Operator::Private => td_string!(l, labels.operator_private),
            Operator::PublicPrivate => td_string!(l, labels.operator_public_private),
            Operator::PrivatePublic => td_string!(l, labels.operator_private_public),
        }
    }
}

impl Label for RegistrationStatus {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            RegistrationStatus::Filed => td_string!(l, labels.registration_filed),
            RegistrationStatus::Pending => td_string!(l, labels.registration_pending),
            RegistrationStatus::Revoked => td_string!(l, labels.registration_revoked),
        }
    }
}

impl Label for FeeUnit {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            FeeUnit::Month => td_string!(l, labels.unit_month),
            FeeUnit::Day => td_string!(l, labels.unit_day),
            FeeUnit::Hour => td_string!(l, labels.unit_hour),
            FeeUnit::Session => td_string!(l, labels.unit_session),
        }
    }
}

impl Label for InspectionResult {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            InspectionResult::Pass => td_string!(l, labels.inspection_pass),
            InspectionResult::Rectify => td_string!(l, labels.inspection_rectify),
            InspectionResult::Fail => td_string!(l, labels.inspection_fail),
        }
    }
}

impl Label for Sort {
    fn text(self) -> &'static str {
        let l = current();
        match self {
            Sort::Default => td_string!(l, labels.sort_default),
            Sort::Distance => td_string!(l, labels.sort_distance),
            Sort::Name => td_string!(l, labels.sort_name),
            Sort::Fee => td_string!(l, labels.sort_fee),
            Sort::Vacancy => td_string!(l, labels.sort_vacancy),
        }
    }
}

/// "A级" / "Grade A": the letter is the standard's (WS/T 821—2023) in either language.
pub fn grade(grade: Grade) -> String {
    td_string!(current(), labels.grade, grade = grade.code()).to_string()
}

/// The care types an institution offers, in the spec's order, as a card lists them.
pub fn care_types(types: &[CareType]) -> String {
    care_types_joined(types, td_string!(current(), labels.list_separator))
}

/// The care types written out in a sentence ("全日托、半日托"), as the detail page and the
/// comparison list them.
pub fn care_types_in_words(types: &[CareType]) -> String {
    care_types_joined(types, td_string!(current(), detail.list_separator))
}

fn care_types_joined(types: &[CareType], separator: &str) -> String {
    types
        .iter()
        .map(|c| c.text())
        .collect::<Vec<_>>()
        .join(separator)
}

/// Every published fee with its care type ("全日托：1200 元/月；计时托：30 元/小时"); `None`
/// when the institution publishes none.
pub fn fees(inst: &Institution) -> Option<String> {
    let separator = td_string!(current(), detail.fee_separator);
    (!inst.fees.is_empty()).then(|| {
        inst.fees
            .iter()
            .map(|(care, fee)| fee_for(*care, fee))
            .collect::<Vec<_>>()
            .join(separator)
    })
}

/// "1,200 元/月": whole yuan without decimals, else one decimal.
pub fn fee(fee: &Fee) -> String {
    let amount = if fee.amount.fract() == 0.0 {
        format!("{}", fee.amount as i64)
    } else {
        format!("{:.1}", fee.amount)
    };
    td_string!(current(), labels.fee, amount, unit = fee.unit.text()).to_string()
}

/// "全日托：1200 元/月".
pub fn fee_for(care: CareType, amount: &Fee) -> String {
    td_string!(
        current(),
        labels.fee_for,
        care = care.text(),
        fee = fee(amount)
    )
    .to_string()
}

pub fn fee_unknown() -> &'static str {
    td_string!(current(), labels.fee_unknown)
}

/// A vacancy figure goes stale, so it never appears without its date.
pub fn vacancy(inst: &Institution) -> String {
    let l = current();
    match inst
        .places
        .as_ref()
        .and_then(|p| p.vacant.map(|v| (v, p.as_of)))
    {
        Some((count, as_of)) => with_as_of(vacancy_count(count), as_of),
        None => td_string!(l, labels.vacancy_unknown).to_owned(),
    }
}

/// "空位 3 个" / "暂无空位".
fn vacancy_count(count: u32) -> String {
    let l = current();
    match count {
        0 => td_string!(l, labels.vacancy_none).to_string(),
        count => td_string!(l, labels.vacancy_some, count).to_string(),
    }
}

/// A vacancy sentence with the date of its figure, when there is one.
fn with_as_of(vacancy: String, as_of: Option<NaiveDate>) -> String {
    match as_of {
        Some(date) => td_string!(
            current(),
            labels.vacancy_as_of,
            vacancy,
            date = date_short(date)
        )
        .to_string(),
        None => vacancy,
    }
}

pub fn registration(inst: &Institution) -> &'static str {
    match inst.registration.as_ref().map(|r| r.status) {
        Some(status) => status.text(),
        None => td_string!(current(), labels.registration_unknown),
    }
}

/// "850 米" / "850 m" below a kilometre, "1.2 公里" / "1.2 km" from there on (the core rounds).
pub fn distance(metres: f64) -> String {
    let l = current();
    match round_distance(metres) {
        None => "—".to_owned(),
        Some(Rounded::Metres(tens)) => {
            td_string!(l, labels.metres, n = format!("{tens:.0}")).to_string()
        }
        Some(Rounded::Kilometres(km)) => {
            td_string!(l, labels.kilometres, n = format!("{km:.1}")).to_string()
        }
    }
}

/// "距您 1.2 公里" on a card.
pub fn distance_from_you(metres: f64) -> String {
    td_string!(
        current(),
        labels.distance_from_you,
        distance = distance(metres)
    )
    .to_string()
}

pub fn date(date: NaiveDate) -> String {
    td_string!(
        current(),
        labels.date,
        year = date.year(),
        month = month(date),
        day = date.day()
    )
    .to_string()
}

fn date_short(date: NaiveDate) -> String {
    td_string!(
        current(),
        labels.date_short,
        month = month(date),
        day = date.day()
    )
    .to_string()
}

fn month(date: NaiveDate) -> &'static str {
    let l = current();
    match date.month() {
        1 => td_string!(l, labels.month_1),
        2 => td_string!(l, labels.month_2),
        3 => td_string!(l, labels.month_3),
        4 => td_string!(l, labels.month_4),
        5 => td_string!(l, labels.month_5),
        6 => td_string!(l, labels.month_6),
        7 => td_string!(l, labels.month_7),
        8 => td_string!(l, labels.month_8),
        9 => td_string!(l, labels.month_9),
        10 => td_string!(l, labels.month_10),
        11 => td_string!(l, labels.month_11),
        _ => td_string!(l, labels.month_12),
    }
}

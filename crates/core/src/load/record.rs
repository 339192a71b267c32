//! One institution record: every rule of the spec's Institution table.

use std::borrow::Cow;
use std::collections::HashMap;

use super::check::{quote, shorten, Checker};
use super::loose::Loose;
use super::parts::{
    age_range, care_types, features, fees, inspections, phone, places, quality, registration,
};
use super::stream::RawRecord;
use super::worries::{opening, prepayment};
use super::Revoked;
use crate::model::{Institution, Kind, Operator, RegistrationStatus};

// Boxing the institution would cost one more allocation per record, and the enum
// only ever lives on the stack for a moment.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Outcome {
    Listed(Institution),
    Revoked(Revoked),
    Bad {
        id: Option<String>,
        problems: Vec<(String, String)>,
    },
}

/// What a record is checked against: the region's area codes and the ids seen so far
/// (with the position of the record that first used each, for the message).
pub(crate) struct Context<'r, 'a> {
    pub area_codes: &'r [&'r str],
    /// Borrowed from the file's text, so remembering 100,000 ids copies none of them.
    pub seen_ids: HashMap<Cow<'a, str>, usize>,
}

/// The spec's id rule: 1–64 of `A-Z a-z 0-9 _ -` (also used for article slugs).
pub fn is_valid_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub(crate) fn check_record<'a>(
    index: usize,
    record: RawRecord<'a>,
    ctx: &mut Context<'_, 'a>,
) -> Outcome {
    let mut m = match record {
        RawRecord::Fields(m) => m,
        RawRecord::NotObject(kind) => {
            let message = format!("这条记录应为对象 {{…}}，实际是{kind}");
            return Outcome::Bad {
                id: None,
                problems: vec![(String::new(), message)],
            };
        }
        RawRecord::Unreadable(why) => {
            let message = format!("这条记录无法读取：{}", why.message());
            return Outcome::Bad {
                id: None,
                problems: vec![(String::new(), message)],
            };
        }
    };
    let mut c = Checker::default();

    // Kept borrowed: it is only copied out for a record that turns out bad.
    let raw_id = m.take("id");
    let shown_id = match &raw_id {
        Some(Loose::Str(s)) => Some(s.clone()),
        _ => None,
    };
    let id = match c.required("id", raw_id) {
        Some(Loose::Str(s)) => check_id(&mut c, index, s, ctx),
        Some(other) => c.string("id", other),
        None => None,
    };

    let name = c
        .required("name", m.take("name"))
        .and_then(|v| c.text("name", v, "名称", 100));
    let kind = c
        .required("kind", m.take("kind"))
        .and_then(|v| c.code("kind", v, "机构类型", &Kind::ALL, &Kind::CODES));
    let operator = m
        .take("operator")
        .and_then(|v| c.code("operator", v, "举办性质", &Operator::ALL, &Operator::CODES));
    let nonprofit = m.take("nonprofit").and_then(|v| c.boolean("nonprofit", v));
    let registration = m.take("registration").and_then(|v| registration(&mut c, v));
    let area = m
        .take("area")
        .and_then(|v| c.string("area", v))
        .and_then(|s| {
            if ctx.area_codes.contains(&s.as_str()) {
                Some(s)
            } else {
                let q = quote(&s);
                c.report("area", format!("{q}不是本数据 region.areas 里的镇街编码"));
                None
            }
        });
    let address = c
        .required("address", m.take("address"))
        .and_then(|v| c.text("address", v, "地址", 200));
    let location = c
        .required("location", m.take("location"))
        .and_then(|v| c.latlng("location", v));
    let phone = m.take("phone").and_then(|v| phone(&mut c, v));
    let care_types = c
        .required("care_types", m.take("care_types"))
        .and_then(|v| care_types(&mut c, v));
    let age_months = c
        .required("age_months", m.take("age_months"))
        .and_then(|v| age_range(&mut c, v));
    let puhui = c
        .required("puhui", m.take("puhui"))
        .and_then(|v| c.boolean("puhui", v));
    let fees = m.take("fees").map(|v| fees(&mut c, v));
    let places = m.take("places").and_then(|v| places(&mut c, v, age_months));
    let hours = c.optional_text("hours", m.take("hours"));
    let opening = m.take("opening").map(|v| opening(&mut c, v));
    let prepayment = m.take("prepayment").and_then(|v| prepayment(&mut c, v));
    let demonstration = m
        .take("demonstration")
        .and_then(|v| c.boolean("demonstration", v));
    let quality = m.take("quality").and_then(|v| quality(&mut c, v));
    let inspections = m.take("inspections").map(|v| inspections(&mut c, v));
    let open_to_public = m
        .take("open_to_public")
        .and_then(|v| c.boolean("open_to_public", v));
    let features = m.take("features").map(|v| features(&mut c, v));
    let updated = m.take("updated").and_then(|v| c.date("updated", v));

    let complete = (
        id, name, kind, address, location, care_types, age_months, puhui,
    );
    let (
        Some(id),
        Some(name),
        Some(kind),
        Some(address),
        Some(location),
        Some(ct),
        Some(age),
        Some(puhui),
    ) = complete
    else {
        return bad(shown_id.as_deref(), c);
    };
    if !c.is_clean() {
        return bad(shown_id.as_deref(), c);
    }
    let revoked = matches!(&registration, Some(r) if r.status == RegistrationStatus::Revoked);
    if revoked {
        return Outcome::Revoked(Revoked { id, name, updated });
    }
    Outcome::Listed(Institution {
        id,
        name,
        kind,
        operator,
        nonprofit,
        registration,
        area,
        address,
        location,
        phone,
        care_types: ct,
        age_months: age,
        puhui,
        fees: fees.unwrap_or_default(),
        places,
        hours,
        opening: opening.unwrap_or_default(),
        prepayment,
        demonstration: demonstration.unwrap_or(false),
        quality,
        inspections: inspections.unwrap_or_default(),
        open_to_public,
        features: features.unwrap_or_default(),
        updated,
    })
}

/// A left-out record: its id shortened once (every problem line names it, and a
/// 1,000,000-character id must not be copied for each), its problems capped.
fn bad(id: Option<&str>, c: Checker) -> Outcome {
    Outcome::Bad {
        id: id.map(shorten),
        problems: c.into_problems(),
    }
}

fn check_id<'a>(
    c: &mut Checker,
    index: usize,
    s: Cow<'a, str>,
    ctx: &mut Context<'_, 'a>,
) -> Option<String> {
    if !is_valid_id(&s) {
        let q = quote(&s);
        c.report(
            "id",
            format!("编号只能由 1–64 个英文字母、数字、“_”或“-”组成，而这里是{q}"),
        );
        return None;
    }
    // Any earlier record claims its id, even one that is itself bad: the spec says "an id
    // that an earlier record already has", and `/?id=` links must never be ambiguous.
    if let Some(&first) = ctx.seen_ids.get(s.as_ref()) {
        let n = first + 1;
        c.report(
            "id",
            format!("编号“{s}”与第 {n} 条记录重复（编号在文件内必须唯一）"),
        );
        return None;
    }
    ctx.seen_ids.insert(s.clone(), index);
    Some(s.into_owned())
}

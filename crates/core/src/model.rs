//! The typed, validated dataset (`tuoyu.dataset/1`: described for publishers in
//! `docs/dataset.md`, its JSON Schema is `public/data/dataset-v1.schema.json`).
//!
//! Serializing these types produces a spec-conformant file: the spec's key names and
//! enum codes, with absent optionals left out. Deserializing them is *not* validation —
//! files from publishers go through [`crate::load::load_dataset`].

use std::collections::BTreeMap;
use std::fmt;

use chrono::Datelike;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod worries;
pub use worries::{
    band_for, fits_weekdays, opening_on, AgeBand, Clock, Opening, Prepayment, MAX_PREPAY_MONTHS,
    WEEKDAYS,
};

/// A calendar date, serialized as `YYYY-MM-DD`.
pub type Date = chrono::NaiveDate;

/// Parses the spec's date form: exactly `YYYY-MM-DD`, and a day that exists.
///
/// Stricter than chrono's `%Y-%m-%d`, which also takes `2024-1-5`; a file that writes
/// dates two ways is usually a file whose dates were typed by hand and deserve a look.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return None;
    }
    if !digits(5..7) || !digits(8..10) {
        return None;
    }
    let year = s[0..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..10].parse().ok()?;
    Date::from_ymd_opt(year, month, day)
}

/// Formats a date the way the spec writes it.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Serde for a [`Date`] in JSON the app wrote itself (guide.json, copies kept on the phone):
/// `#[serde(with = "tuoyu_core::model::spec_date")]`. It reads with [`parse_date`], since
/// chrono's own reader brings its whole format-string parser into the wasm for this one
/// form, and writes as chrono does (`YYYY-MM-DD` for every year the spec allows).
pub mod spec_date {
    use std::fmt;

    use serde::de::{Error, Unexpected, Visitor};
    use serde::{Deserializer, Serialize, Serializer};

    use super::{parse_date, Date};

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Date, E> {
                parse_date(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every value, in the spec's order (which is also the sort order).
            pub const ALL: [Self; [$(stringify!($variant)),+].len()] = [$(Self::$variant),+];

            /// Every code, in the order of [`Self::ALL`].
            pub const CODES: [&'static str; [$(stringify!($variant)),+].len()] = [$($code),+];

            /// The code the spec and the URL use.
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value for a spec code; `None` for anything else (codes are case-sensitive).
            pub fn parse(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The Chinese label, for the publisher's tool, the loader's messages and the
            /// static first paint. The app words a code through `labels::Label::text` instead,
            /// in the interface's language.
            pub fn label_zh(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct CodeVisitor;
                impl serde::de::Visitor<'_> for CodeVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::parse(v).ok_or_else(|| E::unknown_variant(v, &[$($code),+]))
                    }
                }
                deserializer.deserialize_str(CodeVisitor)
            }
        }
    };
}

code_enum!(
    /// The coordinate system of every point in a file.
    Crs, "a coordinate system code" {
        Wgs84 => "WGS-84", "WGS-84";
        Gcj02 => "GCJ-02", "GCJ-02";
    }
);

code_enum!(
    /// What sort of provider an institution is.
    Kind, "an institution kind code" {
        Centre => "centre", "托育机构";
        Community => "community", "社区托育点";
        Kindergarten => "kindergarten", "幼儿园托班";
        Employer => "employer", "用人单位办托";
        Family => "family", "家庭托育点";
    }
);

code_enum!(
    /// A form of care. The declaration order is the order fees and chips are shown in.
    CareType, "a care type code" {
        FullDay => "full_day", "全日托";
        HalfDay => "half_day", "半日托";
        Hourly => "hourly", "计时托";
        Temporary => "temporary", "临时托";
    }
);

code_enum!(
    /// Who runs an institution.
    Operator, "an operator code" {
        Public => "public", "公办";
        Private => "private", "民办";
        PublicPrivate => "public_private", "公办民营";
        PrivatePublic => "private_public", "民办公助";
    }
);

code_enum!(
    /// Where an institution's 备案 stands.
    RegistrationStatus, "a registration status code" {
        Filed => "filed", "已备案";
        Pending => "pending", "备案中";
        Revoked => "revoked", "已注销";
    }
);

code_enum!(
    /// What a fee amount is charged per.
    FeeUnit, "a fee unit code" {
        Month => "month", "月";
        Day => "day", "天";
        Hour => "hour", "小时";
        Session => "session", "次";
    }
);

code_enum!(
    /// The WS/T 821—2023 quality grade.
    Grade, "a quality grade" {
        A => "A", "A级";
        B => "B", "B级";
        C => "C", "C级";
        D => "D", "D级";
    }
);

code_enum!(
    /// The outcome of a supervision check.
    InspectionResult, "an inspection result code" {
        Pass => "pass", "合格";
        Rectify => "rectify", "限期整改";
        Fail => "fail", "不合格";
    }
);

/// A point, in whatever coordinate system its context says.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

impl LatLng {
    pub const fn new(lat: f64, lng: f64) -> Self {
        Self { lat, lng }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema: String,
    pub title: String,
    pub publisher: String,
    pub published: Date,
    pub crs: Crs,
    #[serde(default, skip_serializing_if = "is_false")]
    pub sample: bool,
    pub region: Region,
    pub institutions: Vec<Institution>,
}

impl Dataset {
    /// The town or sub-district with this code, if the region lists it.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.region.areas.iter().find(|a| a.code == code)
    }

    /// The listed institution with this id.
    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub center: LatLng,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub center: LatLng,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<Operator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonprofit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub address: String,
    pub location: LatLng,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub care_types: Vec<CareType>,
    pub age_months: AgeRange,
    pub puhui: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fees: BTreeMap<CareType, Fee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Places>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Dataset 1.1: the structured week (empty = not given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opening: Vec<Opening>,
    /// Dataset 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepayment: Option<Prepayment>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub demonstration: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspections: Vec<Inspection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_to_public: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
}

impl Institution {
    /// The fee a card shows: the first of `preferred` (in care-type order) that has a
    /// fee, else the first fee in care-type order. With no fees at all, `None`.
    pub fn main_fee(&self, preferred: &[CareType]) -> Option<(CareType, Fee)> {
        self.fees
            .iter()
            .find(|(t, _)| preferred.contains(t))
            .or_else(|| self.fees.iter().next())
            .map(|(t, f)| (*t, *f))
    }

    /// Takes only the children of its own employees: the publisher said so
    /// (`open_to_public: false`); a record that does not say is taken as open.
    pub fn employer_only(&self) -> bool {
        self.open_to_public == Some(false)
    }

    /// The number of free places, when the publisher gave one.
    pub fn vacant(&self) -> Option<u32> {
        self.places.as_ref().and_then(|p| p.vacant)
    }

    /// The vacancy figure for a child of `age` months: the band's when the publisher gave
    /// bands (`None` when no band holds the age), else the institution's. The spec's rule
    /// for `vacant=1&age=…`, and what the card shows.
    pub fn vacant_for(&self, age: Option<u8>) -> Option<u32> {
        let places = self.places.as_ref()?;
        match age {
            Some(a) if !places.by_age.is_empty() => band_for(&places.by_age, a).map(|b| b.vacant),
            _ => places.vacant,
        }
    }

    /// The most recent inspection; on equal dates, the one listed last.
    pub fn latest_inspection(&self) -> Option<&Inspection> {
        self.inspections.iter().max_by_key(|i| i.date)
    }

    pub fn offers(&self, care_type: CareType) -> bool {
        self.care_types.contains(&care_type)
    }

    pub fn takes_age(&self, months: u8) -> bool {
        self.age_months.min <= months && months <= self.age_months.max
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Registration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub status: RegistrationStatus,
}

/// The ages an institution takes, in whole months, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub min: u8,
    pub max: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    /// Yuan.
    pub amount: f64,
    pub unit: FeeUnit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacant: Option<u32>,
    /// The vacancy figure goes stale fast, so parents are shown its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Dataset 1.1: vacancies by age band, with the same `as_of` (empty = not given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_age: Vec<AgeBand>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    pub grade: Grade,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub date: Date,
    pub result: InspectionResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

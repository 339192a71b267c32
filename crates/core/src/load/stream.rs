//! The file streamed into what the loader needs: the known top-level keys as small trees,
//! and `institutions` record by record into slots, in one pass ([`Mode::Fast`]) or, for a
//! file serde_json refuses, value by value ([`Mode::Tolerant`], see `tolerant.rs`).

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use super::loose::{Key, Loose, Object, Unreadable, ARRAY, BOOL, NULL, NUMBER, OBJECT, TEXT};
use super::tolerant;
use super::TopField;

/// A record's known keys, sorted into slots while it is parsed: unknown keys are skipped
/// without being stored, and no per-record key list is built. Later duplicates of a key
/// win and `null` counts as absent, as with [`super::loose::take`].
pub(crate) struct Fields<'a>([Option<Loose<'a>>; 24]);

impl<'a> Fields<'a> {
    pub(super) fn slot(key: &str) -> Option<usize> {
        Some(match key {
            "id" => 0,
            "name" => 1,
            "kind" => 2,
            "operator" => 3,
            "nonprofit" => 4,
            "registration" => 5,
            "area" => 6,
            "address" => 7,
            "location" => 8,
            "phone" => 9,
            "care_types" => 10,
            "age_months" => 11,
            "puhui" => 12,
            "fees" => 13,
            "places" => 14,
            "hours" => 15,
            "demonstration" => 16,
            "quality" => 17,
            "inspections" => 18,
            "open_to_public" => 19,
            "features" => 20,
            "updated" => 21,
            "opening" => 22,
            "prepayment" => 23,
            _ => return None,
        })
    }

    pub fn take(&mut self, key: &str) -> Option<Loose<'a>> {
        Self::slot(key).and_then(|i| self.0[i].take())
    }
}

/// One element of `institutions`. Not boxed: measured, one allocation per record cost
/// more than moving the slots.
#[allow(clippy::large_enum_variant)]
pub(crate) enum RawRecord<'a> {
    Fields(Fields<'a>),
    /// The JSON type it has instead.
    NotObject(&'static str),
    /// An object whose keys cannot be read (a key with a lone surrogate).
    Unreadable(Unreadable),
}

/// How values are read. `Fast` is one pass with serde_json's own parser, which refuses the
/// whole file for one number beyond f64 or one lone surrogate; when it does, the file is
/// read again `Tolerant`ly, where such values become [`Loose::Unreadable`] and cost only the
/// record (or the top-level field) that holds them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Fast,
    Tolerant,
}

impl Mode {
    /// The next map value: parsed at once, or captured and then read tolerantly.
    fn next_value<'de, A: MapAccess<'de>>(self, map: &mut A) -> Result<Loose<'de>, A::Error> {
        match self {
            Mode::Fast => map.next_value(),
            Mode::Tolerant => Ok(tolerant::value(map.next_value()?, 0)),
        }
    }
}

/// The file as the loader needs it: top-level keys as a small tree, `institutions`
/// streamed record by record into slots.
pub(crate) enum Root<'a> {
    Object {
        top: Object<'a>,
        /// `None` when the key is absent or `null`.
        institutions: Option<Result<Vec<RawRecord<'a>>, NotRecords>>,
    },
    NotObject,
}

/// Visits a value that is not the expected container, consuming it, and reports its
/// JSON type.
struct KindOnly;

impl<'de> Visitor<'de> for KindOnly {
    type Value = &'static str;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<&'static str, E> {
        Ok(NULL)
    }
    fn visit_none<E: de::Error>(self) -> Result<&'static str, E> {
        Ok(NULL)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<&'static str, E> {
        Ok(BOOL)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<&'static str, E> {
        Ok(NUMBER)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<&'static str, E> {
        Ok(TEXT)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<&'static str, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(ARRAY)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<&'static str, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(OBJECT)
    }
}

/// Delegates every scalar and the "other" container to [`KindOnly`], so each visitor
/// below only spells out the container it expects.
macro_rules! other_kinds {
    ($wrap:expr; $($method:ident($($arg:ty)?)),*) => {
        $(
            fn $method<E: de::Error>(self $(, v: $arg)?) -> Result<Self::Value, E> {
                KindOnly.$method($(v as $arg)?).map($wrap)
            }
        )*
    };
}

impl<'de> Deserialize<'de> for RawRecord<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RecordSeed(Mode::Fast).deserialize(d)
    }
}

pub(super) struct RecordSeed(pub Mode);

impl<'de> DeserializeSeed<'de> for RecordSeed {
    type Value = RawRecord<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawRecord<'de>, D::Error> {
        struct RecordVisitor(Mode);
        impl<'de> Visitor<'de> for RecordVisitor {
            type Value = RawRecord<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an institution record")
            }
            other_kinds!(RawRecord::NotObject; visit_unit(), visit_none(), visit_bool(bool),
                visit_u64(u64), visit_i64(i64), visit_f64(f64), visit_str(&str));
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                KindOnly.visit_seq(seq).map(RawRecord::NotObject)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Fields(std::array::from_fn(|_| None));
                while let Some(Key(k)) = map.next_key::<Key>()? {
                    match Fields::slot(&k) {
                        Some(i) => {
                            let v = self.0.next_value(&mut map)?;
                            fields.0[i] = (!v.is_null()).then_some(v);
                        }
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(RawRecord::Fields(fields))
            }
        }
        d.deserialize_any(RecordVisitor(self.0))
    }
}

/// `institutions`: an array streamed into records, `null`, or something else.
struct Records<'a>(Option<Result<Vec<RawRecord<'a>>, NotRecords>>);

/// Why `institutions` gives no records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotRecords {
    NotArray,
    /// More than [`super::MAX_RECORDS`]: each costs a few hundred bytes before it is checked,
    /// so a file of `{},{},…` would otherwise take gigabytes.
    TooMany,
}

struct RecordsSeed(Mode);

impl<'de> DeserializeSeed<'de> for RecordsSeed {
    type Value = Records<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Records<'de>, D::Error> {
        struct RecordsVisitor(Mode);
        impl<'de> Visitor<'de> for RecordsVisitor {
            type Value = Records<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of records")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Records(None))
            }
            other_kinds!(|_| Records(Some(Err(NotRecords::NotArray))); visit_bool(bool), visit_u64(u64),
                visit_i64(i64), visit_f64(f64), visit_str(&str));
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                KindOnly
                    .visit_map(map)
                    .map(|_| Records(Some(Err(NotRecords::NotArray))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut records = Vec::new();
                loop {
                    if records.len() == super::MAX_RECORDS {
                        while seq.next_element::<IgnoredAny>()?.is_some() {}
                        return Ok(Records(Some(Err(NotRecords::TooMany))));
                    }
                    let record = match self.0 {
                        Mode::Fast => seq.next_element()?,
                        Mode::Tolerant => seq.next_element()?.map(tolerant::record),
                    };
                    match record {
                        Some(r) => records.push(r),
                        None => return Ok(Records(Some(Ok(records)))),
                    }
                }
            }
        }
        d.deserialize_any(RecordsVisitor(self.0))
    }
}

impl<'de> Deserialize<'de> for Root<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        RootSeed(Mode::Fast).deserialize(d)
    }
}

pub(super) struct RootSeed(pub Mode);

impl<'de> DeserializeSeed<'de> for RootSeed {
    type Value = Root<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Root<'de>, D::Error> {
        struct RootVisitor(Mode);
        impl<'de> Visitor<'de> for RootVisitor {
            type Value = Root<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a dataset object")
            }
            other_kinds!(|_| Root::NotObject; visit_unit(), visit_none(), visit_bool(bool),
                visit_u64(u64), visit_i64(i64), visit_f64(f64), visit_str(&str));
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                KindOnly.visit_seq(seq).map(|_| Root::NotObject)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut top = Vec::new();
                let mut institutions = None;
                while let Some(Key(k)) = map.next_key::<Key>()? {
                    // Every key but the loader's own is skipped unparsed, at any depth, as
                    // unknown keys inside a record are.
                    match TopField::parse(&k) {
                        Some(TopField::Institutions) => {
                            institutions = map.next_value_seed(RecordsSeed(self.0))?.0;
                        }
                        Some(_) => top.push((k, self.0.next_value(&mut map)?)),
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Root::Object { top, institutions })
            }
        }
        d.deserialize_any(RootVisitor(self.0))
    }
}

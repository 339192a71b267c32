//! A JSON tree that borrows its strings from the file and keeps objects as plain vectors.
//!
//! `serde_json::Value` allocates every key and string and builds a B-tree per object; on
//! 100,000 records that alone took most of a second. This tree allocates once per object
//! or array and only for strings with escapes, which makes loading several times faster,
//! while still letting the checker see a value of the wrong type and say so.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

pub(crate) type Object<'a> = Vec<(Cow<'a, str>, Loose<'a>)>;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loose<'a> {
    Null,
    Bool(bool),
    U64(u64),
    /// Only negative integers; serde_json reports non-negative ones as `U64`.
    I64(i64),
    F64(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Loose<'a>>),
    Obj(Object<'a>),
}

const NULL: &str = "空值 null";
const BOOL: &str = "true/false";
const NUMBER: &str = "数字";
const TEXT: &str = "文本";
const ARRAY: &str = "数组";
const OBJECT: &str = "对象";

impl Loose<'_> {
    pub fn is_null(&self) -> bool {
        matches!(self, Loose::Null)
    }

    /// The JSON type in Chinese, for "应为…，实际是…".
    pub fn kind(&self) -> &'static str {
        match self {
            Loose::Null => NULL,
            Loose::Bool(_) => BOOL,
            Loose::U64(_) | Loose::I64(_) | Loose::F64(_) => NUMBER,
            Loose::Str(_) => TEXT,
            Loose::Arr(_) => ARRAY,
            Loose::Obj(_) => OBJECT,
        }
    }

    /// The value as a short text for a message: scalars as written, containers elided.
    pub fn short(&self) -> String {
        match self {
            Loose::Null => "null".to_owned(),
            Loose::Bool(b) => b.to_string(),
            Loose::U64(n) => n.to_string(),
            Loose::I64(n) => n.to_string(),
            Loose::F64(x) => x.to_string(),
            Loose::Str(s) => s.to_string(),
            Loose::Arr(_) => "[…]".to_owned(),
            Loose::Obj(_) => "{…}".to_owned(),
        }
    }
}

/// Removes a key (the last one, if the file repeats it, as `serde_json` would keep);
/// JSON `null` counts as absent, which is how most export tools write an empty cell.
pub(crate) fn take<'a>(obj: &mut Object<'a>, key: &str) -> Option<Loose<'a>> {
    let at = obj.iter().rposition(|(k, _)| k == key)?;
    match obj.swap_remove(at).1 {
        Loose::Null => None,
        v => Some(v),
    }
}

/// A key that borrows from the input when it has no escapes (serde's own `Cow<str>`
/// always copies).
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Loose<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose<'de>, E> {
        Ok(Loose::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose<'de>, E> {
        Ok(Loose::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose<'de>, E> {
        Ok(Loose::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose<'de>, E> {
        Ok(Loose::U64(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose<'de>, E> {
        Ok(u64::try_from(v).map_or(Loose::I64(v), Loose::U64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose<'de>, E> {
        Ok(Loose::F64(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Loose<'de>, E> {
        Ok(Loose::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose<'de>, E> {
        Ok(Loose::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose<'de>, E> {
        Ok(Loose::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Loose::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some((Key(k), v)) = map.next_entry::<Key, Loose>()? {
            entries.push((k, v));
        }
        Ok(Loose::Obj(entries))
    }
}

/// A record's known keys, sorted into slots while it is parsed: unknown keys are skipped
/// without being stored, and no per-record key list is built. Later duplicates of a key
/// win and `null` counts as absent, as with [`take`].
pub(crate) struct Fields<'a>([Option<Loose<'a>>; 22]);

impl<'a> Fields<'a> {
    fn slot(key: &str) -> Option<usize> {
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
}

/// The file as the loader needs it: top-level keys as a small tree, `institutions`
/// streamed record by record into slots.
pub(crate) enum Root<'a> {
    Object {
        top: Object<'a>,
        /// `None` when the key is absent or `null`; `Err` holds the type it has instead.
        institutions: Option<Result<Vec<RawRecord<'a>>, &'static str>>,
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
        struct RecordVisitor;
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
                            let v: Loose = map.next_value()?;
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
        d.deserialize_any(RecordVisitor)
    }
}

/// `institutions`: an array streamed into records, `null`, or something else.
struct Records<'a>(Option<Result<Vec<RawRecord<'a>>, &'static str>>);

impl<'de> Deserialize<'de> for Records<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RecordsVisitor;
        impl<'de> Visitor<'de> for RecordsVisitor {
            type Value = Records<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of records")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Records(None))
            }
            other_kinds!(|k| Records(Some(Err(k))); visit_bool(bool), visit_u64(u64),
                visit_i64(i64), visit_f64(f64), visit_str(&str));
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                KindOnly.visit_map(map).map(|k| Records(Some(Err(k))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut records = Vec::new();
                while let Some(r) = seq.next_element()? {
                    records.push(r);
                }
                Ok(Records(Some(Ok(records))))
            }
        }
        d.deserialize_any(RecordsVisitor)
    }
}

impl<'de> Deserialize<'de> for Root<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RootVisitor;
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
                    if k == super::TopField::Institutions.key() {
                        institutions = map.next_value::<Records>()?.0;
                    } else {
                        top.push((k, map.next_value()?));
                    }
                }
                Ok(Root::Object { top, institutions })
            }
        }
        d.deserialize_any(RootVisitor)
    }
}

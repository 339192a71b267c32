//! A JSON tree that borrows its strings from the file and keeps objects as plain vectors.
//!
//! `serde_json::Value` allocates every key and string and builds a B-tree per object; on
//! 100,000 records that alone took most of a second. This tree allocates once per object
//! or array and only for strings with escapes, which makes loading several times faster,
//! while still letting the checker see a value of the wrong type and say so.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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
    /// Valid JSON this app cannot hold (see [`super::tolerant`]): the record or the field
    /// that needs it is refused, the rest of the file is still read.
    Unreadable(Unreadable),
}

/// Why a value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Beyond an f64: `1e400`, `-1e400`, a number of thousands of digits.
    Number,
    /// A `\u` escape that is no character: a lone surrogate such as `\ud800`.
    Text,
    /// Nested deeper than the parser's limit (128), or than any value of the spec.
    Deep,
}

impl Unreadable {
    /// serde_json says which of its rules failed only in the error's text.
    pub fn of(e: &serde_json::Error) -> Self {
        let text = e.to_string();
        if text.starts_with("number out of range") {
            Unreadable::Number
        } else if text.starts_with("recursion limit") {
            Unreadable::Deep
        } else {
            Unreadable::Text
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Unreadable::Number => "数字超出能读取的范围（如 1e400 或几千位的数）",
            Unreadable::Text => "文本里有不代表任何字符的转义（如单独的 \\ud800）",
            Unreadable::Deep => "嵌套的层数太多",
        }
    }
}

pub(super) const NULL: &str = "空值 null";
pub(super) const BOOL: &str = "true/false";
pub(super) const NUMBER: &str = "数字";
pub(super) const TEXT: &str = "文本";
pub(super) const ARRAY: &str = "数组";
pub(super) const OBJECT: &str = "对象";
const UNREADABLE: &str = "无法读取的值";

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
            Loose::Unreadable(_) => UNREADABLE,
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
            Loose::Unreadable(_) => "…".to_owned(),
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
pub(super) struct Key<'a>(pub Cow<'a, str>);

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

pub(super) struct LooseVisitor;

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

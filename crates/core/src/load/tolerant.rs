//! The second reading of a file that serde_json refused although it is valid JSON: a number
//! beyond f64 (`1e400`, a 5,000-digit integer), a lone surrogate escape (`"\ud800"`), or a
//! value nested beyond the parser's depth limit. serde_json stops the whole parse at such a
//! value, but skips it unparsed (`RawValue`) without complaint; so here every value is first
//! captured raw, then parsed on its own, and only the values that fail become
//! [`Loose::Unreadable`]. The spec's rule then applies as to any bad value: the record that
//! needs it is left out and named, an unknown key holding it is ignored.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::loose::{Key, Loose, LooseVisitor, Unreadable};
use super::stream::{Mode, RawRecord, RecordSeed};

/// Containers the tolerant reading opens one by one below a value that failed; the spec's
/// deepest value (`region.areas[i].center.lat`) is 4 below a top-level key, and each level
/// costs one more pass over what it holds, so a hostile nest costs at most this many passes.
const MAX_DEPTH: u8 = 8;

/// One value, read at serde_json's speed when it can be, else opened to find what fails.
pub(super) fn value<'de>(raw: &'de RawValue, depth: u8) -> Loose<'de> {
    let text = raw.get();
    match serde_json::from_str::<Loose>(text) {
        Ok(v) => v,
        Err(e) => {
            let mut de = serde_json::Deserializer::from_str(text);
            let opened = (depth < MAX_DEPTH)
                .then(|| Children(depth + 1).deserialize(&mut de).ok())
                .flatten();
            opened.unwrap_or_else(|| Loose::Unreadable(Unreadable::of(&e)))
        }
    }
}

/// One element of `institutions`: as fast as a good record allows, else field by field.
pub(super) fn record(raw: &RawValue) -> RawRecord<'_> {
    let text = raw.get();
    serde_json::from_str::<RawRecord>(text).unwrap_or_else(|e| {
        let mut de = serde_json::Deserializer::from_str(text);
        RecordSeed(Mode::Tolerant)
            .deserialize(&mut de)
            .unwrap_or_else(|_| RawRecord::Unreadable(Unreadable::of(&e)))
    })
}

/// A container whose children are each captured raw and read with [`value`]. A scalar
/// that failed fails here again, and [`value`] names why.
struct Children(u8);

impl<'de> DeserializeSeed<'de> for Children {
    type Value = Loose<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Loose<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Children {
    type Value = Loose<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        LooseVisitor.expecting(f)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(raw) = seq.next_element()? {
            items.push(value(raw, self.0));
        }
        Ok(Loose::Arr(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(k)) = map.next_key()? {
            entries.push((k, value(map.next_value()?, self.0)));
        }
        Ok(Loose::Obj(entries))
    }
}

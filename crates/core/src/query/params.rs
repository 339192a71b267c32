//! Reading and writing single parameters: each malformed value becomes a note.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{NoteKind, QueryNote};
use crate::coords::in_china_bounds;
use crate::load::check::quote;
use crate::load::is_valid_id;
use crate::model::LatLng;

pub(super) const PARAMS: [&str; 17] = [
    "data", "types", "puhui", "age", "near", "radius", "area", "kind", "vacant", "q", "sort", "id",
    "view", "page", "article", "born", "compare",
];

/// What stays literal in a query value: the spec's examples (`full_day,hourly`,
/// `23.7431,114.6972`, `/data/other.json`) read as written when a link is shared.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',')
    .remove(b'/')
    .remove(b':');

/// The first non-empty value of each known parameter.
pub(super) struct Raw<'a>([Option<&'a str>; PARAMS.len()]);

impl<'a> Raw<'a> {
    pub fn collect<I: IntoIterator<Item = (&'a str, &'a str)>>(pairs: I) -> Self {
        let mut raw = Raw([None; PARAMS.len()]);
        for (key, value) in pairs {
            let Some(i) = PARAMS.iter().position(|p| *p == key) else {
                continue;
            };
            if raw.0[i].is_none() && !value.trim().is_empty() {
                raw.0[i] = Some(value);
            }
        }
        raw
    }

    pub fn get(&self, param: &str) -> Option<&'a str> {
        PARAMS
            .iter()
            .position(|p| *p == param)
            .and_then(|i| self.0[i])
    }
}

pub(super) struct Notes(pub Vec<QueryNote>);

impl Notes {
    pub fn add(&mut self, param: &str, value: &str, kind: NoteKind, message: String) {
        self.0.push(QueryNote {
            param: param.to_owned(),
            value: value.to_owned(),
            kind,
            message,
        });
    }

    /// `shown`: the part of `value` that was not understood.
    pub fn unknown(&mut self, param: &str, value: &str, shown: &str, what: &str) {
        self.add(
            param,
            value,
            NoteKind::Unrecognised {
                shown: shown.to_owned(),
            },
            format!("忽略了无法识别的{what}{}", quote(shown)),
        );
    }
}

/// A comma list of codes: the known ones kept (first occurrence, in the given order),
/// the unknown ones named in a note.
pub(super) fn code_list<T: PartialEq>(
    notes: &mut Notes,
    param: &str,
    value: Option<&str>,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for item in value
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match parse(item) {
            Some(t) if !out.contains(&t) => out.push(t),
            Some(_) => {}
            None => unknown.push(item),
        }
    }
    if let (Some(v), false) = (value, unknown.is_empty()) {
        notes.unknown(param, v, &unknown.join(","), what);
    }
    out
}

pub(super) fn flag(notes: &mut Notes, param: &str, value: Option<&str>, what: &str) -> bool {
    let Some(v) = value else { return false };
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" => true,
        "0" | "false" => false,
        _ => {
            notes.add(
                param,
                v,
                NoteKind::NotAFlag,
                format!("忽略了无法识别的{what}筛选值{}（应为 1 或 0）", quote(v)),
            );
            false
        }
    }
}

/// `lat,lng` in WGS-84, inside the spec's China box.
pub fn parse_near(value: &str) -> Option<LatLng> {
    let (lat, lng) = value.split_once(',')?;
    let p = LatLng::new(lat.trim().parse().ok()?, lng.trim().parse().ok()?);
    in_china_bounds(p).then_some(p)
}

/// Encodes pairs as a query string (`""` for none).
pub fn encode_pairs(pairs: &[(&'static str, String)]) -> String {
    let mut s = String::new();
    for (k, v) in pairs {
        s.push(if s.is_empty() { '?' } else { '&' });
        s.push_str(k);
        s.push('=');
        s.extend(utf8_percent_encode(v, VALUE));
    }
    s
}

pub(super) fn join_codes<T: Copy + PartialEq>(items: &[T], code: fn(T) -> &'static str) -> String {
    let mut seen: Vec<T> = Vec::with_capacity(items.len());
    for t in items {
        if !seen.contains(t) {
            seen.push(*t);
        }
    }
    seen.into_iter().map(code).collect::<Vec<_>>().join(",")
}

pub(super) fn slug(
    notes: &mut Notes,
    param: &str,
    value: Option<&str>,
    what: &str,
) -> Option<String> {
    let v = value?;
    let t = v.trim();
    if is_valid_id(t) {
        Some(t.to_owned())
    } else {
        notes.unknown(param, v, v, what);
        None
    }
}

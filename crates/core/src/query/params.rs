//! Reading and writing single parameters: each malformed value becomes a note.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::{NoteKind, QueryNote};
use crate::coords::in_china_bounds;
use crate::load::check::quote;
use crate::load::is_valid_id;
use crate::model::{Clock, LatLng, MAX_PREPAY_MONTHS};

/// A parameter of the address (`docs/finder-url.md`), in the spec's order, which is the order
/// they are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Param {
    Data,
    /// `region=`: with a catalogue, the entry listed (`catalogue-v1.md`).
    Region,
    Types,
    Puhui,
    Age,
    Near,
    Radius,
    Area,
    Kind,
    Vacant,
    /// `public=1`: an addition to the spec's parameters (see `Filter::public_only`).
    Public,
    Q,
    From,
    Until,
    Prepay,
    Sort,
    Id,
    View,
    Page,
    Article,
    Born,
    Compare,
}

impl Param {
    pub const ALL: [Param; 22] = [
        Param::Data,
        Param::Region,
        Param::Types,
        Param::Puhui,
        Param::Age,
        Param::Near,
        Param::Radius,
        Param::Area,
        Param::Kind,
        Param::Vacant,
        Param::Public,
        Param::Q,
        Param::From,
        Param::Until,
        Param::Prepay,
        Param::Sort,
        Param::Id,
        Param::View,
        Param::Page,
        Param::Article,
        Param::Born,
        Param::Compare,
    ];

    /// The name in the address.
    pub fn as_str(self) -> &'static str {
        match self {
            Param::Data => "data",
            Param::Region => "region",
            Param::Types => "types",
            Param::Puhui => "puhui",
            Param::Age => "age",
            Param::Near => "near",
            Param::Radius => "radius",
            Param::Area => "area",
            Param::Kind => "kind",
            Param::Vacant => "vacant",
            Param::Public => "public",
            Param::Q => "q",
            Param::From => "from",
            Param::Until => "until",
            Param::Prepay => "prepay",
            Param::Sort => "sort",
            Param::Id => "id",
            Param::View => "view",
            Param::Page => "page",
            Param::Article => "article",
            Param::Born => "born",
            Param::Compare => "compare",
        }
    }

    pub fn parse(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

impl PartialEq<&str> for Param {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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

/// What WeChat appends to every link shared from it (`from=singlemessage`, …): the same
/// name as the spec's drop-off time, so these values are not the parent's and are passed
/// over without a note, which every link from a chat would otherwise carry.
const WECHAT_FROM: [&str; 3] = ["singlemessage", "groupmessage", "timeline"];

/// The first non-empty value of each known parameter.
pub(super) struct Raw<'a>([Option<&'a str>; Param::ALL.len()]);

impl<'a> Raw<'a> {
    pub fn collect<I: IntoIterator<Item = (&'a str, &'a str)>>(pairs: I) -> Self {
        let mut raw = Raw([None; Param::ALL.len()]);
        for (key, value) in pairs {
            let Some(param) = Param::parse(key) else {
                continue;
            };
            if param == Param::From && WECHAT_FROM.contains(&value) {
                continue;
            }
            let slot = &mut raw.0[param as usize];
            if slot.is_none() && !value.trim().is_empty() {
                *slot = Some(value);
            }
        }
        raw
    }

    pub fn get(&self, param: Param) -> Option<&'a str> {
        self.0[param as usize]
    }

    /// A parameter with its value, for the readers below.
    pub fn pair(&self, param: Param) -> (Param, Option<&'a str>) {
        (param, self.get(param))
    }
}

pub(super) struct Notes(pub Vec<QueryNote>);

impl Notes {
    pub fn add(&mut self, param: Param, value: &str, kind: NoteKind, message: String) {
        self.0.push(QueryNote {
            param,
            value: value.to_owned(),
            kind,
            message,
        });
    }

    /// `shown`: the part of `value` that was not understood.
    pub fn unknown(&mut self, param: Param, value: &str, shown: &str, what: &str) {
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
    (param, value): (Param, Option<&str>),
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

pub(super) fn flag(notes: &mut Notes, (param, value): (Param, Option<&str>), what: &str) -> bool {
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
    let p = LatLng::new(parse_decimal(lat.trim())?, parse_decimal(lng.trim())?);
    in_china_bounds(p).then_some(p)
}

/// A number written as `f64::from_str` takes it (`23.7`, `+23.7`, `.5`, `5.`, `2e1`, leading
/// zeros), with the same correctly rounded value. Read by serde_json, whose float parser the
/// loader already brings into the wasm: `f64::from_str` would add its own code and tables,
/// 14 KB of the download after compression. Its `inf` and `nan` are refused here, which
/// changes nothing for a position: neither is inside China.
fn parse_decimal(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || !exponent_ok {
        return None;
    }
    // The same number in JSON's stricter form: no `+`, no leading zeros, digits on both
    // sides of a point.
    let mut json = String::with_capacity(s.len() + 1);
    if s.starts_with('-') {
        json.push('-');
    }
    let int = int.trim_start_matches('0');
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    serde_json::from_str(&json).ok()
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

/// `HH:MM`, 00:00–24:00 (`from`, `until`).
pub(super) fn clock(
    notes: &mut Notes,
    (param, value): (Param, Option<&str>),
    what: &str,
) -> Option<Clock> {
    let v = value?;
    let t = Clock::parse(v.trim());
    if t.is_none() {
        notes.unknown(param, v, v, what);
    }
    t
}

/// A number of months, 0–12 (`prepay`).
pub(super) fn months(
    notes: &mut Notes,
    (param, value): (Param, Option<&str>),
    what: &str,
) -> Option<u8> {
    let v = value?;
    let m = v
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|m| *m <= MAX_PREPAY_MONTHS);
    if m.is_none() {
        notes.unknown(param, v, v, what);
    }
    m
}

pub(super) fn slug(
    notes: &mut Notes,
    (param, value): (Param, Option<&str>),
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::parse_decimal;

    /// What `f64::from_str` makes of `s`, where the app could use it: a finite number.
    fn std_parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    fn same(s: &str) {
        let ours = parse_decimal(s);
        let std = std_parse(s);
        // Out of range: from_str says infinity, serde_json says no; neither is a position.
        let overflow = std.is_none() && s.parse::<f64>().is_ok_and(f64::is_infinite);
        if overflow {
            assert_eq!(ours, None, "{s:?}");
        } else {
            assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{s:?}");
        }
    }

    #[test]
    fn reads_what_from_str_reads() {
        for s in [
            "0",
            "-0",
            "+0",
            "00",
            "23.7431",
            "114.6972",
            "+23.7",
            "-23.7",
            ".5",
            "5.",
            "-.5",
            "+5.",
            "007.50",
            "2e1",
            "2E1",
            "2e+1",
            "2e-1",
            "2.e1",
            ".2e1",
            "1e0010",
            "0e999999",
            "1e-400",
            "1e400",
            "-1e400",
            "123456789012345678901234567890",
            "23.743123456789012345678901234567890",
            "4.9e-324",
            "2.4703282292062327e-324",
            "1.7976931348623157e308",
            "9007199254740993",
            "",
            ".",
            "+",
            "-",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "1e5e3",
            "++1",
            "+-1",
            "1 ",
            " 1",
            "1,2",
            "0x10",
            "inf",
            "-inf",
            "infinity",
            "NaN",
            "nan",
            "1_000",
            "١",
            "23.7\u{0}",
        ] {
            same(s);
        }
    }

    proptest! {
        #[test]
        fn reads_every_written_float_as_from_str(x in any::<f64>()) {
            for s in [format!("{x}"), format!("{x:e}"), format!("{x:?}"), format!("+{x}")] {
                same(&s);
            }
        }

        #[test]
        fn reads_every_decimal_shape_as_from_str(
            sign in "[+-]?",
            int in "[0-9]{0,25}",
            point in "\\.?",
            frac in "[0-9]{0,25}",
            exp in "([eE][+-]?[0-9]{1,4})?",
        ) {
            same(&format!("{sign}{int}{point}{frac}{exp}"));
        }
    }
}

//! Typed reads of JSON values that record *every* problem instead of stopping at the
//! first: a publisher fixing a file wants the whole list in one go.

use super::loose::{take, Loose, Object};
use crate::coords::in_china_bounds;
use crate::model::{parse_date, Date, LatLng};

/// A field path, built only when there is something to report: formatting a path for
/// every field of 100,000 good records would cost more than validating them.
pub(crate) trait FieldPath {
    fn path(&self) -> String;
}

impl FieldPath for &str {
    fn path(&self) -> String {
        (*self).to_owned()
    }
}

impl<F: Fn() -> String> FieldPath for F {
    fn path(&self) -> String {
        self()
    }
}

/// How many characters of a value from the file a message quotes.
const QUOTED_CHARS: usize = 40;

/// A value from the file cut to [`QUOTED_CHARS`] characters and "…", so a hostile or broken
/// file cannot flood the 数据说明 panel, nor make each message cost the value's size.
/// Shortening a shortened value changes nothing.
pub fn shorten(s: &str) -> String {
    match clip(s, QUOTED_CHARS) {
        Some(head) => format!("{head}…"),
        None => s.to_owned(),
    }
}

/// The first `max` characters of `s`, or `None` when `s` has no more than that. Views draw
/// no more of one field than this (a 60 MB `hours` laid out in one box froze a phone).
pub fn clip(s: &str, max: usize) -> Option<&str> {
    s.char_indices().nth(max).map(|(at, _)| &s[..at])
}

/// Quotes a value from the file for a message, [`shorten`]ed.
pub fn quote(s: &str) -> String {
    format!("“{}”", shorten(s))
}

/// The problems kept for one record (or the file's top level): enough for a publisher to
/// see what is wrong, while a record of 5,000 bad values costs no more than a few.
pub const MAX_PROBLEMS_PER_RECORD: usize = 20;

#[derive(Default)]
pub(crate) struct Checker {
    pub problems: Vec<(String, String)>,
    /// Problems found beyond [`MAX_PROBLEMS_PER_RECORD`]: counted, not worded.
    pub unlisted: usize,
}

// Each method taking `impl FieldPath` is generic over the caller's path closure, and every
// call site has a closure type of its own: written out in full, every check was compiled
// again (and inlined) at each of its ~80 call sites. The generic methods below only turn the
// path into a `&dyn FieldPath` and call a body compiled once (the `*_at` functions).
impl Checker {
    pub fn report(&mut self, path: impl FieldPath + Copy, message: impl Into<String>) {
        self.report_at(&path, message.into());
    }

    fn report_at(&mut self, path: &dyn FieldPath, message: String) {
        if self.problems.len() < MAX_PROBLEMS_PER_RECORD {
            self.problems.push((path.path(), message));
        } else {
            self.unlisted += 1;
        }
    }

    pub fn is_clean(&self) -> bool {
        self.count() == 0
    }

    /// Every problem found, listed or not.
    pub fn count(&self) -> usize {
        self.problems.len() + self.unlisted
    }

    /// The listed problems, and one line saying how many more there are.
    pub fn into_problems(mut self) -> Vec<(String, String)> {
        if self.unlisted > 0 {
            let n = self.unlisted;
            self.problems
                .push((String::new(), format!("另有 {n} 处问题未列出")));
        }
        self.problems
    }

    pub fn required<'a>(
        &mut self,
        path: impl FieldPath + Copy,
        v: Option<Loose<'a>>,
    ) -> Option<Loose<'a>> {
        if v.is_none() {
            self.report_at(&path, "缺少必填字段".to_owned());
        }
        v
    }

    fn wrong_type(&mut self, path: &dyn FieldPath, want: &str, v: &Loose) {
        let message = match v {
            Loose::Unreadable(why) => format!("这个值无法读取：{}", why.message()),
            _ => format!("应为{want}，实际是{}", v.kind()),
        };
        self.report_at(path, message);
    }

    pub fn string(&mut self, path: impl FieldPath + Copy, v: Loose) -> Option<String> {
        self.string_at(&path, v)
    }

    fn string_at(&mut self, path: &dyn FieldPath, v: Loose) -> Option<String> {
        match v {
            Loose::Str(s) => Some(s.into_owned()),
            other => {
                self.wrong_type(path, "文本", &other);
                None
            }
        }
    }

    /// Trimmed text of 1..=`max` characters that shows something: not only invisible
    /// characters, no control characters, no letter buried under a pile of accents.
    pub fn text(
        &mut self,
        path: impl FieldPath + Copy,
        v: Loose,
        what: &str,
        max: usize,
    ) -> Option<String> {
        self.text_at(&path, v, what, max)
    }

    fn text_at(
        &mut self,
        path: &dyn FieldPath,
        v: Loose,
        what: &str,
        max: usize,
    ) -> Option<String> {
        let s = self.string_at(path, v)?;
        let t = s.trim();
        let n = t.chars().count();
        if n == 0 {
            self.report_at(path, format!("{what}不能为空"));
            None
        } else if n > max {
            self.report_at(path, format!("{what}超过 {max} 个字（现有 {n} 个）"));
            None
        } else if let Some(why) = unshowable(t) {
            self.report_at(path, format!("{what}{why}"));
            None
        } else if t.len() == s.len() {
            Some(s)
        } else {
            Some(t.to_owned())
        }
    }

    /// Free text where blank means "not given".
    pub fn optional_text(
        &mut self,
        path: impl FieldPath + Copy,
        v: Option<Loose>,
    ) -> Option<String> {
        self.optional_text_at(&path, v?)
    }

    fn optional_text_at(&mut self, path: &dyn FieldPath, v: Loose) -> Option<String> {
        let s = self.string_at(path, v)?;
        let t = s.trim();
        match t.len() {
            0 => None,
            n if n == s.len() => Some(s),
            _ => Some(t.to_owned()),
        }
    }

    pub fn boolean(&mut self, path: impl FieldPath + Copy, v: Loose) -> Option<bool> {
        self.boolean_at(&path, v)
    }

    fn boolean_at(&mut self, path: &dyn FieldPath, v: Loose) -> Option<bool> {
        match v {
            Loose::Bool(b) => Some(b),
            other => {
                self.wrong_type(path, "布尔值（true 或 false）", &other);
                None
            }
        }
    }

    pub fn uint(&mut self, path: impl FieldPath + Copy, v: &Loose, max: u64) -> Option<u64> {
        self.uint_at(&path, v, max)
    }

    fn uint_at(&mut self, path: &dyn FieldPath, v: &Loose, max: u64) -> Option<u64> {
        match *v {
            Loose::U64(x) if x <= max => Some(x),
            Loose::U64(x) => {
                self.report_at(path, format!("数值 {x} 超出范围（应在 0–{max} 之间）"));
                None
            }
            Loose::I64(x) => {
                self.report_at(path, format!("不能为负数：{x}"));
                None
            }
            Loose::F64(x) => {
                self.report_at(path, format!("应为整数，实际是 {x}"));
                None
            }
            _ => {
                self.wrong_type(path, "整数", v);
                None
            }
        }
    }

    pub fn number(&mut self, path: impl FieldPath + Copy, v: &Loose) -> Option<f64> {
        self.number_at(&path, v)
    }

    fn number_at(&mut self, path: &dyn FieldPath, v: &Loose) -> Option<f64> {
        // Integers beyond 2^53 lose precision here; no fee or coordinate is that large.
        #[allow(clippy::cast_precision_loss)]
        let x = match *v {
            Loose::U64(n) => n as f64,
            Loose::I64(n) => n as f64,
            Loose::F64(x) => x,
            _ => {
                self.wrong_type(path, "数字", v);
                return None;
            }
        };
        if x.is_finite() {
            Some(x)
        } else {
            self.report_at(path, "数值超出范围".to_owned());
            None
        }
    }

    pub fn date(&mut self, path: impl FieldPath + Copy, v: Loose) -> Option<Date> {
        self.date_at(&path, v)
    }

    fn date_at(&mut self, path: &dyn FieldPath, v: Loose) -> Option<Date> {
        let s = self.string_at(path, v)?;
        let d = parse_date(&s);
        if d.is_none() {
            let q = quote(&s);
            self.report_at(
                path,
                format!("日期应写成 YYYY-MM-DD 且真实存在，而这里是{q}"),
            );
        }
        d
    }

    /// One of a code enum's values, given as `&T::ALL, &T::CODES` (the same order).
    pub fn code<T: Copy>(
        &mut self,
        path: impl FieldPath + Copy,
        v: Loose,
        what: &str,
        all: &[T],
        codes: &[&'static str],
    ) -> Option<T> {
        let at = self.code_at(&path, v, what, codes)?;
        all.get(at).copied()
    }

    /// The position of the value among `codes` (which are case-sensitive).
    fn code_at(
        &mut self,
        path: &dyn FieldPath,
        v: Loose,
        what: &str,
        codes: &[&'static str],
    ) -> Option<usize> {
        let s = self.string_at(path, v)?;
        let at = codes.iter().position(|c| *c == s);
        if at.is_none() {
            let q = quote(&s);
            let list = codes.join("、");
            self.report_at(path, format!("无法识别的{what}{q}，应为 {list} 之一"));
        }
        at
    }

    pub fn object<'a>(&mut self, path: impl FieldPath + Copy, v: Loose<'a>) -> Option<Object<'a>> {
        self.object_at(&path, v)
    }

    fn object_at<'a>(&mut self, path: &dyn FieldPath, v: Loose<'a>) -> Option<Object<'a>> {
        match v {
            Loose::Obj(m) => Some(m),
            other => {
                self.wrong_type(path, "对象 {…}", &other);
                None
            }
        }
    }

    pub fn array<'a>(
        &mut self,
        path: impl FieldPath + Copy,
        v: Loose<'a>,
    ) -> Option<Vec<Loose<'a>>> {
        self.array_at(&path, v)
    }

    fn array_at<'a>(&mut self, path: &dyn FieldPath, v: Loose<'a>) -> Option<Vec<Loose<'a>>> {
        match v {
            Loose::Arr(a) => Some(a),
            other => {
                self.wrong_type(path, "数组 […]", &other);
                None
            }
        }
    }

    /// A `{lat, lng}` inside the spec's China box.
    pub fn latlng(&mut self, prefix: &str, v: Loose) -> Option<LatLng> {
        let mut m = self.object(prefix, v)?;
        let lat_path = || format!("{prefix}.lat");
        let lng_path = || format!("{prefix}.lng");
        let lat = self.required(lat_path, take(&mut m, "lat"));
        let lng = self.required(lng_path, take(&mut m, "lng"));
        let lat = lat.and_then(|v| self.number(lat_path, &v));
        let lng = lng.and_then(|v| self.number(lng_path, &v));
        let p = LatLng::new(lat?, lng?);
        if in_china_bounds(p) {
            return Some(p);
        }
        let swapped = in_china_bounds(LatLng::new(p.lng, p.lat));
        let hint = if swapped {
            "（是否把纬度和经度写反了？）"
        } else {
            ""
        };
        self.report(
            prefix,
            format!(
                "坐标 {},{} 不在中国范围内（纬度 3.8–53.6，经度 73.5–135.1）{hint}",
                p.lat, p.lng
            ),
        );
        None
    }
}

/// Accents stacked on one letter beyond this are drawn over the lines around them; no
/// Chinese or pinyin text needs more than two.
const MAX_COMBINING_IN_A_ROW: usize = 4;

/// Why a name-like text cannot be shown, if it cannot.
fn unshowable(t: &str) -> Option<String> {
    if let Some(c) = t.chars().find(|c| c.is_control()) {
        return Some(format!("含有控制字符 U+{:04X}", u32::from(c)));
    }
    if !t.chars().any(is_visible) {
        return Some("没有一个看得见的字".to_owned());
    }
    let mut run = 0;
    for c in t.chars() {
        run = if is_combining(c) { run + 1 } else { 0 };
        if run > MAX_COMBINING_IN_A_ROW {
            return Some(format!(
                "有一个字上叠加了超过 {MAX_COMBINING_IN_A_ROW} 个附加符号"
            ));
        }
    }
    None
}

/// Draws something on its own: not a space, a control, a combining mark or one of the
/// format characters (zero-width spaces and joiners, direction marks, the BOM). std has no
/// Unicode category table, and these few ranges are all a name can hide behind.
fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || is_combining(c)
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}'))
}

/// The combining diacritical mark blocks (the marks that stack on a letter).
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

//! The address is the app's state (`docs/finder-url.md`).
//!
//! Links arrive from WeChat chats, typed by hand or cut short, so parsing never fails:
//! a malformed value is dropped with a [`QueryNote`] the page shows, the rest still works.

mod links;
pub use links::WIDEN_RADIUS_M;
mod own_place;
mod params;

use crate::age::{check_birth_date, BirthDateProblem};
use crate::filter::{Filter, Sort};
use crate::load::check::quote;
use crate::model::{format_date, parse_date, CareType, Dataset, Date, Kind};
use params::{clock, code_list, flag, join_codes, months, slug, Notes, Raw};

pub use own_place::OwnPlace;
pub use params::{encode_pairs, parse_near, Param};

/// Largest `radius` accepted, in metres: a district is a few tens of kilometres across.
pub const MAX_RADIUS_M: u32 = 100_000;

/// The largest age in months the finder filters by (the spec's 0–36).
pub const MAX_AGE_MONTHS: u8 = 36;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    List,
    Map,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::List => "list",
            View::Map => "map",
        }
    }

    pub fn parse(code: &str) -> Option<View> {
        [View::List, View::Map]
            .into_iter()
            .find(|v| v.code() == code)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Page {
    #[default]
    Finder,
    Guide,
    Baby,
}

impl Page {
    pub fn code(self) -> &'static str {
        match self {
            Page::Finder => "finder",
            Page::Guide => "guide",
            Page::Baby => "baby",
        }
    }

    pub fn parse(code: &str) -> Option<Page> {
        [Page::Finder, Page::Guide, Page::Baby]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// A parameter that was ignored, and why, in words for the parent.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryNote {
    pub param: Param,
    pub value: String,
    /// Why, as a value, for an interface that words it in another language.
    pub kind: NoteKind,
    /// Chinese, e.g. `忽略了无法识别的年龄“abc”`.
    pub message: String,
}

/// Why a parameter was ignored. What the parameter is comes from [`QueryNote::param`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// Not a value this parameter takes; `shown` is the part that was not understood (in a
    /// list, only the unknown items).
    Unrecognised {
        shown: String,
    },
    /// `puhui`, `vacant`: neither 1 nor 0.
    NotAFlag,
    /// `age` beyond 0–36 months.
    AgeOutOfRange,
    /// `near` not a `lat,lng` inside China.
    UnreadablePlace,
    /// `radius` without `near`.
    RadiusWithoutPlace {
        metres: u32,
    },
    /// `radius` not 1–100000.
    UnreadableRadius,
    /// `sort=distance` without `near`: the default order is used.
    DistanceSortWithoutPlace,
    BirthDate(BirthDateProblem),
    /// `area` not among the loaded dataset's areas.
    AreaNotInDataset,
    /// `compare`: more than [`MAX_COMPARED`] ids, or ids that are not ids.
    TooManyCompared,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FinderQuery {
    /// Raw `data=` value; [`crate::source::resolve_data_source`] decides whether to use it.
    pub data: Option<String>,
    /// `region=`: with a catalogue, the admin code of the entry whose institutions are
    /// listed, at any level (6 digits; anything else is ignored with a note).
    pub region: Option<String>,
    pub filter: Filter,
    pub sort: Sort,
    pub id: Option<String>,
    pub view: View,
    pub page: Page,
    pub article: Option<String>,
    pub born: Option<Date>,
    /// Institutions a parent compares side by side (`compare=A,B,C`), an addition to the
    /// spec's parameters so that a comparison can be sent to family like any other view.
    pub compare: Vec<String>,
    /// `filter.near` is the parent's own point (their GPS), not a link's: it, `radius` and
    /// `sort=distance` are never written into an address (see [`OwnPlace`]).
    pub own_place: bool,
    /// Why parameters were ignored. Never written back into a URL.
    pub notes: Vec<QueryNote>,
}

impl FinderQuery {
    /// Reads the query's pairs (already percent-decoded). `born` accepts any real
    /// calendar date, since the core cannot know today's date; use
    /// [`FinderQuery::parse_with_today`] to also refuse future or implausibly old ones.
    pub fn parse<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(pairs: I) -> Self {
        Self::parse_inner(Raw::collect(pairs), None)
    }

    /// Like [`FinderQuery::parse`], with `born` checked against `today`.
    pub fn parse_with_today<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(
        pairs: I,
        today: Date,
    ) -> Self {
        Self::parse_inner(Raw::collect(pairs), Some(today))
    }

    /// Reads a `location.search` string (with or without the leading `?`).
    pub fn parse_query_string(search: &str, today: Option<Date>) -> Self {
        let search = search.strip_prefix('?').unwrap_or(search);
        let owned: Vec<(String, String)> = form_urlencoded::parse(search.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let raw = Raw::collect(owned.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        Self::parse_inner(raw, today)
    }

    fn parse_inner(raw: Raw, today: Option<Date>) -> Self {
        let mut n = Notes(Vec::new());
        let mut f = Filter {
            types: code_list(&mut n, raw.pair(Param::Types), "托育类型", CareType::parse),
            puhui: flag(&mut n, raw.pair(Param::Puhui), "普惠"),
            kinds: code_list(&mut n, raw.pair(Param::Kind), "机构类型", Kind::parse),
            vacant: flag(&mut n, raw.pair(Param::Vacant), "空位"),
            public_only: flag(&mut n, raw.pair(Param::Public), "对外招收"),
            area: raw.get(Param::Area).map(|a| a.trim().to_owned()),
            q: raw.get(Param::Q).map(str::to_owned).unwrap_or_default(),
            from: clock(&mut n, raw.pair(Param::From), "入园时间"),
            until: clock(&mut n, raw.pair(Param::Until), "离园时间"),
            prepay: months(&mut n, raw.pair(Param::Prepay), "预收费月数"),
            ..Filter::default()
        };
        if let Some(v) = raw.get(Param::Age) {
            match v.trim().parse::<u8>() {
                Ok(a) if a <= MAX_AGE_MONTHS => f.age = Some(a),
                Ok(_) => n.add(
                    Param::Age,
                    v,
                    NoteKind::AgeOutOfRange,
                    format!("忽略了超出范围的年龄{}（应为 0–36 个月）", quote(v)),
                ),
                Err(_) => n.unknown(Param::Age, v, v, "年龄"),
            }
        }
        if let Some(v) = raw.get(Param::Near) {
            f.near = parse_near(v);
            if f.near.is_none() {
                n.add(
                    Param::Near,
                    v,
                    NoteKind::UnreadablePlace,
                    format!(
                        "忽略了无法识别的位置{}（应为中国境内的“纬度,经度”）",
                        quote(v)
                    ),
                );
            }
        }
        if let Some(v) = raw.get(Param::Radius) {
            match v.trim().parse::<u32>() {
                Ok(r) if (1..=MAX_RADIUS_M).contains(&r) && f.near.is_some() => {
                    f.radius_m = Some(r)
                }
                Ok(r) if (1..=MAX_RADIUS_M).contains(&r) => {
                    n.add(
                        Param::Radius,
                        v,
                        NoteKind::RadiusWithoutPlace { metres: r },
                        format!("忽略了距离范围“{r} 米”：没有给出位置"),
                    );
                }
                _ => n.add(
                    Param::Radius,
                    v,
                    NoteKind::UnreadableRadius,
                    format!("忽略了无法识别的距离范围{}（应为 1–100000 米）", quote(v)),
                ),
            }
        }
        let mut sort = Sort::Default;
        if let Some(v) = raw.get(Param::Sort) {
            match Sort::parse(v.trim()) {
                Some(Sort::Distance) if f.near.is_none() => {
                    n.add(
                        Param::Sort,
                        v,
                        NoteKind::DistanceSortWithoutPlace,
                        "没有给出位置，无法按距离排序，已改为默认排序".to_owned(),
                    );
                }
                Some(s) => sort = s,
                None => n.unknown(Param::Sort, v, v, "排序方式"),
            }
        }
        let mut view = View::default();
        if let Some(v) = raw.get(Param::View) {
            match View::parse(v.trim()) {
                Some(x) => view = x,
                None => n.unknown(Param::View, v, v, "视图"),
            }
        }
        let mut page = Page::default();
        if let Some(v) = raw.get(Param::Page) {
            match Page::parse(v.trim()) {
                Some(x) => page = x,
                None => n.unknown(Param::Page, v, v, "页面"),
            }
        }
        let id = slug(&mut n, raw.pair(Param::Id), "机构编号");
        let article = slug(&mut n, raw.pair(Param::Article), "文章");
        let born = raw.get(Param::Born).and_then(|v| {
            let checked = match today {
                Some(t) => check_birth_date(v, t),
                None => parse_date(v.trim()).ok_or(BirthDateProblem::Unreadable),
            };
            checked
                .map_err(|why| {
                    let message = format!("忽略了出生日期{}：{}", quote(v), why.message());
                    n.add(Param::Born, v, NoteKind::BirthDate(why), message)
                })
                .ok()
        });
        let region = raw.get(Param::Region).map(str::trim).and_then(|v| {
            let ok = v.len() == 6 && v.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                n.unknown(Param::Region, v, v, "地区代码");
            }
            ok.then(|| v.to_owned())
        });
        let compare = raw
            .get(Param::Compare)
            .map(|v| compare_ids(&mut n, v))
            .unwrap_or_default();
        FinderQuery {
            compare,
            data: raw.get(Param::Data).map(str::to_owned),
            region,
            filter: f,
            sort,
            id,
            view,
            page,
            article,
            born,
            own_place: false,
            notes: n.0,
        }
    }

    /// Drops an `area` the loaded dataset does not have, with a note (the core cannot
    /// know the areas while parsing the address, only once the file is loaded).
    pub fn validate_against(&mut self, dataset: &Dataset) {
        if let Some(a) = self.filter.area.take() {
            if dataset.area(&a).is_some() {
                self.filter.area = Some(a);
            } else {
                let message = format!("忽略了本数据中没有的镇街{}", quote(&a));
                self.notes.push(QueryNote {
                    param: Param::Area,
                    value: a,
                    kind: NoteKind::AreaNotInDataset,
                    message,
                });
            }
        }
    }

    /// The address's pairs, in the spec's order, leaving out defaults and empties (and
    /// the notes). `radius` and `sort=distance` are written only together with `near`,
    /// since without it they mean nothing; the parent's own point never is.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = self.filter_pairs();
        if let Some(id) = &self.id {
            out.push((Param::Id.as_str(), id.clone()));
        }
        if self.view != View::List {
            out.push((Param::View.as_str(), self.view.code().to_owned()));
        }
        if self.page != Page::Finder {
            out.push((Param::Page.as_str(), self.page.code().to_owned()));
        }
        if let Some(a) = &self.article {
            out.push((Param::Article.as_str(), a.clone()));
        }
        if let Some(b) = self.born {
            out.push((Param::Born.as_str(), format_date(b)));
        }
        if !self.compare.is_empty() {
            out.push((Param::Compare.as_str(), self.compare.join(",")));
        }
        out
    }

    /// Only what shapes the list: `data`, the filters and `sort` (no `id`, `view`,
    /// `page`, `article` or `born`) — for a "back to the list" link.
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let f = &self.filter;
        let mut out = Vec::new();
        let mut push = |k: Param, v: String| out.push((k.as_str(), v));
        if let Some(d) = &self.data {
            push(Param::Data, d.clone());
        }
        if let Some(r) = &self.region {
            push(Param::Region, r.clone());
        }
        if !f.types.is_empty() {
            push(Param::Types, join_codes(&f.types, |t| t.code()));
        }
        if f.puhui {
            push(Param::Puhui, "1".to_owned());
        }
        if let Some(a) = f.age {
            push(Param::Age, a.to_string());
        }
        let near = f.near.filter(|_| !self.own_place);
        if let Some(p) = near {
            push(Param::Near, format!("{},{}", p.lat, p.lng));
            if let Some(r) = f.radius_m {
                push(Param::Radius, r.to_string());
            }
        }
        if let Some(a) = &f.area {
            push(Param::Area, a.clone());
        }
        if !f.kinds.is_empty() {
            push(Param::Kind, join_codes(&f.kinds, |k| k.code()));
        }
        if f.vacant {
            push(Param::Vacant, "1".to_owned());
        }
        if f.public_only {
            push(Param::Public, "1".to_owned());
        }
        if !f.q.trim().is_empty() {
            push(Param::Q, f.q.clone());
        }
        if let Some(t) = f.from {
            push(Param::From, t.to_string());
        }
        if let Some(t) = f.until {
            push(Param::Until, t.to_string());
        }
        if let Some(m) = f.prepay {
            push(Param::Prepay, m.to_string());
        }
        let distance_without_near = self.sort == Sort::Distance && near.is_none();
        if self.sort != Sort::Default && !distance_without_near {
            push(Param::Sort, self.sort.code().to_owned());
        }
        out
    }

    /// `?k=v&…` with values percent-encoded, or `""` when everything is default (the app
    /// then navigates to `/`).
    pub fn to_query_string(&self) -> String {
        encode_pairs(&self.to_pairs())
    }
}

/// Up to [`MAX_COMPARED`] distinct ids; the rest of the value is ignored with a note.
fn compare_ids(notes: &mut Notes, value: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut ignored = false;
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if crate::load::is_valid_id(part) && ids.len() < MAX_COMPARED {
            if !ids.iter().any(|id| id == part) {
                ids.push(part.to_owned());
            }
        } else {
            ignored = true;
        }
    }
    if ignored {
        notes.add(
            Param::Compare,
            value,
            NoteKind::TooManyCompared,
            format!("对比最多 {MAX_COMPARED} 家机构，已忽略其余或无法识别的编号"),
        );
    }
    ids
}

/// Two or three places side by side is what fits a phone screen.
pub const MAX_COMPARED: usize = 3;

//! Reading one catalogue file, held to the letter: the first mistake refuses the file and is
//! named as a value, which the app words in the page's language and the publisher's tool in
//! Chinese ([`CatalogueError::message`]).

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{
    resolve_entry_url, BBox, Catalogue, CatalogueRegion, Entry, EntryKind, CATALOGUE_SCHEMA,
    MAX_CATALOGUE_BYTES, MAX_ENTRIES,
};
use crate::coords::in_china_bounds;
use crate::load::{file_text, quote, read_schema, FileError, SchemaReading};
use crate::model::{parse_date, Crs, LatLng};
use crate::source::SourceRefusal;

/// What is wrong with one value of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a non-empty string (of at most 1,000 characters).
    NotText,
    /// Not a 6-digit admin code.
    NotCode,
    /// Not a `YYYY-MM-DD` date that exists.
    NotDate,
    /// Not `WGS-84` or `GCJ-02`.
    NotCrs,
    /// Not `true` or `false`.
    NotBool,
    /// Not `dataset` or `catalogue`.
    NotEntryType,
    /// Not `{lat, lng}` numbers inside China's bounds.
    NotPoint,
    /// Not `{south, west, north, east}` inside China's bounds with south ≤ north, west ≤ east.
    NotBox,
    /// Not a whole number ≥ 0.
    NotCount,
}

impl Problem {
    pub fn message(&self) -> &'static str {
        match self {
            Problem::NotText => "应为不超过 1000 字的非空文字",
            Problem::NotCode => "应为 6 位数字的行政区划代码",
            Problem::NotDate => "应为 YYYY-MM-DD 格式的有效日期",
            Problem::NotCrs => "应为“WGS-84”或“GCJ-02”",
            Problem::NotBool => "应为 true 或 false",
            Problem::NotEntryType => "应为“dataset”或“catalogue”",
            Problem::NotPoint => "应为中国范围内的坐标 {lat, lng}",
            Problem::NotBox => {
                "应为中国范围内的范围 {south, west, north, east}，且南不大于北、西不大于东"
            }
            Problem::NotCount => "应为不小于 0 的整数",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// The bytes are not a JSON object at all (the dataset loader's own reasons: too
    /// large, empty, a web page, not UTF-8, not JSON, not an object).
    File(FileError),
    MissingSchema,
    /// Another schema (a dataset's included) or none this app knows.
    WrongSchema(String),
    UnsupportedVersion(String),
    /// A required key is absent (its name, dotted: `entries[2].bbox`).
    MissingField(String),
    /// A value is wrong (its dotted name and what it should be).
    BadField {
        field: String,
        problem: Problem,
    },
    NoEntries,
    TooManyEntries {
        limit: usize,
    },
    /// Two entries of the file have the same `code`.
    DuplicateCode(String),
    /// An entry's `url` leads somewhere the `data=` rule refuses.
    ForeignUrl {
        code: String,
        refusal: SourceRefusal,
    },
}

impl CatalogueError {
    /// A sentence a parent or a publisher understands.
    pub fn message(&self) -> String {
        match self {
            CatalogueError::File(e) => e.message(),
            CatalogueError::MissingSchema => {
                format!("目录文件缺少 schema 字段（应为“{CATALOGUE_SCHEMA}”）")
            }
            CatalogueError::WrongSchema(s) => format!(
                "目录文件的 schema 是{}，这不是托育机构数据目录（应为“{CATALOGUE_SCHEMA}”）",
                quote(s)
            ),
            CatalogueError::UnsupportedVersion(s) => format!(
                "目录文件的版本{}本应用还不支持（支持“{CATALOGUE_SCHEMA}”）",
                quote(s)
            ),
            CatalogueError::MissingField(f) => format!("目录文件缺少必填字段 {f}"),
            CatalogueError::BadField { field, problem } => {
                format!("目录文件的 {field} 字段有误：{}", problem.message())
            }
            CatalogueError::NoEntries => "目录文件的 entries 是空的，没有列出任何数据".to_owned(),
            CatalogueError::TooManyEntries { limit } => {
                format!("目录文件列出的条目超过 {limit} 个，超过了本应用能读取的上限")
            }
            CatalogueError::DuplicateCode(code) => {
                format!("目录文件中行政区划代码{}出现了不止一次", quote(code))
            }
            CatalogueError::ForeignUrl { code, refusal } => {
                format!(
                    "目录文件中{}的地址不可用：{}",
                    quote(code),
                    refusal.message()
                )
            }
        }
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for CatalogueError {}

/// Whether the bytes say they are a catalogue (any `tuoyu.catalogue/…` schema), so that a
/// `data=` address may name either a catalogue or a dataset. Files too large to be a
/// catalogue are not read at all; anything unreadable is left to the dataset loader to name.
pub fn is_catalogue(bytes: &[u8]) -> bool {
    // Every other key is skipped (serde's default) without being built.
    #[derive(Deserialize)]
    struct Head {
        schema: Option<Value>,
    }
    let Ok(text) = file_text(bytes, MAX_CATALOGUE_BYTES) else {
        return false;
    };
    serde_json::from_str::<Head>(text).is_ok_and(
        |h| matches!(h.schema, Some(Value::String(s)) if s.starts_with("tuoyu.catalogue/")),
    )
}

/// The bytes as a JSON object, or the dataset loader's reason why not.
fn object(bytes: &[u8]) -> Result<Map<String, Value>, FileError> {
    let text = file_text(bytes, MAX_CATALOGUE_BYTES)?;
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(FileError::NotObject),
        Err(e) => Err(FileError::NotJson {
            line: e.line(),
            column: e.column(),
        }),
    }
}

fn check_schema(v: Option<&Value>) -> Result<String, CatalogueError> {
    let s = match v {
        None => return Err(CatalogueError::MissingSchema),
        Some(Value::String(s)) => s.clone(),
        Some(other) => return Err(CatalogueError::WrongSchema(other.to_string())),
    };
    match read_schema(&s, "tuoyu.catalogue/") {
        SchemaReading::Supported => Ok(s),
        SchemaReading::Other => Err(CatalogueError::WrongSchema(s)),
        SchemaReading::OtherMajor => Err(CatalogueError::UnsupportedVersion(s)),
    }
}

/// Reads the required keys of one object, naming each by its dotted path.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
}

impl<'a> Fields<'a> {
    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    fn get(&self, key: &str) -> Result<&'a Value, CatalogueError> {
        self.map
            .get(key)
            .ok_or_else(|| CatalogueError::MissingField(self.path(key)))
    }

    fn read<T>(
        &self,
        key: &str,
        problem: Problem,
        f: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<T, CatalogueError> {
        f(self.get(key)?).ok_or_else(|| CatalogueError::BadField {
            field: self.path(key),
            problem,
        })
    }

    fn text(&self, key: &str) -> Result<String, CatalogueError> {
        self.read(key, Problem::NotText, |v| {
            let t = v.as_str()?.trim();
            (!t.is_empty() && t.chars().count() <= 1000).then(|| t.to_owned())
        })
    }

    fn code(&self, key: &str) -> Result<String, CatalogueError> {
        self.read(key, Problem::NotCode, |v| {
            let s = v.as_str()?;
            (s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.to_owned())
        })
    }

    fn date(&self, key: &str) -> Result<crate::model::Date, CatalogueError> {
        self.read(key, Problem::NotDate, |v| parse_date(v.as_str()?))
    }

    fn point(&self, key: &str) -> Result<LatLng, CatalogueError> {
        self.read(key, Problem::NotPoint, |v| {
            let p = LatLng::new(v.get("lat")?.as_f64()?, v.get("lng")?.as_f64()?);
            in_china_bounds(p).then_some(p)
        })
    }

    fn bbox(&self, key: &str) -> Result<BBox, CatalogueError> {
        self.read(key, Problem::NotBox, |v| {
            let n = |k: &str| v.get(k).and_then(Value::as_f64);
            let b = BBox {
                south: n("south")?,
                west: n("west")?,
                north: n("north")?,
                east: n("east")?,
            };
            b.is_valid().then_some(b)
        })
    }
}

fn check_entry(i: usize, v: &Value) -> Result<Entry, CatalogueError> {
    let prefix = format!("entries[{i}]");
    let Some(map) = v.as_object() else {
        return Err(CatalogueError::MissingField(format!("{prefix}.code")));
    };
    let f = Fields { map, prefix };
    Ok(Entry {
        code: f.code("code")?,
        name: f.text("name")?,
        kind: f.read("type", Problem::NotEntryType, |v| match v.as_str()? {
            "dataset" => Some(EntryKind::Dataset),
            "catalogue" => Some(EntryKind::Catalogue),
            _ => None,
        })?,
        url: f.read("url", Problem::NotText, |v| {
            v.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
        })?,
        bbox: f.bbox("bbox")?,
        center: f.point("center")?,
        count: f.read("count", Problem::NotCount, |v| {
            v.as_u64().and_then(|n| u32::try_from(n).ok())
        })?,
        published: f.date("published")?,
    })
}

/// Reads one catalogue file fetched from `own_url` (the address it was fetched from, as the
/// `data=` rule resolved it). Every entry's `url` must resolve, from there, to an address
/// the `data=` rule accepts with `allowed_origins`.
pub fn load_catalogue(
    bytes: &[u8],
    own_url: &str,
    allowed_origins: &[&str],
) -> Result<Catalogue, CatalogueError> {
    let top = object(bytes).map_err(CatalogueError::File)?;
    let schema = check_schema(top.get("schema"))?;
    let f = Fields {
        map: &top,
        prefix: String::new(),
    };
    let title = f.text("title")?;
    let publisher = f.text("publisher")?;
    let published = f.date("published")?;
    let crs = f.read("crs", Problem::NotCrs, |v| Crs::parse(v.as_str()?))?;
    let sample = match top.get("sample") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| CatalogueError::BadField {
            field: "sample".to_owned(),
            problem: Problem::NotBool,
        })?,
    };
    let region_map = f.read("region", Problem::NotText, Value::as_object);
    let region_map = region_map.map_err(|_| CatalogueError::MissingField("region".to_owned()))?;
    let r = Fields {
        map: region_map,
        prefix: "region".to_owned(),
    };
    let region = CatalogueRegion {
        code: r.code("code")?,
        name: r.text("name")?,
        center: r.point("center")?,
    };
    let items = f
        .get("entries")?
        .as_array()
        .ok_or(CatalogueError::NoEntries)?;
    if items.is_empty() {
        return Err(CatalogueError::NoEntries);
    }
    if items.len() > MAX_ENTRIES {
        return Err(CatalogueError::TooManyEntries { limit: MAX_ENTRIES });
    }
    let mut seen = HashSet::with_capacity(items.len());
    let mut entries = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let entry = check_entry(i, item)?;
        if !seen.insert(entry.code.clone()) {
            return Err(CatalogueError::DuplicateCode(entry.code));
        }
        if let Err(refusal) = resolve_entry_url(own_url, &entry.url, allowed_origins) {
            return Err(CatalogueError::ForeignUrl {
                code: entry.code,
                refusal,
            });
        }
        entries.push(entry);
    }
    Ok(Catalogue {
        schema,
        title,
        publisher,
        published,
        crs,
        sample,
        region,
        entries,
    })
}

//! Reading a published file: the spec's "What the app does with a bad file".
//!
//! A file-level problem makes the whole file unusable ([`FileError`]); a record-level
//! problem leaves that record out and is reported ([`RecordProblem`]), so one typo in one
//! record never hides the other institutions from parents.

pub(crate) mod check;
mod loose;
mod parts;
mod record;
mod stream;
mod tolerant;
mod top;
mod worries;

use std::collections::HashMap;
use std::fmt;

use crate::model::{Area, Crs, Dataset, Region};
use check::Checker;
use loose::{take, Loose, Object};
use record::{check_record, Context, Outcome};
use serde::de::DeserializeSeed;
use stream::{Mode, NotRecords, Root, RootSeed};

pub use check::{clip, quote, shorten, MAX_PROBLEMS_PER_RECORD};
pub use record::is_valid_id;
pub use top::TopField;

/// The largest file the app will read: far above a district's few hundred records, and
/// low enough that a mistaken link to a huge file cannot exhaust a phone's memory.
pub const MAX_DATASET_BYTES: usize = 64 * 1024 * 1024;

/// The problems a file's left-out records may cost in memory: a file of a million broken
/// records is told as the count of records left out, and the first problems in full.
pub const MAX_PROBLEMS: usize = 10_000;

/// The most records a file may hold: five times the largest list the app is measured
/// with (docs/performance.md), and few enough that reading them fits a phone's memory
/// whatever they hold.
pub const MAX_RECORDS: usize = 500_000;

/// The schema this app reads; minor versions (`tuoyu.dataset/1.N`) only add keys.
pub const SCHEMA: &str = "tuoyu.dataset/1";

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Only good, non-revoked records, in file order.
    pub dataset: Dataset,
    /// For each listed institution, its 0-based position in the file's `institutions`, so a
    /// problem found later (an id another file of a catalogue already has) names the record
    /// as the loader's own problems do.
    pub listed_at: Vec<u32>,
    /// The problems of the left-out records, in file order: at most
    /// [`MAX_PROBLEMS_PER_RECORD`] per record and [`MAX_PROBLEMS`] in all.
    pub problems: Vec<RecordProblem>,
    /// Problems beyond [`MAX_PROBLEMS`], counted but not kept.
    pub unlisted_problems: usize,
    /// Records left out as invalid (each counted once, however many problems it has).
    pub skipped: usize,
    /// Valid records whose registration is revoked: never listed, not counted as skipped,
    /// kept so that an old link to one can say what became of it.
    pub revoked: Vec<Revoked>,
}

/// A record whose registration (备案) is revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    pub id: String,
    pub name: String,
    /// When the publisher last changed the record (the file has no date of revocation).
    pub updated: Option<crate::model::Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// 0-based position in `institutions` (messages shown to people count from 1).
    pub index: usize,
    /// The record's `id` when it has a string one, even an invalid one, to help find it
    /// ([`shorten`]ed).
    pub id: Option<String>,
    /// Dotted path inside the record, e.g. `places.vacant`, `care_types[1]`;
    /// empty when the record as a whole is wrong (not an object).
    pub field: String,
    /// Plain Chinese.
    pub message: String,
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 条记录", self.index + 1)?;
        if let Some(id) = &self.id {
            write!(f, "（{}）", quote(id))?;
        }
        if !self.field.is_empty() {
            write!(f, "的 {}", self.field)?;
        }
        write!(f, "：{}", self.message)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    LooksLikeHtml,
    /// Added to the agreed API: a GBK file saved from Excel is a common publisher mistake,
    /// and "not valid JSON" would send them looking for a syntax error that is not there.
    NotUtf8 {
        line: usize,
        column: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    NotObject,
    MissingSchema,
    WrongSchema(String),
    UnsupportedVersion(String),
    MissingField(TopField),
    BadField {
        field: String,
        message: String,
    },
    InstitutionsNotArray,
    TooManyRecords {
        limit: usize,
    },
}

impl FileError {
    /// A sentence a parent or a publisher understands.
    pub fn message(&self) -> String {
        match self {
            FileError::TooLarge { bytes, limit } => format!(
                "数据文件太大（{:.1} MB），超过了本应用能读取的上限 {} MB",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            FileError::Empty => "数据文件是空的，里面没有任何内容".to_owned(),
            FileError::LooksLikeHtml => {
                "收到的是一个网页，而不是数据文件（可能是地址写错了，或服务器返回了错误页面）"
                    .to_owned()
            }
            FileError::NotUtf8 { line, column } => format!(
                "数据文件不是 UTF-8 编码（第 {line} 行第 {column} 列附近），请用 UTF-8 编码重新保存"
            ),
            FileError::NotJson { line, column } => {
                format!("数据文件不是有效的 JSON（第 {line} 行第 {column} 列）")
            }
            FileError::NotObject => "数据文件的最外层应是一个 JSON 对象 {…}".to_owned(),
            FileError::MissingSchema => {
                format!("数据文件缺少 schema 字段，无法确认它是托育机构名录（应为“{SCHEMA}”）")
            }
            FileError::WrongSchema(s) => format!(
                "数据文件的 schema 是{}，这不是托育机构名录数据（应为“{SCHEMA}”）",
                quote(s)
            ),
            FileError::UnsupportedVersion(s) => format!(
                "数据文件的版本{}本应用还不支持（支持“{SCHEMA}”），请更新应用或联系数据发布方",
                quote(s)
            ),
            FileError::MissingField(field) => {
                format!("数据文件缺少必填字段 {field}（{}）", field.meaning_zh())
            }
            FileError::BadField { field, message } => {
                format!("数据文件的 {field} 字段有误：{message}")
            }
            FileError::InstitutionsNotArray => {
                "数据文件的 institutions 字段应为数组 […]".to_owned()
            }
            FileError::TooManyRecords { limit } => {
                format!("数据文件的机构超过 {limit} 条，超过了本应用能读取的上限")
            }
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for FileError {}

/// 1-based line and column (in characters) of a byte offset, as serde_json counts them.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn check_schema(v: Option<Loose>) -> Result<String, FileError> {
    let s = match v {
        None => return Err(FileError::MissingSchema),
        Some(Loose::Str(s)) => s.into_owned(),
        Some(other) => return Err(FileError::WrongSchema(other.short())),
    };
    match read_schema(&s, "tuoyu.dataset/") {
        SchemaReading::Supported => Ok(s),
        SchemaReading::Other => Err(FileError::WrongSchema(s)),
        SchemaReading::OtherMajor => Err(FileError::UnsupportedVersion(s)),
    }
}

/// How a `schema` value reads against a family (`tuoyu.dataset/`, `tuoyu.catalogue/`) of
/// which this app reads version 1 and its minor versions (`1.N`, which only add keys).
pub(crate) enum SchemaReading {
    Supported,
    /// Not of the family, or not `major[.minor]` in digits.
    Other,
    /// Of the family, another major version.
    OtherMajor,
}

pub(crate) fn read_schema(s: &str, family: &str) -> SchemaReading {
    let Some(version) = s.strip_prefix(family) else {
        return SchemaReading::Other;
    };
    let (major, minor) = match version.split_once('.') {
        Some((major, minor)) => (major, Some(minor)),
        None => (version, None),
    };
    let numeric = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !numeric(major) || !minor.is_none_or(numeric) {
        SchemaReading::Other
    } else if major != "1" {
        SchemaReading::OtherMajor
    } else {
        SchemaReading::Supported
    }
}

fn first_problem(c: Checker) -> Result<(), FileError> {
    match c.problems.into_iter().next() {
        None => Ok(()),
        Some((field, message)) => Err(FileError::BadField { field, message }),
    }
}

fn required_text(m: &mut Object, field: TopField, what: &str) -> Result<String, FileError> {
    let v = take(m, field.key()).ok_or(FileError::MissingField(field))?;
    let mut c = Checker::default();
    let s = c.text(field.key(), v, what, 1000);
    first_problem(c)?;
    s.ok_or(FileError::MissingField(field))
}

/// The region is small and written by the publisher's own hands, so it is held to the
/// letter: any mistake there is a file-level error rather than a silently dropped area.
fn check_region(v: Loose) -> Result<Region, FileError> {
    let mut c = Checker::default();
    let region = c.object(TopField::Region.key(), v).and_then(|mut m| {
        let code = c
            .required("region.code", take(&mut m, "code"))
            .and_then(|v| c.string("region.code", v));
        let code = code.filter(|s| {
            let ok = s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                c.report(
                    "region.code",
                    format!("行政区划代码应为 6 位数字，而这里是{}", quote(s)),
                );
            }
            ok
        });
        let name = c
            .required("region.name", take(&mut m, "name"))
            .and_then(|v| c.text("region.name", v, "地区名称", 100));
        let center = c
            .required("region.center", take(&mut m, "center"))
            .and_then(|v| c.latlng("region.center", v));
        let areas = take(&mut m, "areas")
            .and_then(|v| c.array("region.areas", v))
            .map(|items| check_areas(&mut c, items))
            .unwrap_or_default();
        Some(Region {
            code: code?,
            name: name?,
            center: center?,
            areas,
        })
    });
    first_problem(c)?;
    region.ok_or(FileError::MissingField(TopField::Region))
}

fn check_areas(c: &mut Checker, items: Vec<Loose>) -> Vec<Area> {
    let mut areas: Vec<Area> = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let Some(mut m) = c.object(|| format!("region.areas[{i}]"), item) else {
            continue;
        };
        let code_path = || format!("region.areas[{i}].code");
        let name_path = || format!("region.areas[{i}].name");
        let center_path = format!("region.areas[{i}].center");
        let code = c
            .required(code_path, take(&mut m, "code"))
            .and_then(|v| c.text(code_path, v, "镇街编码", 64));
        let name = c
            .required(name_path, take(&mut m, "name"))
            .and_then(|v| c.text(name_path, v, "镇街名称", 100));
        let center = c
            .required(center_path.as_str(), take(&mut m, "center"))
            .and_then(|v| c.latlng(&center_path, v));
        if let Some(code) = &code {
            if areas.iter().any(|a| &a.code == code) {
                c.report(code_path, format!("镇街编码{}重复", quote(code)));
                continue;
            }
        }
        if let (Some(code), Some(name), Some(center)) = (code, name, center) {
            areas.push(Area { code, name, center });
        }
    }
    areas
}

/// The file as a tree: in one fast pass when serde_json accepts it, else read again
/// tolerantly (see `load/tolerant.rs`); a file that fails both is not JSON, and the first
/// reading's error says where.
fn parse(text: &str) -> Result<Root<'_>, serde_json::Error> {
    serde_json::from_str(text).or_else(|e| {
        let mut de = serde_json::Deserializer::from_str(text);
        RootSeed(Mode::Tolerant)
            .deserialize(&mut de)
            .and_then(|root| de.end().map(|()| root))
            .map_err(|_| e)
    })
}

/// The text of a published file (a dataset or a catalogue) of at most `limit` bytes, its
/// byte-order mark dropped, or why it is not text worth parsing.
pub(crate) fn file_text(bytes: &[u8], limit: usize) -> Result<&str, FileError> {
    if bytes.len() > limit {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(FileError::Empty),
        Some(b'<') => return Err(FileError::LooksLikeHtml),
        Some(_) => {}
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        FileError::NotUtf8 { line, column }
    })
}

/// Reads a published dataset file.
pub fn load_dataset(bytes: &[u8]) -> Result<Loaded, FileError> {
    let text = file_text(bytes, MAX_DATASET_BYTES)?;
    let root = parse(text).map_err(|e| FileError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Root::Object {
        mut top,
        institutions,
    } = root
    else {
        return Err(FileError::NotObject);
    };

    let schema = check_schema(take(&mut top, TopField::Schema.key()))?;
    let title = required_text(&mut top, TopField::Title, "标题")?;
    let publisher = required_text(&mut top, TopField::Publisher, "发布单位")?;
    let mut c = Checker::default();
    let missing = FileError::MissingField;
    let published = take(&mut top, TopField::Published.key())
        .ok_or(missing(TopField::Published))
        .map(|v| c.date(TopField::Published.key(), v))?;
    let crs = take(&mut top, TopField::Crs.key())
        .ok_or(missing(TopField::Crs))
        .map(|v| c.code(TopField::Crs.key(), v, "坐标系", &Crs::ALL, &Crs::CODES))?;
    let sample =
        take(&mut top, TopField::Sample.key()).and_then(|v| c.boolean(TopField::Sample.key(), v));
    first_problem(c)?;
    let (Some(published), Some(crs)) = (published, crs) else {
        return Err(missing(TopField::Published));
    };
    let region = take(&mut top, TopField::Region.key()).ok_or(missing(TopField::Region))?;
    let region = check_region(region)?;
    let records = match institutions {
        None => return Err(missing(TopField::Institutions)),
        Some(Ok(records)) => records,
        Some(Err(NotRecords::NotArray)) => return Err(FileError::InstitutionsNotArray),
        Some(Err(NotRecords::TooMany)) => {
            return Err(FileError::TooManyRecords { limit: MAX_RECORDS })
        }
    };

    let area_codes: Vec<&str> = region.areas.iter().map(|a| a.code.as_str()).collect();
    let mut ctx = Context {
        area_codes: &area_codes,
        seen_ids: HashMap::with_capacity(records.len()),
    };
    let mut institutions = Vec::with_capacity(records.len());
    let mut listed_at = Vec::with_capacity(records.len());
    let (mut problems, mut skipped, mut revoked) = (Vec::new(), 0, Vec::new());
    let mut unlisted_problems = 0;
    for (index, value) in records.into_iter().enumerate() {
        match check_record(index, value, &mut ctx) {
            Outcome::Listed(inst) => {
                // MAX_RECORDS keeps every position within u32.
                listed_at.push(index as u32);
                institutions.push(inst);
            }
            Outcome::Revoked(r) => revoked.push(r),
            Outcome::Bad { id, problems: list } => {
                skipped += 1;
                let room = MAX_PROBLEMS.saturating_sub(problems.len());
                unlisted_problems += list.len().saturating_sub(room);
                problems.extend(list.into_iter().take(room).map(|(field, message)| {
                    RecordProblem {
                        index,
                        id: id.clone(),
                        field,
                        message,
                    }
                }));
            }
        }
    }

    let dataset = Dataset {
        schema,
        title,
        publisher,
        published,
        crs,
        sample: sample.unwrap_or(false),
        region,
        institutions,
    };
    Ok(Loaded {
        dataset,
        listed_at,
        problems,
        unlisted_problems,
        skipped,
        revoked,
    })
}

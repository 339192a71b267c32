//! A sheet → a dataset the app accepts. Each row is read the tolerant way (`row.rs`), then
//! the whole set goes through the core's own loader, so a row is kept exactly when the
//! app would show it. A bad row is reported against its sheet row and columns and left
//! out; the good rows are written, and the result is loaded once more before it is
//! handed back, so what is printed is known to load.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};
use tuoyu_core::coords::in_china_bounds;
use tuoyu_core::load::{load_dataset, Loaded, SCHEMA};
use tuoyu_core::model::{
    format_date, Crs, Dataset, Date, Institution, LatLng, Region, RegistrationStatus,
};

use crate::columns::{fields_for_path, match_header, registry_header, Field};
use crate::region::{resolve, AreasFile};
use crate::row::{build, Built};
use crate::sheet::{column_letter, Sheet};
use crate::values::{clean, quote};

pub struct Options {
    pub region_code: String,
    pub region_name: Option<String>,
    pub center: Option<LatLng>,
    pub crs: Crs,
    pub areas: AreasFile,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Date,
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row number the spreadsheet program shows.
    pub row: usize,
    pub id: Option<String>,
    /// The institution's name, to find the row by eye.
    pub name: Option<String>,
    /// `C 列“机构类型”`, one per column involved; empty for the row as a whole.
    pub columns: Vec<String>,
    pub message: String,
    /// What the column takes: its 填写说明, so the fix is on the same line.
    pub hint: Option<String>,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 行", self.row)?;
        if let Some(id) = &self.id {
            write!(f, "（编号 {id}）")?;
        } else if !self.columns.is_empty() {
            f.write_str(" ")?;
        }
        f.write_str(&self.columns.join("、"))?;
        write!(f, "：{}", self.message)
    }
}

#[derive(Debug)]
pub struct Report {
    /// The dataset file, ready to publish.
    pub json: String,
    pub dataset: Dataset,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    pub imported: usize,
    /// Imported rows whose registration is revoked: in the file, never shown.
    pub revoked: usize,
    pub skipped: usize,
    pub problems: Vec<RowProblem>,
    pub warnings: Vec<String>,
}

struct Columns {
    header_row: usize,
    by_index: Vec<Option<Field>>,
    /// The sheet is the national registry's export, whose 备案通过时间 means 已备案: rows
    /// with a date and no status column are filed.
    registry_filed: bool,
}

fn map_header(sheet: &Sheet, warnings: &mut Vec<String>) -> Result<Columns, String> {
    // Bureau sheets often open with a title row (名录名称、填报日期) above the headers, so the
    // header is the first row that names a few known columns; failing that, the first
    // non-blank row, whose missing columns are then listed.
    let non_blank = |r: &&crate::sheet::Row| r.cells.iter().any(|c| !clean(c).is_empty());
    let known =
        |r: &&crate::sheet::Row| r.cells.iter().filter(|c| match_header(c).is_some()).count() >= 3;
    let header = sheet
        .rows
        .iter()
        .take(20)
        .find(known)
        .or_else(|| sheet.rows.iter().find(non_blank))
        .ok_or("表格是空的，没有表头，也没有机构数据")?;
    let mut seen: HashMap<Field, usize> = HashMap::new();
    let mut by_index: Vec<Option<Field>> = Vec::with_capacity(header.cells.len());
    let registry_columns = header
        .cells
        .iter()
        .filter(|c| registry_header(c).is_some())
        .count();
    for (i, text) in header.cells.iter().enumerate() {
        let field = match_header(text);
        by_index.push(field);
        let Some(f) = field else {
            if !clean(text).is_empty() {
                warnings.push(format!(
                    "{} 列{}不是模板里的列，已忽略",
                    column_letter(i),
                    quote(clean(text))
                ));
            }
            continue;
        };
        let Some(first) = seen.insert(f, i) else {
            continue;
        };
        // A registry column beside the template's own (统一社会信用代码 and 编号): the
        // template's wins, the other is passed over.
        let loser = match (registry_header(&header.cells[first]), registry_header(text)) {
            (Some(_), None) => first,
            (None, Some(_)) => i,
            _ => {
                return Err(format!(
                    "表头第 {} 行的 {} 列和 {} 列都是“{}”，请删去其中一列",
                    header.number,
                    column_letter(first),
                    column_letter(i),
                    f.header()
                ))
            }
        };
        by_index[loser] = None;
        seen.insert(f, first + i - loser);
        warnings.push(format!(
            "{} 列{}与{} 列“{}”重复，已忽略，用的是后者",
            column_letter(loser),
            quote(clean(&header.cells[loser])),
            column_letter(first + i - loser),
            f.header()
        ));
    }
    let missing: Vec<String> = crate::columns::template_fields()
        .into_iter()
        .filter(|f| f.required() && !seen.contains_key(f))
        .map(Field::header)
        .collect();
    if !missing.is_empty() && registry_columns >= 2 {
        let found: Vec<String> = header
            .cells
            .iter()
            .filter_map(|c| {
                registry_header(c).map(|f| format!("{}（作为“{}”）", clean(c), f.header()))
            })
            .collect();
        return Err(format!(
            "这是全国托育机构信息公示平台导出的表格：已认出 {}。家长查询还需要平台没有的信息，请在表格右边加上这些列并逐行填写：{}（列名和填法见模板的“填写说明”），再打开一次",
            found.join("、"),
            missing.join("、")
        ));
    }
    if !missing.is_empty() {
        return Err(format!(
            "表格缺少必填的列：{}（表头应在第 {} 行；可先下载模板对照）",
            missing.join("、"),
            header.number
        ));
    }
    let registry_filed = registry_columns >= 2
        && seen.contains_key(&Field::RegDate)
        && !seen.contains_key(&Field::RegStatus);
    if registry_filed {
        warnings.push(
            "表格没有“备案状态”列：按公示平台的导出，有备案通过时间的机构记为“已备案”".into(),
        );
    }
    Ok(Columns {
        header_row: header.number,
        by_index,
        registry_filed,
    })
}

fn column_name(columns: &Columns, f: Field) -> String {
    match columns.by_index.iter().position(|c| *c == Some(f)) {
        Some(i) => format!("{} 列“{}”", column_letter(i), f.header()),
        None => format!("“{}”列（表格里没有这一列）", f.header()),
    }
}

/// The core's message in the words of the sheet: an absent key is an empty cell there, and
/// the records it counts from 1 are rows.
fn in_sheet_words(message: &str, fields: &[Field], rows: &[usize]) -> String {
    if message == "缺少必填字段" {
        return match fields.first() {
            Some(Field::FeeUnit(_)) => "填了收费金额，就必须填收费单位".into(),
            Some(Field::RegStatus) => "填了备案回执编号或备案日期，就必须填备案状态".into(),
            Some(Field::InspDate(_) | Field::InspResult(_)) => {
                "填了检查记录，就必须填检查日期和检查结果".into()
            }
            Some(Field::Grade) => "填了质量评估年份，就必须填质量评估等级".into(),
            _ => "必须填写，不能留空".into(),
        };
    }
    let Some(start) = message.find("与第 ") else {
        return message.to_owned();
    };
    let after = &message[start + "与第 ".len()..];
    let Some(end) = after.find(" 条记录") else {
        return message.to_owned();
    };
    match after[..end]
        .parse::<usize>()
        .ok()
        .and_then(|n| rows.get(n.checked_sub(1)?))
    {
        Some(row) => format!(
            "{}与第 {row} 行{}",
            &message[..start],
            &after[end + " 条记录".len()..]
        ),
        None => message.to_owned(),
    }
}

fn top_level(opts: &Options, region: &Region, records: Vec<Value>) -> Value {
    let name = &region.name;
    json!({
        "schema": SCHEMA,
        "title": opts.title.clone().unwrap_or_else(|| format!("{name}托育服务机构名录")),
        "publisher": opts.publisher.clone().unwrap_or_else(|| format!("{name}卫生健康局")),
        "published": format_date(opts.published),
        "crs": opts.crs.code(),
        "sample": opts.sample,
        "region": region,
        "institutions": records,
    })
}

/// Every data row, read cell by cell; blank rows are passed over.
fn read_rows(sheet: &Sheet, columns: &Columns, opts: &Options) -> Vec<(usize, Built)> {
    let mut rows = Vec::new();
    for row in sheet.rows.iter().filter(|r| r.number > columns.header_row) {
        if row.cells.iter().all(|c| clean(c).is_empty()) {
            continue;
        }
        let mut cells: HashMap<Field, String> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| Some(((*columns.by_index.get(i)?)?, c.clone())))
            .collect();
        let dated = cells
            .get(&Field::RegDate)
            .is_some_and(|d| !clean(d).is_empty());
        if columns.registry_filed && dated {
            cells.insert(
                Field::RegStatus,
                RegistrationStatus::Filed.label_zh().to_owned(),
            );
        }
        let mut built = build(&cells, &opts.areas.areas);
        for bad in sheet.bad_cells.iter().filter(|b| b.row == row.number) {
            if let Some(Some(f)) = columns.by_index.get(bad.col) {
                built.problems.push((*f, bad.message.clone()));
            }
        }
        rows.push((row.number, built));
    }
    rows
}

/// The region, its centre if need be from the rows' locations.
fn region_for(
    rows: &[(usize, Built)],
    opts: &Options,
    warnings: &mut Vec<String>,
) -> Result<Region, String> {
    let locations: Vec<LatLng> = rows
        .iter()
        .filter_map(|(_, b)| serde_json::from_value(b.record.get("location")?.clone()).ok())
        .filter(|p| in_china_bounds(*p))
        .collect();
    // With no usable location in any row no row can be imported, and there is nothing to
    // take a centre from; a stand-in lets the core still name every row's problems.
    let stand_in =
        (locations.is_empty() && opts.areas.areas.is_empty()).then_some(LatLng::new(30.0, 110.0));
    let (region, note) = resolve(
        &opts.region_code,
        opts.region_name.as_deref(),
        opts.center.or(stand_in),
        opts.areas.clone(),
        &locations,
    )?;
    warnings.extend(note);
    Ok(region)
}

/// Each row's problems: its own unreadable cells, then what the core found in its record.
/// Returns them in row order with the positions (in `rows`) of the rows to leave out.
fn problems_of(
    rows: &[(usize, Built)],
    loaded: &Loaded,
    columns: &Columns,
) -> (Vec<RowProblem>, HashSet<usize>) {
    let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
    let mut problems = Vec::new();
    let mut bad = HashSet::new();
    for (index, (number, built)) in rows.iter().enumerate() {
        let text = |key: &str| {
            built
                .record
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let problem = |fields: &[Field], names: Vec<String>, message: String| RowProblem {
            row: *number,
            id: text("id"),
            name: text("name"),
            columns: names,
            message,
            hint: fields.first().map(|f| f.note()),
        };
        for (f, message) in &built.problems {
            bad.insert(index);
            let names = vec![column_name(columns, *f)];
            problems.push(problem(&[*f], names, message.clone()));
        }
        let cell_fields: HashSet<Field> = built.problems.iter().map(|(f, _)| *f).collect();
        for p in loaded.problems.iter().filter(|p| p.index == index) {
            let fields = fields_for_path(&p.field, &built.groups);
            // The cell's own problem says more than the core's "missing" for the same cell.
            if fields.iter().any(|f| cell_fields.contains(f)) {
                continue;
            }
            bad.insert(index);
            let mut names: Vec<String> = fields.iter().map(|f| column_name(columns, *f)).collect();
            if names.is_empty() && !p.field.is_empty() {
                names.push(format!("（{}）", p.field));
            }
            let message = in_sheet_words(&p.message, &fields, &numbers);
            problems.push(problem(&fields, names, message));
        }
    }
    problems.sort_by_key(|p| p.row);
    (problems, bad)
}

pub fn import(sheet: &Sheet, opts: Options) -> Result<Report, String> {
    let mut warnings = sheet.notes.clone();
    let columns = map_header(sheet, &mut warnings)?;
    let rows = read_rows(sheet, &columns, &opts);
    if rows.is_empty() {
        return Err("表格里只有表头，没有机构数据".into());
    }
    let region = region_for(&rows, &opts, &mut warnings)?;
    let records = rows.iter().map(|(_, b)| Value::Object(b.record.clone()));
    let candidate = top_level(&opts, &region, records.collect());
    let loaded = load_dataset(candidate.to_string().as_bytes())
        .map_err(|e| format!("辖区或命令行参数有误：{}", e.message()))?;
    let (problems, bad) = problems_of(&rows, &loaded, &columns);

    let mut institutions = Vec::new();
    for (index, (number, built)) in rows.iter().enumerate() {
        let example = Field::Name.example();
        if built.record.get("name").and_then(Value::as_str) == Some(example) {
            warnings.push(format!(
                "第 {number} 行还是模板里的示例机构“{example}”，正式发布前请改成真实机构或删去这一行"
            ));
        }
        if bad.contains(&index) {
            continue;
        }
        let inst: Institution = serde_json::from_value(Value::Object(built.record.clone()))
            .map_err(|e| format!("内部错误：第 {number} 行通过了检查却无法转换（{e}）"))?;
        institutions.push(inst);
    }
    if institutions.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        return Err(format!(
            "没有一行能导入（共 {} 行，全部有错误），未生成数据文件。错误如下：\n{}",
            rows.len(),
            list.join("\n")
        ));
    }
    let head: Dataset = serde_json::from_value(top_level(&opts, &region, Vec::new()))
        .map_err(|e| format!("内部错误：{e}"))?;
    let dataset = Dataset {
        institutions,
        ..head
    };
    let json = crate::json::pretty(&dataset)?;
    // What is printed must load with nothing left out: checked here, by the app's loader.
    let check = load_dataset(json.as_bytes()).map_err(|e| format!("内部错误：{e}"))?;
    let imported = dataset.institutions.len();
    if !check.problems.is_empty()
        || check.dataset.institutions.len() + check.revoked.len() != imported
    {
        return Err("内部错误：生成的数据文件没有通过应用的检查，未输出".into());
    }
    warnings.extend(crate::check::advisories(&check.dataset));
    Ok(Report {
        json,
        rows: rows.len(),
        imported,
        revoked: check.revoked.len(),
        skipped: bad.len(),
        problems,
        warnings,
        dataset,
    })
}

/// The coordinate system a sheet's points are in, as people write it (`GCJ-02`, `gcj02`).
pub fn parse_crs(s: &str) -> Result<Crs, String> {
    let t: String = s
        .to_uppercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match t.as_str() {
        "GCJ02" => Ok(Crs::Gcj02),
        "WGS84" => Ok(Crs::Wgs84),
        "BD09" => Err("百度地图的 BD-09 坐标不能使用，请改用高德或腾讯地图拾取 GCJ-02 坐标".into()),
        _ => Err(format!("坐标系应为 GCJ-02 或 WGS-84，而这里是“{s}”")),
    }
}

/// The publishing date, written any way a date cell may be.
pub fn parse_published(s: &str) -> Result<Date, String> {
    crate::values::parse_date(s)
        .ok()
        .and_then(|d| tuoyu_core::model::parse_date(&d))
        .ok_or_else(|| format!("发布日期应写成 YYYY-MM-DD 且真实存在，而这里是“{s}”"))
}

/// The date in China (UTC+8), where the publishers are, at `unix_ms` milliseconds after
/// the epoch; the default publishing date, on any computer's time zone.
pub fn date_in_china(unix_ms: f64) -> Date {
    let days = ((unix_ms + 8.0 * 3_600_000.0) / 86_400_000.0).floor() as i64;
    Date::from_ymd_opt(1970, 1, 1).unwrap_or_default() + chrono::Duration::days(days)
}

/// The name a checked file is saved under: the region and the publishing date, so a
/// folder of past editions sorts by date and says whose each one is.
pub fn file_name(d: &Dataset) -> String {
    let name = format!(
        "{}-{}-{}.json",
        d.region.code,
        d.region.name,
        format_date(d.published)
    );
    // Characters Windows refuses in a file name.
    name.replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "_")
}

/// The closing line on stderr: how many rows went in and how many were left out.
pub fn summary(described: &str, r: &Report) -> String {
    let mut s = format!(
        "读取 {described}：共 {} 行机构数据，导入 {} 行",
        r.rows, r.imported
    );
    if r.revoked > 0 {
        s += &format!("（其中 {} 行已注销，应用中不显示）", r.revoked);
    }
    if r.skipped > 0 {
        s += &format!(
            "，跳过 {} 行（有错误，见上面的说明，改正后重新导入）",
            r.skipped
        );
    }
    s + "。"
}

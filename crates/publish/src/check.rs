//! `check`: what the app will make of a dataset file, by the app's own loader. Nothing is
//! validated here; this only words the core's findings for the people who fix them.

use serde::Serialize;
use tuoyu_core::load::{load_dataset, RecordProblem, MAX_PROBLEMS};
use tuoyu_core::model::{format_date, Dataset};

use crate::columns::path_label;

/// How old a vacancy figure may be, against the publishing date, before it is called
/// stale: a month, the longest gap between publications the docs advise.
const STALE_DAYS: i64 = 31;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// 1-based position in `institutions`.
    pub record: usize,
    pub id: Option<String>,
    /// The spec's path inside the record, e.g. `places.vacant`; empty for the whole record.
    pub field: String,
    /// The same in the sheet's words, e.g. `空余托位`.
    pub field_name: String,
    pub message: String,
}

impl From<&RecordProblem> for Problem {
    fn from(p: &RecordProblem) -> Self {
        Problem {
            record: p.index + 1,
            id: p.id.clone(),
            field: p.field.clone(),
            field_name: path_label(&p.field),
            message: p.message.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Report {
    pub file: String,
    /// False when the app cannot use the file at all (`error` says why).
    pub usable: bool,
    pub error: Option<String>,
    pub records: usize,
    pub listed: usize,
    pub revoked: usize,
    pub skipped: usize,
    pub problems: Vec<Problem>,
    pub warnings: Vec<String>,
}

impl Report {
    /// 0: every record will be shown (or is revoked on purpose); 1: some record would be
    /// left out; 2: the file is unusable.
    pub fn exit_code(&self) -> i32 {
        if !self.usable {
            2
        } else if self.skipped > 0 {
            1
        } else {
            0
        }
    }
}

impl Report {
    /// A file the app cannot use at all, or could not even be read.
    pub fn unusable(file: &str, error: String) -> Self {
        Report {
            file: file.to_owned(),
            usable: false,
            error: Some(error),
            records: 0,
            listed: 0,
            revoked: 0,
            skipped: 0,
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

pub fn check_bytes(file: &str, bytes: &[u8]) -> Report {
    let mut report = Report::unusable(file, String::new());
    match load_dataset(bytes) {
        Err(e) => report.error = Some(e.message()),
        Ok(loaded) => {
            report.usable = true;
            report.error = None;
            report.listed = loaded.dataset.institutions.len();
            report.revoked = loaded.revoked.len();
            report.skipped = loaded.skipped;
            report.records = report.listed + report.revoked + report.skipped;
            report.problems = loaded.problems.iter().map(Problem::from).collect();
            report.warnings = advisories(&loaded.dataset);
            if loaded.unlisted_problems > 0 {
                report.warnings.push(format!(
                    "另有 {} 个问题未列出（一次最多列出 {MAX_PROBLEMS} 个）：请先改正上面这些，再检查一次",
                    loaded.unlisted_problems
                ));
            }
        }
    }
    report
}

/// Things the app accepts but parents would be poorly served by.
pub fn advisories(d: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    if d.sample {
        out.push("这是示例数据（sample: true），家长会在每个页面看到“示例数据”；正式发布前请删去 sample 字段（导入时不要加 --sample）".into());
    }
    for inst in &d.institutions {
        let who = format!("编号 {}（{}）", inst.id, inst.name);
        let Some(places) = &inst.places else { continue };
        if places.vacant.is_some() && places.total.is_none() {
            out.push(format!("{who}写了空余托位但没有写托位数"));
        }
        match (places.vacant, places.as_of) {
            (Some(_), None) => out.push(format!(
                "{who}写了空余托位但没有写空位统计日期；空位变化快，家长需要知道是哪天的数字"
            )),
            (Some(_), Some(as_of)) if (d.published - as_of).num_days() > STALE_DAYS => {
                out.push(format!(
                    "{who}的空位统计日期 {} 比发布日期 {} 早 {} 天，空位数可能已经过时",
                    format_date(as_of),
                    format_date(d.published),
                    (d.published - as_of).num_days()
                ))
            }
            _ => {}
        }
    }
    out
}

pub fn render_text(r: &Report) -> String {
    let mut s = format!("检查 {}\n", r.file);
    if let Some(e) = &r.error {
        s += &format!("✗ 整个文件不能用：{e}\n结论：应用无法读取这个文件，家长会看到错误提示而看不到任何机构。\n");
        return s;
    }
    for p in &r.problems {
        s += &format!("✗ 第 {} 条记录", p.record);
        if let Some(id) = &p.id {
            s += &format!("（编号 {id}）");
        }
        if !p.field.is_empty() {
            s += &format!(" {}", p.field);
            if !p.field_name.is_empty() {
                s += &format!("（{}）", p.field_name);
            }
        }
        s += &format!("：{}\n", p.message);
    }
    if !r.warnings.is_empty() {
        s += "提示（不影响显示）：\n";
        for w in &r.warnings {
            s += &format!("  · {w}\n");
        }
    }
    s += &format!(
        "合计：共 {} 条机构记录，{} 条会显示，{} 条已注销（不显示），{} 条有错误、会被略去（共 {} 个问题）。\n",
        r.records,
        r.listed,
        r.revoked,
        r.skipped,
        r.problems.len()
    );
    s += if r.skipped > 0 {
        "结论：有记录会被应用略去，请改正后再发布。\n"
    } else {
        "结论：全部记录都能正常显示。\n"
    };
    s
}

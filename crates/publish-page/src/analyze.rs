//! What the page makes of a dropped file: the library's import (a sheet) or check (a dataset
//! file), and its diff against the published file. No rule lives here; this only gathers the
//! library's findings into what the views draw.

use tuoyu_core::load::load_dataset;
use tuoyu_core::model::Dataset;
use tuoyu_publish::{check, diff, import, sheet};

/// One problem, in the terms of the file it was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// `第 5 行` in a sheet, `第 5 条记录` in a dataset file.
    pub place: String,
    pub columns: String,
    pub institution: String,
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub file: String,
    /// What was read: `CSV（GBK 编码）`, `Excel 工作表“机构名录”`, `数据文件（JSON）`.
    pub described: String,
    pub records: usize,
    pub kept: usize,
    pub revoked: usize,
    pub skipped: usize,
    pub lines: Vec<Line>,
    pub warnings: Vec<String>,
    /// What parents will see: the checked file as the app loads it.
    pub shown: Dataset,
    /// The checked file, to download.
    pub json: String,
    pub download_name: String,
    /// Against the published file, when there is one.
    pub diff: Option<Result<diff::Report, String>>,
}

/// A dataset file rather than a sheet: JSON opens with `{` (after a BOM and blanks).
pub fn is_dataset_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// Reads `bytes` (the file `file`) with the header `options`, and compares the result with
/// `published` when given.
pub fn analyze(
    file: &str,
    bytes: &[u8],
    options: Result<import::Options, String>,
    published: Option<&[u8]>,
) -> Result<Outcome, String> {
    if bytes.len() > sheet::MAX_SHEET_BYTES {
        return Err(sheet::too_big(bytes.len()));
    }
    let mut outcome = if is_dataset_file(bytes) {
        dataset_file(file, bytes)?
    } else {
        let sheet = sheet::read_bytes(bytes, None)?;
        let report = import::import(&sheet, options?)?;
        sheet_file(file, &sheet.described, report)?
    };
    outcome.diff = published.map(|old| diff::diff_bytes(old, outcome.json.as_bytes()));
    Ok(outcome)
}

fn shown(json: &str) -> Result<Dataset, String> {
    load_dataset(json.as_bytes())
        .map(|l| l.dataset)
        .map_err(|e| e.message())
}

fn sheet_file(file: &str, described: &str, r: import::Report) -> Result<Outcome, String> {
    let lines = r
        .problems
        .iter()
        .map(|p| Line {
            place: format!("第 {} 行", p.row),
            columns: p.columns.join("、"),
            institution: p.name.clone().or(p.id.clone()).unwrap_or_default(),
            message: p.message.clone(),
            hint: p.hint.clone(),
        })
        .collect();
    Ok(Outcome {
        file: file.to_owned(),
        described: described.to_owned(),
        records: r.rows,
        kept: r.imported,
        revoked: r.revoked,
        skipped: r.skipped,
        lines,
        warnings: r.warnings,
        shown: shown(&r.json)?,
        download_name: import::file_name(&r.dataset),
        json: r.json,
        diff: None,
    })
}

fn dataset_file(file: &str, bytes: &[u8]) -> Result<Outcome, String> {
    let r = check::check_bytes(file, bytes);
    if let Some(e) = r.error {
        return Err(format!("这个数据文件不能用：{e}"));
    }
    let json = String::from_utf8_lossy(bytes).into_owned();
    let shown = shown(&json)?;
    let lines = r
        .problems
        .iter()
        .map(|p| Line {
            place: format!("第 {} 条记录", p.record),
            columns: p.field_name.clone(),
            institution: p.id.clone().unwrap_or_default(),
            message: p.message.clone(),
            hint: None,
        })
        .collect();
    Ok(Outcome {
        file: file.to_owned(),
        described: "数据文件（JSON）".into(),
        records: r.records,
        kept: r.listed + r.revoked,
        revoked: r.revoked,
        skipped: r.skipped,
        lines,
        warnings: r.warnings,
        download_name: import::file_name(&shown),
        shown,
        json,
        diff: None,
    })
}

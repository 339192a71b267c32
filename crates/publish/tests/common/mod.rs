//! Sheets and datasets made by the tests, and a way to run the tool as people do.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_tuoyu-publish");

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    let out: Output = Command::new(BIN)
        .args(args)
        .output()
        .expect("run tuoyu-publish");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

pub fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The headers of a short sheet: every required column and a few optional ones.
pub const HEADERS: [&str; 14] = [
    "编号",
    "机构名称",
    "机构类型",
    "举办性质",
    "地址",
    "纬度",
    "经度",
    "联系电话",
    "托育类型",
    "最小月龄",
    "最大月龄",
    "是否普惠",
    "备案日期",
    "备案状态",
];

/// A row that imports cleanly, with the given id and name.
pub fn good(id: &str, name: &str) -> Vec<String> {
    [
        id,
        name,
        "托育机构",
        "民办",
        "源城区某路 1 号",
        "23.75",
        "114.70",
        "0762-3555100",
        "全日托、临时托",
        "6",
        "36",
        "是",
        "2025-03-05",
        "已备案",
    ]
    .map(String::from)
    .to_vec()
}

/// `good` with one cell replaced.
pub fn with(mut row: Vec<String>, header: &str, value: &str) -> Vec<String> {
    let i = HEADERS
        .iter()
        .position(|h| *h == header)
        .expect("known header");
    row[i] = value.to_owned();
    row
}

pub fn headers() -> Vec<String> {
    HEADERS.map(String::from).to_vec()
}

pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out += &cells.join(",");
        out += "\r\n";
    }
    out
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// Cells as typed into Excel: numbers as numbers, everything else as text.
pub fn write_xlsx(path: &Path, rows: &[Vec<String>]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(x) if !cell.starts_with('0') || cell == "0" => ws.write_number(r, c, x),
                _ => ws.write_string(r, c, cell),
            }
            .expect("write cell");
        }
    }
    book.save(path).expect("save xlsx");
}

/// Imports a sheet for 源城区 with fixed dates, writing the dataset to `out`.
pub fn import(sheet: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec![
        "import",
        p(sheet),
        "--region",
        "441602",
        "--region-name",
        "源城区",
        "--crs",
        "GCJ-02",
        "--published",
        "2026-11-20",
        "--out",
        p(out),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

pub fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("read output")).expect("output is JSON")
}

pub fn ids(dataset: &serde_json::Value) -> Vec<String> {
    dataset["institutions"]
        .as_array()
        .expect("institutions")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

//! Writes the sheets the publisher page's browser tests open (tests/browser/publish.test.mjs):
//! `cargo run -p tuoyu-publish --example browser_fixtures -- DIR`. Made at test time, so they
//! always match the importer's current columns.
//!
//! - `problems.xlsx` and `problems-gbk.csv`: the same five institutions, two with problems
//!   (row 3: 最小月龄 六个月; row 5: 托育类型 全天托), one with HTML in its name;
//! - `registry.csv`: the national registry's export, as downloaded;
//! - `previous.csv`: the edition before, to import as the published file the diff compares with.

use std::path::Path;

const HEADERS: [&str; 13] = [
    "编号",
    "机构名称",
    "机构类型",
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

fn row(id: &str, name: &str, phone: &str, care: &str, min: &str) -> Vec<String> {
    [
        id,
        name,
        "托育机构",
        "源城区某路 1 号",
        "23.75",
        "114.70",
        phone,
        care,
        min,
        "36",
        "是",
        "2025-03-05",
        "已备案",
    ]
    .map(String::from)
    .to_vec()
}

fn current() -> Vec<Vec<String>> {
    vec![
        HEADERS.map(String::from).to_vec(),
        row("YC-0001", "小星星托育中心", "0762-3555100", "全日托", "6"),
        row(
            "YC-0002",
            "小月亮托育园",
            "0762-3555101",
            "全日托",
            "六个月",
        ),
        row(
            "YC-0003",
            "<b>阳光</b>宝贝托育",
            "0762-3555102",
            "半日托",
            "12",
        ),
        row("YC-0004", "彩虹托育", "0762-3555103", "全天托", "12"),
        row("YC-0005", "新苗托育", "0762-3555104", "全日托", "18"),
    ]
}

/// The edition before: 小星星 had another phone, 旧城托育点 has closed since, 新苗 is new.
fn previous() -> Vec<Vec<String>> {
    let now = current();
    vec![
        now[0].clone(),
        row("YC-0001", "小星星托育中心", "0762-3555199", "全日托", "6"),
        now[3].clone(),
        row("YC-0009", "旧城托育点", "0762-3555109", "全日托", "18"),
    ]
}

fn csv(rows: &[Vec<String>]) -> String {
    let lines: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    lines.join("\r\n") + "\r\n"
}

fn xlsx(path: &Path, rows: &[Vec<String>]) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(x) if !cell.starts_with('0') => ws.write_number(r, c, x)?,
                _ => ws.write_string(r, c, cell)?,
            };
        }
    }
    book.save(path)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: browser_fixtures DIR")?;
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    xlsx(&dir.join("problems.xlsx"), &current())?;
    let text = csv(&current());
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad, "every character has a GBK code");
    std::fs::write(dir.join("problems-gbk.csv"), gbk)?;
    std::fs::write(dir.join("previous.csv"), csv(&previous()))?;
    let registry = [
        "机构名称,统一社会信用代码,机构性质,机构住所,所属区域,备案通过时间",
        "小星星托育中心,52441602MJL000001X,非营利性,源城区某路 1 号,河源市源城区,2025-03-05",
        "小月亮托育园,52441602MJL000002X,营利性,源城区某路 2 号,河源市源城区,2025-04-01",
    ];
    std::fs::write(dir.join("registry.csv"), registry.join("\r\n") + "\r\n")?;
    Ok(())
}

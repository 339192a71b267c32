//! `template`: the spreadsheet a bureau fills in — an Excel workbook (the list, with
//! drop-downs and a hint on every column, and a 填写说明 sheet) and the same as CSV with a
//! separate notes file, plus a starting areas file for `--areas`.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::columns::{template_fields, Field};

pub const XLSX: &str = "机构名录模板.xlsx";
pub const CSV: &str = "机构名录模板.csv";
pub const NOTES_CSV: &str = "填写说明.csv";
pub const AREAS_CSV: &str = "镇街列表.csv";

/// Rows that get the drop-downs and hints: far more institutions than any district has.
const LAST_ROW: u32 = 2000;

const GENERAL_NOTES: [&str; 7] = [
    "每一行是一家机构，第 1 行是表头：不要改动列名，可以增加列（不认识的列导入时会忽略并提示）。",
    "第 2 行是示例，请改成真实机构或删去；正式发布前导入工具会提醒仍留着示例的行。",
    "标 * 的列（Excel 里表头为橙色）必须填写；其他列不知道可以留空，留空的内容不会显示给家长。",
    "坐标（纬度、经度）须与导入时 --crs 指定的坐标系一致：高德、腾讯地图拾取的是 GCJ-02；不要用百度地图的坐标。",
    "保存 CSV 时选 “CSV UTF-8（逗号分隔）” 最好；普通 “CSV（逗号分隔）”（GBK 编码）也能导入。",
    "镇街列表（镇街列表.csv，列为 code,name,lat,lng）导入时用 --areas 指定；其中编码与辖区相同的一行给出辖区名称和中心点。",
    "导入：tuoyu-publish import 机构名录模板.xlsx --region 441602 --crs GCJ-02 --areas 镇街列表.csv --out 数据.json",
];

/// The template's files, name and bytes, in the order they are listed: what the CLI's
/// `template` writes and what the publisher's page offers for download.
pub fn files() -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let xlsx = xlsx_bytes().map_err(|e| format!("无法生成 {XLSX}：{e}"))?;
    let fields = template_fields();
    let list = vec![
        fields.iter().map(|f| header_text(*f)).collect(),
        fields.iter().map(|f| f.example().to_owned()).collect(),
    ];
    let areas = vec![
        vec!["code".into(), "name".into(), "lat".into(), "lng".into()],
        vec![
            "441602".into(),
            "源城区".into(),
            "23.746".into(),
            "114.697".into(),
        ],
        vec![
            "441602003".into(),
            "东埔街道".into(),
            "23.753".into(),
            "114.7135".into(),
        ],
    ];
    Ok(vec![
        (XLSX, xlsx),
        (CSV, csv_text(&list).into_bytes()),
        (NOTES_CSV, csv_text(&notes_table()).into_bytes()),
        (AREAS_CSV, csv_text(&areas).into_bytes()),
    ])
}

/// The 填写说明 table: one line per column, then the general rules.
pub fn notes_table() -> Vec<Vec<String>> {
    let mut rows = vec![["列名", "必填", "填写说明", "示例", "数据字段"]
        .map(String::from)
        .to_vec()];
    for f in template_fields() {
        rows.push(vec![
            f.header(),
            if f.required() { "必填" } else { "选填" }.into(),
            f.note(),
            f.example().into(),
            f.spec_path(),
        ]);
    }
    rows.push(Vec::new());
    rows.extend(GENERAL_NOTES.iter().map(|n| vec![(*n).to_owned()]));
    rows
}

/// Required columns carry a `*`, which the importer ignores when matching headers.
fn header_text(f: Field) -> String {
    if f.required() {
        format!("{}*", f.header())
    } else {
        f.header()
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// UTF-8 with a BOM and CRLF: without the BOM, Excel on a Chinese Windows reads UTF-8 as
/// GBK and shows mojibake.
pub fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
        out += &line.join(",");
        out += "\r\n";
    }
    out
}

fn write_cell(ws: &mut Worksheet, col: u16, f: Field, date: &Format) -> Result<(), XlsxError> {
    let example = f.example();
    if example.is_empty() {
        return Ok(());
    }
    if f.is_date() {
        // A real date cell, so the round trip also exercises Excel's date serials.
        let parts: Vec<u16> = example.split('-').filter_map(|p| p.parse().ok()).collect();
        if let [y, m, d] = parts[..] {
            let dt = ExcelDateTime::from_ymd(y, m as u8, d as u8)?;
            ws.write_datetime_with_format(1, col, &dt, date)?;
            return Ok(());
        }
    }
    match example.parse::<f64>() {
        Ok(x) if !f.is_code_text() => ws.write_number(1, col, x)?,
        _ => ws.write_string(1, col, example)?,
    };
    Ok(())
}

fn hint(f: Field) -> Result<DataValidation, XlsxError> {
    let title: String = f.header().chars().take(30).collect();
    let message: String = f.note().chars().take(250).collect();
    let v = match f.choices() {
        // A warning, not a stop: other spellings (codes, 托幼一体 …) are still accepted.
        Some(list) => DataValidation::new()
            .allow_list_strings(&list)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("不在可选值中")?
            .set_error_message(format!("{}：{}", f.header(), list.join("、")))?,
        None => DataValidation::new().allow_any_value(),
    };
    v.set_input_title(title)?.set_input_message(message)
}

/// The workbook's properties carry a fixed date instead of the clock's, so the same program
/// always writes the same bytes (and no clock is needed in the browser).
fn xlsx_bytes() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xDDEBF7));
    let required = header.clone().set_background_color(Color::RGB(0xFCE4D6));
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");

    let ws = book.add_worksheet();
    ws.set_name("机构名录")?;
    for (i, f) in template_fields().into_iter().enumerate() {
        let col = i as u16;
        let width = (f.header().chars().count() as f64 * 2.2).max(10.0);
        ws.set_column_width(col, width.min(30.0))?;
        if f.is_code_text() {
            ws.set_column_format(col, &text)?;
        } else if f.is_date() {
            ws.set_column_format(col, &date)?;
        }
        let format = if f.required() { &required } else { &header };
        ws.write_string_with_format(0, col, header_text(f), format)?;
        write_cell(ws, col, f, &date)?;
        ws.add_data_validation(1, col, LAST_ROW, col, &hint(f)?)?;
    }
    ws.set_freeze_panes(1, 2)?;

    let notes = book.add_worksheet();
    notes.set_name("填写说明")?;
    let wrap = Format::new().set_text_wrap();
    for (c, w) in [14.0, 6.0, 70.0, 24.0, 26.0].into_iter().enumerate() {
        notes.set_column_width(c as u16, w)?;
    }
    for (r, row) in notes_table().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let format = if r == 0 { &header } else { &wrap };
            notes.write_string_with_format(r as u32, c as u16, cell, format)?;
        }
    }
    book.save_to_buffer()
}

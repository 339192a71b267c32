//! Reading a sheet into rows of strings: CSV in UTF-8 (with or without BOM), GBK or
//! UTF-16, and Excel workbooks (.xlsx, .xls) or OpenDocument (.ods).
//!
//! Rows carry the number the spreadsheet program shows, so every message can send people
//! to the very row they have to fix.

use std::io::Cursor;

use calamine::{Data, Reader};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based, as Excel numbers rows.
    pub number: usize,
    pub cells: Vec<String>,
}

/// A cell that holds no value at all but an Excel error such as `#N/A`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCell {
    pub row: usize,
    pub col: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Row>,
    /// What was read, for the summary: `CSV（GBK 编码）`, `Excel 工作表“机构名录”`.
    pub described: String,
    pub bad_cells: Vec<BadCell>,
    /// What was done to the sheet while reading it (merged cells filled in), for the warnings.
    pub notes: Vec<String>,
}

/// The letter Excel shows above a 0-based column.
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The largest sheet read, and the most a workbook may unpack to. A district's list is a
/// few hundred kilobytes; past this a file is not a list, and reading it would stall the
/// publisher's browser tab (or unpack a zip bomb into all its memory).
pub const MAX_SHEET_BYTES: usize = 20 * 1024 * 1024;
const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// The message for a file over `MAX_SHEET_BYTES`.
pub fn too_big(bytes: usize) -> String {
    format!(
        "文件有 {:.1} MB，太大了，不像一份机构名录（名录一般不到 1 MB），没有读取；请确认选对了文件",
        bytes as f64 / 1024.0 / 1024.0
    )
}

pub fn read_bytes(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, String> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(too_big(bytes.len()));
    }
    // The container, not the file name, decides: files get renamed, and a workbook saved
    // as "名录.csv" by mistake is still a workbook.
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if is_zip || is_ole {
        return read_workbook(bytes, sheet);
    }
    let (text, encoding) = decode_text(bytes)?;
    let delimiter = guess_delimiter(&text);
    let rows = parse_delimited(&text, delimiter)?
        .into_iter()
        .enumerate()
        .map(|(i, cells)| Row {
            number: i + 1,
            cells,
        })
        .collect();
    Ok(Sheet {
        rows,
        described: format!("CSV（{encoding} 编码）"),
        bad_cells: Vec::new(),
        notes: Vec::new(),
    })
}

/// Text in UTF-8 (BOM or not), UTF-16 (Excel's "Unicode 文本") or GBK, the encoding Excel
/// uses for CSV on a Chinese Windows. UTF-8 is tried first: GBK would also "decode" most
/// UTF-8 files, into nonsense, whereas GBK text is almost never valid UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_owned(), "UTF-8"))
            .map_err(|_| "文件开头标明是 UTF-8 编码，但内容不是有效的 UTF-8".to_owned());
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return Err("文件标明是 UTF-16 编码，但内容不是有效的 UTF-16".to_owned());
        }
        return Ok((text.into_owned(), "UTF-16"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), "GBK"))
        .ok_or_else(|| {
            "文件既不是 UTF-8 也不是 GBK 编码，无法读取；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx"
                .to_owned()
        })
}

/// Comma unless the header line clearly uses tabs (Excel's "Unicode 文本") or semicolons
/// (Excel in locales with a decimal comma).
fn guess_delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|x| *x == c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        '\t'
    } else if semis > commas {
        ';'
    } else {
        ','
    }
}

/// RFC 4180 as Excel writes it. Every record is a row, blank lines included, so the row
/// numbers match what Excel shows when it opens the same file.
pub fn parse_delimited(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut quoted_from = 0;
    let mut field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field_start => {
                in_quotes = true;
                quoted_from = rows.len() + 1;
                field_start = false;
            }
            c if c == delimiter => {
                row.push(std::mem::take(&mut field));
                field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                field_start = true;
            }
            _ => {
                field.push(c);
                field_start = false;
            }
        }
    }
    if in_quotes {
        return Err(format!(
            "第 {quoted_from} 行有一个引号（\"）没有配对，文件可能被截断或手工改坏了"
        ));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// A workbook is a zip of XML files; one that would unpack to far more than any list is
/// refused before it is unpacked. The sizes are the ones the zip declares, which is what
/// the reader then holds each part to.
fn refuse_zip_bomb(bytes: &[u8]) -> Result<(), String> {
    let not_excel =
        |e: zip::result::ZipError| format!("无法读取 Excel 文件（{e}）；文件可能已损坏");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_excel)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_raw(i).map_err(not_excel)?.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(format!(
            "这个 Excel 文件解压后有 {} MB，远超任何机构名录，可能是损坏或恶意的文件，没有读取",
            total / 1024 / 1024
        ));
    }
    Ok(())
}

fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, String> {
    if bytes.starts_with(b"PK") {
        refuse_zip_bomb(bytes)?;
    }
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("无法读取 Excel 文件（{e}）；文件可能已损坏或有密码保护"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| {
                format!(
                    "Excel 文件里没有名为“{wanted}”的工作表（有：{}）",
                    names.join("、")
                )
            })?,
        // The template puts its notes in a second sheet; someone may have moved it first.
        None => names
            .iter()
            .find(|n| !n.contains("说明"))
            .or(names.first())
            .cloned()
            .ok_or("Excel 文件里没有工作表")?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("无法读取工作表“{name}”：{e}"))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    let mut bad_cells = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let number = row0 as usize + i + 1;
        let mut out = vec![String::new(); col0 as usize];
        for cell in cells {
            if let Data::Error(e) = cell {
                bad_cells.push(BadCell {
                    row: number,
                    col: out.len(),
                    message: format!("单元格是 Excel 错误值 {e}，请改成实际的内容"),
                });
            }
            out.push(cell_text(cell));
        }
        rows.push(Row { number, cells: out });
    }
    let merged = match &mut book {
        calamine::Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    };
    let notes = fill_merged(&mut rows, &merged);
    Ok(Sheet {
        rows,
        described: format!("Excel 工作表“{name}”"),
        bad_cells,
        notes,
    })
}

/// A merged cell shows its value across all the rows and columns it spans, and people who
/// merge 所属镇街 over five institutions mean it for all five; calamine gives it to the
/// first cell only. Each merged range gets its value in every cell, and a note says so.
fn fill_merged(rows: &mut [Row], merged: &[calamine::Dimensions]) -> Vec<String> {
    let mut filled = Vec::new();
    for m in merged {
        let (r1, c1) = (m.start.0 as usize + 1, m.start.1 as usize);
        let (r2, c2) = (m.end.0 as usize + 1, m.end.1 as usize);
        let value = rows
            .iter()
            .find(|r| r.number == r1)
            .and_then(|r| r.cells.get(c1))
            .cloned()
            .unwrap_or_default();
        for row in rows.iter_mut().filter(|r| (r1..=r2).contains(&r.number)) {
            if row.cells.len() <= c2 {
                row.cells.resize(c2 + 1, String::new());
            }
            for cell in &mut row.cells[c1..=c2] {
                cell.clone_from(&value);
            }
        }
        filled.push(format!(
            "{}{r1}:{}{r2}",
            column_letter(c1),
            column_letter(c2)
        ));
    }
    if filled.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "表格里有合并单元格（{}），已把合并后显示的内容填到其中每一行；最好在 Excel 里取消合并，每行写全",
        filled.join("、")
    )]
}

/// A cell as the text a person would have typed into it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Display gives the shortest text that reads back as the same number: 23.7528, 1600.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, _, _) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                format!("{hh:02}:{mm:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
    }
}

//! Each kind of bad cell is reported with its row and column, in Chinese, and only its row
//! is left out: the good rows still import, and the tool counts both.

mod common;

use common::{good, headers, ids, import, read_json, run, with, write, write_xlsx};

/// Columns of `common::HEADERS`: A 编号, B 机构名称, C 机构类型, D 举办性质, E 地址,
/// F 纬度, G 经度, H 联系电话, I 托育类型, J 最小月龄, K 最大月龄, L 是否普惠,
/// M 备案日期, N 备案状态.
fn sheet() -> Vec<Vec<String>> {
    vec![
        headers(),
        good("YC-1", "好的一家"),
        with(good("B-1", "类型错"), "托育类型", "全日托、周托"),
        with(good("B-2", "纬度错"), "纬度", "93.75"),
        with(
            with(good("B-3", "月龄反"), "最小月龄", "30"),
            "最大月龄",
            "12",
        ),
        with(good("B-4", "日期错"), "备案日期", "2025年13月"),
        with(good("B-5", "日子不存在"), "备案日期", "2025/2/30"),
        with(good("B-6", "电话错"), "联系电话", "0762-3555100（总机）"),
        good("YC-1", "编号重复"),
        with(good("B-8", ""), "地址", "  "),
        with(good("B-9", "类型未知"), "机构类型", "早教中心"),
        vec![String::new(); 14],
        good("YC-9", "另一家好的"),
    ]
}

/// The rows a message must name, with its column and the gist of what is wrong.
const EXPECTED: [&str; 11] = [
    "第 3 行（编号 B-1）I 列“托育类型”：无法识别的托育类型“周托”",
    "第 4 行（编号 B-2）F 列“纬度”、G 列“经度”：坐标 93.75,114.7 不在中国范围内",
    "第 5 行（编号 B-3）J 列“最小月龄”、K 列“最大月龄”：最小月龄 30 大于最大月龄 12",
    "第 6 行（编号 B-4）M 列“备案日期”：日期应写成",
    "第 7 行（编号 B-5）M 列“备案日期”：日期应写成 YYYY-MM-DD 且真实存在，而这里是“2025-02-30”",
    "第 8 行（编号 B-6）H 列“联系电话”：电话号码含有不允许的字符“总”",
    "第 9 行（编号 YC-1）A 列“编号”：编号“YC-1”与第 2 行重复",
    "第 10 行（编号 B-8）B 列“机构名称”：必须填写，不能留空",
    "第 10 行（编号 B-8）E 列“地址”：必须填写，不能留空",
    "第 11 行（编号 B-9）C 列“机构类型”：无法识别的机构类型“早教中心”",
    "共 11 行机构数据，导入 2 行，跳过 9 行",
];

#[test]
fn every_bad_cell_is_reported_and_only_its_row_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = write(
        dir.path(),
        "名录.csv",
        common::csv_text(&sheet()).as_bytes(),
    );
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 1, "rows were skipped: {}", r.stderr);
    for line in EXPECTED {
        assert!(
            r.stderr.contains(line),
            "missing {line:?} in:\n{}",
            r.stderr
        );
    }
    // One line per problem: row 10 has two, every other bad row one.
    assert_eq!(r.stderr.matches('✗').count(), 10, "{}", r.stderr);
    assert_eq!(ids(&read_json(&out)), ["YC-1", "YC-9"]);

    let check = run(&["check", common::p(&out)]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn the_same_sheet_as_xlsx_reports_the_same_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("名录.xlsx");
    write_xlsx(&path, &sheet());
    let out = dir.path().join("out.json");
    let r = import(&path, &out, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for line in EXPECTED {
        assert!(
            r.stderr.contains(line),
            "missing {line:?} in:\n{}",
            r.stderr
        );
    }
    assert_eq!(ids(&read_json(&out)), ["YC-1", "YC-9"]);
}

#[test]
fn excel_dates_serials_and_chinese_dates_all_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dates.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in headers().iter().enumerate() {
        ws.write_string(0, c as u16, h).expect("header");
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    for (r, id) in ["D-1", "D-2", "D-3", "D-4"].iter().enumerate() {
        let row = (r + 1) as u32;
        for (c, v) in good(id, "日期").iter().enumerate() {
            ws.write_string(row, c as u16, v).expect("cell");
        }
        match r {
            0 => {
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 3, 5).expect("date");
                ws.write_datetime_with_format(row, 12, &d, &date)
            }
            1 => ws.write_number(row, 12, 45721.0),
            2 => ws.write_string(row, 12, "2025年3月5日"),
            _ => ws.write_string(row, 12, "２０２５．３．５"),
        }
        .expect("date cell");
    }
    book.save(&path).expect("save");
    let out = dir.path().join("out.json");
    let r = import(&path, &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = read_json(&out);
    for inst in d["institutions"].as_array().expect("list") {
        assert_eq!(inst["registration"]["date"], "2025-03-05", "{inst}");
    }
}

#[test]
fn values_as_people_type_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows = vec![headers()];
    rows[0].extend(["全日托收费", "全日托收费单位", "空余托位", "托位数"].map(String::from));
    let mut row = good("Ｔ－１", "宽松");
    row = with(row, "机构类型", "托幼一体");
    row = with(row, "举办性质", "公办民营");
    row = with(row, "是否普惠", "Y");
    row = with(row, "最小月龄", "1岁半");
    row = with(row, "最大月龄", "3岁");
    row = with(row, "联系电话", "（0762）3555100 转 8");
    row = with(row, "托育类型", "临时托,全日托");
    row.extend([
        "１，８００元".into(),
        "每月".into(),
        "无".into(),
        "20".into(),
    ]);
    rows.push(row);
    let csv = write(dir.path(), "t.csv", common::csv_text(&rows).as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let i = &read_json(&out)["institutions"][0];
    assert_eq!(i["id"], "T-1");
    assert_eq!(i["kind"], "kindergarten");
    assert_eq!(i["operator"], "public_private");
    assert_eq!(i["puhui"], true);
    assert_eq!(i["age_months"], serde_json::json!({"min": 18, "max": 36}));
    assert_eq!(i["phone"], "(0762)3555100 转 8");
    assert_eq!(
        i["care_types"],
        serde_json::json!(["temporary", "full_day"])
    );
    assert_eq!(
        i["fees"]["full_day"],
        serde_json::json!({"amount": 1800, "unit": "month"})
    );
    assert_eq!(i["places"], serde_json::json!({"total": 20, "vacant": 0}));
}

#[test]
fn a_missing_required_column_stops_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows: Vec<Vec<String>> = [headers(), good("YC-1", "甲")]
        .iter()
        .map(|r| r.iter().skip(1).cloned().collect())
        .collect();
    let csv = write(dir.path(), "t.csv", common::csv_text(&rows).as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("表格缺少必填的列：编号"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn nothing_is_written_when_no_row_is_good() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = vec![headers(), with(good("X-1", "甲"), "纬度", "北纬23度")];
    let csv = write(dir.path(), "t.csv", common::csv_text(&rows).as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("没有一行能导入"), "{}", r.stderr);
    assert!(
        r.stderr.contains("第 2 行（编号 X-1）F 列“纬度”：应为数字"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

#[test]
fn an_unknown_area_is_named_by_the_core() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows = vec![headers(), good("A-1", "甲"), good("A-2", "乙")];
    rows[0].push("所属镇街".into());
    rows[1].push("东埔街道".into());
    rows[2].push("不存在街道".into());
    let csv = write(dir.path(), "t.csv", common::csv_text(&rows).as_bytes());
    let areas = write(
        dir.path(),
        "areas.csv",
        "code,name,lat,lng\r\n441602003,东埔街道,23.753,114.7135\r\n".as_bytes(),
    );
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &["--areas", common::p(&areas)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "第 3 行（编号 A-2）O 列“所属镇街”：“不存在街道”不是本数据 region.areas 里的镇街编码"
        ),
        "{}",
        r.stderr
    );
    let d = read_json(&out);
    assert_eq!(d["institutions"][0]["area"], "441602003");
    assert_eq!(
        d["region"]["center"],
        serde_json::json!({"lat": 23.753, "lng": 114.7135})
    );
}

#[test]
fn a_title_row_above_the_headers_is_passed_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = vec![
        vec!["源城区托育机构名录（2026 年 11 月）".to_owned()],
        vec![String::new()],
        headers(),
        good("YC-1", "甲"),
        with(good("YC-2", "乙"), "是否普惠", "也许"),
    ];
    let csv = write(dir.path(), "t.csv", common::csv_text(&rows).as_bytes());
    let out = dir.path().join("out.json");
    let r = import(&csv, &out, &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("第 5 行（编号 YC-2）L 列“是否普惠”：应填“是”或“否”，而这里是“也许”"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("共 2 行机构数据，导入 1 行，跳过 1 行"),
        "{}",
        r.stderr
    );
    assert_eq!(ids(&read_json(&out)), ["YC-1"]);
}

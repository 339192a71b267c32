//! The tolerant readings of single cells, and the CSV reader's row numbering.

use tuoyu_core::model::FeeUnit;
use tuoyu_publish::columns::{match_header, path_label, Field};
use tuoyu_publish::sheet::{column_letter, decode_text, parse_delimited};
use tuoyu_publish::values::{
    parse_bool, parse_date, parse_money, parse_months, parse_number, split_list,
};

#[test]
fn dates_in_every_common_shape() {
    for s in [
        "2025-03-05",
        "2025-3-5",
        "2025/3/5",
        "2025.3.5",
        "2025年3月5日",
        "2025年03月05号",
        "20250305",
        "２０２５－０３－０５",
        " 2025/3/5 ",
        "45721",
        "2025-03-05T00:00:00",
        "2025-03-05 08:00",
    ] {
        assert_eq!(parse_date(s).as_deref(), Ok("2025-03-05"), "{s}");
    }
    for s in [
        "2025",
        "3/5",
        "25/3/5",
        "明年",
        "2025-03",
        "2025年3月5日上午",
    ] {
        assert!(parse_date(s).is_err(), "{s} should not read as a date");
    }
}

#[test]
fn yes_and_no() {
    for s in ["是", "有", "Y", "y", "yes", "TRUE", "1", "√", " 是 "] {
        assert_eq!(parse_bool(s, &[], &[]), Ok(true), "{s}");
    }
    for s in ["否", "无", "N", "no", "false", "0", "×"] {
        assert_eq!(parse_bool(s, &[], &[]), Ok(false), "{s}");
    }
    assert_eq!(parse_bool("非营利性", &["非营利性"], &["营利性"]), Ok(true));
    let e = parse_bool("也许", &[], &[]).expect_err("not a yes or no");
    assert!(e.contains("“也许”"), "{e}");
}

#[test]
fn months_numbers_and_money() {
    assert_eq!(parse_months("6"), Ok(6));
    assert_eq!(parse_months("18个月"), Ok(18));
    assert_eq!(parse_months("2岁"), Ok(24));
    assert_eq!(parse_months("1岁半"), Ok(18));
    assert_eq!(parse_months("3周岁"), Ok(36));
    assert_eq!(parse_months("６"), Ok(6));
    assert!(parse_months("6.5").is_err());
    assert_eq!(parse_number(" ２３．７５２８ "), Ok(23.7528));
    assert!(parse_number("北纬23度").is_err());
    assert_eq!(parse_money("1,600元"), Ok((1600.0, None)));
    assert_eq!(parse_money("￥1600/月"), Ok((1600.0, Some(FeeUnit::Month))));
    assert_eq!(parse_money("120元/天"), Ok((120.0, Some(FeeUnit::Day))));
    assert_eq!(parse_money("免费"), Ok((0.0, None)));
    assert!(parse_money("面议").is_err());
    assert_eq!(
        split_list("全日托、半日托，临时托,计时托；x"),
        ["全日托", "半日托", "临时托", "计时托", "x"]
    );
}

#[test]
fn headers_as_people_write_them() {
    assert_eq!(match_header("编号"), Some(Field::Id));
    assert_eq!(match_header(" 编号* "), Some(Field::Id));
    assert_eq!(match_header("编号（必填）"), Some(Field::Id));
    assert_eq!(match_header("服务类型"), Some(Field::CareTypes));
    assert_eq!(match_header("care_types"), Some(Field::CareTypes));
    let hourly = tuoyu_core::model::CareType::Hourly;
    assert_eq!(
        match_header("计时托收费(元)"),
        Some(Field::FeeAmount(hourly))
    );
    assert_eq!(match_header("计时托收费"), Some(Field::FeeAmount(hourly)));
    assert_eq!(match_header("检查结果3"), Some(Field::InspResult(3)));
    assert_eq!(match_header("备注"), None);
    assert_eq!(path_label("care_types[1]"), "托育类型第 2 项");
    assert_eq!(path_label("inspections[0].date"), "第 1 次检查的检查日期");
    assert_eq!(path_label("location"), "纬度、经度");
}

#[test]
fn csv_rows_are_numbered_as_excel_shows_them() {
    let text = "a,b\r\n\"多\r\n行\",\"引号\"\"里\"\r\n\r\nx,y";
    let rows = parse_delimited(text, ',').expect("parse");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1], ["多\r\n行", "引号\"里"]);
    assert_eq!(rows[2], [""]);
    assert_eq!(rows[3], ["x", "y"]);
    let e = parse_delimited("a,b\r\nc,\"d", ',').expect_err("open quote");
    assert!(e.contains("第 2 行"), "{e}");
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(37), "AL");
}

#[test]
fn gbk_is_the_fallback_not_the_first_guess() {
    let (gbk, _, _) = encoding_rs::GBK.encode("托育机构");
    assert_eq!(
        decode_text(&gbk).expect("gbk"),
        ("托育机构".to_owned(), "GBK")
    );
    assert_eq!(
        decode_text("托育机构".as_bytes()).expect("utf-8"),
        ("托育机构".to_owned(), "UTF-8")
    );
}

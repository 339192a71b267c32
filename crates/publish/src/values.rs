//! Reading cell values the way people type them: 全角 digits and punctuation, 是/否,
//! Chinese labels, dates in every common shape. Each function either returns the spec's
//! form of the value or a Chinese sentence saying what it expected; ranges and the other
//! rules of the spec are left to the core, so there is one set of rules.

use tuoyu_core::model::FeeUnit;

/// 全角 ASCII (ＡＢＣ１２３（），) to its half-width form, and the ideographic space to a
/// space. Chinese input methods produce these whenever the user forgets to switch modes.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            _ => c,
        })
        .collect()
}

/// Trimmed, including the ideographic and no-break spaces `str::trim` knows, plus the
/// zero-width ones pasted in from web pages.
pub fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}'))
}

/// Cells people fill with a dash or 无 to mean "nothing to say".
pub fn is_placeholder(s: &str) -> bool {
    matches!(
        clean(&halfwidth(s)),
        "" | "-" | "--" | "—" | "——" | "/" | "无" | "暂无" | "n/a" | "N/A" | "NA"
    )
}

pub fn quote(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    format!("“{out}”")
}

/// Half-width, trimmed, inner spaces removed: the form codes and numbers compare in.
fn compact(s: &str) -> String {
    halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub fn parse_bool(s: &str, yes: &[&str], no: &[&str]) -> Result<bool, String> {
    let t = compact(s).to_lowercase();
    const YES: [&str; 9] = ["是", "有", "y", "yes", "true", "1", "√", "✓", "对"];
    const NO: [&str; 9] = ["否", "无", "n", "no", "false", "0", "×", "✗", "不是"];
    if YES.contains(&t.as_str()) || yes.contains(&t.as_str()) {
        Ok(true)
    } else if NO.contains(&t.as_str()) || no.contains(&t.as_str()) {
        Ok(false)
    } else {
        Err(format!("应填“是”或“否”，而这里是{}", quote(s)))
    }
}

/// An enum value by its Chinese label, its spec code (any case) or one of `aliases`.
pub fn parse_enum<T: Copy>(
    s: &str,
    what: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    aliases: &[(&str, T)],
) -> Result<T, String> {
    let t = compact(s);
    let lower = t.to_lowercase();
    all.iter()
        .copied()
        .find(|v| label(*v) == t || code(*v).to_lowercase() == lower)
        .or_else(|| aliases.iter().find(|(a, _)| *a == t).map(|(_, v)| *v))
        .ok_or_else(|| {
            let list: Vec<&str> = all.iter().map(|v| label(*v)).collect();
            format!(
                "无法识别的{what}{}，应为 {} 之一",
                quote(s),
                list.join("、")
            )
        })
}

/// A cell holding several values: 全日托、临时托 / 全日托，临时托 / 全日托,临时托 …
pub fn split_list(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', ';', '；', '/', '／', '\n', '|'])
        .map(clean)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn parse_number(s: &str) -> Result<f64, String> {
    let t = compact(s);
    let t = t.trim_end_matches('°').replace(',', "");
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("应为数字，而这里是{}", quote(s))),
    }
}

/// A whole number; `unit_suffixes` are words people append (个, 位, 年).
pub fn parse_int(s: &str, unit_suffixes: &[&str]) -> Result<i64, String> {
    let mut t = compact(s).replace(',', "");
    for suffix in unit_suffixes {
        if let Some(stripped) = t.strip_suffix(suffix) {
            t = stripped.to_owned();
            break;
        }
    }
    if let Ok(n) = t.parse::<i64>() {
        return Ok(n);
    }
    // Excel hands integers over as 6.0 when a cell was formatted as a number.
    match t.parse::<f64>() {
        Ok(x) if x.fract() == 0.0 && x.abs() < 1e15 => Ok(x as i64),
        _ => Err(format!("应为整数，而这里是{}", quote(s))),
    }
}

/// An age in months: `6`, `6个月`, `2岁`, `1岁半`, `3周岁`.
pub fn parse_months(s: &str) -> Result<i64, String> {
    let t = compact(s);
    let t = t.trim_end_matches("个月").trim_end_matches('月');
    let bad = || {
        format!(
            "应为月龄（0–36 的整数，如 6 或“1岁半”），而这里是{}",
            quote(s)
        )
    };
    if let Some((years, rest)) = t.split_once('岁') {
        let years = years.trim_end_matches('周');
        let years: i64 = years.parse().map_err(|_| bad())?;
        let extra = match rest {
            "" => 0,
            "半" => 6,
            r => r.parse::<i64>().map_err(|_| bad())?,
        };
        return Ok(years * 12 + extra);
    }
    parse_int(t, &[]).map_err(|_| bad())
}

/// A fee: `1600`, `1,600元`, `￥1600`, `1600元/月` (the unit, when written, is returned),
/// `免费` for nothing.
pub fn parse_money(s: &str) -> Result<(f64, Option<FeeUnit>), String> {
    let t = compact(s);
    if t == "免费" {
        return Ok((0.0, None));
    }
    let (amount, unit) = match t.split_once('/') {
        Some((a, u)) => (a.to_owned(), Some(parse_unit(u)?)),
        None => (t.clone(), None),
    };
    let amount = amount
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .replace(',', "");
    match amount.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok((x, unit)),
        _ => Err(format!("收费金额应为数字（元），而这里是{}", quote(s))),
    }
}

pub fn parse_unit(s: &str) -> Result<FeeUnit, String> {
    let t = compact(s);
    let t = t.trim_start_matches("元").trim_start_matches('/');
    let t = t.trim_start_matches('每');
    let aliases = [
        ("日", FeeUnit::Day),
        ("时", FeeUnit::Hour),
        ("个月", FeeUnit::Month),
    ];
    let (all, code, label) = (&FeeUnit::ALL, FeeUnit::code, FeeUnit::label_zh);
    parse_enum(t, "收费单位", all, code, label, &aliases)
        .map_err(|_| format!("收费单位应为 月、天、小时 或 次，而这里是{}", quote(s)))
}

/// A date as `YYYY-MM-DD`. Whether the day exists is the core's rule, so `2025-02-30`
/// comes back formatted and the core says what is wrong with it.
pub fn parse_date(s: &str) -> Result<String, String> {
    // `2025-03-05T00:00:00` and `2025-03-05 08:00` from spreadsheets' date-times: the
    // time is cut off before spaces are squeezed out of `2025 年 3 月 5 日`.
    let wide = halfwidth(s);
    let wide = clean(&wide);
    let t = match wide.find(['T', ' ']) {
        Some(i) if i >= 8 => compact(&wide[..i]),
        _ => compact(wide),
    };
    let bad = || {
        format!(
            "日期应写成 2025-03-05、2025/3/5 或 2025年3月5日，而这里是{}",
            quote(s)
        )
    };
    // A date cell that lost its format arrives as Excel's day count (45721 = 2025-03-05).
    if let Ok(serial) = t.parse::<f64>() {
        if t.len() != 8 && serial.fract() == 0.0 && (20_000.0..=80_000.0).contains(&serial) {
            let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).ok_or_else(bad)?;
            let d = base + chrono::Duration::days(serial as i64);
            return Ok(tuoyu_core::model::format_date(d));
        }
    }
    let parts: Vec<&str> = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        vec![&t[0..4], &t[4..6], &t[6..8]]
    } else {
        t.trim_end_matches(['日', '号'])
            .split(['-', '/', '.', '年', '月'])
            .collect()
    };
    let [y, m, d] = parts[..] else {
        return Err(bad());
    };
    let num = |p: &str, max_len: usize| {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match (y.len() == 4, num(y, 4), num(m, 2), num(d, 2)) {
        (true, Some(y), Some(m), Some(d)) => Ok(format!("{y:04}-{m:02}-{d:02}")),
        _ => Err(bad()),
    }
}

/// A phone number with the 全角 digits, brackets and dashes Chinese input methods produce
/// made plain; whether what is left is allowed is the core's rule.
pub fn normalize_phone(s: &str) -> String {
    halfwidth(s)
        .chars()
        .map(|c| match c {
            '—' | '–' | '－' | '‐' => '-',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Ids, registration numbers and area codes: half-width and trimmed. Excel turns a typed
/// `0007` into the number 7.0; the trailing `.0` is not part of anyone's code.
pub fn normalize_code(s: &str) -> String {
    let t = clean(&halfwidth(s)).to_owned();
    match t.strip_suffix(".0") {
        Some(int) if !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) => int.to_owned(),
        _ => t,
    }
}

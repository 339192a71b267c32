//! Dataset 1.1's columns in a sheet: opening hours by weekday group (周一至周五开放时间,
//! 周六开放时间, 周日开放时间), 预收费月数 and 资金监管, and 分月龄段托位. Cells are turned into
//! the spec's form here; whether the values are allowed (25:00, overlapping bands, bands over
//! the total) is the core loader's rule, reported against these columns like any other.

use serde_json::{json, Map, Value};

use crate::columns::Field;
use crate::values::{halfwidth, parse_bool, parse_int, quote};

/// The opening columns and the days each stands for.
pub const OPENING: [(Field, &[u8]); 3] = [
    (Field::OpenWeekdays, &[1, 2, 3, 4, 5]),
    (Field::OpenSaturday, &[6]),
    (Field::OpenSunday, &[7]),
];

/// Words that mean "closed that day": the day is left out of the week.
const CLOSED: [&str; 5] = ["不开放", "休息", "闭园", "无", "不营业"];

/// `07:30-18:00`, `7:30–18:00`, `7:30至18:00`: the two times as `HH:MM` (the hour padded),
/// or `None` for a closed day.
pub fn time_range(s: &str) -> Result<Option<(String, String)>, String> {
    let t: String = halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if CLOSED.contains(&t.as_str()) {
        return Ok(None);
    }
    let bad = || {
        format!(
            "应写成“开门时间-关门时间”，如 07:30-18:00（当天不开放写“不开放”），而这里是{}",
            quote(s)
        )
    };
    let (open, close) = t
        .split_once(['-', '–', '—', '~', '至', '到'])
        .ok_or_else(bad)?;
    let pad = |x: &str| -> Result<String, String> {
        let (h, m) = x.split_once(':').ok_or_else(bad)?;
        let digits =
            |d: &str| !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || m.len() != 2 || !digits(m) {
            return Err(bad());
        }
        Ok(format!("{h:0>2}:{m}"))
    };
    Ok(Some((pad(open)?, pad(close)?)))
}

/// The week from the opening columns given, in the spec's form; problems by column.
pub fn opening(cells: &[(Field, &str)]) -> (Option<Value>, Vec<(Field, String)>) {
    let mut week = Vec::new();
    let mut problems = Vec::new();
    let mut any = false;
    for (field, days) in OPENING {
        let Some((_, s)) = cells.iter().find(|(f, _)| *f == field) else {
            continue;
        };
        any = true;
        match time_range(s) {
            Ok(Some((open, close))) => {
                week.push(json!({ "days": days, "open": open, "close": close }))
            }
            Ok(None) => {}
            Err(e) => problems.push((field, e)),
        }
    }
    (any.then_some(Value::Array(week)), problems)
}

/// 预收费月数 and 资金监管 as `prepayment`.
pub fn prepayment(
    months: Option<&str>,
    escrow: Option<&str>,
) -> (Option<Value>, Vec<(Field, String)>) {
    let mut out = Map::new();
    let mut problems = Vec::new();
    if let Some(s) = months {
        let none = ["不预收", "不预收费", "按月后付"];
        let v = if none.contains(&s.trim()) {
            Ok(0)
        } else {
            parse_int(s, &["个月", "月"])
        };
        match v {
            Ok(n) => {
                out.insert("max_months".into(), json!(n));
            }
            Err(e) => problems.push((Field::PrepayMonths, e)),
        }
    }
    if let Some(s) = escrow {
        match parse_bool(
            s,
            &["监管", "已监管", "有监管"],
            &["未监管", "无监管", "不监管"],
        ) {
            Ok(b) => {
                out.insert("escrow".into(), json!(b));
            }
            Err(e) => problems.push((Field::Escrow, e)),
        }
    }
    ((!out.is_empty()).then_some(Value::Object(out)), problems)
}

/// `6-17:20/2；18-36:40/5` — each band as 月龄-月龄:托位/空位, bands separated by ；; or 、.
pub fn age_bands(s: &str) -> Result<Value, String> {
    let t: String = halfwidth(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let bad = |part: &str| {
        format!(
            "每段应写成“最小月龄-最大月龄:托位/空位”，如 6-17:20/2；18-36:40/5，而这里是{}",
            quote(part)
        )
    };
    let mut bands = Vec::new();
    for part in t.split([';', '；', '、']).filter(|p| !p.is_empty()) {
        let parsed = (|| {
            let (ages, places) = part.split_once(':')?;
            let (min, max) = ages.trim_end_matches("个月").split_once(['-', '–', '~'])?;
            let (total, vacant) = places.split_once('/')?;
            let n = |x: &str| x.trim_end_matches(['个', '位']).parse::<u64>().ok();
            Some(
                json!({ "min": n(min)?, "max": n(max)?, "total": n(total)?, "vacant": n(vacant)? }),
            )
        })();
        bands.push(parsed.ok_or_else(|| bad(part))?);
    }
    Ok(Value::Array(bands))
}

/// `opening[1].close` → `开放时间第 2 项的关门时间`: the week's entries are not one column each.
pub fn opening_label(path: &str) -> Option<String> {
    let rest = path.strip_prefix("opening")?;
    let Some(rest) = rest.strip_prefix('[') else {
        return Some("开放时间（按星期）".to_owned());
    };
    let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
    let n = index.parse::<usize>().map_or(1, |i| i + 1);
    let what = match tail.split('[').next().unwrap_or_default() {
        ".open" => "的开门时间",
        ".close" => "的关门时间",
        ".days" => "的星期",
        _ => "",
    };
    Some(format!("开放时间第 {n} 项{what}"))
}

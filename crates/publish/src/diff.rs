//! `diff`: what changes for parents between two dataset files — institutions added,
//! removed, and changed field by field — for a reviewer to sign off before publishing.
//!
//! Records are compared as the files hold them (the serialized JSON of each institution,
//! by key path), not as the app shows them, so a record that turns revoked or invalid is
//! still seen changing rather than silently vanishing from the comparison.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use tuoyu_core::load::{load_dataset, TopField};
use tuoyu_core::model::{CareType, FeeUnit, InspectionResult, Kind, Operator, RegistrationStatus};

use crate::columns::path_label;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    pub path: String,
    pub label: String,
    /// `None`: the key is absent on that side.
    pub old: Option<Value>,
    pub new: Option<Value>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Changed {
    pub id: String,
    pub name: Option<String>,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Report {
    pub added: Vec<Entry>,
    pub removed: Vec<Entry>,
    /// Institutions that turned revoked: still in the file (and in `changed`), no longer
    /// shown to parents.
    pub revoked: Vec<Entry>,
    pub changed: Vec<Changed>,
    pub unchanged: usize,
    /// Changes outside `institutions`: title, dates, region, areas.
    pub top_level: Vec<Change>,
    pub notes: Vec<String>,
}

fn is_keyed_list(items: &[Value]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|x| x.get("code").and_then(Value::as_str).is_some())
}

/// Leaves by key path. Lists of objects are walked by position, except lists whose items
/// all have a `code` (the areas), which are keyed by it so that reordering is no change;
/// lists of plain values are one leaf, since `care_types: [full_day] → [full_day, hourly]`
/// reads better than item by item.
fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_owned()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(m) if !m.is_empty() => m.iter().for_each(|(k, x)| flatten(&join(k), x, out)),
        // Areas are small and named by code: one line each, whole, reads best.
        Value::Array(a) if is_keyed_list(a) => {
            for x in a {
                let code = x.get("code").and_then(Value::as_str).unwrap_or_default();
                out.insert(format!("{prefix}[{code}]"), x.clone());
            }
        }
        Value::Array(a) if a.iter().any(Value::is_object) => {
            for (i, x) in a.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), x, out);
            }
        }
        // An explicit null reads as "not given" in the spec, the same as a missing key.
        Value::Null => {}
        _ => {
            out.insert(prefix.to_owned(), v.clone());
        }
    }
}

/// 1600 and 1600.0 are the same fee.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) if a.is_number() && b.is_number() => x == y,
        _ => a == b,
    }
}

fn changes(old: &Value, new: &Value, label: fn(&str) -> String) -> Vec<Change> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten("", old, &mut a);
    flatten("", new, &mut b);
    let mut paths: Vec<&String> = a.keys().chain(b.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| match (a.get(*p), b.get(*p)) {
            (Some(x), Some(y)) => !same(x, y),
            _ => true,
        })
        .map(|p| Change {
            path: p.clone(),
            label: label(p),
            old: a.get(p).cloned(),
            new: b.get(p).cloned(),
        })
        .collect()
}

fn top_label(path: &str) -> String {
    let head = path.split(['.', '[']).next().unwrap_or(path);
    if path.starts_with("region.areas") {
        return "镇街".to_owned();
    }
    TopField::parse(head)
        .map(TopField::meaning_zh)
        .unwrap_or("")
        .to_owned()
}

/// The file's records by id, first one winning as in the app; records without a string id
/// cannot be matched and are named in the notes.
fn by_id<'v>(which: &str, root: &'v Value, notes: &mut Vec<String>) -> Vec<(&'v str, &'v Value)> {
    let mut out: Vec<(&str, &Value)> = Vec::new();
    let list = root
        .get(TopField::Institutions.key())
        .and_then(Value::as_array);
    for (i, rec) in list.into_iter().flatten().enumerate() {
        match rec.get("id").and_then(Value::as_str) {
            Some(id) if out.iter().any(|(seen, _)| *seen == id) => notes.push(format!(
                "{which}第 {} 条记录的编号 {id} 与前面的记录重复，未参与对比",
                i + 1
            )),
            Some(id) => out.push((id, rec)),
            None => notes.push(format!("{which}第 {} 条记录没有编号，未参与对比", i + 1)),
        }
    }
    out
}

fn is_revoked(v: &Value) -> bool {
    let status = v.pointer("/registration/status").and_then(Value::as_str);
    status == Some(RegistrationStatus::Revoked.code())
}

fn name_of(v: &Value) -> Option<String> {
    v.get("name").and_then(Value::as_str).map(str::to_owned)
}

fn parse(which: &str, bytes: &[u8], notes: &mut Vec<String>) -> Result<Value, String> {
    let loaded = load_dataset(bytes).map_err(|e| format!("{which}不能用：{}", e.message()))?;
    if loaded.skipped > 0 {
        notes.push(format!(
            "{which}有 {} 条记录会被应用略去（用 check 命令查看原因）",
            loaded.skipped
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| format!("{which}不能用：{e}"))
}

pub fn diff_bytes(old: &[u8], new: &[u8]) -> Result<Report, String> {
    let mut r = Report::default();
    let old = parse("旧文件", old, &mut r.notes)?;
    let new = parse("新文件", new, &mut r.notes)?;
    let old_list = by_id("旧文件", &old, &mut r.notes);
    let new_list = by_id("新文件", &new, &mut r.notes);
    for (id, rec) in &new_list {
        match old_list.iter().find(|(o, _)| o == id) {
            None => r.added.push(Entry {
                id: (*id).to_owned(),
                name: name_of(rec),
            }),
            Some((_, before)) => {
                if is_revoked(rec) && !is_revoked(before) {
                    r.revoked.push(Entry {
                        id: (*id).to_owned(),
                        name: name_of(rec),
                    });
                }
                let changes = changes(before, rec, path_label);
                if changes.is_empty() {
                    r.unchanged += 1;
                } else {
                    r.changed.push(Changed {
                        id: (*id).to_owned(),
                        name: name_of(rec),
                        changes,
                    });
                }
            }
        }
    }
    for (id, rec) in &old_list {
        if !new_list.iter().any(|(n, _)| n == id) {
            r.removed.push(Entry {
                id: (*id).to_owned(),
                name: name_of(rec),
            });
        }
    }
    let strip = |v: &Value| {
        let mut v = v.clone();
        if let Some(m) = v.as_object_mut() {
            m.remove(TopField::Institutions.key());
        }
        v
    };
    r.top_level = changes(&strip(&old), &strip(&new), top_label);
    Ok(r)
}

/// A value as a reviewer reads it: codes with their Chinese label, booleans as 是/否.
pub fn show(v: Option<&Value>) -> String {
    let Some(v) = v else {
        return "（无）".into();
    };
    let label = |code: &str| -> Option<&'static str> {
        Kind::parse(code)
            .map(Kind::label_zh)
            .or_else(|| Operator::parse(code).map(Operator::label_zh))
            .or_else(|| CareType::parse(code).map(CareType::label_zh))
            .or_else(|| FeeUnit::parse(code).map(FeeUnit::label_zh))
            .or_else(|| RegistrationStatus::parse(code).map(RegistrationStatus::label_zh))
            .or_else(|| InspectionResult::parse(code).map(InspectionResult::label_zh))
    };
    match v {
        Value::Bool(true) => "是".into(),
        Value::Bool(false) => "否".into(),
        Value::String(s) => match label(s) {
            Some(l) => format!("{l}（{s}）"),
            None => format!("“{s}”"),
        },
        Value::Array(items)
            if items
                .iter()
                .all(|x| x.as_str().is_some_and(|s| label(s).is_some())) =>
        {
            let labels: Vec<&str> = items.iter().filter_map(|x| label(x.as_str()?)).collect();
            labels.join("、")
        }
        other => other.to_string(),
    }
}

fn render_change(c: &Change) -> String {
    let label = if c.label.is_empty() {
        String::new()
    } else {
        format!("（{}）", c.label)
    };
    format!(
        "      {}{label}：{} → {}\n",
        c.path,
        show(c.old.as_ref()),
        show(c.new.as_ref())
    )
}

/// Appends `heading` (with the count) and one marked line per item, when there are any: the
/// shape of every list in a diff's text.
pub fn list<T>(
    s: &mut String,
    heading: &str,
    items: &[T],
    mark: &str,
    line: impl Fn(&T) -> String,
) {
    if !items.is_empty() {
        *s += &format!("{}：\n", heading.replace("{}", &items.len().to_string()));
        items
            .iter()
            .for_each(|x| *s += &format!("  {mark} {}\n", line(x)));
    }
}

pub fn render_text(old: &str, new: &str, r: &Report) -> String {
    let entry = |e: &Entry| format!("{} {}", e.id, e.name.as_deref().unwrap_or(""));
    let mut s = format!("对比 {old} → {new}\n");
    list(&mut s, "新增 {} 家机构", &r.added, "+", entry);
    list(&mut s, "删除 {} 家机构", &r.removed, "-", entry);
    list(
        &mut s,
        "注销 {} 家机构（家长不再看到）",
        &r.revoked,
        "×",
        entry,
    );
    if !r.changed.is_empty() {
        s += &format!("修改 {} 家机构：\n", r.changed.len());
        for c in &r.changed {
            s += &format!("  * {} {}\n", c.id, c.name.as_deref().unwrap_or(""));
            c.changes.iter().for_each(|ch| s += &render_change(ch));
        }
    }
    if !r.top_level.is_empty() {
        s += "名录本身：\n";
        r.top_level.iter().for_each(|ch| s += &render_change(ch));
    }
    for n in &r.notes {
        s += &format!("注意：{n}\n");
    }
    s += &format!(
        "合计：新增 {}，删除 {}，修改 {}，未变 {}。\n",
        r.added.len(),
        r.removed.len(),
        r.changed.len(),
        r.unchanged
    );
    s
}

//! A catalogue release as a whole: every district dataset a root catalogue reaches, and the
//! difference between two releases — districts added, removed and changed, each changed one
//! with the per-institution diff of its two files ([`crate::diff`]).
//!
//! Files are read through a function from a path relative to the root's folder to its bytes,
//! so the command line reads a folder and a test a map.

use serde::Serialize;
use tuoyu_core::catalogue::{load_catalogue, resolve_entry_url, EntryKind, MAX_DEPTH};

use crate::bundle::ROOT_FILE;
use crate::diff;

/// A folder the releases' relative urls are resolved in; never fetched.
const BASE: &str = "/release/";

/// One district dataset of a release.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct District {
    pub code: String,
    pub name: String,
    /// Relative to the root's folder.
    pub file: String,
    pub count: u32,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// Every district a release's root reaches, in the order the catalogues list them.
pub fn districts(read: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<District>, String> {
    let mut out = Vec::new();
    walk(read, &format!("{BASE}{ROOT_FILE}"), 0, &mut out)?;
    Ok(out)
}

fn walk(
    read: &dyn Fn(&str) -> Option<Vec<u8>>,
    url: &str,
    depth: usize,
    out: &mut Vec<District>,
) -> Result<(), String> {
    let rel = url.strip_prefix(BASE).unwrap_or(url);
    let bytes = read(rel).ok_or_else(|| format!("找不到目录文件 {rel}"))?;
    let cat = load_catalogue(&bytes, url, &[])
        .map_err(|e| format!("目录文件 {rel} 不能用：{}", e.message()))?;
    for e in &cat.entries {
        let target = resolve_entry_url(url, &e.url, &[])
            .map_err(|r| format!("{rel} 中 {} 的地址不可用：{}", e.code, r.message()))?;
        let file = target.strip_prefix(BASE).ok_or_else(|| {
            format!(
                "{rel} 中 {} 的地址 {} 在发布目录之外，无法对比",
                e.code, e.url
            )
        })?;
        match e.kind {
            EntryKind::Catalogue if depth + 1 >= MAX_DEPTH => {
                return Err(format!("{rel}：目录嵌套超过 {MAX_DEPTH} 层"));
            }
            EntryKind::Catalogue => walk(read, &target, depth + 1, out)?,
            EntryKind::Dataset => out.push(District {
                code: e.code.clone(),
                name: e.name.clone(),
                file: file.to_owned(),
                count: e.count,
                bytes: read(file).ok_or_else(|| format!("找不到数据文件 {file}"))?,
            }),
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChangedDistrict {
    pub code: String,
    pub name: String,
    pub old_file: String,
    pub new_file: String,
    pub diff: diff::Report,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Report {
    pub added: Vec<District>,
    pub removed: Vec<District>,
    pub changed: Vec<ChangedDistrict>,
    pub unchanged: usize,
}

pub fn diff_releases(
    old: &dyn Fn(&str) -> Option<Vec<u8>>,
    new: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<Report, String> {
    let old = districts(old).map_err(|e| format!("旧版本：{e}"))?;
    let new = districts(new).map_err(|e| format!("新版本：{e}"))?;
    let mut r = Report::default();
    for n in &new {
        match old.iter().find(|o| o.code == n.code) {
            None => r.added.push(n.clone()),
            Some(o) if o.bytes == n.bytes => r.unchanged += 1,
            Some(o) => r.changed.push(ChangedDistrict {
                code: n.code.clone(),
                name: n.name.clone(),
                old_file: o.file.clone(),
                new_file: n.file.clone(),
                diff: diff::diff_bytes(&o.bytes, &n.bytes)
                    .map_err(|e| format!("{}（{}）：{e}", n.code, n.name))?,
            }),
        }
    }
    r.removed = old
        .into_iter()
        .filter(|o| !new.iter().any(|n| n.code == o.code))
        .collect();
    Ok(r)
}

pub fn render_text(old: &str, new: &str, r: &Report) -> String {
    let mut s = format!("对比目录 {old} → {new}\n");
    let line = |d: &District| format!("{} {}（{} 家机构）", d.code, d.name, d.count);
    diff::list(&mut s, "新增 {} 个辖区", &r.added, "+", line);
    diff::list(&mut s, "删除 {} 个辖区", &r.removed, "-", line);
    if !r.changed.is_empty() {
        s += &format!("修改 {} 个辖区：\n", r.changed.len());
        for c in &r.changed {
            s += &format!(
                "== {} {}（{} → {}）\n",
                c.code, c.name, c.old_file, c.new_file
            );
            s += &diff::render_text(&c.old_file, &c.new_file, &c.diff);
        }
    }
    s += &format!(
        "合计：新增 {} 个辖区，删除 {}，修改 {}，未变 {}。\n",
        r.added.len(),
        r.removed.len(),
        r.changed.len(),
        r.unchanged
    );
    s
}

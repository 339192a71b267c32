//! `bundle`: a folder of district datasets → a catalogue tree (`tuoyu.catalogue/1`), the
//! country → province → city levels taken from the 6-digit codes (or from a list of regions),
//! with each entry's box, count and date computed from the files themselves.
//!
//! Every district file is read by the core's loader, so a count here is what the app lists.
//! Refused, each with the file and the code or id named: a file the app cannot use, two files
//! for one district, an institution id already in another file (the app would leave the
//! second out), and a district the list puts under a parent its code does not belong to.
//! Nothing is written unless all is well: the output is the whole tree or nothing.

mod tree;
mod write;

use std::collections::HashMap;

use tuoyu_core::load::load_dataset;
use tuoyu_core::model::{Crs, Date, LatLng};

use crate::region::read_place_rows;

pub use tree::{level_parent, province_name, COUNTRY};
pub use write::{hashed_name, ROOT_FILE};

/// One district file as read: its name (for messages) and its bytes, kept as they are.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A row of the list of regions: the name (and centre) of a province or city, or the parent
/// of a district or city whose code does not say it (a county under its province directly).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    /// In the catalogue's `crs`; without one, the middle of the region's box.
    pub center: Option<LatLng>,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub publisher: String,
    /// The root catalogue's title (default: `<name>托育服务机构名录`).
    pub title: Option<String>,
    /// The system of the catalogues' boxes; needed only when the datasets mix systems.
    pub crs: Option<Crs>,
    pub regions: Vec<RegionRow>,
}

/// The tree, ready to be written: every file by name, the root as [`ROOT_FILE`].
#[derive(Debug, Clone)]
pub struct Output {
    pub files: Vec<(String, Vec<u8>)>,
    pub districts: usize,
    pub catalogues: usize,
    pub institutions: u64,
    /// Records the app would leave out, over all files (their files are named in `warnings`).
    pub skipped: usize,
    pub warnings: Vec<String>,
}

/// What the tree needs of one district file.
#[derive(Debug, Clone)]
pub(crate) struct District {
    pub input: usize,
    pub code: String,
    pub name: String,
    pub crs: Crs,
    pub center: LatLng,
    /// Listed institutions' locations, in the file's `crs`.
    pub points: Vec<LatLng>,
    pub published: Date,
    pub sample: bool,
}

pub(crate) fn is_code(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The list of regions (CSV or a workbook, columns `code,name[,lat,lng][,parent]`).
pub fn read_regions(bytes: &[u8], file_name: &str) -> Result<Vec<RegionRow>, String> {
    let rows = read_place_rows(bytes, &format!("区划表“{file_name}”"))?;
    rows.into_iter()
        .map(|row| {
            if !is_code(&row.code) {
                return Err(row.at("编码应为 6 位数字的行政区划代码"));
            }
            if !row.parent.is_empty() && !is_code(&row.parent) {
                return Err(row.at("上级编码应为 6 位数字的行政区划代码"));
            }
            Ok(RegionRow {
                center: row.center()?,
                parent: (!row.parent.is_empty()).then(|| row.parent.clone()),
                code: row.code,
                name: row.name,
            })
        })
        .collect()
}

/// At most this many duplicate ids are named; the rest are counted.
const MAX_LISTED_DUPLICATES: usize = 20;

/// Reads and checks every district file; the problems refuse the bundle.
fn read_districts(
    inputs: &[Input],
    problems: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> (Vec<District>, usize, u64) {
    let mut districts = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let (mut skipped, mut listed, mut duplicates) = (0, 0u64, 0usize);
    for (i, input) in inputs.iter().enumerate() {
        let file = &input.name;
        let loaded = match load_dataset(&input.bytes) {
            Ok(l) => l,
            Err(e) => {
                problems.push(format!("{file}：应用无法使用这个文件：{}", e.message()));
                continue;
            }
        };
        let d = &loaded.dataset;
        let code = d.region.code.clone();
        if !is_code(&code) || code == COUNTRY {
            problems.push(format!(
                "{file}：辖区代码（region.code）“{code}”不是 6 位的辖区行政区划代码"
            ));
            continue;
        }
        if let Some(&first) = by_code.get(&code) {
            problems.push(format!(
                "{file}：与 {} 都是 {code}（{}）的数据，一个辖区只能有一个文件",
                inputs[first].name, d.region.name
            ));
            continue;
        }
        by_code.insert(code.clone(), i);
        if loaded.skipped > 0 {
            warnings.push(format!(
                "{file}：有 {} 条记录会被应用略去（用 check 命令查看原因）",
                loaded.skipped
            ));
            skipped += loaded.skipped;
        }
        let all_ids = d
            .institutions
            .iter()
            .map(|x| &x.id)
            .chain(loaded.revoked.iter().map(|r| &r.id));
        let mut unprefixed = 0;
        for id in all_ids {
            if !id.starts_with(&format!("{code}-")) {
                unprefixed += 1;
            }
            match ids.get(id) {
                Some(&other) => {
                    duplicates += 1;
                    if duplicates <= MAX_LISTED_DUPLICATES {
                        problems.push(format!(
                            "{file}：机构编号 {id} 在 {} 中已经有了；同一目录下的编号必须唯一（建议以辖区代码开头，如 {code}-0007）",
                            inputs[other].name
                        ));
                    }
                }
                None => {
                    ids.insert(id.clone(), i);
                }
            }
        }
        if unprefixed > 0 {
            warnings.push(format!(
                "{file}：有 {unprefixed} 个机构编号不以辖区代码开头（如 {code}-0007）；不同辖区的编号一旦相同，目录就会被拒绝"
            ));
        }
        listed += d.institutions.len() as u64;
        districts.push(District {
            input: i,
            code,
            name: d.region.name.clone(),
            crs: d.crs,
            center: d.region.center,
            points: d.institutions.iter().map(|x| x.location).collect(),
            published: d.published,
            sample: d.sample,
        });
    }
    if duplicates > MAX_LISTED_DUPLICATES {
        problems.push(format!(
            "另有 {} 个重复的机构编号未列出",
            duplicates - MAX_LISTED_DUPLICATES
        ));
    }
    (districts, skipped, listed)
}

/// The catalogue tree of `inputs`, or every reason it cannot be made.
pub fn bundle(inputs: &[Input], opts: &Options) -> Result<Output, Vec<String>> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    if opts.publisher.trim().is_empty() {
        problems.push("请写明发布单位（--publisher），如 河源市卫生健康局".to_owned());
    }
    if inputs.is_empty() {
        problems.push("没有找到任何数据文件（.json）".to_owned());
    }
    let (districts, skipped, institutions) = read_districts(inputs, &mut problems, &mut warnings);
    let crs = match opts.crs {
        Some(c) => Some(c),
        None => {
            let mut systems: Vec<Crs> = districts.iter().map(|d| d.crs).collect();
            systems.sort_by_key(|c| c.code());
            systems.dedup();
            if systems.len() > 1 {
                problems.push(
                    "这些数据文件的坐标系不一致（有 WGS-84 也有 GCJ-02）：请用 --crs 写明目录用哪一种，各文件保持原样"
                        .to_owned(),
                );
            }
            systems.first().copied()
        }
    };
    let tree = tree::Tree::build(&districts, inputs, &opts.regions, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(tree), Some(crs)) = (tree, crs) else {
        return Err(vec!["没有可以编入目录的数据文件".to_owned()]);
    };
    let mut files = Vec::new();
    let catalogues = write::write_tree(&tree, &districts, inputs, opts, crs, &mut files)?;
    Ok(Output {
        files,
        districts: districts.len(),
        catalogues,
        institutions,
        skipped,
        warnings,
    })
}

/// What the command line prints when the tree is written.
pub fn summary(out: &Output) -> String {
    format!(
        "目录已生成：{} 个辖区数据文件，{} 个目录文件，共 {} 家机构（入口 {ROOT_FILE}）{}",
        out.districts,
        out.catalogues,
        out.institutions,
        if out.skipped > 0 {
            format!("；另有 {} 条记录会被应用略去", out.skipped)
        } else {
            String::new()
        }
    )
}

/// The release as one `.zip` (stored, not compressed: its files are mostly served gzipped by
/// the host anyway), for the publisher's page, which cannot write a folder.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let fail = |e: &dyn std::fmt::Display| format!("无法生成压缩包：{e}");
    for (name, bytes) in files {
        w.start_file(name.as_str(), options).map_err(|e| fail(&e))?;
        w.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(w.finish().map_err(|e| fail(&e))?.into_inner())
}

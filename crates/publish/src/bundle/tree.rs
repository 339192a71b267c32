//! The tree of a bundle: each district under its city, each city under its province, each
//! province under the country, as the 6-digit codes say (`441602` → `441600` → `440000`), or
//! as the list of regions says where the code does not (a county directly under its province).
//! The root is the smallest region holding every district: a city's own districts make a
//! city catalogue, a whole country's a country → province → city → district tree.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tuoyu_core::model::LatLng;

use super::{District, Input, RegionRow};

/// The whole country's code, the root of a national catalogue.
pub const COUNTRY: &str = "000000";

const PROVINCES: [(&str, &str); 34] = [
    ("11", "北京市"),
    ("12", "天津市"),
    ("13", "河北省"),
    ("14", "山西省"),
    ("15", "内蒙古自治区"),
    ("21", "辽宁省"),
    ("22", "吉林省"),
    ("23", "黑龙江省"),
    ("31", "上海市"),
    ("32", "江苏省"),
    ("33", "浙江省"),
    ("34", "安徽省"),
    ("35", "福建省"),
    ("36", "江西省"),
    ("37", "山东省"),
    ("41", "河南省"),
    ("42", "湖北省"),
    ("43", "湖南省"),
    ("44", "广东省"),
    ("45", "广西壮族自治区"),
    ("46", "海南省"),
    ("50", "重庆市"),
    ("51", "四川省"),
    ("52", "贵州省"),
    ("53", "云南省"),
    ("54", "西藏自治区"),
    ("61", "陕西省"),
    ("62", "甘肃省"),
    ("63", "青海省"),
    ("64", "宁夏回族自治区"),
    ("65", "新疆维吾尔自治区"),
    ("71", "台湾省"),
    ("81", "香港特别行政区"),
    ("82", "澳门特别行政区"),
];

/// A province's name by its code (`440000` → 广东省): the provinces are few and fixed, so
/// they need no list; cities do.
pub fn province_name(code: &str) -> Option<&'static str> {
    let head = code.strip_suffix("0000")?;
    PROVINCES.iter().find(|(c, _)| *c == head).map(|(_, n)| *n)
}

/// 0 the country, 1 a province, 2 a city, 3 a district.
fn level(code: &str) -> u8 {
    if code == COUNTRY {
        0
    } else if code.ends_with("0000") {
        1
    } else if code.ends_with("00") {
        2
    } else {
        3
    }
}

/// The region above `code` by its digits alone: a district's city, a city's province, a
/// province's country; `None` for the country.
pub fn level_parent(code: &str) -> Option<String> {
    match level(code) {
        0 => None,
        1 => Some(COUNTRY.to_owned()),
        2 => Some(format!("{}0000", &code[..2])),
        _ => Some(format!("{}00", &code[..4])),
    }
}

/// Whether `parent` may hold `child`: a higher level whose own digits `child` starts with.
fn may_hold(parent: &str, child: &str) -> bool {
    let digits = match level(parent) {
        0 => 0,
        1 => 2,
        2 => 4,
        _ => return false,
    };
    level(parent) < level(child) && child[..digits] == parent[..digits]
}

pub(crate) enum Child {
    Catalogue(usize),
    /// A district, by its index in the bundle's districts.
    Dataset(usize),
}

pub(crate) struct Node {
    pub code: String,
    pub name: String,
    pub center: Option<LatLng>,
    pub children: Vec<Child>,
}

pub(crate) struct Tree {
    /// The root first.
    pub nodes: Vec<Node>,
}

impl Tree {
    pub fn build(
        districts: &[District],
        inputs: &[Input],
        regions: &[RegionRow],
        problems: &mut Vec<String>,
    ) -> Option<Tree> {
        let listed: HashMap<&str, &RegionRow> =
            regions.iter().map(|r| (r.code.as_str(), r)).collect();
        let dataset_of: HashMap<&str, usize> = districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.code.as_str(), i))
            .collect();
        let who = |code: &str| match dataset_of.get(code) {
            Some(&i) => format!(
                "{}（{code} {}）",
                inputs[districts[i].input].name, districts[i].name
            ),
            None => format!("区划表中的 {code}"),
        };
        let mut refused = BTreeSet::new();
        let mut parent_of = |code: &str, problems: &mut Vec<String>| -> Option<String> {
            let parent = match listed.get(code).and_then(|r| r.parent.clone()) {
                Some(p) => p,
                None => level_parent(code)?,
            };
            if !may_hold(&parent, code) {
                if refused.insert(code.to_owned()) {
                    problems.push(format!(
                        "{}：区划表把它列在 {parent} 之下，但 {code} 不属于 {parent}（上级应是代码前几位相同的更高一级区划）",
                        who(code)
                    ));
                }
                return None;
            }
            if let Some(&i) = dataset_of.get(parent.as_str()) {
                if refused.insert(parent.clone()) {
                    problems.push(format!(
                        "{}：它是一个辖区的数据文件，又是 {} 的上级；请把 {code} 的文件换成它下属各辖区的文件，或在区划表中改正上级",
                        inputs[districts[i].input].name, who(code)
                    ));
                }
                return None;
            }
            Some(parent)
        };
        // Every region's children, and each district's chain of parents up to the country.
        let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut chains: Vec<Vec<String>> = Vec::new();
        for d in districts {
            let mut chain = vec![d.code.clone()];
            let mut complete = true;
            while let Some(last) = chain.last().filter(|c| c.as_str() != COUNTRY) {
                match parent_of(last, problems) {
                    Some(p) => {
                        children.entry(p.clone()).or_default().insert(last.clone());
                        chain.push(p);
                    }
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            if complete {
                chain.reverse();
                chains.push(chain);
            }
        }
        // The root: the last region every chain passes through (a district's own code never
        // is: a single district still gets its city's catalogue).
        let first = chains.first()?;
        let common = (0..first.len() - 1)
            .take_while(|&k| chains.iter().all(|c| c.len() > k + 1 && c[k] == first[k]))
            .count();
        let root = first[common.max(1) - 1].clone();
        let mut tree = Tree { nodes: Vec::new() };
        tree.add(&root, &children, &dataset_of, &listed, problems);
        Some(tree)
    }

    /// Adds the catalogue of `code` and everything below it; returns its index.
    fn add(
        &mut self,
        code: &str,
        children: &BTreeMap<String, BTreeSet<String>>,
        dataset_of: &HashMap<&str, usize>,
        listed: &HashMap<&str, &RegionRow>,
        problems: &mut Vec<String>,
    ) -> usize {
        let row = listed.get(code);
        let name = row.map(|r| r.name.clone()).or_else(|| {
            if code == COUNTRY {
                Some("全国".to_owned())
            } else {
                province_name(code).map(str::to_owned)
            }
        });
        let name = name.unwrap_or_else(|| {
            problems.push(format!(
                "不知道 {code} 的名称：请在区划表（--regions）中加一行“{code},名称”"
            ));
            code.to_owned()
        });
        let at = self.nodes.len();
        self.nodes.push(Node {
            code: code.to_owned(),
            name,
            center: row.and_then(|r| r.center),
            children: Vec::new(),
        });
        for child in children.get(code).into_iter().flatten() {
            let c = match dataset_of.get(child.as_str()) {
                Some(&i) => Child::Dataset(i),
                None => Child::Catalogue(self.add(child, children, dataset_of, listed, problems)),
            };
            self.nodes[at].children.push(c);
        }
        at
    }
}

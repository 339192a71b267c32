//! The dataset's region: its code from `--region`, its towns and sub-districts from the
//! areas file (`code,name,lat,lng`), its name and centre from the options or the areas.

use tuoyu_core::model::{Area, LatLng, Region};

use crate::columns::normalize_header;
use crate::sheet::{read_bytes, Row};
use crate::values::{clean, normalize_code, parse_number};

/// What the areas file says: the areas, and the region itself when a row carries the
/// region's own code (a handy place to keep its name and centre).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreasFile {
    pub areas: Vec<Area>,
    pub region: Option<Area>,
}

fn column_of(header: &str) -> Option<usize> {
    let h = normalize_header(header);
    let names: [&[&str]; 5] = [
        &[
            "code",
            "编码",
            "代码",
            "区划代码",
            "镇街编码",
            "行政区划代码",
        ],
        &["name", "名称", "镇街", "镇街名称", "镇/街道"],
        &["lat", "纬度"],
        &["lng", "lon", "经度"],
        &["parent", "上级", "上级代码", "上级编码"],
    ];
    names.iter().position(|list| list.contains(&h.as_str()))
}

/// One row of a list of places (the areas file, the bundle's list of regions): the cells
/// as written, trimmed, with `at` to name the row in a message.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow {
    pub code: String,
    pub name: String,
    pub lat: String,
    pub lng: String,
    /// Empty when the list has no `parent` column or leaves it blank.
    pub parent: String,
    at: String,
}

impl PlaceRow {
    /// `msg` prefixed with the file and the row.
    pub fn at(&self, msg: &str) -> String {
        format!("{}{msg}", self.at)
    }

    /// The centre, or why not; `None` when both cells are empty.
    pub fn center(&self) -> Result<Option<LatLng>, String> {
        if self.lat.is_empty() && self.lng.is_empty() {
            return Ok(None);
        }
        let lat = parse_number(&self.lat).map_err(|e| self.at(&format!("纬度{e}")))?;
        let lng = parse_number(&self.lng).map_err(|e| self.at(&format!("经度{e}")))?;
        Ok(Some(LatLng::new(lat, lng)))
    }
}

/// The rows of a list of places (CSV or a workbook) with a code and a name each; `what` names
/// the file in messages. Columns by header (Chinese or English), or else code, name, lat,
/// lng, parent in that order.
pub fn read_place_rows(bytes: &[u8], what: &str) -> Result<Vec<PlaceRow>, String> {
    let sheet = read_bytes(bytes, None)?;
    let mut rows = sheet
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !clean(c).is_empty()));
    let Some(first) = rows.next() else {
        return Ok(Vec::new());
    };
    // Without a recognisable header the columns are taken in their order, and the first
    // row is data.
    let by_header: Vec<Option<usize>> = first.cells.iter().map(|c| column_of(c)).collect();
    let has_header = by_header.iter().filter(|c| c.is_some()).count() >= 2;
    let order: [Option<usize>; 5] = if has_header {
        std::array::from_fn(|k| by_header.iter().position(|c| *c == Some(k)))
    } else {
        std::array::from_fn(Some)
    };
    let data: Vec<&Row> = if has_header {
        rows.collect()
    } else {
        std::iter::once(first).chain(rows).collect()
    };
    let mut out = Vec::with_capacity(data.len());
    for row in data {
        let cell = |k: usize| {
            order[k]
                .and_then(|i| row.cells.get(i))
                .map_or("", |s| clean(s))
        };
        let place = PlaceRow {
            code: normalize_code(cell(0)),
            name: cell(1).to_owned(),
            lat: cell(2).to_owned(),
            lng: cell(3).to_owned(),
            parent: normalize_code(cell(4)),
            at: format!("{what}第 {} 行：", row.number),
        };
        if place.code.is_empty() || place.name.is_empty() {
            return Err(place.at("编码和名称都要填写"));
        }
        out.push(place);
    }
    Ok(out)
}

/// The areas file's bytes (CSV or a workbook); `file_name` names it in messages.
pub fn read_areas(bytes: &[u8], file_name: &str, region_code: &str) -> Result<AreasFile, String> {
    let mut out = AreasFile::default();
    for row in read_place_rows(bytes, &format!("镇街文件“{file_name}”"))? {
        let center = row.center()?.ok_or_else(|| row.at("纬度和经度都要填写"))?;
        let area = Area {
            code: row.code,
            name: row.name,
            center,
        };
        if area.code == region_code {
            out.region = Some(area);
        } else {
            out.areas.push(area);
        }
    }
    Ok(out)
}

/// `23.746,114.697` (latitude first, as the spec writes points).
pub fn parse_center(s: &str) -> Result<LatLng, String> {
    let t = crate::values::halfwidth(s);
    let (lat, lng) = t
        .split_once([',', ' '])
        .ok_or_else(|| format!("中心点应写成“纬度,经度”，如 23.746,114.697，而这里是“{s}”"))?;
    Ok(LatLng::new(parse_number(lat)?, parse_number(lng)?))
}

fn mean(points: impl Iterator<Item = LatLng>) -> Option<LatLng> {
    let (mut lat, mut lng, mut n) = (0.0, 0.0, 0.0);
    for p in points {
        lat += p.lat;
        lng += p.lng;
        n += 1.0;
    }
    (n > 0.0).then(|| {
        let round = |x: f64| (x * 1e4).round() / 1e4;
        LatLng::new(round(lat / n), round(lng / n))
    })
}

/// The region, with its name and centre taken from the first of: the options, the areas
/// file's row for the region itself, and (centre only) the mean of the areas' centres or,
/// with no areas, of the institutions' locations. A derived centre comes with a note, so
/// the publisher sees where it came from.
pub fn resolve(
    code: &str,
    name: Option<&str>,
    center: Option<LatLng>,
    file: AreasFile,
    locations: &[LatLng],
) -> Result<(Region, Option<String>), String> {
    let own = file.region.as_ref();
    let name = name
        .map(str::to_owned)
        .or_else(|| own.map(|a| a.name.clone()))
        .ok_or_else(|| {
            format!(
                "请用 --region-name 写明辖区名称（如 --region-name 源城区），或在 --areas 文件中加一行编码为 {code} 的辖区记录"
            )
        })?;
    let derived = |p: LatLng, from: &str| {
        let note = format!(
            "辖区中心点取自{from}的平均值（{},{}），页面的地图默认以它为中心；可用 --center 纬度,经度 指定",
            p.lat, p.lng
        );
        (p, Some(note))
    };
    let (center, note) = match (center, own) {
        (Some(c), _) => (c, None),
        (None, Some(a)) => (a.center, None),
        (None, None) => mean(file.areas.iter().map(|a| a.center))
            .map(|p| derived(p, "各镇街中心"))
            .or_else(|| mean(locations.iter().copied()).map(|p| derived(p, "各机构位置")))
            .ok_or("请用 --center 纬度,经度 写明辖区中心点")?,
    };
    let region = Region {
        code: code.to_owned(),
        name,
        center,
        areas: file.areas,
    };
    Ok((region, note))
}

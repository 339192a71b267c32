//! The sheet's columns: one per institution field of `tuoyu.dataset/1`, with the Chinese
//! header people see, the note that explains it, and the spec path the core reports
//! problems against. The template, the importer and the messages all read this one table,
//! so a header can never be written one way and read another.

use tuoyu_core::model::CareType;

/// One institution field as a spreadsheet column. Inspections are a list in the spec but a
/// row has room for one of each column, so further inspections are numbered column groups
/// (`检查日期2`, `检查结果2`, …); group 1 carries no number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Kind,
    Operator,
    Nonprofit,
    RegNumber,
    RegDate,
    RegStatus,
    Area,
    Address,
    Lat,
    Lng,
    Phone,
    CareTypes,
    AgeMin,
    AgeMax,
    Puhui,
    FeeAmount(CareType),
    FeeUnit(CareType),
    PlacesTotal,
    PlacesVacant,
    PlacesAsOf,
    Hours,
    /// Dataset 1.1 `opening`: one column per group of days.
    OpenWeekdays,
    OpenSaturday,
    OpenSunday,
    /// Dataset 1.1 `prepayment`.
    PrepayMonths,
    Escrow,
    /// Dataset 1.1 `places.by_age`, all bands in one cell.
    AgeBands,
    Demonstration,
    Grade,
    GradeYear,
    InspDate(u8),
    InspResult(u8),
    InspSummary(u8),
    OpenToPublic,
    Features,
    Updated,
}

/// Inspection groups beyond this are not looked for: a district publishes the latest few.
pub const MAX_INSPECTION_GROUPS: u8 = 9;

/// Every column of the template, in the order it is written.
pub fn template_fields() -> Vec<Field> {
    let mut v = vec![
        Field::Id,
        Field::Name,
        Field::Kind,
        Field::Operator,
        Field::Nonprofit,
        Field::RegNumber,
        Field::RegDate,
        Field::RegStatus,
        Field::Area,
        Field::Address,
        Field::Lat,
        Field::Lng,
        Field::Phone,
        Field::CareTypes,
        Field::AgeMin,
        Field::AgeMax,
        Field::Puhui,
    ];
    for t in CareType::ALL {
        v.push(Field::FeeAmount(t));
        v.push(Field::FeeUnit(t));
    }
    v.extend([
        Field::PlacesTotal,
        Field::PlacesVacant,
        Field::PlacesAsOf,
        Field::AgeBands,
        Field::Hours,
        Field::OpenWeekdays,
        Field::OpenSaturday,
        Field::OpenSunday,
        Field::PrepayMonths,
        Field::Escrow,
        Field::Demonstration,
        Field::Grade,
        Field::GradeYear,
        Field::InspDate(1),
        Field::InspResult(1),
        Field::InspSummary(1),
        Field::OpenToPublic,
        Field::Features,
        Field::Updated,
    ]);
    v
}

fn numbered(base: &str, group: u8) -> String {
    if group == 1 {
        base.to_owned()
    } else {
        format!("{base}{group}")
    }
}

impl Field {
    pub fn header(self) -> String {
        match self {
            Field::FeeAmount(t) => format!("{}收费（元）", t.label_zh()),
            Field::FeeUnit(t) => format!("{}收费单位", t.label_zh()),
            Field::InspDate(g) => numbered("检查日期", g),
            Field::InspResult(g) => numbered("检查结果", g),
            Field::InspSummary(g) => numbered("检查说明", g),
            other => other.plain_header().to_owned(),
        }
    }

    fn plain_header(self) -> &'static str {
        match self {
            Field::Id => "编号",
            Field::Name => "机构名称",
            Field::Kind => "机构类型",
            Field::Operator => "举办性质",
            Field::Nonprofit => "是否非营利",
            Field::RegNumber => "备案回执编号",
            Field::RegDate => "备案日期",
            Field::RegStatus => "备案状态",
            Field::Area => "所属镇街",
            Field::Address => "地址",
            Field::Lat => "纬度",
            Field::Lng => "经度",
            Field::Phone => "联系电话",
            Field::CareTypes => "托育类型",
            Field::AgeMin => "最小月龄",
            Field::AgeMax => "最大月龄",
            Field::Puhui => "是否普惠",
            Field::PlacesTotal => "托位数",
            Field::PlacesVacant => "空余托位",
            Field::PlacesAsOf => "空位统计日期",
            Field::Hours => "开放时间",
            Field::OpenWeekdays => "周一至周五开放时间",
            Field::OpenSaturday => "周六开放时间",
            Field::OpenSunday => "周日开放时间",
            Field::PrepayMonths => "预收费月数",
            Field::Escrow => "资金监管",
            Field::AgeBands => "分月龄段托位",
            Field::Demonstration => "是否示范性托育机构",
            Field::Grade => "质量评估等级",
            Field::GradeYear => "质量评估年份",
            Field::OpenToPublic => "是否接收周边居民",
            Field::Features => "特色标签",
            Field::Updated => "更新日期",
            Field::FeeAmount(_)
            | Field::FeeUnit(_)
            | Field::InspDate(_)
            | Field::InspResult(_)
            | Field::InspSummary(_) => "",
        }
    }

    /// Other headers people use for the same column; the spec key itself is always accepted.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["机构编号"],
            Field::Name => &["名称", "机构名"],
            Field::Kind => &["类型", "机构类别"],
            Field::Nonprofit => &["非营利性", "营利性质", "是否营利"],
            Field::RegNumber => &["备案号", "备案编号"],
            Field::Area => &["镇街", "所属镇/街道", "镇/街道", "街道"],
            Field::Address => &["详细地址", "机构地址"],
            Field::Phone => &["电话", "联系方式"],
            Field::CareTypes => &["服务类型", "托育服务类型", "托育形式"],
            Field::Puhui => &["普惠", "普惠性", "是否普惠性"],
            Field::PlacesTotal => &["托位总数", "总托位"],
            Field::PlacesVacant => &["空余托位数", "空位", "空位数"],
            Field::PlacesAsOf => &["空位日期", "空余托位统计日期"],
            Field::Hours => &["服务时间", "营业时间"],
            Field::OpenWeekdays => &["工作日开放时间", "周一至周五"],
            Field::OpenSaturday => &["周六"],
            Field::OpenSunday => &["周日"],
            Field::PrepayMonths => &["预收费", "最多预收月数", "预收月数"],
            Field::Escrow => &["是否资金监管", "预收费资金监管"],
            Field::AgeBands => &["月龄段托位", "各月龄段托位"],
            Field::Demonstration => &["示范性托育机构", "是否示范"],
            Field::Grade => &["质量等级", "评估等级"],
            Field::GradeYear => &["评估年份"],
            Field::OpenToPublic => &["接收周边居民", "面向周边居民"],
            Field::Features => &["特色", "标签"],
            Field::Updated => &["记录更新日期"],
            _ => &[],
        }
    }

    /// Where the field sits in an institution record, as the core's problems name it.
    pub fn spec_path(self) -> String {
        match self {
            Field::FeeAmount(t) => format!("fees.{}.amount", t.code()),
            Field::FeeUnit(t) => format!("fees.{}.unit", t.code()),
            Field::InspDate(g) => format!("inspections[{}].date", g - 1),
            Field::InspResult(g) => format!("inspections[{}].result", g - 1),
            Field::InspSummary(g) => format!("inspections[{}].summary", g - 1),
            Field::Id => "id".into(),
            Field::Name => "name".into(),
            Field::Kind => "kind".into(),
            Field::Operator => "operator".into(),
            Field::Nonprofit => "nonprofit".into(),
            Field::RegNumber => "registration.number".into(),
            Field::RegDate => "registration.date".into(),
            Field::RegStatus => "registration.status".into(),
            Field::Area => "area".into(),
            Field::Address => "address".into(),
            Field::Lat => "location.lat".into(),
            Field::Lng => "location.lng".into(),
            Field::Phone => "phone".into(),
            Field::CareTypes => "care_types".into(),
            Field::AgeMin => "age_months.min".into(),
            Field::AgeMax => "age_months.max".into(),
            Field::Puhui => "puhui".into(),
            Field::PlacesTotal => "places.total".into(),
            Field::PlacesVacant => "places.vacant".into(),
            Field::PlacesAsOf => "places.as_of".into(),
            Field::Hours => "hours".into(),
            Field::OpenWeekdays | Field::OpenSaturday | Field::OpenSunday => "opening".into(),
            Field::PrepayMonths => "prepayment.max_months".into(),
            Field::Escrow => "prepayment.escrow".into(),
            Field::AgeBands => "places.by_age".into(),
            Field::Demonstration => "demonstration".into(),
            Field::Grade => "quality.grade".into(),
            Field::GradeYear => "quality.year".into(),
            Field::OpenToPublic => "open_to_public".into(),
            Field::Features => "features".into(),
            Field::Updated => "updated".into(),
        }
    }

    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Id
                | Field::Name
                | Field::Kind
                | Field::Address
                | Field::Lat
                | Field::Lng
                | Field::CareTypes
                | Field::AgeMin
                | Field::AgeMax
                | Field::Puhui
        )
    }

    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::RegDate | Field::PlacesAsOf | Field::InspDate(_) | Field::Updated
        )
    }

    /// Cells Excel would otherwise turn into numbers and strip of leading zeros.
    pub fn is_code_text(self) -> bool {
        matches!(
            self,
            Field::Id | Field::RegNumber | Field::Area | Field::Phone
        )
    }
}

/// The columns of the national 托育机构信息公示平台's export, each read as the template
/// column it fills. They are aliases like any other, and also tell an export apart from a
/// filled-in template: such a sheet is told which required columns it still lacks.
pub const REGISTRY_HEADERS: [(&str, Field); 6] = [
    ("机构名称", Field::Name),
    // 18 letters and digits, stable for the life of the organisation: a good 编号.
    ("统一社会信用代码", Field::Id),
    // 营利性 / 非营利性 on the platform.
    ("机构性质", Field::Nonprofit),
    ("机构住所", Field::Address),
    ("所属区域", Field::Area),
    ("备案通过时间", Field::RegDate),
];

/// The registry's own name for a header, if it is one of its export's columns (and not
/// also the template's own header).
pub fn registry_header(header: &str) -> Option<Field> {
    let h = normalize_header(header);
    REGISTRY_HEADERS
        .iter()
        .find(|(name, f)| normalize_header(name) == h && normalize_header(&f.header()) != h)
        .map(|(_, f)| *f)
}

/// Headers compare after this: people add spaces, type （ or (, and mark required columns
/// with `*` or `（必填）`.
pub fn normalize_header(h: &str) -> String {
    let h = crate::values::halfwidth(h);
    let h = h.replace("(必填)", "").replace("(选填)", "");
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '\u{feff}')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any.
pub fn match_header(header: &str) -> Option<Field> {
    let h = normalize_header(header);
    if h.is_empty() {
        return None;
    }
    let mut candidates: Vec<Field> = template_fields();
    for g in 2..=MAX_INSPECTION_GROUPS {
        candidates.extend([
            Field::InspDate(g),
            Field::InspResult(g),
            Field::InspSummary(g),
        ]);
    }
    for t in CareType::ALL {
        // Also the shorter `全日托收费` people write when the unit has its own column.
        if h == normalize_header(&format!("{}收费", t.label_zh())) {
            return Some(Field::FeeAmount(t));
        }
    }
    candidates
        .into_iter()
        .find(|f| {
            normalize_header(&f.header()) == h
                || normalize_header(&f.spec_path()) == h
                || f.aliases().iter().any(|a| normalize_header(a) == h)
        })
        .or_else(|| registry_header(&h))
}

/// The columns a problem at a core field path belongs to. `groups[i]` is the column group
/// that became `inspections[i]` in this row.
pub fn fields_for_path(path: &str, groups: &[u8]) -> Vec<Field> {
    if let Some(rest) = path.strip_prefix("inspections[") {
        let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
        let Some(&g) = index.parse::<usize>().ok().and_then(|i| groups.get(i)) else {
            return vec![Field::InspDate(1)];
        };
        return match tail {
            ".date" => vec![Field::InspDate(g)],
            ".result" => vec![Field::InspResult(g)],
            ".summary" => vec![Field::InspSummary(g)],
            _ => vec![Field::InspDate(g), Field::InspResult(g)],
        };
    }
    let exact: Vec<Field> = template_fields()
        .into_iter()
        .filter(|f| f.spec_path() == path)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    // A whole object (`location`, `fees.full_day`) or a list item (`care_types[1]`).
    let base = path.split('[').next().unwrap_or(path);
    let prefix = format!("{base}.");
    template_fields()
        .into_iter()
        .filter(|f| {
            let p = f.spec_path();
            p == base || p.starts_with(&prefix)
        })
        .collect()
}

/// A core field path in the words of the sheet: `location` → `纬度、经度`,
/// `care_types[1]` → `托育类型第 2 项`, `inspections[0].date` → `第 1 次检查的检查日期`.
pub fn path_label(path: &str) -> String {
    if let Some(label) = crate::worries::opening_label(path) {
        return label;
    }
    if let Some(rest) = path.strip_prefix("inspections[") {
        let (index, tail) = rest.split_once(']').unwrap_or((rest, ""));
        let n = index.parse::<usize>().map_or(1, |i| i + 1);
        let what = match tail {
            ".date" => "检查日期",
            ".result" => "检查结果",
            ".summary" => "检查说明",
            _ => "检查记录",
        };
        return format!("第 {n} 次检查的{what}");
    }
    let names: Vec<String> = fields_for_path(path, &[])
        .into_iter()
        .map(Field::header)
        .collect();
    let names = names.join("、");
    match path.split_once('[') {
        Some((_, index)) => {
            let n = index
                .trim_end_matches(']')
                .parse::<usize>()
                .map_or(1, |i| i + 1);
            format!("{names}第 {n} 项")
        }
        None => names,
    }
}

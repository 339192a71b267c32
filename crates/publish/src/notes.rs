//! The words of the template: the 填写说明 for each column, its drop-down choices, and the
//! example row. The allowed values are taken from the core's enums, so the notes cannot
//! drift from what the importer accepts.

use tuoyu_core::model::{
    CareType, FeeUnit, Grade, InspectionResult, Kind, Operator, RegistrationStatus,
};

use crate::columns::Field;

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> String {
    all.iter().map(|t| label(*t)).collect::<Vec<_>>().join("、")
}

impl Field {
    /// The values a drop-down offers, for the columns that have a closed list.
    pub fn choices(self) -> Option<Vec<&'static str>> {
        let yes_no = || vec!["是", "否"];
        Some(match self {
            Field::Kind => Kind::ALL.iter().map(|k| k.label_zh()).collect(),
            Field::Operator => Operator::ALL.iter().map(|k| k.label_zh()).collect(),
            Field::RegStatus => RegistrationStatus::ALL
                .iter()
                .map(|k| k.label_zh())
                .collect(),
            Field::FeeUnit(_) => FeeUnit::ALL.iter().map(|k| k.label_zh()).collect(),
            Field::Grade => Grade::ALL.iter().map(|k| k.code()).collect(),
            Field::InspResult(_) => InspectionResult::ALL.iter().map(|k| k.label_zh()).collect(),
            Field::Nonprofit
            | Field::Puhui
            | Field::Demonstration
            | Field::OpenToPublic
            | Field::Escrow => yes_no(),
            _ => return None,
        })
    }

    /// The 填写说明 text for this column, in the words a bureau's staff use.
    pub fn note(self) -> String {
        const YES_NO: &str = "填“是”或“否”（也可填 有/无、Y/N、√/×）。";
        const DATE: &str =
            "日期，写成 2025-03-05、2025/3/5 或 2025年3月5日 均可；Excel 的日期格式也可以。";
        match self {
            Field::Id => "机构编号，文件内不能重复；只能用英文字母、数字、“_”和“-”，最多 64 个字符，如 YC-0007。编号一经使用请不要更改，家长收藏和分享的链接靠它找到机构。".into(),
            Field::Name => "机构名称，最多 100 个字。".into(),
            Field::Kind => format!("填以下之一：{}。（幼儿园托班即托幼一体）", labels(&Kind::ALL, Kind::label_zh)),
            Field::Operator => format!("填以下之一：{}。", labels(&Operator::ALL, Operator::label_zh)),
            Field::Nonprofit => format!("非营利性填“是”，营利性填“否”（也可直接填“非营利性”“营利性”）。{YES_NO}"),
            Field::RegNumber => "备案回执上的编号，按原样填写。".into(),
            Field::RegDate => format!("备案日期。{DATE}"),
            Field::RegStatus => format!("填以下之一：{}。填了备案回执编号或备案日期时必须填写。已注销的机构不会显示给家长。", labels(&RegistrationStatus::ALL, RegistrationStatus::label_zh)),
            Field::Area => "所属镇/街道：填镇街列表（--areas 文件）中的编码或名称，如 441602003 或 东埔街道。".into(),
            Field::Address => "地址，最多 200 个字。".into(),
            Field::Lat => "纬度（数字，如 23.7528）。须与导入时 --crs 指定的坐标系一致，高德/腾讯地图坐标拾取器取得的是 GCJ-02。注意拾取器通常先给经度再给纬度。".into(),
            Field::Lng => "经度（数字，如 114.7121）。中国范围内经度在 73.5–135.1 之间，纬度在 3.8–53.6 之间。".into(),
            Field::Phone => "联系电话，只能有数字、空格、+ - ( ) 和“转”，最多 40 个字符，如 0762-3555100 转 8。".into(),
            Field::CareTypes => format!("提供的托育类型，可填多个：{}；多个之间用“、”“，”或“,”隔开，如 全日托、临时托。", labels(&CareType::ALL, CareType::label_zh)),
            Field::AgeMin => "收托的最小月龄，0–36 的整数（如 6 表示 6 个月）；也可写“1岁半”。".into(),
            Field::AgeMax => "收托的最大月龄，0–36 的整数，不能小于最小月龄；3 岁写 36。".into(),
            Field::Puhui => format!("是否普惠性托育机构。{YES_NO}"),
            Field::FeeAmount(t) => format!("{}的收费金额（元），只写数字，如 1600；不提供{}或不公开收费就留空。", t.label_zh(), t.label_zh()),
            Field::FeeUnit(t) => format!("{}收费的计费单位：{}（分别表示每月、每天、每小时、每次）。填了金额就必须填单位。", t.label_zh(), labels(&FeeUnit::ALL, FeeUnit::label_zh)),
            Field::PlacesTotal => "托位总数，整数。".into(),
            Field::PlacesVacant => "空余托位数，整数，不能大于托位总数；填了空余托位就必须填托位数。空位变化快，请同时填“空位统计日期”。".into(),
            Field::PlacesAsOf => format!("空余托位数是哪一天的数字，家长会看到这个日期。{DATE}"),
            Field::Hours => "开放时间，按原样显示给家长，如 周一至周五 07:30–18:00。".into(),
            Field::OpenWeekdays => "周一至周五每天的开门和关门时间，写成 07:30-18:00，家长可按接送时间筛选；每天时间不同或中午休息的，只填“开放时间”列。".into(),
            Field::OpenSaturday => "周六的开放时间，如 08:00-12:00；不开放写“不开放”或留空。".into(),
            Field::OpenSunday => "周日的开放时间，如 08:00-12:00；不开放写“不开放”或留空。".into(),
            Field::PrepayMonths => "最多预收几个月的费用，整数，如 3；按月后付或按次付费填 0。不填时家长会看到“预收费未注明”。".into(),
            Field::Escrow => format!("预收的费用是否存入监管账户（资金监管）。{YES_NO}"),
            Field::AgeBands => "按月龄段的托位和空位，每段写成“最小月龄-最大月龄:托位/空位”，多段用“；”隔开，如 6-17:20/2；18-36:40/5。月龄段要在收托月龄之内、互不重叠，托位合计不超过托位总数；空位日期同“空位统计日期”。".into(),
            Field::Demonstration => format!("是否示范性托育机构。{YES_NO}"),
            Field::Grade => "质量评估等级：A、B、C、D（依据 WS/T 821—2023《托育机构质量评估标准》）。".into(),
            Field::GradeYear => "质量评估的年份，如 2026。填了年份就要填等级。".into(),
            Field::InspDate(_) => format!("监督检查日期。{DATE}有多次检查时，可在表格末尾加“检查日期2”“检查结果2”“检查说明2”等列。"),
            Field::InspResult(_) => format!("检查结果：{}。填了检查日期就必须填结果。", labels(&InspectionResult::ALL, InspectionResult::label_zh)),
            Field::InspSummary(_) => "检查情况的简要说明，按原样显示。".into(),
            Field::OpenToPublic => format!("仅用人单位办托填写：是否同时接收周边居民的孩子。{YES_NO}"),
            Field::Features => "特色标签，可填多个，用“、”“，”或“,”隔开，如 膳食、户外场地、视频监控。".into(),
            Field::Updated => format!("这条记录最近一次更新的日期。{DATE}"),
        }
    }

    /// The template's example row: a complete, valid institution (it imports as is).
    pub fn example(self) -> &'static str {
        match self {
            Field::Id => "YC-0001",
            Field::Name => "（示例）小星星托育中心",
            Field::Kind => "托育机构",
            Field::Operator => "民办公助",
            Field::Nonprofit => "是",
            Field::RegNumber => "44160220250012",
            Field::RegDate => "2025-03-18",
            Field::RegStatus => "已备案",
            Field::Area => "东埔街道",
            Field::Address => "源城区东埔街道星禾路 12 号",
            Field::Lat => "23.7528",
            Field::Lng => "114.7121",
            Field::Phone => "0762-3555100",
            Field::CareTypes => "全日托、半日托、临时托",
            Field::AgeMin => "6",
            Field::AgeMax => "36",
            Field::Puhui => "是",
            Field::FeeAmount(CareType::FullDay) => "1600",
            Field::FeeUnit(CareType::FullDay) => "月",
            Field::FeeAmount(CareType::HalfDay) => "950",
            Field::FeeUnit(CareType::HalfDay) => "月",
            Field::FeeAmount(CareType::Temporary) => "120",
            Field::FeeUnit(CareType::Temporary) => "天",
            Field::FeeAmount(_) | Field::FeeUnit(_) => "",
            Field::PlacesTotal => "90",
            Field::PlacesVacant => "6",
            Field::PlacesAsOf => "2026-11-15",
            Field::Hours => "周一至周五 07:30–18:00",
            Field::OpenWeekdays => "07:30-18:00",
            Field::OpenSaturday => "不开放",
            Field::OpenSunday => "",
            Field::PrepayMonths => "3",
            Field::Escrow => "是",
            Field::AgeBands => "6-17:30/2；18-36:60/4",
            Field::Demonstration => "否",
            Field::Grade => "B",
            Field::GradeYear => "2026",
            Field::InspDate(_) => "2026-09-12",
            Field::InspResult(_) => "合格",
            Field::InspSummary(_) => "消防通道畅通，晨午检与消毒记录完整。",
            Field::OpenToPublic => "",
            Field::Features => "膳食、户外场地、视频监控",
            Field::Updated => "2026-11-15",
        }
    }
}

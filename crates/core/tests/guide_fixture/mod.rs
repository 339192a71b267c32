//! A guide shaped like the real `guide.json` (same schedule ages as content/schedule.toml),
//! written as JSON so that the tests also pin the format the app reads.
#![allow(dead_code)]

use serde_json::{json, Value};
use tuoyu_core::guide::Guide;
use tuoyu_core::model::{parse_date, Date};

pub fn d(s: &str) -> Date {
    parse_date(s).expect("date")
}

fn article(slug: &str, title: &str, topics: &[&str], ages: (u8, u8), body: &str) -> Value {
    json!({
        "slug": slug,
        "title": title,
        "topics": topics,
        "age_months": [ages.0, ages.1],
        "summary": format!("{title}的摘要。"),
        "reviewed": "2026-11-28",
        "sources": [{ "issuer": "国家卫生健康委", "title": "某指南", "year": 2022 }],
        "blocks": [
            { "heading": { "level": 2, "text": "要点" } },
            { "paragraph": [{ "text": body }, { "strong": "记住" },
                            { "link": { "text": "找托育", "href": "?age=12" } }] },
            { "list": { "ordered": false, "items": [[{ "text": "第一条" }]] } },
            { "checklist": [[{ "text": "可以打勾的一条" }]] }
        ]
    })
}

pub fn guide_json() -> Value {
    let signs = |age: u8| json!({ "age_months": age, "signs": [format!("{age}月龄的信号")] });
    let stage = |from: u8, to: u8| json!({ "from_months": from, "to_months": to, "usually": [format!("{from}–{to}个月会的")] });
    let checkup =
        |months: u8, name: &str| json!({ "age_months": months, "name": name, "note": "" });
    let vaccine = |months: u8, name: &str, dose: &str| json!({ "age_months": months, "name": name, "dose": dose, "note": "" });
    json!({
        "articles": [
            article("before-pregnancy", "怀孕前要做的几件事", &["优生优育"], (0, 0), "叶酸"),
            article("milestones-0-12", "0～12个月的本领", &["生长发育"], (0, 12), "翻身和爬"),
            article("milestones-12-36", "1～3岁的本领", &["生长发育"], (12, 36), "走路和说话"),
            article("complementary-food", "添加辅食", &["喂养", "安全"], (6, 36), "米粉和蛋黄"),
            article("safe-sleep", "Safe sleep 安全睡眠", &["睡眠", "安全"], (0, 12), "仰睡 back to sleep"),
            article("choosing-care", "怎样选托育机构", &["选择托育"], (0, 36), "备案和师幼比"),
            article("three-years", "满3岁了", &["生长发育"], (36, 36), "上幼儿园"),
        ],
        "schedule": {
            "reviewed": "2026-11-28",
            "sources": [{ "issuer": "国家卫生健康委", "title": "免疫程序", "year": 2021 }],
            "checkups": [
                { "age_months": 0, "age_days": 7, "name": "新生儿家庭访视", "note": "" },
                { "age_months": 0, "age_days": 28, "name": "满月体检", "note": "" },
                checkup(3, "3月龄体检"), checkup(6, "6月龄体检"), checkup(8, "8月龄体检"),
                checkup(12, "12月龄体检"), checkup(18, "18月龄体检"), checkup(24, "24月龄体检"),
                checkup(30, "30月龄体检"), checkup(36, "36月龄体检"),
            ],
            "vaccines": [
                vaccine(0, "乙肝疫苗", "第1剂"), vaccine(0, "卡介苗", "1剂"),
                vaccine(1, "乙肝疫苗", "第2剂"), vaccine(2, "脊灰灭活疫苗", "第1剂"),
                vaccine(2, "百白破疫苗", "第1剂"), vaccine(3, "脊灰灭活疫苗", "第2剂"),
                vaccine(4, "百白破疫苗", "第2剂"), vaccine(6, "乙肝疫苗", "第3剂"),
                vaccine(8, "麻腮风疫苗", "第1剂"), vaccine(9, "A群流脑多糖疫苗", "第2剂"),
                vaccine(18, "百白破疫苗", "第4剂"), vaccine(18, "麻腮风疫苗", "第2剂"),
                vaccine(18, "甲肝减毒活疫苗", "1剂"),
                vaccine(24, "乙脑减毒活疫苗", "第2剂"), vaccine(36, "A群C群流脑多糖疫苗", "第1剂"),
            ],
            "stages": [stage(0, 3), stage(3, 6), stage(6, 9), stage(9, 12), stage(12, 18),
                       stage(18, 24), stage(24, 30), stage(30, 36)],
            "warning_signs": [signs(3), signs(6), signs(8), signs(12), signs(18), signs(24),
                              signs(30), signs(36)],
        }
    })
}

pub fn guide() -> Guide {
    serde_json::from_value(guide_json()).expect("the fixture is a valid guide")
}

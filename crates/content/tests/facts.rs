//! The facts the 2026-12 audit corrected (issue 11, sources in shared/facts/domain-facts.md),
//! read from the real content: each test fails on the old wording.

use std::path::PathBuf;

use tuoyu_content::{build_guide, read_content};
use tuoyu_core::guide::{Article, Block, Guide, Inline, Source};
use tuoyu_core::model::parse_date;
use tuoyu_core::plan::make_plan;

fn guide() -> Guide {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let (articles, schedule) = read_content(&dir).expect("content is readable");
    build_guide(&articles, &schedule).expect("content builds")
}

fn article<'g>(guide: &'g Guide, slug: &str) -> &'g Article {
    guide
        .article(slug)
        .unwrap_or_else(|| panic!("no article {slug}"))
}

fn inline_text(items: &[Inline]) -> String {
    items.iter().map(Inline::text).collect()
}

/// Every paragraph, heading and list item, one a line, as a reader sees them.
fn lines(a: &Article) -> Vec<String> {
    let mut out = vec![a.title.clone(), a.summary.clone()];
    for block in &a.blocks {
        match block {
            Block::Heading { text, .. } => out.push(text.clone()),
            Block::Paragraph(items) => out.push(inline_text(items)),
            Block::List { items, .. } | Block::Checklist(items) => {
                out.extend(items.iter().map(|i| inline_text(i)))
            }
        }
    }
    out
}

fn line_starting<'a>(lines: &'a [String], start: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting “{start}” in {lines:#?}"))
}

fn cites(sources: &[Source], number: &str) -> bool {
    sources.iter().any(|s| s.number.as_deref() == Some(number))
}

/// Articles whose facts were re-checked for this audit carry its date or a later one.
fn assert_reviewed_since_audit(a: &Article) {
    let audit = parse_date("2026-12-02").expect("date");
    assert!(a.reviewed >= audit, "{}: reviewed {}", a.slug, a.reviewed);
}

#[test]
fn complementary_food_meals_a_day_follow_the_2022_annex() {
    let g = guide();
    let a = article(&g, "complementary-food");
    let lines = lines(a);
    let six_to_nine = line_starting(&lines, "6～9个月");
    assert!(six_to_nine.contains("1～2顿"), "{six_to_nine}");
    assert!(!six_to_nine.contains("2～3"), "old: 2–3 at 6–9 months");
    let one_to_two = line_starting(&lines, "1～2岁");
    assert!(
        one_to_two.contains("3顿") && one_to_two.contains("2次点心"),
        "{one_to_two}"
    );
    assert!(!one_to_two.contains("一两次"), "old: one or two snacks");
    assert!(cites(&a.sources, "国卫办妇幼函〔2022〕409号"));
    assert!(lines
        .iter()
        .any(|l| l.contains("维生素D") && l.contains("400")));
    assert_reviewed_since_audit(a);
}

#[test]
fn polio_and_meningococcal_doses_are_numbered_across_vaccines() {
    let g = guide();
    let dose = |name: &str, months: u8| {
        g.schedule
            .vaccines
            .iter()
            .find(|v| v.name == name && v.age_months == months)
            .map(|v| v.dose.as_str())
            .unwrap_or_else(|| panic!("no {name} at {months} months"))
    };
    // The booklet's numbering: IPV 1–2, then bOPV 3 (and 4 at 4 years).
    assert_eq!(dose("脊灰灭活疫苗", 2), "第1剂");
    assert_eq!(dose("脊灰灭活疫苗", 3), "第2剂");
    assert_eq!(dose("脊灰减毒活疫苗", 4), "第3剂");
    // A群 1–2, then A群C群 3 (and 4 at 6 years).
    assert_eq!(dose("A群流脑多糖疫苗", 6), "第1剂");
    assert_eq!(dose("A群流脑多糖疫苗", 9), "第2剂");
    assert_eq!(dose("A群C群流脑多糖疫苗", 36), "第3剂");

    let a = article(&g, "vaccines");
    let lines = lines(a);
    assert!(line_starting(&lines, "4个月").contains("脊灰减毒活疫苗第3剂"));
    assert!(line_starting(&lines, "3岁：").contains("A群C群流脑多糖疫苗第3剂"));
    let after_three = line_starting(&lines, "3岁以后");
    assert!(
        after_three.contains("脊灰减毒活疫苗第4剂") && after_three.contains("流脑多糖疫苗第4剂"),
        "{after_three}"
    );
    let text = lines.join("\n");
    for old in ["脊灰减毒活疫苗第1剂", "A群C群流脑多糖疫苗第1剂"] {
        assert!(!text.contains(old), "old numbering “{old}”");
    }
    assert_reviewed_since_audit(a);
}

#[test]
fn the_2026_immunisation_schedule_is_cited_and_the_first_hepb_dose_has_no_hours() {
    let g = guide();
    let a = article(&g, "vaccines");
    for sources in [&a.sources, &g.schedule.sources] {
        let current = sources
            .iter()
            .find(|s| s.number.as_deref() == Some("国疾控卫免发〔2026〕16号"))
            .expect("the 2026 edition is cited");
        assert!(current.title.contains("2026年版") && current.year == 2026);
        assert!(
            !sources.iter().any(|s| s.title.contains("2021年版")),
            "the replaced 2021 edition is no longer cited"
        );
    }
    assert!(lines(a).iter().any(|l| l.contains("2026年6月17日")));
    // Hours for the first HepB dose could not be read in the 2026 text: none are stated.
    assert!(!lines(a).join("\n").contains("小时内"));
    assert!(!g
        .schedule
        .vaccines
        .iter()
        .any(|v| v.note.contains("小时内")));
    assert!(g.schedule.reviewed >= parse_date("2026-12-02").expect("date"));
}

#[test]
fn the_guangdong_difficult_birth_leave_and_the_nursing_hour_name_their_rules() {
    let g = guide();
    let a = article(&g, "leave-and-money");
    assert!(cites(&a.sources, "粤府令第227号"));
    assert!(cites(&a.sources, "粤人社规〔2023〕17号"));
    let lines = lines(a);
    let difficult = line_starting(&lines, "难产的");
    for words in ["30天", "粤府令第227号", "第十一条", "粤人社规〔2023〕17号"] {
        assert!(difficult.contains(words), "“{words}” in {difficult}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("15天") && l.contains("不矛盾")),
        "the national +15 days is explained, not left as a contradiction"
    );
    assert_reviewed_since_audit(a);

    let b = article(&g, "breastfeeding");
    assert!(b
        .sources
        .iter()
        .any(|s| s.title == "女职工劳动保护特别规定"));
    let nursing = self::lines(b)
        .into_iter()
        .find(|l| l.contains("哺乳时间"))
        .expect("nursing time");
    assert!(
        nursing.contains("第九条") && nursing.contains("1小时"),
        "{nursing}"
    );
}

#[test]
fn vitamin_d_400_iu_from_a_few_days_after_birth() {
    let g = guide();
    let a = article(&g, "breastfeeding");
    let lines = lines(a);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("出生几天后") && l.contains("维生素D 400国际单位")),
        "{lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("只吃母乳就够了")),
        "old: breast milk alone is enough"
    );
    assert!(a
        .sources
        .iter()
        .any(|s| s.title.contains("中国居民膳食指南")));
    assert_reviewed_since_audit(a);

    // The plan's first months: a newborn's first visit says it.
    let today = parse_date("2026-12-02").expect("date");
    let plan = make_plan(&g, today, None, today).expect("plan");
    let first = &plan.checkups[0].item;
    assert!(
        first.note.contains("维生素D 400国际单位"),
        "{}: {}",
        first.name,
        first.note
    );
}

#[test]
fn a_14_month_child_is_shown_the_18_month_visit() {
    let g = guide();
    let d = |s| parse_date(s).expect("date");
    let plan = make_plan(&g, d("2025-10-02"), None, d("2026-12-02")).expect("plan");
    assert!(plan.vaccines.is_empty(), "nothing in the 3-month window");
    let next = plan.next_vaccination.expect("a next visit");
    assert_eq!(next.date, d("2027-04-02"));
    let at_18: Vec<_> = g
        .schedule
        .vaccines
        .iter()
        .filter(|v| v.age_months == 18)
        .cloned()
        .collect();
    assert_eq!(next.item, at_18, "all of the schedule's 18-month vaccines");
    let names: Vec<&str> = at_18.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["百白破疫苗", "麻腮风疫苗", "甲肝减毒活疫苗"]);
}

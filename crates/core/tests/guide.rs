//! The guide's JSON shape, its index (topics and age bands) and search.

mod guide_fixture;

use guide_fixture::{guide, guide_json};
use tuoyu_core::guide::{search, Block, Inline, AGE_BANDS, TOPICS};

fn slugs(indices: &[usize]) -> Vec<String> {
    let g = guide();
    indices
        .iter()
        .map(|&i| g.articles[i].slug.clone())
        .collect()
}

#[test]
fn blocks_and_inlines_read_from_json_and_write_back_the_same() {
    let g = guide();
    let blocks = &g.articles[1].blocks;
    assert_eq!(
        blocks[0],
        Block::Heading {
            level: 2,
            text: "要点".into()
        }
    );
    assert_eq!(
        blocks[1],
        Block::Paragraph(vec![
            Inline::Text("翻身和爬".into()),
            Inline::Strong("记住".into()),
            Inline::Link {
                text: "找托育".into(),
                href: "?age=12".into()
            },
        ])
    );
    assert!(matches!(&blocks[3], Block::Checklist(items) if items.len() == 1));
    assert_eq!(serde_json::to_value(&g).expect("serializes"), guide_json());
}

#[test]
fn a_source_without_a_number_leaves_it_out_of_the_json() {
    let json = serde_json::to_string(&guide().articles[0].sources[0]).expect("serializes");
    assert!(!json.contains("number"), "{json}");
}

#[test]
fn age_bands_hold_the_articles_whose_ages_overlap_them() {
    let g = guide();
    let by_band: Vec<Vec<String>> = AGE_BANDS.iter().map(|&b| slugs(&g.in_band(b))).collect();
    let all = ["milestones-0-12", "safe-sleep", "choosing-care"];
    assert_eq!(by_band[0], ["before-pregnancy", all[0], all[1], all[2]]);
    assert_eq!(
        by_band[1],
        [
            "milestones-0-12",
            "complementary-food",
            "safe-sleep",
            "choosing-care"
        ]
    );
    // 0–12 ends where the 12–24 band starts: it is not listed there.
    assert_eq!(
        by_band[2],
        ["milestones-12-36", "complementary-food", "choosing-care"]
    );
    assert_eq!(
        by_band[3],
        [
            "milestones-12-36",
            "complementary-food",
            "choosing-care",
            "three-years"
        ]
    );
    assert_eq!(AGE_BANDS[2].label(), "12–24 个月");
    for (i, a) in g.articles.iter().enumerate() {
        assert!(
            AGE_BANDS.iter().any(|&b| g.in_band(b).contains(&i)),
            "{} is in no band",
            a.slug
        );
    }
}

#[test]
fn topics_list_each_article_under_every_topic_it_names() {
    let g = guide();
    assert_eq!(
        slugs(&g.on_topic("安全")),
        ["complementary-food", "safe-sleep"]
    );
    assert_eq!(slugs(&g.on_topic("选择托育")), ["choosing-care"]);
    assert!(g.on_topic("假期与补贴").is_empty());
    assert!(g
        .articles
        .iter()
        .all(|a| a.topics.iter().all(|t| TOPICS.contains(&t.as_str()))));
}

#[test]
fn fits_age_is_inclusive_at_both_ends() {
    let g = guide();
    let a = g.article("milestones-0-12").expect("article");
    assert!(a.fits_age(0) && a.fits_age(12) && !a.fits_age(13));
}

#[test]
fn search_finds_words_in_titles_first_then_in_the_text() {
    let g = guide();
    // Every fixture article links "找托育"; the one with it in the title comes first.
    assert_eq!(
        slugs(&search(&g, "托育")),
        [
            "choosing-care",
            "before-pregnancy",
            "milestones-0-12",
            "milestones-12-36",
            "complementary-food",
            "safe-sleep",
            "three-years",
        ]
    );
    assert_eq!(
        slugs(&search(&g, "蛋黄")),
        ["complementary-food"],
        "a word in the body"
    );
    assert_eq!(
        slugs(&search(&g, "可以打勾")).len(),
        g.articles.len(),
        "checklist text counts"
    );
    assert_eq!(
        slugs(&search(&g, "SAFE")),
        ["safe-sleep"],
        "Latin letters ignore case"
    );
    assert_eq!(
        slugs(&search(&g, "仰睡 back")),
        ["safe-sleep"],
        "every word must match"
    );
    assert!(search(&g, "仰睡 米粉").is_empty());
    assert!(search(&g, "   ").is_empty());
    assert!(search(&g, "没有这个词").is_empty());
}

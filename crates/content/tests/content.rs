//! The real content builds; anything outside the front-matter contract or the Markdown
//! subset fails the build, naming the file and the line.

use std::path::PathBuf;

use tuoyu_content::{build_guide, read_content, Problem, SourceFile};
use tuoyu_core::guide::{slugs, Block, Inline};

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn real_schedule() -> SourceFile {
    read_content(&content_dir()).expect("content is readable").1
}

const FRONT: &str = r#"+++
title = "安全睡眠"
slug = "SLUG"
topics = ["睡眠"]
age_months = [0, 12]
summary = "一句话。"
reviewed = 2026-11-28

[[sources]]
issuer = "国家卫生健康委"
title = "某个指南"
year = 2022
+++
"#;

const LAST_WORD: &str = "\n## 请以当地意见为准\n\n以医生的意见为准。\n";

fn article(slug: &str, body: &str) -> SourceFile {
    SourceFile {
        path: format!("content/guide/{slug}.md"),
        text: format!("{}{body}{LAST_WORD}", FRONT.replace("SLUG", slug)),
    }
}

fn problems(articles: Vec<SourceFile>) -> Vec<Problem> {
    build_guide(&articles, &real_schedule()).expect_err("the build must fail")
}

fn assert_refused(articles: Vec<SourceFile>, file: &str, line: usize, words: &str) {
    let found = problems(articles);
    assert!(
        found
            .iter()
            .any(|p| p.file.ends_with(file) && p.line == line && p.message.contains(words)),
        "expected {file}:{line} “{words}”, got {found:#?}"
    );
}

#[test]
fn every_real_article_passes() {
    let (articles, schedule) = read_content(&content_dir()).expect("content is readable");
    let guide = build_guide(&articles, &schedule).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
        panic!("content problems:\n{}", list.join("\n"))
    });
    assert_eq!(guide.articles.len(), articles.len());
    assert!(guide.articles.len() >= 14);
    for a in &guide.articles {
        assert!(!a.sources.is_empty(), "{}", a.slug);
        assert!(!a.blocks.is_empty(), "{}", a.slug);
    }
    for slug in slugs::ALL {
        assert!(guide.article(slug).is_some(), "the app links to {slug}");
    }
    let prepaid = guide.article(slugs::PREPAID_FEES).expect("prepaid-fees");
    assert!(
        prepaid.sources.len() >= 3,
        "claims on prepaid fees name their official texts"
    );
    let warning_signs = guide.article(slugs::WARNING_SIGNS).expect("warning-signs");
    let ticks: usize = warning_signs
        .blocks
        .iter()
        .map(|b| match b {
            Block::Checklist(items) => items.len(),
            _ => 0,
        })
        .sum();
    assert!(ticks >= 32, "8 ages × 4 signs as checklists, got {ticks}");
    assert_eq!(guide.schedule.warning_signs.len(), 8);
}

#[test]
fn the_guide_round_trips_through_json() {
    let (articles, schedule) = read_content(&content_dir()).expect("content");
    let guide = build_guide(&articles, &schedule).expect("builds");
    let json = serde_json::to_string(&guide).expect("serializes");
    let back: tuoyu_core::guide::Guide = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, guide);
}

#[test]
fn a_minimal_article_becomes_blocks() {
    let body = "开头一段，有**加粗**和[看普惠](?puhui=1)。\n\n## 小标题\n\n- 一\n- 二\n\n1. 第一\n2. 第二\n\n- [ ] 勾一\n- [ ] 勾二\n";
    let guide = build_guide(&[article("safe-nap", body)], &real_schedule()).expect("builds");
    let blocks = &guide.articles[0].blocks;
    assert_eq!(
        blocks[0],
        Block::Paragraph(vec![
            Inline::Text("开头一段，有".into()),
            Inline::Strong("加粗".into()),
            Inline::Text("和".into()),
            Inline::Link {
                text: "看普惠".into(),
                href: "?puhui=1".into()
            },
            Inline::Text("。".into()),
        ])
    );
    assert_eq!(
        blocks[1],
        Block::Heading {
            level: 2,
            text: "小标题".into()
        }
    );
    assert!(matches!(&blocks[2], Block::List { ordered: false, items } if items.len() == 2));
    assert!(matches!(&blocks[3], Block::List { ordered: true, items } if items.len() == 2));
    assert!(matches!(&blocks[4], Block::Checklist(items) if items.len() == 2));
}

#[test]
fn front_matter_without_sources_fails() {
    let mut a = article("no-sources", "正文。\n");
    let start = a.text.find("[[sources]]").expect("has sources");
    let end = a
        .text
        .find("+++\n\n")
        .unwrap_or_else(|| a.text.rfind("+++").expect("closing"));
    a.text.replace_range(start..end, "");
    let found = problems(vec![a]);
    assert!(
        found.iter().any(|p| p.message.contains("sources")),
        "{found:#?}"
    );
}

#[test]
fn empty_sources_fail() {
    let mut a = article("empty-sources", "正文。\n");
    let start = a.text.find("[[sources]]").expect("has sources");
    let end = a.text[start..].find("+++").expect("closing") + start;
    a.text.replace_range(start..end, "sources = []\n");
    assert_refused(vec![a], "empty-sources.md", 9, "sources is empty");
}

#[test]
fn a_missing_title_or_review_date_fails() {
    let mut a = article("no-title", "正文。\n");
    a.text = a.text.replace("title = \"安全睡眠\"\n", "");
    assert!(problems(vec![a])
        .iter()
        .any(|p| p.message.contains("title")));
    let mut b = article("no-date", "正文。\n");
    b.text = b.text.replace("reviewed = 2026-11-28\n", "");
    assert!(problems(vec![b])
        .iter()
        .any(|p| p.message.contains("reviewed")));
}

#[test]
fn raw_html_fails_with_file_and_line() {
    // The body starts on line 14 of these files.
    assert_refused(
        vec![article("inline-html", "第一段。\n\n第二段<b>加粗</b>。\n")],
        "inline-html.md",
        16,
        "raw HTML",
    );
    assert_refused(
        vec![article("block-html", "<div onclick=\"x()\">点我</div>\n")],
        "block-html.md",
        14,
        "raw HTML",
    );
    assert_refused(
        vec![article("comment", "<!-- 备注 -->\n")],
        "comment.md",
        14,
        "raw HTML",
    );
}

#[test]
fn an_external_link_fails() {
    assert_refused(
        vec![article("external", "见[官网](https://www.nhc.gov.cn/)。\n")],
        "external.md",
        14,
        "external link",
    );
    assert_refused(
        vec![article("autolink", "见 <https://example.com>。\n")],
        "autolink.md",
        14,
        "external link",
    );
    assert_refused(
        vec![article("bare-url", "网址是 https://example.com 。\n")],
        "bare-url.md",
        14,
        "another site",
    );
}

#[test]
fn a_duplicate_slug_fails() {
    let found = problems(vec![article("twice", "一。\n"), article("twice", "二。\n")]);
    assert!(
        found
            .iter()
            .any(|p| p.message.contains("duplicate slug “twice”")),
        "{found:#?}"
    );
}

#[test]
fn images_tables_code_and_quotes_fail() {
    for (slug, body, line, words) in [
        ("image", "![图](?x=1)\n", 14, "images"),
        ("table", "| a | b |\n|---|---|\n| 1 | 2 |\n", 14, "tables"),
        ("code-block", "```\ncode\n```\n", 14, "code blocks"),
        ("inline-code", "用 `code` 写。\n", 14, "code"),
        ("quote", "> 引用\n", 14, "block quotes"),
        ("h1", "# 大标题\n", 14, "headings"),
        ("nested", "- 一\n  - 二\n", 15, "nested lists"),
        ("ticked", "- [x] 已勾\n", 14, "ticked"),
    ] {
        assert_refused(
            vec![article(slug, body)],
            &format!("{slug}.md"),
            line,
            words,
        );
    }
}

#[test]
fn front_matter_is_checked_against_the_contract() {
    let wrong_slug = SourceFile {
        path: "content/guide/file-name.md".into(),
        text: article("other-name", "正文。\n").text,
    };
    assert_refused(
        vec![wrong_slug],
        "file-name.md",
        3,
        "must equal the file name",
    );

    let mut topic = article("bad-topic", "正文。\n");
    topic.text = topic.text.replace("[\"睡眠\"]", "[\"育儿\"]");
    assert_refused(vec![topic], "bad-topic.md", 4, "is not one of");

    let mut ages = article("bad-ages", "正文。\n");
    ages.text = ages.text.replace("[0, 12]", "[12, 40]");
    assert_refused(vec![ages], "bad-ages.md", 5, "age_months");

    let mut extra = article("extra-key", "正文。\n");
    extra.text = extra
        .text
        .replace("summary =", "author = \"某人\"\nsummary =");
    assert_refused(vec![extra], "extra-key.md", 6, "author");
}

#[test]
fn links_must_reach_an_existing_article_or_a_valid_filter() {
    assert_refused(
        vec![article(
            "dangling",
            "见[别的文章](?page=guide&article=no-such-article)。\n",
        )],
        "dangling.md",
        14,
        "does not exist",
    );
    assert_refused(
        vec![article("bad-filter", "见[托育](?age=99)。\n")],
        "bad-filter.md",
        14,
        "would ignore",
    );
    let ok = vec![
        article("one", "见[二](?page=guide&article=two)。\n"),
        article(
            "two",
            "见[一](?page=guide&article=one)和[普惠](?puhui=1&age=18)。\n",
        ),
    ];
    assert!(build_guide(&ok, &real_schedule()).is_ok());
}

#[test]
fn an_article_without_the_last_word_fails() {
    let mut a = article("no-last-word", "正文。\n");
    a.text = a.text.replace(LAST_WORD, "\n");
    assert!(problems(vec![a])
        .iter()
        .any(|p| p.message.contains("请以当地意见为准")));
}

#[test]
fn the_schedule_is_checked() {
    let mut schedule = real_schedule();
    schedule.text = schedule
        .text
        .replacen("from_months = 3", "from_months = 4", 1);
    let found = build_guide(&[article("fine", "正文。\n")], &schedule).expect_err("gap");
    assert!(
        found.iter().any(|p| p.message.contains("without gaps")),
        "{found:#?}"
    );
}

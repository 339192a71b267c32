//! The first-paint list and the engine check as they land in Trunk's page.

use std::path::PathBuf;

use tuoyu_core::load::{load_dataset, Loaded};
use tuoyu_core::source::DEFAULT_DATASET;
use tuoyu_site::fault;
use tuoyu_site::first_paint::{ENGINE_CHECK, REVEAL, UNSUPPORTED_MESSAGE};
use tuoyu_site::page::{finish_page, inline_script_hashes};
use tuoyu_site::preload;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn dataset(path: &str) -> (Loaded, serde_json::Value) {
    let bytes = std::fs::read(repo(path)).expect("dataset file");
    (
        load_dataset(&bytes).expect("loads"),
        serde_json::from_slice(&bytes).expect("json"),
    )
}

/// What Trunk writes: its loader is an inline module at the end of <head>.
const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>托育机构查询</title>
  <link rel="stylesheet" href="/main-1.css"/>
<script type="module">
import init, * as bindings from '/app-1.js';
const wasm = await init({ module_or_path: '/app-1_bg.wasm' });
</script>
<link rel="modulepreload" href="/app-1.js"></head>
<body>
  <noscript><p class="boot-note">请开启 JavaScript 后使用托育机构查询。</p></noscript>
</body>
</html>"#;

fn escape(text: &str) -> String {
    html_escape::encode_safe(text).into_owned()
}

fn first_paint(page: &str) -> &str {
    let start = page
        .find("<!--tuoyu-site:first-paint-->")
        .expect("block start");
    let end = page
        .find("<!--/tuoyu-site:first-paint-->")
        .expect("block end");
    &page[start..end]
}

#[test]
fn the_five_characters_are_escaped() {
    assert_eq!(
        escape(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;&#x2F;a&gt;"
    );
}

#[test]
fn hostile_strings_stay_text() {
    let (loaded, raw) = dataset("tests/fixtures/datasets/hostile-strings.json");
    let page = finish_page(TRUNK_PAGE, Some(&loaded), DEFAULT_DATASET).expect("finished");
    let block = first_paint(&page);
    for needle in ["<script>alert", "<img", "<svg", "\"><svg", "<b>"] {
        assert!(!block.contains(needle), "{needle} leaked into {block}");
    }
    // The only scripts are the four this crate wrote and Trunk's loader.
    assert_eq!(page.matches("<script").count(), 5);
    for inst in &loaded.dataset.institutions {
        assert!(
            block.contains(&escape(&inst.name)),
            "{} is listed",
            inst.name
        );
        assert!(
            block.contains(&escape(&inst.address)),
            "{} address",
            inst.name
        );
    }
    assert!(block.contains(&escape(raw["title"].as_str().unwrap())));
    assert!(block.contains("href=\"tel:"), "phones are links");
}

#[test]
fn lists_every_listed_institution_and_not_the_revoked_one() {
    let (loaded, raw) = dataset("public/data/yuancheng.json");
    let page = finish_page(TRUNK_PAGE, Some(&loaded), DEFAULT_DATASET).expect("finished");
    let block = first_paint(&page);
    let listed = &loaded.dataset.institutions;
    assert_eq!(block.matches("<li class=\"card\">").count(), listed.len());
    assert!(block.contains(&format!(
        "找到 <strong>{}</strong> 家托育机构",
        listed.len()
    )));
    for inst in listed {
        assert!(
            block.contains(&escape(&inst.name)),
            "{} is listed",
            inst.name
        );
    }
    let revoked: Vec<&str> = raw["institutions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["registration"]["status"] == "revoked")
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(revoked.len(), 1, "the sample has one revoked record");
    assert!(!block.contains(&escape(revoked[0])));
    assert!(block.contains("示例数据"), "the sample notice");
    assert!(block.contains(raw["published"].as_str().unwrap()));
    assert!(block.contains(&escape(raw["publisher"].as_str().unwrap())));
}

#[test]
fn starts_hidden_with_the_message_and_its_scripts_in_place() {
    let (loaded, _) = dataset("public/data/yuancheng.json");
    let page = finish_page(TRUNK_PAGE, Some(&loaded), DEFAULT_DATASET).expect("finished");
    assert!(page.contains("<div id=\"static-first-paint\" hidden>"));
    assert!(page.contains(UNSUPPORTED_MESSAGE));
    let check = page.find(ENGINE_CHECK).expect("engine check");
    let head = page.find("<head>").unwrap();
    assert!(
        head < check && check < page.find("<meta charset").unwrap(),
        "top of <head>"
    );
    assert!(
        check < page.find("import init").unwrap(),
        "before Trunk's loader"
    );
    let fault = page.find(&fault::script()).expect("fault boundary");
    assert!(
        check < fault && fault < page.find("import init").unwrap(),
        "the fault boundary listens before the wasm starts"
    );
    let body = page.find("<body>").unwrap();
    let list = page.find("static-first-paint").unwrap();
    let reveal = page.find(REVEAL).expect("reveal script");
    assert!(body < list && list < reveal && reveal < page.find("<noscript>").unwrap());
}

#[test]
fn finishing_twice_changes_nothing() {
    let (loaded, _) = dataset("public/data/yuancheng.json");
    let once = finish_page(TRUNK_PAGE, Some(&loaded), DEFAULT_DATASET).expect("once");
    let twice = finish_page(&once, Some(&loaded), DEFAULT_DATASET).expect("twice");
    assert_eq!(once, twice);
    assert_eq!(twice.matches("id=\"static-first-paint\"").count(), 1);
}

#[test]
fn a_page_without_body_is_an_error() {
    let (loaded, _) = dataset("public/data/yuancheng.json");
    assert!(finish_page("<html><head></head></html>", Some(&loaded), DEFAULT_DATASET).is_err());
}

#[test]
fn every_inline_script_is_hashed() {
    let (loaded, _) = dataset("public/data/yuancheng.json");
    let page = finish_page(TRUNK_PAGE, Some(&loaded), DEFAULT_DATASET).expect("finished");
    let scripts = inline_script_hashes(&page);
    let what: Vec<&str> = scripts.iter().map(|s| s.what).collect();
    assert_eq!(
        what,
        [
            "engine check (crates/site)",
            "fault boundary (crates/site)",
            "preload of the first file (crates/site)",
            "Trunk's wasm loader",
            "first-paint reveal (crates/site)"
        ]
    );
    for script in &scripts {
        assert!(script.hash.starts_with("'sha256-") && script.hash.ends_with("='"));
        assert_eq!(script.hash.len(), "'sha256-'".len() + 44);
    }
}

#[test]
fn the_first_file_is_preloaded_before_the_loader_and_a_path_cannot_close_the_script() {
    let (loaded, _) = dataset("public/data/yuancheng.json");
    let page =
        finish_page(TRUNK_PAGE, Some(&loaded), "/data/a</script><b>.json").expect("finished");
    let script = preload::script("/data/a</script><b>.json");
    let at = page.find(&script).expect("the preload script");
    assert!(
        at < page.find("import init").unwrap(),
        "before Trunk's loader"
    );
    assert!(
        !script.contains("</script>") && script.contains("\\u003c/script>"),
        "{script}"
    );
    assert!(script.contains("data="), "the address's data= first");
}

#[test]
fn a_catalogue_default_has_no_list_but_keeps_the_old_engine_message() {
    let page = finish_page(TRUNK_PAGE, None, "/data/heyuan/catalogue.json").expect("finished");
    let block = first_paint(&page);
    assert!(block.contains(UNSUPPORTED_MESSAGE));
    assert!(!block.contains("<li class=\"card\">") && !block.contains("result-count"));
    assert!(
        page.contains("\"/data/heyuan/catalogue.json\""),
        "the root is preloaded"
    );
    assert!(page.find(REVEAL).is_some());
}

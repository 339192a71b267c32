//! Placing the finishing blocks into Trunk's `index.html`, and the hashes a
//! Content-Security-Policy needs for the page's inline scripts.
//!
//! Each block sits between `<!--tuoyu-site:NAME-->` and `<!--/tuoyu-site:NAME-->`, and a run
//! first takes out what an earlier run put in, so finishing the same page twice changes nothing.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::fault;
use crate::first_paint::{self, ENGINE_CHECK, REVEAL};
use crate::preload;
use tuoyu_core::load::Loaded;

#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page lacks a tag a block goes after.
    NoTag(&'static str),
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NoTag(tag) => write!(f, "index.html has no <{tag}> tag"),
        }
    }
}

impl std::error::Error for PageError {}

/// `index.html` with the engine check, the fault boundary and the preload of the first file
/// (the address's `data=` or `default_data`) at the top of `<head>` (before Trunk's loader
/// starts the wasm), and the first-paint block at the top of `<body>`: the list of `list`, the
/// default dataset, or only the old-engine message when the default is a catalogue (which has
/// no one list to show before the parent says where). Replaces any blocks an earlier run left.
pub fn finish_page(
    html: &str,
    list: Option<&Loaded>,
    default_data: &str,
) -> Result<String, PageError> {
    let html = remove_block(&remove_block(html, "engine"), "first-paint");
    let engine = block(
        "engine",
        &format!(
            "<script>{ENGINE_CHECK}</script><script>{}</script><script>{}</script>",
            fault::script(),
            preload::script(default_data)
        ),
    );
    let first = match list {
        Some(loaded) => first_paint::render(loaded),
        None => first_paint::render_message_only(),
    };
    let list = block("first-paint", &format!("{first}<script>{REVEAL}</script>"));
    let html = insert_after_open_tag(&html, "head", &engine)?;
    insert_after_open_tag(&html, "body", &list)
}

fn block(name: &str, content: &str) -> String {
    format!("<!--tuoyu-site:{name}-->{content}<!--/tuoyu-site:{name}-->")
}

fn remove_block(html: &str, name: &str) -> String {
    let (begin, end) = (
        format!("<!--tuoyu-site:{name}-->"),
        format!("<!--/tuoyu-site:{name}-->"),
    );
    match (html.find(&begin), html.find(&end)) {
        (Some(b), Some(e)) if b < e => format!("{}{}", &html[..b], &html[e + end.len()..]),
        _ => html.to_owned(),
    }
}

/// Inserts right after `<tag>` or `<tag attr…>` (not `<header>` for `head`).
fn insert_after_open_tag(
    html: &str,
    tag: &'static str,
    content: &str,
) -> Result<String, PageError> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let mut from = 0;
    while let Some(found) = lower[from..].find(&open) {
        let start = from + found;
        let after = start + open.len();
        if matches!(
            lower.as_bytes().get(after),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
        ) {
            let close = lower[after..].find('>').ok_or(PageError::NoTag(tag))? + after + 1;
            return Ok(format!("{}{content}{}", &html[..close], &html[close..]));
        }
        from = after;
    }
    Err(PageError::NoTag(tag))
}

/// One inline script of a page and its CSP source expression (`'sha256-…'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineScript {
    pub what: &'static str,
    pub hash: String,
}

/// Every inline `<script>` of the page, in order, named where it is known: a CSP without
/// `'unsafe-inline'` must list each of these hashes, Trunk's loader included.
pub fn inline_script_hashes(html: &str) -> Vec<InlineScript> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let start = from + found;
        let Some(tag_end) = lower[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script>").map(|e| tag_end + e) else {
            break;
        };
        from = close;
        if lower[start..tag_end].contains(" src=") {
            continue;
        }
        let body = &html[tag_end..close];
        let what = if body == ENGINE_CHECK {
            "engine check (crates/site)"
        } else if body == REVEAL {
            "first-paint reveal (crates/site)"
        } else if body == fault::script() {
            "fault boundary (crates/site)"
        } else if body.contains("rel=\"preload\"") {
            "preload of the first file (crates/site)"
        } else if body.contains("init(") {
            "Trunk's wasm loader"
        } else {
            "other inline script"
        };
        let digest = Sha256::digest(body.as_bytes());
        out.push(InlineScript {
            what,
            hash: format!("'sha256-{}'", STANDARD.encode(digest)),
        });
    }
    out
}

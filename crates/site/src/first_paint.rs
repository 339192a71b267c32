//! The markup a parent sees before the app runs, or instead of it on an engine too old for it.
//!
//! It reuses the app's class names, so `style/main.css` draws it like the app's own list, and it
//! keeps the room of the app's filter bar, so the app's takeover moves no card.

use std::fmt::Write;

use html_escape::encode_safe;
use tuoyu_core::filter::{find, Filter, Sort};
use tuoyu_core::links::tel_href;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{format_date, Institution};

pub const UNSUPPORTED_MESSAGE: &str = "您的微信/浏览器版本过旧，无法运行完整功能。\
    请将微信更新到最新版本，或用手机自带浏览器打开本页。以下是机构名单：";

/// Runs at the top of `<head>`, before Trunk's loader: the build needs WebAssembly with
/// reference types (Chrome 96+, iOS 15+), and the module below is valid only with them (a
/// function type taking an `externref`). ES5, because the engines it is for are old.
pub const ENGINE_CHECK: &str = "(function(){var ok=false;try{ok=typeof WebAssembly===\"object\"&&\
WebAssembly.validate(new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,1,111,0]))}catch(e){}\
if(!ok)document.documentElement.setAttribute(\"data-engine\",\"old\")})();";

/// Runs right after the list, so the list is in the very first paint when it is wanted: always
/// on an old engine (with the message, and without tabs that lead nowhere there), otherwise
/// only where the app's first screen is this same list, not another dataset, page, sheet or the
/// map. Nothing hides it again except the app.
pub const REVEAL: &str = "(function(){var d=document,l=d.getElementById(\"static-first-paint\");\
if(!l)return;if(d.documentElement.getAttribute(\"data-engine\")===\"old\"){\
d.getElementById(\"unsupported-engine\").hidden=false;\
var n=l.getElementsByTagName(\"nav\");if(n[0])n[0].hidden=true;l.hidden=false;return}\
if(!/[?&]((data|id|article|compare)=[^&]|page=(?!finder(&|$))|view=(?!list(&|$)))/\
.test(location.search))l.hidden=false})();";

fn message(out: &mut String) {
    out.push_str("<div id=\"static-first-paint\" hidden>");
    write!(
        out,
        "<p id=\"unsupported-engine\" class=\"unsupported-engine\" role=\"alert\" hidden>{}</p>",
        UNSUPPORTED_MESSAGE
    )
    .ok();
}

/// The block for a build whose default is a catalogue: there is no one list before the parent
/// says where, so only the message an old engine shows (a modern one shows nothing of it).
pub fn render_message_only() -> String {
    let mut out = String::new();
    message(&mut out);
    out.push_str("</div>");
    out
}

/// The list block for `<body>`: hidden until [`REVEAL`] decides.
pub fn render(loaded: &Loaded) -> String {
    let data = &loaded.dataset;
    let hits = find(data, &Filter::default(), Sort::Default);
    let mut out = String::with_capacity(1024 + hits.len() * 480);
    message(&mut out);
    out.push_str(
        "<div class=\"app\"><header class=\"top\"><nav class=\"tabs\" aria-label=\"主要栏目\">",
    );
    out.push_str("<a class=\"tab\" href=\"./\" aria-current=\"page\">找托育</a>");
    out.push_str("<a class=\"tab\" href=\"?page=guide\">育儿指南</a>");
    out.push_str("<a class=\"tab\" href=\"?page=baby\">我的宝宝</a>");
    out.push_str("</nav></header><main class=\"page\">");
    // The app's layout (src/views/finder.rs): its filter bar's room, the sample line, the
    // cards, the data line after them and the count at the foot of the screen; so the first
    // card is where the app's will be.
    out.push_str("<div class=\"filters finder-bar bar-room\" aria-hidden=\"true\"></div>");
    if data.sample {
        out.push_str(
            "<p class=\"sample-banner\" role=\"note\">示例数据：均为虚构机构，仅供演示</p>",
        );
    }
    out.push_str("<ol class=\"results\">");
    for hit in &hits {
        card(&mut out, &data.institutions[hit.index]);
    }
    write!(
        out,
        "</ol><div class=\"data-line\"><p>{}</p><p>数据更新于 {} · {}</p></div>",
        encode_safe(&data.title),
        format_date(data.published),
        encode_safe(&data.publisher)
    )
    .ok();
    write!(
        out,
        "<div class=\"result-bar\"><div class=\"result-bar-inner\">\
         <p class=\"result-count\">找到 <strong>{}</strong> 家托育机构</p></div></div>\
         <div class=\"result-bar-room\"></div>",
        hits.len()
    )
    .ok();
    out.push_str("</ol></main></div></div>");
    out
}

fn card(out: &mut String, inst: &Institution) {
    let care = inst
        .care_types
        .iter()
        .map(|c| c.label_zh())
        .collect::<Vec<_>>()
        .join(" · ");
    write!(
        out,
        "<li class=\"card\"><div class=\"card-link\"><h2 class=\"card-name\">{}</h2>\
         <p class=\"card-meta\"><span class=\"kind\">{}</span>{}</p><p class=\"card-care\">{}</p>\
         <p class=\"card-facts\"><span>{}</span>",
        encode_safe(&inst.name),
        inst.kind.label_zh(),
        if inst.puhui {
            "<span class=\"badge puhui\">普惠</span>"
        } else {
            ""
        },
        encode_safe(&care),
        encode_safe(&inst.address),
    )
    .ok();
    if let Some(phone) = &inst.phone {
        write!(
            out,
            "<a class=\"phone\" href=\"{}\">{}</a>",
            encode_safe(&tel_href(phone)),
            encode_safe(phone)
        )
        .ok();
    }
    out.push_str("</p></div></li>");
}

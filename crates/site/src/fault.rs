//! The page's fault boundary: a plain script, ahead of Trunk's loader, that notices when the
//! app's wasm traps and tells the parent so, in the page's language, with a reload button.
//!
//! A trap is a `WebAssembly.RuntimeError`, and a panic ends in one too (the release build
//! aborts, and an abort is a trap). After it the wasm's memory may be half-updated and nothing
//! of it can run, so the notice is drawn here with DOM calls and its words are taken from
//! `locales/*/status.json` when the page is built. It goes on top of what is on screen, as a
//! fixed bar (style/main.css `.fault`), so the list the parent was reading stays readable; the
//! page is made un-inert, since no sheet can close any more and a screen reader skips what is
//! inert.
//! Other scripts' errors (WeChat's own injected scripts throw now and then) are left alone.

use serde_json::{json, Value};

const ZH: &str = include_str!("../../../locales/zh/status.json");
const EN: &str = include_str!("../../../locales/en/status.json");

fn words(locale: &str) -> Value {
    let all: Value = serde_json::from_str(locale).expect("locales/*/status.json is JSON");
    json!({ "message": all["fault_message"], "reload": all["fault_reload"] })
}

/// The script's body. ES5, like the page's other inline scripts; the words are JSON with `<`
/// escaped, so no text can close the script element.
pub fn script() -> String {
    let words = json!({ "zh": words(ZH), "en": words(EN) })
        .to_string()
        .replace('<', "\\u003c");
    format!(
        "(function(){{var w={words},shown=false;\
function fault(e){{return !!(e&&window.WebAssembly&&e instanceof WebAssembly.RuntimeError)}}\
function show(){{if(shown||!document.body)return;shown=true;\
var en=/^en/.test(document.documentElement.lang),t=en?w.en:w.zh,d=document,\
box=d.createElement(\"div\"),p=d.createElement(\"p\"),b=d.createElement(\"button\");\
box.className=\"fault\";box.setAttribute(\"role\",\"alert\");\
box.setAttribute(\"data-testid\",\"fault\");box.lang=en?\"en\":\"zh-CN\";\
p.textContent=t.message;b.type=\"button\";b.className=\"button primary\";\
b.textContent=t.reload;b.onclick=function(){{location.reload()}};\
box.appendChild(p);box.appendChild(b);d.body.appendChild(box);\
var i=d.querySelectorAll(\"[inert]\");for(var k=0;k<i.length;k++)i[k].removeAttribute(\"inert\")}}\
addEventListener(\"error\",function(e){{if(fault(e.error))show()}});\
addEventListener(\"unhandledrejection\",function(e){{if(fault(e.reason))show()}})}})();"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_both_languages_words_from_the_locales() {
        let script = script();
        for locale in [ZH, EN] {
            let all: Value = serde_json::from_str(locale).unwrap();
            for key in ["fault_message", "fault_reload"] {
                let text = all[key].as_str().expect(key);
                assert!(!text.is_empty());
                assert!(script.contains(text), "{key}: {text}");
            }
        }
    }

    #[test]
    fn no_text_can_end_the_script_element() {
        assert!(!script().contains("</"));
    }
}

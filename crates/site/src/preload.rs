//! The first file the app opens, fetched while the page is parsed: the `data=` of the address,
//! or the build's default when it names none. The app's own fetch of the same address then
//! takes this answer, so the file comes while the wasm downloads instead of after it (for a
//! catalogue, its root: the first of the levels it descends). A static `<link rel=preload>`
//! cannot know the address's `data=`, and a preload of the default on a page that opens
//! another file is a wasted download.
//!
//! Only a hint: the app puts the address through the `data=` rule before it reads a byte of
//! the answer, and the page's policy (`connect-src`, written first in `<head>`) keeps the
//! browser from fetching anything from an origin the app could not load from.

/// The script's body, for `default_data` (the build's default, a path on the site or an
/// allowed address). ES5 in a `try`, like the page's other inline scripts: an old engine
/// loses only the head start.
pub fn script(default_data: &str) -> String {
    let default = serde_json::to_string(default_data)
        .expect("a string is JSON")
        .replace('<', "\\u003c");
    format!(
        "(function(){{try{{var m=/[?&]data=([^&#]*)/.exec(location.search),\
u=m&&decodeURIComponent(m[1].replace(/\\+/g,\" \"))||{default},\
l=document.createElement(\"link\");l.rel=\"preload\";l.as=\"fetch\";\
l.crossOrigin=\"anonymous\";l.href=u;document.head.appendChild(l)}}catch(e){{}}}})();"
    )
}

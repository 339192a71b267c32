//! The browser's services the page needs, as plain functions: a picked file's bytes, a
//! download, the site's published file, and today's date. Nothing here sends a byte of the
//! publisher's files anywhere: they are read from the disk into this tab and saved back.

use gloo_net::http::Request;
use js_sys::{Array, Uint8Array};
use tuoyu_core::model::Date;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "浏览器没有说明原因".into())
}

/// A picked or dropped file's bytes, read in this tab.
pub async fn read_file(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("浏览器无法读取这个文件（{}）", js_error(e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Saves `bytes` as `name` through the browser's own download, from memory.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("没有页面")?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Url::revoke_object_url(&url).map_err(js_error)?;
    Ok(())
}

/// The file the site publishes now (the one parents' finder opens), if it can be fetched.
pub async fn fetch_published(path: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| format!("无法从网站读取 {path}（{e}）"))?;
    if !response.ok() {
        return Err(format!("网站上没有 {path}（HTTP {}）", response.status()));
    }
    response
        .binary()
        .await
        .map_err(|e| format!("无法从网站读取 {path}（{e}）"))
}

/// Today in China, by the computer's clock.
pub fn today() -> Date {
    tuoyu_publish::import::date_in_china(js_sys::Date::now())
}

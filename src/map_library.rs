//! Leaflet, loaded on demand from the site's own /vendor/ folder, and the few calls of its
//! marker-cluster plugin that the `leaflet` crate does not bind.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::lang;
use crate::platform::load_script;

const STYLES: [&str; 2] = [
    "/vendor/leaflet/leaflet.css",
    "/vendor/leaflet/MarkerCluster.css",
];
const SCRIPTS: [&str; 2] = [
    "/vendor/leaflet/leaflet.js",
    "/vendor/leaflet/leaflet.markercluster.js",
];

thread_local! {
    // Loaded once per page; a later map view finds `L` already there.
    static LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Resolves once Leaflet and the cluster plugin are ready; fails with a message for the parent.
pub async fn load() -> Result<(), String> {
    if LOADED.with(|l| l.get()) {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(failed)?;
    if let Some(head) = document.head() {
        for href in STYLES {
            if let Ok(link) = document.create_element("link") {
                let _ = link.set_attribute("rel", "stylesheet");
                let _ = link.set_attribute("href", href);
                let _ = head.append_child(&link);
            }
        }
    }
    // In order: the plugin extends the `L` that Leaflet defines.
    for src in SCRIPTS {
        load_script(src).await.map_err(|_| failed())?;
    }
    LOADED.with(|l| l.set(true));
    Ok(())
}

fn failed() -> String {
    td_string!(lang::current(), detail.map_failed).to_string()
}

#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup` from leaflet.markercluster.
    #[wasm_bindgen(extends = leaflet::FeatureGroup)]
    #[derive(Debug, Clone)]
    pub type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &JsValue) -> MarkerClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    pub fn add_layers(this: &MarkerClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = clearLayers)]
    pub fn clear_layers(this: &MarkerClusterGroup);

    // Bound here because leaflet 0.5's `DivIcon::new` constructs an `L.Icon`, and because
    // Leaflet accepts an element as `html`, which keeps data out of HTML strings.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &JsValue) -> leaflet::Icon;
}

/// A marker icon made of one element that the caller builds with DOM calls.
pub fn element_icon(element: web_sys::Element, class_name: &str, size: f64) -> leaflet::Icon {
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"html".into(), &element);
    let _ = Reflect::set(&options, &"className".into(), &class_name.into());
    let _ = Reflect::set(
        &options,
        &"iconSize".into(),
        &leaflet::Point::new(size, size),
    );
    div_icon(&options)
}

/// A cluster group whose bubbles carry the test hook and the count as data, built by the
/// DOM rather than from HTML strings (counts only, never data text).
pub fn new_cluster_group() -> MarkerClusterGroup {
    let options = js_sys::Object::new();
    let icon_for = Closure::<dyn Fn(JsValue) -> JsValue>::new(|cluster: JsValue| {
        let count = Reflect::get(&cluster, &"getChildCount".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&cluster).ok())
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0) as u32;
        cluster_icon(count)
    });
    let _ = Reflect::set(&options, &"iconCreateFunction".into(), icon_for.as_ref());
    // The closure lives as long as the page: cluster groups are few and long-lived.
    icon_for.forget();
    let _ = Reflect::set(&options, &"showCoverageOnHover".into(), &false.into());
    let _ = Reflect::set(&options, &"maxClusterRadius".into(), &50.into());
    marker_cluster_group(&options)
}

fn cluster_icon(count: u32) -> JsValue {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return JsValue::NULL;
    };
    let Ok(bubble) = document.create_element("span") else {
        return JsValue::NULL;
    };
    let _ = bubble.set_attribute("data-testid", "marker");
    let _ = bubble.set_attribute("data-count", &count.to_string());
    let label = td_string!(lang::current(), detail.cluster_label, count).to_string();
    let _ = bubble.set_attribute("aria-label", &label);
    bubble.set_text_content(Some(&count.to_string()));
    element_icon(bubble, "cluster", 40.0).into()
}

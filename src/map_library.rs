//! Leaflet, loaded on demand from the site's own /vendor/ folder, and the few calls of its
//! marker-cluster plugin that the `leaflet` crate does not bind.

use js_sys::Function;
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

// Leaflet's option objects are filled through typed setters, never `Reflect.set`: WPE WebKit
// 2.38 (the WebKit of iOS 16) miscompiles wasm-bindgen's glue for `Reflect.set` once its JIT
// compiles it, and the map — three options per marker — is what makes it hot. The result was
// "Out of bounds table access" and a map without markers (docs/browsers.md has the hunt).
#[wasm_bindgen]
extern "C" {
    /// `L.MarkerClusterGroup` from leaflet.markercluster.
    #[wasm_bindgen(extends = leaflet::FeatureGroup)]
    #[derive(Debug, Clone)]
    pub type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &ClusterOptions) -> MarkerClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    pub fn add_layers(this: &MarkerClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = clearLayers)]
    pub fn clear_layers(this: &MarkerClusterGroup);

    /// The cluster Leaflet hands to `iconCreateFunction`.
    type MarkerCluster;

    #[wasm_bindgen(method, js_name = getChildCount)]
    fn child_count(this: &MarkerCluster) -> u32;

    #[wasm_bindgen(extends = js_sys::Object)]
    type ClusterOptions;

    #[wasm_bindgen(method, setter, js_name = iconCreateFunction)]
    fn set_icon_create_function(this: &ClusterOptions, f: &Function);

    #[wasm_bindgen(method, setter, js_name = showCoverageOnHover)]
    fn set_show_coverage_on_hover(this: &ClusterOptions, on: bool);

    #[wasm_bindgen(method, setter, js_name = maxClusterRadius)]
    fn set_max_cluster_radius(this: &ClusterOptions, pixels: f64);

    #[wasm_bindgen(extends = js_sys::Object)]
    type ElementIconOptions;

    #[wasm_bindgen(method, setter)]
    fn set_html(this: &ElementIconOptions, html: &web_sys::Element);

    #[wasm_bindgen(method, setter, js_name = className)]
    fn set_class_name(this: &ElementIconOptions, name: &str);

    #[wasm_bindgen(method, setter, js_name = iconSize)]
    fn set_icon_size(this: &ElementIconOptions, size: &leaflet::Point);

    // Bound here because leaflet 0.5's `DivIcon::new` constructs an `L.Icon`, and because
    // Leaflet accepts an element as `html`, which keeps data out of HTML strings.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &ElementIconOptions) -> leaflet::Icon;

    /// `fitBounds`' options.
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type FitOptions;

    #[wasm_bindgen(method, setter)]
    pub fn set_padding(this: &FitOptions, padding: &leaflet::Point);

    #[wasm_bindgen(method, setter, js_name = maxZoom)]
    pub fn set_max_zoom(this: &FitOptions, zoom: f64);

    /// `leaflet::TileLayerOptions` seen as the object it is: leaflet 0.5 types `subdomains`
    /// as a bool, and Leaflet wants a string.
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type TileSubdomains;

    #[wasm_bindgen(method, setter)]
    pub fn set_subdomains(this: &TileSubdomains, subdomains: &str);

    /// A circle's options seen as the object they are, for two keys leaflet 0.5 leaves out:
    /// the pane it is drawn in and its element's class. Typed setters rather than
    /// `Reflect.set`, which WPE 2.38 miscompiled (docs/browsers.md).
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type PaneOptions;

    #[wasm_bindgen(method, setter)]
    pub fn set_pane(this: &PaneOptions, pane: &str);

    #[wasm_bindgen(method, setter, js_name = className)]
    pub fn set_class_name(this: &PaneOptions, name: &str);

}

impl FitOptions {
    pub fn new() -> Self {
        js_sys::Object::new().unchecked_into()
    }
}

/// A marker icon made of one element that the caller builds with DOM calls.
pub fn element_icon(element: web_sys::Element, class_name: &str, size: f64) -> leaflet::Icon {
    let options: ElementIconOptions = js_sys::Object::new().unchecked_into();
    options.set_html(&element);
    options.set_class_name(class_name);
    options.set_icon_size(&leaflet::Point::new(size, size));
    div_icon(&options)
}

/// A cluster group whose bubbles carry the test hook and the count as data, built by the
/// DOM rather than from HTML strings (counts only, never data text).
pub fn new_cluster_group() -> MarkerClusterGroup {
    let options: ClusterOptions = js_sys::Object::new().unchecked_into();
    let icon_for = Closure::<dyn Fn(MarkerCluster) -> JsValue>::new(|cluster: MarkerCluster| {
        cluster_icon(cluster.child_count())
    });
    options.set_icon_create_function(icon_for.as_ref().unchecked_ref());
    // The closure lives as long as the page: cluster groups are few and long-lived.
    icon_for.forget();
    options.set_show_coverage_on_hover(false);
    options.set_max_cluster_radius(50.0);
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

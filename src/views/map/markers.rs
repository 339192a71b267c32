//! The results as pins: drawn in chunks so that a phone keeps painting, with the parent's
//! point and radius over them.

use std::sync::Arc;

use leptos::prelude::*;
use tuoyu_core::load::Loaded;
use tuoyu_core::model::LatLng;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::tiles::{near_on_tiles, on_tiles, tiles_point};
use super::{Parts, HERE_PANE};
use crate::map_library::{self, element_icon};
use crate::views::finder::ListedHit;

/// Markers made and handed to the cluster group in one task. 200,000 at once froze a phone
/// for 48 s; between chunks the page paints and answers taps.
const MARKERS_PER_CHUNK: usize = 2_000;

/// Putting one set of results on the map, a chunk per task; a newer set stops it.
#[derive(Clone)]
pub(super) struct Placing {
    pub(super) parts: StoredValue<Option<Parts>, LocalStorage>,
    pub(super) loaded: Arc<Loaded>,
    pub(super) hits: Arc<Vec<ListedHit>>,
    /// The drawing this is; `generation` moves on when the results change.
    pub(super) this: u32,
    pub(super) generation: StoredValue<u32>,
    /// Markers placed and to place, while some are still to come.
    pub(super) progress: RwSignal<Option<(usize, usize)>>,
    pub(super) selected: RwSignal<Option<usize>>,
}

impl Placing {
    pub(super) fn place_from(self, from: usize) {
        if self.generation.get_value() != self.this {
            return;
        }
        let total = self.hits.len();
        let to = (from + MARKERS_PER_CHUNK).min(total);
        self.parts.with_value(|parts| {
            if let Some(parts) = parts {
                self.place(parts, &self.hits[from..to]);
            }
        });
        if to < total {
            self.progress.set(Some((to, total)));
            set_timeout(move || self.place_from(to), std::time::Duration::ZERO);
        } else {
            self.progress.set(None);
        }
    }

    fn place(&self, parts: &Parts, hits: &[ListedHit]) {
        let crs = self.loaded.dataset.crs;
        let markers = js_sys::Array::new();
        for &ListedHit { index, .. } in hits {
            let inst = &self.loaded.dataset.institutions[index];
            let options = leaflet::MarkerOptions::new();
            options.set_icon(pin_icon(&inst.id));
            // Leaflet sets the title as a property: the name stays text.
            options.set_title(inst.name.clone());
            let marker = leaflet::Marker::new_with_options(&on_tiles(inst.location, crs), &options);
            let selected = self.selected;
            let on_click = Closure::<dyn Fn()>::new(move || selected.set(Some(index)));
            marker.on("click", on_click.as_ref());
            on_click.forget();
            markers.push(&marker);
        }
        parts.cluster.add_layers(&markers);
    }
}

/// Clears the map and frames the results, the point and the radius; the markers follow
/// in chunks ([`Placing`]).
pub(super) fn draw(
    parts: &Parts,
    loaded: &Loaded,
    hits: &[ListedHit],
    near: Option<LatLng>,
    radius: Option<u32>,
) {
    crate::fault::injected("map");
    let crs = loaded.dataset.crs;
    parts.cluster.clear_layers();
    parts.overlay.clear_layers();
    let mut bounds: Option<leaflet::LatLngBounds> = None;
    let mut extend = |p: &leaflet::LatLng| match &bounds {
        Some(b) => {
            b.extend(p);
        }
        None => bounds = Some(leaflet::LatLngBounds::new(p, p)),
    };
    // The results' corners only: extending one bounds object by 200,000 points crosses
    // into JavaScript 200,000 times.
    let mut corners: Option<(LatLng, LatLng)> = None;
    for &ListedHit { index, .. } in hits {
        let p = tiles_point(loaded.dataset.institutions[index].location, crs);
        let (lo, hi) = corners.get_or_insert((p, p));
        *lo = LatLng::new(lo.lat.min(p.lat), lo.lng.min(p.lng));
        *hi = LatLng::new(hi.lat.max(p.lat), hi.lng.max(p.lng));
    }
    if let Some((lo, hi)) = corners {
        extend(&leaflet::LatLng::new(lo.lat, lo.lng));
        extend(&leaflet::LatLng::new(hi.lat, hi.lng));
    }
    if let Some(near) = near {
        let point = near_on_tiles(near);
        extend(&point);
        if let Some(radius) = radius {
            // The whole circle in view, not only its centre.
            let dlat = radius as f64 / 111_195.0;
            let dlng = dlat / point.lat().to_radians().cos().max(0.01);
            extend(&leaflet::LatLng::new(
                point.lat() - dlat,
                point.lng() - dlng,
            ));
            extend(&leaflet::LatLng::new(
                point.lat() + dlat,
                point.lng() + dlng,
            ));
            let options = leaflet::CircleOptions::new();
            options.set_radius(radius as f64);
            options.set_color("#0b6b50".into());
            options.set_fill_opacity(0.08);
            options.set_interactive(false);
            leaflet::Circle::new_with_options(&point, &options).add_to_layer_group(&parts.overlay);
        }
        let here = leaflet::CircleOptions::new();
        here.set_radius(8.0);
        here.set_color("#1a56db".into());
        here.set_fill_color("#1a56db".into());
        here.set_fill_opacity(0.9);
        here.set_interactive(false);
        let pane = here.unchecked_ref::<map_library::PaneOptions>();
        pane.set_pane(HERE_PANE);
        pane.set_class_name("here-dot");
        let marker = leaflet::CircleMarker::new_with_options(&point, &here);
        marker.add_to_layer_group(&parts.overlay);
    }
    match bounds {
        Some(bounds) => {
            let options = map_library::FitOptions::new();
            options.set_padding(&leaflet::Point::new(24.0, 24.0));
            options.set_max_zoom(16.0);
            parts.map.fit_bounds_with_options(&bounds, &options);
        }
        None => {
            let center = loaded.dataset.region.center;
            parts.map.set_view(&on_tiles(center, crs), 13.0);
        }
    }
}

/// One institution's pin, carrying its id for tests and nothing from the data but that id
/// (ids are restricted to letters, digits, `_` and `-` by the dataset contract).
fn pin_icon(id: &str) -> leaflet::Icon {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let pin = document.create_element("span").expect("span");
    let _ = pin.set_attribute("data-testid", "marker");
    let _ = pin.set_attribute("data-id", id);
    let _ = pin.set_attribute("data-count", "1");
    let _ = pin.set_attribute("class", "pin-dot");
    element_icon(pin.unchecked_into(), "pin", 28.0)
}

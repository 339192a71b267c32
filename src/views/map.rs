//! The same results as the list, as markers on a map with the parent's point and radius.
//! Leaflet arrives only when this view opens; without tiles (offline, blocked, switched off)
//! the markers, the point and the radius still show on a plain background.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::coords::{to_gcj02, to_wgs84, wgs84_to_gcj02};
use tuoyu_core::load::Loaded;
use tuoyu_core::model::{Crs, LatLng};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels;
use crate::lang;
use crate::map_library::{self, element_icon, MarkerClusterGroup};
use crate::route::use_address;
use crate::views::card::{card_meta, open_on_tap};
use crate::views::finder::ListedHit;
use crate::views::text::DATA_LANG;

/// The tile source, fixed at build time. The default is Amap's public raster tiles, which load
/// in mainland China and are drawn in GCJ-02; `TUOYU_TILE_URL=off` builds a map without tiles.
const TILE_URL: &str = match option_env!("TUOYU_TILE_URL") {
    Some(url) => url,
    None => "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
};
const TILE_SUBDOMAINS: &str = match option_env!("TUOYU_TILE_SUBDOMAINS") {
    Some(s) => s,
    None => "1234",
};
/// Leaflet shows it as HTML; the default names the tiles' maker in Chinese, marked so.
const TILE_ATTRIBUTION: &str = match option_env!("TUOYU_TILE_ATTRIBUTION") {
    Some(s) => s,
    None => "© <span lang=\"zh-CN\">高德地图</span>",
};
/// `WGS-84` for OpenStreetMap-style tiles; anything else means GCJ-02.
const TILE_CRS: Option<&str> = option_env!("TUOYU_TILE_CRS");

fn tiles_crs() -> Crs {
    match TILE_CRS {
        Some("WGS-84") => Crs::Wgs84,
        _ => Crs::Gcj02,
    }
}

fn tiles_enabled() -> bool {
    !TILE_URL.is_empty() && TILE_URL != "off"
}

/// A point from the dataset in the tiles' coordinate system.
fn tiles_point(point: LatLng, from: Crs) -> LatLng {
    match tiles_crs() {
        Crs::Gcj02 => to_gcj02(point, from),
        Crs::Wgs84 => to_wgs84(point, from),
    }
}

/// A point from the dataset, drawn in the tiles' coordinate system.
fn on_tiles(point: LatLng, from: Crs) -> leaflet::LatLng {
    let p = tiles_point(point, from);
    leaflet::LatLng::new(p.lat, p.lng)
}

/// The parent's GPS point (always WGS-84) on the tiles.
fn near_on_tiles(near: LatLng) -> leaflet::LatLng {
    let p = match tiles_crs() {
        Crs::Gcj02 => wgs84_to_gcj02(near),
        Crs::Wgs84 => near,
    };
    leaflet::LatLng::new(p.lat, p.lng)
}

#[derive(Clone, PartialEq)]
enum Background {
    Loading,
    Ok,
    Unavailable,
    Off,
}

struct Parts {
    map: leaflet::Map,
    cluster: MarkerClusterGroup,
    overlay: leaflet::LayerGroup,
}

#[component]
pub fn MapView(loaded: Arc<Loaded>, hits: Signal<Vec<ListedHit>>) -> impl IntoView {
    let address = use_address();
    let locale = lang::current();
    let container = NodeRef::<html::Div>::new();
    let library = RwSignal::new(None::<Result<(), String>>);
    let background = RwSignal::new(if tiles_enabled() {
        Background::Loading
    } else {
        Background::Off
    });
    let selected = RwSignal::new(None::<usize>);
    let parts = StoredValue::new_local(None::<Parts>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let generation = StoredValue::new(0u32);

    spawn_local(async move { library.set(Some(map_library::load().await)) });

    // Build the map once the library and the container are both there.
    Effect::new(move |_| {
        let (Some(Ok(())), Some(element)) = (library.get(), container.get()) else {
            return;
        };
        if parts.with_value(Option::is_some) {
            return;
        }
        fill_screen(&element);
        parts.set_value(create_map(&element, background));
    });

    // The card of a tapped marker lies over the foot of the map: the map moves the pin into
    // the part above it, once the card is drawn and its height known.
    let crs = loaded.dataset.crs;
    let points = loaded.clone();
    Effect::new(move |_| {
        let Some(index) = selected.get() else {
            return;
        };
        let Some(inst) = points.dataset.institutions.get(index) else {
            return;
        };
        let pin = on_tiles(inst.location, crs);
        crate::platform::after_paint(Box::new(move || {
            parts.with_value(|parts| {
                if let Some(parts) = parts {
                    keep_clear_of_card(&parts.map, &pin);
                }
            })
        }));
    });

    // Redraw markers, point and radius whenever the results or the parent's point change.
    let data = loaded.clone();
    Effect::new(move |_| {
        let hits = hits.get();
        let near = address.query.with(|q| q.filter.near);
        let radius = address.query.with(|q| q.filter.radius_m);
        library.track();
        let drawn = parts.with_value(|parts| {
            parts
                .as_ref()
                .map(|parts| draw(parts, &data, &hits, near, radius))
                .is_some()
        });
        generation.update_value(|g| *g += 1);
        if drawn {
            let placing = Placing {
                parts,
                loaded: data.clone(),
                hits: Arc::new(hits),
                this: generation.get_value(),
                generation,
                progress,
                selected,
            };
            placing.place_from(0);
        }
    });

    on_cleanup(move || {
        parts.update_value(|parts| {
            if let Some(parts) = parts.take() {
                parts.map.remove();
            }
        })
    });

    let card = move || {
        let index = selected.get()?;
        let inst = loaded.dataset.institutions.get(index)?;
        let distance = hits.with(|h| h.iter().find(|h| h.index == index).and_then(|h| h.metres));
        // As the list's card: the institution's own page, opened over the map on a tap.
        let district = use_dataset().district_of(index);
        let href = address.link(|q| q.institution_link(&inst.id, district.as_deref()));
        let open = open_on_tap(address, inst.id.clone());
        Some(view! {
            <div class="map-card" data-testid="map-card" role="status">
                <h2 class="card-name" lang=DATA_LANG>
                    {inst.name.clone()}
                </h2>
                {card_meta(inst, distance.map(|d| labels::distance_from_you(d as f64)), false)}
                <p lang=DATA_LANG>{inst.address.clone()}</p>
                <a class="button primary" href=href on:click=open>
                    {td_string!(locale, detail.see_details)}
                </a>
            </div>
        })
    };

    view! {
        {move || match library.get() {
            None => {
                Some(
                    view! {
                        <p class="loading" role="status">
                            {td_string!(locale, detail.map_loading)}
                        </p>
                    }
                        .into_any(),
                )
            }
            Some(Err(message)) => {
                Some(
                    view! {
                        <p class="warn" role="alert">
                            {message}
                        </p>
                    }
                        .into_any(),
                )
            }
            Some(Ok(())) => None,
        }}
        {move || match background.get() {
            Background::Unavailable => {
                Some(
                    view! {
                        <p class="warn" role="status" data-testid="tiles-unavailable">
                            {td_string!(locale, detail.tiles_unavailable)}
                        </p>
                    }
                        .into_any(),
                )
            }
            Background::Off => {
                Some(
                    view! {
                        <p class="hint" data-testid="tiles-unavailable">
                            {td_string!(locale, detail.tiles_off)}
                        </p>
                    }
                        .into_any(),
                )
            }
            _ => None,
        }}
        {move || {
            progress
                .get()
                .map(|(done, total)| {
                    view! {
                        <p class="hint" role="status" data-testid="map-progress">
                            {td_string!(locale, detail.map_placing, done, total).to_string()}
                        </p>
                    }
                })
        }}
        <div class="map-wrap">
            <div
                class="map"
                data-testid="map"
                node_ref=container
                aria-label=td_string!(locale, detail.map_label)
            ></div>
            {card}
        </div>
    }
}

/// A pin's height above its point, and room kept around it.
const PIN_PX: f64 = 48.0;

/// The map fills the screen from where it starts down to the count bar (`.result-bar`), so
/// that a parent who taps 地图 sees a map, not a strip of one.
fn fill_screen(element: &web_sys::HtmlDivElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let viewport = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = element.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    let bar = document()
        .query_selector(".result-bar")
        .ok()
        .flatten()
        .map(|bar| bar.get_bounding_client_rect().height())
        .unwrap_or(0.0);
    let height = (viewport - top - bar - 8.0).max(MIN_MAP_PX);
    let _ = web_sys::HtmlElement::style(element)
        .set_property("height", &format!("{}px", height.round()));
}

/// Below this a map is no use; a short screen scrolls to the rest of it.
const MIN_MAP_PX: f64 = 320.0;

/// Moves the map so that the selected pin stands in the part above the card.
fn keep_clear_of_card(map: &leaflet::Map, pin: &leaflet::LatLng) {
    let card = document()
        .query_selector("[data-testid=\"map-card\"]")
        .ok()
        .flatten()
        .map(|card| card.get_bounding_client_rect().height())
        .unwrap_or(0.0);
    let height = map.get_size().y();
    let clear = height - card;
    let at = map.lat_lng_to_container_point(pin).y();
    if at > clear - 8.0 || at < PIN_PX {
        map.pan_by(&leaflet::Point::new(0.0, at - clear / 2.0));
    }
}

fn create_map(
    element: &web_sys::HtmlDivElement,
    background: RwSignal<Background>,
) -> Option<Parts> {
    let options = leaflet::MapOptions::new();
    let map = leaflet::Map::new_with_element(element, &options).ok()?;
    if tiles_enabled() {
        let tile_options = leaflet::TileLayerOptions::new();
        tile_options.set_max_zoom(18.0);
        tile_options.set_attribution(TILE_ATTRIBUTION.to_string());
        tile_options
            .unchecked_ref::<map_library::TileSubdomains>()
            .set_subdomains(TILE_SUBDOMAINS);
        let tiles = leaflet::TileLayer::new_options(TILE_URL, &tile_options);
        watch_tiles(&tiles, background);
        tiles.add_to(&map);
    }
    here_pane(&map);
    let overlay = leaflet::LayerGroup::new();
    overlay.add_to(&map);
    let cluster = map_library::new_cluster_group();
    cluster.add_to(&map);
    Some(Parts {
        map,
        cluster,
        overlay,
    })
}

/// The pane of the parent's own point, above the markers and clusters (`.leaflet-here-pane`
/// in main.css), so that "where am I" is never hidden under a bubble.
const HERE_PANE: &str = "here";

fn here_pane(map: &leaflet::Map) {
    if let Some(create) = js_sys::Reflect::get(map, &"createPane".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = create.call1(map, &HERE_PANE.into());
    }
}

/// Tiles that fail and never load mean no background; one that loads means it works.
fn watch_tiles(tiles: &leaflet::TileLayer, background: RwSignal<Background>) {
    let on_load = Closure::<dyn Fn()>::new(move || background.set(Background::Ok));
    let on_error = Closure::<dyn Fn()>::new(move || {
        if background.get_untracked() != Background::Ok {
            background.set(Background::Unavailable);
        }
    });
    tiles.on("tileload", on_load.as_ref());
    tiles.on("tileerror", on_error.as_ref());
    // They live as long as the tile layer, which lives as long as the map.
    on_load.forget();
    on_error.forget();
}

/// Markers made and handed to the cluster group in one task. 200,000 at once froze a phone
/// for 48 s; between chunks the page paints and answers taps.
const MARKERS_PER_CHUNK: usize = 2_000;

/// Putting one set of results on the map, a chunk per task; a newer set stops it.
#[derive(Clone)]
struct Placing {
    parts: StoredValue<Option<Parts>, LocalStorage>,
    loaded: Arc<Loaded>,
    hits: Arc<Vec<ListedHit>>,
    /// The drawing this is; `generation` moves on when the results change.
    this: u32,
    generation: StoredValue<u32>,
    /// Markers placed and to place, while some are still to come.
    progress: RwSignal<Option<(usize, usize)>>,
    selected: RwSignal<Option<usize>>,
}

impl Placing {
    fn place_from(self, from: usize) {
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
fn draw(
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
        let _ = js_sys::Reflect::set(&here, &"pane".into(), &HERE_PANE.into());
        let _ = js_sys::Reflect::set(&here, &"className".into(), &"here-dot".into());
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

//! The same results as the list, as markers on a map with the parent's point and radius.
//! Leaflet arrives only when this view opens; without tiles (offline, blocked, switched off)
//! the markers, the point and the radius still show on a plain background.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::load::Loaded;
use wasm_bindgen::JsCast;

use crate::data::use_dataset;
use crate::i18n::*;
use crate::labels;
use crate::lang;
use crate::map_library::{self, MarkerClusterGroup};
use crate::route::use_address;
use crate::views::card::{card_meta, open_on_tap};
use crate::views::finder::ListedHit;
use crate::views::text::DATA_LANG;

mod markers;
mod tiles;

use markers::{draw, Placing};
use tiles::{
    on_tiles, tiles_enabled, watch_tiles, Background, TILE_ATTRIBUTION, TILE_SUBDOMAINS, TILE_URL,
};

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
    map.create_pane_by_name(HERE_PANE);
}

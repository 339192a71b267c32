//! The map's background: which tiles, in which coordinate system, and whether they load.

use leptos::prelude::*;
use tuoyu_core::coords::{to_gcj02, to_wgs84, wgs84_to_gcj02};
use tuoyu_core::model::{Crs, LatLng};
use wasm_bindgen::prelude::*;

/// The tile source, fixed at build time. The default is Amap's public raster tiles, which load
/// in mainland China and are drawn in GCJ-02; `TUOYU_TILE_URL=off` builds a map without tiles.
pub(super) const TILE_URL: &str = match option_env!("TUOYU_TILE_URL") {
    Some(url) => url,
    None => "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
};
pub(super) const TILE_SUBDOMAINS: &str = match option_env!("TUOYU_TILE_SUBDOMAINS") {
    Some(s) => s,
    None => "1234",
};
/// Leaflet shows it as HTML; the default names the tiles' maker in Chinese, marked so.
pub(super) const TILE_ATTRIBUTION: &str = match option_env!("TUOYU_TILE_ATTRIBUTION") {
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

pub(super) fn tiles_enabled() -> bool {
    !TILE_URL.is_empty() && TILE_URL != "off"
}

/// A point from the dataset in the tiles' coordinate system.
pub(super) fn tiles_point(point: LatLng, from: Crs) -> LatLng {
    match tiles_crs() {
        Crs::Gcj02 => to_gcj02(point, from),
        Crs::Wgs84 => to_wgs84(point, from),
    }
}

/// A point from the dataset, drawn in the tiles' coordinate system.
pub(super) fn on_tiles(point: LatLng, from: Crs) -> leaflet::LatLng {
    let p = tiles_point(point, from);
    leaflet::LatLng::new(p.lat, p.lng)
}

/// The parent's GPS point (always WGS-84) on the tiles.
pub(super) fn near_on_tiles(near: LatLng) -> leaflet::LatLng {
    let p = match tiles_crs() {
        Crs::Gcj02 => wgs84_to_gcj02(near),
        Crs::Wgs84 => near,
    };
    leaflet::LatLng::new(p.lat, p.lng)
}

#[derive(Clone, PartialEq)]
pub(super) enum Background {
    Loading,
    Ok,
    Unavailable,
    Off,
}

/// Tiles that fail and never load mean no background; one that loads means it works.
pub(super) fn watch_tiles(tiles: &leaflet::TileLayer, background: RwSignal<Background>) {
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

//! WGS-84 ⇄ GCJ-02. Phones' GPS gives WGS-84; Chinese map services (Amap, Tencent) and
//! many publishers' coordinates use GCJ-02, offset from WGS-84 by a few hundred metres.
//! Mixing them up puts a 托育点 on the wrong street, so every point says its system.

use crate::model::{Crs, LatLng};

/// GCJ-02 of a WGS-84 point. Outside mainland China (Hong Kong, Macau, abroad) GCJ-02
/// coincides with WGS-84 and the point is returned unchanged.
pub fn wgs84_to_gcj02(p: LatLng) -> LatLng {
    let (lng, lat) = coordtransform::wgs84_to_gcj02(p.lng, p.lat);
    LatLng { lat, lng }
}

/// WGS-84 of a GCJ-02 point, by an iterated inverse (the forward formula has no
/// closed-form inverse); the residual is far below a metre.
pub fn gcj02_to_wgs84(p: LatLng) -> LatLng {
    let (lng, lat) = coordtransform::gcj02_to_wgs84(p.lng, p.lat);
    LatLng { lat, lng }
}

/// The parent's GPS point (WGS-84) in a file's coordinate system, so that distances are
/// measured between points of the same system.
pub fn wgs84_to(p: LatLng, crs: Crs) -> LatLng {
    match crs {
        Crs::Wgs84 => p,
        Crs::Gcj02 => wgs84_to_gcj02(p),
    }
}

/// A point of a file's system in GCJ-02, for Amap and Tencent navigation links.
pub fn to_gcj02(p: LatLng, crs: Crs) -> LatLng {
    match crs {
        Crs::Wgs84 => wgs84_to_gcj02(p),
        Crs::Gcj02 => p,
    }
}

/// A point of a file's system in WGS-84, for maps drawn on WGS-84 tiles (OpenStreetMap).
pub fn to_wgs84(p: LatLng, crs: Crs) -> LatLng {
    match crs {
        Crs::Wgs84 => p,
        Crs::Gcj02 => gcj02_to_wgs84(p),
    }
}

/// The spec's bounding box of China: lat 3.8–53.6, lng 73.5–135.1 (NaN is outside).
pub fn in_china_bounds(p: LatLng) -> bool {
    (3.8..=53.6).contains(&p.lat) && (73.5..=135.1).contains(&p.lng)
}

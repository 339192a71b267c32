//! Great-circle distance, the spec's way: haversine on the mean Earth radius.

use geo::{Distance, Haversine, Point};

use crate::model::LatLng;

/// The spec's radius (IUGG mean radius R₁), which is also geo's `Haversine` radius.
pub const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Metres between two points given in the same coordinate system.
pub fn distance_m(a: LatLng, b: LatLng) -> f64 {
    Haversine.distance(Point::new(a.lng, a.lat), Point::new(b.lng, b.lat))
}

/// A distance as parents read it: "850 米" below a kilometre (to the nearest 10 m),
/// "1.2 公里" from there on.
pub fn format_distance(m: f64) -> String {
    if !m.is_finite() || m < 0.0 {
        return "—".to_owned();
    }
    let tens = (m / 10.0).round() * 10.0;
    if tens < 1000.0 {
        format!("{tens:.0} 米")
    } else {
        format!("{:.1} 公里", m / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_uses_the_spec_radius() {
        assert_eq!(Haversine.radius(), MEAN_EARTH_RADIUS_M);
    }
}

//! Great-circle distance, the spec's way: haversine on the mean Earth radius.

use geo::{Distance, Haversine, Point};

use crate::model::LatLng;

/// The spec's radius (IUGG mean radius R₁), which is also geo's `Haversine` radius.
pub const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Metres between two points given in the same coordinate system.
pub fn distance_m(a: LatLng, b: LatLng) -> f64 {
    Haversine.distance(Point::new(a.lng, a.lat), Point::new(b.lng, b.lat))
}

/// A distance rounded the way parents read it: to the nearest 10 m below a kilometre, in
/// kilometres (shown with one decimal) from there on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rounded {
    /// A multiple of 10.
    Metres(f64),
    Kilometres(f64),
}

/// `None` for a distance that is not one (negative, NaN, infinite).
pub fn round_distance(m: f64) -> Option<Rounded> {
    if !m.is_finite() || m < 0.0 {
        return None;
    }
    let tens = (m / 10.0).round() * 10.0;
    Some(if tens < 1000.0 {
        Rounded::Metres(tens)
    } else {
        Rounded::Kilometres(m / 1000.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_uses_the_spec_radius() {
        assert_eq!(Haversine.radius(), MEAN_EARTH_RADIUS_M);
    }
}

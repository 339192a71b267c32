//! Distances on the spec's sphere, and the WGS-84 ⇄ GCJ-02 offset.

use tuoyu_core::coords::{
    gcj02_to_wgs84, in_china_bounds, to_gcj02, to_wgs84, wgs84_to, wgs84_to_gcj02,
};
use tuoyu_core::distance::{distance_m, round_distance, Rounded, MEAN_EARTH_RADIUS_M};
use tuoyu_core::model::{Crs, LatLng};

/// An independent great-circle formula (spherical law of cosines, well-conditioned at
/// these distances) on the spec's radius, to check the haversine against.
fn law_of_cosines(a: LatLng, b: LatLng) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dl = (b.lng - a.lng).to_radians();
    (p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos())
        .clamp(-1.0, 1.0)
        .acos()
        * MEAN_EARTH_RADIUS_M
}

#[test]
fn one_degree_of_latitude() {
    let d = distance_m(LatLng::new(23.0, 114.7), LatLng::new(24.0, 114.7));
    assert!((d - 111_195.08).abs() < 0.01, "{d}");
    assert!((d - MEAN_EARTH_RADIUS_M * std::f64::consts::PI / 180.0).abs() < 1e-6);
}

#[test]
fn beijing_to_shanghai() {
    let beijing = LatLng::new(39.9042, 116.4074);
    let shanghai = LatLng::new(31.2304, 121.4737);
    let d = distance_m(beijing, shanghai);
    assert!((d - law_of_cosines(beijing, shanghai)).abs() < 0.01, "{d}");
    assert!((d - 1_067_310.0).abs() < 1_000.0, "{d}");
    assert_eq!(distance_m(shanghai, beijing), d);
}

#[test]
fn short_distances_inside_the_district() {
    let a = LatLng::new(23.7431, 114.6972);
    let b = LatLng::new(23.7512, 114.7101);
    let d = distance_m(a, b);
    assert!((d - law_of_cosines(a, b)).abs() < 0.01, "{d}");
    assert!((1_500.0..1_700.0).contains(&d), "{d}");
    assert_eq!(distance_m(a, a), 0.0);
}

#[test]
fn distances_read_as_parents_say_them() {
    // Each language words these ("850 米", "1.2 km"); the rounding is the core's.
    let m = |tens: f64| Some(Rounded::Metres(tens));
    assert_eq!(round_distance(0.0), m(0.0));
    assert_eq!(round_distance(4.9), m(0.0));
    assert_eq!(round_distance(846.0), m(850.0));
    assert_eq!(round_distance(994.9), m(990.0));
    let km = |d: f64| match round_distance(d) {
        Some(Rounded::Kilometres(k)) => format!("{k:.1}"),
        other => panic!("{d}: {other:?}"),
    };
    assert_eq!(km(995.0), "1.0");
    assert_eq!(km(1_234.0), "1.2");
    assert_eq!(km(12_960.0), "13.0");
    assert_eq!(round_distance(f64::NAN), None);
}

#[test]
fn the_published_tiananmen_pair() {
    let gcj = wgs84_to_gcj02(LatLng::new(39.90872, 116.39748));
    assert!((gcj.lat - 39.91012).abs() < 0.0001, "{gcj:?}");
    assert!((gcj.lng - 116.40372).abs() < 0.0001, "{gcj:?}");
    let wgs = gcj02_to_wgs84(LatLng::new(39.91012, 116.40372));
    assert!(
        distance_m(wgs, LatLng::new(39.90872, 116.39748)) < 15.0,
        "{wgs:?}"
    );
}

#[test]
fn the_offset_in_yuancheng_is_several_hundred_metres() {
    let wgs = LatLng::new(23.74, 114.70);
    let offset = distance_m(wgs, wgs84_to_gcj02(wgs));
    assert!((300.0..900.0).contains(&offset), "{offset}");
}

#[test]
fn round_trips_lose_less_than_a_metre() {
    for lat in [18.3, 23.74, 31.23, 39.9, 45.75] {
        for lng in [100.0, 108.9, 114.7, 121.47, 126.6] {
            let p = LatLng::new(lat, lng);
            assert!(
                distance_m(p, gcj02_to_wgs84(wgs84_to_gcj02(p))) < 1.0,
                "{p:?}"
            );
            assert!(
                distance_m(p, wgs84_to_gcj02(gcj02_to_wgs84(p))) < 1.0,
                "{p:?}"
            );
        }
    }
}

#[test]
fn outside_the_mainland_gcj02_is_wgs84() {
    for p in [
        LatLng::new(22.3193, 114.1694),
        LatLng::new(37.5665, 126.978),
        LatLng::new(48.85, 2.35),
    ] {
        assert_eq!(wgs84_to_gcj02(p), p);
    }
}

#[test]
fn conversions_by_crs() {
    let p = LatLng::new(23.74, 114.70);
    assert_eq!(wgs84_to(p, Crs::Wgs84), p);
    assert_eq!(wgs84_to(p, Crs::Gcj02), wgs84_to_gcj02(p));
    assert_eq!(to_gcj02(p, Crs::Gcj02), p);
    assert_eq!(to_gcj02(p, Crs::Wgs84), wgs84_to_gcj02(p));
    assert_eq!(to_wgs84(p, Crs::Wgs84), p);
    assert_eq!(to_wgs84(p, Crs::Gcj02), gcj02_to_wgs84(p));
}

#[test]
fn the_china_box() {
    assert!(in_china_bounds(LatLng::new(23.74, 114.70)));
    assert!(in_china_bounds(LatLng::new(3.8, 73.5)));
    assert!(in_china_bounds(LatLng::new(53.6, 135.1)));
    for p in [
        LatLng::new(3.79, 100.0),
        LatLng::new(53.61, 100.0),
        LatLng::new(30.0, 73.49),
        LatLng::new(30.0, 135.11),
        LatLng::new(f64::NAN, 114.0),
        LatLng::new(114.7, 23.74),
    ] {
        assert!(!in_china_bounds(p), "{p:?}");
    }
}

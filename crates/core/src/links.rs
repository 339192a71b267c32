//! Links that hand an institution to the phone's map apps. Amap and Tencent Maps draw GCJ-02,
//! and they disagree on order: Amap takes `lng,lat`, Tencent `lat,lng`.

use crate::coords::to_gcj02;
use crate::model::{Crs, LatLng};

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Amap's web marker page (it offers the app when installed; WeChat blocks app schemes).
pub fn amap_marker(point: LatLng, crs: Crs, name: &str) -> String {
    let p = to_gcj02(point, crs);
    format!(
        "https://uri.amap.com/marker?position={:.6},{:.6}&name={}&coordinate=gaode&callnative=0",
        p.lng,
        p.lat,
        encode(name)
    )
}

/// Tencent Maps' web marker page; `referer` names the calling app, as its URI API asks.
pub fn tencent_marker(point: LatLng, crs: Crs, name: &str, address: &str) -> String {
    let p = to_gcj02(point, crs);
    let marker = format!(
        "coord:{:.6},{:.6};title:{};addr:{}",
        p.lat,
        p.lng,
        strip_separators(name),
        strip_separators(address)
    );
    format!(
        "https://apis.map.qq.com/uri/v1/marker?marker={}&referer=tuoyu-finder",
        encode(&marker)
    )
}

/// `;` and `:` separate the fields of Tencent's marker value; inside a name they would cut it.
fn strip_separators(text: &str) -> String {
    text.replace([';', ':'], " ")
}

/// A `tel:` link keeps digits, `+`, and turns 转 (extension) into the pause that dials it.
pub fn tel_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    for c in phone.chars() {
        match c {
            '0'..='9' | '+' => out.push(c),
            '转' => out.push(','),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WGS_POINT: LatLng = LatLng {
        lat: 23.7431,
        lng: 114.6972,
    };

    #[test]
    fn amap_takes_longitude_first_in_gcj02() {
        let url = amap_marker(
            LatLng {
                lat: 23.75,
                lng: 114.70,
            },
            Crs::Gcj02,
            "示例 托育",
        );
        assert!(url.starts_with("https://uri.amap.com/marker?position=114.700000,23.750000&"));
        assert!(url.contains("name=%E7%A4%BA%E4%BE%8B+%E6%89%98%E8%82%B2"));
    }

    #[test]
    fn tencent_takes_latitude_first_in_gcj02() {
        let url = tencent_marker(
            LatLng {
                lat: 23.75,
                lng: 114.70,
            },
            Crs::Gcj02,
            "甲",
            "乙路",
        );
        assert!(url.contains("coord%3A23.750000%2C114.700000%3B"), "{url}");
    }

    #[test]
    fn wgs84_points_are_converted_before_linking() {
        let url = amap_marker(WGS_POINT, Crs::Wgs84, "x");
        let gcj = to_gcj02(WGS_POINT, Crs::Wgs84);
        assert!(
            (gcj.lng - WGS_POINT.lng).abs() > 0.003,
            "GCJ offset expected here"
        );
        assert!(url.contains(&format!("position={:.6},{:.6}", gcj.lng, gcj.lat)));
    }

    #[test]
    fn names_cannot_break_out_of_the_link() {
        let url = tencent_marker(WGS_POINT, Crs::Gcj02, "a;title:b&x=\"<y>", "c");
        assert!(!url.contains('&') || url.matches('&').count() == 1, "{url}");
        assert!(!url.contains('<') && !url.contains('"'));
    }

    #[test]
    fn phone_numbers_dial_with_extensions() {
        assert_eq!(tel_href("0762-3300 000转 12"), "tel:07623300000,12");
        assert_eq!(tel_href("+86 (762) 330"), "tel:+86762330");
    }
}

//! Numbers are read exactly as written. Found by the fuzz property "a loaded dataset,
//! written out, reads back the same": serde_json's default float parser is not correctly
//! rounded, so full-precision coordinates were read one unit in the last place off.

mod common;

use common::{file, full, load_ok};
use serde_json::Value;

/// A record whose location and fee are the given JSON number texts, loaded.
fn read(lat: &str, amount: &str) -> (f64, f64) {
    let mut record = full("N-1");
    record["location"]["lat"] = Value::from(0);
    record["fees"]["full_day"]["amount"] = Value::from(0);
    let text = serde_json::to_string(&file(vec![record]))
        .expect("serializable")
        .replacen("\"lat\":0", &format!("\"lat\":{lat}"), 1)
        .replacen("\"amount\":0", &format!("\"amount\":{amount}"), 1);
    let loaded = load_ok(&serde_json::from_str(&text).expect("json"));
    let inst = &loaded.dataset.institutions[0];
    (
        inst.location.lat,
        inst.fees.values().next().expect("a fee").amount,
    )
}

#[test]
fn full_precision_numbers_are_read_to_the_nearest_double() {
    let (lat, amount) = read("12.880293683869095", "9.395774263991486e-11");
    assert_eq!(lat, 12.880293683869095);
    assert_eq!(amount, 9.395774263991486e-11);

    // Deterministic sweep over the spec's latitudes, at every digit count.
    let mut x = 0x9E37_79B9_7F4A_7C15_u64;
    for _ in 0..500 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        #[allow(clippy::cast_precision_loss)]
        let v = 3.8 + (x >> 11) as f64 / (1_u64 << 53) as f64 * 49.8;
        let text = v.to_string();
        let (lat, _) = read(&text, "1");
        assert_eq!(lat, v, "{text}");
    }
}

#[test]
fn a_loaded_dataset_written_out_reads_back_the_same() {
    let mut record = full("N-1");
    record["fees"]["hourly"]["amount"] = Value::from(9.395_774_263_991_486e-11);
    let loaded = load_ok(&file(vec![record])).dataset;
    let written = serde_json::to_value(&loaded).expect("serializable");
    assert_eq!(load_ok(&written).dataset, loaded);
}

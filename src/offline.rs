//! The last dataset that loaded, kept on the phone, so a dead network still shows the list
//! (with its date) instead of an error. One copy per source address.

use serde::{Deserialize, Serialize};
use tuoyu_core::load::{load_dataset, Loaded};
use tuoyu_core::model::Date;

use crate::platform::{saved, today};

const KEY_PREFIX: &str = "tuoyu.lastgood.v1:";
/// localStorage holds about 5 MB per site in most webviews; a copy larger than this would
/// push out everything else the parent keeps (stars, the birth date), so it is not kept.
const MAX_KEPT_BYTES: usize = 1_500_000;

#[derive(Serialize, Deserialize)]
struct Kept {
    #[serde(with = "tuoyu_core::model::spec_date")]
    saved_on: Date,
    body: String,
}

pub struct LastGood {
    pub loaded: Loaded,
    pub saved_on: Date,
}

pub fn keep(url: &str, bytes: &[u8]) {
    if bytes.len() > MAX_KEPT_BYTES {
        return;
    }
    let Ok(body) = std::str::from_utf8(bytes) else {
        return;
    };
    let kept = Kept {
        saved_on: today(),
        body: body.to_owned(),
    };
    if let Ok(text) = serde_json::to_string(&kept) {
        saved::set(&format!("{KEY_PREFIX}{url}"), &text);
    }
}

/// The kept copy for `url`, if there is one that still loads. A damaged copy (an older app
/// version, a half-written quota) is dropped rather than shown.
pub fn last_good(url: &str) -> Option<LastGood> {
    let key = format!("{KEY_PREFIX}{url}");
    let text = saved::get(&key)?;
    let kept = serde_json::from_str::<Kept>(&text).ok();
    let loaded = kept
        .as_ref()
        .and_then(|k| load_dataset(k.body.as_bytes()).ok());
    match (kept, loaded) {
        (Some(kept), Some(loaded)) => Some(LastGood {
            loaded,
            saved_on: kept.saved_on,
        }),
        _ => {
            saved::remove(&key);
            None
        }
    }
}

//! Turns locales/<lang>/<part>.json into the `i18n` module (leptos_i18n).

use std::collections::BTreeSet;
use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

/// One file per part of the interface, so a view's words sit in one place.
const PARTS: [&str; 8] = [
    "app", "finder", "detail", "guide", "labels", "scope", "status", "worries",
];
const LANGUAGES: [&str; 2] = ["zh", "en"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    same_keys_everywhere()?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Sentences with values in them are drawn as text, so they are built as strings.
    let options = ParseOptions::default().interpolate_display(true);
    // Chinese is the default: the language the service and its data are published in.
    let config = Config::new(LANGUAGES[0])?
        .add_locale(LANGUAGES[1])?
        .add_namespaces(PARTS)?
        .parse_options(options);
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}

/// leptos_i18n only warns about a key missing in one language (and shows the other language
/// there); a parent would meet that as a Chinese word in the English interface, so it stops
/// the build.
fn same_keys_everywhere() -> Result<(), Box<dyn Error>> {
    for part in PARTS {
        let mut keys: Vec<(&str, BTreeSet<String>)> = Vec::new();
        for language in LANGUAGES {
            let path = format!("locales/{language}/{part}.json");
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
            if let Some((key, _)) = map.iter().find(|(_, v)| v.as_str() == Some("")) {
                return Err(format!("{path}: \"{key}\" is empty").into());
            }
            keys.push((language, map.keys().cloned().collect()));
        }
        let (first, first_keys) = &keys[0];
        for (language, these) in &keys[1..] {
            let only_first: Vec<_> = first_keys.difference(these).collect();
            let only_these: Vec<_> = these.difference(first_keys).collect();
            if !only_first.is_empty() || !only_these.is_empty() {
                return Err(format!(
                    "locales/*/{part}.json: keys only in {first}: {only_first:?}; only in {language}: {only_these:?}"
                )
                .into());
            }
        }
    }
    Ok(())
}

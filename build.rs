//! Turns locales/<lang>/<part>.json into the `i18n` module (leptos_i18n): a missing key or a
//! key present in one language only stops the build instead of showing a blank to a parent.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, TranslationsInfos};

/// One file per part of the interface, so a view's words sit in one place.
const PARTS: [&str; 6] = ["app", "finder", "detail", "guide", "labels", "status"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Chinese is the default: it is the language the service and its data are published in.
    let config = Config::new("zh")?.add_locale("en")?.add_namespaces(PARTS)?;
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}

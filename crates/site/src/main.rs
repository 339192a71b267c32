//! `tuoyu-site finish DIR`: the finishing step Trunk runs after a build (see Trunk.toml): the
//! page's first paint and policy, the service worker (`sw.js`) and precompressed copies.
//!
//! Options: `--dataset FILE` (default: the file the app opens by default, inside DIR: a
//! dataset, or a catalogue when the build's `TUOYU_DEFAULT_DATA` names one) and
//! `--no-compress`. A debug build (`TRUNK_PROFILE=debug`, as under `trunk serve`) is not
//! precompressed: brotli at its best setting takes seconds, and the dev server ignores the files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tuoyu_core::catalogue::{is_catalogue, load_catalogue};
use tuoyu_core::load::load_dataset;
use tuoyu_core::source::{resolve_data_source, DEFAULT_DATASET};
use tuoyu_site::compress::{precompress_dir, Compressed};
use tuoyu_site::csp::{policy, with_policy};
use tuoyu_site::offline::write_service_worker;
use tuoyu_site::page::{finish_page, inline_script_hashes};

/// The app's default tile source (src/views/map.rs), for the policy when none is configured.
const DEFAULT_TILE_URL: &str = "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}";

const USAGE: &str = "usage: tuoyu-site finish DIR [--dataset FILE] [--no-compress]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tuoyu-site: {message}");
            ExitCode::FAILURE
        }
    }
}

struct Options {
    dir: PathBuf,
    dataset: Option<PathBuf>,
    compress: bool,
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut args = args.into_iter();
    if args.next().as_deref() != Some("finish") {
        return Err(USAGE.into());
    }
    let mut options = Options {
        dir: PathBuf::new(),
        dataset: None,
        compress: std::env::var("TRUNK_PROFILE").as_deref() != Ok("debug"),
    };
    let mut dir = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dataset" => options.dataset = Some(args.next().ok_or(USAGE)?.into()),
            "--no-compress" => options.compress = false,
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
            _ => return Err(USAGE.into()),
        }
    }
    options.dir = dir.ok_or(USAGE)?;
    Ok(options)
}

/// The file the app opens when the address names none ([`DEFAULT_DATASET`], which the build's
/// `TUOYU_DEFAULT_DATA` sets), read from the build when it is a path on the site: a dataset
/// for the first-paint list, or a catalogue (no list). `None`: it lives on another origin.
fn default_file(
    dir: &Path,
    dataset: Option<&Path>,
    data_origins: &[&str],
) -> Result<Option<(PathBuf, Vec<u8>)>, String> {
    let wrong = |why: String| {
        format!("the build's default data (TUOYU_DEFAULT_DATA) {DEFAULT_DATASET}: {why}")
    };
    resolve_data_source(Some(DEFAULT_DATASET), data_origins)
        .map_err(|refusal| wrong(refusal.message()))?;
    let path = match dataset {
        Some(path) => path.to_path_buf(),
        None if DEFAULT_DATASET.starts_with('/') => {
            let path = DEFAULT_DATASET.split(['?', '#']).next().unwrap_or_default();
            dir.join(path.trim_start_matches('/'))
        }
        None => return Ok(None),
    };
    let bytes =
        fs::read(&path).map_err(|e| wrong(format!("cannot read {}: {e}", path.display())))?;
    Ok(Some((path, bytes)))
}

fn run(args: Vec<String>) -> Result<(), String> {
    let options = parse(args)?;
    let dir = &options.dir;
    let data_origins = std::env::var("TUOYU_DATA_ORIGINS").unwrap_or_default();
    let data_origins: Vec<&str> = data_origins
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect();
    let default = default_file(dir, options.dataset.as_deref(), &data_origins)?;
    let (dataset_path, loaded) = match &default {
        Some((path, bytes)) if !is_catalogue(bytes) => {
            let loaded =
                load_dataset(bytes).map_err(|e| format!("{}: {}", path.display(), e.message()))?;
            (Some(path.clone()), Some(loaded))
        }
        Some((path, bytes)) => {
            load_catalogue(bytes, DEFAULT_DATASET, &data_origins)
                .map_err(|e| format!("{}: {}", path.display(), e.message()))?;
            (Some(path.clone()), None)
        }
        None => (None, None),
    };

    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let html = finish_page(&html, loaded.as_ref(), DEFAULT_DATASET).map_err(|e| e.to_string())?;
    fs::write(&index, &html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;

    let scripts = inline_script_hashes(&html);
    // The policy names the inline scripts by hash, so it is written after them, and the
    // tile and data origins the wasm was built with come from the same environment.
    let hashes: Vec<String> = scripts
        .iter()
        .map(|s| s.hash.trim_matches('\'').to_string())
        .collect();
    let tiles = std::env::var("TUOYU_TILE_URL").unwrap_or_else(|_| DEFAULT_TILE_URL.to_string());
    let html = with_policy(&html, &policy(&hashes, Some(&tiles), &data_origins));
    fs::write(&index, &html).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    let mut hashes = String::from(
        "# sha256 of each inline <script> in index.html, for a Content-Security-Policy script-src\n",
    );
    for script in &scripts {
        hashes.push_str(&format!("{} {}\n", script.hash, script.what));
    }
    fs::write(dir.join("csp-hashes.txt"), &hashes).map_err(|e| e.to_string())?;
    for script in &scripts {
        println!("tuoyu-site: inline script {} {}", script.hash, script.what);
    }

    finish_publisher_page(dir)?;

    // After the page is final: the worker's cache is named by the hash of what it keeps.
    let release = write_service_worker(dir)
        .map_err(|e| format!("writing the service worker in {}: {e}", dir.display()))?;
    println!(
        "tuoyu-site: {} keeps {} shell files (release {}), {} more when opened",
        tuoyu_site::offline::FILE,
        release.shell.len(),
        release.version,
        release.on_use.len()
    );

    let files = if options.compress {
        precompress_dir(dir).map_err(|e| format!("precompressing {}: {e}", dir.display()))?
    } else {
        Vec::new()
    };
    println!(
        "{}",
        summary(
            dir,
            dataset_path.as_deref(),
            loaded.as_ref().map(|l| l.dataset.institutions.len()),
            &files
        )
    );
    Ok(())
}

/// The publisher's page (Trunk.publish.toml, copied in before this step), when the build has
/// it: its own policy, which names no origin but the site's, so that a bureau's sheet read
/// in that page cannot be sent anywhere.
const PUBLISHER_PAGE: &str = "publish/index.html";

fn finish_publisher_page(dir: &Path) -> Result<(), String> {
    let page = dir.join(PUBLISHER_PAGE);
    let Ok(html) = fs::read_to_string(&page) else {
        return Ok(());
    };
    let hashes: Vec<String> = inline_script_hashes(&html)
        .iter()
        .map(|s| s.hash.trim_matches('\'').to_string())
        .collect();
    let html = with_policy(&html, &policy(&hashes, None, &[]));
    fs::write(&page, html).map_err(|e| format!("cannot write {}: {e}", page.display()))
}

/// One line: the first paint's size, and what the first list view costs on the wire.
fn summary(
    dir: &Path,
    dataset: Option<&Path>,
    listed: Option<usize>,
    files: &[Compressed],
) -> String {
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let first_view = |f: &&Compressed| {
        Some(f.path.as_path()) == dataset
            || f.path.parent() == Some(dir)
                && f.path
                    .extension()
                    .is_some_and(|e| ["html", "css", "js", "wasm"].iter().any(|x| e == *x))
    };
    // The finder's own wasm, at the top; the publisher's page has its own under publish/.
    let wasm = files
        .iter()
        .find(|f| f.path.parent() == Some(dir) && f.path.extension().is_some_and(|e| e == "wasm"));
    let (raw, gz, br) = files.iter().filter(first_view).fold((0, 0, 0), |acc, f| {
        (
            acc.0 + f.raw,
            acc.1 + f.gzip.unwrap_or(f.raw),
            acc.2 + f.brotli.unwrap_or(f.raw),
        )
    });
    let mut line = match listed {
        Some(n) => format!("tuoyu-site: first paint lists {n} institutions"),
        None => {
            format!("tuoyu-site: the default {DEFAULT_DATASET} is a catalogue: no first-paint list")
        }
    };
    match wasm {
        Some(w) => line.push_str(&format!(
            "; wasm {} (gzip {}, br {}); first list view {} (gzip {}, br {}); {} files precompressed",
            kb(w.raw),
            kb(w.gzip.unwrap_or(w.raw)),
            kb(w.brotli.unwrap_or(w.raw)),
            kb(raw),
            kb(gz),
            kb(br),
            files.len()
        )),
        None => line.push_str("; not precompressed (debug build or --no-compress)"),
    }
    line
}

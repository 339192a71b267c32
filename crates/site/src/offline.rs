//! The service worker that keeps the app for a reload with no signal (`dist/sw.js`), written
//! after the build with the release's own files: the shell (the page and Trunk's hashed script,
//! wasm and styles), fetched when the worker installs, and what a parent may open later (the
//! guide, the map library), kept when first fetched. The cache is named by a hash of all their
//! contents, so each release has its own and replaces the one before. Datasets are not in it:
//! the app keeps its last good copy itself, with its date, and says when it is offline.

use std::fs;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

/// The worker's file, next to index.html: same origin, and a scope of the whole app.
pub const FILE: &str = "sw.js";

const TEMPLATE: &str = include_str!("service_worker.js");
const PLACEHOLDER: &str = "/*tuoyu-site:release*/null";

/// Kinds of Trunk's output that make the shell (its names carry a content hash).
const SHELL_EXTENSIONS: [&str; 3] = ["js", "wasm", "css"];
/// Opened on demand: the guide's file and everything of the vendored map library.
const GUIDE: &str = "guide.json";
const MAP_LIBRARY: &str = "vendor/leaflet";
/// Copies `compress` makes beside the files; the browser never asks for them by name.
const COPIES: [&str; 2] = ["gz", "br"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The first 16 hex digits of a SHA-256 over every listed file's path and contents.
    pub version: String,
    /// Paths relative to the site's root; `./` is the page.
    pub shell: Vec<String>,
    pub on_use: Vec<String>,
}

/// The release in `dir`, a finished Trunk build (index.html already final).
pub fn release(dir: &Path) -> io::Result<Release> {
    let mut shell = vec!["./".to_string()];
    let mut top: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name != FILE && has_extension(name, &SHELL_EXTENSIONS))
        .collect();
    top.sort();
    shell.extend(top);
    let mut on_use = Vec::new();
    if dir.join(GUIDE).is_file() {
        on_use.push(GUIDE.to_string());
    }
    files_under(dir, Path::new(MAP_LIBRARY), &mut on_use)?;

    let mut hash = Sha256::new();
    for path in shell.iter().chain(&on_use) {
        let file = if path == "./" { "index.html" } else { path };
        hash.update(path.as_bytes());
        hash.update([0]);
        hash.update(fs::read(dir.join(file))?);
    }
    let digest = hash.finalize();
    let version = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Ok(Release {
        version,
        shell,
        on_use,
    })
}

/// The worker's script for `release`.
pub fn script(release: &Release) -> String {
    let json = serde_json::json!({
        "version": release.version,
        "shell": release.shell,
        "onUse": release.on_use,
    });
    TEMPLATE.replacen(PLACEHOLDER, &json.to_string(), 1)
}

/// Writes `dir/sw.js` for the build in `dir` and returns its release.
pub fn write_service_worker(dir: &Path) -> io::Result<Release> {
    let release = release(dir)?;
    fs::write(dir.join(FILE), script(&release))?;
    Ok(release)
}

fn has_extension(name: &str, extensions: &[&str]) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

/// Every file under `dir/rel`, as `/`-joined paths relative to `dir`, in a stable order.
fn files_under(dir: &Path, rel: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let Ok(entries) = fs::read_dir(dir.join(rel)) else {
        return Ok(());
    };
    let mut entries: Vec<_> = entries.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = rel.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            files_under(dir, &path, out)?;
        } else if !has_extension(&entry.file_name().to_string_lossy(), &COPIES) {
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

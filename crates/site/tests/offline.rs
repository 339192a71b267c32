//! The service worker's list and release hash, from a build directory like Trunk's.

use std::fs;
use std::path::Path;

use tuoyu_site::offline::{release, script, write_service_worker, FILE};

fn build(dir: &Path, css: &str) {
    fs::create_dir_all(dir.join("vendor/leaflet/images")).unwrap();
    fs::create_dir_all(dir.join("vendor/weixin")).unwrap();
    fs::create_dir_all(dir.join("data")).unwrap();
    for (path, text) in [
        ("index.html", "<!DOCTYPE html><title>t</title>"),
        ("app-1.js", "export default 1"),
        ("app-1_bg.wasm", "\0asm"),
        ("main-1.css", css),
        ("guide.json", "{}"),
        ("vendor/leaflet/leaflet.js", "L"),
        ("vendor/leaflet/leaflet.js.br", "compressed"),
        ("vendor/leaflet/images/layers.png", "png"),
        ("vendor/weixin/index.js", "wx"),
        ("data/yuancheng.json", "{}"),
        ("csp-hashes.txt", "#"),
    ] {
        fs::write(dir.join(path), text).unwrap();
    }
}

#[test]
fn lists_the_shell_and_what_a_parent_opens_but_no_dataset() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "body{}");
    let release = release(dir.path()).unwrap();
    assert_eq!(
        release.shell,
        ["./", "app-1.js", "app-1_bg.wasm", "main-1.css"]
    );
    assert_eq!(
        release.on_use,
        [
            "guide.json",
            "vendor/leaflet/images/layers.png",
            "vendor/leaflet/leaflet.js"
        ]
    );
    assert_eq!(release.version.len(), 16);
}

#[test]
fn a_changed_file_is_a_new_release_and_finishing_twice_is_the_same() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "body{}");
    let first = write_service_worker(dir.path()).unwrap();
    // The worker itself is not part of what it keeps.
    let again = write_service_worker(dir.path()).unwrap();
    assert_eq!(first, again);
    fs::write(dir.path().join("main-1.css"), "body{color:red}").unwrap();
    let next = release(dir.path()).unwrap();
    assert_ne!(first.version, next.version);
}

#[test]
fn the_script_carries_the_release() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "body{}");
    let written = write_service_worker(dir.path()).unwrap();
    let text = fs::read_to_string(dir.path().join(FILE)).unwrap();
    assert_eq!(text, script(&written));
    assert!(!text.contains("/*tuoyu-site:release*/null"));
    assert!(text.contains(&format!("\"version\":\"{}\"", written.version)));
    assert!(text.contains("\"shell\":[\"./\",\"app-1.js\""));
}

//! Precompressed copies are exact, and only made where they help.

use std::fs;
use std::io::Read;

use tuoyu_site::compress::precompress_dir;

fn text(n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| format!("托育机构 {i} 号；"))
        .collect::<String>()
        .into_bytes()
}

/// Bytes that no compressor shrinks (xorshift noise).
fn noise(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

#[test]
fn copies_decompress_to_the_original() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("data")).unwrap();
    let files = [
        ("app.js", text(2000)),
        ("index.html", text(300)),
        ("data/list.json", text(5000)),
    ];
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let done = precompress_dir(dir.path()).unwrap();
    assert_eq!(done.len(), files.len());
    for (name, original) in &files {
        let path = dir.path().join(name);
        let mut gz = Vec::new();
        flate2::read::GzDecoder::new(&fs::read(format!("{}.gz", path.display())).unwrap()[..])
            .read_to_end(&mut gz)
            .unwrap();
        assert_eq!(&gz, original, "{name}.gz");
        let mut br = Vec::new();
        brotli::Decompressor::new(
            &fs::read(format!("{}.br", path.display())).unwrap()[..],
            4096,
        )
        .read_to_end(&mut br)
        .unwrap();
        assert_eq!(&br, original, "{name}.br");
    }
}

#[test]
fn skips_small_files_other_kinds_and_what_does_not_shrink() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("tiny.css"), b"body{margin:0}").unwrap();
    fs::write(dir.path().join("photo.png"), text(3000)).unwrap();
    fs::write(dir.path().join("random.wasm"), noise(4096)).unwrap();
    // A stale copy from an earlier build must not outlive the file that no longer shrinks.
    fs::write(dir.path().join("random.wasm.gz"), b"stale").unwrap();
    let done = precompress_dir(dir.path()).unwrap();
    assert_eq!(done.len(), 1, "only random.wasm qualifies");
    assert_eq!((done[0].gzip, done[0].brotli), (None, None));
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["photo.png", "random.wasm", "tiny.css"]);
}

#[test]
fn running_twice_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("app.js"), text(2000)).unwrap();
    precompress_dir(dir.path()).unwrap();
    let first = fs::read(dir.path().join("app.js.gz")).unwrap();
    precompress_dir(dir.path()).unwrap();
    assert_eq!(first, fs::read(dir.path().join("app.js.gz")).unwrap());
}

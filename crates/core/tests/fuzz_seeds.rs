//! Every committed fuzz seed (`fuzz/seeds/<target>/`) through the same property checks the
//! fuzz targets run, so the seeds — and any crash input added to them — are regression
//! tests on stable, without nightly or libFuzzer.

mod invariants;

use std::path::PathBuf;

fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/seeds")
        .join(target);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("readable directory").path();
            let bytes = std::fs::read(&path).expect("readable seed");
            (path, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
}

/// Runs `check` on each seed, naming the seed that fails. The string targets skip
/// non-UTF-8 seeds, as libFuzzer's `&str` targets do.
fn run_all(target: &str, check: impl Fn(&[u8])) {
    for (path, bytes) in seeds(target) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(outcome.is_ok(), "seed {} fails", path.display());
    }
}

#[test]
fn load_dataset_seeds() {
    run_all("load_dataset", invariants::check_load);
}

#[test]
fn query_seeds() {
    run_all("query", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            invariants::check_query(s);
        }
    });
}

#[test]
fn data_source_seeds() {
    run_all("data_source", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            invariants::check_data_source(s);
        }
    });
}

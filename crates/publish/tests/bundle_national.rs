//! The synthetic national set (scripts/gen-national.mjs) at a small scale, bundled: every file
//! valid per the contracts (nothing skipped, every id prefixed with its district, unique across
//! files), a country → province → city → district tree, and district boxes that hold their
//! institutions without overlapping, as the generator promises.

mod common;

use std::collections::HashMap;
use std::process::Command;

use tuoyu_core::catalogue::{load_catalogue, BBox, Catalogue, EntryKind};
use tuoyu_core::load::load_dataset;
use tuoyu_publish::bundle::{bundle, read_regions, Input, Options, ROOT_FILE};

fn generate(dir: &std::path::Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scripts/gen-national.mjs"
    );
    let args = [
        "--institutions",
        "3000",
        "--districts",
        "240",
        "--cities",
        "45",
    ];
    let status = Command::new("node")
        .arg(script)
        .arg(dir)
        .args(args)
        .status()
        .expect("node runs the generator (the project's scripts need node)");
    assert!(status.success());
}

#[test]
fn the_synthetic_national_set_bundles_into_a_valid_three_level_tree() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let mut inputs = Vec::new();
    for entry in std::fs::read_dir(dir.path().join("districts")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        inputs.push(Input {
            name,
            bytes: std::fs::read(&path).unwrap(),
        });
    }
    assert_eq!(inputs.len(), 240);
    let list = std::fs::read(dir.path().join("regions.csv")).unwrap();
    let opts = Options {
        publisher: "合成数据".into(),
        regions: read_regions(&list, "regions.csv").unwrap(),
        ..Options::default()
    };
    let out = bundle(&inputs, &opts).unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert_eq!(
        (out.skipped, out.warnings.len()),
        (0, 0),
        "{:?}",
        out.warnings
    );
    let files: HashMap<String, Vec<u8>> = out.files.into_iter().collect();
    let read = |name: &str| -> Catalogue {
        load_catalogue(&files[name], &format!("/n/{name}"), &[]).unwrap()
    };
    let root = read(ROOT_FILE);
    assert_eq!(
        (root.region.code.as_str(), root.entries.len()),
        ("000000", 31)
    );
    let mut boxes: Vec<(String, BBox)> = Vec::new();
    let mut cities = 0;
    for province in &root.entries {
        let below = read(&province.url);
        // A province of one city (the municipalities) points straight at that city's catalogue.
        let cities_of = if below.region.code == province.code {
            below.entries.clone()
        } else {
            assert!(below.region.code.starts_with(&province.code[..2]));
            vec![province.clone()]
        };
        for city in &cities_of {
            assert_eq!(city.kind, EntryKind::Catalogue);
            cities += 1;
            for d in &read(&city.url).entries {
                assert_eq!(d.kind, EntryKind::Dataset);
                let loaded = load_dataset(&files[&d.url]).unwrap();
                assert_eq!(loaded.skipped, 0);
                assert!(loaded
                    .dataset
                    .institutions
                    .iter()
                    .all(|i| i.id.starts_with(&format!("{}-", d.code))
                        && d.bbox.contains(i.location)));
                boxes.push((d.code.clone(), d.bbox));
            }
        }
    }
    assert_eq!((cities, boxes.len()), (45, 240));
    let listed: u32 = root.entries.iter().map(|e| e.count).sum();
    assert!(
        listed > 2900 && listed <= 3000,
        "{listed} listed of 3000 (the revoked are not)"
    );
    for (i, (a, x)) in boxes.iter().enumerate() {
        for (b, y) in &boxes[i + 1..] {
            let overlap =
                x.south < y.north && y.south < x.north && x.west < y.east && y.west < x.east;
            assert!(!overlap, "{a} and {b} overlap");
        }
    }
}

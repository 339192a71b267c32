//! `.gz` and `.br` copies beside the assets, made once at build time at the strongest settings,
//! for hosts that serve a precompressed file as it is (nginx `gzip_static`/`brotli_static`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

/// Kinds worth compressing; images and fonts already are.
const EXTENSIONS: [&str; 6] = ["wasm", "js", "css", "html", "json", "svg"];

/// Below this, the saving is smaller than a request's headers.
const MIN_BYTES: u64 = 1024;

/// Sizes of one asset: raw, and each precompressed copy that was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compressed {
    pub path: PathBuf,
    pub raw: usize,
    pub gzip: Option<usize>,
    pub brotli: Option<usize>,
}

pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

pub fn brotli(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        // Quality 11 with a 4 MB window (lgwin 22), brotli's own defaults for static content.
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}

/// Every file under `dir` that qualifies, in a stable order.
fn candidates(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let meta = entry.metadata()?;
        if meta.is_dir() {
            candidates(&path, out)?;
        } else if meta.len() >= MIN_BYTES
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes `NAME.gz` and `NAME.br` beside each qualifying file under `dir`, keeping a copy only
/// when it is smaller (and removing a stale one that no longer is).
pub fn precompress_dir(dir: &Path) -> io::Result<Vec<Compressed>> {
    let mut files = Vec::new();
    candidates(dir, &mut files)?;
    let mut done = Vec::with_capacity(files.len());
    for path in files {
        let bytes = fs::read(&path)?;
        let gzip = keep_if_smaller(&path, "gz", bytes.len(), gzip(&bytes)?)?;
        let brotli = keep_if_smaller(&path, "br", bytes.len(), brotli(&bytes)?)?;
        done.push(Compressed {
            path,
            raw: bytes.len(),
            gzip,
            brotli,
        });
    }
    Ok(done)
}

fn keep_if_smaller(
    path: &Path,
    ext: &str,
    raw: usize,
    packed: Vec<u8>,
) -> io::Result<Option<usize>> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    let target = PathBuf::from(name);
    if packed.len() < raw {
        fs::write(&target, &packed)?;
        Ok(Some(packed.len()))
    } else {
        match fs::remove_file(&target) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(None),
        }
    }
}

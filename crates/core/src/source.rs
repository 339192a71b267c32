//! The `data=` rule: a link must not be able to show a stranger's "institutions", with a
//! stranger's phone numbers, under this site's name.
//!
//! The check is deliberately narrower than what a browser accepts: anything a browser
//! might read as pointing elsewhere (a second slash, a backslash, a stripped tab, a
//! userinfo part) is refused rather than second-guessed.

use std::fmt;

/// The file loaded when the address names none: the build's `TUOYU_DEFAULT_DATA` (a dataset or
/// a catalogue, `TUOYU_DEFAULT_DATA=/data/guangdong/catalogue.json trunk build --release`), else
/// [`BUILT_IN_DATASET`]. The finishing step (crates/site) checks it against the `data=` rule.
pub const DEFAULT_DATASET: &str = match option_env!("TUOYU_DEFAULT_DATA") {
    Some(v) if !v.is_empty() => v,
    _ => BUILT_IN_DATASET,
};

/// The sample dataset every build carries (源城区, `public/data/yuancheng.json`).
pub const BUILT_IN_DATASET: &str = "/data/yuancheng.json";

/// Longer values are not dataset addresses anyone would type or share.
const MAX_SOURCE_LEN: usize = 2048;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRefusal {
    /// Neither a path on this site nor an `http(s)` address.
    NotSameOriginPath,
    /// An `http(s)` address whose origin (given) is not on the build's allow-list.
    OriginNotAllowed(String),
    /// Characters or a shape a browser could read differently from this check.
    Malformed,
}

impl SourceRefusal {
    pub fn message(&self) -> String {
        const WHY: &str = "出于安全考虑，本站只加载本站或授权来源发布的数据";
        match self {
            SourceRefusal::NotSameOriginPath => {
                format!("{WHY}，已拒绝：链接指定的数据地址不在本站")
            }
            SourceRefusal::OriginNotAllowed(origin) => format!("{WHY}，已拒绝：{origin}"),
            SourceRefusal::Malformed => {
                format!("{WHY}，已拒绝：链接指定的数据地址格式不正确")
            }
        }
    }
}

impl fmt::Display for SourceRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for SourceRefusal {}

/// `scheme://host[:port]`, lower-cased, default port dropped; refused when `url` has no
/// plain ASCII host or carries userinfo.
fn origin_of(url: &str) -> Result<String, SourceRefusal> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or(SourceRefusal::NotSameOriginPath)?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => 443,
        "http" => 80,
        _ => return Err(SourceRefusal::NotSameOriginPath),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    // Only plain DNS names: `@` (userinfo), `%` (encoded host), `[` (IPv6) and non-ASCII
    // (IDN) would all need a browser's own parser to judge, so they are refused.
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if !host_ok {
        return Err(SourceRefusal::Malformed);
    }
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.parse().map_err(|_| SourceRefusal::Malformed)?;
            if n > 65535 {
                return Err(SourceRefusal::Malformed);
            }
            (n != default_port).then_some(n)
        }
        Some(_) => return Err(SourceRefusal::Malformed),
    };
    let host = host.to_ascii_lowercase();
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// The dataset address to fetch for a `data=` value, or why it is refused.
///
/// - absent or empty: [`DEFAULT_DATASET`];
/// - a same-origin path: exactly one leading `/`, no whitespace, control characters or
///   backslashes anywhere (browsers turn `\` into `/` and drop tabs and newlines, so
///   `/\evil` and `/<tab>/evil` would become `//evil`, another host);
/// - an `https://` (or, only if listed, `http://`) address whose origin equals one entry
///   of `allowed_origins` (e.g. `https://data.example.gov.cn`), without userinfo.
pub fn resolve_data_source(
    value: Option<&str>,
    allowed_origins: &[&str],
) -> Result<String, SourceRefusal> {
    let Some(v) = value.filter(|v| !v.is_empty()) else {
        return Ok(DEFAULT_DATASET.to_owned());
    };
    let unsafe_char = |c: char| c.is_control() || c.is_whitespace() || c == '\\';
    if v.len() > MAX_SOURCE_LEN || v.chars().any(unsafe_char) {
        return Err(SourceRefusal::Malformed);
    }
    if let Some(rest) = v.strip_prefix('/') {
        return if rest.starts_with('/') {
            Err(SourceRefusal::NotSameOriginPath)
        } else {
            Ok(v.to_owned())
        };
    }
    let origin = origin_of(v)?;
    let allowed = allowed_origins
        .iter()
        .filter_map(|a| origin_of(a.trim_end_matches('/')).ok())
        .any(|a| a == origin);
    if allowed {
        Ok(v.to_owned())
    } else {
        Err(SourceRefusal::OriginNotAllowed(origin))
    }
}

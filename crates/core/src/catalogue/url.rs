//! Where an entry's file is: its `url` resolved against the catalogue's own address, then put
//! through the `data=` rule, so a catalogue can reach nothing a link could not.
//!
//! Only the references a publisher's tool writes are resolved (a relative path, a path on the
//! same origin, an absolute `http(s)` address); anything a browser might read another way — a
//! scheme-relative `//host`, a percent-encoded dot, a bare `?query` — is refused, as the
//! `data=` rule refuses what it cannot judge.

use crate::source::{resolve_data_source, SourceRefusal};

/// `(origin, path)` of an address the `data=` rule accepted: `("", "/data/a.json")` for a
/// same-origin path, `("https://x.example", "/a.json")` for an absolute one.
fn split_origin(url: &str) -> (&str, &str) {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            let at = scheme.len() + 3 + end;
            (&url[..at], &url[at..])
        }
        None => ("", url),
    }
}

/// A path with `.` and `..` segments removed (RFC 3986 §5.2.4); `..` never climbs above `/`.
fn remove_dot_segments(path: &str) -> String {
    let (path, tail) = match path.find(['?', '#']) {
        Some(at) => path.split_at(at),
        None => (path, ""),
    };
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *seg {
            "." | ".." => {
                if *seg == ".." {
                    out.pop();
                }
                // `a/..` names the folder `/`, as a browser reads it.
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}{tail}", out.join("/"))
}

/// The address to fetch for an entry `url` of the catalogue fetched from `catalogue_url` (as
/// the `data=` rule gave it), or why the `data=` rule refuses where it leads.
pub fn resolve_entry_url(
    catalogue_url: &str,
    entry_url: &str,
    allowed_origins: &[&str],
) -> Result<String, SourceRefusal> {
    let lower = entry_url.to_ascii_lowercase();
    if entry_url.is_empty() || entry_url.starts_with(['?', '#']) || lower.contains("%2e") {
        return Err(SourceRefusal::Malformed);
    }
    if entry_url.starts_with("//") {
        return Err(SourceRefusal::NotSameOriginPath);
    }
    // A scheme: the part before the first `:` has no `/`, `?` or `#`.
    let has_scheme = entry_url
        .split_once(':')
        .is_some_and(|(head, _)| !head.contains(['/', '?', '#']));
    let resolved = if has_scheme {
        entry_url.to_owned()
    } else {
        let base = catalogue_url
            .find(['?', '#'])
            .map_or(catalogue_url, |at| &catalogue_url[..at]);
        let (origin, base_path) = split_origin(base);
        let path = if entry_url.starts_with('/') {
            entry_url.to_owned()
        } else {
            let folder = &base_path[..base_path.rfind('/').map_or(0, |at| at + 1)];
            let folder = if folder.is_empty() { "/" } else { folder };
            format!("{folder}{entry_url}")
        };
        format!("{origin}{}", remove_dot_segments(&path))
    };
    resolve_data_source(Some(&resolved), allowed_origins)
}

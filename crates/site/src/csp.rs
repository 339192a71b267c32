//! The page's Content-Security-Policy, as a `<meta>` written at build time: only the site's
//! own scripts (Trunk's inline loader and our inline checks by hash), the wasm compiler, and
//! the configured tile and data origins. Whatever a hostile dataset or link manages to put
//! into the page cannot run.

/// The policy for a page whose inline scripts have `script_hashes` (`sha256-…`), whose map
/// tiles come from `tile_template` (Leaflet's URL template; `None`/`"off"` for none) and which
/// may load datasets from `data_origins` besides its own.
pub fn policy(
    script_hashes: &[String],
    tile_template: Option<&str>,
    data_origins: &[&str],
) -> String {
    let hashes: String = script_hashes.iter().map(|h| format!(" '{h}'")).collect();
    let tiles = tile_template
        .and_then(tile_source)
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    let data: String = data_origins
        .iter()
        .map(|o| format!(" {}", o.trim_end_matches('/')))
        .collect();
    [
        "default-src 'self'".to_string(),
        // 'wasm-unsafe-eval' allows compiling the app's own wasm, not eval().
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        // Leaflet positions tiles and markers with inline styles.
        "style-src 'self' 'unsafe-inline'".to_string(),
        format!("img-src 'self' data:{tiles}"),
        format!("connect-src 'self'{data}"),
        "font-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// The host source for a tile URL template: `https://webrd0{s}.is.autonavi.com/…` becomes
/// `https://*.is.autonavi.com`, since the `{s}` subdomains vary.
pub fn tile_source(template: &str) -> Option<String> {
    if template.is_empty() || template == "off" {
        return None;
    }
    let (scheme, rest) = template.split_once("://")?;
    let host = rest.split('/').next()?;
    let labels: Vec<&str> = host.split('.').collect();
    match labels.iter().position(|l| l.contains('{')) {
        None => Some(format!("{scheme}://{host}")),
        Some(at) => {
            let tail = labels[at + 1..].join(".");
            (!tail.is_empty()).then(|| format!("{scheme}://*.{tail}"))
        }
    }
}

const META_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// The page with its policy as the first thing in `<head>` (a policy only governs what comes
/// after it). A policy already there is replaced, so finishing twice changes nothing.
pub fn with_policy(html: &str, policy: &str) -> String {
    let mut html = html.to_string();
    if let Some(start) = html.find(META_START) {
        if let Some(len) = html[start..].find('>') {
            // With the line break and indent that `with_policy` put before it.
            let from = html[..start].trim_end().len();
            html.replace_range(from..start + len + 1, "");
        }
    }
    let meta = format!(
        "{META_START} content=\"{}\">",
        html_escape::encode_double_quoted_attribute(policy)
    );
    match html.find("<head>") {
        Some(at) => {
            html.insert_str(at + "<head>".len(), &format!("\n  {meta}"));
            html
        }
        None => html,
    }
}

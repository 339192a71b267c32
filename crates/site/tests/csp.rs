use tuoyu_site::csp::{policy, tile_source, with_policy};

#[test]
fn scripts_are_limited_to_the_site_and_the_hashed_inline_ones() {
    let p = policy(&["sha256-abc=".into()], None, &[]);
    assert!(
        p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"),
        "{p}"
    );
    let scripts = p.split("; ").find(|d| d.starts_with("script-src")).unwrap();
    assert!(
        !scripts.contains("unsafe-inline") && !scripts.contains(" 'unsafe-eval'"),
        "{scripts}"
    );
    assert!(p.contains("object-src 'none'"));
    assert!(p.contains("connect-src 'self'"));
}

#[test]
fn tile_templates_become_host_sources() {
    let amap = "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}";
    assert_eq!(
        tile_source(amap).as_deref(),
        Some("https://*.is.autonavi.com")
    );
    assert_eq!(
        tile_source("https://tiles.example.org/{z}/{x}/{y}.png").as_deref(),
        Some("https://tiles.example.org")
    );
    assert_eq!(tile_source("off"), None);
    let p = policy(&[], Some(amap), &["https://data.example.gov.cn/"]);
    assert!(
        p.contains("img-src 'self' data: https://*.is.autonavi.com"),
        "{p}"
    );
    assert!(
        p.contains("connect-src 'self' https://data.example.gov.cn"),
        "{p}"
    );
}

#[test]
fn the_policy_comes_first_in_head_and_finishing_twice_changes_nothing() {
    let page = "<html><head><meta charset=\"utf-8\"><script>x()</script></head></html>";
    let once = with_policy(page, "default-src 'self'");
    let meta = once.find("Content-Security-Policy").unwrap();
    assert!(meta < once.find("<script>").unwrap());
    assert!(meta < once.find("charset").unwrap());
    assert_eq!(with_policy(&once, "default-src 'self'"), once);
    assert!(
        once.contains("content=\"default-src &#x27;self&#x27;\"")
            || once.contains("content=\"default-src 'self'\"")
    );
}

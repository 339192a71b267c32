//! The `data=` rule, against every hostile form we could think of.

use tuoyu_core::source::{resolve_data_source, SourceRefusal, DEFAULT_DATASET};

const ALLOWED: &[&str] = &[
    "https://data.example.gov.cn",
    "http://intranet.example:8080/",
];

fn resolve(v: &str) -> Result<String, SourceRefusal> {
    resolve_data_source(Some(v), ALLOWED)
}

#[test]
fn absent_or_empty_means_the_default() {
    assert_eq!(
        resolve_data_source(None, ALLOWED).as_deref(),
        Ok(DEFAULT_DATASET)
    );
    assert_eq!(resolve("").as_deref(), Ok(DEFAULT_DATASET));
}

#[test]
fn same_origin_paths_are_accepted_as_given() {
    for ok in [
        "/data/other.json",
        "/data/源城.json",
        "/d.json?v=2#x",
        "/a/../b.json",
        "/%2F%2Fevil.com",
        "/data/a@b.json",
    ] {
        assert_eq!(resolve(ok).as_deref(), Ok(ok), "{ok}");
    }
}

#[test]
fn paths_a_browser_would_read_as_another_host_are_refused() {
    for bad in [
        "//evil.com/x.json",
        "///evil.com",
        "/\\evil.com",
        "\\\\evil.com",
        "/\\/evil.com",
        "\\/evil.com",
    ] {
        assert!(resolve(bad).is_err(), "{bad}");
    }
    // The URL parser drops tabs and newlines, so these would become `//evil.com`.
    for bad in [
        "/\t/evil.com",
        "/\n/evil.com",
        "/\r/evil.com",
        " //evil.com",
        "/data/x.json ",
        "/\u{0}x",
        "/x\u{3000}y",
    ] {
        assert_eq!(resolve(bad), Err(SourceRefusal::Malformed), "{bad:?}");
    }
}

#[test]
fn relative_paths_and_other_schemes_are_refused() {
    for bad in [
        "data/x.json",
        "./x.json",
        "x.json",
        "javascript:alert(1)",
        "JavaScript://%0Aalert(1)",
        "data:application/json,{}",
        "blob:https://data.example.gov.cn/1",
        "file:///etc/passwd",
        "ftp://data.example.gov.cn/x",
        "https:data.example.gov.cn/x",
        "https:/data.example.gov.cn/x",
        "?data=/x",
    ] {
        assert_eq!(resolve(bad), Err(SourceRefusal::NotSameOriginPath), "{bad}");
    }
}

#[test]
fn allowed_origins_are_matched_exactly() {
    for ok in [
        "https://data.example.gov.cn/yc.json",
        "https://DATA.Example.gov.cn/yc.json",
        "HTTPS://data.example.gov.cn",
        "https://data.example.gov.cn:443/yc.json",
        "https://data.example.gov.cn?x=1",
        "http://intranet.example:8080/yc.json",
    ] {
        assert_eq!(resolve(ok).as_deref(), Ok(ok), "{ok}");
    }
    let refused = |v: &str| match resolve(v) {
        Err(SourceRefusal::OriginNotAllowed(o)) => o,
        other => panic!("{v}: {other:?}"),
    };
    assert_eq!(refused("https://evil.com/x.json"), "https://evil.com");
    assert_eq!(
        refused("https://data.example.gov.cn.evil.com/x"),
        "https://data.example.gov.cn.evil.com"
    );
    assert_eq!(
        refused("https://evil.data.example.gov.cn/x"),
        "https://evil.data.example.gov.cn"
    );
    assert_eq!(
        refused("http://data.example.gov.cn/x"),
        "http://data.example.gov.cn",
        "http only if listed"
    );
    assert_eq!(
        refused("https://data.example.gov.cn:8443/x"),
        "https://data.example.gov.cn:8443"
    );
    assert_eq!(
        refused("https://intranet.example:8080/x"),
        "https://intranet.example:8080"
    );
    assert_eq!(
        refused("http://intranet.example/x"),
        "http://intranet.example"
    );
    assert_eq!(
        refused("https://evil.com#@data.example.gov.cn"),
        "https://evil.com"
    );
    assert_eq!(
        refused("https://evil.com?@data.example.gov.cn"),
        "https://evil.com"
    );
    assert_eq!(
        refused("https://evil.com/data.example.gov.cn"),
        "https://evil.com"
    );
}

#[test]
fn tricks_with_the_host_are_refused() {
    for bad in [
        "https://data.example.gov.cn@evil.com/x",
        "https://user:pass@data.example.gov.cn/x",
        "https://data.example.gov.cn:443@evil.com/",
        "https://data.example.gov.cn\\@evil.com/",
        "https://data.example.gov.cn./x",
        "https://%64ata.example.gov.cn/x",
        "https://[::1]/x",
        "https://数据.example.gov.cn/x",
        "https:///x",
        "https://:443/x",
        "https://data.example.gov.cn:99999/x",
        "https://data.example.gov.cn:/x",
        "https://data.example.gov.cn:44a/x",
        "https://data.example.gov.cn\t/x",
    ] {
        assert_eq!(resolve(bad), Err(SourceRefusal::Malformed), "{bad}");
    }
    assert_eq!(
        resolve(&format!("/{}", "a".repeat(3000))),
        Err(SourceRefusal::Malformed)
    );
}

#[test]
fn nothing_is_allowed_from_an_empty_list() {
    let r = resolve_data_source(Some("https://data.example.gov.cn/x"), &[]);
    assert_eq!(
        r,
        Err(SourceRefusal::OriginNotAllowed(
            "https://data.example.gov.cn".into()
        ))
    );
    assert_eq!(
        resolve_data_source(Some("/x.json"), &[]).as_deref(),
        Ok("/x.json")
    );
}

#[test]
fn refusals_explain_themselves_in_chinese() {
    let all = [
        SourceRefusal::NotSameOriginPath,
        SourceRefusal::OriginNotAllowed("https://evil.com".into()),
        SourceRefusal::Malformed,
    ];
    for r in all {
        let m = r.message();
        assert!(
            m.starts_with("出于安全考虑，本站只加载本站或授权来源发布的数据，已拒绝："),
            "{m}"
        );
        assert_eq!(r.to_string(), m);
    }
    assert!(SourceRefusal::OriginNotAllowed("https://evil.com".into())
        .message()
        .ends_with("https://evil.com"));
}

//! How hard the property tests search: 128 cases per property by default, so the suite stays
//! quick in debug builds; `PROPTEST_CASES=5000` searches longer.

use proptest::test_runner::Config;

pub fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(128);
    Config::with_cases(cases)
}

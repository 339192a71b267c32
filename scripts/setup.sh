#!/usr/bin/env bash
# Installs what building and testing the finder needs, skipping whatever is already there.
# Safe to run again: every step first checks for its tool at the pinned version.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium, the two WebKit engines
#   with their WebDriver, Xvfb, a CJK font and nginx)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
LEPTOSFMT_VERSION=0.1.33       # formats the views' view! macros, which rustfmt leaves alone
want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
  # Not --locked: its lock file names a crate release the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION"; then
  say "installing leptosfmt $LEPTOSFMT_VERSION (about 3 minutes, once)"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen's wasm-opt, playwright-core, selenium-webdriver, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # WeChat on iPhone is WebKit: WebKitGTK 2.50 (MiniBrowser, under Xvfb) and WPE WebKit 2.38
  # (cog, headless), each with its W3C WebDriver, for tests/webkit/ (docs/browsers.md).
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  [ -x /usr/bin/WPEWebDriver ] || missing+=(wpewebkit-driver)
  [ -x /usr/bin/cog ] || missing+=(cog)
  fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || missing+=(fonts-wqy-microhei)
  # The deployment test runs the README's nginx configuration for real.
  command -v nginx >/dev/null || missing+=(nginx-light)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # Debian starts nginx on port 80 after installing it; the tests run their own.
    service nginx stop >/dev/null 2>&1 || true
  fi
fi

say "fetching crates"
cargo fetch --quiet

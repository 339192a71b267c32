#!/usr/bin/env bash
# Runs every test: formatting and lints, the native core tests, a release build of the app,
# and the browser tests against that build. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh --browser

step "format and lints"
cargo fmt --all -- --check
leptosfmt --check src   # the view! macros, as leptosfmt.toml says
cargo clippy --offline --quiet -p tuoyu-core --all-targets -- -D warnings
cargo clippy --offline --quiet -p tuoyu-content --all-targets -- -D warnings
cargo clippy --offline --quiet -p tuoyu-publish --all-targets -- -D warnings
cargo clippy --offline --quiet -p tuoyu-site --all-targets -- -D warnings
cargo clippy --offline --quiet -p tuoyu-finder --target wasm32-unknown-unknown -- -D warnings
# The publisher's page runs the publishing library in the browser: it must build for wasm32
# without the command line.
cargo clippy --offline --quiet -p tuoyu-publish --no-default-features --target wasm32-unknown-unknown -- -D warnings
cargo clippy --offline --quiet -p tuoyu-publish-page --target wasm32-unknown-unknown -- -D warnings

step "native tests (core, content, publishing tool, build finishing)"
cargo test --offline -p tuoyu-core
cargo test --offline -p tuoyu-content
cargo test --offline -p tuoyu-publish
cargo test --offline -p tuoyu-site

step "release build (the publisher's page first: the finder's build copies it in)"
trunk build --release --config Trunk.publish.toml
trunk build --release

step "browser and deployment tests (headless Chromium at 390x844; nginx on loopback)"
node --test --test-concurrency=1 tests/browser/ tests/deploy/

step "WebKit smoke tests (WPE WebKit 2.38 and WebKitGTK 2.50 through WebDriver, 390x844)"
# WPE WebKit 2.38 fails some runs at random (a JIT trap on the detail page, issue 15 is still
# open for it): up to three tries, each printed, until that is found and fixed.
for try in 1 2 3; do
  node --test --test-concurrency=1 tests/webkit/ && exit 0
  echo "WebKit run $try failed; known WPE 2.38 flakiness (issue 15), trying again" >&2
done
exit 1

#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080/ with the built-in default dataset, rebuilding on
# change, and the publisher's page on http://127.0.0.1:8080/publish/. Installs whatever is
# missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# The publisher's page (/publish/) is built once; the finder's rebuilds copy it in.
trunk build --release --config Trunk.publish.toml
exec trunk serve --release "$@"

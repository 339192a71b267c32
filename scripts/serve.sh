#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080/ with the built-in default dataset, rebuilding on
# change. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
exec trunk serve --release "$@"

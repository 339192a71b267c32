# Sourced by the scripts: Trunk takes the first wasm-opt on PATH, and Debian's binaryen 108
# silently breaks the release wasm, so binaryen 132 from node_modules must come first.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

# Sourced by the other scripts: tool PATH and offline settings. Not executable on its own.
# shellcheck shell=bash
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# tools/node_modules/.bin first: its wasm-opt is binaryen 132. Debian's /usr/bin/wasm-opt (108) builds an app
# that dies at start-up, so it must never come first. Then cargo-installed tools (trunk, wasm-bindgen).
export PATH="$ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export DEBIAN_FRONTEND=noninteractive
# The toolchain of the browser build (scripts/trunk.sh): a pinned nightly with the standard library's
# source, so std is rebuilt with panics that abort at once. `stable` builds the bigger wasm.
export WASM_TOOLCHAIN="${WASM_TOOLCHAIN:-nightly-2026-10-29}"

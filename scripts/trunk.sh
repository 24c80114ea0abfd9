#!/usr/bin/env bash
# Runs Trunk for the browser build with the settings that keep the wasm small (README "Size"):
# a pinned nightly Rust rebuilds the standard library with panics that stop at once, without the
# message formatting (about 16 KB brotli less: 236 -> 220 KB wasm). Only the wasm build uses this
# toolchain; cargo fmt, clippy and the native tests use stable. scripts/setup.sh installs it.
#
#   scripts/trunk.sh build --release     # what scripts/test.sh and scripts/serve.sh run
#
# WASM_TOOLCHAIN=stable scripts/trunk.sh build --release builds the same app on stable (bigger:
# over the size budget), for a machine where the nightly cannot be installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh
if [[ "$WASM_TOOLCHAIN" == stable ]]; then
  exec trunk "$@"
fi
# The flags add to .cargo/config.toml's (an environment value replaces the file's, so repeat it).
exec env RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zinline-mir=no -Cllvm-args=-inline-threshold=0" \
  trunk "$@"

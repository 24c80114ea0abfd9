#!/usr/bin/env bash
# Size and speed report of the release build: per file of dist/ raw, gzip -9 and brotli -q 11 bytes,
# which files the first screen loads, totals, and the 250 KB brotli first-load budget
# (bench-results/size.md and .json); then the time from navigation to the first question in
# headless Chromium, 5 cold runs (bench-results/timing.md and .json).
#
#   scripts/size-report.sh              # build (trunk build --release), then report
#   scripts/size-report.sh --no-build   # report on the existing dist/
#   scripts/size-report.sh --no-timing  # bytes only
#   scripts/size-report.sh --check      # also exit 1 when over budget (scripts/test.sh checks the
#                                       # bytes with the size-report binary itself, never the time)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD=true
TIMING=true
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=false ;;
    --no-timing) TIMING=false ;;
    *) ARGS+=("$arg") ;;
  esac
done

bash scripts/setup.sh --test
# shellcheck source=scripts/env.sh
source scripts/env.sh
export CARGO_NET_OFFLINE=true
if $BUILD; then
  bash scripts/trunk.sh build --release
fi
STATUS=0
cargo run -q -p guide-e2e --locked --bin size-report -- "${ARGS[@]}" || STATUS=$?
if $TIMING; then
  cargo run -q -p guide-e2e --locked --bin first-question -- --runs "${RUNS:-5}"
fi
exit "$STATUS"

#!/usr/bin/env bash
# Size report of the release build: per file of dist/ raw, gzip -9 and brotli -q 11 bytes, which files
# the first screen loads, totals, and the 250 KB brotli first-load budget. Writes bench-results/size.md
# and bench-results/size.json.
#
#   scripts/size-report.sh             # build (trunk build --release), then report
#   scripts/size-report.sh --no-build  # report on the existing dist/
#   scripts/size-report.sh --check     # also exit 1 when over budget (scripts/test.sh does this)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD=true
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=false ;;
    *) ARGS+=("$arg") ;;
  esac
done

bash scripts/setup.sh --test
# shellcheck source=scripts/env.sh
source scripts/env.sh
export CARGO_NET_OFFLINE=true
if $BUILD; then
  trunk build --release
fi
exec cargo run -q -p guide-e2e --locked --bin size-report -- "${ARGS[@]}"

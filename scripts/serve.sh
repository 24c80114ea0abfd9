#!/usr/bin/env bash
# Builds the guide (release) and serves it at http://127.0.0.1:8080 (PORT=... to change).
# Installs what is missing first (scripts/setup.sh). Works offline once set up.
#
#   scripts/serve.sh            # trunk serve --release: rebuilds and reloads the page on every change
#   scripts/serve.sh --static   # trunk build --release, then serve dist/ as it would be deployed,
#                               # at / and at /guide/ (no reload script injected)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"
MODE="${1:-}"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
export CARGO_NET_OFFLINE=true

case "$MODE" in
  "")
    echo "serve.sh: building and serving at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
    exec bash scripts/trunk.sh serve --release --address 127.0.0.1 --port "$PORT"
    ;;
  --static)
    bash scripts/trunk.sh build --release
    exec cargo run -q -p guide-e2e --locked --bin serve-dist -- --port "$PORT" --dist "$ROOT/dist"
    ;;
  *)
    echo "usage: scripts/serve.sh [--static]" >&2
    exit 2
    ;;
esac

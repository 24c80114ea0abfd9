#!/usr/bin/env bash
# Benchmark (a report, not a test): Lighthouse 12 (mobile, simulated slow 4G and 4x CPU slowdown)
# against the release build served locally the way a real host serves it (brotli or gzip, the
# Cache-Control headers of deploy/), plus the first-load bytes from scripts/size-report.sh.
#
#   scripts/lighthouse.sh              # trunk build --release, then measure
#   scripts/lighthouse.sh --no-build   # measure the existing dist/
#   scripts/lighthouse.sh --dist DIR   # measure another built directory (no build)
#   RUNS=5 scripts/lighthouse.sh       # Lighthouse runs (default 3; the median performance run is reported)
#
# Writes bench-results/lighthouse.md (scores, metrics, bytes, every audit below 100%),
# bench-results/lighthouse.json (the same as data), bench-results/lighthouse-report.json (the full
# report of the median run) and bench-results/size.md / size.json (per-file raw, gzip, brotli).
# Targets (issue 5): first screen < 150 KB brotli; performance >= 95; accessibility and best
# practices 100. The scores depend on the machine: the report records Lighthouse's benchmark index.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD=true
DIST=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=false ;;
    --dist) DIST="${2:?--dist needs a directory}"; BUILD=false; shift ;;
    *) echo "usage: scripts/lighthouse.sh [--no-build | --dist DIR]" >&2; exit 2 ;;
  esac
  shift
done
RUNS="${RUNS:-3}"
LIGHTHOUSE_VERSION=12.2.3

bash scripts/setup.sh --test
# shellcheck source=scripts/env.sh
source scripts/env.sh
export CARGO_NET_OFFLINE=true
LH="tools/node_modules/.bin/lighthouse"
if ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" tools/node_modules/lighthouse/package.json 2>/dev/null; then
  # Adds what tools/package-lock.json pins without removing the other tools (npm ci would).
  echo "==> npm install --prefix tools (lighthouse $LIGHTHOUSE_VERSION from tools/package-lock.json)"
  npm install --prefix tools --no-audit --no-fund --no-save
fi
command -v brotli >/dev/null || { echo "lighthouse.sh: needs brotli (scripts/setup.sh --test installs it)" >&2; exit 1; }

if $BUILD; then
  bash scripts/trunk.sh build --release
fi
[ -f "$DIST/index.html" ] || { echo "lighthouse.sh: no $DIST/index.html (run without --no-build)" >&2; exit 1; }
mkdir -p bench-results

echo "==> size report (as scripts/size-report.sh --no-build)"
cargo run -q -p guide-e2e --locked --bin size-report -- --dist "$DIST"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A copy of dist with brotli and gzip versions next to each text/wasm file, as a host would serve.
cp -r "$DIST" "$WORK/site"
find "$WORK/site" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.json' -o -name '*.webmanifest' -o -name '*.svg' \) |
  while IFS= read -r f; do
    brotli -q 11 -k -f -o "$f.br" "$f"
    gzip -9 -k -f -n "$f"
  done

# The static server: compressed when the browser accepts it, Cache-Control as in deploy/.
cat >"$WORK/serve.py" <<'PY'
import http.server, os, re, sys
ROOT = sys.argv[1]
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".json": "application/json",
         ".webmanifest": "application/manifest+json", ".png": "image/png", ".svg": "image/svg+xml"}
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$")
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def do_GET(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.endswith("/"):
            path += "index.html"
        file = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
        if not file.startswith(os.path.realpath(ROOT) + os.sep) or not os.path.isfile(file):
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        accept = self.headers.get("Accept-Encoding", "")
        encoding = None
        for enc, ext in (("br", ".br"), ("gzip", ".gz")):
            if enc in accept and os.path.isfile(file + ext):
                encoding, body_file = enc, file + ext
                break
        else:
            body_file = file
        body = open(body_file, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(os.path.splitext(file)[1], "application/octet-stream"))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        name = os.path.basename(file)
        cache = "public, max-age=31536000, immutable" if HASHED.search(name) else "no-cache"
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$WORK/serve.py" "$WORK/site" >"$WORK/port" &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT="$(head -1 "$WORK/port")"
URL="http://127.0.0.1:$PORT/"
echo "==> serving $DIST (compressed) at $URL"

echo "==> time to the first question, compressed, slow 4G (as scripts/size-report.sh, throttled)"
cargo run -q -p guide-e2e --locked --bin first-question -- --url "$URL" --network slow4g --runs "$RUNS"

FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --no-default-browser-check"
for i in $(seq "$RUNS"); do
  echo "==> lighthouse $LIGHTHOUSE_VERSION run $i of $RUNS (mobile)"
  CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}" "$LH" "$URL" --quiet \
    --chrome-flags="$FLAGS --user-data-dir=$WORK/profile-$i" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$WORK/report-$i.json"
done

node - "$WORK" "$RUNS" "$ROOT/bench-results" <<'JS'
const fs = require("fs");
const [work, runs, out] = process.argv.slice(2);
const reports = [];
for (let i = 1; i <= Number(runs); i++) reports.push(JSON.parse(fs.readFileSync(`${work}/report-${i}.json`, "utf8")));
const score = (r, c) => Math.round(r.categories[c].score * 100);
const sorted = [...reports].sort((a, b) => score(a, "performance") - score(b, "performance"));
const median = sorted[Math.floor((sorted.length - 1) / 2)];
fs.copyFileSync(`${work}/report-${reports.indexOf(median) + 1}.json`, `${out}/lighthouse-report.json`);
const size = JSON.parse(fs.readFileSync(`${out}/size.json`, "utf8"));
const cats = ["performance", "accessibility", "best-practices", "seo"];
const metricIds = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];
const metrics = Object.fromEntries(metricIds.map(id => [id, { value: median.audits[id].numericValue, display: median.audits[id].displayValue, score: median.audits[id].score }]));
const below = [];
for (const c of cats) {
  for (const ref of median.categories[c].auditRefs) {
    const a = median.audits[ref.id];
    if (ref.weight > 0 && a.score !== null && a.score < 1) below.push({ category: c, id: a.id, title: a.title, score: a.score, display: a.displayValue || "" });
  }
}
const result = {
  lighthouse: median.lighthouseVersion,
  url: median.finalDisplayedUrl,
  form_factor: median.configSettings.formFactor,
  throttling: median.configSettings.throttlingMethod,
  benchmark_index: median.environment.benchmarkIndex,
  runs: reports.map(r => Object.fromEntries(cats.map(c => [c, score(r, c)]))),
  median: Object.fromEntries(cats.map(c => [c, score(median, c)])),
  metrics,
  total_byte_weight: median.audits["total-byte-weight"].numericValue,
  first_load: size.first_load_total || size.first_load || null,
  audits_below_100: below,
};
fs.writeFileSync(`${out}/lighthouse.json`, JSON.stringify(result, null, 2) + "\n");
const fl = result.first_load || {};
const lines = [
  `# Lighthouse ${result.lighthouse} (${result.form_factor}, ${result.throttling} throttling), median of ${reports.length} run(s) by performance`,
  "",
  `URL ${result.url} (dist/ served with brotli/gzip and deploy/ cache headers). Lighthouse benchmark index of this machine: ${result.benchmark_index}.`,
  "",
  "| category | median | runs | target |",
  "|---|---:|---|---:|",
  ...cats.map(c => `| ${c} | ${result.median[c]} | ${result.runs.map(r => r[c]).join(", ")} | ${{ performance: ">= 95", accessibility: "100", "best-practices": "100", seo: "-" }[c]} |`),
  "",
  "| metric | value |",
  "|---|---:|",
  ...metricIds.map(id => `| ${id} | ${metrics[id].display || metrics[id].value} |`),
  `| total-byte-weight (transferred) | ${result.total_byte_weight} B |`,
  "",
  `First-load bytes (bench-results/size.md): raw ${fl.raw ?? "?"} B, gzip ${fl.gzip ?? "?"} B, brotli ${fl.brotli ?? "?"} B (target < 150000 B brotli).`,
  "",
  "Audits below 100% (weighted):",
  "",
  ...(below.length ? below.map(b => `- ${b.category}: ${b.id} (${b.title}) ${Math.round(b.score * 100)}% ${b.display}`) : ["- none"]),
  "",
];
fs.writeFileSync(`${out}/lighthouse.md`, lines.join("\n"));
console.log(lines.join("\n"));
JS

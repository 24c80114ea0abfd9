#!/usr/bin/env bash
# Peak memory of the command line on hostile inputs (issue 12): a 20 MB string value, a 16 MB and
# a 100 MB array, and the worst inputs just under the 1 MB limit (a long array, many keys, deep
# nesting), each given as a file and through a pipe. Prints a Markdown table with the exit
# status, the peak resident memory and the error line, and exits 1 when a run is not refused
# (status 2) in one line of at most 300 characters, or uses more than LIMIT_MB (default 200). Not a timed test: nothing
# here measures speed.
#
#   scripts/cli-memory.sh           # cargo build --release -p guide-cli, then measure
#   scripts/cli-memory.sh --debug   # measure the debug build (the one `cargo test` builds)
#   GUIDE=path/to/guide scripts/cli-memory.sh   # measure that binary (e.g. an older one)
#
# Peak memory comes from `/usr/bin/time -v` ("Maximum resident set size") when it is installed,
# else from sampling `ps -o rss=` every 10 ms (may miss a short peak).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LIMIT_MB="${LIMIT_MB:-200}"
PROFILE=release
[[ "${1:-}" == "--debug" ]] && PROFILE=debug
if [[ -z "${GUIDE:-}" ]]; then
  if [[ "$PROFILE" == release ]]; then
    cargo build --release -p guide-cli >&2
  else
    cargo build -p guide-cli >&2
  fi
  GUIDE="$ROOT/target/$PROFILE/guide"
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Inputs (written once; 140 MB in all, removed at the end). `yes` ends on a closed pipe.
set +o pipefail
{ printf '{"version":1,"histology":"'; head -c $((20 << 20)) /dev/zero | tr '\0' A; printf '"}'; } >"$TMP/value-20MB.json"
array() { # $1 = number of "0," items
  { printf '{"version":1,"sites":['; yes 0, | head -n "$1" | tr -d '\n'; printf '0]}'; }
}
array $((8 << 20)) >"$TMP/array-16MB.json"
array $((50 << 20)) >"$TMP/array-100MB.json"
array 499980 >"$TMP/array-under-1MB.json"
{ printf '{"version":1'; seq 1 80000 | sed 's/.*/,"k&":0/' | tr -d '\n'; printf '}'; } >"$TMP/keys-under-1MB.json"
{ printf '{"version":1,"sites":'; head -c 499000 /dev/zero | tr '\0' '['; head -c 499000 /dev/zero | tr '\0' ']'; printf '}'; } >"$TMP/nested-under-1MB.json"
set -o pipefail

HAVE_TIME=false
[[ -x /usr/bin/time ]] && HAVE_TIME=true

# Runs the guide on $1 (a file) the way $2 says (file|pipe); prints "status peak_kb".
measure() {
  local input="$1" via="$2" status peak=0
  if $HAVE_TIME; then
    set +e
    if [[ "$via" == file ]]; then
      /usr/bin/time -v -o "$TMP/time.txt" "$GUIDE" evaluate "$input" >/dev/null 2>"$TMP/err.txt"
    else
      cat "$input" 2>/dev/null | /usr/bin/time -v -o "$TMP/time.txt" "$GUIDE" evaluate - >/dev/null 2>"$TMP/err.txt"
    fi
    status=$?
    set -e
    # A non-zero status adds "Command exited with non-zero status N" to the report.
    status="$(sed -n 's/^Command exited with non-zero status //p' "$TMP/time.txt")"
    status="${status:-0}"
    peak="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$TMP/time.txt")"
  else
    local pid rss
    if [[ "$via" == file ]]; then
      "$GUIDE" evaluate "$input" >/dev/null 2>"$TMP/err.txt" &
    else
      { cat "$input" 2>/dev/null | "$GUIDE" evaluate - >/dev/null 2>"$TMP/err.txt"; exit "${PIPESTATUS[1]}"; } &
    fi
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      # The guide itself (the pipe case runs it in a child of $pid).
      for p in "$pid" $(pgrep -P "$pid" 2>/dev/null || true); do
        rss="$(ps -o rss= -p "$p" 2>/dev/null | tr -d ' ' || true)"
        [[ -n "$rss" && "$rss" -gt "$peak" ]] && peak="$rss"
      done
      sleep 0.01
    done
    set +e
    wait "$pid"
    status=$?
    set -e
  fi
  echo "$status $peak"
}

FAIL=0
echo "| input | bytes | via | exit | peak RSS | error line (first 90 characters) |"
echo "|---|---:|---|---:|---:|---|"
for f in value-20MB array-16MB array-100MB array-under-1MB keys-under-1MB nested-under-1MB; do
  input="$TMP/$f.json"
  bytes="$(wc -c <"$input" | tr -d ' ')"
  for via in file pipe; do
    read -r status peak < <(measure "$input" "$via")
    lines="$(wc -l <"$TMP/err.txt" | tr -d ' ')"
    chars="$(head -n 1 "$TMP/err.txt" | wc -m | tr -d ' ')"
    msg="$(head -c 90 "$TMP/err.txt" | head -n 1 | tr '|' '/')"
    mb=$((peak / 1024))
    note=""
    if [[ "$status" != 2 || "$lines" != 1 ]]; then note=" **not refused in one line**"; FAIL=1; fi
    if ((chars > 301)); then note="$note **longer than 300 characters**"; FAIL=1; fi
    if ((mb > LIMIT_MB)); then note="$note **over ${LIMIT_MB} MB**"; FAIL=1; fi
    echo "| $f | $bytes | $via | $status | ${mb} MB | ${msg} (${chars} chars)$note |"
  done
done
exit "$FAIL"

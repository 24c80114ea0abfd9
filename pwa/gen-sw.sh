#!/bin/sh
# Trunk post_build hook (Trunk.toml [[hooks]]): finishes the staged build in $TRUNK_STAGING_DIR.
#
# 0. index.html: puts the pre-rendered welcome screen (pwa/welcome.html: what the app itself
#    renders on a first visit, kept equal by e2e/tests/prerender.rs) in <body> as
#    <div id="prerender">, so the welcome is painted from the HTML and CSS before the wasm has
#    arrived; the app removes it and renders the same screen (src/lib.rs remove_prerender).
# 1. index.html: replaces __GUIDE_SCRIPT_HASHES__ in the Content-Security-Policy with
#    'sha256-...' of each inline <script> (Trunk's bootstrap, which changes with every build),
#    so the policy allows exactly those scripts and no others (with `trunk serve`, also its
#    live-reload script).
# 2. sw.js: replaces __GUIDE_PRECACHE__ with the list of every file of the build (hashed names
#    included, sw.js itself excluded) and __GUIDE_VERSION__ with a hash of all of them, so every
#    new build is a new service worker version with its own cache.
#
# POSIX sh + awk + find + sort + sha256sum, and openssl (or python3) for the base64 digest.
# Run by hand on any built directory: TRUNK_STAGING_DIR=dist sh pwa/gen-sw.sh
set -eu

dir="${TRUNK_STAGING_DIR:?TRUNK_STAGING_DIR is not set (this is a Trunk post_build hook)}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$dir"
for f in index.html sw.js; do
  [ -f "$f" ] || { echo "gen-sw.sh: $dir/$f is missing" >&2; exit 1; }
done
grep -q '__GUIDE_PRECACHE__' sw.js && grep -q '__GUIDE_VERSION__' sw.js || {
  echo "gen-sw.sh: $dir/sw.js has no placeholders (already processed?)" >&2
  exit 1
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

b64sha256() {
  if command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -binary "$1" | openssl base64 -A
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import base64,hashlib,sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1],"rb").read()).digest()).decode(), end="")' "$1"
  else
    echo "gen-sw.sh: needs openssl or python3 for the CSP hash" >&2
    exit 1
  fi
}

# Replace the first occurrence of $2 by $3 on every line of file $1 (no regex, no escaping issues).
replace() {
  awk -v from="$2" -v to="$3" '{
    i = index($0, from)
    if (i) $0 = substr($0, 1, i - 1) to substr($0, i + length(from))
    print
  }' "$1" >"$tmp/replaced" && cat "$tmp/replaced" >"$1"
}

# --- minify the wasm-bindgen glue (Trunk leaves it as it is), release builds only ---------------
# terser from tools/ (scripts/setup.sh); the page's integrity attribute is recomputed. About 1.7 KB
# brotli less on the first load (README "Size").
b64sha384() { openssl dgst -sha384 -binary "$1" | openssl base64 -A; }
terser="$here/../tools/node_modules/.bin/terser"
if [ "${TRUNK_PROFILE:-}" = release ] && [ -x "$terser" ] && command -v openssl >/dev/null 2>&1; then
  for js in *.js; do
    [ "$js" = sw.js ] && continue
    [ -f "$js" ] || continue
    before="sha384-$(b64sha384 "$js")"
    "$terser" "$js" --module --compress --mangle --output "$tmp/min.js"
    cat "$tmp/min.js" >"$js"
    after="sha384-$(b64sha384 "$js")"
    replace index.html "$before" "$after"
    grep -q "$after" index.html || { echo "gen-sw.sh: no integrity for $js in index.html" >&2; exit 1; }
  done
fi

# --- two stylesheets (release builds) -----------------------------------------------------------
# The first screen's: embed.css appended to main's (one brotli stream compresses the shared
# selectors once). The later screens' (results, cards, summary, print): results.css and
# summary.css joined into later-<hash>.css, which the page does not link: it names it in
# <meta name="guide-later-css"> and the app loads it with the details (src/details.rs), so it is not
# part of the first load (about 1.4 KB brotli less). The sources stay separate files (style/*.css).
if [ "${TRUNK_PROFILE:-}" = release ] && command -v openssl >/dev/null 2>&1; then
  main_css="$(ls main-*.css 2>/dev/null | head -n 1)"
  if [ -n "$main_css" ]; then
    before="sha384-$(b64sha384 "$main_css")"
    : >"$tmp/later.css"
    for part in results summary embed; do
      css="$(ls "$part"-*.css 2>/dev/null | head -n 1)"
      [ -n "$css" ] || continue
      if [ "$part" = embed ]; then
        cat "$css" >>"$main_css"
      else
        cat "$css" >>"$tmp/later.css"
      fi
      # Drop its <link> (the minified page writes href=./name.css without quotes).
      sed -E "s#<link[^>]*href=\"?\./$css\"?[^>]*>##" index.html >"$tmp/index.html" && cat "$tmp/index.html" >index.html
      grep -q "$css" index.html && { echo "gen-sw.sh: could not drop the link to $css" >&2; exit 1; }
      rm -f "$css"
    done
    after="sha384-$(b64sha384 "$main_css")"
    replace index.html "$before" "$after"
    if [ -s "$tmp/later.css" ]; then
      later="later-$(sha256sum "$tmp/later.css" | cut -c1-16).css"
      cat "$tmp/later.css" >"$later"
      replace index.html "</head>" "<meta name=guide-later-css content=$later></head>"
      grep -q "$later" index.html || { echo "gen-sw.sh: no </head> for the later stylesheet" >&2; exit 1; }
    fi
  fi
fi

# --- 0. the pre-rendered welcome ---------------------------------------------------------------
[ -f "$here/welcome.html" ] || { echo "gen-sw.sh: $here/welcome.html is missing" >&2; exit 1; }
if grep -q 'id="prerender"' index.html; then
  echo "gen-sw.sh: index.html already has the pre-rendered welcome (already processed?)" >&2
  exit 1
fi
[ "$(grep -o '<body>' index.html | wc -l | tr -d ' ')" = 1 ] || {
  echo "gen-sw.sh: index.html must have exactly one <body> tag for the pre-rendered welcome" >&2
  exit 1
}
# ENVIRON, not -v: the HTML's characters are taken as they are (no escape processing).
PRERENDER="$(tr -d '\n' <"$here/welcome.html")" awk '{
  i = index($0, "<body>")
  if (i) $0 = substr($0, 1, i + 5) "<div id=\"prerender\">" ENVIRON["PRERENDER"] "</div>" substr($0, i + 6)
  print
}' index.html >"$tmp/index.html" && cat "$tmp/index.html" >index.html

# --- 1. CSP hashes of the inline scripts of index.html --------------------------------------
# `trunk serve` only: its live-reload script gets the server address and websocket path filled
# in per response, which would change its hash. Fill them in here the way Trunk would (the
# address the page was loaded from; the base for public_url "./"), so the hash holds.
if grep -q '{{__TRUNK_WS_BASE__}}' index.html; then
  public_url="${TRUNK_PUBLIC_URL:-/}"
  case "$public_url" in
    /*) ws_base="${public_url%/}/" ;;
    *) ws_base="/" ;;
  esac
  # Quoted as written, or in backticks once Trunk's release minifier has been over it.
  for q in "'" '"' '`'; do
    replace index.html "$q{{__TRUNK_ADDRESS__}}$q" "window.location.host"
  done
  replace index.html '{{__TRUNK_WS_BASE__}}' "$ws_base"
fi
# Each inline script's text (exactly as the browser hashes it: CRLF read as LF) goes to its own file.
awk -v out="$tmp/script" '
  { html = html $0 "\n" }
  END {
    gsub(/\r/, "", html)
    n = 0
    rest = html
    while ((i = index(rest, "<script")) > 0) {
      rest = substr(rest, i)
      close_tag = index(rest, ">")
      if (close_tag == 0) break
      tag = substr(rest, 1, close_tag)
      rest = substr(rest, close_tag + 1)
      end_at = index(rest, "</script")
      if (end_at == 0) break
      body = substr(rest, 1, end_at - 1)
      rest = substr(rest, end_at)
      if (tag ~ /[ \t\n]src[ \t\n]*=/) continue
      n++
      printf "%s", body > (out "." n)
      close(out "." n)
    }
  }' index.html
hashes=""
for f in "$tmp"/script.*; do
  [ -f "$f" ] || continue
  hashes="$hashes${hashes:+ }'sha256-$(b64sha256 "$f")'"
done
if grep -q '__GUIDE_SCRIPT_HASHES__' index.html; then
  replace index.html '__GUIDE_SCRIPT_HASHES__' "$hashes"
else
  echo "gen-sw.sh: warning: index.html has no __GUIDE_SCRIPT_HASHES__ placeholder (no CSP?)" >&2
fi

# --- 2. precache list and version of sw.js ---------------------------------------------------
find . -type f ! -path ./sw.js | sed 's#^\./##' | LC_ALL=C sort >"$tmp/files"
if grep -q '["\\]' "$tmp/files"; then
  echo "gen-sw.sh: a file name contains a quote or backslash" >&2
  exit 1
fi
precache="$(awk 'BEGIN { printf "[" } { printf "%s\"./%s\"", (NR > 1 ? "," : ""), $0 } END { printf "]" }' "$tmp/files")"
version="$(while IFS= read -r f; do sha256sum "./$f"; done <"$tmp/files" | sha256sum | cut -c1-16)"
replace sw.js '__GUIDE_PRECACHE__' "$precache"
replace sw.js '__GUIDE_VERSION__' "$version"

echo "gen-sw.sh: sw.js version $version, $(wc -l <"$tmp/files" | tr -d ' ') files precached; CSP script hashes: ${hashes:-none}"

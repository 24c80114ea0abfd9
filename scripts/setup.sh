#!/usr/bin/env bash
# Installs what is missing to build the guide (and with --test, to run every test). Idempotent:
# each step is skipped when the exact version is already there. Needs rustup + cargo; uses only the
# package registries (crates.io, npm, Debian).
#
#   scripts/setup.sh          # build/serve: wasm32 target, trunk, wasm-bindgen-cli, npm tools, cargo fetch
#   scripts/setup.sh --test   # also rustfmt + clippy, chromium, chromium-driver, brotli, poppler-utils,
#                             # and the other engines: firefox-esr + geckodriver, webkit2gtk-driver + xvfb
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh

FOR_TESTS=false
case "${1:-}" in
  --test) FOR_TESTS=true ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

say() { echo "setup: $*"; }
# If a step fails, stop the background installs this script started (by their job ids).
trap 'for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done' EXIT
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Versions: Trunk.toml is the single source for wasm-bindgen and wasm-opt; trunk's is pinned here.
TRUNK_VERSION="0.21.14"
# geckodriver (Firefox's WebDriver server) from crates.io; --locked builds with its own lockfile.
GECKODRIVER_VERSION="0.37.1"
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
WASM_OPT_VERSION="$(sed -n 's/^wasm_opt *= *"version_\([0-9]*\)".*/\1/p' Trunk.toml)"
LOCK_WASM_BINDGEN="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$WASM_BINDGEN_VERSION" != "$LOCK_WASM_BINDGEN" ]; then
  echo "setup: Trunk.toml wants wasm-bindgen $WASM_BINDGEN_VERSION but Cargo.lock has $LOCK_WASM_BINDGEN;" \
       "bump the crate (=x.y.z in Cargo.toml) and [tools] wasm_bindgen together" >&2
  exit 1
fi
if ! grep -q "\"binaryen\": \"$WASM_OPT_VERSION.0.0\"" tools/package.json; then
  echo "setup: Trunk.toml wants wasm-opt version_$WASM_OPT_VERSION but tools/package.json pins another binaryen" >&2
  exit 1
fi

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }

# 1. Rust target and components.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The browser build's pinned nightly with the standard library's source (scripts/trunk.sh).
if [[ "$WASM_TOOLCHAIN" == stable ]]; then
  say "browser build toolchain: stable (WASM_TOOLCHAIN=stable)"
elif rustup run "$WASM_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  && [ -d "$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "browser build toolchain $WASM_TOOLCHAIN with rust-src: present"
else
  say "installing the browser build toolchain $WASM_TOOLCHAIN with rust-src"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src
fi
if $FOR_TESTS; then
  for component in rustfmt clippy; do
    subcommand="${component/rustfmt/fmt}"
    if cargo "$subcommand" --version >/dev/null 2>&1; then
      say "$component: present"
    else
      say "adding $component"
      rustup component add "$component"
    fi
  done
fi

# 2. Debian packages, in the background while cargo installs run (they are independent).
APT_PACKAGES=()
command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)
if $FOR_TESTS; then
  [ -x /usr/bin/chromium ] || APT_PACKAGES+=(chromium)
  [ -x /usr/bin/chromedriver ] || APT_PACKAGES+=(chromium-driver)
  command -v brotli >/dev/null || APT_PACKAGES+=(brotli)
  # pdftotext/pdfinfo: e2e/tests/summary.rs reads the text of the printed visit summary.
  command -v pdftotext >/dev/null || APT_PACKAGES+=(poppler-utils)
  command -v gzip >/dev/null || APT_PACKAGES+=(gzip)
  # The other engines of e2e/tests/engines.rs: Firefox ESR (driven by geckodriver, below) and
  # WebKitGTK, Safari's engine (WebKitWebDriver + MiniBrowser), which needs an X display: Xvfb.
  [ -x /usr/bin/firefox-esr ] || APT_PACKAGES+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || APT_PACKAGES+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null && command -v xvfb-run >/dev/null || APT_PACKAGES+=(xvfb)
fi
APT_PID=""
APT_LOG="$ROOT/target/setup-apt.log"
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  mkdir -p "$ROOT/target"
  say "apt-get install ${APT_PACKAGES[*]} (background, log: $APT_LOG)"
  ( $SUDO apt-get update && $SUDO apt-get install -y "${APT_PACKAGES[@]}" ) </dev/null >"$APT_LOG" 2>&1 &
  APT_PID=$!
else
  say "Debian packages: present"
fi
wait_for_apt() {
  if [ -n "$APT_PID" ]; then
    if ! wait "$APT_PID"; then
      tail -n 30 "$APT_LOG" >&2
      echo "setup: apt-get install ${APT_PACKAGES[*]} failed (log: $APT_LOG)" >&2
      exit 1
    fi
    APT_PID=""
    say "apt-get install done"
  fi
}

# 3. Cargo-installed tools, compiled from crates.io the first time (trunk ~10 min, wasm-bindgen-cli
#    ~5 min on 2 cores when built side by side, as here; one after the other takes longer).
version_of() { "$1" --version 2>/dev/null | head -n 1 || true; }
WB_PID=""
WB_LOG="$ROOT/target/setup-wasm-bindgen-cli.log"
if [ "$(version_of wasm-bindgen)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen $WASM_BINDGEN_VERSION: present"
else
  mkdir -p "$ROOT/target"
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (found: '$(version_of wasm-bindgen)'; background, log: $WB_LOG)"
  # No --locked: its lockfile wants a webpki-roots version the registry lacks (see README troubleshooting).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" </dev/null >"$WB_LOG" 2>&1 &
  WB_PID=$!
fi
if [ "$(version_of trunk)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (found: '$(version_of trunk)')"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi
GD_PID=""
GD_LOG="$ROOT/target/setup-geckodriver.log"
if $FOR_TESTS; then
  if [ "$(version_of geckodriver | cut -d' ' -f1-2)" = "geckodriver $GECKODRIVER_VERSION" ]; then
    say "geckodriver $GECKODRIVER_VERSION: present"
  else
    mkdir -p "$ROOT/target"
    say "installing geckodriver $GECKODRIVER_VERSION (found: '$(version_of geckodriver)'; background, log: $GD_LOG)"
    cargo install geckodriver --locked --version "$GECKODRIVER_VERSION" </dev/null >"$GD_LOG" 2>&1 &
    GD_PID=$!
  fi
fi
if [ -n "$WB_PID" ]; then
  if ! wait "$WB_PID"; then
    tail -n 30 "$WB_LOG" >&2
    echo "setup: cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION failed (log: $WB_LOG)" >&2
    exit 1
  fi
  say "wasm-bindgen-cli installed"
fi
if [ -n "$GD_PID" ]; then
  if ! wait "$GD_PID"; then
    tail -n 30 "$GD_LOG" >&2
    echo "setup: cargo install geckodriver $GECKODRIVER_VERSION failed (log: $GD_LOG)" >&2
    exit 1
  fi
  say "geckodriver installed"
fi
[ "$(version_of wasm-bindgen)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  { echo "setup: wasm-bindgen on PATH is '$(version_of wasm-bindgen)', expected $WASM_BINDGEN_VERSION" >&2; exit 1; }
[ "$(version_of trunk)" = "trunk $TRUNK_VERSION" ] ||
  { echo "setup: trunk on PATH is '$(version_of trunk)', expected $TRUNK_VERSION" >&2; exit 1; }

wait_for_apt

# 4. npm tools: binaryen (wasm-opt), axe-core and terser (minifies the wasm-bindgen glue in the
#    build hook), exact versions from tools/package-lock.json.
AXE_VERSION="$(sed -n 's/.*"axe-core": "\([^"]*\)".*/\1/p' tools/package.json)"
have_npm_tools() {
  [ -x tools/node_modules/.bin/terser ] &&
  [ -x tools/node_modules/.bin/wasm-opt ] &&
    tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "(version_$WASM_OPT_VERSION)" &&
    grep -q "\"version\": \"$AXE_VERSION\"" tools/node_modules/axe-core/package.json 2>/dev/null
}
if have_npm_tools; then
  say "npm tools (binaryen $WASM_OPT_VERSION, axe-core $AXE_VERSION): present"
else
  say "npm ci --prefix tools"
  npm ci --prefix tools --no-audit --no-fund
  have_npm_tools || { echo "setup: tools/node_modules does not have the pinned versions" >&2; exit 1; }
fi

# 5. Crates, so every later build can run offline (Trunk.toml has offline = true).
say "cargo fetch --locked"
cargo fetch --locked
# The standard library's own crates, which the browser build rebuilds (build-std, scripts/trunk.sh)
# offline: they are listed in rust-src's lockfile, not in ours.
if [[ "$WASM_TOOLCHAIN" != stable ]]; then
  say "cargo fetch for the standard library of $WASM_TOOLCHAIN"
  RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" cargo fetch --locked --manifest-path \
    "$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
fi

# Check what the build will actually pick up.
WASM_OPT_FOUND="$(command -v wasm-opt)"
case "$WASM_OPT_FOUND" in
  "$ROOT/tools/node_modules/.bin/wasm-opt") ;;
  *) echo "setup: wasm-opt on PATH is $WASM_OPT_FOUND, expected tools/node_modules/.bin/wasm-opt" >&2; exit 1 ;;
esac
say "ready: $(version_of trunk), $(version_of wasm-bindgen), $(wasm-opt --version)"
if $FOR_TESTS; then
  say "ready: $(/usr/bin/chromium --version 2>/dev/null), $(/usr/bin/chromedriver --version | cut -d' ' -f1-2), $(brotli --version)"
  [ "$(version_of geckodriver | cut -d' ' -f1-2)" = "geckodriver $GECKODRIVER_VERSION" ] ||
    { echo "setup: geckodriver on PATH is '$(version_of geckodriver)', expected $GECKODRIVER_VERSION" >&2; exit 1; }
  say "ready: $(/usr/bin/firefox-esr --version 2>/dev/null), $(version_of geckodriver | cut -d' ' -f1-2)," \
      "WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?'), $(command -v WebKitWebDriver), $(command -v xvfb-run)"
fi

#!/usr/bin/env bash
# Installs whatever tradecover's build and tests need and is missing; finished installs are skipped.
#   bash scripts/bootstrap.sh           toolchain, wasm-bindgen-cli, node dev dependencies
#   bash scripts/bootstrap.sh --browser also Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { echo "bootstrap: cargo is missing: install Rust with rustup first" >&2; exit 1; }
command -v npm >/dev/null || { echo "bootstrap: npm is missing: install Node.js 20+ first" >&2; exit 1; }

# 1. Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# 2. wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wanted" ]; then
  echo "bootstrap: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (have: ${have:-none}); this takes a few minutes"
  # Not --locked: the registry mirror lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# 3. cargo-fuzz, for the fuzz smoke runs of the core's parsers and validators (not for the
#    benchmarks: BOOTSTRAP_SKIP_FUZZ=1).
if [ -z "${BOOTSTRAP_SKIP_FUZZ:-}" ] && ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz
fi

# 4. Node dev dependencies (playwright-core, binaryen's wasm-opt), when package-lock changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node dev dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

# 5. Debian's Chromium and its driver, for the browser and end-to-end tests.
if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver from Debian"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

#!/usr/bin/env bash
# npm test: installs what is missing, then runs every check, stopping at the first failure:
# format, lints (native and wasm32), native tests, browser tests (headless Chromium), the
# package build, and the end-to-end tests against a proxy + sandbox the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

started=$SECONDS
stage() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$((SECONDS - started))"; }

stage "bootstrap"
bash scripts/bootstrap.sh --browser

stage "cargo fmt --check"
cargo fmt --all --check
echo "format: ok"

stage "cargo clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

stage "cargo clippy (wasm32, root crate)"
cargo clippy -p tradecover --target wasm32-unknown-unknown --all-targets -- -D warnings

stage "cargo doc (no broken or private links)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace

stage "native tests"
cargo test --workspace
# SNS signature verification is behind a non-default feature (no RSA in the wasm bundle).
cargo test -p tradecover-core --features coface_sns --test coface_sns

stage "fuzz smoke (cargo-fuzz, 15 s per target)"
bash scripts/fuzz.sh 15

stage "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p tradecover --target wasm32-unknown-unknown

stage "package build"
bash scripts/build-pkg.sh
node scripts/size-budget.mjs
cargo build -p tradecover-proxy

stage "end-to-end tests (node:test + playwright-core, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

stage "done"

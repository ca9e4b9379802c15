#!/usr/bin/env bash
# `npm run bench`: the side-by-side benchmark (bench/run.mjs) on a machine that may have nothing
# yet. Installs what is missing as `npm test` does (not the fuzzer), builds the npm package when
# its sources are newer than pkg/ (the React peer is built by bench/run.mjs when missing), then
# runs the benchmark with the arguments given, e.g. `npm run bench -- --runs 20`.
# `bash scripts/bench.sh tracker` (`npm run bench:tracker`) runs bench/tracker.mjs instead, on
# the release proxy built here (its environment settings: see that file).
# `bash scripts/bench.sh profile` (`npm run bench:profile`) records the CPU profiles of
# bench/run.mjs (--only profile) into bench/results/profile/, on a copy of the package whose
# wasm keeps its function names (wasm-opt -g): the profiles then name tradecover's functions.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

BOOTSTRAP_SKIP_FUZZ=1 bash scripts/bootstrap.sh --browser
built=pkg/tradecover_bg.wasm
cargo_wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/tradecover.wasm"
if [ ! -f "$built" ] || { [ "${1:-}" = "profile" ] && [ ! -f "$cargo_wasm" ]; } || [ -n "$(find src core/src core/messages Cargo.toml Cargo.lock pkg.json -newer "$built" -print -quit)" ]; then
  bash scripts/build-pkg.sh
fi
if [ "${1:-}" = "tracker" ]; then
  shift
  cargo build --release -p tradecover-proxy
  BENCH_PROFILE=release exec node bench/tracker.mjs "$@"
fi
if [ "${1:-}" = "profile" ]; then
  shift
  named="${CARGO_TARGET_DIR:-target}/bench-profile-pkg"
  rm -rf "$named"
  wasm-bindgen --target web --out-dir "$named" --out-name tradecover \
    "$cargo_wasm"
  node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$named/tradecover_bg.wasm" -o "$named/tradecover_bg.wasm"
  cp pkg/index.js pkg/define.js "$named/"
  BENCH_PKG_DIR="$named" exec node bench/run.mjs --only profile --out bench/results/profile "$@"
fi
exec node bench/run.mjs "$@"

#!/usr/bin/env bash
# `npm run bench`: the side-by-side benchmark (bench/run.mjs) on a machine that may have nothing
# yet. Installs what is missing as `npm test` does (not the fuzzer), builds the npm package when
# its sources are newer than pkg/ (the React peer is built by bench/run.mjs when missing), then
# runs the benchmark with the arguments given, e.g. `npm run bench -- --runs 20`.
# `bash scripts/bench.sh tracker` (`npm run bench:tracker`) runs bench/tracker.mjs instead, on
# the release proxy built here (its environment settings: see that file).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

BOOTSTRAP_SKIP_FUZZ=1 bash scripts/bootstrap.sh --browser
built=pkg/tradecover_bg.wasm
if [ ! -f "$built" ] || [ -n "$(find src core/src core/messages Cargo.toml Cargo.lock pkg.json -newer "$built" -print -quit)" ]; then
  bash scripts/build-pkg.sh
fi
if [ "${1:-}" = "tracker" ]; then
  shift
  cargo build --release -p tradecover-proxy
  BENCH_PROFILE=release exec node bench/tracker.mjs "$@"
fi
exec node bench/run.mjs "$@"

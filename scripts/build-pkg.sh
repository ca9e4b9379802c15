#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm with real LTO, wasm-bindgen (web target),
# wasm-opt -Oz (binaryen from npm), the JS entries, and pkg/package.json from pkg.json.
# Honours CARGO_TARGET_DIR (default: target/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# `lto = true` is ignored for crate-type ["cdylib", "rlib"]: build the cdylib alone.
cargo rustc -p tradecover --lib --release --target wasm32-unknown-unknown --crate-type cdylib

rm -rf pkg.tmp
wasm-bindgen --target web --out-dir pkg.tmp --out-name tradecover \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/tradecover.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg.tmp/tradecover_bg.wasm -o pkg.tmp/tradecover_bg.wasm
cp src/js/index.js src/js/index.d.ts src/js/define.js src/js/define.d.ts pkg.tmp/
cp README.md pkg.tmp/
node scripts/write-manifest.mjs pkg.tmp
rm -rf pkg
mv pkg.tmp pkg
node scripts/size-report.mjs pkg

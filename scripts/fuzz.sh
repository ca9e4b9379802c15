#!/usr/bin/env bash
# Runs the core's coverage-guided fuzz targets (cargo-fuzz, libFuzzer) on the stable toolchain.
#   bash scripts/fuzz.sh                 every target for 15 s (the smoke run of npm test)
#   bash scripts/fuzz.sh 600 money       one target for 10 minutes (a long run)
# Findings land in core/fuzz/artifacts/<target>/; the growing corpus in core/fuzz/corpus/<target>/
# (seeded from the committed core/fuzz/seeds/<target>/).
set -euo pipefail
cd "$(dirname "$0")/../core"
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-15}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(identifier money field text_inputs coface_responses allianz_trade_responses atradius_responses)
fi
# cargo-fuzz needs nightly-only flags (sanitizers); RUSTC_BOOTSTRAP lets stable accept them.
export RUSTC_BOOTSTRAP=1
cargo fuzz build
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
  echo "fuzz: $target for ${seconds}s"
  cargo fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|Done|INFO: -max_total_time|==[0-9]+==|SUMMARY|Test unit written|panicked|thread)' || true
  if [ -n "$(ls -A "fuzz/artifacts/$target" 2>/dev/null)" ]; then
    echo "fuzz: $target found a crash: see core/fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"

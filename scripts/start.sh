#!/usr/bin/env bash
# npm start: installs what is missing, builds the package, runs the proxy with the embedded
# sandbox on 127.0.0.1 (PORT or --port, default 8080) serving www/ and pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/bootstrap.sh
bash scripts/build-pkg.sh
cargo build --release -p tradecover-proxy
exec target/release/tradecover-proxy --www www --pkg pkg "$@"

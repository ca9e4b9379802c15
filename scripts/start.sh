#!/usr/bin/env bash
# npm start: installs what is missing, builds the package, runs the proxy with the embedded
# sandbox on 127.0.0.1 (PORT or --port, default 8080) serving www/ and pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/bootstrap.sh
bash scripts/build-pkg.sh
cargo build --release -p tradecover-proxy
# The demo pages follow the notification stream of the contract DEMO-CONTRACT-1 (www/tracker.js):
# the embedded sandbox's Coface gets that contract number unless one is configured (environment
# or a --config file, which the environment would override).
if [[ " $* " != *" --config "* ]] && { [ -z "${COFACE_UPSTREAM:-}" ] || [ "${COFACE_UPSTREAM}" = sandbox ]; }; then
  if [ -z "${COFACE_POLICY_NUMBER:-}" ] && [ -z "${COFACE_POLICY_NUMBER_FILE:-}" ]; then
    export COFACE_POLICY_NUMBER=DEMO-CONTRACT-1
  fi
fi
exec target/release/tradecover-proxy --www www --pkg pkg "$@"

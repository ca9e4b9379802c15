#!/usr/bin/env bash
# Bounded load test of the reference proxy, on loopback only.
#
# Installs wrk and nginx from Debian if absent (apt-get), builds the release proxy and sandbox,
# then starts on free 127.0.0.1 ports:
#   - the standalone sandbox (tradecover-sandbox --port N),
#   - the proxy with its embedded sandbox (tradecover-proxy --port 0),
#   - an nginx forwarding /proxy/coface/ to the standalone sandbox with a fixed Coface token
#     (what "nginx + a token fetcher" does once the token is fetched).
# It runs `wrk -t$THREADS -c$CONNECTIONS -d$DURATION` with the same Coface name search against
# the sandbox directly, the proxy and nginx→sandbox, prints a Markdown table (requests/s, errors,
# p50, p99) and the p99 each front adds over the sandbox alone, and stops everything it started.
#
# Environment: DURATION (default 30s), THREADS (2), CONNECTIONS (50), ACCESS_LOG (true: the
# proxy writes its JSON lines to a file, as in production), CARGO_TARGET_DIR (default target).
# wrk is closed-loop (wrk2's fixed rate is not in Debian): the figures are the throughput at 50
# connections and the latency at that load. The proxy's rate limit exempts loopback by default,
# which this test relies on.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-50}"
ACCESS_LOG="${ACCESS_LOG:-true}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
QUERY="/companies/name?countryCode=FRA&companyName=dupont"

log() { printf 'load-test: %s\n' "$*" >&2; }

install_if_absent() {
  local missing=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing ${missing[*]} from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  log "no free port found"
  return 1
}

wait_for() {
  local url="$1"
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  log "nothing answers at $url"
  return 1
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

install_if_absent wrk nginx curl
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

log "building the release proxy and sandbox (slow the first time)"
cargo build --release -q -p tradecover-proxy -p tradecover-sandbox

WORK="$(mktemp -d /tmp/tradecover-load.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export COFACE_USERNAME="load-test"
COFACE_PASSWORD="$(random_hex 12)"
COFACE_API_KEY="$(random_hex 12)"
export COFACE_PASSWORD COFACE_API_KEY
export COFACE_POLICY_NUMBER="POL-LOAD-1"

SANDBOX_PORT="$(free_port)"
"$TARGET_DIR/release/tradecover-sandbox" --port "$SANDBOX_PORT" >"$WORK/sandbox.out" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/__sandbox/health"

TRADECOVER_ACCESS_LOG="$ACCESS_LOG" "$TARGET_DIR/release/tradecover-proxy" --port 0 \
  >"$WORK/proxy.out" 2>"$WORK/proxy.log" &
PIDS+=($!)
PROXY_URL=""
for _ in $(seq 1 300); do
  PROXY_URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/proxy.out" 2>/dev/null | head -1 || true)"
  [ -n "$PROXY_URL" ] && break
  sleep 0.1
done
[ -n "$PROXY_URL" ] || { log "the proxy did not start"; cat "$WORK/proxy.log" >&2; exit 1; }
wait_for "$PROXY_URL/health"

TOKEN="$(curl -fsS -X POST "http://127.0.0.1:$SANDBOX_PORT/coface/authentication/v1/token" \
  -H "x-api-key: $COFACE_API_KEY" -H 'content-type: application/json' \
  -d "{\"username\":\"$COFACE_USERNAME\",\"password\":\"$COFACE_PASSWORD\",\"grantType\":\"password\"}" |
  sed -n 's/.*"idToken":"\([^"]*\)".*/\1/p')"
[ -n "$TOKEN" ] || { log "cannot log in to the standalone sandbox"; exit 1; }

NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream sandbox { server 127.0.0.1:$SANDBOX_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 64k;
    location /proxy/coface/ {
      proxy_pass http://sandbox/coface/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Cookie "";
      proxy_set_header authorization "$TOKEN";
      proxy_set_header x-api-key "$COFACE_API_KEY";
      proxy_set_header X-COF-Policy-Number "$COFACE_POLICY_NUMBER";
    }
  }
}
EOF
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>"$WORK/nginx/stderr" &
PIDS+=($!)
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break
  sleep 0.1
done

write_lua() {
  local file="$1"
  shift
  {
    echo 'wrk.method = "GET"'
    echo 'wrk.headers["x-tradecover-client"] = "tradecover/load-test"'
    echo 'wrk.headers["accept"] = "application/json"'
    for header in "$@"; do
      printf 'wrk.headers["%s"] = "%s"\n' "${header%%=*}" "${header#*=}"
    done
    cat <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.0f %d %.2f %.2f\n",
    summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
  } >"$file"
}
write_lua "$WORK/direct.lua" "authorization=$TOKEN" "x-api-key=$COFACE_API_KEY" \
  "X-COF-Policy-Number=$COFACE_POLICY_NUMBER"
write_lua "$WORK/front.lua"

declare -A URLS=(
  [sandbox]="http://127.0.0.1:$SANDBOX_PORT/coface$QUERY"
  [proxy]="$PROXY_URL/proxy/coface$QUERY"
  [nginx]="http://127.0.0.1:$NGINX_PORT/proxy/coface$QUERY"
)
declare -A LUA=([sandbox]="$WORK/direct.lua" [proxy]="$WORK/front.lua" [nginx]="$WORK/front.lua")
declare -A RESULT

for target in sandbox proxy nginx; do
  headers=(-H 'x-tradecover-client: tradecover/load-test')
  if [ "$target" = sandbox ]; then
    headers+=(-H "authorization: $TOKEN" -H "x-api-key: $COFACE_API_KEY"
      -H "X-COF-Policy-Number: $COFACE_POLICY_NUMBER")
  fi
  status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "${URLS[$target]}")"
  [ "$status" = 200 ] || { log "$target answers $status to the search; not measuring"; exit 1; }
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $target"
  line="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "${LUA[$target]}" "${URLS[$target]}" |
    grep '^RESULT' || true)"
  [ -n "$line" ] || { log "wrk gave no result for $target"; exit 1; }
  RESULT[$target]="${line#RESULT }"
done

echo
echo "| target | requests/s | errors | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|---:|"
for target in sandbox proxy nginx; do
  read -r rps errors p50 p99 <<<"${RESULT[$target]}"
  label="$target"
  [ "$target" = nginx ] && label="nginx → sandbox"
  [ "$target" = proxy ] && label="proxy (embedded sandbox)"
  echo "| $label | $rps | $errors | $p50 | $p99 |"
done
read -r _ _ _ sandbox_p99 <<<"${RESULT[sandbox]}"
read -r _ _ _ proxy_p99 <<<"${RESULT[proxy]}"
read -r _ _ _ nginx_p99 <<<"${RESULT[nginx]}"
echo
awk -v s="$sandbox_p99" -v p="$proxy_p99" -v n="$nginx_p99" 'BEGIN {
  printf "p99 added over the sandbox alone: proxy %+.2f ms, nginx %+.2f ms (proxy minus nginx: %+.2f ms)\n", p - s, n - s, p - n
}'
echo "(wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1, GET /coface$QUERY)"

#!/usr/bin/env bash
# Benchmark: `GET /api/users/me` through nginx, side by side with a static file of the same size
# served by the same nginx, so the figures show what the service path (nginx -> user-service ->
# token check -> database) costs on top of nginx itself.
#
# Run it as `./cinemates bench users-me`. It starts an instance of its own (state folder
# .cinemates/bench, nginx on 127.0.0.1:28080, services on 28081-28084, embedded H2), so it never
# touches a running instance, and stops it at the end. The instance's rate limits are raised far
# above the defaults (API 100000r/s, burst 100000), otherwise one client address would measure
# nginx's 429 answers instead of the service. Load comes from wrk on loopback only.
#
# Settings (environment):
#   CINEMATES_BENCH_THREADS      wrk threads                  (2)
#   CINEMATES_BENCH_CONNECTIONS  open connections             (32)
#   CINEMATES_BENCH_DURATION     measured run per target      (15s)
#   CINEMATES_BENCH_WARMUP       warm-up run per target       (10s; the JVM compiles its hot paths)
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
if [[ -z ${CINEMATES_CLI:-} ]]; then
    # Started directly: go through ./cinemates, which prepares the instance's environment.
    exec "$ROOT/cinemates" bench users-me "$@"
fi

THREADS=${CINEMATES_BENCH_THREADS:-2}
CONNECTIONS=${CINEMATES_BENCH_CONNECTIONS:-32}
DURATION=${CINEMATES_BENCH_DURATION:-15s}
WARMUP=${CINEMATES_BENCH_WARMUP:-10s}
PORT=${CINEMATES_BENCH_HTTP_PORT:-28080}
STATE=${CINEMATES_HOME:?CINEMATES_HOME must name the state folder of the benchmark instance}
BASE="http://127.0.0.1:$PORT"
STATIC_DIR="$STATE/bench-static"
RESULTS="$STATE/results"

say() { printf 'bench: %s\n' "$*"; }
fail() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

stop_instance() {
    say "stopping the benchmark instance"
    "$CINEMATES_CLI" down >/dev/null || printf 'bench: warning: could not stop the instance in %s\n' "$STATE" >&2
}

# A fresh instance: whatever an earlier run left behind is stopped and wiped.
"$CINEMATES_CLI" down >/dev/null 2>&1 || true
rm -rf "$STATE"
mkdir -p "$STATIC_DIR" "$RESULTS"
cp "$ROOT/edge/www/index.html" "$STATIC_DIR/index.html"
trap stop_instance EXIT
trap 'exit 130' INT TERM

say "starting the benchmark instance in $STATE"
CINEMATES_WEB_ROOT="$STATIC_DIR" \
    CINEMATES_API_RATE=100000r/s CINEMATES_API_BURST=100000 \
    CINEMATES_AUTH_RATE=600r/m CINEMATES_AUTH_BURST=100 \
    CINEMATES_REGISTER_PER_IP=1000/1h CINEMATES_LOGIN_PER_IP=1000/15m \
    "$CINEMATES_CLI" up --port "$PORT" >"$RESULTS/up.log" 2>&1 || {
    cat "$RESULTS/up.log" >&2
    fail "the benchmark instance did not come up"
}

# --- A member and their access token ------------------------------------------------------

jar="$RESULTS/cookies.txt"
curl -fsS -c "$jar" -o /dev/null "$BASE/api/auth/csrf" || fail "GET /api/auth/csrf failed"
xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1)
suffix=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
username="bench_$suffix"
password="Bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')"

post_json() { # path body -> prints the response body; fails on an HTTP error
    curl -fsS -b "$jar" -c "$jar" -H 'Content-Type: application/json' \
        ${xsrf:+-H "X-XSRF-TOKEN: $xsrf"} -d "$2" "$BASE$1"
}

post_json /api/auth/register \
    "{\"username\":\"$username\",\"email\":\"$username@example.com\",\"password\":\"$password\",\"displayName\":\"Benchmark member\"}" \
    >/dev/null || fail "registering $username failed"
login=$(post_json /api/auth/login "{\"login\":\"$username\",\"password\":\"$password\"}") ||
    fail "logging in as $username failed"
token=$(sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p' <<<"$login")
[[ -n $token ]] || fail "the login answer carries no accessToken: $login"

me="$RESULTS/me.json"
status=$(curl -sS -o "$me" -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE/api/users/me")
[[ $status == 200 ]] || fail "GET /api/users/me answered $status: $(cat "$me")"

# The static twin: the very same bytes, served by nginx from its web root.
cp "$me" "$STATIC_DIR/users-me.json"
chmod a+r "$STATIC_DIR/users-me.json"
size=$(wc -c <"$me" | tr -d ' ')
static_size=$(curl -fsS "$BASE/users-me.json" | wc -c | tr -d ' ') || fail "the static file is not served"
[[ $static_size == "$size" ]] || fail "the static file is $static_size bytes, the API answer $size"
say "member $username; /api/users/me answers $size bytes; static twin /users-me.json"

# --- Load ----------------------------------------------------------------------------------

api_args=(-H "Authorization: Bearer $token" "$BASE/api/users/me")
static_args=("$BASE/users-me.json")
load=(-t "$THREADS" -c "$CONNECTIONS")

say "warming up ($WARMUP each)"
wrk "${load[@]}" -d "$WARMUP" "${api_args[@]}" >"$RESULTS/warmup-api.txt"
wrk "${load[@]}" -d "$WARMUP" "${static_args[@]}" >"$RESULTS/warmup-static.txt"

say "measuring GET /api/users/me ($DURATION, $THREADS threads, $CONNECTIONS connections)"
wrk "${load[@]}" -d "$DURATION" --latency "${api_args[@]}" >"$RESULTS/api.txt"
say "measuring the static file ($DURATION, $THREADS threads, $CONNECTIONS connections)"
wrk "${load[@]}" -d "$DURATION" --latency "${static_args[@]}" >"$RESULTS/static.txt"

# Requests/s, p50 and p99 in milliseconds, and failed answers, from wrk's report.
summarise() {
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { errors += $NF }
        /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %.2f %d\n", rps, p50, p99, errors }
    ' "$1"
}

read -r api_rps api_p50 api_p99 api_errors < <(summarise "$RESULTS/api.txt")
read -r static_rps static_p50 static_p99 static_errors < <(summarise "$RESULTS/static.txt")

printf '\nusers-me: %s threads, %s connections, %s per target after a %s warm-up; %s-byte answers\n\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$size"
printf '%-44s %12s %10s %10s %8s\n' "target (through nginx)" "requests/s" "p50 ms" "p99 ms" "errors"
printf '%-44s %12s %10s %10s %8s\n' "GET /api/users/me (bearer, user-service)" "$api_rps" "$api_p50" "$api_p99" "$api_errors"
printf '%-44s %12s %10s %10s %8s\n' "GET /users-me.json (static, same size)" "$static_rps" "$static_p50" "$static_p99" "$static_errors"
awk -v a="$api_rps" -v s="$static_rps" -v ap="$api_p50" -v sp="$static_p50" 'BEGIN {
    if (a > 0) printf "\nstatic / API: %.1fx the requests per second", s / a
    if (sp > 0) printf ", %.1fx lower median latency", ap / sp
    printf "\n"
}'
printf 'wrk reports: %s\n' "$RESULTS"

if [[ $api_errors != 0 || $static_errors != 0 ]]; then
    fail "some requests failed (see the wrk reports): the figures above are not trustworthy"
fi

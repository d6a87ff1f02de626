#!/usr/bin/env bash
# Shared by the load benchmarks in bench/: an instance of their own, a member with an access
# token, static twins of API answers, wrk runs and the table of results. Sourced, not run.
#
# Settings (environment):
#   CINEMATES_BENCH_THREADS      wrk threads                  (2)
#   CINEMATES_BENCH_CONNECTIONS  open connections             (32)
#   CINEMATES_BENCH_DURATION     measured run per target      (15s)
#   CINEMATES_BENCH_WARMUP       warm-up run per target       (10s; the JVM compiles its hot paths)
#   CINEMATES_BENCH_KEEP         1: leave the instance running at the end, to profile or look around
#                                (stop it with CINEMATES_HOME=.cinemates/bench ./cinemates down)

THREADS=${CINEMATES_BENCH_THREADS:-2}
CONNECTIONS=${CINEMATES_BENCH_CONNECTIONS:-32}
DURATION=${CINEMATES_BENCH_DURATION:-15s}
WARMUP=${CINEMATES_BENCH_WARMUP:-10s}
PORT=${CINEMATES_BENCH_HTTP_PORT:-28080}
STATE=${CINEMATES_HOME:?CINEMATES_HOME must name the state folder of the benchmark instance}
BASE="http://127.0.0.1:$PORT"
STATIC_DIR="$STATE/bench-static"
RESULTS="$STATE/results"
ROWS=()

say() { printf 'bench: %s\n' "$*"; }
fail() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

stop_instance() {
    if [[ ${CINEMATES_BENCH_KEEP:-} == 1 ]]; then
        say "the benchmark instance keeps running (CINEMATES_BENCH_KEEP=1): $BASE"
        return
    fi
    say "stopping the benchmark instance"
    "$CINEMATES_CLI" down >/dev/null || printf 'bench: warning: could not stop the instance in %s\n' "$STATE" >&2
}

# A fresh instance (whatever an earlier run left is stopped and wiped), stopped again on exit.
# Its rate limits are far above the defaults, otherwise one client address would measure nginx's
# 429 answers instead of the services. Arguments go to `cinemates up`.
start_instance() {
    "$CINEMATES_CLI" down >/dev/null 2>&1 || true
    rm -rf "$STATE"
    mkdir -p "$STATIC_DIR" "$RESULTS"
    cp "$ROOT/edge/www/index.html" "$STATIC_DIR/index.html"
    trap stop_instance EXIT
    trap 'exit 130' INT TERM
    say "starting the benchmark instance in $STATE"
    up_instance "$@"
}

up_instance() {
    CINEMATES_WEB_ROOT="$STATIC_DIR" \
        CINEMATES_API_RATE=100000r/s CINEMATES_API_BURST=100000 \
        CINEMATES_AUTH_RATE=600r/m CINEMATES_AUTH_BURST=100 \
        CINEMATES_REGISTER_PER_IP=1000/1h CINEMATES_LOGIN_PER_IP=1000/15m \
        "$CINEMATES_CLI" up --port "$PORT" "$@" >>"$RESULTS/up.log" 2>&1 || {
        cat "$RESULTS/up.log" >&2
        fail "the benchmark instance did not come up"
    }
}

# Stops the instance and waits until the class-data caches its first start recorded are made (see
# launcher/classdata.sh; at most 5 minutes), so that `up_instance --no-build` then starts it as
# every start after a build's first one does: built, database kept, the cache in use.
stop_for_restart() {
    local folder pending=0
    say "stopping the instance, to start it again as it usually starts"
    "$CINEMATES_CLI" down >/dev/null 2>&1 || fail "the benchmark instance did not stop"
    for _ in $(seq 1 300); do
        pending=0
        for folder in "$ROOT"/.cinemates/class-data/*/; do
            if compgen -G "$folder*.aotconf*" >/dev/null || compgen -G "$folder*.jsa.part" >/dev/null; then
                pending=1
            fi
        done
        ((pending)) || break
        sleep 1
    done
    ((pending == 0)) || say "warning: the class-data caches were not made within 5 minutes"
}

# Registers a member through nginx and sets TOKEN to their access token.
new_member() {
    local jar="$RESULTS/cookies.txt" xsrf suffix username password
    curl -fsS -c "$jar" -o /dev/null "$BASE/api/auth/csrf" || fail "GET /api/auth/csrf failed"
    xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1)
    suffix=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
    username="bench_$suffix"
    password="Bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')"
    curl -fsS -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $xsrf" \
        -d "{\"username\":\"$username\",\"email\":\"$username@example.com\",\"password\":\"$password\"}" \
        -o /dev/null "$BASE/api/auth/register" || fail "registering $username failed"
    # For benchmarks that log their members in again (tokens live 15 minutes).
    # shellcheck disable=SC2034
    MEMBER_USERNAME=$username MEMBER_PASSWORD=$password
    log_in "$username" "$password"
    say "member $username"
}

# log_in USERNAME PASSWORD: sets TOKEN to a new access token of theirs (tokens live 15 minutes).
log_in() {
    local login
    login=$(curl -fsS -H 'Content-Type: application/json' \
        -d "{\"login\":\"$1\",\"password\":\"$2\"}" "$BASE/api/auth/login") ||
        fail "logging in as $1 failed"
    TOKEN=$(sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p' <<<"$login")
    [[ -n $TOKEN ]] || fail "the login answer carries no accessToken: $login"
}

# Saves what nginx answers for PATH (with any extra curl arguments) as a static file NAME in
# the web root, the same bytes, and checks nginx serves it. Prints the size.
static_twin() {
    local path=$1 name=$2 status size
    shift 2
    status=$(curl -sS -o "$STATIC_DIR/$name" -w '%{http_code}' "$@" "$BASE$path")
    [[ $status == 200 ]] || fail "GET $path answered $status: $(cat "$STATIC_DIR/$name")"
    chmod a+r "$STATIC_DIR/$name"
    size=$(wc -c <"$STATIC_DIR/$name" | tr -d ' ')
    [[ $(curl -fsS "$BASE/$name" | wc -c | tr -d ' ') == "$size" ]] || fail "the static twin /$name is not served"
    printf '%s\n' "$size"
}

# Requests/s, p50 and p99 in milliseconds, and failed answers, from a wrk report.
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

# measure KEY LABEL wrk-arguments...: a warm-up, then the measured run; the result becomes a row.
measure() {
    local key=$1 label=$2 rps p50 p99 errors
    shift 2
    say "$label: warming up ($WARMUP), then measuring ($DURATION)"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" "$@" >"$RESULTS/$key-warmup.txt"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency "$@" >"$RESULTS/$key.txt"
    read -r rps p50 p99 errors < <(summarise "$RESULTS/$key.txt")
    ROWS+=("$key|$label|$rps|$p50|$p99|$errors")
}

# The requests/s of a measured row.
rps_of() {
    local row
    for row in "${ROWS[@]}"; do
        [[ ${row%%|*} == "$1" ]] && { cut -d'|' -f3 <<<"$row"; return; }
    done
    echo 0
}

print_results() {
    local row key label rps p50 p99 errors failed=0
    printf '\n%s threads, %s connections, %s per target after a %s warm-up, through nginx\n\n' \
        "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
    printf '%-58s %12s %9s %9s %7s\n' "target" "requests/s" "p50 ms" "p99 ms" "errors"
    for row in "${ROWS[@]}"; do
        IFS='|' read -r key label rps p50 p99 errors <<<"$row"
        printf '%-58s %12s %9s %9s %7s\n' "$label" "$rps" "$p50" "$p99" "$errors"
        [[ $errors == 0 ]] || failed=1
    done
    printf '\nwrk reports: %s\n' "$RESULTS"
    ((failed == 0)) || fail "some requests failed (see the wrk reports): the figures above are not trustworthy"
}

# ratio LABEL NUMERATOR-KEY DENOMINATOR-KEY
ratio() {
    awk -v label="$1" -v a="$(rps_of "$2")" -v b="$(rps_of "$3")" \
        'BEGIN { if (b > 0) printf "%s: %.2f\n", label, a / b }'
}

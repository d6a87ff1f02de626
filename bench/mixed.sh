#!/usr/bin/env bash
# Benchmark: the whole system under a mixed, authenticated load, beside nginx serving a static
# file in the same run. On an instance of its own with ml-latest-small imported, MEMBERS members
# (CINEMATES_BENCH_MEMBERS, 20) who rated 12 popular movies each and are friends in a ring:
#
#   first start   `cinemates up` on a new state folder until every service is ready; then until
#                 ml-latest-small is imported and preference-service serves its first model
#                 (trained in the background at the lowest CPU priority; reads do not wait)
#   start         `cinemates up` (built, state kept: the usual start) until every service is
#                 ready, then until the import is known done and the saved model serves; the
#                 rest of the run is on this instance
#   idle memory   PSS of every JVM, the PostgreSQL processes and nginx, once ml-latest-small is
#                 imported, the first model trained and the instance has been quiet for 20 s (and
#                 again after the load)
#   first minute  the mixed load during its first 60 s on the fresh instance (JIT cold)
#   then, after a warm-up of the mixed load (CINEMATES_BENCH_WARMUP_MIXED, 120s), each target
#   alone and the mixed load: requests/s, p50, p99, failed answers (wrk counts answers that
#   took over 2 s as failed)
#
# The mixed load (bench/lib/mixed.lua): movie pages 30%, rating summaries 15%, friends' feed 15%,
# recommendations 10%, my ratings 10%, /api/users/me 10%, search 5%, home page 5%, as the members
# in turn, over the 200 most rated movies.
#
# Run it as `./cinemates bench mixed` (state .cinemates/bench, nginx on 127.0.0.1:28080, stopped
# at the end). Settings: see bench/lib/common.sh; CINEMATES_BENCH_MEMBERS.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
if [[ -z ${CINEMATES_CLI:-} ]]; then
    exec "$ROOT/cinemates" bench mixed "$@"
fi
# shellcheck source=bench/lib/common.sh
source "$HERE/lib/common.sh"

DATA=${CINEMATES_MOVIELENS_DIR:-$ROOT/../shared/data/ml-latest-small}
[[ -f $DATA/movies.csv && -f $DATA/ratings.csv ]] || fail "no MovieLens folder with ratings.csv at $DATA (set CINEMATES_MOVIELENS_DIR)"
DATA=$(cd -- "$DATA" && pwd -P)
MEMBERS=${CINEMATES_BENCH_MEMBERS:-20}
[[ $MEMBERS =~ ^[1-9][0-9]*$ && $MEMBERS -ge 2 ]] || fail "CINEMATES_BENCH_MEMBERS must be a number of at least 2"
WARMUP_MIXED=${CINEMATES_BENCH_WARMUP_MIXED:-120s}

# PSS in MB of the instance's processes (the JVMs, PostgreSQL and nginx, with their children).
instance_memory() {
    local pid child kb total=0
    local -A seen=()
    for pid in $(pgrep -f -- "$STATE" || true); do
        for child in "$pid" $(pgrep -P "$pid" || true); do
            [[ -n ${seen[$child]:-} ]] && continue
            seen[$child]=1
            kb=$(awk '/^Pss:/ { print $2 }' "/proc/$child/smaps_rollup" 2>/dev/null || true)
            total=$((total + ${kb:-0}))
        done
    done
    printf '%d\n' $((total / 1024))
}

# Waits until preference-service serves a model (its log says so once it has one).
await_model() {
    local log="$STATE/logs/preference-service.log"
    for _ in $(seq 1 900); do
        grep -qE 'Recommender: (trained on|serving the saved model)' "$log" 2>/dev/null && return 0
        sleep 1
    done
    fail "preference-service had no model 15 minutes after the import (see $log)"
}

import_state() {
    curl -fsS "$BASE$1" | sed -n 's/.*"state" *: *"\([A-Z]*\)".*/\1/p'
}

await_import() {
    local path=$1 state=""
    for _ in $(seq 1 300); do
        state=$(import_state "$path" || true)
        [[ $state == RUNNING || $state == IDLE || -z $state ]] || break
        sleep 1
    done
    [[ $state == DONE ]] || fail "$path ended in state ${state:-unknown}"
}

# register USERNAME PASSWORD: prints the new member's id.
register() {
    local jar="$RESULTS/cookies-$1.txt" xsrf answer
    curl -fsS -c "$jar" -o /dev/null "$BASE/api/auth/csrf" || fail "GET /api/auth/csrf failed"
    xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1)
    answer=$(curl -fsS -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $xsrf" \
        -d "{\"username\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"$2\"}" \
        "$BASE/api/auth/register") || fail "registering $1 failed"
    sed -n 's/^{"id" *: *\([0-9]*\).*/\1/p; s/.*[{,]"id" *: *\([0-9]*\)[,}].*/\1/p' <<<"$answer" | head -n 1
}

log_in_all() {
    : >"$TOKENS"
    while read -r username password; do
        log_in "$username" "$password"
        printf '%s\n' "$TOKEN" >>"$TOKENS"
    done <"$LOGINS"
}

# The first start on a new state folder: the database is created, ml-latest-small imported, the
# first model trained, and each JVM records its class-data cache (made once it stops).
started=$SECONDS
start_instance --data "$DATA"
FIRST_START_SECONDS=$((SECONDS - started))
say "every service ready $FIRST_START_SECONDS s after the first \`up\`"
await_import /api/movies/import
await_import /api/preferences/import
IMPORTED_SECONDS=$((SECONDS - started))
say "ml-latest-small imported $IMPORTED_SECONDS s after the first \`up\`"
await_model
MODEL_SECONDS=$((SECONDS - started))
say "the first model serves $MODEL_SECONDS s after the first \`up\`"

# Every later start: built, the database kept, the class-data caches in use, the model saved.
# The rest of the run is on this instance.
stop_for_restart
started=$SECONDS
up_instance --no-build --data "$DATA"
START_SECONDS=$((SECONDS - started))
say "every service ready $START_SECONDS s after \`up\`"
await_import /api/movies/import
await_import /api/preferences/import
await_model
START_MODEL_SECONDS=$((SECONDS - started))
say "ml-latest-small imported and its model serving $START_MODEL_SECONDS s after \`up\`"
sleep 20
IDLE_MB=$(instance_memory)
say "imported and quiet: ${IDLE_MB} MB PSS"

# The members: MEMBERS of them, each rating 12 of the 200 most rated movies, friends in a ring.
popular=$(awk -F, 'NR > 1 { n[$2]++ } END { for (m in n) print n[m], m }' "$DATA/ratings.csv" |
    sort -k1,1rn -k2,2n | awk 'NR <= 200 { print $2 }')
printf '%s\n' "$popular" >"$RESULTS/movies.txt"
TOKENS="$RESULTS/tokens.txt"
LOGINS="$RESULTS/logins.txt"
: >"$LOGINS"
ids=()
suffix=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
for member in $(seq 1 "$MEMBERS"); do
    username="mixed_${suffix}_$member"
    password="Bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')"
    id=$(register "$username" "$password")
    [[ $id =~ ^[0-9]+$ ]] || fail "registering $username gave no id"
    ids+=("$id")
    printf '%s %s\n' "$username" "$password" >>"$LOGINS"
done
log_in_all
mapfile -t tokens <"$TOKENS"
for i in $(seq 0 $((MEMBERS - 1))); do
    awk -v seed="$i" 'BEGIN { srand(seed) } { print rand(), $1 }' <<<"$popular" | sort -n | head -n 12 |
        awk -v seed="$i" 'BEGIN { srand(seed + 7919) } { print $2, (int(rand() * 10) + 1) / 2 }' |
        while read -r movie score; do
            curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer ${tokens[$i]}" \
                -H 'Content-Type: application/json' -d "{\"score\": $score}" \
                "$BASE/api/preferences/ratings/$movie" || fail "rating movie $movie failed"
        done
    next=$(((i + 1) % MEMBERS))
    # A request each way makes a friendship (the second one is accepted at once).
    for pair in "$i ${ids[$next]}" "$next ${ids[$i]}"; do
        read -r from to <<<"$pair"
        curl -fsS -o /dev/null -H "Authorization: Bearer ${tokens[$from]}" -H 'Content-Type: application/json' \
            -d "{\"userId\": $to}" "$BASE/api/users/me/friend-requests" 2>/dev/null || true
    done
done
say "$MEMBERS members rated 12 movies each and are friends in a ring ($((SECONDS - started)) s after \`up\`)"

cat >"$RESULTS/mixed.lua" <<LUA
local tokens = {}
for line in io.lines("$TOKENS") do tokens[#tokens + 1] = line end
local movies = {}
for line in io.lines("$RESULTS/movies.txt") do movies[#movies + 1] = line end
LUA
cat "$HERE/lib/mixed.lua" >>"$RESULTS/mixed.lua"
one_target_lua() { # PATH-PATTERN: a script asking PATH (%d: a popular movie) as the members in turn
    sed "s|^local only = nil$|local only = \"$1\"|" "$RESULTS/mixed.lua"
}

# The first minute of load on the fresh instance: its JIT compilers have seen nothing yet.
say "the first minute: mixed load for 60 s"
wrk -t "$THREADS" -c "$CONNECTIONS" -d 60s --latency -s "$RESULTS/mixed.lua" "$BASE" >"$RESULTS/first-minute.txt"
read -r rps p50 p99 errors < <(summarise "$RESULTS/first-minute.txt")
# A cold instance may keep some answers over wrk's 2 s: the row says how many, and they do not
# make the warm figures untrustworthy.
ROWS+=("first-minute|mixed, its first minute (cold; $errors failed or over 2 s)|$rps|$p50|$p99|0")

# Tokens live 15 minutes: log in again so they outlast the rest.
log_in_all
say "warming up: mixed load for $WARMUP_MIXED"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP_MIXED" -s "$RESULTS/mixed.lua" "$BASE" >"$RESULTS/warm-up.txt"

measure static "nginx: static index.html (the twin)" "$BASE/index.html"
for target in \
    "movie|Bearer GET /api/movies/{id}|/api/movies/%d" \
    "me|Bearer GET /api/users/me|/api/users/me" \
    "recommendations|Bearer GET /api/preferences/recommendations|/api/preferences/recommendations" \
    "feed|Bearer GET /api/activities/feed|/api/activities/feed" \
    "summary|Bearer GET /api/preferences/movies/{id}/summary|/api/preferences/movies/%d/summary" \
    "home|Bearer GET /api/preferences/home|/api/preferences/home"; do
    IFS='|' read -r key label path <<<"$target"
    one_target_lua "$path" >"$RESULTS/$key.lua"
    measure "$key" "$label" -s "$RESULTS/$key.lua" "$BASE"
done
measure search "anonymous GET /api/movies?q=star (edge cache)" "$BASE/api/movies?q=star"
measure mixed "mixed authenticated load (weights above)" -s "$RESULTS/mixed.lua" "$BASE"
sleep 10
LOADED_MB=$(instance_memory)

failed=0
(print_results) || failed=1
printf '\nstart: every service ready %s s after `up` (built, state kept), ml-latest-small and its model serving after %s s\n' \
    "$START_SECONDS" "$START_MODEL_SECONDS"
printf 'first start (new state folder): every service ready after %s s, ml-latest-small imported after %s s, its first model serving after %s s\n' \
    "$FIRST_START_SECONDS" "$IMPORTED_SECONDS" "$MODEL_SECONDS"
printf 'memory (PSS, JVMs + PostgreSQL + nginx): %s MB imported and idle, %s MB after the load\n' "$IDLE_MB" "$LOADED_MB"
ratio "first minute / warm mixed" first-minute mixed
ratio "mixed / nginx static" mixed static
exit "$failed"

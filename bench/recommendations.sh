#!/usr/bin/env bash
# Benchmark: GET /api/preferences/recommendations?limit=20 through nginx, with ml-latest-small's
# ratings imported as community ratings and the model trained on them, for members who rated
# twenty movies each, asked in turn (each request reads the member's ratings and friends' ratings,
# ranks with the member's kept fold-in, names the reasons and the movies). Measured once the model
# has learned the members' ratings and throughput has stopped rising (the JIT compilers share the
# cores with the load), at 8, 16 and 32 connections.
#
# Run it as `./cinemates bench recommendations`: an instance of its own (state .cinemates/bench,
# nginx on 127.0.0.1:28080), stopped at the end. The MovieLens folder is CINEMATES_MOVIELENS_DIR,
# which ./cinemates sets to ml-latest-small beside the repository when it finds it. Settings: see
# bench/lib/common.sh.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
if [[ -z ${CINEMATES_CLI:-} ]]; then
    exec "$ROOT/cinemates" bench recommendations "$@"
fi
# shellcheck source=bench/lib/common.sh
source "$HERE/lib/common.sh"

DATA=${CINEMATES_MOVIELENS_DIR:-$ROOT/../shared/data/ml-latest-small}
[[ -f $DATA/movies.csv && -f $DATA/ratings.csv ]] || fail "no MovieLens folder with ratings.csv at $DATA (set CINEMATES_MOVIELENS_DIR)"
DATA=$(cd -- "$DATA" && pwd -P)

# import_state PATH: the state of an import status answer.
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

# MEMBERS members (CINEMATES_BENCH_MEMBERS, 100), each rating twenty of the 200 most rated movies,
# drawn with a seed of their own, with scores that say what they like.
MEMBERS=${CINEMATES_BENCH_MEMBERS:-100}
[[ $MEMBERS =~ ^[1-9][0-9]*$ ]] || fail "CINEMATES_BENCH_MEMBERS must be a positive number"
# One training once every member has rated, not one at every 500 ratings with the last few hundred
# waiting for the 30-minute schedule.
export CINEMATES_PREFERENCES_RETRAIN_AFTER_RATINGS=$((MEMBERS * 20))
start_instance --data "$DATA"
await_import /api/movies/import
await_import /api/preferences/import
say "catalogue and community ratings imported: $(curl -fsS "$BASE/api/preferences/import" |
    sed -n 's/.*"processed" *: *\([0-9]*\).*/\1/p') rating rows"
popular=$(awk -F, 'NR > 1 { n[$2]++ } END { for (m in n) print n[m], m }' "$DATA/ratings.csv" |
    sort -k1,1rn -k2,2n | awk 'NR <= 200 { print $2 }')
TOKENS="$RESULTS/tokens.txt"
LOGINS="$RESULTS/logins.txt"
: >"$TOKENS"
: >"$LOGINS"
for member in $(seq 1 "$MEMBERS"); do
    new_member >/dev/null
    printf '%s\n' "$TOKEN" >>"$TOKENS"
    printf '%s %s\n' "$MEMBER_USERNAME" "$MEMBER_PASSWORD" >>"$LOGINS"
    awk -v seed="$member" 'BEGIN { srand(seed) } { print rand(), $1 }' <<<"$popular" | sort -n | head -n 20 |
        awk -v seed="$member" 'BEGIN { srand(seed + 7919) } { print $2, (int(rand() * 10) + 1) / 2 }' |
        while read -r movie score; do
            curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" \
                -H 'Content-Type: application/json' -d "{\"score\": $score}" \
                "$BASE/api/preferences/ratings/$movie" || fail "rating movie $movie failed"
        done
done
say "$MEMBERS members rated 20 movies each"

# The learned model serves once its reasons appear ("Because you liked ...").
learned=""
for _ in $(seq 1 300); do
    if curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/preferences/recommendations?limit=20" |
        grep -c 'Because you liked' >/dev/null; then
        learned=yes
        break
    fi
    sleep 1
done
[[ -n $learned ]] || fail "no learned recommendations after 5 minutes"

# The members' ratings start a training of their own (retrain-after-ratings): measuring while it
# runs would measure the training. Wait until the model serving has learned them, then a little
# for its movies' genres and tags to be fetched.
METRICS="http://127.0.0.1:${CINEMATES_PREFERENCES_PORT:-28084}/actuator/prometheus"
community=$(curl -fsS "$BASE/api/preferences/import" | sed -n 's/.*"processed" *: *\([0-9]*\).*/\1/p')
wanted=$((community + MEMBERS * 20))
trained=0
for _ in $(seq 1 300); do
    trained=$(curl -fsS "$METRICS" | awk '/^cinemates_recommender_model_ratings/ { printf "%d", $2 }')
    ((${trained:-0} >= wanted)) && break
    sleep 1
done
((${trained:-0} >= wanted)) || fail "the model did not learn the members' ratings within 5 minutes ($trained of $wanted)"
sleep 5
say "the model serving learned $trained ratings"
say "the model serves: $(curl -fsS -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/preferences/recommendations?limit=3" | cut -c 1-400)"

# Each request of a wrk thread asks for the next member's recommendations.
cat >"$RESULTS/members.lua" <<LUA
local tokens = {}
for line in io.lines("$TOKENS") do tokens[#tokens + 1] = line end
local next_token = 0
setup = function(thread) end
init = function(args) next_token = math.random(#tokens) end
request = function()
    next_token = next_token % #tokens + 1
    return wrk.format("GET", nil, { Authorization = "Bearer " .. tokens[next_token] })
end
LUA

# The services' JIT compilers share the two cores with the load: the hot paths take minutes to be
# compiled, not seconds. Load for at least two minutes and until throughput stops rising (less
# than 3% between two 15-second runs; at most 20 runs), then measure.
previous=0
for run in $(seq 1 20); do
    wrk -t "$THREADS" -c 16 -d 15s -s "$RESULTS/members.lua" \
        "$BASE/api/preferences/recommendations?limit=20" >"$RESULTS/warm-up-$run.txt"
    read -r rps _ _ errors < <(summarise "$RESULTS/warm-up-$run.txt")
    say "warming up, run $run: $rps requests/s ($errors failed)"
    ((errors == 0)) || fail "requests failed while warming up (see $RESULTS/warm-up-$run.txt)"
    ((run >= 8)) && awk -v now="$rps" -v before="$previous" 'BEGIN { exit !(now < before * 1.03) }' && break
    previous=$rps
done

# Access tokens live 15 minutes; the members log in again so theirs last the whole measurement.
: >"$TOKENS"
while read -r username password; do
    log_in "$username" "$password"
    printf '%s\n' "$TOKEN" >>"$TOKENS"
done <"$LOGINS"
say "the members logged in again: their tokens outlast the measurement"

# The same load at three levels of concurrency: below saturation, at it, and queueing (the
# machine's cores are shared by wrk, nginx and the services).
LEVELS=${CINEMATES_BENCH_LEVELS:-8 16 32}
for CONNECTIONS in $LEVELS; do
    measure "recommendations-c$CONNECTIONS" \
        "GET recommendations?limit=20, $MEMBERS members in turn, $CONNECTIONS connections" \
        -s "$RESULTS/members.lua" "$BASE/api/preferences/recommendations?limit=20"
done

CONNECTIONS="${LEVELS// /, }"
print_results
for CONNECTIONS in $LEVELS; do
    read -r rps _ p99 _ < <(summarise "$RESULTS/recommendations-c$CONNECTIONS.txt")
    say "recommendations with $CONNECTIONS connections: p99 $p99 ms at $rps requests/s (goal: p99 at most 20 ms at 16 connections)"
done

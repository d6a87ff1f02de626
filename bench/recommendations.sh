#!/usr/bin/env bash
# Benchmark: GET /api/preferences/recommendations?limit=20 through nginx, with ml-latest-small's
# ratings imported as community ratings and the model trained on them, for a member who rated
# about twenty movies (so each request folds the member in, scores every movie and picks the best).
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

start_instance --data "$DATA"
await_import /api/movies/import
await_import /api/preferences/import
say "catalogue and community ratings imported: $(curl -fsS "$BASE/api/preferences/import" |
    sed -n 's/.*"processed" *: *\([0-9]*\).*/\1/p') rating rows"
new_member

# About twenty of the most rated movies, with scores that say what the member likes.
movies=$(awk -F, 'NR > 1 { n[$2]++ } END { for (m in n) print n[m], m }' "$DATA/ratings.csv" |
    sort -rn | awk 'NR <= 40 && NR % 2 == 1 { print $2 }')
scores=(5.0 4.5 4.0 5.0 3.5 2.0 4.5 5.0 1.5 4.0 3.0 4.5 5.0 2.5 4.0 3.5 4.5 1.0 5.0 4.0)
i=0
for movie in $movies; do
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"score\": ${scores[i]}}" "$BASE/api/preferences/ratings/$movie" || fail "rating movie $movie failed"
    i=$((i + 1))
done
say "the member rated $i movies"

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
say "the model serves: $(curl -fsS -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/preferences/recommendations?limit=3" | cut -c 1-400)"

measure recommendations "GET /api/preferences/recommendations?limit=20, bearer, fold-in" \
    -H "Authorization: Bearer $TOKEN" "$BASE/api/preferences/recommendations?limit=20"

print_results
read -r _ _ p99 _ < <(summarise "$RESULTS/recommendations.txt")
say "recommendations p99: $p99 ms (goal: at most 25 ms)"

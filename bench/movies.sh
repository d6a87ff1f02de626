#!/usr/bin/env bash
# Benchmark: the catalogue through nginx with ml-latest-small loaded, beside static files of the
# same sizes served by the same nginx.
#   - get-by-id over many ids, anonymous (what nginx micro-caches) and with a Bearer token (which
#     bypasses nginx's cache: movie-service and its own cache answer every request);
#   - search over many queries, the same two ways.
#
# Run it as `./cinemates bench movies`: an instance of its own (state .cinemates/bench, nginx on
# 127.0.0.1:28080), stopped at the end. The MovieLens folder is CINEMATES_MOVIELENS_DIR, which
# ./cinemates sets to ml-latest-small beside the repository (../shared/data/ml-latest-small)
# when it finds it. Settings: see bench/lib/common.sh.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
if [[ -z ${CINEMATES_CLI:-} ]]; then
    exec "$ROOT/cinemates" bench movies "$@"
fi
# shellcheck source=bench/lib/common.sh
source "$HERE/lib/common.sh"

DATA=${CINEMATES_MOVIELENS_DIR:-$ROOT/../shared/data/ml-latest-small}
[[ -f $DATA/movies.csv ]] || fail "no MovieLens folder at $DATA (set CINEMATES_MOVIELENS_DIR)"
DATA=$(cd -- "$DATA" && pwd -P)

start_instance --data "$DATA"
for _ in $(seq 1 120); do
    state=$(curl -fsS "$BASE/api/movies/import" | sed -n 's/.*"state" *: *"\([A-Z]*\)".*/\1/p')
    [[ $state == RUNNING || -z $state ]] || break
    sleep 1
done
[[ $state == DONE ]] || fail "the import ended in state ${state:-unknown}"
say "catalogue imported: $(curl -fsS "$BASE/api/movies?size=1" | sed -n 's/.*"total" *: *\([0-9]*\).*/\1/p') movies"
new_member

# Requests rotate over many movies and queries, as real traffic does; wrk's Lua hook picks them.
ids=$(awk -F, 'NR > 1 && NR <= 2001 { print $1 }' "$DATA/movies.csv" | paste -sd, -)
words=(love man night war story day time life world city dead girl king last house american
    black star blue dark big little first secret lost summer dream game island road)
queries=$(printf '"%s",' "${words[@]}")
cat >"$RESULTS/by-id.lua" <<LUA
local ids = { $ids }
local i = 0
request = function()
    i = i + 1
    return wrk.format("GET", "/api/movies/" .. ids[(i % #ids) + 1])
end
LUA
cat >"$RESULTS/search.lua" <<LUA
local words = { ${queries%,} }
local i = 0
request = function()
    i = i + 1
    local page = math.floor(i / #words) % 5
    return wrk.format("GET", "/api/movies?q=" .. words[(i % #words) + 1] .. "&page=" .. page)
end
LUA

by_id_size=$(static_twin /api/movies/1 movie-1.json)
search_size=$(static_twin "/api/movies?q=love" search-love.json)
say "GET /api/movies/1 answers $by_id_size bytes, a search page $search_size bytes"

bearer=(-H "Authorization: Bearer $TOKEN")
measure static-movie "static file, $by_id_size bytes (twin of a movie)" "$BASE/movie-1.json"
measure by-id "GET /api/movies/{id}, 2000 ids, anonymous (micro-cache)" -s "$RESULTS/by-id.lua" "$BASE/"
measure by-id-bearer "GET /api/movies/{id}, 2000 ids, bearer (movie-service)" "${bearer[@]}" -s "$RESULTS/by-id.lua" "$BASE/"
measure static-search "static file, $search_size bytes (twin of a search page)" "$BASE/search-love.json"
measure search "GET /api/movies?q=, 150 pages, anonymous (micro-cache)" -s "$RESULTS/search.lua" "$BASE/"
measure search-bearer "GET /api/movies?q=, 150 pages, bearer (movie-service)" "${bearer[@]}" -s "$RESULTS/search.lua" "$BASE/"

print_results
ratio "get-by-id anonymous / static" by-id static-movie
ratio "get-by-id bearer / static" by-id-bearer static-movie
ratio "search anonymous / static" search static-search
ratio "search bearer / static" search-bearer static-search

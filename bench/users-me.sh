#!/usr/bin/env bash
# Benchmark: `GET /api/users/me` through nginx, side by side with a static file of the same size
# served by the same nginx, so the figures show what the service path (nginx -> user-service ->
# token check -> database) costs on top of nginx itself.
#
# Run it as `./cinemates bench users-me`: an instance of its own (state folder .cinemates/bench,
# nginx on 127.0.0.1:28080, services on 28081-28084, embedded PostgreSQL on 28079), stopped at the end. Load comes
# from wrk on loopback only. Settings: see bench/lib/common.sh.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
if [[ -z ${CINEMATES_CLI:-} ]]; then
    # Started directly: go through ./cinemates, which prepares the instance's environment.
    exec "$ROOT/cinemates" bench users-me "$@"
fi
# shellcheck source=bench/lib/common.sh
source "$HERE/lib/common.sh"

# shellcheck disable=SC2119 # no extra options for `cinemates up`
start_instance
new_member
size=$(static_twin /api/users/me users-me.json -H "Authorization: Bearer $TOKEN")
say "/api/users/me answers $size bytes; static twin /users-me.json"

measure me "GET /api/users/me (bearer, user-service)" -H "Authorization: Bearer $TOKEN" "$BASE/api/users/me"
measure static "GET /users-me.json (static file, $size bytes)" "$BASE/users-me.json"

print_results
ratio "users-me / static" me static

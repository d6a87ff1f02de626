#!/usr/bin/env bash
# What only the default run (`./cinemates up` on its embedded PostgreSQL) can show, on a running
# instance of that kind: the server runs its cluster in the state folder, on loopback only, as an
# unprivileged user when the launcher runs as root, shows in `status`, and serves the search the
# production run serves (accents and case folded, typos forgiven through pg_trgm); a member can
# register. The journeys themselves run in production mode; backup and restore of this kind
# (which also shows that `down` stops the server) run after this, in e2e/backup-restore.sh.
#
#   CINEMATES_HOME=.cinemates/e2e e2e/embedded-smoke.sh
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
CLI=${CINEMATES_CLI:-$ROOT/cinemates}
STATE=${CINEMATES_HOME:?CINEMATES_HOME must name the state folder of a running instance}
[[ -f $STATE/settings.env ]] || { echo "embedded-smoke: $STATE has no instance (settings.env)" >&2; exit 1; }
setting() { sed -n "s/^$1=//p" "$STATE/settings.env" | tail -n 1; }
BASE="http://127.0.0.1:$(setting CINEMATES_HTTP_PORT)"
PG_PORT=$(setting CINEMATES_EMBEDDED_POSTGRES_PORT)
started=$SECONDS

say() { printf 'embedded-smoke (%3d s): %s\n' $((SECONDS - started)) "$*"; }
fail() {
    printf 'embedded-smoke: FAILED: %s\n' "$*" >&2
    exit 1
}

[[ $(setting CINEMATES_DB) == embedded ]] || fail "$STATE does not run on the embedded PostgreSQL"

# --- the server ------------------------------------------------------------------------------
pid=$(head -n 1 "$STATE/data/postgres/postmaster.pid" 2>/dev/null) || fail "no postmaster.pid in $STATE/data/postgres"
kill -0 "$pid" 2>/dev/null || fail "the embedded PostgreSQL (pid $pid) is not running"
server="$STATE/postgres/server"
[[ -f $STATE/postgres/runtime-dir ]] && server="$(<"$STATE/postgres/runtime-dir")/server"
[[ $(tr '\0' ' ' <"/proc/$pid/cmdline") == *"$server/bin/postgres"* ]] ||
    fail "pid $pid is not the state folder's PostgreSQL: $(tr '\0' ' ' <"/proc/$pid/cmdline")"
owner=$(stat -c %U "/proc/$pid")
if [[ $(id -u) -eq 0 ]]; then
    [[ $owner != root ]] || fail "the embedded PostgreSQL runs as root"
fi
listening=$(ss -Htln "sport = :$PG_PORT" 2>/dev/null | awk '{print $4}' | sort -u | paste -sd' ' -)
if [[ -n $listening ]]; then
    [[ $listening == "127.0.0.1:$PG_PORT" ]] || fail "the embedded PostgreSQL listens on $listening, not only on 127.0.0.1"
fi
say "PostgreSQL (pid $pid, user $owner) listens on ${listening:-127.0.0.1:$PG_PORT}"
status=$(CINEMATES_HOME="$STATE" "$CLI" status) || fail "status reports something down: $status"
grep -E '^postgres +running' <<<"$status" >/dev/null || fail "status shows no running postgres: $status"

# --- the search ------------------------------------------------------------------------------
first_id() { # query -> id of the first hit
    local body
    body=$(curl -fsS --max-time 10 "$BASE/api/movies?q=$1") || fail "GET /api/movies?q=$1 failed"
    sed -n 's/^{"items":\[{"id":\([0-9]*\).*/\1/p' <<<"$body"
}
expect_first() { # query id what
    local got
    got=$(first_id "$1")
    [[ $got == "$2" ]] || fail "$3: /api/movies?q=$1 starts with '${got:-nothing}', not $2"
    say "$3: q=$1 finds $2"
}
expect_first "AM%C3%89LIE" 4973 "accents and case folded"
expect_first "l%C3%A9on" 293 "accented query, plain title"
expect_first "amelei" 4973 "a typo forgiven"
expect_first "WALL-E" 60069 "punctuation ignored"

# --- a member ----------------------------------------------------------------------------------
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
curl -fsS -o /dev/null -c "$jar" "$BASE/api/auth/csrf" || fail "GET /api/auth/csrf failed"
xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1)
name="smoke$(date +%s)$RANDOM"
code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $xsrf" \
    -H 'Content-Type: application/json' -X POST "$BASE/api/auth/register" \
    --data "{\"username\":\"$name\",\"email\":\"$name@example.net\",\"password\":\"popcorn-and-subtitles\",\"displayName\":\"$name\"}")
[[ $code == 201 ]] || fail "registering $name answered $code"
say "member $name registered ($((SECONDS - started)) s)"

#!/usr/bin/env bash
# Backup and restore, end to end, on a running instance. Members, a friendship and a rating are
# made through nginx and reach the friend's feed; `cinemates backup`; then later changes; `down`,
# `restore`, `start`; and everything must be exactly as at backup time (the keeper's ratings and
# friends, the friend's feed), members log in, and tokens issued before the backup still verify
# (the signing keys came back too). Restore must refuse, changing nothing: a running instance, a
# folder that is no backup, a backup of the other kind (embedded into external PostgreSQL and
# back); backup must refuse a folder that is not empty (and, on the embedded PostgreSQL, a running
# instance).
#
# PostgreSQL (production mode): the backup is taken while the instance runs, and the later
# changes are made through nginx: the rating deleted, another one given, a new member befriending
# the keeper; after the restore they are gone, from the feed too, and the new member cannot log
# in. Embedded PostgreSQL: the backup is taken while it is stopped, and the later change is made to
# the stopped data folder (the cluster's databases deleted, its control file overwritten, a
# stranger file), which saves starting the instance once more.
#
#   CINEMATES_HOME=.cinemates/e2e e2e/backup-restore.sh
#
# It stops the instance, replaces its data with a backup and starts it again: for test instances
# only. `./cinemates test` runs it on both end-to-end instances once their journeys are done.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
CLI=${CINEMATES_CLI:-$ROOT/cinemates}
STATE=${CINEMATES_HOME:?CINEMATES_HOME must name the state folder of a running instance}
[[ -f $STATE/settings.env ]] || { echo "backup-restore: $STATE has no instance (settings.env)" >&2; exit 1; }
setting() { sed -n "s/^$1=//p" "$STATE/settings.env" | tail -n 1; }
BASE="http://127.0.0.1:$(setting CINEMATES_HTTP_PORT)"
MODE=$(setting CINEMATES_DB)
PASSWORD=popcorn-and-subtitles
WORK=$(mktemp -d)
started=$SECONDS
BACKUP="$STATE/backups/backup-restore-check"
trap 'rm -rf "$WORK"' EXIT

say() { printf 'backup-restore (%s, %3d s): %s\n' "$MODE" $((SECONDS - started)) "$*"; }
fail() {
    printf 'backup-restore (%s): FAILED: %s\n' "$MODE" "$*" >&2
    exit 1
}

# ./cinemates against the instance; its output is shown only when it fails.
cli() {
    if ! CINEMATES_HOME="$STATE" "$CLI" "$@" >"$WORK/cli.log" 2>&1; then
        cat "$WORK/cli.log" >&2
        fail "./cinemates $* failed"
    fi
}

# A command that must be refused: non-zero exit and an error saying why.
refused() { # what-it-should-say args...
    local expected=$1
    shift
    if CINEMATES_HOME="$STATE" "$CLI" "$@" >"$WORK/cli.log" 2>&1; then
        cat "$WORK/cli.log" >&2
        fail "./cinemates $* succeeded; it must be refused"
    fi
    grep -F -- "$expected" "$WORK/cli.log" >/dev/null ||
        fail "./cinemates $* was refused without saying '$expected': $(cat "$WORK/cli.log")"
    say "refused as it should: ./cinemates $* ($(grep -m 1 error: "$WORK/cli.log" | sed 's/^cinemates: error: //'))"
}

# call MEMBER METHOD PATH [JSON]: a request from the member's browser (cookies, CSRF header);
# sets STATUS and BODY. MEMBER "-" is an anonymous browser.
call() {
    local member=$1 method=$2 path=$3 jar xsrf args=()
    jar="$WORK/${member/-/anonymous}.jar"
    xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" 2>/dev/null | tail -n 1 || true)
    if [[ -n $xsrf ]]; then args+=(-H "X-XSRF-TOKEN: $xsrf"); fi
    if (($# > 3)); then args+=(-H 'Content-Type: application/json' --data "$4"); fi
    STATUS=$(curl -sS -o "$WORK/body" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" "${args[@]}" "$BASE$path") ||
        fail "$method $path: no answer from nginx"
    BODY=$(<"$WORK/body")
}

expect() { # status-pattern what
    # shellcheck disable=SC2053 # a pattern: 20? is 200 or 201
    [[ $STATUS == $1 ]] || fail "$2: expected $1, got $STATUS: $BODY"
}

# join NAME: a member registers through the site; prints their id. Username NAME, fresh each run.
join() {
    local name=$1
    call "$name" GET /api/auth/csrf
    expect 204 "GET /api/auth/csrf"
    call "$name" POST /api/auth/register \
        "{\"username\":\"$name\",\"email\":\"$name@example.net\",\"password\":\"$PASSWORD\",\"displayName\":\"$name\"}"
    expect 201 "registering $name"
    sed -n 's/^{"id":\([0-9]*\),.*/\1/p' <<<"$BODY"
}

befriend() { # ASKING ACCEPTING ACCEPTING-ID
    call "$1" POST /api/users/me/friend-requests "{\"userId\":$3}"
    expect 201 "$1 asks $2 to be friends"
    call "$2" POST "/api/users/me/friend-requests/$(sed -n 's/^{"id":\([0-9]*\),.*/\1/p' <<<"$BODY")/accept"
    expect 200 "$2 accepts"
}

login() { # NAME: a login with the member's password, from a fresh browser; sets STATUS and BODY
    rm -f "$WORK/login.jar"
    call login GET /api/auth/csrf
    call login POST /api/auth/login "{\"login\":\"$1\",\"password\":\"$PASSWORD\"}"
}

# What the backup must bring back, as the members see it through nginx.
snapshot() { # file
    call "$keeper" GET /api/preferences/ratings
    expect 200 "the keeper's ratings"
    printf 'ratings %s\n' "$BODY" >"$1"
    call "$keeper" GET /api/users/me/friends
    expect 200 "the keeper's friends"
    printf 'friends %s\n' "$BODY" >>"$1"
    call "$friend" GET /api/activities/feed
    expect 200 "the friend's feed"
    printf 'feed %s\n' "$BODY" >>"$1"
}

# Every service's outbox is empty: each event has reached its destination, so the databases
# agree with each other and the feed no longer moves.
wait_until_delivered() {
    local deadline=$((SECONDS + 60)) prefix pending
    while :; do
        pending=0
        for prefix in USERS MOVIES ACTIVITIES PREFERENCES; do
            if curl -fsS --max-time 5 "http://127.0.0.1:$(setting "CINEMATES_${prefix}_PORT")/actuator/prometheus" 2>/dev/null |
                awk '/^cinemates_outbox_backlog/ && $NF + 0 > 0 { found = 1 } END { exit !found }'; then
                pending=1
            fi
        done
        ((pending)) || return 0
        ((SECONDS < deadline)) || fail "events still pending after 60 s"
        sleep 0.5
    done
}

feed_shows() { # what-to-find (a fragment of B's feed), seconds
    local deadline=$((SECONDS + $2))
    while :; do
        call "$friend" GET /api/activities/feed
        [[ $STATUS == 200 && $BODY == *"$1"* ]] && return 0
        ((SECONDS < deadline)) || fail "the friend's feed does not show $1 within $2 s: $BODY"
        sleep 0.5
    done
}

same_as() { # expected-file actual-file what
    cmp -s "$1" "$2" && return 0
    diff "$1" "$2" >&2 || true
    fail "$3"
}

# Like same_as on a fresh snapshot, allowing a just started instance 60 s to reach its
# dependencies (until then answers may say "degraded").
eventually_same_as() { # expected-file what
    local deadline=$((SECONDS + 60))
    while :; do
        snapshot "$WORK/now"
        cmp -s "$1" "$WORK/now" && return 0
        ((SECONDS < deadline)) || same_as "$1" "$WORK/now" "$2"
        sleep 1
    done
}

data_checksum() { # of the embedded databases, to prove a refusal changed nothing
    (cd "$STATE/data" && find . -type f -print0 | sort -z | xargs -0 md5sum)
}

curl -fsS -o /dev/null --max-time 5 "$BASE/api/movies?size=1" || fail "the instance in $STATE does not answer on $BASE"
rm -rf "$BACKUP"

# --- At backup time: two friends, a rating in the friend's feed --------------------------------
run=$(date +%s)$RANDOM
keeper="keeper$run" friend="friend$run" later="later$run"
keeper_id=$(join "$keeper")
friend_id=$(join "$friend")
call - GET "/api/movies?sort=title&size=2"
expect 200 "the catalogue"
mapfile -t movies < <(grep -o '"id":[0-9]*' <<<"$BODY" | cut -d: -f2)
((${#movies[@]} == 2)) || fail "the catalogue has fewer than two movies: $BODY"
befriend "$keeper" "$friend" "$friend_id"
call "$keeper" PUT "/api/preferences/ratings/${movies[0]}" '{"score":4.5}'
expect 20? "rating movie ${movies[0]}"
feed_shows "\"movieId\":${movies[0]}" 30
wait_until_delivered
snapshot "$WORK/at-backup"
cp "$WORK/$keeper.jar" "$WORK/keeper-at-backup.jar"
say "members $keeper (id $keeper_id) and $friend (id $friend_id), friends; $keeper rated movie ${movies[0]}"

# --- backup, and the refusals ------------------------------------------------------------------
# Folders restore must refuse: one that is no backup, and a complete backup of the other kind.
mkdir -p "$WORK/not-a-backup" "$WORK/other-kind" "$WORK/embedded-kind/postgres/global"
echo "some file" >"$WORK/not-a-backup/user-service.dump"
for service in user-service movie-service activity-service preference-service; do
    echo "not a dump" >"$WORK/other-kind/$service.dump"
done
echo 17 >"$WORK/embedded-kind/postgres/PG_VERSION"
echo "not a control file" >"$WORK/embedded-kind/postgres/global/pg_control"
echo "not a password" >"$WORK/embedded-kind/postgres-password"
echo postgres >"$WORK/other-kind/FORMAT"
echo embedded >"$WORK/embedded-kind/FORMAT"
if [[ $MODE == postgres ]]; then
    cli backup "$BACKUP"
    [[ $(cat "$BACKUP/FORMAT") == postgres ]] || fail "the backup is not marked as a PostgreSQL one"
    refused "is running" restore "$BACKUP"
    rm -rf "$WORK/other-kind"
    mv "$WORK/embedded-kind" "$WORK/other-kind"
else
    # The embedded cluster is copied while it and the services are stopped.
    refused "is running" backup "$WORK/too-early"
    refused "is running" restore "$WORK/embedded-kind"
    cli down
    cli backup "$BACKUP"
    [[ $(cat "$BACKUP/FORMAT") == embedded ]] || fail "the backup is not marked as an embedded one"
    [[ -f $BACKUP/postgres/PG_VERSION ]] || fail "the backup has no PostgreSQL cluster"
    data_checksum >"$WORK/data-before-refusals"
fi
say "backup written ($(du -sh "$BACKUP" | cut -f1))"
refused "is not a backup" restore "$WORK/not-a-backup"
refused "no such folder" restore "$WORK/missing"
if [[ $MODE == postgres ]]; then
    refused "is a backup of an embedded PostgreSQL; this instance runs on an external one" restore "$WORK/other-kind"
else
    refused "is a backup of an external PostgreSQL (--postgres); this instance runs on its embedded PostgreSQL" restore "$WORK/other-kind"
fi
refused "exists and is not empty" backup "$BACKUP"

if [[ $MODE == postgres ]]; then
    eventually_same_as "$WORK/at-backup" "the data changed although every restore was refused"
    # --- later: the rating goes, another comes, a new member befriends the keeper -------------
    call "$keeper" DELETE "/api/preferences/ratings/${movies[0]}"
    expect 20? "deleting the rating"
    call "$keeper" PUT "/api/preferences/ratings/${movies[1]}" '{"score":2.0}'
    expect 20? "rating movie ${movies[1]}"
    later_id=$(join "$later")
    befriend "$later" "$keeper" "$keeper_id"
    feed_shows "\"movieId\":${movies[1]}" 30
    wait_until_delivered
    snapshot "$WORK/later"
    if cmp -s "$WORK/at-backup" "$WORK/later"; then fail "the later changes did not show"; fi
    say "later: $keeper unrated ${movies[0]}, rated ${movies[1]}; $later (id $later_id) joined and befriended $keeper"
    cli down
else
    data_checksum >"$WORK/data-after-refusals"
    same_as "$WORK/data-before-refusals" "$WORK/data-after-refusals" "a refused command changed the databases"
    # --- later, while stopped: the cluster loses its databases, its control file is overwritten
    # and a stranger file appears. (Changes made by running services are what the PostgreSQL run
    # checks; starting this instance once more only to make them would cost half a minute.)
    rm -rf "$STATE/data/postgres/base"
    cp "$WORK/embedded-kind/postgres/global/pg_control" "$STATE/data/postgres/global/pg_control"
    echo "left behind" >"$STATE/data/stranger.file"
    say "later: the cluster's databases deleted, its control file overwritten"
fi

# --- restore ---------------------------------------------------------------------------------
cli restore "$BACKUP"
[[ $MODE == postgres || ! -e $STATE/data/stranger.file ]] || fail "the restore left a file the backup does not have"
cli start
say "restored and started again"
# Tokens issued before the backup: the access token verifies everywhere (signing keys restored,
# not made anew), and the refresh token still works.
cp "$WORK/keeper-at-backup.jar" "$WORK/$keeper.jar"
eventually_same_as "$WORK/at-backup" "after the restore, ratings, friends or the feed differ from backup time"
call "$keeper" GET /api/users/me
expect 200 "the keeper's access token from before the backup"
call "$keeper" POST /api/auth/refresh
expect 200 "the keeper's refresh token from before the backup"
login "$keeper"
expect 200 "$keeper logs in after the restore"
if [[ $MODE == postgres ]]; then
    login "$later"
    expect 401 "$later, who joined after the backup, logs in"
fi
# Events the restored services had already delivered are not delivered again, and nothing that
# happened after the backup comes back: the feed stays as it was.
wait_until_delivered
snapshot "$WORK/settled"
same_as "$WORK/at-backup" "$WORK/settled" "the data changed once the restored services had delivered their events"
rm -rf "$BACKUP"
say "everything as at backup time; later changes gone; tokens still verify ($((SECONDS - started)) s)"

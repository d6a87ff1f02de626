#!/usr/bin/env bash
# Benchmark: the feed query on PostgreSQL. Loads 10,000,000 activities of 100,000 members into
# the database cinemates_bench_activities (once: later runs reuse it while the data and the
# migrations are the same), then times the feed query of activity-service for members with 1,000
# friends: first pages, next pages through the cursor, pages half a year back; p50/p95/p99/max per
# way of querying. Needs PostgreSQL on 127.0.0.1:5432 as user postgres (elsewhere:
# MAVEN_ARGS="-Dcinemates.test.postgres.url=...").
#
# Settings: CINEMATES_BENCH_ROWS, CINEMATES_BENCH_MEMBERS, CINEMATES_BENCH_FRIENDS,
# CINEMATES_BENCH_ROUNDS (timed rounds of 6 pages), CINEMATES_BENCH_RELOAD=true (load again),
# CINEMATES_BENCH_EXPLAIN=true (print EXPLAIN ANALYZE of each query).
#
# Run it as `bash bench/feed.sh`. Details and recorded figures: activity-service/README.md.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
cd "$ROOT"

number() {
    [[ $2 =~ ^[0-9]+$ ]] || { echo "bench: $1 must be a number" >&2; exit 1; }
    printf '%s\n' "$2"
}
rows=$(number CINEMATES_BENCH_ROWS "${CINEMATES_BENCH_ROWS:-10000000}")
members=$(number CINEMATES_BENCH_MEMBERS "${CINEMATES_BENCH_MEMBERS:-100000}")
friends=$(number CINEMATES_BENCH_FRIENDS "${CINEMATES_BENCH_FRIENDS:-1000}")
rounds=$(number CINEMATES_BENCH_ROUNDS "${CINEMATES_BENCH_ROUNDS:-500}")

echo "bench: building the platform module activity-service needs"
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true install -pl platform
echo "bench: the feed of members with $friends friends, $rows activities of $members members"
./mvnw -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -f activity-service/pom.xml -Pbench \
    test-compile exec:java "-Dcinemates.bench.rows=$rows" "-Dcinemates.bench.members=$members" \
    "-Dcinemates.bench.friends=$friends" "-Dcinemates.bench.rounds=$rounds" \
    "-Dcinemates.bench.reload=${CINEMATES_BENCH_RELOAD:-false}" \
    "-Dcinemates.bench.explain=${CINEMATES_BENCH_EXPLAIN:-false}"

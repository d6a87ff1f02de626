#!/usr/bin/env bash
# Benchmark: a history import of 20,000 Letterboxd diary rows and three lists of 100 films (a ZIP
# as Letterboxd exports it), against the ml-latest-small catalogue, through preference-service on
# PostgreSQL: upload and analysis, then apply. Prints the counts, the progress figures seen while
# it was analysed, and the seconds each took. Needs PostgreSQL on 127.0.0.1:5432 as user postgres
# (elsewhere: MAVEN_ARGS="-Dcinemates.test.postgres.url=...") and the MovieLens folder
# (CINEMATES_MOVIELENS_DIR, which ./cinemates sets to ml-latest-small beside the repository).
#
# Settings: CINEMATES_BENCH_ROWS (diary rows, 20000).
#
# Run it as `./cinemates bench history-import`. Recorded figures: preference-service/README.md.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
cd "$ROOT"
rows=${CINEMATES_BENCH_ROWS:-20000}
[[ $rows =~ ^[0-9]+$ ]] || { echo "bench: CINEMATES_BENCH_ROWS must be a number" >&2; exit 1; }
data=${CINEMATES_MOVIELENS_DIR:-$ROOT/../shared/data/ml-latest-small}
[[ -f $data/movies.csv && -f $data/links.csv ]] || {
    echo "bench: no MovieLens folder with movies.csv and links.csv at $data (set CINEMATES_MOVIELENS_DIR)" >&2
    exit 1
}
data=$(cd -- "$data" && pwd -P)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The figures depend on what else the machine does: say how busy it was.
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
echo "bench: building preference-service and importing $rows diary rows (this takes a few minutes); load $(load)"
# A reactor build, so the project's own modules come from this checkout; the benchmark is the
# module's only integration test run.
if ! ./mvnw -B -ntp -pl preference-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=HistoryImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Djacoco.skip=true \
    "-Dcinemates.bench.movielens=$data" "-Dcinemates.bench.rows=$rows" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bench: the benchmark failed" >&2
    exit 1
fi
sed -n '/^import benchmark:/,/^$/p' "$log"
echo "bench: load after: $(load) (1, 5 and 15 minutes; $(nproc 2>/dev/null || echo '?') cores)"

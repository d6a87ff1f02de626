#!/usr/bin/env bash
# Benchmark: the catalogue import on PostgreSQL. Generates a MovieLens-shaped movies.csv of
# 1,000,000 rows (CINEMATES_BENCH_ROWS to change it), imports it into a fresh database with the
# real importer, twice (the second run changes nothing), and prints rows/s. Needs PostgreSQL on
# 127.0.0.1:5432 as user postgres (elsewhere: MAVEN_ARGS="-Dcinemates.test.postgres.url=...").
#
# Run it as `./cinemates bench import`. Details and recorded figures: movie-service/BENCHMARKS.md.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$HERE/.." && pwd -P)
cd "$ROOT"
rows=${CINEMATES_BENCH_ROWS:-1000000}
[[ $rows =~ ^[0-9]+$ ]] || { echo "bench: CINEMATES_BENCH_ROWS must be a number" >&2; exit 1; }

echo "bench: building the importer"
./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true install -pl platform
echo "bench: importing $rows generated movies into PostgreSQL"
./mvnw -B -q -ntp -Dspotless.check.skip=true -Djacoco.skip=true -f movie-service/pom.xml -Pbench \
    test-compile exec:java "-Dcinemates.bench.rows=$rows"

# shellcheck shell=bash
# ./cinemates bench and evaluate.

cmd_bench() {
    local name=${1:-} scripts="" file dir
    for file in "$ROOT"/bench/*.sh; do
        [[ -f $file ]] && scripts+="${scripts:+ }$(basename "$file" .sh)"
    done
    if [[ -z $name ]]; then
        die "usage: ./cinemates bench NAME (available: ${scripts:-none})"
    fi
    [[ $name =~ ^[a-z0-9-]+$ && -f $ROOT/bench/$name.sh ]] || die "no benchmark '$name' (available: ${scripts:-none})"
    shift
    ensure_java
    if [[ $name == import || $name == feed || $name == history-import ]]; then
        # These run the service's own code against PostgreSQL directly: no instance, no load
        # generator.
        if dir=$(movielens_dir); then export CINEMATES_MOVIELENS_DIR="$dir"; fi
        exec bash "$ROOT/bench/$name.sh" "$@"
    fi
    ensure_curl
    ensure_nginx
    ensure_tool wrk wrk "to generate load"
    # The benchmark runs on an instance of its own, beside any normal one.
    use_side_instance "$STATE_DIR/bench" 20000
    export CINEMATES_CLI="$SCRIPT" CINEMATES_BENCH_HTTP_PORT=28080
    if dir=$(movielens_dir); then export CINEMATES_MOVIELENS_DIR="$dir"; fi
    exec bash "$ROOT/bench/$name.sh" "$@"
}

# Offline evaluation of the recommender on a MovieLens ratings.csv: the shipped model beside its
# baselines, on the same seeded folds. Everything but the figures goes to stderr, so --json
# output can be piped.
cmd_evaluate() {
    local args=("$@") jar="$ROOT/recommender/target/recommender.jar" newer log heap
    (($# > 0)) || die "usage: ./cinemates evaluate --data DIR [--folds 5] [--fold N] [--seed 42] [--relevant 4|all] [--max-items 3000] [--json] [--algorithms a,b]"
    in_reactor recommender || die "there is no recommender module in the Maven build yet"
    ensure_java
    mkdir -p "$LOG_DIR"
    log="$LOG_DIR/build.log"
    newer=""
    [[ -f $jar ]] && newer=$(find "$ROOT/recommender/src/main" "$ROOT/recommender/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null || true)
    if [[ ! -f $jar || -n $newer ]]; then
        info "building the recommender; log: $log" >&2
        ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true -pl recommender package >"$log" 2>&1 ||
            { tail -n 30 "$log" >&2; die "the build failed (full log: $log)"; }
    fi
    heap=${CINEMATES_EVALUATE_HEAP:-4g}
    exec "$JAVA_BIN" "-Xmx$heap" -XX:+UseParallelGC -cp "$jar" org.cinemates.recommender.evaluation.Evaluate "${args[@]}"
}

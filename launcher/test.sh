# shellcheck shell=bash
# ./cinemates test: every test, step by step, with a summary.

STEP_NAMES=()
STEP_RESULTS=()
STEP_TIMES=()
CURRENT_STEP=""
CURRENT_STEP_START=0

begin_step() { # title shown now, name used in the summary
    printf '\n=== %s ===\n' "$1"
    CURRENT_STEP=$2
    CURRENT_STEP_START=$SECONDS
}

end_step() { # result
    record_step "$CURRENT_STEP" "$1" $((SECONDS - CURRENT_STEP_START))
    CURRENT_STEP=""
}

record_step() { # name result seconds
    STEP_NAMES+=("$1")
    STEP_RESULTS+=("$2")
    STEP_TIMES+=("$3")
}

print_summary() {
    local i
    # A step interrupted by an error (or Ctrl-C) counts as failed.
    [[ -z $CURRENT_STEP ]] || end_step FAILED
    printf '\n=== Summary ===\n'
    for i in "${!STEP_NAMES[@]}"; do
        printf '  %-48s %-8s %5ss\n' "${STEP_NAMES[$i]}" "${STEP_RESULTS[$i]}" "${STEP_TIMES[$i]}"
    done
}

# Every service's port shifted by OFFSET, as environment assignments (for the test and bench
# instances, which run beside a normal one).
shifted_ports() {
    local svc
    for svc in $(registry_services); do
        printf 'CINEMATES_%s_PORT=%s\n' "$(svc_prefix "$svc")" $(($(svc_default_port "$svc") + $1))
    done
    printf 'CINEMATES_EMBEDDED_POSTGRES_PORT=%s\n' $((DEFAULT_EMBEDDED_POSTGRES_PORT + $1))
}

# Points this shell's environment at a side instance (the test and bench ones): its own state
# folder and ports, loopback only, and the embedded PostgreSQL unless told otherwise (--postgres).
use_side_instance() {
    local home=$1 offset=$2 name assignment
    while IFS= read -r name; do
        if [[ $name =~ ^CINEMATES_.*_DB_(URL|USER|PASSWORD)$ || $name == CINEMATES_LISTEN_ADDRESS ]]; then
            unset "$name"
        fi
    done < <(compgen -e | grep '^CINEMATES_' || true)
    export CINEMATES_HOME="$home"
    while IFS= read -r assignment; do
        export "${assignment?}"
    done < <(shifted_ports "$offset")
}

E2E_HOME=""
e2e_stop() {
    [[ -n $E2E_HOME && -d $E2E_HOME ]] || return 0
    local home=$E2E_HOME
    E2E_HOME=""
    # An interrupted step is over once we get here.
    [[ -z $CURRENT_STEP ]] || end_step FAILED
    begin_step "Stop the end-to-end instance ($(basename "$home"))" "stop $(basename "$home")"
    if CINEMATES_HOME="$home" "$SCRIPT" down; then end_step ok; else end_step FAILED; fi
}

# ml-latest-small, for the tests and benchmarks that need real MovieLens data. It is never part
# of the repository: it lives beside it (../shared/data/ml-latest-small), or beside the checkout
# this one was cloned from, or wherever CINEMATES_MOVIELENS_DIR says. Prints the folder.
movielens_dir() {
    local candidate origin
    origin=$(git -C "$ROOT" remote get-url origin 2>/dev/null || true)
    origin=${origin#file://}
    for candidate in "${CINEMATES_MOVIELENS_DIR:-}" "$ROOT/../shared/data/ml-latest-small" \
        "${origin:+$origin/../shared/data/ml-latest-small}"; do
        if [[ -n $candidate && -f $candidate/movies.csv ]]; then
            (cd -- "$candidate" && pwd -P)
            return 0
        fi
    done
    return 1
}

redis_answers() {
    if have redis-cli; then
        redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -x PONG >/dev/null
    else
        (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null
    fi
}

# eslint, the type check and the unit tests of the web app.
frontend_checks() {
    ensure_node
    frontend_dependencies || return 1
    (cd "$FRONTEND" && npm run lint && npm run typecheck && npm test)
}

# Starts a side instance (own state folder, ports shifted by OFFSET) and checks it, each check a
# step of its own, then stops it. KIND production: the e2e module's journeys, the OpenAPI lint
# and the browser journey, then Prometheus scraped every instance. KIND embedded: what only the
# default run shows (e2e/embedded-smoke.sh). Both: backup and restore (e2e/backup-restore.sh).
#   run_e2e TITLE NAME HOME OFFSET KIND [up options...]
run_e2e() {
    local title=$1 name=$2 home=$3 offset=$4 kind=$5 port token ok=0 up=0 prometheus=""
    shift 5
    port=$((DEFAULT_HTTP_PORT + offset))
    begin_step "$title" "$name"
    E2E_HOME=$home
    CINEMATES_HOME="$home" "$SCRIPT" down >/dev/null 2>&1 || true
    rm -rf "$home"
    if (
        use_side_instance "$home" "$offset"
        # Relaxed limits so the whole journey can run from one address; the per-account login
        # throttle keeps its default so the journey can test it.
        export CINEMATES_AUTH_RATE=300r/m CINEMATES_AUTH_BURST=50 \
            CINEMATES_API_RATE=500r/s CINEMATES_API_BURST=1000 \
            CINEMATES_REGISTER_PER_IP=1000/1h CINEMATES_LOGIN_PER_IP=1000/15m \
            CINEMATES_LOGIN_PER_ACCOUNT=10/15m
        # A test instance serves journeys, not load: the client compiler alone (no C2) halves the
        # CPU time its services take to start (about 59 to 28 CPU-seconds for four, with their
        # class-data archives), and every service starts several times in these steps.
        export CINEMATES_JAVA_OPTS="${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -XX:TieredStopAtLevel=1"
        # The journeys stop services and start them again: the outbox relays that deliver to a
        # stopped one wait at most 2 s between attempts (30 s by default), so that its events
        # arrive within seconds of its start rather than after the relays' backoff.
        export CINEMATES_OUTBOX_RELAY_MAXBACKOFF=2s
        if [[ $kind == production ]]; then
            # Its own databases, emptied first, and its own keys in Redis.
            # (a checkout testing on shifted ports has databases of its own)
            export CINEMATES_DB_PREFIX=cinemates_e2e${TEST_PORT_SHIFT#0}
            CINEMATES_REDIS_KEYPREFIX="cinemates-e2e-$(date +%s)-$$:"
            export CINEMATES_REDIS_KEYPREFIX
            drop_databases "$CINEMATES_DB_PREFIX"
        fi
        "$SCRIPT" up --port "$port" "$@"
    ); then
        token=$(<"$home/service-token")
        ok=1
        up=1
        if [[ $kind == production ]]; then
            # Prometheus beside the instance, scraping all along the journeys; its targets are
            # checked after them (prometheus_check).
            if have prometheus; then
                prometheus=$((DEFAULT_PROMETHEUS_PORT + offset))
                CINEMATES_HOME="$home" "$SCRIPT" prometheus --port "$prometheus" || ok=0
            fi
            # A reactor build: the project's own jars come from this checkout, never from an
            # earlier `mvn install` (the modules' tests already ran in step 2).
            ./mvnw -B -ntp -pl e2e -am verify -Dcinemates.e2e.only \
                "-Dcinemates.e2e.baseUrl=http://127.0.0.1:$port" \
                "-Dcinemates.e2e.home=$home" \
                "-Dcinemates.e2e.serviceToken=$token" \
                "-Dcinemates.e2e.replicas=$(sed -n 's/^CINEMATES_REPLICAS=//p' "$home/settings.env")" \
                "-Dcinemates.e2e.repository=$ROOT" || ok=0
            timed_journeys_over
            if [[ -x $ROOT/deploy/check/openapi/lint.sh ]]; then
                info "linting the four OpenAPI descriptions (/api/docs)"
                "$ROOT/deploy/check/openapi/lint.sh" "http://127.0.0.1:$port" || ok=0
            fi
            if has_frontend; then browser_journey "http://127.0.0.1:$port" || ok=0; fi
        else
            CINEMATES_HOME="$home" CINEMATES_CLI="$SCRIPT" "$ROOT/e2e/embedded-smoke.sh" || ok=0
        fi
    else
        info "the end-to-end instance did not come up"
    fi
    if ((ok)); then end_step ok; else end_step FAILED; fi
    if ((up)) && [[ $kind == production ]]; then
        begin_step "$title: Prometheus scrapes every instance" "Prometheus (production mode)"
        if [[ -z $prometheus ]]; then
            info "skipped: there is no prometheus binary (Debian's package 'prometheus')"
            end_step skipped
        elif prometheus_check "$prometheus" "$(CINEMATES_REPLICAS=$(sed -n 's/^CINEMATES_REPLICAS=//p' "$home/settings.env") enabled_services | wc -l)"; then
            end_step ok
        else
            end_step FAILED
            ok=0
        fi
    fi
    # The operator's backup and restore, on the same instance: cheaper than one of its own.
    if ((up)); then
        begin_step "$title: backup and restore" "backup and restore ($([[ $kind == production ]] && echo PostgreSQL || echo embedded))"
        if CINEMATES_HOME="$home" CINEMATES_CLI="$SCRIPT" "$ROOT/e2e/backup-restore.sh"; then
            end_step ok
        else
            end_step FAILED
            ok=0
        fi
    fi
    e2e_stop
    ((ok))
}

# Prometheus scrapes every service instance (all targets up), and what the dashboard graphs
# answers: requests, connection pools, the outbox, the catalogue import, the recommender.
prometheus_check() { # port expected-number-of-instances
    local port=$1 expected=$2 deadline=$((SECONDS + 45)) targets query answer series
    while :; do
        targets=$(prometheus_targets "$port" || echo "no answer")
        [[ $targets == "$expected/$expected up" ]] && break
        if ((SECONDS >= deadline)); then
            warn "Prometheus on port $port: $targets, expected $expected/$expected up"
            return 1
        fi
        sleep 1
    done
    info "Prometheus on port $port scrapes $targets"
    for query in http_server_requests_seconds_count hikaricp_connections_active \
        cinemates_outbox_backlog cinemates_import_processed_rows cinemates_recommender_training_seconds_count; do
        answer=$(curl -fsS --max-time 5 -G --data-urlencode "query=$query" "http://127.0.0.1:$port/api/v1/query") ||
            { warn "Prometheus did not answer $query"; return 1; }
        series=$(grep -o '"metric":' <<<"$answer" | wc -l)
        if [[ $answer != *'"status":"success"'* ]] || ((series == 0)); then
            warn "Prometheus has nothing for $query: $answer"
            return 1
        fi
        info "  $query: $series series"
    done
    answer=$(curl -fsS --max-time 5 -G --data-urlencode 'query=count(up{job="cinemates"} == 1)' "http://127.0.0.1:$port/api/v1/query")
    [[ $answer == *"\"$expected\"]"* ]] || { warn "count(up == 1) is not $expected: $answer"; return 1; }
}

# The browser journey: Debian's Chromium driven by playwright-core through nginx. Screenshots of
# every page go to .cinemates/screenshots.
browser_journey() {
    ensure_node
    ensure_chromium
    frontend_dependencies || return 1
    local shots="$STATE_DIR/screenshots"
    rm -rf "$shots"
    mkdir -p "$shots"
    info "browser journey in $CHROMIUM_BIN; screenshots: $shots"
    (cd "$FRONTEND" && CINEMATES_BASE_URL=$1 CHROMIUM=$CHROMIUM_BIN CINEMATES_SCREENSHOTS=$shots npm run e2e)
}

# Drops the PostgreSQL databases named <prefix>_* (the production-mode journey starts empty).
drop_databases() {
    local prefix=$1 db
    have psql || return 0
    for db in $(psql -X -q -h 127.0.0.1 -U "${PGUSER:-postgres}" -d postgres -tAc \
        "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'" 2>/dev/null); do
        psql -X -q -h 127.0.0.1 -U "${PGUSER:-postgres}" -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    done
}

# Appends the steps recorded from index FIRST on to RESULTS, one tab-separated line each (name,
# result, seconds): a subshell's steps, which the main shell then records (record_results).
save_results() { # results first
    local i
    for ((i = $2; i < ${#STEP_NAMES[@]}; i++)); do
        printf '%s\t%s\t%s\n' "${STEP_NAMES[$i]}" "${STEP_RESULTS[$i]}" "${STEP_TIMES[$i]}" >>"$1"
    done
}

# Waits for a subshell of steps, shows its output and records its steps; fails when one failed
# or none was recorded.
record_results() { # pid log results title what
    local name result seconds failed=0
    wait "$1" || true
    printf '\n=== %s; their output: ===\n' "$4"
    cat "$2"
    while IFS=$'\t' read -r name result seconds; do
        record_step "$name" "$result" "$seconds"
        [[ $result != FAILED ]] || failed=1
    done <"$3"
    if ! grep -q . "$3"; then
        record_step "$5" FAILED 0
        failed=1
    fi
    rm -f "$3"
    ((!failed))
}

# Steps 3 and 3c: the deployment files checked, the web app built and Chromium installed. They
# need a core, not the database, so they run beside step 2, in a subshell whose output is kept
# apart. Also readies what step 4 would otherwise wait for: the built web app and Chromium.
side_steps() { # results
    local results=$1 first=${#STEP_NAMES[@]} tool
    trap - EXIT INT TERM
    if [[ -x $ROOT/deploy/check/run.sh ]]; then
        begin_step "Step 3: deployment files (Dockerfiles, compose.yaml, Kubernetes manifests)" "deployment checks"
        # The validators that come from the distribution, when this machine may install them.
        if can_install_packages; then
            for tool in docker-compose:docker-compose shellcheck:shellcheck; do
                have "${tool%%:*}" || (apt_install "${tool#*:}") || true
            done
            # Prometheus: its promtool checks the observability files here, and step 5 has the
            # production-mode instance scraped by it.
            have prometheus || (ensure_prometheus) || true
        fi
        if ensure_node && "$ROOT/deploy/check/run.sh"; then end_step ok; else end_step FAILED; fi
    fi

    if has_frontend; then
        begin_step "Step 3c: the web app built, Chromium installed (for step 4)" "web app build, Chromium"
        if (build_frontend_if_needed && ensure_chromium); then end_step ok; else end_step FAILED; fi
    fi
    # Step 4's OpenAPI lint then runs at once, instead of installing its linter meanwhile.
    if [[ -x $ROOT/deploy/check/openapi/lint.sh ]] && ensure_node; then
        "$ROOT/deploy/check/openapi/lint.sh" --prepare || warn "the OpenAPI linter could not be installed now; step 4 tries again"
    fi
    save_results "$results" "$first"
}

# Created once the e2e module's journeys are over: their answers are timed (FuzzIT fails any
# answer slower than 2 s twice), so step 3d waits for it (timed_journeys_over).
TIMED_JOURNEYS_OVER=""

timed_journeys_over() {
    [[ -z $TIMED_JOURNEYS_OVER ]] || : >"$TIMED_JOURNEYS_OVER"
}

# Steps 3b and 3d, in a subshell like side_steps, beside steps 4 and 5: step 2 keeps both cores
# busy, while step 4's journeys spend much of their time waiting for the services they stop and
# start. Both at a lower CPU priority than the journeys. Step 3b: the web app's eslint, type check
# and unit tests. Step 3d: recommender's evaluation on ml-latest-small (MovieLensIT, left out of
# step 2 with -Dcinemates.evaluation.apart), minutes of CPU that the services' modules would
# otherwise wait for in step 2; it starts once the e2e module's timed journeys are over, beside the
# browser journey and step 5 (beside them, it made FuzzIT take half as long again, though at a
# lower priority: the two compete for more than the CPU).
beside_journeys() { # results movielens
    local results=$1 movielens=$2 first=${#STEP_NAMES[@]}
    trap - EXIT INT TERM
    renice -n 10 -p "$BASHPID" >/dev/null 2>&1 || true
    if has_frontend; then
        begin_step "Step 3b: web app checks (eslint, tsc, vitest)" "web app: lint, types, unit tests"
        if frontend_checks; then end_step ok; else end_step FAILED; fi
    fi
    if [[ -n $movielens ]]; then
        # ($$ is the main shell: should it be gone, nothing will create the file, nor wait for us.)
        while [[ ! -e $TIMED_JOURNEYS_OVER ]] && kill -0 $$ 2>/dev/null; do sleep 2; done
        [[ -e $TIMED_JOURNEYS_OVER ]] || exit 1
        begin_step "Step 3d: the recommender against its baselines on ml-latest-small (MovieLensIT)" \
            "recommender evaluation (MovieLensIT)"
        if ./mvnw -B -ntp -pl recommender verify -Djacoco.skip=true -Dspotless.check.skip=true \
            -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MovieLensIT \
            "-Dcinemates.movielens.dir=$movielens"; then
            end_step ok
        else
            end_step FAILED
        fi
    fi
    save_results "$results" "$first"
}

cmd_test() {
    (($# == 0)) || die "test takes no arguments"
    local failed=0 mvn_args=() movielens="" e2e_up_args=()
    # (An interrupted run leaves no marker of step 3d's behind either.)
    trap 'e2e_stop; print_summary; [[ -z $TIMED_JOURNEYS_OVER ]] || rm -f "$TIMED_JOURNEYS_OVER"' EXIT
    # The test instances run with the client compiler only and start many times: a training run
    # (training.sh) for their caches would cost more than it saves.
    export CINEMATES_TRAINING=off
    trap 'exit 130' INT TERM

    begin_step "Step 1: prerequisites" "prerequisites (java, nginx, PostgreSQL)"
    ensure_java
    ensure_curl
    ensure_nginx
    ensure_postgres_running 127.0.0.1 5432
    info "$("$JAVA_BIN" -version 2>&1 | head -n 1); $("$NGINX_BIN" -v 2>&1 | sed 's/.*: //'); PostgreSQL answers on 127.0.0.1:5432"
    if movielens=$(movielens_dir); then
        info "MovieLens data: $movielens"
    else
        movielens=""
        warn "ml-latest-small not found (set CINEMATES_MOVIELENS_DIR): the tests that need it are skipped"
    fi
    end_step ok

    local side_log="$LOG_DIR/test-steps-3.log" side_results side_pid
    mkdir -p "$LOG_DIR"
    side_results=$(mktemp)
    side_steps "$side_results" >"$side_log" 2>&1 </dev/null &
    side_pid=$!

    begin_step "Step 2: unit and integration tests (./mvnw verify)" "unit and integration tests (mvnw verify)"
    # The journey tests need a running instance: they run in steps 4 and 5.
    if in_reactor e2e; then mvn_args+=(-pl '!e2e'); fi
    if [[ -n ${PGUSER:-} ]]; then mvn_args+=("-Dcinemates.test.postgres.user=$PGUSER"); fi
    if [[ -n ${PGPASSWORD:-} ]]; then mvn_args+=("-Dcinemates.test.postgres.password=$PGPASSWORD"); fi
    # recommender's MovieLens evaluation runs on its own later, beside steps 4 and 5 (step 3d).
    if [[ -n $movielens ]]; then mvn_args+=("-Dcinemates.movielens.dir=$movielens" -Dcinemates.evaluation.apart); fi
    # The jars it builds are the ones the steps below run: stamped, so `up` does not build again.
    # One module's tests per core: after platform, the modules test side by side (each test JVM
    # makes databases of its own, so they never meet).
    local built=()
    mapfile -t built < <(enabled_services)
    build_stamps_begin "${built[@]}"
    if ./mvnw -B -ntp -T 1C "${mvn_args[@]+"${mvn_args[@]}"}" verify; then
        build_stamps_done "${built[@]}"
        end_step ok
    else
        end_step FAILED
        failed=1
    fi

    record_results "$side_pid" "$side_log" "$side_results" "Steps 3 and 3c ran beside step 2" \
        "deployment checks and web app build" || failed=1

    local checks_log="$LOG_DIR/test-steps-3b-3d.log" checks_results checks_pid
    checks_results=$(mktemp)
    TIMED_JOURNEYS_OVER="$checks_results.journeys-over"
    beside_journeys "$checks_results" "$movielens" >"$checks_log" 2>&1 </dev/null &
    checks_pid=$!

    if ! in_reactor e2e; then
        begin_step "Step 4: end-to-end journey through nginx" "end-to-end journey"
        info "skipped: there is no e2e module in the Maven build yet"
        end_step skipped
    else
        if [[ -n $movielens ]]; then e2e_up_args+=(--data "$movielens"); fi
        # The journeys run once, in production mode: an external PostgreSQL, Redis, two instances
        # each of activity- and preference-service; the browser journey runs on it too.
        if redis_answers; then
            run_e2e "Step 4: end-to-end journey in production mode (PostgreSQL, Redis, 2 instances)" \
                "end-to-end journey (production mode)" "$STATE_DIR/e2e-production" $((11000 + TEST_PORT_SHIFT)) production \
                --postgres --redis --replicas 2 "${e2e_up_args[@]+"${e2e_up_args[@]}"}" || failed=1
        else
            begin_step "Step 4: end-to-end journey in production mode" "end-to-end journey (production mode)"
            warn "Redis does not answer on 127.0.0.1:6379: the production-mode journey needs it"
            end_step FAILED
            failed=1
        fi
        # The default run, on what only it has: the embedded PostgreSQL (with the sample catalogue,
        # which the smoke's searches know).
        run_e2e "Step 5: the default run on its embedded PostgreSQL (smoke)" "embedded PostgreSQL smoke" \
            "$STATE_DIR/e2e" $((10000 + TEST_PORT_SHIFT)) embedded || failed=1
    fi
    timed_journeys_over # when step 4 did not get as far
    record_results "$checks_pid" "$checks_log" "$checks_results" "Steps 3b and 3d ran beside steps 4 and 5" \
        "web app checks and recommender evaluation" || failed=1
    rm -f "$TIMED_JOURNEYS_OVER"

    trap - EXIT
    print_summary
    if ((failed)); then
        printf '\ncinemates: some tests failed\n' >&2
        exit 1
    fi
    printf '\ncinemates: every test passed\n'
}

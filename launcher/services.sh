# shellcheck shell=bash
# Service processes: launching a JVM with its environment, stopping it, waiting until it is ready.

process_command_line() {
    if [[ -r /proc/$1/cmdline ]]; then
        tr '\0' ' ' <"/proc/$1/cmdline"
    else
        ps -o args= -p "$1" 2>/dev/null || true
    fi
}

# A process that has exited but was not yet reaped by its parent (a zombie) counts as gone.
alive() {
    kill -0 "$1" 2>/dev/null || return 1
    if [[ -r /proc/$1/status ]] && grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null; then
        return 1
    fi
    return 0
}

# True when PID is alive and its command line mentions WHAT (guards against reused pids).
pid_is() {
    local pid=$1 what=$2
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    alive "$pid" || return 1
    [[ $(process_command_line "$pid") == *"$what"* ]]
}

svc_pid() { # pid of the running service, or nothing
    local file pid
    file=$(svc_pid_file "$1")
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    if pid_is "$pid" "$(svc_run_jar "$1")"; then
        printf '%s\n' "$pid"
    else
        return 1
    fi
}

svc_ready() {
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(svc_port "$1")/actuator/health/readiness" 2>/dev/null
}

# Stops processes: SIGTERM, up to STOP_TIMEOUT seconds for a graceful exit, then SIGKILL.
terminate_pids() {
    local pid waited=0 remaining
    (($# == 0)) && return 0
    kill -TERM "$@" 2>/dev/null || true
    while ((waited < STOP_TIMEOUT * 5)); do
        remaining=0
        for pid in "$@"; do
            if alive "$pid"; then remaining=1; fi
        done
        ((remaining)) || return 0
        sleep 0.2
        waited=$((waited + 1))
    done
    for pid in "$@"; do
        if alive "$pid"; then
            warn "process $pid did not stop within ${STOP_TIMEOUT}s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

# The environment a service runs with: the instance's settings plus where it is, where the
# others are, its database and the shared service token.
launch_service() {
    local svc=$1 port jar log pidfile prefix other token opts
    port=$(svc_port "$svc")
    jar=$(svc_run_jar "$svc")
    log=$(svc_log "$svc")
    pidfile=$(svc_pid_file "$svc")
    prefix=$(svc_prefix "$svc")

    if port_in_use "$port"; then
        die "port $port, which $svc should use, is taken by another program (set CINEMATES_${prefix}_PORT to choose another, after ./cinemates down)"
    fi
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"
    # Run a private copy of the freshest jar (atomically replaced; a running JVM keeps its own),
    # copied only when the built jar changed since the last copy: its size, inode and change time
    # (which no build can set back, unlike the fixed time a reproducible build gives the jar).
    local built identity
    built=$(svc_built_jar "$svc")
    if [[ -f $built ]]; then
        identity=$(stat -c '%s %i %Z' "$built")
        if [[ ! -f $jar || ! -f $jar.built || $(<"$jar.built") != "$identity" ]]; then
            rm -f "$jar.built" "$jar.sha256"
            cp -f "$built" "$jar.tmp"
            mv -f "$jar.tmp" "$jar"
            printf '%s\n' "$identity" >"$jar.built"
        fi
    fi
    [[ -f $jar ]] || die "$svc has not been built ($(svc_built_jar "$svc") is missing): run ./cinemates up"
    token=$(service_token)
    [[ -f $log ]] && mv -f "$log" "$log.1"
    read -ra opts <<<"${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
    class_data_arguments "$svc" "$jar"

    info "starting $svc on 127.0.0.1:$port"
    rm -f "$pidfile"
    (
        export CINEMATES_BIND_ADDRESS=127.0.0.1
        export CINEMATES_DATA_DIR="$DATA_DIR"
        export CINEMATES_SERVICE_TOKEN="$token"
        # A local run: placeholder secrets are tolerated (services refuse them anywhere else).
        export CINEMATES_LOCAL_DEVELOPMENT=true
        # glibc gives every thread that allocates its own malloc arena (up to 8 per core), and a
        # JVM has dozens of threads: two arenas keep each service about 35 MB smaller when idle.
        export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
        for other in $(registry_services); do
            export "CINEMATES_$(svc_prefix "$other")_URL=http://127.0.0.1:$(svc_port "$other")"
        done
        # A replica listens on its own port (the service reads CINEMATES_<PREFIX>_PORT).
        export "CINEMATES_${prefix}_PORT=$port"
        # Structured logs (one JSON object per line, ECS fields, trace id included) on request.
        if [[ ${CINEMATES_LOG_FORMAT:-text} == json ]]; then export LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs; fi
        # Where resource servers fetch the token signing keys (cinemates.security.jwt.jwks-uri;
        # Spring binds either spelling of the variable).
        CINEMATES_SECURITY_JWT_JWKS_URI="http://127.0.0.1:$(svc_port user-service)/api/auth/jwks.json"
        export CINEMATES_SECURITY_JWT_JWKS_URI CINEMATES_SECURITY_JWT_JWKSURI="$CINEMATES_SECURITY_JWT_JWKS_URI"
        if [[ ${CINEMATES_DB:-embedded} == postgres ]]; then
            local pg_params=${CINEMATES_POSTGRES_PARAMS:-}
            export "CINEMATES_${prefix}_DB_URL=${CINEMATES_POSTGRES_URL}$(svc_database "$svc")${pg_params:+?$pg_params}"
            export "CINEMATES_${prefix}_DB_USER=$CINEMATES_POSTGRES_USER"
            export "CINEMATES_${prefix}_DB_PASSWORD=$CINEMATES_POSTGRES_PASSWORD"
        else
            export "CINEMATES_${prefix}_DB_URL=$(embedded_jdbc_url)$(svc_database "$svc")"
            export "CINEMATES_${prefix}_DB_USER=$EMBEDDED_POSTGRES_USER"
            export "CINEMATES_${prefix}_DB_PASSWORD=$(<"$(embedded_password_file)")"
        fi
        printf '=== %s: starting %s (%s %s %s)\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$svc" "$SERVICE_JAVA_BIN" "${opts[*]}" "${CLASS_DATA_ARGS[*]}" >"$log"
        # A session of its own: the service outlives this script and ignores the terminal's
        # Ctrl-C and hang-up. The pid is written from inside, so it is the JVM's.
        local detach=()
        have setsid && detach=(setsid)
        exec 9>&- # the state folder's lock stays with this script
        # shellcheck disable=SC2016 # expanded by the inner bash (@PID@: see class_data_arguments)
        exec "${detach[@]}" bash -c 'echo $$ >"$0"; exec "${@//@PID@/$$}"' "$pidfile" \
            "$SERVICE_JAVA_BIN" "${opts[@]}" "${CLASS_DATA_ARGS[@]}" </dev/null >>"$log" 2>&1
    ) &
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -s $pidfile ]] && return 0
        sleep 0.1
    done
    die "$svc did not start (see $log)"
}

stop_service() {
    local svc=$1 pid
    if pid=$(svc_pid "$svc"); then
        info "stopping $svc (pid $pid)"
        terminate_pids "$pid"
    fi
    rm -f "$(svc_pid_file "$svc")"
}

show_failure() { # service reason
    local log
    log=$(svc_log "$1")
    printf 'cinemates: error: %s %s. Last lines of %s:\n' "$1" "$2" "$log" >&2
    tail -n 40 "$log" 2>/dev/null | sed 's/^/    /' >&2 || true
}

# Waits, in parallel, until every named service answers its readiness probe.
wait_until_ready() {
    local deadline=$((SECONDS + START_TIMEOUT)) started=$SECONDS svc pending=("$@") still
    while ((${#pending[@]} > 0)); do
        still=()
        for svc in "${pending[@]}"; do
            if [[ $svc == nginx ]]; then
                if nginx_answers; then info "nginx answers ($((SECONDS - started)) s)"; else still+=("$svc"); fi
                continue
            fi
            if svc_ready "$svc"; then
                info "$svc is ready ($((SECONDS - started)) s)"
            elif ! svc_pid "$svc" >/dev/null; then
                show_failure "$svc" "stopped while starting"
                return 1
            else
                still+=("$svc")
            fi
        done
        pending=("${still[@]+"${still[@]}"}")
        ((${#pending[@]} == 0)) && break
        if ((SECONDS >= deadline)); then
            for svc in "${pending[@]}"; do
                if [[ $svc == nginx ]]; then
                    printf 'cinemates: error: nginx does not answer on port %s. Last lines of its error log:\n' "$CINEMATES_HTTP_PORT" >&2
                    tail -n 20 "$NGINX_DIR/logs/error.log" 2>/dev/null | sed 's/^/    /' >&2 || true
                else
                    show_failure "$svc" "was not ready within ${START_TIMEOUT}s"
                fi
            done
            return 1
        fi
        sleep 0.25
    done
}

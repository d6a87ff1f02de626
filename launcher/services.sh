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
    ready_on_port "$(svc_port "$1")"
}

# True when the service on 127.0.0.1:PORT answers its readiness probe with 200. Asked over bash's
# own /dev/tcp, without starting a process: the launcher asks several times a second while the
# JVMs starting take both cores, and a curl each time cost the start seconds of CPU.
ready_on_port() { # port
    local fd status=""
    { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' 1>&"$fd" || true
    IFS=' ' read -r -t 2 _ status _ <&"$fd" 2>/dev/null || true
    exec {fd}>&-
    [[ $status == 200 ]]
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

# Starts the instances' JVMs one right after the other, then waits until each runs. Everything an
# instance's command line and environment need is worked out here, before its JVM is forked: once
# the first JVMs take both cores, every command the launcher forks waits its turn, and a service
# launched late is ready late.
launch_services() { # instance...
    local svc i
    local -a shared=()
    launch_environment shared
    for svc in "$@"; do start_instance_process "$svc" "${shared[@]}"; done
    for svc in "$@"; do
        for ((i = 0; i < 100; i++)); do
            [[ -s $(svc_pid_file "$svc") ]] && continue 2
            sleep 0.05
        done
        die "$svc did not start (see $(svc_log "$svc"))"
    done
}

# The environment every instance shares: where the other services and the signing keys are, the
# service token, and how it runs locally. NAME=value pairs into the named array.
launch_environment() { # array name
    local -n into=$1
    local other jwks
    into=(
        CINEMATES_BIND_ADDRESS=127.0.0.1
        "CINEMATES_DATA_DIR=$DATA_DIR"
        "CINEMATES_SERVICE_TOKEN=$(service_token)"
        # A local run: placeholder secrets are tolerated (services refuse them anywhere else).
        CINEMATES_LOCAL_DEVELOPMENT=true
        # glibc gives every thread that allocates its own malloc arena (up to 8 per core), and a
        # JVM has dozens of threads: two arenas keep each service about 35 MB smaller when idle.
        "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}"
    )
    for other in $(registry_services); do
        into+=("CINEMATES_$(svc_prefix "$other")_URL=http://127.0.0.1:$(svc_port "$other")")
    done
    # Structured logs (one JSON object per line, ECS fields, trace id included) on request.
    if [[ ${CINEMATES_LOG_FORMAT:-text} == json ]]; then into+=(LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs); fi
    # Where resource servers fetch the token signing keys (cinemates.security.jwt.jwks-uri;
    # Spring binds either spelling of the variable).
    jwks="http://127.0.0.1:$(svc_port user-service)/api/auth/jwks.json"
    into+=("CINEMATES_SECURITY_JWT_JWKS_URI=$jwks" "CINEMATES_SECURITY_JWT_JWKSURI=$jwks")
}

# Forks an instance's JVM, in a session of its own, with the shared environment given and its
# own: where it listens and its database.
start_instance_process() { # instance NAME=value...
    local svc=$1 port jar log pidfile prefix opts
    shift
    local -a vars=("$@")
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
    keep_last_log "$log"
    read -ra opts <<<"${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
    [[ " ${opts[*]}" =~ \ -(Xmx|XX:MaxHeapSize=|XX:MaxRAM) ]] || opts+=("-Xmx$(svc_max_heap "$svc")")
    class_data_arguments "$svc" "$jar"

    # A replica listens on its own port (the service reads CINEMATES_<PREFIX>_PORT).
    vars+=("CINEMATES_${prefix}_PORT=$port")
    if [[ ${CINEMATES_DB:-embedded} == postgres ]]; then
        local pg_params=${CINEMATES_POSTGRES_PARAMS:-}
        vars+=(
            "CINEMATES_${prefix}_DB_URL=${CINEMATES_POSTGRES_URL}$(svc_database "$svc")${pg_params:+?$pg_params}"
            "CINEMATES_${prefix}_DB_USER=$CINEMATES_POSTGRES_USER"
            "CINEMATES_${prefix}_DB_PASSWORD=$CINEMATES_POSTGRES_PASSWORD"
        )
    else
        vars+=(
            "CINEMATES_${prefix}_DB_URL=$(embedded_jdbc_url)$(svc_database "$svc")"
            "CINEMATES_${prefix}_DB_USER=$EMBEDDED_POSTGRES_USER"
            "CINEMATES_${prefix}_DB_PASSWORD=$(<"$(embedded_password_file)")"
        )
    fi

    info "starting $svc on 127.0.0.1:$port"
    rm -f "$pidfile"
    printf '=== %s: starting %s (%s %s %s)\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$svc" "$SERVICE_JAVA_BIN" "${opts[*]}" "${CLASS_DATA_ARGS[*]}" >"$log"
    # A session of its own: the service outlives this script and ignores the terminal's Ctrl-C
    # and hang-up. The pid is written from inside, so it is the JVM's.
    local detach=()
    have setsid && detach=(setsid)
    # The state folder's lock (fd 9) stays with this script.
    # shellcheck disable=SC2016 # expanded by the inner bash (@PID@: see class_data_arguments)
    env "${vars[@]}" "${detach[@]}" bash -c 'echo $$ >"$0"; exec "${@//@PID@/$$}"' "$pidfile" \
        "$SERVICE_JAVA_BIN" "${opts[@]}" "${CLASS_DATA_ARGS[@]}" </dev/null >>"$log" 2>&1 9>&- &
    disown
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
    # Each service's port and pid are looked up once; a round then starts no process (see
    # ready_on_port).
    local -A port=() pid=()
    for svc in "$@"; do
        [[ $svc == nginx ]] && continue
        port[$svc]=$(svc_port "$svc")
        pid[$svc]=$(svc_pid "$svc") || pid[$svc]=""
    done
    while ((${#pending[@]} > 0)); do
        still=()
        for svc in "${pending[@]}"; do
            if [[ $svc == nginx ]]; then
                if nginx_answers; then info "nginx answers ($((SECONDS - started)) s)"; else still+=("$svc"); fi
                continue
            fi
            if ready_on_port "${port[$svc]}"; then
                info "$svc is ready ($((SECONDS - started)) s)"
            elif [[ -z ${pid[$svc]} ]] || ! kill -0 "${pid[$svc]}" 2>/dev/null; then
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

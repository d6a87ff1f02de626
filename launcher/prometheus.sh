# shellcheck shell=bash
# A Prometheus beside an instance (./cinemates prometheus).

# A Prometheus for this instance (`./cinemates prometheus`): Debian's binary, scraping every
# service instance's /actuator/prometheus on its actual port (which nginx never routes), its
# configuration and its data in the state folder, on loopback only.
PROMETHEUS_DIR="$STATE_DIR/prometheus"
DEFAULT_PROMETHEUS_PORT=9090

ensure_prometheus() {
    PROMETHEUS_BIN=$(find_cmd prometheus || true)
    if [[ -z $PROMETHEUS_BIN ]] && can_install_packages; then
        # Without the recommended node exporter: this Prometheus watches Cinemates, not the host.
        apt_install --no-install-recommends prometheus
        # The package enables its own server (port 9090, for every boot); this one runs instead.
        as_root systemctl disable --now prometheus >/dev/null 2>&1 || true
        PROMETHEUS_BIN=$(find_cmd prometheus || true)
    fi
    [[ -n $PROMETHEUS_BIN ]] || die "Prometheus is needed: install the package 'prometheus' (Debian/Ubuntu: sudo apt-get install --no-install-recommends prometheus) or put a prometheus binary on the PATH"
}

prometheus_pid() {
    local pid
    [[ -f $RUN_DIR/prometheus.pid ]] || return 1
    pid=$(<"$RUN_DIR/prometheus.pid")
    if pid_is "$pid" "$PROMETHEUS_DIR/prometheus.yml"; then printf '%s\n' "$pid"; else return 1; fi
}

prometheus_port() { cat "$PROMETHEUS_DIR/port" 2>/dev/null || printf '%s\n' "$DEFAULT_PROMETHEUS_PORT"; }

# The job of deploy/observability/prometheus-local.yml, with the ports of this instance and one
# target per instance when services run replicated.
write_prometheus_config() {
    local port=$1 file="$PROMETHEUS_DIR/prometheus.yml" svc
    mkdir -p "$PROMETHEUS_DIR"
    {
        printf '# Written by ./cinemates prometheus for the instance in %s (rewritten at every start).\n' "$STATE_DIR"
        printf '# The same job as deploy/observability/prometheus-local.yml, on this instance'"'"'s ports.\n'
        printf 'global:\n  scrape_interval: 15s\n  scrape_timeout: 10s\n  evaluation_interval: 15s\n\n'
        printf 'scrape_configs:\n  - job_name: cinemates\n    metrics_path: /actuator/prometheus\n    static_configs:\n'
        for svc in $(enabled_services); do
            printf '      - targets: ["127.0.0.1:%s"]\n        labels:\n          service: %s\n' \
                "$(svc_port "$svc")" "$(svc_base "$svc")"
        done
        printf '\n  - job_name: prometheus\n    static_configs:\n      - targets: ["127.0.0.1:%s"]\n' "$port"
    } >"$file.tmp"
    mv -f "$file.tmp" "$file"
}

prometheus_answers() {
    curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/-/ready" 2>/dev/null
}

# "N/M up": how many of the Cinemates targets answered their last scrape.
prometheus_targets() {
    local answer total up
    answer=$(curl -fsS --max-time 5 "http://127.0.0.1:$1/api/v1/targets?state=active" 2>/dev/null) || return 1
    total=$(grep -o '"scrapePool":"cinemates"' <<<"$answer" | wc -l)
    up=$(grep -o '"scrapePool":"cinemates"[^{}]*"health":"up"' <<<"$answer" | wc -l)
    printf '%s/%s up\n' "$up" "$total"
}

start_prometheus() {
    local port=$1 pid log="$LOG_DIR/prometheus.log" i
    mkdir -p "$PROMETHEUS_DIR/data" "$RUN_DIR" "$LOG_DIR"
    write_prometheus_config "$port"
    if pid=$(prometheus_pid); then
        [[ $(prometheus_port) == "$port" ]] ||
            die "Prometheus already runs for this instance on port $(prometheus_port): ./cinemates stop prometheus first"
        info "Prometheus (pid $pid) reloads its configuration"
        kill -HUP "$pid"
    else
        port_in_use "$port" && die "port $port is taken by another program; choose another with --port"
        printf '%s\n' "$port" >"$PROMETHEUS_DIR/port"
        keep_last_log "$log"
        info "starting Prometheus on 127.0.0.1:$port"
        local detach=()
        have setsid && detach=(setsid)
        (
            exec 9>&- # the state folder's lock stays with this script
            # shellcheck disable=SC2016 # expanded by the inner bash
            exec "${detach[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$RUN_DIR/prometheus.pid" \
                "$PROMETHEUS_BIN" --config.file="$PROMETHEUS_DIR/prometheus.yml" \
                --storage.tsdb.path="$PROMETHEUS_DIR/data" --web.listen-address="127.0.0.1:$port" \
                </dev/null >>"$log" 2>&1
        ) &
    fi
    for ((i = 0; i < 60; i++)); do
        if prometheus_answers "$port"; then
            info "Prometheus answers on http://127.0.0.1:$port (targets: /targets; configuration: $PROMETHEUS_DIR/prometheus.yml)"
            return 0
        fi
        if ((i > 5)) && ! prometheus_pid >/dev/null; then break; fi
        sleep 0.5
    done
    tail -n 20 "$log" >&2 2>/dev/null || true
    die "Prometheus did not come up (log: $log)"
}

stop_prometheus() {
    local pid
    if pid=$(prometheus_pid); then
        info "stopping Prometheus (pid $pid)"
        terminate_pids "$pid"
    fi
    rm -f "$RUN_DIR/prometheus.pid"
}

# Starts Prometheus beside a running instance, scraping every service instance on its port; run
# again, it reloads its configuration. `down` (or `stop prometheus`) stops it.
cmd_prometheus() {
    local port=""
    while (($# > 0)); do
        case $1 in
            --port)
                (($# >= 2)) || die "--port needs a number"
                port=$2
                shift 2
                ;;
            --port=*) port=${1#--port=}; shift ;;
            *) die "usage: ./cinemates prometheus [--port N] (default $DEFAULT_PROMETHEUS_PORT)" ;;
        esac
    done
    take_lock
    load_settings || die "Cinemates has not been started in $STATE_DIR yet: run ./cinemates up first"
    [[ -z $port ]] || validate_port "--port" "$port"
    anything_running || die "nothing is running in $STATE_DIR: run ./cinemates up first"
    ensure_curl
    ensure_prometheus
    if [[ -z $port ]]; then
        if prometheus_pid >/dev/null; then port=$(prometheus_port); else port=$DEFAULT_PROMETHEUS_PORT; fi
    fi
    start_prometheus "$port"
}

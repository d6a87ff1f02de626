# shellcheck shell=bash
# nginx in front: the rendered configuration, start, reload and stop.

nginx_pid() {
    local pid
    [[ -f $NGINX_DIR/nginx.pid ]] || return 1
    pid=$(<"$NGINX_DIR/nginx.pid")
    if pid_is "$pid" nginx; then printf '%s\n' "$pid"; else return 1; fi
}

nginx_probe_host() {
    case ${CINEMATES_LISTEN_ADDRESS:-$DEFAULT_LISTEN_ADDRESS} in
        0.0.0.0 | '*' | '[::]' | '') printf '127.0.0.1\n' ;;
        *) printf '%s\n' "$CINEMATES_LISTEN_ADDRESS" ;;
    esac
}

nginx_answers() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$(nginx_probe_host):${CINEMATES_HTTP_PORT:-$DEFAULT_HTTP_PORT}/" 2>/dev/null || true)
    [[ -n $code && $code != 000 ]]
}

# Replaces ${NAME} by its value for each NAME=VALUE given, and nothing else.
render_template() {
    local source=$1 target=$2 text pair name value pattern
    shift 2
    text=$(<"$source")
    for pair in "$@"; do
        name=${pair%%=*}
        value=${pair#*=}
        pattern="\${$name}"
        text=${text//"$pattern"/"$value"}
    done
    if [[ $text =~ \$\{(CINEMATES_[A-Za-z0-9_]+)\} ]]; then
        die "$source uses \${${BASH_REMATCH[1]}}, which ./cinemates does not set"
    fi
    printf '%s\n' "$text" >"$target.tmp"
    mv -f "$target.tmp" "$target"
}

# The static site: the built web app when there is one, else the placeholder page.
web_root() {
    if [[ -n ${CINEMATES_WEB_ROOT:-} ]]; then
        printf '%s\n' "$CINEMATES_WEB_ROOT"
    elif [[ -f $ROOT/frontend/dist/index.html ]]; then
        printf '%s\n' "$ROOT/frontend/dist"
    else
        printf '%s\n' "$ROOT/edge/www"
    fi
}

retry_after_for() { # seconds until a request is allowed again at a rate like 10r/m
    local n=${1%%r/*} unit=${1##*/}
    ((n > 0)) || n=1
    if [[ $unit == m ]]; then printf '%s\n' $(((60 + n - 1) / n)); else printf '1\n'; fi
}

as_worker() { # run a check as nginx's worker user
    if have runuser; then
        runuser -u "$NGINX_WORKER_USER" -- "$@" 2>/dev/null
    elif have setpriv; then
        setpriv --reuid="$NGINX_WORKER_USER" --regid="$NGINX_WORKER_GROUP" --clear-groups "$@" 2>/dev/null
    else
        return 0
    fi
}

nginx_version_at_least() { # the installed nginx is at least this version
    local have_version
    have_version=$("$NGINX_BIN" -v 2>&1 | sed -n 's#.*nginx/\([0-9.]*\).*#\1#p')
    [[ -n $have_version ]] && [[ $(printf '%s\n%s\n' "$1" "$have_version" | sort -V | head -n 1) == "$1" ]]
}

nginx_cli() { # nginx with this instance's prefix and configuration
    local args=(-p "$NGINX_DIR/" -c "$NGINX_DIR/conf/nginx.conf")
    # -e: log start-up problems to our error log, not the distribution's (nginx 1.19.5+).
    nginx_version_at_least 1.19.5 && args+=(-e "$NGINX_DIR/logs/error.log")
    "$NGINX_BIN" "${args[@]}" "$@"
}

# Renders the configuration for this instance and checks it with nginx -t.
#
# As root, nginx's master keeps root but its workers run as nobody: they must be able to write
# the temp and cache folders and read the static files. When the state folder or the web root
# is not reachable for nobody (a repository under a private home folder), they are set up in a
# private runtime folder under the system's temporary folder instead.
# host:port of a service's upstream; with replicas, the first instance's, followed by a server line
# for each other instance (the template has one `server ...;` line per upstream).
upstream_servers() {
    local svc first=1 text=""
    for svc in $(svc_instances "$1"); do
        if ((first)); then
            text="127.0.0.1:$(svc_port "$svc")"
            first=0
        else
            text+=$';\n    server '"127.0.0.1:$(svc_port "$svc")"
        fi
    done
    printf '%s' "$text"
}

render_nginx() {
    local runtime web docs mime user_line="" conf_dir="$NGINX_DIR/conf"
    mkdir -p "$conf_dir" "$NGINX_DIR/logs"
    runtime=$NGINX_DIR
    web=$(web_root)
    docs="$ROOT/edge/nginx/docs"
    if is_root; then
        NGINX_WORKER_USER=nobody
        NGINX_WORKER_GROUP=$(id -gn nobody 2>/dev/null || echo nogroup)
        user_line="user $NGINX_WORKER_USER $NGINX_WORKER_GROUP;"
        if ! as_worker test -x "$NGINX_DIR"; then
            if [[ -f $NGINX_DIR/runtime-dir && -d $(<"$NGINX_DIR/runtime-dir") ]]; then
                runtime=$(<"$NGINX_DIR/runtime-dir")
            else
                runtime=$(mktemp -d -t cinemates-nginx.XXXXXXXX)
                printf '%s\n' "$runtime" >"$NGINX_DIR/runtime-dir"
            fi
            chmod 755 "$runtime"
        fi
        if ! as_worker test -r "$web/index.html"; then
            rm -rf "$runtime/www"
            cp -R "$web" "$runtime/www"
            chmod -R a+rX "$runtime/www"
            web="$runtime/www"
        fi
        if ! as_worker test -r "$docs/index.html"; then
            rm -rf "$runtime/docs"
            cp -R "$docs" "$runtime/docs"
            chmod -R a+rX "$runtime/docs"
            docs="$runtime/docs"
        fi
    fi
    mkdir -p "$runtime/temp/client_body" "$runtime/temp/proxy" "$runtime/temp/fastcgi" \
        "$runtime/temp/uwsgi" "$runtime/temp/scgi" "$runtime/cache"
    if is_root; then
        chown -R "$NGINX_WORKER_USER:$NGINX_WORKER_GROUP" "$runtime/temp" "$runtime/cache"
    fi

    render_template "$TEMPLATE" "$conf_dir/cinemates.conf" \
        "CINEMATES_LISTEN=${CINEMATES_LISTEN_ADDRESS:-$DEFAULT_LISTEN_ADDRESS}:$CINEMATES_HTTP_PORT" \
        "CINEMATES_USERS_UPSTREAM=127.0.0.1:$(svc_port user-service)" \
        "CINEMATES_MOVIES_UPSTREAM=127.0.0.1:$(svc_port movie-service)" \
        "CINEMATES_ACTIVITIES_UPSTREAM=$(upstream_servers activity-service)" \
        "CINEMATES_PREFERENCES_UPSTREAM=$(upstream_servers preference-service)" \
        "CINEMATES_AUTH_RATE=$CINEMATES_AUTH_RATE" \
        "CINEMATES_AUTH_BURST=$CINEMATES_AUTH_BURST" \
        "CINEMATES_AUTH_RETRY_AFTER=$(retry_after_for "$CINEMATES_AUTH_RATE")" \
        "CINEMATES_API_RATE=$CINEMATES_API_RATE" \
        "CINEMATES_API_BURST=$CINEMATES_API_BURST" \
        "CINEMATES_API_RETRY_AFTER=$(retry_after_for "$CINEMATES_API_RATE")" \
        "CINEMATES_WEB_ROOT=$web" \
        "CINEMATES_CACHE_DIR=$runtime/cache" \
        "CINEMATES_ACCESS_LOG=$NGINX_DIR/logs/access.log" \
        "CINEMATES_NGINX_SNIPPETS=$SNIPPETS" \
        "CINEMATES_NGINX_DOCS=$docs" \
        "CINEMATES_TRUSTED_PROXIES=${CINEMATES_TRUSTED_PROXIES:-unix:}" \
        "CINEMATES_REAL_IP_HEADER=${CINEMATES_REAL_IP_HEADER:-X-Forwarded-For}" \
        "CINEMATES_HSTS=${CINEMATES_HSTS:-on}"

    mime="$(dirname "$("$NGINX_BIN" -V 2>&1 | sed -n 's/.*--conf-path=\([^ ]*\).*/\1/p')")/mime.types"
    if [[ ! -f $mime ]]; then
        mime="$conf_dir/mime.types"
        cat >"$mime" <<'EOF'
types {
    text/html                  html htm;
    text/css                   css;
    text/plain                 txt;
    application/javascript     js mjs;
    application/json           json map;
    application/manifest+json  webmanifest;
    image/svg+xml              svg svgz;
    image/png                  png;
    image/jpeg                 jpeg jpg;
    image/gif                  gif;
    image/webp                 webp;
    image/x-icon               ico;
    font/woff                  woff;
    font/woff2                 woff2;
}
EOF
    fi

    cat >"$conf_dir/nginx.conf.tmp" <<EOF
# nginx main context for a local Cinemates instance, written by ./cinemates at every start;
# the site itself is edge/nginx/templates/cinemates.conf.template, rendered beside this file.
$user_line
worker_processes auto;
pid "$NGINX_DIR/nginx.pid";
error_log "$NGINX_DIR/logs/error.log" warn;

events {
    worker_connections 4096;
}

http {
    include "$mime";
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;

    client_body_temp_path "$runtime/temp/client_body";
    proxy_temp_path "$runtime/temp/proxy";
    fastcgi_temp_path "$runtime/temp/fastcgi";
    uwsgi_temp_path "$runtime/temp/uwsgi";
    scgi_temp_path "$runtime/temp/scgi";

    include "$conf_dir/cinemates.conf";
}
EOF
    mv -f "$conf_dir/nginx.conf.tmp" "$conf_dir/nginx.conf"

    local check
    if ! check=$(nginx_cli -t 2>&1); then
        printf '%s\n' "$check" >&2
        die "the nginx configuration does not pass nginx -t ($conf_dir/nginx.conf)"
    fi
}

start_nginx() {
    local pid out
    if ! nginx_pid >/dev/null; then
        # A new nginx starts new logs, as the services do: the access log takes a line of about
        # 400 bytes per request.
        keep_last_log "$NGINX_DIR/logs/access.log"
        keep_last_log "$NGINX_DIR/logs/error.log"
    fi
    render_nginx
    if pid=$(nginx_pid); then
        info "reloading nginx (pid $pid) on port $CINEMATES_HTTP_PORT"
        nginx_cli -s reload || die "nginx did not accept the new configuration"
        return 0
    fi
    rm -f "$NGINX_DIR/nginx.pid"
    if port_in_use "$CINEMATES_HTTP_PORT"; then
        die "port $CINEMATES_HTTP_PORT is taken by another program; choose another with --port (after ./cinemates down)"
    fi
    info "starting nginx on ${CINEMATES_LISTEN_ADDRESS}:$CINEMATES_HTTP_PORT"
    # 9>&-: the daemon must not keep the state folder's lock.
    if ! out=$(nginx_cli 2>&1 9>&-); then
        printf '%s\n' "$out" >&2
        die "nginx did not start (see $NGINX_DIR/logs/error.log)"
    fi
}

stop_nginx() {
    local pid children waited=0
    if pid=$(nginx_pid); then
        info "stopping nginx (pid $pid)"
        children=$(pgrep -P "$pid" 2>/dev/null || true)
        # QUIT lets workers finish the requests they are serving.
        kill -QUIT "$pid" 2>/dev/null || true
        while alive "$pid" && ((waited < 20)); do
            sleep 0.5
            waited=$((waited + 1))
        done
        if alive "$pid"; then
            warn "nginx did not stop gracefully; terminating it"
            # shellcheck disable=SC2086 # one pid per word
            terminate_pids "$pid" $children
        fi
    fi
    rm -f "$NGINX_DIR/nginx.pid"
    if [[ -f $NGINX_DIR/runtime-dir ]]; then
        local runtime
        runtime=$(<"$NGINX_DIR/runtime-dir")
        [[ $runtime == */cinemates-nginx.* && -d $runtime ]] && rm -rf "$runtime"
        rm -f "$NGINX_DIR/runtime-dir"
    fi
}

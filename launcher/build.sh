# shellcheck shell=bash
# Building what changed: the service jars (Maven) and the web app (npm).

# When a jar was last built: a stamp beside it, touched as its build began. The jar's own time
# cannot tell: a reproducible build gives it the fixed time of project.build.outputTimestamp
# (which keeps its class-data archive valid across an unchanged rebuild).
build_stamp() { printf '%s\n' "$(dirname -- "$1")/.cinemates-built"; }

# Why the jars need building, or nothing when every jar was built after every source and pom
# last changed.
build_reason() {
    local svc jar module sources=("$ROOT/pom.xml") newer stamp
    for module in $(reactor_modules); do
        [[ -d $ROOT/$module/src ]] && sources+=("$ROOT/$module/src")
        [[ -f $ROOT/$module/pom.xml ]] && sources+=("$ROOT/$module/pom.xml")
    done
    for svc in "$@"; do
        jar=$(svc_built_jar "$svc")
        if [[ ! -f $jar ]]; then
            printf '%s is missing\n' "${jar#"$ROOT"/}"
            return 0
        fi
        stamp=$(build_stamp "$jar")
        [[ -f $stamp ]] || stamp=$jar
        newer=$(find "${sources[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null || true)
        if [[ -n $newer ]]; then
            printf '%s changed since the last build\n' "${newer#"$ROOT"/}"
            return 0
        fi
    done
}

# Before a build of these services' jars: a stamp taken before the build reads anything, so a
# source saved while it runs counts as newer than the jar it made.
build_stamps_begin() {
    local svc stamp
    for svc in "$@"; do
        stamp=$(build_stamp "$(svc_built_jar "$svc")")
        mkdir -p "$(dirname -- "$stamp")"
        rm -f "$stamp"
        touch "$stamp.next"
    done
}

# After the build succeeded: its stamps count.
build_stamps_done() {
    local svc stamp
    for svc in "$@"; do
        stamp=$(build_stamp "$(svc_built_jar "$svc")")
        [[ ! -f $stamp.next ]] || mv -f "$stamp.next" "$stamp"
    done
}

build_if_needed() {
    local reason modules svc log started
    reason=$(build_reason "$@")
    [[ -n $reason ]] || return 0
    modules=$(for svc in "$@"; do svc_module "$svc"; done | sort -u | paste -sd, -)
    mkdir -p "$LOG_DIR"
    log="$LOG_DIR/build.log"
    info "building $modules ($reason); log: $log"
    started=$SECONDS
    build_stamps_begin "$@"
    # Formatting and coverage are checked by `./cinemates test`; a local run only needs jars.
    if ! ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
        -pl "$modules" -am package >"$log" 2>&1; then
        grep -E '^\[(ERROR|WARNING)\]' "$log" | head -n 40 >&2 || tail -n 40 "$log" >&2
        die "the build failed (full log: $log)"
    fi
    build_stamps_done "$@"
    info "built in $((SECONDS - started)) s"
}

# --- Web app

FRONTEND="$ROOT/frontend"

has_frontend() { [[ -f $FRONTEND/package.json ]]; }

ensure_node() {
    local major
    if ! have node || ! have npm; then
        die "Node.js 20 or newer with npm is needed to build the web app (frontend/). Install it (https://nodejs.org or your distribution's nodejs and npm) and run again"
    fi
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    ((major >= 20)) || die "Node.js 20 or newer is needed to build the web app, found $(node -v)"
}

# npm packages exactly as package-lock.json says, installed when missing or when the lock changed.
frontend_dependencies() {
    local log="$LOG_DIR/frontend.log"
    mkdir -p "$LOG_DIR"
    if [[ ! -f $FRONTEND/node_modules/.package-lock.json ||
        $FRONTEND/package-lock.json -nt $FRONTEND/node_modules/.package-lock.json ]]; then
        info "installing the web app's npm packages (npm ci); log: $log"
        (cd "$FRONTEND" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1 ||
            { tail -n 30 "$log" >&2; die "npm ci failed (full log: $log)"; }
    fi
}

# Builds frontend/dist when it is missing or older than a source of the web app.
build_frontend_if_needed() {
    has_frontend || return 0
    local newer="" log="$LOG_DIR/frontend.log" started=$SECONDS
    if [[ -f $FRONTEND/dist/index.html ]]; then
        newer=$(find "$FRONTEND/src" "$FRONTEND/public" "$FRONTEND/index.html" "$FRONTEND/package.json" \
            "$FRONTEND/package-lock.json" "$FRONTEND"/vite.config.* "$FRONTEND"/tsconfig*.json \
            -newer "$FRONTEND/dist/index.html" -type f -print -quit 2>/dev/null || true)
        [[ -n $newer ]] || return 0
    fi
    if ! have node || ! have npm; then
        warn "Node.js 20+ with npm is not installed: the web app is not built (the API works; install Node.js to get the site)"
        return 0
    fi
    ensure_node
    frontend_dependencies
    info "building the web app${newer:+ (${newer#"$ROOT"/} changed)}; log: $log"
    (cd "$FRONTEND" && npm run build) >>"$log" 2>&1 ||
        { tail -n 30 "$log" >&2; die "the web app did not build (full log: $log)"; }
    info "web app built in $((SECONDS - started)) s"
}

# Debian's Chromium, for the browser journey (playwright-core drives it; it never downloads one).
ensure_chromium() {
    CHROMIUM_BIN=${CINEMATES_CHROMIUM:-}
    if [[ -z $CHROMIUM_BIN ]]; then
        CHROMIUM_BIN=$(find_cmd chromium || find_cmd chromium-browser || true)
    fi
    if [[ -z $CHROMIUM_BIN ]] && can_install_packages; then
        apt_install chromium
        CHROMIUM_BIN=$(find_cmd chromium || true)
    fi
    [[ -n $CHROMIUM_BIN ]] || die "Chromium is needed for the browser journey: install the package 'chromium' (or set CINEMATES_CHROMIUM to a Chromium binary)"
}

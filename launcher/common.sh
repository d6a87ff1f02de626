# shellcheck shell=bash
# Output, small helpers and the tools the launcher needs (installed from Debian packages when allowed).

info() { printf 'cinemates: %s\n' "$*"; }
warn() { printf 'cinemates: warning: %s\n' "$*" >&2; }
die() {
    printf 'cinemates: error: %s\n' "$*" >&2
    exit 1
}

find_cmd() { # a command's path, also looking in sbin folders that a user's PATH may lack
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
        return 0
    fi
    for dir in /usr/sbin /usr/local/sbin /sbin; do
        if [[ -x $dir/$name ]]; then
            printf '%s\n' "$dir/$name"
            return 0
        fi
    done
    return 1
}

have() { find_cmd "$1" >/dev/null; }

keep_last_log() { # a new run starts a new log; the last run's stays as FILE.1
    if [[ -f $1 ]]; then mv -f "$1" "$1.1"; fi
}

is_root() { [[ $(id -u) -eq 0 ]]; }

as_root() { # run a command as root: directly, or through passwordless sudo
    if is_root; then
        "$@"
    elif have sudo && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

can_install_packages() {
    [[ -f /etc/debian_version ]] && have apt-get && { is_root || { have sudo && sudo -n true 2>/dev/null; }; }
}

# Installs Debian packages without questions. A package with a service (nginx) would start the
# distribution's own instance, on port 80; a policy-rc.d answering 101 ("not allowed") prevents
# that. It is put in place only when none exists, and removed afterwards.
apt_install() {
    local policy=/usr/sbin/policy-rc.d created=0 rc=0 log
    mkdir -p "$LOG_DIR"
    log="$LOG_DIR/apt.log"
    if [[ ! -e $policy ]]; then
        if as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"; then
            created=1
        fi
    fi
    local names=() arg
    for arg in "$@"; do [[ $arg == -* ]] || names+=("$arg"); done
    info "installing ${names[*]} from the distribution's packages ..."
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$log" 2>&1; then
        # The package lists may be missing or stale: refresh them once and try again.
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$log" 2>&1 || true
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$log" 2>&1 || rc=$?
    fi
    if ((created)); then
        as_root rm -f "$policy" || warn "could not remove $policy"
    fi
    if ((rc != 0)); then
        tail -n 20 "$log" >&2
        die "could not install $* (full log: $log)"
    fi
}

# Makes sure a command exists, installing its package on Debian/Ubuntu when allowed.
ensure_tool() {
    local cmd=$1 package=$2 why=$3
    have "$cmd" && return 0
    if can_install_packages; then
        apt_install "$package"
        have "$cmd" && return 0
    fi
    die "$cmd is needed $why but is not installed. Install the package '$package' (Debian/Ubuntu: sudo apt-get install $package; Fedora: sudo dnf install $package; macOS: brew install $package) and run again"
}

# The major version of a java launcher (e.g. 17), or nothing.
java_major() {
    local version major release
    release=$(dirname -- "$(readlink -f -- "$(command -v -- "$1")" 2>/dev/null || printf '%s' "$1")")/../release
    if [[ -f $release ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
    fi
    [[ -n ${version:-} ]] || version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    major=${version%%.*}
    [[ $major == 1 ]] && major=$(cut -d. -f2 <<<"$version")
    [[ $major =~ ^[0-9]+$ ]] && printf '%s\n' "$major"
}

# The JDK that builds (JAVA_BIN: JAVA_HOME's, or the java on the PATH) and the one the services
# run on (SERVICE_JAVA_BIN): CINEMATES_SERVICE_JAVA if set, else the newest JDK installed where
# JDKs are installed, when it is 25 or newer (its AOT cache starts a service on about a third less
# CPU than Java 17's class-data sharing, see classdata.sh), else JAVA_BIN.
ensure_java() {
    local java major
    java=${JAVA_HOME:+$JAVA_HOME/bin/}java
    if ! have "$java"; then
        die "Java 17 or newer is needed but 'java' was not found. Install a JDK (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
    fi
    major=$(java_major "$java" || true)
    if [[ -z $major ]] || ((major < 17)); then
        die "Java 17 or newer is needed, found '$("$java" -version 2>&1 | head -n 1)' ($java). Install a JDK 17+ or set JAVA_HOME"
    fi
    JAVA_BIN=$java
    SERVICE_JAVA_BIN=$java
    SERVICE_JAVA_MAJOR=$major
    if [[ -n ${CINEMATES_SERVICE_JAVA:-} ]]; then
        major=$(java_major "$CINEMATES_SERVICE_JAVA" || true)
        [[ -n $major && $major -ge 17 ]] ||
            die "CINEMATES_SERVICE_JAVA must name a java launcher of Java 17 or newer, got '$CINEMATES_SERVICE_JAVA'"
        SERVICE_JAVA_BIN=$CINEMATES_SERVICE_JAVA
        SERVICE_JAVA_MAJOR=$major
        return 0
    fi
    ((SERVICE_JAVA_MAJOR >= 25)) && return 0
    local candidate
    for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
        [[ -x $candidate ]] || continue
        major=$(java_major "$candidate" || true)
        if [[ -n $major ]] && ((major >= 25 && major > SERVICE_JAVA_MAJOR)); then
            SERVICE_JAVA_BIN=$candidate
            SERVICE_JAVA_MAJOR=$major
        fi
    done
}

ensure_nginx() {
    ensure_tool nginx nginx "to serve the site and route the API"
    NGINX_BIN=$(find_cmd nginx)
}

ensure_curl() {
    ensure_tool curl curl "to check that services are ready"
}

service_token() {
    if [[ ! -s $TOKEN_FILE ]]; then
        mkdir -p "$STATE_DIR"
        # 32 random bytes, base64url: the shared secret services present on /internal/**.
        (
            umask 077
            head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$TOKEN_FILE.tmp"
            mv "$TOKEN_FILE.tmp" "$TOKEN_FILE"
        )
    fi
    chmod 600 "$TOKEN_FILE"
    cat "$TOKEN_FILE"
}

# A lock per state folder, so two commands never start or stop the same instance at once.
take_lock() {
    mkdir -p "$STATE_DIR"
    if have flock; then
        exec 9>>"$STATE_DIR/.lock"
        if ! flock -w 600 9; then
            die "another cinemates command is still working on $STATE_DIR"
        fi
    fi
}

port_in_use() { # something accepts connections on 127.0.0.1:PORT
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

validate_port() {
    if ! [[ $2 =~ ^[0-9]+$ ]] || (($2 < 1 || $2 > 65535)); then
        die "$1 must be a port number (1-65535), not '$2'"
    fi
}

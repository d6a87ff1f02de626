# shellcheck shell=bash
# Operator commands against a running instance: admin grant|revoke, keys rotate.

# Grants or revokes the ADMIN role (catalogue edits) through user-service's operator endpoint.
# The member's next token (a refresh or a new login) carries the change.
cmd_admin() {
    local action=${1:-} username=${2:-} method port answer
    case $action in
        grant) method=PUT ;;
        revoke) method=DELETE ;;
        *) die "usage: ./cinemates admin grant|revoke USERNAME" ;;
    esac
    (($# == 2)) || die "usage: ./cinemates admin grant|revoke USERNAME"
    [[ $username =~ ^[A-Za-z0-9_.-]{3,30}$ ]] || die "'$username' is not a username (3-30 of a-z 0-9 _ . -)"
    ensure_curl
    load_settings || true
    svc_pid user-service >/dev/null || die "user-service is not running: ./cinemates up first"
    port=$(svc_port user-service)
    if ! answer=$(curl -sS --max-time 10 -X "$method" -H "X-Service-Token: $(service_token)" \
        -w '\n%{http_code}' "http://127.0.0.1:$port/internal/users/by-username/$username/roles/ADMIN"); then
        die "user-service did not answer on port $port"
    fi
    case ${answer##*$'\n'} in
        200) info "$username: ${answer%$'\n'*}" ;;
        404) die "there is no user named '$username'" ;;
        *) die "user-service answered ${answer##*$'\n'}: ${answer%$'\n'*}" ;;
    esac
    info "the change reaches $username's requests with the next token (refresh or login)"
}

# Rotates the token signing keys: a new key signs from now on; the old one stays published in the
# JWKS until the last token it signed has expired, so nobody is logged out.
cmd_keys() {
    local port answer
    [[ ${1:-} == rotate && $# == 1 ]] || die "usage: ./cinemates keys rotate"
    ensure_curl
    load_settings || true
    svc_pid user-service >/dev/null || die "user-service is not running: ./cinemates up first"
    port=$(svc_port user-service)
    if ! answer=$(curl -sS --max-time 10 -X POST -H "X-Service-Token: $(service_token)" \
        -w '\n%{http_code}' "http://127.0.0.1:$port/internal/keys/rotate"); then
        die "user-service did not answer on port $port"
    fi
    [[ ${answer##*$'\n'} == 2?? ]] || die "user-service answered ${answer##*$'\n'}: ${answer%$'\n'*}"
    info "signing keys rotated: ${answer%$'\n'*}"
}

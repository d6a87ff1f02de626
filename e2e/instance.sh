#!/usr/bin/env bash
# The system the e2e module's journeys run against when Maven runs them on their own
# (`./mvnw verify -Pe2e`): the running instance named by -Dcinemates.e2e.baseUrl (and
# -Dcinemates.e2e.home, its state folder), or else one started here, as `./cinemates test` starts
# its side instances: state folder .cinemates/e2e-maven, nginx on 20080 (+ CINEMATES_TEST_PORT_SHIFT),
# services and the embedded PostgreSQL on their ports + 12000, stopped again afterwards.
#
#   e2e/instance.sh up PROPERTIES-FILE    writes what the journeys need to know, as properties
#   e2e/instance.sh down PROPERTIES-FILE  stops the instance if `up` started it
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SCRIPT="$ROOT/cinemates"
action=${1:?up or down}
properties=${2:?the properties file}
cd "$ROOT"
for part in settings common registry help postgres embedded-postgres services build nginx prometheus \
    lifecycle test operator backup bench; do
    # shellcheck source=/dev/null
    source "$ROOT/launcher/$part.sh"
done

OFFSET=$((12000 + TEST_PORT_SHIFT))
OWN_HOME="$ROOT/.cinemates/e2e-maven"

case $action in
    up)
        base_url=${CINEMATES_E2E_BASE_URL:-}
        home=${CINEMATES_E2E_HOME:-}
        if [[ -z $base_url ]]; then
            home=$OWN_HOME
            base_url="http://127.0.0.1:$((DEFAULT_HTTP_PORT + OFFSET))"
            CINEMATES_HOME="$home" "$SCRIPT" down >/dev/null 2>&1 || true
            rm -rf "$home"
            (
                use_side_instance "$home" "$OFFSET"
                export CINEMATES_AUTH_RATE=300r/m CINEMATES_AUTH_BURST=50 \
                    CINEMATES_API_RATE=500r/s CINEMATES_API_BURST=1000 \
                    CINEMATES_REGISTER_PER_IP=1000/1h CINEMATES_LOGIN_PER_IP=1000/15m \
                    CINEMATES_LOGIN_PER_ACCOUNT=10/15m
                data=()
                if dir=$(movielens_dir); then data=(--data "$dir"); fi
                "$SCRIPT" up --port "$((DEFAULT_HTTP_PORT + OFFSET))" "${data[@]+"${data[@]}"}"
            )
            touch "$home/.started-by-e2e"
        fi
        [[ -n $home && -f $home/settings.env ]] ||
            die "-Dcinemates.e2e.baseUrl needs -Dcinemates.e2e.home: the state folder of that instance"
        token=${CINEMATES_E2E_SERVICE_TOKEN:-}
        [[ -n $token ]] || token=$(<"$home/service-token")
        replicas=$(sed -n 's/^CINEMATES_REPLICAS=//p' "$home/settings.env")
        mkdir -p "$(dirname -- "$properties")"
        {
            printf 'cinemates.e2e.baseUrl=%s\n' "$base_url"
            printf 'cinemates.e2e.home=%s\n' "$home"
            printf 'cinemates.e2e.serviceToken=%s\n' "$token"
            printf 'cinemates.e2e.replicas=%s\n' "${replicas:-1}"
        } >"$properties"
        info "end-to-end journeys against $base_url (state $home)"
        ;;
    down)
        if [[ -f $OWN_HOME/.started-by-e2e ]]; then
            CINEMATES_HOME="$OWN_HOME" "$SCRIPT" down
            rm -f "$OWN_HOME/.started-by-e2e"
        fi
        ;;
    *) die "usage: e2e/instance.sh up|down PROPERTIES-FILE" ;;
esac

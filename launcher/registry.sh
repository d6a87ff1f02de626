# shellcheck shell=bash
# The services: their registry, the Maven modules that build them, their instances and ports.

# One line per service: name, Maven module folder, default port, environment prefix, heap
# ceiling. A service runs once its module is part of the Maven build (listed in the root
# pom.xml); its jar is <module>/target/<name>.jar. nginx routes each prefix
# (edge/nginx/templates). The heap ceiling applies unless CINEMATES_JAVA_OPTS sets one; a heap
# starts small and is given back (DEFAULT_JAVA_OPTS), so a ceiling costs a quiet instance nothing.
# preference-service retrains the recommender beside its requests: on ml-latest-small its heap
# reached 670 MB under the mixed load of ./cinemates bench, where 512 MB ended the JVM.
SERVICE_REGISTRY=(
    "user-service        user-service        8081  USERS        512m"
    "movie-service       movie-service       8082  MOVIES       512m"
    "activity-service    activity-service    8083  ACTIVITIES   512m"
    "preference-service  preference-service  8084  PREFERENCES  1g"
)

# Module names of the root pom.xml, leaving out commented-out ones.
reactor_modules() {
    local text out="" rest
    text=$(<"$ROOT/pom.xml")
    while [[ $text == *'<!--'* ]]; do
        out+=${text%%'<!--'*}
        rest=${text#*'<!--'}
        if [[ $rest == *'-->'* ]]; then text=${rest#*'-->'}; else text=""; fi
    done
    out+=$text
    grep -o '<module>[^<]*</module>' <<<"$out" | sed 's#<module>\(.*\)</module>#\1#' || true
}

in_reactor() {
    reactor_modules | grep -x -- "$1" >/dev/null
}

registry_line() { # registry line of a service name
    local line name
    for line in "${SERVICE_REGISTRY[@]}"; do
        read -r name _ <<<"$line"
        if [[ $name == "$1" ]]; then
            printf '%s\n' "$line"
            return 0
        fi
    done
    return 1
}

# A replica of a service is named after it with its number: activity-service-2 is the second
# instance of activity-service, on the service's port + 100.
svc_base() {
    if [[ $1 =~ ^(.+)-([2-9])$ ]] && registry_line "${BASH_REMATCH[1]}" >/dev/null; then
        printf '%s\n' "${BASH_REMATCH[1]}"
    else
        printf '%s\n' "$1"
    fi
}
svc_instance() {
    if [[ $(svc_base "$1") != "$1" ]]; then printf '%s\n' "${1##*-}"; else printf '1\n'; fi
}
registry_field() { # instance field-number (2: module, 3: default port, 4: prefix, 5: heap ceiling)
    local l
    local -a fields
    l=$(registry_line "$(svc_base "$1")") || return 1
    read -ra fields <<<"$l"
    printf '%s\n' "${fields[$2 - 1]}"
}
svc_module() { registry_field "$1" 2; }
svc_default_port() { registry_field "$1" 3; }
svc_prefix() { registry_field "$1" 4; }
svc_max_heap() { registry_field "$1" 5; }

svc_port() { # the instance's port in the current settings
    local var
    var="CINEMATES_$(svc_prefix "$1")_PORT"
    printf '%s\n' $((${!var:-$(svc_default_port "$1")} + 100 * ($(svc_instance "$1") - 1)))
}

# The services that can run as several instances behind nginx (--replicas): they keep no state
# an instance must own alone.
REPLICATED_SERVICES=(activity-service preference-service)
MAX_REPLICAS=9

is_replicated() {
    local svc
    for svc in "${REPLICATED_SERVICES[@]}"; do [[ $svc == "$1" ]] && return 0; done
    return 1
}

registry_services() { # the service names, one instance each
    local line name
    for line in "${SERVICE_REGISTRY[@]}"; do
        read -r name _ <<<"$line"
        printf '%s\n' "$name"
    done
}

all_services() { # every instance that could be running: services and any replica
    local svc n
    for svc in $(registry_services); do
        printf '%s\n' "$svc"
        if is_replicated "$svc"; then
            for ((n = 2; n <= MAX_REPLICAS; n++)); do printf '%s-%s\n' "$svc" "$n"; done
        fi
    done
}

# The instances of one service in the current settings.
svc_instances() {
    local n replicas=1
    is_replicated "$1" && replicas=${CINEMATES_REPLICAS:-1}
    printf '%s\n' "$1"
    for ((n = 2; n <= replicas; n++)); do printf '%s-%s\n' "$1" "$n"; done
}

# The services that are part of this build.
enabled_services() {
    local modules line name module
    modules=$(reactor_modules)
    for line in "${SERVICE_REGISTRY[@]}"; do
        read -r name module _ <<<"$line"
        if grep -qx -- "$module" <<<"$modules"; then
            svc_instances "$name"
        fi
    done
}

require_service() { # a service name the user typed
    local svc=$1
    [[ $svc == nginx || $svc == prometheus ]] && return 0
    if ! registry_line "$(svc_base "$svc")" >/dev/null; then
        die "unknown service '$svc' (services: $(enabled_services | tr '\n' ' ')nginx, prometheus)"
    fi
    if ! enabled_services | grep -x -- "$svc" >/dev/null; then
        if [[ $(svc_base "$svc") != "$svc" ]]; then
            die "$svc is not one of the instances of this run (see --replicas)"
        fi
        die "$svc is not part of this build yet (its module is not in pom.xml)"
    fi
}

# What `stop NAME` and `start NAME` act on: nginx, one instance (activity-service-2), or a
# service with all its instances.
named_instances() {
    if [[ $1 == nginx || $(svc_base "$1") != "$1" ]]; then
        printf '%s\n' "$1"
    else
        svc_instances "$1"
    fi
}

svc_built_jar() { printf '%s\n' "$ROOT/$(svc_module "$1")/target/$(svc_base "$1").jar"; }
# Services run from a copy of their jar, so a rebuild (or a clean) never pulls the jar out from
# under a running JVM.
svc_run_jar() { printf '%s\n' "$RUN_DIR/$1.jar"; }
svc_pid_file() { printf '%s\n' "$RUN_DIR/$1.pid"; }
svc_log() { printf '%s\n' "$LOG_DIR/$1.log"; }

# shellcheck shell=bash
# The training run: on Java 25 or newer, each service's AOT cache (classdata.sh) holds the classes
# and method profiles of the run that recorded it, and the JIT starts from those profiles. A run
# that only started and imported teaches it nothing about answering requests: measured on a
# 2-core machine, the mixed load of `bench mixed` then made 354 req/s on average over its first
# minute, against 611 after this training run. So before the first start of a new build, a
# throwaway instance (its own state folder, ports shifted by TRAINING_PORT_OFFSET, the embedded
# PostgreSQL and the sample catalogue) records while a few members use the app's pages; once it
# stops, the caches are made and every start of the build maps them. CINEMATES_TRAINING=off skips
# it (a start then records as before).

TRAINING_PORT_OFFSET=30000
TRAINING_MEMBERS=4
# How long the members use the app, at most (seconds).
TRAINING_SECONDS=${CINEMATES_TRAINING_SECONDS:-45}

# Whether a start of any of these services would record its cache (none made, being made or
# given up on for its build and these JVM options).
training_wanted() { # service...
    [[ ${CINEMATES_TRAINING:-on} != off && ${CINEMATES_CLASS_DATA:-on} != off ]] || return 1
    ((SERVICE_JAVA_MAJOR >= 25)) || return 1
    local svc folder fingerprint
    fingerprint=$(class_data_jvm_fingerprint)
    for svc in "$@"; do
        [[ -f $(svc_built_jar "$svc") ]] || continue
        folder=$(class_data_folder "$(svc_base "$svc")" "$(training_jar_digest "$svc")" "$fingerprint")
        [[ -d $folder ]] && class_data_adopt_archives "$folder"
        if [[ ! -e $folder/app.aot && ! -e $folder/app.aotconf && ! -e $folder/aot.failed ]] &&
            ! compgen -G "$folder/*.aotconf.part" >/dev/null; then
            return 0
        fi
    done
    return 1
}

# The jar digest class_data_arguments names the build's folder by: the one kept beside the service's
# running copy while that copy is of the built jar (no need to read 60 MB again on every start).
training_jar_digest() { # service
    local built run
    built=$(svc_built_jar "$1")
    run=$(svc_run_jar "$1")
    if [[ -s $run.sha256 && -f $run.built && ! $run -nt $run.sha256 &&
        $(<"$run.built") == "$(stat -c '%s %i %Z' "$built")" ]]; then
        cat "$run.sha256"
    else
        sha256sum "$built" | cut -c1-16
    fi
}

# Runs the training instance and waits (at most 3 minutes) for the caches its services recorded.
# Never fails the start it precedes: without a cache, a start records as it would have anyway.
train_class_data() {
    local home="$STATE_DIR/training" port=$((DEFAULT_HTTP_PORT + TRAINING_PORT_OFFSET)) log="$LOG_DIR/training.log" started=$SECONDS
    info "training run: a throwaway instance serves a few members for up to ${TRAINING_SECONDS} s, so that this build's class-data caches know the request paths (log: $log; CINEMATES_TRAINING=off skips it)"
    mkdir -p "$LOG_DIR"
    CINEMATES_HOME="$home" "$SCRIPT" down >/dev/null 2>&1 || true
    rm -rf -- "$home"
    if (
        use_side_instance "$home" "$TRAINING_PORT_OFFSET"
        export CINEMATES_TRAINING=off CINEMATES_API_RATE=100000r/s CINEMATES_API_BURST=100000 \
            CINEMATES_AUTH_RATE=600r/m CINEMATES_AUTH_BURST=100 \
            CINEMATES_REGISTER_PER_IP=1000/1h CINEMATES_LOGIN_PER_IP=1000/15m
        unset CINEMATES_CATALOGUE_DIR CINEMATES_DB_PREFIX CINEMATES_REDIS_KEYPREFIX
        "$SCRIPT" up --port "$port" --no-build
    ) >"$log" 2>&1; then
        training_visits "http://127.0.0.1:$port" "$home" >>"$log" 2>&1 || warn "the training visits failed (see $log)"
    else
        warn "the training instance did not come up (see $log); this start records its caches itself"
    fi
    CINEMATES_HOME="$home" "$SCRIPT" down >>"$log" 2>&1 || warn "could not stop the training instance in $home"
    local _
    for _ in $(seq 1 180); do
        compgen -G "$CLASS_DATA_DIR/*/app.aotconf" >/dev/null || break
        sleep 1
    done
    rm -rf -- "$home"
    info "training run done in $((SECONDS - started)) s"
}

# The options of one member's requests in a curl configuration: their token, JSON bodies, and the
# status of each answer on its own line.
training_group() { # access-token
    printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\nwrite-out = "%%{response_code}\\n"\n' "$1"
}

# TRAINING_MEMBERS members register, rate popular movies and befriend each other in a ring; then
# they go round the app's pages (movies, search, summaries, feed, home, recommendations, ratings,
# watchlist, lists, diary, notifications) until TRAINING_SECONDS have passed.
training_visits() { # base-url state-folder
    local base=$1 folder=$2 started=$SECONDS i next jar xsrf name password answer movies=() ids=() tokens=() config
    folder="$folder/training"
    mkdir -p "$folder"
    mapfile -t movies < <(curl -fsS "$base/api/movies?sort=popularity&size=40" | grep -o '"id":[0-9]*' | cut -d: -f2)
    ((${#movies[@]} >= 12)) || {
        printf 'training: the catalogue gave %s movies\n' "${#movies[@]}"
        return 1
    }
    for i in $(seq 0 $((TRAINING_MEMBERS - 1))); do
        jar="$folder/cookies-$i.txt"
        name="training_$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')_$i"
        password="Training-$(head -c 18 /dev/urandom | base64 | tr -d '/+=\n')"
        curl -fsS -c "$jar" -o /dev/null "$base/api/auth/csrf" || return 1
        xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar" | tail -n 1)
        answer=$(curl -fsS -b "$jar" -c "$jar" -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $xsrf" \
            -d "{\"username\":\"$name\",\"email\":\"$name@example.com\",\"password\":\"$password\"}" \
            "$base/api/auth/register") || return 1
        ids+=("$(grep -o '"id" *: *[0-9]*' <<<"$answer" | head -n 1 | grep -o '[0-9]*$')")
        answer=$(curl -fsS -H 'Content-Type: application/json' -d "{\"login\":\"$name\",\"password\":\"$password\"}" \
            "$base/api/auth/login") || return 1
        tokens+=("$(sed -n 's/.*"accessToken" *: *"\([^"]*\)".*/\1/p' <<<"$answer")")
    done
    for i in "${!tokens[@]}"; do
        config="$folder/writes-$i.curl"
        {
            training_group "${tokens[$i]}"
            for ((m = i; m < ${#movies[@]}; m += 2)); do
                printf 'url = "%s/api/preferences/ratings/%s"\nrequest = "PUT"\ndata = "{\\"score\\": %s}"\noutput = "/dev/null"\n' \
                    "$base" "${movies[$m]}" "$(((m * 7 + i) % 10 / 2 + 1))"
                printf 'next\n'
                training_group "${tokens[$i]}"
            done
            next=$(((i + 1) % ${#tokens[@]}))
            printf 'url = "%s/api/users/me/friend-requests"\ndata = "{\\"userId\\": %s}"\noutput = "/dev/null"\n' "$base" "${ids[$next]}"
            printf 'next\n'
            training_group "${tokens[$next]}"
            printf 'url = "%s/api/users/me/friend-requests"\ndata = "{\\"userId\\": %s}"\noutput = "/dev/null"\n' "$base" "${ids[$i]}"
            printf 'next\n'
            training_group "${tokens[$i]}"
            printf 'url = "%s/api/preferences/watchlist/%s"\nrequest = "PUT"\noutput = "/dev/null"\n' "$base" "${movies[$(((i + 20) % ${#movies[@]}))]}"
        } >"$config"
        curl -sS -K "$config" >>"$folder/statuses" || true
    done
    # The pages, each member's in turn, eight requests at a time.
    config="$folder/reads.curl"
    {
        for i in "${!tokens[@]}"; do
            ((i == 0)) || printf 'next\n'
            training_group "${tokens[$i]}"
            for path in /api/users/me /api/activities/feed /api/preferences/home /api/preferences/recommendations \
                /api/preferences/ratings /api/preferences/watchlist /api/preferences/lists /api/preferences/diary \
                /api/activities/notifications /api/users/me/friends "/api/movies?q=star" "/api/activities/users/${ids[$i]}"; do
                printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "$path"
            done
            for ((m = i; m < ${#movies[@]}; m += 4)); do
                printf 'url = "%s/api/movies/%s"\noutput = "/dev/null"\n' "$base" "${movies[$m]}"
                printf 'url = "%s/api/preferences/movies/%s/summary"\noutput = "/dev/null"\n' "$base" "${movies[$m]}"
            done
        done
        # And what a visitor without an account sees.
        printf 'next\nwrite-out = "%%{response_code}\\n"\nurl = "%s/api/movies?q=the&page=1"\noutput = "/dev/null"\n' "$base"
        printf 'url = "%s/api/movies/genres"\noutput = "/dev/null"\n' "$base"
    } >"$config"
    local rounds=0
    while ((SECONDS - started < TRAINING_SECONDS)); do
        curl -sS --no-progress-meter --parallel --parallel-max 8 -K "$config" >>"$folder/statuses" || true
        rounds=$((rounds + 1))
    done
    printf 'training: %s members, %s rounds of %s requests in %s s; answers by status:\n' \
        "${#tokens[@]}" "$rounds" "$(grep -c '^url' "$config")" "$((SECONDS - started))"
    sort "$folder/statuses" | uniq -c
}

# shellcheck shell=bash
# Class-data sharing: a service runs from its jar extracted by Spring Boot
# (`java -Djarmode=tools -jar X.jar extract`), with what the JVM learned the first time it ran that
# build, so that later starts skip parsing, verifying and linking the same classes again.
#
# - On Java 25 or newer, the JVM's AOT cache (-XX:AOTCache): the classes loaded and linked, and the
#   method profiles of the run it was recorded in, so the JIT compilers start from them. The first
#   run of a build records (-XX:AOTMode=record, written when the service stops gracefully); the
#   cache is made from the recording in the background at the lowest priority, once the service
#   has stopped (`down`, `stop`) or at the next start (-XX:AOTMode=create), and used from then on.
#   A movie-service start then takes about 9 CPU-seconds, against 13 on Java 17 with an archive
#   and 18 on Java 17 without.
# - On Java 17 to 24, an archive of the classes it loaded (AppCDS: -XX:ArchiveClassesAtExit, then
#   -XX:SharedArchiveFile), written when the service stops gracefully.
#
# The extracted folders live in .cinemates/class-data/, one per jar and JDK (their fingerprints
# name it), so a rebuilt jar or another JDK never meets an archive made for something else, and
# every instance of this checkout (the test instances too) shares them. A JVM writes under a name
# of its own (<pid>.jsa.part, <pid>.aotconf.part), taken as the folder's by a later start or stop.
# (A JVM killed while writing leaves an incomplete file: each is checked before it is used.)
# CINEMATES_CLASS_DATA=off runs the jars as they are.

CLASS_DATA_DIR="$ROOT/.cinemates/class-data"
# How many extracted builds of a service are kept (older ones are removed unless still running).
CLASS_DATA_KEEP=2

# The JDK's fingerprint: a new JDK (even the same version rebuilt) must not read older archives.
# An AOT cache also holds only for the options it was made with (the garbage collector, object
# headers...), so on Java 25 or newer they are part of it.
class_data_jvm_fingerprint() {
    local java options=""
    java=$(readlink -f "$(command -v "$SERVICE_JAVA_BIN")" 2>/dev/null || printf '%s' "$SERVICE_JAVA_BIN")
    ((SERVICE_JAVA_MAJOR >= 25)) && options=${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}
    { stat -Lc '%n %s %Y' "$java" "$(dirname "$java")/../lib/server/libjvm.so" 2>/dev/null; printf '%s\n' "$options"; } |
        sha256sum | cut -c1-8
}

# Finishes what JVMs that have exited wrote: the first archive a JVM accepts becomes app.jsa; the
# first recording becomes app.aotconf, for class_data_make_caches.
class_data_adopt_archives() { # folder
    local part pid
    for part in "$1"/*.jsa.part "$1"/*.aotconf.part; do
        [[ -e $part ]] || continue
        pid=${part##*/}
        pid=${pid%%.*}
        [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && continue
        if [[ $part == *.aotconf.part && ! -e $1/app.aot && ! -e $1/app.aotconf ]]; then
            mv -f "$part" "$1/app.aotconf"
        elif [[ $part == *.jsa.part && ! -s $1/app.jsa ]] && class_data_archive_works "$1" "$part"; then
            mv -f "$part" "$1/app.jsa"
        else
            rm -f "$part"
        fi
    done
}

class_data_archive_works() { # folder archive
    [[ -s $2 ]] && class_data_jvm_accepts "$SERVICE_JAVA_BIN" "$1" -Xshare:on "-XX:SharedArchiveFile=$2"
}

# Whether JAVA starts with these options (an archive or cache it must map) on the folder's jar.
class_data_jvm_accepts() { # java folder option...
    local java=$1 folder=$2
    shift 2
    (cd / && "$java" -XX:-CreateCoredumpOnCrash -XX:ErrorFile=/dev/null "$@" -cp "$folder/app.jar" -version >/dev/null 2>&1)
}

# Makes the AOT cache of every folder that holds a finished recording and no cache yet, one after
# the other, in the background at the lowest priority (a few CPU-seconds each); a start meanwhile
# runs without one. A recording the JVM cannot make a cache of is dropped; after a second one, the
# folder is marked so that later starts neither record nor wait for one (aot.failed).
class_data_make_caches() {
    local folder pending=0
    [[ ${CINEMATES_CLASS_DATA:-on} != off && -d $CLASS_DATA_DIR ]] || return 0
    for folder in "$CLASS_DATA_DIR"/*/; do
        folder=${folder%/}
        [[ -f $folder/java ]] || continue
        class_data_adopt_archives "$folder"
        [[ -s $folder/app.aotconf && ! -e $folder/app.aot ]] && pending=1
    done
    ((pending)) && have flock || return 0
    (
        exec 9>"$CLASS_DATA_DIR/.making.lock"
        flock -n 9 || exit 0
        for folder in "$CLASS_DATA_DIR"/*/; do
            folder=${folder%/}
            [[ -s $folder/app.aotconf && ! -e $folder/app.aot && -f $folder/java ]] || continue
            local java opts=()
            java=$(<"$folder/java")
            [[ -s $folder/java-options ]] && read -ra opts <"$folder/java-options"
            rm -f "$folder/app.aot.tmp"
            if (cd / && nice -n 19 "$java" "${opts[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$folder/app.aotconf" \
                "-XX:AOTCache=$folder/app.aot.tmp" -Xlog:aot=off -Xlog:cds=off -jar "$folder/app.jar") \
                >"$folder/aot.log" 2>&1 &&
                class_data_jvm_accepts "$java" "$folder" "${opts[@]}" -XX:AOTMode=on "-XX:AOTCache=$folder/app.aot.tmp"; then
                mv -f "$folder/app.aot.tmp" "$folder/app.aot"
                rm -f "$folder/app.aotconf" "$folder/aot.log"
            else
                # (one more recording is tried: the JVM may have been stopped while writing it)
                rm -f "$folder/app.aot.tmp" "$folder/app.aotconf"
                if [[ -e $folder/aot.failed-once ]]; then : >"$folder/aot.failed"; else : >"$folder/aot.failed-once"; fi
            fi
        done
    ) </dev/null >/dev/null 2>&1 &
    disown 2>/dev/null || true
}

# Removes all but the newest CLASS_DATA_KEEP extracted builds of a service, unless a process runs one.
class_data_prune() { # service-base
    local old
    while IFS= read -r old; do
        [[ -n $old ]] || continue
        if ! grep -qsF -- "$old/" /proc/[0-9]*/cmdline 2>/dev/null; then rm -rf -- "$old"; fi
    done < <(find "$CLASS_DATA_DIR" -mindepth 1 -maxdepth 1 -type d -name "$1-*" -printf '%T@ %p\n' 2>/dev/null |
        sort -rn | tail -n +$((CLASS_DATA_KEEP + 1)) | cut -d' ' -f2-)
}

# Where a build of a service keeps its extracted jar and class data: per jar digest, and per JDK
# and options (class_data_jvm_fingerprint).
class_data_folder() { # service-base jar-digest jvm-fingerprint
    printf '%s\n' "$CLASS_DATA_DIR/$1-$2-$3"
}

# Sets CLASS_DATA_ARGS to the java arguments that run JAR (the instance's private copy): the
# extracted application with its archive, or asking the JVM to write one at exit. The literal
# @PID@ stands for the JVM's pid (known once it is launched). Falls back to `-jar JAR`.
class_data_arguments() { # instance jar
    local svc=$1 jar=$2 base folder tmp app
    CLASS_DATA_ARGS=(-jar "$jar")
    [[ ${CINEMATES_CLASS_DATA:-on} != off ]] || return 0
    base=$(svc_base "$svc")
    # The jar's digest, kept beside it until the jar is copied again (see start_instance_process).
    local digest
    if [[ -s $jar.sha256 && ! $jar -nt $jar.sha256 ]]; then
        digest=$(<"$jar.sha256")
    else
        digest=$(sha256sum "$jar" | cut -c1-16)
        printf '%s\n' "$digest" >"$jar.sha256"
    fi
    folder=$(class_data_folder "$base" "$digest" "$(class_data_jvm_fingerprint)")
    if [[ ! -f $folder/app.jar ]]; then
        mkdir -p "$CLASS_DATA_DIR"
        tmp=$(mktemp -d "$folder.XXXXXX")
        if ! "$JAVA_BIN" -Djarmode=tools -jar "$jar" extract --destination "$tmp" >"$tmp.log" 2>&1 ||
            ! app=$(find "$tmp" -maxdepth 1 -name '*.jar' -print -quit) || [[ -z $app ]]; then
            warn "could not extract $base's jar for class-data sharing (see below); running the jar as it is"
            sed 's/^/    /' "$tmp.log" >&2 || true
            rm -rf -- "$tmp" "$tmp.log"
            return 0
        fi
        rm -f "$tmp.log"
        [[ $app == "$tmp/app.jar" ]] || mv -f "$app" "$tmp/app.jar"
        # Another start may have extracted the same build meanwhile: either copy will do.
        mv -T "$tmp" "$folder" 2>/dev/null || rm -rf -- "$tmp"
        class_data_prune "$base"
    fi
    class_data_adopt_archives "$folder"
    if ((SERVICE_JAVA_MAJOR >= 25)); then
        [[ -f $folder/java ]] || printf '%s\n' "$SERVICE_JAVA_BIN" >"$folder/java"
        if [[ -s $folder/app.aot ]]; then
            CLASS_DATA_ARGS=("-XX:AOTCache=$folder/app.aot")
        elif [[ -e $folder/app.aotconf || -e $folder/aot.failed ]]; then
            # A cache is being made (or cannot be): this start runs without one.
            CLASS_DATA_ARGS=()
            class_data_make_caches
        else
            # The cache is made with the options it was recorded with.
            printf '%s\n' "${CINEMATES_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}" >"$folder/java-options"
            CLASS_DATA_ARGS=(-XX:AOTMode=record "-XX:AOTConfiguration=$folder/@PID@.aotconf.part" -Xlog:aot=off -Xlog:cds=off)
        fi
    elif [[ -s $folder/app.jsa ]]; then
        CLASS_DATA_ARGS=("-XX:SharedArchiveFile=$folder/app.jsa" -Xshare:auto)
    else
        # (the classes CDS cannot keep, e.g. generated accessors, are no news worth a log line)
        CLASS_DATA_ARGS=("-XX:ArchiveClassesAtExit=$folder/@PID@.jsa.part" -Xlog:cds=off -Xshare:auto)
    fi
    # A JVM that cannot use the archive or cache runs without it; only a line in the log says so.
    CLASS_DATA_ARGS+=("-Dcinemates.jar=$jar" -jar "$folder/app.jar")
}

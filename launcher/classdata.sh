# shellcheck shell=bash
# Class-data sharing: a service runs from its jar extracted by Spring Boot
# (`java -Djarmode=tools -jar X.jar extract`), with an archive of the classes it loaded the first
# time (AppCDS: -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile). Loading classes from the
# archive instead of parsing and verifying them again saves about a third of a start's CPU time.
#
# The extracted folders live in .cinemates/class-data/, one per jar and JDK (their fingerprints
# name it), so a rebuilt jar or another JDK never meets an archive made for something else, and
# every instance of this checkout (the test instances too) shares them. An archive is written by
# the JVM when a service stops gracefully, under a name of its own (<pid>.jsa.part), and taken
# as the folder's app.jsa by the next start. CINEMATES_CLASS_DATA=off runs the jars as they are.

CLASS_DATA_DIR="$ROOT/.cinemates/class-data"
# How many extracted builds of a service are kept (older ones are removed unless still running).
CLASS_DATA_KEEP=2

# The JDK's fingerprint: a new JDK (even the same version rebuilt) must not read older archives.
class_data_jvm_fingerprint() {
    local java
    java=$(readlink -f "$(command -v "$JAVA_BIN")" 2>/dev/null || printf '%s' "$JAVA_BIN")
    stat -Lc '%n %s %Y' "$java" "$(dirname "$java")/../lib/server/libjvm.so" 2>/dev/null | sha256sum | cut -c1-8
}

# Finishes the archives of JVMs that have exited: the first one a JVM accepts becomes app.jsa.
# (A JVM killed while writing leaves an incomplete file, on which even -Xshare:auto crashes.)
class_data_adopt_archives() { # folder
    local part pid
    for part in "$1"/*.jsa.part; do
        [[ -e $part ]] || continue
        pid=${part##*/}
        pid=${pid%%.*}
        [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && continue
        if [[ ! -s $1/app.jsa ]] && class_data_archive_works "$1" "$part"; then
            mv -f "$part" "$1/app.jsa"
        else
            rm -f "$part"
        fi
    done
}

class_data_archive_works() { # folder archive
    [[ -s $2 ]] && (cd / && "$JAVA_BIN" -XX:-CreateCoredumpOnCrash -XX:ErrorFile=/dev/null -Xshare:on \
        "-XX:SharedArchiveFile=$2" -cp "$1/app.jar" -version >/dev/null 2>&1)
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

# Sets CLASS_DATA_ARGS to the java arguments that run JAR (the instance's private copy): the
# extracted application with its archive, or asking the JVM to write one at exit. The literal
# @PID@ stands for the JVM's pid (known once it is launched). Falls back to `-jar JAR`.
class_data_arguments() { # instance jar
    local svc=$1 jar=$2 base folder tmp app
    CLASS_DATA_ARGS=(-jar "$jar")
    [[ ${CINEMATES_CLASS_DATA:-on} != off ]] || return 0
    base=$(svc_base "$svc")
    # The jar's digest, kept beside it until the jar is copied again (see launch_service).
    local digest
    if [[ -s $jar.sha256 && ! $jar -nt $jar.sha256 ]]; then
        digest=$(<"$jar.sha256")
    else
        digest=$(sha256sum "$jar" | cut -c1-16)
        printf '%s\n' "$digest" >"$jar.sha256"
    fi
    folder="$CLASS_DATA_DIR/$base-$digest-$(class_data_jvm_fingerprint)"
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
    if [[ -s $folder/app.jsa ]]; then
        CLASS_DATA_ARGS=("-XX:SharedArchiveFile=$folder/app.jsa")
    else
        # (the classes CDS cannot keep, e.g. generated accessors, are no news worth a log line)
        CLASS_DATA_ARGS=("-XX:ArchiveClassesAtExit=$folder/@PID@.jsa.part" -Xlog:cds=off)
    fi
    # A JVM that cannot use the archive runs without it; only a line in the log says so.
    CLASS_DATA_ARGS+=(-Xshare:auto "-Dcinemates.jar=$jar" -jar "$folder/app.jar")
}

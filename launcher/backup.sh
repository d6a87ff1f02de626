# shellcheck shell=bash
# ./cinemates backup and restore, on the embedded PostgreSQL (a copy of the stopped cluster) or an
# external one (pg_dump and pg_restore).

# The services whose databases this build has, one name each (replicas share their service's).
database_services() {
    enabled_services | sed 's/-[2-9]$//' | awk '!seen[$0]++'
}

# Files a service derives from its database and keeps in the data folder (the recommender's
# trained model). A PostgreSQL restore removes them, so they are derived again from the restored
# data instead of answering from data the backup does not have. (An embedded backup has them.)
DERIVED_FILES=(preference-service-model.bin)

psql_admin() { # SQL against the server's maintenance database, as the instance's user
    PGPASSWORD=$CINEMATES_POSTGRES_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -h "$(postgres_host)" -p "$(postgres_port)" \
        -U "$CINEMATES_POSTGRES_USER" -d postgres -v ON_ERROR_STOP=1 "$@"
}

# Backs up every service's database into one folder: pg_dump (custom format) per database on an
# external PostgreSQL (--postgres), taken while the services run; on the embedded PostgreSQL a copy
# of the data folder (its cluster, its password, the files services keep), taken while the
# instance and its server are stopped, so the copy is a consistent cluster that needs no tool the
# binaries lack. FORMAT, written last, marks a finished backup: restore refuses any other.
cmd_backup() {
    (($# <= 1)) || die "usage: ./cinemates backup [FOLDER]"
    local target=${1:-} svc db host port
    load_settings || die "Cinemates has not been started in $STATE_DIR yet: nothing to back up"
    [[ -n $target ]] || target="$STATE_DIR/backups/$(date -u +%Y%m%dT%H%M%SZ)"
    target=$(resolve_dir "$target")
    [[ ! -e $target || -z $(ls -A "$target" 2>/dev/null) ]] || die "$target exists and is not empty"
    case $target/ in "$DATA_DIR"/*) die "a backup cannot go inside the data folder $DATA_DIR" ;; esac
    if [[ ${CINEMATES_DB:-embedded} == postgres ]]; then
        have pg_dump || die "pg_dump is needed (Debian/Ubuntu: sudo apt-get install postgresql-client)"
        host=$(postgres_host)
        port=$(postgres_port)
        mkdir -p "$target"
        # One dump after the other, each consistent on its own. Events travel from the other
        # services to activity-service, so it is dumped last: an event delivered meanwhile is
        # then either in its dump or still pending in its sender's, never lost.
        for svc in $(database_services | grep -vx activity-service) $(database_services | grep -x activity-service); do
            db=$(svc_database "$svc")
            info "dumping $db"
            if ! PGPASSWORD=$CINEMATES_POSTGRES_PASSWORD pg_dump -h "$host" -p "$port" -U "$CINEMATES_POSTGRES_USER" \
                --format=custom --no-owner --file "$target/$svc.dump" "$db"; then
                rm -rf "$target"
                die "pg_dump of $db failed; no backup was written"
            fi
        done
        printf 'postgres\n' >"$target/FORMAT"
    else
        for svc in $(all_services); do
            svc_pid "$svc" >/dev/null && die "$svc is running: the embedded database is copied while stopped (./cinemates down, backup, start)"
        done
        embedded_postgres_pid >/dev/null && die "the embedded PostgreSQL is running: it is copied while stopped (./cinemates down, backup, start)"
        [[ -f $(embedded_cluster_dir)/PG_VERSION ]] || die "there is no embedded database in $DATA_DIR yet: nothing to back up"
        mkdir -p "$target"
        if ! cp -a "$DATA_DIR/." "$target/"; then
            rm -rf "$target"
            die "copying $DATA_DIR failed; no backup was written"
        fi
        printf 'embedded\n' >"$target/FORMAT"
    fi
    info "backup written to $target"
}

# Restores a backup made by `backup` into this instance, which must be stopped. Either every
# database is replaced or none: a failure (a damaged dump, a full disk, a database still in use)
# leaves the instance as it was.
cmd_restore() {
    (($# == 1)) || die "usage: ./cinemates restore BACKUP-FOLDER"
    local source svc format
    source=$(resolve_dir "$1")
    [[ -d $source ]] || die "$1: no such folder"
    [[ -f $source/FORMAT ]] || die "$1 is not a backup made by ./cinemates backup (it has no FORMAT file)"
    format=$(<"$source/FORMAT")
    load_settings || die "Cinemates has not been started in $STATE_DIR yet: run ./cinemates up once, then down"
    # First whether this backup fits this instance at all, then whether now is the time.
    case $format in
        postgres)
            [[ ${CINEMATES_DB:-embedded} == postgres ]] || die "$1 is a backup of an external PostgreSQL (--postgres); this instance runs on its embedded PostgreSQL"
            for svc in $(database_services); do
                [[ -s $source/$svc.dump ]] || die "$1 has no dump of $svc ($svc.dump): nothing was restored"
            done
            ;;
        embedded)
            [[ ${CINEMATES_DB:-embedded} == embedded ]] || die "$1 is a backup of an embedded PostgreSQL; this instance runs on an external one (--postgres)"
            [[ -f $source/postgres/PG_VERSION && -f $source/postgres/global/pg_control && -s $source/postgres-password ]] ||
                die "$1 has no complete embedded PostgreSQL cluster (postgres/, postgres-password): nothing was restored"
            ;;
        *) die "$1 has an unknown backup format '$format'" ;;
    esac
    for svc in $(all_services); do
        svc_pid "$svc" >/dev/null && die "$svc is running: restore replaces the databases under it; ./cinemates down first"
    done
    embedded_postgres_pid >/dev/null && die "the embedded PostgreSQL is running: restore replaces its data folder; ./cinemates down first"
    if [[ $format == postgres ]]; then restore_postgres "$source"; else restore_embedded "$source"; fi
    info "restored from $source; ./cinemates start runs it again with its settings"
}

# The copy goes beside the data folder first and replaces it by renaming, so an interrupted
# copy never leaves a data folder that is half old and half restored.
restore_embedded() {
    local source=$1 staging="$STATE_DIR/data.restoring" replaced="$STATE_DIR/data.replaced"
    rm -rf "$staging" "$replaced"
    mkdir -p "$staging"
    if ! cp -a "$source/." "$staging/"; then
        rm -rf "$staging"
        die "copying $source failed; nothing was restored"
    fi
    rm -f "$staging/FORMAT"
    [[ ! -e $DATA_DIR ]] || mv "$DATA_DIR" "$replaced"
    mv "$staging" "$DATA_DIR"
    rm -rf "$replaced"
}

# Each dump is restored into a new database beside the live one (<db>_restoring); only when all
# of them are restored are they renamed into place, in one transaction, and the old databases
# dropped. Restoring into fresh databases also drops whatever the old ones had that the backup
# does not (a newer migration's tables), so the result is the backup, exactly.
restore_postgres() {
    local source=$1 svc db out renames="" restoring=() file
    if ! have pg_restore || ! have psql; then
        die "pg_restore and psql are needed (Debian/Ubuntu: sudo apt-get install postgresql-client)"
    fi
    ensure_postgres_databases
    for svc in $(database_services); do
        db=$(svc_database "$svc")
        restoring+=("${db}_restoring")
        info "restoring $db"
        if ! out=$(psql_admin -c "DROP DATABASE IF EXISTS \"${db}_restoring\"" -c "CREATE DATABASE \"${db}_restoring\"" 2>&1) ||
            ! out=$(PGPASSWORD=$CINEMATES_POSTGRES_PASSWORD pg_restore -h "$(postgres_host)" -p "$(postgres_port)" \
                -U "$CINEMATES_POSTGRES_USER" --no-owner --exit-on-error --single-transaction \
                -d "${db}_restoring" "$source/$svc.dump" 2>&1); then
            drop_restoring "${restoring[@]}"
            die "restoring $svc.dump failed, nothing was restored: $out"
        fi
        renames+="ALTER DATABASE \"$db\" RENAME TO \"${db}_replaced\"; ALTER DATABASE \"${db}_restoring\" RENAME TO \"$db\"; "
    done
    for db in "${restoring[@]}"; do
        psql_admin -c "DROP DATABASE IF EXISTS \"${db%_restoring}_replaced\"" >/dev/null 2>&1 || true
    done
    if ! out=$(psql_admin -1 -c "$renames" 2>&1); then
        drop_restoring "${restoring[@]}"
        die "the restored databases could not replace the live ones (is something else connected to them?), nothing was restored: $out"
    fi
    for db in "${restoring[@]}"; do
        psql_admin -c "DROP DATABASE IF EXISTS \"${db%_restoring}_replaced\"" >/dev/null 2>&1 ||
            warn "could not drop ${db%_restoring}_replaced (the data before the restore); drop it by hand"
    done
    for file in "${DERIVED_FILES[@]}"; do rm -f "$DATA_DIR/$file"; done
}

drop_restoring() {
    local db
    for db in "$@"; do psql_admin -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done
}

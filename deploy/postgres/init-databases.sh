#!/usr/bin/env bash
# One database per Cinemates service, each owned by a role of its own that can connect to no
# other: cinemates_users, cinemates_movies, cinemates_activities, cinemates_preferences.
#
# The official postgres image runs this once, on the first start with an empty data volume
# (/docker-entrypoint-initdb.d/). The roles' passwords come from the container's environment
# (CINEMATES_<AREA>_DB_PASSWORD, set from .env by compose.yaml). To change a password later, use
# ALTER ROLE: this script does not run again on an initialised volume.
set -euo pipefail

create_database() {
  local name=$1 password_variable=$2
  local password=${!password_variable:-}
  if [[ -z $password ]]; then
    echo "init-databases: $password_variable is not set" >&2
    exit 1
  fi
  # psql variables (:"name", :'password') quote the identifier and the literal.
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set name="$name" --set password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"name" TO :"name";
SQL
  # The database's public schema belongs to its owner, not to every role (PostgreSQL < 15).
  psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" \
    --set name="$name" <<'SQL'
ALTER SCHEMA public OWNER TO :"name";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
  echo "init-databases: created database $name"
}

create_database cinemates_users CINEMATES_USERS_DB_PASSWORD
create_database cinemates_movies CINEMATES_MOVIES_DB_PASSWORD
create_database cinemates_activities CINEMATES_ACTIVITIES_DB_PASSWORD
create_database cinemates_preferences CINEMATES_PREFERENCES_DB_PASSWORD

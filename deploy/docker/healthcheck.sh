#!/bin/sh
# Health check of a Cinemates service image: healthy once the service's readiness group answers
# 200 on its own port (CINEMATES_<AREA>_PORT when the container sets it, else the image's port).
set -eu

case "${SERVICE_NAME:-}" in
  user-service) port_variable=CINEMATES_USERS_PORT ;;
  movie-service) port_variable=CINEMATES_MOVIES_PORT ;;
  activity-service) port_variable=CINEMATES_ACTIVITIES_PORT ;;
  preference-service) port_variable=CINEMATES_PREFERENCES_PORT ;;
  *)
    echo "cinemates-healthcheck: unknown SERVICE_NAME '${SERVICE_NAME:-}'" >&2
    exit 1
    ;;
esac
port=$(printenv "$port_variable" || true)

exec curl --fail --silent --show-error --output /dev/null --max-time 4 \
  "http://127.0.0.1:${port:-$SERVICE_PORT}/actuator/health/readiness"

#!/usr/bin/env bash
# Static checks of the deployment files: the Dockerfiles, compose.yaml and .env.example, the
# Kubernetes manifests (every overlay rendered), the observability configuration and the
# scripts. deploy/README.md ("Checks") says what each one asserts.
#
#   deploy/check/run.sh
#
# Needs Node.js 20 or newer with npm. The first run installs the checks' packages (npm ci, from
# package-lock.json); after that everything runs offline. Checks that need a tool this machine
# may lack (docker-compose, kubectl, nginx, shellcheck, promtool, PostgreSQL's server binaries)
# are skipped without it, and the summary names them. Exits non-zero when any check fails.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

fail() {
  printf 'deploy checks: %s\n' "$*" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "Node.js 20 or newer is needed (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm is needed (Debian: apt-get install npm)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || fail "Node.js 20 or newer is needed, this is $(node --version)"

# Install the packages when they are missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "deploy checks: installing their packages (npm ci) ..."
  if ! npm_log=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
    printf '%s\n' "$npm_log" >&2
    fail "npm ci failed"
  fi
fi

tap=$(mktemp)
trap 'rm -f "$tap"' EXIT

status=0
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  test/*.test.mjs || status=$?

count() { # the total of a TAP summary line ("# pass 12"), 0 when absent
  sed -n "s/^# $1 \([0-9][0-9]*\)\$/\1/p" "$tap" | tail -n 1 | grep . || echo 0
}
passed=$(count pass)
failed=$(count fail)
skipped=$(count skipped)
cancelled=$(count cancelled)

echo
sed -n 's/^ *ok [0-9][0-9]* - \(.*\) # SKIP \(.*\)$/deploy checks: skipped "\1": \2/p' "$tap"
if ((status != 0 && failed == 0)); then
  # The runner failed outside a test (a file that does not load, a cancelled test).
  failed=$((cancelled > 0 ? cancelled : 1))
fi
echo "deploy: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"

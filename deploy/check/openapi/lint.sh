#!/usr/bin/env bash
# Lints the OpenAPI descriptions of the four services as a running Cinemates publishes them
# through nginx (BASE_URL/api/docs/<service>.json, the service's own /v3/api-docs), with Redocly
# CLI and the rules of redocly.yaml beside this script.
#
#   deploy/check/openapi/lint.sh BASE_URL        e.g. deploy/check/openapi/lint.sh http://127.0.0.1:8080
#   deploy/check/openapi/lint.sh --prepare       installs Redocly CLI only
#
# Needs curl and Node.js 20.19 or newer with npm. The first run installs Redocly CLI (npm ci, from
# package-lock.json); after that it runs offline. Warnings are printed and do not fail the run.
# Exits 0 when every description was fetched and has no error, 1 when one could not be fetched or
# has errors, 2 when called wrongly.
set -euo pipefail

SERVICES=(user-service movie-service activity-service preference-service)

usage() {
  printf 'usage: %s BASE_URL   (e.g. http://127.0.0.1:8080) | --prepare\n' "$0" >&2
  exit 2
}
fail() {
  printf 'openapi lint: %s\n' "$*" >&2
  exit 1
}

(($# == 1)) || usage
# --prepare: only install the linter (a test run does it beside its builds, before any instance).
prepare=0
[[ $1 == --prepare ]] && prepare=1
base=${1%/}
((prepare)) || [[ $base =~ ^https?://[^/]+ ]] || usage

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

command -v curl >/dev/null 2>&1 || fail "curl is needed (Debian: apt-get install curl)"
command -v node >/dev/null 2>&1 || fail "Node.js 20.19 or newer is needed (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "npm is needed (Debian: apt-get install npm)"
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1);
' || fail "Node.js 20.19 or newer is needed, this is $(node --version)"

# Install Redocly CLI when it is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "openapi lint: installing Redocly CLI (npm ci) ..."
  if ! npm_log=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
    printf '%s\n' "$npm_log" >&2
    fail "npm ci failed"
  fi
fi

((prepare)) && exit 0

# No usage data leaves this machine, and no "new version" notices in the output.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

# A rule name redocly.yaml misspells would otherwise be a silent no-op.
if ! config_log=$(node_modules/.bin/redocly check-config --config redocly.yaml 2>&1); then
  printf '%s\n' "$config_log" >&2
  fail "redocly.yaml is not a valid Redocly configuration"
fi

dir=$(mktemp -d -t cinemates-openapi.XXXXXXXX)
trap 'rm -rf -- "$dir"' EXIT

status=0
files=()
for name in "${SERVICES[@]}"; do
  url="$base/api/docs/$name.json"
  if ! code=$(curl -sS --max-time 30 -H 'Accept: application/json' -o "$dir/$name.json" -w '%{http_code}' "$url"); then
    printf 'openapi lint: %s: could not fetch %s\n' "$name" "$url" >&2
    status=1
  elif [[ $code != 200 ]]; then
    printf 'openapi lint: %s: %s answered HTTP %s: %s\n' "$name" "$url" "$code" "$(head -c 300 "$dir/$name.json")" >&2
    status=1
  elif ! node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(d && typeof d.openapi === "string" ? 0 : 1)' "$dir/$name.json" 2>/dev/null; then
    printf 'openapi lint: %s: %s is not an OpenAPI 3 description\n' "$name" "$url" >&2
    status=1
  else
    files+=("$name.json")
  fi
done

if ((${#files[@]} > 0)); then
  here=$PWD
  echo "openapi lint: linting ${#files[@]} description(s) from $base/api/docs/ with Redocly CLI $(node -p 'require("@redocly/cli/package.json").version' 2>/dev/null || echo "?")"
  # One run per description: Redocly CLI's JSON report covers one file. Run in the download
  # folder, so problems are reported against "movie-service.json".
  reports=()
  for file in "${files[@]}"; do
    lint_status=0
    (cd "$dir" && "$here/node_modules/.bin/redocly" lint --config "$here/redocly.yaml" --format=json \
      --max-problems=100000 "$file") >"$dir/$file.report" 2>"$dir/$file.log" || lint_status=$?
    # Exit 1 with a report is "the description has errors"; anything else the report cannot
    # explain (a configuration problem, a crash) is shown as Redocly CLI said it.
    if ((lint_status != 0 && lint_status != 1)) || ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$dir/$file.report" 2>/dev/null; then
      printf 'openapi lint: Redocly CLI failed on %s (exit %s):\n' "$file" "$lint_status" >&2
      cat "$dir/$file.report" "$dir/$file.log" >&2
      status=1
    else
      reports+=("$dir/$file.report")
    fi
  done
  if ((${#reports[@]} > 0)); then
    node report.mjs "${reports[@]}" || status=1
  fi
fi

if ((status == 0)); then
  echo "openapi lint: ${#files[@]} of ${#SERVICES[@]} descriptions pass"
else
  echo "openapi lint: FAILED (${#files[@]} of ${#SERVICES[@]} descriptions fetched)" >&2
fi
exit "$status"

#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need, once: promtool and amtool (validators),
# PostgreSQL's server and redis-server (the engine's integration test), wrk (the engine benchmark),
# shellcheck (the pull-request workflow's scripts).
# Needs root, as on the development machines and CI; does nothing when they are already installed.
set -euo pipefail
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

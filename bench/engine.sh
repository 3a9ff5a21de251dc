#!/usr/bin/env bash
# Engine benchmark (not a test): start-to-ready time and /health/live throughput and latency with
# wrk, beside nginx as the peer. Usage: bench/engine.sh [RUNS] [SECONDS] (default 5 runs, 10 s).
# Builds the engine in release mode; installs wrk, nginx, redis-server and PostgreSQL if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
seconds="${2:-10}"
python="$(scripts/python-env.sh)"
scripts/system-deps.sh
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
echo "== building engine (release)" >&2
swift build -c release --product engine >/dev/null
swift run --quiet gen --env development >/dev/null
"$python" bench/engine.py "$(swift build -c release --show-bin-path)/engine" out/development/config/config.yaml "$runs" "$seconds"

#!/usr/bin/env bash
# Engine benchmark (not a test): start-to-ready time and /health/live throughput and latency with
# wrk, beside nginx as the peer; rewrites the engine section of bench/README.md.
# Usage: bench/engine.sh [RUNS] [SECONDS] (default 5 runs, 10 s).
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
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
"$python" bench/engine.py "$(swift build -c release --show-bin-path)/engine" out/development/config/config.yaml "$runs" "$seconds" | tee "$results"
# The results section of bench/README.md is rewritten from this run.
"$python" - "$results" bench/README.md <<'PY'
import re, sys
results, readme = open(sys.argv[1]).read().strip(), open(sys.argv[2]).read()
block = "<!-- engine:start -->\n" + results + "\n<!-- engine:end -->"
open(sys.argv[2], "w").write(re.sub(r"<!-- engine:start -->.*<!-- engine:end -->", lambda _: block, readme, flags=re.S))
PY

#!/usr/bin/env bash
# The one test command: builds, runs every test, checks the committed snapshots are current, and
# validates the generated output with external tools. Installs what it needs (.venv) by itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== validators"
python="$(scripts/python-env.sh)"
export INFRADSL_PYTHON="$python"

echo "== build (slow type-checking of any expression over 200 ms is reported)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift build --build-tests -Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=200 >"$log" 2>&1 || status=$?
grep -E "(error|warning):" "$log" | sort -u || true
if [[ $status -ne 0 ]]; then tail -n 40 "$log" >&2; echo "build failed" >&2; exit 1; fi
if grep -q "to type-check" "$log"; then echo "an expression is slow to type-check (see above); split it" >&2; exit 1; fi

echo "== tests"
swift test --skip-build

echo "== snapshots are current"
swift run --quiet gen --all --check --output snapshots

echo "== generated output, validated"
scripts/validate-output.sh

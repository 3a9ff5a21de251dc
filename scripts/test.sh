#!/usr/bin/env bash
# The one test command: builds, runs every test, checks the committed snapshots are current, and
# validates the generated output with external tools. Installs what it needs (.venv) by itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== validators"
python="$(scripts/python-env.sh)"
export INFRADSL_PYTHON="$python"
# promtool (the alert rules' unit tests run in the Swift suite), PostgreSQL and Redis.
scripts/system-deps.sh

echo "== build (slow type-checking of any expression over 200 ms is reported)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
build_flags="-Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=200"
# shellcheck disable=SC2086 # the flags are words
swift build --build-tests $build_flags >"$log" 2>&1 || status=$?
grep -E "(error|warning):" "$log" | sort -u || true
if [[ $status -ne 0 ]]; then tail -n 40 "$log" >&2; echo "build failed" >&2; exit 1; fi
# Over 200 ms is reported; over 500 ms (a clear regression, beyond machine noise) fails the run.
if grep -oE "took [0-9]+ms to type-check" "$log" | grep -oE "[0-9]+" | awk '$1 > 500 { found = 1 } END { exit !found }'; then
    echo "an expression takes over 500 ms to type-check (see above); split it" >&2
    exit 1
fi

# The generator's dependency set stays small: no server library may reach the gen binary (module
# names as they appear, length-prefixed, in mangled symbols).
# nm must succeed and list symbols: a missing nm or an unreadable binary must not pass as "no match".
gen_symbols="$(nm "$(swift build --show-bin-path)/gen")" || { echo "nm could not read the gen binary" >&2; exit 1; }
[[ "$gen_symbols" == *Yams* ]] || { echo "nm listed no Yams symbol in gen: the check below would prove nothing" >&2; exit 1; }
# A library's own symbols start with its module (`$s10Prometheus…`); the name inside another symbol
# may be a word of ours (`prometheusRule` mangles with `10Prometheus` in it).
if grep -qE ' \$s(11Hummingbird|11PostgresNIO|10Prometheus|16ServiceLifecycle)' <<<"$gen_symbols"; then
    echo "gen links a server library; only the engine may" >&2
    exit 1
fi
unset gen_symbols

# The engine links only what it runs: its config (EngineConfig, on the value layer InfraValues), never
# the environment definitions, the typed Kubernetes API or the library's renderers and checks.
engine_symbols="$(nm "$(swift build --show-bin-path)/engine")" || { echo "nm could not read the engine binary" >&2; exit 1; }
[[ "$engine_symbols" == *12EngineConfig* ]] || { echo "nm listed no EngineConfig symbol in the engine: the check below would prove nothing" >&2; exit 1; }
if grep -qE ' \$s(12Environments|8InfraDSL|13KubernetesAPI|15CustomResources)' <<<"$engine_symbols"; then
    echo "the engine links the environments, the Kubernetes API or the library's renderers and checks; it may link only EngineConfig and InfraValues" >&2
    exit 1
fi
unset engine_symbols

echo "== the generated Kubernetes API is current (regenerated from the 1.32 schema and compared)"
scripts/generate-kubernetes-api.sh --check

echo "== tests"
tests_log="$(mktemp)"
trap 'rm -f "$log" "$tests_log"' EXIT
# Swift Testing only: no XCTest case exists, and its empty "Executed 0 tests" summary would mislead.
# The same script the pull-request workflow runs; built above with the same flags, it only tests.
BUILD_FLAGS="$build_flags" scripts/review/fast-tests.sh 2>&1 | tee "$tests_log"
tests=$(grep -oE "Test run with [0-9]+ tests" "$tests_log" | grep -oE "[0-9]+" | tail -n 1)

echo "== snapshots are current"
swift run --quiet gen --all --check --output snapshots

echo "== engine against real PostgreSQL and Redis"
swift run --quiet gen --env development
engine_log="$(mktemp)"
"$python" scripts/engine_integration.py "$(swift build --show-bin-path)/engine" out 2>&1 | tee "$engine_log"
engine_checks=$(grep -oE "engine integration: [0-9]+ passed" "$engine_log" | grep -oE "[0-9]+")
rm -f "$engine_log"

echo "== generated output, validated"
validation_log="$(mktemp)"
scripts/validate-output.sh 2>&1 | tee "$validation_log"
checks=$(grep -oE "validators: [0-9]+ passed" "$validation_log" | grep -oE "[0-9]+")
rm -f "$validation_log"
echo "== gen import: a package written from manifests builds and renders them back"
import_log="$(mktemp)"
scripts/import-check.sh 2>&1 | tee "$import_log"
import_checks=$(grep -oE "import checks: [0-9]+ passed" "$import_log" | grep -oE "[0-9]+")
rm -f "$import_log"
checks=$((checks + import_checks))
echo "== the pull-request workflow and its scripts"
review_log="$(mktemp)"
scripts/review/check.sh 2>&1 | tee "$review_log"
review_checks=$(grep -oE "review checks: [0-9]+ passed" "$review_log" | grep -oE "[0-9]+")
rm -f "$review_log"
checks=$((checks + review_checks))
echo "all: $((tests + checks + engine_checks)) passed, 0 failed (${tests} tests, ${checks} external checks, ${engine_checks} engine integration checks)"

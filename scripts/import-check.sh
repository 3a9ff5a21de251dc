#!/usr/bin/env bash
# `gen import`, proven end to end. Imports, into one package:
#   - Tests/Fixtures/shop: eleven services calling each other, policies, probes of every kind, a
#     CronJob, an Ingress (no namespaces: placed in `shop`);
#   - Tests/Fixtures/seed/kubernetes: the system we replace, mistakes and all;
#   - Tests/Fixtures/import: the ledger (Services and budgets that fit the intent layer, server
#     fields to leave out, a development Secret, awkward strings) and a maximal object of every
#     generated kind;
#   - Tests/Fixtures/crd-samples: one object of each imported custom resource kind (External
#     Secrets, Prometheus Operator), written with the CustomResources module.
# Then builds the package and checks that
#   1. the import says what it left out and why;
#   2. the package builds (its Swift compiles against this package);
#   3. every object it renders, unchecked (`--objects`), equals its input object (parsed);
#   4. objects that fit the intent layer are written with it;
#   5. a clean namespace renders, with every check, into gen's layout; each file equals its input
#      object, and kubectl kustomize builds the directory;
#   6. the seed's mistakes stop its render, reported at the imported Swift's lines, nothing written.
# Prints "import checks: N passed" or exits 1 naming the failed check.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${INFRADSL_PYTHON:-$(scripts/python-env.sh)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { echo "import check failed: $1" >&2; exit 1; }

swift build --product gen >/dev/null
gen="$(swift build --show-bin-path)/gen"
inputs=(Tests/Fixtures/shop Tests/Fixtures/seed/kubernetes Tests/Fixtures/import Tests/Fixtures/crd-samples)
package="$work/imported"
"$gen" import "${inputs[@]}" --namespace shop --package "$package" --name ImportCheck 2>"$work/import.log" \
    || { cat "$work/import.log" >&2; fail "gen import exited non-zero"; }

# 1. What was left out is said, once per object, with its manifest line.
grep -q "^Tests/Fixtures/import/ledger/platform.yaml:[0-9]*: warning: \[import\] metadata.annotations\[kubectl.kubernetes.io/last-applied-configuration\], metadata.creationTimestamp, metadata.resourceVersion, metadata.uid, status left out" "$work/import.log" \
    || { cat "$work/import.log" >&2; fail "the CronJob's server fields were not reported"; }
grep -q "warning: \[import\] namespace ledger-dev holds Secret objects: imported as a development environment" "$work/import.log" \
    || fail "the development environment made for a Secret was not reported"
grep -q "gen import: 117 object(s) in 7 environment(s)" "$work/import.log" || { tail -n 1 "$work/import.log" >&2; fail "not every object was imported"; }
pass "the import reports what it left out"

# 2. The package builds, every expression type-checked in reasonable time.
build_log="$work/build.log"
swift build --package-path "$package" -Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=500 >"$build_log" 2>&1 \
    || { tail -n 40 "$build_log" >&2; fail "the imported package does not build"; }
if grep -E "^$package/Sources/.*(error|warning):" "$build_log"; then fail "the imported Swift compiles with warnings"; fi
binary="$(swift build --package-path "$package" --show-bin-path)/ImportCheck"
pass "the imported package builds without warnings"

# 3. The round trip: what the Swift builds is what the manifests held.
(cd "$package" && "$binary" --objects) >"$work/objects.jsonl"
"$python" scripts/import_roundtrip.py --namespace shop --objects "$work/objects.jsonl" "${inputs[@]}" || fail "round trip"
pass "every imported object renders as its input"

# 4. The intent layer where an object is exactly what it builds.
ledger="$package/Sources/ImportCheck/Ledger"
grep -q 'static let service = Service("ledger-api", selecting: deployment, ports: \[' "$ledger/Ledger+LedgerApi.swift" || fail "ledger-api's Service is not written with the intent layer"
grep -q 'PodDisruptionBudget("ledger-db", protecting: statefulSet, .maxUnavailable(.percent(50)))' "$ledger/Ledger+LedgerDb.swift" || fail "ledger-db's budget is not written with the intent layer"
grep -q 'static let ledgerApiInternalService = APIObject(CoreV1.Service(' "$ledger/Ledger+LedgerApi.swift" || fail "a Service the intent layer would change is not on the generated API"
pass "Services and budgets that fit the intent layer use it"

# 5. Clean namespaces render with every check into gen's layout, object for object.
(cd "$package" && "$binary" --environment shop --environment ledger --output "$work/out") 2>"$work/render.log" \
    || { cat "$work/render.log" >&2; fail "the shop and ledger environments do not render"; }
for environment in shop ledger; do
    directory="$work/out/$environment/kubernetes"
    [[ -f "$directory/kustomization.yaml" ]] || fail "$environment has no kustomization.yaml"
    "$python" scripts/import_roundtrip.py --namespace shop --rendered "$directory" "${inputs[@]}" || fail "$environment's files differ from their input"
    if command -v kubectl >/dev/null; then
        kubectl kustomize "$directory" >/dev/null || fail "kubectl kustomize cannot build $environment"
    fi
done
pass "clean namespaces render into gen's layout, equal to their input"

# 6. The seed's mistakes are found in the imported Swift, at its lines, and nothing is written.
status=0
(cd "$package" && "$binary" --environment hft-trading-staging --output "$work/seed-out") 2>"$work/seed.log" || status=$?
[[ $status -eq 1 ]] || { cat "$work/seed.log" >&2; fail "the seed's staging rendered (exit $status) despite its mistakes"; }
engine_file="Sources/ImportCheck/HftTradingStaging/HftTradingStaging+TradingEngine.swift"
engine_line="$(grep -n "static let statefulSet = APIObject(" "$package/$engine_file" | cut -d: -f1)"
grep -qF "$engine_file:$engine_line: error: [privilege] container trading-engine may run as root" "$work/seed.log" \
    || { cat "$work/seed.log" >&2; fail "the seed's privilege mistake is not reported at the imported Swift's line"; }
[[ ! -e "$work/seed-out/hft-trading-staging" ]] || fail "a failed render wrote output"
pass "the seed's mistakes are reported at the imported Swift's lines, nothing written"

echo "import checks: $passed passed"

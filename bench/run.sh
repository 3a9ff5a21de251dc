#!/usr/bin/env bash
# Generation benchmark and edit-compile loop. Not a test: it prints numbers and rewrites the results
# table in bench/README.md. Usage: bench/run.sh [SIZES] [RUNS] [LIMIT]
# (default "10 100 1000", 5 runs, 60 s: a command still running after LIMIT seconds is stopped and
# reported as slower than the limit; a run that took over 10 s is not repeated).
#
# Ours is measured in both layouts `gen` writes: one file per object (the default) and one stream
# per environment (`--layout stream`, the shape the peers print).
# Every tool renders the same workload (bench/make_peers.py writes the peers' inputs; bench/compare.py
# checks that all of them produce the same objects before anything is timed). Each measurement is a
# whole process: wall time and peak memory from /usr/bin/time, median and spread over the runs; every
# run writes into an emptied output directory. The tools take turns, one run each per round, so
# that every ratio compares runs made minutes apart at most: this machine's speed drifts, and a
# tool timed only after another has finished all its runs can meet a faster or slower machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-10 100 1000}"
runs="${2:-5}"
limit="${3:-60}"
python="$(scripts/python-env.sh)"
command -v jsonnet >/dev/null || { apt-get update -qq && apt-get install -y -qq jsonnet >/dev/null; }
work="$(mktemp -d /dev/shm/infradsl-bench.XXXXXX 2>/dev/null || mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: > "$results"

echo "== building bench-gen (release)"
# Linked with the Swift runtime and Foundation statically, as a release binary is shipped: it
# starts in about 10 ms instead of about 20 ms spent resolving shared-library symbols.
swift build -c release --package-path Benchmarks --static-swift-stdlib >/dev/null
ours_binary="Benchmarks/.build/release/bench-gen"

# One timed run of a tool: name size output command... (output emptied before, not timed). Fails
# when the tool is done: stopped at the limit, or slower than 10 s (not worth repeating).
run_once() {
    local name="$1" size="$2" output="$3"; shift 3
    rm -rf "$output"
    mkdir -p "$output"
    local status=0
    timeout "$limit" /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
    if [[ $status -eq 124 ]]; then
        printf '%s\t%s\ttimeout\t%s\n' "$name" "$size" "$limit" >> "$results"
        echo "   $name: stopped after $limit s" >&2
        return 1
    elif [[ $status -ne 0 ]]; then
        cat "$work/stderr" >&2; exit 1
    fi
    printf '%s\t%s\t%s\n' "$name" "$size" "$(tail -n 1 "$work/time" | tr ' ' '\t')" >> "$results"
    # A run that took over 10 s is not repeated: its spread would not change the comparison.
    ! tail -n 1 "$work/time" | awk '{ exit !($1 > 10) }'
}

for size in $sizes; do
    echo "== N=$size: inputs"
    inputs="$work/inputs-$size"
    "$python" bench/make_peers.py "$size" "$inputs"

    echo "== N=$size: timing (each tool's own output is then checked against ours)"
    finished=()
    # Each tool's command; its output directory is out/<tool>.
    declare -A commands=(
        [infradsl]="'$ours_binary' $size '$inputs/out/infradsl' files"
        [infradsl-stream]="'$ours_binary' $size '$inputs/out/infradsl-stream' stream"
        [kustomize]="cd '$inputs' && for e in development staging production; do kubectl kustomize kustomize/overlays/\$e > out/kustomize/\$e.yaml; done"
        [helm]="'$python' bench/helm_render.py '$inputs/helm/bench' '$inputs/helm' '$inputs/out/helm'"
        [jsonnet]="jsonnet --ext-str services=$size -y '$inputs/workload.jsonnet' > '$inputs/out/jsonnet/all.yaml'"
    )
    tools=(infradsl infradsl-stream kustomize helm jsonnet)
    declare -A done_with=() stopped=()
    for _ in $(seq "$runs"); do
        for tool in "${tools[@]}"; do
            [[ -z "${done_with[$tool]:-}" ]] || continue
            if ! run_once "$tool" "$size" "$inputs/out/$tool" sh -c "${commands[$tool]}"; then
                done_with[$tool]=1
                grep -q "^$tool	$size	timeout" "$results" && stopped[$tool]=1
            fi
        done
    done
    # Every tool that finished is checked against ours (the files layout).
    for tool in infradsl-stream kustomize helm jsonnet; do
        [[ -n "${stopped[$tool]:-}" ]] || finished+=("$tool=$inputs/out/$tool")
    done
    echo "== N=$size: parity"
    "$python" bench/compare.py "$inputs/out/infradsl" "${finished[@]}"
    rm -rf "$inputs"
done

echo "== edit-compile loop (debug build of gen)"
swift build --product gen >/dev/null
# A value is edited in an environment's file; a resource is added to the shape every environment
# is built from. Each edit must apply, or the timing would measure nothing.
production="Sources/Environments/Production.swift"
shape="Sources/Environments/TradingSystem.swift"
cp "$production" "$work/Production.swift.orig"
cp "$shape" "$work/TradingSystem.swift.orig"
restore() { cp "$work/Production.swift.orig" "$production"; cp "$work/TradingSystem.swift.orig" "$shape"; }
trap 'restore; rm -rf "$work"' EXIT
sed -i 's/poolSize: 100, sslMode: .verifyFull/poolSize: 101, sslMode: .verifyFull/' "$production"
grep -q "poolSize: 101" "$production" || { echo "bench: the value edit did not apply" >&2; exit 1; }
start=$EPOCHREALTIME; swift build --product gen >/dev/null; value_edit=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }")
restore
sed -i 's|^        TradingEngine.serviceAccount()$|        TradingEngine.serviceAccount()\n        ConfigMap("bench-extra", data: ["added": "one resource"])|' "$shape"
grep -q "bench-extra" "$shape" || { echo "bench: the resource edit did not apply" >&2; exit 1; }
start=$EPOCHREALTIME; swift build --product gen >/dev/null; resource_edit=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }")
restore
swift build --product gen >/dev/null
start=$EPOCHREALTIME; swift build --product gen --scratch-path "$work/clean-build" >/dev/null 2>&1; clean=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }")
# Each warning is printed with its source excerpt: count distinct file:line:column locations.
slow=$(swift build --product gen --scratch-path "$work/clean-build" -Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=100 2>&1 \
    | { grep -oE "^/[^ ]+\.swift:[0-9]+:[0-9]+: warning: expression took" || true; } | sort -u | wc -l)
# Binary sizes: the debug gen just built clean, and the release benchmark binary (gen's rendering
# and writing with the Swift runtime linked in, as a release ships).
gen_size=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$work/clean-build/debug/gen") / 1048576 }")
release_size=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$ours_binary") / 1048576 }")
rm -rf "$work/clean-build"
printf 'edit\tone value\t%s\nedit\tone resource\t%s\nedit\tclean build\t%s\nedit\tslow expressions\t%s\n' "$value_edit" "$resource_edit" "$clean" "$slow" >> "$results"
printf 'edit\tgen size\t%s\nedit\trelease size\t%s\n' "$gen_size" "$release_size" >> "$results"

"$python" bench/report.py "$results" bench/README.md

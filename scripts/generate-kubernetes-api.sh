#!/usr/bin/env bash
# Regenerates Sources/KubernetesAPI/Generated from the Kubernetes 1.32 JSON schema that the pinned
# kubernetes-validate package ships in .venv, or with --check fails when the committed files are stale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="$(scripts/python-env.sh)"
schema="$("$python" -c 'import kubernetes_validate, os; print(os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema", "v1.32.0-local-strict"))')"
[[ -f "$schema/_definitions.json" ]] || { echo "no Kubernetes 1.32 schema at $schema" >&2; exit 1; }
swift run --quiet ${SCRATCH:+--scratch-path "$SCRATCH"} kubernetes-codegen --schema "$schema" "$@"

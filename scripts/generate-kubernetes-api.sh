#!/usr/bin/env bash
# Regenerates the typed Kubernetes API (Sources/KubernetesAPI/Generated) from the Kubernetes 1.32 JSON
# schema that the pinned kubernetes-validate package ships in .venv, and the custom resources
# (Sources/CustomResources/Generated from codegen/crds, and the importer's test fixture). With --check,
# writes nothing and fails when any committed file is stale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="$(scripts/python-env.sh)"
schema="$("$python" -c 'import kubernetes_validate, os; print(os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema", "v1.32.0-local-strict"))')"
[[ -f "$schema/_definitions.json" ]] || { echo "no Kubernetes 1.32 schema at $schema" >&2; exit 1; }
codegen() { swift run --quiet ${SCRATCH:+--scratch-path "$SCRATCH"} kubernetes-codegen "$@"; }
codegen api --schema "$schema" --output Sources/KubernetesAPI/Generated "$@"
codegen crd codegen/crds/*.yaml --output Sources/CustomResources/Generated "$@"
codegen crd Tests/Fixtures/crds/*.yaml --registry FixtureKinds --output Tests/CustomResourceFixtures/Generated "$@"

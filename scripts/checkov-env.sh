#!/usr/bin/env bash
# Creates (or refreshes) the git-ignored .venv-checkov with the pinned checkov and prints its
# checkov. Apart from .venv: checkov depends on a fork of python-hcl2 that installs the same `hcl2`
# module, which would replace the one the HCL tests read generated files with.
# Idempotent: does nothing when .venv-checkov already holds exactly scripts/requirements-checkov.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-checkov"
requirements="$root/scripts/requirements-checkov.txt"
stamp="$venv/.requirements.sha256"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

if [[ ! -x "$venv/bin/checkov" || ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
    echo "checkov-env: installing checkov into .venv-checkov" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
    echo "$wanted" > "$stamp"
fi
echo "$venv/bin/checkov"

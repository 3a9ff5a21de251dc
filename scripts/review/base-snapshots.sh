#!/usr/bin/env bash
# Writes the committed snapshot tree of a git revision (the pull request's base branch) into DIR:
# DIR/snapshots/<env>/... Usage: base-snapshots.sh REVISION DIR
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: base-snapshots.sh REVISION DIR" >&2; exit 64; }
revision="$1" directory="$2"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
git rev-parse --verify --quiet "$revision^{commit}" >/dev/null || { echo "base-snapshots: no revision $revision" >&2; exit 1; }
mkdir -p "$directory"
if git cat-file -e "$revision:snapshots" 2>/dev/null; then
    git archive "$revision" snapshots | tar -x -C "$directory"
else
    # A base without snapshots: every environment is new.
    mkdir -p "$directory/snapshots"
fi

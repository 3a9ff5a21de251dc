#!/usr/bin/env bash
# The README's example review comment: every environment as it renders now against
# Tests/Fixtures/review-base (the output of an earlier commit), written to docs/review-example.md.
# With --check, compares instead and fails when the committed example is stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
example="docs/review-example.md"
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
status=0
swift run --quiet gen diff --all --against Tests/Fixtures/review-base --format markdown >"$rendered" || status=$?
[[ $status -eq 1 ]] || { echo "example: gen diff exited $status; the example must show changes" >&2; exit 1; }
if [[ "${1:-}" == "--check" ]]; then
    diff -u "$example" "$rendered" || { echo "example: $example is stale; run scripts/review/example.sh and read its diff" >&2; exit 1; }
    echo "example: $example is current"
else
    mkdir -p docs
    cp "$rendered" "$example"
    echo "example: wrote $example"
fi

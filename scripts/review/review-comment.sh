#!/usr/bin/env bash
# Fails when the committed snapshots are stale, then writes the review comment: what the change does
# to every environment against BASE (a snapshot tree, as base-snapshots.sh writes it), as Markdown.
# Usage: review-comment.sh BASE_SNAPSHOTS OUTPUT.md
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: review-comment.sh BASE_SNAPSHOTS OUTPUT.md" >&2; exit 64; }
base="$1" output="$2"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
swift run --quiet gen --all --check --output snapshots
status=0
swift run --quiet gen diff --all --against "$base" --format markdown >"$output" || status=$?
# gen diff exits 1 when something changed: that is a review to post, not a failure.
[[ $status -le 1 ]] || exit "$status"
echo "review-comment: wrote $output ($( [[ $status -eq 1 ]] && echo "changes" || echo "no change" ))"

#!/usr/bin/env bash
# Posts the review comment on the pull request, or updates the one posted before (found by the
# marker on its first line), with the GitHub CLI. Needs GH_TOKEN, GITHUB_REPOSITORY and PR_NUMBER.
# With --dry-run, prints the request it would send instead (the test command runs it so).
# Usage: post-comment.sh [--dry-run] COMMENT.md
set -euo pipefail
dry_run=false
if [[ "${1:-}" == "--dry-run" ]]; then dry_run=true; shift; fi
[[ $# -eq 1 ]] || { echo "usage: post-comment.sh [--dry-run] COMMENT.md" >&2; exit 64; }
comment="$1"
marker="<!-- infradsl-review -->"
[[ "$(head -n 1 "$comment")" == "$marker" ]] || { echo "post-comment: $comment does not start with the review marker" >&2; exit 1; }
: "${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}" "${PR_NUMBER:?PR_NUMBER is not set}"
comments="repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments"
if $dry_run; then
    echo "would find: gh api --paginate $comments (first comment whose body starts with $marker)"
    echo "would send: $(wc -c <"$comment") bytes from $comment, as a new comment or an edit of that one"
    exit 0
fi
existing="$(gh api --paginate "$comments" --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [[ -n "$existing" ]]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$comment" >/dev/null
    echo "post-comment: updated comment $existing"
else
    gh api --method POST "$comments" -F "body=@$comment" >/dev/null
    echo "post-comment: posted a new comment"
fi

#!/usr/bin/env bash
# The pull-request workflow, checked offline by the test command: actionlint over the workflow (which
# runs ShellCheck over its run steps), ShellCheck over the scripts it runs, and each of those scripts run
# here as the workflow runs them (the fast tests run as the test command's own test step). Prints
# "review checks: N passed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
python="$(scripts/python-env.sh)" || exit 1
bin="$(dirname "$python")"
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1" >&2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v shellcheck >/dev/null || { echo "review: shellcheck is not installed (scripts/system-deps.sh installs it)" >&2; exit 1; }
workflows=(.github/workflows/*.yml)
[[ -e "${workflows[0]}" ]] || { echo "review: no workflow under .github/workflows" >&2; exit 1; }
if result="$("$bin/actionlint" -shellcheck shellcheck "${workflows[@]}" 2>&1)"; then pass; else fail "actionlint: $result"; fi
if result="$(shellcheck scripts/review/*.sh 2>&1)"; then pass; else fail "shellcheck: $result"; fi

# The workflow's steps, in its order, on this repository.
if result="$(scripts/review/base-snapshots.sh HEAD "$work/base" 2>&1)" && [[ -d "$work/base/snapshots/production/kubernetes" ]]; then
    pass
else
    fail "base-snapshots.sh HEAD: $result"
fi
if result="$(scripts/review/review-comment.sh "$work/base/snapshots" "$work/review.md" 2>&1)" \
    && [[ "$(head -n 1 "$work/review.md")" == "<!-- infradsl-review -->" ]]; then
    pass
else
    fail "review-comment.sh: $result"
fi
if result="$(GITHUB_REPOSITORY=example/infradsl PR_NUMBER=1 scripts/review/post-comment.sh --dry-run "$work/review.md" 2>&1)" \
    && [[ "$result" == *"would send"* ]]; then
    pass
else
    fail "post-comment.sh --dry-run: $result"
fi
# A comment without the marker is refused: the workflow could never find it again to update it.
tail -n +2 "$work/review.md" >"$work/unmarked.md"
if ! GITHUB_REPOSITORY=example/infradsl PR_NUMBER=1 scripts/review/post-comment.sh --dry-run "$work/unmarked.md" >/dev/null 2>&1; then pass; else fail "post-comment.sh accepted a comment without the marker"; fi
# The README's example comment is what the command makes of a real change.
if result="$(scripts/review/example.sh --check 2>&1)"; then pass; else fail "$result"; fi

echo "review checks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

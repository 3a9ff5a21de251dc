#!/usr/bin/env bash
# The tests' fast part: builds gen and the Swift test targets and runs the Swift tests (no external
# validators, no engine against real servers). The pull-request workflow runs it; so does the test
# command (scripts/test.sh), as its test step, with its own BUILD_FLAGS (the build is then current).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
read -r -a flags <<<"${BUILD_FLAGS:-}"
swift build --build-tests "${flags[@]}"
swift test --skip-build --disable-xctest

#!/usr/bin/env bash
# Every test the project has: type check, unit tests, end-to-end tests in Debian's Chromium.
# Installs what it needs when it can (npm packages; Chromium when run as root with apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$((SECONDS - started))"; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Chromium for the end-to-end tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Chromium at $CHROMIUM_PATH." >&2
    echo "On Debian or Ubuntu: sudo apt-get install chromium   (or set CHROMIUM_PATH to another Chromium)" >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

# The AWS CLI conformance test (tests/conformance/cli-scenario.test.ts) runs Debian's AWS CLI v2 at
# /usr/bin/aws against the local endpoint; without it that one test is skipped, not failed.
AWS_CLI_VERSION="$(/usr/bin/aws --version 2>&1 || true)"
if [ "${AWS_CLI_VERSION#aws-cli/2.}" = "$AWS_CLI_VERSION" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's AWS CLI v2 for the CLI conformance test"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
  else
    echo "The AWS CLI conformance test will be skipped: it needs AWS CLI v2 at /usr/bin/aws (sudo apt-get install awscli)." >&2
  fi
fi

step "Lesson files (content/AUTHORING.md rules)"
node scripts/check-lessons.mjs > /dev/null

step "Type check (svelte-check)"
npm run --silent check

step "Unit tests (Vitest)"
npm test --silent

step "End-to-end tests (Playwright, built static site in Chromium)"
CI="${CI:-}" npx playwright test

step "All tests passed"

#!/bin/bash
# Captures what the real AWS CLI v2 prints against the local endpoint. Start the endpoint first:
#   npm run endpoint -- --port 4599 --clock frozen --now 2026-11-23T18:28:39.483Z &
#   bash scripts/cli/capture-aws-goldens.sh
# The capture resets the endpoint's world to that instant itself, so the endpoint may be reused.
# Writes tests/unit/cli/aws/fixtures/captured-v2.json (or $OUT) with /usr/bin/aws (or $AWS_CLI);
# the cases are in scripts/cli/aws-golden-cases.mjs, the driver in capture-aws-goldens.mjs.
set -eu
cd "$(dirname "$0")/../.."
exec node scripts/cli/capture-aws-goldens.mjs

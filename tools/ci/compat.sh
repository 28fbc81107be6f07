#!/usr/bin/env bash
# jsii-diff: fails on breaking API changes against the last release on npm.
# Until cdk-fargate-kit is published there is nothing to compare with: skip with exit 0.
# Allowed breaks go, one per line with a reason, into .compatignore.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
name=$(node -p 'require("./package.json").name')
if ! released=$(npm view "$name" version 2>"${TMPDIR:-/tmp}/compat-npm-view.log"); then
  if grep -q E404 "${TMPDIR:-/tmp}/compat-npm-view.log"; then
    echo "compat: SKIPPED: $name is not published on npm yet, so there is no released API to compare with"
    exit 0
  fi
  cat "${TMPDIR:-/tmp}/compat-npm-view.log"; echo "compat: npm view $name failed"; exit 1
fi
[ -f .jsii ] || { echo "compat: no .jsii assembly; run 'npx projen compile' first"; exit 1; }
touch .compatignore
echo "compat: comparing the API with $name@$released (npm)"
npx jsii-diff "npm:$name@$released" . --keys --ignore-file .compatignore

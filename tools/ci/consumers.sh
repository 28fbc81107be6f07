#!/usr/bin/env bash
# Every consumer test, TypeScript first (the others compare their template with its), then a
# table of their times. Needs the packages: `npx projen compile` and `npx projen package`.
set -uo pipefail
source "$(dirname "$0")/consumer-lib.sh"
rm -rf "$results"
status=0
for lang in typescript python java go; do
  echo "--- consumer: $lang"
  bash "$repo/tools/ci/consumer-$lang.sh" || { status=1; [ "$lang" = typescript ] && break; }
done
echo "| consumer | install / build s | cdk synth s |"
echo "|---|---|---|"
[ -f "$results/times.tsv" ] && awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }' "$results/times.tsv"
[ $status -eq 0 ] && echo "consumers: OK" || echo "consumers: FAILED"
exit $status

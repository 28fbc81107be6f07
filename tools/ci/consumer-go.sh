#!/usr/bin/env bash
# Go consumer: a fresh Go module outside the repo requires the locally built module
# (dist/go/cdkfargatekit, `npx projen package:go`, through a replace directive) plus
# aws-cdk-go and jsii-runtime-go from the Go module proxy; README's ```go example is built
# and synthesized with the repo's cdk CLI; its template must equal the TypeScript consumer's.
# Go's caches (~/go/pkg/mod, ~/.cache/go-build) make a second run fast; nothing depends on them.
set -euo pipefail
source "$(dirname "$0")/consumer-lib.sh"
lib="$repo/dist/go/cdkfargatekit"
[ -f "$lib/go.mod" ] || { echo "consumer-go: no module in dist/go; run 'npx projen package:go' first"; exit 1; }
libmod=$(awk '/^module /{print $2}' "$lib/go.mod")
consumer_workdir go
app="$work/app"
mkdir -p "$app"
readme_block go "$app/main.go"
cat >"$app/go.mod" <<MOD
module consumerapp

go 1.25

require $libmod v0.0.0

replace $libmod => $lib
MOD
t=$(now)
(cd "$app" && go mod tidy >"$work/go.log" 2>&1 && go build -o webapp . >>"$work/go.log" 2>&1) \
  || { tail -40 "$work/go.log"; echo "FAIL: go build of README's go example against $libmod"; exit 1; }
install_s=$(took "$t")
echo "go mod tidy + go build (aws-cdk-go $(awk '/aws-cdk-go\/awscdk\/v2 /{print $2}' "$app/go.mod")): $install_s s"
synth_and_compare go "$app" ./webapp "$install_s"

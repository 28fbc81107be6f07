#!/usr/bin/env bash
# Builds the Go module into dist/go/cdkfargatekit: jsii-pacmak generates it (--code-only),
# then `go mod tidy`, `gofmt` and `go build` here — what `jsii-pacmak --target go` does,
# less one step that fails on the Go module proxy: pacmak requires every npm package of the
# dependency closure as an indirect Go module at its npm version, and some of those versions
# are not Go modules at all (aws-cdk-lib 2.258.0 bundles @aws-cdk/cloud-assembly-schema
# 54.26.0, while aws-cdk-go v2.258.0 needs awscdkcloudassemblyschema/v54 v54.1.0; the proxy
# answers 403 for v54.26.0). The indirect lines are dropped and Go's own resolution takes
# them from aws-cdk-go's go.mod. Go's module and build caches (~/go, ~/.cache/go-build)
# make a second run fast; nothing depends on them.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
SECONDS=0
rm -rf dist/go
npx jsii-pacmak --code-only --target go --outdir dist >/dev/null
mod=dist/go/cdkfargatekit
[ -f "$mod/go.mod" ] || { echo "package:go: jsii-pacmak generated no $mod/go.mod"; exit 1; }
sed -i '/\/\/ indirect$/d' "$mod/go.mod"
(cd "$mod" && go mod tidy && gofmt -w . && go build ./... && go vet ./...)
echo "package:go: $mod builds ($(grep -c . "$mod/go.sum") go.sum lines, ${SECONDS} s)"

#!/usr/bin/env bash
# Generates the Python, Java, C# and Go bindings of the compiled assembly (.jsii) with
# `jsii-pacmak --code-only` into a temporary folder and checks them offline:
#   - every jsii type of the assembly has its class/file in each of the four languages;
#   - Python: every generated .py byte-compiles (python3 -m py_compile);
#   - Go: every generated .go parses (gofmt -e -l; pacmak formats only when it packages,
#     so unformatted files are reported, not failed);
#   - Java: every generated .java parses (javac's parser, tools/ci/JavaParse.java), when a JDK is there.
# C# has no offline checker here (no dotnet SDK): files are generated and counted only.
# Full packaging (wheels, jars, nupkg, Go module) needs PyPI, Maven, NuGet and the Go proxy:
# that is `npx projen package-all`, on a machine that reaches them.
# Needs `jsii` to have run (npx projen compile). Set KEEP_LANGUAGES_DIR=1 to keep the sources.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
[ -f .jsii ] || { echo "check-languages: no .jsii assembly; run 'npx projen compile' first"; exit 1; }

out="$(mktemp -d "${TMPDIR:-/tmp}/cdk-fargate-kit-languages.XXXXXX")"
if [ -z "${KEEP_LANGUAGES_DIR:-}" ]; then trap 'rm -rf "$out"' EXIT; else echo "sources kept in $out"; fi
fail=0
problem() { echo "FAIL: $*"; fail=1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

t=$(now)
npx jsii-pacmak --code-only --no-npmignore --no-fingerprint --force \
  --targets python java dotnet go --outdir "$out" >"$out/pacmak.log" 2>&1 \
  || { cat "$out/pacmak.log"; echo "FAIL: jsii-pacmak --code-only"; exit 1; }
echo "jsii-pacmak --code-only python java dotnet go: $(took "$t")"

# Every type of the assembly must appear in every language.
mapfile -t types < <(node -e '
  const a = JSON.parse(require("fs").readFileSync(".jsii", "utf8"));
  for (const fqn of Object.keys(a.types)) console.log(fqn.slice(a.name.length + 1));')
[ "${#types[@]}" -gt 0 ] || { echo "FAIL: no types read from .jsii"; exit 1; }
py="$out/python/src/cdk_fargate_kit/__init__.py"
for type in "${types[@]}"; do
  [[ "$type" == *.* ]] && { problem "$type: submodules are not checked here yet"; continue; }
  grep -q "^class ${type}\b" "$py" || problem "python: no class $type in $py"
  [ -n "$(find "$out/java" -name "${type}.java")" ] || problem "java: no ${type}.java"
  [ -n "$(find "$out/dotnet" -name "${type}.cs")" ] || problem "dotnet: no ${type}.cs"
  [ -n "$(find "$out/go" -name "${type}.go")" ] || problem "go: no ${type}.go"
done
echo "${#types[@]} jsii types, each found in Python, Java, C# and Go"

# Python: byte-compile every generated module.
t=$(now)
mapfile -d '' pyfiles < <(find "$out/python" -name '*.py' -print0)
if python3 -m py_compile "${pyfiles[@]}"; then
  echo "python: ${#pyfiles[@]} .py files byte-compile ($(took "$t"))"
else
  problem "python: py_compile failed"
fi

# Go: parse every generated file.
t=$(now)
gofiles=$(find "$out/go" -name '*.go' | wc -l)
if command -v gofmt >/dev/null; then
  if unformatted=$(gofmt -e -l "$out/go"); then
    echo "go: $gofiles .go files parse (gofmt -e; $(echo "$unformatted" | grep -c . || true) not yet gofmt-formatted, pacmak formats when packaging) ($(took "$t"))"
  else
    problem "go: gofmt -e found syntax errors"
  fi
else
  echo "go: $gofiles .go files generated; SKIPPED syntax check (no gofmt: apt-get install golang-go)"
fi

# Java: parse every generated file with javac's parser (no Maven dependencies needed).
t=$(now)
mapfile -d '' javafiles < <(find "$out/java" -name '*.java' -print0)
if command -v java >/dev/null; then
  if java tools/ci/JavaParse.java "${javafiles[@]}"; then
    echo "java: ${#javafiles[@]} .java files parse ($(took "$t"))"
  else
    problem "java: syntax errors"
  fi
else
  echo "java: ${#javafiles[@]} .java files generated; SKIPPED syntax check (no JDK)"
fi

csfiles=$(find "$out/dotnet" -name '*.cs' | wc -l)
echo "dotnet: $csfiles .cs files generated (no offline C# checker)"

if [ "$fail" -ne 0 ]; then echo "check-languages: FAILED"; exit 1; fi
echo "check-languages: OK"

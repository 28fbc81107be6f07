#!/usr/bin/env bash
# Compiles every TypeScript code block of README.md with jsii-rosetta in strict mode (a
# block that does not compile fails this script) and checks that each one was translated
# to Python, Java, C# and Go. The README travels inside the jsii assembly, so this reads
# .jsii: run `npx projen compile` first. rosetta/default.ts-fixture wraps each block.
# Writes the translations to .jsii.tabl.json (git- and npm-ignored); set
# ROSETTA_SHOW=python|java|csharp|go to print every block in that language.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
[ -f .jsii ] || { echo "check-readme: no .jsii assembly; run 'npx projen compile' first"; exit 1; }

# The assembly must carry the README as it is now (a stale .jsii would check old examples).
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync(".jsii", "utf8"));
  const readme = fs.readFileSync("README.md", "utf8");
  if (!a.readme || a.readme.markdown.trim() !== readme.trim()) {
    console.error("check-readme: .jsii holds an older README.md; run `npx projen compile` first");
    process.exit(1);
  }'

start=$(date +%s.%N)
rm -f .jsii.tabl.json
npx jsii-rosetta extract --strict .jsii
node -e '
  const fs = require("fs");
  const languages = ["python", "java", "csharp", "go"];
  const tablet = JSON.parse(fs.readFileSync(".jsii.tabl.json", "utf8"));
  const readme = fs.readFileSync("README.md", "utf8");
  const blocks = (readme.match(/^```(ts|typescript)\b/gm) || []).length;
  const snippets = Object.values(tablet.snippets).filter(s => s.location.api.api === "moduleReadme");
  const problems = [];
  if (snippets.length !== blocks) problems.push(`README has ${blocks} TypeScript blocks but rosetta compiled ${snippets.length}`);
  for (const s of snippets) {
    const where = `README.md line ${s.location.field.line}`;
    if (!s.didCompile) problems.push(`${where}: did not compile`);
    for (const l of languages) {
      if (!s.translations[l] || !s.translations[l].source.trim()) problems.push(`${where}: no ${l} translation`);
    }
  }
  const show = process.env.ROSETTA_SHOW;
  if (show) for (const s of snippets) console.log(`--- README.md line ${s.location.field.line} (${show})\n${s.translations[show].source}`);
  if (problems.length) { console.error(problems.map(p => `FAIL: ${p}`).join("\n")); process.exit(1); }
  console.log(`check-readme: ${snippets.length} README code blocks compile in strict mode and translate to ${languages.join(", ")}`);'
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "jsii-rosetta extract --strict: %.1f s\n", b - a }'

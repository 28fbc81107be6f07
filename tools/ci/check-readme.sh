#!/usr/bin/env bash
# Compiles every TypeScript code block (```ts / ```typescript) of README.md, docs/*.md and
# CONTRIBUTING.md with jsii-rosetta in strict mode (a block that does not compile fails this
# script), checks that each one was translated to Python, Java, C# and Go, checks that
# every relative link of those files points at an existing file (and heading anchor), and
# compares the numbers and stabilities those files state with the code (step 3).
# Other blocks (python, java, go, sh, text, mermaid) are not compiled: rosetta only reads
# TypeScript blocks.
#
# README.md travels inside the jsii assembly, so this reads .jsii: run `npx projen compile`
# (or `npx jsii`) first. The docs do not travel in the package; to compile them with the same
# dependencies and fixture, this copies the assembly into a temporary folder and adds each
# docs file there as the readme of a made-up submodule (nothing in the repo's .jsii changes).
# rosetta/default.ts-fixture wraps each block. Writes the translations to .jsii.tabl.json
# (git- and npm-ignored); set ROSETTA_SHOW=python|java|csharp|go to print every block in
# that language.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
[ -f .jsii ] || { echo "check-readme: no .jsii assembly; run 'npx projen compile' first"; exit 1; }
[ -f lib/index.d.ts ] || { echo "check-readme: no lib/index.d.ts; run 'npx projen compile' first"; exit 1; }

# The files checked: README.md first, then docs/*.md and CONTRIBUTING.md (when present).
files=(README.md)
for f in docs/*.md CONTRIBUTING.md; do [ -f "$f" ] && files+=("$f"); done

# 1. Relative links: every [text](target) outside code blocks whose target is not a URL must
#    name an existing file, and a #anchor must be a heading of that file (GitHub's slugs).
node - "${files[@]}" <<'JS'
const fs = require('fs');
const path = require('path');
const problems = [];
function stripCode(md) {
  // blank out fenced blocks and inline code, keeping line numbers
  return md.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, m => m.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, m => ' '.repeat(m.length));
}
function anchors(file) {
  // GitHub's heading slugs: text of the heading (code spans kept as text), lower case,
  // punctuation dropped, spaces to hyphens, -1, -2, ... for repeats
  const md = fs.readFileSync(file, 'utf8').replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, '');
  const seen = new Map();
  const out = new Set();
  for (const m of md.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = m[1].replace(/<[^>]+>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim().toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}
let count = 0;
for (const file of process.argv.slice(2)) {
  const md = stripCode(fs.readFileSync(file, 'utf8'));
  const lines = md.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, ...
      count++;
      const [p, anchor] = target.split('#');
      const dest = p === '' ? file : path.normalize(path.join(path.dirname(file), p));
      const where = `${file}:${i + 1}: link ${target}`;
      if (!fs.existsSync(dest)) { problems.push(`${where}: ${dest} does not exist`); continue; }
      if (anchor !== undefined) {
        if (!dest.endsWith('.md')) { problems.push(`${where}: anchors are only checked in .md files`); continue; }
        if (!anchors(dest).has(anchor)) problems.push(`${where}: ${dest} has no heading #${anchor}`);
      }
    }
  });
}
if (problems.length) { console.error(problems.map(p => `FAIL: ${p}`).join('\n')); process.exit(1); }
console.log(`check-readme: ${count} relative links in ${process.argv.length - 2} files point at existing files and headings`);
JS

# 2. The assembly must carry the README as it is now (a stale .jsii would check old examples).
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync(".jsii", "utf8"));
  const readme = fs.readFileSync("README.md", "utf8");
  if (!a.readme || a.readme.markdown.trim() !== readme.trim()) {
    console.error("check-readme: .jsii holds an older README.md; run `npx projen compile` first");
    process.exit(1);
  }'

# 3. What the docs state about the code must be what the code says: the numbers of constructs
#    (classes of .jsii that extend Construct), topologies (VpcTopology), example stacks and
#    demo stacks (tools/demo-stacks.ts), the demo's stack names, and every table with a
#    Stability column against the stabilities of .jsii. It then makes each statement it found
#    wrong and checks that the comparison trips on it (tools/ci/doc-facts.ts; its own tests are
#    in tools/test/ci/, run by `npx projen test:tools`).
npx tsx tools/ci/doc-facts.ts "${files[@]}"

# 4. A copy of the assembly whose made-up submodules carry the docs, beside the package's
#    lib/ (types), package.json (dependencies), node_modules and rosetta/ (fixtures).
work="$(mktemp -d "${TMPDIR:-/tmp}/cdk-fargate-kit-rosetta.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for f in lib node_modules rosetta package.json; do ln -s "$repo/$f" "$work/$f"; done
node - "$work/.jsii" "${files[@]}" <<'JS'
const fs = require('fs');
const [out, ...files] = process.argv.slice(2);
const a = JSON.parse(fs.readFileSync('.jsii', 'utf8'));
const map = { [a.name]: 'README.md' };
a.submodules = a.submodules ?? {};
for (const f of files.slice(1)) {
  const fqn = `${a.name}.rosetta_doc_${f.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;
  a.submodules[fqn] = { readme: { markdown: fs.readFileSync(f, 'utf8') } };
  map[fqn] = f;
}
fs.writeFileSync(out, JSON.stringify(a));
fs.writeFileSync(`${out}.files.json`, JSON.stringify(map));
JS

start=$(date +%s.%N)
rm -f .jsii.tabl.json
npx jsii-rosetta extract --strict "$work/.jsii" || {
  echo "check-readme: a TypeScript block does not compile; rosetta names it <module>-README-L<line>.ts, where"
  echo "  module cdk-fargate-kit is README.md and cdk-fargate-kit.rosetta_doc_docs_NAME is docs/NAME.md (with - as _)"
  exit 1
}
cp "$work/.jsii.tabl.json" .jsii.tabl.json
node - "$work/.jsii.files.json" <<'JS'
const fs = require('fs');
const languages = ['python', 'java', 'csharp', 'go'];
const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const tablet = JSON.parse(fs.readFileSync('.jsii.tabl.json', 'utf8'));
const snippets = Object.values(tablet.snippets).filter(s => s.location.api.api === 'moduleReadme');
const problems = [];
let total = 0;
const perFile = [];
for (const [fqn, file] of Object.entries(files)) {
  const md = fs.readFileSync(file, 'utf8');
  const blocks = (md.match(/^```(ts|typescript)\b/gm) || []).length;
  const mine = snippets.filter(s => s.location.api.moduleFqn === fqn);
  total += mine.length;
  if (blocks) perFile.push(`${file} ${mine.length}`);
  if (mine.length !== blocks) {
    problems.push(`${file} has ${blocks} TypeScript blocks but rosetta compiled ${mine.length} (a block identical to another one is counted once: make each block distinct)`);
  }
  if (/^[ \t]+```(ts|typescript)\b/m.test(md)) problems.push(`${file}: an indented TypeScript block; put TypeScript blocks at the start of a line so rosetta reads them`);
  for (const s of mine) {
    const where = `${file} line ${s.location.field.line}`;
    if (!s.didCompile) problems.push(`${where}: did not compile`);
    for (const l of languages) {
      if (!s.translations[l] || !s.translations[l].source.trim()) problems.push(`${where}: no ${l} translation`);
    }
  }
  const show = process.env.ROSETTA_SHOW;
  if (show) for (const s of mine) console.log(`--- ${file} line ${s.location.field.line} (${show})\n${s.translations[show].source}`);
}
if (problems.length) { console.error(problems.map(p => `FAIL: ${p}`).join('\n')); process.exit(1); }
console.log(`check-readme: ${total} TypeScript code blocks compile in strict mode and translate to ${languages.join(', ')} (${perFile.join(', ')})`);
JS
awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "jsii-rosetta extract --strict: %.1f s\n", b - a }'

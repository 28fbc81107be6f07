# Shared by the consumer tests (tools/ci/consumer-*.sh): each builds a fresh app outside the
# repo from README's example in its language, installs the locally built package plus that
# language's aws-cdk-lib and constructs from its registry, runs `cdk synth` with the repo's
# cdk CLI, and compares the template with the TypeScript consumer's. Source it after `set -euo pipefail`.
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_DISABLE_CLI_TELEMETRY=true
bin="$repo/node_modules/.bin"
results="$repo/test-reports/consumer"
cdklib=$(node -p 'require(process.argv[1] + "/node_modules/aws-cdk-lib/package.json").version' "$repo")
constructs=$(node -p 'require(process.argv[1] + "/node_modules/constructs/package.json").version' "$repo")
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# consumer_workdir NAME: a temporary folder outside the repo, removed on exit unless KEEP_CONSUMER_DIR is set.
consumer_workdir() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/cdk-fargate-kit-consumer-$1.XXXXXX")"
  case "$work" in "$repo"/*) echo "consumer-$1: temp folder is inside the repo"; exit 1;; esac
  if [ -z "${KEEP_CONSUMER_DIR:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "consumer app kept in $work"; fi
}

# readme_block LANG OUT: writes README's first ```LANG block to OUT.
readme_block() {
  node - "$repo/README.md" "$1" "$2" <<'JS'
const fs = require('fs');
const [readme, lang, out] = process.argv.slice(2);
const langs = lang === 'ts' ? '(?:ts|typescript)' : lang;
const m = fs.readFileSync(readme, 'utf8').match(new RegExp('^```' + langs + '\\n([\\s\\S]*?)^```', 'm'));
if (!m) { console.error(`FAIL: README.md has no ${lang} example`); process.exit(1); }
fs.writeFileSync(out, m[1]);
console.log(`README's ${lang} example: ${m[1].split('\n').length - 1} lines -> ${require('path').basename(out)}`);
JS
}

# synth_app LANG APPDIR: `cdk synth` with the repo's CLI (APPDIR/cdk.json names the app), then
# keeps the templates in test-reports/consumer/LANG/.
synth_app() {
  local lang="$1" app="$2"
  (cd "$app" && "$bin/cdk" synth --quiet --no-notices --no-version-reporting >"$app/synth.log" 2>&1) \
    || { cat "$app/synth.log"; echo "FAIL: cdk synth of README's $lang example"; exit 1; }
  rm -rf "${results:?}/$lang"; mkdir -p "$results/$lang"
  cp "$app"/cdk.out/*.template.json "$results/$lang/"
}

# same_as_typescript LANG: every template of LANG holds exactly the TypeScript consumer's resources,
# outputs, parameters and conditions (logical IDs, types, properties, metadata).
same_as_typescript() {
  node - "$results/typescript" "$results/$1" "$1" <<'JS'
const fs = require('fs');
const path = require('path');
const [tsDir, dir, lang] = process.argv.slice(2);
// Resources, outputs, parameters and conditions, keyed by section and logical ID.
const read = d => Object.fromEntries(fs.readdirSync(d).filter(f => f.endsWith('.template.json')).map(f => {
  const t = JSON.parse(fs.readFileSync(path.join(d, f), 'utf8'));
  const entries = ['Resources', 'Outputs', 'Parameters', 'Conditions']
    .flatMap(section => Object.entries(t[section] ?? {}).map(([id, v]) => [`${section}.${id}`, v]));
  return [f, Object.fromEntries(entries)];
}));
if (!fs.existsSync(tsDir)) { console.error('FAIL: no TypeScript consumer template to compare with; run tools/ci/consumer-test.sh first'); process.exit(1); }
const want = read(tsDir);
const got = read(dir);
const problems = [];
for (const f of new Set([...Object.keys(want), ...Object.keys(got)])) {
  if (!want[f] || !got[f]) { problems.push(`${f}: only in ${want[f] ? 'TypeScript' : lang}`); continue; }
  for (const id of new Set([...Object.keys(want[f]), ...Object.keys(got[f])])) {
    const a = JSON.stringify(want[f][id]);
    const b = JSON.stringify(got[f][id]);
    if (a !== b) problems.push(`${f} ${id}: TypeScript ${a?.slice(0, 300) ?? 'none'}\n    ${lang} ${b?.slice(0, 300) ?? 'none'}`);
  }
}
if (problems.length) { console.error(`FAIL: the ${lang} template differs from the TypeScript one:\n  ${problems.join('\n  ')}`); process.exit(1); }
const n = Object.values(got).reduce((s, r) => s + Object.keys(r).length, 0);
console.log(`${lang}: ${Object.keys(got).join(', ')} holds the same ${n} resources, outputs, parameters and conditions as TypeScript's`);
JS
}

# synth_and_compare LANG APPDIR APP_COMMAND INSTALL_S: writes APPDIR/cdk.json for APP_COMMAND,
# synthesizes, compares with the TypeScript template and records the times.
synth_and_compare() {
  local lang="$1" app="$2" command="$3" install_s="$4" t synth_s
  node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ app: process.argv[2] }) + "\n")' "$app/cdk.json" "$command"
  t=$(now)
  synth_app "$lang" "$app"
  synth_s=$(took "$t")
  echo "cdk synth ($command): $synth_s s"
  same_as_typescript "$lang"
  record "$lang" "$install_s" "$synth_s"
  echo "consumer-$lang: OK"
}

# record LANG INSTALL_S SYNTH_S: one row of the timing table printed by tools/ci/consumers.sh.
record() {
  mkdir -p "$results"
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results/times.tsv"
}

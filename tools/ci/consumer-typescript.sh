#!/usr/bin/env bash
# The consumer's path: what a user does must work as they do it.
#  1. `npm pack` the library (after compile and docgen) and check the tarball holds exactly
#     package.json, README.md, LICENSE, API.md, .jsii and lib/**/*.{js,d.ts};
#  2. install the tarball into a fresh CDK app in a temporary folder outside the repo, whose
#     package.json has only aws-cdk-lib, constructs and the tarball (npm checks the peer ranges);
#  3. write README's first TypeScript example there as app.ts, type-check it against the
#     packed .d.ts files and `cdk synth` it; the template must hold the VPC and task definition;
#  4. run the packaged command `npx cdk-fargate-kit report cdk.out` there: the report must have
#     its sections, a Mermaid diagram and a non-zero monthly cost.
# The TypeScript compiler, tsx and the cdk CLI come from the repo's node_modules (the app
# itself resolves only its own node_modules). npm installs from its cache when it can.
# Set KEEP_CONSUMER_DIR=1 to keep the app.
set -euo pipefail
source "$(dirname "$0")/consumer-lib.sh"
cd "$repo"
for f in .jsii lib/index.js lib/index.d.ts API.md; do
  [ -f "$f" ] || { echo "consumer-typescript: $f is missing; run 'npx projen compile' (jsii + docgen) first"; exit 1; }
done

consumer_workdir typescript

# 1. pack and check the file list
t=$(now)
npm pack --pack-destination "$work" --json --ignore-scripts >"$work/pack.json" 2>"$work/pack.log" \
  || { cat "$work/pack.log"; exit 1; }
tarball="$work/$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))[0].filename' "$work/pack.json")"
node - "$work/pack.json" <<'JS'
const files = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'))[0].files.map(f => f.path);
const allowed = p => ['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii'].includes(p)
  || /^lib\/.+\.(js|d\.ts)$/.test(p)
  || /^node_modules\/ipaddr\.js\//.test(p) // bundled runtime dependencies: CIDR parsing,
  || /^node_modules\/commander\//.test(p) // the report command's argument parser,
  // and the CloudFormation resource specification that `report --compare` reads (with its two dependencies)
  || /^node_modules\/(@aws-cdk\/aws-service-spec|@cdklabs\/tskb)\//.test(p);
const required = ['package.json', 'README.md', 'LICENSE', 'API.md', '.jsii', 'lib/index.js', 'lib/index.d.ts'];
const extra = files.filter(p => !allowed(p));
const missing = required.filter(p => !files.includes(p));
if (extra.length || missing.length) {
  if (extra.length) console.error(`FAIL: the package holds files it must not: ${extra.join(', ')}`);
  if (missing.length) console.error(`FAIL: the package lacks: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`package: ${files.length} files, only package.json, README.md, LICENSE, API.md, .jsii, lib/**/*.{js,d.ts} and the bundled ipaddr.js, commander and @aws-cdk/aws-service-spec`);
JS
echo "npm pack: $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KiB, $(took "$t") s)"

# 2. a fresh CDK app that depends on the tarball only
app="$work/app"
mkdir -p "$app"
cat >"$app/package.json" <<JSON
{
  "name": "consumer-app",
  "private": true,
  "dependencies": {
    "aws-cdk-lib": "$cdklib",
    "constructs": "$constructs",
    "cdk-fargate-kit": "file:$tarball"
  }
}
JSON
t=$(now)
(cd "$app" && npm install --prefer-offline --no-audit --no-fund --loglevel=error) \
  || { echo "FAIL: npm install of the tarball into a fresh app (aws-cdk-lib $cdklib, constructs $constructs)"; exit 1; }
[ -L "$app/node_modules/cdk-fargate-kit" ] && { echo "FAIL: cdk-fargate-kit is linked, not installed"; exit 1; }
install_s=$(took "$t")
echo "npm install (aws-cdk-lib $cdklib, constructs $constructs, the tarball): $install_s s"

# 3. README's first example, type-checked and synthesized
readme_block ts "$app/app.ts"
cat >"$app/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "noEmit": true,
  "skipLibCheck": true, "types": [] }, "files": ["app.ts"] }
JSON
t=$(now)
(cd "$app" && "$bin/tsc" -p tsconfig.json) || { echo "FAIL: README example does not type-check against the package"; exit 1; }
echo "tsc --noEmit app.ts: $(took "$t") s"
cat >"$app/cdk.json" <<JSON
{ "app": "$bin/tsx app.ts" }
JSON
t=$(now)
synth_app typescript "$app"
synth_s=$(took "$t")
echo "cdk synth: $synth_s s"
node - "$app/cdk.out" <<'JS'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const templates = fs.readdirSync(dir).filter(f => f.endsWith('.template.json'));
const types = new Set(templates.flatMap(f =>
  Object.values(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).Resources ?? {}).map(r => r.Type)));
const want = ['AWS::EC2::VPC', 'AWS::ECS::TaskDefinition', 'AWS::Logs::LogGroup', 'AWS::IAM::Role'];
const missing = want.filter(t => !types.has(t));
if (!templates.length || missing.length) {
  console.error(`FAIL: synthesized ${templates.join(', ') || 'no template'} lacks ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`synthesized ${templates.join(', ')}: ${types.size} resource types incl. ${want.join(', ')}`);
JS

# 4. the report command shipped in the package, as a user runs it
t=$(now)
(cd "$app" && npx --no-install cdk-fargate-kit report cdk.out --out report.md 2>"$app/report.log") \
  || { cat "$app/report.log"; echo "FAIL: npx cdk-fargate-kit report cdk.out"; exit 1; }
report_s=$(took "$t")
node - "$app/report.md" <<'JS'
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const want = ['## Exposure', '## Permissions', '## Network diagrams', '```mermaid', '## Cost', 'service Web/Service', 'load balancer Web/LoadBalancer'];
const missing = want.filter(w => !text.includes(w));
const total = /\*\*All stacks: \$([0-9,.]+) per month\*\*/.exec(text);
if (missing.length || !total || Number(total[1].replace(/,/g, '')) <= 0) {
  console.error(`FAIL: the report lacks ${missing.join(', ') || 'a non-zero monthly cost'}`);
  process.exit(1);
}
console.log(`report: ${text.split('\n').length} lines, every section, $${total[1]} per month`);
JS
echo "npx cdk-fargate-kit report cdk.out: $report_s s"
record typescript "$install_s" "$synth_s"
echo "consumer-typescript: OK"

import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import * as albRules from '../../src/validation/alb-rules';
import * as containerRules from '../../src/validation/container-rules';
import * as environmentRules from '../../src/validation/environment-rules';
import * as imageRules from '../../src/validation/image-rules';
import * as layoutRules from '../../src/validation/layout-rules';
import * as networkRules from '../../src/validation/network-rules';
import * as placementRules from '../../src/validation/placement-rules';
import * as routeRules from '../../src/validation/route-rules';
import { RULES_URL, isRule } from '../../src/validation/rule';
import { RULES, ruleById } from '../../src/validation/rules';
import * as serviceRules from '../../src/validation/service-rules';
import * as taskRules from '../../src/validation/task-rules';
import * as taskSizeRules from '../../src/validation/task-size-rules';
import * as volumeRules from '../../src/validation/volume-rules';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const files = sources(join(__dirname, '..', '..', 'src')).map(f => ({ f, text: readFileSync(f, 'utf-8') }));
const src = files.map(x => x.text).join('\n');
const modules = [
  albRules, containerRules, environmentRules, imageRules, layoutRules, networkRules, placementRules, routeRules,
  serviceRules, taskRules, taskSizeRules, volumeRules,
];
/** Each rule with the name of the constant that declares it. */
const declared = modules.flatMap(m => Object.entries(m).filter(([, v]) => isRule(v))
  .map(([name, rule]) => ({ name, rule: rule as typeof RULES[number] })));

describe('the rule catalogue', () => {
  test('holds every declared rule once, with a unique ID of the one scheme FGK-*', () => {
    expect(RULES.length).toBe(declared.length);
    expect(new Set(RULES.map(r => r.id)).size).toBe(RULES.length);
    expect(RULES.filter(r => !/^FGK-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(r.id)).map(r => r.id)).toEqual([]);
    expect(ruleById('FGK-TASK-SIZE')?.checkedBy).toBe('FargateTaskDef');
  });

  test('no message is written outside a declaration: src/ has no [FGK-...] text and no addWarning of its own', () => {
    const inline = files.filter(x => /\[FGK-[A-Z0-9-]+\]/.test(x.text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))).map(x => x.f);
    expect(inline).toEqual([]);
    const warnings = files.filter(x => /addWarning(V2)?\(/.test(x.text) && !x.f.endsWith('validation/errors.ts')).map(x => x.f);
    expect(warnings).toEqual([]);
  });

  test('every kind of problem of every rule is raised somewhere in src/', () => {
    const unused = declared.flatMap(({ name, rule }) => (rule as unknown as { problemKinds: string[] }).problemKinds
      .filter(kind => !(kind === 'problem' ? src.includes(`${name}.problem(`) : src.includes(`${name}.problem('${kind}'`)))
      .map(kind => `${rule.id} ${kind}`));
    expect(unused).toEqual([]);
  });

  test('each rule states its fact in one line, its source as a URL and links to its RULES.md section', () => {
    expect(RULES.filter(r => r.fact.length < 20 || r.fact.includes('\n') || !r.fact.endsWith('.')).map(r => r.id)).toEqual([]);
    expect(RULES.filter(r => !/^https:\/\/[a-z0-9.-]+\.[a-z]+\/\S+$/.test(r.source)).map(r => r.id)).toEqual([]);
    expect(RULES.filter(r => r.url !== `${RULES_URL}#${r.id.toLowerCase()}`).map(r => r.id)).toEqual([]);
  });

  test('warnings may always be acknowledged', () => {
    expect(RULES.filter(r => r.severity === 'warning' && !r.acknowledgeable).map(r => r.id)).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { RULES, ruleById } from '../../src/validation/rules';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const src = sources(join(__dirname, '..', '..', 'src')).filter(f => !f.endsWith('rules.ts') || !f.includes('validation/rules.ts')).map(f => readFileSync(f, 'utf-8')).join('\n');
const used = new Set([...src.matchAll(/\[(FGK-[A-Z0-9-]+)\]/g)].map(m => m[1]));

describe('the rule catalogue', () => {
  test('IDs are unique', () => {
    expect(new Set(RULES.map(r => r.id)).size).toBe(RULES.length);
  });

  test('every rule ID a message of src/ carries is in the catalogue', () => {
    expect([...used].filter(id => ruleById(id) === undefined)).toEqual([]);
  });

  test('every error rule of the catalogue is used by a message of src/', () => {
    expect(RULES.filter(r => r.severity === 'error' && !used.has(r.id)).map(r => r.id)).toEqual([]);
  });

  test('every warning of the catalogue is raised in src/', () => {
    expect(RULES.filter(r => r.severity === 'warning' && !src.includes(`'${r.id}'`)).map(r => r.id)).toEqual([]);
  });

  test('each rule has a one-line rationale', () => {
    expect(RULES.filter(r => r.rationale.length < 20 || r.rationale.includes('\n')).map(r => r.id)).toEqual([]);
  });
});

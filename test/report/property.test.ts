import { cpSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { cli, exampleAssembly, tempDir } from './helpers';

// Any template content: the report or one line of error, never a crash. Each run replaces one
// property value of a resource of the Scorekeep template with arbitrary JSON (fixed seed, 60 runs:
// seconds; 300 runs passed when written).
const good = exampleAssembly();
const dir = tempDir();
cpSync(good, dir, { recursive: true });
const file = join(dir, 'Scorekeep.template.json');
const original = JSON.parse(readFileSync(file, 'utf-8'));
const slots = Object.entries(original.Resources as Record<string, { Properties?: Record<string, unknown> }>)
  .flatMap(([id, r]) => Object.keys(r.Properties ?? {}).map(key => [id, key] as const));

test('a template with any value in any property is reported without an unexpected error', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: slots.length - 1 }), fc.jsonValue({ maxDepth: 3 }), (slot, value) => {
    const [id, key] = slots[slot];
    const template = structuredClone(original);
    template.Resources[id].Properties[key] = value;
    writeFileSync(file, JSON.stringify(template));
    const r = cli('report', dir);
    expect({ slot: `${id}.${key}`, code: r.code, stderr: r.stderr }).toEqual({ slot: `${id}.${key}`, code: 0, stderr: '' });
  }), { seed: 1616, numRuns: 60 });
});

test('--compare with any value in any property of the new template: the report, never an unexpected error', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: slots.length - 1 }), fc.jsonValue({ maxDepth: 3 }), (slot, value) => {
    const [id, key] = slots[slot];
    const template = structuredClone(original);
    template.Resources[id].Properties[key] = value;
    writeFileSync(file, JSON.stringify(template));
    const forward = cli('report', dir, '--compare', good);
    const backward = cli('report', good, '--compare', dir);
    expect({ slot: `${id}.${key}`, codes: [forward.code, backward.code], stderr: forward.stderr + backward.stderr })
      .toEqual({ slot: `${id}.${key}`, codes: [0, 0], stderr: '' });
  }), { seed: 2121, numRuns: 12 });
});

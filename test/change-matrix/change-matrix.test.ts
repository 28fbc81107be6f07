import { synthBaseApp } from './base-app';
import { CHANGES, Change, Impact, hazards, impacts, summary } from './matrix';

// Synthesize each distinct app once.
const cache = new Map<string, Record<string, any>>();
function template(opts: object): Record<string, any> {
  const key = JSON.stringify(opts);
  if (!cache.has(key)) cache.set(key, synthBaseApp(opts));
  return cache.get(key)!;
}

const results = new Map<string, { list: Impact[]; bad: Impact[] }>();
function result(c: Change) {
  if (!results.has(c.name)) {
    const list = impacts(template(c.before ?? {}), template(c.after));
    results.set(c.name, { list, bad: hazards(c, list) });
  }
  return results.get(c.name)!;
}

describe('change matrix: every common change deploys in place', () => {
  test.each(CHANGES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const { bad } = result(c);
    expect(bad.map(i => `${i.impact}: ${i.type} ${i.logicalId}`)).toEqual([]);
  });

  afterAll(() => {
    if (process.env.MATRIX_PRINT) {
      const rows = CHANGES.map(c => {
        const r = result(c);
        return `| ${c.name} | ${summary(r.list)} | ${r.bad.length === 0 ? 'safe' : `**${r.bad.map(i => `${i.type.replace(/^AWS::/, '')} ${i.impact}`).join(', ')}**`} |`;
      });
      process.stdout.write(`${rows.join('\n')}\n`);
    }
  });
});

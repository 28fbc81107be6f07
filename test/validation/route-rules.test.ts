import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as routeRules from '../../src/validation/route-rules';
import { derivedRulePriority, derivedSharedRulePriority, sharedRuleBand } from '../../src/validation/route-rules';

const { checkRoutePriorities } = asText(routeRules);

describe('derivedRulePriority', () => {
  test('depends on the pattern only, between 1 and 50000', () => {
    for (const p of ['/', '/*', '/api/*', '/api/v2/*', `/${'a'.repeat(127)}`]) {
      expect(derivedRulePriority(p)).toBe(derivedRulePriority(p));
      expect(derivedRulePriority(p)).toBeGreaterThanOrEqual(1);
      expect(derivedRulePriority(p)).toBeLessThanOrEqual(50000);
    }
  });
  test('more specific patterns come first', () => {
    expect(derivedRulePriority('/api/v2/*')).toBeLessThan(derivedRulePriority('/api/*'));
    expect(derivedRulePriority('/api/*')).toBeLessThan(derivedRulePriority('/*'));
    expect(derivedRulePriority('/health')).toBeLessThan(derivedRulePriority('/h*'));
  });
});

describe('checkRoutePriorities', () => {
  test('distinct patterns and priorities: valid', () =>
    expect(checkRoutePriorities([{ pathPattern: '/api/*' }, { pathPattern: '/docs/*' }, { pathPattern: '/x', priority: 1 }])).toEqual([]));
  test('a pattern twice: its priority is checked once (the duplicate itself is FGK-ROUTES)', () =>
    expect(checkRoutePriorities([{ pathPattern: '/a/*' }, { pathPattern: '/a/*', priority: 3 }])).toEqual([]));
  test('a collision of explicit and derived priorities names both routes', () =>
    expect(checkRoutePriorities([{ pathPattern: '/a/*' }, { pathPattern: '/b', priority: derivedRulePriority('/a/*') }])).toEqual([
      expect.stringMatching(/routes '\/a\/\*' and '\/b' have the same listener rule priority \d+.*Fix: set a distinct priority/),
    ]));
  test.each([0, 50001, 1.5])('priority %p is out of range', p =>
    expect(checkRoutePriorities([{ pathPattern: '/a', priority: p }])).toEqual([expect.stringContaining(`routes[0].priority ${p} is not valid`)]));
  test('token priority: skipped', () =>
    expect(checkRoutePriorities([{ pathPattern: '/a', priority: Token.asNumber({ Ref: 'P' }) }])).toEqual([]));
});

describe('derivedSharedRulePriority: from the rule\'s own conditions alone, never moved', () => {
  test('the same conditions give the same priority, whatever else is on the listener; hosts ignore case and order', () => {
    expect(derivedSharedRulePriority(['A.example.com', 'b.example.com'], ['/x/*'])).toBe(derivedSharedRulePriority(['b.example.com', 'a.example.com'], ['/x/*']));
  });

  test('pinned values: a change of the derivation is a change of every deployed rule\'s priority (docs/changes.md)', () => {
    expect([
      derivedSharedRulePriority(['app.example.com'], []),
      derivedSharedRulePriority(['*.example.com'], []),
      derivedSharedRulePriority([], ['/api/*']),
      derivedSharedRulePriority(['app.example.com'], ['/api/*']),
      derivedSharedRulePriority([], ['*.png']),
    ],

    ).toMatchInlineSnapshot(`
[
  35884,
  47902,
  26539,
  25904,
  29891,
]
`);
  });

  test('bands by specificity: longer literal path first, literal hosts before others, host-only rules last', () => {
    const band = (hosts: string[], paths: string[]) => sharedRuleBand(hosts, paths);
    const inBand = (hosts: string[], paths: string[]) => {
      const b = band(hosts, paths);
      const p = derivedSharedRulePriority(hosts, paths);
      return p >= b.first && p < b.first + b.width;
    };
    for (const [h, p] of [[['a.example.com'], []], [['*.example.com'], []], [[], ['/api/*']], [['a.example.com'], ['/api/v1/*']],
      [[], ['*']], [[], [`/${'x'.repeat(60)}*`]]] as Array<[string[], string[]]>) {
      expect(inBand(h, p)).toBe(true);
    }
    const order = [
      band([], [`/${'x'.repeat(60)}*`]), band(['a.example.com'], ['/api/v1/*']), band([], ['/api/v1/*']), band(['a.example.com'], ['/api/*']),
      band([], ['/api/*']), band([], ['/*']), band([], ['*.png']), band(['a.example.com'], []), band(['*.example.com'], []), band([], ['*']),
    ].map(b => b.first);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(band([], []).first + band([], []).width - 1).toBe(50000);
    expect(band(['*'], ['*'])).toEqual(band([], []));
    expect(band(['a.example.com'], [`/${'x'.repeat(200)}*`]).first).toBe(1);
  });

  test('the least specific path of a rule decides its band', () => {
    expect(sharedRuleBand([], ['/api/v1/*', '/*'])).toEqual(sharedRuleBand([], ['/*']));
  });

  test('bands do not overlap: every literal length and host kind has its own range within 1-50000', () => {
    const ranges = [];
    for (let l = 0; l <= 128; l++) {
      const path = l === 0 ? '*x' : `/${'a'.repeat(l - 1)}*`;
      for (const hosts of [['a.example.com'], []]) ranges.push(sharedRuleBand(hosts, [path]));
    }
    ranges.push(sharedRuleBand(['a.example.com'], []), sharedRuleBand(['*.example.com'], []), sharedRuleBand([], []));
    expect(ranges.filter(r => !Number.isInteger(r.first) || !Number.isInteger(r.width) || r.width < 20)).toEqual([]);
    const sorted = ranges.map(r => [r.first, r.first + r.width - 1]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i][0]).toBeGreaterThan(sorted[i - 1][1]);
    expect(sorted[0][0]).toBeGreaterThanOrEqual(1);
    expect(sorted[sorted.length - 1][1]).toBeLessThanOrEqual(50000);
  });
});

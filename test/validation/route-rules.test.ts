import { Token } from 'aws-cdk-lib';
import { checkRoutePriorities, derivedRulePriority } from '../../src/validation/route-rules';

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

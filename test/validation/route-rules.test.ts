import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as routeRules from '../../src/validation/route-rules';
import { assignSharedPriorities, derivedRulePriority, sharedRuleSlot } from '../../src/validation/route-rules';

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

describe('assignSharedPriorities: derived priorities that collide move within their band', () => {
  const slot = (base: number, first = 1, last = 10) => ({ base, first, last });

  test('no collision: every rule keeps its derived or explicit priority', () => {
    expect(assignSharedPriorities([{ key: 'a', slot: slot(3) }, { key: 'b', slot: slot(5) }, { key: 'c', explicit: 4 }])).toEqual([3, 5, 4]);
  });

  test('two derived rules on one priority: the smaller key keeps it, the other takes the next free one of the band', () => {
    expect(assignSharedPriorities([{ key: 'b', slot: slot(3) }, { key: 'a', slot: slot(3) }])).toEqual([4, 3]);
  });

  test('an explicit priority is never moved; a derived rule on it moves', () => {
    expect(assignSharedPriorities([{ key: 'a', slot: slot(3) }, { key: 'z', explicit: 3 }])).toEqual([4, 3]);
  });

  test('the search wraps around within the band and never leaves it', () => {
    expect(assignSharedPriorities([{ key: 'a', slot: slot(10) }, { key: 'b', slot: slot(10) }])).toEqual([10, 1]);
    expect(assignSharedPriorities([{ key: 'a', slot: slot(10, 8, 10) }, { key: 'b', slot: slot(10, 8, 10) }, { key: 'c', explicit: 8 }])).toEqual([10, 9, 8]);
  });

  test('a full band keeps the collision (for FGK-SHARED-LISTENER-PRIORITY to report)', () => {
    const full = [{ key: 'a', slot: slot(1, 1, 2) }, { key: 'b', slot: slot(1, 1, 2) }, { key: 'c', slot: slot(2, 1, 2) }];
    expect(assignSharedPriorities(full)).toEqual([1, 2, 2]);
  });

  test('the result does not depend on the order the rules were added in', () => {
    const claims = [{ key: 'x', slot: slot(5) }, { key: 'y', slot: slot(5) }, { key: 'w', slot: slot(6) }];
    const forward = assignSharedPriorities(claims);
    const backward = assignSharedPriorities([...claims].reverse()).reverse();
    expect(backward).toEqual(forward);
    expect(forward).toEqual([5, 6, 7]);
  });

  test('bands of the shared listener: literal hosts first, then wildcard or no host, for the same path', () => {
    const literal = sharedRuleSlot(['a.example.com'], []);
    const wildcard = sharedRuleSlot(['*.example.com'], []);
    expect(literal.first).toBeLessThanOrEqual(literal.base);
    expect(literal.base).toBeLessThanOrEqual(literal.last);
    expect(literal.last).toBeLessThan(wildcard.first);
  });
});

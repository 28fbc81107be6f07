import { Token } from 'aws-cdk-lib';

/** The highest priority of an ALB listener rule. */
export const MAX_RULE_PRIORITY = 50000;
/** ALB path patterns are at most 128 characters. */
const MAX_PATTERN_LENGTH = 128;
/** Derived priorities per literal-prefix length (the tie-break range of the pattern's hash). */
const PRIORITY_SPREAD = 380;

/**
 * The priority of a route's listener rule derived from its path pattern alone, so that adding,
 * removing or reordering other routes never changes it: more specific patterns first (a longer
 * literal part before the first wildcard gets a lower number), ties broken by a hash of the
 * pattern. Always between 1 and 49020.
 */
export function derivedRulePriority(pathPattern: string, tieBreak: string = ''): number {
  return derivedPriority(pathPattern, `${tieBreak}${pathPattern}`, 0, 1);
}

/**
 * The shared derivation: the literal part of `pathPattern` before its first wildcard picks a
 * block of PRIORITY_SPREAD priorities (longer first); the block is cut into `bands` equal bands
 * (band 0 first), and a hash of `hashed` picks the place in the band.
 */
function derivedPriority(pathPattern: string, hashed: string, band: number, bands: number): number {
  const wildcard = pathPattern.search(/[*?]/);
  const literal = Math.min(wildcard === -1 ? pathPattern.length : wildcard, MAX_PATTERN_LENGTH);
  let hash = 0; // a polynomial string hash, stable across runs and platforms
  for (let i = 0; i < hashed.length; i++) {
    hash = (hash * 31 + hashed.charCodeAt(i)) % 1000003;
  }
  const width = Math.floor(PRIORITY_SPREAD / bands);
  return (MAX_PATTERN_LENGTH - literal) * PRIORITY_SPREAD + band * width + (hash % width) + 1;
}

/** Whether a rule names hosts, all of them without wildcards (more specific than a wildcard host or any host). */
export function hasLiteralHostsOnly(hosts: readonly string[]): boolean {
  return hosts.length > 0 && hosts.every(h => !/[*?]/.test(h));
}

/**
 * The priority of a rule on an environment's shared listener, derived from its conditions
 * alone (the derivation of routes): the least specific of its path patterns decides (no path:
 * last, like '*'); within that, rules naming literal hosts only come before rules with a
 * wildcard host or no host; ties broken by a hash of the hosts and paths. Services joining or
 * leaving the listener never change it.
 */
export function derivedSharedRulePriority(hosts: readonly string[], paths: readonly string[]): number {
  const literal = (p: string) => { const i = p.search(/[*?]/); return i === -1 ? p.length : i; };
  const least = paths.length === 0 ? '*' : [...paths].sort((a, b) => literal(a) - literal(b) || a.localeCompare(b))[0];
  const hashed = `${[...hosts].map(h => h.toLowerCase()).sort().join(',')}|${[...paths].sort().join(',')}|${least}`;
  return derivedPriority(least, hashed, hasLiteralHostsOnly(hosts) ? 0 : 1, 2);
}

/** A route as the priority rules see it. */
export interface RoutePrioritySpec {
  /** The path pattern. */
  readonly pathPattern: string;
  /** The explicit priority, if any. */
  readonly priority?: number;
}

/**
 * Every route has its own listener rule priority (explicit, else derived from the pattern),
 * and explicit priorities are whole numbers 1-50000. Returns every problem found.
 */
export function checkRoutePriorities(routes: readonly RoutePrioritySpec[]): string[] {
  const problems: string[] = [];
  const byPriority = new Map<number, string[]>();
  const seen = new Set<string>();
  routes.forEach((r, i) => {
    // a path pattern listed twice is FGK-ROUTES (alb-rules.ts); its priority is reported once
    if (seen.has(r.pathPattern)) return;
    seen.add(r.pathPattern);
    if (r.priority !== undefined && !Token.isUnresolved(r.priority)
      && (!Number.isInteger(r.priority) || r.priority < 1 || r.priority > MAX_RULE_PRIORITY)) {
      problems.push(`[FGK-ROUTE-PRIORITY] routes[${i}].priority ${r.priority} is not valid; a listener rule's priority is a whole number from 1 to ${MAX_RULE_PRIORITY}. Fix: choose one in that range.`);
      return;
    }
    if (r.priority !== undefined && Token.isUnresolved(r.priority)) return;
    const p = r.priority ?? derivedRulePriority(r.pathPattern);
    byPriority.set(p, [...(byPriority.get(p) ?? []), r.pathPattern]);
  });
  for (const [p, patterns] of byPriority) {
    if (patterns.length > 1) {
      problems.push(`[FGK-ROUTE-PRIORITY] routes ${patterns.map(x => `'${x}'`).join(' and ')} have the same listener rule priority ${p} (explicit, or derived from the path pattern); two rules of a listener cannot share one. Fix: set a distinct priority on one of them.`);
    }
  }
  return problems;
}

import { Token } from 'aws-cdk-lib';
import { Problem, defineRuleOfKinds } from './rule';

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

/** A derived priority and the band of priorities it may move within to avoid a collision. */
export interface PrioritySlot {
  /** The derived priority. */
  readonly base: number;
  /** The first priority of its band (the same specificity). */
  readonly first: number;
  /** The last priority of its band. */
  readonly last: number;
}

/**
 * The shared derivation: the literal part of `pathPattern` before its first wildcard picks a
 * block of PRIORITY_SPREAD priorities (longer first); the block is cut into `bands` equal bands
 * (band 0 first), and a hash of `hashed` picks the place in the band.
 */
function derivedSlot(pathPattern: string, hashed: string, band: number, bands: number): PrioritySlot {
  const wildcard = pathPattern.search(/[*?]/);
  const literal = Math.min(wildcard === -1 ? pathPattern.length : wildcard, MAX_PATTERN_LENGTH);
  let hash = 0; // a polynomial string hash, stable across runs and platforms
  for (let i = 0; i < hashed.length; i++) {
    hash = (hash * 31 + hashed.charCodeAt(i)) % 1000003;
  }
  const width = Math.floor(PRIORITY_SPREAD / bands);
  const first = (MAX_PATTERN_LENGTH - literal) * PRIORITY_SPREAD + band * width + 1;
  return { base: first + (hash % width), first, last: first + width - 1 };
}

function derivedPriority(pathPattern: string, hashed: string, band: number, bands: number): number {
  return derivedSlot(pathPattern, hashed, band, bands).base;
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
  return sharedRuleSlot(hosts, paths).base;
}

/** The derived priority of a shared-listener rule (see derivedSharedRulePriority) and its band. */
export function sharedRuleSlot(hosts: readonly string[], paths: readonly string[]): PrioritySlot {
  const literal = (p: string) => { const i = p.search(/[*?]/); return i === -1 ? p.length : i; };
  const least = paths.length === 0 ? '*' : [...paths].sort((a, b) => literal(a) - literal(b) || a.localeCompare(b))[0];
  const hashed = `${[...hosts].map(h => h.toLowerCase()).sort().join(',')}|${[...paths].sort().join(',')}|${least}`;
  return derivedSlot(least, hashed, hasLiteralHostsOnly(hosts) ? 0 : 1, 2);
}

/** A rule to place on a shared listener: an explicit priority, or a derived slot. */
export interface PriorityClaim {
  /** What the rule matches (its hosts and paths): orders colliding derived rules. */
  readonly key: string;
  /** The explicit priority, if set. */
  readonly explicit?: number;
  /** The derived slot, when there is no explicit priority. */
  readonly slot?: PrioritySlot;
}

/**
 * The priorities of the rules of one shared listener. Explicit priorities stay as given.
 * Derived ones keep their derived priority unless another rule holds it: then, in the order
 * of (derived priority, conditions), each takes the next free priority of its own band (the
 * same specificity, so a move never reorders rules that could match the same request). Only a
 * rule whose derived priority collides can move, and only within its band; a full band keeps
 * the collision for FGK-SHARED-LISTENER-PRIORITY to report.
 */
export function assignSharedPriorities(claims: readonly PriorityClaim[]): number[] {
  const taken = new Set<number>();
  for (const c of claims) if (c.explicit !== undefined && !Token.isUnresolved(c.explicit)) taken.add(c.explicit);
  const result = claims.map(c => c.explicit ?? c.slot?.base ?? 0);
  const derived = claims.map((c, i) => ({ c, i })).filter(x => x.c.explicit === undefined && x.c.slot !== undefined)
    .sort((a, b) => a.c.slot!.base - b.c.slot!.base || (a.c.key < b.c.key ? -1 : a.c.key > b.c.key ? 1 : 0));
  for (const { c, i } of derived) {
    const { base, first, last } = c.slot!;
    const width = last - first + 1;
    let p = base;
    for (let step = 0; step < width && taken.has(p); step++) p = first + ((base - first + step + 1) % width);
    if (taken.has(p)) p = base;
    taken.add(p);
    result[i] = p;
  }
  return result;
}

/** A route as the priority rules see it. */
export interface RoutePrioritySpec {
  /** The path pattern. */
  readonly pathPattern: string;
  /** The explicit priority, if any. */
  readonly priority?: number;
}

/** FGK-ROUTE-PRIORITY: each route's rule has its own valid priority. */
export const ROUTE_PRIORITY = defineRuleOfKinds({
  id: 'FGK-ROUTE-PRIORITY',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: `Each route's listener rule has its own priority (explicit 1-${MAX_RULE_PRIORITY}, else derived from the path pattern), stable when other routes change.`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  kinds: {
    range: {
      message: (d: { index: number; priority: number }) =>
        `routes[${d.index}].priority ${d.priority} is not valid; a listener rule's priority is a whole number from 1 to ${MAX_RULE_PRIORITY}.`,
      fix: () => 'choose one in that range.',
    },
    shared: {
      message: (d: { patterns: readonly string[]; priority: number }) =>
        `routes ${d.patterns.map(x => `'${x}'`).join(' and ')} have the same listener rule priority ${d.priority} (explicit, or derived from the path pattern); two rules of a listener cannot share one.`,
      fix: () => 'set a distinct priority on one of them.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/api/*', containerName: 'api', priority: 10 },
  { pathPattern: '/api/v2/*', containerName: 'api', priority: 10 },
] });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/api/*', containerName: 'api', priority: 20 },
  { pathPattern: '/api/v2/*', containerName: 'api', priority: 10 },
] });`,
  },
});

/**
 * Every route has its own listener rule priority (explicit, else derived from the pattern),
 * and explicit priorities are whole numbers 1-50000. Returns every problem found.
 */
export function checkRoutePriorities(routes: readonly RoutePrioritySpec[]): Problem[] {
  const problems: Problem[] = [];
  const byPriority = new Map<number, string[]>();
  const seen = new Set<string>();
  routes.forEach((r, index) => {
    // a path pattern listed twice is FGK-ROUTES (alb-rules.ts); its priority is reported once
    if (seen.has(r.pathPattern)) return;
    seen.add(r.pathPattern);
    if (r.priority !== undefined && !Token.isUnresolved(r.priority)
      && (!Number.isInteger(r.priority) || r.priority < 1 || r.priority > MAX_RULE_PRIORITY)) {
      problems.push(ROUTE_PRIORITY.problem('range', { index, priority: r.priority }));
      return;
    }
    if (r.priority !== undefined && Token.isUnresolved(r.priority)) return;
    const p = r.priority ?? derivedRulePriority(r.pathPattern);
    byPriority.set(p, [...(byPriority.get(p) ?? []), r.pathPattern]);
  });
  for (const [priority, patterns] of byPriority) {
    if (patterns.length > 1) problems.push(ROUTE_PRIORITY.problem('shared', { patterns, priority }));
  }
  return problems;
}

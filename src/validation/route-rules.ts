import { Token } from 'aws-cdk-lib';
import { Problem, defineRuleOfKinds } from './rule';

/** The highest priority of an ALB listener rule. */
export const MAX_RULE_PRIORITY = 50000;
/** ALB path patterns are at most 128 characters. */
const MAX_PATTERN_LENGTH = 128;
/** Derived route priorities per literal-prefix length (the tie-break range of the pattern's hash). */
const PRIORITY_SPREAD = 380;

/**
 * The priority of a route's listener rule on a front's own load balancer, derived from its
 * path pattern alone, so that adding, removing or reordering other routes never changes it:
 * more specific patterns first (a longer literal part before the first wildcard gets a lower
 * number, PRIORITY_SPREAD numbers per length), ties broken by a hash of the pattern. Always
 * between 1 and 49020. Unchanged since the first release (the logical IDs and priorities of
 * routes are public API).
 */
export function derivedRulePriority(pathPattern: string, tieBreak: string = ''): number {
  const hashed = `${tieBreak}${pathPattern}`;
  let hash = 0; // a polynomial string hash, stable across runs and platforms
  for (let i = 0; i < hashed.length; i++) {
    hash = (hash * 31 + hashed.charCodeAt(i)) % 1000003;
  }
  return (MAX_PATTERN_LENGTH - literalLength(pathPattern)) * PRIORITY_SPREAD + 1 + (hash % PRIORITY_SPREAD);
}

/** Whether a rule names hosts, all of them without wildcards (more specific than a wildcard host or any host). */
export function hasLiteralHostsOnly(hosts: readonly string[]): boolean {
  return hosts.length > 0 && hosts.every(h => !/[*?]/.test(h));
}

/** The length of the literal part of an ALB pattern before its first wildcard, at most 128. */
export function literalLength(pattern: string): number {
  const i = pattern.search(/[*?]/);
  return Math.min(i === -1 ? pattern.length : i, MAX_PATTERN_LENGTH);
}

/** A band of shared-listener priorities: `width` priorities from `first`. */
export interface PriorityBand {
  /** The first priority of the band. */
  readonly first: number;
  /** How many priorities it holds. */
  readonly width: number;
}

/** Priorities of path rules whose least literal part is 33-128 characters long: 44 per length (22 per host kind). */
const LONG_PATH_BLOCK = 44;
/** Priorities of path rules whose least literal part is 1-32 characters long: 800 per length. */
const SHORT_PATH_BLOCK = 800;
/** Where the 1-32 character blocks start (after the 96 long ones). */
const SHORT_PATHS_START = (MAX_PATTERN_LENGTH - 32) * LONG_PATH_BLOCK;
/** Path rules whose pattern starts with a wildcard (no literal part): 80 priorities. */
const WILDCARD_PATHS_START = SHORT_PATHS_START + 32 * SHORT_PATH_BLOCK;
/** Host-only rules: literal hosts 30001-46000, wildcard hosts 46001-49900. */
const LITERAL_HOSTS_BAND: PriorityBand = { first: 30001, width: 16000 };
const WILDCARD_HOSTS_BAND: PriorityBand = { first: 46001, width: 3900 };
/** Rules that match every request (any host, any path): the listener's last resort, 49901-50000. */
const CATCH_ALL_BAND: PriorityBand = { first: 49901, width: 100 };

/**
 * The band of a shared-listener rule, by how specific its conditions are, most specific
 * first (the listener evaluates the lowest number first): rules with a path before rules
 * with hosts only, and rules that match every request last; among path rules, a longer
 * literal part of the least specific path first; within each, rules naming literal hosts
 * only before rules with a wildcard host or no host.
 * Host-only rules, the common case of an environment (one service per host), have the
 * largest bands, so that their hashes rarely collide.
 */
export function sharedRuleBand(hosts: readonly string[], paths: readonly string[]): PriorityBand {
  const literalHosts = hasLiteralHostsOnly(hosts);
  // '*' matches every host or path: such a rule is as unspecific as one without that condition
  const anyPath = paths.length === 0 || paths.includes('*');
  if (anyPath && (hosts.length === 0 || hosts.includes('*'))) return CATCH_ALL_BAND;
  if (anyPath) return literalHosts ? LITERAL_HOSTS_BAND : WILDCARD_HOSTS_BAND;
  const literal = Math.min(...paths.map(literalLength));
  const block = literal > 32 ? { start: (MAX_PATTERN_LENGTH - literal) * LONG_PATH_BLOCK, size: LONG_PATH_BLOCK }
    : literal > 0 ? { start: SHORT_PATHS_START + (32 - literal) * SHORT_PATH_BLOCK, size: SHORT_PATH_BLOCK }
      : { start: WILDCARD_PATHS_START, size: 80 };
  const half = block.size / 2;
  return { first: block.start + (literalHosts ? 0 : half) + 1, width: half };
}

/** The conditions of a rule in one fixed form: lower-case sorted hosts, sorted paths. */
export function sharedRuleKey(hosts: readonly string[], paths: readonly string[]): string {
  return `${[...hosts].map(h => h.toLowerCase()).sort().join(',')}|${[...paths].sort().join(',')}`;
}

/** A polynomial string hash modulo the Mersenne prime 2^31-1: stable across runs, platforms and Node versions. */
function stableHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 131 + text.charCodeAt(i)) % 2147483647;
  return h;
}

/**
 * The priority of a rule on an environment's shared listener, derived from its own
 * conditions alone (its band, and a hash of its conditions within the band): a service
 * joining or leaving the listener never changes another rule's priority. Two rules whose
 * priorities collide are reported (FGK-SHARED-LISTENER-PRIORITY) for the user to give one of
 * them an explicit priority; nothing moves by itself.
 */
export function derivedSharedRulePriority(hosts: readonly string[], paths: readonly string[]): number {
  const band = sharedRuleBand(hosts, paths);
  return band.first + (stableHash(sharedRuleKey(hosts, paths)) % band.width);
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

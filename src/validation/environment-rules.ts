import { Token } from 'aws-cdk-lib';
import { MAX_LISTENER_RULES } from './alb-rules';
import { sameSet, setCovers, setsOverlap } from './pattern-match';
import { MAX_RULE_PRIORITY, sharedRuleBand, sharedRuleKey } from './route-rules';
import { Finding, Problem, defineRule, defineRuleOfKinds } from './rule';

/** Target groups one Application Load Balancer can route to (an ELB quota). */
export const MAX_TARGET_GROUPS_PER_LOAD_BALANCER = 100;
/** Condition values (host names plus path patterns) one listener rule may hold (an ELB quota). */
export const MAX_CONDITION_VALUES_PER_RULE = 5;
/** Values one condition of a listener rule may hold (an ELB quota). */
export const MAX_VALUES_PER_CONDITION = 3;
/** Wildcards (`*` and `?`) one listener rule may hold across its conditions (an ELB quota). */
export const MAX_WILDCARDS_PER_RULE = 5;

/** A rule on an environment's shared listener, as the rules below see it. */
export interface SharedRuleSpec {
  /** Who owns the rule: the construct path of the front, plus the route's path pattern for a route. */
  readonly owner: string;
  /** Host header conditions (empty: any host). */
  readonly hosts: readonly string[];
  /** Path pattern conditions (empty: any path). */
  readonly paths: readonly string[];
  /** The priority. */
  readonly priority: number;
  /** Whether the priority was set explicitly (else derived from the conditions). */
  readonly explicit: boolean;
}

/** Whether rule `a` matches every request rule `b` matches. */
function ruleCovers(a: SharedRuleSpec, b: SharedRuleSpec): boolean {
  return setCovers(a.hosts, b.hosts, false) && setCovers(a.paths, b.paths, true);
}

/** Whether the listener could ever be asked which of two derived rules comes first: they are in the same band. */
function sameBand(a: SharedRuleSpec, b: SharedRuleSpec): boolean {
  const x = sharedRuleBand(a.hosts, a.paths);
  const y = sharedRuleBand(b.hosts, b.paths);
  return x.first === y.first;
}

const describeRule = (r: SharedRuleSpec) =>
  `${r.owner} (${r.hosts.length > 0 ? `host ${r.hosts.join(' or ')}` : 'any host'}, ${r.paths.length > 0 ? `path ${r.paths.join(' or ')}` : 'any path'}, priority ${r.priority})`;

/** FGK-LISTENER-RULE-QUOTA: the shared listener holds at most 100 rules. */
export const LISTENER_RULE_QUOTA = defineRule<{ count: number; owners: readonly string[] }>({
  id: 'FGK-LISTENER-RULE-QUOTA',
  acknowledgeable: true,
  checkedBy: 'FargateEnvironment',
  fact: `The shared load balancer holds at most ${MAX_LISTENER_RULES} rules besides its default action (a quota per load balancer, adjustable).`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
  message: d => `the shared listener has ${d.count} rules (${d.owners.slice(0, 5).join(', ')}, ...); an ALB listener holds at most ${MAX_LISTENER_RULES} rules besides its default action.`,
  fix: () => 'merge paths with wildcards, move some services to another environment (or an own load balancer: AlbFront with sharedLoadBalancer false).',
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
Validations.of(environment).acknowledge({ id: 'cdk-fargate-kit::FGK-TARGET-GROUP-QUOTA', reason: 'target group quota raised to 200' });
let priority = 0;
for (const team of ['ads', 'api', 'app', 'auth', 'blog', 'cart', 'cdn', 'chat', 'docs', 'feed', 'help', 'jobs', 'mail', 'maps', 'news', 'pay', 'search', 'shop', 'status', 'wiki', 'www']) {
  const taskDef = new FargateTaskDef(stack, team + 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
  const routes = ['/a/*', '/b/*', '/c/*', '/d/*'].map(path => {
    priority += 1;
    return { pathPattern: path, containerName: 'web', priority };
  });
  priority += 1;
  new AlbFrontedService(stack, team, { environment, taskDef, hostHeaders: [team + '.example.com'], priority, routes });
}`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
Validations.of(environment).acknowledge({ id: 'cdk-fargate-kit::FGK-TARGET-GROUP-QUOTA', reason: 'target group quota raised to 200' });
let priority = 0;
for (const team of ['ads', 'api', 'app', 'auth', 'blog', 'cart', 'cdn', 'chat', 'docs', 'feed', 'help', 'jobs', 'mail', 'maps', 'news', 'pay', 'search', 'shop', 'status', 'wiki']) {
  const taskDef = new FargateTaskDef(stack, team + 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
  const routes = ['/a/*', '/b/*', '/c/*', '/d/*'].map(path => {
    priority += 1;
    return { pathPattern: path, containerName: 'web', priority };
  });
  priority += 1;
  new AlbFrontedService(stack, team, { environment, taskDef, hostHeaders: [team + '.example.com'], priority, routes });
}`,
  },
});

/** FGK-SHARED-LISTENER-PRIORITY: every rule of the shared listener has its own priority 1-50000. */
export const SHARED_LISTENER_PRIORITY = defineRuleOfKinds({
  id: 'FGK-SHARED-LISTENER-PRIORITY',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment',
  fact: `Every rule on the shared listener has its own priority 1-${MAX_RULE_PRIORITY}: explicit, or derived from its own conditions alone, so it never moves when other services join or leave (a collision of two derived priorities is resolved once, by an explicit priority).`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  kinds: {
    range: {
      message: (d: { owner: string; priority: number }) =>
        `${d.owner}: priority ${d.priority} is not valid; a listener rule's priority is a whole number from 1 to ${MAX_RULE_PRIORITY}.`,
      fix: () => 'choose one in that range.',
    },
    shared: {
      message: (d: { rules: readonly string[]; priority: number; owner: string; free?: number }) =>
        `${d.rules.join(' and ')} have the same priority ${d.priority} on the shared listener (explicit, or derived from the conditions); two rules of a listener cannot share one, and a derived priority never moves to make room (that would change a deployed rule when another service joins or leaves).`,
      fix: (d: { owner: string; free?: number }) => d.free === undefined
        ? 'set priority on one of them to a number no other rule of the listener uses (see docs/environment.md#rule-priorities).'
        : `set priority: ${d.free} on ${d.owner} (a free number; for a derived priority, one of its own specificity band, so the order of overlapping rules stays as derived; see docs/environment.md#rule-priorities).`,
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, hostHeaders: ['shop.example.com'], priority: 10 });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, hostHeaders: ['blog.example.com'], priority: 10 });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, hostHeaders: ['shop.example.com'], priority: 10 });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, hostHeaders: ['blog.example.com'], priority: 20 });`,
  },
});

/** FGK-SHARED-LISTENER-OVERLAP: no rule of the shared listener shadows another, and no order is left to chance. */
export const SHARED_LISTENER_OVERLAP = defineRuleOfKinds({
  id: 'FGK-SHARED-LISTENER-OVERLAP',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment',
  fact: 'The listener evaluates rules by priority, lowest first: no two rules have the same conditions, no rule is evaluated after one that matches every request it matches, and overlapping rules are ordered by specificity or an explicit priority.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  kinds: {
    same: {
      message: (d: { a: string; b: string }) =>
        `${d.a} and ${d.b} have the same conditions on the shared listener; the rule with the higher priority number would never get a request.`,
      fix: () => 'give one of them another host or path condition.',
    },
    shadowed: {
      message: (d: { first: string; second: string }) =>
        `${d.second} is never reached on the shared listener: ${d.first} is evaluated first (lower priority number) and matches every request it matches.`,
      fix: () => 'give the more specific rule the lower priority number (or leave both priorities unset: derived priorities put the more specific rule first), or narrow the conditions of the first rule.',
    },
    tie: {
      message: (d: { a: string; b: string }) =>
        `${d.a} and ${d.b} overlap on the shared listener and neither is more specific, so which service gets a request they both match would depend on derived priorities.`,
      fix: () => 'make the conditions disjoint, or set priority on one of them to choose the order.',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, pathPatterns: ['/shop/*'] });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, pathPatterns: ['/shop/*'] });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, pathPatterns: ['/shop/*'] });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, pathPatterns: ['/blog/*'] });`,
  },
});

/**
 * A priority no rule holds, for the fix of a collision: after an explicit one, the next free
 * number; for a derived one, the next free number of its own band (so that its order among
 * overlapping rules stays as derived).
 */
function freePriority(r: SharedRuleSpec, held: ReadonlyMap<number, unknown>): number | undefined {
  if (r.explicit) {
    for (let p = r.priority + 1; p <= MAX_RULE_PRIORITY; p++) if (!held.has(p)) return p;
    return undefined;
  }
  const band = sharedRuleBand(r.hosts, r.paths);
  for (let step = 1; step < band.width; step++) {
    const p = band.first + ((r.priority - band.first + step) % band.width);
    if (!held.has(p)) return p;
  }
  return undefined;
}

/** A problem of two rules of the shared listener that can match the same request, if any. */
function checkRulePair(a: SharedRuleSpec, b: SharedRuleSpec): Finding {
  if (!setsOverlap(a.hosts, b.hosts, false) || !setsOverlap(a.paths, b.paths, true)) return undefined;
  if (sameSet(a.hosts, b.hosts, false) && sameSet(a.paths, b.paths, true)) {
    return SHARED_LISTENER_OVERLAP.problem('same', { a: describeRule(a), b: describeRule(b) });
  }
  // equal priorities are FGK-SHARED-LISTENER-PRIORITY; unresolved ones cannot be ordered at synth
  if (a.priority === b.priority || Token.isUnresolved(a.priority) || Token.isUnresolved(b.priority)) return undefined;
  const [first, second] = a.priority < b.priority ? [a, b] : [b, a];
  // two derived rules of one band are ordered by their hashes: an order nobody chose
  const hashOrdered = !a.explicit && !b.explicit && sameBand(a, b);
  if (ruleCovers(first, second)) {
    return hashOrdered ? SHARED_LISTENER_OVERLAP.problem('tie', { a: describeRule(a), b: describeRule(b) })
      : SHARED_LISTENER_OVERLAP.problem('shadowed', { first: describeRule(first), second: describeRule(second) });
  }
  if (ruleCovers(second, first) || !hashOrdered) return undefined;
  return SHARED_LISTENER_OVERLAP.problem('tie', { a: describeRule(a), b: describeRule(b) });
}

/**
 * The rules of one shared listener: at most 100; every priority within 1-50000 and held by one
 * rule (derived priorities never move: a collision is for the user to resolve); no two rules
 * with the same conditions; no rule shadowed by one evaluated before it (explicit priorities
 * included: a front's own routes too); no two overlapping rules whose order is left to the hash.
 */
export function checkSharedListenerRules(rules: readonly SharedRuleSpec[]): Problem[] {
  const problems: Problem[] = [];
  if (rules.length > MAX_LISTENER_RULES) problems.push(LISTENER_RULE_QUOTA.problem({ count: rules.length, owners: rules.map(r => r.owner) }));
  const byPriority = new Map<number, SharedRuleSpec[]>();
  for (const r of rules) {
    if (Token.isUnresolved(r.priority)) continue;
    if (!Number.isInteger(r.priority) || r.priority < 1 || r.priority > MAX_RULE_PRIORITY) {
      problems.push(SHARED_LISTENER_PRIORITY.problem('range', { owner: r.owner, priority: r.priority }));
      continue;
    }
    byPriority.set(r.priority, [...(byPriority.get(r.priority) ?? []), r]);
  }
  for (const [priority, all] of byPriority) {
    // rules with the same conditions are one mistake, FGK-SHARED-LISTENER-OVERLAP's
    const rs = all.filter((r, i) => all.findIndex(o => sharedRuleKey(o.hosts, o.paths) === sharedRuleKey(r.hosts, r.paths)) === i);
    if (rs.length < 2) continue;
    const last = rs[rs.length - 1];
    problems.push(SHARED_LISTENER_PRIORITY.problem('shared', {
      rules: rs.map(describeRule), priority, owner: last.owner, free: freePriority(last, byPriority),
    }));
  }
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const p = checkRulePair(rules[i], rules[j]);
      if (p !== undefined) problems.push(p);
    }
  }
  return problems;
}

/** FGK-SHARED-LISTENER-CONDITIONS: a front on the shared listener has valid host and/or path conditions. */
export const SHARED_LISTENER_CONDITIONS = defineRuleOfKinds({
  id: 'FGK-SHARED-LISTENER-CONDITIONS',
  acknowledgeable: true,
  checkedBy: 'AlbFront, AlbFrontedService',
  fact: `A front on the shared listener has host and/or path conditions, valid, at most ${MAX_VALUES_PER_CONDITION} values per condition, ${MAX_CONDITION_VALUES_PER_RULE} per rule and ${MAX_WILDCARDS_PER_RULE} wildcards per rule; only a front on the shared listener has them.`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html',
  kinds: {
    none: {
      message: () => 'the front joins the environment\'s shared listener without hostHeaders or pathPatterns; it would take every request from the other services.',
      fix: () => 'set hostHeaders (e.g. [\'app.example.com\']) and/or pathPatterns (e.g. [\'/app/*\']).',
    },
    tooMany: {
      message: (d: { count: number }) =>
        `a rule would hold ${d.count} condition values (host names plus path patterns); an ALB listener rule holds at most ${MAX_CONDITION_VALUES_PER_RULE}.`,
      fix: () => 'use wildcards (e.g. \'*.example.com\', \'/api/*\'), or split the service\'s fronts.',
    },
    host: {
      message: (d: { host: string }) =>
        `hostHeaders entry '${d.host}' is not a valid host condition; it is at most 128 characters of A-Z a-z 0-9 - . and the wildcards * and ?, with at least one '.' and only letters after the last one.`,
      fix: () => 'write it like \'app.example.com\' or \'*.example.com\'.',
    },
    perCondition: {
      message: (d: { prop: string; count: number }) =>
        `${d.prop} has ${d.count} values; a condition of an ALB listener rule holds at most ${MAX_VALUES_PER_CONDITION}.`,
      fix: () => 'use wildcards (e.g. \'*.example.com\', \'/api/*\'), or split the values over two fronts (or routes).',
    },
    wildcards: {
      message: (d: { count: number; rule: string }) =>
        `the ${d.rule} holds ${d.count} wildcards (* and ?) across its host and path conditions; an ALB listener rule holds at most ${MAX_WILDCARDS_PER_RULE}.`,
      fix: () => 'use fewer wildcards (one \'*\' at the end of a pattern matches any rest), or split the conditions over two fronts.',
    },
    ownLoadBalancer: {
      message: () => 'hostHeaders, pathPatterns and priority place a front on an environment\'s shared listener, but this front has a load balancer of its own (whose listener sends every request to the service).',
      fix: () => 'remove them, or join the shared load balancer (environment with loadBalancer: {...}, sharedLoadBalancer true).',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, pathPatterns: ['/shop/*'] });`,
  },
});

/** Whether a host condition value is one ELB accepts: 1-128 of A-Z a-z 0-9 - . * ?, a '.', only letters after the last '.'. */
export function validHostCondition(host: string): boolean {
  return host.length > 0 && host.length <= 128 && /^[A-Za-z0-9\-.*?]+$/.test(host) && /\.[A-Za-z]+$/.test(host);
}

const wildcardCount = (values: readonly string[]) => values.reduce((n, v) => n + (v.match(/[*?]/g)?.length ?? 0), 0);

/**
 * A front on a shared listener names hosts and/or paths: at most 3 values per condition, 5 per
 * rule (its default rule: hosts and paths; each route's rule: hosts and the route's path) and 5
 * wildcards per rule, each host a valid host condition.
 */
export function checkSharedFrontConditions(hosts: readonly string[], paths: readonly string[], routePaths: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (hosts.length === 0 && paths.length === 0) problems.push(SHARED_LISTENER_CONDITIONS.problem('none', undefined));
  for (const [prop, values] of [['hostHeaders', hosts], ['pathPatterns', paths]] as const) {
    if (values.length > MAX_VALUES_PER_CONDITION) problems.push(SHARED_LISTENER_CONDITIONS.problem('perCondition', { prop, count: values.length }));
  }
  const most = Math.max(hosts.length + paths.length, ...routePaths.map(() => hosts.length + 1));
  if (most > MAX_CONDITION_VALUES_PER_RULE) problems.push(SHARED_LISTENER_CONDITIONS.problem('tooMany', { count: most }));
  const rules = [{ rule: 'default rule', values: [...hosts, ...paths] }, ...routePaths.map(p => ({ rule: `rule of route ${p}`, values: [...hosts, p] }))];
  for (const r of rules) {
    const count = wildcardCount(r.values.filter(v => !Token.isUnresolved(v)));
    if (count > MAX_WILDCARDS_PER_RULE) problems.push(SHARED_LISTENER_CONDITIONS.problem('wildcards', { count, rule: r.rule }));
  }
  for (const h of hosts) {
    if (!Token.isUnresolved(h) && !validHostCondition(h)) problems.push(SHARED_LISTENER_CONDITIONS.problem('host', { host: h }));
  }
  return problems;
}

/** Conditions and priorities are for fronts on the shared listener. */
export function checkConditionsNeedSharedListener(set: boolean): Finding {
  return set ? SHARED_LISTENER_CONDITIONS.problem('ownLoadBalancer', undefined) : undefined;
}

/** FGK-TARGET-GROUP-QUOTA: a load balancer routes to at most 100 target groups. */
export const TARGET_GROUP_QUOTA = defineRule<{ count: number }>({
  id: 'FGK-TARGET-GROUP-QUOTA',
  acknowledgeable: true,
  checkedBy: 'FargateEnvironment',
  fact: `The shared load balancer routes to at most ${MAX_TARGET_GROUPS_PER_LOAD_BALANCER} target groups.`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
  message: d => `the shared load balancer routes to ${d.count} target groups; an Application Load Balancer routes to at most ${MAX_TARGET_GROUPS_PER_LOAD_BALANCER}.`,
  fix: () => 'route several paths of a service to the same container:port, or move services to a second environment.',
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
Validations.of(environment).acknowledge({ id: 'cdk-fargate-kit::FGK-LISTENER-RULE-QUOTA', reason: 'rules per load balancer raised to 200' });
let priority = 0;
for (const team of ['ads', 'api', 'app', 'auth', 'blog', 'cart', 'cdn', 'chat', 'docs', 'feed', 'help', 'jobs', 'mail', 'maps', 'news', 'pay', 'search', 'shop', 'status', 'wiki', 'www']) {
  const taskDef = new FargateTaskDef(stack, team + 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
  const routes = ['/a/*', '/b/*', '/c/*', '/d/*'].map(path => {
    priority += 1;
    return { pathPattern: path, containerName: 'web', priority };
  });
  priority += 1;
  new AlbFrontedService(stack, team, { environment, taskDef, hostHeaders: [team + '.example.com'], priority, routes });
}`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
Validations.of(environment).acknowledge({ id: 'cdk-fargate-kit::FGK-LISTENER-RULE-QUOTA', reason: 'rules per load balancer raised to 200' });
let priority = 0;
for (const team of ['ads', 'api', 'app', 'auth', 'blog', 'cart', 'cdn', 'chat', 'docs', 'feed', 'help', 'jobs', 'mail', 'maps', 'news', 'pay', 'search', 'shop', 'status', 'wiki']) {
  const taskDef = new FargateTaskDef(stack, team + 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
  const routes = ['/a/*', '/b/*', '/c/*', '/d/*'].map(path => {
    priority += 1;
    return { pathPattern: path, containerName: 'web', priority };
  });
  priority += 1;
  new AlbFrontedService(stack, team, { environment, taskDef, hostHeaders: [team + '.example.com'], priority, routes });
}`,
  },
});

/** Target groups of one load balancer stay within the ELB quota. */
export function checkTargetGroupQuota(count: number): Finding {
  return count <= MAX_TARGET_GROUPS_PER_LOAD_BALANCER ? undefined : TARGET_GROUP_QUOTA.problem({ count });
}

/** Whether a certificate domain name (maybe `*.example.com`) covers `host`. */
export function domainCovers(domain: string, host: string): boolean {
  const d = domain.toLowerCase();
  const h = host.toLowerCase();
  if (d === h) return true;
  if (!d.startsWith('*.')) return false;
  // a wildcard certificate covers one label: a literal one, or a host condition's wildcard first label
  const labels = h.split('.');
  return labels.length > 1 && labels.slice(1).join('.') === d.slice(2) && !/[*?]/.test(labels.slice(1).join('.'));
}

/** FGK-SHARED-LISTENER-CERTIFICATE: every host of the shared HTTPS listener is covered by a certificate. */
export const SHARED_LISTENER_CERTIFICATE = defineRule<{ owner: string; missing: readonly string[]; domains: readonly string[] }>({
  id: 'FGK-SHARED-LISTENER-CERTIFICATE',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment',
  fact: 'Every host served on the shared HTTPS listener, wildcard hosts included, is covered by one of its certificates (checked where the domain names are known at synth); a wildcard certificate covers one label.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html#https-listener-certificates',
  message: d => `${d.owner}: host ${d.missing.map(h => `'${h}'`).join(', ')} is served on the shared HTTPS listener but no certificate of the listener covers it (domains: ${d.domains.join(', ') || 'none'}); browsers would reject the connection.`,
  fix: () => 'add a certificate for it to the environment\'s loadBalancer.certificates (or a subject alternative name), or use another host.',
  examples: {
    nonCompliant: `const certificate = new acm.Certificate(stack, 'Cert', { domainName: 'shop.example.com' });
const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: { certificates: [certificate] } });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, hostHeaders: ['blog.example.com'] });`,
    compliant: `const certificate = new acm.Certificate(stack, 'Cert', { domainName: '*.example.com' });
const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: { certificates: [certificate] } });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Blog', { environment, taskDef, hostHeaders: ['blog.example.com'] });`,
  },
});

/**
 * On an HTTPS shared listener every host condition is covered by a certificate of the listener
 * (when the certificates' domain names are known at synth: certificates created in the app).
 */
export function checkCertificateCoversHosts(
  owner: string, hosts: readonly string[], certificateDomains: ReadonlyArray<readonly string[]> | undefined,
): Finding {
  if (certificateDomains === undefined) return undefined;
  const domains = certificateDomains.flat();
  const missing = hosts.filter(h => !Token.isUnresolved(h) && !domains.some(d => domainCovers(d, h)));
  return missing.length === 0 ? undefined : SHARED_LISTENER_CERTIFICATE.problem({ owner, missing, domains });
}

/** FGK-SHARED-FRONT-OPTIONS: a front on the shared load balancer leaves its settings to the environment. */
export const SHARED_FRONT_OPTIONS = defineRuleOfKinds({
  id: 'FGK-SHARED-FRONT-OPTIONS',
  acknowledgeable: false,
  checkedBy: 'AlbFront, AlbFrontedService',
  fact: 'A front on the shared load balancer leaves the load balancer\'s own settings (certificate, CIDRs, access logs, subnets) to the environment, which must have one.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  kinds: {
    noSharedLoadBalancer: {
      message: () => 'sharedLoadBalancer is true but the service\'s environment has no shared load balancer.',
      fix: () => 'create the FargateEnvironment with loadBalancer: {...}, or set sharedLoadBalancer false for a load balancer of the service\'s own.',
    },
    ownOptions: {
      message: (d: { options: readonly string[] }) =>
        `${d.options.join(', ')} ${d.options.length > 1 ? 'are' : 'is'} set on a front that joins the environment's shared load balancer; these are settings of the load balancer itself, shared by every service.`,
      fix: () => 'set them in the FargateEnvironment\'s loadBalancer options, or set sharedLoadBalancer false for a load balancer of the service\'s own.',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, pathPatterns: ['/shop/*'], allowedCidrs: ['203.0.113.0/24'] });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, loadBalancer: { allowedCidrs: ['203.0.113.0/24'] } });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, pathPatterns: ['/shop/*'] });`,
  },
});

/** Load balancer options that belong to the environment when a front joins its shared load balancer. */
export function checkSharedFrontOptions(hasSharedLoadBalancer: boolean, ownOptions: readonly string[]): Finding {
  if (!hasSharedLoadBalancer) return SHARED_FRONT_OPTIONS.problem('noSharedLoadBalancer', undefined);
  return ownOptions.length === 0 ? undefined : SHARED_FRONT_OPTIONS.problem('ownOptions', { options: ownOptions });
}

/** FGK-SERVICE-CONNECT-NAME: a Service Connect name is a DNS label published once. */
export const SERVICE_CONNECT_NAME = defineRuleOfKinds({
  id: 'FGK-SERVICE-CONNECT-NAME',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateEnvironment',
  fact: 'A Service Connect name is a lowercase DNS label of at most 64 characters (ECS\'s discovery name rules), published by one service of the namespace.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  kinds: {
    syntax: {
      message: (d: { name: string }) =>
        `serviceConnect.name '${d.name}' is not a valid Service Connect name; it is the discovery name ECS registers (lowercase) and the host name callers use, so it is 1-64 lowercase letters, digits or hyphens, not starting with a hyphen.`,
      fix: () => 'use a name like \'api\' or \'orders-api\'.',
    },
    twice: {
      message: (d: { name: string; owners: readonly string[] }) =>
        `services ${d.owners.join(' and ')} publish the same Service Connect name '${d.name}'; a name resolves to one service of the namespace, so callers would reach only one of them.`,
      fix: () => 'give each service its own serviceConnect.name.',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'http' }] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders_api' } });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'http' }] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders-api' } });`,
  },
});

/**
 * A Service Connect name: it is the service's discovery name (at most 64 lowercase letters,
 * digits, underscores or hyphens, not starting with a hyphen) and the callers' DNS name, so a DNS
 * label: lowercase letters, digits and hyphens, starting with a letter or digit.
 */
export function checkServiceConnectName(name: string): Finding {
  if (Token.isUnresolved(name)) return undefined;
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(name) ? undefined : SERVICE_CONNECT_NAME.problem('syntax', { name });
}

/** A Service Connect name is published by one service of the namespace. */
export function checkServiceConnectNamesUnique(published: ReadonlyArray<{ name: string; owner: string }>): Problem[] {
  const byName = new Map<string, string[]>();
  for (const p of published) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.owner]);
  return [...byName].filter(([, owners]) => owners.length > 1).map(([name, owners]) => SERVICE_CONNECT_NAME.problem('twice', { name, owners }));
}

/** FGK-SERVICE-CONNECT-PORT: the published port is a known TCP port of the task, named. */
export const SERVICE_CONNECT_PORT = defineRuleOfKinds({
  id: 'FGK-SERVICE-CONNECT-PORT',
  acknowledgeable: false,
  checkedBy: 'FargateService',
  fact: 'A Service Connect port is 1-65535, known at synth, and the published container:port is a named TCP port mapping of the task.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  kinds: {
    range: {
      message: (d: { port: number }) => `serviceConnect.port ${d.port} is not a valid port; callers connect to name:port, a whole number from 1 to 65535.`,
      fix: () => 'use a port such as 80 or the container port.',
    },
    noPortedContainer: {
      message: (d: { names: string }) => `serviceConnect is set but no container of the task has a TCP port (containers: ${d.names}); callers need a port to connect to.`,
      fix: () => 'add the containers with ports before creating the service.',
    },
    unknownContainer: {
      message: (d: { containerName: string; names: string }) =>
        `serviceConnect.containerName '${d.containerName}' is not a container of the task with a port (containers: ${d.names}).`,
      fix: () => 'name a container of the task that has ports.',
    },
    notAPort: {
      message: (d: { containerPort: number; containerName: string; ports: string }) =>
        `serviceConnect.containerPort ${d.containerPort} is not a TCP port of container '${d.containerName}' (its ports: ${d.ports}); Service Connect forwards calls to a mapped port.`,
      fix: (d: { containerPort: number }) => `use one of its ports, or add ${d.containerPort} to its ports.`,
    },
    noPorts: {
      message: (d: { containerName: string }) => `serviceConnect.containerName '${d.containerName}' has no TCP port; callers need a port to connect to.`,
      fix: () => 'give it ports in addAppContainer().',
    },
    unnamed: {
      message: (d: { containerName: string; containerPort: number }) =>
        `serviceConnect publishes ${d.containerName}:${d.containerPort}, whose port mapping has no name; Service Connect refers to a port mapping by its name.`,
      fix: (d: { containerName: string; containerPort: number }) =>
        `declare the port with a name in addAppContainer, e.g. portMappings: [{ containerPort: ${d.containerPort}, name: '${d.containerName}' }] instead of ports: [${d.containerPort}].`,
    },
    token: {
      message: () => 'the Service Connect port (serviceConnect.port, else the container port) is a token that cannot be resolved at synth; aws-cdk-lib checks the client port\'s range when the service is created, so it must be a number.',
      fix: () => 'use a number (a Lazy value that resolves to one works too).',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [8080] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders' } });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'http' }] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders' } });`,
  },
});

/** The client port of a Service Connect service is a whole number 1-65535. */
export function checkServiceConnectPort(port: number | undefined): Finding {
  if (port === undefined || Token.isUnresolved(port)) return undefined;
  return !Number.isInteger(port) || port < 1 || port > 65535 ? SERVICE_CONNECT_PORT.problem('range', { port }) : undefined;
}

/** FGK-SERVICE-CONNECT-CALLS: a service calls only published names. */
export const SERVICE_CONNECT_CALLS = defineRule<{ owner: string; name: string; published: readonly string[] }>({
  id: 'FGK-SERVICE-CONNECT-CALLS',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment',
  fact: 'A service calls only names published in the environment; its security group rule is then exactly caller -> callee container port.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts.html',
  message: d => `${d.owner} calls '${d.name}', but no service of the environment publishes that Service Connect name (published: ${d.published.map(p => `'${p}'`).join(', ') || 'none'}); no security group rule could be opened to it.`,
  fix: d => `set serviceConnect: { name: '${d.name}' } on the service it means, or correct the name.`,
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'http' }] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders' } });
new FargateService(stack, 'Web', { environment, taskDef, calls: ['order'] });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'http' }] });
new FargateService(stack, 'Orders', { environment, taskDef, serviceConnect: { name: 'orders' } });
new FargateService(stack, 'Web', { environment, taskDef, calls: ['orders'] });`,
  },
});

/** Every service a caller names is published in the namespace. */
export function checkCalls(owner: string, calls: readonly string[], published: readonly string[]): Problem[] {
  const known = new Set(published.map(p => p.toLowerCase()));
  return calls.filter(c => !known.has(c.toLowerCase())).map(name => SERVICE_CONNECT_CALLS.problem({ owner, name, published }));
}

/** FGK-SERVICE-CONNECT-NAMESPACE: Service Connect needs the environment's namespace, with a valid name. */
export const SERVICE_CONNECT_NAMESPACE = defineRuleOfKinds({
  id: 'FGK-SERVICE-CONNECT-NAMESPACE',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment, FargateService',
  fact: 'Service Connect needs the environment\'s Cloud Map HTTP namespace, with a valid name.',
  source: 'https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html',
  kinds: {
    noNamespace: {
      message: () => 'serviceConnect or calls is set but the environment has no Service Connect namespace.',
      fix: () => 'create the FargateEnvironment with serviceConnect: {} (or serviceConnect: { namespaceName: \'...\' }).',
    },
    noEnvironment: {
      message: () => 'serviceConnect or calls is set on a service without an environment; Service Connect names live in the environment\'s namespace.',
      fix: () => 'pass environment (a FargateEnvironment with serviceConnect: {}).',
    },
    name: {
      message: (d: { name: string }) =>
        `serviceConnect.namespaceName '${d.name}' is not a valid Cloud Map namespace name; it is 1-1024 letters, digits, hyphens, underscores or dots.`,
      fix: () => 'use a name like \'internal\' or \'prod.local\'.',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('payments', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'payments' }] });
new FargateService(stack, 'Payments', { environment, taskDef, serviceConnect: { name: 'payments' } });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network, serviceConnect: {} });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('payments', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 8080, name: 'payments' }] });
new FargateService(stack, 'Payments', { environment, taskDef, serviceConnect: { name: 'payments' } });`,
  },
});

/** Service Connect (publishing or calling) needs an environment with a namespace. */
export function checkServiceConnectNamespace(uses: boolean, hasEnvironment: boolean, hasNamespace: boolean): Finding {
  if (!uses || (hasEnvironment && hasNamespace)) return undefined;
  return hasEnvironment ? SERVICE_CONNECT_NAMESPACE.problem('noNamespace', undefined) : SERVICE_CONNECT_NAMESPACE.problem('noEnvironment', undefined);
}

/** A Cloud Map HTTP namespace name: 1-1024 letters, digits, hyphens, underscores and dots. */
export function checkNamespaceName(name: string | undefined): Finding {
  if (name === undefined || Token.isUnresolved(name)) return undefined;
  const ok = /^[A-Za-z0-9_\-.]{1,1024}$/.test(name) && !name.startsWith('.') && !name.endsWith('.');
  return ok ? undefined : SERVICE_CONNECT_NAMESPACE.problem('name', { name });
}

/** FGK-ENVIRONMENT-CONFLICT: a workload of an environment takes its network and cluster. */
export const ENVIRONMENT_CONFLICT = defineRuleOfKinds({
  id: 'FGK-ENVIRONMENT-CONFLICT',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment, FargateService, FargateTask',
  fact: 'A workload of an environment takes the environment\'s network and cluster; an environment takes a network or vpc options, not both.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html',
  kinds: {
    workload: {
      message: (d: { set: readonly string[] }) =>
        `environment is set together with ${d.set.join(', ')}; a workload of an environment runs in the environment's network and cluster.`,
      fix: (d: { set: readonly string[] }) => `remove ${d.set.join(', ')}, or remove environment.`,
    },
    environment: {
      message: () => 'network and vpc are both set; the environment either uses the network you give or builds a FargateVpc from the vpc options.',
      fix: () => 'remove one of them.',
    },
    noNetwork: {
      message: () => 'neither network nor environment is set; the tasks need a network to run in.',
      fix: () => 'pass environment (a FargateEnvironment) or network (a FargateVpc).',
    },
  },
  examples: {
    nonCompliant: `const environment = new FargateEnvironment(stack, 'Env', { network });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new FargateService(stack, 'Web', { environment, taskDef, sharedCluster: true });`,
    compliant: `const environment = new FargateEnvironment(stack, 'Env', { network });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new FargateService(stack, 'Web', { environment, taskDef });`,
  },
});

/** A workload in an environment takes its network and cluster from it. */
export function checkEnvironmentConflicts(
  hasEnvironment: boolean, networkDiffers: boolean, cluster: boolean, sharedCluster: boolean,
): Finding {
  if (!hasEnvironment) return undefined;
  const set = [networkDiffers && 'network (another one)', cluster && 'cluster', sharedCluster && 'sharedCluster'].filter((x): x is string => typeof x === 'string');
  return set.length === 0 ? undefined : ENVIRONMENT_CONFLICT.problem('workload', { set });
}

/** An environment builds its network from `vpc` options or takes one, not both. */
export function checkEnvironmentNetwork(network: boolean, vpcOptions: boolean): Finding {
  return network && vpcOptions ? ENVIRONMENT_CONFLICT.problem('environment', undefined) : undefined;
}

/** The container:port a service publishes in Service Connect is a TCP port of the task. */
export function checkServiceConnectTarget(
  containerName: string | undefined, containerPort: number | undefined, containers: ReadonlyArray<{ name: string; ports: readonly number[] }>,
): Finding {
  const names = containers.map(c => `'${c.name}'`).join(', ') || 'none';
  const container = containerName === undefined ? containers.find(c => c.ports.length > 0) : containers.find(c => c.name === containerName);
  if (container === undefined) {
    return containerName === undefined
      ? SERVICE_CONNECT_PORT.problem('noPortedContainer', { names })
      : SERVICE_CONNECT_PORT.problem('unknownContainer', { containerName, names });
  }
  if (containerPort !== undefined && !Token.isUnresolved(containerPort) && !container.ports.includes(containerPort)) {
    return SERVICE_CONNECT_PORT.problem('notAPort', { containerPort, containerName: container.name, ports: container.ports.join(', ') || 'none' });
  }
  return container.ports.length === 0 ? SERVICE_CONNECT_PORT.problem('noPorts', { containerName: container.name }) : undefined;
}

/** Service Connect refers to the published port mapping by its name, so it has one. */
export function checkNamedPortMapping(containerName: string, containerPort: number, name: string | undefined): Finding {
  return name !== undefined ? undefined : SERVICE_CONNECT_PORT.problem('unnamed', { containerName, containerPort });
}

/** The Service Connect client port is known at synth (aws-cdk-lib checks its range when the service is created). */
export function checkServiceConnectPortKnown(port: number): Finding {
  return Token.isUnresolved(port) ? SERVICE_CONNECT_PORT.problem('token', undefined) : undefined;
}

/** FGK-IMPORTED-ENVIRONMENT: an imported environment names every part services use. */
export const IMPORTED_ENVIRONMENT = defineRuleOfKinds({
  id: 'FGK-IMPORTED-ENVIRONMENT',
  acknowledgeable: false,
  checkedBy: 'FargateEnvironment.fromFargateEnvironmentAttributes',
  fact: 'Services joining an imported shared load balancer need its listener, load balancer (ARN and DNS name) and security group; Service Connect needs the namespace\'s ARN, ID and name.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  kinds: {
    loadBalancer: {
      message: (d: { missing: readonly string[] }) =>
        `the shared load balancer is imported without ${d.missing.join(', ')}; a front creates its rule on the listener, opens the tasks to the load balancer's security group and builds its URL from the DNS name.`,
      fix: () => 'pass listenerArn, loadBalancerArn, loadBalancerDnsName and loadBalancerSecurityGroupId together (the owning app exports them), or none of them.',
    },
    namespace: {
      message: (d: { missing: readonly string[] }) =>
        `the Service Connect namespace is imported without ${d.missing.join(', ')}; services register in it by ARN and the namespace is named by its ID and name.`,
      fix: () => 'pass serviceConnectNamespaceArn, serviceConnectNamespaceId and serviceConnectNamespaceName together, or none of them.',
    },
  },
  examples: {
    nonCompliant: `const environment = FargateEnvironment.fromFargateEnvironmentAttributes(stack, 'Platform', {
  network,
  clusterName: 'platform',
  listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/platform/50dc6c495c0c9188/f2f7dc8efc522ab2',
});
const taskDef = new FargateTaskDef(stack, 'ShopTask');
taskDef.addAppContainer('shop', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [8080] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, hostHeaders: ['shop.example.com'] });`,
    compliant: `const environment = FargateEnvironment.fromFargateEnvironmentAttributes(stack, 'Platform', {
  network,
  clusterName: 'platform',
  listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/platform/50dc6c495c0c9188/f2f7dc8efc522ab2',
  loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/platform/50dc6c495c0c9188',
  loadBalancerDnsName: 'platform-1234567890.us-east-1.elb.amazonaws.com',
  loadBalancerSecurityGroupId: 'sg-0123456789abcdef0',
});
const taskDef = new FargateTaskDef(stack, 'ShopTask');
taskDef.addAppContainer('shop', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [8080] });
new AlbFrontedService(stack, 'Shop', { environment, taskDef, hostHeaders: ['shop.example.com'] });`,
  },
});

/** FGK-CROSS-STACK: a workload joins an environment of its own deployment target. */
export const CROSS_STACK = defineRuleOfKinds({
  id: 'FGK-CROSS-STACK',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask, AlbFrontedService',
  fact: 'An environment\'s network, cluster, load balancer and namespace are regional resources of one account, referenced across stacks only within one stage, region and account (CloudFormation exports); a service runs in the account and region of its cluster.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/walkthrough-crossstackref.html',
  kinds: {
    stage: {
      message: (d: { env: string; envStage: string; stage: string }) =>
        `environment ${d.env} belongs to stage ${d.envStage}, this workload to stage ${d.stage}; the stacks of two stages are deployed apart and cannot reference each other's resources.`,
      fix: () => 'create the workload in the environment\'s stage, or import the environment into this stage with FargateEnvironment.fromFargateEnvironmentAttributes (from values the owning stage exports, e.g. SSM parameters).',
    },
    region: {
      message: (d: { env: string; envRegion: string; region: string }) =>
        `environment ${d.env} is in region ${d.envRegion}, this workload's stack in region ${d.region}; an environment's network, cluster and load balancer are regional, and a service runs in its cluster's region.`,
      fix: (d: { envRegion: string }) => `deploy the workload's stack to region ${d.envRegion}, or create an environment of its own in this region.`,
    },
    account: {
      message: (d: { env: string; envAccount: string; account: string }) =>
        `environment ${d.env} is in account ${d.envAccount}, this workload's stack in account ${d.account}; a service runs in its cluster's account, and CloudFormation exports are not shared across accounts.`,
      fix: (d: { envAccount: string }) => `deploy the workload's stack to account ${d.envAccount}, or create an environment of its own in this account.`,
    },
    agnostic: {
      message: (d: { env: string; envTarget: string; target: string }) =>
        `environment ${d.env} is in a stack deployed to ${d.envTarget}, this workload's stack to ${d.target}; CloudFormation references between stacks need both stacks in the same, known account and region.`,
      fix: () => 'give both stacks the same env (account and region), or neither.',
    },
  },
  examples: {
    nonCompliant: `const platform = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'eu-west-1' } });
const environment = new FargateEnvironment(platform, 'Env', { vpc: { natGateways: 1, flowLogs: false } });
const taskDef = new FargateTaskDef(stack, 'WorkerTask');
taskDef.addAppContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Worker', { environment, taskDef });`,
    compliant: `const platform = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'us-east-1' } });
const environment = new FargateEnvironment(platform, 'Env', { vpc: { natGateways: 1, flowLogs: false } });
const taskDef = new FargateTaskDef(stack, 'WorkerTask');
taskDef.addAppContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Worker', { environment, taskDef });`,
  },
});

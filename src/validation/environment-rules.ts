import { Token } from 'aws-cdk-lib';
import { MAX_LISTENER_RULES } from './alb-rules';
import { MAX_RULE_PRIORITY, PrioritySlot, assignSharedPriorities, hasLiteralHostsOnly } from './route-rules';

/** Target groups one Application Load Balancer can route to (an ELB quota). */
export const MAX_TARGET_GROUPS_PER_LOAD_BALANCER = 100;
/** Condition values (host names plus path patterns) one listener rule may hold (an ELB quota). */
export const MAX_CONDITION_VALUES_PER_RULE = 5;

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
  /** The derived priority's band, when not explicit: a derived rule that collides moves within it. */
  readonly slot?: PrioritySlot;
}

/** The key that orders colliding derived rules: their conditions, in a fixed form. */
function ruleKey(r: SharedRuleSpec): string {
  return `${[...r.hosts].map(h => h.toLowerCase()).sort().join(',')}|${[...r.paths].sort().join(',')}`;
}

/** The rules with the priorities they get on the listener (see assignSharedPriorities). */
export function withAssignedPriorities(rules: readonly SharedRuleSpec[]): SharedRuleSpec[] {
  const assigned = assignSharedPriorities(rules.map(r => ({ key: ruleKey(r), explicit: r.explicit ? r.priority : undefined, slot: r.slot })));
  return rules.map((r, i) => ({ ...r, priority: assigned[i] }));
}

/** The literal part of an ALB pattern before its first wildcard. */
function literalPrefix(pattern: string): string {
  const i = pattern.search(/[*?]/);
  return i === -1 ? pattern : pattern.slice(0, i);
}

/** Whether the ALB wildcard pattern `glob` (`*`, `?`) matches the literal `text`. */
export function globMatches(glob: string, text: string, caseSensitive = true): boolean {
  const esc = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${esc}$`, caseSensitive ? '' : 'i').test(text);
}

/**
 * Whether two ALB patterns can match the same value (conservatively: two patterns with
 * wildcards overlap when one's literal prefix starts with the other's).
 */
export function patternsOverlap(a: string, b: string, caseSensitive = true): boolean {
  const [x, y] = caseSensitive ? [a, b] : [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  const wx = /[*?]/.test(x);
  const wy = /[*?]/.test(y);
  if (!wx && !wy) return false;
  if (!wx) return globMatches(y, x);
  if (!wy) return globMatches(x, y);
  const px = literalPrefix(x);
  const py = literalPrefix(y);
  return px.startsWith(py) || py.startsWith(px);
}

function setsOverlap(a: readonly string[], b: readonly string[], caseSensitive: boolean): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some(x => b.some(y => patternsOverlap(x, y, caseSensitive)));
}

function sameSet(a: readonly string[], b: readonly string[], caseSensitive: boolean): boolean {
  const norm = (xs: readonly string[]) => [...new Set(xs.map(x => caseSensitive ? x : x.toLowerCase()))].sort().join('\n');
  return norm(a) === norm(b);
}

/**
 * How specific a rule is, as its derived priority orders it: the shortest literal part of its
 * path patterns, then whether it names literal hosts only.
 */
function specificity(r: SharedRuleSpec): string {
  const path = r.paths.length === 0 ? 0 : Math.min(...r.paths.map(p => literalPrefix(p).length));
  return `${path}/${hasLiteralHostsOnly(r.hosts) ? 1 : 0}`;
}

const describeRule = (r: SharedRuleSpec) =>
  `${r.owner} (${r.hosts.length > 0 ? `host ${r.hosts.join(' or ')}` : 'any host'}, ${r.paths.length > 0 ? `path ${r.paths.join(' or ')}` : 'any path'}, priority ${r.priority})`;

/**
 * The rules of different owners on one shared listener: no two with identical conditions
 * (the later one would never match), and no two that overlap while neither is more specific
 * and the order is left to derived priorities (which then order them by a hash). Also: every
 * rule has a priority of its own within 1-50000, and the listener holds at most 100 rules.
 */
export function checkSharedListenerRules(rules: readonly SharedRuleSpec[]): string[] {
  const problems: string[] = [];
  if (rules.length > MAX_LISTENER_RULES) {
    problems.push(`[FGK-LISTENER-RULE-QUOTA] the shared listener has ${rules.length} rules (${rules.map(r => r.owner).slice(0, 5).join(', ')}, ...); an ALB listener holds at most ${MAX_LISTENER_RULES} rules besides its default action. Fix: merge paths with wildcards, move some services to another environment (or an own load balancer: AlbFront with sharedLoadBalancer false).`);
  }
  const byPriority = new Map<number, SharedRuleSpec[]>();
  for (const r of rules) {
    if (Token.isUnresolved(r.priority)) continue;
    if (!Number.isInteger(r.priority) || r.priority < 1 || r.priority > MAX_RULE_PRIORITY) {
      problems.push(`[FGK-SHARED-LISTENER-PRIORITY] ${r.owner}: priority ${r.priority} is not valid; a listener rule's priority is a whole number from 1 to ${MAX_RULE_PRIORITY}. Fix: choose one in that range.`);
      continue;
    }
    byPriority.set(r.priority, [...(byPriority.get(r.priority) ?? []), r]);
  }
  for (const [p, rs] of byPriority) {
    if (rs.length > 1) {
      problems.push(`[FGK-SHARED-LISTENER-PRIORITY] ${rs.map(describeRule).join(' and ')} have the same priority ${p} on the shared listener (explicit, or derived from the conditions); two rules of a listener cannot share one. Fix: set a distinct priority on one of them.`);
    }
  }
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      if (a.owner === b.owner) continue;
      if (!setsOverlap(a.hosts, b.hosts, false) || !setsOverlap(a.paths, b.paths, true)) continue;
      if (sameSet(a.hosts, b.hosts, false) && sameSet(a.paths, b.paths, true)) {
        problems.push(`[FGK-SHARED-LISTENER-OVERLAP] ${describeRule(a)} and ${describeRule(b)} have the same conditions on the shared listener; the rule with the higher priority number would never get a request. Fix: give one of them another host or path condition.`);
      } else if (!a.explicit && !b.explicit && specificity(a) === specificity(b)) {
        problems.push(`[FGK-SHARED-LISTENER-OVERLAP] ${describeRule(a)} and ${describeRule(b)} overlap on the shared listener and neither is more specific, so which service gets a request they both match would depend on derived priorities. Fix: make the conditions disjoint, or set priority on one of them to choose the order.`);
      }
    }
  }
  return problems;
}

/** A front on a shared listener names hosts and/or paths, at most 5 values in all, each a valid pattern. */
export function checkSharedFrontConditions(hosts: readonly string[], paths: readonly string[], routePaths: readonly string[]): string[] {
  const problems: string[] = [];
  if (hosts.length === 0 && paths.length === 0) {
    problems.push('[FGK-SHARED-LISTENER-CONDITIONS] the front joins the environment\'s shared listener without hostHeaders or pathPatterns; it would take every request from the other services. Fix: set hostHeaders (e.g. [\'app.example.com\']) and/or pathPatterns (e.g. [\'/app/*\']).');
  }
  const most = Math.max(hosts.length + paths.length, ...routePaths.map(() => hosts.length + 1));
  if (most > MAX_CONDITION_VALUES_PER_RULE) {
    problems.push(`[FGK-SHARED-LISTENER-CONDITIONS] a rule would hold ${most} condition values (host names plus path patterns); an ALB listener rule holds at most ${MAX_CONDITION_VALUES_PER_RULE}. Fix: use wildcards (e.g. '*.example.com', '/api/*'), or split the service's fronts.`);
  }
  for (const h of hosts) {
    if (Token.isUnresolved(h)) continue;
    if (h.length === 0 || h.length > 128 || !/^[A-Za-z0-9\-.*?]+$/.test(h)) {
      problems.push(`[FGK-SHARED-LISTENER-CONDITIONS] hostHeaders entry '${h}' is not a valid host condition; it is at most 128 characters of A-Z a-z 0-9 - . and the wildcards * and ?. Fix: write it like 'app.example.com' or '*.example.com'.`);
    }
  }
  return problems;
}

/** Target groups of one load balancer stay within the ELB quota. */
export function checkTargetGroupQuota(count: number): string | undefined {
  if (count <= MAX_TARGET_GROUPS_PER_LOAD_BALANCER) return undefined;
  return `[FGK-TARGET-GROUP-QUOTA] the shared load balancer routes to ${count} target groups; an Application Load Balancer routes to at most ${MAX_TARGET_GROUPS_PER_LOAD_BALANCER}. Fix: route several paths of a service to the same container:port, or move services to a second environment.`;
}

/** Whether a certificate domain name (maybe `*.example.com`) covers `host`. */
export function domainCovers(domain: string, host: string): boolean {
  const d = domain.toLowerCase();
  const h = host.toLowerCase();
  if (d === h) return true;
  if (d.startsWith('*.')) {
    const rest = h.split('.');
    return rest.length > 1 && rest.slice(1).join('.') === d.slice(2) && !/[*?]/.test(rest[0]);
  }
  return false;
}

/**
 * On an HTTPS shared listener every host condition is covered by a certificate of the listener
 * (when the certificates' domain names are known at synth: certificates created in the app).
 */
export function checkCertificateCoversHosts(
  owner: string, hosts: readonly string[], certificateDomains: ReadonlyArray<readonly string[]> | undefined,
): string | undefined {
  if (certificateDomains === undefined) return undefined;
  const all = certificateDomains.flat();
  const missing = hosts.filter(h => !Token.isUnresolved(h) && !/[*?]/.test(h) && !all.some(d => domainCovers(d, h)));
  if (missing.length === 0) return undefined;
  return `[FGK-SHARED-LISTENER-CERTIFICATE] ${owner}: host ${missing.map(h => `'${h}'`).join(', ')} is served on the shared HTTPS listener but no certificate of the listener covers it (domains: ${all.join(', ') || 'none'}); browsers would reject the connection. Fix: add a certificate for it to the environment's loadBalancer.certificates (or a subject alternative name), or use another host.`;
}

/** Load balancer options that belong to the environment when a front joins its shared load balancer. */
export function checkSharedFrontOptions(hasSharedLoadBalancer: boolean, ownOptions: readonly string[]): string | undefined {
  if (!hasSharedLoadBalancer) {
    return '[FGK-SHARED-FRONT-OPTIONS] sharedLoadBalancer is true but the service\'s environment has no shared load balancer. Fix: create the FargateEnvironment with loadBalancer: {...}, or set sharedLoadBalancer false for a load balancer of the service\'s own.';
  }
  if (ownOptions.length === 0) return undefined;
  return `[FGK-SHARED-FRONT-OPTIONS] ${ownOptions.join(', ')} ${ownOptions.length > 1 ? 'are' : 'is'} set on a front that joins the environment's shared load balancer; these are settings of the load balancer itself, shared by every service. Fix: set them in the FargateEnvironment's loadBalancer options, or set sharedLoadBalancer false for a load balancer of the service's own.`;
}

/** A Service Connect name: a DNS label ECS accepts (letters, digits, hyphens; starts with a letter; at most 64). */
export function checkServiceConnectName(name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  if (!/^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(name)) {
    return `[FGK-SERVICE-CONNECT-NAME] serviceConnect.name '${name}' is not a valid Service Connect name; callers use it as a host name, so it is 1-64 letters, digits or hyphens starting with a letter. Fix: use a name like 'api' or 'orders-api'.`;
  }
  return undefined;
}

/** A Service Connect name is published by one service of the namespace. */
export function checkServiceConnectNamesUnique(published: ReadonlyArray<{ name: string; owner: string }>): string[] {
  const byName = new Map<string, string[]>();
  for (const p of published) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p.owner]);
  return [...byName].filter(([, owners]) => owners.length > 1).map(([name, owners]) =>
    `[FGK-SERVICE-CONNECT-NAME] services ${owners.join(' and ')} publish the same Service Connect name '${name}'; a name resolves to one service of the namespace, so callers would reach only one of them. Fix: give each service its own serviceConnect.name.`);
}

/** The client port of a Service Connect service is a whole number 1-65535. */
export function checkServiceConnectPort(port: number | undefined): string | undefined {
  if (port === undefined || Token.isUnresolved(port)) return undefined;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return `[FGK-SERVICE-CONNECT-PORT] serviceConnect.port ${port} is not a valid port; callers connect to name:port, a whole number from 1 to 65535. Fix: use a port such as 80 or the container port.`;
  }
  return undefined;
}

/** Every service a caller names is published in the namespace. */
export function checkCalls(owner: string, calls: readonly string[], published: readonly string[]): string[] {
  const known = new Set(published.map(p => p.toLowerCase()));
  return calls.filter(c => !known.has(c.toLowerCase())).map(c =>
    `[FGK-SERVICE-CONNECT-CALLS] ${owner} calls '${c}', but no service of the environment publishes that Service Connect name (published: ${published.map(p => `'${p}'`).join(', ') || 'none'}); no security group rule could be opened to it. Fix: set serviceConnect: { name: '${c}' } on the service it means, or correct the name.`);
}

/** Service Connect (publishing or calling) needs an environment with a namespace. */
export function checkServiceConnectNamespace(uses: boolean, hasEnvironment: boolean, hasNamespace: boolean): string | undefined {
  if (!uses || (hasEnvironment && hasNamespace)) return undefined;
  return hasEnvironment
    ? '[FGK-SERVICE-CONNECT-NAMESPACE] serviceConnect or calls is set but the environment has no Service Connect namespace. Fix: create the FargateEnvironment with serviceConnect: {} (or serviceConnect: { namespaceName: \'...\' }).'
    : '[FGK-SERVICE-CONNECT-NAMESPACE] serviceConnect or calls is set on a service without an environment; Service Connect names live in the environment\'s namespace. Fix: pass environment (a FargateEnvironment with serviceConnect: {}).';
}

/** A Cloud Map HTTP namespace name: 1-1024 letters, digits, hyphens, underscores and dots. */
export function checkNamespaceName(name: string | undefined): string | undefined {
  if (name === undefined || Token.isUnresolved(name)) return undefined;
  if (!/^[A-Za-z0-9_\-.]{1,1024}$/.test(name) || name.startsWith('.') || name.endsWith('.')) {
    return `[FGK-SERVICE-CONNECT-NAMESPACE] serviceConnect.namespaceName '${name}' is not a valid Cloud Map namespace name; it is 1-1024 letters, digits, hyphens, underscores or dots. Fix: use a name like 'internal' or 'prod.local'.`;
  }
  return undefined;
}

/** A workload in an environment takes its network and cluster from it. */
export function checkEnvironmentConflicts(
  hasEnvironment: boolean, networkDiffers: boolean, cluster: boolean, sharedCluster: boolean,
): string | undefined {
  if (!hasEnvironment) return undefined;
  const set = [networkDiffers && 'network (another one)', cluster && 'cluster', sharedCluster && 'sharedCluster'].filter(Boolean);
  if (set.length === 0) return undefined;
  return `[FGK-ENVIRONMENT-CONFLICT] environment is set together with ${set.join(', ')}; a workload of an environment runs in the environment's network and cluster. Fix: remove ${set.join(', ')}, or remove environment.`;
}

/** An environment builds its network from `vpc` options or takes one, not both. */
export function checkEnvironmentNetwork(network: boolean, vpcOptions: boolean): string | undefined {
  if (network && vpcOptions) {
    return '[FGK-ENVIRONMENT-CONFLICT] network and vpc are both set; the environment either uses the network you give or builds a FargateVpc from the vpc options. Fix: remove one of them.';
  }
  return undefined;
}

/** The container:port a service publishes in Service Connect is a TCP port of the task. */
export function checkServiceConnectTarget(
  containerName: string | undefined, containerPort: number | undefined, containers: ReadonlyArray<{ name: string; ports: readonly number[] }>,
): string | undefined {
  const names = containers.map(c => `'${c.name}'`).join(', ') || 'none';
  const container = containerName === undefined ? containers.find(c => c.ports.length > 0) : containers.find(c => c.name === containerName);
  if (container === undefined) {
    return containerName === undefined
      ? `[FGK-SERVICE-CONNECT-PORT] serviceConnect is set but no container of the task has a TCP port (containers: ${names}); callers need a port to connect to. Fix: add the containers with ports before creating the service.`
      : `[FGK-SERVICE-CONNECT-PORT] serviceConnect.containerName '${containerName}' is not a container of the task with a port (containers: ${names}). Fix: name a container of the task that has ports.`;
  }
  if (containerPort !== undefined && !Token.isUnresolved(containerPort) && !container.ports.includes(containerPort)) {
    return `[FGK-SERVICE-CONNECT-PORT] serviceConnect.containerPort ${containerPort} is not a TCP port of container '${container.name}' (its ports: ${container.ports.join(', ') || 'none'}); Service Connect forwards calls to a mapped port. Fix: use one of its ports, or add ${containerPort} to its ports.`;
  }
  if (container.ports.length === 0) {
    return `[FGK-SERVICE-CONNECT-PORT] serviceConnect.containerName '${container.name}' has no TCP port; callers need a port to connect to. Fix: give it ports in addAppContainer().`;
  }
  return undefined;
}

/** Service Connect refers to the published port mapping by its name, so it has one. */
export function checkNamedPortMapping(containerName: string, containerPort: number, name: string | undefined): string | undefined {
  if (name !== undefined) return undefined;
  return `[FGK-SERVICE-CONNECT-PORT] serviceConnect publishes ${containerName}:${containerPort}, whose port mapping has no name; Service Connect refers to a port mapping by its name. Fix: declare the port with a name in addAppContainer, e.g. portMappings: [{ containerPort: ${containerPort}, name: '${containerName}' }] instead of ports: [${containerPort}].`;
}

/** The Service Connect client port is known at synth (aws-cdk-lib checks its range when the service is created). */
export function checkServiceConnectPortKnown(port: number): string | undefined {
  if (!Token.isUnresolved(port)) return undefined;
  return '[FGK-SERVICE-CONNECT-PORT] the Service Connect port (serviceConnect.port, else the container port) is a token that cannot be resolved at synth; aws-cdk-lib checks the client port\'s range when the service is created, so it must be a number. Fix: use a number (a Lazy value that resolves to one works too).';
}

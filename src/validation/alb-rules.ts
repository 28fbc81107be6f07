import { Token } from 'aws-cdk-lib';
import { parseCidr } from './cidr';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

/** A container of the task as the load balancer rules see it: its name and container ports. */
export interface TargetContainerSpec {
  /** The container name. */
  readonly name: string;
  /** Its container ports. */
  readonly ports: readonly number[];
}

/** ECS registers at most 5 load balancer targets (container:port pairs) per service. */
export const MAX_SERVICE_LB_TARGETS = 5;

/** FGK-HEALTH-CHECK-PATH: a target group health check path is a URL path. */
export const HEALTH_CHECK_PATH = defineRule<{ prop: string; path: string }>({
  id: 'FGK-HEALTH-CHECK-PATH',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'A target group health check path starts with \'/\' and has at most 1024 characters.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  message: d => `${d.prop} '${d.path}' is not a valid health check path; the load balancer requests it as a URL path, which starts with '/' and has at most 1024 characters.`,
  fix: d => `use a path such as '/${d.path.replace(/^\/*/, '').slice(0, 64)}' (e.g. '/' or '/health').`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, healthCheckPath: 'health' });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, healthCheckPath: '/health' });`,
  },
});

/** A health check path starts with '/' and has at most 1024 characters. */
export function checkHealthCheckPath(prop: string, path: string | undefined): Finding {
  if (path === undefined || Token.isUnresolved(path)) return undefined;
  return !path.startsWith('/') || path.length > 1024 ? HEALTH_CHECK_PATH.problem({ prop, path }) : undefined;
}

/**
 * Most rules (besides the default actions) an Application Load Balancer holds: a quota per load
 * balancer, not per listener, 100 by default (adjustable through Service Quotas, hence an
 * acknowledgeable AWS fact). https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
 */
export const MAX_LISTENER_RULES = 100;

/** FGK-ROUTES: route path patterns are unique and within the rule quota. */
export const ROUTES = defineRuleOfKinds({
  id: 'FGK-ROUTES',
  acknowledgeable: true,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: `Route path patterns are unique (a second rule would never match) and within the ${MAX_LISTENER_RULES} rules (besides default actions) an Application Load Balancer holds by default.`,
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
  kinds: {
    quota: {
      message: (d: { count: number }) =>
        `routes has ${d.count} entries; an Application Load Balancer holds at most ${MAX_LISTENER_RULES} rules besides its default actions (the default quota per load balancer, adjustable in Service Quotas).`,
      fix: () => 'merge routes with wildcards (e.g. \'/api/*\'), or split the app behind several load balancers; after raising the quota, acknowledge FGK-ROUTES.',
    },
    duplicate: {
      message: (d: { pattern: string }) =>
        `routes use path pattern '${d.pattern}' twice; the listener evaluates rules by priority, so the second rule would never match.`,
      fix: () => 'remove the duplicate route, or change its pathPattern.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/api/*', containerName: 'api' },
  { pathPattern: '/api/*', containerName: 'api', healthCheckPath: '/api/health' },
] });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/api/*', containerName: 'api', healthCheckPath: '/api/health' },
] });`,
  },
});

/**
 * Route path patterns are unique (the second would never match) and, on a load balancer of the
 * front's own (`ownLoadBalancer`), within the listener rule quota; on the environment's shared
 * one, FGK-LISTENER-RULE-QUOTA counts the rules of every service instead.
 */
export function checkRoutePatterns(patterns: readonly string[], ownLoadBalancer = true): Finding {
  if (ownLoadBalancer && patterns.length > MAX_LISTENER_RULES) return ROUTES.problem('quota', { count: patterns.length });
  const seen = new Set<string>();
  for (const p of patterns) {
    if (Token.isUnresolved(p)) continue;
    if (seen.has(p)) return ROUTES.problem('duplicate', { pattern: p });
    seen.add(p);
  }
  return undefined;
}

/** FGK-HEALTHY-HTTP-CODES: healthy codes are 200-499. */
export const HEALTHY_HTTP_CODES = defineRule<{ codes: string }>({
  id: 'FGK-HEALTHY-HTTP-CODES',
  acknowledgeable: true,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'Healthy HTTP codes of an ALB health check are codes or ranges from 200 to 499.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  message: d => `healthyHttpCodes '${d.codes}' is not valid for an ALB; it takes HTTP codes or ranges from 200 to 499, comma separated, like '200' or '200-299,301'.`,
  fix: () => 'use such a list (\'200-399\' is the default).',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, healthyHttpCodes: '200-599' });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, healthyHttpCodes: '200-499' });`,
  },
});

/** Healthy HTTP codes of an ALB health check: codes or ranges from 200 to 499, comma separated. */
export function checkHealthyHttpCodes(codes: string | undefined): Finding {
  if (codes === undefined || Token.isUnresolved(codes)) return undefined;
  const ok = codes.split(',').every(part => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    if (m === null) return false;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return lo >= 200 && hi <= 499 && lo <= hi;
  });
  return ok ? undefined : HEALTHY_HTTP_CODES.problem({ codes });
}

/** FGK-PATH-PATTERN: a listener rule path pattern ELB accepts. */
export const PATH_PATTERN = defineRule<{ prop: string; pattern: string }>({
  id: 'FGK-PATH-PATTERN',
  acknowledgeable: true,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'A listener rule path pattern starts with \'/\' and is at most 128 characters of the allowed set.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html',
  message: d => `${d.prop} '${d.pattern}' is not a valid ALB path pattern; a pattern is at most 128 characters of A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & and the wildcards * and ?, and it matches a URL path, so it starts with '/' (or a wildcard).`,
  fix: () => 'write it like \'/api/*\'.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [{ pathPattern: 'api/*', containerName: 'api' }] });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [5000] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [{ pathPattern: '/api/*', containerName: 'api' }] });`,
  },
});

/** A listener rule's path pattern starts with '/' or a wildcard and has at most 128 characters. */
export function checkPathPattern(prop: string, pattern: string): Finding {
  if (Token.isUnresolved(pattern)) return undefined;
  const ok = /^[/*?]/.test(pattern) && pattern.length <= 128 && /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/.test(pattern);
  return ok ? undefined : PATH_PATTERN.problem({ prop, pattern });
}

/** FGK-TARGET-CONTAINER: a target is a container of the task and one of its TCP ports. */
export const TARGET_CONTAINER = defineRuleOfKinds({
  id: 'FGK-TARGET-CONTAINER',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'A load balancer target names a container of the task and one of its TCP ports (containerPort needs containerName).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  kinds: {
    unknown: {
      message: (d: { prefix: string; containerName: string; names: string }) =>
        `${d.prefix}containerName '${d.containerName}' is not a container of the task (containers: ${d.names}); the load balancer can only send traffic to a container the task runs.`,
      fix: (d: { containerName: string }) => `use one of the task's containers, or add '${d.containerName}' with taskDef.addAppContainer() before creating the service.`,
    },
    noPorts: {
      message: (d: { prefix: string; containerName: string }) =>
        `${d.prefix}containerName '${d.containerName}' has no ports; the load balancer needs a container port to send traffic to.`,
      fix: () => 'give the container ports: [...] in addAppContainer(), or route to another container.',
    },
    port: {
      message: (d: { prefix: string; containerName: string; containerPort: number; ports: string }) =>
        `${d.prefix}containerPort ${d.containerPort} is not a port of container '${d.containerName}' (its ports: ${d.ports}); the target group can only reach ports the container maps.`,
      fix: (d: { containerPort: number }) => `use one of its ports, or add ${d.containerPort} to its ports in addAppContainer().`,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, containerName: 'web', containerPort: 8080 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, containerName: 'web', containerPort: 80 });`,
  },
});

/**
 * The container (and port) traffic is sent to exists in the task: `containerName` is one
 * of its containers and `containerPort` one of that container's ports.
 */
export function checkTargetContainer(
  prefix: string, containerName: string, containerPort: number | undefined, containers: readonly TargetContainerSpec[],
): Finding {
  const container = containers.find(c => c.name === containerName);
  const names = containers.map(c => `'${c.name}'`).join(', ') || 'none';
  if (container === undefined) return TARGET_CONTAINER.problem('unknown', { prefix, containerName, names });
  if (containerPort === undefined || Token.isUnresolved(containerPort)) {
    return container.ports.length === 0 ? TARGET_CONTAINER.problem('noPorts', { prefix, containerName }) : undefined;
  }
  if (!container.ports.includes(containerPort)) {
    return TARGET_CONTAINER.problem('port', { prefix, containerName, containerPort, ports: container.ports.join(', ') || 'none' });
  }
  return undefined;
}

/** FGK-HAS-TARGET-CONTAINER: the task has a container with a TCP port. */
export const HAS_TARGET_CONTAINER = defineRule<{ names: string }>({
  id: 'FGK-HAS-TARGET-CONTAINER',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'The task has a container with a TCP port to send traffic to.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html',
  message: d => `the task has no container with a port (containers: ${d.names}); the load balancer needs a container port to send traffic to.`,
  fix: () => 'add the containers first, with ports, e.g. taskDef.addAppContainer(\'web\', { image, ports: [8080] }), then create the AlbFrontedService.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new AlbFrontedService(stack, 'Web', { network, taskDef });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef });`,
  },
});

/** Without `containerName` the first container with a port is the target, so one must exist. */
export function checkHasTargetContainer(containers: readonly TargetContainerSpec[]): Finding {
  if (containers.some(c => c.ports.length > 0)) return undefined;
  return HAS_TARGET_CONTAINER.problem({ names: containers.map(c => `'${c.name}'`).join(', ') || 'none' });
}

/** FGK-TARGET-COUNT: a service registers at most 5 load balancer targets. */
export const TARGET_COUNT = defineRule<{ targets: readonly string[]; who: string }>({
  id: 'FGK-TARGET-COUNT',
  acknowledgeable: true,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: `A service registers with at most ${MAX_SERVICE_LB_TARGETS} target groups.`,
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html',
  message: d => `${d.who} send traffic through ${d.targets.length} target groups (to ${d.targets.join(', ')}); an ECS service registers with at most ${MAX_SERVICE_LB_TARGETS} target groups.`,
  fix: () => 'use fewer routes (one route with a broader pattern, such as \'/api/*\', serves many paths), or split the containers into more services.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80, 8081, 8082, 8083, 8084, 8085] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/a/*', containerName: 'web', containerPort: 8081 },
  { pathPattern: '/b/*', containerName: 'web', containerPort: 8082 },
  { pathPattern: '/c/*', containerName: 'web', containerPort: 8083 },
  { pathPattern: '/d/*', containerName: 'web', containerPort: 8084 },
  { pathPattern: '/e/*', containerName: 'web', containerPort: 8085 },
] });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80, 8081, 8082, 8083, 8084, 8085] });
new AlbFrontedService(stack, 'Web', { network, taskDef, routes: [
  { pathPattern: '/a/*', containerName: 'web', containerPort: 8081 },
  { pathPattern: '/b/*', containerName: 'web', containerPort: 8082 },
  { pathPattern: '/c/*', containerName: 'web', containerPort: 8083 },
  { pathPattern: '/d/*', containerName: 'web', containerPort: 8084 },
] });`,
  },
});

/** An ECS service registers at most 5 container:port targets with load balancers (`who` sends the traffic). */
export function checkTargetCount(targets: readonly string[], who = 'routes'): Finding {
  return targets.length <= MAX_SERVICE_LB_TARGETS ? undefined : TARGET_COUNT.problem({ targets, who });
}

/** FGK-AZ-COVERAGE: the load balancer has a subnet in every AZ of the tasks, and two AZs at least. */
export const AZ_COVERAGE = defineRuleOfKinds({
  id: 'FGK-AZ-COVERAGE',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'The load balancer has a subnet in every AZ the tasks run in (an ALB routes only to targets in its enabled AZs), and in two AZs at least.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones',
  kinds: {
    subnetCount: {
      message: (d: { count: number }) => `the load balancer has ${d.count} subnet(s); an Application Load Balancer needs subnets in at least two AZs.`,
      fix: () => 'select subnets in two or more AZs (loadBalancerSubnets, or FargateVpc.fromVpc({ loadBalancerSubnets })).',
    },
    missing: {
      message: (d: { lbAzs: readonly string[]; missing: readonly string[] }) =>
        `the load balancer subnets cover availability zones ${d.lbAzs.join(', ') || 'none'} but tasks also run in ${d.missing.join(', ')}; an ALB only routes to targets in AZs where it has a subnet, so those tasks would never get traffic and would fail their health checks.`,
      fix: (d: { missing: readonly string[] }) =>
        `select load balancer subnets in ${d.missing.join(', ')} too (loadBalancerSubnets, or FargateVpc.fromVpc({ loadBalancerSubnets })), or run the tasks only in the load balancer's AZs.`,
    },
    oneAz: {
      message: (d: { azs: readonly string[] }) =>
        `the load balancer subnets cover ${d.azs.length} availability zone(s) (${d.azs.join(', ') || 'none'}); an Application Load Balancer needs subnets in at least two AZs.`,
      fix: () => 'select subnets in two or more AZs (FargateVpc uses maxAzs 2 by default).',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef,
  loadBalancerSubnets: { subnetType: ec2.SubnetType.PUBLIC, availabilityZones: ['us-east-1a'] } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef,
  loadBalancerSubnets: { subnetType: ec2.SubnetType.PUBLIC, availabilityZones: ['us-east-1a', 'us-east-1b'] } });`,
  },
});

/**
 * The load balancer has a subnet in every AZ the tasks run in (an ALB only routes to
 * targets in its enabled AZs), and an ALB needs subnets in at least two AZs. AZs that are not
 * known (subnets imported by ID) are `undefined`: then only what is known is checked.
 */
export function checkAzCoverage(
  taskAzs: readonly string[] | undefined, loadBalancerAzs: readonly string[] | undefined, loadBalancerSubnetCount = loadBalancerAzs?.length ?? 0,
): Finding {
  // subnets imported by ID have no known AZ: then at least their count is checked
  if (loadBalancerAzs === undefined) {
    return loadBalancerSubnetCount >= 2 ? undefined : AZ_COVERAGE.problem('subnetCount', { count: loadBalancerSubnetCount });
  }
  // AZs of an environment-agnostic stack are tokens; the subnets of one VPC share them, so they compare as strings.
  const missing = [...new Set(taskAzs ?? [])].filter(az => !loadBalancerAzs.includes(az));
  if (missing.length > 0) return AZ_COVERAGE.problem('missing', { lbAzs: loadBalancerAzs, missing });
  const unique = [...new Set(loadBalancerAzs)];
  return unique.length < 2 ? AZ_COVERAGE.problem('oneAz', { azs: unique }) : undefined;
}

/** FGK-LOAD-BALANCER-SUBNETS: internet-facing in public subnets, internal in private ones. */
export const LOAD_BALANCER_SUBNETS = defineRuleOfKinds({
  id: 'FGK-LOAD-BALANCER-SUBNETS',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'An internet-facing load balancer is in public subnets only (its nodes need a route to an internet gateway); an internal one in private subnets.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer',
  kinds: {
    internetFacing: {
      message: (d: { count: number }) =>
        `internetFacing is true but ${d.count} of the load balancer subnets are not public; an internet-facing ALB's nodes need a route to an internet gateway, otherwise clients cannot reach it (and CloudFormation may refuse it).`,
      fix: () => 'select public subnets as loadBalancerSubnets (the network\'s default), or set internetFacing false for an internal load balancer.',
    },
    internal: {
      message: (d: { count: number }) =>
        `internetFacing is false but ${d.count} of the load balancer subnets are public; an internal ALB belongs in private subnets, so it is not placed next to the internet gateway by mistake.`,
      fix: () => 'select private or isolated subnets as loadBalancerSubnets (e.g. the network\'s taskSubnets, the default for an internal ALB), or set internetFacing true.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, loadBalancerSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, loadBalancerSubnets: { subnetType: ec2.SubnetType.PUBLIC } });`,
  },
});

/**
 * An internet-facing ALB sits in public subnets (route to an internet gateway); an
 * internal one does not.
 */
export function checkLoadBalancerSubnets(
  internetFacing: boolean, publicSubnets: number, otherSubnets: number, vpcHasNonPublicSubnets = true,
): Finding {
  if (internetFacing && otherSubnets > 0) return LOAD_BALANCER_SUBNETS.problem('internetFacing', { count: otherSubnets });
  // a VPC with public subnets only (PUBLIC_ONLY) can hold an internal ALB only there
  if (!internetFacing && publicSubnets > 0 && vpcHasNonPublicSubnets) return LOAD_BALANCER_SUBNETS.problem('internal', { count: publicSubnets });
  return undefined;
}

/** FGK-HTTPS-OPTIONS: HTTPS settings need a certificate; domain and zone go together. */
export const HTTPS_OPTIONS = defineRuleOfKinds({
  id: 'FGK-HTTPS-OPTIONS',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'sslPolicy needs a certificate (it applies to the HTTPS listener); domainName and hostedZone go together.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
  kinds: {
    sslPolicy: {
      message: () => 'sslPolicy is set but there is no certificate; the TLS policy only applies to the HTTPS listener, which exists only with a certificate.',
      fix: (d: { certificateProp: string }) => `add ${d.certificateProp} (an acm.ICertificate, e.g. acm.Certificate with DNS validation), or remove sslPolicy.`,
    },
    noZone: {
      message: (d: { domainName: string }) => `domainName '${d.domainName}' is set without hostedZone; the alias record for the load balancer is created in that zone.`,
      fix: () => 'add hostedZone (e.g. route53.HostedZone.fromLookup), or remove domainName.',
    },
    noDomain: {
      message: () => 'hostedZone is set without domainName; the alias record needs a name.',
      fix: () => 'add domainName (e.g. \'app.example.com\'), or remove hostedZone.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, sslPolicy: elbv2.SslPolicy.TLS13_13 });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert',
  'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555');
new AlbFrontedService(stack, 'Web', { network, taskDef, certificate, sslPolicy: elbv2.SslPolicy.TLS13_13 });`,
  },
});

/**
 * HTTPS settings (TLS policy, domain with HTTPS URL) need a certificate; a domain needs its
 * hosted zone and vice versa. `certificateProp` names where the certificate goes.
 */
export function checkHttpsOptions(
  hasCertificate: boolean, sslPolicySet: boolean, domainName: string | undefined, hasHostedZone: boolean, certificateProp = 'certificate',
): Finding {
  if (sslPolicySet && !hasCertificate) return HTTPS_OPTIONS.problem('sslPolicy', { certificateProp });
  if (domainName !== undefined && !hasHostedZone) return HTTPS_OPTIONS.problem('noZone', { domainName });
  if (domainName === undefined && hasHostedZone) return HTTPS_OPTIONS.problem('noDomain', undefined);
  return undefined;
}

/** FGK-ALLOWED-CIDRS: client CIDRs are well-formed blocks the load balancer serves. */
export const ALLOWED_CIDRS = defineRuleOfKinds({
  id: 'FGK-ALLOWED-CIDRS',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'allowedCidrs are well-formed IPv4/IPv6 network addresses the load balancer can serve (IPv6 only on a dual-stack one), added to a security group this library creates.',
  source: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  kinds: {
    withSecurityGroup: {
      message: (d: { cidrs: readonly string[] }) =>
        `allowedCidrs (${d.cidrs.join(', ')}) is set together with loadBalancerSecurityGroup; this construct never adds ingress rules to a security group you bring, so the CIDRs would be ignored.`,
      fix: () => 'add the ingress rules to your security group yourself and remove allowedCidrs, or remove loadBalancerSecurityGroup to let the construct create one.',
    },
    empty: {
      message: () => 'allowedCidrs is empty; no client could reach the load balancer.',
      fix: () => 'list the client networks, e.g. [\'203.0.113.0/24\'], or leave allowedCidrs out to allow the whole internet.',
    },
    notCidr: {
      message: (d: { cidr: string }) =>
        `allowedCidrs entry '${d.cidr}' is not a CIDR block; a security group rule takes an IPv4 block like 203.0.113.0/24 or an IPv6 block like 2001:db8::/32.`,
      fix: () => 'write it as address/prefix.',
    },
    notAccepted: {
      message: (d: { cidr: string }) =>
        `allowedCidrs entry '${d.cidr}' is not a CIDR block a security group accepts (address/prefix, IPv4 in four dotted parts, IPv6 in its standard form).`,
      fix: () => 'write it like \'203.0.113.0/24\' or \'2001:db8::/32\'.',
    },
    ipv6: {
      message: (d: { cidr: string }) =>
        `allowedCidrs entry '${d.cidr}' is IPv6 but the load balancer is IPv4 only (ipAddressType IPV4), so no client reaches it over IPv6.`,
      fix: (d: { cidr: string }) => `set ipAddressType DUAL_STACK (the VPC and subnets need IPv6 CIDRs), or remove '${d.cidr}'.`,
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, allowedCidrs: ['203.0.113.0'] });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, allowedCidrs: ['203.0.113.0/24'] });`,
  },
});

/**
 * Allowed client CIDRs are IPv4 or IPv6 blocks, IPv6 only on a dual-stack ALB, and never
 * added to a security group the user brought (it is not widened behind their back).
 */
export function checkAllowedCidrs(cidrs: readonly string[] | undefined, dualStack: boolean, userSecurityGroup: boolean): Finding {
  if (cidrs === undefined) return undefined;
  if (userSecurityGroup) return ALLOWED_CIDRS.problem('withSecurityGroup', { cidrs });
  if (cidrs.length === 0) return ALLOWED_CIDRS.problem('empty', undefined);
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const parsed = parseCidr(cidr);
    if (parsed === undefined) return ALLOWED_CIDRS.problem('notCidr', { cidr });
    if (parsed.version === 6 && !dualStack) return ALLOWED_CIDRS.problem('ipv6', { cidr });
  }
  return undefined;
}

/** FGK-REQUEST-COUNT-SCALING: request-count scaling needs autoScaling and a count >= 1. */
export const REQUEST_COUNT_SCALING = defineRuleOfKinds({
  id: 'FGK-REQUEST-COUNT-SCALING',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'Request-count scaling needs autoScaling and a whole number of requests >= 1.',
  source: 'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html',
  kinds: {
    noAutoScaling: {
      message: (d: { requestsPerTarget: number }) =>
        `requestCountScaling.requestsPerTarget ${d.requestsPerTarget} is set without autoScaling; target tracking needs the min/max task count to move between.`,
      fix: () => 'add autoScaling: { minCapacity, maxCapacity }.',
    },
    value: {
      message: (d: { requestsPerTarget: number }) =>
        `requestCountScaling.requestsPerTarget ${d.requestsPerTarget} is not valid; it is the whole number of requests per task per minute to keep (ALBRequestCountPerTarget).`,
      fix: () => 'set it to at least 1, e.g. 1000.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, requestCountScaling: { requestsPerTarget: 1000 } });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, requestCountScaling: { requestsPerTarget: 1000 },
  autoScaling: { minCapacity: 2, maxCapacity: 10 } });`,
  },
});

/** Request-count scaling adjusts the scalable task count, which exists only with autoScaling. */
export function checkRequestCountScaling(hasAutoScaling: boolean, requestsPerTarget: number | undefined): Finding {
  if (requestsPerTarget === undefined || Token.isUnresolved(requestsPerTarget)) return undefined;
  if (!hasAutoScaling) return REQUEST_COUNT_SCALING.problem('noAutoScaling', { requestsPerTarget });
  if (!Number.isInteger(requestsPerTarget) || requestsPerTarget < 1) return REQUEST_COUNT_SCALING.problem('value', { requestsPerTarget });
  return undefined;
}

/** FGK-ACCESS-LOGS-REGION: access logs need the stack's region. */
export const ACCESS_LOGS_REGION = defineRule({
  id: 'FGK-ACCESS-LOGS-REGION',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'Access logs need the stack\'s region: the bucket policy names the ELB log delivery account of the region.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
  message: () => 'accessLogs is true but the stack has no region; the bucket policy must name the ELB log delivery account of the load balancer\'s region.',
  fix: () => 'set the stack\'s env: { region: \'...\' } (account may stay unset), or turn accessLogs off.',
  examples: {
    nonCompliant: `const webStack = new Stack(app, 'WebStack');
const taskDef = new FargateTaskDef(webStack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(webStack, 'Web', { network, taskDef, accessLogs: true });`,
    compliant: `const webStack = new Stack(app, 'WebStack', { env: { region: 'us-east-1' } });
const taskDef = new FargateTaskDef(webStack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(webStack, 'Web', { network, taskDef, accessLogs: true });`,
  },
});

/** ELB access logs need the region, to grant the region's ELB log delivery account. */
export function checkAccessLogsRegion(accessLogs: boolean, regionResolved: boolean): Finding {
  return accessLogs && !regionResolved ? ACCESS_LOGS_REGION.problem() : undefined;
}

/** FGK-DEREGISTRATION-DELAY: 0-3600 seconds. */
export const DEREGISTRATION_DELAY = defineRule<{ seconds: number }>({
  id: 'FGK-DEREGISTRATION-DELAY',
  acknowledgeable: true,
  checkedBy: 'AlbFrontedService, AlbFront',
  fact: 'The deregistration delay is 0-3600 seconds.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html',
  message: d => `deregistrationDelay ${d.seconds} s is not valid; ELB waits 0-3600 whole seconds for in-flight requests before removing a target.`,
  fix: () => 'use a Duration between 0 and 3600 seconds (30 s suits most web apps).',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, deregistrationDelay: Duration.hours(2) });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network, taskDef, deregistrationDelay: Duration.minutes(5) });`,
  },
});

/** A deregistration delay lies between 0 and 3600 seconds. */
export function checkDeregistrationDelay(seconds: number | undefined): Finding {
  if (seconds === undefined || Token.isUnresolved(seconds)) return undefined;
  return !Number.isInteger(seconds) || seconds < 0 || seconds > 3600 ? DEREGISTRATION_DELAY.problem({ seconds }) : undefined;
}

/** FGK-FRONT-SERVICE: a front serves a FargateService of this app. */
export const FRONT_SERVICE = defineRule<{ service: string }>({
  id: 'FGK-FRONT-SERVICE',
  acknowledgeable: false,
  checkedBy: 'AlbFront',
  fact: 'A load balancer front serves a FargateService of this app: ECS registers a service\'s load balancer targets in the service resource itself.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  message: d => `service ${d.service} is not a FargateService of this app (it is imported); the target groups of a service are part of its AWS::ECS::Service resource, which the app that owns the service deploys.`,
  fix: () => 'create the AlbFront in the app that owns the service, or create the service here with FargateService.',
  examples: {
    nonCompliant: `const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'apps', vpc: network.vpc });
const api = FargateService.fromFargateServiceAttributes(stack, 'Api', { cluster, serviceName: 'api' });
new AlbFront(stack, 'ApiFront', { service: api });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'ApiTask');
taskDef.addAppContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [8080] });
const api = new FargateService(stack, 'Api', { network, taskDef });
new AlbFront(stack, 'ApiFront', { service: api });`,
  },
});

/** FGK-DUAL-STACK: a dual-stack load balancer needs a VPC with IPv6. */
export const DUAL_STACK = defineRule<{ vpc: string }>({
  id: 'FGK-DUAL-STACK',
  acknowledgeable: false,
  checkedBy: 'AlbFrontedService, AlbFront, FargateEnvironment',
  fact: 'A dual-stack load balancer needs subnets with IPv6 blocks, in a VPC with an IPv6 block; FargateVpc builds IPv4-only networks (checked where the VPC is built in the app).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#ip-address-type',
  message: d => `ipAddressType is DUAL_STACK but VPC ${d.vpc} has no IPv6 block; CloudFormation would fail to create the load balancer (its subnets need IPv6 blocks).`,
  fix: () => 'use ipAddressType IPV4 (the default), or bring a dual-stack VPC (ec2.Vpc with ipProtocol DUAL_STACK) through FargateVpc.fromVpc.',
  examples: {
    nonCompliant: `const vpc = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PUBLIC_ONLY, flowLogs: false });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network: vpc, taskDef, ipAddressType: elbv2.IpAddressType.DUAL_STACK });`,
    compliant: `const vpc = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PUBLIC_ONLY, flowLogs: false });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), ports: [80] });
new AlbFrontedService(stack, 'Web', { network: vpc, taskDef, ipAddressType: elbv2.IpAddressType.IPV4 });`,
  },
});

/** A dual-stack load balancer in a VPC known to have no IPv6 block. */
export function checkDualStack(dualStack: boolean, vpcPath: string, vpcHasIpv6: boolean | undefined): Finding {
  return dualStack && vpcHasIpv6 === false ? DUAL_STACK.problem({ vpc: vpcPath }) : undefined;
}

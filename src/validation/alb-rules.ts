import { Token } from 'aws-cdk-lib';
import { parseCidr } from './cidr';

/** A container of the task as the load balancer rules see it: its name and container ports. */
export interface TargetContainerSpec {
  /** The container name. */
  readonly name: string;
  /** Its container ports. */
  readonly ports: readonly number[];
}

/** ECS registers at most 5 load balancer targets (container:port pairs) per service. */
export const MAX_SERVICE_LB_TARGETS = 5;

/** A health check path starts with '/' and has at most 1024 characters. */
export function checkHealthCheckPath(propName: string, path: string | undefined): string | undefined {
  if (path === undefined || Token.isUnresolved(path)) return undefined;
  if (!path.startsWith('/') || path.length > 1024) {
    return `[FGK-HEALTH-CHECK-PATH] ${propName} '${path}' is not a valid health check path; the load balancer requests it as a URL path, which starts with '/' and has at most 1024 characters. Fix: use a path such as '/${path.replace(/^\/*/, '').slice(0, 64)}' (e.g. '/' or '/health').`;
  }
  return undefined;
}

/**
 * Most rules (besides the default actions) an Application Load Balancer holds: a quota per load
 * balancer, not per listener, 100 by default (adjustable through Service Quotas, hence an
 * acknowledgeable AWS fact). https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html
 */
export const MAX_LISTENER_RULES = 100;

/** Route path patterns are unique (the second would never match) and within the listener rule quota. */
export function checkRoutePatterns(patterns: readonly string[]): string | undefined {
  if (patterns.length > MAX_LISTENER_RULES) {
    return `[FGK-ROUTES] routes has ${patterns.length} entries; an Application Load Balancer holds at most ${MAX_LISTENER_RULES} rules besides its default actions (the default quota per load balancer, adjustable in Service Quotas). Fix: merge routes with wildcards (e.g. '/api/*'), or split the app behind several load balancers; after raising the quota, acknowledge FGK-ROUTES.`;
  }
  const seen = new Set<string>();
  for (const p of patterns) {
    if (Token.isUnresolved(p)) continue;
    if (seen.has(p)) {
      return `[FGK-ROUTES] routes use path pattern '${p}' twice; the listener evaluates rules by priority, so the second rule would never match. Fix: remove the duplicate route, or change its pathPattern.`;
    }
    seen.add(p);
  }
  return undefined;
}

/** Healthy HTTP codes of an ALB health check: codes or ranges from 200 to 499, comma separated. */
export function checkHealthyHttpCodes(codes: string | undefined): string | undefined {
  if (codes === undefined || Token.isUnresolved(codes)) return undefined;
  const ok = codes.split(',').every(part => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    if (m === null) return false;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return lo >= 200 && hi <= 499 && lo <= hi;
  });
  if (!ok) {
    return `[FGK-HEALTHY-HTTP-CODES] healthyHttpCodes '${codes}' is not valid for an ALB; it takes HTTP codes or ranges from 200 to 499, comma separated, like '200' or '200-299,301'. Fix: use such a list ('200-399' is the default).`;
  }
  return undefined;
}

/** A listener rule's path pattern starts with '/' or a wildcard and has at most 128 characters. */
export function checkPathPattern(propName: string, pattern: string): string | undefined {
  if (Token.isUnresolved(pattern)) return undefined;
  if (!/^[/*?]/.test(pattern) || pattern.length > 128 || !/^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/.test(pattern)) {
    return `[FGK-PATH-PATTERN] ${propName} '${pattern}' is not a valid ALB path pattern; a pattern is at most 128 characters of A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & and the wildcards * and ?, and it matches a URL path, so it starts with '/' (or a wildcard). Fix: write it like '/api/*'.`;
  }
  return undefined;
}

/**
 * The container (and port) traffic is sent to exists in the task: `containerName` is one
 * of its containers and `containerPort` one of that container's ports.
 */
export function checkTargetContainer(
  propPrefix: string, containerName: string, containerPort: number | undefined, containers: readonly TargetContainerSpec[],
): string | undefined {
  const container = containers.find(c => c.name === containerName);
  const names = containers.map(c => `'${c.name}'`).join(', ') || 'none';
  if (container === undefined) {
    return `[FGK-TARGET-CONTAINER] ${propPrefix}containerName '${containerName}' is not a container of the task (containers: ${names}); the load balancer can only send traffic to a container the task runs. Fix: use one of the task's containers, or add '${containerName}' with taskDef.addAppContainer() before creating the service.`;
  }
  if (containerPort === undefined || Token.isUnresolved(containerPort)) {
    if (container.ports.length === 0) {
      return `[FGK-TARGET-CONTAINER] ${propPrefix}containerName '${containerName}' has no ports; the load balancer needs a container port to send traffic to. Fix: give the container ports: [...] in addAppContainer(), or route to another container.`;
    }
    return undefined;
  }
  if (!container.ports.includes(containerPort)) {
    const ports = container.ports.join(', ') || 'none';
    return `[FGK-TARGET-CONTAINER] ${propPrefix}containerPort ${containerPort} is not a port of container '${containerName}' (its ports: ${ports}); the target group can only reach ports the container maps. Fix: use one of its ports, or add ${containerPort} to its ports in addAppContainer().`;
  }
  return undefined;
}

/** Without `containerName` the first container with a port is the target, so one must exist. */
export function checkHasTargetContainer(containers: readonly TargetContainerSpec[]): string | undefined {
  if (containers.some(c => c.ports.length > 0)) return undefined;
  const names = containers.map(c => `'${c.name}'`).join(', ') || 'none';
  return `[FGK-HAS-TARGET-CONTAINER] the task has no container with a port (containers: ${names}); the load balancer needs a container port to send traffic to. Fix: add the containers first, with ports, e.g. taskDef.addAppContainer('web', { image, ports: [8080] }), then create the AlbFrontedService.`;
}

/** An ECS service registers at most 5 container:port targets with load balancers. */
export function checkTargetCount(targets: readonly string[]): string | undefined {
  if (targets.length <= MAX_SERVICE_LB_TARGETS) return undefined;
  return `[FGK-TARGET-COUNT] routes send traffic to ${targets.length} different container:port targets (${targets.join(', ')}); an ECS service registers at most ${MAX_SERVICE_LB_TARGETS} load balancer targets. Fix: route several paths to the same container:port, or split the containers into more services.`;
}

/**
 * The load balancer has a subnet in every AZ the tasks run in (an ALB only routes to
 * targets in its enabled AZs), and an ALB needs subnets in at least two AZs. AZs that are not
 * known (subnets imported by ID) are `undefined`: then only what is known is checked.
 */
export function checkAzCoverage(
  taskAzs: readonly string[] | undefined, loadBalancerAzs: readonly string[] | undefined, loadBalancerSubnetCount = loadBalancerAzs?.length ?? 0,
): string | undefined {
  // subnets imported by ID have no known AZ: then at least their count is checked
  if (loadBalancerAzs === undefined) {
    if (loadBalancerSubnetCount >= 2) return undefined;
    return `[FGK-AZ-COVERAGE] the load balancer has ${loadBalancerSubnetCount} subnet(s); an Application Load Balancer needs subnets in at least two AZs. Fix: select subnets in two or more AZs (loadBalancerSubnets, or FargateVpc.fromVpc({ loadBalancerSubnets })).`;
  }
  // AZs of an environment-agnostic stack are tokens; the subnets of one VPC share them, so they compare as strings.
  const missing = [...new Set(taskAzs ?? [])].filter(az => !loadBalancerAzs.includes(az));
  if (missing.length > 0) {
    return `[FGK-AZ-COVERAGE] the load balancer subnets cover availability zones ${loadBalancerAzs.join(', ') || 'none'} but tasks also run in ${missing.join(', ')}; an ALB only routes to targets in AZs where it has a subnet, so those tasks would never get traffic and would fail their health checks. Fix: select load balancer subnets in ${missing.join(', ')} too (loadBalancerSubnets, or FargateVpc.fromVpc({ loadBalancerSubnets })), or run the tasks only in the load balancer's AZs.`;
  }
  const unique = new Set(loadBalancerAzs);
  if (unique.size < 2) {
    return `[FGK-AZ-COVERAGE] the load balancer subnets cover ${unique.size} availability zone(s) (${[...unique].join(', ') || 'none'}); an Application Load Balancer needs subnets in at least two AZs. Fix: select subnets in two or more AZs (FargateVpc uses maxAzs 2 by default).`;
  }
  return undefined;
}

/**
 * An internet-facing ALB sits in public subnets (route to an internet gateway); an
 * internal one does not.
 */
export function checkLoadBalancerSubnets(
  internetFacing: boolean, publicSubnets: number, otherSubnets: number, vpcHasNonPublicSubnets = true,
): string | undefined {
  if (internetFacing && otherSubnets > 0) {
    return `[FGK-LOAD-BALANCER-SUBNETS] internetFacing is true but ${otherSubnets} of the load balancer subnets are not public; an internet-facing ALB's nodes need a route to an internet gateway, otherwise clients cannot reach it (and CloudFormation may refuse it). Fix: select public subnets as loadBalancerSubnets (the network's default), or set internetFacing false for an internal load balancer.`;
  }
  // a VPC with public subnets only (PUBLIC_ONLY) can hold an internal ALB only there
  if (!internetFacing && publicSubnets > 0 && vpcHasNonPublicSubnets) {
    return `[FGK-LOAD-BALANCER-SUBNETS] internetFacing is false but ${publicSubnets} of the load balancer subnets are public; an internal ALB belongs in private subnets, so it is not placed next to the internet gateway by mistake. Fix: select private or isolated subnets as loadBalancerSubnets (e.g. the network's taskSubnets, the default for an internal ALB), or set internetFacing true.`;
  }
  return undefined;
}

/** HTTPS settings (TLS policy, domain with HTTPS URL) need a certificate; a domain needs its hosted zone and vice versa. */
export function checkHttpsOptions(
  hasCertificate: boolean, sslPolicySet: boolean, domainName: string | undefined, hasHostedZone: boolean,
): string | undefined {
  if (sslPolicySet && !hasCertificate) {
    return '[FGK-HTTPS-OPTIONS] sslPolicy is set but there is no certificate; the TLS policy only applies to the HTTPS listener, which exists only with a certificate. Fix: add certificate (an acm.ICertificate, e.g. acm.Certificate with DNS validation), or remove sslPolicy.';
  }
  if (domainName !== undefined && !hasHostedZone) {
    return `[FGK-HTTPS-OPTIONS] domainName '${domainName}' is set without hostedZone; the alias record for the load balancer is created in that zone. Fix: add hostedZone (e.g. route53.HostedZone.fromLookup), or remove domainName.`;
  }
  if (domainName === undefined && hasHostedZone) {
    return '[FGK-HTTPS-OPTIONS] hostedZone is set without domainName; the alias record needs a name. Fix: add domainName (e.g. \'app.example.com\'), or remove hostedZone.';
  }
  return undefined;
}

/**
 * Allowed client CIDRs are IPv4 or IPv6 blocks, IPv6 only on a dual-stack ALB, and never
 * added to a security group the user brought (it is not widened behind their back).
 */
export function checkAllowedCidrs(cidrs: readonly string[] | undefined, dualStack: boolean, userSecurityGroup: boolean): string | undefined {
  if (cidrs === undefined) return undefined;
  if (userSecurityGroup) {
    return `[FGK-ALLOWED-CIDRS] allowedCidrs (${cidrs.join(', ')}) is set together with loadBalancerSecurityGroup; this construct never adds ingress rules to a security group you bring, so the CIDRs would be ignored. Fix: add the ingress rules to your security group yourself and remove allowedCidrs, or remove loadBalancerSecurityGroup to let the construct create one.`;
  }
  if (cidrs.length === 0) {
    return '[FGK-ALLOWED-CIDRS] allowedCidrs is empty; no client could reach the load balancer. Fix: list the client networks, e.g. [\'203.0.113.0/24\'], or leave allowedCidrs out to allow the whole internet.';
  }
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const parsed = parseCidr(cidr);
    if (parsed === undefined) {
      return `[FGK-ALLOWED-CIDRS] allowedCidrs entry '${cidr}' is not a CIDR block; a security group rule takes an IPv4 block like 203.0.113.0/24 or an IPv6 block like 2001:db8::/32. Fix: write it as address/prefix.`;
    }
    if (parsed.version === 6 && !dualStack) {
      return `[FGK-ALLOWED-CIDRS] allowedCidrs entry '${cidr}' is IPv6 but the load balancer is IPv4 only (ipAddressType IPV4), so no client reaches it over IPv6. Fix: set ipAddressType DUAL_STACK (the VPC and subnets need IPv6 CIDRs), or remove '${cidr}'.`;
    }
  }
  return undefined;
}

/** Request-count scaling adjusts the scalable task count, which exists only with autoScaling. */
export function checkRequestCountScaling(hasAutoScaling: boolean, requestsPerTarget: number | undefined): string | undefined {
  if (requestsPerTarget === undefined || Token.isUnresolved(requestsPerTarget)) return undefined;
  if (!hasAutoScaling) {
    return `[FGK-REQUEST-COUNT-SCALING] requestCountScaling.requestsPerTarget ${requestsPerTarget} is set without autoScaling; target tracking needs the min/max task count to move between. Fix: add autoScaling: { minCapacity, maxCapacity }.`;
  }
  if (!Number.isInteger(requestsPerTarget) || requestsPerTarget < 1) {
    return `[FGK-REQUEST-COUNT-SCALING] requestCountScaling.requestsPerTarget ${requestsPerTarget} is not valid; it is the whole number of requests per task per minute to keep (ALBRequestCountPerTarget). Fix: set it to at least 1, e.g. 1000.`;
  }
  return undefined;
}

/** ELB access logs need the region, to grant the region's ELB log delivery account. */
export function checkAccessLogsRegion(accessLogs: boolean, regionResolved: boolean): string | undefined {
  if (!accessLogs || regionResolved) return undefined;
  return '[FGK-ACCESS-LOGS-REGION] accessLogs is true but the stack has no region; the bucket policy must name the ELB log delivery account of the load balancer\'s region. Fix: set the stack\'s env: { region: \'...\' } (account may stay unset), or turn accessLogs off.';
}

/** A deregistration delay lies between 0 and 3600 seconds. */
export function checkDeregistrationDelay(seconds: number | undefined): string | undefined {
  if (seconds === undefined || Token.isUnresolved(seconds)) return undefined;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
    return `[FGK-DEREGISTRATION-DELAY] deregistrationDelay ${seconds} s is not valid; ELB waits 0-3600 whole seconds for in-flight requests before removing a target. Fix: use a Duration between 0 and 3600 seconds (30 s suits most web apps).`;
  }
  return undefined;
}

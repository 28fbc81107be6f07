import { CfnResource, CfnTemplate } from './template';

/** Resources of an app that bill by the hour whether or not traffic flows. */
export interface HourlyResources {
  readonly natGateways: number;
  /** Interface endpoints (each bills per AZ, i.e. per subnet it has an ENI in). */
  readonly interfaceEndpoints: number;
  /** Endpoint ENIs: the sum over interface endpoints of their subnets. */
  readonly interfaceEndpointEnis: number;
  readonly applicationLoadBalancers: number;
  /** Public IPv4 addresses by holder. */
  readonly publicIpv4: {
    /** Elastic IPs (those of NAT gateways and any other). */
    readonly elasticIps: number;
    /** One per subnet (AZ) of each internet-facing load balancer. */
    readonly loadBalancerNodes: number;
    /** Running tasks of services that assign a public IP. */
    readonly publicTasks: number;
  };
}

/** A Fargate service's billed compute, read from its template. */
export interface FargateServiceCompute {
  readonly logicalId: string;
  /** Task vCPU (CPU units / 1024). */
  readonly vcpu: number;
  /** Task memory, GB (MiB / 1024). */
  readonly memoryGb: number;
  readonly arm64: boolean;
  readonly desiredCount: number;
  /** Share of tasks on FARGATE_SPOT, from the capacity provider weights (0 without a strategy). */
  readonly spotShare: number;
  /** Ephemeral storage above the free 20 GiB. */
  readonly extraStorageGb: number;
}

function resources(templates: readonly CfnTemplate[]): Array<[string, CfnResource]> {
  return templates.flatMap(t => Object.entries(t.Resources ?? {}));
}

function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Counts the hourly-billed resources of synthesized templates. */
export function countHourlyResources(templates: readonly CfnTemplate[]): HourlyResources {
  let natGateways = 0;
  let interfaceEndpoints = 0;
  let interfaceEndpointEnis = 0;
  let applicationLoadBalancers = 0;
  let elasticIps = 0;
  let loadBalancerNodes = 0;
  let publicTasks = 0;
  for (const [, r] of resources(templates)) {
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::EC2::NatGateway':
        natGateways += 1;
        break;
      case 'AWS::EC2::EIP':
        elasticIps += 1;
        break;
      case 'AWS::EC2::VPCEndpoint':
        if (p.VpcEndpointType === 'Interface') {
          interfaceEndpoints += 1;
          interfaceEndpointEnis += listLength(p.SubnetIds);
        }
        break;
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        if ((p.Type ?? 'application') === 'application') applicationLoadBalancers += 1;
        if (p.Scheme === 'internet-facing') loadBalancerNodes += listLength(p.Subnets) + listLength(p.SubnetMappings);
        break;
      case 'AWS::ECS::Service':
        if (awsvpc(p).AssignPublicIp === 'ENABLED') publicTasks += desiredCount(p);
        break;
    }
  }
  return {
    natGateways,
    interfaceEndpoints,
    interfaceEndpointEnis,
    applicationLoadBalancers,
    publicIpv4: { elasticIps, loadBalancerNodes, publicTasks },
  };
}

/** Total public IPv4 addresses. */
export function publicIpv4Count(r: HourlyResources): number {
  return r.publicIpv4.elasticIps + r.publicIpv4.loadBalancerNodes + r.publicIpv4.publicTasks;
}

function awsvpc(p: Record<string, unknown>): Record<string, unknown> {
  const nc = p.NetworkConfiguration as { AwsvpcConfiguration?: Record<string, unknown> } | undefined;
  return nc?.AwsvpcConfiguration ?? {};
}

function desiredCount(p: Record<string, unknown>): number {
  return typeof p.DesiredCount === 'number' ? p.DesiredCount : 1;
}

/** The Fargate services of the templates with their task size, count, architecture and Spot share. */
export function fargateServices(templates: readonly CfnTemplate[]): FargateServiceCompute[] {
  const byId = new Map(resources(templates));
  const out: FargateServiceCompute[] = [];
  for (const [logicalId, r] of byId) {
    if (r.Type !== 'AWS::ECS::Service') continue;
    const p = r.Properties ?? {};
    const taskRef = (p.TaskDefinition as { Ref?: string } | undefined)?.Ref;
    const task = taskRef ? byId.get(taskRef) : undefined;
    if (!task || task.Type !== 'AWS::ECS::TaskDefinition') continue;
    const tp = task.Properties ?? {};
    if (!listLength(tp.RequiresCompatibilities) || !(tp.RequiresCompatibilities as string[]).includes('FARGATE')) continue;
    const platform = (tp.RuntimePlatform ?? {}) as { CpuArchitecture?: string };
    const storage = (tp.EphemeralStorage ?? {}) as { SizeInGiB?: number };
    out.push({
      logicalId,
      vcpu: Number(tp.Cpu) / 1024,
      memoryGb: Number(tp.Memory) / 1024,
      arm64: platform.CpuArchitecture === 'ARM64',
      desiredCount: desiredCount(p),
      spotShare: spotShare(p.CapacityProviderStrategy),
      extraStorageGb: Math.max(0, (storage.SizeInGiB ?? 20) - 20),
    });
  }
  return out;
}

/** FARGATE_SPOT's share of the capacity provider weights (the `base` is ignored). */
export function spotShare(strategy: unknown): number {
  if (!Array.isArray(strategy)) return 0;
  const items = strategy as Array<{ CapacityProvider?: string; Weight?: number }>;
  const total = items.reduce((a, s) => a + (s.Weight ?? 0), 0);
  if (total === 0) return 0;
  return items.filter(s => s.CapacityProvider === 'FARGATE_SPOT').reduce((a, s) => a + (s.Weight ?? 0), 0) / total;
}

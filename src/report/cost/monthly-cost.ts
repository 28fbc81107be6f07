import { FargateServiceCompute, HourlyResources, publicIpv4Count } from './hourly-resources';
import { Prices } from './prices';

/** A fixed monthly cost with its parts. */
export interface FixedMonthlyCost {
  readonly natGateways: number;
  readonly interfaceEndpoints: number;
  readonly loadBalancers: number;
  readonly publicIpv4: number;
  readonly total: number;
}

/** What the hourly-billed resources cost per month with no traffic (no GB, no LCU). */
export function fixedMonthlyCost(r: HourlyResources, p: Prices): FixedMonthlyCost {
  const h = p.hoursPerMonth;
  const natGateways = r.natGateways * p.natGatewayHour * h;
  const interfaceEndpoints = r.interfaceEndpointEnis * p.interfaceEndpointAzHour * h;
  const loadBalancers = r.applicationLoadBalancers * p.albHour * h;
  const publicIpv4 = publicIpv4Count(r) * p.publicIpv4Hour * h;
  return { natGateways, interfaceEndpoints, loadBalancers, publicIpv4, total: natGateways + interfaceEndpoints + loadBalancers + publicIpv4 };
}

/** A task size and how it runs. */
export interface TaskRun {
  readonly vcpu: number;
  readonly memoryGb: number;
  readonly arm64: boolean;
  /** Share of the tasks on Fargate Spot, 0..1. */
  readonly spotShare: number;
  readonly extraStorageGb?: number;
}

/** What one task running all month costs, as Fargate bills it (task-level vCPU and memory). */
export function fargateTaskMonthly(t: TaskRun, p: Prices): number {
  const vcpuHour = t.arm64 ? p.fargateArmVcpuHour : p.fargateX86VcpuHour;
  const gbHour = t.arm64 ? p.fargateArmGbHour : p.fargateX86GbHour;
  const onDemand = (t.vcpu * vcpuHour + t.memoryGb * gbHour) * p.hoursPerMonth;
  const blended = onDemand * (1 - t.spotShare * p.fargateSpotDiscount);
  return blended + (t.extraStorageGb ?? 0) * p.fargateStorageGbHour * p.hoursPerMonth;
}

/** What a service's running tasks cost per month. */
export function fargateServiceMonthly(s: FargateServiceCompute, p: Prices): number {
  return s.desiredCount * fargateTaskMonthly(s, p);
}

/** A monthly cost line: fixed part plus a price per GB processed. */
export interface CostLine {
  readonly fixed: number;
  readonly perGb: number;
}

/** Monthly GB processed at which two cost lines cost the same; undefined if they never meet at GB >= 0. */
export function breakEvenGb(a: CostLine, b: CostLine): number | undefined {
  if (a.perGb === b.perGb) return undefined;
  const gb = (b.fixed - a.fixed) / (a.perGb - b.perGb);
  return gb >= 0 ? gb : undefined;
}

/** Monthly cost of a line at a volume. */
export function costAt(line: CostLine, gb: number): number {
  return line.fixed + line.perGb * gb;
}

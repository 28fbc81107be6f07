import { countHourlyResources, HourlyResources } from './hourly-resources';
import { FixedMonthlyCost, fixedMonthlyCost } from './monthly-cost';
import { Prices } from './prices';
import { ServiceMonthlyCost, serviceMonthlyCosts } from './service-cost';
import { CfnTemplate } from './template';

/** What one stack costs per month with no traffic, as the benchmark and the report count it. */
export interface StackMonthlyCost {
  readonly resources: HourlyResources;
  /** NAT gateways, interface endpoints, load balancers, public IPv4: billed by the hour. */
  readonly fixed: FixedMonthlyCost;
  /** Each Fargate service: its running tasks (desired count × task price), load balancer share and task IPv4. */
  readonly services: readonly ServiceMonthlyCost[];
  /** The Fargate compute of the services (their tasks only). */
  readonly compute: number;
  /** Price per GB the tasks send out: NAT gateway processing, else interface endpoint processing, else 0. */
  readonly perGb: number;
}

/** The monthly cost of one stack's template at `p`. */
export function stackMonthlyCost(template: CfnTemplate, p: Prices): StackMonthlyCost {
  const resources = countHourlyResources([template]);
  const services = serviceMonthlyCosts(template, p);
  return {
    resources,
    fixed: fixedMonthlyCost(resources, p),
    services,
    compute: services.reduce((a, s) => a + s.compute, 0),
    perGb: trafficPricePerGb(resources, p),
  };
}

/** What a GB of task traffic to AWS APIs or the internet costs in processing: NAT first, then interface endpoints. */
export function trafficPricePerGb(r: HourlyResources, p: Prices): number {
  return r.natGateways > 0 ? p.natGatewayGb : r.interfaceEndpoints > 0 ? p.interfaceEndpointGb : 0;
}

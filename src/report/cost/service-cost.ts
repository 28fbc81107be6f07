import { fargateServices } from './hourly-resources';
import { fargateServiceMonthly } from './monthly-cost';
import { Prices } from './prices';
import { CfnResource, CfnTemplate } from './template';

/** What one Fargate service costs per month with no traffic, the parts it alone brings. */
export interface ServiceMonthlyCost {
  readonly logicalId: string;
  /** Its running tasks (desired count × task price). */
  readonly compute: number;
  /**
   * Its share of the load balancers that forward to its target groups: ALB hours and the
   * public IPv4 of an internet-facing load balancer's nodes, split evenly between the
   * services one load balancer serves.
   */
  readonly loadBalancers: number;
  /** The public IPv4 of its tasks, when they get one. */
  readonly publicIpv4: number;
  readonly total: number;
}

type Resources = ReadonlyMap<string, CfnResource>;

function refOf(value: unknown): string | undefined {
  const o = value as { Ref?: unknown } | undefined;
  return typeof o?.Ref === 'string' ? o.Ref : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Target groups (logical IDs) a list of listener actions forwards to. */
function forwardedTargetGroups(actions: unknown): string[] {
  return list(actions).flatMap(a => {
    const action = (a ?? {}) as { TargetGroupArn?: unknown; ForwardConfig?: { TargetGroups?: unknown } };
    return [action.TargetGroupArn, ...list(action.ForwardConfig?.TargetGroups).map(g => (g as { TargetGroupArn?: unknown }).TargetGroupArn)];
  }).map(refOf).filter((id): id is string => id !== undefined);
}

/** Each load balancer's target groups: through its listeners' default actions and listener rules. */
function targetGroupsByLoadBalancer(resources: Resources): Map<string, Set<string>> {
  const listenerOf = new Map<string, string>();
  const out = new Map<string, Set<string>>();
  const add = (lb: string, tgs: string[]) => {
    const set = out.get(lb) ?? new Set<string>();
    tgs.forEach(tg => set.add(tg));
    out.set(lb, set);
  };
  for (const [id, r] of resources) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::Listener') continue;
    const lb = refOf(r.Properties?.LoadBalancerArn);
    if (!lb) continue;
    listenerOf.set(id, lb);
    add(lb, forwardedTargetGroups(r.Properties?.DefaultActions));
  }
  for (const [, r] of resources) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::ListenerRule') continue;
    const lb = listenerOf.get(refOf(r.Properties?.ListenerArn) ?? '');
    if (lb) add(lb, forwardedTargetGroups(r.Properties?.Actions));
  }
  return out;
}

/** The hourly cost a load balancer brings, as the stack's fixed cost counts it (ALB hours, node IPv4). */
function loadBalancerMonthly(r: CfnResource, p: Prices): number {
  const props = r.Properties ?? {};
  const alb = (props.Type ?? 'application') === 'application' ? p.albHour : 0;
  const nodes = props.Scheme === 'internet-facing' ? list(props.Subnets).length + list(props.SubnetMappings).length : 0;
  return (alb + nodes * p.publicIpv4Hour) * p.hoursPerMonth;
}

/** The monthly cost of each Fargate service of a template: compute, load balancer share, task IPv4. */
export function serviceMonthlyCosts(template: CfnTemplate, p: Prices): ServiceMonthlyCost[] {
  const resources: Resources = new Map(Object.entries(template.Resources ?? {}));
  const tgsByLb = targetGroupsByLoadBalancer(resources);
  const services = fargateServices([template]);
  const tgsOf = new Map(services.map(s => [s.logicalId, new Set(list(resources.get(s.logicalId)?.Properties?.LoadBalancers)
    .map(l => refOf((l as { TargetGroupArn?: unknown }).TargetGroupArn)).filter((id): id is string => id !== undefined))]));
  const lbShare = new Map<string, number>();
  for (const [lb, tgs] of tgsByLb) {
    const r = resources.get(lb);
    if (!r) continue;
    const served = services.filter(s => [...tgsOf.get(s.logicalId)!].some(tg => tgs.has(tg)));
    for (const s of served) lbShare.set(s.logicalId, (lbShare.get(s.logicalId) ?? 0) + loadBalancerMonthly(r, p) / served.length);
  }
  return services.map(s => {
    const props = resources.get(s.logicalId)?.Properties ?? {};
    const vpc = (props.NetworkConfiguration as { AwsvpcConfiguration?: { AssignPublicIp?: unknown } } | undefined)?.AwsvpcConfiguration;
    const compute = fargateServiceMonthly(s, p);
    const loadBalancers = lbShare.get(s.logicalId) ?? 0;
    const publicIpv4 = vpc?.AssignPublicIp === 'ENABLED' ? s.desiredCount * p.publicIpv4Hour * p.hoursPerMonth : 0;
    return { logicalId: s.logicalId, compute, loadBalancers, publicIpv4, total: compute + loadBalancers + publicIpv4 };
  });
}

import { asList, props, refTarget, StackTemplate } from './template';

/** One ingress rule of a security group. */
export interface IngressRule {
  /** `tcp 8080`, `tcp 1024-65535`, `all traffic`. */
  readonly ports: string;
  readonly cidr?: string;
  /** Source security group (logical ID when in the template, else its rendered value). */
  readonly sourceGroup?: string;
  readonly prefixList?: string;
}

/** What holds a security group: load balancers, services, tasks, endpoints (logical IDs). */
export interface GroupHolder {
  readonly logicalId: string;
  readonly kind: 'load balancer' | 'service' | 'scheduled task' | 'VPC endpoint';
}

/** Security groups of a template: their ingress rules (inline and AWS::EC2::SecurityGroupIngress) and holders. */
export class SecurityGroups {
  private readonly rules = new Map<string, IngressRule[]>();
  private readonly holders = new Map<string, GroupHolder[]>();

  constructor(private readonly t: StackTemplate) {
    for (const [id, r] of t.ofType('AWS::EC2::SecurityGroup', true)) {
      for (const rule of asList(props(r).SecurityGroupIngress)) this.add(id, rule as Record<string, unknown>);
    }
    for (const [, r] of t.ofType('AWS::EC2::SecurityGroupIngress', true)) {
      const group = refTarget(props(r).GroupId);
      if (group) this.add(group, props(r));
    }
    for (const [id, r] of t.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer', true)) this.hold(props(r).SecurityGroups, id, 'load balancer');
    for (const [id, r] of t.ofType('AWS::ECS::Service', true)) this.hold(awsvpcOf(props(r).NetworkConfiguration).SecurityGroups, id, 'service');
    for (const [id, r] of t.ofType('AWS::EC2::VPCEndpoint', true)) this.hold(props(r).SecurityGroupIds, id, 'VPC endpoint');
    for (const [id, r] of t.ofType('AWS::Events::Rule', true)) {
      for (const target of asList(props(r).Targets) as Array<Record<string, any>>) {
        this.hold(awsvpcOf(target.EcsParameters?.NetworkConfiguration).SecurityGroups, id, 'scheduled task');
      }
    }
  }

  /** The ingress rules of a security group (logical ID). */
  ingressOf(group: string): readonly IngressRule[] {
    return this.rules.get(group) ?? [];
  }

  holdersOf(group: string): readonly GroupHolder[] {
    return this.holders.get(group) ?? [];
  }

  /**
   * Each ingress rule of the groups, as `ports from source`, the source resolved through
   * security-group chains to CIDRs or load balancers (`tcp 8080 from load balancer Web/LoadBalancer (0.0.0.0/0 on tcp 80)`).
   */
  describeIngress(groups: unknown, depth = 0): string[] {
    return asList(groups).flatMap(g => {
      const id = refTarget(g);
      if (id === undefined || !this.t.resources.has(id)) return [`(rules of security group ${this.t.render(g)} are outside this template)`];
      return this.ingressOf(id).map(rule => `${rule.ports} from ${this.describeSource(rule, depth)}`);
    });
  }

  /** The CIDRs (with ports) that may reach a group directly. */
  cidrsOf(groups: unknown): string[] {
    return asList(groups).flatMap(g => {
      const id = refTarget(g);
      return id === undefined ? [] : this.ingressOf(id).filter(r => r.cidr || r.prefixList).map(r => `${r.cidr ?? `prefix list ${r.prefixList}`} on ${r.ports}`);
    });
  }

  private describeSource(rule: IngressRule, depth: number): string {
    if (rule.cidr) return rule.cidr === '0.0.0.0/0' || rule.cidr === '::/0' ? `${rule.cidr} (anywhere)` : rule.cidr;
    if (rule.prefixList) return `prefix list ${rule.prefixList}`;
    const source = rule.sourceGroup!;
    if (!this.t.resources.has(source)) return `security group ${source} (outside this template)`;
    const holders = this.holdersOf(source);
    const who = holders.length
      ? holders.map(h => `${h.kind} ${this.t.nameOf(h.logicalId)}`).join(', ')
      : `security group ${this.t.nameOf(source)}`;
    if (depth >= 3) return who;
    const upstream = this.ingressOf(source).map(r => `${r.cidr ?? (r.prefixList ? `prefix list ${r.prefixList}` : `security group ${this.t.nameOf(r.sourceGroup!)}`)} on ${r.ports}`);
    return upstream.length ? `${who} (reachable from ${upstream.join(', ')})` : `${who} (no ingress)`;
  }

  private add(group: string, p: Record<string, unknown>): void {
    const list = this.rules.get(group) ?? [];
    const source = p.SourceSecurityGroupId ?? p.SourceSecurityGroupName;
    list.push({
      ports: portsOf(p),
      cidr: p.CidrIp !== undefined ? this.t.render(p.CidrIp) : p.CidrIpv6 !== undefined ? this.t.render(p.CidrIpv6) : undefined,
      sourceGroup: source !== undefined ? (refTarget(source) ?? this.t.render(source)) : undefined,
      prefixList: p.SourcePrefixListId !== undefined ? this.t.render(p.SourcePrefixListId) : undefined,
    });
    this.rules.set(group, list);
  }

  private hold(groups: unknown, logicalId: string, kind: GroupHolder['kind']): void {
    for (const g of asList(groups)) {
      const id = refTarget(g);
      if (!id) continue;
      const list = this.holders.get(id) ?? [];
      if (!list.some(h => h.logicalId === logicalId)) list.push({ logicalId, kind });
      this.holders.set(id, list);
    }
  }
}

/** `tcp 80`, `tcp 1024-65535`, `all traffic`. */
export function portsOf(p: Record<string, unknown>): string {
  const protocol = String(p.IpProtocol ?? 'tcp');
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  const from = p.FromPort;
  const to = p.ToPort ?? from;
  if (from === undefined) return `${protocol} all ports`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

/** The `AwsvpcConfiguration` (or EventBridge's `AwsVpcConfiguration`) of a network configuration. */
export function awsvpcOf(networkConfiguration: unknown): Record<string, unknown> {
  const nc = (networkConfiguration ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return nc.AwsvpcConfiguration ?? nc.AwsVpcConfiguration ?? {};
}

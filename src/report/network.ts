import { asList, props, refTarget, StackTemplate } from './template';

/** How a subnet reaches the internet, from its route table's default route. */
export type SubnetRoute = 'internet gateway' | 'NAT gateway' | 'none';

/** A subnet of the template with its AZ and default route. */
export interface SubnetFact {
  readonly logicalId: string;
  readonly name: string;
  readonly az: string;
  readonly cidr: string;
  readonly route: SubnetRoute;
  /** The NAT gateway (logical ID) its default route goes to. */
  readonly natGateway?: string;
  /** The VPC (logical ID) the subnet is in. */
  readonly vpc?: string;
}

/** The subnets, NAT gateways and VPC endpoints of one template. */
export interface NetworkFacts {
  readonly subnets: ReadonlyMap<string, SubnetFact>;
  /** NAT gateways: logical ID → the subnet (logical ID) they sit in. */
  readonly natGateways: ReadonlyMap<string, string | undefined>;
  /** VPC endpoints: short service name (`ecr.api`, `s3`) and type, with their VPC. */
  readonly endpoints: ReadonlyArray<{ readonly service: string; readonly type: string; readonly vpc?: string }>;
}

/** Reads subnets, routes, NAT gateways and VPC endpoints from AWS::EC2::* resources. */
export function networkFacts(t: StackTemplate): NetworkFacts {
  const routeTableOf = new Map<string, string>();
  for (const [, r] of t.ofType('AWS::EC2::SubnetRouteTableAssociation', true)) {
    const subnet = refTarget(props(r).SubnetId);
    const table = refTarget(props(r).RouteTableId);
    if (subnet && table) routeTableOf.set(subnet, table);
  }
  const defaultRoute = new Map<string, { route: SubnetRoute; nat?: string }>();
  for (const [, r] of t.ofType('AWS::EC2::Route', true)) {
    const p = props(r);
    if (p.DestinationCidrBlock !== '0.0.0.0/0' && p.DestinationIpv6CidrBlock !== '::/0') continue;
    const table = refTarget(p.RouteTableId);
    if (!table) continue;
    const nat = refTarget(p.NatGatewayId);
    const gateway = refTarget(p.GatewayId);
    if (nat) defaultRoute.set(table, { route: 'NAT gateway', nat });
    else if (gateway && t.get(gateway)?.Type === 'AWS::EC2::InternetGateway' && defaultRoute.get(table)?.route !== 'NAT gateway') defaultRoute.set(table, { route: 'internet gateway' });
  }
  const subnets = new Map<string, SubnetFact>();
  for (const [id, r] of t.ofType('AWS::EC2::Subnet', true)) {
    const p = props(r);
    const table = routeTableOf.get(id);
    const route = table ? defaultRoute.get(table) : undefined;
    subnets.set(id, {
      logicalId: id,
      name: t.nameOf(id).replace(/\/Subnet$/, ''),
      az: p.AvailabilityZone === undefined ? 'AZ ?' : t.render(p.AvailabilityZone),
      cidr: t.render(p.CidrBlock ?? ''),
      route: route?.route ?? 'none',
      natGateway: route?.nat,
      vpc: refTarget(p.VpcId),
    });
  }
  const natGateways = new Map<string, string | undefined>();
  for (const [id, r] of t.ofType('AWS::EC2::NatGateway', true)) natGateways.set(id, refTarget(props(r).SubnetId));
  const endpoints = t.ofType('AWS::EC2::VPCEndpoint', true).map(([, r]) => ({
    service: endpointServiceName(t.render(props(r).ServiceName)),
    type: String(props(r).VpcEndpointType ?? 'Gateway'),
    vpc: refTarget(props(r).VpcId),
  }));
  return { subnets, natGateways, endpoints };
}

/** `com.amazonaws.${AWS::Region}.ecr.dkr` → `ecr.dkr`. */
export function endpointServiceName(serviceName: string): string {
  const m = /^com\.amazonaws\.(?:\$\{AWS::Region\}|[a-z0-9-]+)\.(.+)$/.exec(serviceName);
  return m ? m[1] : serviceName;
}

/** What tasks in `subnetIds` use to reach the internet or AWS APIs. */
export function egressOf(net: NetworkFacts, subnetIds: readonly unknown[], assignPublicIp: boolean): string {
  const ids = subnetIds.map(refTarget);
  const known = ids.filter((id): id is string => id !== undefined && net.subnets.has(id)).map(id => net.subnets.get(id)!);
  if (known.length === 0) return subnetIds.length ? 'unknown (subnets not in this template)' : 'unknown (no subnets given)';
  const routes = new Set(known.map(s => s.route));
  const parts: string[] = [];
  if (routes.has('internet gateway')) parts.push(assignPublicIp ? 'public IP (internet gateway)' : 'public subnet WITHOUT public IP: no route out');
  if (routes.has('NAT gateway')) parts.push(`NAT gateway (${new Set(known.map(s => s.natGateway)).size} for ${known.length} subnets)`);
  if (routes.has('none')) {
    const vpcs = new Set(known.map(s => s.vpc));
    const eps = net.endpoints.filter(e => vpcs.has(e.vpc)).map(e => e.service);
    parts.push(eps.length ? `VPC endpoints only (${eps.join(', ')})` : 'none (isolated, no VPC endpoints)');
  }
  if (known.length < ids.length) parts.push('some subnets not in this template');
  return parts.join('; ');
}

/** The subnets (logical IDs) a list of subnet references names. */
export function subnetIdsOf(list: unknown): string[] {
  return asList(list).map(refTarget).filter((id): id is string => id !== undefined);
}

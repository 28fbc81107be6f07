import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ADMIN_ROUTE, API_ROUTE, BaseAppOptions } from './base-app';
import { VpcEndpointService, VpcTopology } from '../../src';
import { day2Hazards } from '../../src/report/day2-hazards';
import { StackTemplate } from '../../src/report/template';

/** A day-2 change: the base app (or `before`) and the app after the change. */
export interface Change {
  /** What the user changes. */
  readonly name: string;
  /** The app before the change. @default the base app */
  readonly before?: BaseAppOptions;
  /** The app after the change. */
  readonly after: BaseAppOptions;
  /**
   * Removals/replacements of guarded resources the user's change asks for, as regexps over
   * `Type LogicalId` (e.g. removing a route removes its target group).
   */
  readonly allow?: RegExp[];
  /**
   * Pin the logical IDs of the app after the change to those of the app before it
   * (`keepLogicalIdsOf`): the documented path for moving constructs.
   */
  readonly keepLogicalIds?: boolean;
  /**
   * The change is known to replace guarded resources and the docs name the safe path instead
   * (the test then asserts that it does, so the docs stay true).
   */
  readonly unsafe?: string;
}

/** Resource types that carry traffic or data: never replaced or removed unless the user removes the thing. */
export const GUARDED_TYPES = [
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable', 'AWS::EC2::InternetGateway',
  'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::EC2::SecurityGroup',
  'AWS::ECS::Service', 'AWS::ECS::Cluster', 'AWS::ECS::ClusterCapacityProviderAssociations', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket',
];

const api = { name: 'api', port: 5000 };
const admin = { name: 'admin', port: 7000 };
const docs = { name: 'docs', port: 6000 };
const DOCS_ROUTE = { pathPattern: '/docs/*', containerName: 'docs', containerPort: 6000 };
const THREE = { sidecars: [api, admin, docs] };

export const CHANGES: Change[] = [
  { name: 'image tag', after: { webImageTag: '1.28' } },
  { name: 'add a container', after: { sidecars: [api, admin] } },
  { name: 'remove a container (not routed)', before: { sidecars: [api, admin] }, after: {} },
  {
    name: 'rename a container (routed)',
    after: { sidecars: [{ name: 'backend', port: 5000 }], routes: [{ ...API_ROUTE, containerName: 'backend' }] },
  },
  { name: 'cpu/memory', after: { cpu: 1024, memoryLimitMiB: 2048 } },
  { name: 'desiredCount (no autoScaling)', before: { autoScaling: false }, after: { autoScaling: false, desiredCount: 4 } },
  { name: 'desiredCount with autoScaling', after: { desiredCount: 3 } },
  { name: 'scaling bounds', after: { minCapacity: 3, maxCapacity: 10 } },
  { name: 'autoScaling turned off', after: { autoScaling: false } },
  { name: 'add a VPC endpoint', after: { vpcEndpoints: [VpcEndpointService.ECR_API] } },
  {
    name: 'remove a VPC endpoint',
    before: { vpcEndpoints: [VpcEndpointService.ECR_API] },
    after: {},
    allow: [/^AWS::EC2::SecurityGroup .*EcrApi/],
  },
  { name: 'natGateways 2 → 1', after: { natGateways: 1 } },
  { name: 'maxAzs 2 → 3', after: { maxAzs: 3 } },
  { name: 'certificate added (HTTP → HTTPS)', after: { certificate: true } },
  {
    name: 'certificate removed (HTTPS → HTTP)',
    before: { certificate: true },
    after: {},
    allow: [/^AWS::ElasticLoadBalancingV2::Listener .*Https/],
  },
  { name: 'health check path and codes', after: { healthCheckPath: '/healthz', healthyHttpCodes: '200' } },
  { name: 'target container port 8080 → 8081', after: { webPort: 8081 } },
  { name: 'route added at the front', before: { ...THREE, routes: [API_ROUTE, DOCS_ROUTE] }, after: { ...THREE, routes: [ADMIN_ROUTE, API_ROUTE, DOCS_ROUTE] } },
  { name: 'route added in the middle', before: { ...THREE, routes: [API_ROUTE, DOCS_ROUTE] }, after: { ...THREE, routes: [API_ROUTE, ADMIN_ROUTE, DOCS_ROUTE] } },
  { name: 'route added at the end', before: { ...THREE, routes: [API_ROUTE, DOCS_ROUTE] }, after: { ...THREE, routes: [API_ROUTE, DOCS_ROUTE, ADMIN_ROUTE] } },
  {
    name: 'first route removed',
    before: { ...THREE, routes: [API_ROUTE, DOCS_ROUTE] },
    after: { ...THREE, routes: [DOCS_ROUTE] },
    allow: [/^AWS::ElasticLoadBalancingV2::TargetGroup .*api/i],
  },
  { name: 'spot turned on', after: { spot: true } },
  { name: 'spot turned off', before: { spot: true }, after: {} },
  { name: 'ECS Exec turned on', after: { exec: true } },
  { name: 'log retention', after: { logRetention: logs.RetentionDays.THREE_MONTHS } },
  { name: 'schedule', after: { scheduleHour: '4' } },
  {
    name: 'constructs moved into a nested construct (plain deploy)',
    after: { nestUnder: 'App' },
    unsafe: 'every logical ID changes; keep them instead (see Moving constructs)',
  },
  { name: 'constructs moved into a nested construct, logical IDs kept (overrideLogicalId by construct path)', after: { nestUnder: 'App' }, keepLogicalIds: true },
  // many services in one environment (FargateEnvironment: shared ALB, Service Connect)
  { name: 'environment: a second service joins the shared load balancer', before: { environment: {} }, after: { environment: { shop: true } } },
  {
    name: 'environment: a service leaves the shared load balancer',
    before: { environment: { shop: true } },
    after: { environment: {} },
    allow: [/^AWS::(ElasticLoadBalancingV2::TargetGroup|EC2::SecurityGroup|ECS::Service|Logs::LogGroup) shop/i],
  },
  { name: 'environment: a host added to a front', before: { environment: {} }, after: { environment: { webHosts: ['www.example.com', 'example.com'] } } },
  { name: 'environment: a service starts calling another (Service Connect)', before: { environment: {} }, after: { environment: { webCallsApi: true } } },
  { name: 'environment: a service published in Service Connect', before: { environment: {} }, after: { environment: { search: true } } },
  { name: 'environment: HTTPS on the shared load balancer', before: { environment: {} }, after: { environment: { certificate: true } } },
  {
    name: 'environment: a front moves from the shared load balancer to one of its own',
    before: { environment: {} },
    after: { environment: { webOwnLoadBalancer: true } },
    allow: [/^AWS::ElasticLoadBalancingV2::TargetGroup WebFrontSharedTargetGroup/],
  },
  {
    name: 'environment: a front moves from a load balancer of its own to the shared one',
    before: { environment: { webOwnLoadBalancer: true } },
    after: { environment: {} },
    allow: [/^AWS::(ElasticLoadBalancingV2::(TargetGroup|LoadBalancer|Listener)|EC2::SecurityGroup|S3::Bucket) WebFront/],
  },
  {
    name: 'environment: a service leaves, the others keep their rule priorities',
    before: { environment: { shop: true } },
    after: { environment: {} },
    allow: [/^AWS::(ElasticLoadBalancingV2::TargetGroup|EC2::SecurityGroup|ECS::Service|Logs::LogGroup) shop/i],
  },
  {
    name: 'environment: two explicit priorities swapped',
    before: { environment: { shop: true, webPriority: 10, shopPriority: 20 } },
    after: { environment: { shop: true, webPriority: 20, shopPriority: 10 } },
    unsafe: 'PriorityInUse: move one rule to a free priority first, then the other, in two deploys',
  },
  { name: 'environment: Container Insights turned off', before: { environment: {} }, after: { environment: { containerInsights: false } } },
  {
    name: 'environment: clusterName set',
    before: { environment: {} },
    after: { environment: { clusterName: 'apps' } },
    unsafe: 'replaces the cluster and every service, and the new services take Service Connect names the old ones still hold: set clusterName on day 1, or never',
  },
  { name: 'the default target moves to a container a route serves', after: { defaultContainer: { name: 'api', port: 5000 } } },
  {
    name: 'a route moves to another container',
    before: { sidecars: [api, admin] },
    after: { sidecars: [api, admin], routes: [{ ...API_ROUTE, containerName: 'admin', containerPort: 7000 }] },
  },
  {
    name: 'topology PRIVATE_WITH_NAT → PRIVATE_ISOLATED',
    after: { topology: VpcTopology.PRIVATE_ISOLATED },
    unsafe: 'new subnets on the CIDRs of the old ones (the create fails) and every task moves: build the new network beside the old one, move the services, then remove the old one',
  },
];

/** One resource's fate in a change. */
export interface Impact {
  readonly logicalId: string;
  readonly type: string;
  /** 'added' | 'updated' | 'replaced' | 'may be replaced' | 'removed' | 'orphaned'. */
  readonly impact: string;
}

const IMPACT_NAMES: Partial<Record<ResourceImpact, string>> = {
  [ResourceImpact.WILL_CREATE]: 'added',
  [ResourceImpact.WILL_UPDATE]: 'updated',
  [ResourceImpact.WILL_REPLACE]: 'replaced',
  [ResourceImpact.MAY_REPLACE]: 'may be replaced',
  [ResourceImpact.WILL_DESTROY]: 'removed',
  [ResourceImpact.WILL_ORPHAN]: 'orphaned',
};

/** CloudFormation's impact of deploying `after` over `before` (by @aws-cdk/cloudformation-diff). */
export function impacts(before: Record<string, any>, after: Record<string, any>): Impact[] {
  const out: Impact[] = [];
  fullDiff(before, after).resources.forEachDifference((logicalId, change) => {
    const name = IMPACT_NAMES[change.changeImpact];
    if (name === undefined) return;
    out.push({ logicalId, type: change.resourceType ?? '?', impact: name });
  });
  return out;
}

/** The impacts that break the promise: a guarded resource replaced, removed or orphaned without the user asking. */
export function hazards(change: Change, list: Impact[]): Impact[] {
  return list.filter(i => GUARDED_TYPES.includes(i.type)
    && ['replaced', 'may be replaced', 'removed', 'orphaned'].includes(i.impact)
    && !(change.allow ?? []).some(re => re.test(`${i.type} ${i.logicalId}`)));
}

/** A one-line summary: counts of impacts per resource type. */
export function summary(list: Impact[]): string {
  const order = ['replaced', 'may be replaced', 'removed', 'orphaned', 'added', 'updated'];
  const parts: string[] = [];
  for (const impact of order) {
    const byType = new Map<string, number>();
    for (const i of list.filter(x => x.impact === impact)) {
      const short = i.type.replace(/^AWS::/, '').replace('ElasticLoadBalancingV2', 'ELBv2').replace('ApplicationAutoScaling', 'AppScaling');
      byType.set(short, (byType.get(short) ?? 0) + 1);
    }
    if (byType.size === 0) continue;
    if (byType.size > 8) {
      parts.push(`${impact}: ${[...byType.values()].reduce((a, b) => a + b, 0)} resources of ${byType.size} types`);
      continue;
    }
    parts.push(`${impact}: ${[...byType].map(([t, n]) => n > 1 ? `${t} ×${n}` : t).join(', ')}`);
  }
  return parts.length === 0 ? 'no change' : parts.join('; ');
}

/**
 * Updates CloudFormation starts and cannot finish, as `cdk-fargate-kit report --compare` names
 * them (src/report/day2-hazards.ts, one implementation for both): a kept target group attached to
 * another load balancer (TargetGroupAssociationLimit), a rule taking a priority another rule held
 * (PriorityInUse), a security group rule re-created under a new logical ID
 * (InvalidPermission.Duplicate), a subnet on the CIDR of one being replaced, and the others.
 */
export function failingUpdates(before: Record<string, any>, after: Record<string, any>): Impact[] {
  const side = (t: Record<string, any>) => [{ name: 'DayTwo', template: new StackTemplate('DayTwo', t as any) }];
  return day2Hazards(side(before), side(after)).filter(h => h.kind.fails)
    .map(h => ({ logicalId: h.subject, type: h.kind.id, impact: `${h.reason} (update fails: ${h.kind.id})` }));
}

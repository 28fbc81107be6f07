import { readFileSync } from 'fs';
import { join } from 'path';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { App, CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { cli, facts, synthToDir } from './helpers';
import { Change, Side } from '../../src/report/day2-change';
import { day2Hazards } from '../../src/report/day2-hazards';
import { HAZARD_KINDS } from '../../src/report/day2-kinds';

// Each hazard from two small apps (before, after) synthesized with aws-cdk-lib: `report --compare`
// must name it, with its reason and safe path, from the templates alone.

/** Synthesizes one stack `App` built by `build` into a temporary cloud assembly. */
function assembly(build: (stack: Stack, app: App) => void): string {
  return synthToDir(outdir => {
    const app = new App({ outdir });
    build(new Stack(app, 'App'), app);
    return app;
  });
}

/** The Day-2 hazards section of `report after --compare before`. */
function hazards(before: string, after: string): string {
  const r = cli('report', after, '--compare', before);
  expect(r.code).toBe(0);
  const from = r.stdout.indexOf('## Day-2 hazards');
  expect(from).toBeGreaterThan(0);
  expect(r.stdout.indexOf('## Exposure changes')).toBeGreaterThan(from); // before the other differences
  return r.stdout.slice(from, r.stdout.indexOf('## Exposure changes'));
}

/** `report --compare` of the apps `build(stack, false)` and `build(stack, true)`. */
function compare(build: (stack: Stack, after: boolean, app: App) => void): string {
  return hazards(assembly((s, app) => build(s, false, app)), assembly((s, app) => build(s, true, app)));
}

/** The hazard lines of a section. */
function lines(section: string): string[] {
  return section.split('\n').filter(l => l.startsWith('- '));
}

const NONE = '_None: no update known to fail, and nothing that carries traffic or data is replaced or removed._';

/** An imported two-AZ VPC: no VPC resources to synthesize. */
function importedVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    publicSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
    privateSubnetIds: ['subnet-0bbbbbbbbbbbbbbb1', 'subnet-0bbbbbbbbbbbbbbb2'],
  });
}

/** A web service on Fargate behind an ALB, in an imported VPC. */
function webService(stack: Stack, v: { tag?: string; clusterName?: string; serviceName?: string } = {}): ecs.FargateService {
  const vpc = importedVpc(stack);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: v.clusterName, enableFargateCapacityProviders: true });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry(`public.ecr.aws/nginx/nginx-unprivileged:${v.tag ?? 'stable'}`),
    portMappings: [{ containerPort: 8080, name: 'web' }],
  });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, serviceName: v.serviceName });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'LB', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 8080, targets: [service] });
  return service;
}

/** A target group's port 80 -> 8080 (docs/report.md's example). */
function targetGroupPort(): string {
  return compare((s, after) => {
    const vpc = importedVpc(s);
    const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc });
    const tg = new elbv2.ApplicationTargetGroup(s, 'TG', { vpc, port: after ? 8080 : 80, targetType: elbv2.TargetType.IP });
    lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
  });
}

/** Two service stacks swap their rules' priorities on an environment stack's listener (docs/report.md's example). */
function sharedListenerSwap(): string {
  const build = (after: boolean) => synthToDir(outdir => {
    const app = new App({ outdir });
    const env = new Stack(app, 'Env');
    const lb = new elbv2.ApplicationLoadBalancer(env, 'LB', { vpc: importedVpc(env) });
    const listener = lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    for (const [name, priority] of [['Shop', after ? 20 : 10], ['Blog', after ? 10 : 20]] as const) {
      const stack = new Stack(app, name);
      new elbv2.ApplicationListenerRule(stack, 'Rule', {
        listener, priority, conditions: [elbv2.ListenerCondition.hostHeaders([`${name.toLowerCase()}.example.com`])], action: elbv2.ListenerAction.fixedResponse(200),
      });
    }
    return app;
  });
  return hazards(build(false), build(true));
}

describe('no hazard', () => {
  test('an app compared with itself', () => {
    const dir = assembly(s => webService(s));
    expect(hazards(dir, dir)).toContain(NONE);
  });

  test('a new container image tag: a new task definition revision, the service updated in place', () => {
    expect(compare((s, after) => webService(s, { tag: after ? '1.27' : 'stable' }))).toContain(NONE);
  });
});

describe('replacements of what carries traffic or data: the property that forces it, what it does, the safe path', () => {
  test('target group: `Port` 80 -> 8080', () => {
    const section = targetGroupPort();
    expect(section).toContain('- ⚠️ **Replacement** App: target group TG: replaced: `Port` 80 → 8080 forces a new one; the new group is empty: '
      + 'listeners forward to it before the service has registered healthy tasks in it (HTTP 503). **Safe path:** keep `Port` as it is; '
      + 'to make the change, add the new target group beside this one (a new logical ID), move the traffic to it, and remove this one in a later deploy');
    // the listener is updated in place (it forwards to the new group): no hazard of its own
    expect(lines(section)).toHaveLength(1);
  });

  test('VPC: a new CIDR replaces the VPC, and through `VpcId` its subnets, route tables and NAT gateway', () => {
    const section = compare((s, after) => {
      new ec2.Vpc(s, 'Net', {
        ipAddresses: ec2.IpAddresses.cidr(after ? '10.1.0.0/16' : '10.0.0.0/16'),
        maxAzs: 1,
        natGateways: 1,
        subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }, { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }],
      });
    });
    expect(section).toContain('⚠️ **Replacement** App: VPC Net: replaced: `CidrBlock` 10.0.0.0/16 → 10.1.0.0/16 forces a new one; every subnet, route table, gateway, endpoint and security group in it is replaced with it');
    expect(section).toContain('⚠️ **Replacement** App: subnet Net/PublicSubnet1/Subnet: replaced: `CidrBlock` 10.0.0.0/24 → 10.1.0.0/24 forces a new one; `VpcId` refers to Net, which is replaced: that forces a new one');
    expect(section).toContain('⚠️ **Replacement** App: route table Net/PrivateSubnet1/RouteTable: replaced: `VpcId` refers to Net, which is replaced: that forces a new one');
    expect(section).toContain('**Safe path:** it follows the replacement of Net: avoid replacing Net');
    expect(section).toMatch(/⚠️ \*\*Replacement\*\* App: NAT gateway Net\/PublicSubnet1\/NATGateway: replaced: `SubnetId` refers to Net\/PublicSubnet1\/Subnet, which is replaced/);
    // the new subnets cannot be created in a new VPC's space while ... they can: a new VPC, no conflict
    expect(section).not.toContain('InvalidSubnet.Conflict');
  });

  test('security group: a new description', () => {
    const section = compare((s, after) => {
      new ec2.SecurityGroup(s, 'SG', { vpc: importedVpc(s), description: after ? 'web tasks' : 'tasks' });
    });
    expect(section).toContain('- ⚠️ **Replacement** App: security group SG: replaced: `GroupDescription` tasks → web tasks forces a new one; a new group ID: every network interface and rule using the group moves to the new one');
  });

  test('load balancer: internet-facing -> internal; its listeners follow', () => {
    const section = compare((s, after) => {
      const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc: importedVpc(s), internetFacing: !after });
      lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    });
    expect(section).toContain('⚠️ **Replacement** App: load balancer LB: replaced: `Scheme` internet-facing → internal forces a new one; a new DNS name: clients and DNS records outside the stack that point at the old name fail once it is deleted');
    expect(section).toContain('⚠️ **Replacement** App: listener LB/Http: replaced: `LoadBalancerArn` refers to LB, which is replaced: that forces a new one');
  });

  test('listener rule: moved to another listener', () => {
    const section = compare((s, after) => {
      const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc: importedVpc(s) });
      const a = lb.addListener('A', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
      const b = lb.addListener('B', { port: 8080, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
      new elbv2.ApplicationListenerRule(s, 'Rule', {
        listener: after ? b : a, priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], action: elbv2.ListenerAction.fixedResponse(200),
      });
    });
    expect(section).toContain('⚠️ **Replacement** App: listener rule Rule: replaced: `ListenerArn` {LB/A} → {LB/B} forces a new one; while it is re-created, its requests go to a lower-priority rule or the default action');
  });

  test('ECS cluster: a new name replaces the cluster, every service on it and its capacity provider associations', () => {
    const section = compare((s, after) => webService(s, { clusterName: after ? 'web-2' : 'web' }));
    expect(section).toContain('⚠️ **ClusterReplacement** App: ECS cluster Cluster: replaced: `ClusterName` web → web-2 forces a new one; every service on it is replaced with it: services Service');
    expect(section).toContain('⚠️ **Replacement** App: ECS service Service: replaced: `Cluster` refers to Cluster, which is replaced: that forces a new one; a new service starts beside the old one at its desired count');
    expect(section).toContain('⚠️ **Replacement** App: capacity provider associations Cluster/Cluster: replaced: `Cluster` refers to Cluster, which is replaced');
  });

  test('log group and S3 bucket: new names; the data stays behind', () => {
    const section = compare((s, after) => {
      new logs.LogGroup(s, 'Logs', { logGroupName: after ? '/app/web-2' : '/app/web' });
      new s3.Bucket(s, 'Data', { bucketName: after ? 'app-data-2' : 'app-data' });
    });
    expect(section).toContain('⚠️ **Replacement** App: log group Logs: replaced: `LogGroupName` /app/web → /app/web-2 forces a new one; the new group is empty; the old one is deleted with its data in the cleanup phase (or kept, no longer managed, with UpdateReplacePolicy Retain) (UpdateReplacePolicy Retain). **Safe path:** keep `LogGroupName` as it is; to make the change, add the new log group beside this one (a new logical ID), copy the data to it, move its users, and remove this one in a later deploy');
    expect(section).toContain('⚠️ **Replacement** App: S3 bucket Data: replaced: `BucketName` app-data → app-data-2 forces a new one; the new bucket is empty');
  });

  test('EFS file system: encryption turned on replaces it and its mount targets', () => {
    const section = compare((s, after) => {
      const vpc = new ec2.Vpc(s, 'Net', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }] });
      new efs.FileSystem(s, 'Files', { vpc, encrypted: after });
    });
    expect(section).toContain('⚠️ **Replacement** App: EFS file system Files: replaced: `Encrypted` false → true forces a new one; the new file system is empty');
    expect(section).toContain('⚠️ **Replacement** App: EFS mount target Files/EfsMountTarget1: replaced: `FileSystemId` refers to Files, which is replaced');
    // a mount target of a new file system: no conflict with the old file system's
    expect(section).not.toContain('MountTargetConflict');
  });

  test('Cloud Map namespace and its services: a new namespace name', () => {
    const section = compare((s, after) => {
      const ns = new servicediscovery.HttpNamespace(s, 'Namespace', { name: after ? 'internal-2' : 'internal' });
      ns.createService('Api', { name: 'api' });
    });
    expect(section).toContain('⚠️ **Replacement** App: Cloud Map namespace Namespace: replaced: `Name` internal → internal-2 forces a new one; every Cloud Map and Service Connect service in it registers anew');
    expect(section).toContain('⚠️ **Replacement** App: Cloud Map service Namespace/Api: replaced: `NamespaceId` refers to Namespace, which is replaced');
    expect(section).not.toContain('DiscoveryNameInUse'); // a new namespace: the name is free there
  });

  test('removals: a bucket is deleted with its data; a retained log group stays, no longer managed', () => {
    const section = compare((s, after) => {
      if (after) return;
      new s3.Bucket(s, 'Data', { removalPolicy: RemovalPolicy.DESTROY });
      new logs.LogGroup(s, 'Logs');
    });
    expect(section).toContain('- ⚠️ **Removal** App: S3 bucket Data: removed: deleted in the cleanup phase with its data. **Safe path:** if you meant to remove it, nothing; if the construct moved or was renamed, keep its logical ID instead (`overrideLogicalId`; docs/changes.md › Moving constructs); to keep its data, set DeletionPolicy Retain');
    expect(section).toContain('- ⚠️ **Removal** App: log group Logs: removed from the stack and kept in the account (DeletionPolicy Retain), no longer managed');
  });
});

describe('updates known to fail: the reason from both templates and the safe path', () => {
  test('TargetGroupAssociationLimit: a kept target group attached to another load balancer', () => {
    const section = compare((s, after) => {
      const vpc = importedVpc(s);
      const tg = new elbv2.ApplicationTargetGroup(s, 'TG', { vpc, port: 80, targetType: elbv2.TargetType.IP });
      const a = new elbv2.ApplicationLoadBalancer(s, 'LbA', { vpc });
      const b = new elbv2.ApplicationLoadBalancer(s, 'LbB', { vpc });
      a.addListener('Http', after ? { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) } : { port: 80, defaultTargetGroups: [tg] });
      if (after) b.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
    });
    expect(section).toContain('**Updates that fail (1):** CloudFormation rolls the whole update back.');
    expect(section).toContain('- ⛔ **TargetGroupAssociationLimit** App: target group TG: it is kept (same logical ID) and listener LbB/Http now attaches it to load balancer LbB, '
      + 'while listener LbA/Http attaches it to LbA until the cleanup phase. **Safe path:** give the target group a new logical ID on the new load balancer');
  });

  test('TargetGroupAssociationLimit: a kept target group whose load balancer is replaced', () => {
    const section = compare((s, after) => {
      const vpc = importedVpc(s);
      const tg = new elbv2.ApplicationTargetGroup(s, 'TG', { vpc, port: 80, targetType: elbv2.TargetType.IP });
      new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc, internetFacing: !after }).addListener('Http', { port: 80, defaultTargetGroups: [tg] });
    });
    expect(section).toContain('⛔ **TargetGroupAssociationLimit** App: target group TG: it is kept (same logical ID) and listener LB/Http now attaches it to load balancer LB (replaced: a new load balancer), while listener LB/Http attaches it to LB until the cleanup phase');
  });

  describe('PriorityInUse', () => {
    function rules(s: Stack, priorities: Record<string, number>): void {
      const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc: importedVpc(s) });
      const listener = lb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
      for (const [path, priority] of Object.entries(priorities)) {
        new elbv2.ApplicationListenerRule(s, `Rule ${path.replace(/\W/g, '')}`, {
          listener, priority, conditions: [elbv2.ListenerCondition.pathPatterns([path])], action: elbv2.ListenerAction.fixedResponse(200),
        });
      }
    }

    test('two rules swap priorities: whichever CloudFormation updates first fails', () => {
      const section = compare((s, after) => rules(s, after ? { '/a/*': 20, '/b/*': 10 } : { '/a/*': 10, '/b/*': 20 }));
      expect(section).toContain('**Updates that fail (2):**');
      expect(section).toContain('- ⛔ **PriorityInUse** App: listener rule Rule a: it takes priority 20 on listener LB/Http, which the old template gives to Rule b, '
        + 'which moves to priority 10 in the same update, in no set order (a swap fails either way). **Safe path:** give the rule a priority that no rule of the old template holds on that listener');
      expect(section).toContain('- ⛔ **PriorityInUse** App: listener rule Rule b: it takes priority 10 on listener LB/Http, which the old template gives to Rule a');
    });

    test('a new rule takes the priority of a removed rule, which is deleted only in cleanup', () => {
      const section = compare((s, after) => rules(s, after ? { '/c/*': 10 } : { '/a/*': 10 }));
      expect(section).toContain('- ⛔ **PriorityInUse** App: listener rule Rule c: it takes priority 10 on listener LB/Http, which the old template gives to Rule a, which is removed, but only in the cleanup phase, after the new one is created');
    });

    test('a new rule on a free priority: no hazard', () => {
      const section = compare((s, after) => rules(s, after ? { '/a/*': 10, '/c/*': 30 } : { '/a/*': 10 }));
      expect(section).toContain(NONE);
    });
  });

  test('PriorityInUse across stacks: two service stacks swap priorities on a shared listener of an environment stack', () => {
    const section = sharedListenerSwap();
    expect(section).toContain('- ⛔ **PriorityInUse** Shop: listener rule Rule: it takes priority 20 on listener Env/LB/Http, which the old template gives to Blog/Rule, which moves to priority 10');
    expect(section).toContain('- ⛔ **PriorityInUse** Blog: listener rule Rule: it takes priority 10 on listener Env/LB/Http, which the old template gives to Shop/Rule, which moves to priority 20');
  });

  test('PriorityInUse on an imported listener (an ARN): a new rule takes the priority of a removed one', () => {
    const section = compare((s, after) => {
      const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(s, 'Shared', {
        listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/shared/0123456789abcdef/0123456789abcdef',
        securityGroup: ec2.SecurityGroup.fromSecurityGroupId(s, 'LbSg', 'sg-0123456789abcdef0'),
      });
      new elbv2.ApplicationListenerRule(s, after ? 'NewRule' : 'OldRule', {
        listener, priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], action: elbv2.ListenerAction.fixedResponse(200),
      });
    });
    expect(section).toContain('- ⛔ **PriorityInUse** App: listener rule NewRule: it takes priority 10 on listener arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/shared/0123456789abcdef/0123456789abcdef, which the old template gives to OldRule, which is removed, but only in the cleanup phase');
  });

  test('DuplicateListener: a listener renamed on the same load balancer and port', () => {
    const section = compare((s, after) => {
      const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc: importedVpc(s) });
      lb.addListener(after ? 'Web' : 'Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    });
    expect(section).toContain('- ⛔ **DuplicateListener** App: listener LB/Web: it takes port 80 on load balancer LB, which listener LB/Http holds, which is removed, but only in the cleanup phase, after the new one is created. **Safe path:** keep the old listener\'s logical ID for it');
    expect(section).toContain('⚠️ **Removal** App: listener LB/Http: removed');
  });

  test('InvalidSubnet.Conflict: subnets re-cut (/24 -> /25) in the same VPC', () => {
    const section = compare((s, after) => {
      new ec2.Vpc(s, 'Net', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: after ? 25 : 24 }] });
    });
    expect(section).toContain('- ⛔ **InvalidSubnet.Conflict** App: subnet Net/PublicSubnet1/Subnet: it is created with 10.0.0.0/25, which overlaps its own old block 10.0.0.0/24 of the old template, deleted only in the cleanup phase. '
      + '**Safe path:** keep the subnets\' blocks (lay new subnets out in free space of the VPC, as FargateVpc does), or build the new layout as a new VPC beside the old one');
    expect(section).toContain('- ⛔ **InvalidSubnet.Conflict** App: subnet Net/PublicSubnet2/Subnet: it is created with 10.0.0.128/25, which overlaps subnet Net/PublicSubnet1/Subnet 10.0.0.0/24 of the old template, which is replaced, its old resource deleted only in the cleanup phase');
    expect(section).toContain('⚠️ **Replacement** App: subnet Net/PublicSubnet1/Subnet: replaced: `CidrBlock` 10.0.0.0/24 → 10.0.0.0/25 forces a new one');
  });

  test('InvalidSubnet.Conflict: a new subnet in the space of a removed one', () => {
    const section = compare((s, after) => {
      const vpc = new ec2.CfnVPC(s, 'Net', { cidrBlock: '10.0.0.0/16' });
      new ec2.CfnSubnet(s, after ? 'Wide' : 'Narrow', { vpcId: vpc.ref, cidrBlock: after ? '10.0.0.0/23' : '10.0.1.0/24', availabilityZone: 'us-east-1a' });
    });
    expect(section).toContain('⛔ **InvalidSubnet.Conflict** App: subnet Wide: it is created with 10.0.0.0/23, which overlaps subnet Narrow 10.0.1.0/24 of the old template, which is removed, but only in the cleanup phase');
  });

  test('MountTargetConflict: a mount target moved to another subnet of the same AZ', () => {
    const section = compare((s, after) => {
      const vpc = new ec2.Vpc(s, 'Net', {
        maxAzs: 1,
        natGateways: 0,
        subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }, { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      });
      new efs.FileSystem(s, 'Files', { vpc, vpcSubnets: { subnetType: after ? ec2.SubnetType.PUBLIC : ec2.SubnetType.PRIVATE_ISOLATED } });
    });
    expect(section).toContain('- ⛔ **MountTargetConflict** App: EFS mount target Files/EfsMountTarget1: it is created in AZ 1 for file system Files, which has its own old mount target there, deleted only in the cleanup phase. '
      + '**Safe path:** keep the mount target (its subnet and addresses as they are), or remove it in one deploy and create the new one in a second');
    expect(section).toContain('⚠️ **Replacement** App: EFS mount target Files/EfsMountTarget1: replaced: `SubnetId` {Net/DataSubnet1/Subnet} → {Net/PublicSubnet1/Subnet} forces a new one');
  });

  test('DiscoveryNameInUse: a replaced ECS service keeps its Service Connect name', () => {
    const section = compare((s, after) => {
      const cluster = new ecs.Cluster(s, 'Cluster', { vpc: importedVpc(s) });
      cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      const taskDefinition = new ecs.FargateTaskDefinition(s, 'Task');
      taskDefinition.addContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), portMappings: [{ containerPort: 8080, name: 'api' }] });
      new ecs.FargateService(s, 'Api', { cluster, taskDefinition, serviceName: after ? 'api-2' : 'api', serviceConnectConfiguration: { services: [{ portMappingName: 'api' }] } });
    });
    expect(section).toContain('- ⛔ **DiscoveryNameInUse** App: ECS service Api: it publishes Service Connect name api in namespace Cluster/DefaultServiceDiscoveryNamespace, which its old service still publishes until the cleanup phase deletes it. '
      + '**Safe path:** keep the service (keep `ServiceName` as it is), or publish the name from the new service only in a second deploy');
    expect(section).toContain('⚠️ **Replacement** App: ECS service Api: replaced: `ServiceName` api → api-2 forces a new one');
  });

  test('DiscoveryNameInUse: a replaced Cloud Map service keeps its name', () => {
    const section = compare((s, after) => {
      new servicediscovery.HttpNamespace(s, 'Namespace', { name: 'internal' }).createService('Api', { name: 'api', customHealthCheck: { failureThreshold: after ? 2 : 1 } });
    });
    expect(section).toContain('- ⛔ **DiscoveryNameInUse** App: Cloud Map service Namespace/Api: it is created with name api, which its old resource keeps until the cleanup phase deletes it (`HealthCheckCustomConfig` {"FailureThreshold":1} → {"FailureThreshold":2} forces a new one). '
      + '**Safe path:** keep it (keep `HealthCheckCustomConfig` as it is), or give it a new name in the same change');
  });

  test('CustomNamedReplacement: a named target group and a named service replaced under their names', () => {
    const section = compare((s, after) => {
      const vpc = importedVpc(s);
      const lb = new elbv2.ApplicationLoadBalancer(s, 'LB', { vpc });
      const tg = new elbv2.ApplicationTargetGroup(s, 'TG', { vpc, targetGroupName: 'web', port: after ? 8080 : 80, targetType: elbv2.TargetType.IP });
      lb.addListener('Http', { port: 80, defaultTargetGroups: [tg] });
      const cluster = new ecs.Cluster(s, 'Cluster', { vpc, enableFargateCapacityProviders: true });
      const taskDefinition = new ecs.FargateTaskDefinition(s, 'Task');
      taskDefinition.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable') });
      new ecs.FargateService(s, 'Service', {
        cluster,
        taskDefinition,
        serviceName: 'web',
        capacityProviderStrategies: after ? [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] : undefined,
      });
    });
    expect(section).toContain('- ⛔ **CustomNamedReplacement** App: target group TG: `Port` 80 → 8080 forces a new one, and it keeps its name `Name` web. '
      + '**Safe path:** give it a new `Name` in the same change (or remove the name and let CloudFormation generate one), or keep `Port` as it is');
    expect(section).toContain('- ⛔ **CustomNamedReplacement** App: ECS service Service: `LaunchType` FARGATE → (none) forces a new one, and it keeps its name `ServiceName` web');
  });

  test('NameInUse: a named log group under a new logical ID (construct renamed)', () => {
    const section = compare((s, after) => {
      new logs.LogGroup(s, after ? 'AppLogs' : 'Logs', { logGroupName: '/app/web' });
    });
    expect(section).toContain('- ⛔ **NameInUse** App: log group AppLogs: it is created with `LogGroupName` /app/web, which log group Logs of the old template holds, which is removed, but only in the cleanup phase, after the new one is created. '
      + '**Safe path:** keep the old resource\'s logical ID for it (`overrideLogicalId`)');
    expect(section).toContain('⚠️ **Removal** App: log group Logs: removed from the stack and kept in the account (DeletionPolicy Retain)');
  });

  test('ExportInUse: the exporting stack drops an export another stack imports', () => {
    const build = (after: boolean) => synthToDir(outdir => {
      const app = new App({ outdir });
      const producer = new Stack(app, 'Producer');
      const bucket = new s3.Bucket(producer, 'Data');
      const consumer = new Stack(app, 'Consumer');
      const queue = new sqs.Queue(consumer, 'Queue');
      new CfnOutput(consumer, 'Where', { value: after ? queue.queueName : bucket.bucketName });
      return app;
    });
    const section = hazards(build(false), build(true));
    expect(section).toMatch(/- ⛔ \*\*ExportInUse\*\* Producer: export Producer:ExportsOutputRefData[0-9A-F]+: the export is removed while stack Consumer of the old assembly imports it \(the exporting stack deploys first\)\. \*\*Safe path:\*\* deploy twice: first keep the old export \(`stack.exportValue\(\.\.\.\)` with the old value\)/);
  });

  test('InvalidPermission.Duplicate: the same security group rule under a new logical ID', () => {
    const section = compare((s, after) => {
      const sg = new ec2.CfnSecurityGroup(s, 'SG', { groupDescription: 'web', vpcId: 'vpc-0123456789abcdef0' });
      new ec2.CfnSecurityGroupIngress(s, after ? 'FromOffice' : 'Office', { groupId: sg.attrGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '203.0.113.0/24' });
    });
    expect(section).toContain('- ⛔ **InvalidPermission.Duplicate** App: security group rule FromOffice: it is the same rule as Office of the old template, which is removed only in the cleanup phase. **Safe path:** keep the old rule\'s logical ID for it (`overrideLogicalId`)');
  });

  test('ResourceTypeChange: one logical ID, another resource type', () => {
    const section = compare((s, after) => {
      const r = after ? new sns.Topic(s, 'Events') : new sqs.Queue(s, 'Events');
      (r.node.defaultChild as sqs.CfnQueue).overrideLogicalId('Events');
    });
    expect(section).toContain('- ⛔ **ResourceTypeChange** App: logical ID Events: was AWS::SQS::Queue, is AWS::SNS::Topic. **Safe path:** give the new resource a logical ID of its own');
  });
});

test('the replacements found agree with @aws-cdk/cloudformation-diff (the library behind cdk diff), references to replaced resources included', () => {
  const pairs = [
    (after: boolean) => assembly(s => webService(s, { clusterName: after ? 'web-2' : 'web', tag: after ? '2' : '1' })),
    (after: boolean) => assembly(s => {
      const vpc = new ec2.Vpc(s, 'Net', { maxAzs: 2, natGateways: 1, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: after ? 25 : 24 }] });
      new ec2.SecurityGroup(s, 'SG', { vpc, description: after ? 'b' : 'a' });
    }),
  ];
  for (const build of pairs) {
    const [before, after] = [facts(build(false)), facts(build(true))];
    const change = new Change(new Side(before), new Side(after));
    const ours = [...new Side(after).resources.values()]
      .filter(r => change.fate(r.key) === 'replaced').map(r => r.logicalId).sort();
    const theirs: string[] = [];
    fullDiff(before[0].template.template as any, after[0].template.template as any).resources.forEachDifference((id, d) => {
      if (d.changeImpact === ResourceImpact.WILL_REPLACE) theirs.push(id);
    });
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs.sort());
  }
});

test('day2Hazards reads templates only: the same hazards without construct metadata', () => {
  const build = (after: boolean) => synthToDir(outdir => {
    const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': false } });
    const s = new Stack(app, 'App');
    new ec2.SecurityGroup(s, 'SG', { vpc: importedVpc(s), description: after ? 'web tasks' : 'tasks' });
    return app;
  });
  const list = day2Hazards(facts(build(false)), facts(build(true)));
  expect(list.map(h => [h.kind.id, h.subject])).toEqual([['Replacement', expect.stringMatching(/^security group SG/)]]);
});

describe('docs/report.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'report.md'), 'utf-8');
  const section = doc.slice(doc.indexOf('## Day-2 hazards'), doc.indexOf('## Limits'));

  test('has a row per hazard kind, saying whether it fails', () => {
    for (const kind of Object.values(HAZARD_KINDS)) {
      expect(section).toContain(`| \`${kind.id}\` | ${kind.fails ? 'fails' : 'goes through'} |`);
    }
  });

  test('its example lines are lines the report prints', () => {
    const example = /```text\n([\s\S]*?)\n```/.exec(section)![1].split('\n');
    const printed = new Set([...lines(sharedListenerSwap()), ...lines(targetGroupPort())]);
    expect(example.length).toBe(2);
    expect(example.filter(l => !printed.has(l))).toEqual([]);
  });
});

import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { cli, synthToDir } from './helpers';
import { AlbFrontedService, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

interface Variant {
  readonly natGateways: number;
  readonly allowedCidrs?: string[];
  /** Adds a bucket the task may read and a deployer that may run the task. */
  readonly grants?: boolean;
}

/** README's example app, changed by `v`. */
function webApp(v: Variant): string {
  return synthToDir(outdir => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'WebApp');
    const network = new FargateVpc(stack, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: v.natGateways });
    const taskDef = new FargateTaskDef(stack, 'WebTask', { cpu: 256, memoryLimitMiB: 512 });
    taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:stable'), ports: [8080] });
    const web = new AlbFrontedService(stack, 'Web', { network, taskDef, allowedCidrs: v.allowedCidrs });
    if (v.grants) {
      new s3.Bucket(stack, 'Assets').grantRead(taskDef.taskDefinition.taskRole);
      const deployer = new iam.Role(stack, 'Deployer', { assumedBy: new iam.AccountRootPrincipal() });
      taskDef.grantRun(deployer, web.fargateService.cluster);
    }
    return app;
  });
}

const before = webApp({ natGateways: 2 });
const after = webApp({ natGateways: 1, allowedCidrs: ['203.0.113.0/24'], grants: true });

test('an assembly compared with itself: no change, $0.00', () => {
  const r = cli('report', before, '--compare', before);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('## Day-2 hazards\n\n_None: no update known to fail, and nothing that carries traffic or data is replaced or removed._\n\n## Exposure changes');
  expect(r.stdout).toContain('## Exposure changes\n\n_No change._');
  expect(r.stdout).toContain('## Permission changes\n\n_No change._');
  expect(r.stdout).toContain('| **all stacks** | $114.75 | $114.75 | **$0.00** |');
});

describe('narrower CIDRs, one NAT gateway, new grants', () => {
  const r = cli('report', after, '--compare', before);
  const section = (title: string) => r.stdout.slice(r.stdout.indexOf(`## ${title}`), r.stdout.indexOf('\n## ', r.stdout.indexOf(`## ${title}`) + 1));

  test('exposure: the world is replaced by 203.0.113.0/24, one NAT gateway for both subnets', () => {
    const exposure = section('Exposure changes');
    expect(exposure).toContain('➕ WebApp: internet-facing application load balancer Web/LoadBalancer: allowed from 203.0.113.0/24 on tcp 80');
    expect(exposure).toContain('➖ WebApp: internet-facing application load balancer Web/LoadBalancer: allowed from 0.0.0.0/0 on tcp 80');
    expect(exposure).toContain('➕ WebApp: service Web/Service: route out NAT gateway (1 for 2 subnets)');
    expect(exposure).toContain('➖ WebApp: service Web/Service: route out NAT gateway (2 for 2 subnets)');
  });

  test('permissions: the task role reads the bucket; the deployer may run the task on the cluster and pass its roles', () => {
    const permissions = section('Permission changes');
    expect(permissions).toContain('➕ WebApp: role WebTask/Roles/TaskRole: Allow s3:GetObject* on {Assets.Arn}, {Assets.Arn}/*');
    expect(permissions).toMatch(/➕ WebApp: Deployer may run arn:.*:task-definition\/WebAppWebTask[0-9A-F]+:\* on \{Web\/Service\/Cluster\.Arn\}, passing \{WebTask\/Roles\/ExecutionRole\.Arn\}, \{WebTask\/Roles\/TaskRole\.Arn\}/);
    expect(permissions).toContain('➕ WebApp: role Deployer: trusted by AWS arn:${AWS::Partition}:iam::${AWS::AccountId}:root');
    expect(permissions).not.toContain('➖');
  });

  test('day-2 hazards: the second NAT gateway and its Elastic IP are removed; nothing fails', () => {
    const hazards = section('Day-2 hazards');
    expect(hazards).not.toContain('⛔');
    expect(hazards).toContain('- ⚠️ **Removal** WebApp: NAT gateway Network/Resource/PublicSubnet2/NATGateway: removed: deleted in the cleanup phase.');
    expect(hazards).toContain('- ⚠️ **Removal** WebApp: Elastic IP Network/Resource/PublicSubnet2/EIP: removed: deleted in the cleanup phase.');
    expect(hazards.split('\n').filter(l => l.startsWith('- '))).toHaveLength(2);
  });

  test('cost: one NAT gateway and its Elastic IP less: (0.045 + 0.005) × 730 = $36.50 a month', () => {
    expect(section('Cost changes')).toContain('| WebApp | $114.75 | $78.25 | -$36.50 |');
  });
});
